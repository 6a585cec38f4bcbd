"""The MkDocs plugin: a mistyped or empty source folder in mkdocs.yml stops the build, and costs no page."""
from __future__ import annotations

import shutil
from types import SimpleNamespace

import pytest
from mkdocs.exceptions import PluginError

from generator.build import build
from generator.mkdocs_plugin import DossierPlugin

from conftest import SEEDS


def plugin_for(tmp_path, *sources):
    plugin = DossierPlugin()
    errors, _ = plugin.load_config({"sources": [str(s) for s in sources]})
    assert not errors
    plugin.on_config(SimpleNamespace(config_file_path=str(tmp_path / "mkdocs.yml"), theme=SimpleNamespace(dirs=[])))
    return plugin


@pytest.fixture
def dossier(tmp_path):
    src = tmp_path / "src"
    src.mkdir()
    seed = sorted(SEEDS.glob("*.txt"))[0]
    shutil.copy(seed, src / seed.name)
    docs = tmp_path / "docs"
    build([src], docs)
    return src, docs


@pytest.mark.parametrize("second", ["missing", "empty"])
def test_a_missing_or_empty_source_stops_the_build_and_keeps_the_pages(tmp_path, dossier, second):
    src, docs = dossier
    pages = sorted((docs / "articles").iterdir())
    if second == "empty":
        (tmp_path / "empty").mkdir()
        plugin = plugin_for(tmp_path, tmp_path / "empty")
    else:
        plugin = plugin_for(tmp_path, src, tmp_path / "missing")
    with pytest.raises(PluginError, match="left as it is"):
        plugin.on_pre_build(SimpleNamespace(docs_dir=str(docs)))
    assert sorted((docs / "articles").iterdir()) == pages


def test_a_broken_knowledge_base_is_a_plugin_error_naming_the_file(tmp_path):
    kb = tmp_path / "kb"
    kb.mkdir()
    (kb / "topics.yml").write_text("[]\n", encoding="utf-8")       # actors.yml is missing
    plugin = DossierPlugin()
    errors, _ = plugin.load_config({"sources": [str(SEEDS)], "kb": str(kb)})
    assert not errors
    with pytest.raises(PluginError, match="actors.yml"):
        plugin.on_config(SimpleNamespace(config_file_path=str(tmp_path / "mkdocs.yml"), theme=SimpleNamespace(dirs=[])))
