"""An article's id, and so its address, comes from its path within its source folder, not its bytes."""
from __future__ import annotations

import shutil
from pathlib import Path

from generator.build import build
from generator.ingest import source_key, stable_id
from generator.kb import DEFAULT_KB_DIR

SEEDS = Path(__file__).parent.parent / "seeds"
DATED = sorted(SEEDS.glob("*.txt"))[0]     # 000_...: "منشور الاثنين 30 يونيو 2025"


def test_the_key_is_the_path_within_the_source_folder_in_nfc(tmp_path):
    source = tmp_path / "src"
    decomposed = "ا\u0653ثار.txt"          # alef + combining madda: NFC makes it one letter (آ)
    assert source_key(source / "sub" / decomposed, [tmp_path / "other", source]) == "sub/\u0622ثار.txt"
    assert source_key(source / "a.txt", [source / "a.txt"]) == "a.txt"


def test_the_id_is_readable_ascii_and_the_same_on_any_machine():
    assert stable_id("sub/000_1d7b59691e184638.txt").startswith("000-1d7b59691e184638-")
    assert stable_id("مقال.txt").startswith("article-")
    assert stable_id("x/AL-culture-44-20180204.txt") != stable_id("y/AL-culture-44-20180204.txt")
    assert stable_id("a.txt") == stable_id("a.txt")
    assert len(stable_id("a.txt", 12)) == len("a-") + 12


def test_editing_a_source_file_keeps_its_id_and_address(tmp_path):
    src, docs = tmp_path / "src", tmp_path / "docs"
    src.mkdir()
    source = src / DATED.name
    shutil.copy(DATED, source)
    _, [before] = build([src], docs, kb_dir=DEFAULT_KB_DIR)
    page = docs / "articles" / f"{before.id}.md"
    assert page.is_file() and before.date.value == "2025-06-30"

    # A correction: a word of the body changed, and the date too (so the old date-and-bytes id would move twice).
    text = source.read_text(encoding="utf-8")
    assert "30 يونيو 2025" in text
    source.write_text(text.replace("30 يونيو 2025", "29 يونيو 2025").replace("حماس", "حركة حماس", 1), encoding="utf-8")
    report, [after] = build([src], docs, kb_dir=DEFAULT_KB_DIR)
    assert after.date.value == "2025-06-29"
    assert after.id == before.id
    assert page.is_file() and "2025-06-29" in page.read_text(encoding="utf-8")
    assert sorted(p.name for p in (docs / "articles").iterdir()) == [page.name]
    assert report.write.deleted == []


def test_the_id_does_not_depend_on_where_the_source_folder_is(tmp_path):
    for place in ("here", "elsewhere/deeper"):
        (tmp_path / place / "corpus").mkdir(parents=True)
        shutil.copy(DATED, tmp_path / place / "corpus" / DATED.name)
    _, [one] = build([tmp_path / "here" / "corpus"], tmp_path / "d1", kb_dir=DEFAULT_KB_DIR)
    _, [two] = build([tmp_path / "elsewhere" / "deeper" / "corpus"], tmp_path / "d2", kb_dir=DEFAULT_KB_DIR)
    assert one.id == two.id == stable_id(DATED.name)


def test_copies_are_still_duplicates_and_a_sidecar_id_still_pins(tmp_path):
    src = tmp_path / "src"
    src.mkdir()
    shutil.copy(DATED, src / "a.txt")
    shutil.copy(DATED, src / "b.txt")                       # the same bytes under another name
    (src / "c.txt").write_bytes(DATED.read_bytes().replace(b"\n", b"\r\n"))   # the same text, other line ends
    (src / "a.meta.yml").write_text("id: my-article\n", encoding="utf-8")
    report, articles = build([src], tmp_path / "docs", kb_dir=DEFAULT_KB_DIR)
    assert [a.id for a in articles] == ["my-article"]
    assert [(f.file, f.status, f.duplicate_of) for f in report.files] == [
        ("src/a.txt", "built", None), ("src/a.meta.yml", "sidecar", None),   # the sidecar has a line of its own
        ("src/b.txt", "duplicate", "my-article"), ("src/c.txt", "duplicate", "my-article")]
