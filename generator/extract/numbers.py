"""Reading numbers as Arabic news writes them: digits, number words, multipliers.

``56500``, ``2,830``, ``3.6``, ``٣٤ ألف``, ``ثلاثة``, ``خمسة وعشرين``,
``اثنا عشر``, ``ألفي`` (2,000), ``مليونا`` (2,000,000), ``2 مليون و300 ألف``,
``67 ألفا و173`` (67,173), ``مليونا و899 ألفا و291`` (1,899,291), ``ربع مليون``.
Vague plurals (عشرات، مئات، آلاف، ملايين on their own) are not numbers, nor
are ordinals (الثامنة، السابعة عشرة).  What a number counts is decided in
``figures.py``; this module only reads values and keeps where they stand.
"""
from __future__ import annotations

import re
from dataclasses import dataclass

from ..arabic import ARABIC_LETTERS, CONJUNCTIONS, PREPOSITIONS, clitic_variants, fold, normalize

# A number in digits: thousands separated by , or ٬ or a decimal part.  "17,00"
# (a clock time in AFP style) has two digits after the comma and is left whole.
# Some sites group thousands with dots ("1.899.291"); a single dotted group ("169.780") is
# read as thousands too unless a multiplier or % follows (see _number_at).
_DIGITS = r"\d{1,3}(?:[,٬]\d{3})+(?!\d)|\d{1,3}(?:\.\d{3}){2,}(?!\d)|\d+(?:[.٫,]\d+)?"
_ARABIC = f"[{ARABIC_LETTERS}]+"
# One clitic (و ف ب ل ك) may stick to a number written in digits: "و85", "بـ120" (read folded:
# the tatweel is gone). Some sites bracket each part of a toll: "(68) ألفا و(234) شهيدا".
_CLITICS = "".join(CONJUNCTIONS + PREPOSITIONS)
_SCAN = re.compile(rf"(?P<clitic>[{_CLITICS}])?\(?(?P<num>{_DIGITS})|(?P<word>{_ARABIC})|(?P<pct>[%٪])")

UNITS = {
    "واحد": 1, "واحده": 1,
    "اثنان": 2, "اثنين": 2, "اثنتان": 2, "اثنتين": 2, "اثنا": 2, "اثني": 2, "اثنتا": 2, "اثنتي": 2,
    "ثلاث": 3, "ثلاثه": 3, "اربع": 4, "اربعه": 4, "خمس": 5, "خمسه": 5, "ست": 6, "سته": 6,
    "سبع": 7, "سبعه": 7, "ثمان": 8, "ثماني": 8, "ثمانيه": 8, "تسع": 9, "تسعه": 9,
}
TEN = {"عشر": 10, "عشره": 10}
TENS = {stem + end: value for stem, value in (
    ("عشر", 20), ("ثلاث", 30), ("اربع", 40), ("خمس", 50), ("ست", 60), ("سبع", 70), ("ثمان", 80), ("تسع", 90),
) for end in ("ون", "ين")}
HUNDREDS = {"مءه": 100, "ماءه": 100, "مءتان": 200, "مءتين": 200, "ماءتان": 200, "ماءتين": 200, "مءتا": 200, "مءتي": 200}
for _stem, _value in (("ثلاث", 3), ("اربع", 4), ("خمس", 5), ("ست", 6), ("سبع", 7), ("ثمان", 8), ("تسع", 9)):
    HUNDREDS[_stem + "مءه"] = HUNDREDS[_stem + "ماءه"] = _value * 100
# Multipliers after a number ("34 ألف", "ثلاثة آلاف", "3 مليارات").
MULTIPLIERS = {"الف": 1_000, "الفا": 1_000, "الاف": 1_000, "مليون": 10**6, "مليونا": 10**6, "ملايين": 10**6,
               "مليار": 10**9, "مليارا": 10**9, "مليارات": 10**9}
# The same words standing alone: singular means one, dual means two; plurals are vague.
# "مليونا" before a noun is the dual ("مليونا نازح", two million); before "و<number>" it is
# one million in the accusative ("مليونا و899 ألفا"): _number_at tells them apart.
ALONE = {"الف": 1_000, "الفي": 2_000, "الفان": 2_000, "الفين": 2_000, "مليون": 10**6, "مليونا": 2 * 10**6,
         "مليوني": 2 * 10**6, "مليونان": 2 * 10**6, "مليونين": 2 * 10**6, "مليار": 10**9, "مليارا": 2 * 10**9,
         "ملياري": 2 * 10**9}
# "ربع مليون" (250,000), "نصف المليون"; also as a tail: "21 مليونا ونصف المليون".
FRACTIONS = {"ربع": 0.25, "نصف": 0.5}
ORDINALS = {"حادي", "ثاني", "ثالث", "رابع", "خامس", "سادس", "سابع", "ثامن", "تاسع", "عاشر"}
# "واحد" and "اثنين" usually follow what they count ("جندي إسرائيلي واحد", "فلسطينيين اثنين").
POSTPOSED = {"واحد", "واحده", "اثنان", "اثنين", "اثنتان", "اثنتين"}


@dataclass(frozen=True)
class Word:
    norm: str          # normalised form ("" for a number written in digits)
    start: int         # offsets in the text, for quoting the exact words
    end: int
    value: float | None = None   # a number written in digits
    percent: bool = False
    clitic: str = ""             # a letter stuck to a number in digits ("و300")
    grouped: float | None = None # "169.780" read as thousands (169780), where that reading is kept


@dataclass(frozen=True)
class Number:
    first: int         # index of the first word of the number
    last: int          # index of the last word (inclusive)
    value: float
    postposed: bool = False      # "واحد"/"اثنين" after the noun they count
    multiplied: bool = False     # ended in ألف/مليون/مليار


def scan(text: str) -> list[Word]:
    """The words of ``text``, numbers in digits read as values, "%" as its own word."""
    # Read with marks, tatweel and bidi controls out and ASCII digits ("٣٠\u200f ألفـاً" is
    # "30 ألفا"); each word's offsets are those of its original words, for quoting them.
    folded = fold(text)
    words = []
    for m in _SCAN.finditer(folded.text):
        if m.group("num"):
            raw = m.group("num").replace("٬", ",").replace("٫", ".")
            grouped = None
            if re.fullmatch(r"\d{1,3}(?:,\d{3})+|\d{1,3}(?:\.\d{3}){2,}", raw):
                raw = raw.replace(",", "").replace(".", "")
            else:
                raw = raw.replace(",", ".")
                if re.fullmatch(r"[1-9]\d{0,2}\.\d{3}", raw):
                    grouped = float(raw.replace(".", ""))
            try:
                value = float(raw)
            except ValueError:
                continue
            words.append(Word("", *folded.span(m.start("num"), m.end("num")), value,
                              clitic=(m.group("clitic") or "")[:1], grouped=grouped))
        elif m.group("pct"):
            words.append(Word("%", *folded.span(m.start(), m.end()), percent=True))
        else:
            words.append(Word(normalize(m.group("word")), *folded.span(m.start(), m.end())))
    return words


def strip_clitic(token: str) -> str:
    """وثلاثه -> ثلاثه, لثلاثه -> ثلاثه, وبست -> ست (only when what is left is a number word)."""
    return next((v for v in clitic_variants(token, min_stem=1)[1:] if _is_number_word(v)), token)


def _is_number_word(token: str) -> bool:
    return token in UNITS or token in TEN or token in TENS or token in HUNDREDS or token in ALONE


def read_numbers(words: list[Word]) -> list[Number]:
    """Every number in ``words``, left to right, compound forms read as one."""
    numbers: list[Number] = []
    i = 0
    while i < len(words):
        found = _number_at(words, i)
        if found is None:
            i += 1
            continue
        numbers.append(found)
        i = found.last + 1
    return numbers


def _number_at(words: list[Word], i: int) -> Number | None:
    w = words[i]
    following = words[i + 1] if i + 1 < len(words) else None
    if w.value is not None:
        value, last = w.value, i
        if w.grouped is not None and not (following and (following.percent or following.norm in MULTIPLIERS)):
            value = w.grouped   # "169.780 مصابا": a count of people has no fraction
    else:
        token = strip_clitic(w.norm)
        if token in FRACTIONS and following and _bare_multiplier(following.norm):
            unit = MULTIPLIERS[_bare_multiplier(following.norm)]
            return Number(i, i + 1, FRACTIONS[token] * unit, multiplied=True)   # "ربع مليون"
        if token in ALONE:
            # The unit the word is made of: a singular is its own unit, a dual twice it.
            value, unit = ALONE[token], MULTIPLIERS.get(token) or ALONE[token] / 2
            if token.endswith("ا") and _tail_part(words, i + 1) is not None:
                value = unit            # "مليونا و899 ألفا": one million, more follows
            value, last = _compound_tail(words, i, value, unit)
            return Number(i, last, value, multiplied=True)
        if token in POSTPOSED:
            return Number(i, i, UNITS[token], postposed=True)
        teen = token in ("احد", "احدي") and i + 1 < len(words) and words[i + 1].norm in TEN
        if not (_is_number_word(token) or teen) or _after_ordinal(words, i):
            return None
        value, last = _read_words(words, i)
        if value is None:
            return None
    # "34 ألف", "ثلاثة آلاف", "2 مليون و300 ألف"
    multiplied = False
    if last + 1 < len(words) and words[last + 1].norm in MULTIPLIERS:
        unit = MULTIPLIERS[words[last + 1].norm]
        value *= unit
        last += 1
        multiplied = True
        value, last = _compound_tail(words, last, value, unit)
    return Number(i, last, value, multiplied=multiplied)


def _read_words(words: list[Word], i: int) -> tuple[float | None, int]:
    """A number written in words from words[i]: "ثلاثه"، "ثلاثه عشر"، "خمسه وعشرين"، "ثلاث مءه"."""
    first = strip_clitic(words[i].norm)
    following = words[i + 1].norm if i + 1 < len(words) else ""
    if following in TEN and (first in UNITS or first in ("احد", "احدي")):
        return 10 + UNITS.get(first, 1), i + 1          # teens: "اثنا عشر", "ثلاثه عشر"
    if following in ("مءه", "ماءه") and first in UNITS:
        value, last = UNITS[first] * 100, i + 1         # "ثلاث مءه"
    else:
        value = UNITS.get(first) or TEN.get(first) or TENS.get(first) or HUNDREDS.get(first)
        if value is None or first in ("احد", "احدي"):   # "أحد عناصر" is "one of", not a count
            return None, i
        last = i
    # Joined with و: units before tens ("خمسه وعشرين"), smaller parts after hundreds ("مءه وخمسه").
    j = last + 1
    while j < len(words) and words[j].norm.startswith("و"):
        part_token = words[j].norm[1:]
        part = TENS.get(part_token) or UNITS.get(part_token) or HUNDREDS.get(part_token)
        if part is None or part_token in POSTPOSED:
            break
        if not ((value < 10 and part in TENS.values()) or (value % 100 == 0 and part < 100)):
            break
        value += part
        last = j
        j += 1
    return value, last


def _bare_multiplier(token: str) -> str | None:
    """"مليون" or "المليون" -> "مليون": the multiplier a fraction applies to."""
    for candidate in (token, token[2:] if token.startswith("ال") else token):
        if candidate in MULTIPLIERS:
            return candidate
    return None


def _tail_part(words: list[Word], j: int) -> tuple[float, int] | None:
    """The number joined with و at words[j]: "و300", "وخمسمءه"; (value, last index)."""
    if j >= len(words):
        return None
    w = words[j]
    if w.value is not None:
        return (w.value, j) if w.clitic == "و" else None
    if not w.norm.startswith("و") or strip_clitic(w.norm) == w.norm:
        return None
    value, last = _read_words(words, j)
    return (value, last) if value is not None else None


def _compound_tail(words: list[Word], last: int, value: float, unit: float) -> tuple[float, int]:
    """Smaller parts joined with و after a multiplied number: "2 مليون و300 ألف",
    "67 ألفا و173", "مليونين و881 ألفا و687", "21 مليونا ونصف المليون"."""
    while last + 1 < len(words):
        j = last + 1
        word = words[j].norm
        if word[:1] == "و" and word[1:] in FRACTIONS:
            # "ونصف المليون": half of the unit just named.
            value += FRACTIONS[word[1:]] * unit
            last = j + 1 if j + 1 < len(words) and _bare_multiplier(words[j + 1].norm) else j
            break
        part = _tail_part(words, j)
        if part is None:
            break
        amount, part_last = float(part[0]), part[1]
        if part_last + 1 < len(words) and words[part_last + 1].norm in MULTIPLIERS:
            smaller = MULTIPLIERS[words[part_last + 1].norm]
            if smaller >= unit or amount * smaller >= unit:
                break
            value, unit, last = value + amount * smaller, smaller, part_last + 1
            continue
        if amount.is_integer() and amount < unit and unit >= 1000:
            value, last = value + amount, part_last   # the units after the thousands
        break
    return value, last


def _after_ordinal(words: list[Word], i: int) -> bool:
    """"السابعه عشره": عشره completes an ordinal there, it is not ten."""
    if strip_clitic(words[i].norm) not in TEN or i == 0:
        return False
    prev = words[i - 1].norm
    prev = prev[2:] if prev.startswith("ال") else prev
    return prev.rstrip("ه") in ORDINALS or prev.rstrip("ه").rstrip("ي") + "ي" in ORDINALS
