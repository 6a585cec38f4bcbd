"""From seeds/ to a built site: the committed dossier, every page's front matter, the index pages, the site."""
from __future__ import annotations

import re
import xml.etree.ElementTree as ET
from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import urljoin, urlparse

import pytest
import yaml

from conftest import PROJECT, SEEDS, run_dossier

DOCS = PROJECT / "docs"
EXPECTED = yaml.safe_load((Path(__file__).parent / "seed_expectations.yml").read_text(encoding="utf-8"))


def front_matter(path: Path) -> dict:
    text = path.read_text(encoding="utf-8")
    assert text.startswith("---\n"), f"{path} has no front matter"
    return yaml.safe_load(text.split("\n---\n", 1)[0][4:])


@pytest.fixture(scope="module")
def pages() -> dict[str, dict]:
    """Front matter of the committed article pages, by source file name."""
    found = {}
    for path in sorted((DOCS / "articles").glob("*.md")):
        meta = front_matter(path)
        found[meta["source"]["file"]] = meta | {"_path": path}
    return found


def test_committed_docs_are_what_a_build_writes():
    result = run_dossier("build", "--check", "--quiet", check=False)
    assert result.returncode == 0, result.stderr[-2000:]


def test_check_names_a_stale_file(tmp_path):
    docs = tmp_path / "docs"
    run_dossier("build", "--source", str(SEEDS), "--docs", str(docs), "--quiet")
    victim = sorted((docs / "topics").glob("*.md"))[-1]
    victim.write_text(victim.read_text(encoding="utf-8").replace("#", "##", 1), encoding="utf-8")
    result = run_dossier("build", "--source", str(SEEDS), "--docs", str(docs), "--check", "--quiet", check=False)
    assert result.returncode == 1
    assert victim.name in result.stderr


def test_every_seed_has_one_page(pages):
    assert sorted(pages) == sorted(p.name for p in SEEDS.glob("*.txt"))
    for name, meta in pages.items():
        assert meta["_path"].name == f"{meta['id']}.md"
        assert re.fullmatch(r"[a-z0-9-]+", meta["id"])
        assert meta["lang"] == "ar" and meta["dir"] == "rtl"
        assert meta["source"]["sha256"] and len(meta["source"]["sha256"]) == 64


@pytest.mark.parametrize("name", sorted(EXPECTED))
def test_front_matter_matches_a_careful_reading(pages, name):
    meta, want = pages[name], EXPECTED[name]
    for field in ("title", "title_source", "date", "date_source", "page_date", "outlet", "author"):
        if field in want:
            assert meta[field] == want[field], f"{name}: {field}"
    if want.get("date") is None:
        assert meta["date"] is None and meta["date_source"] is None
    else:
        assert meta["date_evidence"] and meta["date_precision"] == "day"
    actors = {a["id"] for a in meta["actors"]}
    missing = set(want.get("actors_include", [])) - actors
    assert not missing, f"{name}: main actors missing: {missing}"
    wrong = set(want.get("actors_exclude", [])) & actors
    assert not wrong, f"{name}: not actors: {wrong}"
    assert set(want.get("cited_media_include", [])) <= {m["id"] for m in meta["cited_media"]}
    assert set(want.get("topics_include", [])) <= set(meta["topics"])
    figures = {(f["kind"], f["value"]) for f in meta["figures"]}
    for kind, value in want.get("figures_include", []):
        assert (kind, value) in figures, f"{name}: figure {kind} {value} missing"
    for actor in meta["actors"]:
        assert set(actor) == {"id", "name_ar", "name_en", "type"}
        assert actor["type"] in ("person", "organization", "state")


def test_body_is_the_articles_own_text(pages):
    for name, meta in pages.items():
        raw = (SEEDS / name).read_text(encoding="utf-8")
        body = meta["_path"].read_text(encoding="utf-8").split("\n---\n", 1)[1]
        paragraphs = [p for p in body.split("\n\n") if p.strip()]
        assert len(paragraphs) >= 5
        for paragraph in paragraphs:
            plain = paragraph.replace("\\", "")       # Markdown escapes only
            assert plain.strip() in raw, f"{name}: body paragraph not in the source: {plain[:60]}"
        assert "تم نسخ" not in body and "℃" not in body and "محمد الباز" not in body
        assert meta["word_count"] == sum(len(p.split()) for p in paragraphs)


# --- the built site ----------------------------------------------------------

class Links(HTMLParser):
    def __init__(self):
        super().__init__()
        self.links, self.html_attrs, self.body_attrs = [], {}, {}

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if tag == "html":
            self.html_attrs = attrs
        if tag == "body":
            self.body_attrs = attrs
        if tag == "link" and attrs.get("rel") in ("canonical", "alternate"):
            return  # an address, not something the browser loads
        for key in ("href", "src"):
            if attrs.get(key):
                self.links.append((tag, attrs[key]))


def parse(path: Path) -> Links:
    parser = Links()
    parser.feed(path.read_text(encoding="utf-8"))
    return parser


def site_page(site: Path, url_path: str) -> Path:
    return site / url_path.strip("/") / "index.html" if not url_path.endswith(".html") else site / url_path


def reachable_articles(site: Path, start: str) -> set[str]:
    """Article ids linked from the page at ``start`` (a path in the site)."""
    page = site_page(site, start)
    base = "http://x/" + start.strip("/") + "/"
    ids = set()
    for _, href in parse(page).links:
        path = urlparse(urljoin(base, href)).path
        m = re.fullmatch(r"/articles/([a-z0-9-]+)/", path)
        if m:
            ids.add(m.group(1))
    return ids


def test_every_article_is_reachable_from_topics_actors_and_timeline(seed_site, pages):
    ids = {meta["id"] for meta in pages.values()}
    assert reachable_articles(seed_site, "dates") == ids                 # the timeline has every article
    via_topics = set().union(*(reachable_articles(seed_site, f"topics/{t}") for m in pages.values() for t in m["topics"]))
    assert via_topics == {m["id"] for m in pages.values() if m["topics"]}
    via_actors = set()
    for meta in pages.values():
        for actor in meta["actors"]:
            on_page = reachable_articles(seed_site, f"actors/{actor['id']}")
            assert meta["id"] in on_page, f"{meta['id']} missing from the page of {actor['id']}"
            via_actors |= on_page
    assert via_actors == ids
    assert reachable_articles(seed_site, "") and reachable_articles(seed_site, "") <= ids   # home: latest


def test_timeline_puts_undated_articles_in_their_own_group(pages):
    timeline = (DOCS / "dates" / "index.md").read_text(encoding="utf-8")
    undated_at = timeline.index("## بلا تاريخ")
    for meta in pages.values():
        at = timeline.index(f"articles/{meta['id']}.md")
        assert (at > undated_at) == (meta["date"] is None)
    assert timeline.index("2025") < timeline.index("## بلا تاريخ")


def test_actor_index_groups_by_type():
    index = (DOCS / "actors" / "index.md").read_text(encoding="utf-8")
    positions = [index.index(h) for h in ("## الأشخاص", "## المنظمات", "## الدول")]
    assert positions == sorted(positions)


def test_site_is_arabic_rtl_and_self_contained(seed_site):
    html_files = list(seed_site.rglob("*.html"))
    assert len(html_files) > 10
    for path in html_files:
        parsed = parse(path)
        assert parsed.html_attrs.get("lang") == "ar", path
        assert parsed.body_attrs.get("dir") == "rtl", path   # mkdocs-material sets the direction on <body>
        for tag, link in parsed.links:
            if tag in ("script", "link", "img", "iframe", "source"):
                assert not urlparse(link).netloc, f"{path}: {tag} loads {link} from another host"
    for css in seed_site.rglob("*.css"):
        text = css.read_text(encoding="utf-8", errors="replace")
        assert "fonts.googleapis" not in text and "fonts.gstatic" not in text
    assert list((seed_site / "assets" / "fonts").glob("noto-naskh-arabic-arabic-400-normal.woff2"))
    assert list((seed_site / "assets" / "fonts").glob("LICENSE-*.txt"))


def test_nav_lists_the_indexes_and_never_an_article(seed_site):
    home = (seed_site / "index.html").read_text(encoding="utf-8")
    nav = home[home.index("md-nav--primary"):]
    for label in ("الموضوعات", "الفاعلون", "الخط الزمني", "المنافذ", "البحث", "المنهج"):
        assert label in nav
    assert "/articles/" not in nav.split("</nav>")[0]


def test_404_page_is_arabic_and_a_sitemap_lists_the_pages(seed_site, pages):
    assert "الصفحة غير موجودة" in (seed_site / "404.html").read_text(encoding="utf-8")
    sitemap = ET.parse(seed_site / "sitemap.xml").getroot()
    urls = [el.text for el in sitemap.iter() if el.tag.endswith("loc")]
    for meta in pages.values():
        assert any(u.endswith(f"/articles/{meta['id']}/") for u in urls)


def test_metadata_panel_is_drawn_by_the_theme_not_the_markdown(seed_site, pages):
    meta = pages["000_1d7b59691e184638.txt"]
    markdown = meta["_path"].read_text(encoding="utf-8")
    assert "dossier-meta" not in markdown
    html = (seed_site / "articles" / meta["id"] / "index.html").read_text(encoding="utf-8")
    panel = html[html.index('class="dossier-meta"'):html.index("</section>")]
    assert "2025-06-30" in panel and "محمد خيال" in panel and "موقع المنصة" in panel
    assert 'href="../../actors/benjamin-netanyahu/"' in panel
    assert 'href="../../topics/ceasefire/"' in panel
    assert "56,500" in panel                      # figures table
    assert "dossier-cite" in panel                # ready-to-copy citation
