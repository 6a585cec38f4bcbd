"""The research views' data files (generator/views) checked against the Article records they come from."""
from __future__ import annotations

import json
import random
from collections import Counter
from itertools import combinations

import pytest

from conftest import PROJECT, SEEDS
from generator.build import build
from generator.extract.text import split_sentences
from generator.kb import load
from generator.search import search_analyzer
from generator.views import render_views
from generator.views.figures_tracker import KINDS
from generator.views.network import MAP_NODES
from generator.writer import read_manifest

FIXTURES = PROJECT / "tests" / "fixtures" / "views"


@pytest.fixture(scope="module")
def built(tmp_path_factory):
    docs = tmp_path_factory.mktemp("views") / "docs"
    report, articles = build([SEEDS, FIXTURES], docs)
    return docs, report, articles


def data(docs, path):
    return json.loads((docs / path).read_text(encoding="utf-8"))


def by_file(articles, name):
    return next(a for a in articles if a.source_name == name)


# --- figure tracker ------------------------------------------------------------------------------

def points_of(docs, kind) -> list[dict]:
    """The data file's compact points, spelled out."""
    figure = data(docs, f"figures/{kind}.json")
    return [{"date": d, "value": v, "source": figure["sources"][s], "article": figure["articles"][a]["id"],
             "title": figure["articles"][a]["title"], "text": words, "qualifier": q, "precision": precision}
            for d, v, s, a, words, q, precision in figure["points"]]


def test_a_point_per_stated_figure_of_a_dated_article(built):
    docs, _, articles = built
    for kind in KINDS:
        points = points_of(docs, kind)
        expected = sorted((a.id, f.value, f.text, f.qualifier) for a in articles if a.date.value and len(a.date.value) >= 7
                          for f in a.figures if f.kind == kind)
        assert sorted((p["article"], p["value"], p["text"], p["qualifier"]) for p in points) == expected
        for p in points:
            article = next(a for a in articles if a.id == p["article"])
            assert p["date"][:len(article.date.value)] == article.date.value
            assert p["title"] == article.title
            assert p["precision"] == ("day" if len(article.date.value) == 10 else "month")
    undated = by_file(articles, "views-04.txt")
    assert not undated.date.value
    assert all(p["article"] != undated.id for kind in KINDS for p in points_of(docs, kind))


def test_who_gives_a_figure_is_the_attributed_actor_else_the_outlet(built):
    docs, _, articles = built
    points = points_of(docs, "killed")
    seed = next(p for p in points if p["value"] == 56500)
    assert seed["source"] == {"id": "gaza-health-ministry", "label": "وزارة الصحة في غزة", "attributed": True}
    own = next(p for p in points if p["article"] == by_file(articles, "views-02.txt").id)
    assert (own["source"]["label"], own["source"]["attributed"]) == ("موقع الرصد الإخباري", False)


def test_two_sources_with_different_tolls_within_a_week_are_a_disagreement(built):
    docs, _, articles = built
    killed, points = data(docs, "figures/killed.json"), points_of(docs, "killed")
    assert {points[i]["article"] for i in killed["disputed"]} == {by_file(articles, "views-01.txt").id,
                                                                 by_file(articles, "views-02.txt").id}
    page = (docs / "figures/killed.md").read_text(encoding="utf-8")
    assert "أرقام متباينة خلال أسبوع (1)" in page and "23,084" in page and "23,350" in page


# --- actor network --------------------------------------------------------------------------------

def shared_articles(articles):
    counts = Counter()
    for a in articles:
        counts.update(combinations(sorted({m.id for m in a.actors}), 2))
    return counts


def test_cooccurrence_is_symmetric_and_counts_the_articles_shared(built):
    docs, _, articles = built
    shared = shared_articles(articles)
    actors = {m.id for a in articles for m in a.actors}
    files = {actor: data(docs, f"actors/{actor}.json") for actor in actors}
    checked = 0
    for actor, hood in files.items():
        assert hood["center"]["articles"] == sum(1 for a in articles if actor in {m.id for m in a.actors})
        for other in hood["neighbours"]:
            assert other["articles"] == shared[tuple(sorted((actor, other["id"])))]
            mirror = next(n for n in files[other["id"]]["neighbours"] if n["id"] == actor)
            assert (mirror["articles"], mirror["sentences"]) == (other["articles"], other["sentences"])
            assert other["sentences"] >= 0
            checked += 1
        assert {n["id"] for n in hood["neighbours"]} == {b if a == actor else a for a, b in shared if actor in (a, b)}
    assert checked > 100


def test_the_map_edges_carry_the_same_weights(built):
    docs, _, articles = built
    network = data(docs, "network/network.json")
    shared = shared_articles(articles)
    ids = [n["id"] for n in network["nodes"]]
    assert len(ids) == min(MAP_NODES, len({m.id for a in articles for m in a.actors}))
    edges = {tuple(sorted((ids[a], ids[b]))): (n, s) for a, b, n, s in network["edges"]}
    assert {pair: n for pair, (n, _) in edges.items()} == {p: n for p, n in shared.items() if p[0] in ids and p[1] in ids}
    for (a, b), (_, sentences) in edges.items():
        hood = data(docs, f"actors/{a}.json")
        assert next(n for n in hood["neighbours"] if n["id"] == b)["sentences"] == sentences


def test_sentence_cooccurrence_counts_sentences_naming_both(built):
    """Read off the fixtures by hand: in views-01 one sentence names Hamas and Qatar together
    ("قالت حركة حماس إن وفدا منها سيلتقي بالوسطاء في قطر ومصر"); in views-04 they share the
    article but never a sentence, while Qatar and Egypt share one ("الوسطاء في قطر ومصر")."""
    _, _, articles = built
    kb = load()
    for name, shared_sentences in (("views-01.txt", 1), ("views-04.txt", 0)):
        views = render_views([by_file(articles, name)], kb)
        hood = {n["id"]: n for n in json.loads(views.data["actors/qatar.json"])["neighbours"]}
        assert (hood["hamas"]["articles"], hood["hamas"]["sentences"]) == (1, shared_sentences), name
        assert (hood["egypt"]["articles"], hood["egypt"]["sentences"]) == (1, 1), name


def test_the_filter_rows_recount_to_the_map(built):
    """network/articles.json, summed over every article, gives the map's own weights."""
    docs, _, _ = built
    network = data(docs, "network/network.json")
    rows = data(docs, "network/articles.json")["rows"]
    per_pair, per_sentence_pair = Counter(), Counter()
    for _month, _topics, present, pairs in rows:
        per_pair.update(combinations(sorted(present), 2))
        for a, b, n in pairs:
            per_sentence_pair[tuple(sorted((a, b)))] += n
    for a, b, n, s in network["edges"]:
        assert per_pair[tuple(sorted((a, b)))] == n
        assert per_sentence_pair[tuple(sorted((a, b)))] == s


# --- timeline ---------------------------------------------------------------------------------------

def test_timeline_counts_every_article_once_by_month(built):
    docs, _, articles = built
    timeline = data(docs, "dates/timeline.json")
    assert timeline["unit"] == "month"            # the seeds and fixtures span 2024-2025
    totals = {b["key"]: b["total"] for b in timeline["buckets"]}
    assert totals == dict(Counter(a.date.value[:7] for a in articles if a.date.value))
    assert timeline["undated"] == sum(1 for a in articles if not a.date.value)
    assert sum(totals.values()) + timeline["undated"] + timeline["imprecise"] == len(articles)
    topics = [t["id"] for t in timeline["topics"]]
    for bucket in timeline["buckets"]:
        group = [a for a in articles if (a.date.value or "").startswith(bucket["key"])]
        for topic, count in zip(topics, bucket["counts"]):
            assert count == sum(1 for a in group if (topic in a.topics if topic != "none" else not a.topics))
    lists = data(docs, "dates/timeline-articles.json")
    assert {k: sorted(i["id"] for i in v) for k, v in lists.items()} == {
        b["key"]: sorted(a.id for a in articles if (a.date.value or "").startswith(b["key"])) for b in timeline["buckets"]}


def test_the_timeline_table_prints_the_data_files_numbers(built):
    docs, _, _ = built
    timeline = data(docs, "dates/timeline.json")
    page = (docs / "dates/index.md").read_text(encoding="utf-8")
    for bucket in timeline["buckets"]:
        row = next(line for line in page.splitlines() if f'<bdi dir="ltr">{bucket["key"]}</bdi>' in line and line.startswith("|"))
        cells = [c.strip() for c in row.strip("|").split("|")]
        assert cells[1] == str(bucket["total"])
        assert cells[2:] == [str(n) if n else "" for n in bucket["counts"]]


def test_a_short_span_is_counted_by_week(tmp_path):
    _, articles = build([SEEDS], tmp_path / "docs")
    timeline = json.loads((tmp_path / "docs/dates/timeline.json").read_text(encoding="utf-8"))
    assert timeline["unit"] == "week"
    # 2025-05-11 is a Sunday: its week starts on Monday 2025-05-05; 2025-06-30 is a Monday.
    assert [b["key"] for b in timeline["buckets"]] == ["2025-05-05", "2025-06-30"]


# --- quotes -----------------------------------------------------------------------------------------

def test_each_actor_page_lists_what_the_actor_said(built):
    docs, _, articles = built
    said = Counter(q.speaker for a in articles for q in a.quotes if q.speaker)
    assert said["benjamin-netanyahu"] >= 2
    for actor, count in said.items():
        page = (docs / f"actors/{actor}.md").read_text(encoding="utf-8")
        assert f"## ما قاله ({count}) {{#quotes}}" in page
    index = (docs / "quotes/index.md").read_text(encoding="utf-8")
    assert f"| [بنيامين نتنياهو](../actors/benjamin-netanyahu.md#quotes) | {said['benjamin-netanyahu']} |" in index


# --- keyword in context ------------------------------------------------------------------------------

def kwic_sentences(docs) -> list[tuple[str, str]]:
    """(article id, sentence) in reading order, over every shard that the index lists."""
    index = data(docs, "search/kwic/index.json")
    out = []
    for path in index["shards"]:
        shard = data(docs, path)
        out += [(shard["articles"][number]["id"], text) for number, text in shard["sentences"]]
    return out


def test_kwic_holds_every_sentence_of_every_article(built):
    docs, _, articles = built
    sentences = kwic_sentences(docs)
    assert data(docs, "search/kwic/index.json")["articles"] == len(articles)
    for a in articles:
        mine = [text for article_id, text in sentences if article_id == a.id]
        assert mine == [" ".join(s.text.split()) for s in split_sentences(a.paragraphs)]


def test_kwic_shards_hold_a_fixed_number_of_articles_newest_first(built, monkeypatch):
    _, _, articles = built
    monkeypatch.setattr("generator.views.kwic.SHARD_ARTICLES", 4)
    views = render_views(articles, load())
    index = json.loads(views.data["search/kwic/index.json"])
    assert index["shards"] == ["search/kwic/000.json", "search/kwic/001.json", "search/kwic/002.json"]
    shards = [json.loads(views.data[path]) for path in index["shards"]]
    assert [len(s["articles"]) for s in shards] == [4, 4, 1]
    dates = [a["date"] for s in shards for a in s["articles"]]
    dated = [d for d in dates if d]
    assert dated == sorted(dated, reverse=True) and dates == dated + [None] * (len(dates) - len(dated))


# --- files: owned, listed, deterministic -------------------------------------------------------------

def test_view_files_are_owned_by_the_manifest_and_reported_as_written(built):
    docs, report, _ = built
    manifest = read_manifest(docs)
    expected = ["dates/timeline.json", "dates/timeline-articles.json", "network/network.json", "network/articles.json",
                "search/kwic/index.json", "search/kwic/000.json", "actors/hamas.json", "figures/index.md", "network/index.md", "quotes/index.md",
                *(f"figures/{kind}.json" for kind in KINDS)]
    for path in expected:
        assert path in manifest
        assert path in report.write.written


def test_views_are_the_same_bytes_whatever_the_order_of_the_records(built):
    _, _, articles = built
    kb = load()
    first = render_views(articles, kb)
    shuffled = list(articles)
    random.Random(7).shuffle(shuffled)
    second = render_views(shuffled, kb)
    assert first.data == second.data and first.pages == second.pages and first.sections == second.sections


def kwic_matches(docs, query: str) -> int:
    """What the keyword-in-context tab must find, with the search's analyser in Python."""
    analyzer, _ = search_analyzer(load())
    wanted = set(analyzer.analyze(query))
    return sum(1 for _, text in kwic_sentences(docs) if wanted <= set(analyzer.analyze(text)))


def test_kwic_finds_clitic_forms_as_the_search_does(built):
    docs, _, _ = built
    assert kwic_matches(docs, "حماس") > 5
    assert kwic_matches(docs, "حماس") == kwic_matches(docs, "وحماس") == kwic_matches(docs, "لحماس")
