"""python -m generator.arabic lexicon|classes PATH...: maintenance of the analyser's tables."""
from .stemmer import _main

_main()
