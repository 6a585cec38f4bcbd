"""Arabic outlets of the 2023-2025 war in the knowledge base: found as publisher, as cited
media, and not found in the ordinary words their names are made of.

The pages are written for these tests (invented, neutral text in the shape real pages take:
navigation, a headline, a byline, a few paragraphs, a footer).
"""
from pathlib import Path

import pytest

from generator.extract import extract
from generator.ingest import read_article
from generator.kb import load

KB = load()
NAV = "الرئيسية\nأخبار\nفلسطين\n"
BODY = (
    "قال مسؤولون في الوفد المفاوض إن جولة جديدة من المحادثات ستعقد في القاهرة خلال الأيام المقبلة، "
    "بهدف تثبيت وقف إطلاق النار وتسريع إدخال المساعدات إلى قطاع غزة.\n\n"
    "وأضاف المسؤولون أن الوسطاء يعملون على تقريب وجهات النظر بشأن المرحلة الثانية من الاتفاق، "
    "وأن النقاش يتناول انسحاب القوات وإعادة فتح المعابر وتبادل الأسرى.\n\n"
    "ولم يصدر حتى الآن تعليق رسمي على هذه التصريحات، فيما تتواصل الاتصالات بين الأطراف.\n"
)
TITLE = "جولة جديدة من مفاوضات التهدئة في القاهرة الأسبوع المقبل\n\n"


def page(tmp_path: Path, text: str, name: str = "page.txt"):
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return extract(read_article(path), KB)


def cited(article) -> set[str]:
    return {m.id for m in article.cited_media}


# ---------------------------------------------------------------- the publisher


@pytest.mark.parametrize("footer, outlet_id", [
    ("© 2025 جميع الحقوق محفوظة لدنيا الوطن", "donia-al-watan"),
    ("جميع الحقوق محفوظة © 2024 شبكة قدس الإخبارية", "quds-news-network"),
    ("حقوق النشر محفوظة لموقع مصراوي 2025 ©", "masrawy"),
    ("© 2025 جميع الحقوق محفوظة لصحيفة الأيام الفلسطينية", "al-ayyam-palestine"),
    ("جميع الحقوق محفوظة لـ اندبندنت عربية © 2025", "independent-arabia"),
])
def test_a_copyright_footer_names_the_outlet(tmp_path, footer, outlet_id):
    article = page(tmp_path, NAV + TITLE + BODY + "شارك\nفيسبوك\n" + footer + "\n")
    assert (article.outlet_id, article.outlet_source) == (outlet_id, "footer")
    assert outlet_id not in cited(article)


@pytest.mark.parametrize("byline, outlet_id", [
    ("إرم نيوز", "erem-news"),
    ("رام الله - وكالة سما الإخبارية", "sama-news"),
    # the site is "موقع القاهرة 24"; alone on its line, "القاهرة 24" can only be the site
    ("القاهرة 24", "cairo-24"),
])
def test_a_byline_that_is_the_outlets_name(tmp_path, byline, outlet_id):
    article = page(tmp_path, NAV + "الخميس 12 ديسمبر 2024\n" + TITLE + byline + "\nالخميس، 12 ديسمبر 2024 04:15 م\n\n" + BODY)
    assert (article.outlet_id, article.outlet_source) == (outlet_id, "byline")


# ---------------------------------------------------------------- cited media


def test_a_cited_outlet_is_cited_media_not_the_publisher(tmp_path):
    article = page(tmp_path, TITLE + BODY + (
        "ونقلت صحيفة القدس عن مصدر فلسطيني مطلع أن الوسطاء قدموا مقترحا معدلا. "
        "كما ذكرت وكالة سانا أن وفدا سوريا سيزور الدوحة، وأفادت وكالة تسنيم بأن طهران تتابع المحادثات.\n"))
    assert {"al-quds-daily", "sana", "tasnim"} <= cited(article)
    assert article.outlet_id not in {"al-quds-daily", "sana", "tasnim"}
    assert not {"al-quds-daily", "sana", "tasnim"} & {m.id for m in article.actors}


def test_a_source_cited_with_wa_or_a_reporter_is_not_the_publisher(tmp_path):
    # "لوكالة" looks like "told to the agency"; "ووفقا" and "مراسل" before it say it is cited.
    article = page(tmp_path, TITLE + BODY + (
        "ووفقا لوكالة سانا، فإن الاجتماع سيعقد الأسبوع المقبل. "
        "وقال مراسل لوكالة الأنباء الكويتية إن الوفود وصلت.\n"))
    assert article.outlet_id is None
    assert {"sana", "kuna"} <= cited(article)


def test_similar_names_go_to_their_own_outlets(tmp_path):
    article = page(tmp_path, TITLE + BODY + (
        "وبحسب جريدة القدس العربي فإن الاجتماع تأجل، بينما نقلت صحيفة الشروق الجزائرية "
        "وصحيفة الوطن المصرية تصريحات مماثلة، وبثت قناة تي آر تي التركية مقابلة مع أحد الوسطاء.\n"))
    found = cited(article)
    assert {"al-quds-al-arabi", "echorouk", "al-watan-egypt", "trt"} <= found
    # not the Jerusalem daily, the Egyptian Al-Shorouk, the Saudi Al Watan or RT
    assert not {"al-quds-daily", "al-shorouk", "al-watan", "rt-arabic"} & found


# ---------------------------------------------------------------- ordinary words


def test_ordinary_words_in_outlet_names_name_no_outlet(tmp_path):
    article = page(tmp_path, TITLE + (
        "خرج الصيادون مع الشروق إلى بحر غزة، وعادوا قبل أن يشتد الحر في القدس والضفة الغربية.\n\n"
        "وقال أحد الصيادين إن الأيام الماضية كانت صعبة، وإنه لا يعرف ما يحمله الغد لعائلته. "
        "وأضاف أن الرأي السائد بين الصيادين هو انتظار البيان الرسمي حول فتح البحر، "
        "وأن العمل يستمر طوال النهار رغم المخاطر.\n\n"
        "ودعا الاتحاد الأوروبي إلى حل طويل الأمد يضمن حركة التجارة الحرة، "
        "وقال إن العالم يتابع الوضع وإن الرسالة وصلت، بينما رفعت الراية القطرية في أحد المعارض.\n"))
    new_ids = {e.id for e in KB.of_kind("media")} - OUTLETS_BEFORE_2023_ADDITIONS
    assert not cited(article) & new_ids, cited(article)
    assert article.outlet_id is None
    assert "jerusalem" in {m.id for m in article.places}


# The media.yml ids before the 2023-2025 Arabic outlets were added.
OUTLETS_BEFORE_2023_ADDITIONS = {
    "reuters", "afp", "associated-press", "anadolu", "wafa", "mena", "qna", "spa", "wam", "petra", "irna",
    "xinhua", "dpa", "tass", "sputnik", "bloomberg", "maan", "safa", "kan", "channel-12", "channel-13",
    "channel-10", "channel-14", "haaretz", "yedioth-ahronoth", "ynet", "maariv", "israel-hayom",
    "times-of-israel", "jerusalem-post", "walla", "army-radio", "i24news", "axios", "wall-street-journal",
    "new-york-times", "washington-post", "cnn", "cbs", "nbc", "fox-news", "politico", "the-guardian", "bbc",
    "financial-times", "the-economist", "sky-news", "le-monde", "middle-east-eye", "al-jazeera",
    "al-arabiya", "al-hadath", "sky-news-arabia", "bbc-arabic", "cnn-arabic", "france24-arabic",
    "rt-arabic", "al-mayadeen", "al-manar", "al-aqsa-tv", "al-araby-al-jadeed", "al-quds-al-arabi",
    "al-hayat", "al-akhbar-lebanon", "al-ahram", "al-masry-al-youm", "youm7", "al-dostor", "al-manassa",
    "al-rais-news", "al-qahera-news", "asharq-al-awsat", "al-eqtisadiah", "al-jazirah", "al-madina",
    "al-riyadh", "al-watan", "al-weeam", "al-yaum", "arriyadi", "arriyadiyah", "okaz", "sabq", "3alyoum",
}


def test_the_additions_are_there():
    media = {e.id for e in KB.of_kind("media")}
    assert OUTLETS_BEFORE_2023_ADDITIONS <= media
    assert len(media - OUTLETS_BEFORE_2023_ADDITIONS) >= 40
