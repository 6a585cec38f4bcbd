"""``dossier evaluate GOLD.json``: extraction scored against what careful readers found.

Gold format: a list of {"file" (or "id" + "url" of a cached web page), "date",
"outlet", "title", "actors": [English names or ids], "topics": [ids],
"figures": [{"kind", "value"}]}; reading it is generator/gold.py.  Date, outlet
and title are scored as accuracy (a null against a stated value is wrong, and so
is a value where the gold is null); actors, topics and figures as micro-averaged
precision, recall and F1, over the entries that label them.
"""
from __future__ import annotations

import json
import re
import unicodedata
from collections import Counter
from pathlib import Path

from .extract import extract
from .gold import GoldError, GoldText, load_gold, pages_folder, read_texts  # noqa: F401 (GoldError: for callers)
from .kb import DEFAULT_KB_DIR, load

SET_FIELDS = ("actors", "topics", "figures")


def _key(name: str) -> str:
    """Names compare without case, accents, hyphens or spaces: "Stéphane Dujarric" = "stephane-dujarric"."""
    text = unicodedata.normalize("NFKD", str(name))
    text = "".join(ch for ch in text if not unicodedata.combining(ch))
    return re.sub(r"[^a-z0-9]+", "", text.lower())


def predicted(article, kb) -> dict:
    def names(entry_id):
        entry = kb.entries.get(entry_id)
        return {_key(entry_id)} | ({_key(entry.name_en)} if entry else set())

    return {
        "date": article.date.value,
        "outlet": names(article.outlet_id) if article.outlet_id else ({_key(article.outlet)} if article.outlet else set()),
        "actors": [names(m.id) for m in article.actors],
        "topics": [t for t in article.topics],
        "figures": [(f.kind, float(f.value)) for f in article.figures],
    }


def evaluate(gold_path: Path, kb_dir: Path = DEFAULT_KB_DIR, pages: Path | None = None) -> dict:
    """Scores of the extractor against a gold file; ``pages`` is the cache of page texts
    (default: the ``.pages`` folder beside the gold file)."""
    gold = load_gold(gold_path)
    kb = load(kb_dir)
    folder = pages_folder(gold_path, pages)
    texts = read_texts(gold_path, gold, folder)
    totals = {f: Counter() for f in SET_FIELDS}
    right = Counter()          # date, date-stated, date-null, outlet, title, title-stated, title-null: entries right
    counted = Counter()        # the same: entries scored
    articles = []
    for text in texts:
        if text.raw is None:
            continue
        item = text.item
        article = extract(text.raw, kb)
        pred = predicted(article, kb)
        errors: dict[str, object] = {}
        gold_date = item.get("date")
        date_kind = "date-null" if gold_date is None else "date-stated"
        counted.update(["date", date_kind])
        if pred["date"] == gold_date:
            right.update(["date", date_kind])
        else:
            errors["date"] = {"gold": gold_date, "predicted": pred["date"], "evidence": article.date.evidence}
        gold_outlet = item.get("outlet")
        counted["outlet"] += 1
        if (gold_outlet is None and not pred["outlet"]) or (gold_outlet is not None and _key(gold_outlet) in pred["outlet"]):
            right["outlet"] += 1
        else:
            errors["outlet"] = {"gold": gold_outlet, "predicted": article.outlet}
        if "title" in item:
            title_kind = "title-null" if item["title"] is None else "title-stated"
            counted.update(["title", title_kind])
            if title_matches(item["title"], article.title, article.title_source):
                right.update(["title", title_kind])
            else:
                errors["title"] = {"gold": item["title"], "predicted": article.title, "source": article.title_source}

        if "actors" in item:
            gold_actors = {_key(a) for a in item["actors"]}
            matched = {g for g in gold_actors if any(g in p for p in pred["actors"])}
            false_alarms = [m.id for m, p in zip(article.actors, pred["actors"]) if not (p & gold_actors)]
            _count(totals["actors"], len(matched), len(false_alarms), len(gold_actors - matched))
            if false_alarms or gold_actors - matched:
                errors["actors"] = {"missed": sorted(gold_actors - matched), "false": false_alarms}

        if "topics" in item:
            gold_topics, pred_topics = set(item["topics"]), set(pred["topics"])
            _count(totals["topics"], len(gold_topics & pred_topics), len(pred_topics - gold_topics), len(gold_topics - pred_topics))
            if gold_topics != pred_topics:
                errors["topics"] = {"missed": sorted(gold_topics - pred_topics), "false": sorted(pred_topics - gold_topics)}

        if "figures" in item:
            gold_figures = Counter((f["kind"], float(f["value"])) for f in item["figures"])
            pred_figures = Counter(pred["figures"])
            hit = sum((gold_figures & pred_figures).values())
            _count(totals["figures"], hit, sum(pred_figures.values()) - hit, sum(gold_figures.values()) - hit)
            if gold_figures != pred_figures:
                errors["figures"] = {"missed": sorted(gold_figures - pred_figures), "false": sorted(pred_figures - gold_figures)}
        if errors:
            articles.append({("file" if "file" in item else "id"): text.key, **errors})

    missing_pages = [t.key for t in texts if t.missing_page]
    scores = {"articles": counted["date"],
              "unreadable": [f"{t.key}: {t.problem}" for t in texts if t.raw is None and not t.missing_page],
              "missing_pages": {"folder": str(folder), "count": len(missing_pages), "ids": missing_pages},
              "date": {"accuracy": _ratio(right["date"], counted["date"]),
                       **{f"{kind}_{n}": c[f"date-{kind}"] for kind in ("stated", "null") for n, c in (("right", right), ("total", counted))}},
              "outlet": {"accuracy": _ratio(right["outlet"], counted["outlet"])}}
    if counted["title"]:
        scores["title"] = {"accuracy": _ratio(right["title"], counted["title"]), "right": right["title"], "total": counted["title"],
                           **{f"{kind}_{n}": c[f"title-{kind}"] for kind in ("stated", "null") for n, c in (("right", right), ("total", counted))}}
    for field, c in totals.items():
        p, r = _ratio(c["tp"], c["tp"] + c["fp"]), _ratio(c["tp"], c["tp"] + c["fn"])
        scores[field] = {"precision": p, "recall": r, "f1": _ratio(2 * p * r, p + r), **{k: c[k] for k in ("tp", "fp", "fn")}}
    scores["errors"] = articles
    return scores


def _spaced(text: str) -> str:
    return " ".join(unicodedata.normalize("NFC", text).split())


def title_matches(gold: str | None, title: str, title_source: str) -> bool:
    """A headline is right when it is the gold words (white space aside); a page whose text
    starts with the body (gold null) is right when no headline was claimed for it."""
    if gold is None:
        return title_source != "headline"
    return _spaced(gold) == _spaced(title or "")


def _count(counter: Counter, tp: int, fp: int, fn: int) -> None:
    counter["tp"] += tp
    counter["fp"] += fp
    counter["fn"] += fn


def _ratio(a: float, b: float) -> float:
    return round(a / b, 3) if b else 0.0


def print_scores(scores: dict, errors: bool = False) -> None:
    print(f"articles scored: {scores['articles']}" + (f"  (unreadable: {len(scores['unreadable'])})" if scores["unreadable"] else ""))
    print(f"{'field':<10}{'precision':>10}{'recall':>10}{'F1':>8}{'accuracy':>10}")
    for field in ("date", "outlet", "title"):
        if field in scores:
            print(f"{field:<10}{'':>10}{'':>10}{'':>8}{scores[field]['accuracy']:>10.3f}")
    for field in SET_FIELDS:
        s = scores[field]
        print(f"{field:<10}{s['precision']:>10.3f}{s['recall']:>10.3f}{s['f1']:>8.3f}")
    d = scores["date"]
    print(f"dates: {d['stated_right']} of {d['stated_total']} stated right, {d['null_right']} of {d['null_total']} nulls right")
    if "title" in scores:
        t = scores["title"]
        print(f"titles: {t['stated_right']} of {t['stated_total']} headlines right, "
              f"{t['null_right']} of {t['null_total']} pages without one right")
    for line in scores["unreadable"]:
        print(f"unreadable: {line}")
    if errors:
        for article in scores["errors"]:
            print(json.dumps(article, ensure_ascii=False))
