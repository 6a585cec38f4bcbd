"""Keyword in context: every sentence of every article, for the search page's second tab.

docs/search/kwic.json lists the articles (title, date, outlet, address) and their sentences,
newest article first.  The browser (theme_overrides/assets/javascripts/views/kwic.js) analyses
the query and each sentence's words with the search's own analyser (search/analyzer.json and
arabic-analyzer.js), so a word found by the search is found here too; the file is fetched only
when the tab is opened.
"""
from __future__ import annotations

from ..extract.text import split_sentences
from ..indexes import newest_first
from ..kb import KnowledgeBase
from ..records import Article
from .common import article_url, outlet_label

DATA = "search/kwic.json"


def kwic_data(articles: list[Article], kb: KnowledgeBase) -> dict:
    ordered = newest_first(articles)
    return {
        "articles": [{"id": a.id, "title": a.title, "date": a.date.value, "outlet": outlet_label(a, kb),
                      "url": article_url(a.id)} for a in ordered],
        "sentences": [[number, " ".join(s.text.split())]
                      for number, a in enumerate(ordered) for s in split_sentences(a.paragraphs)],
    }
