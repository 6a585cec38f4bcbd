"""`mkdocs serve` (what `make serve` runs): a new article in seeds/ becomes a page, and the watcher settles."""
from __future__ import annotations

import os
import shutil
import socket
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

from generator.ingest import stable_id

from conftest import PROJECT

NEW_ARTICLE = """مسؤول: جولة جديدة من المحادثات في الدوحة

الأحد 12 أكتوبر 2025

قال مسؤول مصري مطلع على المفاوضات إن جولة جديدة من المحادثات بشأن وقف إطلاق النار في قطاع غزة ستعقد في الدوحة خلال الأيام المقبلة بمشاركة الوسطاء من مصر وقطر والولايات المتحدة.
"""


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def get(url: str) -> tuple[int, str]:
    try:
        with urllib.request.urlopen(url, timeout=5) as response:
            return response.status, response.read().decode("utf-8", "replace")
    except OSError as err:
        return getattr(err, "code", 0) or 0, ""


def wait_for(predicate, seconds: float):
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        value = predicate()
        if value:
            return value
        time.sleep(0.3)
    return None


def test_editing_seeds_regenerates_the_served_site(tmp_path):
    project = tmp_path / "project"
    project.mkdir()
    for name in ("mkdocs.yml", "seeds", "docs", "theme_overrides"):
        source = PROJECT / name
        (shutil.copytree if source.is_dir() else shutil.copy2)(source, project / name)
    port = free_port()
    log = (tmp_path / "serve.log").open("w")
    env = dict(os.environ, NO_MKDOCS_2_WARNING="1")
    server = subprocess.Popen([sys.executable, "-m", "mkdocs", "serve", "--dev-addr", f"127.0.0.1:{port}"],
                              cwd=project, stdout=log, stderr=subprocess.STDOUT, env=env)
    try:
        base = f"http://127.0.0.1:{port}"
        assert wait_for(lambda: get(base + "/")[0] == 200, 90), (tmp_path / "serve.log").read_text()
        (project / "seeds" / "005_new_article.txt").write_text(NEW_ARTICLE, encoding="utf-8")
        page = project / "docs" / "articles" / f"{stable_id('005_new_article.txt')}.md"
        assert wait_for(page.is_file, 60), (tmp_path / "serve.log").read_text()[-3000:]
        url = f"{base}/articles/{page.stem}/"
        status_body = wait_for(lambda: (r := get(url))[0] == 200 and r, 60)
        assert status_body and "جولة جديدة من المحادثات" in status_body[1]
        # One save, one rebuild: the pages the generator writes do not start another, and the watcher settles.
        time.sleep(6)
        assert (tmp_path / "serve.log").read_text().count("Building documentation") == 2
        # A person's edit in the docs folder still rebuilds.
        about = project / "docs" / "about.md"
        about.write_text(about.read_text(encoding="utf-8") + "\nسطر جديد.\n", encoding="utf-8")
        assert wait_for(lambda: (tmp_path / "serve.log").read_text().count("Building documentation") == 3, 60)
    finally:
        server.terminate()
        server.wait(timeout=20)
        log.close()
