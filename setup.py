"""One packaging step beyond pyproject.toml: a wheel carries the site's own files.

`dossier site` and `dossier new` need the site's mkdocs.yml, its theme
(theme_overrides/) and the hand-written pages of docs/ (method, search).  In
a source checkout they are read where they are; a built wheel gets a copy
inside the package (generator/site_files/), so that the command works after
`pip install` into any environment.
"""
import json
import shutil
from pathlib import Path

from setuptools import setup
from setuptools.command.build_py import build_py

ROOT = Path(__file__).resolve().parent


class BuildWithSiteFiles(build_py):
    def run(self):
        super().run()
        if getattr(self, "editable_mode", False):
            return      # an editable install reads the checkout itself
        target = Path(self.build_lib) / "generator" / "site_files"
        shutil.rmtree(target, ignore_errors=True)
        (target / "docs").mkdir(parents=True)
        shutil.copy2(ROOT / "mkdocs.yml", target / "mkdocs.yml")
        shutil.copytree(ROOT / "theme_overrides", target / "theme_overrides")
        docs = ROOT / "docs"
        generated = set(json.loads((docs / ".dossier" / "manifest.json").read_text(encoding="utf-8"))["files"])
        for page in sorted(docs.rglob("*")):
            name = page.relative_to(docs).as_posix()
            if page.is_file() and name not in generated and not name.startswith(".dossier/"):
                (target / "docs" / name).parent.mkdir(parents=True, exist_ok=True)
                shutil.copy2(page, target / "docs" / name)


setup(cmdclass={"build_py": BuildWithSiteFiles})
