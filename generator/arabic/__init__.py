"""Arabic text normalisation, tokenisation and light stemming.

This package is the single owner of "what counts as the same Arabic word":
``text`` holds letters, marks, digits, normalising and folding, clitics, sentences
and tokens; ``stemmer`` the light stemmer and search analyser.  Extraction
(knowledge-base matching) uses :func:`normalize` and :func:`tokenize`; the search
index uses :func:`analyze`.  The browser runs a JavaScript port of :func:`analyze`
(``theme_overrides/assets/javascripts/arabic-analyzer.js``) built from the same
tables; both are checked against one file of test vectors
(``tests/data/analyzer_vectors.json``) so that index and query stay in step.
"""
from .stemmer import ANALYZER_DATA, Analyzer, analyze, default_analyzer, load_config, stem
from .text import (ARABIC_DIGITS, arabic_share, ARABIC_LETTERS, ARTICLE, CONJUNCTIONS, PERSIAN_DIGITS, PREPOSITIONS, Folded,
                   clitic_variants, fold, fold_digits, is_arabic_word, is_definite, known_form, loose_pattern,
                   normalize, sentence_spans, strip_article, text_tables, tokenize, word_spans)

__all__ = [
    "ANALYZER_DATA", "Analyzer", "analyze", "default_analyzer", "load_config", "stem",
    "ARABIC_DIGITS", "ARABIC_LETTERS", "ARTICLE", "CONJUNCTIONS", "PERSIAN_DIGITS", "PREPOSITIONS", "Folded",
    "arabic_share", "clitic_variants", "fold", "fold_digits", "is_arabic_word", "is_definite", "known_form", "loose_pattern",
    "normalize", "sentence_spans", "strip_article", "text_tables", "tokenize", "word_spans",
]
