"""Render: an Article record to its Markdown page, front matter first.

The front matter is written with PyYAML (never by pasting strings) and
checked against the schema before it is written.  The body is the article's
own paragraphs, escaped so that they stay text.  The metadata panel is not in
the Markdown: the theme draws it from the front matter.
"""
from __future__ import annotations

from typing import Any

import yaml

from .kb import KnowledgeBase
from .markdown import paragraph, strip_controls
from .records import Article
from .schema import BY_NAME

ARTICLES_DIR = "articles"


def front_matter(article: Article, kb: KnowledgeBase) -> dict[str, Any]:
    def named(mentions):
        out = []
        for m in mentions:
            entry = kb.entries[m.id]
            item = {"id": entry.id, "name_ar": entry.name_ar, "name_en": entry.name_en}
            if entry.kind == "actor":
                item["type"] = entry.type
            out.append(item)
        return out

    date = article.date
    meta: dict[str, Any] = {
        "id": article.id,
        "title": article.title,
        "title_source": article.title_source,
        "date": date.value,
        "date_precision": date.precision,
        "date_evidence": date.evidence,
        "date_source": date.source,
        "date_confidence": date.confidence if date.value else None,
        "date_notes": date.notes,
        "page_date": article.page_date,
        "outlet": article.outlet,
        "outlet_id": article.outlet_id,
        "outlet_source": article.outlet_source,
        "author": article.author,
        "author_source": article.author_source,
        "url": article.url,
        "notes": article.notes,
        "curated": article.curated,
        "source": {"file": article.source_name, "sha256": article.source_sha256, "encoding": article.encoding},
        "lang": "ar",
        "dir": "rtl",
        "actors": named(article.actors),
        "topics": list(article.topics),
        "places": named(article.places),
        "figures": [
            {"kind": f.kind, "value": f.value, "qualifier": f.qualifier, "text": f.text, "attributed_to": f.attributed_to}
            for f in article.figures
        ],
        "quotes": [
            {"speaker": q.speaker, "speaker_text": q.speaker_text, "verb": q.verb, "text": q.text, "direct": q.direct}
            for q in article.quotes
        ],
        "cited_media": named(article.cited_media),
        "word_count": article.word_count,
    }
    unknown = set(meta) - set(BY_NAME)
    assert not unknown, f"front matter fields missing from the schema: {unknown}"
    return _without_controls(meta)


def _without_controls(value: Any) -> Any:
    # A bidi override or a control character in any value (a title, a byline,
    # a quote, a file name) would disguise the text around it in the panel.
    if isinstance(value, str):
        return strip_controls(value)
    if isinstance(value, list):
        return [_without_controls(v) for v in value]
    if isinstance(value, dict):
        return {k: _without_controls(v) for k, v in value.items()}
    return value


def dump_yaml(data: Any) -> str:
    return yaml.safe_dump(data, allow_unicode=True, sort_keys=False, width=10_000, default_flow_style=False)


def render_article(article: Article, kb: KnowledgeBase) -> str:
    meta = front_matter(article, kb)
    body = "\n\n".join(paragraph(p) for p in article.paragraphs)
    return f"---\n{dump_yaml(meta)}---\n\n{body}\n"


def article_path(article_id: str) -> str:
    return f"{ARTICLES_DIR}/{article_id}.md"
