"""`dossier export`: the seeds' ceasefire topic in every format, each read back by a real reader of that format.

DOCX by python-docx, EPUB as the zip it is, HTML by an HTML parser, PDF by poppler's pdftotext and
pdftoppm (its first page is left under test-output/ for a person to look at).
"""
from __future__ import annotations

import re
import shutil
import subprocess
import zipfile
from html.parser import HTMLParser
from pathlib import Path

import docx
import pytest
from docx.oxml.ns import qn

from conftest import SEEDS, require, run_dossier
from generator.citations import dossier_title
from generator.export import ExportError, Selection, chronological, collect, select, validate
from generator.kb import load

FORMATS = ("md", "docx", "epub", "html", "pdf")


@pytest.fixture(scope="module")
def kb():
    return load()


@pytest.fixture(scope="module")
def seeds(kb):
    return collect([SEEDS], kb)


@pytest.fixture(scope="module")
def ceasefire_titles(seeds, kb) -> list[str]:
    chosen = select(seeds, kb, Selection(topic="ceasefire"))
    assert len(chosen) >= 3
    return [a.title for a in chosen]


@pytest.fixture(scope="module")
def exported(tmp_path_factory) -> dict[str, Path]:
    require(shutil.which("chromium") is not None, "Debian's chromium is not installed (make test-deps)")
    folder = tmp_path_factory.mktemp("export")
    outputs = {}
    for fmt in FORMATS:
        out = folder / f"ceasefire.{fmt}"
        result = run_dossier("export", "--topic", "ceasefire", "--format", fmt, "--output", str(out))
        assert f"written to {out}" in result.stderr and "articles selected" in result.stderr
        outputs[fmt] = out
    return outputs


def squeezed(text: str) -> str:
    """Text without spaces, Arabic diacritics or bidi marks: how a PDF's text layer can be compared."""
    return re.sub(r"[\s\u064b-\u065f\u0670\u200e\u200f\u202a-\u202e\u2066-\u2069]", "", text)


def test_docx_is_right_to_left_with_titles_in_date_order_and_properties_set(exported, ceasefire_titles):
    document = docx.Document(str(exported["docx"]))
    paragraphs = [p for p in document.paragraphs if p.text.strip()]
    assert paragraphs and all(p._p.pPr is not None and p._p.pPr.find(qn("w:bidi")) is not None for p in paragraphs)
    headings = [p.text for p in paragraphs if p.style.name == "Heading 1"]
    assert all(p.paragraph_format.page_break_before for p in paragraphs if p.style.name == "Heading 1")
    assert headings[:-1] == [" ".join(t.split()) for t in ceasefire_titles] and headings[-1] == "المصادر"
    props = document.core_properties
    assert props.title == dossier_title() and props.language == "ar" and "وقف إطلاق النار" in props.subject
    assert paragraphs[0].text == dossier_title()                          # the title page comes first
    body = "\n".join(p.text for p in paragraphs)
    assert "الاستشهاد" in body and "التاريخ" in body and "عدد المقالات: " + str(len(ceasefire_titles)) in body
    fonts = document.styles["Normal"].element.rPr.find(qn("w:rFonts"))
    assert fonts.get(qn("w:cs")) == "Noto Naskh Arabic"


def test_epub_chapters_hold_the_titles_in_order_with_the_font_embedded(exported, ceasefire_titles):
    with zipfile.ZipFile(exported["epub"]) as epub:
        names = epub.namelist()
        assert epub.read("mimetype") == b"application/epub+zip"
        chapters = sorted(n for n in names if re.fullmatch(r"EPUB/text/ch\d+\.xhtml", n))
        text = [epub.read(n).decode("utf-8") for n in chapters]
        opf = epub.read("EPUB/content.opf").decode("utf-8")
    headed = [c for c in text if "<h1" in c]
    assert len(headed) == len(ceasefire_titles) + 1                      # a chapter per article, then the sources
    for title, chapter in zip(ceasefire_titles, headed):
        assert _html_text(chapter).count(title) >= 1
    assert "<dc:language>ar</dc:language>" in opf and 'page-progression-direction="rtl"' in opf
    assert any(n.endswith("noto-naskh-arabic-arabic-400-normal.woff2") for n in names)


def test_html_is_one_right_to_left_file_with_the_font_inside(exported, ceasefire_titles):
    html = exported["html"].read_text(encoding="utf-8")
    assert re.search(r'<html[^>]*lang="ar"[^>]*dir="rtl"', html)
    assert html.count("@font-face") >= 2 and "font/woff2;base64," in html
    assert not re.search(r'(src|href)="https?://', html)                 # nothing fetched when it is opened
    text = _html_text(html)
    positions = [text.index(title, text.index("التاريخ")) for title in ceasefire_titles]
    assert positions == sorted(positions)


def test_pdf_holds_each_title_on_a_sane_number_of_pages(exported, ceasefire_titles, output_dir):
    require(shutil.which("pdftotext") is not None, "poppler-utils is not installed (make test-deps)")
    pdf = exported["pdf"]
    info = subprocess.run(["pdfinfo", str(pdf)], capture_output=True, text=True, check=True).stdout
    pages = int(re.search(r"Pages:\s+(\d+)", info).group(1))
    assert len(ceasefire_titles) + 2 <= pages <= 10 * len(ceasefire_titles) + 5   # title page, contents, articles
    text = squeezed(subprocess.run(["pdftotext", str(pdf), "-"], capture_output=True, text=True, check=True).stdout)
    for title in ceasefire_titles:
        assert squeezed(title) in text, title
    fonts = subprocess.run(["pdffonts", str(pdf)], capture_output=True, text=True, check=True).stdout
    assert "NotoNaskhArabic" in fonts
    subprocess.run(["pdftoppm", "-png", "-r", "60", "-f", "1", "-l", "3", str(pdf), str(output_dir / "page")], check=True)
    first = sorted(output_dir.glob("page-*1.png"))[0]
    assert first.read_bytes()[:8] == b"\x89PNG\r\n\x1a\n" and first.stat().st_size > 2000


def test_markdown_export_has_every_part_in_order(exported, ceasefire_titles):
    text = exported["md"].read_text(encoding="utf-8")
    assert text.startswith("---\ntitle: ") and "\nlang: ar\n" in text and "\ndir: rtl\n" in text
    headings = re.findall(r"^# (.+?) \{#", text, flags=re.M)
    assert len(headings) == len(ceasefire_titles) + 1 and headings[-1] == "المصادر"
    sources = text.split("# المصادر", 1)[1]
    assert len(re.findall(r"^\d+\. ", sources, flags=re.M)) == len(ceasefire_titles)


def test_selection_combines_criteria_and_keeps_date_order(seeds, kb):
    everything = select(seeds, kb, Selection())
    assert everything == chronological(seeds)
    dated = [a.date.value for a in everything if a.date.value]
    assert dated == sorted(dated) and all(a.date.value is None for a in everything[len(dated):])
    in_2025_june = select(seeds, kb, Selection(date_from="2025-06", date_to="2025-06-30"))
    assert [a.date.value for a in in_2025_june] == ["2025-06-30"]
    assert select(seeds, kb, Selection(date_from="2026")) == []
    to_june = select(seeds, kb, Selection(date_to="2025-06"))          # a month bound keeps its whole month
    assert [a.date.value for a in to_june] == ["2025-05-11", "2025-06-30"]
    assert [a.date.value for a in select(seeds, kb, Selection(date_from="2025-05-12", date_to="2025"))] == ["2025-06-30"]
    witkoff = select(seeds, kb, Selection(actor="steve-witkoff"))
    assert witkoff and all(any(m.id == "steve-witkoff" for m in a.actors) for a in witkoff)
    outlet = select(seeds, kb, Selection(outlet="al-manassa", topic="ceasefire"))
    assert [a.outlet_id for a in outlet] == ["al-manassa"]


def test_query_follows_the_site_search_rules(seeds, kb):
    # «لحماس» and «حماس» are one word to the search: clitics and hamza forms do not matter.
    with_clitic = select(seeds, kb, Selection(query="لحماس"))
    assert with_clitic and with_clitic == select(seeds, kb, Selection(query="حماس"))
    both = select(seeds, kb, Selection(query="حماس القاهرة"))     # every word required
    assert set(a.id for a in both) <= set(a.id for a in with_clitic)
    assert select(seeds, kb, Selection(query="كلمةلاتوجدفيأيمقالة")) == []
    with pytest.raises(ExportError, match="no word"):
        select(seeds, kb, Selection(query="في"))


def test_bad_selections_are_refused_clearly_and_write_nothing(seeds, kb, tmp_path):
    with pytest.raises(ExportError, match="unknown topic 'cease'.*ceasefire"):
        validate(Selection(topic="cease"), seeds, kb)
    with pytest.raises(ExportError, match="--from '2025-13' is not a date"):
        validate(Selection(date_from="2025-13"), seeds, kb)
    out = tmp_path / "none.docx"
    result = run_dossier("export", "--from", "2031", "--output", str(out), check=False)
    assert result.returncode == 1 and "no article matches" in result.stderr and not out.exists()
    result = run_dossier("export", "--actor", "nobody", "--output", str(out), check=False)
    assert result.returncode == 1 and "unknown actor 'nobody'" in result.stderr and not out.exists()


def _html_text(html: str) -> str:
    class Text(HTMLParser):
        def __init__(self):
            super().__init__()
            self.parts = []

        def handle_data(self, data):
            self.parts.append(data)

    parser = Text()
    parser.feed(html)
    return " ".join(" ".join(parser.parts).split())


def test_hostile_articles_export_as_text(tmp_path):
    from hostile_site import HOSTILE

    out = tmp_path / "hostile.html"
    run_dossier("export", "--source", str(HOSTILE), "--output", str(out), "--quiet")
    html = out.read_text(encoding="utf-8")
    tags = set()

    class Tags(HTMLParser):
        def handle_starttag(self, tag, attrs):
            tags.add(tag)
    Tags().feed(html)
    assert not tags & {"script", "iframe", "img", "object", "embed"}
    text = _html_text(html)
    assert "<script>alert('sidecar-title')</script>: # & * ! | > ' \" % {{ x }}" in text
    assert "<iframe src=javascript:alert('sidecar-outlet')></iframe>" in text    # the outlet, as text


def test_an_output_that_cannot_be_written_is_an_error_not_a_traceback(tmp_path):
    blocker = tmp_path / "file"
    blocker.write_text("x")
    result = run_dossier("export", "--format", "md", "--output", str(blocker / "sub" / "out.md"), check=False)
    assert result.returncode == 1 and "dossier export: cannot write" in result.stderr and "Traceback" not in result.stderr


def test_markdown_export_is_byte_identical_with_a_fixed_date(tmp_path, monkeypatch):
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1767225600")      # 2026-01-01
    first, second = tmp_path / "1.md", tmp_path / "2.md"
    run_dossier("export", "--topic", "ceasefire", "--output", str(first), "--quiet")
    run_dossier("export", "--topic", "ceasefire", "--output", str(second), "--quiet")
    assert first.read_bytes() == second.read_bytes() and "date: '2026-01-01'" in first.read_text(encoding="utf-8")
