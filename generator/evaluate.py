"""``dossier evaluate GOLD.json``: extraction scored against what careful readers found.

Gold format: a list of {"file", "date", "outlet", "actors": [English names or ids],
"topics": [ids], "figures": [{"kind", "value"}]}.  File paths are relative to the
current folder or the project.  Date and outlet are scored as accuracy (a null
against a stated value is wrong, and so is a value where the gold is null);
actors, topics and figures as micro-averaged precision, recall and F1.
"""
from __future__ import annotations

import json
import re
import unicodedata
from collections import Counter
from pathlib import Path

from .extract import extract
from .ingest import InputError, read_article
from .kb import DEFAULT_KB_DIR, load

PROJECT = Path(__file__).resolve().parent.parent
SET_FIELDS = ("actors", "topics", "figures")


def _key(name: str) -> str:
    """Names compare without case, accents, hyphens or spaces: "Stéphane Dujarric" = "stephane-dujarric"."""
    text = unicodedata.normalize("NFKD", str(name))
    text = "".join(ch for ch in text if not unicodedata.combining(ch))
    return re.sub(r"[^a-z0-9]+", "", text.lower())


class GoldError(Exception):
    """A gold file that cannot be scored against; the message names the file and what is wrong."""

    def __init__(self, path: Path, problem: str):
        super().__init__(f"{path}: {problem}")


def load_gold(path: Path) -> list[dict]:
    """The entries of a gold file, checked, so that a typo in it is a message and not a traceback."""
    try:
        gold = json.loads(Path(path).read_text(encoding="utf-8"))
    except OSError as err:
        raise GoldError(path, f"cannot be read ({err.strerror or err})") from None
    except UnicodeDecodeError:
        raise GoldError(path, "is not UTF-8 text") from None
    except ValueError as err:
        raise GoldError(path, f"is not valid JSON ({err})") from None
    if not isinstance(gold, list):
        raise GoldError(path, f"must be a list of articles, not a {type(gold).__name__}")
    for number, item in enumerate(gold, 1):
        problem = _entry_problem(item)
        if problem:
            raise GoldError(path, f"entry {number} {problem}")
    return gold


def _entry_problem(item) -> str | None:
    if not isinstance(item, dict):
        return f"must be an object, not {json.dumps(item, ensure_ascii=False)[:60]}"
    if not isinstance(item.get("file"), str):
        return 'has no "file" (the path of the article)'
    for key in ("date", "outlet"):
        if item.get(key) is not None and not isinstance(item[key], str):
            return f'({item["file"]}): "{key}" must be text or null'
    for key in ("actors", "topics"):
        if not isinstance(item.get(key, []), list) or not all(isinstance(v, str) for v in item.get(key, [])):
            return f'({item["file"]}): "{key}" must be a list of names or ids'
    figures = item.get("figures", [])
    if not isinstance(figures, list) or not all(
            isinstance(f, dict) and isinstance(f.get("kind"), str) and isinstance(f.get("value"), (int, float))
            and not isinstance(f.get("value"), bool) for f in figures):
        return f'({item["file"]}): "figures" must be a list of {{"kind": text, "value": number}}'
    return None


def _resolve(path: str, gold_file: Path) -> Path:
    for base in (Path.cwd(), PROJECT, gold_file.parent):
        candidate = base / path
        if candidate.exists():
            return candidate
    return Path(path)


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


def evaluate(gold_path: Path, kb_dir: Path = DEFAULT_KB_DIR) -> dict:
    gold = load_gold(gold_path)
    kb = load(kb_dir)
    totals = {f: Counter() for f in SET_FIELDS}
    date_right = outlet_right = scored = 0
    missing, articles = [], []
    for item in gold:
        path = _resolve(item["file"], Path(gold_path))
        try:
            article = extract(read_article(path), kb)
        except InputError as err:
            missing.append(f"{item['file']}: {err.problem}")
            continue
        except OSError as err:
            missing.append(f"{item['file']}: {err.strerror or err}")
            continue
        scored += 1
        pred = predicted(article, kb)
        errors: dict[str, object] = {}
        if pred["date"] == item.get("date"):
            date_right += 1
        else:
            errors["date"] = {"gold": item.get("date"), "predicted": pred["date"]}
        gold_outlet = item.get("outlet")
        if (gold_outlet is None and not pred["outlet"]) or (gold_outlet is not None and _key(gold_outlet) in pred["outlet"]):
            outlet_right += 1
        else:
            errors["outlet"] = {"gold": gold_outlet, "predicted": article.outlet}

        gold_actors = {_key(a) for a in item.get("actors", [])}
        matched = {g for g in gold_actors if any(g in p for p in pred["actors"])}
        false_alarms = [m.id for m, p in zip(article.actors, pred["actors"]) if not (p & gold_actors)]
        _count(totals["actors"], len(matched), len(false_alarms), len(gold_actors - matched))
        if false_alarms or gold_actors - matched:
            errors["actors"] = {"missed": sorted(gold_actors - matched), "false": false_alarms}

        gold_topics, pred_topics = set(item.get("topics", [])), set(pred["topics"])
        _count(totals["topics"], len(gold_topics & pred_topics), len(pred_topics - gold_topics), len(gold_topics - pred_topics))
        if gold_topics != pred_topics:
            errors["topics"] = {"missed": sorted(gold_topics - pred_topics), "false": sorted(pred_topics - gold_topics)}

        gold_figures = Counter((f["kind"], float(f["value"])) for f in item.get("figures", []))
        pred_figures = Counter(pred["figures"])
        hit = sum((gold_figures & pred_figures).values())
        _count(totals["figures"], hit, sum(pred_figures.values()) - hit, sum(gold_figures.values()) - hit)
        if gold_figures != pred_figures:
            errors["figures"] = {"missed": sorted(gold_figures - pred_figures), "false": sorted(pred_figures - gold_figures)}
        if errors:
            articles.append({"file": item["file"], **errors})

    scores = {"articles": scored, "unreadable": missing,
              "date": {"accuracy": _ratio(date_right, scored)},
              "outlet": {"accuracy": _ratio(outlet_right, scored)}}
    for field, c in totals.items():
        p, r = _ratio(c["tp"], c["tp"] + c["fp"]), _ratio(c["tp"], c["tp"] + c["fn"])
        scores[field] = {"precision": p, "recall": r, "f1": _ratio(2 * p * r, p + r), **{k: c[k] for k in ("tp", "fp", "fn")}}
    scores["errors"] = articles
    return scores


def _count(counter: Counter, tp: int, fp: int, fn: int) -> None:
    counter["tp"] += tp
    counter["fp"] += fp
    counter["fn"] += fn


def _ratio(a: float, b: float) -> float:
    return round(a / b, 3) if b else 0.0


def print_scores(scores: dict, errors: bool = False) -> None:
    print(f"articles scored: {scores['articles']}" + (f"  (unreadable: {len(scores['unreadable'])})" if scores["unreadable"] else ""))
    print(f"{'field':<10}{'precision':>10}{'recall':>10}{'F1':>8}{'accuracy':>10}")
    for field in ("date", "outlet"):
        print(f"{field:<10}{'':>10}{'':>10}{'':>8}{scores[field]['accuracy']:>10.3f}")
    for field in SET_FIELDS:
        s = scores[field]
        print(f"{field:<10}{s['precision']:>10.3f}{s['recall']:>10.3f}{s['f1']:>8.3f}")
    for line in scores["unreadable"]:
        print(f"unreadable: {line}")
    if errors:
        for article in scores["errors"]:
            print(json.dumps(article, ensure_ascii=False))
