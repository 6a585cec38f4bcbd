"""A dossier's own settings: ``dossier.yml`` beside its articles.

One file holds what makes a dossier this dossier and not another: its title
(the site's name, the home page's heading, the name every citation and
export gives), a one-line description, the folders of articles, a local
knowledge-base file that extends the shipped one, and the largest article
file it reads (``max_article_size``, in MB).  ``dossier new`` writes
it; ``dossier build``/``site``/``candidates`` and the MkDocs plugin read it
from the folder they run in.  Paths in it are relative to the file.

Other code asks for the title with :func:`dossier_title`.
"""
from __future__ import annotations

from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Any

import yaml

from .ingest import MAX_BYTES

CONFIG_FILE = "dossier.yml"
# What a folder of articles with no dossier.yml is called: nothing is assumed about its subject.
DEFAULT_TITLE = "ملف المقالات"
DEFAULT_DESCRIPTION = ""
KNOWN_KEYS = {"title", "description", "sources", "knowledge_base", "max_article_size"}
MB = 1024 * 1024


class ConfigError(Exception):
    """A dossier.yml that cannot be used; the message names the file and the problem."""


@dataclass(frozen=True)
class DossierConfig:
    title: str = DEFAULT_TITLE
    description: str = DEFAULT_DESCRIPTION
    sources: tuple[Path, ...] = field(default_factory=tuple)
    knowledge_base: Path | None = None     # a local knowledge-base file (see kb.py), or the shipped one
    path: Path | None = None               # the dossier.yml read, if any
    max_article_bytes: int = MAX_BYTES     # larger article files are skipped, unread

    def with_max_article_size(self, megabytes: float | None) -> DossierConfig:
        return replace(self, max_article_bytes=int(megabytes * MB)) if megabytes else self

    def with_title(self, title: str | None) -> DossierConfig:
        """The same dossier under another name (``dossier site --title``), when one is given."""
        return replace(self, title=title.strip()) if title and title.strip() else self


def load_config(path: Path) -> DossierConfig:
    """Read and check one dossier.yml."""
    path = Path(path)
    try:
        data = yaml.safe_load(path.read_text(encoding="utf-8"))
    except OSError as err:
        raise ConfigError(f"{path}: cannot be read: {err.strerror or err}") from None
    except (yaml.YAMLError, UnicodeDecodeError) as err:
        raise ConfigError(f"{path}: not valid YAML: {err}") from None
    if data is None:
        data = {}
    if not isinstance(data, dict):
        raise ConfigError(f"{path}: expected a mapping of settings (title, description, sources, knowledge_base)")
    unknown = sorted(set(map(str, data)) - KNOWN_KEYS)
    if unknown:
        raise ConfigError(f"{path}: unknown setting {', '.join(unknown)} "
                          f"(known: {', '.join(sorted(KNOWN_KEYS))})")
    root = path.resolve().parent
    title = _text(data, "title", path) or DEFAULT_TITLE
    sources = data.get("sources") or []
    if isinstance(sources, str):
        sources = [sources]
    if not isinstance(sources, list) or not all(isinstance(s, str) and s.strip() for s in sources):
        raise ConfigError(f"{path}: 'sources' must be a folder or a list of folders")
    kb = data.get("knowledge_base")
    if kb is not None and not (isinstance(kb, str) and kb.strip()):
        raise ConfigError(f"{path}: 'knowledge_base' must be the path of a knowledge-base file")
    size = data.get("max_article_size", MAX_BYTES / MB)
    if isinstance(size, bool) or not isinstance(size, (int, float)) or size <= 0:
        raise ConfigError(f"{path}: 'max_article_size' must be a number of megabytes above 0")
    return DossierConfig(title=title, description=_text(data, "description", path),
                         sources=tuple(root / s for s in sources),
                         knowledge_base=(root / kb) if kb else None, path=path, max_article_bytes=int(size * MB))


def _text(data: dict[str, Any], key: str, path: Path) -> str:
    value = data.get(key)
    if value is None:
        return ""
    if not isinstance(value, (str, int, float)):
        raise ConfigError(f"{path}: '{key}' must be text")
    return " ".join(str(value).split())     # one line: it becomes a heading and a page title


def find_config(folder: Path | None = None) -> DossierConfig:
    """The dossier.yml of ``folder`` (default: the working folder), or the defaults when it has none."""
    path = Path(folder or Path.cwd()) / CONFIG_FILE
    return load_config(path) if path.is_file() else DossierConfig()


def dossier_title(folder: Path | None = None) -> str:
    """The dossier's name, as the site, its home page, citations and exports give it."""
    return find_config(folder).title
