"""clean: the article's own words, separated from the site chrome around them.

Expected values come from reading the seed articles (see tests/seed_expectations.yml for the reasons).
"""
from pathlib import Path

import pytest

from generator.clean import classify_chrome, clean

SEEDS = Path(__file__).resolve().parent.parent / "seeds"


def seed(name: str):
    return clean((SEEDS / name).read_text(encoding="utf-8"))


@pytest.mark.parametrize("name, title", [
    ("000_1d7b59691e184638.txt", "مصادر: اتصالات لدفع حماس للقبول بهدنة مؤقتة وتهيئة الأجواء لإنهاء الحرب"),
    ("001_86a5ac3d96ac3503.txt", "حماس تُجري مفاوضات مباشرة ومتقدمة مع الإدارة الأميركية لوقف إطلاق النار في غزة"),
    ("003_e280e57008f8fa3f.txt", "كواليس مفاوضات القاهرة.. ماذا حدث بين قادة حماس والمسئولين فى مصر؟"),
    ("004_5ce19e6b52ec2358.txt", "حماس تروج لـ \"الروح الإيجابية\" في محادثات وقف إطلاق النار"),
])
def test_headline_is_found_above_the_body(name, title):
    cleaned = seed(name)
    assert cleaned.title == title
    assert cleaned.title_source == "headline"


def test_without_a_headline_the_first_clause_stands_in():
    cleaned = seed("002_eab9a6645752a7bd.txt")
    assert cleaned.title_source == "lead"
    assert cleaned.title.startswith("تشهد الأيام الأخيرة حراكًا دبلوماسيًا")
    assert cleaned.paragraphs[0].startswith(cleaned.title)   # the lead is the article's own words


def test_chrome_is_removed_and_listed():
    cleaned = seed("001_86a5ac3d96ac3503.txt")
    body = "\n".join(cleaned.paragraphs)
    for chrome in ("℃ 11 تركيا", "423", "تم نسخ عنوان المقال إلى الحافظة", "تعبيرية"):
        assert chrome not in body
    assert "423" in cleaned.removed and "تعبيرية" in cleaned.removed
    # The headline printed twice above the body is not repeated in it.
    assert cleaned.title not in cleaned.paragraphs
    # Sub-headings between paragraphs are the article's own words and stay.
    assert "مفاوضات مباشرة وتطور نوعي" in cleaned.paragraphs


def test_masthead_and_photo_caption_are_not_body():
    cleaned = seed("003_e280e57008f8fa3f.txt")
    assert "محمد الباز" in cleaned.removed
    assert all("محمد الباز" not in p for p in cleaned.paragraphs)
    assert "إسماعيل هنية رئيس المكتب السياسي لحركة حماس" in cleaned.removed
    assert cleaned.paragraphs[0].startswith("كشف مسئولون مصريون")


def test_banner_and_byline_zones():
    cleaned = seed("000_1d7b59691e184638.txt")
    assert cleaned.banner_lines == ["موقع حركة حماس", "طوفان الأقصى، 7 أكتوبر 2023"]
    assert cleaned.header == ["محمد خيال", "منشور الاثنين 30 يونيو 2025"]


def test_body_is_kept_word_for_word():
    raw = (SEEDS / "000_1d7b59691e184638.txt").read_text(encoding="utf-8")
    cleaned = seed("000_1d7b59691e184638.txt")
    assert len(cleaned.paragraphs) == 14
    for paragraph in cleaned.paragraphs:
        assert paragraph in raw
    assert cleaned.paragraphs[-1].endswith("وفق وزارة الصحة الفلسطينية.")


@pytest.mark.parametrize("line, kind", [
    ("-", "separator"), ("—", "separator"), ("423", "counter"), ("℃ 11 تركيا", "weather"),
    ("رئيس التحرير", "masthead"), ("- تم نسخ عنوان المقال إلى الحافظة", "chrome"), ("عاجل", "chrome"),
])
def test_chrome_kinds(line, kind):
    assert classify_chrome(line) == kind


def test_content_is_not_chrome():
    assert classify_chrome("قال النونو إن الاتصالات مستمرة") is None
    assert classify_chrome("مفاوضات مباشرة وتطور نوعي") is None


def test_a_short_article_of_short_sentences_keeps_its_body():
    text = ("أعيد انتخاب الرئيس الفلسطيني محمود عباس رئيسا للجنة التنفيذية لمنظمة التحرير الفلسطينية.\n"
            "وجاءت إعادة انتخاب عباس في ختام اجتماعات للمجلس الوطني الفلسطيني استمرت أربعة أيام.\n")
    cleaned = clean(text)
    assert len(cleaned.paragraphs) == 2
    assert cleaned.paragraphs[0].startswith("أعيد انتخاب")


def test_headlines_of_other_stories_are_not_body():
    text = ("مصادر مصرية: تعثر مفاوضات الهدنة\n\n"
            "قالت مصادر مصرية مطلعة على سير المفاوضات إن جولة المحادثات التي استضافتها القاهرة لم تحقق تقدما ملموسا.\n\n"
            "اقرأ أيضا\n"
            "بايدن يحذر نتنياهو من اجتياح رفح\n"
            "هل تنجح الوساطة القطرية في غزة؟\n\n"
            "وأضافت المصادر أن الوسطاء يواصلون اتصالاتهم مع الطرفين للتوصل إلى هدنة قبل شهر رمضان المقبل.\n"
            "اقرأ أيضا: إيران تهدد بالرد على اغتيال قادة الحرس الثوري في دمشق\n")
    cleaned = clean(text)
    assert [p[:20] for p in cleaned.paragraphs] == ["قالت مصادر مصرية مطل", "وأضافت المصادر أن ال"]
    assert "بايدن يحذر نتنياهو من اجتياح رفح" in cleaned.removed
    assert "هل تنجح الوساطة القطرية في غزة؟" in cleaned.removed


def test_a_standfirst_sentence_is_not_taken_for_the_headline():
    text = ("قطر: المفاوضات في مرحلة حرجة\n"
            "قال المتحدث باسم الخارجية القطرية إن الوسطاء يكثفون جهودهم.\n"
            "الدوحة - 12 مايو 2024\n"
            "أكد المتحدث باسم وزارة الخارجية القطرية ماجد الأنصاري أن المفاوضات بين حماس وإسرائيل تمر بمرحلة حرجة جدا.\n")
    assert clean(text).title == "قطر: المفاوضات في مرحلة حرجة"


def test_a_one_line_item_keeps_its_words_as_body():
    cleaned = clean("تعرضت مندوبة الولايات المتحدة الأمريكية نيكي هالي لهجوم كبير في جامعة هيوستن\n")
    assert cleaned.paragraphs == ["تعرضت مندوبة الولايات المتحدة الأمريكية نيكي هالي لهجوم كبير في جامعة هيوستن"]
    assert clean("-\n℃ 11 تركيا\n423\n").paragraphs == []          # chrome alone is still no article
