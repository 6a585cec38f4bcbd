"""Ingest: find the article files of a source folder and decode them.

Produces one :class:`RawArticle` per readable ``.txt`` file, with the
curated values of its sidecar (``NAME.meta.yml``) and of a corpus
``manifest.csv`` attached.  Anything that cannot be read becomes an
:class:`InputError` naming the file and the problem; the caller records it
and goes on with the other files.
"""
from __future__ import annotations

import codecs
import csv
import hashlib
import os
import unicodedata
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from .records import RawArticle
from .sidecar import SidecarError, read_sidecar

ARTICLE_SUFFIX = ".txt"
SIDECAR_SUFFIX = ".meta.yml"
MANIFEST_NAME = "manifest.csv"
# A news article is a few kilobytes; 20 MB is a whole book.  Larger files
# are refused before they are read, so memory stays bounded.
MAX_BYTES = 20 * 1024 * 1024


class InputError(Exception):
    """An input file that cannot become an article; the message says why."""

    def __init__(self, path: Path, problem: str):
        super().__init__(f"{path}: {problem}")
        self.path = path
        self.problem = problem


@dataclass(frozen=True)
class Discovered:
    articles: list[Path]       # .txt files, in a stable order
    ignored: list[Path]        # other files, listed in the report
    problems: list[InputError]  # folders that could not be walked


def discover(sources: list[Path]) -> Discovered:
    """All article files under ``sources``, sorted so that builds are reproducible.

    Symbolic links to folders are not followed (a link loop cannot trap
    the walk); sidecars and manifests are companions, not ignored files.
    """
    articles: set[Path] = set()
    ignored: set[Path] = set()
    problems: list[InputError] = []
    for source in sources:
        if source.is_file():
            (articles if source.suffix == ARTICLE_SUFFIX else ignored).add(source)
            continue
        if not source.is_dir():
            problems.append(InputError(source, "no such folder"))
            continue

        def on_error(err: OSError, _source=source) -> None:
            problems.append(InputError(Path(err.filename or _source), f"cannot list folder ({err.strerror})"))

        for folder, subfolders, files in os.walk(source, onerror=on_error, followlinks=False):
            subfolders.sort()
            for name in files:
                path = Path(folder) / name
                if name.endswith(ARTICLE_SUFFIX):
                    articles.add(path)
                elif not (name.endswith(SIDECAR_SUFFIX) or name == MANIFEST_NAME):
                    ignored.add(path)
    return Discovered(sorted(articles, key=_sort_key), sorted(ignored, key=_sort_key), problems)


def _sort_key(path: Path) -> str:
    # The byte order of the NFC path: the same on every machine and file system.
    return unicodedata.normalize("NFC", str(path))


def read_article(path: Path) -> RawArticle:
    """Read, fingerprint and decode one article file with its curated metadata."""
    try:
        if path.stat().st_size > MAX_BYTES:
            raise InputError(path, f"file is {path.stat().st_size // (1024 * 1024)} MB; the limit is {MAX_BYTES // (1024 * 1024)} MB per article")
        data = path.read_bytes()
    except PermissionError:
        raise InputError(path, "cannot be read (permission denied)") from None
    except OSError as err:
        raise InputError(path, f"cannot be read ({err.strerror or err})") from None
    text, encoding = decode(path, data)
    try:
        sidecar = read_sidecar(path.with_name(path.name[: -len(ARTICLE_SUFFIX)] + SIDECAR_SUFFIX))
    except SidecarError as err:
        raise InputError(err.path, err.problem) from None
    return RawArticle(
        path=path,
        name=path.name,
        text=text,
        sha256=hashlib.sha256(data).hexdigest(),
        encoding=encoding,
        sidecar=sidecar,
        manifest=manifest_row(path),
    )


def decode(path: Path, data: bytes) -> tuple[str, str]:
    """Decode bytes to text, saying which encoding was used.

    A byte-order mark decides; otherwise strict UTF-8; otherwise detection
    (older Arabic corpora are often Windows-1256).  Text that no encoding
    explains is refused rather than turned into mojibake.
    """
    if b"\x00" in data[:4096] and not data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        raise InputError(path, "looks like a binary file (it contains NUL bytes), not text")
    for bom, name in ((codecs.BOM_UTF8, "utf-8-sig"), (codecs.BOM_UTF16_LE, "utf-16"), (codecs.BOM_UTF16_BE, "utf-16")):
        if data.startswith(bom):
            try:
                return _tidy(data.decode(name)), name
            except UnicodeDecodeError as err:
                raise InputError(path, f"starts with a {name} byte-order mark but is not valid {name} (byte {err.start})") from None
    try:
        return _tidy(data.decode("utf-8")), "utf-8"
    except UnicodeDecodeError as err:
        utf8_error = err
    guess = _detect(data)
    if guess is None:
        raise InputError(path, f"is not UTF-8 (invalid byte at offset {utf8_error.start}) and no other encoding explains it")
    text, name = guess
    return _tidy(text), name


def _detect(data: bytes) -> tuple[str, str] | None:
    from charset_normalizer import from_bytes

    best = from_bytes(data, cp_isolation=["cp1256", "iso8859_6", "utf_16", "cp1252", "latin_1"]).best()
    if best is None or best.chaos > 0.3:
        return None
    text = str(best)
    # A decoding that yields no Arabic from a file with many high bytes is a wrong guess.
    if sum(1 for b in data if b >= 0x80) > 20 and not any("\u0600" <= ch <= "\u06ff" for ch in text):
        return None
    return text, best.encoding


def _tidy(text: str) -> str:
    """Line ends to \\n and text to NFC, so that the same article gives the same page."""
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    return unicodedata.normalize("NFC", text)


def manifest_row(path: Path) -> dict:
    """The row describing ``path`` in the nearest corpus ``manifest.csv`` above it, if any."""
    for folder in list(path.parents)[:4]:
        rows = _load_manifest(folder / MANIFEST_NAME)
        if rows:
            try:
                key = path.resolve().relative_to(folder.resolve()).as_posix()
            except ValueError:
                continue
            if key in rows:
                return dict(rows[key])
    return {}


@lru_cache(maxsize=16)
def _load_manifest(path: Path) -> dict[str, dict]:
    if not path.is_file():
        return {}
    try:
        with path.open(encoding="utf-8-sig", newline="") as handle:
            return {row["file"]: row for row in csv.DictReader(handle) if row.get("file")}
    except (OSError, UnicodeDecodeError, csv.Error, KeyError):
        return {}
