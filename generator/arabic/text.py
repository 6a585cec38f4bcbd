"""Arabic text: letters, marks, digits, normalisation, folding, clitics, sentences and tokens.

Everything the generator knows about how Arabic is written, in one place: extractors,
dates and the knowledge base call these functions and never define a letter, a clitic
or a sentence end of their own.  The browser reads the same tables (text_tables, in
analyzer.json).
"""
from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass

# An Arabic letter: hamza to ghain, fa to ya, and the extended letters (ٱ to ۓ) of Persian,
# Urdu and Quranic spellings; not tatweel, marks or digits.  The body of a regex character
# class: every "is this an Arabic letter?" in the generator, and in the browser through
# analyzer.json, is this one.
ARABIC_LETTERS = "\u0621-\u063a\u0641-\u064a\u0671-\u06d3"
# Harakat, Quranic annotation marks and the superscript alef: they change
# pronunciation, never the identity of a word in news text.
_DIACRITIC_CLASS = "\u0610-\u061a\u064b-\u065f\u0670\u06d6-\u06dc\u06df-\u06e8\u06ea-\u06ed"
_TATWEEL = "\u0640"
# Bidi marks and overrides (RLM, LRM, the Arabic letter mark U+061C), zero-width characters,
# the BOM and the soft hyphen: invisible, but they split words in two if left in place.
_INVISIBLE_CLASS = "\u200b-\u200f\u202a-\u202e\u2060-\u2069\ufeff\u061c\u00ad"
# What a reader never sees in a word: removed before matching, never replaced by anything.
_UNSEEN = re.compile(f"[{_DIACRITIC_CLASS}{_TATWEEL}{_INVISIBLE_CLASS}]")
# Marks that belong to the letter before them: a quoted span runs on over them.
_MARKS = re.compile(f"[{_DIACRITIC_CLASS}{_TATWEEL}]+")

_LETTER_MAP = str.maketrans({
    "أ": "ا", "إ": "ا", "آ": "ا", "ٱ": "ا", "ٲ": "ا", "ٳ": "ا",
    "ى": "ي", "ی": "ي", "ې": "ي",  # alef maqsura, Persian and Pashto ya
    "ة": "ه",
    "ؤ": "ء", "ئ": "ء",  # so that مسؤول and مسئول meet
    "ک": "ك", "ڪ": "ك",  # Persian kaf
    "\u00a0": " ", "\u2007": " ", "\u202f": " ",
})
_SPACES = str.maketrans({"\u00a0": " ", "\u2007": " ", "\u202f": " "})
# Arabic-Indic and Persian digits, each in the order of its ASCII twin.
ARABIC_DIGITS = "٠١٢٣٤٥٦٧٨٩"
PERSIAN_DIGITS = "۰۱۲۳۴۵۶۷۸۹"
_DIGITS = str.maketrans(ARABIC_DIGITS + PERSIAN_DIGITS, "0123456789" * 2)
_FOLD = {**_DIGITS, **_SPACES}
_NORMAL = {**_LETTER_MAP, **_DIGITS}   # letters and digits in one pass


def fold_digits(text: str) -> str:
    """Arabic-Indic and Persian digits to ASCII digits, nothing else."""
    return text.translate(_DIGITS)


@dataclass(frozen=True)
class Folded:
    """A text with what a reader never sees taken out, and the way back to the original.

    ``text`` is ``original`` without diacritics, tatweel and invisible controls (RLM, LRM,
    ALM, zero-width characters), with ASCII digits and plain spaces; letters stay as written,
    so a pattern may still tell أ from ا.  A match found in ``text`` quotes the original
    words through :meth:`span`.
    """
    original: str
    text: str
    positions: tuple[int, ...] | None   # where each character of text stood; None: nothing was removed

    def span(self, start: int, end: int) -> tuple[int, int]:
        """The original span of ``text[start:end]``, with the marks written on its last letter."""
        if self.positions is None:
            return start, end
        if start >= end:
            at = self.positions[start] if start < len(self.positions) else len(self.original)
            return at, at
        last = self.positions[end - 1] + 1
        marks = _MARKS.match(self.original, last)
        return self.positions[start], marks.end() if marks else last

    def words(self, start: int, end: int) -> str:
        """The original words of ``text[start:end]``."""
        first, last = self.span(start, end)
        return self.original[first:last]


def fold(text: str) -> Folded:
    """``text`` with diacritics, tatweel, bidi marks and other invisibles removed and digits
    made ASCII, keeping where each character came from (see :class:`Folded`)."""
    folded = _UNSEEN.sub("", text)
    positions = None
    if len(folded) != len(text):
        kept: list[int] = []
        start = 0
        for m in _UNSEEN.finditer(text):   # one character each
            kept.extend(range(start, m.start()))
            start = m.end()
        kept.extend(range(start, len(text)))
        positions = tuple(kept)
    return Folded(text, folded.translate(_FOLD), positions)


def loose_pattern(word: str) -> str:
    """A regex for ``word`` in folded text: any letter that normalises alike (أ إ آ ا, ى ي,
    ة ه, ؤ ئ ء, ک ك) and any run of spaces between its words."""
    out = []
    for ch in word:
        same = _SAME_LETTER.get(ch.translate(_LETTER_MAP))
        if ch == " ":
            out.append(r"\s+")
        elif same:
            out.append(f"[{same}]")
        else:
            out.append(re.escape(ch))
    return "".join(out)


def normalize(text: str) -> str:
    """The matching form of a text: same length-insensitive letters a reader sees as equal.

    Presentation forms are unfolded (NFKC), diacritics, tatweel and invisible
    controls removed, alef/hamza/ya/ta-marbuta variants merged, digits made
    ASCII and Latin lower-cased.  Word boundaries are preserved.
    """
    text = unicodedata.normalize("NFKC", text)
    text = _UNSEEN.sub("", text)
    text = text.translate(_NORMAL)
    return text.lower()


# Each normalised letter with every letter that normalises to it: "ا" -> "اأإآٱٲٳ".
_SAME_LETTER: dict[str, str] = {}
for _letter, _norm in _LETTER_MAP.items():
    if chr(_letter).isalpha():
        _SAME_LETTER[_norm] = _SAME_LETTER.get(_norm, _norm) + chr(_letter)


# --- clitics ------------------------------------------------------------------
# A word may carry a conjunction (و ف), then a preposition (ب ل ك), then the article ال:
# وبالقاهرة.  لل is ل + ال with the article's alef dropped (للقاهرة = ل + القاهرة).
CONJUNCTIONS = ("و", "ف")
PREPOSITIONS = ("ب", "ل", "ك")
ARTICLE = "ال"
_CLITIC_LETTERS = frozenset(CONJUNCTIONS + PREPOSITIONS)


def clitic_variants(token: str, min_stem: int = 3, prepositions: bool = True) -> list[str]:
    """A normalised token as written, then without its proclitics, each reading keeping
    more than ``min_stem`` letters: وحماس -> حماس, للقاهره -> القاهره, وبغزه -> بغزه, غزه.

    ``prepositions=False`` removes the conjunction only (وقال -> قال, but بذكر stays whole).
    """
    if token[:1] not in _CLITIC_LETTERS or len(token) <= min_stem:
        return [token]   # most tokens: nothing to strip (the matcher asks for every token)
    out = [token]
    rest = token
    if rest[:1] in CONJUNCTIONS and len(rest) > min_stem:
        rest = rest[1:]
        out.append(rest)
    if prepositions:
        if rest.startswith("لل") and len(rest) > min_stem + 1:
            out.append(ARTICLE + rest[2:])
        if rest[:1] in PREPOSITIONS and len(rest) > min_stem:
            out.append(rest[1:])
    return out


def known_form(token: str, words, min_stem: int = 3, prepositions: bool = True) -> str | None:
    """The first reading of ``token`` (as written, then without clitics) that is one of ``words``."""
    return next((v for v in clitic_variants(token, min_stem, prepositions) if v in words), None)


def strip_article(token: str) -> str:
    """الاسرايليه -> اسرايليه; a short word keeps its ال (الله, الا)."""
    return token[len(ARTICLE):] if token.startswith(ARTICLE) and len(token) > 4 else token


def is_definite(token: str) -> bool:
    """Carries the article, behind any clitics: الوزير, بالقاهره, للجنه, وللجيش."""
    return any(v.startswith(ARTICLE) for v in clitic_variants(token, min_stem=1))


# --- sentences ------------------------------------------------------------------
# A sentence ends at . ! ? ؟ or the Urdu full stop ۔ (with its closing quotation mark) when a
# space or the end of the text follows: never inside numbers (2.2 مليون) or abbreviations
# written without a space.  ".." and "..." join a headline's parts ("رسميا.. حماس توافق"):
# they end no sentence.
_SENTENCE_END = re.compile(r"(?<!\.)[.!?؟۔](?!\.)[\"'”»]?(?=\s|$)")


def sentence_spans(text: str) -> list[tuple[int, int]]:
    """(start, end) of each sentence of ``text``, without the spaces around it."""
    spans = []
    start = 0
    for end in [m.end() for m in _SENTENCE_END.finditer(text)] + [len(text)]:
        piece = text[start:end]
        if piece.strip():
            lead = len(piece) - len(piece.lstrip())
            spans.append((start + lead, start + len(piece.rstrip())))
        start = end
    return spans


# After normalisation a token is a run of Arabic letters, Latin letters or
# digits; everything else (punctuation, the Arabic comma, hashtag
# underscores) separates tokens.  The JavaScript analyser uses the same class.
# U+00F7 (÷) sits among the Latin-1 letters and is left out: "10÷2" is not a word.
_TOKEN_EXTRA = "0-9a-z\u00df-\u00f6\u00f8-\u00ff"   # ASCII digits, Latin letters after lower-casing
_TOKEN = re.compile(f"[{_TOKEN_EXTRA}{ARABIC_LETTERS}]+")
# In raw text a word is a run of letters, digits, combining marks, tatweel
# and invisible joiners: the span that normalisation turns into tokens.
_RAW_WORD = re.compile(rf"(?:[^\W_]|[{_DIACRITIC_CLASS}\u06d6-\u06ed{_TATWEEL}{_INVISIBLE_CLASS}])+")


def tokenize(text: str) -> list[str]:
    """Normalised word tokens of ``text``, in order."""
    return _TOKEN.findall(normalize(text))


def word_spans(text: str) -> list[tuple[str, int, int]]:
    """Normalised tokens with the (start, end) of the raw words they came from.

    Lets the extractor match names on normalised tokens and still quote the
    original words (with their diacritics and hamzas) as evidence.
    """
    spans = []
    for m in _RAW_WORD.finditer(text):
        for token in _TOKEN.findall(normalize(m.group())):
            spans.append((token, m.start(), m.end()))
    return spans


_ARABIC_RUN = re.compile(f"[{ARABIC_LETTERS}]+")


def is_arabic_word(token: str) -> bool:
    """Arabic letters only (a normalised token: no marks left)."""
    return _ARABIC_RUN.fullmatch(token) is not None


def text_tables() -> dict:
    """The letter, mark, digit and clitic tables of this module, as analyzer.json's "text"
    section: the browser's normalize() and tokenize() are built from it, so the two read
    text alike.  tests/test_arabic_layer.py fails, printing the section, when they part."""
    return {
        "letters": ARABIC_LETTERS,
        "token_extra": _TOKEN_EXTRA,
        "unseen": _UNSEEN.pattern[1:-1],
        "letter_map": {chr(k): v for k, v in _LETTER_MAP.items()},
        "digits": {"from": ARABIC_DIGITS + PERSIAN_DIGITS, "to": "0123456789" * 2},
        "conjunctions": list(CONJUNCTIONS),
        "prepositions": list(PREPOSITIONS),
        "article": ARTICLE,
    }


_LETTER = re.compile(r"[^\W\d_]")
_ARABIC_LETTER = re.compile("[\u0620-\u064a\u066e-\u06d3\u06fa-\u06ff\u0750-\u077f\u08a0-\u08ff\ufb50-\ufdff\ufe70-\ufefc]")


def arabic_share(text: str) -> float:
    """The share of the text's letters that are Arabic letters (0.0 when it has no letter at all)."""
    letters = len(_LETTER.findall(text))
    return len(_ARABIC_LETTER.findall(text)) / letters if letters else 0.0
