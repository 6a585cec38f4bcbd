"""The ``dossier`` command line.  Parsing and printing only: the work is in build.py and friends."""
from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

from . import __version__
from .kb import KnowledgeBaseError

def make_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="dossier", description="Turn Arabic news articles into a research dossier.")
    parser.add_argument("--version", action="version", version=f"dossier {__version__}")
    sub = parser.add_subparsers(dest="command", required=True, help="what to do")
    kb_help = "a knowledge-base folder to use instead of the built-in one"

    b = sub.add_parser("build", help="generate the Markdown dossier (default: seeds/ into docs/)")
    b.add_argument("--source", action="append", type=Path, help="folder (or file) of .txt articles; repeatable (default: seeds)")
    b.add_argument("--docs", type=Path, default=Path("docs"), help="where the dossier is written (default: docs)")
    b.add_argument("--kb", type=Path, default=None, help=kb_help)
    b.add_argument("--check", action="store_true", help="write nothing; fail, naming the files, if docs/ is not what a build would write")
    b.add_argument("--force", action="store_true", help="overwrite generated files even if they were edited by hand")
    b.add_argument("--quiet", action="store_true", help="print only the summary and problems")
    b.add_argument("--cold", action="store_true", help="ignore the per-article cache (docs/.dossier/cache.sqlite); "
                                                       "recompute every article and store the results")
    b.add_argument("--jobs", type=_positive, default=None, help="worker processes for the per-article stage (default: one per core)")

    s = sub.add_parser("site", help="build a complete static site from any folder of articles")
    s.add_argument("--source", action="append", type=Path, required=True, help="folder (or file) of .txt articles; repeatable")
    s.add_argument("--site-dir", type=Path, required=True,
                   help="where the site is written: a new or empty folder, or a site built before (it is emptied first)")
    s.add_argument("--kb", type=Path, default=None, help=kb_help)
    s.add_argument("--site-url", default=None, help="the address the site will be served from (for a sub-path)")
    s.add_argument("--cold", action="store_true", help="ignore the per-article cache kept for this site folder")

    e = sub.add_parser("extract", help="print one JSON object per article (JSON Lines)")
    e.add_argument("paths", nargs="+", type=Path, help=".txt articles, or folders of them")
    e.add_argument("--kb", type=Path, default=None, help=kb_help)

    c = sub.add_parser("candidates", help="list names that look like actors but are not in the knowledge base")
    c.add_argument("--source", action="append", type=Path, help="folder (or file) of .txt articles; repeatable (default: seeds)")
    c.add_argument("--kb", type=Path, default=None, help=kb_help)
    c.add_argument("--limit", type=int, default=100, help="how many names to list, most frequent first (default: 100)")

    v = sub.add_parser("evaluate", help="score extraction against a gold file")
    v.add_argument("gold", type=Path, help="the gold file (JSON; format in tests/gold/README.md)")
    v.add_argument("--kb", type=Path, default=None, help=kb_help)
    v.add_argument("--json", action="store_true", help="print the scores as JSON")
    v.add_argument("--errors", action="store_true", help="list every miss and false alarm")
    return parser


def _positive(text: str) -> int:
    if not text.isdigit() or int(text) < 1:
        raise argparse.ArgumentTypeError(f"must be a whole number of 1 or more, not {text!r}")
    return int(text)


def main(argv: list[str] | None = None) -> int:
    args = make_parser().parse_args(argv)
    kb_kw = {"kb_dir": args.kb} if getattr(args, "kb", None) else {}
    try:
        return COMMANDS[args.command](args, kb_kw)
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

    sources = args.source or [Path("seeds")]
    if _missing("build", sources):
        return 2   # building the rest would delete the pages of the missing folder's articles
    progress = None if args.quiet else _progress
    report, _ = build(sources, args.docs, check=args.check, force=args.force, cold=args.cold, workers=args.jobs,
                      progress=progress, **kb_kw)
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


def cmd_site(args, kb_kw) -> int:
    from .site import build_site

    if _missing("site", args.source):
        return 2
    return build_site(args.source, args.site_dir, site_url=args.site_url, cold=args.cold, **kb_kw)


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

    if _missing("candidates", args.source or [Path("seeds")]):
        return 2
    for name, count, context in find_candidates(args.source or [Path("seeds")], limit=args.limit, **kb_kw):
        print(f"{count:4d}  {name}\t{context}")
    return 0


def cmd_evaluate(args, kb_kw) -> int:
    from .evaluate import GoldError, evaluate, print_scores

    try:
        scores = evaluate(args.gold, **kb_kw)
    except GoldError as err:
        print(f"dossier evaluate: {err}", file=sys.stderr)
        return 2
    if args.json:
        print(json.dumps(scores, ensure_ascii=False, indent=1))
    else:
        print_scores(scores, errors=args.errors)
    return 0


COMMANDS = {"build": cmd_build, "site": cmd_site, "extract": cmd_extract, "candidates": cmd_candidates,
            "evaluate": cmd_evaluate}
