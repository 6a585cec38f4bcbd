"""Search: the prebuilt client-side index (filled in by the search work)."""
from __future__ import annotations


def render_search_files(articles, kb) -> dict[str, bytes]:
    return {}
