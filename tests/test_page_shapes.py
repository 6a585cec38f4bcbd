"""Dates, headlines and outlets on the page shapes real 2023-2025 news sites print (issue 9).

Every page here is written for this test in its own words: the shapes (a labelled date line, a
bare date under the headline, a scraper's stamp, a today banner beside the weather, a menu above
the headline, a credit line, a URL with the date in it) are the facts reproduced; the text is not
any site's.  Each case says what a careful reader takes as the page's date, headline and outlet.
"""
from pathlib import Path

import pytest
import yaml

from generator.clean import clean
from generator.extract import extract
from generator.ingest import read_article
from generator.kb import load
from generator.urls import find_url_date, parse

KB = load()
HEADLINE = "الوسطاء يقدمون مقترحا معدلا لتمديد الهدنة في غزة"
BODY = (
    "قال مسؤولون مطلعون على المحادثات إن الوسطاء قدموا مقترحا معدلا يقضي بتمديد الهدنة أسبوعين إضافيين، "
    "مع زيادة عدد شاحنات المساعدات التي تدخل القطاع يوميا.\n\n"
    "وأضاف المسؤولون أن الوفدين سيعودان إلى العاصمة المصرية خلال الأيام المقبلة لاستكمال النقاش "
    "حول المرحلة الثانية وترتيبات تبادل الأسرى.\n\n"
    "ولم يصدر تعليق رسمي من الأطراف حتى الآن، فيما تتواصل الاتصالات بين العواصم المعنية.\n"
)


def page(tmp_path: Path, text: str, url: str | None = None):
    path = tmp_path / "page.txt"
    path.write_text(text, encoding="utf-8")
    if url:
        (tmp_path / "page.meta.yml").write_text(yaml.safe_dump({"url": url}), encoding="utf-8")
    return extract(read_article(path), KB)


# --- dates the page states ----------------------------------------------------------
@pytest.mark.parametrize("top, expected", [
    # labelled lines
    (f"{HEADLINE}\nالتاريخ : الاثنين 4 مارس 2024 . القسم : عربي ودولي\n", "2024-03-04"),
    (f"{HEADLINE}\nتاريخ النشر: 3rd, March 2024 GMT\n", "2024-03-03"),
    (f"{HEADLINE}\nنشر بتاريخ: ١٠ أيار ٢٠٢٥\n", "2025-05-10"),
    # a date alone on its line under the headline
    (f"{HEADLINE}\n12 فبراير 2024\n", "2024-02-12"),
    (f"{HEADLINE}\nالأحد 2024/03/17\n", "2024-03-17"),
    (f"{HEADLINE}\n14-03-2024 09:41\n", "2024-03-14"),
    (f"{HEADLINE}\n03.10.2025\n", "2025-10-03"),
    (f"{HEADLINE}\n23-9-2025\n", "2025-09-23"),
    (f"{HEADLINE}\nالأربعاء ١٩ - مارس - ٢٠٢٥\n", "2025-03-19"),
    (f"{HEADLINE}\nالجمعة 10/أكتوبر/2025 - 09:53 ص\n", "2025-10-10"),
    # paired and Maghrebi month names
    (f"{HEADLINE}\n17 آذار/مارس 2024\n", "2024-03-17"),
    (f"{HEADLINE}\n05 مارس-آذار 2025\n", "2025-03-05"),
    (f"{HEADLINE}\n3 يوليوز 2024\n", "2024-07-03"),
    (f"{HEADLINE}\n14 جوان 2024\n", "2024-06-14"),
    (f"{HEADLINE}\n9 ماي 2025\n", "2025-05-09"),
    # a mistyped five-digit year that the weekday settles (17 March 2024 was a Sunday)
    (f"{HEADLINE}\nالأحد 17 مارس 20224\n", "2024-03-17"),
    # a section name glued to the stamp; an author's name and a view count glued to it
    (f"{HEADLINE}\nسارة محمود19 يناير 20252 مشاهدة\n", "2025-01-19"),
    (f"{HEADLINE}\nعرب وعالم12-10-2024 | 13:27\n", "2024-10-12"),
    # a headline too long to tell from a paragraph by its length, then its date
    ("بن غفير يعود إلى الحكومة.. مراقبون: رئيس الوزراء يخشى انهيار الائتلاف إذا خرج حزب القوة اليهودية منها\n\n"
     "الأربعاء ١٩ - مارس - ٢٠٢٥\n", "2025-03-19"),
    # publication and update on one line: the publication
    (f"{HEADLINE}\n27/1/2025–|آخر تحديث: 29/1/2025 10:42 AM (توقيت مكة)\n", "2025-01-27"),
])
def test_stated_dates(tmp_path, top, expected):
    article = page(tmp_path, top + "\n" + BODY)
    assert article.date.value == expected
    assert article.date.source == "text"
    assert article.title == HEADLINE or article.title.startswith("بن غفير")


def test_bidi_marks_and_eastern_digits_in_a_date_line(tmp_path):
    article = page(tmp_path, f"{HEADLINE}\n\u200fالخميس ٢٨ \u200fنوفمبر ٢٠٢٣\n\n{BODY}")
    assert article.date.value == "2023-11-28"


def test_a_scrapers_stamp_dates_the_page_and_the_rest_of_its_line_is_the_headline(tmp_path):
    article = page(tmp_path, f" date 2025-10-09 {HEADLINE}\n\n{BODY}")
    assert (article.date.value, article.date.evidence) == ("2025-10-09", "date 2025-10-09")
    assert article.title == HEADLINE


def test_a_stamp_of_a_month_alone_dates_nothing(tmp_path):
    article = page(tmp_path, f" date 2024-03 غزة - وكالة الأنباء\n\n{BODY}")
    assert article.date.value is None
    assert "2024-03" not in article.title


def test_the_pages_own_stamp_beats_a_scrapers_default(tmp_path):
    article = page(tmp_path, f" date 2023-01-01 الرئيسية\n{HEADLINE}\nالجمعة 20 فبراير 2026 07:26 م / بتوقيت القدس\n\n{BODY}")
    assert article.date.value == "2026-02-20"


def test_a_date_line_under_a_repeated_headline_and_a_caption(tmp_path):
    text = (f"شؤون دولية\n2 دقيقة قراءة\n{HEADLINE} بعد جولة طويلة من المحادثات في القاهرة والدوحة\n"
            f"{BODY.split(chr(10))[0]}\n{HEADLINE} بعد جولة طويلة من المحادثات في القاهرة والدوحة\n"
            "Delegates / Agency\n28 مايو 2025\n\n" + BODY)
    article = page(tmp_path, text)
    assert article.date.value == "2025-05-28"
    assert article.title.startswith(HEADLINE)


@pytest.mark.parametrize("url, expected", [
    ("https://news.example.org/2024/03/17/hudna-talks", "2024-03-17"),
    ("https://news.example.org/article/20240317/hudna", "2024-03-17"),
    ("https://news.example.org/hudna-talks-17032024", "2024-03-17"),
    ("https://news.example.org/show.php?id=5&cdate=17032024", "2024-03-17"),
    ("https://news.example.nl/gaza-17-mrt-2024", "2024-03-17"),
    ("https://news.example.org/2024/3/17/x", "2024-03-17"),
])
def test_a_date_in_the_page_url(tmp_path, url, expected):
    article = page(tmp_path, f"{HEADLINE}\n\n{BODY}", url)
    assert (article.date.value, article.date.source) == (expected, "url")


@pytest.mark.parametrize("url", [
    "https://news.example.org/2024/03/hudna-talks",      # a month, not a day
    "https://news.example.org/article/1108688650.html",  # an id
    "https://news.example.org/2024/13/45/x",             # no such day
])
def test_no_date_in_a_url_that_states_none(url):
    assert find_url_date(url) is None


# --- what must give no date ------------------------------------------------------------
@pytest.mark.parametrize("text", [
    # today's banner beside the weather, rates, a Hijri twin or a menu
    f"℃ 24 القاهرة\nالأحد 20 أكتوبر 2024\n{HEADLINE}\n\n{BODY}",
    f"الدولار 48.5 جنيه\nالأحد 20 أكتوبر 2024\n{HEADLINE}\n\n{BODY}",
    f"الأحد 20 أكتوبر 2024 الموافق 17 ربيع الآخر 1446\n{HEADLINE}\n\n{BODY}",
    f"الرئيسية | سياسة | اقتصاد | رأي | منوعات\nالأحد 20 أكتوبر 2024\n{HEADLINE}\n\n{BODY}",
    # a caption and an embedded post, dates of events, a copyright year, relative days
    f"{HEADLINE}\n\n{BODY}\nوفد يصل إلى القاهرة بتاريخ 28 أكتوبر 2024 (أرشيفية)\n",
    f"{HEADLINE}\n\n{BODY.split(chr(10))[0]}\n— قناة إخبارية (@newsdesk) October 2, 2024\n{BODY}",
    f"{HEADLINE}\n\nوقالت المصادر إن الجولة السابقة عقدت في 15 يناير 2025 وانتهت دون اتفاق واضح بين الطرفين "
    f"رغم الضغوط الدولية المتزايدة عليهما.\n\n{BODY}",
    f"{HEADLINE}\n\n{BODY}\nجميع الحقوق محفوظة 2025\n",
    f"{HEADLINE}\nأمس الثلاثاء\n\n{BODY}",
    # an image whose file path holds a date
    f"{HEADLINE}\n![وفد المفاوضين](https://cdn.example.org/images/2025/2/09/photo.jpg)\n\n{BODY}",
])
def test_no_stated_date(tmp_path, text):
    assert page(tmp_path, text).date.value is None


def test_a_date_with_its_hijri_twin_on_a_page_without_a_headline_is_the_banners_today(tmp_path):
    article = page(tmp_path, f"الأحد 1 مارس 2026 01:36 م 12 رمضان 1447 هـ\n\n{BODY}")
    assert article.date.value is None


def test_the_articles_stamp_beats_the_banner_which_becomes_the_page_date(tmp_path):
    article = page(tmp_path, f"℃ 19 غزة\nالسبت 23 نوفمبر 2024\n{HEADLINE}\nمنشور الخميس 21 نوفمبر 2024\n\n{BODY}")
    assert (article.date.value, article.page_date) == ("2024-11-21", "2024-11-23")


def test_a_lone_date_just_above_the_headline_is_taken_with_low_confidence(tmp_path):
    article = page(tmp_path, f"الأحد 17 مارس 2024\n{HEADLINE}\n\n{BODY}")
    assert (article.date.value, article.date.confidence) == ("2024-03-17", "low")


def test_an_update_stamp_dates_the_page_only_when_nothing_else_does_and_says_so(tmp_path):
    article = page(tmp_path, f"{HEADLINE}\nآخر تحديث: 12 مارس 2024\n\n{BODY}")
    assert article.date.value == "2024-03-12"
    assert any("update" in note for note in article.date.notes)
    published = page(tmp_path, f"{HEADLINE}\nنشر في: 09-09-2025 | آخر تحديث: 10-09-2025\n\n{BODY}")
    assert published.date.value == "2025-09-09"


def test_an_update_long_after_the_events_reported_is_not_the_date(tmp_path):
    text = (f"{HEADLINE}\nآخر تعديل: 5 يناير 2026\n\nوقال المسؤولون يوم 20 نوفمبر 2023 إن المقترح المعدل "
            f"يقضي بتمديد الهدنة أسبوعين إضافيين مع زيادة عدد الشاحنات.\n\n{BODY}")
    assert page(tmp_path, text).date.value is None


# --- headlines ----------------------------------------------------------------------------
@pytest.mark.parametrize("chrome", [
    "الرئيسية | سياسة | اقتصاد | رأي | منوعات",
    "الرئيسية » أخبار » فلسطين",
    "نشر في: 09-09-2025 | آخر تحديث: 10-09-2025",
    "1.2K مشاهدة",
    "0 تعليق",
    "أعزاءنا الزوار، نرحب بكم ونتمنى لكم قراءة ممتعة ومفيدة لكل الأخبار",
    "غزة - وكالة الأنباء المحلية",
    "رام الله (الاتحاد)",
    "حضارم اليوم /متابعات",
    "|| صحافة ||",
])
def test_chrome_lines_are_never_the_headline(tmp_path, chrome):
    assert page(tmp_path, f"{chrome}\n{HEADLINE}\n\n{BODY}").title == HEADLINE
    body_only = page(tmp_path, f"{chrome}\n\n{BODY}")
    assert body_only.title_source == "lead"


def test_a_headline_with_a_tag_in_brackets_is_still_a_headline(tmp_path):
    assert page(tmp_path, f"فيضان يجتاح أحياء المدينة القديمة (صور)\n\n{BODY}").title == \
        "فيضان يجتاح أحياء المدينة القديمة (صور)"


def test_a_page_that_starts_with_the_body_has_the_whole_first_sentence_as_its_title(tmp_path):
    lead = ("أعلن مسؤول فلسطيني كبير، الخميس، أن الوسطاء قدموا مقترحا جديدا لوقف إطلاق النار في غزة "
            "يتضمن تبادل الأسرى على ثلاث مراحل.")
    article = page(tmp_path, lead + "\n\n" + BODY)
    assert article.title_source == "lead"
    assert article.title == lead.rstrip(".")    # not "أعلن مسؤول فلسطيني كبير"


def test_a_very_long_lead_is_cut_at_a_word():
    words = ("كلمة " * 50).strip()
    cleaned = clean(words + ".\n\n" + BODY)
    assert cleaned.title.endswith(" …")
    assert len(cleaned.title.split()) == 31    # 30 words and the ellipsis


def test_two_dots_join_a_headline_they_do_not_end_it(tmp_path):
    lead = "رسميا.. الوسطاء يعلنون اتفاقا على تمديد الهدنة في غزة لمدة أسبوعين إضافيين بدءا من صباح الغد."
    assert page(tmp_path, lead + "\n\n" + BODY).title == lead.rstrip(".")


def test_the_url_slug_picks_the_headline_among_a_caption_and_a_standfirst(tmp_path):
    text = (f"{HEADLINE}\nسجن المدينة المركزي من الخارج\nسجن المدينة المركزي من الخارج\n\n{BODY}")
    assert page(tmp_path, text).title == "سجن المدينة المركزي من الخارج"   # printed twice: the old rule
    slug = "https://news.example.org/news/الوسطاء-يقدمون-مقترحا-معدلا-لتمديد-الهدنة"
    assert page(tmp_path, text, slug).title == HEADLINE


def test_a_ticker_under_latest_news_is_not_the_body_or_the_headline(tmp_path):
    ticker = "تحذيرات من موجة حر جديدة تضرب المنطقة.. ارتفاع أسعار الذهب في الأسواق المحلية اليوم.. فوز الفريق في المباراة الودية"
    article = page(tmp_path, f"آخر الأخبار\n{ticker}\n\n{HEADLINE}\n\n{BODY}")
    assert article.title == HEADLINE
    assert ticker not in article.paragraphs


# --- outlets --------------------------------------------------------------------------------
@pytest.mark.parametrize("url, outlet, outlet_id", [
    ("https://www.aljazeera.net/news/2024/3/17/x", "Al Jazeera", "al-jazeera"),
    ("https://www.bbc.com/arabic/articles/c0x", "BBC Arabic", "bbc-arabic"),
    ("https://www.bbc.com/news/world-1", "BBC", "bbc"),
    ("https://m.youm7.com/story/2024/3/17/x/1", "Youm7", "youm7"),
    ("https://sarabic.ae/20251229/x.html", "Sputnik", "sputnik"),
    ("https://www.alwakeelnews.com/Section_23/x", "alwakeelnews.com", None),
    ("https://news.example.co.uk/x", "example.co.uk", None),
])
def test_the_url_names_the_outlet(tmp_path, url, outlet, outlet_id):
    article = page(tmp_path, f"{HEADLINE}\n\n{BODY}", url)
    assert (article.outlet, article.outlet_id, article.outlet_source) == (outlet, outlet_id, "url")


def test_an_address_that_names_no_site_leaves_the_outlet_to_the_page(tmp_path):
    assert parse("http://61.12.3.4/news/1") is None
    article = page(tmp_path, f"{HEADLINE}\n\n{BODY}", "http://61.12.3.4/news/1")
    assert article.outlet_source != "url"


def test_the_report_says_how_many_articles_a_manifest_described_and_when_it_matched_none(tmp_path):
    from generator.build import build, print_report
    import io

    used, unused = tmp_path / "used", tmp_path / "unused"
    for folder in (used, unused):
        folder.mkdir()
        (folder / "one.txt").write_text(f"{HEADLINE}\n\n{BODY}", encoding="utf-8")
    (used / "manifest.csv").write_text("file,date,source\ncorpus/x/one.txt,2018-05-03,SkyNews\n", encoding="utf-8")
    (unused / "manifest.csv").write_text("file,date\nsomewhere/else.txt,2018-05-03\n", encoding="utf-8")
    for folder, expected in ((used, "manifest: rows for 1 article(s)"), (unused, "matched no article")):
        report, articles = build([folder], tmp_path / f"docs-{folder.name}")
        line = next(f for f in report.files if f.file.endswith("manifest.csv"))
        assert line.status == "manifest" and expected in line.reason
        shown = io.StringIO()
        print_report(report, shown, quiet=True)
        assert ("MANIFEST" in shown.getvalue()) == (folder is unused)
    assert articles[0].date.value is None   # the unused manifest dated nothing
