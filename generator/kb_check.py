"""``dossier kb-check``: how often each knowledge-base alias matches a folder of articles.

An alias that is an ordinary Arabic word («المنصة» "the platform", «الشروق»
"sunrise") makes every article holding that word name the entry.  The check
counts, for every alias of every actor, place and outlet (and office title;
topic keywords with ``--keywords``), the articles and the times it matches,
exactly as extraction matches it (same tokens, same clitics, longest match
first), and lists the commonest with a sentence where it matched, so that a
contributor sees at a glance which aliases are words rather than names.
"""
from __future__ import annotations

from collections import Counter
from dataclasses import dataclass
from pathlib import Path

from .arabic import tokenize
from .clean import clean
from .extract.text import Sentence, split_sentences
from .ingest import InputError, discover, read_article
from .kb import DEFAULT_KB_DIR, NOT_A_TOPIC, KnowledgeBase, clitic_variants, load


@dataclass(frozen=True)
class AliasUse:
    target: str       # entry id, "office:<id>" or a topic id
    kind: str         # actor, place, media, office or topic
    alias: str        # as written in the knowledge base
    articles: int     # articles where it matched at least once
    hits: int         # matches in all
    sample: str       # the first sentence (in file order) where it matched
    sample_file: str


@dataclass(frozen=True)
class KbCheck:
    articles: int                 # articles read
    unreadable: list[str]         # "file: problem"
    uses: list[AliasUse]          # commonest first (articles, then hits, then alias)


def check_aliases(sources: list[Path], kb_dir: Path = DEFAULT_KB_DIR, keywords: bool = False) -> KbCheck:
    kb = load(kb_dir)
    aliases = _alias_table(kb, keywords)
    articles: Counter[tuple[str, tuple[str, ...]]] = Counter()
    hits: Counter[tuple[str, tuple[str, ...]]] = Counter()
    samples: dict[tuple[str, tuple[str, ...]], tuple[str, str]] = {}
    read, unreadable = 0, []
    found = discover(sources)
    unreadable.extend(f"{problem.path}: {problem.problem}" for problem in found.problems)
    for path in found.articles:
        try:
            raw = read_article(path)
        except InputError as err:
            unreadable.append(f"{path}: {err.problem}")
            continue
        read += 1
        seen: set[tuple[str, tuple[str, ...]]] = set()
        cleaned = clean(raw.text)
        lines = ([cleaned.title] if cleaned.title and cleaned.title_source == "headline" else []) + list(cleaned.paragraphs)
        for sentence in split_sentences(lines):
            for key in _matched(kb, sentence, aliases, keywords):
                hits[key] += 1
                seen.add(key)
                samples.setdefault(key, (_marked(sentence, key), str(path)))
        articles.update(seen)
    uses = [AliasUse(target, aliases[(target, key)][1], aliases[(target, key)][0], articles[(target, key)],
                     hits[(target, key)], *samples[(target, key)]) for target, key in hits]
    uses.sort(key=lambda u: (-u.articles, -u.hits, u.alias, u.target))
    return KbCheck(read, unreadable, uses)


def _alias_table(kb: KnowledgeBase, keywords: bool) -> dict[tuple[str, tuple[str, ...]], tuple[str, str]]:
    """(target, tokens) -> (alias as written, kind), for every name the matcher knows."""
    table: dict[tuple[str, tuple[str, ...]], tuple[str, str]] = {}

    def add(target: str, alias: str, kind: str) -> None:
        key = tuple(tokenize(alias))
        if key:
            table.setdefault((target, key), (alias, kind))

    for entry in kb.entries.values():
        if entry.kind == "topic":
            if keywords:
                for keyword in entry.keywords:
                    add(entry.id, keyword, "topic")
            continue
        for name in (entry.name_ar, *entry.aliases, *entry.english_aliases, entry.name_en, *entry.institutions):
            add(entry.id, name, entry.kind)
    for office in kb.offices:
        for title in office.titles:
            add("office:" + office.id, title, "office")
    return table


def _matched(kb: KnowledgeBase, sentence: Sentence, aliases, keywords: bool):
    """The (target, alias tokens) of every match in the sentence, as extraction finds them."""
    hits = kb.matcher.find(sentence.tokens)
    if keywords:
        hits += [h for h in kb.matcher.find_keywords(sentence.tokens) if h.target != NOT_A_TOPIC]
    for hit in hits:
        tail = tuple(sentence.tokens[hit.start + 1:hit.end])
        for first in clitic_variants(sentence.tokens[hit.start]):
            key = (first, *tail)
            if (hit.target, key) in aliases:
                yield hit.target, key
                break


def _marked(sentence: Sentence, key: tuple[str, tuple[str, ...]]) -> str:
    """The sentence with the matched words in «», cut to a readable length around them."""
    tail = key[1][1:]
    for start in range(len(sentence.tokens)):
        end = start + 1 + len(tail)
        if tuple(sentence.tokens[start + 1:end]) == tail and key[1][0] in clitic_variants(sentence.tokens[start]):
            left, right = sentence.spans[start][0], sentence.spans[end - 1][1]
            text = sentence.text
            before = text[max(0, left - 80):left]
            after = text[right:right + 80]
            return f"{'…' if left > 80 else ''}{before}«{text[left:right]}»{after}{'…' if right + 80 < len(text) else ''}"
    return sentence.text[:200]
