"""Figures: the numbers an article states, what they count, and who says so.

A figure is a number (``numbers.py`` reads digits, number words, ألف/مليون,
and dual nouns such as صحفيان = 2) and the noun it counts.  The noun says
the kind when it can (قتيل، مصاب، رهينة، أسير، شاحنة، نازح، مفقود); a noun
for people (شخص، فلسطيني، جندي) or a bare count ("إصابة 250 آخرين") takes
its kind from the nearest event word (مقتل، أصيبوا، اعتقال ...), first just
before the number, then just after the noun; any other counted thing
(targets, rockets, dollars, percentages) is ``other``.  A duration in a
sentence about a truce is a truce length in days (يومين = 2، أسبوع = 7،
شهرين = 60، عام = 365).  A range gives its upper bound.

Not figures: dates, years, clock times, ages and other time spans, distances,
labels ("الخط رقم 8", "القرار 2334"), ordinals, vague plurals (عشرات، آلاف).
"""
from __future__ import annotations

import re
from typing import Callable

from ..arabic import is_arabic_word, normalize
from ..dates import GREGORIAN_MONTHS, HIJRI_MONTHS, find_dates
from ..kb import clitic_variants, strip_article
from ..records import Figure
from .numbers import MULTIPLIERS, Number, Word, read_numbers, scan, strip_clitic
from .text import Sentence

# Event and noun stems per kind, matched at the start of a bare token (clitics and ال removed).
KIND_STEMS = {
    "killed": r"[يتن]?قتل|مقتل|قتيل|استشها?د|يستشهد|سقوط|شهيد|شهدا|مصرع|حتف|ضحيه|ضحيت|ضحايا|ارتقي|ارتقا|وفاه|وفيات|توفي|جثه|جثث"
              r"|جثامين|جثمان|اغتيال|اغتال",
    "injured": r"[يت]?صاب|اصيب|اصاب|مصاب|جرح|جريح|جرحي|جروح|يجرح",
    # "وأسر 251 آخرين": captured (not ياسر, a name; not أسرة, a family).
    "hostages": r"رهين|رهاءن|رهاين|محتجز|احتجا?ز|مختطف|اختطا?ف|[يت]ختطف|خطف|مخطوف|اسر$|اسرت$|اسروا$",
    "prisoners": r"اسير|اسري$|اسرا$|معتقل|اعتقا?ل|[يت]عتقل|سجين|سجنا|سجون|مسجون|موقوف",
    "displaced": r"نازح|نزوح|نزح|[يت]نزح|مهجر|تهجير|مشرد|تشريد",
    "missing": r"مفقود|فقدان|[يت]?فقد",
    "trucks": r"شاحن",
}
_KIND_RE = {kind: re.compile(rf"^(?:{stems})") for kind, stems in KIND_STEMS.items()}
# Nouns that name the counted thing itself (not an event): "12 قتيلا", "30 شاحنة".
_KIND_NOUN_RE = {kind: re.compile(rf"^(?:{stems})") for kind, stems in {
    "killed": r"قتيل|قتلي|شهيد|شهدا|ضحيه|ضحايا|جثه|جثث|جثامين|جثمان",
    "injured": r"مصاب|جريح|جرحي|اصابه|اصابات|جروح|جراح$",
    "hostages": r"رهين|رهاءن|رهاين|محتجز|مختطف|مخطوف",
    "prisoners": r"اسير|اسري$|اسرا$|معتقل|سجين|سجنا|مسجون|موقوف",
    "displaced": r"نازح|مهجر|مشرد",
    "missing": r"مفقود",
    "trucks": r"شاحن",
}.items()}
# Nouns for people: what happened to them comes from the event words around.
PEOPLE = ("شخص اشخاص فلسطيني مدني طفل اطفال امراه نساء سيده مواطن اسراءيلي جندي جنود ضابط مسعف صحفي صحافي "
          "مقاتل مسلح متمرد عنصر عناصر ناشط شاب شبان فتي فتاه رجل رجال مستوطن عامل عمال موظف فرد افراد عضو اعضاء "
          "قيادي قاده مسن حاله حالات غزي لاجء اخرين اخرون متظاهر محتج مطلوب صياد مريض طبيب ممرض معلم طالب "
          "تلميذ حاج معتمر مصل زاءر").split()
# Things counted, whose dual form (غارتين، صاروخان) is a count of two.
THINGS = "صاروخ قذيفه غاره هدف موقع سياره منزل مبني نفق طاقم منشاه مركبه دبابه طاءره مسيره شاحنه".split()
# Broken-plural nouns: their -ين form can only be a dual (قتيلين، شابين، جنديين).
DUAL_SAFE = set("قتيل شهيد جريح اسير رهينه شاب جندي طفل شخص صاروخ موقع هدف عضو عنصر".split())
# Singular nouns whose dual is a count of two (صحفيان، فلسطينيان، إصابتين، رهينتين).
DUAL_NOUNS = set(THINGS) | DUAL_SAFE | set(("فلسطيني مواطن مدني مسعف صحفي صحافي مقاتل عنصر ناشط مستوطن عامل موظف "
                                            "قيادي اسراءيلي مصاب اصابه معتقل محتجز شاحنه نازح مفقود جثه").split())
TIME_UNITS = {"يوم": 1, "يوما": 1, "ايام": 1, "اسبوع": 7, "اسبوعا": 7, "اسابيع": 7, "شهر": 30, "شهرا": 30,
              "اشهر": 30, "شهور": 30, "عام": 365, "عاما": 365, "اعوام": 365, "سنه": 365, "سنوات": 365, "سنين": 365}
DUAL_UNITS = {"يومين": 2, "يومان": 2, "اسبوعين": 14, "شهرين": 60, "عامين": 730, "سنتين": 730}
# Counted things that are never figures of the story.
NOT_COUNTED = set(("ساعه ساعات دقيقه دقاءق ثانيه ثوان كيلومتر كيلومترا كيلومترات كم متر مترا امتار ميل "
                   "اميال مره مرات درجه درجات صفحه صفحات عمر حرب حروب "
                   # Clock words ("10 صباحا") and a page's own counters ("0 تعليق", "1500 مشاهدة").
                   "صباحا صباح مساء مساءا ظهرا فجرا ليلا تعليق تعليقات مشاهده مشاهدات قراءه قراءات "
                   "مشاركه مشاركات اعجاب اعجابات صوره صور طابق طابقا طوابق").split())
# "365 كيلومترا مربعا", "50 دونما": an area is a quantity of the story (`other`), a distance is not.
AREA_UNITS = {"كيلومتر", "كيلومترا", "كيلومترات", "كم", "متر", "مترا", "امتار"}
# Nouns that start with و, which after a number is otherwise the conjunction ("123 وأصيب").
WAW_NOUNS = {"وحده", "وحدات", "وزير", "وزراء", "وفاه", "وفيات", "وجبه", "وجبات", "وثيقه", "وثاءق", "وظيفه", "وظاءف"}
# Words before a number that make it a label, an age or a year rather than a count.
LABEL_WORDS = set(normalize("رقم القرار قرار المادة البند الفقرة الدورة الصفحة الساعة عام العام سنة السنة العمر "
                            "عمر عمره عمرها البالغ بالرقم الرقم الطبعة النسخة الجولة المرحلة الحلقة "
                            "طراز إف أف "   # "مقاتلة من طراز إف 16": a model, not a count
                            # A channel, a military unit, an issue of a paper, a page's counters.
                            "سن السن القناة قناة الفرقة فرقة الكتيبة كتيبة اللواء الوحدة العدد الجزء الطابق "
                            "تعليقات التعليقات مشاهدات المشاهدات قراءات القراءات مشاركات المشاركات").split())
# Labels that may stand two words before their number: "القرار الأممي 2735", "القناة العبرية 12".
FAR_LABEL_FORMS = {"قرار", "قراري", "قرارين", "قراران", "قناه", "قناتي"}   # not القرارات "decisions"
# Nouns that count captives whoever holds them; the nationality or the holder after them decides.
CAPTIVE_NOUNS = re.compile(r"^(?:اسير|اسري$|اسرا$|اسيرات|محتجز|مختطف|مخطوف|معتقل|رهين|رهاءن|رهاين)")
# "في غزة", "لدى حماس": held in Gaza; "في السجون", "لدى الاحتلال": held by Israel.
HELD_IN_GAZA = {"غزه", "القطاع", "حماس", "المقاومه", "الفصاءل", "القسام", "الحركه", "الجهاد"}
HELD_BY_ISRAEL = {"سجون", "السجون", "سجونها", "سجن", "السجن", "الاحتلال", "اسراءيل", "معتقلات", "المعتقلات"}
# Words of a release or an exchange of captives.
RELEASE_STEMS = ("افراج", "يفرج", "تفرج", "افرج", "سراح", "تبادل", "مقابل", "تسليم", "تسلم", "يسلم", "صفقه")
# Deaths from hunger are a figure of the famine, not of the fighting: `other`.
CAUSE_WORDS = {"بسبب", "سبب", "نتيجه", "جراء", "الناجمه", "ناجمه", "الناتجه", "ناتجه"}
FAMINE_STEMS = ("جوع", "مجاع", "تجويع", "تغذيه", "الجوع", "المجاع", "التجويع", "التغذيه")
PERCENT_WORDS = ("في المءه", "بالمءه", "في الماءه", "بالماءه", "بالمءه")
QUALIFIERS = [normalize(q) for q in sorted((
    "ما لا يقل عن", "ما يزيد عن", "ما يزيد على", "ما يقارب", "ما يقرب من", "أكثر من", "أقل من", "أزيد من",
    "قرابة", "نحو", "حوالي", "حوالى", "زهاء", "قرابه", "ما مجموعه", "ما يناهز", "يناهز", "أكثر من", "فوق",
), key=len, reverse=True)]
AFTER_QUALIFIERS = [normalize(q) for q in ("على الأقل", "على الاقل")]
TRUCE_AFTER_STOP = {"اطلاق", "لاطلاق", "النار", "القتال", "العدوان", "الحرب", "الاعمال", "العمليات"}
DURATION_LEADS = {"لمده", "مدتها", "مدته", "مده", "لفتره", "تمتد", "تستمر", "يستمر", "مدتهما",
                  "تمديد", "تمديدها", "تمديده"}   # "بعد تمديدها يومين"
# After a number these begin a clause, they are not what is counted.
FUNCTION_WORDS = set(normalize(
    "من في على إلى الى عن مع منذ خلال حتى أو او ثم قبل بعد بين عند لدى الذي التي الذين هو هي كان كانت قد لا لم لن "
    "ما إن أن ان وفق وفقا بحسب حسب حيث فيما بينما منهم منها بينهم بينها هم هن مقابل كل لكل").split())
SUBCOUNT_WORDS = {"منهم", "منها", "بينهم", "بينها", "منهن", "بينهن"}
PAUSES = re.compile(r"[،,.؛;:!?؟]")
# "7 أكتوبر", "30 آذار": a day of a month (with no year, so not found as a date).
MONTH_WORDS = {normalize(name.split()[0]) for name in (*GREGORIAN_MONTHS, *HIJRI_MONTHS)}
BACK_NEAR, BACK_FAR, FORWARD = 3, 10, 3


def find_figures(sentences: list[Sentence], attribution: Callable[[int], str | None]) -> list[Figure]:
    figures: list[Figure] = []
    seen: set[tuple[str, float]] = set()
    for index, sentence in enumerate(sentences):
        for kind, value, text, qualifier in sentence_figures(sentence.text):
            key = (kind, float(value))
            if key not in seen:
                seen.add(key)
                figures.append(Figure(kind, _plain(value), text, qualifier, attribution(index)))
    return figures


def sentence_figures(text: str) -> list[tuple[str, float, str, str | None]]:
    """(kind, value, exact words, qualifier) for each figure in one sentence."""
    words = scan(text)
    if not words:
        return []
    bare = [_bare(w.norm) for w in words]
    truce = _about_truce(bare)
    dated = _date_spans(text) if any(w.value is not None for w in words) else []
    out: list[tuple[str, float, str, str | None]] = []
    numbers = read_numbers(words)
    covered = {k for number in numbers for k in range(number.first, number.last + 1)}
    used_units: set[int] = set()
    # Words after a comma or a full stop: "والإصابات 230، ليرتفع": what follows is not counted.
    breaks = frozenset(k for k in range(1, len(words)) if PAUSES.search(text, words[k - 1].end, words[k].start))
    previous: tuple[str, int] | None = None   # the kind and last word of the figure before
    for n, number in enumerate(numbers):
        if _skipped(text, words, number, dated, numbers, n):
            continue
        found = _counted(words, bare, number, truce, breaks)
        if found is None:
            continue
        kind, value, noun_end = found
        if previous and (kind == "other" and noun_end < len(words) and words[noun_end].norm in SUBCOUNT_WORDS
                         or number.first - previous[1] <= 3 and SUBCOUNT_WORDS & set(bare[number.first - 1])):
            # "600 شاحنة ... مع 300 منها", "404 أشخاص بينهم 141 طفلا": a part of the count just given
            kind = previous[0]
        previous = (kind, noun_end)
        kind = _held_by(words, bare, kind, noun_end)
        kind = _famine(bare, kind, number.first, noun_end)
        if kind == "truce-days":
            used_units.add(noun_end)
        out.append(_quoted(text, words, kind, value, number.first, noun_end))
    for i in range(len(words)):
        # "صحفيان", "إصابتين", "غارتين": a dual noun is a count of two.
        # "العنصرين": a definite dual points back to people already counted.
        definite = any(v.startswith("ال") for v in clitic_variants(words[i].norm))
        stem = None if i in covered or definite else _dual_stem(bare[i])
        if stem:
            # "فلسطينيان قالا": two people are a figure only as victims or captives.
            kind = _kind_noun((stem,)) or (
                _event_kind(bare, i, i) or _released(bare, (stem,), i, i) if _is_people((stem,)) else "other")
            if kind:
                kind = _famine(bare, _held_by(words, bare, kind, i), i, i)
                out.append(_quoted(text, words, kind, 2, i, i))
    if truce:
        out.extend(_bare_durations(text, words, bare, used_units))
    return out


def _quoted(text: str, words: list[Word], kind: str, value: float, first: int, last: int):
    """The figure with its exact words, from a qualifier before it (أكثر من) to the counted noun."""
    start = _qualifier_start(words, first)
    qualifier = text[words[start].start:words[first - 1].end] if start < first else None
    end = words[last].end
    after = _after_qualifier(words, last)
    if after:
        end = after
        qualifier = qualifier or text[words[last + 1].start:after]
    return kind, value, text[words[start].start:end], qualifier


def _dual_stem(forms: tuple[str, ...]) -> str | None:
    suffixes = (("تان", True), ("تين", True), ("تي", True), ("تا", True), ("ان", False), ("ين", False))
    for token, (suffix, feminine) in ((t, s) for t in forms for s in suffixes):
        if token.endswith(suffix) and len(token) > len(suffix) + 1:
            stem = token[:-len(suffix)] + ("ه" if feminine else "")
            if suffix == "ين" and stem not in DUAL_SAFE:
                continue   # فلسطينيين، مصابين: a plural as often as a dual
            if suffix in ("تي", "تا") and stem not in THINGS:
                continue   # construct duals (قذيفتي هاون) only for things, where they cannot be "my"
            if stem in DUAL_NOUNS:
                return stem
    return None


def _bare(token: str) -> tuple[str, ...]:
    """The token's readings without clitics and article: وبالأسرى -> (..., اسري); فلسطيني stays whole too."""
    out = []
    for variant in clitic_variants(token):
        for form in (variant, strip_article(variant)):
            if form not in out:
                out.append(form)
    return tuple(out)


def _about_truce(bare: list[str]) -> bool:
    for i, token in enumerate(bare):
        if {"هدنه", "تهدءه"} & set(token):
            return True
        # "المرحلة الأولى من الاتفاق تستمر 42 يوما": a phase of a deal is a stretch of the truce.
        if {"مرحله", "مرحلتها"} & set(token) and (
                any({"اتفاق", "صفقه"} & set(t) for t in bare[i + 1:i + 5])
                or any(CAPTIVE_NOUNS.match(f) for t in bare for f in t)):
            return True   # a phase in which captives are freed is a phase of the truce too
        # "وقف إطلاق النار", "وقفا شاملا لإطلاق النار"
        if {"وقف", "وقفا"} & set(token) and any(TRUCE_AFTER_STOP & set(t) for t in bare[i + 1:i + 3]):
            return True
    return False


def _date_spans(text: str) -> list[tuple[int, int]]:
    return [(d.start, d.end) for d in find_dates(text)]


def _skipped(text: str, words: list[Word], number: Number, dated, numbers: list[Number], n: int) -> bool:
    first = words[number.first]
    if any(s <= first.start < e for s, e in dated):
        return True   # part of a date
    if number.value == 0:
        return True   # "0 تعليق": a page counter, never a figure of the story
    if _labelled(words, number.first) or (
            n and numbers[n - 1].last + 1 == number.first and first.clitic == "و"
            and _labelled(words, numbers[n - 1].first)):
        return True   # "القرار الأممي 2735", "القرارين 242 و338", "القناة العبرية 12"
    last = words[number.last]
    if text[last.end:last.end + 1] in ("/", ":") or text[max(0, first.start - 1):first.start] in ("/", ":"):
        return True   # "14/5", "8:30", a ratio: not a count
    if first.value is not None and not number.multiplied:
        if first.value.is_integer() and 1900 <= first.value <= 2100:
            following = words[number.last + 1].norm if number.last + 1 < len(words) else ""
            if following == "من" and number.last + 2 < len(words):
                following = words[number.last + 2].norm   # "2000 من المعتقلين"
            if not (_kind_noun(_bare(following)) or _is_people(_bare(following))):
                return True   # a year, unless people are counted: "1900 أسير", "2000 شخص"
        if first.value >= 10**7:
            return True   # a phone number or an identifier
        if _mistyped_year(first.value) or (number.first and MONTH_WORDS & set(_bare(words[number.first - 1].norm))
                                            and 1900 <= first.value < 30000):
            following = words[number.last + 1].norm if number.last + 1 < len(words) else ""
            if not (_kind_noun(_bare(following)) or _is_people(_bare(following))):
                return True   # "20224", "7 أكتوبر 20223": a year typed with one digit too many
    if first.value is not None and re.search(r"[A-Za-z][-\s]?$", text[max(0, first.start - 2):first.start]):
        return True   # "F16", "S-400": a model name
    if first.value is not None and re.search(r"(?:^|\s)ال\u0640*\s?$", text[max(0, first.start - 5):first.start]):
        return True   # "الـ15": an ordinal or an age ("في الـ15 من عمره"), not a count
    after = words[number.last + 1].norm if number.last + 1 < len(words) else ""
    if MONTH_WORDS & set(_bare(after)) and not number.multiplied:
        return True   # a day of a month
    if after == "من" and number.last + 2 < len(words) and words[number.last + 2].norm.startswith("عمر"):
        return True   # "15 من عمره": an age
    before = words[number.first - 1].norm if number.first else ""
    if LABEL_WORDS & set(_bare(before)) and not _percent_after(words, number.last):
        return True   # "الخط رقم 8", "عام 2014", "الساعة 8"; but "الجزء 8 في المائة" is a share
    # "بين 3.6 و3.7 مليار", "200-250": the lower end of a range gives way to the upper.
    if n + 1 < len(numbers) and number.last + 2 >= numbers[n + 1].first > number.last:
        gap = [w.norm for w in words[number.last + 1:numbers[n + 1].first]]
        nxt = numbers[n + 1]
        upper = nxt.value if not nxt.multiplied else nxt.value / _multiplier(words, nxt)
        lower = number.value if not number.multiplied else number.value / _multiplier(words, number)
        if all(g in ("و", "الي", "حتي", "او") for g in gap) and upper > lower and not number.multiplied:
            between = text[words[number.last].end:words[nxt.first].start]
            if gap or words[nxt.first].clitic == "و" or between.strip() in ("-", "–", "—"):
                return True
    return False


def _percent_after(words: list[Word], last: int) -> bool:
    after = [w.norm for w in words[last + 1:last + 3]]
    return bool(after) and (words[last + 1].percent or after[0] in PERCENT_WORDS or " ".join(after) in PERCENT_WORDS)


def _labelled(words: list[Word], first: int) -> bool:
    """A channel or resolution name up to two words before the number (adjectives between)."""
    for k in range(first - 1, max(-1, first - 3), -1):
        if words[k].value is not None:
            return False
        if FAR_LABEL_FORMS & set(_bare(words[k].norm)):
            return True
    return False


def _mistyped_year(value: float) -> bool:
    """A five-digit number that is a 2015-2029 year with one digit too many: 20224, 20025."""
    digits = str(int(value)) if value.is_integer() else ""
    return len(digits) == 5 and any(2015 <= int(digits[:k] + digits[k + 1:]) <= 2029 for k in range(5))


def _held_by(words: list[Word], bare: list[tuple[str, ...]], kind: str, noun: int) -> str:
    """Hostages are held in Gaza, prisoners by Israel: "أسرى إسرائيليين" are hostages,
    "محتجزين فلسطينيين" prisoners; with no nationality, "في غزة"/"لدى حماس" or "في السجون" decide."""
    if kind not in ("hostages", "prisoners") or not any(CAPTIVE_NOUNS.match(f) for f in bare[noun]):
        return kind
    nationality = bare[noun + 1] if noun + 1 < len(words) else ()
    if any(f.startswith("اسراءيلي") for f in nationality):
        return "hostages"
    if any(f.startswith("فلسطيني") for f in nationality):
        return "prisoners"
    for k in range(noun + 1, min(len(words), noun + 5)):
        token = words[k].norm
        held = set(bare[k + 1]) if token in ("في", "لدي") and k + 1 < len(words) else (
            {token[1:], strip_article(token[1:])} if token[:1] == "ب" else set())
        if held & HELD_IN_GAZA:
            return "hostages"
        if held & HELD_BY_ISRAEL:
            return "prisoners"
    # "سلمت الدفعة الثانية من الأسرى الإسرائيليين ... وعددهم 13 أسيرا": the captives the
    # sentence names with one nationality only.
    if not any(f.startswith("اسير") or f in ("اسري", "اسرا") for f in bare[noun]):
        return kind   # محتجز, رهينة, معتقل keep the side their word says
    told = set()
    for k in range(len(words) - 1):
        if k != noun and any(CAPTIVE_NOUNS.match(f) for f in bare[k]):
            told |= {"hostages" for f in bare[k + 1] if f.startswith("اسراءيلي")}
            told |= {"prisoners" for f in bare[k + 1] if f.startswith("فلسطيني")}
    return told.pop() if len(told) == 1 else kind


def _released(bare: list[tuple[str, ...]], noun: tuple[str, ...], first: int, last: int) -> str | None:
    """"الإفراج عن 33 إسرائيليا مقابل 1890 فلسطينيا": in a release or an exchange, Israelis
    are hostages and Palestinians prisoners."""
    if not any(f.startswith(RELEASE_STEMS) for t in bare[max(0, first - 8):last + 5] for f in t):
        return None
    if any(f.startswith("اسراءيلي") for f in noun):
        return "hostages"
    if any(f.startswith("فلسطيني") for f in noun):
        return "prisoners"
    return None


def _famine(bare: list[tuple[str, ...]], kind: str, first: int, last: int) -> str:
    """"توفي 66 طفلا بسبب سوء التغذية": deaths from hunger are counted as `other`."""
    if kind != "killed":
        return kind
    window = bare[max(0, first - 6):last + 7]
    if any(f.startswith(FAMINE_STEMS) for t in window for f in t):
        return "other"
    # "ارتقى 4 فلسطينيين ... خلال الساعات الماضية بسبب تفاقم المجاعة": the cause told later.
    for k in range(last + 1, len(bare)):
        if CAUSE_WORDS & set(bare[k]) and any(f.startswith(FAMINE_STEMS) for t in bare[k + 1:k + 4] for f in t):
            return "other"
    return kind


def _multiplier(words: list[Word], number: Number) -> float:
    return MULTIPLIERS.get(words[number.last].norm, 1)


def _counted(words: list[Word], bare: list[str], number: Number, truce: bool, breaks: frozenset[int] = frozenset()):
    """(kind, value, index of the last word of the figure) or None."""
    value = number.value
    j = number.last + 1
    if number.postposed:
        return _postposed(words, bare, number)
    nxt = words[j].norm if j < len(words) and j not in breaks else ""
    # A percentage: "85%", "25 في المائة".
    if j < len(words) and words[j].percent:
        return "other", value, j
    pair = f"{nxt} {words[j + 1].norm}" if j + 1 < len(words) else ""
    if nxt in PERCENT_WORDS or pair in PERCENT_WORDS:
        return "other", value, j if nxt in PERCENT_WORDS else j + 1
    if nxt in TIME_UNITS:
        # "لأربعة أيام", "لـ42 يوما": "for" a span, in a sentence about a truce.
        lam = words[number.first].clitic == "ل" or (
            words[number.first].norm[:1] == "ل" and strip_clitic(words[number.first].norm) != words[number.first].norm)
        if truce and (lam or _truce_duration(bare, number.first)):
            return "truce-days", value * TIME_UNITS[nxt], j
        return None
    if not nxt:
        # "وبلغت الإصابات أكثر من 17500": nothing follows, the kind word just before decides.
        start = _qualifier_start(words, number.first)
        if start and set(bare[start - 1]) & TIME_UNITS.keys():
            return None   # "قبل سنوات سبع": a span of time
        kind = _kind_in(bare, range(start - 1, max(-1, start - 1 - BACK_NEAR), -1)) or _tally_kind(bare, start)
        return (kind, value, number.last) if kind else None
    if nxt in AREA_UNITS and j + 1 < len(words) and words[j + 1].norm.startswith("مربع"):
        return "other", value, j + 1   # an area
    if nxt in NOT_COUNTED or words[j].value is not None:
        return None
    # "4 من جنوده", "ثلاث من السيارات": a part of a group; an event just before decides first
    # ("وقتل الخاطفون أربعة من الرهائن" counts the killed, not the hostages).
    # "يرتفع إلى 162 عدد الفلسطينيين الذين قتلوا": the number stands before "عدد X".
    if nxt in ("من", "عدد") and j + 1 < len(words):
        noun = bare[j + 1]
        kind = _kind_in(bare, range(number.first - 1, max(-1, number.first - 3), -1)) or _kind_noun(noun)
        return (kind or _event_kind(bare, number.first, j + 1) or "other"), value, j + 1
    noun = bare[j]
    kind = _kind_noun(noun)
    if kind:
        return kind, value, j
    # "و1700 اعتقلوا منذ بداية الحرب", "56 قتلوا": the verb after the number tells what happened.
    if nxt.endswith(("وا", "ن")) and _kind_in(bare, [j]):
        return _kind_in(bare, [j]), value, j
    # "15 ألفا برصاص", "131 بالرصاص": a preposition, not a counted noun, follows the number.
    prepositional = (nxt.startswith(("بال", "لل", "كال", "فال")) and not nxt.startswith("بالون")) or (
        number.multiplied and nxt[:1] in "بل" and not nxt.startswith("لتر"))   # "130 ألف لتر" is a quantity
    if (nxt in FUNCTION_WORDS or prepositional or (nxt.startswith("و") and nxt not in WAW_NOUNS)) \
            and nxt not in SUBCOUNT_WORDS:
        # No noun: a bare count takes the event around it ("وإصابة 250 في ..."), if any.
        kind = _event_kind(bare, number.first, number.last)
        if kind:
            return kind, value, number.last
        if number.multiplied and (_money_before(bare, number.first) or nxt == "في"):
            return "other", value, number.last   # a sum of money; "2 مليون في غزة": a population
        return None
    if _is_people(noun) or nxt in SUBCOUNT_WORDS:
        # "بلغ عدد الشهداء ... 51 فلسطينيا، والإصابات 230": the tally named before beats the clause after.
        # "الإفراج عن 10 محتجزين ... مقابل 30 فلسطينيا": the side of the exchange beats a captive word further back.
        # "مقتل ما لا يقل عن 130 شخصا": the event stands before the qualifier.
        start = _qualifier_start(words, number.first)
        near = _kind_in(bare, range(number.first - 1, max(-1, number.first - 1 - BACK_NEAR), -1)) or (
            _kind_in(bare, [start - 1]) if 0 < start < number.first else None)
        kind = near or _tally_kind(bare, start) or _released(bare, noun, start, j) or _event_kind(bare, number.first, j)
        return (kind or "other"), value, j
    if nxt in ("طن", "طنا"):
        return "other", value, j   # "4700 طن من المساعدات"
    if nxt.startswith("ال") or len(nxt) < 3 or not _arabic(nxt):
        return None   # a definite word after a number is a label ("رقم 8 المغذي")
    return "other", value, j


def _postposed(words: list[Word], bare: list[str], number: Number):
    """"جندي إسرائيلي واحد", "فلسطينيين اثنين", "اثنان منهم": the noun stands before the number."""
    i = number.first
    if i + 1 < len(words) and words[i + 1].norm == "من" and number.value == 2:   # "واثنين من أعضاء الحركة"
        return _counted(words, bare, Number(i, i, number.value), truce=False)
    for back in (1, 2):
        if i - back < 0:
            break
        noun = bare[i - back]
        kind = _kind_noun(noun)
        if kind:
            return kind, number.value, i
        if _is_people(noun):
            return (_event_kind(bare, i - back, i) or _released(bare, noun, i - back, i) or "other"), number.value, i
        if set(noun) & TIME_UNITS.keys():
            return None
    if i + 1 < len(words) and words[i + 1].norm in SUBCOUNT_WORDS:
        kind = _event_kind(bare, i, i + 1)
        return (kind, number.value, i) if kind else None
    return None


def _kind_noun(noun: tuple[str, ...]) -> str | None:
    for kind, pattern in _KIND_NOUN_RE.items():
        if any(pattern.match(form) for form in noun):
            return kind
    return None


def _is_people(noun: tuple[str, ...]) -> bool:
    # Nationality and group adjectives used as nouns count people: "1452 سوريا", "ثلاثة عسكريين".
    return any((form.startswith(p) and len(form) - len(p) <= 3) for form in noun for p in PEOPLE) or any(
        len(form) >= 5 and form.endswith(("يين", "يون", "يا")) for form in noun)


def _arabic(token: str) -> bool:
    return is_arabic_word(token)


def _event_kind(bare: list[str], first: int, last: int) -> str | None:
    """The kind of the nearest event word: just before the number, just after the noun, then further back.

    After "بينهم/منهم" ("استشهد خمسة بينهم طفلان وأصيب آخرون") the count is part of the one
    before it, so the event before it decides, never the next clause's.
    """
    near = _kind_in(bare, range(first - 1, max(-1, first - 1 - BACK_NEAR), -1))
    if near:
        return near
    if first > 0 and SUBCOUNT_WORDS & set(bare[first - 1]):
        return _kind_in(bare, range(first - 1 - BACK_NEAR, max(-1, first - 1 - BACK_FAR), -1))
    after = _kind_in(bare, range(last + 1, min(len(bare), last + 1 + FORWARD)))
    if after:
        return after
    return _kind_in(bare, range(first - 1 - BACK_NEAR, max(-1, first - 1 - BACK_FAR), -1))


def _tally_kind(bare: list[str], first: int) -> str | None:
    """"يرتفع عدد القتلى ... إلى 162 شخصا": the tally named earlier in the sentence decides."""
    for k in range(first - 1, -1, -1):
        if {"عدد", "حصيله", "اجمالي"} & set(bare[k]):
            kind = _kind_in(bare, range(k + 1, min(first, k + 3)))
            if kind:
                return kind   # "وإجمالي العدد ... إلى 158": a bare tally word refers to the one before it
    return None


def _kind_in(bare: list[str], positions) -> str | None:
    for k in positions:
        for kind, pattern in _KIND_RE.items():
            if any(pattern.match(form) for form in bare[k]):
                return kind
    return None


def _money_before(bare: list[str], first: int) -> bool:
    return any({"مبلغ", "قيمه", "منحه", "تمويل"} & set(t) for t in bare[max(0, first - 2):first])


def _truce_duration(bare: list[str], first: int) -> bool:
    """A duration that is the truce's length: "هدنة 60 يوما", "لمدة أسبوع", "مدتها عام"."""
    window = bare[max(0, first - 3):first]
    # "تستمر المرحلة الأولى من الاتفاق 42 يوما": the verb of lasting may stand further back.
    lasting = bare[max(0, first - 6):first]
    return any((DURATION_LEADS | {"هدنه", "تهدءه"}) & set(t) for t in window) or any(
        {"تستمر", "يستمر", "تمتد", "يمتد"} & set(t) for t in lasting) or (
        first >= 1 and bool({"النار", "القتال"} & set(bare[first - 1]))) or (
        first >= 2 and "وقف" in bare[first - 2] and bool(TRUCE_AFTER_STOP & set(bare[first - 1])))   # "وقف الحرب 60 يوما"


def _bare_durations(text: str, words: list[Word], bare: list[str], used: set[int]):
    """Durations without a number: "يومين", "شهرين", "لمدة أسبوع", "مدتها عام", "عام واحد"."""
    out = []
    for i, word in enumerate(words):
        if i in used:
            continue
        token = strip_clitic(word.norm) if word.norm[:1] in "ول" else word.norm
        token = token[1:] if token[:1] in ("ل", "و") and token[1:] in DUAL_UNITS else token
        # "تمديد الهدنة في القطاع، ليومين": "for two days" in a sentence about a truce.
        if token in DUAL_UNITS and (_truce_duration(bare, i) or word.norm[:1] == "ل" or word.norm[:2] == "ول"):
            out.append(("truce-days", DUAL_UNITS[token], text[word.start:word.end], None))
        elif token[:1] == "ل" and token[1:] in ("اسبوع", "شهر", "عام", "سنه") and _truce_duration(bare, i):
            out.append(("truce-days", TIME_UNITS[token[1:]], text[word.start:word.end], None))   # "تمتد لأسبوع"
        elif token in TIME_UNITS and TIME_UNITS[token] > 1 and i and words[i - 1].value is None and (
                DURATION_LEADS & set(bare[i - 1]) or (i + 1 < len(words) and words[i + 1].norm in ("واحد", "واحدا"))):
            if DURATION_LEADS & set(bare[i - 1]) and not _truce_duration(bare, i):
                continue
            if token in ("اسابيع", "اشهر", "شهور", "اعوام", "سنوات", "سنين", "ايام"):
                continue   # a plural without a number is vague
            out.append(("truce-days", TIME_UNITS[token], text[word.start:word.end], None))
    return out


def _qualifier_start(words: list[Word], first: int) -> int:
    """Where the figure's words start: "أكثر من 34 ألف" starts at أكثر."""
    for qualifier in QUALIFIERS:
        parts = qualifier.split()
        start = first - len(parts)
        if start < 0:
            continue
        got = [words[k].norm for k in range(start, first)]
        if got[1:] == parts[1:] and (got[0] == parts[0] or got[0][1:] == parts[0]):
            return start
    return first


def _after_qualifier(words: list[Word], last: int) -> int | None:
    """The end offset of "على الأقل" right after the figure, if it is there."""
    for qualifier in AFTER_QUALIFIERS:
        parts = qualifier.split()
        got = [w.norm for w in words[last + 1:last + 1 + len(parts)]]
        if got == parts:
            return words[last + len(parts)].end
    return None


def _plain(value: float) -> int | float:
    return int(value) if float(value).is_integer() else value
