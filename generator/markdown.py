"""Writing text from articles into Markdown without letting it become markup.

Article text is data: a ``<script>`` in a scraped page, a ``[link](javascript:)``
or a line starting with ``#`` must reach the reader as the characters they
are, never as HTML, links or headings.  Every piece of article text that goes
into a generated Markdown file passes through :func:`escape`, and the result
renders, in Python-Markdown as in pandoc, to exactly the original characters
(tests/test_markdown.py checks this on random text).
"""
from __future__ import annotations

import re

# Inline markup, wherever it stands: code, emphasis, links and images (both
# need "["), attribute lists ("{: onclick=...}" with attr_list) and escapes.
# Python-Markdown honours a backslash only before its ESCAPED_CHARS (these
# are among them); before any other character the backslash would be printed.
_INLINE = re.compile(r"([\\`*_\[\]{}])")
# Block markup only counts at the start of a line: headings, lists.
_LINE_START = re.compile(r"^([#+-]|\d+[.)])")
# Characters that are markup only in other renderers (pandoc's ~sub~, ^sup^,
# $math$) or inside a table row (|): a numeric character reference reads as
# the character everywhere and is never markup.
_REFERENCED = {"|": "&#124;", "~": "&#126;", "^": "&#94;", "$": "&#36;"}
_REFERENCED_RE = re.compile("[" + re.escape("".join(_REFERENCED)) + "]")
# C0/C1 controls (except tab) and bidi embeddings, overrides and isolates
# would let text disguise itself (U+202E turns "gnp.exe" around) or break
# the page; STX/ETX in particular are Python-Markdown's own placeholders.
_CONTROLS = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069]")
_LINE_BREAKS = re.compile(r"[\n\r\x0b\x0c\x1c-\x1e\x85\u2028\u2029]+")


def strip_controls(text: str) -> str:
    return _CONTROLS.sub("", text)


# Beyond this many characters an inline value (a title or a sentence in an
# index list) is cut with an ellipsis: real ones are far shorter, the full
# text is on the article page, and an index must not cost minutes to render.
INLINE_MAX_CHARS = 3000
# A paragraph needing more escapes than this becomes a character-referenced
# HTML block (see paragraph()).
SLOW_ESCAPES = 2000
_BLOCK_SPECIAL = re.compile(r"[&<>\\`*_\[\]{}()!#+\-.|~^$:=\"']")


def escape(text: str) -> str:
    """Inline-safe Markdown for a piece of text (a title, a name, a sentence in a list)."""
    text = _one_line(text)
    if len(text) > INLINE_MAX_CHARS:
        text = text[:INLINE_MAX_CHARS].rsplit(" ", 1)[0] + " …"
    return _escape_line(text)


def paragraph(text: str) -> str:
    """A body paragraph, whole: escaped Markdown, or a raw ``<p>`` block when escaping would be slow.

    Python-Markdown's inline stage is quadratic in the number of escapes in
    one paragraph (measured: 40,000 "<" took 4.3 s, 200,000 took 20 s), so a
    paragraph that is mostly markup (a scraped page's source) would stall the
    build.  Such a paragraph becomes an HTML block in which every character
    that could be markup, for MkDocs or for pandoc, is a character reference:
    it renders to the same characters, in linear time.
    """
    text = _one_line(text)
    escaped = _escape_line(text)
    if len(escaped) - len(text) <= SLOW_ESCAPES:
        return escaped
    return "<p>" + _BLOCK_SPECIAL.sub(lambda m: f"&#{ord(m.group())};", text) + "</p>"


def _one_line(text: str) -> str:
    """The text on one line (a paragraph never needs a line break, and one would
    let "===" or "---" turn the line above it into a heading), without leading
    spaces (four make a code block) or trailing ones (two make a <br>)."""
    return strip_controls(_LINE_BREAKS.sub(" ", text)).strip()


def _escape_line(text: str) -> str:
    # & first, so that the references added below are not escaped again.
    text = text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
    text = _INLINE.sub(r"\\\1", text)
    text = _LINE_START.sub(lambda m: m.group()[:-1] + "\\" + m.group()[-1], text)
    return _REFERENCED_RE.sub(lambda m: _REFERENCED[m.group()], text)
