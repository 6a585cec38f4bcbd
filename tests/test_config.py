"""config: a dossier's own settings (dossier.yml), and the commands that read them."""
from __future__ import annotations

import shutil

import pytest

from generator.config import DEFAULT_TITLE, ConfigError, dossier_title, find_config, load_config

from conftest import PROJECT, SEEDS, run_dossier


def test_settings_are_read_with_paths_relative_to_the_file(tmp_path):
    (tmp_path / "dossier.yml").write_text("title: ' ملف\n  الاحتجاجات '\ndescription: وصف\nsources: [a, b/c]\n"
                                          "knowledge_base: kb.local.yml\n", encoding="utf-8")
    config = find_config(tmp_path)
    assert config.title == "ملف الاحتجاجات"          # one line: it becomes a heading
    assert config.sources == (tmp_path.resolve() / "a", tmp_path.resolve() / "b" / "c")
    assert config.knowledge_base == tmp_path.resolve() / "kb.local.yml"
    assert dossier_title(tmp_path) == "ملف الاحتجاجات"
    assert config.with_title("نسخة").title == "نسخة" and config.with_title(None) is config


def test_a_folder_without_settings_is_not_named_after_the_project(tmp_path):
    assert dossier_title(tmp_path) == DEFAULT_TITLE
    assert "غزة" not in DEFAULT_TITLE
    assert dossier_title(PROJECT) == "ملف مفاوضات غزة"


@pytest.mark.parametrize("text, problem", [
    ("title: [unclosed", "not valid YAML"),
    ("titel: x", "unknown setting titel"),
    ("- a\n- b", "expected a mapping"),
    ("sources: {a: 1}", "'sources' must be"),
    ("title: {a: 1}", "'title' must be text"),
])
def test_bad_settings_name_the_file_and_the_problem(tmp_path, text, problem):
    path = tmp_path / "dossier.yml"
    path.write_text(text, encoding="utf-8")
    with pytest.raises(ConfigError) as err:
        load_config(path)
    assert str(path) in str(err.value) and problem in str(err.value)


def test_build_in_a_dossier_folder_uses_its_sources_and_title(tmp_path):
    (tmp_path / "mine").mkdir()
    shutil.copy(SEEDS / "000_1d7b59691e184638.txt", tmp_path / "mine")
    (tmp_path / "dossier.yml").write_text("title: ملف تجريبي\nsources: [mine]\n", encoding="utf-8")
    run_dossier("build", "--docs", str(tmp_path / "docs"), cwd=tmp_path)
    home = (tmp_path / "docs" / "index.md").read_text(encoding="utf-8")
    assert "# ملف تجريبي\n" in home and "غزة:" not in home
    assert "mine/000_1d7b59691e184638.txt" in (tmp_path / "docs" / ".dossier" / "report.json").read_text(encoding="utf-8")


def test_a_broken_settings_file_stops_the_command_with_its_name(tmp_path):
    (tmp_path / "dossier.yml").write_text("title: [", encoding="utf-8")
    result = run_dossier("build", "--docs", str(tmp_path / "docs"), cwd=tmp_path, check=False)
    assert result.returncode == 2
    assert "dossier.yml: not valid YAML" in result.stderr and not (tmp_path / "docs").exists()


def test_new_refuses_a_folder_that_holds_files(tmp_path):
    (tmp_path / "x").mkdir()
    (tmp_path / "x" / "notes.txt").write_text("mine", encoding="utf-8")
    result = run_dossier("new", str(tmp_path / "x"), "--title", "ملف", cwd=tmp_path, check=False)
    assert result.returncode == 2 and "not an empty folder" in result.stderr
    assert [p.name for p in (tmp_path / "x").iterdir()] == ["notes.txt"]


def test_the_plugin_names_the_site_after_dossier_yml_or_keeps_mkdocs_site_name(tmp_path):
    from types import SimpleNamespace

    from generator.mkdocs_plugin import DossierPlugin

    def configured(folder):
        plugin = DossierPlugin()
        plugin.load_config({})
        config = SimpleNamespace(config_file_path=str(folder / "mkdocs.yml"), site_name="من mkdocs.yml",
                                 site_description=None, theme=SimpleNamespace(dirs=[]))
        plugin.on_config(config)
        return plugin, config

    plugin, config = configured(tmp_path)
    assert plugin.dossier.title == config.site_name == "من mkdocs.yml"
    assert config.theme.dirs and config.theme.dirs[0].endswith("theme_overrides")   # the installed theme
    (tmp_path / "dossier.yml").write_text("title: من dossier.yml\ndescription: وصف\n", encoding="utf-8")
    plugin, config = configured(tmp_path)
    assert plugin.dossier.title == config.site_name == "من dossier.yml" and config.site_description == "وصف"
