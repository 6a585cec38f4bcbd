"""dossier candidates: title + name patterns that match no knowledge-base entry, for a person to review."""
from generator.candidates import find_candidates


def run(tmp_path, *paragraphs):
    folder = tmp_path / "articles"
    folder.mkdir()
    for i, text in enumerate(paragraphs):
        (folder / f"{i}.txt").write_text(text + "\n", encoding="utf-8")
    return {name: (count, context) for name, count, context in find_candidates([folder])}


def test_unknown_names_after_titles_are_listed_most_frequent_first(tmp_path):
    found = run(
        tmp_path,
        "وقال المتحدث باسم الحكومة الفلسطينية، يوسف المحمودي، إن الحكومة ترفض القرار الإسرائيلي بشكل قاطع وتطالب المجتمع الدولي بالتدخل.",
        "وأكد القيادي في حركة حماس سامي الأحمر أن الحركة تدرس المقترح الجديد بجدية وأنها ستسلم ردها للوسطاء قريبا جدا.",
        "وأكد القيادي في حركة حماس سامي الأحمر مجددا أن الحركة لن تقبل باتفاق لا ينهي الحرب على قطاع غزة بشكل كامل.",
    )
    assert list(found)[0] == "سامي الأحمر"
    assert found["سامي الأحمر"][0] == 2
    assert "يوسف المحمودي" in found
    assert "الحركة" in found["سامي الأحمر"][1]      # a sentence for context


def test_known_people_and_non_names_are_not_listed(tmp_path):
    found = run(
        tmp_path,
        "وقال رئيس الوزراء الإسرائيلي بنيامين نتنياهو إن الحرب لن تتوقف قبل تحقيق جميع أهدافها في قطاع غزة وفق ما قال.",
        "وقال مدير المرصد رامي عبد الرحمن إن الاشتباكات تواصلت طوال الليل في عدة مناطق من المدينة دون توقف يذكر.",
        "وقال العقيد الركن صادق الدويد إن ثلاثة صواريخ أطلقت باتجاه المدينة وتم اعتراضها جميعا دون أن تسبب أضرارا.",
    )
    assert not any("نتنياهو" in name for name in found)          # in the knowledge base
    assert "المرصد رامي عبد" not in found and "رامي عبد الرحمن" in found
    assert "الركن صادق الدويد" not in found and "صادق الدويد" in found
