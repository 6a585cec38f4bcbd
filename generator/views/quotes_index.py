"""Quotes by speaker: on each actor page, what the actor said; and an index of speakers (docs/quotes/).

Quotes come from the Article records as extracted (speaker, verb, words), newest first.  A quote
whose speaker is unnamed ("مسؤول مطلع") has no actor page: the index counts those apart.
Each quote links to its sentence on the article page (a text fragment).
"""
from __future__ import annotations

from collections import defaultdict
from urllib.parse import quote

from ..indexes import newest_first
from ..kb import KnowledgeBase
from ..markdown import escape
from ..records import Article, Quote
from .common import actor_label, one_line

INDEX_LATEST = 3            # quotes shown per speaker on the index; the actor page has them all
QUOTE_WORDS = 60


def quotes_by_speaker(articles: list[Article]) -> tuple[dict[str, list[tuple[Article, Quote]]], int]:
    """({actor id: [(article, quote)] newest first}, number of quotes with an unnamed speaker)."""
    by_speaker: dict[str, list[tuple[Article, Quote]]] = defaultdict(list)
    unnamed = 0
    for a in newest_first(articles):
        for q in a.quotes:
            if q.speaker:
                by_speaker[q.speaker].append((a, q))
            else:
                unnamed += 1
    return dict(by_speaker), unnamed


def _quote_line(a: Article, q: Quote, prefix: str) -> str:
    date = f'<bdi dir="ltr">{a.date.value}</bdi>' if a.date.value else "بلا تاريخ"
    words = one_line(q.text, QUOTE_WORDS)
    marks = ("«", "»") if q.direct else ("", "")
    fragment = quote(" ".join(q.text.split()[:8]), safe="")
    return (f"- {date} · {escape(q.verb)}: {marks[0]}{escape(words)}{marks[1]} "
            f"([{escape(one_line(a.title, 12))}]({prefix}articles/{a.id}.md#:~:text={fragment}))")


def actor_quotes_section(quotes: list[tuple[Article, Quote]]) -> str:
    if not quotes:
        return ""
    lines = [f"## ما قاله ({len(quotes)}) {{#quotes}}", ""]
    lines += [_quote_line(a, q, "../") for a, q in quotes]
    return "\n".join(lines) + "\n"


def quotes_index(by_speaker: dict[str, list[tuple[Article, Quote]]], unnamed: int, kb: KnowledgeBase,
                 with_pages: set[str]) -> str:
    """``with_pages``: actors that have a page (a speaker is found among the article's actors, nearly always)."""
    speakers = sorted(by_speaker, key=lambda s: (-len(by_speaker[s]), s))
    lines = ["---", "title: الأقوال", "---", "", "# الأقوال بحسب المتحدث", "",
             f"{sum(map(len, by_speaker.values()))} قولًا لـ{len(speakers)} متحدثًا، الأكثر كلامًا أولًا، "
             f"مع أحدث {INDEX_LATEST} أقوال لكل منهم؛ كل أقواله في صفحته."]
    if unnamed:
        lines.append(f"و{unnamed} قولًا لمتحدثين غير مسمَّين (مصدر مطلع، مسؤول) لا تُنسب إلى فاعل.")
    lines.append("")
    if speakers:
        lines += ["| المتحدث | الأقوال |", "| --- | --- |"]
        lines += [f"| {_speaker(s, kb, with_pages)} | {len(by_speaker[s])} |" for s in speakers]
        lines.append("")
    for s in speakers:
        lines += [f"## {escape(actor_label(s, kb))}", ""]
        lines += [_quote_line(a, q, "../") for a, q in by_speaker[s][:INDEX_LATEST]]
        lines.append("")
    return "\n".join(lines)


def _speaker(actor: str, kb: KnowledgeBase, with_pages: set[str]) -> str:
    label = escape(actor_label(actor, kb))
    return f"[{label}](../actors/{actor}.md#quotes)" if actor in with_pages else label
