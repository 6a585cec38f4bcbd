"""The front-matter schema: one table that documents, validates and limits.

Every field an article page carries is listed here once, with its type, who
may set it (the extractor, a sidecar, or both) and what it means.  The same
table validates sidecars (``sidecar.py``), validates the front matter the
renderer writes, and is printed into the schema page of the docs; a test
checks that the docs mention every field.
"""
from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass
from typing import Any

SLUG = re.compile(r"^[a-z0-9][a-z0-9-]{0,80}$")
ISO_DATE = re.compile(r"^\d{4}(-\d{2}(-\d{2})?)?$")
MAX_TEXT = 5000   # a sidecar value is a title, a byline, a note: not a book


@dataclass(frozen=True)
class Field:
    name: str
    kind: str            # str, date, int, list[str], list[dict], dict, bool
    curatable: bool      # may a sidecar set it?
    doc: str


FIELDS: tuple[Field, ...] = (
    Field("id", "str", True, "Stable ASCII id: the file name's ASCII letters and digits (or `article`) and the first 8 hex digits of the sha256 of the file's path within its source folder, so editing the file keeps its id and address. Also the page's file name. A sidecar may set another slug (lowercase ASCII letters, digits and hyphens)."),
    Field("title", "str", True, "The article's headline. When the text has no headline, its first sentence (`title_source: lead`)."),
    Field("title_source", "str", False, "`headline` (a line above the body), `lead` (first sentence), `sidecar` or `manifest`."),
    Field("date", "date", True, "Publication date, ISO `YYYY-MM-DD` (or `YYYY-MM`, `YYYY` when only that is stated); null when the text states none. A null is better than a guess."),
    Field("date_precision", "str", False, "`day`, `month` or `year`; null with a null date."),
    Field("date_evidence", "str", False, "The words the date came from, as they stand in the text."),
    Field("date_source", "str", False, "`text`, `sidecar`, `manifest` or `url`."),
    Field("date_confidence", "str", False, "`high`, or `low` when something contradicts the date (a weekday that does not match it, a Hijri date that disagrees)."),
    Field("date_notes", "list[str]", False, "Why the confidence is low, or which other dates were seen and set aside."),
    Field("page_date", "date", False, "A date in the site's banner above the headline (the page's \"today\"): kept for reference, never used as the publication date."),
    Field("outlet", "str", True, "The outlet that published the article (knowledge-base name), or null."),
    Field("outlet_id", "str", False, "Knowledge-base id of the outlet, when it is known there."),
    Field("outlet_source", "str", False, "Where the outlet came from: `sidecar`, `manifest`, `masthead`, `byline` or `text` (the article naming itself)."),
    Field("author", "str", True, "The byline, or null."),
    Field("author_source", "str", False, "`text`, `sidecar` or `manifest`."),
    Field("url", "str", True, "The article's original address, when known (sidecar or manifest)."),
    Field("notes", "str", True, "A curator's note, shown on the page."),
    Field("curated", "list[str]", False, "The fields whose value a sidecar set (overriding extraction)."),
    Field("source", "dict", False, "The input file: `file` (its name) and `sha256` (of its bytes), `encoding` (how it was decoded)."),
    Field("lang", "str", False, "Always `ar`."),
    Field("dir", "str", False, "Always `rtl`."),
    Field("actors", "list[dict]", True, "People, organisations and states that play a role: `id`, `name_ar`, `name_en`, `type` (person, organization, state). A sidecar lists knowledge-base ids."),
    Field("topics", "list[str]", True, "Topic ids from the taxonomy (ceasefire, hostages-prisoners, ...), assigned when the article substantially discusses them."),
    Field("places", "list[dict]", True, "Cities, regions, crossings and sites named: `id`, `name_ar`, `name_en`. A sidecar lists knowledge-base ids."),
    Field("figures", "list[dict]", False, "Numbers the article states: `kind`, `value`, `qualifier`, `text` (the exact words), `attributed_to`."),
    Field("quotes", "list[dict]", False, "What actors said: `speaker` (knowledge-base id or null), `speaker_text`, `verb`, `text`, `direct`."),
    Field("cited_media", "list[dict]", True, "Agencies, papers and channels the article cites: `id`, `name_ar`, `name_en`."),
    Field("word_count", "int", False, "Words in the cleaned body."),
)

BY_NAME = {f.name: f for f in FIELDS}
CURATABLE = {f.name for f in FIELDS if f.curatable}


def check_value(name: str, value: Any) -> str | None:
    """Why ``value`` is not acceptable for field ``name`` coming from a sidecar, or None."""
    field = BY_NAME.get(name)
    if field is None:
        return f"unknown field '{name}' (known: {', '.join(sorted(CURATABLE))})"
    if not field.curatable:
        return f"field '{name}' is computed by the generator and cannot be set in a sidecar"
    if value is None:
        return None
    if name == "id":
        if not isinstance(value, str) or not SLUG.match(value):
            return "'id' must be lowercase ASCII letters, digits and hyphens (it becomes a file name)"
        return None
    if field.kind == "date":
        if isinstance(value, dt.datetime):
            return None
        if isinstance(value, dt.date):
            return None
        if isinstance(value, (str, int)) and ISO_DATE.match(str(value)) and _valid_iso(str(value)):
            return None
        return f"'{name}' must be a date written YYYY-MM-DD (or YYYY-MM, YYYY), not {value!r}"
    if field.kind == "str":
        if not isinstance(value, str):
            return f"'{name}' must be text, not {type(value).__name__}"
        if len(value) > MAX_TEXT:
            return f"'{name}' is longer than {MAX_TEXT} characters"
        if name == "url" and not value.lower().startswith(("http://", "https://")):
            # Shown as a link on the page: javascript:, data: and file: addresses are refused.
            return f"'url' must be an http:// or https:// address, not {value[:60]!r}"
        return None
    if field.kind.startswith("list"):
        if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
            return f"'{name}' must be a list of ids (text)"
        return None
    return None


def _valid_iso(text: str) -> bool:
    parts = [int(p) for p in text.split("-")]
    try:
        dt.date(parts[0], parts[1] if len(parts) > 1 else 1, parts[2] if len(parts) > 2 else 1)
    except ValueError:
        return False
    return True


def iso(value: Any) -> str | None:
    """A sidecar or manifest date as an ISO string."""
    if value is None:
        return None
    if isinstance(value, dt.datetime):
        return value.date().isoformat()
    if isinstance(value, dt.date):
        return value.isoformat()
    return str(value)
