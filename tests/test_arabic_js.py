"""The browser analyser (JavaScript) against the Python one.

The index is built in Python and the query analysed in the browser: any
difference between the two is a word that is never found.  `node --test
tests/js/` runs the shared vectors in Node; the tests here also compare the
two on generated text, on every Unicode code point, and through lunr
(lunr.py builds, the vendored lunr.js searches).

Node is needed.  Without it these tests skip, except under CI=true, where a
missing node is a failure (conftest.require).
"""
from __future__ import annotations

import json
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from generator.arabic import analyze, normalize

from conftest import PROJECT, require
from strategies import arabic_text

NODE = shutil.which("node")
CLI = PROJECT / "tests" / "js" / "analyzer-cli.cjs"


@pytest.fixture(scope="module")
def node() -> str:
    require(NODE is not None, "node is not installed")
    return NODE


def run_cli(node: str, *args: str, stdin=None) -> object:
    result = subprocess.run([node, str(CLI), *args], input=None if stdin is None else json.dumps(stdin),
                            capture_output=True, text=True, encoding="utf-8", timeout=120)
    assert result.returncode == 0, result.stderr
    return json.loads(result.stdout)


def test_node_test_suite_passes(node):
    result = subprocess.run([node, "--test", "tests/js/"], cwd=PROJECT, capture_output=True, text=True, timeout=300)
    assert result.returncode == 0, result.stdout[-4000:] + result.stderr[-2000:]
    assert "# fail 0" in result.stdout


# Words and marks the generated text should be rich in: clitics on names,
# suffixes, hamza and ta marbuta forms.
WORDS = ["وحماس", "بغزة", "لإسرائيل", "والمفاوضات", "الفلسطينيين", "للجنة", "حكومتها", "وزراء", "بهدنة",
         "الالتزام", "ويتكوف", "وبالقاهرة", "الأميركية", "بلدية", "وفي", "لـCNN", "و٢٠٢٣", "ﻻ", "ﷲ", "غزَّة"]
texts = st.lists(st.one_of(arabic_text, st.lists(st.sampled_from(WORDS + [" ", "\u200f", "ـ", "،"]),
                                                 max_size=12).map("".join)),
                 min_size=150, max_size=150)


@given(texts)
@settings(max_examples=4, deadline=None, derandomize=True, suppress_health_check=[HealthCheck.too_slow,
                                                                                   HealthCheck.data_too_large])
def test_generated_text_gives_identical_tokens(texts):
    require(NODE is not None, "node is not installed")
    got = run_cli(NODE, "analyze", stdin=texts)
    for text, tokens in zip(texts, got):
        assert tokens == analyze(text), repr(text)


def test_every_code_point_normalises_alike(node):
    """Catches a Unicode version gap: Node's ICU is newer than Python's unicodedata.

    A difference here names code points to add to PYTHON_UNASSIGNED in
    arabic-analyzer.js (or to remove, when Python catches up).
    """
    js = {int(cp): n for cp, n in run_cli(node, "normalize-all").items()}
    py = {}
    for cp in range(sys.maxunicode + 1):
        if 0xD800 <= cp <= 0xDFFF:
            continue
        n = normalize(chr(cp))
        if n != chr(cp):
            py[cp] = n
    differ = sorted(cp for cp in js.keys() | py.keys() if js.get(cp) != py.get(cp))
    assert not differ, [(hex(cp), py.get(cp), js.get(cp)) for cp in differ[:20]]


def test_lunr_py_index_searched_by_vendored_lunr_js(node, tmp_path):
    from test_arabic import LUNR_DOCS, LUNR_QUERIES, lunr_index

    index = lunr_index(LUNR_DOCS)
    path = tmp_path / "index.json"
    path.write_text(json.dumps(index.serialize(), ensure_ascii=False), encoding="utf-8")
    queries = [q for q, _ in LUNR_QUERIES]
    got = run_cli(node, "lunr", str(path), stdin=queries)
    assert got == [refs for _, refs in LUNR_QUERIES]
