"""Hostile article text in Debian's chromium: nothing from it runs, nothing leaves 127.0.0.1, and it still reads."""
from __future__ import annotations

from urllib.parse import urlparse

import pytest

from hostile_site import HOSTILE_ARTICLES, hostile_site  # noqa: F401  (a pytest fixture)

pytestmark = pytest.mark.browser

# Pages where article text shows up: the articles, and the indexes that quote titles and sentences.
INDEX_PAGES = ["", "topics/", "actors/", "dates/", "outlets/", "actors/hamas/", "topics/ceasefire/"]


@pytest.fixture(scope="module")
def hostile_url(hostile_site, serve):  # noqa: F811
    return serve(hostile_site.site)


def visit(page, url: str) -> list[str]:
    """Open ``url``; return the dialogs any script opened (every payload calls alert())."""
    dialogs: list[str] = []
    page.on("dialog", lambda d: (dialogs.append(d.message), d.dismiss()))
    response = page.goto(url)
    assert response is not None and response.status == 200, url
    page.wait_for_load_state("load")
    page.wait_for_timeout(300)          # let onerror handlers of broken images fire, if any were created
    return dialogs


@pytest.mark.parametrize("source", HOSTILE_ARTICLES)
def test_no_script_from_the_article_runs(page, hostile_site, hostile_url, source):  # noqa: F811
    article_id = hostile_site.ids[source]
    dialogs = visit(page, f"{hostile_url}/articles/{article_id}/")
    assert dialogs == []
    # The article's own markup is on the page as text, not as elements.
    content = page.inner_text("article")
    assert "alert(" in content
    assert page.locator("article iframe").count() == 0
    assert page.locator("article img").count() == 0
    handlers = page.evaluate("""[...document.querySelectorAll('*')].flatMap(el =>
        [...el.attributes].filter(a => a.name.startsWith('on') || /^\\s*javascript:/i.test(a.value))
        .map(a => el.tagName + ' ' + a.name + '=' + a.value))""")
    assert handlers == []
    assert [u for u in page.requested_urls if urlparse(u).hostname != "127.0.0.1" and not u.startswith("data:")] == []


@pytest.mark.parametrize("path", INDEX_PAGES)
def test_no_script_runs_on_index_pages(page, hostile_url, path):
    dialogs = visit(page, f"{hostile_url}/{path}")
    assert dialogs == []
    assert [u for u in page.requested_urls if urlparse(u).hostname != "127.0.0.1" and not u.startswith("data:")] == []


def test_hostile_title_reads_as_written(page, hostile_site, hostile_url):  # noqa: F811
    visit(page, f"{hostile_url}/articles/{hostile_site.ids['hostile-sidecar.txt']}/")
    heading = page.inner_text("article h1")
    assert "<script>alert('sidecar-title')</script>" in heading
    assert "sidecar-title" in page.title()
    assert "</textarea>" in page.inner_text(".dossier-meta")    # the curator's note, shown as text


def test_hostile_titles_in_search_results_stay_text(page, hostile_url):
    dialogs = visit(page, f"{hostile_url}/search/?q=%D8%AD%D9%85%D8%A7%D8%B3")   # ?q=حماس
    page.wait_for_timeout(800)
    results = page.inner_text("#dossier-search-page")
    assert "alert(" in results                       # the hostile titles are listed, as text
    assert dialogs == []
    assert page.locator("#dossier-search-page img, #dossier-search-page iframe, #dossier-search-page script").count() == 0
