"""Extraction speed per article, on real corpus articles (needs ../shared/corpora).

Prints the median time per article over several runs, and the same for a
baseline measured in the same run (normalising and tokenising the text, the
least any extraction must do), so figures stay comparable on a noisy machine.

    .venv/bin/python benchmarks/extract_speed.py [--articles 300] [--runs 5]
"""
from __future__ import annotations

import argparse
import statistics
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from generator.arabic import tokenize  # noqa: E402
from generator.extract import extract  # noqa: E402
from generator.ingest import InputError, discover, read_article  # noqa: E402
from generator.kb import load  # noqa: E402

CORPORA = ROOT.parent / "shared" / "corpora"


def _readable(path: Path):
    """The article, or None for the corpus's empty and damaged files (ingest reports those)."""
    try:
        return read_article(path)
    except InputError:
        return None


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--articles", type=int, default=300)
    parser.add_argument("--runs", type=int, default=5)
    args = parser.parse_args()
    if not CORPORA.is_dir():
        print(f"no corpora at {CORPORA}: this benchmark needs ../shared/corpora", file=sys.stderr)
        return 2
    paths = discover([CORPORA / "ant-multisource" / "articles", CORPORA / "saudinewsnet" / "articles"]).articles
    step = max(1, len(paths) // args.articles)
    raws = [raw for raw in map(_readable, paths[::step]) if raw is not None][: args.articles]
    raws += [read_article(p) for p in sorted((ROOT / "seeds").glob("*.txt"))]
    kb = load()
    chars = sum(len(r.text) for r in raws)

    def timed(fn) -> float:
        start = time.perf_counter()
        for raw in raws:
            fn(raw)
        return (time.perf_counter() - start) / len(raws) * 1000

    timed(lambda r: extract(r, kb))  # warm caches
    extract_ms = [timed(lambda r: extract(r, kb)) for _ in range(args.runs)]
    baseline_ms = [timed(lambda r: tokenize(r.text)) for _ in range(args.runs)]
    med_e, med_b = statistics.median(extract_ms), statistics.median(baseline_ms)
    print(f"articles: {len(raws)} (mean {chars // len(raws)} characters), runs: {args.runs}")
    print(f"extract  median {med_e:.2f} ms/article  (runs: {', '.join(f'{x:.2f}' for x in extract_ms)})")
    print(f"baseline median {med_b:.2f} ms/article  (normalise + tokenise only)")
    print(f"ratio extract/baseline: {med_e / med_b:.1f}x")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
