"""The reader's view in Debian's chromium, on a desktop screen and on a 390x844 phone."""
from __future__ import annotations

import pytest

from conftest import CHROMIUM_ARGS  # noqa: F401 - the browser fixture launches with them
from test_browser import only_local

pytestmark = pytest.mark.browser

SCREENS = {"desktop": {"width": 1280, "height": 900}, "phone": {"width": 390, "height": 844}}
ARTICLE = "articles/2025-06-30-577cb8fb/"


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
