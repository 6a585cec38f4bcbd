"""``dossier site``: a complete static site from any folder of articles.

The dossier is generated into a temporary docs folder (holding copies of the
project's hand-written pages), and MkDocs builds it with the project's own
``mkdocs.yml``: same theme, same navigation, same plugin.  The project's
``docs/`` is never touched.
"""
from __future__ import annotations

import json
import logging
import os
import shutil
import sys
import tempfile
from dataclasses import replace
from pathlib import Path

from .config import DossierConfig
from .cache import site_cache_file
from .kb import DEFAULT_KB_DIR
from .writer import read_manifest

PACKAGE = Path(__file__).resolve().parent
# An installed wheel carries its own copy of mkdocs.yml, theme_overrides/ and the hand-written
# pages (setup.py puts them there); a source checkout uses the project's files themselves.
BUNDLE = PACKAGE / "site_files"


def site_root() -> Path:
    """The folder holding the site's mkdocs.yml, its theme (theme_overrides/) and hand-written docs/ pages."""
    return BUNDLE if (BUNDLE / "mkdocs.yml").is_file() else PACKAGE.parent


PROJECT = site_root()
CONFIG = PROJECT / "mkdocs.yml"
THEME_DIR = PROJECT / "theme_overrides"


def hand_written_pages(docs: Path) -> list[Path]:
    """Files in docs/ that the generator did not write (about, search, ...)."""
    generated = set(read_manifest(docs))
    pages = []
    for path in sorted(docs.rglob("*")):
        rel = path.relative_to(docs).as_posix()
        if path.is_file() and rel not in generated and not rel.startswith(".dossier/"):
            pages.append(path)
    return pages


# What every dossier site holds: a folder with these files was written by an earlier `dossier site`.
SITE_MARKERS = ("index.html", "search/documents.json")


def not_a_site(site_dir: Path) -> bool:
    """True when ``site_dir`` holds files but is not a site built before.

    MkDocs empties its site folder before it builds: a --site-dir mistyped as
    a folder of a person's files would cost them every one.
    """
    if not site_dir.is_dir() or not any(site_dir.iterdir()):
        return False
    return not all((site_dir / marker).is_file() for marker in SITE_MARKERS)


def build_site(sources: list[Path], site_dir: Path, *, kb_dir: Path = DEFAULT_KB_DIR, site_url: str | None = None,
               config_file: Path = CONFIG, dossier: DossierConfig | None = None, portable: bool = False,
               cold: bool = False) -> int:
    from mkdocs.commands.build import build
    from mkdocs.config import load_config
    from mkdocs.exceptions import Abort, ConfigurationError, PluginError

    if site_dir.exists() and not site_dir.is_dir():
        print(f"dossier site: {site_dir} exists and is not a folder", file=sys.stderr)
        return 2
    if not_a_site(site_dir):
        print(f"dossier site: {site_dir} is not empty and holds no site built before; building would "
              "delete its files (choose a new or empty folder)", file=sys.stderr)
        return 2
    logging.basicConfig(level=logging.INFO, format="%(levelname)-7s %(message)s", stream=sys.stderr)
    os.environ.setdefault("NO_MKDOCS_2_WARNING", "1")
    dossier = dossier or DossierConfig()
    # A dossier of one's own (dossier new) keeps its hand-written pages beside its dossier.yml.
    own_docs = dossier.path.parent / "docs" if dossier.path else None
    project_docs = own_docs if own_docs and own_docs.is_dir() else config_file.parent / "docs"
    with tempfile.TemporaryDirectory(prefix="dossier-docs-") as tmp:
        docs = Path(tmp) / "docs"
        docs.mkdir()
        for page in hand_written_pages(project_docs):
            target = docs / page.relative_to(project_docs)
            target.parent.mkdir(parents=True, exist_ok=True)
            shutil.copy2(page, target)
        overrides = {"docs_dir": str(docs), "site_dir": str(site_dir.resolve())}
        if site_url:
            overrides["site_url"] = site_url
        if portable:   # opened from disk: every link names its file (x.html), no folder listings
            overrides["use_directory_urls"] = False
        try:
            config = load_config(str(config_file), **overrides)
            plugin = config.plugins["dossier"]
            plugin.config.sources = [str(s.resolve()) for s in sources]
            plugin.config.kb = str(Path(kb_dir).resolve())
            plugin.dossier_override = replace(dossier, sources=tuple(Path(s).resolve() for s in sources),
                                              knowledge_base=Path(kb_dir).resolve())
            # The docs folder is a new temporary one each time: the cache lives by the site's name.
            plugin.config.cache = str(site_cache_file(site_dir))
            plugin.config.cold = cold
            config.plugins.on_startup(command="build", dirty=False)
            build(config)
            config.plugins.on_shutdown()
        except (Abort, ConfigurationError, PluginError) as err:
            print(f"dossier site: {err}", file=sys.stderr)
            return 1
    if portable:
        write_search_scripts(site_dir)
    print(f"site written to {site_dir}", file=sys.stderr)
    return 0


def write_search_scripts(site_dir: Path) -> None:
    """Beside each search/*.json, a script that hands the same data to search.js.

    A page opened from disk (file://) may not fetch files, but it may load scripts.
    """
    for path in sorted((site_dir / "search").glob("*.json")):
        key = json.dumps(f"search/{path.name}")
        script = (f"(window.DossierSearchData = window.DossierSearchData || {{}})[{key}] = "
                  + path.read_text(encoding="utf-8").strip() + ";\n")
        path.with_suffix(".js").write_text(script, encoding="utf-8")
