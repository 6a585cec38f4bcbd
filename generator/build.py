"""The orchestrator: one function that reads top-down, one stage after another.

    discover -> per article (articles.py: ingest, extract, render, analyse;
    cached and in parallel) -> intake (duplicates, ids) -> index -> search -> write

Every input file ends in the build report: built, duplicate of another,
skipped (and why), or ignored (not an article).  One bad file never stops
the others.
"""
from __future__ import annotations

import json
import sys
from collections import Counter
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import Callable

from . import __version__
from .articles import Processed, Source, process_all
from .cache import CACHE_FILE, ArticleCache, code_salt
from .citations import render_citation_files, titled
from .config import DossierConfig
from .datafiles import render_data_files
from .feeds import render_feeds
from .indexes import render_indexes, render_schema_page
from .ingest import ARTICLE_SUFFIX, SIDECAR_SUFFIX, discover, display_name, source_key, stable_id
from .kb import DEFAULT_KB_DIR, load
from .records import Article
from .render import article_path, dump_yaml, front_matter, render_article
from .search import render_search_files
from .views import render_views
from .writer import WriteResult, write_tree

REPORT = ".dossier/report.json"


@dataclass
class FileReport:
    file: str
    status: str                 # built | duplicate | skipped | ignored | sidecar | manifest
    reason: str | None = None
    encoding: str | None = None
    id: str | None = None
    duplicate_of: str | None = None


@dataclass
class BuildReport:
    files: list[FileReport] = field(default_factory=list)
    write: WriteResult = field(default_factory=WriteResult)

    def count(self, status: str) -> int:
        return sum(1 for f in self.files if f.status == status)

    def to_json(self) -> bytes:
        data = {"generator_version": __version__,
                "summary": {s: self.count(s) for s in ("built", "duplicate", "skipped", "ignored", "sidecar")},
                "files": [asdict(f) for f in self.files]}
        return json.dumps(data, ensure_ascii=False, indent=1).encode() + b"\n"


def build(sources: list[Path], docs: Path, *, kb_dir: Path = DEFAULT_KB_DIR, check: bool = False,
          force: bool = False, cold: bool = False, workers: int | None = None, cache_file: Path | None = None,
          progress: Callable[[int, int], None] | None = None,
          dossier: DossierConfig = DossierConfig()) -> tuple[BuildReport, list[Article]]:
    """Build the dossier of ``sources`` into ``docs``; ``cold`` ignores (and refills) the per-article
    cache, kept in ``cache_file`` (default: docs/.dossier/cache.sqlite)."""
    kb = load(kb_dir)
    report = BuildReport()
    found = discover(sources)
    report.files += [FileReport(_display(p.path, sources), "skipped", p.problem) for p in found.problems]

    cache = ArticleCache(cache_file or docs / CACHE_FILE, read_only=check, cold=cold)
    try:
        found_sources = [Source(path, _display(path, sources), source_key(path, sources)) for path in found.articles]
        intake = Intake()
        for source, processed in zip(found_sources, process_all(found_sources, kb, kb_dir, cache, code_salt(kb_dir),
                                                                 workers=workers, progress=progress,
                                                                 max_bytes=dossier.max_article_bytes)):
            line = intake.take(processed)
            report.files.append(line)
            report.files += _sidecar_line(source.path, line, sources)
        cache.close(prune=True)   # entries of files deleted or edited since go
    finally:
        cache.close()
    report.files += [FileReport(_display(path, sources), "ignored", why) for path, why in found.ignored]
    report.files += _manifest_lines(found.manifests, intake.manifest_rows, sources)
    if not intake.articles:
        # An empty or mistyped folder: an empty dossier written over the last one would
        # delete every article page it has.
        return report, []

    files = render_dossier(intake.articles, kb, dossier, pages=intake.pages, terms=intake.terms)
    files[REPORT] = report.to_json()
    report.write = write_tree(docs, files, force=force, check=check)
    return report, intake.articles


class Intake:
    """Takes the processed files in their stable order, keeping each unless it is a duplicate.

    Duplicates are caught twice: the same bytes, and the same cleaned text
    under different site chrome.  Whatever happens, the file gets a report line.
    """

    def __init__(self):
        self.articles: list[Article] = []
        self.pages: dict[str, str] = {}      # id -> the rendered page, when rendered for that id
        self.terms: dict[str, dict] = {}     # id -> search terms of the article's own words
        self.by_bytes: dict[str, str] = {}   # sha256 of the file -> id
        self.by_text: dict[str, str] = {}    # hash of the normalised body -> id
        self.ids: set[str] = set()
        self.keys: set[str] = set()          # paths within their source folders, of the articles kept
        self.manifest_rows: Counter[Path] = Counter()   # manifest.csv -> articles it described

    def take(self, p: Processed) -> FileReport:
        shown = p.file
        if p.problem and p.sha256 is None:
            return FileReport(shown, "skipped", p.problem)
        if p.sha256 in self.by_bytes:
            return FileReport(shown, "duplicate", "same bytes as another file", p.encoding,
                              duplicate_of=self.by_bytes[p.sha256])
        if p.problem:
            return FileReport(shown, "skipped", p.problem, p.encoding)
        article = p.article
        assert article is not None and p.body_key is not None
        if p.body_key in self.by_text:
            return FileReport(shown, "duplicate", "same article text as another file", p.encoding,
                              duplicate_of=self.by_text[p.body_key])
        if p.pinned:
            if article.id in self.ids:
                return FileReport(shown, "skipped", f"id '{article.id}' (set in its sidecar) is already used "
                                                    "by another article", p.encoding)
        else:
            article.id = _free_id(shown if p.key in self.keys else p.key, self.ids)
        self.keys.add(p.key)
        if p.manifest_file is not None:
            self.manifest_rows[p.manifest_file] += 1
        self.ids.add(article.id)
        self.by_bytes[p.sha256] = self.by_text[p.body_key] = article.id
        self.articles.append(article)
        if p.page is not None and p.page_id == article.id:
            self.pages[article.id] = p.page
        if p.terms is not None:
            self.terms[article.id] = p.terms
        return FileReport(shown, "built", None, p.encoding, article.id)


def _free_id(name: str, taken: set[str]) -> str:
    """The article's id from its path within its source folder (see ingest.stable_id);
    ``name`` is that path, or, for the second of two source folders holding the
    same path, the path with the folder's name.

    Two names whose hashes share the first 8 hex digits (likely among
    hundreds of thousands of articles): the later one, in the stable file
    order, gets more digits.
    """
    for digits in range(8, 65, 4):
        candidate = stable_id(name, digits)
        if candidate not in taken:
            return candidate
    raise AssertionError("two articles with the same path in the same source folder")


def render_dossier(articles: list[Article], kb, dossier: DossierConfig = DossierConfig(), *,
                   pages: dict[str, str] | None = None,
                   terms: dict[str, dict] | None = None) -> dict[str, bytes]:
    """Every generated file of the dossier, as {path relative to docs/: bytes}.

    ``pages`` and ``terms`` (by article id) are what the per-article stage
    rendered and analysed already; an article missing there is done here.
    """
    done = pages or {}
    pages = {article_path(a.id): done[a.id] if a.id in done else render_article(a, kb) for a in articles}
    views = render_views(articles, kb)
    pages.update(render_indexes(articles, kb, dossier, views.sections))
    pages.update(views.pages)
    example = dump_yaml(front_matter(articles[0], kb)) if articles else None
    pages["schema.md"] = render_schema_page(example)
    files = {path: text.encode("utf-8") for path, text in pages.items()}
    files.update(render_search_files(articles, kb, terms))
    with titled(dossier.title):
        for render_reusable in (render_citation_files, render_data_files, render_feeds):   # docs/citations, data, feeds
            files.update(render_reusable(articles, kb))
    files.update(views.data)
    return files


def _sidecar_line(article: Path, line: FileReport, sources: list[Path]) -> list[FileReport]:
    """The report line of an article's sidecar: whose it is, or the error it caused."""
    sidecar = article.with_name(article.name[: -len(ARTICLE_SUFFIX)] + SIDECAR_SUFFIX)
    if not (sidecar.exists() or sidecar.is_symlink()):
        return []
    shown = _display(sidecar, sources)
    if line.status == "skipped" and (line.reason or "").startswith("sidecar "):
        return [FileReport(shown, "skipped", line.reason)]
    return [FileReport(shown, "sidecar", f"sidecar of {line.file}")]


def _manifest_lines(found: list[Path], used: Counter, sources: list[Path]) -> list[FileReport]:
    """A line for every corpus manifest: how many articles it described, or that it matched none
    (a folder copied out of its corpus, a manifest whose `file` column names other paths)."""
    lines = []
    for manifest in dict.fromkeys([*found, *sorted(used)]):
        count = used.get(manifest, 0)
        reason = (f"manifest: rows for {count} article(s)" if count else
                  "manifest matched no article: its 'file' column names none of them, by path or by file name")
        lines.append(FileReport(_display(manifest, sources), "manifest", reason))
    return lines


def _display(path: Path, sources: list[Path]) -> str:
    """The path as the user knows it: relative to the source folder it was found in."""
    for source in sources:
        try:
            return display_name((Path(source.name) / path.relative_to(source)).as_posix())
        except ValueError:
            continue
    return display_name(path.as_posix())


def _printable(line: str) -> str:
    # A file name may hold a newline or a bidi override: it must not forge or
    # reorder lines of the report a person reads in a terminal.
    return "".join(ch if ch.isprintable() or ch == " " else f"\\u{ord(ch):04x}" for ch in line)


def print_report(report: BuildReport, stream=None, *, quiet: bool = False, docs: Path = Path("docs")) -> None:
    """Every file and what became of it; with ``quiet``, only the problems and the summary."""
    stream = stream or sys.stderr
    for f in report.files:
        if quiet and (f.status in ("built", "duplicate", "ignored", "sidecar") or
                      (f.status == "manifest" and f.reason.startswith("manifest:"))):
            continue
        if f.status == "built":
            line = f"built      {f.file} -> articles/{f.id}.md ({f.encoding})"
        elif f.status == "duplicate":
            line = f"duplicate  {f.file}: {f.reason}, kept articles/{f.duplicate_of}.md"
        elif f.status == "ignored":
            line = f"ignored    {f.file}: {f.reason}"
        elif f.status == "sidecar":
            line = f"sidecar    {f.file}: {f.reason}"
        elif f.status == "manifest":
            line = f"{'manifest' if f.reason.startswith('manifest:') else 'MANIFEST'}   {f.file}: {f.reason}"
        else:
            line = f"SKIPPED    {f.file}: {f.reason}"
        print(_printable(line), file=stream)
    w = report.write
    for path, why in w.conflicts:
        print(_printable(f"NOT WRITTEN {(docs / path).as_posix()}: {why}"), file=stream)
    print(f"{report.count('built')} built, {report.count('duplicate')} duplicate, {report.count('skipped')} skipped, "
          f"{report.count('ignored')} ignored; {len(w.written)} files written, {len(w.unchanged)} unchanged, "
          f"{len(w.deleted)} removed", file=stream)
