"""Outlet and author: who published the article and who wrote it.

Outlet, in order: sidecar; the page URL's site when the knowledge base knows it; corpus
manifest; the URL's registrable domain; a masthead signature of a known
outlet (its editor-in-chief line); a header line that is an outlet's name;
a copyright footer naming it; the article naming itself ("قال ... لـ المنصة").  Author: sidecar; manifest;
a short name line in the byline zone; "كتب/بقلم X".
"""
from __future__ import annotations

import re

from .. import urls
from ..arabic import normalize, tokenize
from ..kb import KnowledgeBase
from ..records import CleanedText, RawArticle
from .text import Sentence

# "نقلت/نقل عن/وفق/بحسب/حسب/ذكرت X": the article cites X, so X did not publish it.
CITING_WORDS = set(tokenize("نقلت نقل عن وفق وفقا بحسب حسب حسبما ذكرت ذكر قالت أفادت أوردت نشرت كشفت صحيفة قناة وكالة موقع "
                            "مراسل مراسلة"))   # "مراسل لوكالة رويترز": the agency's reporter is a source
COPYRIGHT_MARKS = [normalize(m) for m in ("جميع الحقوق محفوظة", "حقوق النشر محفوظة", "©", "الحقوق محفوظة")]
_BYLINE_PREFIX = re.compile(r"^\s*(?:كتب|كتبت|بقلم|إعداد|اعداد|تقرير|متابعة)\s*[:：-]?\s*")
_BYLINE_SEPARATORS = re.compile(r"\s[|•·]\s|\s[-–—]\s")
# "القاهرة - اليوم السابع", "القاهرة - أحمد الريدي": the place a byline or author credit starts with.
_PLACE_PREFIX = re.compile(r"^[^-–—|/]{2,30}\s[-–—|/]\s+")


def find_outlet(raw: RawArticle, cleaned: CleanedText, sentences: list[Sentence], kb: KnowledgeBase):
    """(outlet name, outlet id, source) or (None, None, None)."""
    if raw.sidecar.get("outlet"):
        name = raw.sidecar["outlet"]
        entry = _media_named(name, kb)
        return name, entry.id if entry else None, "sidecar"
    address = urls.parse(raw.sidecar.get("url") or raw.manifest.get("url"))
    site = _media_at(address, kb) if address else None
    if site:
        return site.name_en, site.id, "url"
    source = raw.manifest.get("source")
    if source:
        for entry in kb.of_kind("media"):
            if source in entry.corpus_source:
                return entry.name_en, entry.id, "manifest"
        return source, None, "manifest"
    if address:
        # A site the knowledge base does not know is still named: by its registrable domain.
        return address.domain, None, "url"
    chrome = [normalize(line) for line in [*cleaned.removed, *cleaned.banner_lines, *cleaned.header]]
    joined = " ".join(chrome)
    for entry in kb.of_kind("media"):
        if any(normalize(sig) in joined for sig in entry.signatures if sig):
            return entry.name_en, entry.id, "masthead"
    for line in [*cleaned.header, *cleaned.banner_lines]:
        entry = _media_named(line, kb)
        if entry:
            return entry.name_en, entry.id, "byline"
    for line in [*cleaned.removed, *cleaned.paragraphs[-3:]]:
        # "جميع الحقوق محفوظة © 2025 العربي الجديد": the site names itself in its footer.
        if any(mark in normalize(line) for mark in COPYRIGHT_MARKS) and len(line.split()) <= 14:
            entry = next((kb.entries[h.target] for h in kb.matcher.find(tokenize(line))
                          if kb.entries.get(h.target) and kb.entries[h.target].kind == "media"), None)
            if entry:
                return entry.name_en, entry.id, "footer"
    told = _told_to(sentences, kb)
    if told:
        return told.name_en, told.id, "text"
    return None, None, None


def _media_at(address: urls.PageAddress, kb: KnowledgeBase):
    """The knowledge-base outlet whose site the address is on; the most specific site wins
    ("bbc.com/arabic" is BBC Arabic, "bbc.com" the BBC)."""
    best, best_length = None, -1
    for entry in kb.of_kind("media"):
        for site in entry.domains:
            if urls.site_matches(address, site) and len(site) > best_length:
                best, best_length = entry, len(site)
    return best


# Generic words in front of an outlet's name: on a byline line of its own, "اليوم السابع"
# can only be the paper, though in running text it is also "the seventh day".
MEDIA_KINDS = tuple(tokenize("صحيفة جريدة موقع بوابة قناة وكالة شبكة"))


def _media_named(text: str, kb: KnowledgeBase):
    """The outlet a whole line names: "الرئيس نيوز", "القاهرة - اليوم السابع"."""
    for candidate in (text, _PLACE_PREFIX.sub("", text)):
        tokens = tokenize(candidate)
        if not tokens:
            continue
        for hit in kb.matcher.find(tokens):
            entry = kb.entries.get(hit.target)
            if entry and entry.kind == "media" and hit.start == 0 and hit.end == len(tokens):
                return entry
        for entry in kb.of_kind("media"):
            for name in (entry.name_ar, *entry.aliases):
                words = tokenize(name)
                if words and words[0] in MEDIA_KINDS and len(words) > 2 and words[1:] == tokens:
                    return entry
    return None


def _told_to(sentences: list[Sentence], kb: KnowledgeBase):
    """A medium the article's sources speak *to* ("لـ المنصة") and that it never cites."""
    told: dict[str, int] = {}
    cited: set[str] = set()
    for sentence in sentences:
        for hit in kb.matcher.find(sentence.tokens):
            entry = kb.entries.get(hit.target)
            if not entry or entry.kind != "media":
                continue
            before = sentence.tokens[hit.start - 1] if hit.start else ""
            first = sentence.tokens[hit.start]
            if before == "ل" or (first.startswith("ل") and not normalize(entry.name_ar).startswith("ل")):
                told[entry.id] = told.get(entry.id, 0) + 1
            # "ووفقا لوكالة سانا": the citing word may carry و or ف.
            near = sentence.tokens[max(0, hit.start - 2):hit.start]
            if any(t in CITING_WORDS or (t[:1] in "وف" and t[1:] in CITING_WORDS) for t in near):
                cited.add(entry.id)
    candidates = [media for media in told if media not in cited]
    return kb.entries[max(candidates, key=told.get)] if candidates else None


def find_author(raw: RawArticle, cleaned: CleanedText, kb: KnowledgeBase, outlet_id: str | None):
    """(author, source) or (None, None)."""
    if raw.sidecar.get("author"):
        return raw.sidecar["author"], "sidecar"
    if raw.manifest.get("author"):
        author = _PLACE_PREFIX.sub("", raw.manifest["author"]).strip()
        return (author or raw.manifest["author"]), "manifest"
    for line in cleaned.header:
        # "كتب: محمد علي | الخميس 12 ديسمبر 2024 - 04:15 م": the name is one segment of the line.
        for segment in _BYLINE_SEPARATORS.split(line):
            segment = _BYLINE_PREFIX.sub("", segment).strip()
            tokens = tokenize(segment)
            if not 2 <= len(tokens) <= 4 or any(ch.isdigit() for ch in segment):
                continue
            if kb.matcher.find(tokens):
                continue  # an outlet, a place or an actor, not a byline
            return segment, "text"
    return None, None
