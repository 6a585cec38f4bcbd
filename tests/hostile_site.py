"""The site built from tests/fixtures/hostile/: for tests that check no article text ever runs.

Use the ``hostile_site`` fixture (session-scoped; the site is built once, with
the project's own mkdocs.yml, theme and plugin) in any test module::

    from hostile_site import hostile_site  # noqa: F401  (a pytest fixture)

    def test_something(hostile_site):
        page = hostile_site.article("hostile-sidecar.txt")   # path of its index.html

``HOSTILE_ARTICLES`` names the fixture files; every payload in them calls
``alert("<where it came from>")``, so a browser test can record dialogs and
fail on any.
"""
from __future__ import annotations

import json
from dataclasses import dataclass
from pathlib import Path

import pytest

from generator.kb import DEFAULT_KB_DIR

FIXTURES = Path(__file__).parent / "fixtures"
HOSTILE = FIXTURES / "hostile"
KB = DEFAULT_KB_DIR   # the real knowledge base: actor and place pages carry hostile sentences too
HOSTILE_ARTICLES = ("hostile-extracted.txt", "hostile-sidecar.txt")


@dataclass(frozen=True)
class HostileSite:
    site: Path          # the built static site
    ids: dict[str, str]  # source file name -> article id

    def article(self, source_name: str) -> Path:
        return self.site / "articles" / self.ids[source_name] / "index.html"


def build_hostile_site(site_dir: Path) -> HostileSite:
    """Build the hostile fixture into ``site_dir`` with ``dossier site``; return where its pages are."""
    from generator.build import build
    from generator.site import build_site

    assert build_site([HOSTILE], site_dir, kb_dir=KB) == 0, "the hostile fixture did not build"
    # The ids come from the build report, the same way a person would find them.
    report_docs = site_dir.parent / f"{site_dir.name}-report"
    report, _ = build([HOSTILE], report_docs, kb_dir=KB)
    ids = {Path(f.file).name: f.id for f in report.files if f.status == "built"}
    assert sorted(ids) == sorted(HOSTILE_ARTICLES), json.dumps([f.__dict__ for f in report.files], ensure_ascii=False)
    return HostileSite(site_dir, ids)


@pytest.fixture(scope="session")
def hostile_site(tmp_path_factory) -> HostileSite:
    return build_hostile_site(tmp_path_factory.mktemp("hostile") / "site")
