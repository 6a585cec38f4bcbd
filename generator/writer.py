"""Writing the dossier: atomically, only when bytes change, never over a person's work.

The generator keeps a manifest (``docs/.dossier/manifest.json``) of every
file it wrote and its sha256.  A file is rewritten only if the generator
wrote it and nobody edited it since; a file it did not write is never
touched; a generated file that is no longer produced is removed only if it
is unchanged.  Every write goes to a temporary file first and is renamed
into place, so an interrupted build leaves whole files only.
"""
from __future__ import annotations

import hashlib
import json
import os
import tempfile
from dataclasses import dataclass, field
from pathlib import Path

MANIFEST = ".dossier/manifest.json"


@dataclass
class WriteResult:
    written: list[str] = field(default_factory=list)
    unchanged: list[str] = field(default_factory=list)
    deleted: list[str] = field(default_factory=list)
    conflicts: list[tuple[str, str]] = field(default_factory=list)   # (path, why it was left alone)
    differs: list[str] = field(default_factory=list)                 # --check: what a build would change


def sha(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


def atomic_write(path: Path, data: bytes) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(prefix=".tmp-", dir=path.parent)
    try:
        with os.fdopen(fd, "wb") as handle:
            handle.write(data)
            handle.flush()
            os.fsync(handle.fileno())
        os.replace(tmp, path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise


def read_manifest(docs: Path) -> dict[str, str]:
    try:
        return json.loads((docs / MANIFEST).read_text(encoding="utf-8"))["files"]
    except (OSError, ValueError, KeyError, TypeError):
        return {}


def write_tree(docs: Path, files: dict[str, bytes], *, force: bool = False, check: bool = False) -> WriteResult:
    """Bring ``docs`` to ``files`` (paths relative to docs), respecting hand-written and hand-edited files."""
    result = WriteResult()
    old = read_manifest(docs)
    new_manifest: dict[str, str] = {}
    for rel in sorted(files):
        data = files[rel]
        target = _inside(docs, rel)
        current = target.read_bytes() if target.is_file() else None
        if current == data:
            result.unchanged.append(rel)
            new_manifest[rel] = sha(data)
            continue
        if current is not None and not force:
            if rel not in old:
                result.conflicts.append((rel, "exists and was not written by the generator; left as it is"))
                continue
            if sha(current) != old[rel]:
                result.conflicts.append((rel, "was edited by hand since the last build; not overwritten "
                                              "(put curated values in the article's sidecar NAME.meta.yml, or rebuild with --force)"))
                new_manifest[rel] = old[rel]
                continue
        result.differs.append(rel)
        if not check:
            atomic_write(target, data)
            result.written.append(rel)
        new_manifest[rel] = sha(data)
    for rel in sorted(set(old) - set(files)):
        target = _inside(docs, rel)
        if not target.is_file():
            continue
        if sha(target.read_bytes()) != old[rel] and not force:
            result.conflicts.append((rel, "is no longer generated but was edited by hand; left in place"))
            continue
        result.differs.append(rel)
        if not check:
            target.unlink()
            result.deleted.append(rel)
    if not check:
        payload = json.dumps({"files": new_manifest}, indent=1, sort_keys=True).encode() + b"\n"
        manifest_path = docs / MANIFEST
        if not manifest_path.is_file() or manifest_path.read_bytes() != payload:
            atomic_write(manifest_path, payload)
    return result


def _inside(docs: Path, rel: str) -> Path:
    target = (docs / rel).resolve()
    if not target.is_relative_to(docs.resolve()):
        raise ValueError(f"refusing to write outside the docs folder: {rel}")
    return docs / rel
