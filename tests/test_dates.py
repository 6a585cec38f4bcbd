"""dates.find_dates: the calendars and spellings Arabic news sites use."""
import pytest

from generator.dates import find_dates


def one(text):
    found = find_dates(text)
    assert len(found) == 1, f"expected one date in {text!r}, found {found}"
    return found[0]


@pytest.mark.parametrize("text, iso", [
    ("الاثنين 30 يونيو 2025", "2025-06-30"),          # Egyptian month name, weekday
    ("٢٨ نوفمبر ٢٠٢٣", "2023-11-28"),                 # Arabic-Indic digits
    ("۲۸ نوفمبر ۲۰۲۳", "2023-11-28"),                 # Persian digits
    ("7 تشرين الأول 2023", "2023-10-07"),             # Levantine
    ("01 تموز 2025", "2025-07-01"),
    ("7 تشرين الأول/أكتوبر 2023", "2023-10-07"),      # combined form
    ("12 جوان 2024", "2024-06-12"),                   # Maghrebi
    ("3 جويلية 2024", "2024-07-03"),
    ("15 ماي 2024", "2024-05-15"),
    ("31/07/2025", "2025-07-31"),                     # numeric, day first
    ("2025-07-31", "2025-07-31"),                     # ISO
    ("11 مايو 2025, 4:43:30 م", "2025-05-11"),        # timestamp with a time
    ("20 جمادى الأولى 1446", "2024-11-22"),          # Hijri, converted
    ("5 إبريل 2024", "2024-04-05"),                   # hamza variant of أبريل
    ("12 اكتوبر 2025م", "2025-10-12"),                # year marked م (ميلادي)
    ("الأحد 12 أكتوبر 2025 م", "2025-10-12"),
    ("12/10/2025م", "2025-10-12"),
    ("2025-10-12T10:30:00+03:00", "2025-10-12"),      # a machine timestamp left in the page
    ("2025-10-12T07:30:00Z", "2025-10-12"),
    ("Oct 12, 2025", "2025-10-12"),                   # English timestamps on Arabic sites
    ("12 October 2025", "2025-10-12"),
    ("20 ربيع الآخر 1447هـ", "2025-10-12"),           # Hijri with هـ attached
])
def test_reads_the_date(text, iso):
    assert one(text).iso == iso


def test_evidence_is_the_words_as_written():
    text = "ونقلت صحيفة الشرق الأوسط، مساء الخميس 31 يوليو 2025، عن مصادر"
    d = one(text)
    assert d.text == "الخميس 31 يوليو 2025"
    assert text[d.start:d.end] == d.text


def test_weekday_is_checked_against_the_date():
    assert one("الخميس 31 يوليو 2025").weekday_ok is True
    assert one("الخميس 1 أغسطس 2025").weekday_ok is False   # 1 August 2025 was a Friday
    assert one("31 يوليو 2025").weekday_ok is None


def test_a_timestamp_has_a_time():
    assert one("2025-10-12T10:30:00+03:00").has_time is True
    assert one("2025-10-12").has_time is False


def test_month_precision():
    d = one("في أكتوبر 2023 بدأت الحرب")
    assert (d.iso, d.precision) == ("2023-10", "month")


@pytest.mark.parametrize("text", [
    "منذ السابع من أكتوبر",          # no year: not a date
    "قتل 56500 شخص",                  # a number, not a date
    "الساعة 4:43",                     # a clock time
    "31 فبراير 2024",                 # no such day
    "أمس الأربعاء",                   # relative words
    "في عام 2025 مع بداية",           # a year alone, even followed by a word starting with م
    "may be 2025",                     # an English word that is also a month name
    "2025-10-12T99",                   # not a timestamp
])
def test_not_dates(text):
    assert find_dates(text) == []


def test_banner_with_hijri_gives_both_calendars():
    found = find_dates("الجمعة 22 نوفمبر 2024 الموافق 20 جمادى\u00a0الأولى 1446")
    assert [(d.iso, d.calendar) for d in found] == [("2024-11-22", "gregorian"), ("2024-11-22", "hijri")]
