"""The ``dossier`` command as a new user meets it: mistakes end in a clear message, never in lost work."""
from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest

from generator.cli import main, make_parser

PROJECT = Path(__file__).resolve().parent.parent
SEEDS = PROJECT / "seeds"


@pytest.fixture
def built(tmp_path):
    """A dossier of two seed articles in tmp_path/docs."""
    src = tmp_path / "src"
    src.mkdir()
    for seed in sorted(SEEDS.glob("*.txt"))[:2]:
        shutil.copy(seed, src / seed.name)
    docs = tmp_path / "docs"
    assert main(["build", "--source", str(src), "--docs", str(docs), "--quiet"]) == 0
    return docs


def articles(docs: Path) -> list[str]:
    return sorted(p.name for p in (docs / "articles").glob("*.md"))


def test_a_mistyped_source_is_refused_and_the_dossier_is_left_alone(built, tmp_path, capsys):
    before = articles(built)
    assert len(before) == 2
    code = main(["build", "--source", str(tmp_path / "srcc"), "--docs", str(built)])
    assert code == 2
    assert "no such file or folder" in capsys.readouterr().err
    assert articles(built) == before


def test_one_missing_source_among_two_writes_nothing(built, tmp_path, capsys):
    before = articles(built)
    assert main(["build", "--source", str(tmp_path / "src"), "--source", str(tmp_path / "nope"),
                 "--docs", str(built)]) == 2
    assert str(tmp_path / "nope") in capsys.readouterr().err
    assert articles(built) == before


def test_an_empty_folder_builds_nothing_and_deletes_nothing(built, tmp_path, capsys):
    empty = tmp_path / "empty"
    empty.mkdir()
    before = articles(built)
    assert main(["build", "--source", str(empty), "--docs", str(built)]) == 1
    err = capsys.readouterr().err
    assert "nothing built" in err and "left as it is" in err
    assert articles(built) == before


def test_check_fails_when_nothing_can_be_built(tmp_path, capsys):
    empty = tmp_path / "empty"
    empty.mkdir()
    assert main(["build", "--check", "--source", str(empty), "--docs", str(tmp_path / "docs")]) == 1
    assert "up to date" not in capsys.readouterr().err


def test_a_missing_path_to_extract_is_named_as_a_file_or_folder(tmp_path, capsys):
    assert main(["extract", str(tmp_path / "gone.txt")]) == 1
    assert f"{tmp_path / 'gone.txt'}: no such file or folder" in capsys.readouterr().err


def test_candidates_refuses_a_missing_source(tmp_path, capsys):
    assert main(["candidates", "--source", str(tmp_path / "nope")]) == 2
    assert "no such file or folder" in capsys.readouterr().err


def test_every_option_is_explained_in_help():
    parser = make_parser()
    [subcommands] = [a for a in parser._actions if a.dest == "command"]
    for name, sub in subcommands.choices.items():
        for action in sub._actions:
            assert action.help, f"dossier {name} {'/'.join(action.option_strings) or action.dest}: no help text"


@pytest.mark.parametrize("content, words", [
    ("{\"x\":", "not valid JSON"),
    ("{\"x\": 1}", "must be a list"),
    ("[1]", "entry 1"),
    ("[{\"date\": null}]", "entry 1 has no \"file\""),
    ("[{\"file\": \"a.txt\", \"figures\": [{\"kind\": \"killed\"}]}]", "entry 1"),
    ("[{\"file\": \"a.txt\", \"actors\": \"Hamas\"}]", "entry 1"),
])
def test_a_malformed_gold_file_is_a_clear_error_naming_it(tmp_path, capsys, content, words):
    gold = tmp_path / "gold.json"
    gold.write_text(content, encoding="utf-8")
    assert main(["evaluate", str(gold)]) == 2
    err = capsys.readouterr().err
    assert str(gold) in err and words in err and "Traceback" not in err


def test_a_missing_gold_file_is_a_clear_error(tmp_path, capsys):
    assert main(["evaluate", str(tmp_path / "gold.json")]) == 2
    assert f"{tmp_path / 'gold.json'}: cannot be read" in capsys.readouterr().err


def test_an_unreadable_article_in_the_gold_is_named_once(tmp_path, capsys):
    gold = tmp_path / "gold.json"
    gold.write_text(json.dumps([{"file": "nope.txt", "date": None}]), encoding="utf-8")
    assert main(["evaluate", str(gold)]) == 1      # scores over part of the set must not pass for all of it
    out = capsys.readouterr().out
    assert "unreadable: nope.txt: cannot be read" in out and "nope.txt: nope.txt" not in out


def test_site_refuses_a_folder_that_is_not_a_site(tmp_path, capsys):
    """MkDocs empties its site_dir before building: a mistyped --site-dir must not cost a person's files."""
    target = tmp_path / "papers"
    target.mkdir()
    (target / "draft.docx").write_bytes(b"mine")
    assert main(["site", "--source", str(SEEDS), "--site-dir", str(target)]) == 2
    assert "not empty" in capsys.readouterr().err
    assert (target / "draft.docx").read_bytes() == b"mine"


def test_site_from_a_folder_with_no_article_fails_saying_so(tmp_path, caplog):
    empty = tmp_path / "empty"
    empty.mkdir()
    assert main(["site", "--source", str(empty), "--site-dir", str(tmp_path / "out")]) == 1
    assert "nothing built" in caplog.text
    assert not (tmp_path / "out" / "index.html").exists()


def test_a_knowledge_base_problem_is_a_message_naming_the_file(tmp_path, capsys):
    assert main(["extract", str(sorted(SEEDS.glob("*.txt"))[0]), "--kb", str(tmp_path / "nokb")]) == 2
    err = capsys.readouterr().err
    assert f"{tmp_path / 'nokb' / 'actors.yml'}: missing" in err and "Traceback" not in err
    kb = tmp_path / "kb"
    shutil.copytree(PROJECT / "generator" / "data" / "kb", kb)
    with (kb / "offices.yml").open("a", encoding="utf-8") as handle:
        handle.write("- id: no-holder-actor\n  titles: [x]\n  holders:\n  - from: 2020-01-01\n")
    assert main(["build", "--source", str(SEEDS), "--docs", str(tmp_path / "docs"), "--kb", str(kb)]) == 2
    err = capsys.readouterr().err
    assert f"{kb / 'offices.yml'}, entry" in err and "'actor'" in err


def test_extract_prints_a_file_name_that_is_not_utf8(tmp_path):
    import json
    import os
    import subprocess
    import sys

    name = os.fsdecode(b"article-\xff.txt")
    (tmp_path / name).write_text("قال مسؤول مصري إن المفاوضات بشأن وقف إطلاق النار في غزة ستستأنف في القاهرة الأسبوع المقبل.\n",
                                 encoding="utf-8")
    result = subprocess.run([sys.executable, "-m", "generator", "extract", str(tmp_path)], capture_output=True)
    assert result.returncode == 0, result.stderr.decode("utf-8", "replace")
    record = json.loads(result.stdout.decode("utf-8"))
    assert record["file"].endswith("article-\ufffd.txt")
