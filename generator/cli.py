"""The ``dossier`` command line.  Parsing and printing only: the work is in build.py and friends."""
from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

from . import __version__
from .config import ConfigError, find_config
from .kb import KnowledgeBaseError

def make_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="dossier", description="Turn Arabic news articles into a research dossier.")
    parser.add_argument("--version", action="version", version=f"dossier {__version__}")
    sub = parser.add_subparsers(dest="command", required=True, help="what to do")
    kb_help = ("a knowledge-base folder to use instead of the built-in one, or a local knowledge-base file "
               "that extends it (default: dossier.yml's knowledge_base)")

    b = sub.add_parser("build", help="generate the Markdown dossier (default: seeds/ into docs/)")
    b.add_argument("--source", action="append", type=Path, help="folder (or file) of .txt articles; repeatable (default: seeds)")
    b.add_argument("--docs", type=Path, default=Path("docs"), help="where the dossier is written (default: docs)")
    b.add_argument("--kb", type=Path, default=None, help=kb_help)
    b.add_argument("--check", action="store_true", help="write nothing; fail, naming the files, if docs/ is not what a build would write")
    b.add_argument("--force", action="store_true", help="overwrite generated files even if they were edited by hand")
    b.add_argument("--quiet", action="store_true", help="print only the summary and problems")
    size_help = "skip article files larger than this many megabytes, unread (default: 2, or dossier.yml's max_article_size)"
    b.add_argument("--max-article-size", type=_megabytes, default=None, metavar="MB", help=size_help)
    b.add_argument("--cold", action="store_true", help="ignore the per-article cache (docs/.dossier/cache.sqlite); "
                                                       "recompute every article and store the results")
    b.add_argument("--jobs", type=_positive, default=None, help="worker processes for the per-article stage (default: one per core)")

    s = sub.add_parser("site", help="build a complete static site from any folder of articles")
    s.add_argument("--source", action="append", type=Path,
                   help="folder (or file) of .txt articles; repeatable (default: dossier.yml's sources)")
    s.add_argument("--site-dir", type=Path, required=True,
                   help="where the site is written: a new or empty folder, or a site built before (it is emptied first)")
    s.add_argument("--kb", type=Path, default=None, help=kb_help)
    s.add_argument("--site-url", default=None, help="the address the site will be served from (for a sub-path)")
    s.add_argument("--cold", action="store_true", help="ignore the per-article cache kept for this site folder")
    s.add_argument("--title", default=None, help="the dossier's name for this site only (default: dossier.yml's title)")
    s.add_argument("--max-article-size", type=_megabytes, default=None, metavar="MB", help=size_help)
    s.add_argument("--portable", action="store_true",
                   help="a site that works opened from disk or a zip (file://): pages end in .html, search data loads as scripts")

    n = sub.add_parser("new", help="start a dossier of your own: a folder with its settings, articles and site config")
    n.add_argument("folder", type=Path, help="the new dossier's folder (new, or empty)")
    n.add_argument("--title", required=True, help="the dossier's name, shown on every page and in citations")
    n.add_argument("--description", default="", help="one line on what the dossier gathers")

    e = sub.add_parser("extract", help="print one JSON object per article (JSON Lines)")
    e.add_argument("paths", nargs="+", type=Path, help=".txt articles, or folders of them")
    e.add_argument("--kb", type=Path, default=None, help=kb_help)

    c = sub.add_parser("candidates", help="list names that look like actors but are not in the knowledge base")
    c.add_argument("--source", action="append", type=Path, help="folder (or file) of .txt articles; repeatable (default: seeds)")
    c.add_argument("--kb", type=Path, default=None, help=kb_help)
    c.add_argument("--limit", type=int, default=100, help="how many names to list, most frequent first (default: 100)")
    c.add_argument("--kb-format", action="store_true",
                   help="print the names as entries of a local knowledge-base file, for a curator to check and accept")

    k = sub.add_parser("kb-check", help="count each knowledge-base alias's matches on a folder, commonest first")
    k.add_argument("--source", action="append", type=Path, help="folder (or file) of .txt articles; repeatable (default: seeds)")
    k.add_argument("--kb", type=Path, default=None, help=kb_help)
    k.add_argument("--limit", type=int, default=40, help="how many aliases to list (default: 40)")
    k.add_argument("--keywords", action="store_true", help="count topic keywords too")
    k.add_argument("--kind", choices=("actor", "place", "media", "office", "topic"), help="list only aliases of this kind")

    v = sub.add_parser("evaluate", help="score extraction against a gold file")
    v.add_argument("gold", type=Path, help="the gold file (JSON; format in tests/gold/README.md)")
    v.add_argument("--kb", type=Path, default=None, help=kb_help)
    v.add_argument("--json", action="store_true", help="print the scores as JSON")
    v.add_argument("--errors", action="store_true", help="list every miss and false alarm")
    v.add_argument("--pages", type=Path, default=None,
                   help="folder of cached page texts <id>.txt for entries with an id and url (default: .pages beside the gold file)")

    x = sub.add_parser("export", help="one document (md, docx, epub, html, pdf) from a selection of articles")
    x.add_argument("--source", action="append", type=Path, help="folder (or file) of .txt articles; repeatable (default: seeds)")
    x.add_argument("--kb", type=Path, default=None, help=kb_help)
    x.add_argument("--topic", help="a topic id (topics/ID on the site)")
    x.add_argument("--actor", help="an actor id (actors/ID on the site)")
    x.add_argument("--outlet", help="an outlet id (outlets/ID on the site)")
    x.add_argument("--from", dest="date_from", metavar="DATE", help="first date kept, YYYY[-MM[-DD]] (undated articles are left out)")
    x.add_argument("--to", dest="date_to", metavar="DATE", help="last date kept, YYYY[-MM[-DD]]")
    x.add_argument("--query", help="words every article must hold, found as the site's search finds them")
    x.add_argument("--format", choices=("md", "docx", "epub", "html", "pdf"), help="default: from --output's suffix, else docx")
    x.add_argument("--output", type=Path, help="the file to write (default: dossier-export.FORMAT)")
    x.add_argument("--quiet", action="store_true", help="print nothing but errors")
    return parser


def _megabytes(text: str) -> float:
    try:
        value = float(text)
    except ValueError:
        value = 0
    if not 0 < value < 1e6:
        raise argparse.ArgumentTypeError(f"{text!r} is not a size in megabytes above 0")
    return value


def _positive(text: str) -> int:
    if not text.isdigit() or int(text) < 1:
        raise argparse.ArgumentTypeError(f"must be a whole number of 1 or more, not {text!r}")
    return int(text)


def main(argv: list[str] | None = None) -> int:
    args = make_parser().parse_args(argv)
    try:
        # The working folder's dossier.yml gives the defaults; the options given win.
        args.dossier = find_config() if args.command != "new" else None
        if getattr(args, "max_article_size", None):
            args.dossier = args.dossier.with_max_article_size(args.max_article_size)
        kb = getattr(args, "kb", None) or (args.dossier.knowledge_base if args.dossier else None)
        kb_kw = {"kb_dir": kb} if kb else {}
        return COMMANDS[args.command](args, kb_kw)
    except ConfigError as err:
        print(f"dossier {args.command}: {err}", file=sys.stderr)
        return 2
    except KnowledgeBaseError as err:
        print(f"dossier {args.command}: knowledge base: {err}", file=sys.stderr)
        return 2
    except KeyboardInterrupt:
        return 130


def _missing(command: str, sources: list[Path]) -> bool:
    """Say so, and return True, when a source does not exist: a typo, not a folder with no articles."""
    missing = [s for s in sources if not s.exists() and not s.is_symlink()]
    for source in missing:
        print(f"dossier {command}: {source}: no such file or folder", file=sys.stderr)
    return bool(missing)


def cmd_build(args, kb_kw) -> int:
    from .build import build, print_report

    sources = _sources(args)
    if _missing("build", sources):
        return 2   # building the rest would delete the pages of the missing folder's articles
    progress = None if args.quiet else _progress
    report, _ = build(sources, args.docs, check=args.check, force=args.force, cold=args.cold, workers=args.jobs,
                      progress=progress, dossier=args.dossier, **kb_kw)
    print_report(report, quiet=args.quiet, docs=args.docs)   # skipped files and hand edits left alone are always shown
    if not report.count("built"):
        print(f"nothing built: no article could be read from {', '.join(map(str, sources))}; "
              f"{args.docs} left as it is", file=sys.stderr)
        return 1
    if args.check:
        # A hand-edited generated file differs from what a build writes, too.
        stale = sorted(set(report.write.differs) | {path for path, _ in report.write.conflicts})
        if stale:
            print(f"{args.docs} is not what a build would write; these files differ ({len(stale)}):", file=sys.stderr)
            for path in stale:
                print(f"  {args.docs / path}", file=sys.stderr)
            print("run `dossier build` and commit the result", file=sys.stderr)
            return 1
        print(f"{args.docs} is up to date", file=sys.stderr)
    return 0


def _progress(done: int, total: int) -> None:
    # Called as each article not found in the cache is done; long builds only.
    if total >= 200 and (done % 200 == 0 or done == total):
        print(f"  {done}/{total} articles", file=sys.stderr, flush=True)


def _sources(args) -> list[Path]:
    """--source as given, else the dossier.yml's folders, else seeds/."""
    return args.source or list(args.dossier.sources) or [Path("seeds")]


def cmd_site(args, kb_kw) -> int:
    from .site import build_site

    sources = _sources(args)
    if _missing("site", sources):
        return 2
    return build_site(sources, args.site_dir, site_url=args.site_url, dossier=args.dossier.with_title(args.title),
                      portable=args.portable, cold=args.cold, **kb_kw)


def cmd_new(args, kb_kw) -> int:
    from .newdossier import NewDossierError, new_dossier

    try:
        created = new_dossier(args.folder, title=args.title, description=args.description)
    except NewDossierError as err:
        print(f"dossier new: {err}", file=sys.stderr)
        return 2
    for path in created:
        print(f"created {path}", file=sys.stderr)
    print(f"put .txt articles in {args.folder / 'articles'}, then run `dossier build` or `dossier site "
          f"--site-dir SITE` (or `mkdocs serve`) in {args.folder}", file=sys.stderr)
    return 0


def cmd_extract(args, kb_kw) -> int:
    from .extract_json import extract_records

    ok = True
    for record in extract_records(args.paths, **kb_kw):
        if "error" in record:
            print(f"{record['file']}: {record['error']}", file=sys.stderr)
            ok = False
            continue
        print(json.dumps(record, ensure_ascii=False))
    return 0 if ok else 1


def cmd_candidates(args, kb_kw) -> int:
    from .candidates import find_candidates

    sources = _sources(args)
    if _missing("candidates", sources):
        return 2
    found = find_candidates(sources, limit=args.limit, **kb_kw)
    if args.kb_format:
        from .candidates import as_local_kb
        sys.stdout.write(as_local_kb(found))
        return 0
    for name, count, context in found:
        print(f"{count:4d}  {name}\t{context}")
    return 0


def cmd_kb_check(args, kb_kw) -> int:
    from .kb_check import check_aliases

    sources = args.source or [Path("seeds")]
    if _missing("kb-check", sources):
        return 2
    result = check_aliases(sources, keywords=args.keywords or args.kind == "topic", **kb_kw)
    for problem in result.unreadable:
        print(f"dossier kb-check: {problem}", file=sys.stderr)
    print(f"{result.articles} articles read; aliases by the number of articles they match "
          f"(an ordinary word here makes every such article name the entry):")
    print("articles  hits  entry  alias\n          sample")
    uses = [u for u in result.uses if args.kind in (None, u.kind)]
    for use in uses[:args.limit]:
        print(f"{use.articles:8d} {use.hits:5d}  {use.target} ({use.kind})  {use.alias}\n          {use.sample}")
    return 0 if result.articles else 1


def cmd_evaluate(args, kb_kw) -> int:
    from .evaluate import GoldError, evaluate, print_scores

    try:
        scores = evaluate(args.gold, pages=args.pages, **kb_kw)
    except GoldError as err:
        print(f"dossier evaluate: {err}", file=sys.stderr)
        return 2
    if args.json:
        print(json.dumps(scores, ensure_ascii=False, indent=1))
    else:
        print_scores(scores, errors=args.errors)
    # Scores over part of a gold set look like scores of all of it: say so, and fail.
    missing = scores["missing_pages"]
    if missing["count"]:
        shown = ", ".join(missing["ids"][:10]) + (", ..." if missing["count"] > 10 else "")
        print(f"dossier evaluate: {missing['count']} page text(s) named in {args.gold} are missing from "
              f"{missing['folder']} ({shown}); the scores above leave them out "
              f"(tests/gold/README.md says how the page cache is filled)", file=sys.stderr)
    if scores["unreadable"]:
        print(f"dossier evaluate: {len(scores['unreadable'])} article(s) named in {args.gold} could not be read; "
              f"the scores above leave them out", file=sys.stderr)
    return 1 if missing["count"] or scores["unreadable"] else 0


def cmd_export(args, kb_kw) -> int:
    from .export import FORMATS, ExportError, Selection, run_export

    sources = args.source or [Path("seeds")]
    if _missing("export", sources):
        return 2
    suffix = args.output.suffix.lstrip(".").lower() if args.output else ""
    fmt = args.format or (suffix if suffix in FORMATS else "docx")
    output = args.output or Path(f"dossier-export.{fmt}")
    selection = Selection(args.topic, args.actor, args.outlet, args.date_from, args.date_to, args.query)
    say = (lambda message: None) if args.quiet else (lambda message: print(f"  {message}", file=sys.stderr))
    try:
        count = run_export(sources, selection, fmt, output, progress=None if args.quiet else _progress, say=say, **kb_kw)
    except ExportError as err:
        print(f"dossier export: {err}", file=sys.stderr)
        return 1
    except OSError as err:   # an output folder that cannot be made or written
        print(f"dossier export: cannot write {output}: {err.strerror or err}", file=sys.stderr)
        return 1
    if not args.quiet:
        print(f"{count} article{'' if count == 1 else 's'} written to {output} ({fmt})", file=sys.stderr)
    return 0


COMMANDS = {"build": cmd_build, "site": cmd_site, "new": cmd_new, "extract": cmd_extract, "candidates": cmd_candidates,
            "evaluate": cmd_evaluate, "kb-check": cmd_kb_check, "export": cmd_export}


