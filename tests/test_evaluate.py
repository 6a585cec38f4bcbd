"""dossier evaluate: scores against a tiny gold file of our own over the seeds (no ../shared needed)."""
import json
from pathlib import Path

from generator.evaluate import evaluate

SEEDS = Path(__file__).resolve().parent.parent / "seeds"


def seed(prefix):
    return str(next(SEEDS.glob(prefix + "_*.txt")))


def write(tmp_path, gold):
    path = tmp_path / "gold.json"
    path.write_text(json.dumps(gold, ensure_ascii=False), encoding="utf-8")
    return path


def test_scores_count_hits_misses_and_false_alarms(tmp_path):
    gold = [
        {"file": seed("000"), "date": "2025-06-30", "outlet": "Al Manassa",
         "actors": ["Hamas", "taher-al-nunu", "Nobody Real"],       # by English name, by id, and a miss
         "topics": ["ceasefire"],
         "figures": [{"kind": "killed", "value": 56500}, {"kind": "missing", "value": 9}]},
        {"file": seed("004"), "date": "2024-11-22",                  # the banner date: gold says it, we say null
         "outlet": "Al Rais News", "actors": [], "topics": [], "figures": []},
    ]
    scores = evaluate(write(tmp_path, gold))
    assert scores["articles"] == 2
    assert scores["date"]["accuracy"] == 0.5
    assert scores["outlet"]["accuracy"] == 1.0
    actors = scores["actors"]
    assert actors["tp"] == 2 and actors["fn"] == 1 and actors["fp"] > 0
    figures = scores["figures"]
    assert figures["tp"] == 1 and figures["fn"] == 1
    errors = {Path(e["file"]).name[:3]: e for e in scores["errors"]}
    assert errors["004"]["date"] == {"gold": "2024-11-22", "predicted": None}
    assert "nobodyreal" in errors["000"]["actors"]["missed"]
    assert ["missing", 9.0] in [list(f) for f in errors["000"]["figures"]["missed"]]


def test_perfect_agreement_scores_one(tmp_path):
    gold = [{"file": seed("001"), "date": "2025-05-11", "outlet": None,
             "actors": [], "topics": [], "figures": []}]
    scores = evaluate(write(tmp_path, gold))
    assert scores["date"]["accuracy"] == 1.0 and scores["outlet"]["accuracy"] == 1.0


def test_an_unreadable_file_is_reported_not_scored(tmp_path):
    scores = evaluate(write(tmp_path, [{"file": str(tmp_path / "missing.txt"), "date": None}]))
    assert scores["articles"] == 0 and len(scores["unreadable"]) == 1
