"""quotes: speaker, words and reporting verb, from sentences of the seed articles."""
from pathlib import Path

import pytest

from generator.extract import extract
from generator.extract.quotes import find_quotes
from generator.extract.text import split_sentences
from generator.ingest import read_article
from generator.kb import load

KB = load()
SEEDS = Path(__file__).resolve().parent.parent / "seeds"


def quotes_of(seed):
    return extract(read_article(next(SEEDS.glob(seed + "_*.txt"))), KB).quotes


def by_start(quotes, words):
    return next(q for q in quotes if q.text.startswith(words))


def test_a_person_is_the_speaker_before_the_organisation_in_his_title():
    q = by_start(quotes_of("000"), "هناك اتصالات مكثفة")
    assert (q.speaker, q.speaker_text, q.verb, q.direct) == ("taher-al-nunu", "طاهر النونو", "قال", False)


def test_reported_words_in_quotation_marks_are_direct():
    q = by_start(quotes_of("000"), "الوقت الحالي يشهد")
    assert (q.speaker, q.speaker_text, q.direct) == ("united-states", "مصدر أمريكي", True)
    assert not q.text.startswith('"')


def test_the_source_already_quoted_continues():
    quotes = quotes_of("000")
    assert by_start(quotes, "هناك فرصةً سانحةً").speaker == "united-states"   # "ولفت المصدر إلى أن"
    assert by_start(quotes, "القاهرة تدعم عودة").speaker == "egypt"           # "وأشار المصدر" after the Egyptian source


def test_the_words_belong_to_the_last_verb_before_them():
    # "كشف وزير الخارجية بدر عبد العاطي عن اتفاق ..., في وقت قال نتنياهو إن تحرير المحتجزين أولوية"
    q = by_start(quotes_of("000"), "تحرير المحتجزين")
    assert (q.speaker, q.verb) == ("benjamin-netanyahu", "قال")


def test_a_surname_alone_names_a_person_already_met():
    q = by_start(quotes_of("000"), "يجري العمل على اتفاق")
    assert (q.speaker, q.speaker_text) == ("badr-abdelatty", "عبد العاطي")


def test_direct_quotation_after_a_colon():
    q = by_start(quotes_of("004"), "سوف ندخل رفح")
    assert (q.speaker, q.direct, q.verb) == ("benjamin-netanyahu", True, "وقال")


def test_an_implicit_subject_continues_the_previous_speaker():
    q = by_start(quotes_of("004"), "خطوة مهمة إلى الأمام")       # "ووصف عملية التسليم بأنها"
    assert q.speaker == "stephane-dujarric"


def test_an_unnamed_speaker_keeps_the_words_that_name_it():
    q = by_start(quotes_of("001"), "الساعات الأخيرة شهدت")
    assert (q.speaker, q.speaker_text) == (None, "الصحفي تامر المسحال")


def test_a_newspaper_is_not_the_previous_speaker():
    q = by_start(quotes_of("003"), "إسرائيل قدمت العرض")        # "وتابعت الصحيفة أن"
    assert (q.speaker, q.speaker_text) == (None, "الصحيفة")


@pytest.mark.parametrize("text", [
    'ونقلت وكالة "رويترز" عن قناة "كان" الإسرائيلية تأكيد مسؤول',   # quoted names are not quotations
    "وتشهد الأيام الأخيرة حراكا دبلوماسيا متسارعا",                    # no reporting verb
    "وقال إن",                                                          # no words
])
def test_not_quotes(text):
    assert find_quotes(split_sentences([text]), []) == []
