"""``dossier export``: a selection of articles as one document to hand in.

    collect (the build's own intake) -> select -> one Markdown document -> convert (export_formats.py)

The selection combines a topic, an actor, an outlet, a date range and a
search query (the site's Arabic search rules: the same analyser and fields,
every word required).  The document has a title page (the dossier's name,
what was selected, when, how many articles), a table of contents, the
articles oldest first (undated last), each with its metadata block and its
citation, and a closing list of sources.  Article text is written with the
same escaping as the article pages, so it stays text in every format.
"""
from __future__ import annotations

import datetime as dt
import os
import re
from dataclasses import dataclass
from pathlib import Path
from typing import Callable

import yaml

from .articles import Source, process_all
from .build import Intake
from .cache import ArticleCache, code_salt
from .citations import citation_of, dossier_title, format_citation, outlet_label, to_csl
from .indexes import outlet_groups
from .ingest import discover, source_key
from .kb import DEFAULT_KB_DIR, KnowledgeBase, load
from .markdown import escape, paragraph
from .records import FIGURE_LABELS, Article
from .search import KIND_ARTICLE, search_analyzer, search_documents

FORMATS = ("md", "docx", "epub", "html", "pdf")
_ISO = re.compile(r"\d{4}(-(0[1-9]|1[0-2])(-(0[1-9]|[12]\d|3[01]))?)?")


class ExportError(Exception):
    """A selection or an output that cannot be made, said in plain words."""


@dataclass(frozen=True)
class Selection:
    topic: str | None = None
    actor: str | None = None
    outlet: str | None = None
    date_from: str | None = None   # ISO, YYYY, YYYY-MM or YYYY-MM-DD, inclusive
    date_to: str | None = None
    query: str | None = None

    def describe(self, kb: KnowledgeBase, outlet_label_of: dict[str, str]) -> str:
        """What was selected, in Arabic, for the title page."""
        parts = []
        if self.topic:
            parts.append(f"الموضوع «{kb.entries[self.topic].name_ar}»")
        if self.actor:
            parts.append(f"الفاعل «{kb.entries[self.actor].name_ar or kb.entries[self.actor].name_en}»")
        if self.outlet:
            parts.append(f"المنفذ «{outlet_label_of.get(self.outlet, self.outlet)}»")
        if self.date_from or self.date_to:
            parts.append(f"من {self.date_from or 'البداية'} إلى {self.date_to or 'اليوم'}")
        if self.query:
            parts.append(f"البحث عن «{self.query}»")
        return "، ".join(parts) if parts else "كل المقالات"


def collect(sources: list[Path], kb: KnowledgeBase, progress: Callable[[int, int], None] | None = None,
            kb_dir: Path = DEFAULT_KB_DIR) -> list[Article]:
    """The Article records a build of ``sources`` makes (same per-article stage and intake: duplicates
    and bad files left out, the same ids), without a cache."""
    found = discover(sources)
    # The name shows only in a build report, which an export does not print.
    jobs = [Source(path, path.name, source_key(path, sources)) for path in found.articles]
    intake = Intake()
    for processed in process_all(jobs, kb, kb_dir, ArticleCache(None), code_salt(kb_dir), progress=progress):
        intake.take(processed)
    return intake.articles


def chronological(articles: list[Article]) -> list[Article]:
    """Oldest first, undated last; ties by id, so the order never depends on the file system."""
    return sorted(articles, key=lambda a: (a.date.value is None, a.date.value or "", a.id))


def _in_range(date: str | None, start: str | None, end: str | None) -> bool:
    # Dates are compared at the coarser of the two precisions: --to 2025-06 keeps 2025-06-30,
    # and an article dated only 2025-06 is kept by --from 2025-06-15 (its month overlaps the range).
    if not (start or end):
        return True
    if not date:
        return False
    # Each side cut to the shorter of the two, so both are compared at the same precision.
    return ((not start or date[:len(start)] >= start[:len(date)])
            and (not end or date[:len(end)] <= end[:len(date)]))


def validate(selection: Selection, articles: list[Article], kb: KnowledgeBase) -> dict[str, str]:
    """Check every id and date of the selection; return {outlet slug: label}.  Raises ExportError."""
    outlets = {o.slug: o.label for o in outlet_groups(articles, kb)}
    known = {"topic": {t.id for t in kb.topics}, "actor": {e.id for e in kb.of_kind("actor")}, "outlet": set(outlets)}
    for kind, value in (("topic", selection.topic), ("actor", selection.actor), ("outlet", selection.outlet)):
        if value and value not in known[kind]:
            close = sorted(i for i in known[kind] if value.lower() in i or i in value.lower())[:10]
            hint = f"; did you mean: {', '.join(close)}" if close else f"; known {kind}s: {', '.join(sorted(known[kind])[:30])}"
            raise ExportError(f"unknown {kind} '{value}'{hint}")
    for flag, value in (("--from", selection.date_from), ("--to", selection.date_to)):
        if value and not _ISO.fullmatch(value):
            raise ExportError(f"{flag} {value!r} is not a date (write YYYY, YYYY-MM or YYYY-MM-DD)")
    return outlets


def select(articles: list[Article], kb: KnowledgeBase, selection: Selection) -> list[Article]:
    """The articles every given criterion keeps, in date order."""
    slug_of = {a.id: o.slug for o in outlet_groups(articles, kb) for a in o.articles}
    kept = [a for a in articles
            if (not selection.topic or selection.topic in a.topics)
            and (not selection.actor or any(m.id == selection.actor for m in a.actors))
            and (not selection.outlet or slug_of[a.id] == selection.outlet)
            and _in_range(a.date.value, selection.date_from, selection.date_to)]
    if selection.query:
        kept = _matching(kept, kb, selection.query)
    return chronological(kept)


def _matching(articles: list[Article], kb: KnowledgeBase, query: str) -> list[Article]:
    """Articles in which every word of ``query`` is found, as the site's search finds it: the same
    analyser over the same fields (title, names, topics, outlet, body)."""
    analyzer, _ = search_analyzer(kb)
    wanted = set(analyzer.analyze(query))
    if not wanted:
        raise ExportError(f"--query {query!r} has no word the search can look for")
    docs = [d for d in search_documents(articles, kb)[0] if d["kind"] == KIND_ARTICLE]
    found = {d["url"].removeprefix("articles/").removesuffix("/") for d in docs
             if wanted <= {term for texts in d["fields"].values() for text in texts if text
                           for term in analyzer.analyze(text)}}
    return [a for a in articles if a.id in found]


@dataclass(frozen=True)
class Document:
    """The assembled export: Markdown for pandoc, and what the converters put in the file's properties."""
    markdown: str
    title: str
    subtitle: str
    keywords: list[str]
    count: int


def export_date() -> str:
    # SOURCE_DATE_EPOCH (the reproducible-builds convention) pins "when" for byte-identical exports.
    epoch = os.environ.get("SOURCE_DATE_EPOCH")
    day = dt.datetime.fromtimestamp(int(epoch), dt.timezone.utc).date() if epoch else dt.date.today()
    return day.isoformat()


def _block(text: str) -> str:
    # paragraph() wraps a markup-heavy paragraph in <p> for Python-Markdown; pandoc reads the
    # exports without raw HTML, and the character references inside read as the characters.
    block = paragraph(text)
    return block[3:-4] if block.startswith("<p>") and block.endswith("</p>") else block


def metadata_block(article: Article, kb: KnowledgeBase) -> list[str]:
    """The article's facts as a Markdown list: date and its evidence, outlet, author, actors, figures."""
    d = article.date
    if d.value:
        date = escape(d.value) + (f" (من النص: «{escape(d.evidence)}»)" if d.evidence else "") \
            + (f" (المصدر: {escape(d.source)})" if d.source and d.source != "text" else "") \
            + (" (تاريخ غير مؤكد)" if d.confidence == "low" else "")
    else:
        date = "لا يذكر النص تاريخ نشر"
    lines = [f"- **التاريخ**: {date}"]
    outlet = outlet_label(article, kb)
    if outlet:
        lines.append(f"- **المنفذ**: {escape(outlet)}")
    if article.author:
        lines.append(f"- **الكاتب**: {escape(article.author)}")
    actors = dict.fromkeys(kb.entries[m.id].name_ar or kb.entries[m.id].name_en for m in article.actors)
    if actors:
        lines.append(f"- **الفاعلون**: {'، '.join(escape(n) for n in actors)}")
    if article.topics:
        lines.append(f"- **الموضوعات**: {'، '.join(escape(kb.entries[t].name_ar) for t in article.topics)}")
    for f in article.figures:
        who = f" (وفق {escape(kb.entries[f.attributed_to].name_ar)})" if f.attributed_to in kb.entries else ""
        lines.append(f"- **{FIGURE_LABELS.get(f.kind, f.kind)}**: {f.value:,} «{escape(f.text)}»{who}")
    lines.append(f"- **الملف المصدر**: {escape(article.source_name)} (sha256 {article.source_sha256[:12]})")
    return lines


def assemble(articles: list[Article], kb: KnowledgeBase, selection: Selection, outlets: dict[str, str]) -> Document:
    """One Markdown document (pandoc's dialect, YAML metadata first) from the selected articles."""
    described = selection.describe(kb, outlets)
    subtitle = f"{described} — عدد المقالات: {len(articles)}"
    keywords = [kb.entries[selection.topic].name_ar] if selection.topic else []
    # pandoc reads metadata strings as Markdown: a query or a name must stay text there too.
    meta = {"title": escape(dossier_title()), "subtitle": escape(subtitle), "date": export_date(), "lang": "ar", "dir": "rtl",
            "toc-title": "المحتويات", "keywords": keywords, "page-progression-direction": "rtl"}
    # The title page is pandoc's title block: the dossier's name, the selection and count, the export date.
    out = ["---", yaml.safe_dump(meta, allow_unicode=True, sort_keys=False, width=10_000).strip(), "---", ""]
    citations = []
    for a in articles:
        citation = format_citation(to_csl(citation_of(a, kb)))
        citations.append(citation)
        out += [f"# {escape(a.title)} {{#a-{a.id}}}", "", *metadata_block(a, kb), "",
                f"> **الاستشهاد**: {escape(citation)}", ""]
        out += [block for p in a.paragraphs for block in (_block(p), "")]
    out += ["# المصادر {#sources .unnumbered}", ""]
    out += [f"{number}. {escape(c)}" for number, c in enumerate(citations, 1)]
    return Document("\n".join(out) + "\n", dossier_title(), subtitle, keywords, len(articles))


def run_export(sources: list[Path], selection: Selection, fmt: str, output: Path, *, kb_dir: Path = DEFAULT_KB_DIR,
               progress: Callable[[int, int], None] | None = None, say: Callable[[str], None] = lambda m: None) -> int:
    """Collect, select, assemble and convert; return how many articles the document holds.  Raises ExportError."""
    from .export_formats import convert   # pandoc and chromium are needed only here

    if fmt not in FORMATS:
        raise ExportError(f"unknown format {fmt!r} (one of {', '.join(FORMATS)})")
    kb = load(kb_dir)
    say(f"reading articles from {', '.join(map(str, sources))}")
    articles = collect(sources, kb, progress, kb_dir)
    if not articles:
        raise ExportError(f"no article could be read from {', '.join(map(str, sources))}")
    outlets = validate(selection, articles, kb)
    chosen = select(articles, kb, selection)
    if not chosen:
        raise ExportError(f"no article matches {selection.describe(kb, outlets)} (out of {len(articles)}); nothing written")
    say(f"{len(chosen)} of {len(articles)} articles selected")
    convert(assemble(chosen, kb, selection, outlets), fmt, output, say)
    return len(chosen)
