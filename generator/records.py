"""The plain records passed from one pipeline stage to the next.

ingest -> RawArticle -> clean -> CleanedText -> extract -> Article -> render.
Every extracted value carries the words it came from (``evidence``) and
where it came from (``source``: text, sidecar, manifest, url) so that a
reader can check it.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Any


@dataclass(frozen=True)
class RawArticle:
    """One input file, decoded."""
    path: Path                 # where it was read from
    name: str                  # file name as given (may hold any characters)
    text: str                  # decoded text, newlines normalised to \n
    sha256: str                # of the raw bytes
    encoding: str              # the encoding it was decoded with
    sidecar: dict[str, Any] = field(default_factory=dict)   # NAME.meta.yml, validated
    manifest: dict[str, Any] = field(default_factory=dict)  # row of a manifest.csv beside it
    manifest_file: Path | None = None                        # the manifest.csv that row is from


@dataclass
class CleanedText:
    """The article's own text, separated from the site chrome around it."""
    header: list[str]          # lines between the headline and the body: byline, timestamp
    title: str | None          # the headline, when one stands above the body
    title_source: str          # "headline", "lead" (first sentence), "none"
    paragraphs: list[str]      # the body, paragraph by paragraph, words untouched
    removed: list[str]         # chrome lines taken out (kept for the build report and dates)
    banner_lines: list[str]    # content-looking lines above the headline (banner date, section names)
    banner_chrome: list[str] = field(default_factory=list)  # chrome above the headline: weather, menus, rates
    stamp: str | None = None   # a scraper's header stamp on the first line ("date 2025-10-09")


@dataclass
class Mention:
    """A knowledge-base entry found in the text."""
    id: str
    sentence: str              # the sentence that mentions it
    words: str                 # the exact words matched


@dataclass
class DateFinding:
    value: str | None          # ISO date (YYYY-MM-DD, YYYY-MM or YYYY)
    precision: str | None      # day | month | year
    evidence: str | None       # the words the date came from
    source: str | None         # text | sidecar | manifest | url
    confidence: str = "high"   # high | low
    notes: list[str] = field(default_factory=list)


@dataclass
class Figure:
    kind: str                  # killed, injured, hostages, prisoners, truce-days, trucks, displaced, missing, other
    value: float | int
    text: str                  # the exact words
    qualifier: str | None = None
    attributed_to: str | None = None  # knowledge-base id of who gives the figure


@dataclass
class Quote:
    speaker: str | None        # knowledge-base id, or None when the speaker is unnamed
    speaker_text: str          # the words that name the speaker
    text: str                  # what was said
    verb: str                  # the reporting verb (قال، أكد ...)
    direct: bool               # in quotation marks


@dataclass
class Article:
    """Everything the dossier knows about one article."""
    id: str
    source_name: str
    source_sha256: str
    encoding: str
    title: str
    title_source: str
    date: DateFinding
    page_date: str | None
    outlet: str | None         # knowledge-base id or a plain name
    outlet_id: str | None       # knowledge-base id of the outlet, when known
    outlet_source: str | None
    author: str | None
    author_source: str | None
    url: str | None
    notes: str | None
    paragraphs: list[str]
    actors: list[Mention]
    places: list[Mention]
    cited_media: list[Mention]
    topics: list[str]
    figures: list[Figure]
    quotes: list[Quote]
    word_count: int
    curated: list[str] = field(default_factory=list)  # fields set by the sidecar
