"""What the research views share: deterministic JSON, date buckets, labels, the chart placeholder."""
from __future__ import annotations

import datetime as dt
import json
from html import escape as html_escape

from ..kb import KnowledgeBase
from ..records import Article

# How a page asks for a chart: theme_overrides/assets/javascripts/views/views.js finds this element,
# loads the charting library and the view's script, and draws the data file named in data-src
# (a path from the site root, like the search's data files).
PLACEHOLDER = '<div class="dossier-view" data-dossier-view="{view}" data-src="{src}"{extra}></div>'


def placeholder(view: str, src: str, **attributes: str) -> str:
    extra = "".join(f' data-{k.replace("_", "-")}="{html_escape(v)}"' for k, v in sorted(attributes.items()))
    return PLACEHOLDER.format(view=view, src=src, extra=extra)


def to_json(data) -> bytes:
    """Sorted keys, no spaces, one trailing newline: the same records give the same bytes."""
    return json.dumps(data, ensure_ascii=False, sort_keys=True, separators=(",", ":")).encode() + b"\n"


def article_url(article_id: str) -> str:
    """An article's address from the site root, as the search's documents.json gives it."""
    return f"articles/{article_id}/"


def day(date: str | None) -> dt.date | None:
    """A day-precise ISO date as a date; None for a missing or month- or year-only date."""
    if not date or len(date) != 10:
        return None
    try:
        return dt.date.fromisoformat(date)
    except ValueError:
        return None


def week_start(date: dt.date) -> str:
    """The Monday that starts the ISO week holding ``date`` (ISO, so that labels sort and read alike)."""
    return (date - dt.timedelta(days=date.weekday())).isoformat()


def outlet_label(article: Article, kb: KnowledgeBase) -> str:
    if article.outlet_id:
        entry = kb.entries[article.outlet_id]
        return entry.name_ar or entry.name_en
    return article.outlet or "منفذ غير معروف"


def actor_label(actor_id: str, kb: KnowledgeBase) -> str:
    entry = kb.entries.get(actor_id)
    return (entry.name_ar or entry.name_en) if entry else actor_id


def one_line(text: str, limit: int = 0) -> str:
    words = text.split()
    if limit and len(words) > limit:
        return " ".join(words[:limit]) + " …"
    return " ".join(words)
