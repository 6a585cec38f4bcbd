"""Figures: the numbers an article states, what they count, and who says so.

A figure is a number (digits, or a number word such as ثلاثة، يومين،
أسبوع) with a counted noun nearby (قتيل، مصاب، رهينة، شاحنة ...) or a
verb that says what happened to the people counted (استشهد، اختطف).
"ألف" and "مليون" are multiplied out, a range gives its upper bound,
a duration next to a truce is counted in days.  Clock times, dates, years,
counters and phone numbers are not figures.
"""
from __future__ import annotations

import re

from ..arabic import fold_digits, normalize
from ..records import Figure
from .text import Sentence

# What is counted, by the noun after the number (normalised stems, matched as prefixes after clitics).
KIND_NOUNS = {
    "killed": "قتيل قتلي قتلا شهيد شهدا ضحيه ضحايا جثه جثث",
    "injured": "مصاب جريح جرحي اصابه اصابات",
    "hostages": "رهينه رهاين رهاءن محتجز مختطف",
    "prisoners": "اسير اسري اسرا معتقل سجين سجنا",
    "trucks": "شاحنه شاحنات",
    "displaced": "نازح نازحين مهجر",
    "missing": "مفقود",
}
# What is counted, by the verb or noun of the sentence when the noun is generic ("34 ألف شخص").
KIND_VERBS = {
    "killed": "استشهد استشهاد قتل مقتل مصرع سقوط حصيله الشهدا الضحايا ارتقي",
    "injured": "اصيب اصابه جرح",
    "hostages": "اختطف خطف احتجز اسر",
    "displaced": "نزح نزوح تهجير شرد",
    "missing": "فقد",
}
GENERIC_NOUNS = "شخص اشخاص فلسطيني فلسطينيا مدني مدنيا طفل اطفال امراه نسا مواطن اسراءيلي اسراءيليا فرد"
TRUCE_WORDS = "هدنه وقف تهدءه"
QUALIFIERS = ["ما لا يقل عن", "ما يزيد عن", "ما يزيد على", "أكثر من", "اكثر من", "أقل من", "قرابة", "نحو",
              "حوالي", "زهاء", "ما يقارب", "قرابه", "حوالى", "أزيد من"]
MULTIPLIERS = {"الف": 1_000, "الاف": 1_000, "ألف": 1_000, "آلاف": 1_000, "مليون": 1_000_000, "ملايين": 1_000_000,
               "مليار": 1_000_000_000}
NUMBER_WORDS = {
    "واحد": 1, "اثنان": 2, "اثنين": 2, "ثلاث": 3, "ثلاثه": 3, "اربع": 4, "اربعه": 4, "خمس": 5, "خمسه": 5,
    "ست": 6, "سته": 6, "سبع": 7, "سبعه": 7, "ثماني": 8, "ثمانيه": 8, "تسع": 9, "تسعه": 9, "عشر": 10, "عشره": 10,
    "عشرين": 20, "ثلاثين": 30, "اربعين": 40, "خمسين": 50, "ستين": 60, "مءه": 100, "ماءه": 100, "مءتين": 200,
}
DURATIONS = {"يومين": 2, "اسبوع": 7, "اسبوعين": 14, "شهر": 30, "شهرين": 60}
DAY_UNITS = {"يوم": 1, "يوما": 1, "ايام": 1, "اسبوع": 7, "اسابيع": 7, "شهر": 30, "اشهر": 30, "شهور": 30}

_NUMBER = re.compile(r"(?<![\d:/.,])(\d{1,3}(?:,\d{3})+|\d+(?:[.٫]\d+)?)(?![\d:/]|[.,]\d)")
_WORD = re.compile(r"[\u0621-\u064a0-9%]+")


def _words(text: str) -> set[str]:
    return set(normalize(text).split())


def find_figures(sentences: list[Sentence], attributions) -> list[Figure]:
    figures: list[Figure] = []
    seen: set[tuple[str, float]] = set()
    for index, sentence in enumerate(sentences):
        text = fold_digits(sentence.text)
        for start, end, value in _numbers(text):
            after = _norm_words(text[end:end + 40])[:3]
            before_text = text[max(0, start - 40):start]
            kind, end = _kind(text, after, end, sentence)
            if kind is None:
                continue
            # "60 يومًا" in a sentence about a truce is a truce length in days.
            if kind == "truce-days":
                unit = next((DAY_UNITS[w] for w in after[:1] if w in DAY_UNITS), 1)
                value *= unit
            qualifier = next((q for q in QUALIFIERS if normalize(before_text).rstrip().endswith(normalize(q))), None)
            q_start = start - len(q) - 1 if qualifier and (q := qualifier) else start
            words = sentence.text[max(0, q_start):end].strip()
            key = (kind, float(value))
            if key in seen:
                continue
            seen.add(key)
            figures.append(Figure(kind, _plain(value), words, qualifier, attributions(index)))
        for word, days in DURATIONS.items():
            for m in re.finditer(rf"(?<!\w)(?:ل?مد[ةه]\s+|ل)?{word}(?!\w)", normalize(sentence.text)):
                if _mentions(sentence.text, TRUCE_WORDS) and ("truce-days", float(days)) not in seen:
                    seen.add(("truce-days", float(days)))
                    figures.append(Figure("truce-days", days, _original(sentence.text, word), None, None))
    return figures


def _numbers(text: str):
    """(start, end, value) for every number, multiplier applied; years, times and dates left out."""
    from ..dates import find_dates

    dates = [(d.start, d.end) for d in find_dates(text)]
    for m in _NUMBER.finditer(text):
        if any(s <= m.start() < e for s, e in dates):
            continue
        raw = m.group(1).replace(",", "").replace("٫", ".")
        value = float(raw)
        if raw.isdigit() and len(raw) == 4 and 1900 <= value <= 2100 and not text[m.end():m.end() + 8].strip().startswith(("ألف", "شخص")):
            continue  # a year
        if len(raw) >= 8 and "." not in raw:
            continue  # a phone number or an identifier
        end = m.end()
        following = _WORD.findall(normalize(text[end:end + 12]))
        if following and following[0] in {normalize(k) for k in MULTIPLIERS}:
            value *= MULTIPLIERS[next(k for k in MULTIPLIERS if normalize(k) == following[0])]
            end = end + normalize(text[end:end + 12]).find(following[0]) + len(following[0])
            end = min(end, len(text))
        yield m.start(), end, value


def _norm_words(text: str) -> list[str]:
    return _WORD.findall(normalize(text))


def _kind(text: str, after: list[str], end: int, sentence: Sentence) -> tuple[str | None, int]:
    if after and (after[0] == "%" or after[0] in ("بالمءه", "بالماءه")) or text[end:end + 2].strip().startswith("%"):
        return "other", end + 1
    for word in after[:2]:
        for kind, nouns in KIND_NOUNS.items():
            if any(_stem_match(word, noun) for noun in nouns.split()):
                return kind, end
        if word in DAY_UNITS and _mentions(sentence.text, TRUCE_WORDS):
            return "truce-days", end
    if after and any(_stem_match(after[0], g) for g in GENERIC_NOUNS.split()):
        for kind, verbs in KIND_VERBS.items():
            if _mentions(sentence.text, verbs):
                return kind, end
    if after and after[0] in ("نسمه", "ساكن"):
        return "other", end
    return None, end


def _stem_match(word: str, stem: str) -> bool:
    for variant in (word, word[1:] if word[:1] in "وفبلك" else word, word[2:] if word.startswith("ال") else word):
        if variant.startswith(stem) and len(variant) - len(stem) <= 3:
            return True
    return False


def _mentions(text: str, words: str) -> bool:
    tokens = normalize(text).split()
    return any(_stem_match(t, w) for t in tokens for w in words.split())


def _original(text: str, normalized_word: str) -> str:
    for token in text.split():
        if normalize(token).strip("،.") .endswith(normalized_word):
            return token.strip("،.")
    return normalized_word


def _plain(value: float) -> int | float:
    return int(value) if float(value).is_integer() else value
