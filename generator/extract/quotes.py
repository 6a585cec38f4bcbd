"""Quotes: what actors said, from direct quotations and reported speech.

Reported speech is a reporting verb (قال، أكد، أوضح ...) with a speaker
after it, followed by إن/أن and the words; a direct quotation is text in
quotation marks in such a sentence.  The speaker is the knowledge-base
actor named nearest after the verb; "مصدر أمريكي" gives the state, an
unnamed speaker gives ``speaker: null`` with the words that name it.
"""
from __future__ import annotations

import re

from ..arabic import normalize
from ..records import Quote
from .text import Sentence

REPORTING_VERBS = [normalize(v) for v in (
    "قال", "قالت", "يقول", "تقول", "أكد", "أكدت", "يؤكد", "أوضح", "أوضحت", "أضاف", "أضافت", "وأضاف", "أشار",
    "أشارت", "صرح", "صرّح", "صرحت", "أعلن", "أعلنت", "شدد", "شددت", "لفت", "لفتت", "كشف", "كشفت", "تابع", "تابعت",
    "حذر", "حذّر", "حذرت", "اعتبر", "اعتبرت", "وصف", "وصفت", "أعرب", "أعربت", "نفى", "نفت", "طالب", "طالبت",
)]
_QUOTED = re.compile(r"[\"“«]([^\"”»]{8,400})[\"”»]")
_THAT = re.compile(r"(?<!\w)(?:إن|أن|إنه|أنه|إنها|أنها|بأن|بأنه)(?!\w)")
SPEAKER_WINDOW = 8  # tokens after the verb in which the speaker is named


def find_quotes(sentences: list[Sentence], speakers: list[tuple[int, int, int, str]]) -> list[Quote]:
    by_sentence: dict[int, list[tuple[int, int, str]]] = {}
    for index, start, end, actor in speakers:
        by_sentence.setdefault(index, []).append((start, end, actor))
    quotes = []
    for index, sentence in enumerate(sentences):
        verb_at = next((i for i, t in enumerate(sentence.tokens[:12]) if _strip_wa(t) in REPORTING_VERBS), None)
        if verb_at is None:
            continue
        verb = sentence.words(verb_at, verb_at + 1)
        named = [(s, e, a) for s, e, a in by_sentence.get(index, []) if verb_at < s <= verb_at + SPEAKER_WINDOW]
        speaker = named[0][2] if named else None
        speaker_text = sentence.words(named[0][0], named[0][1]) if named else _unnamed(sentence, verb_at)
        direct = _QUOTED.search(sentence.text)
        if direct:
            quotes.append(Quote(speaker, speaker_text, direct.group(1).strip(), verb, True))
            continue
        verb_end = sentence.spans[verb_at][1]
        that = _THAT.search(sentence.text, verb_end)
        if that:
            words = sentence.text[that.end():].strip(" ،,:.")
            if len(words.split()) >= 4:
                quotes.append(Quote(speaker, speaker_text, words, verb, False))
    return quotes


def _strip_wa(token: str) -> str:
    return token[1:] if token[:1] in ("و", "ف") and token[1:] in REPORTING_VERBS else token


def _unnamed(sentence: Sentence, verb_at: int) -> str:
    end = min(len(sentence.tokens), verb_at + 4)
    return sentence.words(verb_at + 1, end) if end > verb_at + 1 else ""
