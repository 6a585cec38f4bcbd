"""What a reader sees on the generated pages: counts in good Arabic, topics that have articles,
the developer page out of the Arabic navigation, a footer that names no tool."""
from __future__ import annotations

import re

import pytest

from generator.extract import extract
from generator.indexes import render_indexes
from generator.ingest import read_article
from generator.kb import load

from conftest import PROJECT, SEEDS


@pytest.fixture(scope="module")
def seed_pages():
    kb = load()
    articles = [extract(read_article(p), kb) for p in sorted(SEEDS.glob("*.txt"))]
    return render_indexes(articles, kb), articles


def test_home_counts_agree_and_an_unknown_outlet_is_not_an_outlet(seed_pages):
    pages, articles = seed_pages
    home = pages["index.md"]
    assert sum(1 for a in articles if not a.outlet) == 2          # two seeds name no outlet: one page, not an outlet
    assert "outlets/unknown.md" in pages
    assert "يجمع 5 مقالات من 3 منافذ" in home
    assert "| المنافذ | 3 |" in home
    assert "مقالة عربية" not in home and "منفذًا" not in home
    assert "مصنفة في 12 موضوعًا" in home


def test_topics_index_lists_only_topics_with_articles_most_first(seed_pages):
    pages, articles = seed_pages
    rows = re.findall(r"^\| \[.*?\]\(([a-z-]+)\.md\) \| .*? \| (\d+) \|$", pages["topics/index.md"], re.M)
    counts = [int(n) for _, n in rows]
    assert counts and 0 not in counts
    assert counts == sorted(counts, reverse=True)
    used = {t for a in articles for t in a.topics}
    assert {slug for slug, _ in rows} == used
    assert "topics/casualties.md" in pages                        # a topic with no article keeps its page


def test_index_tables_mark_the_english_column_as_secondary(seed_pages):
    pages, _ = seed_pages
    for path in ("topics/index.md", "actors/index.md"):
        row = next(line for line in pages[path].splitlines() if line.startswith("| ["))
        arabic, english = row.split(" | ")[:2]
        assert arabic.startswith("| [") and 'class="dossier-en"' in english


def test_schema_page_is_english_left_to_right_and_not_in_the_arabic_nav():
    schema = (PROJECT / "docs" / "schema.md").read_text(encoding="utf-8")
    head = schema.split("---")[1]
    assert "dir: ltr" in head and "lang: en" in head
    assert "# Front-matter fields" in schema
    assert "schema.md" not in (PROJECT / "mkdocs.yml").read_text(encoding="utf-8")
    assert "](schema.md)" in (PROJECT / "docs" / "about.md").read_text(encoding="utf-8")


def test_built_site_footer_names_no_tool_and_schema_is_laid_out_ltr(seed_site):
    home = (seed_site / "index.html").read_text(encoding="utf-8")
    assert "Made with" not in home and "Material for MkDocs" not in home
    tabs = re.search(r'<nav class="md-tabs".*?</nav>', home, re.S).group(0)
    assert "schema/" not in tabs
    schema = (seed_site / "schema" / "index.html").read_text(encoding="utf-8")
    assert '<div class="dossier-ltr-page" dir="ltr" lang="en">' in schema


def test_citation_isolates_latin_runs_and_names_the_page(seed_site):
    page = (seed_site / "articles" / "000-1d7b59691e184638-e8064010" / "index.html").read_text(encoding="utf-8")
    cite = re.search(r'<textarea class="dossier-cite"[^>]*>(.*?)</textarea>', page, re.S).group(1)
    assert "\u2066000_1d7b59691e184638.txt\u2069" in cite
    assert "\u2066000-1d7b59691e184638-e8064010\u2069" in cite and "\u20662025-06-30\u2069" in cite
    assert re.search("\u2066https?://[^\u2069]+/articles/000-1d7b59691e184638-e8064010/\u2069", cite)
    assert "ملف مفاوضات غزة" in cite
