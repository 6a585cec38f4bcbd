"""Data files: the dossier as tables, for pandas, R or a spreadsheet.

Under ``docs/data/``: ``articles.jsonl`` (one front matter per line, exactly
what the article page holds), ``articles.csv`` (one row per article),
``figures.csv`` (one row per stated figure), ``mentions.csv`` (one row per
actor mentioned in an article) and ``quotes.csv`` (one row per quote).  UTF-8
without a byte-order mark, a header row, RFC 4180 quoting; rows in article id
order, so the same articles give byte-identical files.
"""
from __future__ import annotations

import csv
import io
import json

from .citations import outlet_label
from .kb import KnowledgeBase
from .markdown import strip_controls
from .records import Article
from .render import front_matter

DATA_DIR = "data"
# Lists in articles.csv (knowledge-base ids, which are plain slugs) are joined with this.
LIST_SEPARATOR = ";"

ARTICLE_COLUMNS = ("id", "title", "date", "date_precision", "date_source", "date_confidence", "date_evidence",
                   "page_date", "outlet", "outlet_id", "author", "url", "notes", "source_file", "source_sha256",
                   "encoding", "actors", "topics", "places", "cited_media", "figures", "quotes", "word_count")
FIGURE_COLUMNS = ("article", "date", "outlet", "kind", "value", "qualifier", "attributed_to", "text")
MENTION_COLUMNS = ("article", "actor", "name_ar", "name_en", "type", "sentence")
QUOTE_COLUMNS = ("article", "date", "speaker", "speaker_text", "verb", "direct", "text")

# A spreadsheet runs a cell that starts with one of these as a formula: article text
# must stay text, so such a cell gets a leading apostrophe (the spreadsheet's own
# "this is text" mark).  Numbers are written by this module and never start so.
_FORMULA_START = ("=", "+", "-", "@", "\t", "\r")


def _cell(value) -> str | int | float:
    if value is None:
        return ""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, (int, float)):
        return value
    text = " ".join(strip_controls(str(value)).split())   # one line: a row is a record
    return "'" + text if text.startswith(_FORMULA_START) else text


def _csv(columns: tuple[str, ...], rows: list[dict]) -> bytes:
    out = io.StringIO(newline="")
    writer = csv.writer(out, lineterminator="\r\n")
    writer.writerow(columns)
    for row in rows:
        writer.writerow([_cell(row.get(column)) for column in columns])
    return out.getvalue().encode("utf-8")


def article_row(article: Article, kb: KnowledgeBase) -> dict:
    d = article.date
    return {
        "id": article.id, "title": article.title, "date": d.value, "date_precision": d.precision,
        "date_source": d.source, "date_confidence": d.confidence if d.value else None, "date_evidence": d.evidence,
        "page_date": article.page_date, "outlet": outlet_label(article, kb), "outlet_id": article.outlet_id,
        "author": article.author, "url": article.url, "notes": article.notes, "source_file": article.source_name,
        "source_sha256": article.source_sha256, "encoding": article.encoding,
        "actors": LIST_SEPARATOR.join(dict.fromkeys(m.id for m in article.actors)),
        "topics": LIST_SEPARATOR.join(article.topics),
        "places": LIST_SEPARATOR.join(dict.fromkeys(m.id for m in article.places)),
        "cited_media": LIST_SEPARATOR.join(dict.fromkeys(m.id for m in article.cited_media)),
        "figures": len(article.figures), "quotes": len(article.quotes), "word_count": article.word_count,
    }


def render_data_files(articles: list[Article], kb: KnowledgeBase) -> dict[str, bytes]:
    """docs/data/*, as {path relative to docs/: bytes}."""
    ordered = sorted(articles, key=lambda a: a.id)
    jsonl = "".join(json.dumps(front_matter(a, kb), ensure_ascii=False, sort_keys=False) + "\n" for a in ordered)
    figures, mentions, quotes = [], [], []
    for a in ordered:
        common = {"article": a.id, "date": a.date.value}
        figures += [common | {"outlet": outlet_label(a, kb), "kind": f.kind, "value": f.value,
                              "qualifier": f.qualifier, "attributed_to": f.attributed_to, "text": f.text}
                    for f in a.figures]
        for m in a.actors:
            entry = kb.entries[m.id]
            mentions.append({"article": a.id, "actor": m.id, "name_ar": entry.name_ar, "name_en": entry.name_en,
                             "type": entry.type, "sentence": m.sentence})
        quotes += [common | {"speaker": q.speaker, "speaker_text": q.speaker_text, "verb": q.verb,
                             "direct": q.direct, "text": q.text} for q in a.quotes]
    return {
        f"{DATA_DIR}/articles.jsonl": jsonl.encode("utf-8"),
        f"{DATA_DIR}/articles.csv": _csv(ARTICLE_COLUMNS, [article_row(a, kb) for a in ordered]),
        f"{DATA_DIR}/figures.csv": _csv(FIGURE_COLUMNS, figures),
        f"{DATA_DIR}/mentions.csv": _csv(MENTION_COLUMNS, mentions),
        f"{DATA_DIR}/quotes.csv": _csv(QUOTE_COLUMNS, quotes),
    }
