"""``dossier candidates``: names that look like actors but match no knowledge-base entry.

A title followed by a name ("وزير الخارجية X", "القيادي في حماس X",
"المتحدث باسم الجيش X") is a strong sign of a person.  When the name after
the title is not in the knowledge base it is listed, most frequent first,
with a sentence for context, for a person to review.  Nothing is added.
"""
from __future__ import annotations

import hashlib
import json
from collections import Counter
from pathlib import Path

from .arabic import is_arabic_word, is_definite, known_form, tokenize
from .clean import clean
from .extract.text import split_sentences
from .ingest import InputError, discover, read_article
from .kb import DEFAULT_KB_DIR, load

TITLES = set(tokenize(
    "وزير وزيرة الوزير المتحدث الناطق القيادي عضو رئيس رئيسة الرئيس مستشار المستشار السفير سفير المبعوث مبعوث "
    "اللواء العميد الجنرال النائب الأمين مدير قائد زعيم نائب الشيخ الدكتور العقيد المقدم الرائد المحلل الكاتب "
    "الصحفي المسؤول القاضي المدعي السيناتور الحاخام الأسير"
))
# Words that complete a title before the name starts: "وزير الخارجية المصري", "القيادي في حركة حماس".
TITLE_WORDS = set(tokenize(
    "الخارجية الدفاع الداخلية المالية العدل الأمن القومي الصحة الاقتصاد الإعلام باسم في حركة المكتب السياسي "
    "العام العامة للأمم المتحدة الوزراء الحكومة الجيش الأركان هيئة الاستخبارات المخابرات مجلس السابق الأسبق "
    "الحالي الأول الثاني لشؤون الشؤون الدولة الإدارة البيت الأبيض لجنة الكنيست البرلمان النواب الشيوخ الأعلى "
    "الإسرائيلي الأمريكي الأميركي المصري القطري الفلسطيني التركي الأردني السعودي الإماراتي الإيراني البريطاني "
    "الفرنسي الروسي الصيني الألماني الإسرائيلية الأمريكية المصرية الفلسطينية الخاص الأممي لحركة للحركة "
    "الشرق الأوسط للشرق الأوسط ل مع عن من التابع الركن ركن المشير الفريق أول أركان المفقود الراحل المعتقل"
))
STOP = set(tokenize(
    "في من على إلى الى عن أن إن إنه أنه قال قالت أكد أكدت وقال وأكد أوضح أشار أعلن خلال بعد قبل مع الذي التي "
    "لـ و أو ثم كما حيث شريطة عدم هذا هذه ذلك تلك يوم أمس اليوم الخميس الجمعة السبت الأحد الاثنين الثلاثاء الأربعاء "
    "داخل خارج ما يسمى يعرف المنتهية ولايته ارسل رسالة مجددا أيضا مؤخرا سابقا لاحقا كذلك بدوره بدورها"
))
NAME_MAX = 3


def find_candidates(sources: list[Path], kb_dir: Path = DEFAULT_KB_DIR, limit: int = 100):
    """[(name, count, context sentence)], most frequent first."""
    kb = load(kb_dir)
    counts: Counter[str] = Counter()
    shown: dict[str, tuple[str, str]] = {}
    for path in discover(sources).articles:
        try:
            raw = read_article(path)
        except InputError:
            continue
        cleaned = clean(raw.text)
        for sentence in split_sentences(cleaned.paragraphs):
            known, people = _known_positions(sentence.tokens, kb)
            for start, end in _names_after_titles(sentence, known, people, kb):
                key = " ".join(sentence.tokens[start:end])
                counts[key] += 1
                shown.setdefault(key, (sentence.words(start, end), sentence.text))
    return [(shown[k][0], n, shown[k][1]) for k, n in counts.most_common(limit)]


def _known_positions(tokens: list[str], kb) -> tuple[set[int], set[int]]:
    """Token positions covered by any knowledge-base match, and by people or office titles."""
    known, people = set(), set()
    for hit in kb.matcher.find(tokens):
        known.update(range(hit.start, hit.end))
        entry = kb.entries.get(hit.target)
        if hit.target.startswith("office:") or (entry is not None and entry.type == "person"):
            people.update(range(hit.start, hit.end))
    return known, people


def _names_after_titles(sentence, known: set[int], people: set[int], kb):
    tokens = sentence.tokens
    for i, token in enumerate(tokens):
        if known_form(token, TITLES) is None:
            continue
        # Skip the rest of the title: office words, nationalities, organisations ("القيادي في حماس").
        j = i + 1
        # Definite words continue the title's organisation ("مدير المرصد السوري لحقوق الإنسان");
        # a name starts with an indefinite word.
        while j < len(tokens) and j - i <= 6 and j not in people and _joined(sentence, j) and (
                tokens[j] in TITLE_WORDS or j in known or kb.matcher.demonym_state(tokens[j])
                or is_definite(tokens[j])):
            j += 1
        if j in people or j >= len(tokens):
            continue  # the title is followed by someone already known
        k = j
        while k < len(tokens) and k - j < NAME_MAX and (k == j or _joined(sentence, k)) \
                and _name_like(tokens[k], k, known, first=k == j):
            k += 1
        if k - j >= 2:
            yield j, k


def _joined(sentence, k: int) -> bool:
    """No punctuation between token k-1 and token k (a name never spans a comma)."""
    between = sentence.text[sentence.spans[k - 1][1]:sentence.spans[k][0]]
    return not between.strip()


def _name_like(token: str, k: int, known: set[int], first: bool = False) -> bool:
    """A word that can be part of a person's name; the first never carries the article or a preposition
    ("المرصد رامي"، "بالديوان الملكي" are not names)."""
    if first and (is_definite(token) or token in TITLE_WORDS):
        return False
    return (token not in STOP and k not in known and token not in TITLE_WORDS and token not in TITLES
            and is_arabic_word(token) and len(token) > 1)


def as_local_kb(found: list[tuple[str, int, str]]) -> str:
    """The candidates as a local knowledge-base file (see kb.py), one `actors` entry each.

    Every entry loads as it is, so a curator can accept one by moving it into the
    dossier's local file; each still needs a lasting id, an English name and a
    type.  The count and the context sentence are comments: they are for reading.
    """
    lines = ["# Candidates from `dossier candidates --kb-format`: names that look like actors but match no",
             "# knowledge-base entry.  Check each one; give it a lasting id, an English name and a type",
             "# (person, organization, state); move the entries you accept under `actors:` in your local",
             "# knowledge-base file (dossier.yml's knowledge_base); drop the rest.",
             "actors:" + ("" if found else " []")]
    for name, count, context in found:
        one_line = " ".join(context.split())
        lines += [f"# {count} × «{one_line[:200]}»",
                  f"- id: candidate-{hashlib.sha256(name.encode()).hexdigest()[:8]}",
                  f"  name_ar: {json.dumps(name, ensure_ascii=False)}",
                  "  name_en: null",
                  "  type: person"]
    return "\n".join(lines) + "\n"
