"""Finding dates in Arabic text: the calendars and spellings news sites use.

Recognises day-month-year with Egyptian/Gulf (يناير), Levantine (كانون
الثاني), Maghrebi (جانفي) and combined ("تشرين الأول/أكتوبر") month names,
numeric dates (31/07/2025, 2025-07-31), Hijri dates (converted), a weekday
in front and a clock time behind.  Deciding which date is the publication
date is the extractor's job (``extract/dating.py``); this module only finds
and reads dates, keeping their offsets so the words can be quoted.
"""
from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, replace

from .arabic import ARABIC_LETTERS, fold, loose_pattern

# Month tables are data: the spelling variants seen in Arabic news.
GREGORIAN_MONTHS: dict[str, int] = {}
for number, names in enumerate([
    "يناير كانون الثاني جانفي جانفييه",
    "فبراير شباط فيفري",
    "مارس آذار",
    "أبريل ابريل إبريل نيسان أفريل",
    "مايو أيار ماي",
    "يونيو يونيه حزيران جوان",
    "يوليو يوليه تموز جويلية جويلة يوليوز",
    "أغسطس اغسطس آب أوت غشت أغشت",
    "سبتمبر أيلول شتنبر",
    "أكتوبر اكتوبر تشرين الأول أكتوبر",
    "نوفمبر تشرين الثاني نونبر",
    "ديسمبر كانون الأول دجنبر",
], start=1):
    # Two-word Levantine names are written with a protected space.
    for name in names.replace("كانون الثاني", "كانون_الثاني").replace("كانون الأول", "كانون_الأول") \
            .replace("تشرين الأول", "تشرين_الأول").replace("تشرين الثاني", "تشرين_الثاني").split():
        GREGORIAN_MONTHS[name.replace("_", " ")] = number
# English month names: some sites print their timestamps in English ("Oct 12, 2025").
# Matched without regard to case.
for number, names in enumerate([
    "January Jan", "February Feb", "March Mar", "April Apr", "May", "June Jun",
    "July Jul", "August Aug", "September Sept Sep", "October Oct", "November Nov", "December Dec",
], start=1):
    for name in names.split():
        GREGORIAN_MONTHS[name] = number

HIJRI_MONTHS: dict[str, int] = {
    "محرم": 1, "صفر": 2, "ربيع الأول": 3, "ربيع الاول": 3, "ربيع الآخر": 4, "ربيع الثاني": 4,
    "جمادى الأولى": 5, "جمادى الأول": 5, "جمادى أول": 5, "جمادى الآخرة": 6, "جمادى الثانية": 6,
    "جمادى الآخر": 6, "جمادى ثاني": 6, "ربيع أول": 3, "ربيع ثاني": 4,
    "رجب": 7, "شعبان": 8, "رمضان": 9, "شوال": 10, "ذو القعدة": 11, "ذي القعدة": 11,
    "ذو الحجة": 12, "ذي الحجة": 12,
}

WEEKDAYS: dict[str, int] = {  # Python's weekday(): Monday is 0
    "الاثنين": 0, "الإثنين": 0, "الثلاثاء": 1, "الأربعاء": 2, "الاربعاء": 2, "الخميس": 3,
    "الجمعة": 4, "السبت": 5, "الأحد": 6, "الاحد": 6,
}


def _alternation(names) -> str:
    return "|".join(loose_pattern(n) for n in sorted(names, key=len, reverse=True))


# Not inside a word (\w covers Arabic letters and digits); but a date glued to the word before
# or after it ("عرب وعالم12-10-2024", "٢٠٢٤قتل") still starts or ends where Arabic letters meet digits.
_B = rf"(?:(?<!\w)|(?<=[{ARABIC_LETTERS}])(?=\d))"
_E = rf"(?:(?!\w)|(?<=\d)(?=[{ARABIC_LETTERS}]))"
_G = _alternation(GREGORIAN_MONTHS)
_H = _alternation(HIJRI_MONTHS)
_WD = _alternation(WEEKDAYS)
_DAY = r"(?P<day>[0-3]?\d)"
# "3rd, March 2024": English ordinal days, as some sites print their publication line.
_ORDINAL_DAY = rf"{_DAY}(?:st|nd|rd|th)?,?"
# "2025م": the Gregorian year is often marked with م (ميلادي), as the Hijri one with هـ.
# A mistyped five-digit year ("20224") is read only where a weekday confirms one reading (_read).
_YEAR = r"(?P<year>(?:19|20)\d\d|20\d{3})(?:\s?مـ?(?!\w))?"
# "تشرين الأول/أكتوبر", "أكتوبر (تشرين الأول)": a second month name for the same month.
_GMONTH = rf"(?P<month>{_G})(?:\s*[/(،-]\s*(?P<month2>{_G})\)?)?"
_WEEKDAY = rf"(?:(?P<weekday>{_WD})\s*[،,]?\s*)?"
_TIME = r"(?:\s*[،,-]?\s*(?:الساعة\s*)?(?P<time>\d{1,2}:\d{2}(?::\d{2})?(?:\s*(?:ص|مـ?|am|pm)(?!\w))?))?"
# "١٩ - مارس - ٢٠٢٥", "10/أكتوبر/2025", "28-أكتوبر-2024": a month name between dashes or slashes.
_SEP = r"\s*[-/]?\s*"


def _compile(pattern: str) -> re.Pattern:
    # Without regard to case, for the English month names ("Oct", "october").
    return re.compile(pattern, re.IGNORECASE)


_PATTERNS = [
    ("dmy", _compile(rf"{_B}{_WEEKDAY}{_ORDINAL_DAY}{_SEP}(?:من\s+)?(?:شهر\s+)?{_GMONTH}{_SEP}[،,]?\s*(?:عام\s+|سنة\s+)?{_YEAR}{_E}{_TIME}")),
    ("mdy", _compile(rf"{_B}{_WEEKDAY}{_GMONTH}\s+{_DAY}\s*[،,]\s*{_YEAR}{_E}{_TIME}")),
    ("hijri", _compile(rf"{_B}{_WEEKDAY}{_DAY}\s*(?:من\s+)?(?P<hmonth>{_H})\s*[،,]?\s*(?:عام\s+|سنة\s+)?(?P<hyear>1[34]\d\d)\s*(?:هـ|ه)?{_E}")),
    # ISO, also as a machine timestamp left in the page: "2025-10-12T10:30:00+03:00".
    ("ymd", _compile(rf"{_B}{_YEAR}[-/.](?P<nmonth>[01]?\d)[-/.]{_DAY}"
                     rf"(?:T(?P<isotime>\d\d:\d\d(?::\d\d)?(?:\.\d+)?(?:Z|[+-]\d\d:?\d\d)?){_E}|{_E}{_TIME})")),
    ("dmy_numeric", _compile(rf"{_B}{_WEEKDAY}{_DAY}[-/.](?P<nmonth>[01]?\d)[-/.]{_YEAR}{_E}{_TIME}")),
    # Month and year alone; not the tail of an impossible day-month-year ("31 فبراير 2024").
    ("my", _compile(rf"{_B}(?<![0-9]\s)(?:شهر\s+)?{_GMONTH}\s*[،,]?\s*(?:عام\s+|سنة\s+)?{_YEAR}{_E}")),
]


@dataclass(frozen=True)
class DateMatch:
    start: int
    end: int
    text: str                # the words, as written
    iso: str                 # YYYY-MM-DD or YYYY-MM
    precision: str           # day | month
    calendar: str            # gregorian | hijri (already converted to gregorian)
    weekday_ok: bool | None  # None when no weekday was written
    has_time: bool


def _month_number(name: str, table: dict[str, int]) -> int:
    for key, number in table.items():
        if re.fullmatch(loose_pattern(key), name, re.IGNORECASE):
            return number
    raise KeyError(name)


def find_dates(text: str) -> list[DateMatch]:
    """Every date written in ``text``, left to right, overlaps resolved to the longest."""
    # Tatweel, diacritics and bidi marks out, digits ASCII: "30 يونيـو ٢٠٢٥" reads as "30 يونيو 2025";
    # offsets are mapped back so that the evidence quotes the words as written.
    folded = fold(text)
    found: list[DateMatch] = []
    for kind, pattern in _PATTERNS:
        for m in pattern.finditer(folded.text):
            match = _read(kind, m, folded.text)
            if match is not None:
                start, end = folded.span(match.start, match.end)
                found.append(replace(match, start=start, end=end, text=text[start:end]))
    found.sort(key=lambda d: (d.start, -(d.end - d.start)))
    kept: list[DateMatch] = []
    for d in found:
        if kept and d.start < kept[-1].end:
            continue
        kept.append(d)
    return kept


def _read(kind: str, m: re.Match, text: str) -> DateMatch | None:
    g = m.groupdict()
    try:
        if kind == "hijri":
            from hijridate import Hijri

            greg = Hijri(int(g["hyear"]), _month_number(g["hmonth"], HIJRI_MONTHS), int(g["day"])).to_gregorian()
            day = dt.date(greg.year, greg.month, greg.day)
            calendar = "hijri"
        else:
            year = int(g["year"]) if len(g["year"]) == 4 else _mistyped_year(g, kind, text[m.end():])
            if year is None:
                return None
            if "nmonth" in g and g.get("nmonth"):
                month = int(g["nmonth"])
            else:
                month = _month_number(g["month"], GREGORIAN_MONTHS)
                if g.get("month2") and _month_number(g["month2"], GREGORIAN_MONTHS) != month:
                    return None  # two different month names: not one date
            calendar = "gregorian"
            if kind == "my":
                return DateMatch(m.start(), m.end(), text[m.start():m.end()], f"{year:04d}-{month:02d}",
                                 "month", calendar, None, False)
            day = dt.date(year, month, int(g["day"]))
    except (ValueError, KeyError, OverflowError):
        return None  # 31 February, a Hijri date out of range: not a date
    weekday_ok = None
    if g.get("weekday"):
        weekday_ok = _month_number(g["weekday"], WEEKDAYS) == day.weekday()
    end = m.end()
    while end > m.start() and text[end - 1].isspace():
        end -= 1
    return DateMatch(m.start(), end, text[m.start():end], day.isoformat(), "day", calendar,
                     weekday_ok, bool(g.get("time") or g.get("isotime")))


_COUNT_AFTER = re.compile(r"\s*(?:مشاهد|تعليق|قراء|views|comments)", re.IGNORECASE)


def _mistyped_year(g: dict, kind: str, after: str) -> int | None:
    """"الأحد 17 مارس 20224": a five-digit year is read when dropping one digit gives a
    year whose date falls on the weekday written beside it, and only one such year does.
    "19 يناير 20252 مشاهدة": a view count glued to the year is cut off it."""
    if _COUNT_AFTER.match(after) and kind != "my":
        return int(g["year"][:4])
    if not g.get("weekday") or kind == "my":
        return None
    try:
        month = int(g["nmonth"]) if g.get("nmonth") else _month_number(g["month"], GREGORIAN_MONTHS)
        weekday = _month_number(g["weekday"], WEEKDAYS)
    except (KeyError, ValueError):
        return None
    digits = g["year"]
    readings = set()
    for i in range(len(digits)):
        year = int(digits[:i] + digits[i + 1:])
        try:
            if 2000 <= year <= 2099 and dt.date(year, month, int(g["day"])).weekday() == weekday:
                readings.add(year)
        except ValueError:
            continue
    return readings.pop() if len(readings) == 1 else None


def without_dates(line: str, dates: list[DateMatch] | None = None) -> str:
    """``line`` with its dates blanked out: what stands beside them (a banner's weekday, a
    byline's name, a caption's sentence)."""
    for d in find_dates(line) if dates is None else dates:
        line = line.replace(d.text, " ")
    return line
