"""Sentences and their tokens: the unit every extractor looks at."""
from __future__ import annotations

import re
from dataclasses import dataclass

from ..arabic import word_spans

# Split after . ! ? ؟ and the Arabic full stop when a space follows; never
# inside numbers (2.2 مليون) or abbreviations without a following space.
_SENTENCE_END = re.compile(r"(?<=[.!?؟۔])[\"'”»]?\s+")


@dataclass(frozen=True)
class Sentence:
    text: str
    tokens: list[str]                       # normalised
    spans: list[tuple[int, int]]            # where each token stands in text

    def words(self, start: int, end: int) -> str:
        """The original words of tokens[start:end]."""
        return self.text[self.spans[start][0]:self.spans[end - 1][1]]


def split_sentences(paragraphs: list[str]) -> list[Sentence]:
    out = []
    for paragraph in paragraphs:
        for piece in _SENTENCE_END.split(paragraph):
            piece = piece.strip()
            if piece:
                spans = word_spans(piece)
                out.append(Sentence(piece, [t for t, _, _ in spans], [(s, e) for _, s, e in spans]))
    return out
