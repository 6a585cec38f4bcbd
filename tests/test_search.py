"""generator/search.py: the prebuilt index, the documents beside it and the analyser tables it ships."""
from __future__ import annotations

import json
import shutil
import subprocess

import pytest

from generator.build import build, render_dossier
from generator.kb import load
from generator.search import (FIELDS, PIPELINE_NAME, SNIPPET_GROUP, compact_index, lunr_index, query, render_search_files, search_analyzer,
                              search_documents)

from conftest import PROJECT, SEEDS, require

FIXTURES = PROJECT / "tests" / "fixtures" / "search"


@pytest.fixture(scope="module")
def articles(tmp_path_factory):
    _, built = build([SEEDS, FIXTURES], tmp_path_factory.mktemp("docs"))
    return built


@pytest.fixture(scope="module")
def kb():
    return load()


@pytest.fixture(scope="module")
def files(articles, kb):
    return render_search_files(articles, kb)


@pytest.fixture(scope="module")
def searcher(articles, kb):
    analyzer, _ = search_analyzer(kb)
    docs, _ = search_documents(articles, kb)
    index = lunr_index(docs, analyzer)

    def search(text):
        refs = query(index, analyzer, text)
        return None if refs is None else [docs[int(r)] for r in refs]
    return search


def titles(docs):
    return [d["title"] for d in docs]


def snippets(files) -> list[str]:
    """The snippet texts by document ref, from search/snippets/<n>.json (SNIPPET_GROUP documents each)."""
    groups = sorted((int(path.rsplit("/", 1)[1].split(".")[0]), path) for path in files if path.startswith("search/snippets/"))
    assert [n for n, _ in groups] == list(range(len(groups)))
    texts = [text for _, path in groups for text in json.loads(files[path])]
    assert all(len(json.loads(files[path])) == SNIPPET_GROUP for _, path in groups[:-1])
    return texts


def test_the_files_under_search(files):
    documents = json.loads(files["search/documents.json"])["documents"]
    groups = -(-len(documents) // SNIPPET_GROUP)
    assert sorted(files) == sorted(["search/analyzer.json", "search/documents.json", "search/index.json",
                                    *(f"search/snippets/{n}.json" for n in range(groups))])
    assert len(snippets(files)) == len(documents)
    assert not any("text" in d for d in documents)      # fetched per result, not before the first one


def test_same_input_gives_byte_identical_files(articles, kb, files):
    again = render_search_files(list(reversed(articles)), kb)
    assert again == files


def test_index_has_the_fields_and_the_project_pipeline(files):
    index = json.loads(files["search/index.json"])
    assert index["version"] == "2.3.9" and index["format"] == "dossier-tf-1"
    assert index["fields"] == [name for name, _ in FIELDS]
    assert index["boosts"] == [boost for _, boost in FIELDS]
    assert index["pipeline"] == [PIPELINE_NAME]
    # Terms are analysed: stems, not words with clitics or diacritics.
    terms = {row[0] for row in index["terms"]}
    assert {"حماس", "غزه", "مفاوض", "فلسطين", "witkoff"} <= terms
    assert not {"لحماس", "بغزة", "بغزه", "المفاوضات"} & terms


def test_documents_hold_what_results_and_facets_need(files, articles):
    data = json.loads(files["search/documents.json"])
    docs = data["documents"]
    arts = [d for d in docs if d["kind"] == "article"]
    assert len(arts) == len(articles)
    first = next(d for d in arts if d["url"] == "articles/search-01-72af46d1/")
    assert first["title"] == "وفد قيادي يصل القاهرة لبحث التهدئة"
    assert first["date"] == "2024-01-15" and first["year"] == "2024"
    assert data["facets"]["outlets"][first["outlet"]] == "وكالة الأخبار المحلية"
    assert "hamas" in first["actors"] and snippets(files)[docs.index(first)].startswith("وصل إلى العاصمة")
    assert {d["kind"] for d in docs} == {"article", "actor", "topic", "outlet"}
    assert data["facets"]["actors"]["steve-witkoff"] == "ستيف ويتكوف"
    assert all(not d["url"].startswith("/") and d["url"].endswith("/") for d in docs)  # relative to the site root


def test_snippet_text_is_bounded(files):
    assert max(len(text) for text in snippets(files)) <= 410


def test_analyzer_asset_keeps_the_tables_and_adds_one_word_names(files, kb):
    config = json.loads(files["search/analyzer.json"])
    shipped = json.loads((PROJECT / "generator" / "data" / "analyzer.json").read_text(encoding="utf-8"))
    assert "_comment" not in config
    assert config["lexicon"] == shipped["lexicon"] and config["suffixes"] == shipped["suffixes"]
    added = set(config["protected"]) - set(shipped["protected"])
    assert "ويتكوف" in added or "ويتكوف" in shipped["protected"]
    assert "احتلال" not in added and "الاحتلال" not in added   # a common word is never made a name


@pytest.mark.parametrize("query_text, form, title", [
    ("حماس", "لحماس", "وفد قيادي يصل القاهرة لبحث التهدئة"),
    ("حماس", "وحماس", "الوسطاء يدعون إلى استئناف الحوار دون شروط مسبقة"),
    ("غزة", "بغزة", "وفد قيادي يصل القاهرة لبحث التهدئة"),
    ("غزة", "غزَّة", "الوسطاء يدعون إلى استئناف الحوار دون شروط مسبقة"),
    ("غزَّة", "غزة", "مجلس الأمن يناقش الوضع الإنساني"),
    ("إسرائيل", "اسرائيل", "مجلس الأمن يناقش الوضع الإنساني"),
    ("إسرائيل", "الإسرائيلي", "تقرير: الجيش الإسرائيلي يوسع عملياته شمال القطاع"),
    ("مفاوضات", "المفاوضات", "وفد قيادي يصل القاهرة لبحث التهدئة"),
    ("مفاوضات", "والمفاوضات", "الوسطاء يدعون إلى استئناف الحوار دون شروط مسبقة"),
    ("فلسطين", "الفلسطينيين", "الوسطاء يدعون إلى استئناف الحوار دون شروط مسبقة"),
])
def test_python_search_finds_other_forms(searcher, query_text, form, title):
    assert title in titles(searcher(query_text)), f"{query_text} should find the article that writes {form}"


def test_english_name_finds_the_actor_page_first(searcher):
    found = searcher("Witkoff")
    assert found[0]["kind"] == "actor" and found[0]["url"] == "actors/steve-witkoff/"
    assert sum(d["kind"] == "article" for d in found) >= 3


def test_title_matches_rank_above_body_matches(searcher):
    found = [d for d in searcher("مجلس الأمن") if d["kind"] == "article"]
    assert found[0]["title"] == "مجلس الأمن يناقش الوضع الإنساني"


def test_every_word_is_required(searcher):
    both, one, other = (set(titles(searcher(q))) for q in ("وفد مجلس", "وفد", "مجلس"))
    assert both == one & other and one and other
    assert "مجلس الأمن يناقش الوضع الإنساني" in other - both


def test_no_match_and_nothing_to_search_for_differ(searcher):
    assert searcher("كنغر") == []
    assert searcher("في من على") is None


QUERIES = ["حماس", "غزة", "غزَّة", "مفاوضات", "إسرائيل", "فلسطين", "Witkoff", "مجلس الأمن", "وفد", "القاهرة",
           "وقف إطلاق النار", "الوسطاء", "كنغر", "المساعدات الإنسانية", "نتنياهو", "2025"]


def test_browser_rebuilds_lunr_py_index_from_the_compact_form(articles, kb, tmp_path):
    """search-index.js (in Node) must rank and score every query as lunr.py's own index does."""
    node = shutil.which("node")
    require(node is not None, "node is not installed")
    analyzer, config = search_analyzer(kb)
    docs, _ = search_documents(articles, kb)
    index, compact = lunr_index(docs, analyzer), compact_index(docs, analyzer)
    (tmp_path / "index.json").write_text(json.dumps(compact, ensure_ascii=False), encoding="utf-8")
    (tmp_path / "analyzer.json").write_text(json.dumps(config, ensure_ascii=False), encoding="utf-8")
    result = subprocess.run([node, str(PROJECT / "tests" / "js" / "search-index-cli.cjs"), str(tmp_path / "index.json"),
                             str(tmp_path / "analyzer.json")], input=json.dumps(QUERIES), capture_output=True,
                            text=True, encoding="utf-8", timeout=120)
    assert result.returncode == 0, result.stderr
    for text, got in zip(QUERIES, json.loads(result.stdout)):
        from lunr.query import QueryPresence
        terms = list(dict.fromkeys(analyzer.analyze(text)))
        want = index.query(callback=lambda q: [q.term(t, use_pipeline=False, presence=QueryPresence.REQUIRED)
                                               for t in terms]) if terms else []
        assert [ref for ref, _ in got] == [r["ref"] for r in want], text
        assert [round(s, 6) for _, s in got] == pytest.approx([round(r["score"], 6) for r in want], abs=1e-9), text
        assert got or text == "كنغر"
