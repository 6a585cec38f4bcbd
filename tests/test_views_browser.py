"""The research views in Debian's chromium, on a site built from seeds/ and tests/fixtures/views/.

Each view must draw as many marks as its data file holds (counted from the chart itself), a real
mouse click on a bar, point or node must reach the right page, nothing may leave 127.0.0.1, and
each view is photographed at desktop and phone size under test-output/ for a person to look at.
"""
from __future__ import annotations

import json

import pytest

from conftest import SEEDS, run_dossier
from test_browser import only_local
from test_views import FIXTURES, kwic_matches

pytestmark = pytest.mark.browser

PHONE = {"width": 390, "height": 844}
VIEWS = {"timeline": "/dates/", "figures": "/figures/killed/", "network": "/network/", "neighbourhood": "/actors/hamas/"}


@pytest.fixture(scope="module")
def views_site(tmp_path_factory):
    root = tmp_path_factory.mktemp("views-site")
    run_dossier("site", "--source", str(SEEDS), "--source", str(FIXTURES), "--site-dir", str(root / "site"))
    return root / "site"


@pytest.fixture(scope="module")
def site_url(views_site, serve):
    return serve(views_site)


def data_file(site, path):
    return json.loads((site / path).read_text(encoding="utf-8"))


def open_view(page, url, name):
    page.goto(url)
    page.wait_for_selector(f"[data-dossier-view={name}][data-ready]", timeout=15000)
    assert page.get_attribute(f"[data-dossier-view={name}]", "data-ready") == "true"
    return f"document.querySelector('[data-dossier-view={name}]')"


def marks(page, view):
    return page.evaluate(f"DossierViews.marks({view})")


def click_mark(page, view, series, index):
    page.evaluate(f"{view}.scrollIntoView({{block: 'center'}})")
    # Fonts arriving late reflow the page: take the mark's place once they are in and drawn.
    page.evaluate("document.fonts.ready.then(() => new Promise(r => requestAnimationFrame(() => requestAnimationFrame(r))))")
    box = page.evaluate(f"DossierViews.markBox({view}, {series}, {index})")
    page.mouse.click(box["x"], box["y"])


def expected_marks(site, name):
    if name == "timeline":
        return sum(1 for b in data_file(site, "dates/timeline.json")["buckets"] for n in b["counts"] if n)
    if name == "figures":
        return len(data_file(site, "figures/killed.json")["points"])
    if name == "network":
        network = data_file(site, "network/network.json")
        return len(network["nodes"]) + len(network["edges"])
    hood = data_file(site, "actors/hamas.json")
    return 1 + 2 * min(hood["drawn"], len(hood["neighbours"]))


@pytest.mark.parametrize("name", list(VIEWS))
def test_each_view_draws_its_data_files_marks_in_the_shipped_font(page, site_url, views_site, output_dir, name):
    view = open_view(page, site_url + VIEWS[name], name)
    assert marks(page, view) == expected_marks(views_site, name) > 0
    svg = page.locator(f"[data-dossier-view={name}] svg")
    assert svg.count() == 1
    fonts = page.evaluate(f"[...{view}.querySelectorAll('svg text')].map(t => t.style.fontFamily || t.getAttribute('font-family') || getComputedStyle(t).fontFamily)")
    assert fonts and all("Noto" in f for f in fonts)
    assert any(any("\u0600" <= ch <= "\u06ff" for ch in t) for t in page.eval_on_selector_all(f"[data-dossier-view={name}] svg text", "ts => ts.map(t => t.textContent)"))
    page.screenshot(path=str(output_dir / f"{name}-desktop.png"), full_page=True)
    page.set_viewport_size(PHONE)
    page.reload()
    view = open_view(page, site_url + VIEWS[name], name)
    assert marks(page, view) == expected_marks(views_site, name)
    width = page.evaluate(f"{view}.querySelector('svg').getBoundingClientRect().width")
    assert 0 < width <= PHONE["width"]
    page.screenshot(path=str(output_dir / f"{name}-phone.png"), full_page=True)
    assert not only_local(page.requested_urls)


def test_a_click_on_a_bar_lists_its_articles_and_opens_one(page, site_url, views_site):
    timeline = data_file(views_site, "dates/timeline.json")
    lists = data_file(views_site, "dates/timeline-articles.json")
    index = next(i for i, b in enumerate(timeline["buckets"]) if b["key"] == "2024-01")
    series = next(s for s, n in enumerate(timeline["buckets"][index]["counts"]) if n)
    view = open_view(page, site_url + "/dates/", "timeline")
    for attempt in range(3):   # on a loaded machine a reflow can still move the bar under the pointer
        click_mark(page, view, series, index)
        try:
            page.wait_for_selector(".dossier-view__list[data-bucket='2024-01'] li", timeout=10_000)
            break
        except Exception:
            if attempt == 2:
                raise
    hrefs = page.eval_on_selector_all(".dossier-view__list li a", "links => links.map(a => a.href)")
    assert hrefs == [f"{site_url}/articles/{item['id']}/" for item in lists["2024-01"]]
    with page.expect_navigation():
        page.locator(".dossier-view__list li a").first.click()
    assert page.url == hrefs[0]
    assert page.locator(".dossier-meta").is_visible()
    assert not only_local(page.requested_urls)


def test_a_click_on_a_figure_opens_its_article(page, site_url, views_site):
    points = data_file(views_site, "figures/killed.json")["points"]
    view = open_view(page, site_url + "/figures/killed/", "figures")
    # Close points overlap: the last item of the last series is drawn on top of the others.
    series, item, point = page.evaluate(f"""(() => {{
        const series = {view}.dossierChart.getModel().getSeries(), last = series.length - 1;
        const data = series[last].getData();
        return [last, data.count() - 1, data.getRawDataItem(data.count() - 1).value[2]];
    }})()""")
    with page.expect_navigation():
        click_mark(page, view, series, item)
    article = data_file(views_site, "figures/killed.json")["articles"][points[point][3]]["id"]
    assert page.url.startswith(f"{site_url}/articles/{article}/")
    assert not only_local(page.requested_urls)


def test_a_click_on_a_node_opens_the_actor_page(page, site_url, views_site):
    nodes = data_file(views_site, "network/network.json")["nodes"]
    view = open_view(page, site_url + "/network/", "network")
    # The last node is drawn on top of the others: nothing covers it.
    with page.expect_navigation():
        click_mark(page, view, 0, len(nodes) - 1)
    assert page.url == f"{site_url}/actors/{nodes[-1]['id']}/"
    hood = data_file(views_site, "actors/hamas.json")
    view = open_view(page, site_url + "/actors/hamas/", "neighbourhood")
    with page.expect_navigation():
        click_mark(page, view, 0, 1)
    assert page.url == f"{site_url}/actors/{hood['neighbours'][0]['id']}/"
    assert not only_local(page.requested_urls)


def test_a_topic_filter_recounts_the_network_over_its_articles(page, site_url, views_site):
    network = data_file(views_site, "network/network.json")
    rows = data_file(views_site, "network/articles.json")["rows"]
    topic = next(i for i, t in enumerate(network["topics"]) if t["id"] == "casualties")
    chosen = [r for r in rows if topic in r[1]]
    nodes = {a for r in chosen for a in r[2]}
    edges = {(min(a, b), max(a, b)) for r in chosen for i, a in enumerate(r[2]) for b in r[2][i + 1:]}
    view = open_view(page, site_url + "/network/", "network")
    page.select_option("[data-dossier-view=network] select >> nth=1", str(topic))
    page.wait_for_selector("[data-dossier-view=network][data-filtered=true]")
    assert marks(page, view) == len(nodes) + len(edges) < expected_marks(views_site, "network")
    assert any(u.endswith("/network/articles.json") for u in page.requested_urls)
    assert not only_local(page.requested_urls)


def test_keyword_in_context_shows_every_sentence_with_the_match_in_the_middle(page, site_url, views_site, output_dir):
    query = "حماس"
    page.goto(f"{site_url}/search/?q={query}#kwic")
    page.wait_for_selector(f"#dossier-kwic[data-query='{query}'][data-count]")
    expected = kwic_matches(views_site, query)
    assert int(page.get_attribute("#dossier-kwic", "data-count")) == expected > 5
    assert page.locator(".dossier-kwic__row").count() == expected
    matched = page.eval_on_selector_all(".dossier-kwic__match", "cells => cells.map(c => c.textContent)")
    assert set(matched) <= {"حماس", "لحماس", "وحماس", "بحماس", "فحماس"} and "حماس" in matched
    assert not page.locator("#dossier-search-page").is_visible()
    # The match stands in the middle column, at the same place on every row.
    lefts = page.eval_on_selector_all(".dossier-kwic__match", "cells => cells.map(c => Math.round(c.getBoundingClientRect().left))")
    assert len(set(lefts)) == 1
    page.screenshot(path=str(output_dir / "kwic-desktop.png"), full_page=False)
    page.set_viewport_size(PHONE)
    page.screenshot(path=str(output_dir / "kwic-phone.png"), full_page=False)
    page.click("text=النتائج")
    assert page.locator("#dossier-search-page").is_visible() and not page.locator("#dossier-kwic").is_visible()
    assert not only_local(page.requested_urls)
