"""Keyword in context: every sentence of every article, for the search page's second tab.

The sentences are written in shards of SHARD_ARTICLES articles, newest article first
(docs/search/kwic/000.json, 001.json ...), listed by docs/search/kwic/index.json.  The browser
(theme_overrides/assets/javascripts/views/kwic.js) reads shard after shard until it has a page of
rows, so a common word costs one or two shards, not the whole corpus (at 10,000 articles the
sentences are megabytes).  It analyses the query and each sentence's words with the search's own
analyser (search/analyzer.json and arabic-analyzer.js), so a word found by the search is found here.
"""
from __future__ import annotations

from ..extract.text import Sentence
from ..indexes import newest_first
from ..kb import KnowledgeBase
from ..records import Article
from .common import article_url, outlet_label

FOLDER = "search/kwic"
INDEX = f"{FOLDER}/index.json"
SHARD_ARTICLES = 100


def kwic_shards(articles: list[Article], sentences: dict[str, list[Sentence]], kb: KnowledgeBase) -> tuple[dict, list[dict]]:
    """(the index, the shards in reading order); ``sentences``: each article's, by id."""
    ordered = newest_first(articles)
    shards = []
    for first in range(0, len(ordered), SHARD_ARTICLES):
        group = ordered[first:first + SHARD_ARTICLES]
        shards.append({
            "articles": [{"id": a.id, "title": a.title, "date": a.date.value, "outlet": outlet_label(a, kb),
                          "url": article_url(a.id)} for a in group],
            "sentences": [[number, " ".join(s.text.split())]
                          for number, a in enumerate(group) for s in sentences[a.id]],
        })
    width = max(3, len(str(len(shards) - 1)))
    index = {"articles": len(ordered), "shards": [f"{FOLDER}/{n:0{width}d}.json" for n in range(len(shards))]}
    return index, shards
