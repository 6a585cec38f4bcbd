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
import re
import stat
import unicodedata
from collections import Counter
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path, PurePosixPath

from .records import RawArticle
from .sidecar import SidecarError, read_sidecar

ARTICLE_SUFFIX = ".txt"
SIDECAR_SUFFIX = ".meta.yml"
MANIFEST_NAME = "manifest.csv"
# A news article is a few kilobytes (the largest of the 11,155 in the shared
# corpora is 35 KB).  Extraction costs about 4 s and 75 MB of memory per MB
# of text (measured: a 19 MB file took 46 s and 450 MB; a 2 MB page of
# markup 7.7 s and 150 MB), so larger files are refused, before they are read.
MAX_BYTES = 2 * 1024 * 1024


class InputError(Exception):
    """An input file that cannot become an article; the message says why."""

    def __init__(self, path: Path, problem: str):
        super().__init__(f"{path}: {problem}")
        self.path = path
        self.problem = problem


@dataclass(frozen=True)
class Discovered:
    articles: list[Path]                 # .txt files, in a stable order
    ignored: list[tuple[Path, str]]      # other files and hidden folders, with the reason, for the report
    problems: list[InputError]           # folders that could not be walked, links not followed
    manifests: list[Path] = field(default_factory=list)   # corpus manifest.csv files in the folders


def discover(sources: list[Path]) -> Discovered:
    """All article files under ``sources``, sorted so that builds are reproducible.

    Symbolic links to folders are not followed (a link loop cannot trap the
    walk) and are reported; hidden folders (.git, ...) are not read.
    Sidecars and manifests are companions, not ignored files, unless a
    sidecar has no article beside it.
    """
    articles: set[Path] = set()
    manifests: set[Path] = set()
    ignored: dict[Path, str] = {}
    problems: list[InputError] = []
    for source in sources:
        if source.is_file():
            if _is_article(source.name):
                articles.add(source)
            else:
                ignored[source] = "not a .txt article"
            continue
        if not source.is_dir():
            problems.append(InputError(source, "no such file or folder"))
            continue

        def on_error(err: OSError, _source=source) -> None:
            problems.append(InputError(Path(err.filename or _source), f"cannot list folder ({err.strerror})"))

        for folder, subfolders, files in os.walk(source, onerror=on_error, followlinks=False):
            for name in sorted(subfolders):
                path = Path(folder) / name
                if path.is_symlink():
                    problems.append(InputError(path, "symbolic link to a folder; not followed (it could loop)"))
                elif name.startswith("."):
                    ignored[path] = "hidden folder; not read"
            subfolders[:] = sorted(d for d in subfolders if not d.startswith(".") and not (Path(folder) / d).is_symlink())
            names = set(files)
            for name in files:
                path = Path(folder) / name
                if _is_article(name):
                    articles.add(path)
                elif name.endswith(SIDECAR_SUFFIX):
                    if name[: -len(SIDECAR_SUFFIX)] + ARTICLE_SUFFIX not in names:
                        ignored[path] = f"sidecar without its article ({name[: -len(SIDECAR_SUFFIX)]}{ARTICLE_SUFFIX} is missing)"
                elif name == MANIFEST_NAME:
                    manifests.add(path)
                else:
                    ignored[path] = "not a .txt article"
    problems.sort(key=lambda p: _sort_key(p.path))
    return Discovered(sorted(articles, key=_sort_key), sorted(ignored.items(), key=lambda kv: _sort_key(kv[0])), problems,
                      sorted(manifests, key=_sort_key))


def _is_article(name: str) -> bool:
    return name.endswith(ARTICLE_SUFFIX) and not name.endswith(SIDECAR_SUFFIX)


def _sort_key(path: Path) -> tuple[str, str]:
    # The NFC path (the same on every machine and file system), then the raw
    # one so that two names differing only in normalisation keep one order.
    return unicodedata.normalize("NFC", str(path)), str(path)


def source_key(path: Path, sources: list[Path]) -> str:
    """The article's path within the source folder it was found in: what its id is made from.

    A correction changes the file's bytes, never this, so an edited article
    keeps its id and address.  NFC and ``/`` make it the same on every machine
    and file system; the source folder's own name and place are left out, so
    a dossier moved or cloned elsewhere keeps its addresses.  A source given
    as a single file is keyed by its name.
    """
    for source in sources:
        if path == source:
            relative = path.name
            break
        try:
            relative = path.relative_to(source).as_posix()
            break
        except ValueError:
            continue
    else:
        relative = path.as_posix()
    return unicodedata.normalize("NFC", display_name(relative))


def stable_id(key: str, digits: int = 8) -> str:
    """An ASCII id for the article at ``key`` (see :func:`source_key`): the file name's
    ASCII letters and digits, for a reader, and a hash of the whole key, for uniqueness.

    The ids of earlier versions (``2025-05-11-74e893d0``) held the date and a hash of the bytes, so
    a corrected file (or a better date rule) moved the page and broke every
    link to it; this id depends on the path alone.
    """
    stem = key.rsplit("/", 1)[-1]
    stem = stem[: -len(ARTICLE_SUFFIX)] if stem.endswith(ARTICLE_SUFFIX) else stem
    slug = re.sub(r"[^a-z0-9]+", "-", stem.lower()).strip("-")[:32].strip("-")
    digest = hashlib.sha256(key.encode("utf-8")).hexdigest()[:digits]
    return f"{slug or 'article'}-{digest}"


def display_name(name: str) -> str:
    """A file name as text that can be printed and written as UTF-8.

    A name that is not valid UTF-8 arrives with surrogate escapes, which
    would make writing the page or the report fail; they become U+FFFD.
    """
    return name.encode("utf-8", "surrogateescape").decode("utf-8", "replace")


def read_article(path: Path, max_bytes: int = MAX_BYTES) -> RawArticle:
    """Read, fingerprint and decode one article file with its curated metadata."""
    data = read_bounded(path, max_bytes)
    if not data:
        raise InputError(path, "empty file (0 bytes)")
    text, encoding = decode(path, data)
    if not text.strip():
        raise InputError(path, "contains only white space, no text")
    sidecar_path = path.with_name(path.name[: -len(ARTICLE_SUFFIX)] + SIDECAR_SUFFIX)
    try:
        sidecar = read_sidecar(sidecar_path)
    except SidecarError as err:
        raise InputError(err.path, f"sidecar {display_name(err.path.name)}: {err.problem}") from None
    manifest, manifest_file = manifest_row(path)
    return RawArticle(
        path=path,
        name=display_name(path.name),
        text=text,
        sha256=hashlib.sha256(data).hexdigest(),
        encoding=encoding,
        sidecar=sidecar,
        manifest=manifest,
        manifest_file=manifest_file,
    )


def read_bounded(path: Path, max_bytes: int = MAX_BYTES) -> bytes:
    """The bytes of a regular file of at most ``max_bytes``; memory never holds more.

    The size is checked on the open file (not on the name, which could be
    swapped in between) and the read stops one byte past the limit, so a
    file that grows while it is read, or a link to /dev/zero, is refused too;
    a named pipe would block the build for ever and is refused unopened.
    """
    try:
        info = path.stat()
        if not stat.S_ISREG(info.st_mode):
            raise InputError(path, "is not a regular file (a device, a pipe or a socket)")
        with path.open("rb") as handle:
            size = os.fstat(handle.fileno()).st_size
            if size > max_bytes:
                raise InputError(path, _too_large(size, max_bytes))
            data = handle.read(max_bytes + 1)
    except PermissionError:
        raise InputError(path, "cannot be read (permission denied)") from None
    except OSError as err:
        raise InputError(path, f"cannot be read ({err.strerror or err})") from None
    if len(data) > max_bytes:
        raise InputError(path, _too_large(len(data), max_bytes))
    return data


def _too_large(size: int, limit: int) -> str:
    return (f"file is {_size(size, '.1f')} (or more): larger than the limit of {_size(limit, '.3g')} per article; "
            "not read (--max-article-size raises it)")


def _size(n: int, digits: str) -> str:
    return f"{n / (1024 * 1024):{digits}} MB" if n >= 1024 * 1024 else f"{n / 1024:{digits}} KB"


def decode(path: Path, data: bytes) -> tuple[str, str]:
    """Decode bytes to text, saying which encoding was used.

    A byte-order mark decides; otherwise strict UTF-8; otherwise detection
    (older Arabic corpora are often Windows-1256).  Text that no encoding
    explains is refused rather than turned into mojibake, and so is UTF-8
    with a few damaged bytes: guessing another encoding for it would turn
    the whole article into mojibake.
    """
    if b"\x00" in data[:4096] and not data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        raise InputError(path, "contains NUL bytes: a binary file, or UTF-16 without a byte-order mark; not text")
    for bom, name in ((codecs.BOM_UTF8, "utf-8-sig"), (codecs.BOM_UTF16_LE, "utf-16"), (codecs.BOM_UTF16_BE, "utf-16")):
        if data.startswith(bom):
            try:
                return _checked(path, data.decode(name)), name
            except UnicodeDecodeError as err:
                raise InputError(path, f"starts with a {name} byte-order mark but is not valid {name} (byte {err.start})") from None
    try:
        return _checked(path, data.decode("utf-8")), "utf-8"
    except UnicodeDecodeError as err:
        utf8_error = err
    bad = _utf8_damage(data)
    if bad:
        line = data.count(b"\n", 0, utf8_error.start) + 1
        raise InputError(path, f"is UTF-8 with {bad} undecodable byte sequence(s), the first at byte {utf8_error.start} "
                               f"(line {line}); repair or re-save the file as UTF-8 to include it")
    guess = _detect(data)
    if guess is None:
        raise InputError(path, f"is not UTF-8 (invalid byte at offset {utf8_error.start}) and no other encoding explains it")
    text, name = guess
    return _checked(path, text), name


def _utf8_damage(data: bytes) -> int:
    """The number of bad sequences when ``data`` is UTF-8 apart from a few bytes, else 0.

    Text in a single-byte Arabic encoding (Windows-1256, ISO-8859-6) almost
    never forms valid multi-byte UTF-8 sequences, so many valid ones and few
    bad ones mean damaged UTF-8, not another encoding.
    """
    text = data.decode("utf-8", errors="replace")
    bad = text.count("\ufffd") - data.count("\ufffd".encode())
    valid = len(_NON_ASCII.findall(text))
    return bad if valid >= 4 * bad else 0


def _checked(path: Path, text: str) -> str:
    """The text tidied, unless it is mostly control characters (a binary file that happened to decode)."""
    text = _tidy(text)
    controls = len(_CONTROL.findall(text))
    if controls > 8 and controls > len(text) // 20:
        raise InputError(path, f"looks like a binary file ({controls} control characters in {len(text)}), not text")
    return text


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


_NON_ASCII = re.compile("[^\x00-\x7f\ufffd]")
_CONTROL = re.compile("[\x00-\x08\x0b\x0e-\x1f\x7f-\x9f]")


def _tidy(text: str) -> str:
    """Line ends to \\n and text to NFC, so that the same article gives the same page."""
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    return unicodedata.normalize("NFC", text)


def manifest_row(path: Path) -> tuple[dict, Path | None]:
    """The row describing ``path`` in the nearest corpus ``manifest.csv`` above it, if any, and
    that manifest.  Rows are matched by the path relative to the manifest's folder, then by the
    file name alone when one row has it (articles copied out of their corpus layout)."""
    # A linked article (a folder of symlinks into a corpus) finds the manifest of its corpus too.
    resolved = path.resolve()
    folders = dict.fromkeys([*list(path.parents)[:4], *list(resolved.parents)[:4]])
    for folder in folders:
        manifest = folder / MANIFEST_NAME
        try:
            info = manifest.stat()
        except OSError:
            continue
        # Keyed by size and time too: under `mkdocs serve` an edited manifest must be read again.
        by_path, by_name = _load_manifest(manifest, info.st_mtime_ns, info.st_size)
        if by_path:
            try:
                key = resolved.relative_to(_resolved(folder)).as_posix()
            except ValueError:
                continue
            row = by_path.get(key) or by_name.get(path.name)
            if row:
                return dict(row), manifest
    return {}, None


@lru_cache(maxsize=256)
def _resolved(folder: Path) -> Path:
    # Thousands of articles share a few corpus folders: each is resolved once per process.
    return folder.resolve()


@lru_cache(maxsize=16)
def _load_manifest(path: Path, _mtime_ns: int, _size: int) -> tuple[dict[str, dict], dict[str, dict]]:
    """The rows by their ``file`` path, and by file name where that name is in one row only."""
    if not path.is_file():
        return {}, {}
    try:
        with path.open(encoding="utf-8-sig", newline="") as handle:
            by_path = {row["file"]: row for row in csv.DictReader(handle) if row.get("file")}
    except (OSError, UnicodeDecodeError, csv.Error, KeyError):
        return {}, {}
    names = Counter(PurePosixPath(key).name for key in by_path)
    by_name = {PurePosixPath(key).name: row for key, row in by_path.items() if names[PurePosixPath(key).name] == 1}
    return by_path, by_name
