"""Shared fixtures: project paths, a site built from the seeds, a local server, Debian's chromium."""
from __future__ import annotations

import functools
import http.server
import os
import shutil
import subprocess
import sys
import threading
from pathlib import Path

import pytest

PROJECT = Path(__file__).resolve().parent.parent
SEEDS = PROJECT / "seeds"
CHROMIUM = shutil.which("chromium") or "/usr/bin/chromium"
CHROMIUM_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking",
                 "--disable-component-update", "--disable-sync"]
IN_CI = os.environ.get("CI", "").lower() == "true"


def require(condition: bool, why: str) -> None:
    """Skip when something outside the project is missing, but never in CI: there it must be installed."""
    if not condition:
        if IN_CI:
            pytest.fail(f"{why} (CI=true: the project's own set-up must install it)")
        pytest.skip(why)


def run_dossier(*args: str, cwd: Path = PROJECT, check: bool = True) -> subprocess.CompletedProcess:
    env = dict(os.environ, NO_MKDOCS_2_WARNING="1")
    result = subprocess.run([sys.executable, "-m", "generator", *args], cwd=cwd, capture_output=True, text=True, env=env)
    if check and result.returncode != 0:
        raise AssertionError(f"dossier {' '.join(args)} failed ({result.returncode}):\n{result.stderr[-3000:]}")
    return result


@pytest.fixture(scope="session")
def seed_site(tmp_path_factory) -> Path:
    """The static site built from seeds/ by `dossier site` (strict MkDocs build)."""
    site = tmp_path_factory.mktemp("seed-site") / "site"
    run_dossier("site", "--source", str(SEEDS), "--site-dir", str(site))
    return site


class _QuietHandler(http.server.SimpleHTTPRequestHandler):
    def log_message(self, *args):
        pass


@pytest.fixture(scope="session")
def serve():
    """serve(directory) -> base URL of a server on 127.0.0.1 for that directory."""
    servers = []

    def start(directory: Path) -> str:
        handler = functools.partial(_QuietHandler, directory=str(directory))
        server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
        threading.Thread(target=server.serve_forever, daemon=True).start()
        servers.append(server)
        return f"http://127.0.0.1:{server.server_address[1]}"

    yield start
    for server in servers:
        server.shutdown()


@pytest.fixture(scope="session")
def browser():
    require(Path(CHROMIUM).exists(), "Debian's chromium is not installed (make test installs it)")
    playwright_api = pytest.importorskip("playwright.sync_api") if not IN_CI else __import__("playwright.sync_api", fromlist=["x"])
    with playwright_api.sync_playwright() as p:
        b = p.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        yield b
        b.close()


@pytest.fixture()
def page(browser, request):
    """A fresh page that records every request it makes (to check nothing leaves 127.0.0.1)."""
    context = browser.new_context(viewport={"width": 1280, "height": 900}, locale="ar")
    pg = context.new_page()
    pg.requested_urls = []
    pg.on("request", lambda r: pg.requested_urls.append(r.url))
    yield pg
    context.close()


@pytest.fixture()
def output_dir(request) -> Path:
    """A folder for files a person should look at (screenshots): test-output/<test name>/."""
    folder = PROJECT / "test-output" / request.node.name
    folder.mkdir(parents=True, exist_ok=True)
    return folder


@pytest.fixture(autouse=True, scope="session")
def _cache_home(tmp_path_factory):
    # `dossier site` keeps its per-article cache in the user's cache folder: the tests keep theirs apart.
    os.environ["XDG_CACHE_HOME"] = str(tmp_path_factory.mktemp("cache-home"))
