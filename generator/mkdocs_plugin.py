"""The MkDocs side: regenerate the dossier before every build, and give the theme its labels.

Registered as the ``dossier`` plugin (pyproject entry point).  With
``mkdocs serve``, editing a file in the source folder triggers a rebuild
(the folder is added to the watch list), the pre-build step regenerates the
affected pages, and the writer touches only files whose bytes changed, so
the watcher settles after one round.
"""
from __future__ import annotations

import hashlib
import logging
import os
from pathlib import Path

from markupsafe import escape
from mkdocs.config import config_options as opt
from mkdocs.config.base import Config
from mkdocs.exceptions import PluginError
from mkdocs.plugins import BasePlugin

from .build import build
from .citations import BIBTEX_FILE, CSL_FILE, format_citation, load_citations
from .config import ConfigError, DossierConfig, find_config
from .feeds import FEED_FILE
from .indexes import outlet_label
from .kb import DEFAULT_KB_DIR, KnowledgeBaseError, load
from .records import FIGURE_LABELS
from .writer import TMP_PREFIX, known_hashes

log = logging.getLogger("mkdocs.plugins.dossier")



# Front-matter keys that mkdocs-material's templates print without escaping.
THEME_PRINTS_UNESCAPED = ("title", "author", "description")


class PluginConfig(Config):
    sources = opt.ListOfItems(opt.Type(str), default=["seeds"])
    kb = opt.Optional(opt.Type(str))
    generate = opt.Type(bool, default=True)
    cache = opt.Optional(opt.Type(str))       # the per-article cache (default: in the docs folder)
    cold = opt.Type(bool, default=False)      # ignore the cache


class DossierPlugin(BasePlugin[PluginConfig]):
    # Set by `dossier site`: the dossier as the command line gave it (sources, title, knowledge base).
    dossier_override: DossierConfig | None = None

    def on_config(self, config):
        root = Path(config.config_file_path or ".").resolve().parent
        try:
            self.dossier = self.dossier_override or find_config(root)
        except ConfigError as err:
            raise PluginError(f"dossier: {err}") from None
        # dossier.yml's folders and knowledge base, else the plugin's own options.
        self.sources = list(self.dossier.sources) or [Path(s) if Path(s).is_absolute() else root / s
                                                       for s in self.config.sources]
        self.kb_dir = self.dossier.knowledge_base or (Path(self.config.kb) if self.config.kb else DEFAULT_KB_DIR)
        if self.dossier.path or self.dossier_override:
            config.site_name = self.dossier.title
            if self.dossier.description:
                config.site_description = self.dossier.description
        else:   # a mkdocs.yml without dossier.yml: its site_name names the dossier
            self.dossier = self.dossier.with_title(getattr(config, "site_name", None))
        _use_installed_theme(config)
        try:
            kb = load(self.kb_dir)
        except KnowledgeBaseError as err:   # MkDocs prints a PluginError as a message, not a traceback
            raise PluginError(f"dossier: {err}") from None
        self.labels = {
            "topics": {t.id: t.name_ar for t in kb.topics},
            "actors": {e.id: e.name_ar for e in kb.of_kind("actor")},
            "outlets": {e.id: outlet_label(e.id, None, kb) for e in kb.of_kind("media")},
            "figures": FIGURE_LABELS,
        }
        return config

    def on_pre_build(self, config):
        if not self.config.generate:
            return
        missing = [str(s) for s in self.sources if not s.exists()]
        if missing:   # a build from the other sources would delete the missing one's pages
            raise PluginError(f"dossier: no such file or folder: {', '.join(missing)} (the docs folder is left as it is)")
        report, _ = build(self.sources, Path(config.docs_dir), kb_dir=self.kb_dir, dossier=self.dossier,
                          cold=self.config.cold, cache_file=Path(self.config.cache) if self.config.cache else None)
        self.citations = load_citations(Path(config.docs_dir))
        for f in report.files:
            if f.status == "skipped":
                log.info("dossier: skipped %s: %s", f.file, f.reason)
        if not report.count("built"):
            raise PluginError(f"dossier: nothing built: no article could be read from "
                              f"{', '.join(map(str, self.sources))} (the docs folder is left as it is)")
        w = report.write
        log.info("dossier: %d articles built, %d skipped, %d duplicate; %d files written",
                 report.count("built"), report.count("skipped"), report.count("duplicate"), len(w.written))
        for path, why in w.conflicts:
            log.warning("dossier: %s %s", Path(config.docs_dir) / path, why)

    def on_serve(self, server, config, builder):
        # Edits to the articles or to the knowledge base regenerate the dossier.
        for path in (*self.sources, self.kb_dir):
            if path.exists():
                server.watch(str(path))
        watch_docs_but_not_own_writes(server, Path(config.docs_dir))
        return server

    def on_page_markdown(self, markdown, page, config, files):
        # MkDocs and the theme put a front-matter title into <title>, the header
        # and navigation without escaping it; article titles are untrusted text,
        # so both copies become escaped markup here (|e leaves markup as it is).
        # The same holds for the theme's <meta name="author" content="..."> and
        # <meta name="description">: an article's byline is untrusted text too.
        for key in THEME_PRINTS_UNESCAPED:
            value = page.meta.get(key)
            if isinstance(value, str):
                page.meta[key] = escape(value)
        if isinstance(page.meta.get("title"), str):
            page.title = page.meta["title"]
        return markdown

    def on_files(self, files, config):
        self.feeds = {f.src_uri for f in files if f.src_uri.endswith(FEED_FILE)}
        if not self.config.generate:
            self.citations = load_citations(Path(config.docs_dir))
        return files

    def on_page_context(self, context, page, config, nav):
        context["dossier_labels"] = self.labels
        # The page's own feed (a topic, actor or outlet page: topics/x.md -> topics/x/feed.xml), after the dossier's.
        own = page.file.src_uri.removesuffix(".md") + "/" + FEED_FILE
        context["dossier_feeds"] = [f for f in (FEED_FILE, own) if f in getattr(self, "feeds", ())]
        # The citation box shows what the citation files hold (docs/citations), in the words the export uses.
        item = getattr(self, "citations", {}).get(page.meta.get("id")) if page.meta.get("source") else None
        context["dossier_citation"] = {"text": format_citation(item, page.canonical_url), "bib": BIBTEX_FILE, "csl": CSL_FILE} if item else None
        return context


def _use_installed_theme(config) -> None:
    """A mkdocs.yml of one's own (dossier new) names no custom_dir: the installed package's theme is used."""
    from .site import THEME_DIR

    if not any((Path(d) / "partials" / "article-meta.html").is_file() for d in config.theme.dirs):
        config.theme.dirs.insert(0, str(THEME_DIR))


def watch_docs_but_not_own_writes(server, docs: Path) -> None:
    """Watch the docs folder as MkDocs does, minus the files the generator itself writes.

    A save of one article starts a build whose pre-build step rewrites that
    article's page and the index pages listing it; MkDocs's own watch on the
    docs folder then saw those writes and built the site a second time.
    Here an event is ignored when the file holds bytes the generator wrote
    there (the writer's manifest knows their hash before the file is
    renamed into place), or is the generator's own bookkeeping; a person's
    edit, new page or deletion still rebuilds.  This replaces the handler of
    MkDocs 1.6's LiveReloadServer; with another server the plain watch stays.
    """
    import watchdog.events

    folder = os.path.abspath(docs)
    if not all(hasattr(server, name) for name in ("unwatch", "observer", "_rebuild_cond", "_want_rebuild")) \
            or folder not in getattr(server, "_watched_paths", {}):
        return
    server.unwatch(folder)

    def on_any_event(event) -> None:
        if event.is_directory or all(_own_file(docs, p) for p in (event.src_path, getattr(event, "dest_path", "")) if p):
            return
        with server._rebuild_cond:
            server._want_rebuild = True
            server._rebuild_cond.notify_all()

    handler = watchdog.events.FileSystemEventHandler()
    handler.on_any_event = on_any_event
    server.observer.schedule(handler, folder, recursive=True)


def _own_file(docs: Path, path: str) -> bool:
    rel = Path(os.path.relpath(path, docs))
    if rel.parts[:1] == (".dossier",) or rel.name.startswith(TMP_PREFIX):
        return True
    try:
        digest = hashlib.sha256((docs / rel).read_bytes()).hexdigest()
    except OSError:
        return False          # gone: a person deleted a page, or the generator removed one (one rebuild more)
    return digest in known_hashes(docs).get(rel.as_posix(), ())
