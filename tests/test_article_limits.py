"""What a build takes in: Arabic text only, and article files up to a size that is a setting."""
from __future__ import annotations

import json
import subprocess
import sys

from generator.arabic import arabic_share
from generator.build import build

from conftest import PROJECT, SEEDS, run_dossier


def test_arabic_share_counts_letters_only():
    assert arabic_share("Hello world, 2025!") == 0.0
    assert arabic_share("١٢٣ 456 ...") == 0.0                     # digits are not letters
    assert arabic_share("قال ويتكوف") == 1.0
    assert 0.5 < arabic_share("قال المبعوث Steve Witkoff إن المفاوضات مستمرة") < 1.0


def test_text_that_is_not_arabic_is_skipped_with_that_reason(tmp_path):
    src = tmp_path / "src"
    src.mkdir()
    (src / "note.txt").write_text("Meeting notes\n\nCall the editor on Monday about the Cairo story.\n", encoding="utf-8")
    (src / "mixed.txt").write_bytes((SEEDS / "000_1d7b59691e184638.txt").read_bytes()
                                    + b"\n\nQuoted in English: the talks continue, a source said.\n")
    report, articles = build([src], tmp_path / "docs")
    lines = {f.file: f for f in report.files}
    assert lines["src/note.txt"].status == "skipped"
    assert lines["src/note.txt"].reason.startswith("not Arabic text: 0% of its letters are Arabic")
    assert lines["src/mixed.txt"].status == "built"                # Arabic with an English quote is Arabic
    assert [a.source_name for a in articles] == ["mixed.txt"]


def big_article(path, megabytes: float) -> None:
    body = (SEEDS / "000_1d7b59691e184638.txt").read_text(encoding="utf-8").split("\n", 1)[1].replace("\n", " ")[:1500]
    paragraphs, size, n = ["تقرير طويل عن جولات المفاوضات", ""], 0, 0
    while size < megabytes * 1024 * 1024:
        n += 1
        paragraphs += [f"الفقرة {n}: {body}", ""]
        size += len(paragraphs[-2].encode()) + 2
    path.write_text("\n".join(paragraphs), encoding="utf-8")


def test_a_5_mb_report_is_skipped_by_default_and_built_in_bounded_memory_when_the_limit_is_raised(tmp_path):
    src = tmp_path / "src"
    src.mkdir()
    big_article(src / "report.txt", 5)
    first = run_dossier("build", "--source", str(src), "--docs", str(tmp_path / "docs"), cwd=tmp_path, check=False)
    assert first.returncode == 1 and "limit of 2 MB per article; not read (--max-article-size raises it)" in first.stderr
    # The build in a child of its own, so that its peak memory is its own.
    measure = ("import resource, subprocess, sys; r = subprocess.run(sys.argv[1:], capture_output=True, text=True); "
               "print(r.returncode, resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss); sys.stderr.write(r.stderr)")
    run = subprocess.run([sys.executable, "-c", measure, sys.executable, "-m", "generator", "build", "--source", str(src),
                          "--docs", str(tmp_path / "docs"), "--quiet", "--max-article-size", "6"],
                         capture_output=True, text=True, cwd=tmp_path, env={"NO_MKDOCS_2_WARNING": "1", "PATH": "/usr/bin:/bin"})
    code, peak_kb = map(int, run.stdout.split())
    assert code == 0, run.stderr
    report = json.loads((tmp_path / "docs" / ".dossier" / "report.json").read_text(encoding="utf-8"))
    assert [f["status"] for f in report["files"]] == ["built"]
    assert peak_kb < 600 * 1024, f"peak {peak_kb // 1024} MB"      # measured: 238 MB for 5 MB of text


def test_the_size_limit_is_a_setting_of_the_dossier(tmp_path):
    (tmp_path / "dossier.yml").write_text("max_article_size: 0.002\nsources: [src]\n", encoding="utf-8")
    (tmp_path / "src").mkdir()
    (tmp_path / "src" / "a.txt").write_bytes((SEEDS / "000_1d7b59691e184638.txt").read_bytes())
    result = run_dossier("build", "--docs", str(tmp_path / "docs"), cwd=tmp_path, check=False)
    assert result.returncode == 1 and "limit of 2.05 KB per article" in result.stderr
    assert run_dossier("build", "--docs", str(tmp_path / "docs"), "--max-article-size", "1", cwd=tmp_path).returncode == 0
    bad = run_dossier("build", "--max-article-size", "-1", cwd=tmp_path, check=False)
    assert bad.returncode == 2 and "not a size in megabytes" in bad.stderr
    assert PROJECT.exists()
