"""Which date is the publication date, and how sure we are.

The rules, in order (documented on the about page):
1. a curator's sidecar date (a null there: no date);
2. a date in the byline zone (between headline and body), or anywhere after a
   publication marker (منشور، نشر في، التاريخ: ...);
3. a scraper's stamp opening the file ("date 2025-10-09"); then a date alone on its
   line among the story's first lines, or a dateline opening the first paragraph
   ("غزة - 5 مارس 2024 -");
4. the corpus manifest's date;
5. a date in the article's URL (/2024/03/05/, 20240305, 05-mar-2024);
6. a lone date line just above the headline with no banner around it (low confidence);
7. a "last updated" stamp, when the page gives no publication date and the stamp is
   not long after the events the article reports (said in the notes).
A date in a banner above the headline (beside weather, exchange rates, a Hijri
twin or a menu) is the page's "today": it is kept as ``page_date`` and never
used.  Dates of events in the running text are not publication dates.  With
none of the above the date is null.
"""
from __future__ import annotations

import datetime as dt
import re

from ..arabic import normalize
from ..clean import is_date_line
from ..dates import DateMatch, find_dates, without_dates
from ..records import CleanedText, DateFinding, RawArticle
from ..schema import iso
from ..urls import find_url_date

PUBLICATION_MARKERS = [normalize(m) for m in (
    "منشور", "نشر في", "نشر بتاريخ", "نُشر", "تاريخ النشر", "آخر تحديث", "اخر تحديث", "تم النشر",
    "تاريخ الإضافة", "حُدّث", "تم التحديث", "تاريخ التحديث", "آخر تعديل",
    "التاريخ:", "التاريخ :", "published", "updated", "last update",
)]
# An update is later than the publication: a byline line that says "updated" gives way to
# one that says "published" (or says nothing), and is used alone only as a last resort.
UPDATE_MARKERS = [normalize(m) for m in ("آخر تحديث", "اخر تحديث", "حُدّث", "تم التحديث", "تحديث", "آخر تعديل",
                                         "updated", "last update", "modified")]
PUBLISHED_MARKERS = [normalize(m) for m in ("منشور", "نشر", "نُشر", "تاريخ النشر", "تم النشر", "تاريخ الإضافة",
                                            "published")]
DATELINE_WORDS = 8
BODY_STAMP_LINES = 4
# The signature line of an embedded post: "— Name (@handle) October 2, 2024".
_EMBEDDED_POST = re.compile(r"@\w|^\s*[—–-]|pic\.twitter|t\.co/")
# A byline-zone line longer than this (besides its date) is a caption or a standfirst, not a stamp.
BYLINE_MAX_WORDS = 12
# An update stamp this long after the latest date the article reports is an edit, not the story's day.
UPDATE_MAX_LAG_DAYS = 60
# A banner sits among the site's furniture: weather, exchange rates, a menu.
_BANNER_FURNITURE = re.compile(r"[℃℉°]|الطقس|درجة الحرارة|الدولار|اليورو|سعر|أسعار|اسعار|الذهب|الرئيسية|\|")


def find_publication_date(raw: RawArticle, cleaned: CleanedText) -> tuple[DateFinding, str | None]:
    """The publication date and the page (banner) date."""
    page_date, banner_is_furnished = _banner_date(cleaned)
    if "date" in raw.sidecar:
        if raw.sidecar["date"] is None:   # the curator says the article has no known date
            return DateFinding(None, None, None, "sidecar"), page_date
        value = iso(raw.sidecar["date"])
        return DateFinding(value, _precision(value), str(raw.sidecar["date"]), "sidecar"), page_date

    # The page's own stamp first: a scraper's stamp can hold a default ("date 2023-01-01").
    finding = _from_byline(cleaned) or _from_stamp(cleaned) or _from_story_opening(cleaned)
    if finding is not None:
        return finding, page_date
    if raw.manifest.get("date"):
        value = raw.manifest["date"][:10]
        return DateFinding(value, _precision(value), raw.manifest["date"], "manifest"), page_date
    url_date = find_url_date(raw.sidecar.get("url") or raw.manifest.get("url"))
    if url_date:
        return DateFinding(url_date.iso, url_date.precision, url_date.evidence, "url"), page_date
    if page_date and not banner_is_furnished:
        # A date alone on its line right above the headline, with nothing of a banner around it,
        # is how many sites print the article's own date: taken, but not with full confidence.
        line = next(line for line in cleaned.banner_lines if find_dates(line))
        d = find_dates(line)[0]
        finding = _finding(d, line)
        finding.confidence = "low"
        finding.notes.append("a date line just above the headline, with no banner around it")
        return finding, None
    update = _from_update(cleaned)
    if update is not None:
        return update, page_date
    notes = []
    body_dates = [d for p in cleaned.paragraphs for d in find_dates(p)]
    if body_dates:
        notes.append(f"dates in the running text were not taken as the publication date: {body_dates[0].text}")
    if page_date:
        notes.append(f"the banner date {page_date} is the page's date, not the article's")
    return DateFinding(None, None, None, None, notes=notes), page_date


def _from_stamp(cleaned: CleanedText) -> DateFinding | None:
    if not cleaned.stamp:
        return None
    # A stamp of a month alone ("date 2024-03") names no day: it dates nothing.
    dates = [d for d in find_dates(cleaned.stamp) if d.precision == "day"]
    if not dates:
        return None
    finding = _finding(dates[0], cleaned.stamp)
    finding.evidence = cleaned.stamp
    return finding


def _precision(value: str) -> str:
    return {10: "day", 7: "month", 4: "year"}.get(len(value), "day")


def _from_byline(cleaned: CleanedText) -> DateFinding | None:
    # Byline zone: between headline and body; a "published" line before a plain one. A line
    # that only says "updated" waits: it is used when nothing else gives the date.
    for line in sorted(cleaned.header, key=_byline_rank):
        dates = [d for d in find_dates(line) if d.calendar == "gregorian"] or find_dates(line)
        if cleaned.title_source != "headline" and _is_twin(line):
            continue   # no headline to stand under: a date with its Hijri twin is the banner's today
        if _byline_rank(line) == 2:
            # "27/1/2025 | آخر تحديث: 27/1/2025 10:42": the date before the update marker.
            dates = [d for d in dates if not any(m in normalize(line[max(0, d.start - 18):d.start])
                                                 for m in UPDATE_MARKERS)]
        if dates and _is_stamp(line, dates):
            return _finding(dates[0], line)
    # After a publication marker anywhere (a footer "نشر في ...", "التاريخ : ...").
    for line in [*cleaned.banner_lines, *cleaned.paragraphs, *cleaned.removed]:
        d = _after_marker(line, PUBLICATION_MARKERS, exclude=UPDATE_MARKERS)
        if d is not None:
            return _finding(d, line)
    return None


def _from_story_opening(cleaned: CleanedText) -> DateFinding | None:
    # A date alone on its line among the first lines of the story (under a caption or a
    # repeated headline): the page's stamp, not an event.
    for line in cleaned.paragraphs[:BODY_STAMP_LINES]:
        dates = find_dates(line)
        if dates and dates[0].precision == "day" and is_date_line(line) and not _EMBEDDED_POST.search(line):
            return _finding(dates[0], line)
    # A dateline opening the first paragraph.
    if cleaned.paragraphs:
        first = cleaned.paragraphs[0]
        for d in find_dates(first):
            # "غزة - 5 مارس 2024 -", or a date the scraper glued to the first word ("١٢ نوفمبر ٢٠٢٤قتل").
            opening = not first[:d.start].strip()
            if opening or (len(first[:d.start].split()) <= DATELINE_WORDS and re.match(r"\s*[-–—:(/]", first[d.end:])):
                return _finding(d, first)
    return None


def _after_marker(line: str, markers: list[str], exclude: list[str] = ()) -> DateMatch | None:
    """The first date that a marker stands just before ("نشر في: 09-09-2025")."""
    norm_line = normalize(line)
    if not any(marker in norm_line for marker in markers):
        return None
    for d in find_dates(line):
        before = normalize(line[max(0, d.start - 30):d.start])
        near = before[-18:]
        if any(marker in before for marker in markers) and not any(marker in near for marker in exclude):
            return d
    return None


def _is_stamp(line: str, dates: list[DateMatch]) -> bool:
    """A byline-zone line that states a date: short beside its date (a caption under the photo
    that mentions a day is a sentence, not a stamp), or led by a publication marker."""
    norm_line = normalize(line)
    return len(without_dates(line, dates).split()) <= BYLINE_MAX_WORDS or any(marker in norm_line for marker in PUBLICATION_MARKERS)


def _from_update(cleaned: CleanedText) -> DateFinding | None:
    """A "last updated" stamp when the page states no publication date, unless it is long after
    the latest day the article itself reports (a page edited months later)."""
    for line in [*cleaned.header, *cleaned.banner_lines, *cleaned.removed, *cleaned.paragraphs]:
        d = _after_marker(line, UPDATE_MARKERS)
        if d is None or d.precision != "day":
            continue
        reported = [dt.date.fromisoformat(b.iso) for p in cleaned.paragraphs for b in find_dates(p)
                    if b.precision == "day"]
        stamp = dt.date.fromisoformat(d.iso)
        finding = _finding(d, line)
        if reported and (stamp - max(reported)).days > UPDATE_MAX_LAG_DAYS:
            return None
        finding.notes.append("the page gives only its last update, no publication date")
        return finding
    return None


def _byline_rank(line: str) -> int:
    norm_line = normalize(line)
    if any(marker in norm_line for marker in PUBLISHED_MARKERS):
        return 0
    return 2 if any(marker in norm_line for marker in UPDATE_MARKERS) else 1


def _finding(d: DateMatch, line: str) -> DateFinding:
    notes: list[str] = []
    if d.weekday_ok is False:
        notes.append("the weekday written beside the date does not match it")
    for other in find_dates(line):
        if other.calendar == "hijri" and other is not d and other.iso != d.iso:
            notes.append(f"the Hijri date {other.text} converts to {other.iso}")
    return DateFinding(d.iso, d.precision, d.text, "text", "low" if notes else "high", notes)


def _is_twin(line: str) -> bool:
    return len({d.calendar for d in find_dates(line)}) > 1 or "الموافق" in line


def _banner_date(cleaned: CleanedText) -> tuple[str | None, bool]:
    """The site's "today" in the banner (a line that is a date and little else), and whether the
    banner is furnished as one: weather, rates, a menu, or a Hijri twin beside the date."""
    for line in cleaned.banner_lines:
        dates = find_dates(line)
        if not dates:
            continue
        if len(normalize(without_dates(line, dates)).split()) <= 1:
            furnished = (_is_twin(line) or any(_BANNER_FURNITURE.search(other) for other in [*cleaned.banner_chrome,
                                                                               *cleaned.banner_lines]))
            # The Gregorian twin when there is one: a Hijri date converts with a day or two of
            # uncertainty (local sighting against the Umm al-Qura tables).
            return next((d.iso for d in dates if d.calendar == "gregorian"), dates[0].iso), furnished
    return None, False
