"""Search: the prebuilt client-side index, the data its results show, and the analyser tables.

Files under ``docs/search/``, fetched by the browser before the first
result (theme_overrides/assets/javascripts/search.js):

- ``index.json``: a lunr index in a compact form (term frequencies,
  see :func:`compact_index`), turned back into a lunr.js 2.3.9 index by
  search-index.js.  Documents are referred to by their position in ``documents.json`` (short
  refs: a ref is repeated in every posting), fields are analysed with the
  project's Arabic analyser *before* lunr sees them (lunr's own tokenizer
  splits on whitespace differently in Python and JS), and the index records
  the search pipeline under the project's name, ``dossier-arabic``.
- ``documents.json``: what a result shows (title, date, outlet, address)
  and the facets (topics, actors, outlet, year), beside the index rather
  than in it; the texts snippets are cut from are in ``snippets/<n>.json``,
  fetched for the results shown only.
- ``analyzer.json``: the analyser tables the index was built with, merged
  with this knowledge base's one-word names, so the browser analyses a
  query exactly as the index was analysed.

Everything is written with sorted inputs and fixed separators: the same
articles give byte-identical files.
"""
from __future__ import annotations

import json
from typing import Iterable

from .arabic import Analyzer, load_config, tokenize
from .indexes import outlet_groups
from .kb import KnowledgeBase
from .records import Article

SEARCH_DIR = "search"
PIPELINE_NAME = "dossier-arabic"

# Field -> boost.  Title and actor matches rank first; a word in the body
# counts, but an article *about* a person names them in its title or is
# tagged with them.  Actors and places share one field: an extra field costs
# an empty entry in every posting of the index.
FIELDS = (("title", 10), ("names", 5), ("topics", 3), ("outlet", 2), ("body", 1))

# How much of the body documents.json keeps for snippets.  The whole text
# would double what the browser fetches; the lead is where news articles
# say what they are about, and the snippet highlights matches within it.
SNIPPET_CHARS = 400

# The snippet texts are most of what a result shows and half of what the browser
# fetched before the first result (191 of 640 KB gzipped at 1,000 articles):
# they live apart, SNIPPET_GROUP documents to a file, and the search page
# fetches only the files of the results it shows.  Small groups: the results
# of a query are scattered over the whole collection.
SNIPPET_GROUP = 4

KIND_ARTICLE, KIND_ACTOR, KIND_TOPIC, KIND_OUTLET = "article", "actor", "topic", "outlet"


def search_analyzer(kb: KnowledgeBase, base: dict | None = None) -> tuple[Analyzer, dict]:
    """The analyser the index is built with, and its configuration (written for the browser).

    The shipped tables plus the knowledge base's one-word names (ويتكوف،
    بلجيكا) as protected words, so that a name keeps its form under
    clitics (وبلجيكا -> بلجيكا) instead of being stemmed like a common
    word.  A name that is already known, an alias, a stop word or a common
    word (one the lexicon has seen behind the article) is left alone: making
    الاحتلال a name would stop احتلال from finding it.  Both sides build
    their analyser from the same merged configuration, so the order in
    which words were added cannot make them differ.
    """
    config = dict(base if base is not None else load_config())
    config.pop("_comment", None)
    plain = Analyzer(config)
    names = set()
    for entry in kb.entries.values():
        if entry.kind == "topic":
            continue
        for name in (entry.name_ar, *entry.aliases):
            tokens = tokenize(name)
            if len(tokens) != 1:
                continue
            form = tokens[0]
            if (form in plain.known or form in plain.aliases or form in plain.lexicon or plain.is_stopword(form)
                    or plain.stem(form) in plain.lexicon or len(form) < plain.min_stem):
                continue
            names.add(form)
    config["protected"] = list(config["protected"]) + sorted(names - set(config["protected"]))
    return Analyzer(config), config


def _register(analyzer: Analyzer):
    """lunr's search pipeline function, under the project's name (lunr.js registers its twin)."""
    def dossier_arabic(token, i, tokens):
        return [token.clone(lambda s, m, term=term: term) for term in analyzer.analyze(str(token))]

    # Set directly rather than with Pipeline.register_function, which warns
    # on every build after the first (each build has its own analyser).
    from lunr.pipeline import Pipeline

    dossier_arabic.label = PIPELINE_NAME
    Pipeline.registered_functions[PIPELINE_NAME] = dossier_arabic
    return dossier_arabic


def _terms(analyzer: Analyzer, texts: Iterable[str | None]) -> list[str]:
    return [term for text in texts if text for term in analyzer.analyze(text)]


# The fields made of the article's own words: analysing them is most of the search
# stage's work, so it is done once per article in the per-article stage (and cached).
OWN_FIELDS = ("title", "body")


def article_terms(article: Article, analyzer: Analyzer) -> dict[str, dict[str, int]]:
    """{field: {term: frequency}} of the article's title and body, as the index counts them."""
    texts = {"title": [article.title], "body": article.paragraphs}
    counts: dict[str, dict[str, int]] = {}
    for field in OWN_FIELDS:
        tally: dict[str, int] = {}
        for term in _terms(analyzer, texts[field]):
            tally[term] = tally.get(term, 0) + 1
        counts[field] = tally
    return counts


def search_documents(articles: list[Article], kb: KnowledgeBase,
                     terms: dict[str, dict] | None = None) -> tuple[list[dict], dict]:
    """Every searchable page (articles, then actor, topic and outlet pages) and the facet labels.

    Each document carries the raw texts of its fields (under ``fields``,
    used for the index only) and what a result shows; with ``terms`` (by
    article id, see :func:`article_terms`) an article's own fields arrive
    analysed already (under ``counts``).
    """
    outlets = outlet_groups(articles, kb)
    outlet_of = {a.id: o for o in outlets for a in o.articles}
    facets = {"topics": {t.id: t.name_ar for t in kb.topics}, "actors": {}, "outlets": {}}
    docs: list[dict] = []
    actor_ids: set[str] = set()
    for a in sorted(articles, key=lambda a: a.id):
        outlet = outlet_of[a.id]
        facets["outlets"][outlet.slug] = outlet.label
        actors = list(dict.fromkeys(m.id for m in a.actors))
        actor_ids.update(actors)
        names = [n for m in (*actors, *dict.fromkeys(p.id for p in a.places))
                 for n in (kb.entries[m].name_ar, kb.entries[m].name_en)]
        outlet_entry = outlet.entry
        docs.append({
            "kind": KIND_ARTICLE, "title": a.title, "date": a.date.value, "url": f"articles/{a.id}/",
            "text": _lead(a.paragraphs), "outlet": outlet.slug, "topics": list(a.topics), "actors": actors,
            "year": a.date.value[:4] if a.date.value else None,
            "fields": {"title": [a.title], "names": names,
                       "topics": [n for t in a.topics for n in (kb.entries[t].name_ar, kb.entries[t].name_en)],
                       "outlet": [outlet.label, outlet_entry.name_en if outlet_entry else None],
                       "body": a.paragraphs},
        })
        if terms and a.id in terms:
            docs[-1]["counts"] = terms[a.id]
    for actor_id in sorted(actor_ids):
        e = kb.entries[actor_id]
        facets["actors"][actor_id] = e.name_ar or e.name_en
        docs.append(_page(KIND_ACTOR, e.name_ar or e.name_en, f"actors/{e.id}/", e.description_ar,
                          [e.name_ar, e.name_en, *e.aliases, *e.english_aliases]))
    for topic in sorted(kb.topics, key=lambda t: t.id):  # every topic has its page
        docs.append(_page(KIND_TOPIC, topic.name_ar, f"topics/{topic.id}/", topic.description_ar,
                          [topic.name_ar, topic.name_en]))
    for outlet in sorted(outlets, key=lambda o: o.slug):
        entry = outlet.entry
        docs.append(_page(KIND_OUTLET, outlet.label, f"outlets/{outlet.slug}/", "",
                          [outlet.label, entry.name_en if entry else None]))
    facets = {kind: dict(sorted(labels.items())) for kind, labels in facets.items()}
    return docs, facets


def _page(kind: str, title: str, url: str, text: str, names: list[str | None]) -> dict:
    return {"kind": kind, "title": title, "url": url, "text": text,
            "fields": {"title": [title], "names": names, "topics": [], "outlet": [], "body": [text]}}


def _lead(paragraphs: list[str]) -> str:
    text = " ".join(paragraphs)
    if len(text) <= SNIPPET_CHARS:
        return text
    cut = text.rfind(" ", 0, SNIPPET_CHARS)
    return text[: cut if cut > 0 else SNIPPET_CHARS] + " …"


# lunr's BM25 parameters (lunr.Builder's defaults): search-index.js computes the weights with them.
K1, B = 1.2, 0.75


def _field_counts(doc: dict, name: str, analyzer: Analyzer, memo: dict[str, list[str]]) -> dict[str, int]:
    """{term: frequency} of one field of one document, as lunr would count it (it lower-cases every token)."""
    counts = doc.get("counts", {}).get(name)
    if counts is None:
        counts = {}
        for text in doc["fields"][name]:
            for term in _analysed(analyzer, text, memo):
                counts[term] = counts.get(term, 0) + 1
    lowered: dict[str, int] = {}
    for term, tf in counts.items():
        key = term.lower()
        lowered[key] = lowered.get(key, 0) + tf
    return lowered


def _analysed(analyzer: Analyzer, text: str | None, memo: dict[str, list[str]]) -> list[str]:
    # The same names, topics and outlets recur in thousands of documents: each is analysed once.
    if not text:
        return []
    if text not in memo:
        memo[text] = analyzer.analyze(text)
    return memo[text]


def compact_index(docs: list[dict], analyzer: Analyzer) -> dict:
    """The search index, as term frequencies: the browser derives the rest.

    A document's ref is its position in the list.  Per term, per field, a
    flat list of (ref gap, tf) pairs in ref order.  search-index.js rebuilds
    lunr.js's inverted index and field vectors from it with lunr's own
    formula and parameters (k1, b, boosts); lunr's own serialisation would
    spell out an empty object per missing field for every term and a vector
    of weights per document and field (5.0 MB, 1.2 MB gzipped, for 1,000
    articles).  Counted here directly: building lunr.py's index only to read
    its term frequencies took most of the search stage.  tests/test_search.py
    checks that the browser ranks and scores every query exactly as lunr.py's
    index of the same documents does (:func:`lunr_index`).
    """
    fields = [name for name, _ in FIELDS]
    postings: dict[str, list[list[int]]] = {}
    last: dict[str, list[int]] = {}
    memo: dict[str, list[str]] = {}
    for ref, doc in enumerate(docs):
        for slot, name in enumerate(fields):
            for term, tf in _field_counts(doc, name, analyzer, memo).items():
                if term not in postings:
                    postings[term] = [[] for _ in fields]
                    last[term] = [0] * len(fields)
                postings[term][slot] += (ref - last[term][slot], tf)
                last[term][slot] = ref
    terms = [[term, *postings[term]] for term in sorted(postings)]
    return {"version": "2.3.9", "format": "dossier-tf-1", "pipeline": [PIPELINE_NAME], "fields": fields,
            "boosts": [boost for _, boost in FIELDS], "k1": K1, "b": B,
            "documentCount": len(docs), "terms": terms}


def lunr_index(docs: list[dict], analyzer: Analyzer):
    """lunr.py's own index of ``docs`` (a test dependency): the reference the browser's scores are checked against."""
    from lunr.builder import Builder

    builder = Builder()
    # No build pipeline: fields arrive as analysed terms.  The search
    # pipeline is only recorded in the index; queries bypass it.
    builder.search_pipeline.add(_register(analyzer))
    builder.ref("ref")
    for name, boost in FIELDS:
        builder.field(name, boost=boost)
    for ref, doc in enumerate(docs):
        builder.add({"ref": str(ref), **{name: [t for t, n in _field_counts(doc, name, analyzer, {}).items()
                                                 for _ in range(n)] for name, _ in FIELDS}})
    assert (builder._k1, builder._b) == (K1, B)
    return builder.build()


def query(index, analyzer: Analyzer, text: str) -> list[str] | None:
    """Refs found for ``text``, best first, as the browser searches; None when there is nothing to search for.

    Every term is required (a reader who adds a word narrows the search),
    and terms are looked up as analysed, bypassing lunr's pipeline.
    """
    from lunr.query import QueryPresence

    terms = analyzer.analyze(text)
    if not terms:
        return None
    results = index.query(callback=lambda q: [q.term(t, use_pipeline=False, presence=QueryPresence.REQUIRED)
                                              for t in dict.fromkeys(terms)])
    return [r["ref"] for r in results]


def _json(data) -> bytes:
    return json.dumps(data, ensure_ascii=False, separators=(",", ":"), sort_keys=True).encode("utf-8") + b"\n"


def render_search_files(articles: list[Article], kb: KnowledgeBase,
                        terms: dict[str, dict] | None = None) -> dict[str, bytes]:
    """docs/search/{index,documents,analyzer}.json, as {path relative to docs/: bytes}."""
    analyzer, config = search_analyzer(kb)
    docs, facets = search_documents(articles, kb, terms)
    compact = compact_index(docs, analyzer)
    shown = [{k: v for k, v in doc.items() if k not in ("fields", "counts", "text") and v not in (None, [], "")}
             for doc in docs]
    files = {
        f"{SEARCH_DIR}/index.json": _json(compact),
        f"{SEARCH_DIR}/documents.json": _json({"documents": shown, "facets": facets, "snippets": SNIPPET_GROUP}),
        f"{SEARCH_DIR}/analyzer.json": _json(config),
    }
    for start in range(0, len(docs), SNIPPET_GROUP):
        files[snippet_path(start // SNIPPET_GROUP)] = _json([doc["text"] or "" for doc in docs[start:start + SNIPPET_GROUP]])
    return files


def snippet_path(group: int) -> str:
    """Where the snippet texts of documents group*SNIPPET_GROUP ... are (search-page.js builds the same path)."""
    return f"{SEARCH_DIR}/snippets/{group}.json"
