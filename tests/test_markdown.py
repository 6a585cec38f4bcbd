"""Escaping article text into Markdown: it renders to exactly its own characters, never to markup."""
from __future__ import annotations

import re
from html.parser import HTMLParser
from pathlib import Path

import markdown
import pytest
import yaml
from hypothesis import given, settings

import time

from generator.markdown import INLINE_MAX_CHARS, escape, paragraph, strip_controls
from strategies import arabic_text

PROJECT = Path(__file__).resolve().parent.parent


def site_extensions() -> list:
    """The markdown_extensions of the project's mkdocs.yml, so escaping is tested against the real site."""
    class Loader(yaml.SafeLoader):
        pass

    Loader.add_multi_constructor("!", lambda loader, suffix, node: None)
    config = yaml.load((PROJECT / "mkdocs.yml").read_text(encoding="utf-8"), Loader=Loader)
    names = []
    for item in config.get("markdown_extensions") or []:
        names.append(next(iter(item)) if isinstance(item, dict) else item)
    return names


MD = markdown.Markdown(extensions=site_extensions())


class Collect(HTMLParser):
    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.tags: list[tuple[str, dict]] = []
        self.text = ""

    def handle_starttag(self, tag, attrs):
        self.tags.append((tag, dict(attrs)))

    def handle_startendtag(self, tag, attrs):
        self.tags.append((tag, dict(attrs)))

    def handle_data(self, data):
        self.text += data


def rendered(markdown_text: str) -> Collect:
    parser = Collect()
    parser.feed(MD.reset().convert(markdown_text))
    parser.close()
    return parser


def as_read(text: str) -> str:
    """What a reader must see: the same characters, on one line, without control characters."""
    text = re.sub("[\n\r\x0b\x0c\x1c\x1d\x1e\x85\u2028\u2029]+", " ", text)
    return seen(strip_controls(text)).strip()   # white space at the edges of a paragraph is not content


def seen(text: str) -> str:
    # A browser shows any run of ASCII white space as one space (Python-Markdown expands tabs).
    return re.sub(r"[ \t\n\r\f]+", " ", text).strip(" ")


@pytest.mark.parametrize("text", [
    "<script>alert(1)</script>",
    "[انقر هنا](javascript:alert(1))",
    "![صورة](javascript:alert(1))",
    '<img src=x onerror="alert(1)">',
    '<iframe src="javascript:alert(1)"></iframe>',
    "<http://evil.example/> <javascript:alert(1)>",
    "[x]: javascript:alert(1)",
    '{: onclick="alert(1)" }',
    "{{ config.site_name }} {% include 'base.html' %}",
    "# ليس عنوانًا", "> ليس اقتباسًا", "- ليس قائمة", "+ ولا هذه", "1. ولا هذه", "2024) سنة",
    "    ليس كودًا", "---", "***", "___", "=== ليس عنوانًا",
    "a | b | c", "~~شطب~~ ^فوق^ $x^2$", "`كود`", "*مائل* **عريض** _مائل_",
    "&lt;script&gt; &amp; & &#60; &copy;",
    "نص\\ بشرطة مائلة \\* و\\\\",
    "سطر أول\nسطر ثان\r\nثالث\u2028رابع",
    "نص\u202eمقلوب\u202c وتحكم\x01\x02\x03\x1b[31m",
    "رئيس التحرير:  محمد  ",
    "\t  مسافات في البداية",
])
def test_hostile_text_renders_as_the_same_characters(text):
    html = rendered(escape(text))
    assert [tag for tag, _ in html.tags] == ["p"]
    assert seen(html.text) == as_read(text)


def test_plain_arabic_stays_readable_in_the_markdown_source():
    # The Markdown files are meant to be read and reused: ordinary prose is not escaped.
    text = "قال مستشار المكتب السياسي لحركة حماس (طاهر النونو): إن هناك اتصالات مكثفة. وأضاف 3.5 مليون!"
    assert escape(text) == text


@settings(max_examples=300, deadline=None)
@given(arabic_text)
def test_any_text_renders_to_itself_and_nothing_else(text):
    html = rendered(escape(text))
    expected = as_read(text)
    if not expected:
        assert html.tags == [] and html.text.strip() == ""
        return
    assert [tag for tag, _ in html.tags] == ["p"], escape(text)
    assert seen(html.text) == expected


@settings(max_examples=100, deadline=None)
@given(arabic_text)
def test_escaped_text_is_safe_inside_a_list_item_and_a_table_cell(text):
    # The index pages put titles and sentences into list items and table rows.
    value = escape(text)
    html = rendered(f"- **[{value or 'x'}](page.md)**  \n  {value}\n")
    assert [tag for tag, _ in html.tags] in (["ul", "li", "strong", "a", "br"], ["ul", "li", "strong", "a"])
    cell = rendered(f"| a | b |\n| --- | --- |\n| [{value or 'x'}](page.md) | 1 |\n")
    assert [tag for tag, _ in cell.tags].count("td") == 2
    assert [tag for tag, _ in cell.tags].count("a") == 1


@settings(max_examples=150, deadline=None)
@given(arabic_text)
def test_a_paragraph_full_of_markup_renders_to_itself_in_either_form(text):
    for repeat in (1, 400):   # 400 copies push most texts past the escaping budget
        source = " ".join([text] * repeat)
        html = rendered(paragraph(source))
        expected = as_read(source)
        if not expected:
            assert html.tags == []
            continue
        assert [tag for tag, _ in html.tags] == ["p"]
        assert seen(html.text) == expected


def test_a_page_source_pasted_as_one_paragraph_renders_in_linear_time():
    # 300,000 characters of markup took 36 s as escaped Markdown (quadratic).
    source = ('<div class="x"><a href="javascript:alert(1)">[*_`{}|~^$]</a></div> حماس ' * 5000)
    started = time.perf_counter()
    html = rendered(paragraph(source))
    elapsed = time.perf_counter() - started
    assert seen(html.text) == as_read(source)
    assert [tag for tag, _ in html.tags] == ["p"]
    assert elapsed < 3, f"{elapsed:.1f} s"


def test_ordinary_long_paragraph_stays_plain_markdown():
    source = "قال المتحدث باسم الحركة إن المفاوضات (في القاهرة) مستمرة. " * 2000
    assert not paragraph(source).startswith("<p>")


def test_inline_values_are_cut_only_when_absurdly_long():
    title = "عنوان " * 10
    assert escape(title) == title.strip()
    html = rendered(escape("<كلمة> " * 2000))
    assert len(html.text) <= INLINE_MAX_CHARS + 2 and html.text.endswith(" …")
    assert html.text.startswith("<كلمة> <كلمة>")
