"""extract on raw pages in the shape real 2023-2025 news pages take: banners, bylines, footers.

The fixtures in tests/fixtures/extract/ were written for these tests; expected.yml says what a
careful reader takes as each page's date, title and outlet, and why.
"""
from pathlib import Path

import pytest
import yaml

from generator.extract import extract
from generator.ingest import read_article
from generator.kb import load

FIXTURES = Path(__file__).resolve().parent / "fixtures" / "extract"
EXPECTED = yaml.safe_load((FIXTURES / "expected.yml").read_text(encoding="utf-8"))
KB = load()


def fields(article):
    return {"title": article.title, "date": article.date.value, "page_date": article.page_date,
            "confidence": article.date.confidence, "outlet": article.outlet, "author": article.author}


@pytest.mark.parametrize("name", sorted(EXPECTED))
def test_fixture(name):
    got = fields(extract(read_article(FIXTURES / name), KB))
    expected = EXPECTED[name]
    assert {k: got[k] for k in expected} == expected


def test_every_fixture_has_expectations():
    assert {p.name for p in FIXTURES.glob("*.txt")} == set(EXPECTED)


def test_a_date_keeps_its_words_and_source():
    date = extract(read_article(FIXTURES / "levantine_byline.txt"), KB).date
    assert (date.value, date.precision, date.source) == ("2025-11-25", "day", "text")
    assert date.evidence.startswith("الثلاثاء 25 تشرين الثاني 2025")


def test_a_contradiction_is_explained():
    notes = extract(read_article(FIXTURES / "hijri_mismatch.txt"), KB).date.notes
    assert any("2025-01-15" in note for note in notes)


def test_a_dateline_state_is_not_an_actor(tmp_path):
    page = tmp_path / "cnn.txt"
    page.write_text("حماس تعلن التوصل لهدنة\n"
                    "دبي، الإمارات العربية المتحدة (CNN)— أعلنت حركة المقاومة الإسلامية حماس، الأربعاء، عن التوصل "
                    "لاتفاق وقف إطلاق نار يأتي بعد وساطات جرت خلال الساعات الماضية مع إسرائيل.\n", encoding="utf-8")
    article = extract(read_article(page), KB)
    assert "uae" not in {m.id for m in article.actors}
    assert {"hamas", "israel"} <= {m.id for m in article.actors}


def test_the_publisher_is_neither_actor_nor_cited_media():
    article = extract(read_article(next((Path(__file__).resolve().parent.parent / "seeds").glob("000_*.txt"))), KB)
    assert article.outlet_id == "al-manassa"
    assert "al-manassa" not in {m.id for m in article.actors} | {m.id for m in article.cited_media}


def test_the_agency_in_a_dateline_is_cited_and_its_city_is_no_actor():
    article = extract(read_article(FIXTURES / "agency_dateline.txt"), KB)
    assert "afp" in {m.id for m in article.cited_media}
    assert "united-states" not in {m.id for m in article.actors}    # "واشنطن،" there is where, not who
    assert {"donald-trump", "benjamin-netanyahu", "osama-hamdan"} <= {m.id for m in article.actors}


def test_each_sentence_goes_through_the_name_matcher_once(monkeypatch):
    """Outlet and entities read one analysis of the article: no sentence is matched twice."""
    from collections import Counter

    from generator.clean import clean
    from generator.extract import extract
    from generator.extract.text import analyse
    from generator.ingest import read_article
    from generator.kb import load

    kb = load()
    calls: Counter = Counter()
    find = kb.matcher.find

    def counting(tokens):
        calls[tuple(tokens)] += 1
        return find(tokens)

    monkeypatch.setattr(kb.matcher, "find", counting)
    for path in sorted(Path("seeds").glob("*.txt")):
        calls.clear()
        raw = read_article(path)
        article = extract(raw, kb)
        cleaned = clean(raw.text)
        # A header line is also read as a line (is it a byline, an outlet's name?): not a sentence.
        story = [s for s in analyse(cleaned.paragraphs).story if s.text not in cleaned.header]
        assert article.actors and len(story) > 3
        assert {calls[tuple(s.tokens)] for s in story} == {1}, path
