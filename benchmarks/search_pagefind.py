"""The dossier's search against Pagefind on the same built site: bytes before the first result and time to it.

Ours: the search page opened with ?q=حماس in headless chromium; the bytes
are the search files it fetches and its scripts (gzipped, as a static host serves them),
the time is from the start of loading the index to the results drawn.
Pagefind (PyPI ``pagefind``, which ships its binary) indexes the same site;
a page imports its pagefind.js, searches the same word and loads five
result fragments; the bytes are every Pagefind file fetched (its index
files are gzipped on disk already; its .js and .json are counted gzipped).

    .venv/bin/python benchmarks/search_pagefind.py SITE [--runs 3]
"""
from __future__ import annotations

import argparse
import gzip
import shutil
import statistics
import subprocess
import sys
from pathlib import Path
from urllib.parse import quote, urlparse

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))
sys.path.insert(0, str(HERE.parent / "tests"))

from search_budget import FETCHED, FIRST_QUERY, serve  # noqa: E402

BUNDLE = "_pagefind"
PAGE = "_pagefind_bench.html"
PAGEFIND_PAGE = """<!doctype html><meta charset="utf-8"><script type="module">
const t0 = performance.now();
const pagefind = await import("./%s/pagefind.js");
await pagefind.init();
const search = await pagefind.search(%r);
await Promise.all(search.results.slice(0, 5).map(r => r.data()));
window.benchDone = {ms: performance.now() - t0, count: search.results.length};
</script>""" % (BUNDLE, FIRST_QUERY)


def gz(data: bytes) -> int:
    return len(gzip.compress(data, 6))


def pagefind_index(site: Path) -> None:
    shutil.rmtree(site / BUNDLE, ignore_errors=True)
    run = subprocess.run([sys.executable, "-m", "pagefind", "--site", str(site), "--output-subdir", BUNDLE],
                         capture_output=True, text=True)
    if run.returncode != 0:
        raise SystemExit(f"pagefind failed: {run.stderr[-2000:]}")
    (site / PAGE).write_text(PAGEFIND_PAGE, encoding="utf-8")


def measure_search(site: Path, _work: Path, runs: int) -> dict:
    from playwright.sync_api import sync_playwright

    from conftest import CHROMIUM, CHROMIUM_ARGS

    scripts = sum(gz((site / name).read_bytes()) for name in FETCHED if name.endswith(".js"))
    pagefind_index(site)
    url = serve(site)
    ours_ms, ours_bytes, pf_ms, pf_bytes = [], [], [], []
    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        try:
            for _ in range(runs):
                context = browser.new_context()
                page = context.new_page()
                ours: set[str] = set()
                page.on("response", lambda r: ours.add(urlparse(r.url).path))
                page.goto(f"{url}/search/?q={quote(FIRST_QUERY)}")
                page.wait_for_function("window.DossierSearch && DossierSearch.timings.firstResult", timeout=120_000)
                t = page.evaluate("DossierSearch.timings")
                ours_ms.append(t["firstResult"] - t["start"])
                # The search files the page fetched (index, documents, analyser, the snippets of the
                # results it shows) and the search scripts, as a static host serves them: gzipped.
                ours_bytes.append(sum(gz((site / path.lstrip("/")).read_bytes()) for path in ours
                                      if path.startswith("/search/") and path.endswith(".json")) + scripts)
                context.close()

                context = browser.new_context()
                page = context.new_page()
                fetched: set[str] = set()
                page.on("response", lambda r: fetched.add(urlparse(r.url).path))
                page.goto(f"{url}/{PAGE}")
                page.wait_for_function("window.benchDone", timeout=120_000)
                pf_ms.append(page.evaluate("window.benchDone.ms"))
                total = 0
                for path in sorted(fetched):
                    if not path.startswith(f"/{BUNDLE}/"):
                        continue
                    data = (site / path.lstrip("/")).read_bytes()
                    total += gz(data) if path.endswith((".js", ".json")) else len(data)
                pf_bytes.append(total)
                context.close()
        finally:
            browser.close()
    return {"search_kb": statistics.median(ours_bytes) / 1024, "pagefind_kb": statistics.median(pf_bytes) / 1024,
            "search_ms": statistics.median(ours_ms), "pagefind_ms": statistics.median(pf_ms)}


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("site", type=Path)
    parser.add_argument("--runs", type=int, default=3)
    args = parser.parse_args()
    figures = measure_search(args.site, args.site, args.runs)
    for key, value in figures.items():
        print(f"{key:12} {value:10.1f}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
