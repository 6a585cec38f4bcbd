"""Arabic text normalisation, tokenisation and light stemming.

This module is the single owner of "what counts as the same Arabic word".
Extraction (knowledge-base matching) uses :func:`normalize` and
:func:`tokenize`; the search index uses :func:`analyze`.  The browser runs
a JavaScript port of :func:`analyze` (``theme_overrides/assets/javascripts/
arabic-analyzer.js``); both are checked against one file of test vectors
(``tests/data/analyzer_vectors.json``) so that index and query stay in step.
"""
from __future__ import annotations

import functools
import json
import re
import unicodedata
from pathlib import Path

# Harakat, Quranic annotation marks and the superscript alef: they change
# pronunciation, never the identity of a word in news text.
_DIACRITICS = re.compile("[\u0610-\u061a\u064b-\u065f\u0670\u06d6-\u06dc\u06df-\u06e8\u06ea-\u06ed]")
_TATWEEL = "\u0640"
# Bidi marks and overrides, zero-width characters, the BOM and the Arabic
# letter mark: invisible, but they split words in two if left in place.
_INVISIBLE = re.compile("[\u200b-\u200f\u202a-\u202e\u2060-\u2069\ufeff\u061c\u00ad]")

_LETTER_MAP = str.maketrans({
    "أ": "ا", "إ": "ا", "آ": "ا", "ٱ": "ا", "ٲ": "ا", "ٳ": "ا",
    "ى": "ي", "ی": "ي", "ې": "ي",  # alef maqsura, Persian and Pashto ya
    "ة": "ه",
    "ؤ": "ء", "ئ": "ء",  # so that مسؤول and مسئول meet
    "ک": "ك", "ڪ": "ك",  # Persian kaf
    "\u00a0": " ", "\u2007": " ", "\u202f": " ",
})
_DIGITS = str.maketrans("٠١٢٣٤٥٦٧٨٩۰۱۲۳۴۵۶۷۸۹", "01234567890123456789")


def fold_digits(text: str) -> str:
    """Arabic-Indic and Persian digits to ASCII digits, nothing else."""
    return text.translate(_DIGITS)


def strip_invisible(text: str) -> str:
    return _INVISIBLE.sub("", text)


def normalize(text: str) -> str:
    """The matching form of a text: same length-insensitive letters a reader sees as equal.

    Presentation forms are unfolded (NFKC), diacritics, tatweel and invisible
    controls removed, alef/hamza/ya/ta-marbuta variants merged, digits made
    ASCII and Latin lower-cased.  Word boundaries are preserved.
    """
    text = unicodedata.normalize("NFKC", text)
    text = _INVISIBLE.sub("", text)
    text = _DIACRITICS.sub("", text).replace(_TATWEEL, "")
    text = text.translate(_LETTER_MAP).translate(_DIGITS)
    return text.lower()


# After normalisation a token is a run of Arabic letters, Latin letters or
# digits; everything else (punctuation, the Arabic comma, hashtag
# underscores) separates tokens.  The JavaScript analyser uses the same class.
_TOKEN = re.compile(r"[0-9a-z\u00df-\u00ff\u0621-\u063a\u0641-\u064a\u0671-\u06d3]+")
# In raw text a word is a run of letters, digits, combining marks, tatweel
# and invisible joiners: the span that normalisation turns into tokens.
_RAW_WORD = re.compile(r"(?:[^\W_]|[\u0610-\u061a\u064b-\u065f\u0670\u06d6-\u06ed\u0640\u200b-\u200f\u202a-\u202e\u2060-\u2069\ufeff\u061c\u00ad])+")


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



# ---------------------------------------------------------------------------
# Light stemming and the search analyser
#
# The tables live in data/analyzer.json, read by this module and by the
# JavaScript port alike; every rule below has a twin there, in the same
# order.  Change one, change both, and run the test vectors.
# ---------------------------------------------------------------------------

ANALYZER_DATA = Path(__file__).parent / "data" / "analyzer.json"

# A token the stemmer may touch: Arabic letters only.
_ARABIC_RUN = re.compile(r"[\u0621-\u063a\u0641-\u064a\u0671-\u06d3]+")
# Inside one token, a run of Arabic letters or a run of anything else
# (Latin letters, digits): "لcnn" (from لـCNN), "و2017", "1436ه" are two words.
_SCRIPT_RUN = re.compile(r"[\u0621-\u063a\u0641-\u064a\u0671-\u06d3]+|[^\u0621-\u063a\u0641-\u064a\u0671-\u06d3]+")
_ARTICLE = "ال"
_WAW = "و"
_YA = "ي"
_TA = "ت"
_TA_MARBUTA = "ه"  # ة after normalisation
_PLURAL_AT = "ات"


def _longest_first(forms) -> list[str]:
    """Normalised, longest first so that وال is tried before و (equal lengths never both match)."""
    return sorted({normalize(f) for f in forms}, key=lambda f: (-len(f), f))


class Analyzer:
    """Light stemmer and search analyser built from one analyzer.json configuration."""

    def __init__(self, config: dict):
        self.config = config
        self.min_stem = config["min_stem"]
        # Article groups (ال، وال، بال، لل ...) are stripped from any word.
        self.proclitics = _longest_first(config["proclitics"])
        # و ف ب ل ك and their pairs are stripped only in front of a known
        # name: as first letters of ordinary words they are far too common
        # (بريطانيا، لقاء، كتاب، فلسطين، وزير).
        self.name_proclitics = _longest_first(config["proclitics"] + config["name_proclitics"])
        self.suffix_slots = [
            (slot["min_stem"], _longest_first(slot["forms"]), slot.get("restore_ta_marbuta", False))
            for slot in config["suffixes"]
        ]
        self.waw_min_stem = config["waw"]["min_stem"]
        self.waw_stems = {normalize(s) for s in config["waw"]["stems"]}
        self.stopwords = {normalize(s) for s in config["stopwords"]}
        # Known words -> the term they stem to.  Names, and the few common
        # words whose ending only looks like a suffix (مليون، قانون).
        self.known: dict[str, str] = {}
        for entry in config["protected"] + config["keep"]:
            self.add_known(entry)

    def add_known(self, word: str) -> None:
        """Never suffix-strip ``word``; with or without the article it stems to one term.

        "القاهرة" and "قاهرة" both give "قاهره", so that بالقاهرة, للقاهرة and
        القاهرة meet.  Call it for knowledge-base names, and ship the same
        list to the browser.
        """
        form = normalize(word).strip()
        if not _ARABIC_RUN.fullmatch(form):
            return  # several words, or not Arabic: a one-token lookup cannot use it
        term = form
        if form.startswith(_ARTICLE) and len(form) - len(_ARTICLE) >= self.min_stem:
            term = form[len(_ARTICLE):]
        self.known.setdefault(form, term)
        self.known.setdefault(term, term)

    # -- stemming -----------------------------------------------------------

    def _strip_suffixes(self, word: str) -> tuple[str, bool]:
        """(stem, known): strip at most one suffix per slot, outermost slot first.

        Stops as soon as the word is a known word.
        """
        if word in self.known:
            return self.known[word], True
        for min_stem, forms, restore_ta in self.suffix_slots:
            for suffix in forms:
                if word.endswith(suffix) and len(word) - len(suffix) >= min_stem:
                    word = word[: -len(suffix)]
                    # حكومتها -> حكومت -> حكومه: a pronoun turns ة into ت;
                    # turned back, the next slot treats it like حكومة.
                    if restore_ta and word.endswith(_TA) and not word.endswith(_PLURAL_AT):
                        word = word[:-1] + _TA_MARBUTA
                    if word in self.known:
                        return self.known[word], True
                    break
        # The nisba ي makes an adjective of a name (فلسطيني، الأمريكي،
        # السوري، السعودي).  Stripped only when that leads back to a name:
        # on common words it merges too much (عملية/عمل, دولي/دول).
        if word.endswith(_YA):
            for candidate in (word[:-1], word[:-1] + "ا", word + "ا", word + _TA_MARBUTA):
                if candidate in self.known:
                    return self.known[candidate], True
        return word, False

    def stem(self, token: str) -> str:
        """Light stem of one normalised token; anything but Arabic letters is returned as is."""
        if not _ARABIC_RUN.fullmatch(token):
            return token
        # 1. A known word, bare or behind any clitic group, is its own term.
        stem, known = self._strip_suffixes(token)
        if known:
            return stem
        for clitic in self.name_proclitics:
            if token.startswith(clitic) and len(token) > len(clitic):
                term, known = self._strip_suffixes(token[len(clitic):])
                if known:
                    return term
        # 2. One article group, never below the floor; then once more a bare
        # ال, because التزام and الكتروني start with ال themselves (they are
        # stemmed to تزام and كتروني, so الالتزام must be too).
        word = token
        for clitic in self.proclitics:
            if word.startswith(clitic) and len(word) - len(clitic) >= self.min_stem:
                word = word[len(clitic):]
                if word.startswith(_ARTICLE) and len(word) - len(_ARTICLE) >= self.min_stem:
                    word = word[len(_ARTICLE):]
                return self._strip_suffixes(word)[0]
        # 3. A bare و is a conjunction, or the first letter of وزير، وكالة،
        # وصول (which keep it after the article: الوزير).  Strip it only
        # when the word is long enough to hold a conjunction and a word of
        # its own, and is not a listed و-word (وزراء، وسائل).
        if token.startswith(_WAW) and stem not in self.waw_stems and len(stem) - 1 >= self.waw_min_stem:
            return self._strip_suffixes(token[1:])[0]
        return stem

    def is_stopword(self, token: str) -> bool:
        # و and ف glue onto stop words too (وفي، ومن، فإن).
        return token in self.stopwords or (token[:1] in ("و", "ف") and token[1:] in self.stopwords)

    def terms(self, token: str) -> list[str]:
        """Search terms of one token from tokenize(): zero, one, or one per script run."""
        terms = []
        for word in _SCRIPT_RUN.findall(token):
            arabic = _ARABIC_RUN.fullmatch(word) is not None
            # A lone Arabic letter is a detached clitic (لـ المنصة) or an
            # abbreviation (هـ، م): never a useful search term.
            if arabic and len(word) < 2:
                continue
            if self.is_stopword(word):
                continue
            terms.append(self.stem(word) if arabic else word)
        return terms

    def analyze(self, text: str) -> list[str]:
        """Search terms of ``text``, in order: tokenize, split scripts, drop stop words, stem."""
        return [term for token in tokenize(text) for term in self.terms(token)]


def load_config(path: Path | str = ANALYZER_DATA) -> dict:
    with open(path, encoding="utf-8") as f:
        return json.load(f)


@functools.cache
def default_analyzer() -> Analyzer:
    """The analyser with the shipped tables, read on first use.

    Lazy, so that extraction, which needs only normalize(), never depends
    on the search tables being readable.
    """
    return Analyzer(load_config())


def stem(token: str) -> str:
    """Light stem of one normalised token, with the default tables."""
    return default_analyzer().stem(token)


def analyze(text: str) -> list[str]:
    """Search terms of ``text``, with the default tables (what the browser does to a query)."""
    return default_analyzer().analyze(text)
