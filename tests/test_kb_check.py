"""``dossier kb-check``: alias counts on a folder, and ordinary words that must name no entry.

The sentences are written for these tests."""
from __future__ import annotations

import pytest

from generator.arabic import tokenize
from generator.cli import main
from generator.kb import load
from generator.kb_check import check_aliases

KB = load()


def named(sentence: str) -> set[str]:
    """Ids of the actors, places and media the matcher finds in one sentence."""
    return {hit.target for hit in KB.matcher.find(tokenize(sentence)) if not hit.target.startswith("office:")}


@pytest.mark.parametrize("sentence", [
    # The media.yml rule: an outlet whose name is an ordinary word is found only in its unambiguous forms.
    "وصعد الوزير إلى المنصة ليلقي كلمته أمام الحضور",                  # the platform
    "وأطلقت الوزارة المنصة الرقمية الجديدة لتسجيل الطلبات",
    "وتمتد الصحراء في شبه الجزيرة العربية آلاف الكيلومترات",            # the peninsula
    "وصل القارب إلى الجزيرة بعد ساعتين من الإبحار",                     # the island
    "وحدد العقد مبلغ الإيجار بحد أقصى لمدة عامين",                      # a maximum
    "ويبلغ الحد الأقصى للأجور ضعف ما كان عليه",
    "وتصاعد التوتر في الشرق الأقصى خلال الأسبوع",                       # the Far East
    "خرج الصيادون مع الشروق وعادوا بعد الظهر",                           # sunrise
    "وقال إن الأيام المقبلة حاسمة وإن الغد لا يبشر بخير",
    "ورفعت الراية على سطح المبنى",
    "وعبأت المعارضة جيشا من المتطوعين لمراقبة الصناديق",                # an army, not the NGO Gisha
])
def test_ordinary_uses_of_ambiguous_words_name_no_outlet_or_place(sentence):
    ordinary = {"al-manassa", "al-jazeera", "al-aqsa-mosque", "al-shorouk", "al-ayyam-palestine", "al-ghad-jordan", "al-ghad-tv",
                "al-raya", "gisha"}
    assert not named(sentence) & ordinary, named(sentence)


@pytest.mark.parametrize("sentence, entry", [
    ("وأضاف المتحدث لـ المنصة أن الوفد سيعود غدا", "al-manassa"),
    ("وقال لـ«المنصة» إن الاتصالات مستمرة", "al-manassa"),
    ("وأفاد مراسل الجزيرة بسقوط قذائف قرب المستشفى", "al-jazeera"),
    ("ونقلت قناة الجزيرة عن مصدر مطلع أن الرد وصل", "al-jazeera"),
    ("وذكر موقع الجزيرة نت أن الجولة انتهت", "al-jazeera"),
    ("واقتحم مستوطنون باحات الأقصى صباح اليوم", "al-aqsa-mosque"),
    ("وأدى المصلون الصلاة في المسجد الأقصى", "al-aqsa-mosque"),
])
def test_the_unambiguous_forms_still_name_the_entry(sentence, entry):
    assert entry in named(sentence)


def write(folder, name, text):
    folder.mkdir(exist_ok=True)
    (folder / name).write_text(text, encoding="utf-8")


def test_counts_articles_and_hits_with_a_sample(tmp_path):
    src = tmp_path / "src"
    write(src, "a.txt", "وقالت حماس إن الوفد وصل.\n\nوأكدت حماس أنها ستدرس المقترح.\n")
    write(src, "b.txt", "وردت حركة حماس على المقترح المصري.\n")
    write(src, "c.txt", "وأصدرت وزارة الصحة بيانا عن الوضع في المستشفيات.\n")
    result = check_aliases([src])
    assert result.articles == 3
    uses = {(u.target, u.alias): u for u in result.uses}
    bare = uses[("hamas", "حماس")]
    assert (bare.articles, bare.hits) == (1, 2)
    assert "«حماس»" in bare.sample and bare.sample_file.endswith("a.txt")
    # "حركة حماس" is its own, longer alias: the longest match wins, as in extraction.
    assert (uses[("hamas", "حركة حماس")].articles, uses[("hamas", "حركة حماس")].hits) == (1, 1)
    assert result.uses[0].articles >= result.uses[-1].articles


def test_keywords_are_counted_only_when_asked(tmp_path):
    src = tmp_path / "src"
    write(src, "a.txt", "وبحث الوسطاء تمديد الهدنة أسبوعا.\n")
    assert not {u.kind for u in check_aliases([src]).uses} & {"topic"}
    assert ("ceasefire", "تمديد الهدنة") in {(u.target, u.alias) for u in check_aliases([src], keywords=True).uses}


def test_command_lists_the_commonest_and_says_what_it_read(tmp_path, capsys):
    src = tmp_path / "src"
    write(src, "a.txt", "وصعد المتحدث إلى المنصة، ثم قال لـ المنصة إن القاهرة تنتظر الرد.\n")
    write(src, "b.txt", "وقال مسؤول في القاهرة إن الرد وصل.\n")
    assert main(["kb-check", "--source", str(src), "--limit", "5"]) == 0
    out = capsys.readouterr().out
    assert out.startswith("2 articles read")
    lines = out.splitlines()
    first = next(i for i, line in enumerate(lines) if "cairo (place)" in line)
    assert lines[first].split()[:2] == ["2", "2"]
    assert "«القاهرة»" in lines[first + 1]
    assert "al-manassa (media)  لـ المنصة" in out       # once, for "told to", not for the platform
    assert main(["kb-check", "--source", str(src), "--kind", "media"]) == 0
    assert "cairo" not in capsys.readouterr().out


def test_a_missing_folder_is_an_error(tmp_path, capsys):
    assert main(["kb-check", "--source", str(tmp_path / "nowhere")]) == 2
    assert "no such file or folder" in capsys.readouterr().err
