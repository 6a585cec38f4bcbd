"""The one Arabic text layer: clitics, letters, sentences, digits and folding live in arabic.py.

Each rule here used to be written again in an extractor; these tests pin the shared one.
"""
from __future__ import annotations

import pytest

from generator.arabic import (clitic_variants, fold, is_arabic_word, is_definite, known_form, loose_pattern,
                              normalize, sentence_spans, strip_article)
from generator.clean import first_sentence
from generator.extract.numbers import strip_clitic
from generator.extract.text import analyse, split_sentences


@pytest.mark.parametrize("token, variants", [
    ("وحماس", ["وحماس", "حماس"]),
    ("للقاهره", ["للقاهره", "القاهره", "لقاهره"]),
    ("وبغزه", ["وبغزه", "بغزه", "غزه"]),
    ("وفد", ["وفد"]),                     # three letters: و is the word's own
    ("بيان", ["بيان", "يان"]),             # the caller decides whether يان is a word
])
def test_clitic_variants_strip_a_conjunction_then_a_preposition(token, variants):
    assert clitic_variants(token) == variants


def test_conjunction_only_leaves_prepositions_alone():
    assert clitic_variants("وقال", prepositions=False) == ["وقال", "قال"]
    assert clitic_variants("بذكر", prepositions=False) == ["بذكر"]


def test_known_form_finds_the_listed_reading_or_none():
    heads = {"الجيش", "مسءول"}
    assert known_form("للجيش", heads) == "الجيش"
    assert known_form("ومسءول", heads) == "مسءول"
    assert known_form("جيوش", heads) is None


def test_number_words_lose_their_clitics_only_when_a_number_is_left():
    assert strip_clitic("وست") == "ست"          # two letters left: six
    assert strip_clitic("وبثلاثه") == "ثلاثه"
    assert strip_clitic("والف") == "الف"
    assert strip_clitic("وزير") == "وزير"


def test_definite_words_behind_any_clitics():
    assert all(is_definite(t) for t in ("الوزير", "بالقاهره", "للجنه", "وللجيش", "فالامر", "كالعاده"))
    assert not any(is_definite(t) for t in ("وزير", "بيان", "لقاء"))
    assert strip_article("الاسراييليه") == "اسراييليه" and strip_article("الله") == "الله"


def test_one_letter_class():
    assert is_arabic_word("حماس") and is_arabic_word("گاز")
    assert not is_arabic_word("حماس2") and not is_arabic_word("cnn") and not is_arabic_word("غ\u0640ز")


@pytest.mark.parametrize("text, sentences", [
    ("قال إنه وصل. ثم غادر", ["قال إنه وصل.", "ثم غادر"]),
    ('قال "وصلنا." ثم غادر؟! نعم', ['قال "وصلنا."', "ثم غادر؟!", "نعم"]),   # the closing quote stays
    ("بلغ 2.2 مليون شخص", ["بلغ 2.2 مليون شخص"]),                          # never inside a number
    ("انتهى۔ بدأ", ["انتهى۔", "بدأ"]),
    ("رسميا.. حماس توافق... على المقترح. ثم", ["رسميا.. حماس توافق... على المقترح.", "ثم"]),   # .. joins
])
def test_one_sentence_splitter_for_cleaning_and_extraction(text, sentences):
    assert [text[s:e] for s, e in sentence_spans(text)] == sentences
    assert [s.text for s in split_sentences([text])] == sentences
    assert first_sentence(text) == sentences[0]


def test_fold_hides_marks_and_bidi_controls_and_quotes_the_original():
    original = "قُتل ٣٠\u200f ألفـاً في غزّة"
    folded = fold(original)
    assert folded.text == "قتل 30 ألفا في غزة"
    start = folded.text.index("ألفا")
    assert folded.words(start, start + 4) == "ألفـاً"        # tatweel and tanween kept in the evidence
    start = folded.text.index("30")
    assert folded.words(start, start + 2) == "٣٠"           # not the RLM after it
    assert fold("نص بلا علامات").positions is None


def test_loose_pattern_accepts_every_spelling_that_normalises_alike():
    import re

    pattern = re.compile(loose_pattern("أبريل"))
    assert all(pattern.fullmatch(w) for w in ("ابريل", "إبريل", "أبريل"))
    assert re.fullmatch(loose_pattern("ذو الحجة"), "ذو  الحجه")
    assert normalize("يونيـ\u200fو") == "يونيو"


# --- what a reader cannot see never hides a date, a name or a figure ----------------------

RLM, LRM, ALM = "\u200f", "\u200e", "\u061c"


@pytest.mark.parametrize("written", [
    "30 يونيـو 2025",                 # tatweel
    "30 يُونْيُو 2025",                # diacritics
    f"30{RLM} يونيو 2025",            # a right-to-left mark between day and month
    f"30 {LRM}يونيو{ALM} 2025",       # left-to-right and Arabic letter marks
    "٣٠ يونيـو ٢٠٢٥",                 # Eastern Arabic digits with a tatweel
    "۳۰ يونيو ۲۰۲۵",                  # Persian digits
])
def test_dates_read_through_tatweel_diacritics_bidi_marks_and_eastern_digits(written):
    from generator.dates import find_dates

    text = f"القاهرة، الاثنين {written} - أعلن الوسطاء"
    [found] = find_dates(text)
    assert found.iso == "2025-06-30"
    assert found.text.startswith("الاثنين") and found.text.endswith(written)   # the words as written
    assert found.weekday_ok is True


def test_the_publication_date_reads_through_a_tatweel_and_an_rlm():
    from generator.extract.dating import find_publication_date
    from generator.records import RawArticle
    from generator.clean import clean

    text = ("مفاوضات القاهرة تستأنف اليوم\n"
            f"نشر في: 30 يونيـو{RLM} 2025\n"
            "قال مسؤول مصري إن جولة جديدة من المفاوضات بين الوفود ستبدأ في القاهرة خلال الأيام المقبلة بحضور الوسطاء.\n")
    raw = RawArticle(name="a.txt", path=None, text=text, sha256="0" * 64, encoding="utf-8")
    date, _ = find_publication_date(raw, clean(text))
    assert (date.value, date.source) == ("2025-06-30", "text")
    assert date.evidence == f"30 يونيـو{RLM} 2025"


@pytest.mark.parametrize("written", ["حمـاس", "حَمَاس", f"{RLM}حماس{LRM}", "نتنيـاهو"])
def test_names_match_through_tatweel_diacritics_and_bidi_marks(written):
    from generator.extract.entities import find_entities
    from generator.kb import load

    found = find_entities(analyse([f"قالت حركة {written} إن الرد سلم للوسطاء."]), load(), "2025-06-30")
    assert found.actors and all(written in m.words for m in found.actors.values())


@pytest.mark.parametrize("written, words", [
    ("٣٠ ألفـاً", "٣٠ ألفـاً"),
    (f"30{RLM} ألفاً", f"30{RLM} ألفاً"),
    ("ثلاثـين ألفاً", "ثلاثـين ألفاً"),
    (f"ثَلاثِينَ{ALM} ألفًا", f"ثَلاثِينَ{ALM} ألفًا"),
])
def test_figures_read_through_tatweel_diacritics_and_bidi_marks(written, words):
    from generator.extract.figures import sentence_figures

    figures = sentence_figures(f"ارتفعت حصيلة القتلى في غزة إلى {written} قتيل منذ بدء الحرب.")
    assert [(kind, value) for kind, value, _, _ in figures] == [("killed", 30000)]
    assert figures[0][2].startswith(words)


# --- the browser reads the same tables ------------------------------------------------------

def test_analyzer_json_carries_the_text_tables_of_arabic_py():
    import json

    from generator.arabic import load_config, text_tables

    shipped = load_config()["text"]
    assert shipped == text_tables(), "analyzer.json's \"text\" is stale; it should read:\n" + json.dumps(
        text_tables(), indent=2)


def test_the_search_clitic_tables_are_made_of_the_same_clitics():
    from generator.arabic import ARTICLE, CONJUNCTIONS, PREPOSITIONS, load_config

    config = load_config()
    pairs = {c + p for c in CONJUNCTIONS for p in PREPOSITIONS}
    assert set(config["clitics"]) == pairs | set(CONJUNCTIONS) | set(PREPOSITIONS)
    # ل + ال is written لل.
    groups = {c + ("لل" if p == "ل" else p + ARTICLE) for c in ("", *CONJUNCTIONS) for p in ("", *PREPOSITIONS)}
    assert set(config["proclitics"]) == groups
