"""Writing the dossier: atomically, only when bytes change, never over a person's work.

The generator keeps a manifest (``docs/.dossier/manifest.json``) of every
file it wrote and its sha256.  A file is rewritten only if the generator
wrote it and nobody edited it since; a file it did not write is never
touched; a generated file that is no longer produced is removed only if it
is unchanged.

A build can be killed at any moment (kill -9, power cut) and lose nothing:

- every file is written to a temporary file beside it, flushed, then renamed
  into place, so a reader sees the old file or the new one, never half of one;
- before the first rename the manifest records, as ``pending``, the hash of
  every file about to be written, so the next build recognises a file the
  killed build managed to write as its own and not as a hand edit;
- a killed build's temporary files (``.tmp-dossier-*``, dotfiles that MkDocs
  ignores) are removed by the next build;
- one build at a time writes into a docs folder (a lock), so that removing
  leftovers never removes the temporary file of a build still running.
"""
from __future__ import annotations

import contextlib
import hashlib
import json
import os
import stat
import tempfile
from dataclasses import dataclass, field
from pathlib import Path, PurePosixPath
from typing import Iterator

MANIFEST = ".dossier/manifest.json"
LOCK = ".dossier/lock"
TMP_PREFIX = ".tmp-dossier-"


def _file_mode() -> int:
    # mkstemp creates files readable by their owner only; a web server or a
    # colleague must be able to read the dossier, as with any file we create.
    umask = os.umask(0)
    os.umask(umask)
    return 0o666 & ~umask


FILE_MODE = _file_mode()


@dataclass
class WriteResult:
    written: list[str] = field(default_factory=list)
    unchanged: list[str] = field(default_factory=list)
    deleted: list[str] = field(default_factory=list)
    conflicts: list[tuple[str, str]] = field(default_factory=list)   # (path, why it was left alone)
    differs: list[str] = field(default_factory=list)                 # --check: what a build would change
    leftovers: list[str] = field(default_factory=list)               # temporary files of a killed build, removed


def sha(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


def atomic_write(path: Path, data: bytes) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(prefix=TMP_PREFIX, dir=path.parent)
    try:
        with os.fdopen(fd, "wb") as handle:
            handle.write(data)
            handle.flush()
            os.fsync(handle.fileno())
        os.chmod(tmp, FILE_MODE)
        os.replace(tmp, path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise


def read_manifest(docs: Path) -> dict[str, str]:
    """{path relative to docs: sha256} of every file the generator wrote.

    After an interrupted build this includes the files it was about to write
    (with one of the hashes they may have): they are the generator's, not a
    person's, for anyone asking which files are hand-written.
    """
    files, pending = _load_manifest(docs)
    return {**{rel: max(hashes) for rel, hashes in pending.items() if hashes}, **files}


def known_hashes(docs: Path) -> dict[str, set[str]]:
    """{path relative to docs: every hash the generator wrote or is writing there}.

    Read at any moment of a build, it holds the new hash of each file being
    written (the journal lists it before the first rename): a file whose
    hash is here is the generator's own, not a person's edit.
    """
    files, pending = _load_manifest(docs)
    known = {rel: set(hashes) for rel, hashes in pending.items()}
    for rel, digest in files.items():
        known.setdefault(rel, set()).add(digest)
    return known


def _load_manifest(docs: Path) -> tuple[dict[str, str], dict[str, list[str]]]:
    """(files, pending): pending holds every hash an interrupted build may have left at a path."""
    try:
        data = json.loads((docs / MANIFEST).read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return {}, {}
    if not isinstance(data, dict):
        return {}, {}
    files = _valid_entries(data.get("files"), lambda v: isinstance(v, str))
    pending = _valid_entries(data.get("pending"), lambda v: isinstance(v, list) and all(isinstance(h, str) for h in v))
    return files, pending


def _valid_entries(entries, value_ok) -> dict:
    # The manifest lives in docs/ where anyone can edit it: an entry naming a
    # path outside docs/ must never lead the generator to touch that path.
    if not isinstance(entries, dict):
        return {}
    return {rel: value for rel, value in entries.items() if isinstance(rel, str) and _safe_relative(rel) and value_ok(value)}


def _safe_relative(rel: str) -> bool:
    path = PurePosixPath(rel)
    return bool(rel) and not path.is_absolute() and ".." not in path.parts and "\\" not in rel and "\x00" not in rel


def write_tree(docs: Path, files: dict[str, bytes], *, force: bool = False, check: bool = False) -> WriteResult:
    """Bring ``docs`` to ``files`` (paths relative to docs), respecting hand-written and hand-edited files."""
    with _lock(docs, enabled=not check):
        result = WriteResult()
        if not check:
            result.leftovers = remove_leftovers(docs)
        recorded, pending = _load_manifest(docs)
        known: dict[str, set[str]] = {rel: set(hashes) for rel, hashes in pending.items()}
        for rel, digest in recorded.items():
            known.setdefault(rel, set()).add(digest)
        manifest, writes, deletes = _plan(docs, files, known, recorded, force, result)
        result.differs = sorted([*writes, *deletes])
        if check:
            return result
        if writes or deletes:
            # The journal: whatever happens next, each of these paths holds one of these hashes.
            journal = {rel: sorted(known.get(rel, set()) | ({manifest[rel]} if rel in manifest else set()))
                       for rel in {*writes, *deletes, *pending}}
            _save_manifest(docs, recorded, pending=journal)
        for rel in writes:
            atomic_write(docs / rel, files[rel])
            result.written.append(rel)
        for rel in deletes:
            (docs / rel).unlink()
            result.deleted.append(rel)
        _save_manifest(docs, manifest)
    return result


def _plan(docs: Path, files: dict[str, bytes], known: dict[str, set[str]], recorded: dict[str, str],
          force: bool, result: WriteResult) -> tuple[dict[str, str], list[str], list[str]]:
    """(the new manifest, files to write, files to delete); conflicts and unchanged files go into ``result``."""
    manifest: dict[str, str] = {}
    writes: list[str] = []
    for rel in sorted(files):
        data = files[rel]
        target = _inside(docs, rel)
        if target is None:
            result.conflicts.append((rel, "leads outside the docs folder (through a symbolic link); not written"))
            continue
        if target.exists() and not target.is_file():
            result.conflicts.append((rel, "exists and is not a regular file; left as it is"))
            continue
        current = target.read_bytes() if target.is_file() else None
        if current == data:
            result.unchanged.append(rel)
            manifest[rel] = sha(data)
            continue
        if current is not None:
            if rel not in known:   # a person's file: not even --force overwrites it
                result.conflicts.append((rel, "exists and was not written by the generator; left as it is"))
                continue
            if sha(current) not in known[rel] and not force:
                result.conflicts.append((rel, "was edited by hand since the last build; not overwritten "
                                              "(put curated values in the article's sidecar NAME.meta.yml, or rebuild with --force)"))
                manifest[rel] = recorded.get(rel) or min(known[rel])  # stays generated, so the edit stays detected
                continue
        writes.append(rel)
        manifest[rel] = sha(data)
    deletes: list[str] = []
    for rel in sorted(set(known) - set(files)):
        target = _inside(docs, rel)
        if target is None or not target.is_file():
            continue
        if sha(target.read_bytes()) not in known[rel] and not force:
            result.conflicts.append((rel, "is no longer generated but was edited by hand; left in place"))
            continue
        deletes.append(rel)
    return manifest, writes, deletes


def _save_manifest(docs: Path, files: dict[str, str], pending: dict[str, list[str]] | None = None) -> None:
    data: dict = {"files": dict(sorted(files.items()))}
    if pending:
        data["pending"] = dict(sorted(pending.items()))
    payload = json.dumps(data, indent=1).encode() + b"\n"
    path = docs / MANIFEST
    if not path.is_file() or path.read_bytes() != payload:
        atomic_write(path, payload)


def remove_leftovers(docs: Path) -> list[str]:
    """Delete the temporary files of an interrupted build; return their paths relative to docs."""
    removed = []
    for folder, subfolders, names in os.walk(docs):
        subfolders[:] = sorted(d for d in subfolders if d == ".dossier" or not d.startswith("."))
        for name in sorted(names):
            if name.startswith(TMP_PREFIX):
                path = Path(folder) / name
                with contextlib.suppress(FileNotFoundError):
                    if stat.S_ISREG(path.lstat().st_mode):
                        path.unlink()
                        removed.append(path.relative_to(docs).as_posix())
    return removed


@contextlib.contextmanager
def _lock(docs: Path, *, enabled: bool) -> Iterator[None]:
    try:
        import fcntl
    except ImportError:   # Windows: no advisory locks; builds there must not overlap
        fcntl = None
    if not enabled or fcntl is None:
        yield
        return
    path = docs / LOCK
    path.parent.mkdir(parents=True, exist_ok=True)
    with open(path, "a") as handle:
        fcntl.flock(handle.fileno(), fcntl.LOCK_EX)   # released by the kernel even on kill -9
        try:
            yield
        finally:
            fcntl.flock(handle.fileno(), fcntl.LOCK_UN)


def _inside(docs: Path, rel: str) -> Path | None:
    """``docs/rel``, or None when the path (or a symbolic link on the way) leads outside docs."""
    if not _safe_relative(rel):
        return None
    target = docs / rel
    if not target.resolve().is_relative_to(docs.resolve()):
        return None
    return target
