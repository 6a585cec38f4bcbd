"""What an article's page address tells: who published it and, often, when.

A researcher's scraper records the page URL (in a sidecar ``url:`` or a
corpus manifest).  Its host names the outlet more reliably than anything in
the scraped text, and many sites put the publication date in the path
(``/2024/03/17/``, ``20240317``, ``-17032024``, ``cdate=17032024``,
``17-mar-2024``).  This module reads both; deciding whether to use them is
the extractor's job.
"""
from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass
from urllib.parse import unquote, urlsplit

from .arabic import tokenize

# Second-level labels under a country code that are not themselves a site: "alquds.co.uk",
# "ahram.org.eg", "okaz.com.sa" are registered one level further down.
_GENERIC_SECOND_LEVEL = {"co", "com", "org", "net", "gov", "edu", "ac", "mil", "sch"}
# Host prefixes that only say which version of the site was fetched.
_VERSION_PREFIXES = ("www.", "m.", "mobile.", "amp.", "www2.")


@dataclass(frozen=True)
class PageAddress:
    host: str          # lower case, without "www." or "m."
    path: str          # decoded, lower case
    query: str         # decoded

    @property
    def domain(self) -> str:
        """The registrable domain: "news.example.co.uk" -> "example.co.uk"."""
        labels = self.host.split(".")
        keep = 3 if len(labels) >= 3 and len(labels[-1]) == 2 and labels[-2] in _GENERIC_SECOND_LEVEL else 2
        return ".".join(labels[-keep:])


def parse(url: str | None) -> PageAddress | None:
    """The parts of a page address, or None when ``url`` is not a web address."""
    if not url or not isinstance(url, str):
        return None
    text = url.strip()
    if "://" not in text:
        text = "http://" + text
    try:
        parts = urlsplit(text)
        host = (parts.hostname or "").lower().rstrip(".")
    except ValueError:
        return None
    if "." not in host or not re.fullmatch(r"[a-z0-9.-]+", host) or re.fullmatch(r"[0-9.]+", host):
        return None   # not a name (an IP address names no outlet)
    for prefix in _VERSION_PREFIXES:
        if host.startswith(prefix):
            host = host[len(prefix):]
    return PageAddress(host, unquote(parts.path).lower(), unquote(parts.query))


def slug_words(url: str | None) -> list[str]:
    """The Arabic words of an address's path ("/news/حماس-توافق-على-الهدنة"), normalised."""
    address = parse(url)
    if address is None:
        return []
    return [word for word in tokenize(re.sub(r"[-_/.+]", " ", address.path)) if not word.isascii()]


def site_matches(address: PageAddress, site: str) -> bool:
    """``site`` is a host ("aljazeera.net") or a host and a path prefix ("bbc.com/arabic")."""
    host, _, prefix = site.lower().partition("/")
    if address.host != host and not address.host.endswith("." + host):
        return False
    return not prefix or address.path.lstrip("/").startswith(prefix)


# --- dates in the address ---------------------------------------------------------
# Month abbreviations seen in URLs, English and Dutch ("17-mrt-2024").
_URL_MONTHS = {name: number for number, names in enumerate((
    "jan january", "feb february", "mar march mrt", "apr april", "may mei", "jun june",
    "jul july", "aug august", "sep sept september", "oct october okt", "nov november", "dec december"), 1)
    for name in names.split()}
_N = r"(?<![0-9])"
_M = r"(?![0-9])"
_URL_PATTERNS = [
    # /2024/03/17/, 2024-03-17, 2024_03_17
    ("ymd", re.compile(rf"{_N}(20[0-3]\d)[/_-]([01]?\d)[/_-]([0-3]?\d){_M}")),
    # 20240317
    ("ymd", re.compile(rf"{_N}(20[0-3]\d)([01]\d)([0-3]\d){_M}")),
    # 17032024, 17-03-2024
    ("dmy", re.compile(rf"{_N}([0-3]\d)[_-]?([01]\d)[_-]?(20[0-3]\d){_M}")),
    # 17-mar-2024, mar-17-2024
    ("dMy", re.compile(r"(?<![a-z0-9])([0-3]?\d)[-_]([a-z]{3,9})[-_](20[0-3]\d)(?![0-9])")),
    ("Mdy", re.compile(r"(?<![a-z0-9])([a-z]{3,9})[-_]([0-3]?\d)[-_](20[0-3]\d)(?![0-9])")),
]
@dataclass(frozen=True)
class UrlDate:
    iso: str            # YYYY-MM-DD
    precision: str      # day
    evidence: str       # the characters of the address it was read from


def find_url_date(url: str | None) -> UrlDate | None:
    """The publication date written in a page address, when one is there and is a real day."""
    address = parse(url)
    if address is None:
        return None
    text = address.path + "?" + address.query.lower()
    for kind, pattern in _URL_PATTERNS:
        for m in pattern.finditer(text):
            day = _day(kind, m.groups())
            if day is not None:
                return UrlDate(day.isoformat(), "day", m.group(0))
    # "/2024/03/slug" names a month, not a day: a guess at the day would be worse than no date.
    return None


def _day(kind: str, groups: tuple[str, ...]) -> dt.date | None:
    try:
        if kind == "ymd":
            year, month, day = (int(g) for g in groups)
        elif kind == "dmy":
            day, month, year = (int(g) for g in groups)
        elif kind == "dMy":
            day, month, year = int(groups[0]), _URL_MONTHS[groups[1]], int(groups[2])
        else:
            month, day, year = _URL_MONTHS[groups[0]], int(groups[1]), int(groups[2])
        return dt.date(year, month, day)
    except (KeyError, ValueError):
        return None
