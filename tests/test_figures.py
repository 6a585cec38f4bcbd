"""figures: numbers the article states, what they count, their exact words (sentences from the seeds
and from 2023-2025 style reporting)."""
import pytest

from generator.extract.figures import sentence_figures
from generator.extract.numbers import read_numbers, scan


def figures(text):
    return {(kind, value) for kind, value, _, _ in sentence_figures(text)}


def one(text):
    found = sentence_figures(text)
    assert len(found) == 1, found
    return found[0]


@pytest.mark.parametrize("text, value", [
    ("56500", 56500), ("2,830", 2830), ("3.6", 3.6), ("٣٤ ألف", 34000), ("ثلاثة", 3),
    ("خمسة وعشرين", 25), ("اثنا عشر", 12), ("أحد عشر", 11), ("ألفي", 2000), ("مليونا", 2_000_000),
    ("2 مليون و300 ألف", 2_300_000), ("ثلاثة آلاف", 3000), ("ثلاث مئة", 300), ("لثلاثة", 3),
    # The way Gaza tolls are written: thousands, then the rest joined with و.
    ("67 ألفا و173", 67_173), ("مليونين و881 ألفا و687", 2_881_687), ("مليونا و899 ألفا و291", 1_899_291),
    ("ألف و500", 1500), ("ثلاثة آلاف وخمسمئة", 3500), ("21 مليونا ونصف المليون", 21_500_000),
    ("ربع مليون", 250_000), ("نصف مليون", 500_000),
    # Dots grouping thousands; a single dotted group is thousands unless a multiplier or % follows.
    ("1.899.291", 1_899_291), ("169.780", 169_780), ("3.600 مليار", 3_600_000_000), ("1.250%", 1.25),
])
def test_reads_numbers(text, value):
    numbers = read_numbers(scan(text))
    assert [n.value for n in numbers] == [value]


@pytest.mark.parametrize("text", ["عشرات", "آلاف", "مئات", "ملايين", "السابعة عشرة", "أحد عناصر الحركة"])
def test_vague_plurals_and_ordinals_are_not_numbers(text):
    assert read_numbers(scan(text)) == []


def test_a_2025_toll_in_thousands_and_units():
    text = "ارتفاع حصيلة الشهداء إلى 67 ألفا و173 شهيدا و169 ألفا و780 مصابا منذ بدء العدوان"
    assert figures(text) == {("killed", 67_173), ("injured", 169_780)}
    assert one("يقطنه مليونا شخص")[1] == 2_000_000          # the dual before a noun


def test_seed_toll_keeps_the_counted_noun():
    text = "ويتواصل العدوان الإسرائيلي على قطاع غزة، الذي راح ضحيته 56500 قتيل و133419 مصابًا منذ السابع من أكتوبر"
    assert [(k, v, t) for k, v, t, _ in sentence_figures(text)] == [
        ("killed", 56500, "56500 قتيل"), ("injured", 133419, "133419 مصابًا")]


def test_qualifier_and_thousands():
    kind, value, text, qualifier = one("ومع سقوط قرابة 20 ألف شهيد في غزة معظمهم من النساء والأطفال")
    assert (kind, value, text, qualifier) == ("killed", 20000, "قرابة 20 ألف شهيد", "قرابة")


def test_generic_noun_takes_the_verb():
    kind, value, text, qualifier = one("حيث استشهد حتى الآن أكثر من 34 ألف شخص")
    assert (kind, value, text, qualifier) == ("killed", 34000, "أكثر من 34 ألف شخص", "أكثر من")


@pytest.mark.parametrize("text, expected", [
    ("بعد أن نشرت حماس مقاطع فيديو لثلاثة رهائن إسرائيليين", {("hostages", 3)}),
    ("رفح التي تستضيف الآن أكثر من مليون نازح فلسطيني", {("displaced", 1_000_000)}),
    ("قافلة مكونة من 30 شاحنة تحمل مساعدات", {("trucks", 30)}),
    ("قال مسؤولون إن 7 فلسطينيين على الأقل قُتلوا وأصيب أكثر من 250 آخرين", {("killed", 7), ("injured", 250)}),
    ("مقتل 4 فلسطينيين وإصابة 120 آخرين", {("killed", 4), ("injured", 120)}),
    ("وأضاف أن من بين الإصابات 26 طفلا وصحفيان وخمسة مسعفين", {("injured", 26), ("injured", 2), ("injured", 5)}),
    ("أدى إلى جرح أربعة من جنوده، إصابة اثنين منهم بالغة", {("injured", 4), ("injured", 2)}),
    ("قتل 167 فلسطينيا فيما قتل جندي اسرائيلي واحد", {("killed", 167), ("killed", 1)}),
    ("وأفادت مصادر طبية بوقوع إصابتين على الأقل", {("injured", 2)}),
    ("وتعتقل إسرائيل نحو 6500 فلسطيني في سجونها", {("prisoners", 6500)}),
    ("الإفراج عن 90 أسيرا فلسطينيا مقابل ثلاث رهائن", {("prisoners", 90), ("hostages", 3)}),
    ("شنت غارات على 150 هدفا بعد إطلاق أكثر من 180 صاروخا", {("other", 150), ("other", 180)}),
    ("نزوح قرابة 85% من سكان القطاع", {("other", 85)}),
    ("بين 3.6 و 3.7 مليار دولار", {("other", 3_700_000_000)}),
    ("تخصيص مبلغ 2 مليون و300 ألف دولار للمساعدات", {("other", 2_300_000)}),
    ("أعلنت السلطات الصحية مقتل 4 متظاهرين برصاص الجيش", {("killed", 4)}),        # protesters are people
    ("يرتفع إلى 162 عدد الفلسطينيين الذين قتلوا منذ بدء الاحتجاجات", {("killed", 162)}),   # "N عدد X"
    ("ارتكب مجازر راح ضحيتها أكثر من 100 فلسطيني", {("killed", 100)}),           # ضحية with a pronoun
    ("قتل خلالها فلسطينيان وأصيب أكثر من 200 بجروح", {("killed", 2), ("injured", 200)}),
    ("بينما بلغت الإصابات أكثر من 17500.", {("injured", 17_500)}),               # nothing after the number
    ('أعلن الجيش اعتقال 11 "مطلوبا" فلسطينيا', {("prisoners", 11)}),
    # The tally named earlier in the sentence: "يرتفع عدد القتلى ... إلى 162 شخصا".
    ("وبذلك يرتفع عدد القتلى الفلسطينيين منذ بدء الاحتجاجات على حدود غزة في 30 آذار/مارس الماضي إلى 162 شخصا",
     {("killed", 162)}),
    ("وأوضحت الوزارة أن العنصرين كانا في موقع تدريب", set()),    # a definite dual points back
])
def test_kinds(text, expected):
    assert figures(text) == expected


@pytest.mark.parametrize("text, days", [
    ("اتفاق يتضمن هدنة 60 يومًا على أمل الانتقال إلى مرحلة تالية", 60),
    ("الجيش سيوقف عملياته في غزة لمدة أسبوع مقابل إطلاق سراح المحتجزين ضمن هدنة", 7),
    ("وقال المصدر إن التهدئة مدتها عام يتم خلالها التواصل", 365),
    ("اقترح الوسطاء هدنة لمدة شهرين", 60),
    ("تمديد الهدنة يومين إضافيين", 2),
])
def test_truce_durations_in_days(text, days):
    assert ("truce-days", days) in figures(text)


@pytest.mark.parametrize("text", [
    "واستمرت الحرب بين إسرائيل وغزة لمدة ستة أشهر",      # a war, not a truce
    "الساعة 4:43 بعد الظهر",                               # clock time
    "هجوم 7 أكتوبر على جنوب إسرائيل",                      # a date without a year
    "منذ انتهاء حرب العام 2014 بين إسرائيل وحماس",          # a year
    "بموجب القرار 2334 الصادر عن مجلس الأمن",              # a label
    "وقتلت رزان النجار، 21 عاما، بالرصاص",                  # an age
    "استشهد طفل يبلغ 12 من عمره",                           # an age
    "إسقاط مقاتلة إسرائيلية من نوع أف 16",                  # an aircraft model
    'أطلقت طائرات من طراز "إف16" صواريخ',
    'أسقطت مقاتلة طراز "F16" بصاروخ',
    "فتيان في الـ15 والـ16 من عمرهما",                      # "الـ15": ages, ordinals
    "في الدورة التاسعة والعشرين للمجلس المركزي",            # an ordinal
    "وأطلق مسلحون عشرات الصواريخ وخرج آلاف الفلسطينيين",   # vague plurals
    "للتواصل 0599123456",                                  # a phone number
    "تقع على بعد 40 كيلومترا من قطاع غزة",                 # a distance
    "ما حدث يوم 14/5 جاء منافيا للإشاعات",                  # a numeric day/month
    "أفاد شهود بأن الغارة وقعت دون وقوع إصابات",           # no number at all
])
def test_not_figures(text):
    assert sentence_figures(text) == []


def test_a_count_in_the_range_of_years_is_still_a_count():
    found = sentence_figures("يجري خلالها تبادل 33 محتجزا إسرائيليا بنحو 1900 أسير فلسطيني.")
    assert ("prisoners", 1900.0) in [(kind, value) for kind, value, _, _ in found]
    assert sentence_figures("منذ 2014 لم يحدث ذلك.") == []


def test_a_subcount_takes_the_event_of_the_count_it_belongs_to():
    found = sentence_figures("استشهد خمسة فلسطينيين بينهم طفلان وأصيب آخرون في قصف إسرائيلي استهدف منزلا في مخيم النصيرات.")
    assert [(kind, value) for kind, value, _, _ in found] == [("killed", 5.0), ("killed", 2.0)]


# Issue 9: rules checked on real 2023-2025 pages. The sentences are written for these tests.

@pytest.mark.parametrize("text, days", [
    ("ونص الاتفاق على هدنة تمتد ستة أسابيع قابلة للتمديد", 42),
    ("وتضمنت الخطة وقف إطلاق النار لمدة شهرين في المرحلة الأولى", 60),
    ("وعرضت القاهرة هدنة لمدة أسبوع تبدأ صباح الأحد", 7),
    ("وطلب الوسطاء تمديد التهدئة يومين آخرين", 2),
    ("وقالت المصادر إن الهدنة ستستمر 42 يوما على ثلاث مراحل", 42),
    # "for four days" with a clitic ل, in a sentence about a ceasefire told with an adjective between.
    ("ويشمل الاتفاق وقفا مؤقتا لإطلاق النار في كل القطاع لأربعة أيام", 4),
    ("وينص المقترح على وقف القتال لـ10 أيام", 10),
])
def test_truce_lengths_written_as_days_weeks_and_months(text, days):
    assert ("truce-days", days) in figures(text)


@pytest.mark.parametrize("text", [
    "وذكرت القناة 12 العبرية أن الوفد عاد من الدوحة",               # a channel
    "وقالت قناة 13 الإسرائيلية إن الحكومة منقسمة",
    "وأشارت القناة العبرية 14 إلى خلاف داخل الحكومة",               # the label two words back
    "ودعا القرار الأممي 2735 إلى وقف فوري للقتال",                   # a resolution number
    "وذكر بالقرارين 242 و338 الصادرين عن مجلس الأمن",              # two of them
    "0 تعليق",                                                       # page counters
    "شارك الخبر | 2500 مشاهدة",
    "عدد المشاهدات 4312",
    "وانسحبت الفرقة 98 من خان يونس بعد أسابيع من القتال",           # a military unit
    "وتقول الوحدة 8200 إنها رصدت الاتصالات",
    "وبدأ الهجوم في السابع من أكتوبر 20223 على مستوطنات الغلاف",     # a mistyped year
    "وكانت الحرب قد اندلعت في 20234 وما زالت مستمرة",
    "وتدخل الهدنة حيز التنفيذ الساعة 10 صباحا",                      # a clock time
    "ويبدأ البث عند 9 مساء بتوقيت القدس",
    "وتنص المادة 7 من الورقة على انسحاب تدريجي",                    # an article number
    "ويشمل الإفراج الفتيان تحت سن 19 عاما",                          # an age
    "وقال فلسطينيان من سكان رفح إنهما لم يتلقيا أي إنذار",          # duals of ordinary nouns
    "ورأى إسرائيليان في الاستطلاع أن الحكومة فشلت",
])
def test_identifiers_and_ordinary_duals_are_not_counts(text):
    assert sentence_figures(text) == []


@pytest.mark.parametrize("text, expected", [
    # Who holds them decides: hostages are held in Gaza, prisoners by Israel.
    ("وما زالت الحركة تحتجز 48 أسيرا إسرائيليا", {("hostages", 48)}),
    ("وأعلنت الفصائل تسليم 4 أسرى إسرائيليين للصليب الأحمر", {("hostages", 4)}),
    ("وتسلم الصليب الأحمر أسيرين إسرائيليين في خان يونس", {("hostages", 2)}),
    ("وقالت الهيئة إن 20 محتجزا فلسطينيا نقلوا إلى المستشفى", {("prisoners", 20)}),
    ("وتبقى 20 أسيرا في غزة بحسب التقديرات", {("hostages", 20)}),
    ("وقال نادي الأسير إن 9500 أسير في السجون يعانون الإهمال", {("prisoners", 9500)}),
    ("وأفرجت السلطات عن 90 معتقلا فلسطينيا من سجن عوفر", {("prisoners", 90)}),
    ("وتنص الصفقة على الإفراج عن 33 رهينة مقابل 1900 أسير", {("hostages", 33), ("prisoners", 1900)}),
    # In an exchange, a count of Israelis is of hostages and one of Palestinians is of prisoners.
    ("ويقضي الاتفاق بتبادل 33 إسرائيليا مقابل 1800 فلسطيني", {("hostages", 33), ("prisoners", 1800)}),
    ("وأطلقت الحركة سراح إسرائيليين اثنين", {("hostages", 2)}),
    ("وشارك 500 فلسطيني في المسيرة", {("other", 500)}),              # no release: still other
    # Deaths from hunger, missing people, money and areas.
    ("وتوفي 66 طفلا بسبب سوء التغذية منذ بداية الحصار", {("other", 66)}),
    ("وارتفع عدد من قضوا جوعا إلى 175 شخصا", {("other", 175)}),
    ("واستشهد 30 فلسطينيا في غارة على مدرسة", {("killed", 30)}),
    ("ولا يزال 11 ألف شخص في عداد المفقودين", {("missing", 11000)}),
    ("وتقدر كلفة إعادة البناء بنحو 53 مليار دولار", {("other", 53_000_000_000)}),
    ("وتمتد المنطقة العازلة على 60 كيلومترا مربعا من القطاع", {("other", 60)}),
])
def test_captives_by_holder_and_the_other_kinds(text, expected):
    assert figures(text) == expected


def test_two_victims_are_still_counted():
    assert figures("واستشهد فلسطينيان في قصف على مخيم جباليا") == {("killed", 2)}
    assert figures("وأصيب إسرائيليان بجروح طفيفة") == {("injured", 2)}


def test_a_phase_of_the_deal_is_a_stretch_of_the_truce():
    assert figures("وتستمر المرحلة الأولى من الاتفاق 42 يوما تفرج خلالها الحركة عن 33 محتجزا") == {
        ("truce-days", 42), ("hostages", 33)}
    assert figures("والمرحلة الثانية من الصفقة مدتها ستة أسابيع") == {("truce-days", 42)}
    assert figures("وبدأت المرحلة الثانية من العملية العسكرية قبل 3 أيام") == set()   # no deal, no truce


def test_bodies_recovered_are_counted_as_killed():
    assert figures("وانتشلت طواقم الإنقاذ 15 جثمانا من تحت الركام") == {("killed", 15)}


def test_labels_do_not_swallow_shares_or_decisions():
    # "القرارات" (decisions) is not a resolution; a label word followed by a percentage is a share.
    assert figures("وعند اتخاذ القرارات، قال 61٪ من المشاركين إنهم يفضلون العمل الجماعي") == {("other", 61)}
    assert figures("ويمثل هذا الجزء 8 في المائة من المساحة") == {("other", 8)}


def test_people_captured_are_hostages_not_killed():
    # The capture verb stands nearer the number than the killing told before it.
    assert figures("وأدى الهجوم إلى مقتل 1100 شخص وأسر 240 آخرين نقلوا إلى القطاع") == {
        ("killed", 1100), ("hostages", 240)}
    assert figures("وأسرت المجموعة 12 شخصا في الهجوم") == {("hostages", 12)}
    assert figures("ووزعت الجمعية الطرود على 300 أسرة") == {("other", 300)}   # families, not captives


def test_a_toll_with_each_part_in_brackets():
    assert figures("وارتفعت الحصيلة إلى (61) ألفا و(430) شهيدا و(150) ألفا و(12) مصابا") == {
        ("killed", 61_430), ("injured", 150_012)}


def test_a_comma_ends_what_a_number_counts():
    # "ليرتفع" after the comma is a verb, not the counted noun: the tally word before decides.
    assert figures("وبلغ عدد الشهداء 40 فلسطينيا، والإصابات 210، ليرتفع المجموع منذ الصباح") == {
        ("killed", 40), ("injured", 210)}


def test_a_part_of_a_count_takes_its_kind():
    text = ("ويسمح الاتفاق بعبور 500 شاحنة محملة بالمواد الغذائية والأدوية كل يوم طوال فترة التهدئة، "
            "على أن تحمل 40 منها الوقود اللازم للمستشفيات والمخابز، مع تخصيص 200 منها لمناطق الشمال")
    assert figures(text) == {("trucks", 500), ("trucks", 40), ("trucks", 200)}


@pytest.mark.parametrize("text, expected", [
    # The cause may be told at the end of the sentence; the total may stand alone before a comma.
    ("وتوفي 5 فلسطينيين بينهم طفل خلال اليومين الماضيين في مدينة غزة بسبب تفاقم المجاعة",
     {("other", 5)}),
    ("وارتفع العدد الإجمالي لوفيات سوء التغذية إلى 390، بينهم 130 طفلا", {("other", 390), ("other", 130)}),
    ("ووصل إجمالي الوفيات الناتجة عن الجوع إلى 300 شخص بينهم 120 طفلا", {("other", 300), ("other", 120)}),
    # A part of a count takes its kind; a number after a time noun is a span.
    ("وبلغ عدد القتلى 5000 منذ بدء الحرب قبل سنوات سبع، بحسب المرصد", {("killed", 5000)}),
])
def test_hunger_deaths_and_their_parts(text, expected):
    assert figures(text) == expected


def test_captives_named_once_with_their_side_decide_the_rest_of_the_sentence():
    text = ("وسلمت الفصائل الدفعة الثانية من الأسرى الإسرائيليين الأحياء وعددهم 11 أسيرا، "
            "بعد تسليم 6 أسرى في الصباح")
    assert figures(text) == {("hostages", 11), ("hostages", 6)}
    # Two sides named: each count keeps its own; محتجز keeps its side whatever the sentence says.
    assert figures("وأفرجت السلطات عن 40 أسيرا فلسطينيا مقابل إطلاق 12 محتجزا من القطاع") == {
        ("prisoners", 40), ("hostages", 12)}


def test_a_verb_after_the_number_and_parts_of_women():
    assert figures("ويشمل الإفراج 2000 أسير فلسطيني، منهم 200 محكومون بالمؤبد و1600 اعتقلوا خلال الحرب") == {
        ("prisoners", 2000), ("prisoners", 200), ("prisoners", 1600)}
    assert figures("وأطلقت الحركة سراح 5 محتجزات إسرائيليات، 4 منهن مجندات") == {("hostages", 5), ("hostages", 4)}


@pytest.mark.parametrize("text, expected", [
    ("وأعلن الوسطاء تمديد التهدئة في كل مناطق القطاع، ليومين بالشروط نفسها", {("truce-days", 2)}),
    ("ووافقت الحركة على تمديد الهدنة 3 أيام بعد تمديدها يومين من قبل", {("truce-days", 3), ("truce-days", 2)}),
    # A quantity of fuel is not a count of people, even after captives were named.
    ("ونصت الهدنة على تبادل 40 محتجزا بـ120 أسيرا وإدخال 100 ألف لتر من الوقود", {
        ("hostages", 40), ("prisoners", 120), ("other", 100_000)}),
    # The side of the exchange beats a captive word further back.
    ("وتقرر الإفراج عن 8 محتجزين من النساء والأطفال يوميا مقابل 24 فلسطينيا", {("hostages", 8), ("prisoners", 24)}),
    ("ودخلت شاحنتا وقود إلى شمال القطاع", {("trucks", 2)}),
])
def test_extensions_of_the_truce_and_what_an_exchange_counts(text, expected):
    assert figures(text) == expected


@pytest.mark.parametrize("text, days", [
    ("وتشمل المرحلة الأولى التي تستمر ستة أسابيع الإفراج عن 30 رهينة", 42),   # a phase that frees captives
    ("وعرض الوسطاء اتفاقا لوقف الحرب 60 يوما", 60),
    ("وتحدث المسؤول عن هدنة إنسانية تمتد لأسبوع", 7),
])
def test_more_ways_of_telling_a_truce_length(text, days):
    assert ("truce-days", days) in figures(text)


def test_a_war_length_is_not_a_truce_length():
    assert figures("واستمرت الحرب 60 يوما قبل وقف إطلاق النار") == set()
    assert figures("وبدأت المرحلة الثانية من العملية العسكرية قبل 3 أيام") == set()


def test_the_event_before_a_qualifier_decides_and_floors_are_not_counted():
    assert figures("وأسفرت الغارات عن مقتل ما لا يقل عن 70 شخصا، حيث أصيب مخيم في الشمال") == {("killed", 70)}
    assert figures("واستشهد مواطنان وأصيب 3 آخرون في جنين") == {("killed", 2), ("injured", 3)}
    assert figures("ودمرت الطائرات برجا من 12 طابقا في المدينة") == set()


def test_an_earlier_tally_word_does_not_beat_the_verb_after_a_qualified_count():
    assert figures("وقال المسعفون إنه إلى جانب القتلى ثمة أكثر من 900 شخص قد جرحوا") == {("injured", 900)}


@pytest.mark.parametrize("text, expected", [
    # A bare tally word ("إجمالي العدد") refers to the tally named before it.
    ("ويرتفع عدد قتلى المواجهات اليوم إلى ثلاثة وإجمالي العدد منذ بدايتها إلى 140، بينما تتواصل الاحتجاجات",
     {("killed", 3), ("killed", 140)}),
    ("ويعيش في القطاع أكثر من 2 مليون في ظروف صعبة", {("other", 2_000_000)}),     # a population
    ("ووصلت سفينة تحمل 3500 طن من الطحين", {("other", 3500)}),
])
def test_tallies_populations_and_tonnes(text, expected):
    assert figures(text) == expected


def test_a_count_of_two_thousand_of_a_group_is_not_a_year():
    assert figures("وتخشى الفصائل على قرابة 2000 من المعتقلين داخل القاعدة") == {("prisoners", 2000)}
    assert figures("وتغير الوضع منذ 2014 من دون حل") == set()
