"""Clean: separate the article's own words from the site chrome around them.

Scraped articles start with whatever the page had above the story (banner
date, weather, masthead, section names, share counters, "copied to
clipboard") and sometimes end with more of it.  This stage finds where the
body starts, picks the headline among the lines above it, and removes chrome
lines.  It never rewords: every kept line is kept byte for byte.
"""
from __future__ import annotations

import re

from .arabic import analyze, normalize, sentence_spans, tokenize
from .dates import find_dates, without_dates
from .records import CleanedText

# A body paragraph is a real sentence: this many words, or this many characters.
BODY_MIN_WORDS = 14
SHORT_SENTENCE_WORDS = 6
TITLE_MIN_WORDS = 3
TITLE_MAX_WORDS = 30
LEAD_TITLE_MAX_WORDS = 30
HEADLINE_REPEAT_WINDOW = 8

_SEPARATOR = re.compile(r"^[\s\-–—_*•·=~|/\\.]*$")
_MEDIA_LINE = re.compile(r"^\s*(?:!\[[^\]]*\]\(|https?://\S+\s*$|www\.\S+\s*$)")
_COUNTER = re.compile(r"^[\s\d٠-٩۰-۹,.٬٫:+%-]*$")   # view and share counters, times, lone numbers
_WEATHER = re.compile(r"[℃℉°]|درجة الحرارة|الطقس")
# Lines that only make sense on the web page.  Matched on normalised text.
_CHROME_PHRASES = [normalize(p) for p in (
    "تم نسخ", "نسخ الرابط", "انسخ الرابط", "شارك", "مشاركة", "طباعة", "اقرأ أيضا", "اقرأ ايضا",
    "إقرأ أيضا", "تابعونا", "تابعنا على", "للاشتراك", "اشترك في", "الأكثر قراءة", "الأكثر مشاهدة",
    "أخبار ذات صلة", "مواضيع ذات صلة", "كلمات مفتاحية", "الوسوم", "عاجل", "تعبيرية", "صورة تعبيرية",
    "أرشيفية", "صورة أرشيفية", "المصدر:", "حجم الخط", "الرئيسية", "فيديو", "إعلان",
)]
# Lists of other stories: the headlines under these lines are links, not the article's words.
_RELATED = [normalize(p) for p in (
    "آخر الأخبار", "أحدث الأخبار", "شريط الأخبار", "اقرأ أيضا", "اقرأ ايضا", "إقرأ أيضا", "اقرأ المزيد", "شاهد أيضا", "أخبار ذات صلة", "مواضيع ذات صلة",
    "أخبار متعلقة", "ذات صلة", "الأكثر قراءة", "الأكثر مشاهدة", "المزيد من الأخبار", "قد يعجبك أيضا",
)]
# A site's greeting printed above every article ("أعزاءنا الزوار ..."): never the headline, never the story.
_BOILERPLATE_OPENINGS = [normalize(p) for p in (
    "أعزاءنا الزوار", "أعزائي الزوار", "عزيزي الزائر", "عزيزي القارئ", "أعزاءنا القراء", "زوارنا الكرام",
    "متابعينا الكرام", "مرحبا بكم في موقع", "أهلا بكم في موقع", "نرحب بكم في موقع",
)]
# "1.2K مشاهدة", "0 تعليق", "شارك 34": counters beside a number.
_COUNTER_WORDS = set(tokenize("مشاهدة مشاهدات تعليق تعليقات قراءة قراءات زيارة زيارات إعجاب مشاركة مشاركات "
                              "views comments shares likes reads k"))
# Menus and breadcrumbs: three or more short items between separators ("الرئيسية | سياسة | اقتصاد").
_MENU_SEPARATOR = re.compile(r"\s*[|»›>«‹<•·/\\]\s*")
MENU_ITEM_MAX_WORDS = 3
# Credits and section labels standing where a headline would: short, and cut by a bracket,
# pipe, slash or spaced dash.
CREDIT_MAX_WORDS = 6
CREDIT_LEAD_MAX_WORDS = 3   # words before the mark: a place, a name, a desk
_CREDIT_MARKS = re.compile(r"[|/()\[\]«»]|\s[-–—]|[-–—]\s")
_SITE_WORDS = set(tokenize("موقع وكالة صحيفة جريدة قناة شبكة بوابة"))
SECTION_MAX_WORDS = 3
BODY_OVERLAP_CHARS = 1500
SLUG_MIN_SHARE = 0.5
SLUG_MIN_WORDS = 2
_PUBLICATION_WORDS = set(tokenize("نشر نشرت منشور النشر بتاريخ published"))
# A scraper's header stamp opening the file: " date 2025-10-09 <headline>", "Date: 2024-03-17".
_STAMP = re.compile(r"^\s*(?:date|published|pubdate)\s*[:=]?\s*"
                    r"(?P<date>\d{4}-\d{2}(?:-\d{2})?)(?:[T ]\d{1,2}:\d{2}(?::\d{2})?(?:\.\d+)?(?:Z|[+-]\d{2}:?\d{2})?)?(?!\S)\s*",
                    re.IGNORECASE)
# Words a publication line holds besides its date: "نشر في: 09-09-2025 | آخر تحديث: 10-09-2025".
_STAMP_WORDS = set(tokenize("نشر نشرت منشور في بتاريخ تاريخ النشر الاضافة التحديث اخر آخر تحديث تعديل حدث الساعة "
                            "ص م مساء صباحا صباح بتوقيت غرينتش جرينتش القدس مكة gmt utc published updated on at am pm"))
_MASTHEAD = [normalize(p) for p in ("رئيس مجلس الإدارة", "رئيس مجلسى الإدارة", "رئيس مجلسي الإدارة", "رئيس التحرير",
                                     "مدير التحرير", "رئيس مجلس الادارة")]


def clean(text: str, slug: list[str] = ()) -> CleanedText:
    """``slug``: the words of the page URL's path, when known (they often spell the headline)."""
    lines = [line.rstrip() for line in text.split("\n")]
    stamp = _take_stamp(lines)
    ticker = _ticker_lines(lines)
    body_start = _first_body_line(lines, ticker)
    header_zone = lines[:body_start]
    removed: list[str] = []
    header: list[str] = []
    chrome_before: dict[int, list[str]] = {}   # chrome lines seen before the n-th header line
    masthead_next = False
    for number, line in enumerate(header_zone):
        stripped = line.strip()
        if not stripped:
            continue
        if masthead_next:  # the name under "رئيس التحرير"
            removed.append(stripped)
            masthead_next = False
            continue
        kind = "ticker" if number in ticker else classify_chrome(stripped)
        if kind:
            removed.append(stripped)
            chrome_before.setdefault(len(header), []).append(stripped)
            masthead_next = kind == "masthead" and len(normalize(stripped).split()) <= 5
        else:
            header.append(stripped)

    header = _drop_captions(header, removed)
    title = _pick_title(header, lines[body_start:], slug)
    banner: list[str] = []
    banner_chrome: list[str] = []
    if title is not None:
        # Lines above the headline are the site's banner (its "today", its
        # section names); lines between headline and body are the byline zone.
        cut = header.index(title)
        banner = header[:cut]
        banner_chrome = [line for position, lines_ in sorted(chrome_before.items()) if position <= cut
                         for line in lines_]
        header = [line for line in header[cut + 1:] if line != title]

    paragraphs = _body_paragraphs(lines[body_start:], title, removed)
    if not paragraphs:
        # A one-line item (a video caption, a brief) has no paragraph-like line: its words are
        # still the article's, so they become its body rather than losing the article.
        paragraphs = [line for line in header if not is_date_line(line)] or ([title] if title else [])
        header = [line for line in header if line not in paragraphs]
    title_source = "headline"
    if title is None:
        title, title_source = _lead_title(paragraphs)
    return CleanedText(header=header, title=title, title_source=title_source, paragraphs=paragraphs,
                       removed=removed, banner_lines=banner, banner_chrome=banner_chrome, stamp=stamp)


def _is_publication_line(line: str) -> bool:
    return any(d.has_time for d in find_dates(line)) or bool(_PUBLICATION_WORDS & set(tokenize(line)))


def _take_stamp(lines: list[str]) -> str | None:
    """A scraper's stamp opening the file is taken off its line (the rest may be the headline)."""
    for i, line in enumerate(lines):
        if not line.strip():
            continue
        m = _STAMP.match(line)
        if not m:
            return None
        lines[i] = line[m.end():]
        return m.group(0).strip()
    return None


def classify_chrome(line: str) -> str | None:
    """Why ``line`` is site chrome ("separator", "counter", ...), or None if it may be content."""
    if _SEPARATOR.match(line):
        return "separator"
    if _MEDIA_LINE.match(line):
        return "media"   # an image or a bare link: its address may hold a date that dates nothing
    if _COUNTER.match(line) and not find_dates(line):   # "14-03-2024 09:41" is a date, not a counter
        return "counter"
    norm = normalize(line)
    words = norm.split()
    if _WEATHER.search(line) and len(words) <= 6:
        return "weather"
    if any(norm.startswith(m) for m in _MASTHEAD) or (len(words) <= 8 and any(m in norm for m in _MASTHEAD)):
        return "masthead"   # also glued to the site's name: "هي وهما رئيس مجلس الإدارةأميرة عبيد"
    if len(words) <= 6 and any(norm.startswith(p) or norm == p for p in _CHROME_PHRASES):
        return "chrome"
    if any(norm.startswith(p) for p in _BOILERPLATE_OPENINGS):
        return "boilerplate"
    if _is_menu(line):
        return "menu"
    if len(words) <= 4 and any(ch.isdigit() for ch in line) and _COUNTER_WORDS & set(tokenize(line)):
        return "counter"
    if line.startswith("-") and len(words) <= 8:
        return "chrome"  # "- تم نسخ عنوان المقال" and similar list-item leftovers
    if is_related_marker(line) and len(words) < BODY_MIN_WORDS:
        return "related"  # "اقرأ أيضا: عنوان مقال آخر"
    return None


def _is_credit(line: str) -> bool:
    """A short line that credits a place, a site or a desk, not a headline: "رام الله (الاتحاد)",
    "غزة - فلسطين أون لاين", "حضارم اليوم /متابعات", "|| صحافة ||"."""
    mark = _CREDIT_MARKS.search(line)
    if not mark or len(line[:mark.start()].split()) > CREDIT_LEAD_MAX_WORDS:
        return False   # "فيضان يجتاح صنعاء وضواحيها (صور)" is a headline with a tag
    words = len(line.split())
    named_site = bool(set(tokenize(line)) & _SITE_WORDS)   # "موقع كل يوم -وكالة مدار الساعة الإخبارية"
    return words <= CREDIT_MAX_WORDS or (named_site and words <= 2 * CREDIT_MAX_WORDS)


def _is_menu(line: str) -> bool:
    items = [item for item in _MENU_SEPARATOR.split(line) if item.strip()]
    return (len(items) >= 3 and all(len(item.split()) <= MENU_ITEM_MAX_WORDS for item in items)
            and not find_dates(line))


def is_related_marker(line: str) -> bool:
    norm = normalize(line).lstrip("-–—•* ")
    return any(norm.startswith(p) for p in _RELATED)


def is_date_line(line: str) -> bool:
    """A line that is mostly a date (a banner, a timestamp, "منشور الاثنين 30 يونيو 2025")."""
    dates = find_dates(line)
    if not dates:
        return False
    rest = without_dates(line, dates)
    # Publication and update words, times and time zones are part of a date line.
    words = [w for w in tokenize(rest) if w not in _STAMP_WORDS and not w.isdigit()]
    return len(words) <= 4


def _ticker_lines(lines: list[str]) -> set[int]:
    """Lines under a "latest news" or "read also" label, up to the next blank line: other
    stories' headlines, however long."""
    ticker: set[int] = set()
    under_label = False
    for i, line in enumerate(lines):
        stripped = line.strip()
        if not stripped:
            under_label = False
        elif under_label:
            ticker.add(i)
        elif normalize(stripped).strip(" :-–—•*") in _RELATED:
            under_label = True   # the label alone on its line ("احدث الاخبارفلسطين" is a breadcrumb)
    return ticker


def _first_body_line(lines: list[str], ticker: set[int] = frozenset()) -> int:
    """Where the body starts: the first real paragraph, or, in a short article of short
    sentences, the first line that ends a sentence (never "no body": that would lose the article)."""
    def content(i: int, line: str) -> bool:
        return i not in ticker and not is_date_line(line) and not classify_chrome(line)

    stripped = [line.strip() for line in lines]
    seen_headline = False
    for i, line in enumerate(stripped):
        if len(line.split()) >= BODY_MIN_WORDS and content(i, line):
            if not seen_headline and _long_headline(stripped, i):
                seen_headline = True
                continue
            return i
    for i, line in enumerate(stripped):
        if len(line.split()) >= SHORT_SENTENCE_WORDS and line.endswith((".", "؟", "!", "?")) and content(i, line):
            return i
    return len(lines)


def _long_headline(lines: list[str], i: int) -> bool:
    """A long line that is the headline, not the first paragraph ("X.. سياسيون: Y", common on
    Egyptian sites): unpunctuated, and followed by a date, byline or masthead line, never by text."""
    line = lines[i]
    if len(line.split()) > TITLE_MAX_WORDS or line.endswith((".", ":", "،", ",", "؛")):
        return False
    following = next((other for other in lines[i + 1:] if other), "")
    printed_again = line in lines[i + 1:i + 1 + HEADLINE_REPEAT_WINDOW]   # page title, then article title
    return printed_again or (bool(following) and (is_date_line(following)
                                                  or len(following.split()) < SHORT_SENTENCE_WORDS))


def _drop_captions(header: list[str], removed: list[str]) -> list[str]:
    """A photo caption often appears twice, the second time longer ("X رئيس" / "X رئيس المكتب ...")."""
    out: list[str] = []
    for line in header:
        if out and line != out[-1] and line.startswith(out[-1]) and len(out[-1].split()) >= 2:
            removed.append(out.pop())
            removed.append(line)
            continue
        out.append(line)
    return out


def _pick_title(header: list[str], body: list[str], slug: list[str] = ()) -> str | None:
    candidates = [line for line in header
                  if TITLE_MIN_WORDS <= len(line.split()) <= TITLE_MAX_WORDS and not is_date_line(line)
                  and not _is_credit(line)]
    opening = set(analyze(" ".join(line for line in body if line.strip())[:BODY_OVERLAP_CHARS]))
    # A short line that shares no word with the story is a section name ("تقارير و دراسات").
    candidates = [line for line in candidates
                  if len(line.split()) > SECTION_MAX_WORDS or not opening or opening & set(analyze(line))]
    if not candidates:
        return None
    if slug:
        # The page address often spells the headline: the line it spells most of wins.
        words = {word for word in slug if len(word) > 2}
        shared = {line: len(words & {w for w in tokenize(line) if len(w) > 2}) for line in candidates}
        best = max(candidates, key=lambda line: shared[line])
        content = len([w for w in tokenize(best) if len(w) > 2]) or 1
        if shared[best] >= SLUG_MIN_WORDS and shared[best] / content >= SLUG_MIN_SHARE:
            return best
    repeated = [line for line in candidates if header.count(line) > 1]
    if repeated:
        return repeated[0]  # sites print the headline twice (page title, then article title)
    # Printed twice, once with a tag or section name in front ("غزة | العنوان"): the line the
    # other one ends with is the headline itself.
    tagged = [line for line in candidates
              if any(other != line and other.endswith(line) for other in candidates)]
    if tagged:
        return tagged[0]
    # Headline and standfirst on either side of the date line: the one above it is the headline.
    segment = _first_segment_with(candidates, header)
    # The longest line, but a line ending in a full stop is a standfirst or caption before it is
    # a headline: headlines are not punctuated as sentences.
    return max(segment, key=lambda line: (not line.rstrip().endswith("."), len(line.split()), -header.index(line)))


def _first_segment_with(candidates: list[str], header: list[str]) -> list[str]:
    """The candidates above the first publication line (a date with a time or a "نشر" word) that
    has any above it.  A bare date may be the banner's today, above everything: it splits nothing."""
    segment: list[str] = []
    for line in header:
        if is_date_line(line) and _is_publication_line(line):
            if segment:
                return segment
        elif line in candidates:
            segment.append(line)
    return segment or candidates


def _body_paragraphs(lines: list[str], title: str | None, removed: list[str]) -> list[str]:
    paragraphs = []
    in_related = False   # under "اقرأ أيضا": headlines of other stories, until a real paragraph
    for line in lines:
        stripped = line.strip()
        if not stripped:
            continue
        if title is not None and stripped == title:
            removed.append(stripped)  # the headline repeated inside the body
            continue
        if in_related and len(stripped.split()) < BODY_MIN_WORDS and not stripped.endswith((".", ":")):
            removed.append(stripped)
            continue
        in_related = False
        if classify_chrome(stripped):
            in_related = is_related_marker(stripped)
            removed.append(stripped)
            continue
        paragraphs.append(stripped)
    return paragraphs


def first_sentence(paragraph: str) -> str:
    """The paragraph up to and including its first sentence-ending mark (all of it if none)."""
    spans = sentence_spans(paragraph)
    return paragraph[: spans[0][1]] if spans else paragraph


def _lead_title(paragraphs: list[str]) -> tuple[str, str]:
    """No headline: the first sentence stands in, whole; a very long one is cut at a word.
    (A clause cut at the first comma reads as a fragment: "أعلن مسؤول فلسطيني كبير".)"""
    if not paragraphs:
        return "", "none"
    sentence = first_sentence(paragraphs[0]).rstrip(".")
    words = sentence.split()
    if len(words) > LEAD_TITLE_MAX_WORDS:
        return " ".join(words[:LEAD_TITLE_MAX_WORDS]).rstrip("،,؛:") + " …", "lead"
    return sentence, "lead"
