"""Citations: one record per article, written as BibTeX and CSL-JSON, and as the text a reader copies.

``docs/citations/articles.bib`` and ``docs/citations/articles.json`` hold one
entry per article, keyed by the article's ``id`` (never recomputed here).
The article page's citation box (through the MkDocs plugin) and ``dossier
export`` both format their citation from the CSL-JSON entry with
:func:`format_citation`, so the site, the exported documents and the
download files say the same thing.
"""
from __future__ import annotations

import json
import re
from contextlib import contextmanager
from contextvars import ContextVar
from dataclasses import dataclass
from pathlib import Path

from .kb import KnowledgeBase
from .markdown import strip_controls
from .records import Article

CITATIONS_DIR = "citations"
BIBTEX_FILE = f"{CITATIONS_DIR}/articles.bib"
CSL_FILE = f"{CITATIONS_DIR}/articles.json"

# The dossier's name, as the citations, feeds and exported documents print it.
# One place to change (a dossier configuration can replace this function).
DOSSIER_TITLE = "ملف مفاوضات غزة"


_TITLE: ContextVar[str | None] = ContextVar("dossier_title", default=None)


def dossier_title() -> str:
    """The dossier's name in citations, feeds and exports: the one a build was given (see
    :func:`titled`), else the dossier.yml of the folder the command runs in."""
    from .config import dossier_title as configured   # noqa: PLC0415 - config reads ingest; keep imports one way

    return _TITLE.get() or configured()


@contextmanager
def titled(title: str):
    """Within the block, citations, feeds and exports carry ``title`` (a build's own dossier)."""
    token = _TITLE.set(title)
    try:
        yield
    finally:
        _TITLE.reset(token)


@dataclass(frozen=True)
class Citation:
    """What a reference to one article needs: its own facts, and where the dossier got it."""
    id: str
    title: str
    author: str | None
    date: str | None          # ISO: YYYY-MM-DD, YYYY-MM or YYYY
    outlet: str | None        # the outlet as readers know it (Arabic name when the knowledge base has one)
    url: str | None           # the article's own address, http(s) only
    source_file: str
    sha256: str


def outlet_label(article: Article, kb: KnowledgeBase) -> str | None:
    if article.outlet_id and article.outlet_id in kb.entries:
        entry = kb.entries[article.outlet_id]
        return entry.name_ar or entry.name_en
    return article.outlet


def citation_of(article: Article, kb: KnowledgeBase) -> Citation:
    def clean(text: str | None) -> str | None:
        # One line, no bidi overrides: a citation is pasted into other documents.
        return " ".join(strip_controls(text).split()) or None if text else None

    url = article.url if article.url and re.match(r"https?://", article.url) else None
    return Citation(id=article.id, title=clean(article.title) or article.id, author=clean(article.author),
                    date=article.date.value, outlet=clean(outlet_label(article, kb)), url=clean(url),
                    source_file=clean(article.source_name) or "", sha256=article.source_sha256)


def to_csl(c: Citation) -> dict:
    """A CSL-JSON item (the format Zotero, pandoc --citeproc and citeproc-py read)."""
    item: dict = {"id": c.id, "type": "article-newspaper" if c.outlet else "webpage", "title": c.title,
                  "language": "ar"}
    if c.author:
        # A byline is one name as written; "literal" keeps CSL from splitting it into family/given.
        item["author"] = [{"literal": c.author}]
    if c.date:
        item["issued"] = {"date-parts": [[int(part) for part in c.date.split("-")]]}
    if c.outlet:
        item["container-title"] = c.outlet
    if c.url:
        item["URL"] = c.url
    # Where the dossier holds it: the archive is the dossier, the location its source file.
    item.update({"archive": dossier_title(), "archive_location": c.source_file, "note": f"sha256 {c.sha256}"})
    return item


# Characters that are markup inside a BibTeX value, and their escaped forms.
_BIB_SPECIAL = {"\\": r"\textbackslash{}", "{": r"\{", "}": r"\}", "%": r"\%", "#": r"\#", "&": r"\&",
                "$": r"\$", "_": r"\_", "^": r"\textasciicircum{}", "~": r"\textasciitilde{}"}
_BIB_SPECIAL_RE = re.compile("|".join(re.escape(ch) for ch in _BIB_SPECIAL))


def bib_escape(text: str) -> str:
    """Article text as a BibTeX value: the characters it holds, never commands or unbalanced braces."""
    return _BIB_SPECIAL_RE.sub(lambda m: _BIB_SPECIAL[m.group()], text)


def to_bibtex(c: Citation) -> str:
    """A biblatex entry: a newspaper ``@article`` when the outlet is known, ``@online`` otherwise."""
    fields: list[tuple[str, str]] = []
    if c.author:
        fields.append(("author", "{" + bib_escape(c.author) + "}"))   # one name as written, not "Last, First"
    fields.append(("title", bib_escape(c.title)))
    if c.outlet:
        fields += [("journaltitle", bib_escape(c.outlet)), ("entrysubtype", "newspaper")]
    if c.date:
        fields += [("date", c.date), ("year", c.date[:4])]
    if c.url:
        fields.append(("url", bib_escape(c.url)))
    fields += [("langid", "arabic"), ("language", "arabic"),
               ("note", bib_escape(f"{dossier_title()}; source file {c.source_file}; sha256 {c.sha256}"))]
    kind = "article" if c.outlet else "online"
    body = ",\n".join(f"  {name} = {{{value}}}" for name, value in fields)
    return f"@{kind}{{{c.id},\n{body}\n}}\n"


# Latin runs (a date, an id, a file name, an address) sit in left-to-right isolates, so that bidi
# reordering never mixes them with the Arabic around them, here or wherever the citation is pasted.
LRI, PDI = "\u2066", "\u2069"


def _ltr(text: str) -> str:
    return f"{LRI}{text}{PDI}"


def format_citation(item: dict, page_url: str | None = None) -> str:
    """The citation a reader copies, in Arabic, from a CSL-JSON item: the box on the page (with the
    page's address) and the export."""
    parts = []
    authors = "، ".join(a.get("literal", "") for a in item.get("author", []))
    if authors:
        parts.append(f"{authors}.")
    parts.append(f"«{item['title']}».")
    date = _ltr("-".join(f"{p:02d}" if i else str(p) for i, p in enumerate(item["issued"]["date-parts"][0]))) \
        if "issued" in item else "بلا تاريخ"
    parts.append(f"{item['container-title']}، {date}." if item.get("container-title") else f"{date}.")
    if item.get("URL"):
        parts.append(_ltr(item["URL"]))
    where = f"، {_ltr(page_url)}" if page_url else ""
    parts.append(f"[{item['archive']}، المعرّف {_ltr(item['id'])}، الملف المصدر {_ltr(item['archive_location'])}{where}]")
    return " ".join(parts)


def citation_items(articles: list[Article], kb: KnowledgeBase) -> list[dict]:
    """The CSL-JSON items of ``articles``, in id order."""
    return [to_csl(citation_of(a, kb)) for a in sorted(articles, key=lambda a: a.id)]


def render_citation_files(articles: list[Article], kb: KnowledgeBase) -> dict[str, bytes]:
    """docs/citations/articles.{bib,json}, as {path relative to docs/: bytes}."""
    ordered = sorted(articles, key=lambda a: a.id)
    bib = "\n".join(to_bibtex(citation_of(a, kb)) for a in ordered)
    header = f"% {dossier_title()}: one entry per article, keyed by the article's id (biblatex, UTF-8)\n\n"
    csl = json.dumps(citation_items(ordered, kb), ensure_ascii=False, indent=1)
    return {BIBTEX_FILE: (header + bib).encode("utf-8"), CSL_FILE: csl.encode("utf-8") + b"\n"}


def load_citations(docs: Path) -> dict[str, dict]:
    """{article id: CSL-JSON item} from a built dossier (empty when it has no citation file)."""
    try:
        items = json.loads((docs / CSL_FILE).read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return {}
    return {item["id"]: item for item in items if isinstance(item, dict) and "id" in item} \
        if isinstance(items, list) else {}
