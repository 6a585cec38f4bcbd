"""The one Arabic text layer: clitics, letters, sentences, digits and folding live in arabic.py.

Each rule here used to be written again in an extractor; these tests pin the shared one.
"""
from __future__ import annotations

import pytest

from generator.arabic import (clitic_variants, fold, is_arabic_word, is_definite, known_form, loose_pattern,
                              normalize, sentence_spans, strip_article)
from generator.clean import first_sentence
from generator.extract.numbers import strip_clitic
from generator.extract.text import split_sentences


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
