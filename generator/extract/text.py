"""An article analysed once: sentences and their tokens, the unit every extractor looks at."""
from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from ..arabic import sentence_spans, word_spans

if TYPE_CHECKING:
    from ..kb import Hit, Matcher

# "دبي، الإمارات العربية المتحدة (CNN)— ", "غزة (رويترز) - ", "القدس - (أ ف ب) - ", "غزة - ":
# where the story was filed from, not something it is about.
_DATELINE = re.compile(
    r"^\s*(?P<place>[^\s().:؛!؟\"«»]+(?:[ ،,]+[^\s().:؛!؟\"«»]+){0,5})\s*[-–—]*\s*"
    r"\((?P<agency>[^()]{1,30})\)\s*[-–—:]*\s*"
    r"|^\s*(?P<city>[^\s().:،,؛!؟\"«»\-–—]+(?: [^\s().:،,؛!؟\"«»\-–—]+){0,2})\s+[-–—]{1,2}\s+")


@dataclass(frozen=True)
class Sentence:
    text: str
    tokens: list[str]                       # normalised
    spans: list[tuple[int, int]]            # where each token stands in text
    _names: dict = field(default_factory=dict, compare=False, repr=False)

    def words(self, start: int, end: int) -> str:
        """The original words of tokens[start:end]."""
        return self.text[self.spans[start][0]:self.spans[end - 1][1]]

    def names(self, matcher: Matcher) -> list[Hit]:
        """The knowledge-base names and titles in the tokens (``matcher.find``), found once:
        entities and outlet both read them."""
        hits = self._names.get(matcher)
        if hits is None:
            hits = self._names[matcher] = matcher.find(self.tokens)
        return hits


@dataclass(frozen=True)
class AnalysedText:
    """One article analysed once, read by every extractor: its cleaned paragraphs split into
    sentences, each with normalised tokens and the spans of the original words they came from."""
    story: list[Sentence]       # the body, without the dateline
    title: list[Sentence]       # the headline ([] without one)
    dateline: list[Sentence]    # "واشنطن، 9 تشرين الأول 2025 (أ ف ب) -" ([] without one)
    word_count: int             # words in the cleaned body


def analyse(paragraphs: list[str], title: str = "", is_place=lambda words: False) -> AnalysedText:
    """Split and tokenise an article's cleaned ``paragraphs`` and ``title``, once.

    ``is_place(words)`` tells a dateline's place (see :func:`dateline_length`).
    """
    story = without_dateline(paragraphs, is_place)
    dateline = paragraphs[0][: len(paragraphs[0]) - len(story[0])] if story and story[0] != paragraphs[0] else ""
    sentences = split_sentences(story)
    # A title taken from the lead is the story's first sentence (its full stop dropped): the same
    # words, so the same Sentence, matched once.
    same = {tuple(s.tokens): s for s in sentences}
    headline = [same.get(tuple(s.tokens), s) for s in split_sentences([title])] if title else []
    return AnalysedText(story=sentences, title=headline, dateline=split_sentences([dateline]) if dateline else [],
                        word_count=sum(len(p.split()) for p in paragraphs))


def dateline_length(paragraph: str, is_place=lambda words: False) -> int:
    """How many characters of ``paragraph`` are a dateline (0 when it has none).

    ``is_place(words)`` says whether the words open with a known place: needed
    unless a Latin agency name stands in the brackets ("(CNN)"), so that
    "أعلنت حركة حماس - في بيان" or "قال مسؤول (مصري)" are not taken for datelines.
    """
    m = _DATELINE.match(paragraph)
    if not m:
        return 0
    agency = m.group("agency")
    if agency is not None and re.fullmatch(r"[A-Za-z][A-Za-z .&-]{0,24}", agency.strip()):
        return m.end()
    if agency is not None and len(agency.split()) > 3:
        return 0
    return m.end() if is_place(m.group("place") or m.group("city")) else 0


def without_dateline(paragraphs: list[str], is_place=lambda words: False) -> list[str]:
    """The paragraphs with the first one's dateline cut off, for finding what the story is about."""
    if not paragraphs:
        return paragraphs
    cut = dateline_length(paragraphs[0], is_place)
    return [paragraphs[0][cut:], *paragraphs[1:]] if cut else paragraphs


def split_sentences(paragraphs: list[str]) -> list[Sentence]:
    out = []
    for paragraph in paragraphs:
        for start, end in sentence_spans(paragraph):
            piece = paragraph[start:end]
            if piece:
                spans = word_spans(piece)
                out.append(Sentence(piece, [t for t, _, _ in spans], [(s, e) for _, s, e in spans]))
    return out
