"""Atom feeds validated by feedparser, deterministic, and changing only for the groups that gain an article."""
from __future__ import annotations

import shutil
from pathlib import Path

import feedparser
import pytest

from conftest import SEEDS
from generator.build import build
from generator.config import DossierConfig

NEW_ARTICLE = """خبر تجريبي عن المجاعة

قالت منظمة إغاثة محلية إن الجوع يتفاقم في المخيمات وإن العائلات تعيش على وجبة واحدة في اليوم منذ أسابيع.

وأضافت أن الأسواق خالية من الطحين وأن الأسعار تضاعفت مرات عدة خلال شهر واحد.
"""
NEW_SIDECAR = "date: 2030-01-02\ntopics: [famine]\noutlet: Test Outlet\nactors: []\n"


def feeds(docs: Path) -> dict[str, bytes]:
    return {p.relative_to(docs).as_posix(): p.read_bytes() for p in sorted(docs.rglob("feed.xml"))}


@pytest.fixture(scope="module")
def seeds_docs(tmp_path_factory) -> tuple[Path, list]:
    docs = tmp_path_factory.mktemp("feeds") / "docs"
    _, articles = build([SEEDS], docs)
    return docs, articles


def test_every_feed_is_valid_atom_newest_first(seeds_docs):
    docs, articles = seeds_docs
    found = feeds(docs)
    assert "feed.xml" in found and "topics/ceasefire/feed.xml" in found and "outlets/al-manassa/feed.xml" in found
    assert any(path.startswith("actors/") for path in found)
    for path, data in found.items():
        parsed = feedparser.parse(data)
        assert not parsed.bozo, (path, parsed.get("bozo_exception"))
        # build() was given no dossier.yml: the feeds carry the default dossier name.
        assert parsed.version == "atom10" and parsed.feed.title.startswith(DossierConfig().title)
        updated = [e.updated for e in parsed.entries]
        assert updated == sorted(updated, reverse=True), path
        for entry in parsed.entries:
            assert entry.title and entry.link.endswith("/") and "articles/" in entry.link and entry.summary
            assert entry.id.startswith("urn:uuid:")
    whole = feedparser.parse(found["feed.xml"])
    assert len(whole.entries) == len(articles)
    ceasefire = feedparser.parse(found["topics/ceasefire/feed.xml"])
    expected = {a.title for a in articles if "ceasefire" in a.topics}
    assert {e.title for e in ceasefire.entries} == expected
    terms = {t.term for e in ceasefire.entries for t in e.tags}
    assert "topic:ceasefire" in terms and any(t.startswith("actor:") for t in terms)


def test_pages_link_their_feed_in_the_head(seed_site):
    page = (seed_site / "topics/ceasefire/index.html").read_text(encoding="utf-8")
    assert '<link rel="alternate feed" type="application/atom+xml" href="feed.xml"' in page
    assert '<link rel="alternate feed" type="application/atom+xml" href="../../feed.xml"' in page
    assert (seed_site / "topics/ceasefire/feed.xml").is_file() and (seed_site / "feed.xml").is_file()
    home = (seed_site / "index.html").read_text(encoding="utf-8")
    assert home.count('type="application/atom+xml"') == 1


def test_feeds_are_deterministic_and_change_only_where_an_article_arrives(seeds_docs, tmp_path):
    docs, _ = seeds_docs
    before = feeds(docs)
    again = tmp_path / "again"
    build([SEEDS], again)
    assert feeds(again) == before

    source = tmp_path / "source"
    shutil.copytree(SEEDS, source)
    (source / "new.txt").write_text(NEW_ARTICLE, encoding="utf-8")
    (source / "new.meta.yml").write_text(NEW_SIDECAR, encoding="utf-8")
    grown = tmp_path / "grown"
    build([source], grown)
    after = feeds(grown)
    changed = {path for path in before if after[path] != before[path]}
    assert changed == {"feed.xml", "topics/famine/feed.xml"}
    assert set(after) - set(before) == {"outlets/test-outlet/feed.xml"}
    top = feedparser.parse(after["topics/famine/feed.xml"]).entries[0]
    assert top.title == "خبر تجريبي عن المجاعة" and top.published.startswith("2030-01-02")
