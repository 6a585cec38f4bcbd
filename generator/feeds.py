"""Atom feeds: the whole dossier, and one per topic, actor and outlet.

Each feed is ``feed.xml`` beside its index page (``docs/feed.xml`` for the
home page, ``docs/topics/<id>/feed.xml`` for ``topics/<id>.md``, which MkDocs
serves at ``topics/<id>/``), so a page links its feed as plain ``feed.xml``.

Nothing in a feed depends on when or where it was built: ids are UUIDs
derived from the article and group ids, ``updated`` is the newest article
date, links are relative to the feed (Atom resolves them against the feed's
own address, so the feeds work on any host and sub-path).  A feed changes only
when its articles do.
"""
from __future__ import annotations

import re
import uuid
import xml.etree.ElementTree as ET

from .citations import dossier_title, outlet_label
from .indexes import first_sentence, newest_first, outlet_groups, outlet_slug
from .kb import KnowledgeBase
from .markdown import strip_controls
from .records import Article

ATOM = "http://www.w3.org/2005/Atom"
ET.register_namespace("", ATOM)   # Atom as the default namespace: <feed xmlns=...>, not <ns0:feed>
FEED_FILE = "feed.xml"
# A feed tells readers what is new: the newest entries are enough, and a dossier of
# 11,000 articles would otherwise make every feed reader fetch megabytes.
MAX_ENTRIES = 100
# Atom requires a time on every entry; an article whose text states no date gets this
# one (and no <published>), so it sorts last, as on the index pages.
UNDATED = "1970-01-01T00:00:00Z"
_NAMESPACE = uuid.UUID("6f1c8f2e-4a55-5b8e-9d3e-2f0a9c7d1b42")   # fixed: the same article keeps its entry id
# Characters XML 1.0 cannot hold at all (a feed with one is not well-formed).
_NOT_XML = re.compile("[^\t\n\r\u0020-\ud7ff\ue000-\ufffd\U00010000-\U0010ffff]")


def _text(value: str) -> str:
    return _NOT_XML.sub("", " ".join(strip_controls(value).split()))


def _timestamp(date: str | None) -> str:
    if not date:
        return UNDATED
    year, month, day = (date.split("-") + ["01", "01"])[:3]
    return f"{year}-{month}-{day}T00:00:00Z"


def _urn(kind: str, key: str) -> str:
    return uuid.uuid5(_NAMESPACE, f"{kind}:{key}").urn


def _sub(parent: ET.Element, tag: str, text: str | None = None, **attrs: str) -> ET.Element:
    element = ET.SubElement(parent, f"{{{ATOM}}}{tag}", attrs)
    if text is not None:
        element.text = _text(text)
    return element


def render_feed(path: str, label: str, articles: list[Article], kb: KnowledgeBase) -> bytes:
    """The Atom feed at ``path`` (relative to docs/) of ``articles``, newest first."""
    depth = path.count("/")
    up = "../" * depth
    entries = newest_first(articles)[:MAX_ENTRIES]
    feed = ET.Element(f"{{{ATOM}}}feed", {"{http://www.w3.org/XML/1998/namespace}lang": "ar"})
    _sub(feed, "title", f"{dossier_title()}: {label}" if depth else dossier_title())
    _sub(feed, "id", _urn("feed", path))
    _sub(feed, "updated", max((_timestamp(a.date.value) for a in entries), default=UNDATED))
    _sub(_sub(feed, "author"), "name", dossier_title())
    _sub(feed, "link", rel="self", type="application/atom+xml", href=FEED_FILE)
    _sub(feed, "link", rel="alternate", type="text/html", href="./")
    for a in entries:
        entry = _sub(feed, "entry")
        _sub(entry, "title", a.title)
        _sub(entry, "id", _urn("article", a.id))
        _sub(entry, "link", rel="alternate", type="text/html", href=f"{up}articles/{a.id}/")
        _sub(entry, "updated", _timestamp(a.date.value))
        if a.date.value:
            _sub(entry, "published", _timestamp(a.date.value))
        if a.author:
            _sub(_sub(entry, "author"), "name", a.author)
        outlet = outlet_label(a, kb)
        if outlet:
            _sub(entry, "category", term=f"outlet:{a.outlet_id or outlet_slug(a.outlet)}", label=_text(outlet))
        for topic in a.topics:
            _sub(entry, "category", term=f"topic:{topic}", label=_text(kb.entries[topic].name_ar))
        for actor in dict.fromkeys(m.id for m in a.actors):
            _sub(entry, "category", term=f"actor:{actor}", label=_text(kb.entries[actor].name_ar))
        _sub(entry, "summary", first_sentence(a), type="text")
    ET.indent(feed, space=" ")
    return ET.tostring(feed, encoding="utf-8", xml_declaration=True) + b"\n"


def feed_groups(articles: list[Article], kb: KnowledgeBase) -> list[tuple[str, str, list[Article]]]:
    """(feed path, label, articles) for the dossier and every topic, actor and outlet page."""
    groups = [(FEED_FILE, dossier_title(), articles)]
    for topic in kb.topics:   # every topic has its page, so every topic has its feed
        groups.append((f"topics/{topic.id}/{FEED_FILE}", topic.name_ar, [a for a in articles if topic.id in a.topics]))
    by_actor: dict[str, list[Article]] = {}
    for a in articles:
        for actor in dict.fromkeys(m.id for m in a.actors):
            by_actor.setdefault(actor, []).append(a)
    for actor, group in sorted(by_actor.items()):
        entry = kb.entries[actor]
        groups.append((f"actors/{actor}/{FEED_FILE}", entry.name_ar or entry.name_en, group))
    for outlet in outlet_groups(articles, kb):
        groups.append((f"outlets/{outlet.slug}/{FEED_FILE}", outlet.label, outlet.articles))
    return groups


def render_feeds(articles: list[Article], kb: KnowledgeBase) -> dict[str, bytes]:
    """Every feed, as {path relative to docs/: bytes}."""
    return {path: render_feed(path, label, group, kb) for path, label, group in feed_groups(articles, kb)}
