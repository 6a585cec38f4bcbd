"""Extract: from a decoded article to an :class:`Article` record.

One pure function of the article and the knowledge base, stage by stage:
clean -> title -> date -> outlet and author -> actors, places, media ->
topics -> figures -> quotes -> curator's overrides.
"""
from __future__ import annotations

from ..arabic import tokenize
from ..clean import clean
from ..kb import KnowledgeBase
from ..records import Article, Mention, RawArticle
from ..urls import slug_words
from ..schema import BY_NAME, CURATABLE
from .dating import find_publication_date
from .entities import assign_topics, find_entities
from .figures import find_figures
from .quotes import find_quotes
from .sources import find_author, find_outlet
from .text import split_sentences, without_dateline

ATTRIBUTION_WORDS = set(tokenize("وفق وفقا بحسب حسب حسبما طبقا لـ نقلا"))


def extract(raw: RawArticle, kb: KnowledgeBase) -> Article:
    cleaned = clean(raw.text, slug_words(raw.sidecar.get("url") or raw.manifest.get("url")))
    title, title_source = cleaned.title or "", cleaned.title_source
    if raw.manifest.get("title") and title_source != "headline":
        title, title_source = raw.manifest["title"], "manifest"
    date, page_date = find_publication_date(raw, cleaned)

    story = without_dateline(cleaned.paragraphs, lambda words: _opens_with_place(words, kb))
    sentences = split_sentences(story)
    outlet, outlet_id, outlet_source = find_outlet(raw, cleaned, sentences, kb)
    author, author_source = find_author(raw, cleaned, kb, outlet_id)

    found = find_entities(sentences, kb, date.value)
    title_found = find_entities(split_sentences([title]), kb, date.value) if title else None
    figures = find_figures(sentences, lambda index: _attribution(sentences[index], index, found))
    topics = assign_topics(found, kb, title_found.topic_hits if title_found else {},
                           sum(len(p.split()) for p in cleaned.paragraphs))
    for bucket in ("actors", "places", "media"):
        # A name only in the headline still counts, with the headline as its sentence.
        if title_found:
            for key, mention in getattr(title_found, bucket).items():
                getattr(found, bucket).setdefault(key, mention)
    if story and cleaned.paragraphs and story[0] != cleaned.paragraphs[0]:
        # "واشنطن، 9 تشرين الأول 2025 (أ ف ب) -": the place is not an actor, but the agency
        # that filed the story is a source the article cites.
        dateline = cleaned.paragraphs[0][: len(cleaned.paragraphs[0]) - len(story[0])]
        for key, mention in find_entities(split_sentences([dateline]), kb, date.value).media.items():
            found.media.setdefault(key, mention)
    found.media.pop(outlet_id or "", None)   # the publisher is not something it cites
    found.actors.pop(outlet_id or "", None)

    article = Article(
        id="",
        source_name=raw.name,
        source_sha256=raw.sha256,
        encoding=raw.encoding,
        title=title,
        title_source=title_source,
        date=date,
        page_date=page_date,
        outlet=outlet,
        outlet_id=outlet_id,
        outlet_source=outlet_source,
        author=author,
        author_source=author_source,
        url=raw.sidecar.get("url") or raw.manifest.get("url") or None,
        notes=raw.sidecar.get("notes"),
        paragraphs=cleaned.paragraphs,
        actors=list(found.actors.values()),
        places=list(found.places.values()),
        cited_media=list(found.media.values()),
        topics=topics,
        figures=figures,
        quotes=find_quotes(sentences, found.speakers, _people(found.actors, kb)),
        word_count=sum(len(p.split()) for p in cleaned.paragraphs),
    )
    apply_sidecar(article, raw, kb)
    article.id = raw.sidecar.get("id") or article_id(article.date.value, raw.sha256)
    return article


def _people(actors, kb: KnowledgeBase) -> dict[str, tuple[str, ...]]:
    """The people the article names, with their names as tokens (for surnames standing alone)."""
    return {a: tuple(tokenize(kb.entries[a].name_ar)) for a in actors if kb.entries[a].type == "person"}


def _opens_with_place(words: str, kb: KnowledgeBase) -> bool:
    hits = kb.matcher.find(tokenize(words))
    return bool(hits) and hits[0].start == 0 and kb.entries.get(hits[0].target) is not None and (
        kb.entries[hits[0].target].kind == "place" or kb.entries[hits[0].target].type == "state")


def _attribution(sentence, index: int, found) -> str | None:
    """Who gives a figure: the actor named right after an attribution word ("وفق وزارة الصحة",
    "بحسب المسؤول المصري"; mentions include states named by adjective)."""
    named = sorted((start, actor) for i, start, _, actor in found.speakers if i == index)
    for i, token in enumerate(sentence.tokens):
        if token in ATTRIBUTION_WORDS:
            after = [actor for start, actor in named if i < start <= i + 4]
            if after:
                return after[0]
    return None


def article_id(date: str | None, sha256: str) -> str:
    """ASCII, stable for the same bytes, unique: the date (or "undated") and a short content hash."""
    return f"{date or 'undated'}-{sha256[:8]}"


def apply_sidecar(article: Article, raw: RawArticle, kb: KnowledgeBase) -> None:
    """A curator's sidecar wins over extraction; the page records which fields it set."""
    sidecar = raw.sidecar
    for name in sorted(set(sidecar) & CURATABLE):
        # An empty text field (`title:` not filled in yet) overrides nothing; an empty date or
        # list does: no date, no topics.
        if sidecar[name] is not None or BY_NAME[name].kind != "str":
            article.curated.append(name)
    if sidecar.get("title"):
        article.title, article.title_source = sidecar["title"], "sidecar"
    for name in ("actors", "places", "cited_media"):
        if name in sidecar:
            mentions = []
            for entry_id in sidecar[name] or []:
                if entry_id not in kb.entries:
                    raise ValueError(f"sidecar lists unknown {name} id '{entry_id}'")
                mentions.append(Mention(entry_id, "", ""))
            setattr(article, name, mentions)
    if "topics" in sidecar:
        unknown = [t for t in sidecar["topics"] or [] if t not in {e.id for e in kb.topics}]
        if unknown:
            raise ValueError(f"sidecar lists unknown topic(s): {', '.join(unknown)}")
        article.topics = list(sidecar["topics"] or [])
