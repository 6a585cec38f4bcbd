"""The data files read back with the csv and json modules: one row per article, figure, mention and quote."""
from __future__ import annotations

import csv
import io
import json
from pathlib import Path

import pytest

from conftest import PROJECT, SEEDS
from hostile_site import HOSTILE
from generator.build import build
from generator.datafiles import LIST_SEPARATOR


@pytest.fixture(scope="module")
def built(tmp_path_factory) -> tuple[Path, list]:
    docs = tmp_path_factory.mktemp("data") / "docs"
    report, articles = build([SEEDS, HOSTILE], docs)
    assert report.count("built") == 7
    return docs, sorted(articles, key=lambda a: a.id)


def rows(path: Path) -> list[dict]:
    data = path.read_bytes()
    assert not data.startswith(b"\xef\xbb\xbf")         # no BOM: the first column is named "id", not "\ufeffid"
    return list(csv.DictReader(io.StringIO(data.decode("utf-8"), newline="")))


def test_articles_jsonl_is_each_pages_front_matter(built):
    docs, articles = built
    lines = (docs / "data/articles.jsonl").read_text(encoding="utf-8").splitlines()
    records = [json.loads(line) for line in lines]
    assert [r["id"] for r in records] == [a.id for a in articles]
    for record, article in zip(records, articles):
        assert record["source"]["sha256"] == article.source_sha256
        assert record["topics"] == article.topics and len(record["figures"]) == len(article.figures)


def test_articles_csv_has_a_row_per_article_with_lists_split_by_the_stated_separator(built):
    docs, articles = built
    table = rows(docs / "data/articles.csv")
    assert [r["id"] for r in table] == [a.id for a in articles]
    for row, article in zip(table, articles):
        assert row["topics"].split(LIST_SEPARATOR) == article.topics or (row["topics"] == "" and not article.topics)
        assert set(filter(None, row["actors"].split(LIST_SEPARATOR))) == {m.id for m in article.actors}
        assert row["date"] == (article.date.value or "") and int(row["word_count"]) == article.word_count
        assert int(row["figures"]) == len(article.figures)


def test_figures_mentions_and_quotes_have_a_row_each(built):
    docs, articles = built
    figures, mentions, quotes = (rows(docs / f"data/{name}.csv") for name in ("figures", "mentions", "quotes"))
    assert len(figures) == sum(len(a.figures) for a in articles) > 0
    assert len(mentions) == sum(len(a.actors) for a in articles) > 0
    assert len(quotes) == sum(len(a.quotes) for a in articles) > 0
    first = next(a for a in articles if a.figures).figures[0]
    row = next(r for r in figures if r["text"] == first.text)
    assert row["kind"] == first.kind and float(row["value"]) == first.value
    assert list(figures[0]) == ["article", "date", "outlet", "kind", "value", "qualifier", "attributed_to", "text"]
    assert {r["article"] for r in mentions} <= {a.id for a in articles}
    assert all(r["sentence"] for r in mentions)


def test_hostile_text_is_one_line_and_never_a_spreadsheet_formula(built):
    docs, articles = built
    hostile = next(a for a in articles if a.source_name == "hostile-sidecar.txt")
    (row,) = [r for r in rows(docs / "data/articles.csv") if r["id"] == hostile.id]
    assert row["title"].startswith("<script>") and "\n" not in row["notes"]
    from generator.datafiles import _cell
    assert _cell("=HYPERLINK(\"x\")") == "'=HYPERLINK(\"x\")" and _cell("-5 قتلى") == "'-5 قتلى" and _cell(5) == 5


def test_the_about_page_links_every_data_file():
    about = (PROJECT / "docs/about.md").read_text(encoding="utf-8")
    for name in ("articles.jsonl", "articles.csv", "figures.csv", "mentions.csv", "quotes.csv"):
        assert f"(data/{name})" in about and (PROJECT / "docs/data" / name).is_file()


def test_reuse_files_are_the_generators_own(tmp_path):
    from generator.writer import read_manifest

    docs = tmp_path / "docs"
    build([SEEDS, HOSTILE], docs)
    owned = set(read_manifest(docs))
    reuse = {"citations/articles.bib", "citations/articles.json", "feed.xml", "topics/ceasefire/feed.xml",
             *(f"data/{name}" for name in ("articles.jsonl", "articles.csv", "figures.csv", "mentions.csv", "quotes.csv"))}
    assert reuse <= owned
    # Written like every generated file: a hand edit is detected and left alone by the next build.
    (docs / "data/figures.csv").write_text("edited by hand\n", encoding="utf-8")
    report, _ = build([SEEDS, HOSTILE], docs)
    assert [path for path, _ in report.write.conflicts] == ["data/figures.csv"]
    assert (docs / "data/figures.csv").read_text(encoding="utf-8") == "edited by hand\n"
