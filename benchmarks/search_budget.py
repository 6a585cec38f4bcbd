"""What the search costs a reader: bytes fetched and time to results, in headless chromium.

For the seed dossier and for sites built from N articles of ../shared/corpora
(a folder of symlinks, every k-th article of both corpora, so the selection
is the same on every run), prints:

- the size of each file the search fetches, raw and gzipped (a static host
  serves them gzipped; the local test server does not, so time is measured
  on the raw bytes, which is the slower case);
- the time to the first result: the search page opened with ?q=, from the
  start of loading the index to the results drawn (and from navigation start);
- the time to later results: a new query typed into the loaded page;
- a baseline from the same run: fetching and JSON-parsing the three files
  alone, so the figures compare across machines.  Median of --runs runs,
  each in a fresh browser context (empty cache).

    .venv/bin/python benchmarks/search_budget.py [--sizes 1000 5000] [--runs 5] [--work /tmp/search-budget]

Sites are built once into --work (with `dossier site`, timed) and reused;
--rebuild builds them again.  Budget (issue 4), at 1,000 articles: at most
1 MB gzipped before the first result, first result within 300 ms, later
results within 50 ms.
"""
from __future__ import annotations

import argparse
import functools
import gzip
import http.server
import json
import statistics
import subprocess
import sys
import threading
import time
from pathlib import Path
from urllib.parse import quote

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "tests"))

from conftest import CHROMIUM, CHROMIUM_ARGS  # noqa: E402
from generator.ingest import discover  # noqa: E402

CORPORA = ROOT.parent / "shared" / "corpora"
FETCHED = ["search/index.json", "search/documents.json", "search/analyzer.json",
           "assets/javascripts/vendor/lunr.min.js", "assets/javascripts/arabic-analyzer.js",
           "assets/javascripts/search-index.js",
           "assets/javascripts/search.js", "assets/javascripts/search-page.js"]
FIRST_QUERY = "حماس"
LATER_QUERIES = ["غزة", "مفاوضات", "إسرائيل", "الفلسطينيين", "وزير الخارجية", "السعودية", "الاقتصاد",
                 "كرة القدم", "Witkoff", "الأمم المتحدة", "النفط", "لبنان"]
BUDGET = {"gzipped_bytes": 1_000_000, "first_ms": 300, "later_ms": 50}


def select(n: int, folder: Path) -> Path:
    """A folder of symlinks to n corpus articles (every k-th, in a stable order)."""
    paths = discover([CORPORA / "ant-multisource" / "articles", CORPORA / "saudinewsnet" / "articles"]).articles
    step = max(1, len(paths) // n)
    folder.mkdir(parents=True, exist_ok=True)
    for i, path in enumerate(paths[::step][:n]):
        link = folder / f"{i:05d}_{path.name}"
        if not link.exists():
            link.symlink_to(path.resolve())
    return folder


def build_sites(sizes: list[int], work: Path, rebuild: bool) -> dict[str, tuple[Path, float | None]]:
    """Build the missing sites in parallel; returns {label: (site dir, build seconds or None if reused)}."""
    jobs = {"seeds": [ROOT / "seeds"]} | {f"{n} articles": [select(n, work / f"select-{n}")] for n in sizes}
    sites, running = {}, {}
    for label, sources in jobs.items():
        site = work / ("site-" + label.split()[0])
        if site.is_dir() and (site / "search" / "index.json").exists() and not rebuild:
            sites[label] = (site, None)
            continue
        args = [sys.executable, "-m", "generator", "site", "--site-dir", str(site)]
        for source in sources:
            args += ["--source", str(source)]
        log = open(work / f"build-{label.split()[0]}.log", "w")
        running[label] = (subprocess.Popen(args, cwd=ROOT, stdout=log, stderr=subprocess.STDOUT), time.perf_counter(), site)
        print(f"building {label} -> {site} (log: {log.name})", file=sys.stderr)
    for label, (proc, start, site) in running.items():
        if proc.wait() != 0:
            raise SystemExit(f"dossier site for {label} failed: see {work}/build-{label.split()[0]}.log")
        sites[label] = (site, time.perf_counter() - start)
    return {label: sites[label] for label in jobs}


def sizes_of(site: Path) -> dict[str, tuple[int, int]]:
    return {name: (len(data), len(gzip.compress(data, 6)))
            for name in FETCHED for data in [(site / name).read_bytes()]}


class _Quiet(http.server.SimpleHTTPRequestHandler):
    def log_message(self, *args):
        pass


def serve(site: Path) -> str:
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), functools.partial(_Quiet, directory=str(site)))
    threading.Thread(target=server.serve_forever, daemon=True).start()
    return f"http://127.0.0.1:{server.server_address[1]}"


# Runs in the page once the first results are drawn: each later query typed
# as the input event delivers it (search + render are synchronous there).
LATER_JS = """queries => queries.map(q => {
  const input = document.querySelector('.dossier-search-page__input');
  input.value = q;
  const t0 = performance.now();
  input.dispatchEvent(new Event('input'));
  return performance.now() - t0;
})"""

BASELINE_JS = """async () => {
  const t0 = performance.now();
  await Promise.all(['search/index.json', 'search/documents.json', 'search/analyzer.json']
    .map(p => fetch(new URL(p, DossierSearch.root), {cache: 'no-store'}).then(r => r.json())));
  return performance.now() - t0;
}"""


def measure(browser, url: str, runs: int) -> dict:
    first, from_nav, later, baseline, counts = [], [], [], [], set()
    fetch, index, render = [], [], []
    for _ in range(runs):
        context = browser.new_context()
        page = context.new_page()
        page.goto(f"{url}/search/?q={quote(FIRST_QUERY)}")
        page.wait_for_function("window.DossierSearch && DossierSearch.timings.firstResult", timeout=120_000)
        t = page.evaluate("DossierSearch.timings")
        first.append(t["firstResult"] - t["start"])
        from_nav.append(t["firstResult"])
        fetch.append(t["fetched"] - t["start"])
        index.append(t["loaded"] - t["fetched"])
        render.append(t["firstResult"] - t["loaded"])
        counts.add(page.locator(".dossier-result").count())
        later.extend(page.evaluate(LATER_JS, LATER_QUERIES))
        baseline.append(page.evaluate(BASELINE_JS))
        context.close()
    return {"first_ms": statistics.median(first), "first_from_navigation_ms": statistics.median(from_nav),
            "later_ms": statistics.median(later),
            "fetch_parse_ms": statistics.median(fetch), "index_ms": statistics.median(index),
            "query_render_ms": statistics.median(render), "later_max_ms": max(later), "baseline_ms": statistics.median(baseline)}


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--sizes", type=int, nargs="*", default=[1000, 5000])
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--work", type=Path, default=Path("/tmp/search-budget"))
    parser.add_argument("--rebuild", action="store_true")
    parser.add_argument("--json", type=Path, help="also write the figures here")
    args = parser.parse_args()
    if args.sizes and not CORPORA.is_dir():
        print(f"no corpora at {CORPORA}: run with --sizes (none) for the seeds only", file=sys.stderr)
        return 2
    args.work.mkdir(parents=True, exist_ok=True)
    sites = build_sites(args.sizes, args.work, args.rebuild)

    from playwright.sync_api import sync_playwright

    rows = []
    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        for label, (site, seconds) in sites.items():
            docs = json.loads((site / "search" / "documents.json").read_bytes())["documents"]
            sizes = sizes_of(site)
            row = {"site": label, "articles": sum(d["kind"] == "article" for d in docs), "documents": len(docs),
                   "build_s": seconds, "files": sizes,
                   "index_raw": sizes["search/index.json"][0], "index_gz": sizes["search/index.json"][1],
                   "fetched_raw": sum(r for r, _ in sizes.values()), "fetched_gz": sum(g for _, g in sizes.values())}
            row.update(measure(browser, serve(site), args.runs))
            rows.append(row)
            report(row)
        browser.close()
    if args.json:
        args.json.write_text(json.dumps(rows, indent=1, ensure_ascii=False))
    return 0


def report(row: dict) -> None:
    kb = lambda n: f"{n / 1024:,.0f} KiB"   # noqa: E731
    print(f"\n== {row['site']}: {row['articles']} articles, {row['documents']} documents"
          + (f", site built in {row['build_s']:.0f} s" if row["build_s"] else ""))
    for name, (raw, gz) in row["files"].items():
        print(f"  {name:40s} {kb(raw):>11s} raw {kb(gz):>10s} gzipped")
    print(f"  index.json: {kb(row['index_raw'])} raw, {kb(row['index_gz'])} gzipped")
    print(f"  fetched before the first result: {kb(row['fetched_raw'])} raw, {kb(row['fetched_gz'])} gzipped"
          f" (budget {kb(BUDGET['gzipped_bytes'])}: {'ok' if row['fetched_gz'] <= BUDGET['gzipped_bytes'] else 'OVER'})")
    print(f"  first result: {row['first_ms']:.0f} ms from starting to load the index"
          f" ({row['first_from_navigation_ms']:.0f} ms from navigation); budget {BUDGET['first_ms']} ms:"
          f" {'ok' if row['first_ms'] <= BUDGET['first_ms'] else 'OVER by %.0f ms' % (row['first_ms'] - BUDGET['first_ms'])}")
    print(f"    of which fetch + parse {row['fetch_parse_ms']:.0f} ms, building the lunr index {row['index_ms']:.0f} ms,"
          f" first query + drawing {row['query_render_ms']:.0f} ms")
    print(f"  later results: median {row['later_ms']:.1f} ms, slowest {row['later_max_ms']:.1f} ms; budget"
          f" {BUDGET['later_ms']} ms: {'ok' if row['later_max_ms'] <= BUDGET['later_ms'] else 'median ok, slowest over' if row['later_ms'] <= BUDGET['later_ms'] else 'OVER'}")
    print(f"  baseline (fetch + JSON.parse of the three files): {row['baseline_ms']:.0f} ms;"
          f" first result / baseline = {row['first_ms'] / row['baseline_ms']:.1f}x")


if __name__ == "__main__":
    raise SystemExit(main())
