"""Sidecars: a curator's overrides, validated; a bad one is an error for that article only."""
from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

import pytest
import yaml

from generator.build import build
from generator.kb import DEFAULT_KB_DIR
from generator.sidecar import SidecarError, read_sidecar

FIXTURES = Path(__file__).parent / "fixtures"
KB = DEFAULT_KB_DIR
SAMPLE = (FIXTURES / "encodings" / "sample.txt").read_bytes()
DATED = next((Path(__file__).parent.parent / "seeds").glob("000_*.txt")).read_bytes()   # "منشور الاثنين 30 يونيو 2025"


def sidecar(tmp_path: Path, text: str | bytes) -> Path:
    path = tmp_path / "a.meta.yml"
    path.write_bytes(text.encode() if isinstance(text, str) else text)
    return path


def problem(tmp_path: Path, text: str | bytes) -> str:
    with pytest.raises(SidecarError) as err:
        read_sidecar(sidecar(tmp_path, text))
    return err.value.problem


def test_valid_sidecar(tmp_path):
    data = read_sidecar(sidecar(tmp_path, "title: 'عنوان: مع # و & و * و !'\ndate: 2025-01-19\n"
                                          "author: محمد\nurl: https://example.org/a?b=1&c=2\ntopics: [ceasefire]\n"))
    assert data == {"title": "عنوان: مع # و & و * و !", "date": dt.date(2025, 1, 19), "author": "محمد",
                    "url": "https://example.org/a?b=1&c=2", "topics": ["ceasefire"]}


def test_no_sidecar_and_empty_sidecar(tmp_path):
    assert read_sidecar(tmp_path / "missing.meta.yml") == {}
    assert read_sidecar(sidecar(tmp_path, "")) == {}
    assert read_sidecar(sidecar(tmp_path, "# only a comment\n")) == {}


@pytest.mark.parametrize("text, expected", [
    ("title: [unclosed\n", "sidecar is not valid YAML at line 2"),
    ("title: x\n  bad: indent\n", "sidecar is not valid YAML at line 2"),
    ("- title\n- date\n", "sidecar must be a mapping of field: value, not a list"),
    ("just a sentence\n", "sidecar must be a mapping of field: value, not a str"),
    ("titel: typo\n", "unknown field 'titel'"),
    ("word_count: 5\n", "field 'word_count' is computed by the generator and cannot be set in a sidecar"),
    ("title: 5\n", "'title' must be text, not int"),
    ("author: [a, b]\n", "'author' must be text, not list"),
    ("date: yesterday\n", "'date' must be a date written YYYY-MM-DD"),
    ("date: 2024-13-45\n", "sidecar has a value YAML cannot read"),
    ("date: 2024-02-30\n", "sidecar has a value YAML cannot read"),
    ("date: '2024-02-30'\n", "'date' must be a date written YYYY-MM-DD"),
    ("date: true\n", "'date' must be a date"),
    ("topics: ceasefire\n", "'topics' must be a list of ids (text)"),
    ("actors: [{id: hamas}]\n", "'actors' must be a list of ids (text)"),
    ("id: ../../etc/passwd\n", "'id' must be lowercase ASCII letters, digits and hyphens"),
    ("id: articles/x\n", "'id' must be lowercase ASCII"),
    ("id: /tmp/x\n", "'id' must be lowercase ASCII"),
    ("id: 'My Article'\n", "'id' must be lowercase ASCII"),
    ("id: مقال\n", "'id' must be lowercase ASCII"),
    ("id: -starts-with-dash\n", "'id' must be lowercase ASCII"),
    ("id: 12\n", "'id' must be lowercase ASCII"),
    ("url: javascript:alert(1)\n", "'url' must be an http:// or https:// address"),
    ("url: ' JAVASCRIPT:alert(1)'\n", "'url' must be an http:// or https:// address"),
    ("url: data:text/html,x\n", "'url' must be an http:// or https:// address"),
    ("title: " + "x" * 6000 + "\n", "'title' is longer than 5000 characters"),
    ("title: " + "[" * 100_000 + "]" * 100_000 + "\n", "sidecar is nested too deeply"),
    (b"title: \xff\xfe\n", "sidecar is not UTF-8 text"),
    (b"title: x\n" + b"#" * 300_000, "sidecar is larger than 256 KB"),
])
def test_bad_sidecars_say_what_is_wrong(tmp_path, text, expected):
    assert expected in problem(tmp_path, text)


def test_every_problem_is_listed_at_once(tmp_path):
    message = problem(tmp_path, "titel: x\ndate: soon\nid: ../x\n")
    assert "unknown field 'titel'" in message and "'date' must be a date" in message and "'id' must be" in message


def test_bad_sidecar_stops_only_its_own_article(tmp_path):
    src = tmp_path / "src"
    src.mkdir()
    bad = {
        "invalid-yaml": "title: [unclosed\n",
        "unknown-field": "titel: x\n",
        "wrong-type": "date: not a date\n",
        "id-path": "id: ../../outside\n",
        "unknown-actor": "actors: [nobody-known]\n",
    }
    for number, (name, text) in enumerate(bad.items()):
        # Different bytes per article, or they would be duplicates of each other.
        (src / f"{name}.txt").write_bytes(SAMPLE + f"\n{number}\n".encode())
        (src / f"{name}.meta.yml").write_text(text, encoding="utf-8")
    (src / "good.txt").write_bytes(SAMPLE)
    (src / "good.meta.yml").write_text("title: عنوان من الملف الجانبي\nid: my-article\n", encoding="utf-8")
    docs = tmp_path / "docs"
    report, articles = build([src], docs, kb_dir=KB)
    statuses = {f.file: (f.status, f.reason) for f in report.files}
    assert statuses["src/good.txt"] == ("built", None)
    assert [a.id for a in articles] == ["my-article"]
    assert (docs / "articles" / "my-article.md").is_file()
    for name in bad:
        status, reason = statuses[f"src/{name}.txt"]
        assert status == "skipped", name
        if name != "unknown-actor":
            assert reason.startswith(f"sidecar {name}.meta.yml: "), reason
    assert "nobody-known" in statuses["src/unknown-actor.txt"][1]
    assert not (tmp_path / "outside.md").exists() and not (tmp_path / "outside").exists()
    on_disk = json.loads((docs / ".dossier" / "report.json").read_text())
    assert {f["file"]: f["status"] for f in on_disk["files"]} == {k: v[0] for k, v in statuses.items()}


def test_empty_sidecar_values_override_nothing_and_are_not_marked_curated(tmp_path):
    """`title:` left empty is a curator who has not filled it in yet: the build goes on with the
    extracted title (it used to crash the whole build rendering a null title)."""
    src = tmp_path / "src"
    src.mkdir()
    (src / "a.txt").write_bytes(SAMPLE)
    (src / "a.meta.yml").write_text("title:\nauthor:\nnotes: ملاحظة\n", encoding="utf-8")
    report, [article] = build([src], tmp_path / "docs", kb_dir=KB)
    assert article.title and article.title_source != "sidecar"
    assert article.curated == ["notes"]


def test_a_null_date_in_the_sidecar_clears_the_whole_finding(tmp_path):
    """`date: null` says the article has no known date: no words, precision or confidence of
    the date the text seemed to give may stay beside the null."""
    src = tmp_path / "src"
    src.mkdir()
    (src / "a.txt").write_bytes(DATED)
    _, [extracted] = build([src], tmp_path / "docs0", kb_dir=KB)
    assert extracted.date.value and extracted.date.evidence   # the sample states a date
    (src / "a.meta.yml").write_text("date: null\n", encoding="utf-8")
    _, [article] = build([src], tmp_path / "docs", kb_dir=KB)
    d = article.date
    assert (d.value, d.precision, d.evidence, d.source) == (None, None, None, "sidecar")
    assert article.id == extracted.id and article.curated == ["date"]   # the address does not move
    page = (tmp_path / "docs" / "articles" / f"{article.id}.md").read_text(encoding="utf-8")
    meta = next(yaml.safe_load_all(page))
    assert meta["date"] is None and meta["date_precision"] is None and meta["date_evidence"] is None
    assert meta["date_confidence"] is None
