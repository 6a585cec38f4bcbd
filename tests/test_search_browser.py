"""The dossier's search in Debian's chromium, against a site built from seeds/ and tests/fixtures/search/.

The fixtures hold word forms the seeds lack (لحماس، وحماس، بغزة، غزَّة، اسرائيل،
الإسرائيلي، والمفاوضات، الفلسطينيين).  A result is checked through its
highlight: the <mark> shows the form the analyser in the browser matched to
the query, so these tests fail if the JavaScript analyser and the index
(analysed in Python) disagree, even where the knowledge base would have
tagged the article anyway.
"""
from __future__ import annotations

import json
import os
from urllib.parse import parse_qs, quote, urlparse

import pytest

from conftest import PROJECT, SEEDS, run_dossier
from test_browser import only_local

pytestmark = pytest.mark.browser

FIXTURES = PROJECT / "tests" / "fixtures" / "search"
F1, F2 = "وفد قيادي يصل القاهرة لبحث التهدئة", "الوسطاء يدعون إلى استئناف الحوار دون شروط مسبقة"
F3, F4 = "مجلس الأمن يناقش الوضع الإنساني", "تقرير: الجيش الإسرائيلي يوسع عملياته شمال القطاع"


@pytest.fixture(scope="module")
def search_site(tmp_path_factory):
    root = tmp_path_factory.mktemp("search-site")
    run_dossier("site", "--source", str(SEEDS), "--source", str(FIXTURES), "--site-dir", str(root / "site"))
    # The same files under a sub-path: every link in the site is relative.
    os.makedirs(root / "www" / "gaza")
    os.symlink(root / "site", root / "www" / "gaza" / "dossier")
    return root


@pytest.fixture(scope="module")
def site_url(search_site, serve):
    return serve(search_site / "site")


def search(page, site_url, query):
    page.goto(f"{site_url}/search/?q={quote(query)}")
    page.wait_for_function("document.querySelector('.dossier-search__status').textContent.indexOf('جارٍ') < 0")


def result(page, title):
    return page.locator(".dossier-result").filter(has=page.locator(".dossier-result__title", has_text=title))


@pytest.mark.parametrize("query, form, title", [
    ("حماس", "لحماس", F1), ("حماس", "وحماس", F2), ("غزة", "بغزة", F1),
    ("إسرائيل", "اسرائيل", F3), ("إسرائيل", "الإسرائيلي", F4),
    ("مفاوضات", "المفاوضات", F1), ("مفاوضات", "والمفاوضات", F2),
    ("غزَّة", "غزة", F3), ("غزة", "غزَّة", F2),   # diacritised query, undiacritised text, and the reverse
    ("فلسطين", "الفلسطينيين", F2),
])
def test_query_finds_other_forms_of_the_word(page, site_url, query, form, title):
    search(page, site_url, query)
    found = result(page, title)
    assert found.count() == 1, f"«{query}» should find «{title}»"
    assert form in found.locator("mark").all_inner_texts()
    assert not only_local(page.requested_urls)


def test_english_name_finds_the_actor_page_and_articles(page, site_url):
    search(page, site_url, "Witkoff")
    links = page.eval_on_selector_all(".dossier-result__link", "links => links.map(a => a.href)")
    assert links[0] == site_url + "/actors/steve-witkoff/"
    assert sum("/articles/" in link for link in links) >= 3


def test_results_show_title_date_outlet_and_a_highlighted_snippet(page, site_url):
    search(page, site_url, "مجلس الأمن")
    first = page.locator(".dossier-result--article").first
    assert first.locator(".dossier-result__title").inner_text() == F3   # title matches rank first
    meta = first.locator(".dossier-search__meta").inner_text()
    assert "2023-11-20" in meta and "صحيفة المراقب" in meta
    assert first.locator(".dossier-result__snippet mark").count() >= 1
    assert page.evaluate("getComputedStyle(document.querySelector('.dossier-results')).direction") == "rtl"


def test_no_match_says_so(page, site_url):
    search(page, site_url, "كنغر")
    assert page.locator(".dossier-result").count() == 0
    assert "لا نتائج لـ «كنغر»" in page.inner_text(".dossier-search__status")


def test_only_stop_words_say_there_is_nothing_to_search_for(page, site_url):
    search(page, site_url, "في من")
    assert "لا كلمات للبحث عنها" in page.inner_text(".dossier-search__status")


def test_typing_arabic_searches_and_updates_the_address(page, site_url):
    page.goto(site_url + "/search/")
    page.wait_for_function("document.querySelector('.dossier-search__status').textContent.indexOf('جارٍ') < 0")
    page.focus(".dossier-search-page__input")
    page.keyboard.type("بغزة")            # inserted text: no keyup fires
    page.wait_for_selector(".dossier-result")
    assert result(page, F1).count() == 1
    assert parse_qs(urlparse(page.url).query)["q"] == ["بغزة"]


@pytest.mark.parametrize("key", ["/", "s"])
def test_slash_or_s_focuses_the_header_box(page, site_url, key):
    page.goto(site_url + "/actors/")
    page.keyboard.press(key)
    assert page.evaluate("document.activeElement.classList.contains('dossier-header-search__input')")
    assert page.input_value(".dossier-header-search__input") == ""   # the key is not typed into it


def test_header_box_dropdown_and_enter_opens_the_search_page(page, site_url):
    page.goto(site_url + "/topics/")
    page.keyboard.press("/")
    page.keyboard.type("ويتكوف")
    page.wait_for_selector(".dossier-header-search__results a")
    assert "ستيف ويتكوف" in page.inner_text(".dossier-header-search__results")
    with page.expect_navigation():
        page.keyboard.press("Enter")
    assert page.url == site_url + "/search/?q=" + quote("ويتكوف")
    page.wait_for_selector(".dossier-result")
    assert page.input_value(".dossier-search-page__input") == "ويتكوف"


def test_arrow_keys_move_through_results_and_enter_opens(page, site_url):
    search(page, site_url, "حماس")
    page.focus(".dossier-search-page__input")
    page.keyboard.press("ArrowDown")
    page.keyboard.press("ArrowDown")
    active = page.locator(".dossier-result__link.dossier-search__active")
    assert active.count() == 1 and active.get_attribute("id") == "dossier-result-1"
    page.keyboard.press("ArrowUp")
    assert active.get_attribute("id") == "dossier-result-0"
    target = active.get_attribute("href")
    with page.expect_navigation():
        page.keyboard.press("Enter")
    assert page.url == target


def test_arrow_keys_in_the_header_dropdown(page, site_url):
    page.goto(site_url + "/")
    page.keyboard.press("/")
    page.keyboard.type("غزة")
    page.wait_for_selector(".dossier-header-search__results a")
    page.keyboard.press("ArrowDown")
    target = page.get_attribute(".dossier-header-search__results a.dossier-search__active", "href")
    with page.expect_navigation():
        page.keyboard.press("Enter")
    assert page.url == target


def facet_counts(page, facet):
    return {row.locator(".dossier-facet__label").inner_text(): int(row.locator(".dossier-facet__count").inner_text())
            for row in page.locator(f"fieldset[data-facet='{facet}'] li").all()}


def test_facets_filter_combine_and_counts_update(page, site_url):
    search(page, site_url, "غزة")
    years = facet_counts(page, "year")
    assert years["2024"] == 2 and years["2023"] >= 1
    before = facet_counts(page, "outlet")
    page.check("fieldset[data-facet='year'] input[value='2024']")
    assert page.locator(".dossier-result").count() == 2               # only 2024 articles, no actor pages
    assert {t for t in page.locator(".dossier-result__title").all_inner_texts()} == {F1, F2}
    after = facet_counts(page, "outlet")
    assert after != before and after["وكالة الأخبار المحلية"] == 2
    assert facet_counts(page, "year")["2023"] == years["2023"]          # a facet's own alternatives stay
    assert parse_qs(urlparse(page.url).query)["year"] == ["2024"]
    page.check("fieldset[data-facet='year'] input[value='2023']")      # values of one facet are alternatives
    both_years = page.locator(".dossier-result").count()
    assert both_years == 2 + years["2023"]
    # A second facet narrows further, and its count said by how much.
    hamas = facet_counts(page, "actor")["حماس"]
    page.locator("fieldset[data-facet='actor'] label", has_text="حماس").locator("input").check()
    assert page.locator(".dossier-result").count() == hamas < both_years
    # The address carries it all: reloading gives the same page.
    url = page.url
    page.goto(url)
    page.wait_for_selector(".dossier-result")
    assert page.is_checked("fieldset[data-facet='year'] input[value='2023']")
    assert not only_local(page.requested_urls)


def test_facets_without_a_query_browse_the_dossier(page, site_url):
    page.goto(site_url + "/search/?year=2023")
    page.wait_for_selector(".dossier-result")
    assert set(page.locator(".dossier-result__title").all_inner_texts()) == {F3, F4}


def test_search_works_from_a_sub_path(page, search_site, serve):
    base = serve(search_site / "www") + "/gaza/dossier"
    page.goto(base + "/actors/")
    page.keyboard.press("/")
    page.keyboard.type("حماس")
    page.wait_for_selector(".dossier-header-search__results a")
    hrefs = page.eval_on_selector_all(".dossier-header-search__results a", "links => links.map(a => a.href)")
    assert hrefs and all(h.startswith(base + "/") for h in hrefs)
    with page.expect_navigation():
        page.keyboard.press("Enter")
    assert page.url == base + "/search/?q=" + quote("حماس")
    page.wait_for_selector(".dossier-result")
    assert all(u.startswith(base) or "/gaza/dossier/" in u for u in page.requested_urls if "/search/" in u)
    assert not only_local(page.requested_urls)


def test_header_box_is_on_every_page_without_material_search(page, seed_site, serve):
    url = serve(seed_site)
    for path in ("/", "/actors/hamas/", "/articles/001-86a5ac3d96ac3503-b1b6872a/", "/search/"):
        page.goto(url + path)
        assert page.locator(".md-header__inner .dossier-header-search__input").count() == 1
        assert page.locator("[data-md-component='search']").count() == 0      # material's own search is off


def test_snippets_are_fetched_for_the_results_shown_only(page, site_url, search_site):
    documents = json.loads((search_site / "site" / "search" / "documents.json").read_text(encoding="utf-8"))
    groups = len(list((search_site / "site" / "search" / "snippets").glob("*.json")))
    search(page, site_url, "كنغر")                       # no result: no snippet file
    assert not [u for u in page.requested_urls if "/search/snippets/" in u]
    search(page, site_url, "مجلس الأمن")
    shown = page.eval_on_selector_all(".dossier-result__link", "links => links.map(a => a.getAttribute('href'))")
    wanted = {f"{n // documents['snippets']}.json" for n, d in enumerate(documents["documents"])
              if any(link.rstrip("/").endswith(d["url"].rstrip("/")) for link in shown)}
    fetched = {u.rsplit("/", 1)[1] for u in page.requested_urls if "/search/snippets/" in u}
    assert fetched == wanted and 0 < len(fetched) < groups
    assert page.locator(".dossier-result__snippet").count() == len(shown)
