"""The per-article cache: warm builds reuse records, never a bad one, and give the same bytes."""
from __future__ import annotations

import hashlib
import json
import shutil
import sqlite3
import zlib
from pathlib import Path

import pytest

from generator import articles as per_article
from generator.build import build
from generator.cache import CACHE_FILE, ArticleCache, code_salt
from generator.kb import DEFAULT_KB_DIR

from conftest import SEEDS

FIXTURES = Path(__file__).parent / "fixtures" / "search"


def tree(docs: Path) -> dict[str, bytes]:
    return {p.relative_to(docs).as_posix(): p.read_bytes() for p in sorted(docs.rglob("*"))
            if p.is_file() and ".dossier" not in p.parts}


@pytest.fixture
def corpus(tmp_path) -> Path:
    src = tmp_path / "src"
    shutil.copytree(SEEDS, src)
    for path in FIXTURES.glob("search-0*"):
        shutil.copy(path, src / path.name)
    return src


def test_a_warm_build_extracts_nothing_and_writes_the_same_bytes(corpus, tmp_path, monkeypatch):
    warm, cold = tmp_path / "warm", tmp_path / "cold"
    build([corpus], warm)
    calls: list[str] = []
    real = per_article.extract
    monkeypatch.setattr(per_article, "extract", lambda raw, kb: calls.append(raw.name) or real(raw, kb))
    report, _ = build([corpus], warm)
    assert calls == []
    assert report.write.written == [] and report.count("built") == 9
    build([corpus], cold, cold=True)
    assert len(calls) == 9            # --cold ignores the cache
    assert tree(warm) == tree(cold)


def test_one_changed_article_is_extracted_again_and_rewrites_only_what_lists_it(corpus, tmp_path, monkeypatch):
    docs = tmp_path / "docs"
    _, first = build([corpus], docs)
    edited = corpus / "search-02.txt"
    edited.write_text(edited.read_text(encoding="utf-8") + "\nوأضاف المتحدث أن الوفد سيعود غدا.\n", encoding="utf-8")
    calls: list[str] = []
    real = per_article.extract
    monkeypatch.setattr(per_article, "extract", lambda raw, kb: calls.append(raw.name) or real(raw, kb))
    report, second = build([corpus], docs)
    assert calls == ["search-02.txt"]
    assert [a.id for a in first] == [a.id for a in second]
    article = next(a for a in second if a.source_name == "search-02.txt")
    written = set(report.write.written)
    assert f"articles/{article.id}.md" in written
    for path in written - {f"articles/{article.id}.md", ".dossier/report.json"}:
        # every other page rewritten lists the article (or is the search data that holds its words)
        assert path.startswith("search/") or article.id in (docs / path).read_text(encoding="utf-8"), path
    assert len(report.write.unchanged) > len(written)


def test_sidecar_edit_reextracts_that_article_only(corpus, tmp_path, monkeypatch):
    docs = tmp_path / "docs"
    build([corpus], docs)
    sidecar = corpus / "search-03.meta.yml"
    sidecar.write_text(sidecar.read_text(encoding="utf-8").replace("title:", "title: جديد", 1), encoding="utf-8")
    calls: list[str] = []
    real = per_article.extract
    monkeypatch.setattr(per_article, "extract", lambda raw, kb: calls.append(raw.name) or real(raw, kb))
    _, built = build([corpus], docs)
    assert calls == ["search-03.txt"]
    assert next(a for a in built if a.source_name == "search-03.txt").title.startswith("جديد")


def test_damaged_entries_and_a_damaged_file_are_recomputed_never_trusted(corpus, tmp_path):
    docs, fresh = tmp_path / "docs", tmp_path / "fresh"
    build([corpus], docs)
    want = tree(docs)
    db = sqlite3.connect(docs / CACHE_FILE)
    keys = [k for (k,) in db.execute("SELECT key FROM entries ORDER BY key")]
    assert len(keys) == 9
    # One payload's bytes changed (its digest no longer matches), one replaced by valid but wrong JSON
    # with a recomputed digest, one with a digest that matches nothing.
    db.execute("UPDATE entries SET payload = substr(payload, 1, 20) || x'00' WHERE key = ?", (keys[0],))
    bogus = zlib.compress(json.dumps({"article": {"id": "x"}, "page": "P", "page_id": "x", "body_key": "b",
                                      "terms": {}}).encode())
    db.execute("UPDATE entries SET payload = ?, digest = ? WHERE key = ?", (bogus, hashlib.sha256(bogus).hexdigest(), keys[1]))
    db.execute("UPDATE entries SET digest = 'nothing' WHERE key = ?", (keys[2],))
    db.commit()
    db.close()
    for path in (docs / "articles").iterdir():
        path.unlink()          # so that what the damaged entries give would be written, and seen
    build([corpus], docs)
    assert tree(docs) == want
    (docs / CACHE_FILE).write_bytes(b"not a database at all" * 100)
    build([corpus], docs)
    assert tree(docs) == want
    build([corpus], fresh, cold=True)
    assert tree(fresh) == want


def test_the_salt_follows_the_knowledge_base_and_the_code(tmp_path):
    kb = tmp_path / "kb"
    shutil.copytree(DEFAULT_KB_DIR, kb)
    before = code_salt(kb)
    assert code_salt(kb) == before
    first = sorted(p for p in kb.rglob("*.yml"))[0]
    first.write_text(first.read_text(encoding="utf-8") + "\n# a comment is a change too\n", encoding="utf-8")
    assert code_salt(kb) != before


def test_check_mode_never_writes_the_cache(corpus, tmp_path):
    docs = tmp_path / "docs"
    build([corpus], docs)
    (docs / CACHE_FILE).unlink()
    report, _ = build([corpus], docs, check=True)
    assert report.write.differs == []
    assert not (docs / CACHE_FILE).exists()


def test_an_unopenable_cache_is_no_cache(tmp_path):
    cache = ArticleCache(tmp_path / "missing" / "cache.sqlite", read_only=True)
    assert cache.get("k") is None
    cache.put("k", {"a": 1})
    cache.close(prune=True)
    assert not (tmp_path / "missing").exists()


def test_workers_give_the_same_bytes_as_one_process(corpus, tmp_path, monkeypatch):
    monkeypatch.setattr(per_article, "POOL_THRESHOLD", 1)
    one, two = tmp_path / "one", tmp_path / "two"
    build([corpus], one, cold=True, workers=1)
    build([corpus], two, cold=True, workers=2)
    assert tree(one) == tree(two)


def test_records_come_back_from_json_as_they_went_in_and_a_wrong_shape_is_refused(corpus, tmp_path):
    from generator.cache import article_from_json, to_json

    _, built = build([corpus], tmp_path / "docs", cold=True)
    for article in built:
        assert article_from_json(json.loads(json.dumps(to_json(article)))) == article
    good = to_json(built[0])
    for broken in ({**good, "title": 7}, {**good, "date": None}, {k: v for k, v in good.items() if k != "topics"},
                   {**good, "extra": 1}, {**good, "actors": [{"id": "x"}]}):
        with pytest.raises(ValueError):
            article_from_json(broken)


def test_dossier_site_keeps_a_cache_outside_the_site_and_cold_ignores_it(corpus, tmp_path, monkeypatch):
    from generator.cache import site_cache_file
    from generator.site import build_site

    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "cache-home"))
    site = tmp_path / "site"
    assert build_site([corpus], site) == 0
    first = {p.relative_to(site).as_posix(): p.read_bytes() for p in site.rglob("*") if p.is_file()}
    assert site_cache_file(site).is_file() and site_cache_file(site).is_relative_to(tmp_path / "cache-home")
    assert not [p for p in site.rglob("*.sqlite")]          # never published with the site
    calls: list[str] = []
    real = per_article.extract
    monkeypatch.setattr(per_article, "extract", lambda raw, kb: calls.append(raw.name) or real(raw, kb))
    assert build_site([corpus], site) == 0
    assert calls == []
    assert {p.relative_to(site).as_posix(): p.read_bytes() for p in site.rglob("*") if p.is_file()} == first
    assert build_site([corpus], site, cold=True) == 0
    assert len(calls) == 9
