"""Hypothesis strategies shared by the fuzz and escaping tests: Arabic-heavy, hostile text."""
from __future__ import annotations

from hypothesis import strategies as st

ARABIC_LETTERS = "ابتثجحخدذرزسشصضطظعغفقكلمنهويءآأإؤئىةـ"
HARAKAT = "\u064b\u064c\u064d\u064e\u064f\u0650\u0651\u0652\u0670"
DIGITS = "0123456789٠١٢٣٤٥٦٧٨٩۰۱۲۳"
PUNCTUATION = "،؛؟.:!\"'«»()-–—…%٪,"
BIDI = "\u200e\u200f\u061c\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069\u200b\u200c\u200d\ufeff"
MARKUP = "<>&[]()!*_`#{}|~^$\\/=+-:;'\" \t@%"
SNIPPETS = [
    "<script>alert(1)</script>", "[x](javascript:alert(1))", "<img src=x onerror=alert(1)>",
    "<iframe src=javascript:alert(1)>", "{{ config }}", "{% include 'x' %}", "---", "...", "- ", "1. ",
    "# ", "> ", "    ", "{: onclick=alert(1) }", "&amp;", "&#60;", "\\", "<!--", "]]>", "\x02", "\x03",
    "حماس", "إسرائيل", "وقف إطلاق النار", "قطاع غزة", "30 يونيو 2025", "٢٨ نوفمبر ٢٠٢٣", "رئيس التحرير",
    "تم نسخ الرابط", "key: value", "&", "*", "!", "|", ">", "'", '"', "%", "\u202e", "\r\n", "\r", "\n\n",
]

arabic_chars = st.sampled_from(ARABIC_LETTERS + HARAKAT + DIGITS + PUNCTUATION + BIDI + MARKUP + "\n ")
# Mostly Arabic words and hostile snippets, with any Unicode now and then.
arabic_text = st.lists(
    st.one_of(
        st.text(arabic_chars, min_size=1, max_size=12),
        st.sampled_from(SNIPPETS),
        st.just(" "),
        st.text(min_size=1, max_size=4),
    ),
    max_size=60,
).map("".join)

WORDS = ("قال", "مصدر", "مطلع", "إن", "المفاوضات", "في", "القاهرة", "والدوحة", "مستمرة", "بين", "حركة", "حماس",
         "وإسرائيل", "برعاية", "الوسطاء", "المصريين", "والقطريين", "الأمريكيين", "وقف", "إطلاق", "النار", "قطاع", "غزة",
         "الأسرى", "والمحتجزين", "الهدنة", "نتنياهو", "ترامب", "ويتكوف", "رفح", "معبر", "شاحنة", "مساعدات", "قتيلا",
         "مصابا", "الاثنين", "يونيو", "2025", "١٥٠٠", "وأضاف", "أكد", "المتحدث", "باسم", "الخارجية", "القطرية", "للمنصة",
         "«الاتفاق", "قريب»", "\"لا", "تراجع\"", "(رويترز)", "-", "،", ".")
# A body paragraph: enough words to count as article text (clean keeps lines of 14 words or more),
# real vocabulary, with hostile snippets and random words mixed in.
arabic_paragraph = st.lists(
    st.one_of(st.sampled_from(WORDS), st.sampled_from(WORDS), st.sampled_from(SNIPPETS),
              st.text(arabic_chars, min_size=1, max_size=8)),
    min_size=14, max_size=80,
).map(" ".join)
