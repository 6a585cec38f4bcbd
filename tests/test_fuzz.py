"""Property-based: random Arabic-heavy text and random bytes through ingest, clean, extract, render, build.

Whatever goes in, either the file is refused with an InputError (a reason,
for the report) or it becomes a page whose front matter round-trips through a
YAML parser (and through MkDocs' own reader) to exactly the dict rendered,
whose body renders to paragraphs only, and whose id is ASCII; a batch gets
unique ids, and nothing is written outside docs/.
"""
from __future__ import annotations

import os
import re
import tempfile
from pathlib import Path

import markdown
import yaml
from hypothesis import HealthCheck, event, given, settings
from hypothesis import strategies as st
from mkdocs.utils.meta import get_data

from generator.build import build
from generator.extract import extract
from generator.ingest import InputError, read_article
from generator.kb import DEFAULT_KB_DIR, load
from generator.render import front_matter, render_article
from strategies import arabic_paragraph, arabic_text

KB = load(DEFAULT_KB_DIR)
MD = markdown.Markdown(extensions=["tables", "attr_list", "toc"])
ID = re.compile(r"[a-z0-9][a-z0-9-]*")
# Some structure around the random text, so that clean and extract see headlines, datelines and bodies.
article_like = st.builds(
    lambda head, date, body, tail: "\n".join([head, "", date, "", body, "", tail]),
    arabic_text, st.sampled_from(["", "منشور الاثنين 30 يونيو 2025", "٢٨ نوفمبر ٢٠٢٣", "7 تشرين الأول 2023",
                                  "20 جمادى الأولى 1446", "2025-13-45", "31 فبراير 2024"]),
    st.lists(st.one_of(arabic_paragraph, arabic_paragraph, arabic_text), max_size=6).map("\n\n".join), arabic_text,
)
any_text = st.one_of(arabic_text, article_like)
encodings = st.sampled_from(["utf-8", "utf-8-sig", "utf-16", "cp1256"])


def page_of(data: bytes, folder: Path, name: str = "article.txt") -> tuple[dict, str] | None:
    """(front matter dict, page text), or None when ingest refuses the file with a reason."""
    path = folder / name
    path.write_bytes(data)
    try:
        raw = read_article(path)
    except InputError as err:
        assert err.problem and err.path == path
        event("refused: " + re.sub(r"\d+", "N", err.problem.split(" (")[0])[:50])   # --hypothesis-show-statistics
        return None
    article = extract(raw, KB)
    event("page" if article.paragraphs else "no body")
    return front_matter(article, KB), render_article(article, KB)


def check_page(meta: dict, page: str) -> None:
    assert page.startswith("---\n")
    yaml_text = page[4:page.index("\n---\n", 3) + 1]
    assert yaml.safe_load(yaml_text) == meta
    body, mkdocs_meta = get_data(page)          # MkDocs finds the same front matter, ending at the same place
    assert mkdocs_meta == meta
    assert ID.fullmatch(meta["id"]), meta["id"]
    html = MD.reset().convert(body)
    assert set(re.findall(r"<([a-zA-Z][a-zA-Z0-9]*)", html)) <= {"p"}, html[:300]


def encode(text: str, encoding: str) -> bytes:
    return text.encode(encoding, errors="replace") if encoding == "cp1256" else text.encode(encoding)


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(any_text, encodings)
def test_random_text_becomes_a_valid_page_or_a_clear_refusal(text, encoding):
    with tempfile.TemporaryDirectory() as tmp:
        result = page_of(encode(text, encoding), Path(tmp))
    if result is not None:
        check_page(*result)
    elif text.strip() and encoding == "utf-8" and "\x00" not in text:
        # Plain UTF-8 text with something in it is never refused for its encoding.
        with tempfile.TemporaryDirectory() as tmp:
            path = Path(tmp) / "a.txt"
            path.write_bytes(text.encode())
            try:
                read_article(path)
            except InputError as err:
                assert "binary" in err.problem or "white space" in err.problem, err.problem


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.binary(max_size=3000))
def test_random_bytes_become_a_valid_page_or_a_clear_refusal(data):
    with tempfile.TemporaryDirectory() as tmp:
        result = page_of(data, Path(tmp))
    if result is not None:
        check_page(*result)


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.binary(max_size=400), article_like)
def test_arabic_with_stray_bytes(noise, text):
    encoded = text.encode()
    cut = len(encoded) // 2
    with tempfile.TemporaryDirectory() as tmp:
        result = page_of(encoded[:cut] + noise + encoded[cut:], Path(tmp))
    if result is not None:
        check_page(*result)


file_names = st.text(st.characters(blacklist_categories=("Cs",), blacklist_characters="/\x00"), min_size=1, max_size=40)


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(st.tuples(file_names, st.one_of(any_text.map(str.encode), st.binary(max_size=500))),
                min_size=1, max_size=8, unique_by=lambda item: item[0]))
def test_a_batch_builds_unique_ids_and_writes_only_inside_docs(files):
    with tempfile.TemporaryDirectory() as tmp:
        root = Path(tmp)
        src, docs = root / "src", root / "docs"
        src.mkdir()
        written_names = []
        for name, data in files:
            path = src / (name + ".txt")
            try:
                path.write_bytes(data)
            except OSError:        # a name too long for this file system
                continue
            written_names.append(path.name)
        before = sorted(os.listdir(root))
        report, articles = build([src], docs, kb_dir=DEFAULT_KB_DIR)
        # Nothing outside docs/ (a batch where nothing could be built writes nothing at all).
        assert set(os.listdir(root)) - set(before) <= {"docs"}
        assert set(before) <= set(os.listdir(root))
        assert sorted(os.listdir(src)) == sorted(set(written_names))   # sources untouched
        ids = [a.id for a in articles]
        assert len(ids) == len(set(ids))
        assert len(report.files) == len(set(written_names))
        assert all(f.status in ("built", "duplicate", "skipped") and (f.status == "built" or f.reason) for f in report.files)
        real_docs = docs.resolve()
        for folder, _, names in os.walk(docs):
            for name in names:
                assert (Path(folder) / name).resolve().is_relative_to(real_docs)
                assert name.isascii(), name
        for article in articles:
            page = (docs / "articles" / f"{article.id}.md").read_text(encoding="utf-8")
            check_page(front_matter(article, KB), page)
