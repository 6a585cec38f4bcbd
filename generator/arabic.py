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


_LETTER = re.compile(r"[^\W\d_]")
_ARABIC_LETTER = re.compile("[\u0620-\u064a\u066e-\u06d3\u06fa-\u06ff\u0750-\u077f\u08a0-\u08ff\ufb50-\ufdff\ufe70-\ufefc]")


def arabic_share(text: str) -> float:
    """The share of the text's letters that are Arabic letters (0.0 when it has no letter at all)."""
    letters = len(_LETTER.findall(text))
    return len(_ARABIC_LETTER.findall(text)) / letters if letters else 0.0


# After normalisation a token is a run of Arabic letters, Latin letters or
# digits; everything else (punctuation, the Arabic comma, hashtag
# underscores) separates tokens.  The JavaScript analyser uses the same class.
# U+00F7 (÷) sits among the Latin-1 letters and is left out: "10÷2" is not a word.
_TOKEN = re.compile(r"[0-9a-z\u00df-\u00f6\u00f8-\u00ff\u0621-\u063a\u0641-\u064a\u0671-\u06d3]+")
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
# JavaScript port (theme_overrides/assets/javascripts/arabic-analyzer.js),
# where every rule below has a twin, in the same order.  Change one, change
# both, and run the vectors: pytest tests/test_arabic.py tests/test_arabic_js.py
# ---------------------------------------------------------------------------

ANALYZER_DATA = Path(__file__).parent / "data" / "analyzer.json"

# A token the stemmer may touch: Arabic letters only.
_ARABIC_RUN = re.compile(r"[\u0621-\u063a\u0641-\u064a\u0671-\u06d3]+")
# Inside one token, a run of Arabic letters or a run of anything else
# (Latin letters, digits): "لcnn" (from لـCNN), "و2017", "1436ه" are two words.
_SCRIPT_RUN = re.compile(r"[\u0621-\u063a\u0641-\u064a\u0671-\u06d3]+|[^\u0621-\u063a\u0641-\u064a\u0671-\u06d3]+")
_ARTICLE = "ال"
_LAM = "ل"
_TA = "ت"
_TA_MARBUTA = "ه"  # ة after normalisation
_PLURAL_AT = "ات"


def _longest_first(forms) -> list[str]:
    """Normalised, longest first, so that وال is tried before و.

    Two forms of equal length never both match one word, so the order among
    them does not matter.
    """
    return sorted({normalize(f) for f in forms}, key=lambda f: (-len(f), f))


class Analyzer:
    """Light stemmer and search analyser built from one analyzer.json configuration.

    A token is stemmed in three steps (see :meth:`_stem`): a known word (name,
    alias, listed word) gives its own term; else one article group is
    stripped (وال، بال، لل ...) with the suffixes; else a one-letter clitic
    (و ف ب ل ك, or a pair) is stripped only if what remains is a word the
    lexicon knows, and the whole token is not.
    """

    def __init__(self, config: dict):
        self.config = config
        self._cache: dict[str, str] = {}
        self.min_stem = config["min_stem"]
        # Article groups (ال، وال، بال، لل ...): stripped from any word.
        self.proclitics = _longest_first(config["proclitics"])
        # و ف ب ل ك and their pairs: as first letters of ordinary words they
        # are far too common (بريطانيا، لقاء، كتاب، وزير) to be stripped
        # blindly; stripped in front of a known word or a lexicon stem.
        # Shortest first: وكبار is و + كبار, not وك + بار.
        self.clitics = _longest_first(config["clitics"])[::-1]
        # Each slot: [(suffix, shortest stem it may leave)], longest first.
        self.suffix_slots = [
            (sorted(((normalize(f), n) for f, n in slot["forms"].items()), key=lambda fn: -len(fn[0])),
             slot.get("restore_ta_marbuta", False))
            for slot in config["suffixes"]
        ]
        self.stopwords = {normalize(s) for s in config["stopwords"]}
        self.stopword_clitics = {normalize(s) for s in config["stopword_clitics"]}
        # Stems seen behind the article in real text (see build_lexicon):
        # evidence that they are words of their own.
        self.lexicon = {normalize(s) for s in config["lexicon"]}
        # Known words -> their term.  Names and the few common words whose
        # ending only looks like a suffix (مليون، قانون) are their own term;
        # an alias (a demonym, another spelling) gives its name's term, also
        # under number/gender suffixes (الفلسطينيين -> فلسطيني -> فلسطين).
        self.known: dict[str, str] = {}
        for word in config["protected"] + config["keep"]:
            self.add_known(word)
        self.aliases: dict[str, str] = {}
        for alias, name in config["aliases"].items():
            self.add_known(alias, name)
            self.aliases[normalize(alias)] = self.known.get(normalize(alias), normalize(name))

    def add_known(self, word: str, term: str | None = None) -> None:
        """Make ``word`` (one word, any spelling) a known word that stems to ``term``.

        ``term`` defaults to the word itself.  For knowledge-base names and
        aliases; the browser must receive the same additions.
        """
        form = normalize(word)
        if _ARABIC_RUN.fullmatch(form):  # a lookup is per token: one Arabic word only
            self.known.setdefault(form, normalize(term) if term else form)
            self._cache.clear()

    # -- stemming -----------------------------------------------------------

    def _strip_suffixes(self, word: str) -> str:
        """Strip at most one suffix per slot, outermost slot first."""
        for forms, restore_ta in self.suffix_slots:
            for suffix, min_stem in forms:
                if word.endswith(suffix) and len(word) - len(suffix) >= min_stem:
                    word = word[: -len(suffix)]
                    # حكومتها -> حكومت -> حكومه: a pronoun turns ة into ت;
                    # turned back, the next slot treats it like حكومة.  Not
                    # on three letters (وقتها, بيتها: the ت is the word's
                    # own) nor on the plural ات (قواتها).
                    if (restore_ta and word.endswith(_TA) and not word.endswith(_PLURAL_AT)
                            and len(word) > self.min_stem):
                        word = word[:-1] + _TA_MARBUTA
                    break
        return word

    def _known_term(self, word: str) -> str | None:
        """The term of a known word as written, or of an alias under its suffixes.

        Names are matched only as written: a stripped stem may be another
        word (the sport الرياضة strips to الرياض, the city).
        """
        if word in self.known:
            return self.known[word]
        return self.aliases.get(self._strip_suffixes(word))

    def stem(self, token: str) -> str:
        """Light stem of one normalised token; anything but Arabic letters is returned as is."""
        # Indexing stems millions of tokens drawn from a vocabulary a
        # hundred times smaller: remember each answer.
        stem = self._cache.get(token)
        if stem is None:
            stem = self._cache[token] = self._stem(token)
        return stem

    def _after_article(self, clitic: str, word: str) -> str:
        """The stem of ``word`` found behind the article group ``clitic``."""
        # لل is ل + ال, but ل + a word that starts with ل is written the same
        # way (للجنة = ل + اللجنة, the article's ل merged): give the ل back
        # when the lexicon knows the word with it.
        if clitic.endswith(_LAM + _LAM) and self._strip_suffixes(_LAM + word) in self.lexicon:
            word = _LAM + word
        # Once more a bare ال: التزام and الكتروني start with ال themselves
        # (stemmed to تزام and كتروني), so الالتزام must give the same.
        if word.startswith(_ARTICLE) and len(word) - len(_ARTICLE) >= self.min_stem:
            word = word[len(_ARTICLE):]
        return self._strip_suffixes(word)

    def _stem(self, token: str) -> str:
        if not _ARABIC_RUN.fullmatch(token):
            return token
        # 1. A known word, bare or behind any clitic group, gives its term.
        # Behind an article group the article may belong to the name
        # (بالقاهرة = ب + القاهرة).
        term = self._known_term(token)
        if term:
            return term
        for clitic in self.proclitics:
            if token.startswith(clitic) and len(token) > len(clitic):
                rest = token[len(clitic):]
                term = self._known_term(_ARTICLE + rest) or self._known_term(rest)
                if term:
                    return term
        for clitic in self.clitics:
            if token.startswith(clitic) and len(token) > len(clitic):
                term = self._known_term(token[len(clitic):])
                if term:
                    return term
        # 2. One article group, never below the floor.
        for clitic in self.proclitics:
            if token.startswith(clitic) and len(token) - len(clitic) >= self.min_stem:
                return self._after_article(clitic, token[len(clitic):])
        # 3. A one-letter clitic (or a pair) only in front of a lexicon stem,
        # and only if the whole token is not one itself: وحزب -> حزب,
        # بهدنة -> هدن, but وزير, بيان, كتاب, لقاء stay whole.
        stem = self._strip_suffixes(token)
        if stem in self.lexicon:
            return stem
        for clitic in self.clitics:
            if token.startswith(clitic) and len(token) - len(clitic) >= self.min_stem:
                rest = self._strip_suffixes(token[len(clitic):])
                if rest in self.lexicon:
                    return rest
        return stem

    def build_lexicon(self, counts, min_count: int) -> list[str]:
        """Stems that follow the article at least ``min_count`` times in ``counts``.

        ``counts`` maps tokens (as from tokenize()) to their frequency in a
        body of text.  A stem seen behind ال is a word of its own, so a
        one-letter clitic in front of it can safely come off.  لل is left
        out: it also spells ل + a word that starts with ل (ليفربول).  The
        shipped lexicon was built from ../shared/corpora with min_count=5.
        """
        seen: dict[str, int] = {}
        for token, n in counts.items():
            token = normalize(token)
            if not _ARABIC_RUN.fullmatch(token) or self.is_stopword(token):
                continue
            for clitic in self.proclitics:
                if token.startswith(clitic) and len(token) - len(clitic) >= self.min_stem:
                    if clitic.endswith(_ARTICLE) and self._known_term(token) is None:
                        stem = self._after_article(clitic, token[len(clitic):])
                        if len(stem) >= self.min_stem and stem not in self.known.values():
                            seen[stem] = seen.get(stem, 0) + n
                    break
        return sorted(s for s, n in seen.items() if n >= min_count)

    def is_stopword(self, token: str) -> bool:
        """A stop word, also behind the conjunction و or ف (وفي، ومن، فإن).

        Only the conjunctions: ب ل ك in front of a stop word are listed
        forms (بأن، لذلك، كذلك), because بلدية is not ب + لديه.  Not a
        one-letter stop word (وب, فك are words), nor a known word (ولبنان).
        """
        if token in self.stopwords:
            return True
        return (len(token) > 2 and token[0] in self.stopword_clitics and token[1:] in self.stopwords
                and token not in self.known)

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


# ---------------------------------------------------------------------------
# Maintenance of the tables: python -m generator.arabic lexicon|classes PATH...
# ---------------------------------------------------------------------------

def _word_list_json(words: list[str], indent: str = "  ", width: int = 110) -> str:
    """A JSON list of words wrapped at ``width``, as analyzer.json keeps its lists."""
    lines, line = [], ""
    for item in (json.dumps(w, ensure_ascii=False) for w in words):
        if line and len(line) + len(item) + 2 > width:
            lines, line = lines + [line + ","], ""
        line = f"{line}, {item}" if line else item
    body = "\n".join(f"{indent}  {l}" for l in lines + ([line] if line else []))
    return f"[\n{body}\n{indent}]"


def _main(argv: list[str] | None = None) -> None:
    import argparse
    from collections import Counter, defaultdict

    parser = argparse.ArgumentParser(prog="python -m generator.arabic", description=(
        "lexicon: the stems seen behind the article in the *.txt files under PATH (--write puts them in "
        "analyzer.json); classes: the largest groups of words that stem alike, to spot over-stemming."))
    parser.add_argument("command", choices=["lexicon", "classes"])
    parser.add_argument("paths", nargs="+", type=Path)
    parser.add_argument("--min-count", type=int, default=5)
    parser.add_argument("--top", type=int, default=40)
    parser.add_argument("--write", action="store_true")
    args = parser.parse_args(argv)
    counts: Counter[str] = Counter()
    for root in args.paths:
        for path in sorted(root.rglob("*.txt")) if root.is_dir() else [root]:
            counts.update(tokenize(path.read_text(encoding="utf-8", errors="replace")))
    if args.command == "lexicon":
        config = load_config()
        lexicon = Analyzer(dict(config, lexicon=[])).build_lexicon(counts, args.min_count)
        if not args.write:
            print(json.dumps(lexicon, ensure_ascii=False))
            return
        text = re.sub(r'"lexicon": \[[^\]]*\]', lambda m: '"lexicon": ' + _word_list_json(lexicon),
                      ANALYZER_DATA.read_text(encoding="utf-8"))
        assert json.loads(text) == dict(config, lexicon=lexicon)
        ANALYZER_DATA.write_text(text, encoding="utf-8")
        print(f"{len(lexicon)} stems written to {ANALYZER_DATA}")
        return
    analyzer = default_analyzer()
    classes: defaultdict[str, Counter[str]] = defaultdict(Counter)
    for token, n in counts.items():
        if _ARABIC_RUN.fullmatch(token) and len(token) > 1 and not analyzer.is_stopword(token):
            classes[analyzer.stem(token)][token] += n
    types, occurrences = sum(len(c) for c in classes.values()), sum(sum(c.values()) for c in classes.values())
    print(f"{types} Arabic word types, {occurrences} occurrences -> {len(classes)} stems")
    for stem_, forms in sorted(classes.items(), key=lambda kv: (-len(kv[1]), kv[0]))[:args.top]:
        print(f"{stem_} ({len(forms)} forms, {sum(forms.values())}):",
              " ".join(f"{t}:{n}" for t, n in forms.most_common(12)))


if __name__ == "__main__":
    _main()
