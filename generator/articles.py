"""The per-article stage: one source file in, one :class:`Processed` record out.

    read (ingest) -> cache lookup -> on a miss: extract, render the page,
    analyse the text for search (in worker processes) -> Processed

Everything here depends on one file and the knowledge base only, so the
records are cached (generator/cache.py) and computed in parallel; the
records come back in the stable file order whatever the number of workers,
so the build stays byte-identical.
"""
from __future__ import annotations

import hashlib
import os
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass
from pathlib import Path
from typing import Callable, Iterator

from .arabic import normalize
from .cache import ArticleCache, article_from_json, entry_key, to_json
from .extract import extract
from .arabic import arabic_share
from .ingest import MAX_BYTES, InputError, read_article, stable_id
from .kb import KnowledgeBase, load
from .records import Article, RawArticle
from .render import render_article
from .search import article_terms, search_analyzer

# The dossier reads Arabic: a text of which less than half the letters are Arabic (an English
# note, a Latin-script page) is skipped, saying so, rather than built as an article.
MIN_ARABIC_SHARE = 0.5
# Below this many cache misses, a pool costs more to start than it saves.
POOL_THRESHOLD = 24
# Articles handed to a worker at a time: large enough to amortise the round trip,
# small enough that progress moves and the cores stay evenly loaded.
CHUNK = 16


@dataclass
class Processed:
    """What became of one source file before duplicates are looked for."""
    file: str                       # the path shown to the user
    key: str                        # its path within its source folder (the id is made from it)
    problem: str | None = None      # why it cannot be an article (then nothing below is set)
    encoding: str | None = None
    sha256: str | None = None       # of the bytes: copies are duplicates
    pinned: bool = False            # the id comes from the sidecar
    article: Article | None = None
    body_key: str | None = None     # hash of the normalised text: the same text under other chrome is a duplicate
    page: str | None = None         # the rendered page, for the id article.id had then
    page_id: str | None = None
    terms: dict | None = None       # search: {field: {term: frequency}} of the article's own texts
    manifest_file: Path | None = None   # the corpus manifest.csv whose row described it


@dataclass(frozen=True)
class Source:
    path: Path
    file: str
    key: str


def process_all(sources: list[Source], kb: KnowledgeBase, kb_dir: Path, cache: ArticleCache, salt: str, *,
                workers: int | None = None, progress: Callable[[int, int], None] | None = None,
                max_bytes: int = MAX_BYTES) -> Iterator[Processed]:
    """A :class:`Processed` per source, in the order given; cache misses computed by ``workers`` processes."""
    results: list[Processed | None] = []
    misses: list[tuple[int, RawArticle, str, str]] = []       # (position, raw, cache key, expected id)
    for source in sources:
        try:
            raw = read_article(source.path, max_bytes)
        except InputError as err:
            results.append(Processed(source.file, source.key, problem=err.problem))
            continue
        share = arabic_share(raw.text)
        if share < MIN_ARABIC_SHARE:
            results.append(Processed(source.file, source.key, encoding=raw.encoding,
                                     problem=f"not Arabic text: {share:.0%} of its letters are Arabic "
                                             f"(an article needs at least {MIN_ARABIC_SHARE:.0%})"))
            continue
        key = entry_key(raw.sha256, raw.name, raw.sidecar, raw.manifest, salt)
        record = cache.get(key)
        processed = _from_record(source, raw, record) if record is not None else None
        results.append(processed)
        if processed is None:
            misses.append((len(results) - 1, raw, key, raw.sidecar.get("id") or stable_id(source.key)))
    done = len(sources) - len(misses)
    for (position, raw, key, _), record in zip(misses, _compute([(r, i) for _, r, _, i in misses], kb, kb_dir, workers)):
        cache.put(key, record)
        results[position] = _from_record(sources[position], raw, record)
        done += 1
        if progress:
            progress(done, len(sources))
    for processed in results:
        assert processed is not None
        yield processed


def _compute(jobs: list[tuple[RawArticle, str]], kb: KnowledgeBase, kb_dir: Path, workers: int | None) -> Iterator[dict]:
    workers = workers or available_cores()
    if workers <= 1 or len(jobs) < POOL_THRESHOLD:
        context = _Context(kb)
        for raw, article_id in jobs:
            yield context.record(raw, article_id)
        return
    with ProcessPoolExecutor(max_workers=workers, initializer=_start_worker, initargs=(str(kb_dir),)) as pool:
        yield from pool.map(_work, jobs, chunksize=CHUNK)


def available_cores() -> int:
    try:
        return len(os.sched_getaffinity(0))
    except AttributeError:     # not on Linux
        return os.cpu_count() or 1


class _Context:
    """What the per-article work needs besides the file: the knowledge base and the search analyser."""

    def __init__(self, kb: KnowledgeBase):
        self.kb = kb
        self.analyzer, _ = search_analyzer(kb)

    def record(self, raw: RawArticle, article_id: str) -> dict:
        """The cache record of one article: JSON values only, so it is stored and sent as it is."""
        try:
            article = extract(raw, self.kb)
        except Exception as err:  # noqa: BLE001 - one article's failure must not stop the others
            return {"problem": f"could not be processed: {err}"}
        if not article.paragraphs:
            return {"problem": "no article text (empty, or only site chrome)"}
        article.id = article_id
        return {"article": to_json(article),
                "body_key": hashlib.sha256(normalize(" ".join(article.paragraphs)).encode()).hexdigest(),
                "page": render_article(article, self.kb), "page_id": article_id,
                "terms": article_terms(article, self.analyzer)}


_WORKER: _Context | None = None


def _start_worker(kb_dir: str) -> None:
    global _WORKER
    _WORKER = _Context(load(Path(kb_dir)))


def _work(job: tuple[RawArticle, str]) -> dict:
    assert _WORKER is not None
    return _WORKER.record(*job)


def _from_record(source: Source, raw: RawArticle, record: dict) -> Processed | None:
    """The record as a :class:`Processed`; None when it does not decode (a damaged cache entry)."""
    base = Processed(source.file, source.key, encoding=raw.encoding, sha256=raw.sha256, pinned="id" in raw.sidecar,
                     manifest_file=raw.manifest_file)
    if isinstance(record.get("problem"), str):
        base.problem = record["problem"]
        return base
    try:
        base.article = article_from_json(record["article"])
        base.body_key, base.page, base.page_id = record["body_key"], record["page"], record["page_id"]
        base.terms = record["terms"]
    except (KeyError, ValueError, TypeError):
        return None
    if not all(isinstance(v, str) for v in (base.body_key, base.page, base.page_id)) or not isinstance(base.terms, dict):
        return None
    return base
