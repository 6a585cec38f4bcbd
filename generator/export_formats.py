"""Turning the assembled export (Markdown) into the file a person asked for.

- ``md``: the Markdown itself (pandoc's dialect, YAML metadata first).
- ``html``: pandoc, one standalone file with the site's Arabic font embedded.
- ``epub``: pandoc, one chapter per article, the font embedded, pages turn right to left.
- ``docx``: pandoc, then python-docx sets what pandoc leaves out (right-to-left on the
  title block and table of contents, the document's language and keywords, the
  Arabic font's name: a DOCX written by pandoc cannot carry the font itself).
- ``pdf``: the HTML printed by Debian's chromium, so it has the site's font and layout.

pandoc comes from PyPI's pypandoc-binary (a project dependency), so nothing
beyond ``pip install`` is needed except chromium for PDF.
"""
from __future__ import annotations

import shutil
import subprocess
import tempfile
from pathlib import Path

from .export import Document, ExportError

FONTS = Path(__file__).resolve().parent.parent / "theme_overrides" / "assets" / "fonts"
FONT_FAMILY = "Noto Naskh Arabic"
# (file, weight, unicode-range): the site's body font, Arabic and Latin subsets.
FONT_FILES = (("noto-naskh-arabic-arabic-400-normal.woff2", 400, "U+0600-06FF,U+0750-077F,U+08A0-08FF,U+FB50-FDFF,U+FE70-FEFC,U+200C-200E"),
              ("noto-naskh-arabic-arabic-700-normal.woff2", 700, "U+0600-06FF,U+0750-077F,U+08A0-08FF,U+FB50-FDFF,U+FE70-FEFC,U+200C-200E"),
              ("noto-naskh-arabic-latin-400-normal.woff2", 400, "U+0000-00FF,U+2000-206F,U+20AC,U+2122"),
              ("noto-naskh-arabic-latin-700-normal.woff2", 700, "U+0000-00FF,U+2000-206F,U+20AC,U+2122"))
PANDOC_FROM = "markdown-smart-raw_html"   # as the README's command: quotes as written, markup stays text
CHROMIUM_FLAGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                  "--disable-background-networking", "--disable-component-update", "--disable-sync",
                  "--no-pdf-header-footer"]
# Layout for HTML, EPUB and the printed PDF; fonts sit in ../fonts/ beside styles/, as EPUB stores them.
STYLE = """
html { direction: rtl; }
body { font-family: "%(family)s", serif; line-height: 1.8; max-width: 46em; margin: 0 auto; padding: 0 1em; }
h1 { font-size: 1.5em; line-height: 1.5; margin-top: 2em; }
header#title-block-header { text-align: center; margin: 4em 0; }
header#title-block-header .title { font-size: 2.2em; }
blockquote { border-inline-start: 3px solid #0b7a75; margin-inline: 0; padding-inline-start: 1em; color: #333; }
nav#TOC ul { list-style: none; padding-inline-start: 1em; }
@media print {
  header#title-block-header { page-break-after: always; margin-top: 30%%; }
  nav#TOC { page-break-after: always; }
  h1 { page-break-before: always; margin-top: 0; }
  a { color: inherit; text-decoration: none; }
}
"""


def pandoc() -> str:
    try:
        import pypandoc
        return pypandoc.get_pandoc_path()
    except (ImportError, OSError) as err:
        found = shutil.which("pandoc")
        if found:
            return found
        raise ExportError("pandoc is not available: install the project (pip install -e .) for pypandoc-binary, "
                          "or Debian's pandoc") from err


def chromium() -> str:
    found = shutil.which("chromium") or shutil.which("chromium-browser")
    if not found:
        raise ExportError("PDF needs Debian's chromium (apt-get install chromium, or `make browser-deps`)")
    return found


def _style_dir(work: Path) -> Path:
    """styles/export.css and fonts/*.woff2 under ``work``: pandoc embeds them (HTML) or packs them (EPUB)."""
    (work / "styles").mkdir()
    (work / "fonts").mkdir()
    faces = []
    for name, weight, unicode_range in FONT_FILES:
        shutil.copyfile(FONTS / name, work / "fonts" / name)
        faces.append(f'@font-face {{ font-family: "{FONT_FAMILY}"; font-weight: {weight}; font-style: normal; '
                     f'src: url("../fonts/{name}") format("woff2"); unicode-range: {unicode_range}; }}')
    css = work / "styles" / "export.css"
    css.write_text("\n".join(faces) + STYLE % {"family": FONT_FAMILY}, encoding="utf-8")
    return css


def _run(command: list[str], what: str, cwd: Path) -> None:
    try:
        result = subprocess.run(command, cwd=cwd, capture_output=True, text=True, timeout=1800)
    except subprocess.TimeoutExpired as err:
        raise ExportError(f"{what} took more than 30 minutes and was stopped") from err
    if result.returncode != 0:
        raise ExportError(f"{what} failed ({result.returncode}): {result.stderr.strip()[-1500:]}")


def convert(document: Document, fmt: str, output: Path, say=lambda message: None) -> None:
    """Write ``document`` to ``output`` in ``fmt``; the output appears whole or not at all."""
    output = output.resolve()
    output.parent.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory(prefix="dossier-export-") as tmp:
        work = Path(tmp)
        source = work / "export.md"
        source.write_text(document.markdown, encoding="utf-8")
        result = work / f"result.{fmt}"
        if fmt == "md":
            shutil.copyfile(source, result)
        elif fmt in ("html", "pdf"):
            say("writing HTML with pandoc")
            html = work / "export.html"
            _run([pandoc(), "-f", PANDOC_FROM, str(source), "-t", "html5", "--standalone", "--toc", "--toc-depth=1",
                  "--embed-resources", "--css", str(_style_dir(work)), "-o", str(html)], "pandoc (HTML)", work)
            if fmt == "pdf":
                say("printing the HTML to PDF with chromium")
                _run([chromium(), *CHROMIUM_FLAGS, f"--user-data-dir={work / 'profile'}",
                      f"--print-to-pdf={result}", html.as_uri()], "chromium (PDF)", work)
            else:
                html.replace(result)
        elif fmt == "epub":
            say("writing EPUB with pandoc")
            css = _style_dir(work)
            fonts = [f"--epub-embed-font={work / 'fonts' / name}" for name, _, _ in FONT_FILES]
            _run([pandoc(), "-f", PANDOC_FROM, str(source), "-t", "epub3", "--toc", "--toc-depth=1", "--split-level=1",
                  "--css", str(css), *fonts, "-o", str(result)], "pandoc (EPUB)", work)
        elif fmt == "docx":
            say("writing DOCX with pandoc")
            _run([pandoc(), "-f", PANDOC_FROM, str(source), "-t", "docx", "--toc", "--toc-depth=1", "-o", str(result)],
                 "pandoc (DOCX)", work)
            finish_docx(result, document)
        else:
            raise ExportError(f"unknown format {fmt!r}")
        if not result.is_file() or not result.stat().st_size:
            raise ExportError(f"{fmt} output was not written")
        # A rename within one folder is atomic: a reader never sees half a document.
        staged = output.with_name(f".{output.name}.tmp-dossier")
        shutil.copyfile(result, staged)
        staged.replace(output)


# The paragraph properties that come after <w:bidi/> in the WordprocessingML schema.
_AFTER_BIDI = {"{http://schemas.openxmlformats.org/wordprocessingml/2006/main}" + tag for tag in (
    "adjustRightInd", "snapToGrid", "spacing", "ind", "contextualSpacing", "mirrorIndents", "suppressOverlap", "jc",
    "textDirection", "textAlignment", "textboxTightWrap", "outlineLvl", "divId", "cnfStyle", "rPr", "sectPr",
    "pPrChange")}


def finish_docx(path: Path, document: Document) -> None:
    """What pandoc's DOCX leaves out: every paragraph right-to-left, language, keywords, the Arabic font."""
    import docx
    from docx.enum.text import WD_BREAK
    from docx.oxml import OxmlElement
    from docx.oxml.ns import qn

    doc = docx.Document(str(path))
    props = doc.core_properties
    props.title, props.subject, props.language = document.title, document.subtitle, "ar"
    props.keywords = ", ".join(document.keywords)

    def right_to_left(paragraph) -> None:
        ppr = paragraph._p.get_or_add_pPr()
        if ppr.find(qn("w:bidi")) is None:
            # Word rejects properties out of the schema's order: bidi goes before the first that follows it.
            later = next((child for child in ppr if child.tag in _AFTER_BIDI), None)
            (later.addprevious if later is not None else ppr.append)(OxmlElement("w:bidi"))

    for paragraph in doc.paragraphs:
        right_to_left(paragraph)
        # A document to hand in: the title page and the contents on pages of their own, each article on a new page.
        if paragraph.style.name == "Date":
            paragraph.add_run().add_break(WD_BREAK.PAGE)
        elif paragraph.style.name == "Heading 1":
            paragraph.paragraph_format.page_break_before = True
    for table in doc.tables:
        for cell in (c for row in table.rows for c in row.cells):
            for paragraph in cell.paragraphs:
                right_to_left(paragraph)
    for style in doc.styles:
        rpr = style.element.get_or_add_rPr() if hasattr(style.element, "get_or_add_rPr") else None
        if rpr is None:
            continue
        fonts = rpr.find(qn("w:rFonts"))
        if fonts is None:
            fonts = OxmlElement("w:rFonts")
            rpr.insert(1 if len(rpr) and rpr[0].tag == qn("w:rStyle") else 0, fonts)
        fonts.set(qn("w:cs"), FONT_FAMILY)   # complex-script runs (Arabic) in the site's font where it is installed
    doc.save(str(path))
