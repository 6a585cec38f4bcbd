"""The dossier at scale: build times, the MkDocs floor, memory, sizes, and search bytes against Pagefind.

Builds deterministic samples of ../shared/corpora (every k-th article of both
corpora, as a folder of symlinks; the same selection on every run) and prints
one table, each figure the median of --runs runs:

- ``dossier build`` cold (``--cold``, a fresh docs folder), warm (nothing
  changed) and after one article changed (a different edit each run);
- ``dossier site`` (generation and MkDocs) with ``--cold`` and with the
  cache it keeps for the site folder, and the floor: a bare
  ``mkdocs build`` of the same article bodies (material theme, title-only
  front matter, an explicit one-page nav, no plugins), measured in the same
  run, with the ratio of the two;
- the peak memory of the largest process (GNU time's maximum RSS);
- the size of docs/ and of site/ per article;
- extraction articles per second on one core (in this process);
- with --search: what the search page fetches before its first result for
  «حماس», gzipped, and the time to it in headless chromium, beside Pagefind
  (PyPI ``pagefind``, ``pip install '.[bench]'``) indexing the same site
  and fetching for the same query (its entry, wasm, metadata, index chunk,
  five result fragments and pagefind.js).

The load of the machine (os.getloadavg) is printed with the table: on a
shared machine, compare the ratios, not the seconds.

    .venv/bin/python benchmarks/scale.py [--sizes 1000 5000 10000] [--runs 3] [--work /tmp/dossier-scale] [--search]
"""
from __future__ import annotations

import argparse
import gzip
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from generator.ingest import InputError, discover, read_article  # noqa: E402

CORPORA = ROOT.parent / "shared" / "corpora"
BIN = Path(sys.executable).parent
TIME = shutil.which("time", path="/usr/bin:/bin")
CACHE_HOME: dict[str, str] = {}      # `dossier site` keeps its cache under --work, not in the user's home


def sample(n: int, folder: Path) -> Path:
    """A folder of symlinks to n corpus articles (every k-th in path order); the first one a copy, the one edited."""
    if folder.is_dir() and len(list(folder.iterdir())) == n:
        return folder
    shutil.rmtree(folder, ignore_errors=True)
    folder.mkdir(parents=True)
    paths = discover([CORPORA]).articles
    step = len(paths) / n
    for i in range(n):
        path = paths[int(i * step)]
        link = folder / f"{i:05d}_{path.name}"
        if i == 0:
            shutil.copy(path, link)
        else:
            link.symlink_to(path.resolve())
    return folder


def timed(args: list[str]) -> tuple[float, int]:
    """(wall seconds, peak RSS in MB of the largest process) of one command, which must succeed."""
    with tempfile.NamedTemporaryFile("r") as out:
        command = [TIME, "-f", "%M", "-o", out.name, *args] if TIME else args
        start = time.perf_counter()
        run = subprocess.run(command, cwd=ROOT, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True,
                             env=dict(os.environ, NO_MKDOCS_2_WARNING="1", **CACHE_HOME))
        wall = time.perf_counter() - start
        if run.returncode != 0:
            raise SystemExit(f"failed ({run.returncode}): {' '.join(args)}\n{run.stderr[-2000:]}")
        rss = out.read().strip().splitlines()
    return wall, (int(rss[-1]) // 1024 if rss and rss[-1].isdigit() else 0)


def size_of(folder: Path) -> int:
    return sum(p.stat().st_size for p in folder.rglob("*") if p.is_file() and not p.is_symlink())


def floor_project(docs: Path, folder: Path) -> Path:
    """The same article bodies as bare MkDocs pages: title-only front matter, one-page nav, no plugins."""
    shutil.rmtree(folder, ignore_errors=True)
    (folder / "docs").mkdir(parents=True)
    for number, page in enumerate(sorted((docs / "articles").glob("*.md"))):
        text = page.read_text(encoding="utf-8")
        _, front, body = text.split("---\n", 2)
        title = next((line for line in front.splitlines() if line.startswith("title:")), "title: مقال")
        (folder / "docs" / f"a{number:05d}.md").write_text(f"---\n{title}\n---\n{body}", encoding="utf-8")
    (folder / "docs" / "index.md").write_text("# floor\n", encoding="utf-8")
    (folder / "mkdocs.yml").write_text("site_name: floor\ntheme:\n  name: material\n  language: ar\n"
                                       "plugins: []\nnav:\n  - index.md\n", encoding="utf-8")
    return folder


def extraction_rate(source: Path, count: int = 200) -> float:
    """Articles per second extracted in this process (one core), over the first ``count`` readable ones."""
    from generator.extract import extract
    from generator.kb import load

    kb = load()
    raws = []
    for path in discover([source]).articles:
        try:
            raws.append(read_article(path))
        except InputError:
            continue
        if len(raws) == count:
            break
    start = time.perf_counter()
    for raw in raws:
        extract(raw, kb)
    return len(raws) / (time.perf_counter() - start)


def measure_size(n: int, work: Path, runs: int, site_runs: int) -> dict:
    source = sample(n, work / f"sample-{n}")
    docs, site, dossier = work / f"docs-{n}", work / f"site-{n}", str(BIN / "dossier")
    build = [dossier, "build", "--quiet", "--source", str(source), "--docs", str(docs)]
    row: dict = {"articles": n}
    cold, cold_rss = [], []
    for _ in range(runs):
        shutil.rmtree(docs, ignore_errors=True)
        wall, rss = timed([*build, "--cold"])
        cold.append(wall)
        cold_rss.append(rss)
    warm = [timed(build)[0] for _ in range(runs)]
    edited = sorted(source.iterdir())[0]
    original = edited.read_bytes()
    changed = []
    try:
        for run in range(runs):
            edited.write_bytes(original + f"\nتصحيح رقم {run + 1}.\n".encode())
            changed.append(timed(build)[0])
    finally:
        edited.write_bytes(original)
        timed(build)
    site_cold, site_warm, site_rss = [], [], []
    make_site = [dossier, "site", "--source", str(source), "--site-dir", str(site)]
    for _ in range(site_runs):
        shutil.rmtree(site, ignore_errors=True)
        wall, rss = timed([*make_site, "--cold"])
        site_cold.append(wall)
        site_rss.append(rss)
        site_warm.append(timed(make_site)[0])
    floor = floor_project(docs, work / f"floor-{n}")
    floor_walls = [timed([str(BIN / "mkdocs"), "build", "-q", "-f", str(floor / "mkdocs.yml")])[0]
                   for _ in range(site_runs)]
    row.update(cold=statistics.median(cold), warm=statistics.median(warm), changed=statistics.median(changed),
               site_cold=statistics.median(site_cold), site=statistics.median(site_warm),
               floor=statistics.median(floor_walls),
               build_rss=max(cold_rss), site_rss=max(site_rss),
               docs_kb=size_of(docs) / 1024 / n, site_kb=size_of(site) / 1024 / n,
               extract_rate=extraction_rate(source))
    row["ratio_cold"] = row["site_cold"] / row["floor"]
    row["ratio"] = row["site"] / row["floor"]
    return row


def search_row(n: int, work: Path, runs: int) -> dict:
    """Bytes before the first result and time to it, ours and Pagefind's, on the site built for n articles."""
    from search_pagefind import measure_search     # needs playwright and, for Pagefind, PyPI pagefind

    return measure_search(work / f"site-{n}", work / f"pagefind-{n}", runs)


ROWS = [
    ("`dossier build`, cold (s)", "cold", "{:.1f}"),
    ("`dossier build`, nothing changed (s)", "warm", "{:.2f}"),
    ("`dossier build`, one article changed (s)", "changed", "{:.2f}"),
    ("`dossier site --cold` (s)", "site_cold", "{:.1f}"),
    ("`dossier site`, cache warm (s)", "site", "{:.1f}"),
    ("bare `mkdocs build`, same bodies (s)", "floor", "{:.1f}"),
    ("site cold / bare MkDocs", "ratio_cold", "{:.2f}x"),
    ("site warm / bare MkDocs", "ratio", "{:.2f}x"),
    ("peak memory, build (MB)", "build_rss", "{:,}"),
    ("peak memory, site (MB)", "site_rss", "{:,}"),
    ("docs/ per article (KB)", "docs_kb", "{:.1f}"),
    ("site/ per article (KB)", "site_kb", "{:.1f}"),
    ("extraction, articles/s on one core", "extract_rate", "{:.0f}"),
    ("search: gzipped bytes before the first result «حماس» (KB)", "search_kb", "{:,.0f}"),
    ("search: Pagefind, same site and query (KB)", "pagefind_kb", "{:,.0f}"),
    ("search: first result after the query (ms)", "search_ms", "{:.0f}"),
    ("search: Pagefind first result (ms)", "pagefind_ms", "{:.0f}"),
]


def table(rows: list[dict]) -> str:
    lines = ["| | " + " | ".join(f"{r['articles']:,} articles" for r in rows) + " |",
             "| --- |" + " ---: |" * len(rows)]
    for label, key, form in ROWS:
        if any(key in r for r in rows):
            lines.append(f"| {label} | " + " | ".join(form.format(r[key]) if key in r else "–" for r in rows) + " |")
    return "\n".join(lines)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--sizes", type=int, nargs="*", default=[1000, 5000, 10000])
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--site-runs", type=int, default=None, help="runs of `dossier site` and the floor (default: --runs)")
    parser.add_argument("--work", type=Path, default=Path(tempfile.gettempdir()) / "dossier-scale")
    parser.add_argument("--search", action="store_true", help="also measure the search, ours and Pagefind's")
    args = parser.parse_args()
    if not CORPORA.is_dir():
        print(f"benchmarks/scale.py: no corpora at {CORPORA}; this benchmark needs ../shared/corpora "
              "(folders of .txt articles). Nothing was measured.", file=sys.stderr)
        return 2
    args.work.mkdir(parents=True, exist_ok=True)
    CACHE_HOME["XDG_CACHE_HOME"] = str(args.work.resolve() / "cache-home")
    load_before = os.getloadavg()
    rows = []
    for n in args.sizes:
        print(f"measuring {n:,} articles ...", file=sys.stderr, flush=True)
        row = measure_size(n, args.work, args.runs, args.site_runs or args.runs)
        if args.search:
            row.update(search_row(n, args.work, args.runs))
        rows.append(row)
    load_after = os.getloadavg()
    print(table(rows))
    print(f"\n{os.cpu_count()} cores; load average {load_before[0]:.1f} before, {load_after[0]:.1f} after; "
          f"medians of {args.runs} runs ({args.site_runs or args.runs} for site and floor); Python {sys.version.split()[0]}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
