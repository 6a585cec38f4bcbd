"""entities: actors, places, media and topics found in sentences, with the conventions of the about page."""
import pytest

from generator.extract.entities import assign_topics, find_entities
from generator.extract.text import dateline_length, split_sentences
from generator.kb import load

KB = load()


def actors(text, date="2025-06-30"):
    return set(find_entities(split_sentences([text]), KB, date).actors)


@pytest.mark.parametrize("text, expected, absent", [
    # A nationality adjective after an official head word stands for the state ...
    ("قال مسؤول إسرائيلي إن المفاوضات متعثرة", {"israel"}, set()),
    ("وأكد مصدر أمني مصري أن الاتصالات مستمرة", {"egypt"}, set()),
    ("داعيا القيادتين المصرية والأردنية إلى التدخل", {"egypt", "jordan"}, set()),
    ("تم التوصل إلى اتفاق بجهود مصرية وأممية", {"egypt", "united-nations"}, set()),
    ("تعاطينا مع الجهد المصري والإقليمي", {"egypt"}, set()),
    # ... but the Palestinian adjective only after an official one: people, sources and
    # conflicts are not the Palestinian Authority.
    ("وأفادت مصادر طبية فلسطينية عن إصابة شخصين", set(), {"palestinian-authority"}),
    ("ولم يوقع إصابات لدى الجانب الفلسطيني", set(), {"palestinian-authority"}),
    ("قلق مجلس الأمن إزاء النزاع الفلسطيني الإسرائيلي", set(), {"palestinian-authority", "israel"}),
    ("وقالت الحكومة الفلسطينية في رام الله إنها لا تفرض ضرائب", {"palestinian-authority"}, set()),
    # An act of war names the state that commits it; a sponsorship names every sponsor.
    ("وقتل خمسة أشخاص في غارات إسرائيلية على المخيم فجر اليوم", {"israel"}, set()),
    ("ويتواصل العدوان الإسرائيلي على القطاع منذ أشهر", {"israel"}, set()),
    ("جاء الاتفاق برعاية مصرية قطرية أمريكية بعد أسابيع من التفاوض", {"egypt", "qatar", "united-states"}, set()),
])
def test_adjectives(text, expected, absent):
    found = actors(text)
    assert expected <= found
    assert not (absent & found)


def test_a_state_named_only_as_a_place_is_not_an_actor():
    found = actors("وتقول الأونروا إنها تدعم أكثر من خمسة ملايين فلسطيني في الأردن ولبنان وسوريا والأراضي المحتلة")
    assert not ({"jordan", "lebanon", "syria"} & found)
    assert "jordan" in actors("وقال الأردن إنه يرفض التهجير")
    assert "egypt" in actors("وأشار المسئولون في مصر إلى أن الحركة لن تناقش الفكرة")   # officials in a state
    # A war or an airspace named after the state, a journey's end: places.
    assert "lebanon" not in actors("في أكبر هجوم على البلاد منذ حرب لبنان عام 1982")
    assert "saudi-arabia" not in actors("ستفتح معبر رفح للسماح للحجاج بالمرور ثم التوجه إلى السعودية")
    assert "israel" in actors("ونقلت مصر رسالة إلى إسرائيل تطالب فيها بوقف التصعيد")      # a recipient acts


def test_unrwa_written_without_palestinians_is_not_the_un():
    found = actors("وحذر الفلسطينيون ووكالة الأمم المتحدة لإغاثة وتشغيل اللاجئين من خفض المخصصات")
    assert "unrwa" in found and "united-nations" not in found


def test_organisations_inside_titles_count():
    assert {"united-nations", "stephane-dujarric"} <= actors(
        "وصرّح ستيفان دوجاريك المتحدث باسم الأمم المتحدة بأن قافلة دخلت شمال غزة", "2024-04-26")
    assert {"palestinian-authority", "mahmoud-abbas"} <= actors(
        "قال رئيس السلطة الوطنية الفلسطينية، محمود عباس، إن السلطة ستحارب الصفقة", "2018-08-16")


@pytest.mark.parametrize("date, holder", [("2024-04-26", "joe-biden"), ("2025-06-30", "donald-trump")])
def test_titles_resolve_by_date(date, holder):
    assert holder in actors("وقال الرئيس الأمريكي إن الاتفاق قريب", date)


def test_a_title_alone_names_no_one_without_a_date():
    assert not ({"joe-biden", "donald-trump"} & actors("وقال الرئيس الأمريكي إن الاتفاق قريب", None))


@pytest.mark.parametrize("paragraph, dateline", [
    ("دبي، الإمارات العربية المتحدة (CNN)— أعلنت حركة حماس", "دبي، الإمارات العربية المتحدة (CNN)— "),
    ("أتلانتا، الولايات المتحدة الأمريكية (CNN)-- ارتفع عدد القتلى", "أتلانتا، الولايات المتحدة الأمريكية (CNN)-- "),
    ("قال مسؤول فلسطيني (طلب عدم ذكر اسمه) إن", ""),
    ("أعلنت حركة حماس - في بيان - أن", ""),
])
def test_datelines(paragraph, dateline):
    assert paragraph[:dateline_length(paragraph)] == dateline


def test_negated_keywords_do_not_make_a_topic():
    found = find_entities(split_sentences(["شنت طائرات غارتين دون وقوع إصابات.", "ولم تسجل إصابات."]), KB, None)
    assert found.topic_hits.get("casualties", 0) == 0


def test_a_headline_hit_counts_double():
    body = find_entities(split_sentences(["وتحدث الوسطاء عن المقترح."]), KB, None)
    title = find_entities(split_sentences(["مفاوضات جديدة في القاهرة"]), KB, None)
    assert "mediation" not in assign_topics(body, KB, {}, 500)
    assert "mediation" in assign_topics(body, KB, title.topic_hits, 500)


def test_military_aid_is_not_humanitarian_aid():
    from generator.arabic import tokenize
    from generator.kb import load

    kb = load()
    targets = [h.target for h in kb.matcher.find_keywords(tokenize("تطلب إسرائيل زيادة المساعدات العسكرية الأمريكية"))]
    assert "humanitarian-aid" not in targets
    targets = [h.target for h in kb.matcher.find_keywords(tokenize("منع دخول المساعدات الإنسانية إلى غزة"))]
    assert "humanitarian-aid" in targets


def test_people_of_the_2025_talks():
    found = actors("وقال آدم بولر إن المحادثات مفيدة، فيما رفض عز الدين الحداد الشروط، "
                   "وأكدت كارولين ليفيت ذلك، وقال إيفي ديفرين إن الجيش مستعد", "2025-05-01")
    assert {"adam-boehler", "izz-al-din-al-haddad", "karoline-leavitt", "effie-defrin"} <= found
    assert "izz-al-din-al-haddad" not in actors("وأعلنت البلدية الحداد ثلاثة أيام")   # الحداد: mourning


def test_names_of_the_hostage_families_forum_and_the_un_rights_office():
    assert "hostages-families-forum" in actors("وفقا لمنتدى الرهائن وعائلات المفقودين فإن ثلاثة أفرجوا السبت")
    assert "un-human-rights-office" in actors("وقالت المفوضية السامية لحقوق الإنسان إن القصف يثير القلق")
