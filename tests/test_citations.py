"""Citation files read back by real parsers: BibTeX by bibtexparser, CSL-JSON rendered by citeproc-py."""
from __future__ import annotations

import json
from pathlib import Path

import bibtexparser
import pytest
from bibtexparser.middlewares import LatexDecodingMiddleware
from citeproc import Citation, CitationItem, CitationStylesBibliography, CitationStylesStyle, formatter
from citeproc.source.json import CiteProcJSON

from conftest import SEEDS
from hostile_site import HOSTILE
from generator.build import build
from generator.citations import dossier_title, format_citation
from generator.markdown import strip_controls


def read_bib(path: Path, *, decode: bool = True):
    """The BibTeX file as a LaTeX-aware reader sees it: escapes turned back into the characters."""
    return bibtexparser.parse_string(path.read_text(encoding="utf-8"),
                                     append_middleware=[LatexDecodingMiddleware()] if decode else [])


def plain(text: str) -> str:
    return " ".join(strip_controls(text).split())


@pytest.fixture(scope="module")
def built(tmp_path_factory) -> tuple[Path, dict]:
    """Seeds and the hostile fixture built together: {source file name: Article}."""
    docs = tmp_path_factory.mktemp("cite") / "docs"
    report, articles = build([SEEDS, HOSTILE], docs)
    assert report.count("built") == 7
    return docs, {a.source_name: a for a in articles}


def test_bibtex_has_one_entry_per_article_keyed_by_its_id(built):
    docs, articles = built
    library = read_bib(docs / "citations/articles.bib")
    assert not library.failed_blocks
    entries = {e.key: e for e in library.entries}
    assert set(entries) == {a.id for a in articles.values()}
    for a in articles.values():
        fields = {f.key: f.value for f in entries[a.id].fields}
        assert entries[a.id].entry_type == ("article" if a.outlet else "online")
        assert fields["title"] == plain(a.title)
        assert fields["langid"] == "arabic" and a.source_sha256 in fields["note"]
        assert ("date" in fields) == bool(a.date.value)
        if a.date.value:
            assert fields["date"] == a.date.value
        if a.author:
            assert fields["author"] == plain(a.author)


def test_bibtex_keeps_hostile_text_as_characters(built):
    docs, articles = built
    library = read_bib(docs / "citations/articles.bib", decode=False)
    entry = next(e for e in library.entries if e.key == articles["hostile-sidecar.txt"].id)
    title = entry.fields_dict["title"].value
    # Braces, % # & are escaped (a brace left bare would end the value or open a group).
    assert "\\{\\{ x \\}\\}" in title and "\\%" in title and "\\&" in title and "\\#" in title
    assert "<script>alert('sidecar-title')</script>" in title
    assert "\u202e" not in title                     # the bidi override is gone


def test_csl_json_renders_in_a_style_and_holds_each_title(built):
    docs, articles = built
    items = json.loads((docs / "citations/articles.json").read_text(encoding="utf-8"))
    assert [i["id"] for i in items] == sorted(a.id for a in articles.values())
    bibliography = CitationStylesBibliography(CitationStylesStyle("harvard-cite-them-right", validate=False),
                                              CiteProcJSON(items), formatter.plain)
    for item in items:
        bibliography.register(Citation([CitationItem(item["id"])]))
    rendered = [str(entry) for entry in bibliography.bibliography()]
    assert len(rendered) == len(items)
    for item in items:
        assert any(item["title"] in text for text in rendered), item["id"]
    by_id = {i["id"]: i for i in items}
    dated = articles["000_1d7b59691e184638.txt"]
    assert by_id[dated.id]["issued"] == {"date-parts": [[2025, 6, 30]]}
    assert by_id[dated.id]["author"] == [{"literal": dated.author}]
    assert by_id[dated.id]["type"] == "article-newspaper" and by_id[dated.id]["container-title"] == "موقع المنصة"


def test_the_readers_citation_is_made_from_the_csl_item():
    item = {"id": "2025-06-30-abc", "title": "عنوان", "author": [{"literal": "كاتب"}], "container-title": "منفذ",
            "issued": {"date-parts": [[2025, 6, 3]]}, "URL": "https://example.org/a", "archive": dossier_title(),
            "archive_location": "a.txt"}
    # Latin runs sit in left-to-right isolates (U+2066 ... U+2069), so they keep their order in Arabic.
    assert format_citation(item) == ("كاتب. «عنوان». منفذ، \u20662025-06-03\u2069. \u2066https://example.org/a\u2069 "
                                     f"[{dossier_title()}، المعرّف \u20662025-06-30-abc\u2069، الملف المصدر \u2066a.txt\u2069]")
    assert format_citation(item, "https://site.example/articles/x/").endswith(
        "\u2066a.txt\u2069، \u2066https://site.example/articles/x/\u2069]")
    undated = {k: v for k, v in item.items() if k not in ("issued", "author", "URL", "container-title")}
    assert format_citation(undated).startswith("«عنوان». بلا تاريخ. [")


def test_the_committed_dossier_offers_the_citation_files_from_the_about_page():
    from conftest import PROJECT

    about = (PROJECT / "docs/about.md").read_text(encoding="utf-8")
    for path in ("citations/articles.bib", "citations/articles.json"):
        assert f"({path})" in about and (PROJECT / "docs" / path).is_file()


def test_the_citation_box_and_the_export_print_the_csl_entry(seed_site, tmp_path):
    from html import unescape

    from conftest import PROJECT, run_dossier

    items = json.loads((PROJECT / "docs/citations/articles.json").read_text(encoding="utf-8"))
    out = tmp_path / "all.md"
    run_dossier("export", "--output", str(out), "--quiet")
    exported = " ".join(out.read_text(encoding="utf-8").replace("\\", "").split())
    for item in items:
        page = (seed_site / "articles" / item["id"] / "index.html").read_text(encoding="utf-8")
        box = unescape(page.split('<textarea class="dossier-cite"', 1)[1].split(">", 1)[1].split("</textarea>", 1)[0])
        # The page's box also gives the page's own address; the export cites the same entry.
        assert box.startswith(format_citation(item)[:-1] + "، \u2066http")
        plain = format_citation(item).replace("\u2066", "").replace("\u2069", "")   # the export drops controls
        assert plain in exported.replace("\u2066", "").replace("\u2069", "")
        assert 'href="../../citations/articles.bib" download' in page and 'href="../../citations/articles.json"' in page
