"""The per-article cache: what one source file became, kept between builds.

A build spends nearly all its time on the per-article stage (decode, clean,
extract, render the page, analyse the text for search).  That stage is a
pure function of the file's bytes, its sidecar and manifest row, the
knowledge base and the generator's code, so its output is stored under a
key made of exactly those (see :func:`entry_key` and :func:`code_salt`) and
reused while none of them changes.

Stored in one SQLite file (``docs/.dossier/cache.sqlite``): a build killed
half-way leaves it as of its last commit, never half-written.  Every entry
carries the sha256 of its payload; an entry that does not match, does not
decode, or a file that is not a database is recomputed, never trusted.  The
cache is an optimisation only: deleting it, or ``dossier build --cold``,
gives byte-identical output.
"""
from __future__ import annotations

import contextlib
import dataclasses
import hashlib
import json
import sqlite3
import types
import typing
import zlib
from pathlib import Path
from typing import Any

from . import __version__
from .records import Article

CACHE_FILE = ".dossier/cache.sqlite"
GENERATOR_DIR = Path(__file__).resolve().parent
# Entries are committed in batches: a killed build keeps all but the last batch.
COMMIT_EVERY = 500


def site_cache_file(site_dir: Path) -> Path:
    """Where ``dossier site`` keeps the cache of a site folder: outside the site (which is
    published) and outside its docs folder (a temporary one), in the user's cache folder."""
    import os

    base = Path(os.environ.get("XDG_CACHE_HOME") or Path.home() / ".cache")
    name = hashlib.sha256(str(Path(site_dir).resolve()).encode("utf-8", "surrogateescape")).hexdigest()[:16]
    return base / "gaza-dossier" / f"site-{name}.sqlite"


def code_salt(kb_dir: Path) -> str:
    """The generator's version, a hash of its code and data files, and of the knowledge base.

    Any change to either (an extraction rule, an analyser table, a new
    actor) gives every entry a new key, so no stale record survives it.
    """
    digest = hashlib.sha256(__version__.encode())
    for folder in (GENERATOR_DIR, Path(kb_dir).resolve()):
        for path in sorted(p for p in folder.rglob("*") if p.is_file() and "__pycache__" not in p.parts):
            if path.suffix in (".pyc", ".pyo"):
                continue
            digest.update(path.relative_to(folder).as_posix().encode() + b"\0")
            digest.update(hashlib.sha256(path.read_bytes()).digest())
    return digest.hexdigest()


def entry_key(sha256: str, name: str, sidecar: dict, manifest: dict, salt: str) -> str:
    """What the per-article output depends on: the bytes, the file name (shown on the page),
    the curated values of the sidecar and the manifest row, and the code and knowledge base."""
    parts = json.dumps([sha256, name, sidecar, manifest, salt], ensure_ascii=False, sort_keys=True, default=str)
    return hashlib.sha256(parts.encode("utf-8")).hexdigest()


class ArticleCache:
    """get/put of JSON-able records by key; every failure degrades to a miss."""

    def __init__(self, path: Path | None, *, read_only: bool = False, cold: bool = False):
        self.path = path
        self.read_only = read_only
        self.cold = cold        # every lookup misses; what is computed is stored
        self.pending = 0
        self.used: set[str] = set()
        self.db: sqlite3.Connection | None = None
        if path is not None:
            self.db = self._open(path)

    def _open(self, path: Path) -> sqlite3.Connection | None:
        if self.read_only and not path.is_file():
            return None
        for attempt in (1, 2):
            try:
                if not self.read_only:
                    path.parent.mkdir(parents=True, exist_ok=True)
                uri = f"{path.resolve().as_uri()}?mode={'ro' if self.read_only else 'rwc'}"
                db = sqlite3.connect(uri, uri=True, isolation_level=None)
                if not self.read_only:
                    db.execute("CREATE TABLE IF NOT EXISTS entries (key TEXT PRIMARY KEY, digest TEXT, payload BLOB)")
                db.execute("SELECT count(*) FROM entries").fetchone()
                if not self.read_only:
                    db.execute("BEGIN")
                return db
            except sqlite3.DatabaseError:
                # Not a database, or damaged beyond reading: start afresh (it only ever held copies).
                if self.read_only or attempt == 2:
                    return None
                with contextlib.suppress(OSError):
                    path.unlink()
        return None

    def get(self, key: str) -> dict | None:
        self.used.add(key)
        if self.db is None or self.cold:
            return None
        try:
            row = self.db.execute("SELECT digest, payload FROM entries WHERE key = ?", (key,)).fetchone()
        except sqlite3.DatabaseError:
            return None
        if row is None or not isinstance(row[1], bytes) or hashlib.sha256(row[1]).hexdigest() != row[0]:
            return None
        try:
            record = json.loads(zlib.decompress(row[1]))
        except (zlib.error, ValueError):
            return None
        return record if isinstance(record, dict) else None

    def put(self, key: str, record: dict) -> None:
        self.used.add(key)
        if self.db is None or self.read_only:
            return
        payload = zlib.compress(json.dumps(record, ensure_ascii=False, separators=(",", ":")).encode("utf-8"), 1)
        try:
            self.db.execute("INSERT OR REPLACE INTO entries VALUES (?, ?, ?)",
                            (key, hashlib.sha256(payload).hexdigest(), payload))
            self.pending += 1
            if self.pending >= COMMIT_EVERY:
                self.db.execute("COMMIT")
                self.db.execute("BEGIN")
                self.pending = 0
        except sqlite3.DatabaseError:
            self.db = None

    def close(self, *, prune: bool = False) -> None:
        """Commit; with ``prune``, first drop the entries this build did not use (deleted or edited files)."""
        if self.db is None:
            return
        try:
            if not self.read_only:
                if prune:
                    self.db.execute("CREATE TEMP TABLE used (key TEXT PRIMARY KEY)")
                    self.db.executemany("INSERT OR IGNORE INTO used VALUES (?)", ((k,) for k in self.used))
                    self.db.execute("DELETE FROM entries WHERE key NOT IN (SELECT key FROM used)")
                self.db.execute("COMMIT")
            self.db.close()
        except sqlite3.DatabaseError:
            pass
        self.db = None


# --------------------------------------------------------------------------- records <-> JSON

def to_json(value: Any) -> Any:
    """A dataclass tree as plain JSON values (the inverse of :func:`from_json`)."""
    if dataclasses.is_dataclass(value):
        return {f.name: to_json(getattr(value, f.name)) for f in dataclasses.fields(value)}
    if isinstance(value, (list, tuple)):
        return [to_json(v) for v in value]
    if isinstance(value, dict):
        return {k: to_json(v) for k, v in value.items()}
    return value


def from_json(kind: Any, value: Any) -> Any:
    """``value`` rebuilt as ``kind`` (a dataclass or a typing form); ValueError when it does not fit."""
    return _converter(kind)(value)


_CONVERTERS: dict[Any, Any] = {}


def _converter(kind: Any):
    """A function checking and rebuilding a JSON value as ``kind``; made once per type
    (reading types on every value cost more than all the rest of a warm build)."""
    if kind in _CONVERTERS:
        return _CONVERTERS[kind]
    origin, args = typing.get_origin(kind), typing.get_args(kind)
    if dataclasses.is_dataclass(kind):
        hints = typing.get_type_hints(kind)
        names = frozenset(f.name for f in dataclasses.fields(kind))
        _CONVERTERS[kind] = lambda value: convert(value)     # the fields may refer back to this type
        fields = {name: _converter(hints[name]) for name in names}

        def convert(value):
            if not isinstance(value, dict) or value.keys() != names:
                raise ValueError(f"{kind.__name__}: fields differ")
            return kind(**{name: fields[name](v) for name, v in value.items()})
    elif origin in (typing.Union, types.UnionType):
        options = [_converter(option) for option in args if option is not type(None)]
        nullable = type(None) in args

        def convert(value):
            if value is None and nullable:
                return None
            for option in options:
                with contextlib.suppress(ValueError, TypeError):
                    return option(value)
            raise ValueError(f"{value!r} fits none of {args}")
    elif origin is list:
        item = _converter(args[0]) if args else (lambda v: v)

        def convert(value):
            if not isinstance(value, list):
                raise ValueError("not a list")
            return [item(v) for v in value]
    elif origin is dict or kind is dict:
        def convert(value):
            if not isinstance(value, dict):
                raise ValueError("not an object")
            return value
    elif kind is Any:
        def convert(value):
            return value
    elif kind is float:
        def convert(value):
            if isinstance(value, bool) or not isinstance(value, (int, float)):
                raise ValueError(f"{value!r} is not a number")
            return value
    elif isinstance(kind, type):
        def convert(value):
            if not isinstance(value, kind):
                raise ValueError(f"{value!r} is not {kind.__name__}")
            return value
    else:
        raise TypeError(f"cannot rebuild {kind!r} from JSON")
    _CONVERTERS[kind] = convert
    return convert


def article_from_json(value: Any) -> Article:
    return from_json(Article, value)


