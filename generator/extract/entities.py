"""Actors, places, cited media and topics: knowledge-base entries found in the text.

Conventions (see the about page): a named person counts as the person; an
army, ministry, government, intelligence service or unnamed official of a
state counts as the state ("مصدر أمريكي" -> united-states); an office title
("الرئيس الأمريكي") names its holder on the article's date, and names nobody
when the date is unknown; media cited as sources are ``cited_media``; the
outlet that published the article is neither an actor nor cited media.
"""
from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field

from ..arabic import tokenize
from ..kb import KnowledgeBase
from ..records import Mention
from .text import Sentence

# Words that, followed by a nationality adjective, stand for a state:
# "مسؤول إسرائيلي", "الجيش المصري", "الإدارة الأمريكية", "القيادتين المصرية والأردنية".
STATE_HEADS = set(tokenize(
    "مسؤول مسؤولون مسؤولين مسؤولو مسئول مسئولون مسئولين مسئولو المسؤول المسؤولون المسؤولين المسئولون المسئولين "
    "مصدر مصادر المصدر المصادر الجيش جيش الحكومة حكومة القوات قوات الإدارة إدارة الجانب الطرف "
    "الخارجية وزارة الوزارة السلطات سلطات الرئاسة المخابرات الاستخبارات الوفد وفد وفدا الدبلوماسية دبلوماسي دبلوماسيون "
    "الشرطة الأمن الأجهزة الجهات القيادة القيادتين قيادات المسؤولين الوسيط الوسطاء الموقف الرد "
    "البحرية سلاح الطيران الطائرات المقاتلات الدبابات المدفعية المؤسسة الأمنية العسكرية السفارة "
    "جهود الجهود جهد الجهد وساطة الوساطة وساطات مبادرة المبادرة مقترح المقترح الورقة ورقة الدور دور "
    "ضغوط الضغوط تعهدات التعهدات "
    # Acts of war name the state that commits them: "غارات إسرائيلية", "العدوان الإسرائيلي".
    "غاره غارات الغارات قصف القصف ضربه ضربات الضربات هجوم هجمات الهجوم الهجمات العدوان عدوان "
    "رعاية الرعاية "   # "برعاية مصرية قطرية أمريكية"
    "اعتداءات الاعتداءات توغل التوغل اجتياح الاجتياح استهداف الاستهداف الحصار حصار قصفا"
))
# Tokens allowed between the head word and the adjective: "مصدر أمني مصري", "القوات الجوية الإسرائيلية".
# They must read as adjectives, so that "مجلس الأمن إزاء النزاع الفلسطيني" names no one.
STATE_GAP = 2
GAP_ADJECTIVES = set(tokenize("رفيع رفيعة المستوى كبير كبار سابق سابقة مطلع مطلعة بارز بارزة رسمي رسمية"))
NEGATIONS = set(tokenize("دون بدون ودون لم ولم"))
# Words before a state's name that make it the place where something happens ("في لبنان",
# "جنوبي لبنان"): a state only ever named as a place is not an actor.
# "حرب لبنان عام 1982", "أجواء لبنان": the war and the airspace are named after the place.
LOCATIVE = set(tokenize("في فى داخل جنوب شمال شرق غرب وسط جنوبي شمالي شرقي غربي جنوبى شمالى شرقى غربى "
                        "حرب أجواء سماء أراضي"))
# "التوجه إلى السعودية", "السفر إلى مصر": a journey's end is a place ("رسالة إلى إسرائيل" is not).
MOTION = set(tokenize("التوجه توجه يتوجه السفر سافر يسافر الوصول وصل يصل العودة عاد يعود المرور مرور الانتقال "
                      "انتقل ينتقل دخول الدخول دخل يدخل نقل نقلهم نقله إجلاء إجلائهم"))
TOWARDS = set(tokenize("إلى الى"))


@dataclass
class Found:
    actors: dict[str, Mention] = field(default_factory=dict)
    places: dict[str, Mention] = field(default_factory=dict)
    media: dict[str, Mention] = field(default_factory=dict)
    topic_hits: dict[str, int] = field(default_factory=dict)
    # token positions (sentence index, token index) of person mentions, for quotes
    speakers: list[tuple[int, int, int, str]] = field(default_factory=list)


def find_entities(sentences: list[Sentence], kb: KnowledgeBase, date: str | None) -> Found:
    day = _day(date)
    found = Found()
    acting: set[str] = set()      # states named at least once as more than a place
    for index, sentence in enumerate(sentences):
        for hit in kb.matcher.find_keywords(sentence.tokens):
            if not _negated(sentence.tokens, hit.start):
                found.topic_hits[hit.target] = found.topic_hits.get(hit.target, 0) + 1
        hits = kb.matcher.find(sentence.tokens)
        person_starts = {h.start for h in hits if _is_person(kb, h.target)}
        place_chain = -1              # token index where a list of places named with "في" ends
        for hit in hits:
            words = sentence.words(hit.start, hit.end)
            target = hit.target
            if target.startswith("office:"):
                _organisations_in_title(sentence, hit, kb, found, acting, index)
                # A title followed by a name: the name decides ("وزير الخارجية الأمريكي أنتوني بلينكن").
                if any(hit.end <= s <= hit.end + 2 for s in person_starts):
                    continue
                office = next(o for o in kb.offices if o.id == target[len("office:"):])
                holder = office.holder_on(day) if day else None
                if holder is None:
                    continue
                target = holder
            entry = kb.entries[target]
            bucket = {"actor": found.actors, "place": found.places, "media": found.media}[entry.kind]
            bucket.setdefault(target, Mention(target, sentence.text, words))
            if entry.kind == "place" or (entry.type == "state" and hit.via == "name"):
                if _locative(sentence.tokens, hit.start, place_chain):
                    place_chain = hit.end
                    continue
            if entry.kind == "actor":
                acting.add(target)
                found.speakers.append((index, hit.start, hit.end, target))
        for state, start, end in _states_by_adjective(sentence.tokens, kb):
            found.actors.setdefault(state, Mention(state, sentence.text, sentence.words(start, end)))
            acting.add(state)
            found.speakers.append((index, start, end, state))
    for actor in list(found.actors):
        if actor not in acting:
            del found.actors[actor]
    return found


def _negated(tokens: list[str], start: int) -> bool:
    """"دون وقوع إصابات", "ولم يوقع إصابات": what did not happen is not what the story discusses."""
    return any(t in NEGATIONS for t in tokens[max(0, start - 3):start])


def _organisations_in_title(sentence: Sentence, hit, kb: KnowledgeBase, found: Found, acting: set[str], index: int):
    """"المتحدث باسم الأمم المتحدة", "رئيس السلطة الوطنية الفلسطينية": the body named in a title acts too."""
    inner = sentence.tokens[hit.start + 1:hit.end]
    for inside in kb.matcher.find(inner):
        entry = kb.entries.get(inside.target)
        if entry is None or entry.kind != "actor" or entry.type == "person" or inside.via != "name":
            continue
        start, end = hit.start + 1 + inside.start, hit.start + 1 + inside.end
        found.actors.setdefault(entry.id, Mention(entry.id, sentence.text, sentence.words(start, end)))
        acting.add(entry.id)
        found.speakers.append((index, start, end, entry.id))


def _locative(tokens: list[str], start: int, place_chain: int) -> bool:
    """Named as where something happens: "في لبنان", "جنوبي لبنان", "في الأردن ولبنان وسوريا"."""
    if start == 0:
        return False
    before = tokens[start - 1]
    if before in TOWARDS and MOTION & set(tokens[max(0, start - 4):start - 1]):
        return True
    if before in LOCATIVE:
        # "مسؤولون في مصر", "المسئولين في مصر": officials of the state, not a place.
        return not (start >= 2 and (tokens[start - 2] in STATE_HEADS or tokens[start - 2][1:] in STATE_HEADS))
    return start == place_chain and tokens[start].startswith("و")


def _is_person(kb: KnowledgeBase, target: str) -> bool:
    entry = kb.entries.get(target)
    return entry is not None and entry.type == "person"


def _states_by_adjective(tokens: list[str], kb: KnowledgeBase):
    """(state, start, end) for "head word + up to two adjectives + nationality adjective" and its و-continuations."""
    i = 0
    while i < len(tokens):
        head = tokens[i] if tokens[i] in STATE_HEADS else tokens[i][1:]
        if head not in STATE_HEADS:
            i += 1
            continue
        j = i + 1
        while j < len(tokens) and j <= i + 1 + STATE_GAP:
            state = kb.matcher.demonym_state(tokens[j])
            if state and _head_fits(kb, state, head):
                yield state, i, j + 1
                # "المصرية والأردنية", "مصرية قطرية أمريكية": the adjectives that follow, with و or without
                k = j + 1
                while k < len(tokens) and (more := kb.matcher.demonym_state(tokens[k])):
                    if _head_fits(kb, more, head):
                        yield more, k, k + 1
                    k += 1
                i = k - 1
                break
            if state or not _adjective(tokens[j]):
                break
            j += 1
        i += 1


def _head_fits(kb: KnowledgeBase, state: str, head: str) -> bool:
    heads = kb.matcher.demonym_heads.get(state)
    return heads is None or head in heads


def _adjective(token: str) -> bool:
    """Reads as an adjective (أمني، العسكرية، الإسرائيليون، مطلع): may stand between head and nationality."""
    return token in GAP_ADJECTIVES or token.endswith(("ي", "يه", "يون", "يين"))


def _day(date: str | None) -> dt.date | None:
    if not date:
        return None
    parts = date.split("-")
    try:
        return dt.date(int(parts[0]), int(parts[1]) if len(parts) > 1 else 7, int(parts[2]) if len(parts) > 2 else 15)
    except ValueError:
        return None


SHORT_ARTICLE_WORDS = 200


def assign_topics(found: Found, kb: KnowledgeBase, title_hits: dict[str, int], words: int = SHORT_ARTICLE_WORDS) -> list[str]:
    """Topics the article substantially discusses: enough keyword hits (a headline hit counts double).

    A short news item (a wire story of a few paragraphs) says less about
    everything, so it needs one hit fewer, never fewer than two.
    """
    topics = []
    for topic in kb.topics:
        score = found.topic_hits.get(topic.id, 0) + 2 * title_hits.get(topic.id, 0)
        needed = topic.min_hits - 1 if words < SHORT_ARTICLE_WORDS and topic.min_hits > 2 else topic.min_hits
        if score >= needed:
            topics.append(topic.id)
    return topics
