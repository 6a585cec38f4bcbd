"""indexes: topic, actor, timeline, outlet and home pages from Article records."""
from __future__ import annotations

import copy

import markdown
import pytest

from generator.extract import extract
from generator.indexes import first_sentence, newest_first, render_indexes
from generator.ingest import read_article
from generator.kb import load

from conftest import SEEDS


@pytest.fixture(scope="module")
def seed_articles():
    kb = load()
    return [extract(read_article(p), kb) for p in sorted(SEEDS.glob("*.txt"))], kb


def test_newest_first_with_undated_last(seed_articles):
    articles, _ = seed_articles
    ordered = newest_first(articles)
    dates = [a.date.value for a in ordered]
    dated = [d for d in dates if d]
    assert dated == sorted(dated, reverse=True)
    assert dates[len(dated):] == [None] * (len(dates) - len(dated))


def test_topic_page_lists_articles_with_date_outlet_and_first_sentence(seed_articles):
    articles, kb = seed_articles
    pages = render_indexes(articles, kb)
    ceasefire = pages["topics/ceasefire.md"]
    with_topic = [a for a in newest_first(articles) if "ceasefire" in a.topics]
    positions = [ceasefire.index(f"../articles/{a.id}.md") for a in with_topic]
    assert positions == sorted(positions)                       # newest first
    assert "2025-06-30" in ceasefire and "موقع المنصة" in ceasefire
    assert first_sentence(with_topic[0])[:30] in ceasefire
    assert f"| {len(with_topic)} |" in pages["topics/index.md"]


def test_actor_page_has_names_sentence_and_companions(seed_articles):
    articles, kb = seed_articles
    page = render_indexes(articles, kb)["actors/steve-witkoff.md"]
    assert "ستيف ويتكوف" in page and "Steve Witkoff" in page
    assert "ويتكوف" in page.split("## المقالات")[1]             # the sentence that mentions him
    assert "## يظهر غالبًا مع" in page and "(hamas.md)" in page


def test_timeline_groups_by_year_and_month(seed_articles):
    articles, kb = seed_articles
    timeline = render_indexes(articles, kb)["dates/index.md"]
    assert timeline.index("## <bdi") < timeline.index("### يونيو 2025") < timeline.index("### مايو 2025")
    assert "## بلا تاريخ (3)" in timeline


def test_markup_in_titles_is_escaped_on_index_pages(seed_articles):
    articles, kb = seed_articles
    hostile = copy.deepcopy(articles[0])
    hostile.title = "<img src=x onerror=alert(1)> [x](javascript:alert(1))"
    pages = render_indexes([hostile, *articles[1:]], kb)
    for path, text in pages.items():
        html = markdown.markdown(text.split("\n---\n", 1)[1], extensions=["tables", "attr_list"])
        assert "<img" not in html, path
        assert 'href="javascript:' not in html, path
        if hostile.id in text:
            assert "&lt;img src=x onerror=alert(1)&gt;" in html, path      # shown as the text it is


def test_outlets_group_unknown_publishers_together(seed_articles):
    articles, kb = seed_articles
    pages = render_indexes(articles, kb)
    assert "outlets/unknown.md" in pages
    unknown = pages["outlets/unknown.md"]
    assert sum(1 for a in articles if not a.outlet) == unknown.count("../articles/")


@pytest.mark.parametrize("names", [("Index",), ("unknown",), ("BBC", "BBC عربي")])
def test_an_outlet_name_never_takes_another_page_or_another_outlet(seed_articles, names):
    """Outlet names from a sidecar or manifest become file names: "Index" must not replace the
    outlets' index page, "unknown" must not join the articles with no outlet, and two outlets
    whose names share their Latin letters keep a page each."""
    articles, kb = seed_articles
    named = []
    for article, name in zip(articles, names):
        article = copy.copy(article)
        article.outlet, article.outlet_id = name, None
        named.append(article)
    others = [copy.copy(a) for a in articles[len(names):]]
    for article in others:
        article.outlet, article.outlet_id = None, None
    pages = render_indexes([*named, *others], kb)
    assert "# المنافذ الإعلامية" in pages["outlets/index.md"]
    outlet_pages = [p for p in pages if p.startswith("outlets/") and p != "outlets/index.md"]
    assert len(outlet_pages) == len(names) + 1           # one per name, and the unknown outlet's
    for name in names:
        [page] = [pages[p] for p in outlet_pages if f"# {name}\n" in pages[p]]
        assert page.count("../articles/") == 1


def test_an_outlet_name_in_a_page_title_loses_its_controls_and_line_breaks(seed_articles):
    """The title of an outlet's page goes into <title>, the header and the navigation: a bidi
    override there would turn the text around it, as the body's names are protected from."""
    articles, kb = seed_articles
    article = copy.copy(articles[0])
    article.outlet, article.outlet_id = "Gaza\u202eNews\nToday\x07", None
    pages = render_indexes([article], kb)
    [page] = [pages[p] for p in pages if p.startswith("outlets/") and p != "outlets/index.md"]
    title = page.split("---\n")[1]
    assert title == "title: GazaNews Today\n"


def test_outlet_groups_do_not_depend_on_the_order_given(seed_articles):
    from generator.indexes import outlet_groups

    articles, kb = seed_articles
    forward = outlet_groups(articles, kb)
    backward = outlet_groups(list(reversed(articles)), kb)
    assert [(o.slug, o.label, [a.id for a in o.articles]) for o in forward] == \
           [(o.slug, o.label, [a.id for a in o.articles]) for o in backward]


def test_one_outlet_label_rule_for_index_pages_search_facets_and_article_pages(seed_articles):
    """A known outlet reads as the knowledge base's Arabic name everywhere; any other as the name found."""
    from generator.indexes import OutletGroup, outlet_groups, outlet_label
    from generator.search import search_documents

    articles, kb = seed_articles
    groups = outlet_groups(articles, kb)
    assert groups and all(isinstance(g, OutletGroup) for g in groups)
    _, facets = search_documents(articles, kb)
    for group in groups:
        assert facets["outlets"][group.slug] == group.label
        for a in group.articles:
            assert outlet_label(a.outlet_id, a.outlet, kb) in (group.label, None)
    assert outlet_label("al-manassa", "Al Manassa", kb) == "موقع المنصة"
    assert outlet_label(None, "موقع محلي", kb) == "موقع محلي" and outlet_label(None, None, kb) is None
