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
    assert errors["004"]["date"] == {"gold": "2024-11-22", "predicted": None, "evidence": None}
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


# ---------------------------------------------------------------- page gold sets (entries with "id" + "url")
# The pages below are written for these tests. What the extractor finds on them is replaced by
# fixed values (keyed by the URL it was handed), so that the tests check the scoring and the
# plumbing, and do not change when the extraction rules do.
import dataclasses  # noqa: E402

import pytest  # noqa: E402

import generator.evaluate as evaluate_module  # noqa: E402
from generator.cli import main  # noqa: E402
from generator.gold import GoldError, read_texts  # noqa: E402

HEADLINE_PAGE = """الرئيسية | محليات | دولي | رأي
وزراء الصحة يبحثون خطة لإدخال الوقود إلى المستشفيات

اجتمع ممثلون عن عدة وزارات في مدينة ساحلية لمناقشة خطة لإيصال الوقود إلى المستشفيات التي توقفت مولداتها.
"""
BODY_PAGE = """قال متحدث باسم منظمة إغاثية إن فرق الإسعاف واصلت عملها طوال الليل في الأحياء الشرقية من المدينة.

وأوضح أن المنظمة طلبت فتح ممرات آمنة لنقل الجرحى إلى المستشفيات العاملة.
"""


def pages_gold(tmp_path, entries, texts, folder=".pages"):
    cache = tmp_path / folder
    cache.mkdir(exist_ok=True)
    for page_id, text in texts.items():
        (cache / f"{page_id}.txt").write_text(text, encoding="utf-8")
    return write(tmp_path, entries)


@pytest.fixture
def extracted(monkeypatch):
    """Replace date, title and outlet of each page by the values given for its URL; record the URLs seen."""
    given, seen = {}, []
    real = evaluate_module.extract

    def fake(raw, kb):
        article = real(raw, kb)
        url = raw.sidecar.get("url")
        seen.append(url)
        values = given.get(url, {})
        if "date" in values:
            article.date = dataclasses.replace(article.date, value=values["date"])
        for name in ("title", "title_source", "outlet", "outlet_id"):
            if name in values:
                setattr(article, name, values[name])
        return article

    monkeypatch.setattr(evaluate_module, "extract", fake)
    return given, seen


def test_page_entries_are_read_from_the_cache_with_their_url(tmp_path, extracted):
    given, seen = extracted
    given["https://news.example/a/1"] = {"date": "2024-03-17", "title": "وزراء الصحة يبحثون  خطة لإدخال الوقود إلى المستشفيات",
                                         "title_source": "headline", "outlet": "sky-news-arabia", "outlet_id": "sky-news-arabia"}
    given["https://paper.example/b/2"] = {"date": None, "title": BODY_PAGE.split(".")[0], "title_source": "lead",
                                          "outlet": "paper.example", "outlet_id": None}
    gold = pages_gold(tmp_path, [
        {"id": "p1", "url": "https://news.example/a/1", "date": "2024-03-17", "date_evidence": "url",
         "title": "وزراء الصحة يبحثون خطة لإدخال الوقود إلى المستشفيات", "outlet": "sky news arabia"},
        {"id": "p2", "url": "https://paper.example/b/2", "date": None, "title": None, "outlet": "Paper.Example"},
    ], {"p1": HEADLINE_PAGE, "p2": BODY_PAGE})
    scores = evaluate(gold)
    assert seen == ["https://news.example/a/1", "https://paper.example/b/2"]
    assert scores["articles"] == 2 and scores["missing_pages"]["count"] == 0
    assert scores["date"]["accuracy"] == 1.0 and scores["date"]["stated_right"] == 1 and scores["date"]["null_right"] == 1
    # A KB outlet matches by English name whatever the case; a domain matches case-insensitively.
    assert scores["outlet"]["accuracy"] == 1.0
    # Double spaces do not make a headline wrong; a lead sentence is no headline, so a null gold title holds.
    assert scores["title"] == {"accuracy": 1.0, "right": 2, "total": 2,
                               "stated_right": 1, "stated_total": 1, "null_right": 1, "null_total": 1}
    assert scores["errors"] == []


def test_a_wrong_headline_date_or_outlet_is_an_error_with_both_values(tmp_path, extracted):
    given, _ = extracted
    given["https://news.example/a/1"] = {"date": "2026-03-01", "title": "الرئيسية | محليات | دولي | رأي",
                                         "title_source": "headline", "outlet": None, "outlet_id": None}
    given["https://paper.example/b/2"] = {"title": "قال متحدث باسم منظمة إغاثية", "title_source": "headline",
                                          "outlet": None, "outlet_id": None}
    gold = pages_gold(tmp_path, [
        {"id": "p1", "url": "https://news.example/a/1", "date": "2024-03-17",
         "title": "وزراء الصحة يبحثون خطة لإدخال الوقود إلى المستشفيات", "outlet": "news.example"},
        {"id": "p2", "url": "https://paper.example/b/2", "date": None, "title": None, "outlet": None},
    ], {"p1": HEADLINE_PAGE, "p2": BODY_PAGE})
    scores = evaluate(gold)
    assert scores["title"]["right"] == 0 and scores["title"]["null_total"] == 1 and scores["outlet"]["accuracy"] == 0.5
    errors = {e["id"]: e for e in scores["errors"]}
    assert errors["p1"]["date"]["gold"] == "2024-03-17" and errors["p1"]["date"]["predicted"] == "2026-03-01"
    assert errors["p1"]["title"]["predicted"] == "الرئيسية | محليات | دولي | رأي"
    assert errors["p1"]["outlet"] == {"gold": "news.example", "predicted": None}
    # A fragment that claims to be the headline of a page that starts with its body is wrong.
    assert errors["p2"]["title"] == {"gold": None, "predicted": "قال متحدث باسم منظمة إغاثية", "source": "headline"}


def test_fields_a_page_does_not_label_are_not_scored(tmp_path):
    gold = pages_gold(tmp_path, [{"id": "p1", "url": "https://news.example/a/1", "date": None, "title": None,
                                  "outlet": None}], {"p1": BODY_PAGE})
    scores = evaluate(gold)
    for field in ("actors", "topics", "figures"):
        assert scores[field]["tp"] + scores[field]["fp"] + scores[field]["fn"] == 0


def test_the_url_reaches_the_extractor_as_a_sidecar_would_give_it(tmp_path):
    gold = pages_gold(tmp_path, [{"id": "p1", "url": "https://news.example/2024/03/17/x", "date": None}],
                      {"p1": BODY_PAGE})
    (text,) = read_texts(gold, [{"id": "p1", "url": "https://news.example/2024/03/17/x"}], tmp_path / ".pages")
    assert text.raw.sidecar == {"url": "https://news.example/2024/03/17/x"} and text.raw.manifest == {}
    assert evaluate_module.extract(text.raw, evaluate_module.load(evaluate_module.DEFAULT_KB_DIR)).url == \
        "https://news.example/2024/03/17/x"


def test_missing_page_texts_are_counted_named_and_fail_the_command(tmp_path, capsys):
    gold = pages_gold(tmp_path, [
        {"id": "p1", "url": "https://news.example/a/1", "date": None},
        {"id": "p2", "url": "https://news.example/a/2", "date": None},
        {"id": "p3", "url": "https://news.example/a/3", "date": None},
    ], {"p2": BODY_PAGE})
    scores = evaluate(gold)
    assert scores["articles"] == 1
    assert scores["missing_pages"] == {"folder": str(tmp_path / ".pages"), "count": 2, "ids": ["p1", "p3"]}
    assert main(["evaluate", str(gold)]) == 1
    err = capsys.readouterr().err
    assert "2 page text(s)" in err and str(tmp_path / ".pages") in err and "p1, p3" in err


def test_pages_option_names_another_cache_folder(tmp_path, capsys):
    gold = pages_gold(tmp_path, [{"id": "p1", "url": "https://news.example/a/1", "date": None}],
                      {"p1": BODY_PAGE}, folder="elsewhere")
    assert main(["evaluate", str(gold)]) == 1                       # not in the default .pages folder
    capsys.readouterr()
    assert main(["evaluate", str(gold), "--pages", str(tmp_path / "elsewhere")]) == 0
    assert "articles scored: 1" in capsys.readouterr().out


@pytest.mark.parametrize("entry, words", [
    ({"id": "p1", "date": None}, '"url" must be the http(s) address'),
    ({"id": "p1", "url": "news.example/a"}, '"url" must be the http(s) address'),
    ({"id": "../p1", "url": "https://news.example/a"}, '"id" must be a page id'),
    ({"id": "p1", "url": "https://news.example/a", "title": 3}, '"title" must be text or null'),
])
def test_a_malformed_page_entry_is_a_clear_error(tmp_path, entry, words):
    with pytest.raises(GoldError) as caught:
        evaluate(write(tmp_path, [entry]))
    assert words in str(caught.value) and "entry 1" in str(caught.value)
