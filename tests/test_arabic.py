"""generator/arabic/: normalisation, tokens, light stemming, the search analyser.

The test vectors (tests/data/analyzer_vectors.json) are the contract between
the Python analyser, which builds the index, and the JavaScript one, which
analyses the query in the browser: tests/js/analyzer.test.mjs runs the same
file in Node.  The focused tests below say what the rules are for.
"""
from __future__ import annotations

import json
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from generator import arabic
from generator.arabic import Analyzer, analyze, load_config, normalize, stem, tokenize, word_spans

DATA = Path(__file__).parent / "data" / "analyzer_vectors.json"
VECTORS = json.loads(DATA.read_text(encoding="utf-8"))["cases"]
CONFIG = load_config()


def terms(*words: str) -> list[str]:
    return [" ".join(analyze(w)) for w in words]


# --- the shared vectors ------------------------------------------------------

def test_enough_vectors_from_real_text():
    assert len(VECTORS) >= 250
    real = [c for c in VECTORS if c["source"] != "decision"]
    assert len(real) >= 200
    assert any(c["source"].startswith("seeds/") for c in VECTORS)
    assert any(c["source"].startswith("corpora/") for c in VECTORS)


@pytest.mark.parametrize("case", VECTORS, ids=[f"v{i}" for i in range(len(VECTORS))])
def test_vector(case):
    assert analyze(case["input"]) == case["tokens"], case.get("note", case["source"])


def test_vectors_cover_the_characters_the_issue_names():
    text = "".join(c["input"] for c in VECTORS)
    for what, chars in {
        "diacritics": "\u064e\u064b\u0651",
        "tatweel": "\u0640",
        "hamza forms": "أإآؤئ",
        "alef maqsura": "ى",
        "ta marbuta": "ة",
        "Arabic-Indic digits": "٠١٢",
        "Persian digits": "۲۰",
        "RLM": "\u200f",
        "RLE": "\u202b",
        "RLO": "\u202e",
        "ZWNJ": "\u200c",
        "ZWJ": "\u200d",
        "NBSP": "\u00a0",
        "presentation forms": "\ufe8d\ufefb",
        "guillemets": "«»",
        "hashtag": "#",
    }.items():
        assert all(c in text for c in chars), what


# --- normalize and tokenize -------------------------------------------------

@pytest.mark.parametrize("raw, expected", [
    ("غزَّة", "غزه"),                      # shadda removed, ة -> ه
    ("المفاوضـــات", "المفاوضات"),          # tatweel
    ("أإآٱ", "اااا"),                      # hamza and wasla on alef
    ("مسؤول مسئول", "مسءول مسءول"),        # hamza on waw and ya
    ("مستشفى", "مستشفي"),                  # alef maqsura
    ("٢٠٢٣ ۲۰۲۵", "2023 2025"),            # Arabic-Indic and Persian digits
    ("حم\u200fاس", "حماس"),                # RLM inside a word
    ("\u202bغزة\u202c", "غزه"),            # embedding
    ("\u202eغزة", "غزه"),                  # override
    ("مفاو\u200cضات", "مفاوضات"),          # ZWNJ
    ("غزة\u00a0اليوم", "غزه اليوم"),       # NBSP is a space
    ("\ufe8d\ufedf\ufed8\ufeaa\ufeb1", "القدس"),  # presentation forms
    ("\ufefb", "لا"),                      # lam-alef ligature
    ("CNN Witkoff", "cnn witkoff"),        # Latin lower-cased
])
def test_normalize(raw, expected):
    assert normalize(raw) == expected


@given(st.text(max_size=40))
@settings(max_examples=300, deadline=None)
def test_normalize_is_idempotent(text):
    assert normalize(normalize(text)) == normalize(text)


def test_tokenize_separators():
    assert tokenize("#غزة_تحت_القصف") == ["غزه", "تحت", "القصف"]
    assert tokenize("«حماس»، و\"المفاوضات\"") == ["حماس", "و", "المفاوضات"]
    # ÷ sits among the Latin-1 letters but is not one (fixed: it used to glue numbers).
    assert tokenize("10÷2 5×3") == ["10", "2", "5", "3"]


def test_word_spans_still_point_at_the_raw_words():
    text = "قال نتنياهو إنَّ غزَّة"
    spans = word_spans(text)
    assert [t for t, _, _ in spans] == ["قال", "نتنياهو", "ان", "غزه"]
    assert [text[a:b] for _, a, b in spans] == ["قال", "نتنياهو", "إنَّ", "غزَّة"]


# --- stemming -----------------------------------------------------------------

@pytest.mark.parametrize("words", [
    ("حماس", "لحماس", "وحماس"),
    ("غزة", "بغزة", "غزَّة"),
    ("إسرائيل", "اسرائيل", "الإسرائيلي", "الإسرائيلية"),
    ("مفاوضات", "المفاوضات", "والمفاوضات"),
    ("فلسطين", "الفلسطينيين", "فلسطيني"),
])
def test_acceptance_words_meet_in_one_term(words):
    assert len(set(terms(*words))) == 1, dict(zip(words, terms(*words)))


@pytest.mark.parametrize("a, b", [
    ("حماس", "لحماس"), ("غزة", "بغزة"), ("إسرائيل", "الإسرائيلي"), ("مفاوضات", "والمفاوضات"),
    ("فلسطين", "الفلسطينيين"), ("وزير", "الوزير"), ("حكومة", "حكومتها"), ("القاهرة", "بالقاهرة"),
    ("اللجنة", "للجنة"), ("التزام", "الالتزام"), ("حزب", "وحزب"), ("الحل", "حل"),
])
def test_forms_of_one_word_meet(a, b):
    assert terms(a) == terms(b)


@pytest.mark.parametrize("a, b", [
    ("وزير", "زير"),          # و of وزير is the word's own
    ("بيان", "يان"),          # ب of بيان
    ("لبنان", "لبن"),         # a name is not milk with a dual ending
    ("الرياض", "الرياضة"),    # the city is not the sport
    ("دولي", "دول"),          # international is not states
    ("مليون", "ملي"),         # ون of مليون is not a plural
    ("تأمين", "تام"),         # insurance is not complete
    ("طيران", "طير"),         # ان is never stripped
    ("وقت", "وقه"),           # a three-letter ت is the word's own
])
def test_unrelated_words_stay_apart(a, b):
    assert terms(a) != terms(b)


@pytest.mark.parametrize("token", [
    "الإسرائيلية", "والمفاوضات", "بالقاهرة", "وللمفاوضات", "لقادتهم", "فبالتزاماتها", "وزيرا", "عمليات",
])
def test_stems_never_shorter_than_three_letters(token):
    assert len(stem(normalize(token))) >= CONFIG["min_stem"]


@given(st.text(alphabet="ابتثجحخدذرزسشصضطظعغفقكلمنهويءوالبكف", min_size=1, max_size=9))
@settings(max_examples=2000, deadline=None)
def test_the_floor_holds_for_any_letters(token):
    """No rule leaves fewer than three letters; only listed words (الحل -> حل) map lower."""
    result = stem(token)
    assert len(result) >= min(len(token), CONFIG["min_stem"]) or result in arabic.default_analyzer().known.values()


def test_protected_names_are_their_own_term_behind_any_clitic():
    for name in CONFIG["protected"]:
        assert stem(name) == name
        for clitic in ("و", "ب", "ل", "وب", "ول"):
            assert stem(clitic + name) == name, clitic + name
        if not name.startswith("ال"):
            assert stem("ال" + name) == name, "ال" + name


def test_names_that_look_inflected_are_not_stemmed():
    # ين of فلسطين, ه of غزة and نتنياهو, و of ويتكوف and واشنطن, ب of بريطانيا
    for name in ("فلسطين", "غزه", "نتنياهو", "ويتكوف", "واشنطن", "بريطانيا", "لبنان", "ايران"):
        assert stem(name) == name


def test_aliases_reach_their_name():
    assert terms("نتانياهو", "الأميركية", "السوريين", "ترمب") == ["نتنياهو", "امريكا", "سوريا", "ترامب"]


def test_latin_digits_and_mixed_tokens():
    assert analyze("Witkoff لـCNN و2017 France24") == ["witkoff", "cnn", "2017", "france24"]
    assert stem("witkoff") == "witkoff"
    assert stem("2025") == "2025"


def test_stopwords():
    assert analyze("في من على إلى عن أن وفي ومن فإن بأن لذلك") == []
    assert analyze("بلدية") == ["بلدي"]      # ب + لديه is not a rule
    assert analyze("كان") == ["كان"]          # the verb, and the Israeli channel, stay


# --- the tables ----------------------------------------------------------------

def test_tables_are_normalised_so_both_implementations_read_them_alike():
    def words(config):
        yield from config["proclitics"] + config["clitics"] + config["stopwords"] + config["stopword_clitics"]
        yield from config["protected"] + config["keep"] + config["lexicon"]
        yield from config["aliases"]
        yield from config["aliases"].values()
        for slot in config["suffixes"]:
            yield from slot["forms"]
    for word in words(CONFIG):
        assert word == normalize(word) and word.strip() == word, word


def test_lexicon_is_sorted_unique_and_above_the_floor():
    lexicon = CONFIG["lexicon"]
    assert lexicon == sorted(set(lexicon))
    assert all(len(s) >= CONFIG["min_stem"] for s in lexicon)


def test_build_lexicon_takes_stems_seen_behind_the_article():
    config = dict(CONFIG, lexicon=[])
    analyzer = Analyzer(config)
    counts = {"الهدنة": 3, "بالهدنة": 2, "والمفاوضات": 1, "المفاوضات": 1, "لليفربول": 9, "الحزب": 1, "حزب": 50}
    assert analyzer.build_lexicon(counts, 2) == ["مفاوض", "هدن"]   # لل is no evidence; حزب seen once
    assert analyzer.build_lexicon(counts, 1) == ["حزب", "مفاوض", "هدن"]


def test_the_lexicon_decides_one_letter_clitics():
    without = Analyzer(dict(CONFIG, lexicon=[]))
    assert without.stem("بهدنه") == "بهدن"
    assert Analyzer(dict(CONFIG, lexicon=["هدن"])).stem("بهدنه") == "هدن"


def test_add_known_for_knowledge_base_names():
    analyzer = Analyzer(CONFIG)
    assert analyzer.stem("لليفربول") == "يفربول"
    analyzer.add_known("ليفربول")
    assert analyzer.stem("لليفربول") == "ليفربول"   # the cache was cleared
    analyzer.add_known("خليل الحية")                  # two words: a token lookup cannot use it
    assert "خليل الحيه" not in analyzer.known


def test_default_tables_are_read_lazily_once():
    assert arabic.default_analyzer() is arabic.default_analyzer()


# --- lunr.py (the index is built with it; phase 2) ----------------------------

def lunr_index(documents):
    """A lunr.py index whose only pipeline function is the analyser, under the project's own name."""
    from lunr.builder import Builder
    from lunr.pipeline import Pipeline

    def dossier_arabic(token, i, tokens):
        return [token.clone(lambda s, m, term=term: term) for term in analyze(str(token))]

    Pipeline.register_function(dossier_arabic, "dossier-arabic")
    builder = Builder()
    builder.pipeline.add(dossier_arabic)
    builder.search_pipeline.add(dossier_arabic)
    builder.ref("id")
    builder.field("body")
    for doc in documents:
        builder.add(doc)
    return builder.build()


LUNR_DOCS = [
    {"id": "a", "body": "وقالت مصادر لحماس إن المفاوضات بغزة مستمرة"},
    {"id": "b", "body": "الإسرائيلية ترد على الفلسطينيين"},
    {"id": "c", "body": "Witkoff يلتقي الوسطاء في الدوحة"},
]
LUNR_QUERIES = [("حماس", ["a"]), ("غزَّة", ["a"]), ("مفاوضات", ["a"]), ("إسرائيل", ["b"]), ("فلسطين", ["b"]),
                ("Witkoff", ["c"]), ("بالدوحة", ["c"]), ("بيروت", [])]


def test_stem_works_as_a_lunr_py_pipeline_function():
    index = lunr_index(LUNR_DOCS)
    serialised = index.serialize()
    assert serialised["version"] == "2.3.9"          # the lunr.js we vendor
    assert serialised["pipeline"] == ["dossier-arabic"]
    for query, refs in LUNR_QUERIES:
        found = index.query(callback=lambda q, terms=analyze(query): [q.term(t, use_pipeline=False) for t in terms])
        assert sorted(r["ref"] for r in found) == refs, query
