"""``dossier new DIR --title "..."``: a folder that is a dossier of one's own.

    DIR/dossier.yml     title, description, source folders, local knowledge base
    DIR/articles/       the (empty) folder of .txt articles
    DIR/kb.local.yml    entries that extend the shipped knowledge base
    DIR/mkdocs.yml      the site, with the installed package's theme
    DIR/docs/           the hand-written pages (method, search), to edit at will

Then ``dossier build``, ``dossier site --site-dir SITE`` or ``mkdocs serve``
in DIR.  Nothing here names the project's own corpus.
"""
from __future__ import annotations

import json
import re
import shutil
from pathlib import Path

from .config import CONFIG_FILE
from .site import CONFIG, PROJECT, hand_written_pages

LOCAL_KB = "kb.local.yml"
ARTICLES = "articles"

KB_TEMPLATE = """\
# This dossier's own knowledge base.  It extends the shipped one (see the package's
# generator/data/kb/README.md for the fields) without editing it: entries listed here are
# added to it, and `aliases` gives known entries more Arabic names.
# `dossier candidates --kb-format` prints names to consider in this format.
actors: []
outlets: []
topics: []
places: []
aliases: {}
"""


class NewDossierError(Exception):
    pass


def new_dossier(folder: Path, *, title: str, description: str = "") -> list[Path]:
    """Write a new dossier's files into ``folder`` (new, or empty); the paths written."""
    title = " ".join(title.split())
    if not title:
        raise NewDossierError("--title must not be empty")
    if folder.exists() and (not folder.is_dir() or any(folder.iterdir())):
        raise NewDossierError(f"{folder} exists and is not an empty folder; choose a new one")
    (folder / ARTICLES).mkdir(parents=True, exist_ok=True)
    written = [folder / ARTICLES]

    def write(name: str, text: str) -> None:
        path = folder / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")
        written.append(path)

    # JSON strings are YAML strings: any title stays one scalar, whatever it holds.
    write(CONFIG_FILE, "# This dossier's settings: its name (on every page, in citations and exports), what it\n"
                       "# gathers, its folders of articles and its local knowledge base.  Paths are relative to\n"
                       "# this file.\n"
                       f"title: {json.dumps(title, ensure_ascii=False)}\n"
                       f"description: {json.dumps(' '.join(description.split()), ensure_ascii=False)}\n"
                       f"sources: [{ARTICLES}]\n"
                       f"knowledge_base: {LOCAL_KB}\n")
    write(LOCAL_KB, KB_TEMPLATE)
    write("mkdocs.yml", own_mkdocs_yml(title))
    project_docs = PROJECT / "docs"
    for page in hand_written_pages(project_docs):
        target = folder / "docs" / page.relative_to(project_docs)
        target.parent.mkdir(parents=True, exist_ok=True)
        shutil.copy2(page, target)
        written.append(target)
    return written


def own_mkdocs_yml(title: str) -> str:
    """The project's mkdocs.yml for another dossier: its name, the installed theme, sources from dossier.yml."""
    text = CONFIG.read_text(encoding="utf-8")
    text = re.sub(r"(?m)^site_name: .*$", f"site_name: {json.dumps(title, ensure_ascii=False)}", text)
    text = re.sub(r"(?m)^site_description: .*\n", "", text)      # dossier.yml's description is used
    text = re.sub(r"\A(#[^\n]*\n)+", "", text)                   # the project's own comment
    # No custom_dir: the dossier plugin adds the installed package's theme.
    text = re.sub(r"(?m)^\s*custom_dir: .*\n", "", text)
    # The plugin reads the folders of articles from dossier.yml.
    text = re.sub(r"(?m)^(\s*- dossier):\n\s+sources: .*\n", r"\1\n", text)
    return "# The site of this dossier (mkdocs serve / mkdocs build); its settings are in dossier.yml.\n" + text
