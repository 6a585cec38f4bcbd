"""The writer: atomic, only when bytes change, never over a person's work, safe to kill."""
from __future__ import annotations

import json
import os
import stat

import pytest

from generator import writer
from generator.writer import MANIFEST, TMP_PREFIX, read_manifest, sha, write_tree

V1 = {"a.md": b"one\n", "sub/b.md": b"two\n", "gone.md": b"old\n"}
V2 = {"a.md": b"one, changed\n", "sub/b.md": b"two\n", "new.md": b"new\n"}


def files_in(docs):
    return {p.relative_to(docs).as_posix(): p.read_bytes() for p in docs.rglob("*")
            if p.is_file() and not p.relative_to(docs).as_posix().startswith(".dossier/")}


def test_first_write_creates_files_and_manifest(tmp_path):
    docs = tmp_path / "docs"
    result = write_tree(docs, V1)
    assert sorted(result.written) == sorted(V1)
    assert files_in(docs) == V1
    assert read_manifest(docs) == {rel: sha(data) for rel, data in V1.items()}
    # A finished build leaves no journal behind.
    assert "pending" not in json.loads((docs / MANIFEST).read_text())


def test_files_are_readable_like_any_other_file(tmp_path):
    # mkstemp makes 0600 files; a web server or a colleague could not read the dossier.
    docs = tmp_path / "docs"
    write_tree(docs, V1)
    (tmp_path / "plain.md").write_bytes(b"x")    # what open() makes under the same umask
    mode = stat.S_IMODE((docs / "a.md").stat().st_mode)
    assert mode == stat.S_IMODE((tmp_path / "plain.md").stat().st_mode)
    assert mode & 0o044   # 0600 would fail here with the usual umask 022


def test_unchanged_files_are_not_touched(tmp_path):
    docs = tmp_path / "docs"
    write_tree(docs, V1)
    before = {p: p.stat().st_mtime_ns for p in docs.rglob("*") if p.is_file()}
    os.utime(docs / "a.md", ns=(1, 1))   # any rewrite would move this
    result = write_tree(docs, V1)
    assert result.written == [] and result.deleted == [] and sorted(result.unchanged) == sorted(V1)
    assert (docs / "a.md").stat().st_mtime_ns == 1
    assert (docs / MANIFEST).stat().st_mtime_ns == before[docs / MANIFEST]


def test_changed_new_and_stale_files(tmp_path):
    docs = tmp_path / "docs"
    write_tree(docs, V1)
    result = write_tree(docs, V2)
    assert sorted(result.written) == ["a.md", "new.md"]
    assert result.deleted == ["gone.md"]
    assert result.unchanged == ["sub/b.md"]
    assert files_in(docs) == V2
    assert set(read_manifest(docs)) == set(V2)


def test_hand_written_file_survives_every_build_even_with_force(tmp_path):
    docs = tmp_path / "docs"
    (docs / "sub").mkdir(parents=True)
    (docs / "a.md").write_bytes(b"my own page\n")
    (docs / "about.md").write_bytes(b"hand written\n")
    for force in (False, True):
        result = write_tree(docs, V1, force=force)
        assert (docs / "a.md").read_bytes() == b"my own page\n"
        assert [rel for rel, _ in result.conflicts] == ["a.md"]
        assert "not written by the generator" in result.conflicts[0][1]
        assert "a.md" not in read_manifest(docs)
    write_tree(docs, {})   # nothing generated any more: still not deleted
    assert (docs / "about.md").read_bytes() == b"hand written\n"
    assert (docs / "a.md").read_bytes() == b"my own page\n"


def test_hand_edit_in_generated_page_is_detected_and_kept(tmp_path):
    docs = tmp_path / "docs"
    write_tree(docs, V1)
    (docs / "a.md").write_bytes(b"one, with my correction\n")
    for _ in range(2):   # detected again on the next build, not silently adopted
        result = write_tree(docs, V2)
        assert (docs / "a.md").read_bytes() == b"one, with my correction\n"
        (rel, why), = result.conflicts
        assert rel == "a.md"
        assert "edited by hand" in why and "sidecar" in why and "--force" in why
        assert read_manifest(docs)["a.md"] == sha(V1["a.md"])
    result = write_tree(docs, V2, force=True)
    assert result.conflicts == [] and "a.md" in result.written
    assert (docs / "a.md").read_bytes() == V2["a.md"]


def test_stale_generated_file_edited_by_hand_is_left_in_place(tmp_path):
    docs = tmp_path / "docs"
    write_tree(docs, V1)
    (docs / "gone.md").write_bytes(b"I added notes here\n")
    result = write_tree(docs, V2)
    assert (docs / "gone.md").read_bytes() == b"I added notes here\n"
    assert ("gone.md", "is no longer generated but was edited by hand; left in place") in result.conflicts


def test_check_mode_writes_nothing(tmp_path):
    docs = tmp_path / "docs"
    docs.mkdir()
    result = write_tree(docs, V1, check=True)
    assert sorted(result.differs) == sorted(V1)
    assert list(docs.iterdir()) == []   # not even the lock or the manifest folder
    write_tree(docs, V1)
    assert write_tree(docs, V1, check=True).differs == []
    assert write_tree(docs, V2, check=True).differs == ["a.md", "gone.md", "new.md"]


class Killed(BaseException):
    """Stands for kill -9 between two renames (no cleanup code runs after a real one)."""


def killed_after(monkeypatch, renames):
    real = os.replace
    count = {"n": 0}

    def replace(src, dst):
        if count["n"] == renames:
            raise Killed
        count["n"] += 1
        real(src, dst)

    monkeypatch.setattr(writer.os, "replace", replace)


@pytest.mark.parametrize("renames", range(0, 5))
def test_files_written_by_a_killed_build_are_still_the_generators(tmp_path, monkeypatch, renames):
    # Without the journal, a file the killed build renamed into place has a
    # hash the manifest never saw: the next build would call it a hand edit
    # (or a hand-written file) and refuse to update it for ever.
    docs = tmp_path / "docs"
    write_tree(docs, V1)
    v3 = {"a.md": b"three\n", "sub/b.md": b"two, three\n", "new.md": b"new 3\n"}
    with monkeypatch.context() as m:
        killed_after(m, renames)
        with pytest.raises(Killed):
            write_tree(docs, V2 | {"sub/b.md": b"two, changed\n"})
    for rel, data in files_in(docs).items():   # every file is one whole version
        assert data in (V1.get(rel), V2.get(rel), b"two, changed\n"), rel
    result = write_tree(docs, v3)
    assert result.conflicts == []
    assert files_in(docs) == v3
    assert "pending" not in json.loads((docs / MANIFEST).read_text())


def test_two_killed_builds_in_a_row_lose_nothing(tmp_path, monkeypatch):
    docs = tmp_path / "docs"
    write_tree(docs, {"x.md": b"1\n", "y.md": b"1\n"})
    with monkeypatch.context() as m:
        killed_after(m, 2)       # journal, x.md written; killed before y.md
        with pytest.raises(Killed):
            write_tree(docs, {"x.md": b"2\n", "y.md": b"2\n"})
    assert (docs / "x.md").read_bytes() == b"2\n"
    with monkeypatch.context() as m:
        killed_after(m, 1)       # only the journal of the third build
        with pytest.raises(Killed):
            write_tree(docs, {"x.md": b"3\n", "y.md": b"3\n"})
    result = write_tree(docs, {"x.md": b"4\n", "y.md": b"4\n"})
    assert result.conflicts == []
    assert files_in(docs) == {"x.md": b"4\n", "y.md": b"4\n"}


def test_leftover_temporary_files_are_removed(tmp_path):
    docs = tmp_path / "docs"
    write_tree(docs, V1)
    (docs / "sub" / f"{TMP_PREFIX}abc123").write_bytes(b"half a fi")
    (docs / ".dossier" / f"{TMP_PREFIX}xyz").write_bytes(b"{")
    (docs / ".tmp-my-notes.md").write_bytes(b"mine\n")   # not the writer's prefix
    result = write_tree(docs, V1)
    assert sorted(result.leftovers) == [f".dossier/{TMP_PREFIX}xyz", f"sub/{TMP_PREFIX}abc123"]
    assert not list(docs.rglob(f"{TMP_PREFIX}*"))
    assert (docs / ".tmp-my-notes.md").read_bytes() == b"mine\n"


def test_manifest_cannot_lead_outside_docs(tmp_path):
    docs = tmp_path / "docs"
    outside = tmp_path / "precious.txt"
    outside.write_bytes(b"precious\n")
    write_tree(docs, V1)
    manifest = json.loads((docs / MANIFEST).read_text())
    manifest["files"]["../precious.txt"] = sha(b"precious\n")
    manifest["files"][str(outside)] = sha(b"precious\n")
    (docs / MANIFEST).write_text(json.dumps(manifest))
    write_tree(docs, V1)
    assert outside.read_bytes() == b"precious\n"
    assert "../precious.txt" not in read_manifest(docs)


def test_symlink_out_of_docs_is_not_written_through(tmp_path):
    docs = tmp_path / "docs"
    elsewhere = tmp_path / "elsewhere"
    elsewhere.mkdir()
    docs.mkdir()
    (docs / "sub").symlink_to(elsewhere, target_is_directory=True)
    result = write_tree(docs, V1)
    assert list(elsewhere.iterdir()) == []
    assert [rel for rel, _ in result.conflicts] == ["sub/b.md"]
    assert (docs / "a.md").read_bytes() == V1["a.md"]


def test_a_folder_where_a_file_belongs_is_a_conflict_not_a_crash(tmp_path):
    docs = tmp_path / "docs"
    (docs / "a.md").mkdir(parents=True)
    result = write_tree(docs, V1)
    assert [rel for rel, _ in result.conflicts] == ["a.md"]
    assert (docs / "sub" / "b.md").read_bytes() == V1["sub/b.md"]


def test_corrupt_manifest_means_nothing_is_known_as_generated(tmp_path):
    docs = tmp_path / "docs"
    write_tree(docs, V1)
    (docs / MANIFEST).write_text("{ not json")
    result = write_tree(docs, V2)
    # Without a trustworthy manifest, every existing file is treated as a person's.
    assert sorted(rel for rel, _ in result.conflicts) == ["a.md"]
    assert (docs / "gone.md").exists()
    assert (docs / "new.md").read_bytes() == V2["new.md"]


def test_read_manifest_counts_what_a_killed_build_may_have_written(tmp_path, monkeypatch):
    # `dossier site` copies the files not in the manifest as hand-written pages.
    docs = tmp_path / "docs"
    with monkeypatch.context() as m:
        killed_after(m, 2)       # the journal and one file
        with pytest.raises(Killed):
            write_tree(docs, V1)
    assert set(read_manifest(docs)) == set(V1)
