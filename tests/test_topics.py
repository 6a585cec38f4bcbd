"""Topics from combined signals: related topics and figures (articles written for these tests)."""
from __future__ import annotations

from pathlib import Path

from generator.extract import extract
from generator.extract.entities import assign_topics, find_entities
from generator.extract.text import analyse
from generator.kb import load
from generator.records import Figure, RawArticle

KB = load()


def article(text: str):
    return extract(RawArticle(path=Path("t.txt"), name="t.txt", text=text, sha256="0" * 64, encoding="utf-8"), KB)


# An exchange under a truce, told with one truce word and release verbs rather than the nouns
# the keyword list holds.
EXCHANGE = (
    "وصول الحافلات إلى رام الله\n\n"
    "وصلت الحافلات إلى رام الله مساء الخميس بعد أن أطلقت الحركة سراح ثلاثة إسرائيليين في خان يونس، "
    "وأفرجت السلطات الإسرائيلية في المقابل عن 110 فلسطينيين من سجن عوفر.\n\n"
    "وجرى التسليم في اليوم الخامس من الهدنة، وسط حشود كبيرة استقبلت الحافلات في الساحة.\n\n"
    "وقالت العائلات إنها انتظرت هذا اليوم منذ شهور، وإن الفرح لن يكتمل قبل عودة الجميع.\n"
)


def test_an_exchange_under_a_truce_is_about_captives_and_the_ceasefire():
    found = article(EXCHANGE)
    assert {("hostages", 3), ("prisoners", 110)} <= {(f.kind, f.value) for f in found.figures}
    assert {"hostages-prisoners", "ceasefire"} <= set(found.topics), found.topics


def test_one_passing_truce_word_alone_makes_no_topic():
    text = ("جولة في سوق المدينة\n\n"
            "عادت الحركة إلى سوق المدينة القديمة بعد أسابيع من الهدنة، وفتحت المحال أبوابها صباحا.\n\n"
            "وقال التجار إن الأسعار ما زالت مرتفعة، وإن الزبائن يشترون القليل.\n")
    assert "ceasefire" not in article(text).topics


def sentences(*texts):
    return find_entities(analyse(list(texts)), KB, None)


def test_a_related_topic_lowers_the_bar_by_one_only_when_it_stands_on_its_own():
    # Mediation with many hits stands on its own; one ceasefire word beside it is then enough.
    found = sentences("واستؤنفت المفاوضات في القاهرة بحضور الوسطاء.", "وقال الوسطاء إن المحادثات ستستمر.",
                      "ويأمل الوفد المفاوض أن تفضي إلى هدنة.")
    assert {"mediation", "ceasefire"} <= set(assign_topics(found, KB, {}, 500))
    # One word of each: neither stands on its own, so neither is a topic.
    found = sentences("وجرت محادثات قصيرة بين الجانبين.", "وانتهت الهدنة قبل أيام.")
    assert not {"mediation", "ceasefire"} & set(assign_topics(found, KB, {}, 500))


def test_a_figure_counts_as_a_hit_unless_its_words_are_a_keyword():
    found = sentences("وقالت الحركة إنها ستطلق سراح المدنيين.")
    count = Figure("hostages", 3, "ثلاثة إسرائيليين", None, None)
    keyword = Figure("hostages", 3, "ثلاثة رهائن", None, None)
    assert "hostages-prisoners" not in assign_topics(found, KB, {}, 500)
    assert "hostages-prisoners" in assign_topics(found, KB, {}, 500, [count])
    # "ثلاثة رهائن" would count the keyword رهائن a second time: it is no extra signal.
    assert "hostages-prisoners" not in assign_topics(found, KB, {}, 500, [keyword])


def test_a_phase_of_the_exchange_deal_is_a_truce_word():
    found = sentences("وبدأ تنفيذ المرحلة الأولى من صفقة تبادل الأسرى صباح الأحد.")
    assert found.topic_hits.get("ceasefire") == 1 and found.topic_hits.get("hostages-prisoners") == 1
