"""Writing text from articles into Markdown without letting it become markup.

Article text is data: a ``<script>`` in a scraped page, a ``[link](javascript:)``
or a line starting with ``#`` must reach the reader as the characters they
are, never as HTML, links or headings.  Every piece of article text that goes
into a generated Markdown file passes through :func:`escape`.
"""
from __future__ import annotations

import re

_INLINE = re.compile(r"([\\`*_\[\]{}!|~^$])")
_LINE_START = re.compile(r"^(\s*)([#>+=-]|\d+[.)])")
# C0/C1 controls (except tab) and bidi overrides would let text disguise itself
# or break the page; newlines inside one paragraph become spaces.
_CONTROLS = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069]")


def strip_controls(text: str) -> str:
    return _CONTROLS.sub("", text)


def escape(text: str) -> str:
    """Inline-safe Markdown for a piece of text (a paragraph, a title, a name)."""
    text = strip_controls(text).replace("\n", " ")
    text = text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
    text = _INLINE.sub(r"\\\1", text)
    text = _LINE_START.sub(lambda m: m.group(1) + "\\" + m.group(2) if not m.group(2)[0].isdigit()
                           else m.group(1) + m.group(2)[:-1] + "\\" + m.group(2)[-1], text)
    # Python-Markdown turns "  " at a line end into <br>; a paragraph never needs it.
    return text.rstrip()


def escape_html(text: str) -> str:
    """For values placed inside raw HTML in generated pages."""
    return (strip_controls(text).replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
            .replace('"', "&quot;").replace("'", "&#39;"))
