"""`dossier site --portable`: a site that works opened from disk (file://), as from an unzipped archive."""
from __future__ import annotations

import re
from pathlib import Path
from urllib.parse import unquote, urlparse

import pytest

from conftest import SEEDS, run_dossier

pytestmark = pytest.mark.browser
SCREENS = {"desktop": {"width": 1280, "height": 900}, "phone": {"width": 390, "height": 844}}


@pytest.fixture(scope="module")
def portable_site(tmp_path_factory) -> Path:
    site = tmp_path_factory.mktemp("portable") / "site"
    run_dossier("site", "--source", str(SEEDS), "--site-dir", str(site), "--portable")
    return site


def test_every_link_names_a_file_that_exists(portable_site):
    checked = 0
    for page in portable_site.rglob("*.html"):
        if page.name == "404.html":
            continue        # a static host's answer to a missing path; never opened from disk
        html = page.read_text(encoding="utf-8")
        for href in re.findall(r'<a [^>]*href="([^"#?]+)', html):
            if href.startswith(("http:", "https:", "mailto:")):
                continue
            target = (page.parent / unquote(href)).resolve()
            assert target.is_file(), f"{page.relative_to(portable_site)}: {href} is not a file"
            checked += 1
    assert checked > 200
    for name in ("analyzer", "index", "documents"):
        script = (portable_site / "search" / f"{name}.js").read_text(encoding="utf-8")
        assert script.startswith(f'(window.DossierSearchData = window.DossierSearchData || {{}})["search/{name}.json"] = ')


@pytest.mark.parametrize("screen", list(SCREENS))
def test_search_works_from_file_urls(browser, portable_site, screen, output_dir):
    context = browser.new_context(viewport=SCREENS[screen], locale="ar", is_mobile=screen == "phone")
    page = context.new_page()
    requests = []
    page.on("request", lambda r: requests.append(r.url))
    base = portable_site.as_uri()
    page.goto(f"{base}/search.html?q=%D8%AD%D9%85%D8%A7%D8%B3")          # ?q=حماس
    page.wait_for_selector("#dossier-search-page .dossier-result")
    assert "تعذّر" not in page.inner_text(".dossier-search__status")
    first = page.locator("a.dossier-result__link").nth(1)
    with page.expect_navigation():
        first.click()
    assert page.url.startswith(base + "/articles/") and page.url.endswith(".html")
    assert "حماس" in page.inner_text("article")
    # The header box: typing lists results, Enter opens the search page, all as files.
    page.fill(".dossier-header-search__input", "غزة")
    page.keyboard.press("End")
    page.wait_for_selector(".dossier-header-search__results a")
    hrefs = page.eval_on_selector_all(".dossier-header-search__results a", "l => l.map(a => a.href)")
    assert hrefs and all(h.startswith(base) and ".html" in h for h in hrefs)
    with page.expect_navigation():
        page.keyboard.press("Enter")
    assert urlparse(page.url).path.endswith("/search.html")
    page.wait_for_selector("#dossier-search-page .dossier-result")
    page.screenshot(path=str(output_dir / f"portable-{screen}.png"))
    assert all(u.startswith(("file:", "data:", "blob:")) for u in requests), [u for u in requests if not u.startswith("file:")]
    context.close()
