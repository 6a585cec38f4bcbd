"""Arabic counted nouns: "5 مقالات", "11 مقالة", "مقالتين", "4 منافذ", "12 منفذًا".

The site's own sentences (home page, index pages) state counts.  Arabic
number agreement depends on the number: one and two are said with the noun
alone (singular + واحد/واحدة, dual), 3-10 take the plural, 11-99 the
accusative singular, and 100, 200, ... (with 0, 1 and 2 after them) the
genitive singular.  This module only writes the site's wording; reading
article text (normalising, numbers in articles) belongs to arabic.py and
extract/numbers.py.
"""
from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Noun:
    """The forms of one counted noun, in the oblique case (after a verb or a preposition)."""
    one: str        # مقالة واحدة
    two: str        # مقالتين
    plural: str     # مقالات       (3-10)
    accusative: str  # مقالة / منفذًا (11-99)
    singular: str   # مقالة / منفذ  (100, 200, ..., and 0)


ARTICLE = Noun("مقالة واحدة", "مقالتين", "مقالات", "مقالة", "مقالة")
OUTLET = Noun("منفذ واحد", "منفذين", "منافذ", "منفذًا", "منفذ")
TOPIC = Noun("موضوع واحد", "موضوعين", "موضوعات", "موضوعًا", "موضوع")
ACTOR = Noun("فاعل واحد", "فاعلَين", "فاعلين", "فاعلًا", "فاعل")


def counted(n: int, noun: Noun) -> str:
    """``n`` of ``noun`` as Arabic writes it, digits for the number."""
    if n == 1:
        return noun.one
    if n == 2:
        return noun.two
    last_two = n % 100
    if 3 <= last_two <= 10:
        return f"{n} {noun.plural}"
    if 11 <= last_two <= 99:
        return f"{n} {noun.accusative}"
    return f"{n} {noun.singular}"      # 0, 100, 101, 102, 1000, ...: the genitive singular
