"""counted: Arabic number agreement for the counts the site states."""
from __future__ import annotations

import pytest

from generator.counted import ARTICLE, OUTLET, counted


@pytest.mark.parametrize("n, article, outlet", [
    (1, "مقالة واحدة", "منفذ واحد"),
    (2, "مقالتين", "منفذين"),
    (3, "3 مقالات", "3 منافذ"),
    (5, "5 مقالات", "5 منافذ"),
    (10, "10 مقالات", "10 منافذ"),
    (11, "11 مقالة", "11 منفذًا"),
    (99, "99 مقالة", "99 منفذًا"),
    (100, "100 مقالة", "100 منفذ"),
    (102, "102 مقالة", "102 منفذ"),
    (103, "103 مقالات", "103 منافذ"),
    (111, "111 مقالة", "111 منفذًا"),
    (1000, "1000 مقالة", "1000 منفذ"),
])
def test_counted_nouns_agree_with_the_number(n, article, outlet):
    assert counted(n, ARTICLE) == article
    assert counted(n, OUTLET) == outlet
