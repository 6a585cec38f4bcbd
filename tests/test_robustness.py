"""Bad input, hostile input, and nothing lost: whole builds over messy folders.

- a messy folder (every kind of bad file beside good ones) builds the good
  ones and accounts for every file in the report;
- text from articles never becomes markup anywhere in the built site, and
  still reads as it was (the hostile fixture, built with MkDocs);
- builds are byte-identical whatever the file-system order or hash seed;
- a build killed with SIGKILL leaves only whole files, and the next build
  completes the dossier;
- hand-written pages and hand edits survive, unless --force.
"""
from __future__ import annotations

import codecs
import hashlib
import io
import json
import os
import re
import signal
import subprocess
import sys
import time
from html.parser import HTMLParser
from pathlib import Path

import pytest
import yaml
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.structure.files import get_files
from mkdocs.utils.meta import get_data

from generator import ingest
from generator.build import build
from generator.clean import clean
from generator.ingest import read_article, stable_id
from generator.markdown import strip_controls
from generator.writer import TMP_PREFIX
from hostile_site import HOSTILE, HOSTILE_ARTICLES, KB, hostile_site  # noqa: F401  (hostile_site is a fixture)

FIXTURES = Path(__file__).parent / "fixtures"
SAMPLE = (FIXTURES / "encodings" / "sample.txt").read_text(encoding="utf-8")
PROJECT = Path(__file__).resolve().parent.parent
MONTHS = ["يناير", "فبراير", "مارس", "أبريل", "مايو", "يونيو", "يوليو", "أغسطس", "سبتمبر", "أكتوبر", "نوفمبر", "ديسمبر"]


def article_text(number: int) -> str:
    """A distinct, ordinary article: headline, dateline, body."""
    title, rest = SAMPLE.split("\n", 1)
    return (f"{title} رقم {number}\n\nمنشور {1 + number % 28} {MONTHS[number % 12]} {2023 + number % 3}\n{rest}\n"
            f"وهذه فقرة إضافية رقم {number} تقول إن المفاوضات في القاهرة مستمرة بين الوفود منذ أيام طويلة دون نتيجة واضحة.\n")


def tree(docs: Path) -> dict[str, bytes]:
    """Every file of a docs folder, but the lock (an empty file only the writer uses) and the
    per-article cache (a database whose bytes depend on its history, not on the output)."""
    files = {}
    for folder, _, names in os.walk(docs):
        for name in names:
            path = Path(folder) / name
            rel = path.relative_to(docs).as_posix()
            if rel != ".dossier/lock" and not rel.startswith(".dossier/cache.sqlite"):
                files[rel] = path.read_bytes()
    return files


def dossier(*args: str, env: dict | None = None, **kwargs) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "generator", *args], capture_output=True, text=True,
                          cwd=PROJECT, env={**os.environ, **(env or {})}, **kwargs)


# --------------------------------------------------------------------------- a messy folder

def messy_folder(src: Path) -> dict[str, tuple[str, str | None]]:
    """Write every kind of file a real folder holds; return {report path: (status, words its reason must hold)}."""
    src.mkdir(parents=True)
    expected: dict[str, tuple[str, str | None]] = {}

    def put(name: str, data: bytes, status: str, reason: str | None = None) -> None:
        path = src / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(data)
        expected[f"src/{name}"] = (status, reason)

    put("good-utf8.txt", article_text(1).encode(), "built")
    put("good-bom.txt", codecs.BOM_UTF8 + article_text(2).encode(), "built")
    put("good-utf16.txt", codecs.BOM_UTF16_LE + article_text(3).encode("utf-16-le"), "built")
    put("good-cp1256.txt", article_text(4).encode("cp1256"), "built")
    put("good-crlf.txt", article_text(5).replace("\n", "\r\n").encode(), "built")
    put("good-cr.txt", article_text(6).replace("\n", "\r").encode(), "built")
    put("same-bytes.txt", article_text(1).encode(), "duplicate", "same bytes")
    chrome = "الرئيسية\nتم نسخ الرابط\n12 ℃ القاهرة\n"
    put("same-text-other-chrome.txt", (chrome + article_text(2) + "شارك\n").encode(), "duplicate", "same article text")
    put("same-text-nfd.txt", __import__("unicodedata").normalize("NFD", article_text(4)).encode(), "duplicate", "same")
    put("empty.txt", b"", "skipped", "empty file")
    put("blank.txt", b" \n\t\r\n", "skipped", "only white space")
    put("only-chrome.txt", "الرئيسية\nتم نسخ الرابط\n----\n1,234\nشارك\n".encode(), "skipped", "no article text")
    put("binary.txt", b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(range(256)), "skipped", "NUL bytes")
    put("damaged.txt", article_text(7).encode()[:300] + b"\xff" + article_text(7).encode()[300:], "skipped",
        "undecodable")
    put("bad-sidecar.txt", article_text(8).encode(), "skipped", "sidecar bad-sidecar.meta.yml: 'date' must be a date")
    (src / "bad-sidecar.meta.yml").write_text("date: yesterday\n", encoding="utf-8")
    expected["src/bad-sidecar.meta.yml"] = ("skipped", "sidecar bad-sidecar.meta.yml: 'date' must be a date")
    put("good-sidecar.txt", article_text(11).encode(), "built")
    (src / "good-sidecar.meta.yml").write_text("author: كاتب من الملف الجانبي\n", encoding="utf-8")
    expected["src/good-sidecar.meta.yml"] = ("sidecar", "sidecar of src/good-sidecar.txt")
    put("english.txt", b"A short note in English, not an article.\n", "skipped", "not Arabic text: 0% of its letters")
    put("notes.md", b"# my notes\n", "ignored", "not a .txt article")
    put("photo.jpg", b"\xff\xd8\xff", "ignored", "not a .txt article")
    put("lonely.meta.yml", b"title: x\n", "ignored", "sidecar without its article")
    # File names that are awkward somewhere: ids and paths must not care.
    odd = ["with space.txt", "مقال عربي.txt", "a..b.txt", "..txt", "-rf.txt", "--help.txt", "con:*?<>|.txt",
           "CON.txt", "evil\u202etxt.exe.txt", "line\nbreak.txt", "x" * 200 + ".txt", "sub dir/نص.txt"]
    for number, name in enumerate(odd, 20):
        put(name, article_text(number).encode(), "built")
    with open(os.fsencode(src) + b"/latin1-\xe9.txt", "wb") as handle:
        handle.write(article_text(40).encode())
    expected["src/latin1-\ufffd.txt"] = ("built", None)
    # Too large: 50 MB of real text, written in chunks.
    with (src / "huge.txt").open("wb") as handle:
        chunk = article_text(9).encode() * 1000
        while handle.tell() < 50 * 1024 * 1024:
            handle.write(chunk)
    expected["src/huge.txt"] = ("skipped", "limit of 2 MB")
    # Links: a loop of files, a loop of folders, a link to a device.
    (src / "loop-a.txt").symlink_to("loop-b.txt")
    (src / "loop-b.txt").symlink_to("loop-a.txt")
    expected["src/loop-a.txt"] = expected["src/loop-b.txt"] = ("skipped", "symbolic links")
    (src / "sub dir" / "back").symlink_to("..", target_is_directory=True)
    expected["src/sub dir/back"] = ("skipped", "symbolic link to a folder")
    (src / "zero.txt").symlink_to("/dev/zero")
    expected["src/zero.txt"] = ("skipped", "not a regular file")
    put("locked.txt", article_text(10).encode(), "skipped", "permission denied")
    return expected


def refuse_locked(monkeypatch):
    """Tests run as root, who can read a file of mode 000: the permission error is simulated."""
    real_open = Path.open

    def open_(self, *args, **kwargs):
        if self.name == "locked.txt":
            raise PermissionError(13, "Permission denied", str(self))
        return real_open(self, *args, **kwargs)

    monkeypatch.setattr(Path, "open", open_)


@pytest.fixture(scope="module")
def messy(tmp_path_factory):
    root = tmp_path_factory.mktemp("messy")
    expected = messy_folder(root / "src")
    docs = root / "docs"
    with pytest.MonkeyPatch.context() as m:
        refuse_locked(m)
        report, articles = build([root / "src"], docs, kb_dir=KB)
    return root, expected, docs, report, articles


def test_every_input_file_is_accounted_for_with_its_status_and_reason(messy):
    _, expected, docs, report, _ = messy
    on_disk = json.loads((docs / ".dossier" / "report.json").read_text(encoding="utf-8"))
    assert on_disk["files"] == [f.__dict__ for f in report.files]
    listed = [f["file"] for f in on_disk["files"]]
    assert len(listed) == len(set(listed)), "a file is listed twice"
    assert sorted(listed) == sorted(expected)
    for entry in on_disk["files"]:
        status, words = expected[entry["file"]]
        assert entry["status"] == status, entry
        if words:
            assert words in entry["reason"], entry
    summary = on_disk["summary"]
    assert summary == {s: sum(1 for e in on_disk["files"] if e["status"] == s) for s in summary}


def test_encodings_are_reported_and_decoded_to_the_same_page_text(messy):
    _, _, docs, report, articles = messy
    by_file = {f.file: f for f in report.files}
    assert by_file["src/good-utf8.txt"].encoding == "utf-8"
    assert by_file["src/good-bom.txt"].encoding == "utf-8-sig"
    assert by_file["src/good-utf16.txt"].encoding == "utf-16"
    assert by_file["src/good-cp1256.txt"].encoding == "cp1256"
    assert all(f.encoding for f in report.files if f.status in ("built", "duplicate"))
    cp1256 = next(a for a in articles if a.source_name == "good-cp1256.txt")
    assert any("وقف" in p for p in cp1256.paragraphs)   # Arabic, not mojibake
    page = (docs / "articles" / f"{cp1256.id}.md").read_text(encoding="utf-8")
    assert get_data(page)[1]["source"]["encoding"] == "cp1256"


def test_duplicates_point_at_the_page_that_was_kept(messy):
    _, _, docs, report, articles = messy
    by_file = {f.file: f for f in report.files}
    ids = {a.source_name: a.id for a in articles}
    assert by_file["src/same-bytes.txt"].duplicate_of == ids["good-utf8.txt"]
    assert by_file["src/same-text-other-chrome.txt"].duplicate_of == ids["good-bom.txt"]
    assert by_file["src/same-text-nfd.txt"].duplicate_of == ids["good-cp1256.txt"]
    pages = list((docs / "articles").glob("*.md"))
    assert len(pages) == len(articles) == sum(1 for f in report.files if f.status == "built")


def test_odd_file_names_give_ascii_unique_paths_inside_docs(messy):
    root, _, docs, report, articles = messy
    ids = [a.id for a in articles]
    assert len(ids) == len(set(ids))
    for article_id in ids:
        assert re.fullmatch(r"[a-z0-9][a-z0-9-]*", article_id), article_id
    generated = json.loads((docs / ".dossier" / "manifest.json").read_text())["files"]
    for rel in generated:
        assert re.fullmatch(r"[A-Za-z0-9._/-]+", rel), rel
        assert (docs / rel).resolve().is_relative_to(docs.resolve())
    everything = {p.resolve() for p in root.rglob("*") if not p.is_symlink()}
    assert {p for p in everything if p.is_file() and not p.is_relative_to(docs.resolve())} == \
           {p for p in everything if p.is_file() and p.is_relative_to((root / "src").resolve())}, "wrote outside docs"
    names = {a.source_name for a in articles}
    assert "evil\u202etxt.exe.txt" in names and "con:*?<>|.txt" in names and "latin1-\ufffd.txt" in names
    page = next((docs / "articles").glob("*.md")).read_text(encoding="utf-8")
    assert "\u202e" not in "".join(p.read_text(encoding="utf-8") for p in (docs / "articles").glob("*.md"))
    assert page.startswith("---\n")


def test_printed_report_cannot_be_forged_by_a_file_name(messy):
    from generator.build import print_report

    _, _, _, report, _ = messy
    stream = io.StringIO()
    print_report(report, stream=stream)
    printed = stream.getvalue().splitlines()
    assert len(printed) == len(report.files) + 1   # one line per file, and the summary
    assert any("line\\u000abreak.txt" in line for line in printed)
    assert any("evil\\u202etxt.exe.txt" in line for line in printed)


def test_every_generated_page_has_valid_front_matter(messy):
    _, _, docs, _, articles = messy
    for article in articles:
        text = (docs / "articles" / f"{article.id}.md").read_text(encoding="utf-8")
        body, meta = get_data(text)          # the way MkDocs reads it
        assert meta["id"] == article.id and meta["lang"] == "ar"
        assert yaml.safe_load(text.split("---\n")[1]) == meta
        assert body.strip()


# --------------------------------------------------------------------------- hostile text in the site

class Page(HTMLParser):
    """Every element with its attributes, the text of <title>, <p>, <textarea>, <h1>, and script bodies."""

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.elements: list[tuple[str, dict]] = []
        self.stack: list[str] = []
        self.texts: dict[str, list[str]] = {"title": [], "p": [], "textarea": [], "h1": [], "script": [], "a": [],
                                            "header": []}

    def handle_starttag(self, tag, attrs):
        self.elements.append((tag, {k: v or "" for k, v in attrs}))
        if tag in self.texts:
            self.texts[tag].append("")
        if tag not in ("meta", "link", "br", "img", "input", "hr"):
            self.stack.append(tag)

    def handle_startendtag(self, tag, attrs):
        self.elements.append((tag, {k: v or "" for k, v in attrs}))

    def handle_endtag(self, tag):
        if tag in self.stack:
            while self.stack and self.stack.pop() != tag:
                pass

    def handle_data(self, data):
        for tag in self.texts:
            if tag in self.stack:
                self.texts[tag][-1] += data


def parse(path: Path) -> Page:
    page = Page()
    page.feed(path.read_text(encoding="utf-8"))
    page.close()
    return page


def squash(text: str) -> str:
    return re.sub(r"\s+", " ", text).strip()


URL_ATTRIBUTES = {"href", "src", "action", "formaction", "data", "xlink:href", "poster", "background", "srcdoc"}


def test_hostile_fixture_is_what_its_script_writes():
    sys.path.insert(0, str(FIXTURES))
    try:
        import make_hostile
    finally:
        sys.path.remove(str(FIXTURES))
    assert make_hostile.main(check=True) == 0, "run python tests/fixtures/make_hostile.py"


def test_no_article_text_becomes_markup_anywhere_in_the_site(hostile_site):  # noqa: F811
    pages = sorted(hostile_site.site.rglob("*.html"))
    assert len(pages) > 10
    for path in pages:
        page = parse(path)
        where = path.relative_to(hostile_site.site)
        for tag, attrs in page.elements:
            # None of these is in the theme (its icons are inline <svg><path>).
            assert tag not in ("iframe", "frame", "object", "embed", "img", "style", "base", "applet"), (where, tag, attrs)
            for name, value in attrs.items():
                assert not name.startswith("on"), (where, tag, name, value)
                if name in URL_ATTRIBUTES:
                    scheme = re.sub(r"[\s\x00-\x1f]", "", value).lower()
                    assert not scheme.startswith(("javascript:", "data:text", "vbscript:")), (where, tag, name, value)
            if tag == "script":
                src = attrs.get("src")
                assert src is None or (":" not in src and "assets/" in src), (where, attrs)   # the site's own files
        for body in page.texts["script"]:
            assert "alert" not in body, (where, body[:200])


def test_the_hostile_text_still_reads_as_it_was(hostile_site):  # noqa: F811
    for name in HOSTILE_ARTICLES:
        raw = read_article(HOSTILE / name)
        page = parse(hostile_site.article(name))
        shown = {squash(p) for p in page.texts["p"]}
        for paragraph in clean(raw.text).paragraphs:
            assert squash(strip_controls(paragraph)) in shown, paragraph[:120]
    page = parse(hostile_site.article("hostile-extracted.txt"))
    body = " ".join(page.texts["p"])
    for payload in ('<script>alert("body")</script>', "[انقر هنا](javascript:alert('link'))",
                    "<img src=x onerror=\"alert('onerror')\">", "{{ config.site_name }}", "{% include 'base.html' %}",
                    "{: onclick=\"alert('attr')\" }", "\\<script>alert('backslash')</script>", "&lt;script&gt;"):
        assert payload in body, payload
    # "# ...", "> ...", "1. ...", "    ..." and "---" lines stayed paragraphs: no heading, list or code block.
    tags = [tag for tag, _ in page.elements]
    assert tags.count("h1") == 1 and not {"h2", "h3", "pre", "code", "ol"} & set(tags)
    assert "وهذا سطر يبدأ بأربع مسافات ولا ينبغي أن يصير كتلة كود في الصفحة بعد البناء أبدًا" in \
        {squash(p) for p in page.texts["p"]}


def test_titles_authors_and_outlets_are_text_in_title_header_panel_and_citation(hostile_site):  # noqa: F811
    title = "<script>alert('sidecar-title')</script>: # & * ! | > ' \" % {{ x }} gnp.exe"
    author = "\"><img src=x onerror=alert('sidecar-author')>"
    outlet = "<iframe src=javascript:alert('sidecar-outlet')></iframe>"
    notes = "</textarea><script>alert('sidecar-notes')</script>"
    page = parse(hostile_site.article("hostile-sidecar.txt"))
    assert squash(page.texts["title"][0]).startswith(squash(title) + " - ")
    assert squash(title) in [squash(t) for t in page.texts["h1"]]
    assert squash(title) in squash(page.texts["header"][0])      # the theme's top bar
    metas = {attrs.get("name"): attrs.get("content") for tag, attrs in page.elements if tag == "meta"}
    assert metas["author"] == author
    url = "https://example.org/a?b=1&c=\"><script>alert('sidecar-url')</script>"
    assert [attrs["href"] for tag, attrs in page.elements if tag == "a" and "example.org" in attrs.get("href", "")] == [url]
    (citation,) = page.texts["textarea"]
    assert author in citation and title in citation and outlet in citation
    html = hostile_site.article("hostile-sidecar.txt").read_text(encoding="utf-8")
    assert "\u202e" not in html and "\u202e" not in hostile_site.article("hostile-extracted.txt").read_text(encoding="utf-8")
    assert notes not in html and "&lt;/textarea&gt;&lt;script&gt;" in html
    # Index pages: the title as link text, the outlet as a heading.
    index = parse(hostile_site.site / "dates" / "index.html")
    assert title in [squash(t) for t in index.texts["a"]]
    outlet_pages = [p for p in (hostile_site.site / "outlets").glob("*/index.html") if "iframe" in p.parent.name]
    assert len(outlet_pages) == 1
    assert outlet in parse(outlet_pages[0]).texts["h1"]


# --------------------------------------------------------------------------- determinism

def test_two_builds_are_byte_identical_whatever_the_listing_order(tmp_path, monkeypatch):
    names = [f"{prefix}-{i}.txt" for i, prefix in enumerate(["b", "a", "مقال", "Z", "-x", "a b", "c", "ا"])]
    first, second = tmp_path / "one" / "src", tmp_path / "two" / "src"
    for folder, order in ((first, names), (second, list(reversed(names)))):
        folder.mkdir(parents=True)
        for name in order:
            (folder / name).write_text(article_text(names.index(name) % 4), encoding="utf-8")   # duplicates too
    build([first], tmp_path / "docs-1", kb_dir=KB)
    build([first], tmp_path / "docs-1b", kb_dir=KB)
    real_walk = os.walk

    def reversed_walk(top, **kwargs):
        for folder, subfolders, files in real_walk(top, **kwargs):
            subfolders.reverse()
            yield folder, subfolders, list(reversed(files))

    with monkeypatch.context() as m:
        m.setattr(ingest.os, "walk", reversed_walk)
        build([second], tmp_path / "docs-2", kb_dir=KB)
    one, again, two = tree(tmp_path / "docs-1"), tree(tmp_path / "docs-1b"), tree(tmp_path / "docs-2")
    assert one == again
    assert one == two
    report = json.loads(one[".dossier/report.json"])
    assert [f["status"] for f in report["files"]].count("duplicate") == 4


def test_builds_in_separate_processes_with_other_hash_seeds_are_identical(tmp_path):
    src = tmp_path / "src"
    src.mkdir()
    for number in range(12):
        (src / f"{number:02d}.txt").write_text(article_text(number), encoding="utf-8")
    (src / "dup.txt").write_text(article_text(3), encoding="utf-8")
    trees = []
    for seed in ("0", "4242"):
        docs = tmp_path / f"docs-{seed}"
        run = dossier("build", "--kb", str(KB), "--source", str(src), "--docs", str(docs), "--quiet",
                      env={"PYTHONHASHSEED": seed})
        assert run.returncode == 0, run.stderr
        trees.append(tree(docs))
    assert trees[0] == trees[1]
    assert len(trees[0]) > 12


ARABIC_DIGITS = str.maketrans("0123456789", "٠١٢٣٤٥٦٧٨٩")


def test_id_collisions_of_short_hashes_keep_both_articles(tmp_path):
    # Two Arabic file names (no ASCII letters or digits: both ids start "article-") whose paths' sha256
    # share 8 hex digits: found by search (about 65,000 tries).
    seen: dict[str, str] = {}
    number = 0
    while True:
        name = f"مقال{number}.txt".translate(ARABIC_DIGITS)
        prefix = hashlib.sha256(name.encode()).hexdigest()[:8]
        if prefix in seen:
            break
        seen[prefix] = name
        number += 1
    src = tmp_path / "src"
    src.mkdir()
    body = "قالت الحركة في بيان لها إن الوفد المفاوض سيعود إلى القاهرة خلال الأيام المقبلة لاستكمال المباحثات {}.\n"
    (src / seen[prefix]).write_text("بيان\n\n" + body.format("أولا"), encoding="utf-8")
    (src / name).write_text("بيان\n\n" + body.format("ثانيا"), encoding="utf-8")
    report, articles = build([src], tmp_path / "docs", kb_dir=KB)
    assert [f.status for f in report.files] == ["built", "built"]
    ids = {a.source_name: a.id for a in articles}
    assert ids[seen[prefix]] == f"article-{prefix}"
    assert ids[name] == f"article-{hashlib.sha256(name.encode()).hexdigest()[:12]}"


def test_the_same_path_in_two_source_folders_gives_two_ids(tmp_path):
    first, second = tmp_path / "one", tmp_path / "two"
    for folder, word in ((first, "الأول"), (second, "الثاني")):
        folder.mkdir()
        (folder / "a.txt").write_text(f"بيان\n\nقال المتحدث في بيانه {word} إن الوفد سيعود إلى القاهرة غدا.\n",
                                      encoding="utf-8")
    report, articles = build([first, second], tmp_path / "docs", kb_dir=KB)
    assert [f.status for f in report.files] == ["built", "built"]
    assert [a.id for a in articles] == [stable_id("a.txt"), stable_id("two/a.txt")]
    assert articles[0].id != articles[1].id


# --------------------------------------------------------------------------- killed builds

def corpus(src: Path, numbers) -> Path:
    src.mkdir(parents=True, exist_ok=True)
    for number in numbers:
        (src / f"article-{number:03d}.txt").write_text(article_text(number), encoding="utf-8")
    return src


def visible_to_mkdocs(docs: Path) -> set[str]:
    config = MkDocsConfig()
    config.load_dict({"site_name": "x", "docs_dir": str(docs)})
    errors, _ = config.validate()
    assert not errors
    return {f.src_uri for f in get_files(config) if not f.inclusion.is_excluded()}


def test_a_build_killed_mid_write_leaves_whole_files_and_the_next_build_completes(tmp_path):
    src_a = corpus(tmp_path / "a" / "src", range(300))
    src_b = corpus(tmp_path / "b" / "src", [*range(20, 300), *range(400, 430)])   # some gone, some new
    reference = {}
    for name, src in (("a", src_a), ("b", src_b)):
        run = dossier("build", "--kb", str(KB), "--source", str(src), "--docs", str(tmp_path / f"ref-{name}"), "--quiet")
        assert run.returncode == 0, run.stderr
        reference[name] = tree(tmp_path / f"ref-{name}")
    total = sum(1 for rel in reference["a"] if rel.startswith("articles/"))
    assert total == 300

    mid_write = 0
    for attempt, after in enumerate([1, 100, 200, 280, 30, 150]):
        docs = tmp_path / f"docs-{attempt}"
        process = subprocess.Popen([sys.executable, "-m", "generator", "build", "--kb", str(KB), "--source", str(src_a),
                                    "--docs", str(docs), "--quiet"], cwd=PROJECT,
                                   stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        written = 0
        deadline = time.monotonic() + 60
        while process.poll() is None and time.monotonic() < deadline:
            try:
                written = sum(1 for e in os.scandir(docs / "articles") if not e.name.startswith("."))
            except FileNotFoundError:
                written = 0
            if written >= after:
                process.send_signal(signal.SIGKILL)
                break
        process.wait()
        if process.returncode != -signal.SIGKILL or not 0 < written < total:
            continue   # finished before the kill landed: try the next attempt
        mid_write += 1

        # Whatever is on disk is a whole file, byte for byte what a full build writes.
        leftovers = []
        for rel, data in tree(docs).items():
            name = rel.rsplit("/", 1)[-1]
            if name.startswith(TMP_PREFIX):
                leftovers.append(rel)
            elif rel == ".dossier/manifest.json":
                assert "pending" in json.loads(data)   # the journal of the killed build
            else:
                assert data == reference["a"][rel], f"{rel} is not whole"
                if rel.endswith(".md"):
                    assert get_data(data.decode())[1], f"{rel} has no front matter"
                if rel.endswith(".json"):
                    json.loads(data)
        assert not any(rel in visible_to_mkdocs(docs) for rel in leftovers)

        # The next build, of a changed folder, completes the dossier: no file is mistaken for a hand edit.
        run = dossier("build", "--kb", str(KB), "--source", str(src_b), "--docs", str(docs), "--quiet")
        assert run.returncode == 0, run.stderr
        assert "NOT WRITTEN" not in run.stderr, run.stderr
        assert tree(docs) == reference["b"]
        if mid_write >= 2:
            break
    assert mid_write >= 1, "no attempt was killed while writing: the corpus is too small for this machine"


# --------------------------------------------------------------------------- hand-written pages, hand edits

def test_hand_edits_are_kept_and_named_until_force(tmp_path):
    src = corpus(tmp_path / "src", range(3))
    docs = tmp_path / "docs"
    args = ["build", "--kb", str(KB), "--source", str(src), "--docs", str(docs), "--quiet"]
    assert dossier(*args).returncode == 0
    (docs / "notes.md").write_text("# ملاحظاتي\n", encoding="utf-8")
    page = sorted((docs / "articles").glob("*.md"))[0]
    edited = page.read_text(encoding="utf-8").replace("lang: ar", "lang: ar\nmy_note: checked")
    page.write_text(edited, encoding="utf-8")
    (src / "article-001.txt").write_text(article_text(1) + "\nفقرة جديدة أضيفت بعد البناء الأول لتغيير صفحات الفهارس والخط الزمني كلها.\n",
                                         encoding="utf-8")
    run = dossier(*args)
    assert run.returncode == 0
    assert f"NOT WRITTEN {page.as_posix()}: was edited by hand" in run.stderr   # the real path, whatever --docs is
    assert "sidecar" in run.stderr and "--force" in run.stderr
    assert page.read_text(encoding="utf-8") == edited
    assert (docs / "notes.md").read_text(encoding="utf-8") == "# ملاحظاتي\n"
    run = dossier(*args, "--force")
    assert run.returncode == 0 and "NOT WRITTEN" not in run.stderr
    assert "my_note" not in page.read_text(encoding="utf-8")
    assert (docs / "notes.md").read_text(encoding="utf-8") == "# ملاحظاتي\n"
