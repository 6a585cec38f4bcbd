"""Quotes: what actors said, from direct quotations and reported speech.

Reported speech is a reporting verb (قال، أكد، أوضح ...), a speaker, then
إن/أن and the words; a direct quotation is text in quotation marks after
such a verb.  The speaker is the knowledge-base actor named between the verb
and the words (a person before an organisation: "مستشار المكتب السياسي لحركة
حماس طاهر النونو" is al-Nunu); a surname alone names a person already met
("وقال عبد العاطي"); "المصدر" and an implicit subject ("وأضاف أن") continue
the previous speaker; "مصدر أمريكي" gives the state; an unnamed speaker
("مسؤول مطلع") gives ``speaker: null`` with the words that name it.
"""
from __future__ import annotations

import re

from ..arabic import known_form, normalize, tokenize
from ..records import Quote
from .text import Sentence

REPORTING_VERBS = {normalize(v) for v in (
    "قال", "قالت", "يقول", "تقول", "أكد", "أكدت", "يؤكد", "تؤكد", "أوضح", "أوضحت", "أضاف", "أضافت", "أشار",
    "أشارت", "صرح", "صرّح", "صرحت", "أعلن", "أعلنت", "شدد", "شددت", "لفت", "لفتت", "كشف", "كشفت", "تابع", "تابعت",
    "حذر", "حذّر", "حذرت", "اعتبر", "اعتبرت", "وصف", "وصفت", "أعرب", "أعربت", "نفى", "نفت", "طالب", "طالبت",
    "أفاد", "أفادت", "ذكر", "ذكرت", "رأى", "رأت", "زعم", "زعمت", "اعترف", "اعترفت",
)}  # not نقل/نقلت: "نقلت رويترز عن مسؤول" names a medium, and the speaker after عن
# Words that open an unnamed speaker ("مسؤول مطلع", "مصادر أمنية"): otherwise the subject is implicit.
SPEAKER_NOUNS = set(tokenize(
    "مصدر مصادر المصدر المصادر مسؤول مسؤولون مسؤولين المسؤول المسؤولون مسئول مسئولون المسئول المسئولون "
    "متحدث المتحدث الناطق ناطق قيادي القيادي وزير الوزير رئيس الرئيس مستشار المستشار سفير السفير مبعوث "
    "المبعوث دبلوماسي الدبلوماسي شهود الشهود خبير الخبير محلل المحلل بيان البيان عضو مدير مسؤولو "
    "صحفي الصحفي الكاتب مراسل المراسل ناشط الناشط الصحيفة الوكالة القناة الموقع التقرير"
))
# "المصدر", "المسؤول": the source already quoted.
BACK_REFERENCES = set(tokenize("المصدر المصادر المسؤول المسؤولون المسئول المسئولون المسؤولين المسئولين"))
PREPOSITIONS = set(tokenize("إلى الى على في عن من ل لـ مع خلال عبر أمام"))
# Three words at least: shorter quoted bits are names ("رويترز") or scare quotes.
_QUOTED = re.compile(r"[\"“«]((?:[^\"“”«»\s]+\s+){2,}[^\"“”«»]{1,400}?)[\"”»]")
_THAT = {normalize(w) for w in ("إن", "أن", "إنه", "أنه", "إنها", "أنها", "بأن", "بأنه", "بأنها", "إنهم", "أنهم")}
VERB_WINDOW = 20      # tokens between the verb and the words
MIN_WORDS = 4


def find_quotes(sentences: list[Sentence], speakers: list[tuple[int, int, int, str]],
                people: dict[str, tuple[str, ...]] | None = None) -> list[Quote]:
    """``speakers``: (sentence, start, end, actor) mentions; ``people``: person id -> name tokens."""
    by_sentence: dict[int, list[tuple[int, int, str]]] = {}
    for index, start, end, actor in speakers:
        by_sentence.setdefault(index, []).append((start, end, actor))
    surnames = _surnames(people or {})
    quotes: list[Quote] = []
    last: Quote | None = None
    last_index = -10
    for index, sentence in enumerate(sentences):
        tokens = [_strip_conjunction(t) for t in sentence.tokens]
        verb_at = next((i for i, t in enumerate(tokens[:VERB_WINDOW]) if t in REPORTING_VERBS), None)
        if verb_at is None:
            continue
        words, direct, stop = _words(sentence, verb_at)
        if words is None:
            continue
        # "كشف الوزير عن اتفاق، في وقت قال نتنياهو إن ...": the words belong to the last verb before them.
        verb_at = max(i for i in range(verb_at, stop) if tokens[i] in REPORTING_VERBS)
        named = [(s, e, a) for s, e, a in by_sentence.get(index, []) if verb_at < s < stop]
        people_named = [m for m in named if (people or {}).get(m[2])]
        choice = (people_named or named or [None])[0]
        if choice:
            speaker, speaker_text = choice[2], sentence.words(choice[0], choice[1])
        else:
            speaker, speaker_text = _unnamed(sentence, tokens, verb_at, stop, surnames)
            recent = last is not None and index - last_index <= 3
            if speaker is None and recent and (not speaker_text or tokens[verb_at + 1] in BACK_REFERENCES):
                speaker, speaker_text = last.speaker, speaker_text or last.speaker_text   # "وأضاف أن", "ولفت المصدر"
        quote = Quote(speaker, speaker_text, words, sentence.words(verb_at, verb_at + 1), direct)
        quotes.append(quote)
        last, last_index = quote, index
    return quotes


def _strip_conjunction(token: str) -> str:
    return known_form(token, REPORTING_VERBS, prepositions=False) or token


def _words(sentence: Sentence, verb_at: int) -> tuple[str | None, bool, int]:
    """(what was said, in quotation marks?, token index where it starts)."""
    verb_end = sentence.spans[verb_at][1]
    limit = sentence.spans[min(len(sentence.tokens) - 1, verb_at + VERB_WINDOW)][1]
    quoted = _QUOTED.search(sentence.text, verb_end)
    that = next((i for i in range(verb_at + 1, min(len(sentence.tokens), verb_at + VERB_WINDOW))
                 if sentence.tokens[i] in _THAT), None)
    if quoted and quoted.start() <= limit and (that is None or quoted.start() <= sentence.spans[that][0] + 2):
        stop = next((i for i, (s, _) in enumerate(sentence.spans) if s >= quoted.start()), len(sentence.tokens))
        return quoted.group(1).strip(), True, stop
    if that is not None:
        text = sentence.text[sentence.spans[that][1]:].strip(" ،,:.")
        opening = _QUOTED.match(text)
        if opening:   # "أكد ... أن "الوقت الحالي ..."": reported with its own words
            return opening.group(1).strip(), True, that
        if len(text.split()) >= MIN_WORDS:
            return text, False, that
    return None, False, 0


def _unnamed(sentence: Sentence, tokens: list[str], verb_at: int, stop: int, surnames) -> tuple[str | None, str]:
    """(person id by surname or None, the words naming the speaker) for a speaker not in the knowledge base."""
    span = tokens[verb_at + 1:stop]
    for length in (2, 1):
        if tuple(span[:length]) in surnames:
            return surnames[tuple(span[:length])], sentence.words(verb_at + 1, verb_at + 1 + length)
    if not span or known_form(span[0], SPEAKER_NOUNS) is None:
        return None, ""   # the subject is implicit in the verb ("وأضاف أن", "ووصف ... بأنها")
    end = verb_at + 1
    while end < stop and end - verb_at <= 5 and tokens[end] not in PREPOSITIONS \
            and not sentence.text[sentence.spans[end - 1][1]:sentence.spans[end][0]].strip(" "):
        end += 1
    return None, sentence.words(verb_at + 1, end)


def _surnames(people: dict[str, tuple[str, ...]]) -> dict[tuple[str, ...], str]:
    """The last one or two words of each person's name: "عبد العاطي", "النونو"."""
    out: dict[tuple[str, ...], str] = {}
    for person, tokens in people.items():
        if len(tokens) >= 2:
            out.setdefault(tuple(tokens[-1:]), person) if len(tokens[-1]) > 3 else None
            out.setdefault(tuple(tokens[-2:]), person)
    return out
