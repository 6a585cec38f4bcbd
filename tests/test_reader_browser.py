"""The reader's view in Debian's chromium, on a desktop screen and on a 390x844 phone."""
from __future__ import annotations

import pytest

from conftest import CHROMIUM_ARGS  # noqa: F401 - the browser fixture launches with them
from test_browser import only_local

pytestmark = pytest.mark.browser

SCREENS = {"desktop": {"width": 1280, "height": 900}, "phone": {"width": 390, "height": 844}}
ARTICLE = "articles/000-1d7b59691e184638-e8064010/"


@pytest.fixture(scope="module")
def site_url(seed_site, serve):
    return serve(seed_site)


@pytest.fixture(params=list(SCREENS))
def screen(request, browser):
    """A page at one screen size; the phone one is a touch device, as a phone is."""
    name = request.param
    context = browser.new_context(viewport=SCREENS[name], locale="ar", is_mobile=name == "phone",
                                  has_touch=name == "phone")
    page = context.new_page()
    page.requested_urls = []
    page.on("request", lambda r: page.requested_urls.append(r.url))
    page.screen = name
    yield page
    context.close()


def test_zero_results_show_no_more_button(screen, site_url):
    screen.goto(f"{site_url}/search/?q=zzzzqqq")
    screen.wait_for_selector(".dossier-search__status--empty")
    assert screen.locator("#dossier-search-page .dossier-result").count() == 0
    assert not screen.locator(".dossier-search__more-button").is_visible()
    assert not only_local(screen.requested_urls)


def test_citation_is_not_monospace_and_cites_the_address_it_is_read_at(screen, site_url, output_dir):
    screen.goto(f"{site_url}/{ARTICLE}")
    if screen.screen == "phone":
        screen.locator("details.dossier-meta__panel > summary").click()
    screen.locator(".dossier-meta summary", has_text="استشهد").click()
    box = screen.locator("textarea.dossier-cite")
    assert box.is_visible()
    font = box.evaluate("el => getComputedStyle(el).fontFamily")
    assert "mono" not in font.lower() and "Noto Sans Arabic" in font
    value = box.input_value()
    assert "\u2066" + f"{site_url}/{ARTICLE}" + "\u2069" in value       # this server's address, isolated
    assert "\u2066000_1d7b59691e184638.txt\u2069" in value
    box.scroll_into_view_if_needed()
    screen.screenshot(path=str(output_dir / f"citation-{screen.screen}.png"))


def _top(page, selector: str) -> float:
    return page.locator(selector).first.evaluate("el => el.getBoundingClientRect().top")


def test_first_search_result_is_on_the_first_screen(screen, site_url, output_dir):
    screen.goto(f"{site_url}/search/?q=%D8%AD%D9%85%D8%A7%D8%B3")    # ?q=حماس
    screen.wait_for_selector("#dossier-search-page .dossier-result")
    assert _top(screen, "#dossier-search-page .dossier-result") < 844
    facets = screen.locator("details.dossier-facets-panel")
    facet_box = screen.locator(".dossier-facets fieldset").first
    if screen.screen == "phone":
        assert not facets.evaluate("el => el.open") and not facet_box.is_visible()
        facets.locator("summary").click()                              # one tap opens the facets
    assert facet_box.is_visible()
    screen.screenshot(path=str(output_dir / f"search-{screen.screen}.png"))


def test_article_text_starts_on_the_first_screen_and_the_panel_opens(screen, site_url, output_dir):
    screen.goto(f"{site_url}/{ARTICLE}")
    first_paragraph = "article .dossier-meta ~ p"
    assert "قال مستشار المكتب السياسي" in screen.locator(first_paragraph).first.inner_text()
    assert _top(screen, first_paragraph) < 844
    panel = screen.locator("details.dossier-meta__panel")
    summary = panel.locator("> summary")
    assert "2025-06-30" in summary.inner_text() and "موقع المنصة" in summary.inner_text()
    if screen.screen == "phone":
        assert not panel.evaluate("el => el.open")
        summary.click()
    assert screen.locator(".dossier-meta dl").first.is_visible()
    assert "محمد خيال" in screen.locator(".dossier-meta").inner_text()
    if screen.screen == "phone":   # chips stay one line that scrolls: 17 actors are not 17 rows
        chips = screen.locator(".dossier-meta ul.dossier-chips").first
        chip_height = chips.locator("li").first.evaluate("el => el.getBoundingClientRect().height")
        assert chips.evaluate("el => el.getBoundingClientRect().height") < 2 * chip_height
    screen.screenshot(path=str(output_dir / f"article-{screen.screen}.png"), full_page=True)


def test_tables_scroll_inside_their_box_and_the_page_does_not_widen(screen, site_url):
    screen.goto(f"{site_url}/{ARTICLE}")
    if screen.screen == "phone":
        screen.locator("details.dossier-meta__panel > summary").click()
    screen.locator(".dossier-meta summary", has_text="الأرقام").click()
    width = SCREENS[screen.screen]["width"]
    # The table's box is the nearest box that scrolls sideways: it lies on the screen, and whatever
    # of the table does not fit in it is reached by scrolling it, not cut off.
    box = screen.locator(".dossier-meta table").evaluate("""el => {
        let box = el.parentElement;
        while (box && !['auto', 'scroll'].includes(getComputedStyle(box).overflowX)) box = box.parentElement;
        const r = box.getBoundingClientRect();
        return {left: r.left, right: r.right, fits: el.getBoundingClientRect().width <= box.scrollWidth};
    }""")
    assert 0 <= box["left"] and box["right"] <= width and box["fits"]
    for path in (ARTICLE, "actors/", "topics/", "search/?q=%D8%AD%D9%85%D8%A7%D8%B3"):
        screen.goto(f"{site_url}/{path}")
        assert screen.evaluate("document.documentElement.scrollWidth") <= width, path


def test_header_title_is_not_truncated(screen, site_url):
    screen.goto(f"{site_url}/")
    title = screen.locator(".md-header__topic:first-child .md-ellipsis")
    assert title.inner_text().strip() == "ملف مفاوضات غزة"
    assert title.evaluate("el => el.scrollWidth <= el.clientWidth + 1")        # no ellipsis
    name = title.evaluate("el => { const r = el.getBoundingClientRect(); return [r.top, r.bottom, r.width]; }")
    header = screen.locator(".md-header").evaluate("el => el.getBoundingClientRect().bottom")
    assert name[0] >= 0 and name[1] <= header and name[2] > 60


def test_index_tables_lead_with_the_arabic_name_in_the_larger_type(screen, site_url):
    screen.goto(f"{site_url}/actors/")
    row = screen.locator("article table tbody tr").first
    size = "el => parseFloat(getComputedStyle(el).fontSize)"
    arabic, english = row.locator("td").nth(0), row.locator(".dossier-en")
    assert arabic.evaluate(size) > english.evaluate(size)
    # Right-to-left, the first column is the rightmost.
    right = "el => el.getBoundingClientRect().right"
    assert arabic.evaluate(right) > row.locator("td").nth(1).evaluate(right)
