"""What the research views cost a reader: bytes fetched and time to draw, in headless chromium.

For the seed dossier (the baseline, measured in the same run) and for dossiers built from N
articles of ../shared/corpora (the same stable selection as search_budget.py), prints for each
view (timeline, figure tracker for killed, actor network, an actor's neighbourhood, keyword in
context):

- the bytes its page fetches for the view (the charting library, the loader, the view's script,
  its data file), raw and gzipped (a static host serves them gzipped);
- the time to draw: from the data in hand to the chart drawn (``data-draw-ms``, set by views.js),
  and from the start of loading to drawn; for keyword in context, to the first query's rows.

Median of --runs runs, each in a fresh browser context (empty cache).  The views are opened in a
small page holding only the view (the same loader, scripts, styles and fonts as the site), so no
MkDocs build of N pages is needed.

    .venv/bin/python benchmarks/views_budget.py [--sizes 10000] [--runs 5] [--work /tmp/views-budget]

Budget (issue 13), at 10,000 articles: each view under 500 KB gzipped and drawn in under 1 s.
"""
from __future__ import annotations

import argparse
import functools
import gzip
import http.server
import shutil
import statistics
import subprocess
import sys
import threading
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "tests"))
sys.path.insert(0, str(ROOT / "benchmarks"))

from conftest import CHROMIUM, CHROMIUM_ARGS  # noqa: E402
from search_budget import select  # noqa: E402

ASSETS = ROOT / "theme_overrides" / "assets"
DATA_DIRS = ["dates", "figures", "network", "actors", "search"]
VIEWS = {  # name -> (view, data file)
    "timeline": ("timeline", "dates/timeline.json"),
    "figures (killed)": ("figures", "figures/killed.json"),
    "network": ("network", "network/network.json"),
    "neighbourhood (hamas)": ("neighbourhood", "actors/hamas.json"),
    "keyword in context": ("kwic", "search/kwic/index.json"),
}
QUERY = "حماس"
BUDGET = {"gzipped_bytes": 500_000, "draw_ms": 1000}
PAGE = """<!doctype html>
<html lang="ar" dir="rtl"><head><meta charset="utf-8"><meta name="dossier-base" content=".">
<link rel="stylesheet" href="assets/stylesheets/fonts.css"><link rel="stylesheet" href="assets/stylesheets/views.css">
</head><body style="font-family: 'Noto Naskh Arabic'; width: 1000px">
<div id="dossier-{view}" class="dossier-view" data-dossier-view="{view}" data-src="{src}"{lazy}></div>
<script src="assets/javascripts/arabic-analyzer.js"></script>
<script src="assets/javascripts/views/views.js"></script>
</body></html>
"""


def build_docs(label: str, sources: list[Path], work: Path, rebuild: bool) -> Path:
    docs = work / f"docs-{label}"
    if not rebuild and (docs / "network" / "network.json").exists():
        return docs
    args = [sys.executable, "-m", "generator", "build", "--quiet", "--docs", str(docs)]
    for source in sources:
        args += ["--source", str(source)]
    start = time.perf_counter()
    subprocess.run(args, check=True, cwd=ROOT)
    print(f"built {label}: {time.perf_counter() - start:.1f} s", flush=True)
    return docs


def harness(docs: Path, folder: Path) -> Path:
    """A folder served as a site: the theme's assets, the dossier's data folders, one page per view."""
    if folder.exists():
        shutil.rmtree(folder)
    shutil.copytree(ASSETS, folder / "assets")
    for name in DATA_DIRS:
        (folder / name).symlink_to(docs / name)
    for view, src in VIEWS.values():
        lazy = ' data-lazy="true"' if view == "kwic" else ""
        (folder / f"{view}.html").write_text(PAGE.format(view=view, src=src, lazy=lazy), encoding="utf-8")
    return folder


def fetched_files(view: str, src: str) -> list[str]:
    if view == "kwic":   # the first shard: a common word fills a page of rows from it
        return ["assets/javascripts/views/views.js", "assets/javascripts/views/kwic.js", src, "search/analyzer.json",
                "search/kwic/000.json"]
    return ["assets/javascripts/vendor/echarts.min.js", "assets/javascripts/views/views.js",
            f"assets/javascripts/views/{view}.js", src]


def sizes(folder: Path, files: list[str]) -> tuple[int, int]:
    raw = [(folder / f).read_bytes() for f in files]
    return sum(map(len, raw)), sum(len(gzip.compress(b, 6)) for b in raw)


def measure(browser, base: str, view: str) -> tuple[float, float]:
    """(draw ms, load-to-drawn ms) for one view in a fresh context."""
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    page = context.new_page()
    try:
        if view == "kwic":
            start = time.perf_counter()
            page.goto(f"{base}/kwic.html?q={QUERY}#kwic")
            page.wait_for_selector("#dossier-kwic[data-search-ms]", timeout=120_000)
            # "draw": from the sentences and the analyser in hand to the rows on the page
            return float(page.get_attribute("#dossier-kwic", "data-search-ms")), (time.perf_counter() - start) * 1000
        page.goto(f"{base}/{view}.html")
        page.wait_for_selector("[data-dossier-view][data-ready]", timeout=120_000)
        el = page.locator("[data-dossier-view]")
        if el.get_attribute("data-ready") != "true":
            raise RuntimeError(f"{view}: not drawn")
        return float(el.get_attribute("data-draw-ms")), float(el.get_attribute("data-load-ms"))
    finally:
        context.close()


class _Quiet(http.server.SimpleHTTPRequestHandler):
    def log_message(self, *args):
        pass


def serve(folder: Path) -> tuple[http.server.ThreadingHTTPServer, str]:
    handler = functools.partial(_Quiet, directory=str(folder))
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    return server, f"http://127.0.0.1:{server.server_address[1]}"


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--sizes", type=int, nargs="+", default=[10_000])
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--work", type=Path, default=Path("/tmp/views-budget"))
    parser.add_argument("--rebuild", action="store_true")
    args = parser.parse_args(argv)
    args.work.mkdir(parents=True, exist_ok=True)
    jobs = {"seeds": [ROOT / "seeds"]} | {str(n): [select(n, args.work / f"select-{n}")] for n in args.sizes}
    folders = {label: harness(build_docs(label, sources, args.work, args.rebuild), args.work / f"site-{label}")
               for label, sources in jobs.items()}

    from playwright.sync_api import sync_playwright
    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        results: dict[tuple[str, str], tuple[float, float]] = {}
        for label, folder in folders.items():
            server, base = serve(folder)
            try:
                for name, (view, _src) in VIEWS.items():
                    runs = [measure(browser, base, view) for _ in range(args.runs)]
                    results[label, name] = (statistics.median(r[0] for r in runs), statistics.median(r[1] for r in runs))
            finally:
                server.shutdown()
        browser.close()

    print(f"\nmedian of {args.runs} runs; 'x seeds' is the draw time over the seed dossier's, same run")
    print(f"{'view':24} {'articles':>8} {'raw KB':>8} {'gzip KB':>8} {'draw ms':>8} {'load ms':>8} {'x seeds':>8}  budget")
    for label, folder in folders.items():
        for name, (view, src) in VIEWS.items():
            raw, packed = sizes(folder, fetched_files(view, src))
            draw, load = results[label, name]
            ratio = draw / max(results["seeds", name][0], 1.0)
            ok = packed <= BUDGET["gzipped_bytes"] and draw <= BUDGET["draw_ms"]
            print(f"{name:24} {label:>8} {raw / 1000:8.0f} {packed / 1000:8.0f} {draw:8.0f} {load:8.0f} {ratio:8.1f}  "
                  f"{'ok' if ok else 'OVER'}")


if __name__ == "__main__":
    main()
