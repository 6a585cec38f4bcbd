"""The Markdown stays reusable in publications: pandoc reads an article page as it is.

Read as `-f markdown-smart-raw_html` (the README's command): without `-smart` pandoc curls the
quotes of a title, changing the article's words; without `-raw_html` markup in a title (front
matter is data, not Markdown) would pass into the exported document.
"""
from __future__ import annotations

import subprocess
from html.parser import HTMLParser

import pytest
import yaml

from conftest import IN_CI, PROJECT

PANDOC_FROM = "markdown-smart-raw_html"


def pandoc() -> str:
    try:
        import pypandoc
    except ImportError:
        if IN_CI:
            pytest.fail("pypandoc-binary is not installed (make test installs it)")
        pytest.skip("pypandoc-binary is not installed")
    return pypandoc.get_pandoc_path()


class Html(HTMLParser):
    def __init__(self):
        super().__init__()
        self.html, self.title, self.text, self._in_title, self.tags = {}, "", [], False, []

    def handle_starttag(self, tag, attrs):
        self.tags.append((tag, dict(attrs)))
        if tag == "html":
            self.html = dict(attrs)
        self._in_title = tag == "title"

    def handle_endtag(self, tag):
        self._in_title = False

    def handle_data(self, data):
        if self._in_title:
            self.title += data
        self.text.append(data)


@pytest.mark.parametrize("page", sorted((PROJECT / "docs" / "articles").glob("*.md")), ids=lambda p: p.stem)
def test_pandoc_turns_an_article_page_into_a_right_to_left_document(page, tmp_path):
    out = tmp_path / "article.html"
    subprocess.run([pandoc(), "-f", PANDOC_FROM, str(page), "--standalone", "-o", str(out)], check=True, capture_output=True)
    parsed = Html()
    parsed.feed(out.read_text(encoding="utf-8"))
    meta = yaml.safe_load(page.read_text(encoding="utf-8").split("\n---\n", 1)[0][4:])
    assert parsed.html.get("lang") == "ar" and parsed.html.get("dir") == "rtl"
    assert parsed.title.strip() == meta["title"]
    text = " ".join("".join(parsed.text).split())
    body = page.read_text(encoding="utf-8").split("\n---\n", 1)[1].split("\n\n")
    first = " ".join(body[1].replace("\\", "").split()) if body[0] == "" else " ".join(body[0].split())
    assert first[:80] in text                          # the article's own words, unchanged


def test_pandoc_writes_a_word_document(tmp_path):
    page = sorted((PROJECT / "docs" / "articles").glob("*.md"))[0]
    out = tmp_path / "article.docx"
    subprocess.run([pandoc(), "-f", PANDOC_FROM, str(page), "-o", str(out)], check=True, capture_output=True)
    assert out.read_bytes()[:2] == b"PK" and out.stat().st_size > 5000


def test_an_exported_hostile_article_carries_no_markup(tmp_path):
    from hostile_site import HOSTILE

    from conftest import run_dossier

    docs = tmp_path / "docs"
    run_dossier("build", "--source", str(HOSTILE), "--docs", str(docs), "--quiet")
    pages = sorted((docs / "articles").glob("*.md"))
    assert len(pages) == 2
    for page in pages:
        out = tmp_path / f"{page.stem}.html"
        subprocess.run([pandoc(), "-f", PANDOC_FROM, str(page), "--standalone", "-o", str(out)], check=True,
                       capture_output=True)
        parsed = Html()
        parsed.feed(out.read_text(encoding="utf-8"))
        assert [t for t, _ in parsed.tags if t in ("script", "img", "iframe")] == []
        assert [a for _, attrs in parsed.tags for a in attrs if a.startswith("on")] == []
        assert "<script>" in "".join(parsed.text)         # shown as the text it is
