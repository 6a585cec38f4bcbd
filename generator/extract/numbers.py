"""Reading numbers as Arabic news writes them: digits, number words, multipliers.

``56500``, ``2,830``, ``3.6``, ``٣٤ ألف``, ``ثلاثة``, ``خمسة وعشرين``,
``اثنا عشر``, ``ألفي`` (2,000), ``مليونا`` (2,000,000), ``2 مليون و300 ألف``.
Vague plurals (عشرات، مئات، آلاف، ملايين on their own) are not numbers, nor
are ordinals (الثامنة، السابعة عشرة).  What a number counts is decided in
``figures.py``; this module only reads values and keeps where they stand.
"""
from __future__ import annotations

import re
from dataclasses import dataclass

from ..arabic import fold_digits, normalize

# A number in digits: thousands separated by , or ٬ or a decimal part.  "17,00"
# (a clock time in AFP style) has two digits after the comma and is left whole.
_DIGITS = r"\d{1,3}(?:[,٬]\d{3})+(?!\d)|\d+(?:[.٫,]\d+)?"
_ARABIC = r"[\u0621-\u063a\u0641-\u064a\u064b-\u065f\u0670\u0640\u0671-\u06d3]+"
# One clitic (و ب ل ف ك) may stick to a number written in digits: "و85", "بـ120".
_SCAN = re.compile(rf"(?P<clitic>[وبلفك]ـ?)?(?P<num>{_DIGITS})|(?P<word>{_ARABIC})|(?P<pct>[%٪])")

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
ALONE = {"الف": 1_000, "الفي": 2_000, "الفان": 2_000, "الفين": 2_000, "مليون": 10**6, "مليونا": 2 * 10**6,
         "مليوني": 2 * 10**6, "مليونان": 2 * 10**6, "مليونين": 2 * 10**6, "مليار": 10**9, "مليارا": 2 * 10**9,
         "ملياري": 2 * 10**9}
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


@dataclass(frozen=True)
class Number:
    first: int         # index of the first word of the number
    last: int          # index of the last word (inclusive)
    value: float
    postposed: bool = False      # "واحد"/"اثنين" after the noun they count
    multiplied: bool = False     # ended in ألف/مليون/مليار


def scan(text: str) -> list[Word]:
    """The words of ``text``, numbers in digits read as values, "%" as its own word."""
    folded = fold_digits(text)   # same length as text: offsets stay valid
    words = []
    for m in _SCAN.finditer(folded):
        if m.group("num"):
            raw = m.group("num").replace("٬", ",").replace("٫", ".")
            raw = raw.replace(",", "") if re.fullmatch(r"\d{1,3}(?:,\d{3})+", raw) else raw.replace(",", ".")
            try:
                value = float(raw)
            except ValueError:
                continue
            words.append(Word("", m.start("num"), m.end("num"), value, clitic=(m.group("clitic") or "")[:1]))
        elif m.group("pct"):
            words.append(Word("%", m.start(), m.end(), percent=True))
        else:
            words.append(Word(normalize(m.group("word")), m.start(), m.end()))
    return words


def strip_clitic(token: str) -> str:
    """وثلاثه -> ثلاثه, لثلاثه -> ثلاثه (only when what is left is a number word)."""
    if token[:1] in "وبلفك" and _is_number_word(token[1:]):
        return token[1:]
    if token[:2] in ("وب", "ول", "فل") and _is_number_word(token[2:]):
        return token[2:]
    return token


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
    if w.value is not None:
        value, last = w.value, i
    else:
        token = strip_clitic(w.norm)
        if token in ALONE:
            return Number(i, i, ALONE[token], multiplied=True)
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
        value *= MULTIPLIERS[words[last + 1].norm]
        last += 1
        multiplied = True
        tail = _compound_tail(words, last, value)
        if tail:
            value, last = tail
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


def _compound_tail(words: list[Word], last: int, value: float) -> tuple[float, int] | None:
    """"2 مليون و300 ألف": a smaller multiplied number joined with و."""
    j = last + 1
    if j + 1 < len(words) and words[j].clitic == "و" and words[j + 1].norm in MULTIPLIERS:
        added = words[j].value * MULTIPLIERS[words[j + 1].norm]
        if added < value:
            return value + added, j + 1
    return None


def _after_ordinal(words: list[Word], i: int) -> bool:
    """"السابعه عشره": عشره completes an ordinal there, it is not ten."""
    if strip_clitic(words[i].norm) not in TEN or i == 0:
        return False
    prev = words[i - 1].norm
    prev = prev[2:] if prev.startswith("ال") else prev
    return prev.rstrip("ه") in ORDINALS or prev.rstrip("ه").rstrip("ي") + "ي" in ORDINALS
