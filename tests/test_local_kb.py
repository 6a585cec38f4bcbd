"""A local knowledge-base file: new actors, outlets, topics and names on top of the shipped knowledge base."""
from __future__ import annotations

import pytest
import yaml

from generator.candidates import as_local_kb, find_candidates
from generator.extract import extract
from generator.ingest import read_article
from generator.kb import KnowledgeBaseError, load

from conftest import run_dossier

LOCAL = """\
actors:
  - id: sami-al-ahmar
    name_en: Sami al-Ahmar
    name_ar: سامي الأحمر
    type: person
outlets:
  - id: local-gazette
    name_en: Local Gazette
    name_ar: الجريدة المحلية
    type: newspaper
topics:
  - id: protests
    name_en: Protests
    name_ar: الاحتجاجات
    keywords: [مسيرات العودة, المتظاهرين]
    min_hits: 1
aliases:
  hamas: [حركة المقاومة الإسلامية في القطاع]
"""
TEXT = ("الجريدة المحلية\n\nمسيرات العودة تتواصل على حدود القطاع\n\n"
        "وقال القيادي سامي الأحمر إن مسيرات العودة ستستمر، وإن حركة المقاومة الإسلامية في القطاع تدعم "
        "المتظاهرين في كل المواقع على طول الحدود الشرقية للقطاع منذ أسابيع.\n")


def test_a_local_file_extends_the_shipped_knowledge_base(tmp_path):
    local = tmp_path / "kb.local.yml"
    local.write_text(LOCAL, encoding="utf-8")
    shipped, kb = load(), load(local)
    assert set(kb.entries) - set(shipped.entries) == {"sami-al-ahmar", "local-gazette", "protests"}
    assert "حركة المقاومة الإسلامية في القطاع" in kb.entries["hamas"].aliases
    assert "حركة المقاومة الإسلامية في القطاع" not in shipped.entries["hamas"].aliases   # the package is untouched
    article_path = tmp_path / "a.txt"
    article_path.write_text(TEXT, encoding="utf-8")
    article = extract(read_article(article_path), kb)
    assert {"sami-al-ahmar", "hamas"} <= {m.id for m in article.actors}
    assert "protests" in article.topics
    assert "sami-al-ahmar" not in {m.id for m in extract(read_article(article_path), shipped).actors}


@pytest.mark.parametrize("text, problem", [
    ("actors:\n  - id: hamas\n    name_ar: حماس\n", "id 'hamas' is used twice"),
    ("aliases:\n  nobody-here: [اسم]\n", "no entry 'nobody-here'"),
    ("people: []\n", "unknown section people"),
    ("actors: [\n", "not valid YAML"),
])
def test_a_bad_local_file_is_an_error_naming_it(tmp_path, text, problem):
    local = tmp_path / "kb.local.yml"
    local.write_text(text, encoding="utf-8")
    with pytest.raises(KnowledgeBaseError) as err:
        load(local)
    assert str(local) in str(err.value) and problem in str(err.value)


def test_candidates_in_the_local_format_load_and_are_then_known(tmp_path):
    folder = tmp_path / "articles"
    folder.mkdir()
    (folder / "a.txt").write_text(
        "وأكد القيادي في حركة حماس سامي الأحمر أن الحركة تدرس المقترح الجديد بجدية وأنها ستسلم ردها للوسطاء قريبا.\n"
        "وقال المتحدث باسم الحكومة الفلسطينية، يوسف المحمودي، إن الحكومة ترفض القرار بشكل قاطع وتطالب بالتدخل.\n",
        encoding="utf-8")
    found = find_candidates([folder])
    assert {name for name, _, _ in found} >= {"سامي الأحمر", "يوسف المحمودي"}
    suggestions = as_local_kb(found)
    entries = yaml.safe_load(suggestions)["actors"]
    assert {e["name_ar"] for e in entries} == {name for name, _, _ in found}
    local = tmp_path / "kb.local.yml"
    local.write_text(suggestions, encoding="utf-8")
    assert find_candidates([folder], kb_dir=local) == []          # accepted: no longer candidates
    cli = run_dossier("candidates", "--source", str(folder), "--kb-format", cwd=tmp_path)
    assert cli.stdout == suggestions
