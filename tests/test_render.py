"""render: an Article record to a Markdown page whose front matter round-trips and whose body stays text."""
from __future__ import annotations

import yaml

from generator.extract import extract
from generator.ingest import read_article
from generator.kb import load
from generator.render import front_matter, render_article
from generator.schema import BY_NAME, FIELDS

from conftest import PROJECT, SEEDS


def seed_article(name="000_1d7b59691e184638.txt"):
    kb = load()
    return extract(read_article(SEEDS / name), kb), kb


def test_front_matter_round_trips_through_yaml():
    article, kb = seed_article()
    page = render_article(article, kb)
    head, body = page.split("\n---\n", 1)
    assert page.startswith("---\n")
    assert yaml.safe_load(head[4:]) == front_matter(article, kb)
    assert body.lstrip().startswith("قال مستشار المكتب السياسي")


def test_front_matter_has_exactly_the_schema_fields_in_order():
    article, kb = seed_article()
    assert list(front_matter(article, kb)) == [f.name for f in FIELDS]


def test_yaml_specials_in_a_title_stay_a_string():
    article, kb = seed_article()
    article.title = "العنوان: # & * ! | > ' \" % --- {{ x }}"
    meta = yaml.safe_load(render_article(article, kb).split("\n---\n", 1)[0][4:])
    assert meta["title"] == article.title


def test_body_paragraphs_are_escaped_not_executed():
    article, kb = seed_article()
    article.paragraphs = ["<script>alert(1)</script> نص", "# ليس عنوانًا", "[رابط](javascript:alert(1))"]
    body = render_article(article, kb).split("\n---\n", 1)[1]
    assert "<script>" not in body and "&lt;script&gt;" in body
    assert "\n# " not in body and "\\# ليس عنوانًا" in body
    assert "\\[رابط\\](javascript:alert(1))" in body


def test_every_field_is_documented_in_the_schema_page():
    page = (PROJECT / "docs" / "schema.md").read_text(encoding="utf-8")
    for name in BY_NAME:
        assert f"| `{name}` |" in page, f"{name} is not documented in docs/schema.md"
    assert "```yaml" in page and "id:" in page            # one full example
