"""Ingest: every kind of file a real article folder holds ends decoded or refused with a clear reason."""
from __future__ import annotations

import codecs
import os
import random
import signal
import tracemalloc
import unicodedata
from pathlib import Path

import pytest

from generator import ingest
from generator.ingest import MAX_BYTES, InputError, decode, discover, display_name, read_article

FIXTURES = Path(__file__).parent / "fixtures"
SAMPLE = (FIXTURES / "encodings" / "sample.txt").read_text(encoding="utf-8")


def mixed_nfd(text: str) -> str:
    """Every other paragraph decomposed (أ -> ا + hamza above): what some Mac tools and scrapers produce."""
    lines = text.split("\n")
    return "\n".join(unicodedata.normalize("NFD", line) if i % 4 == 2 else line for i, line in enumerate(lines))


ENCODED = {
    "utf8": (SAMPLE.encode("utf-8"), "utf-8"),
    "utf8-bom": (codecs.BOM_UTF8 + SAMPLE.encode("utf-8"), "utf-8-sig"),
    "utf16-le-bom": (codecs.BOM_UTF16_LE + SAMPLE.encode("utf-16-le"), "utf-16"),
    "utf16-be-bom": (codecs.BOM_UTF16_BE + SAMPLE.encode("utf-16-be"), "utf-16"),
    "windows-1256": (SAMPLE.encode("cp1256"), "cp1256"),
    "iso-8859-6": (SAMPLE.encode("iso8859_6"), "iso8859_6"),
    "crlf": (SAMPLE.replace("\n", "\r\n").encode("utf-8"), "utf-8"),
    "lone-cr": (SAMPLE.replace("\n", "\r").encode("utf-8"), "utf-8"),
    "cp1256-crlf": (SAMPLE.replace("\n", "\r\n").encode("cp1256"), "cp1256"),
    "mixed-nfc-nfd": (mixed_nfd(SAMPLE).encode("utf-8"), "utf-8"),
}


def write(folder: Path, name: str, data: bytes) -> Path:
    path = folder / name
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(data)
    return path


@pytest.mark.parametrize("kind", sorted(ENCODED))
def test_every_encoding_gives_the_same_text_and_says_which_it_was(tmp_path, kind):
    data, encoding = ENCODED[kind]
    assert data != SAMPLE.encode("utf-8") or kind == "utf8"
    raw = read_article(write(tmp_path, f"{kind}.txt", data))
    assert raw.text == SAMPLE   # NFC, \n line ends, no BOM
    assert raw.encoding == encoding
    assert "\ufeff" not in raw.text and "\r" not in raw.text


def test_damaged_utf8_is_reported_with_where_not_turned_into_mojibake(tmp_path):
    good = SAMPLE.encode("utf-8")
    cut = good.index("وأضاف".encode()) + len("وأ".encode())    # between two letters of a line
    line = good[:cut].count(b"\n") + 1
    data = good[:cut] + b"\xff\xfe" + good[cut:] + "نهاية".encode()[:-1]   # and a truncated last letter
    with pytest.raises(InputError) as err:
        read_article(write(tmp_path, "damaged.txt", data))
    problem = err.value.problem
    assert "UTF-8" in problem and "3 undecodable" in problem
    assert f"byte {cut}" in problem and f"line {line}" in problem


def test_bytes_no_encoding_explains_are_refused(tmp_path):
    rng = random.Random(5)
    noise = bytes(rng.choice(range(0x80, 0x100)) for _ in range(3000))
    with pytest.raises(InputError) as err:
        read_article(write(tmp_path, "noise.txt", noise))
    assert "UTF-8" in err.value.problem or "binary" in err.value.problem


@pytest.mark.parametrize("data, reason", [
    (b"", "empty file (0 bytes)"),
    (b"   \n\t\r\n  \n", "contains only white space, no text"),
    (codecs.BOM_UTF8 + " \u00a0\u3000\n".encode(), "contains only white space, no text"),
])
def test_empty_and_blank_files_say_so(tmp_path, data, reason):
    with pytest.raises(InputError) as err:
        read_article(write(tmp_path, "blank.txt", data))
    assert err.value.problem == reason


@pytest.mark.parametrize("name, data", [
    ("image.txt", b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(range(256)) * 4),
    ("program.txt", b"\x7fELF\x02\x01\x01" + bytes(100)),
    ("archive.txt", b"\x1f\x8b\x08\x00" + bytes(random.Random(1).randrange(256) for _ in range(2000))),
    ("no-nul.txt", bytes(b for b in random.Random(2).randbytes(4000) if b)),
    ("controls.txt", b"".join(bytes([c]) for c in range(1, 32) if c not in (9, 10, 13)) * 40),
])
def test_binary_files_with_a_txt_name_are_refused(tmp_path, name, data):
    with pytest.raises(InputError) as err:
        read_article(write(tmp_path, name, data))
    assert any(word in err.value.problem for word in ("binary", "NUL", "UTF-8"))


def refusal_and_peak_memory(path):
    """The InputError reading ``path`` raises, and the peak memory Python traced meanwhile."""
    tracemalloc.start()
    try:
        with pytest.raises(InputError) as err:
            read_article(path)
        _, peak = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()
    return err, peak


def test_a_50_mb_file_is_refused_without_being_read(tmp_path):
    path = tmp_path / "huge.txt"
    line = ("قال مسؤول في حركة حماس إن الاتصالات مستمرة. " * 20 + "\n").encode()
    with path.open("wb") as handle:
        while handle.tell() < 50 * 1024 * 1024:
            handle.write(line * 100)
    err, peak = refusal_and_peak_memory(path)
    assert "file is 50." in err.value.problem and "limit of 2 MB" in err.value.problem
    assert peak < 1024 * 1024, f"peak {peak} bytes while refusing a 50 MB file"


def test_a_file_that_grows_while_read_is_refused_at_the_limit(tmp_path, monkeypatch):
    path = write(tmp_path, "growing.txt", b"x" * (MAX_BYTES + 10))
    real_fstat = os.fstat

    class Small:
        def __init__(self, real):
            self.st_size = 100
            self.st_mode = real.st_mode

    monkeypatch.setattr(ingest.os, "fstat", lambda fd: Small(real_fstat(fd)))
    err, peak = refusal_and_peak_memory(path)
    assert "limit of 2 MB" in err.value.problem
    assert peak < MAX_BYTES + 1024 * 1024


def test_file_at_the_limit_is_read(tmp_path):
    line = "قال مسؤول في حركة حماس إن الاتصالات مستمرة وإن الوسطاء يعملون بلا توقف منذ أيام.\n".encode()
    data = (line * (MAX_BYTES // len(line)))[:MAX_BYTES]
    data = data[: data.rindex(b"\n") + 1]
    raw = read_article(write(tmp_path, "at-limit.txt", data))
    assert len(raw.text.encode()) == len(data)


def test_devices_and_pipes_are_refused_without_opening_them(tmp_path):
    (tmp_path / "zero.txt").symlink_to("/dev/zero")
    os.mkfifo(tmp_path / "pipe.txt")
    previous = signal.signal(signal.SIGALRM, lambda *_: pytest.fail("opening a pipe blocked the build"))
    signal.alarm(10)
    try:
        for name in ("zero.txt", "pipe.txt"):
            with pytest.raises(InputError) as err:
                read_article(tmp_path / name)
            assert "not a regular file" in err.value.problem
    finally:
        signal.alarm(0)
        signal.signal(signal.SIGALRM, previous)


def test_unreadable_file_is_reported(tmp_path, monkeypatch):
    path = write(tmp_path, "locked.txt", SAMPLE.encode())
    real_open = Path.open

    def refuse(self, *args, **kwargs):
        if self == path:
            raise PermissionError(13, "Permission denied", str(self))
        return real_open(self, *args, **kwargs)

    with monkeypatch.context() as m:
        m.setattr(Path, "open", refuse)
        with pytest.raises(InputError) as err:
            read_article(path)
    assert err.value.problem == "cannot be read (permission denied)"


@pytest.mark.skipif(os.geteuid() == 0, reason="root reads files whatever their mode; "
                    "test_unreadable_file_is_reported simulates the permission error instead")
def test_unreadable_file_by_mode(tmp_path):
    path = write(tmp_path, "locked.txt", SAMPLE.encode())
    path.chmod(0)
    with pytest.raises(InputError) as err:
        read_article(path)
    assert err.value.problem == "cannot be read (permission denied)"


def test_symlink_loops_neither_hang_nor_stop_the_walk(tmp_path):
    src = tmp_path / "src"
    write(src, "good.txt", SAMPLE.encode())
    write(src, "sub/inner.txt", SAMPLE.encode())
    (src / "sub" / "loop").symlink_to("..", target_is_directory=True)
    (src / "self.txt").symlink_to("self.txt")
    (src / "a.txt").symlink_to("b.txt")
    (src / "b.txt").symlink_to("a.txt")
    found = discover([src])
    assert [p.name for p in found.articles] == ["a.txt", "b.txt", "good.txt", "self.txt", "inner.txt"]
    assert [(p.path.relative_to(src).as_posix(), p.problem) for p in found.problems] == [
        ("sub/loop", "symbolic link to a folder; not followed (it could loop)")]
    for name in ("self.txt", "a.txt"):
        with pytest.raises(InputError) as err:
            read_article(src / name)
        assert "symbolic links" in err.value.problem


def test_other_files_are_listed_with_the_reason(tmp_path):
    src = tmp_path / "src"
    write(src, "article.txt", SAMPLE.encode())
    write(src, "article.meta.yml", b"title: x\n")          # a companion: not listed
    write(src, "manifest.csv", b"file,title\n")             # a companion: not listed
    write(src, "orphan.meta.yml", b"title: x\n")
    write(src, "notes.md", b"# notes\n")
    write(src, "photo.JPG", b"\xff\xd8")
    write(src, "ARTICLE.TXT.bak", b"x")
    write(src, ".git/config", b"[core]\n")
    found = discover([src])
    assert [p.name for p in found.articles] == ["article.txt"]
    assert [(p.relative_to(src).as_posix(), why) for p, why in found.ignored] == [
        (".git", "hidden folder; not read"),
        ("ARTICLE.TXT.bak", "not a .txt article"),
        ("notes.md", "not a .txt article"),
        ("orphan.meta.yml", "sidecar without its article (orphan.txt is missing)"),
        ("photo.JPG", "not a .txt article"),
    ]


def test_discovery_order_does_not_depend_on_the_file_system(tmp_path, monkeypatch):
    names = ["b.txt", "a.txt", "مقال.txt", "z/1.txt", "A.txt", "-x.txt", "a b.txt", "z/0.txt", "y/9.txt"]
    first, second = tmp_path / "one", tmp_path / "two"
    for name in names:
        write(first, name, name.encode())
    for name in reversed(names):
        write(second, name, name.encode())
    real_walk = os.walk

    def reversed_walk(top, **kwargs):
        for folder, subfolders, files in real_walk(top, **kwargs):
            subfolders.reverse()
            yield folder, subfolders, list(reversed(files))

    in_first = [p.relative_to(first).as_posix() for p in discover([first]).articles]
    monkeypatch.setattr(ingest.os, "walk", reversed_walk)
    in_second = [p.relative_to(second).as_posix() for p in discover([second]).articles]
    assert in_first == in_second
    assert sorted(in_first) == sorted(names)


def test_names_differing_only_in_normalisation_keep_a_stable_order(tmp_path):
    nfc, nfd = "أخبار.txt", unicodedata.normalize("NFD", "أخبار.txt")
    assert nfc != nfd
    write(tmp_path, nfd, b"1")
    write(tmp_path, nfc, b"2")
    assert [p.name for p in discover([tmp_path]).articles] == [nfc, nfd]


def test_a_name_that_is_not_utf8_becomes_printable(tmp_path):
    raw_name = os.fsencode(tmp_path) + b"/caf\xe9-\xff.txt"
    with open(raw_name, "wb") as handle:
        handle.write(SAMPLE.encode())
    (path,) = discover([tmp_path]).articles
    raw = read_article(path)
    assert raw.name == "caf\ufffd-\ufffd.txt"
    raw.name.encode("utf-8")   # would raise with surrogate escapes
    assert display_name("plain.txt") == "plain.txt"


def test_sidecar_problem_names_the_sidecar(tmp_path):
    write(tmp_path, "a.txt", SAMPLE.encode())
    write(tmp_path, "a.meta.yml", b"title: [unclosed\n")
    with pytest.raises(InputError) as err:
        read_article(tmp_path / "a.txt")
    assert err.value.problem.startswith("sidecar a.meta.yml: sidecar is not valid YAML")


def test_manifest_csv_is_read_again_when_it_changes(tmp_path):
    write(tmp_path, "a.txt", SAMPLE.encode())
    write(tmp_path, "manifest.csv", "file,title\na.txt,أول\n".encode())
    assert read_article(tmp_path / "a.txt").manifest["title"] == "أول"
    write(tmp_path, "manifest.csv", "file,title\na.txt,العنوان الثاني\n".encode())
    assert read_article(tmp_path / "a.txt").manifest["title"] == "العنوان الثاني"


def test_decode_refuses_nul_bytes_before_guessing(tmp_path):
    with pytest.raises(InputError) as err:
        decode(Path("x.txt"), SAMPLE.encode("utf-16-le"))   # UTF-16 without its mark
    assert "UTF-16 without a byte-order mark" in err.value.problem


def test_a_linked_article_finds_its_corpus_manifest(tmp_path):
    corpus = tmp_path / "corpus"
    (corpus / "articles").mkdir(parents=True)
    (corpus / "articles" / "a.txt").write_text("نص المقالة.\n", encoding="utf-8")
    (corpus / "manifest.csv").write_text("file,title,date,source\narticles/a.txt,عنوان,2018-05-03,SkyNews\n", encoding="utf-8")
    links = tmp_path / "selection"
    links.mkdir()
    (links / "a.txt").symlink_to(corpus / "articles" / "a.txt")
    assert read_article(links / "a.txt").manifest["date"] == "2018-05-03"


def test_articles_copied_out_of_their_corpus_find_their_manifest_row_by_file_name(tmp_path):
    # The rows name the corpus layout ("articles/SkyNews/x.txt"); the copies sit side by side.
    folder = tmp_path / "copied"
    folder.mkdir()
    (folder / "sky-1.txt").write_text("نص المقالة الأولى.\n", encoding="utf-8")
    (folder / "manifest.csv").write_text(
        "file,title,date,source\n"
        "articles/SkyNews/2018/sky-1.txt,عنوان,2018-05-03,SkyNews\n"
        "articles/SkyNews/2018/dup.txt,أ,2018-05-04,SkyNews\narticles/Other/dup.txt,ب,2018-05-05,Other\n",
        encoding="utf-8")
    (folder / "dup.txt").write_text("نص آخر.\n", encoding="utf-8")
    article = read_article(folder / "sky-1.txt")
    assert (article.manifest["date"], article.manifest_file) == ("2018-05-03", folder / "manifest.csv")
    # A name that two rows share is ambiguous: no row rather than the wrong one.
    assert read_article(folder / "dup.txt").manifest == {}
