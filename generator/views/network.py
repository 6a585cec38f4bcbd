"""The actor network: who appears with whom.

Two weights for every pair of actors: the number of articles that name both (``articles``),
and the number of sentences that name both (``sentences``).  An actor is in a sentence when the
knowledge base's matcher finds one of its names there, or when the sentence is the one its
mention was found in (which covers a state named only by an adjective, "مسؤول مصري", and a person
named by office on the article's date).

Files (docs/network/): ``network.json`` draws the map of the MAP_NODES most frequent actors, at
positions laid out here (deterministic, and nothing to simulate in the browser);
``articles.json`` holds, per article, its month, topics, actors and sentence pairs, fetched only
when the reader filters by topic or period, so the first drawing stays small.  Each actor page
gets its own neighbourhood (docs/actors/<id>.json): every actor it appears with.
"""
from __future__ import annotations

import math
from collections import Counter
from itertools import combinations

from ..extract.text import Sentence
from ..kb import KnowledgeBase
from ..markdown import escape
from ..records import Article
from .common import actor_label, placeholder

DATA = "network/network.json"
ARTICLES = "network/articles.json"
MAP_NODES = 120
NEIGHBOURS_DRAWN = 30
TABLE_PAIRS = 50
LAYOUT_ROUNDS = 60


def actor_sets(article: Article, sentences: list[Sentence], kb: KnowledgeBase) -> tuple[list[str], list[set[str]]]:
    """The article's actors (sorted ids) and, per sentence, which of them it names."""
    ids = sorted({m.id for m in article.actors})
    wanted = set(ids)
    first_seen: dict[str, set[str]] = {}
    for m in article.actors:
        first_seen.setdefault(" ".join(m.sentence.split()), set()).add(m.id)
    per_sentence = []
    for sentence in sentences if len(ids) > 1 else []:
        here = {hit.target for hit in kb.matcher.find(sentence.tokens) if hit.target in wanted}
        here |= first_seen.get(" ".join(sentence.text.split()), set())
        if len(here) > 1:
            per_sentence.append(here)
    return ids, per_sentence


def cooccurrence(articles: list[Article], sentences: dict[str, list[Sentence]],
                 kb: KnowledgeBase) -> tuple[Counter, Counter, Counter, list[dict]]:
    """(articles per actor, articles per pair, sentences per pair, one row per article for filtering).

    ``sentences``: each article's sentences by id (split once for all the views).

    A pair is a sorted tuple of two actor ids, so each count is symmetric by construction."""
    per_actor, pair_articles, pair_sentences = Counter(), Counter(), Counter()
    rows = []
    for a in sorted(articles, key=lambda a: a.id):
        ids, named = actor_sets(a, sentences[a.id], kb)
        per_actor.update(ids)
        pair_articles.update(combinations(ids, 2))
        in_sentences = Counter(pair for here in named for pair in combinations(sorted(here), 2))
        pair_sentences.update(in_sentences)
        rows.append({"id": a.id, "month": (a.date.value or "")[:7], "topics": a.topics, "actors": ids,
                     "sentence_pairs": in_sentences})
    return per_actor, pair_articles, pair_sentences, rows


def layout(nodes: list[str], weights: dict[tuple[str, str], int]) -> dict[str, tuple[float, float]]:
    """Fruchterman-Reingold from a circle, a fixed number of rounds: the same input, the same picture."""
    n = len(nodes)
    if n == 0:
        return {}
    pos = [[math.cos(2 * math.pi * i / n), math.sin(2 * math.pi * i / n)] for i in range(n)]
    index = {node: i for i, node in enumerate(nodes)}
    springs = [(index[a], index[b], math.log1p(w)) for (a, b), w in sorted(weights.items()) if a in index and b in index]
    k = math.sqrt(4.0 / n)
    for round_ in range(LAYOUT_ROUNDS):
        heat = 0.1 * (1 - round_ / LAYOUT_ROUNDS) + 0.005
        push = [[0.0, 0.0] for _ in range(n)]
        for i in range(n):
            xi, yi = pos[i]
            for j in range(i + 1, n):
                dx, dy = xi - pos[j][0], yi - pos[j][1]
                d2 = dx * dx + dy * dy or 1e-9
                f = k * k / d2
                push[i][0] += dx * f; push[i][1] += dy * f
                push[j][0] -= dx * f; push[j][1] -= dy * f
        for i, j, w in springs:
            dx, dy = pos[i][0] - pos[j][0], pos[i][1] - pos[j][1]
            d = math.hypot(dx, dy) or 1e-9
            f = d * w / k
            push[i][0] -= dx / d * f; push[i][1] -= dy / d * f
            push[j][0] += dx / d * f; push[j][1] += dy / d * f
        for i in range(n):
            # a weak pull to the centre keeps actors that share nothing with the map from drifting off
            fx, fy = push[i][0] - pos[i][0] * 0.05, push[i][1] - pos[i][1] * 0.05
            size = math.hypot(fx, fy) or 1e-9
            step = min(size, heat)
            pos[i][0] += fx / size * step
            pos[i][1] += fy / size * step
    return {node: (round(pos[index[node]][0], 4), round(pos[index[node]][1], 4)) for node in nodes}


def network_files(articles: list[Article], sentences: dict[str, list[Sentence]],
                  kb: KnowledgeBase) -> tuple[dict, dict, dict[str, dict]]:
    """(network.json, articles.json, {actor id: its neighbourhood})."""
    per_actor, pair_articles, pair_sentences, rows = cooccurrence(articles, sentences, kb)
    ranked = sorted(per_actor, key=lambda i: (-per_actor[i], i))[:MAP_NODES]
    on_map = set(ranked)
    positions = layout(ranked, {p: w for p, w in pair_articles.items() if p[0] in on_map and p[1] in on_map})
    index = {actor: i for i, actor in enumerate(ranked)}
    nodes = [{"id": i, "label": actor_label(i, kb), "type": kb.entries[i].type if i in kb.entries else None,
              "articles": per_actor[i], "url": f"actors/{i}/", "x": positions[i][0], "y": positions[i][1]}
             for i in ranked]
    edges = [[index[a], index[b], n, pair_sentences.get((a, b), 0)]
             for (a, b), n in sorted(pair_articles.items()) if a in on_map and b in on_map]
    topics = [t.id for t in kb.topics]
    network = {"nodes": nodes, "edges": edges, "articles": ARTICLES,
               "topics": [{"id": t.id, "label": t.name_ar} for t in kb.topics],
               "months": sorted({r["month"] for r in rows if r["month"]})}
    filter_rows = []
    for r in rows:
        present = [index[i] for i in r["actors"] if i in on_map]
        if len(present) < 2:
            continue
        pairs = [[index[a], index[b], n] for (a, b), n in sorted(r["sentence_pairs"].items())
                 if a in on_map and b in on_map]
        filter_rows.append([r["month"], [topics.index(t) for t in r["topics"] if t in topics], sorted(present), pairs])
    adjacent: dict[str, list[tuple[str, int]]] = {actor: [] for actor in per_actor}
    for (a, b), n in pair_articles.items():
        adjacent[a].append((b, n))
        adjacent[b].append((a, n))
    neighbourhoods = {}
    for actor in sorted(per_actor):
        around = sorted(adjacent[actor], key=lambda kv: (-kv[1], kv[0]))
        neighbourhoods[actor] = {
            "center": {"id": actor, "label": actor_label(actor, kb), "articles": per_actor[actor], "url": f"actors/{actor}/"},
            "neighbours": [{"id": other, "label": actor_label(other, kb), "url": f"actors/{other}/", "articles": n,
                            "sentences": pair_sentences.get(tuple(sorted((actor, other))), 0)} for other, n in around],
            "drawn": NEIGHBOURS_DRAWN,
        }
    return network, {"rows": filter_rows}, neighbourhoods


def network_page(network: dict) -> str:
    nodes, edges = network["nodes"], network["edges"]
    lines = ["---", "title: شبكة الفاعلين", "---", "", "# شبكة الفاعلين", "",
             f"من يظهر مع من: الخط بين فاعلَين أثخن كلما كثرت المقالات التي تذكرهما معًا. تعرض الخريطة "
             f"أكثر {MAP_NODES} فاعلًا ذكرًا؛ اختر موضوعًا أو فترة لتُعاد الأوزان على مقالاتها وحدها، "
             "واختر فاعلًا لتفتح صفحته.", "", placeholder("network", DATA), ""]
    if edges:
        top = sorted(edges, key=lambda e: (-e[2], -e[3], nodes[e[0]]["id"], nodes[e[1]]["id"]))[:TABLE_PAIRS]
        lines += [f"## أكثر الأزواج ظهورًا معًا ({len(top)} من {len(edges)})", "",
                  "| الفاعل | الفاعل | مقالات مشتركة | جمل مشتركة |", "| --- | --- | --- | --- |"]
        for a, b, n, s in top:
            lines.append(f"| {_link(nodes[a])} | {_link(nodes[b])} | {n} | {s} |")
    return "\n".join(lines) + "\n"


def neighbourhood_section(actor_id: str, data: dict) -> str:
    if not data["neighbours"]:
        return ""
    lines = ["## شبكته", "", "الفاعلون الذين يظهرون معه: في المقالة نفسها، وفي الجملة نفسها.", "",
             placeholder("neighbourhood", f"actors/{actor_id}.json"), "",
             "| الفاعل | مقالات مشتركة | جمل مشتركة |", "| --- | --- | --- |"]
    for other in data["neighbours"]:
        lines.append(f"| [{escape(other['label'])}]({other['id']}.md) | {other['articles']} | {other['sentences']} |")
    return "\n".join(lines) + "\n"


def _link(node: dict) -> str:
    return f"[{escape(node['label'])}](../actors/{node['id']}.md)"
