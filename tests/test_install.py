"""The package as a newcomer gets it: a wheel installed into a fresh environment, used away from the checkout.

The wheel is built offline from the checkout (pip --no-build-isolation); the
fresh environment gets the wheel itself and sees the dependencies already
installed for the project (a path entry, not another copy of them), so the
test needs no network.
"""
from __future__ import annotations

import os
import shutil
import subprocess
import sys
import sysconfig
from pathlib import Path

import pytest

from conftest import PROJECT, SEEDS


@pytest.fixture(scope="module")
def fresh_env(tmp_path_factory) -> Path:
    root = tmp_path_factory.mktemp("install")
    wheels = root / "wheels"
    subprocess.run([sys.executable, "-m", "pip", "wheel", "--quiet", "--no-deps", "--no-build-isolation",
                    "-w", str(wheels), str(PROJECT)], check=True, capture_output=True, cwd=root)
    (wheel,) = wheels.glob("gaza_dossier-*.whl")
    env = root / "venv"
    subprocess.run([sys.executable, "-m", "venv", "--without-pip", str(env)], check=True)
    python = env / "bin" / "python"
    site_packages = Path(subprocess.check_output([str(python), "-c", "import sysconfig; print(sysconfig.get_paths()['purelib'])"],
                                                 text=True).strip())
    # The project's dependencies, seen through a plain path entry (its .pth files, the editable
    # install of this checkout among them, are not run from there).
    (site_packages / "deps.pth").write_text(sysconfig.get_paths()["purelib"] + "\n")
    subprocess.run([sys.executable, "-m", "pip", "install", "--quiet", "--no-deps", "--no-index",
                    "--target", str(site_packages), str(wheel)], check=True, capture_output=True)
    return env


def run_in(env: Path, *args: str, cwd: Path) -> subprocess.CompletedProcess:
    clean_env = {k: v for k, v in os.environ.items() if k not in ("PYTHONPATH", "VIRTUAL_ENV")}
    clean_env["NO_MKDOCS_2_WARNING"] = "1"
    return subprocess.run([str(env / "bin" / "python"), "-m", "generator", *args], cwd=cwd, capture_output=True,
                          text=True, env=clean_env)


def test_the_installed_package_is_not_the_checkout(fresh_env, tmp_path):
    where = subprocess.check_output([str(fresh_env / "bin" / "python"), "-c",
                                     "import generator.site as s; print(s.__file__); print(s.site_root())"],
                                    text=True, cwd=tmp_path).split()
    assert all(str(fresh_env) in line for line in where), where
    assert not str(PROJECT) in " ".join(where)


def test_new_dossier_builds_a_site_with_its_own_title_from_the_installed_package(fresh_env, tmp_path):
    folder = tmp_path / "protests"
    made = run_in(fresh_env, "new", str(folder), "--title", "مسيرات العودة 2018", "--description", "ملف تجريبي",
                  cwd=tmp_path)
    assert made.returncode == 0, made.stderr
    assert sorted(p.name for p in folder.iterdir()) == ["articles", "docs", "dossier.yml", "kb.local.yml", "mkdocs.yml"]
    assert list((folder / "articles").iterdir()) == []
    assert "custom_dir" not in (folder / "mkdocs.yml").read_text(encoding="utf-8")
    for seed in sorted(SEEDS.glob("*.txt"))[:2]:
        shutil.copy(seed, folder / "articles")
    site = tmp_path / "site"
    built = run_in(fresh_env, "site", "--site-dir", str(site), cwd=folder)
    assert built.returncode == 0, built.stderr
    home = (site / "index.html").read_text(encoding="utf-8")
    assert "<h1" in home and "مسيرات العودة 2018</h1>" in home
    assert "ملف مفاوضات غزة" not in home
    assert (site / "assets" / "stylesheets" / "dossier.css").is_file()
    article = next((site / "articles").glob("*/index.html")).read_text(encoding="utf-8")
    assert 'class="dossier-meta"' in article and "[مسيرات العودة 2018، المعرّف" in article
    # A one-off name for one site.
    again = run_in(fresh_env, "site", "--site-dir", str(site), "--title", "نسخة للمراجعة", cwd=folder)
    assert again.returncode == 0, again.stderr
    assert "نسخة للمراجعة</h1>" in (site / "index.html").read_text(encoding="utf-8")
