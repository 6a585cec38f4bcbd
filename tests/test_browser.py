"""The built site in Debian's chromium, served on 127.0.0.1: what a reader sees."""
from __future__ import annotations

import shutil
from urllib.parse import urlparse

import pytest

from conftest import SEEDS, run_dossier

pytestmark = pytest.mark.browser


def only_local(urls: list[str]) -> list[str]:
    return [u for u in urls if urlparse(u).hostname not in ("127.0.0.1",) and not u.startswith(("data:", "blob:"))]


@pytest.fixture(scope="module")
def site_url(seed_site, serve):
    return serve(seed_site)


def test_home_is_rtl_arabic_with_the_shipped_font(page, site_url, output_dir):
    page.goto(site_url + "/")
    assert page.get_attribute("html", "lang") == "ar"
    assert page.get_attribute("body", "dir") == "rtl"
    assert page.evaluate("getComputedStyle(document.querySelector('article')).direction") == "rtl"
    page.evaluate("document.fonts.ready")
    loaded = page.evaluate("[...document.fonts].filter(f => f.status === 'loaded').map(f => f.family.replace(/\"/g, ''))")
    assert "Noto Naskh Arabic" in loaded
    assert "Noto Naskh Arabic" in page.evaluate("getComputedStyle(document.querySelector('.md-typeset p')).fontFamily")
    assert any(u.endswith(".woff2") and u.startswith(site_url) for u in page.requested_urls)
    page.screenshot(path=str(output_dir / "home.png"), full_page=True)
    assert not only_local(page.requested_urls)


def test_article_page_shows_its_metadata_panel(page, site_url, output_dir):
    page.goto(site_url + "/dates/")
    with page.expect_navigation():
        page.click("text=مصادر: اتصالات لدفع حماس")
    panel = page.locator(".dossier-meta")
    assert panel.is_visible()
    text = panel.inner_text()
    assert "2025-06-30" in text and "محمد خيال" in text
    assert panel.locator("a[href*='/actors/']").count() >= 5
    page.screenshot(path=str(output_dir / "article.png"), full_page=True)
    assert not only_local(page.requested_urls)


def test_actor_index_to_actor_page_to_article(page, site_url):
    page.goto(site_url + "/actors/")
    with page.expect_navigation():
        page.click("a[href$='steve-witkoff/']")
    assert page.url.endswith("/actors/steve-witkoff/")
    assert "Steve Witkoff" in page.inner_text("article")
    with page.expect_navigation():
        page.locator("article a[href*='/articles/']").first.click()
    assert "/articles/" in page.url
    assert page.locator(".dossier-meta").is_visible()
    assert "ويتكوف" in page.inner_text("article")
    assert not only_local(page.requested_urls)


def test_site_works_from_a_sub_path(tmp_path, serve, page):
    root = tmp_path / "www"
    site = root / "gaza" / "dossier"
    site.parent.mkdir(parents=True)
    base = serve(root)
    run_dossier("site", "--source", str(SEEDS), "--site-dir", str(site), "--site-url", base + "/gaza/dossier/")
    page.goto(base + "/gaza/dossier/actors/")
    assert "Noto Naskh Arabic" in page.evaluate("getComputedStyle(document.querySelector('.md-typeset p')).fontFamily")
    with page.expect_navigation():
        page.click("a[href$='hamas/']")
    assert page.url == base + "/gaza/dossier/actors/hamas/"
    failed = []
    page.on("response", lambda r: failed.append(r.url) if r.status >= 400 else None)
    # A static host answers every missing path with 404.html; its links and styles must work from anywhere.
    page.goto(base + "/gaza/dossier/404.html")
    assert "الصفحة غير موجودة" in page.inner_text("article")
    hrefs = page.eval_on_selector_all("article a", "links => links.map(a => a.href)")   # resolved addresses
    assert base + "/gaza/dossier/" in hrefs and base + "/gaza/dossier/actors/" in hrefs
    assert "Noto Naskh Arabic" in page.evaluate("getComputedStyle(document.querySelector('.md-typeset p')).fontFamily")
    assert failed == []
    assert not only_local(page.requested_urls)
