"""Every generated article page converts with plain pandoc (no filters, no templates) to HTML, DOCX and EPUB,
with its title, date and author in the output's metadata and its own words, and nothing MkDocs-only, in the body.

Over the seeds and the hostile fixture, built together.
"""
from __future__ import annotations

import re
import subprocess
import xml.etree.ElementTree as ET
import zipfile
from html.parser import HTMLParser
from pathlib import Path

import docx
import pytest
import yaml

from conftest import SEEDS
from hostile_site import HOSTILE
from generator.build import build
from generator.markdown import strip_controls
from test_reuse import PANDOC_FROM, pandoc

# Markup that only MkDocs extensions read: attribute lists, admonitions, snippets, Markdown-in-HTML, abbreviations.
MKDOCS_ONLY = re.compile(r"(?<!\\)\{:|^!!! |^\?\?\? |--8<--|markdown=\"1\"|^\*\[|\[TOC\]", re.M)
DC = "{http://purl.org/dc/elements/1.1/}"


@pytest.fixture(scope="module")
def pages(tmp_path_factory) -> list[tuple[Path, dict, list[str]]]:
    """(page, front matter, the article's paragraphs as one-line text) for every article page."""
    docs = tmp_path_factory.mktemp("pandoc") / "docs"
    report, articles = build([SEEDS, HOSTILE], docs)
    assert report.count("built") == 7
    out = []
    for a in sorted(articles, key=lambda a: a.id):
        page = docs / "articles" / f"{a.id}.md"
        meta = yaml.safe_load(page.read_text(encoding="utf-8").split("\n---\n", 1)[0][4:])
        out.append((page, meta, [" ".join(strip_controls(p).split()) for p in a.paragraphs]))
    return out


def convert(page: Path, out: Path) -> Path:
    subprocess.run([pandoc(), "-f", PANDOC_FROM, str(page), "--standalone", "-o", str(out)], check=True,
                   capture_output=True, cwd=page.parent)
    return out


class Html(HTMLParser):
    def __init__(self):
        super().__init__()
        self.meta, self.title, self.body, self.tags = {}, "", [], []
        self._where = None

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        self.tags.append(tag)
        if tag == "meta" and "name" in attrs:
            self.meta[attrs["name"]] = attrs.get("content")
        self._where = tag if tag in ("title", "body") else self._where

    def handle_data(self, data):
        if self._where == "title":
            self.title += data
        elif self._where == "body":
            self.body.append(data)

    def handle_endtag(self, tag):
        if tag == "title":
            self._where = None


def test_no_mkdocs_only_markup_in_article_bodies(pages):
    for page, _, _ in pages:
        body = page.read_text(encoding="utf-8").split("\n---\n", 1)[1]
        assert not MKDOCS_ONLY.search(body), page.name


def test_html_carries_title_date_author_and_the_articles_words(pages, tmp_path):
    for page, meta, paragraphs in pages:
        parsed = Html()
        parsed.feed(convert(page, tmp_path / "a.html").read_text(encoding="utf-8"))
        assert parsed.title.strip() == meta["title"], page.name
        assert parsed.meta.get("dcterms.date") == meta["date"]                  # both None when undated
        assert (parsed.meta.get("author") or None) == meta["author"]                # pandoc writes "" for null
        text = " ".join(" ".join(parsed.body).split())
        for paragraph in paragraphs:
            assert paragraph in text, (page.name, paragraph[:60])
        assert "script" not in parsed.tags and "iframe" not in parsed.tags and "img" not in parsed.tags


def test_docx_carries_title_date_and_author(pages, tmp_path):
    for page, meta, paragraphs in pages:
        out = convert(page, tmp_path / "a.docx")
        document = docx.Document(str(out))
        assert document.core_properties.title == meta["title"], page.name
        assert document.core_properties.author == (meta["author"] or "")
        with zipfile.ZipFile(out) as package:
            custom = ET.fromstring(package.read("docProps/custom.xml"))
        props = {p.get("name"): "".join(p.itertext()) for p in custom}
        assert (props.get("date") or None) == meta["date"]
        text = "\n".join(" ".join(p.text.split()) for p in document.paragraphs)
        assert paragraphs[0] in text


def test_epub_carries_title_date_and_author(pages, tmp_path):
    for page, meta, paragraphs in pages:
        with zipfile.ZipFile(convert(page, tmp_path / "a.epub")) as epub:
            opf = ET.fromstring(epub.read("EPUB/content.opf"))
            chapters = "".join(epub.read(n).decode("utf-8") for n in epub.namelist() if n.startswith("EPUB/text/"))
        assert opf.findtext(f".//{DC}title") == meta["title"], page.name
        assert opf.findtext(f".//{DC}language") == "ar"
        assert (opf.findtext(f".//{DC}date") or None) == meta["date"]
        assert (opf.findtext(f".//{DC}creator") or None) == meta["author"]
        parsed = Html()
        parsed.feed(chapters)
        assert "script" not in parsed.tags and paragraphs[-1][:60] in " ".join(" ".join(parsed.body).split())
