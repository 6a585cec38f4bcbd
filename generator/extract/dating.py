"""Which date is the publication date, and how sure we are.

The rules, in order (documented on the about page):
1. a curator's sidecar date (a null there: no date);
2. a date in the byline zone (between headline and body), or anywhere after a
   publication marker (منشور، نشر في، آخر تحديث ...), or a dateline opening
   the first paragraph ("غزة - 5 مارس 2024 -");
3. the corpus manifest's date;
4. a date in the article's URL (/2024/03/05/).
A date in the banner above the headline is the page's "today": it is kept as
``page_date`` and never used.  Dates of events in the running text are not
publication dates.  With none of the above the date is null.
"""
from __future__ import annotations

import re

from ..arabic import normalize
from ..dates import DateMatch, find_dates
from ..records import CleanedText, DateFinding, RawArticle
from ..schema import iso

PUBLICATION_MARKERS = [normalize(m) for m in (
    "منشور", "نشر في", "نشر بتاريخ", "نُشر", "تاريخ النشر", "آخر تحديث", "اخر تحديث", "تم النشر",
    "تاريخ الإضافة", "حُدّث", "تم التحديث", "بتاريخ", "تاريخ التحديث", "آخر تعديل",
    "published", "updated", "last update",
)]
# An update is later than the publication: a byline line that says "updated" gives way to
# one that says "published" (or says nothing).
UPDATE_MARKERS = [normalize(m) for m in ("آخر تحديث", "اخر تحديث", "حُدّث", "تم التحديث", "تحديث", "آخر تعديل",
                                         "updated", "last update")]
PUBLISHED_MARKERS = [normalize(m) for m in ("منشور", "نشر", "نُشر", "تاريخ النشر", "تم النشر", "تاريخ الإضافة",
                                            "published")]
_URL_DATE = re.compile(r"/((?:19|20)\d\d)[/-]([01]\d)[/-]([0-3]\d)(?:/|$|-)")
DATELINE_WORDS = 8


def find_publication_date(raw: RawArticle, cleaned: CleanedText) -> tuple[DateFinding, str | None]:
    """The publication date and the page (banner) date."""
    page_date = _banner_date(cleaned.banner_lines)
    if "date" in raw.sidecar:
        if raw.sidecar["date"] is None:   # the curator says the article has no known date
            return DateFinding(None, None, None, "sidecar"), page_date
        value = iso(raw.sidecar["date"])
        return DateFinding(value, _precision(value), str(raw.sidecar["date"]), "sidecar"), page_date

    finding = _from_text(cleaned)
    if finding is not None:
        return finding, page_date
    if raw.manifest.get("date"):
        value = raw.manifest["date"][:10]
        return DateFinding(value, _precision(value), raw.manifest["date"], "manifest"), page_date
    url = raw.sidecar.get("url") or raw.manifest.get("url") or ""
    m = _URL_DATE.search(url)
    if m:
        value = "-".join(m.groups())
        return DateFinding(value, "day", m.group(0).strip("/-"), "url"), page_date
    notes = []
    body_dates = [d for p in cleaned.paragraphs for d in find_dates(p)]
    if body_dates:
        notes.append(f"dates in the running text were not taken as the publication date: {body_dates[0].text}")
    if page_date:
        notes.append(f"the banner date {page_date} is the page's date, not the article's")
    return DateFinding(None, None, None, None, notes=notes), page_date


def _precision(value: str) -> str:
    return {10: "day", 7: "month", 4: "year"}.get(len(value), "day")


def _from_text(cleaned: CleanedText) -> DateFinding | None:
    # Byline zone: between headline and body; a "published" line before an "updated" one.
    for line in sorted(cleaned.header, key=_byline_rank):
        dates = [d for d in find_dates(line) if d.calendar == "gregorian"] or find_dates(line)
        if dates:
            return _finding(dates[0], line)
    # After a publication marker anywhere (a footer "نشر في ...").
    for line in [*cleaned.banner_lines, *cleaned.paragraphs, *cleaned.removed]:
        norm_line = normalize(line)
        if not any(marker in norm_line for marker in PUBLICATION_MARKERS):
            continue
        for d in find_dates(line):
            before = normalize(line[max(0, d.start - 30):d.start])
            if any(marker in before for marker in PUBLICATION_MARKERS):
                return _finding(d, line)
    # A dateline opening the first paragraph.
    if cleaned.paragraphs:
        first = cleaned.paragraphs[0]
        for d in find_dates(first):
            if len(first[:d.start].split()) <= DATELINE_WORDS and re.match(r"\s*[-–—:(/]", first[d.end:]):
                return _finding(d, first)
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


def _banner_date(lines: list[str]) -> str | None:
    """The site's "today" in the banner: a line that is a date and little else."""
    for line in lines:
        dates = find_dates(line)
        if not dates:
            continue
        rest = line
        for d in dates:
            rest = rest.replace(d.text, " ")
        if len(normalize(rest).split()) <= 1:
            # The Gregorian twin when there is one: a Hijri date converts with a day or two of
            # uncertainty (local sighting against the Umm al-Qura tables).
            return next((d.iso for d in dates if d.calendar == "gregorian"), dates[0].iso)
    return None
