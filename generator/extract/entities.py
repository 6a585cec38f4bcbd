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
    "البحرية سلاح الطيران الطائرات المقاتلات الدبابات المدفعية المؤسسة الأمنية العسكرية السفارة"
))
# Tokens allowed between the head word and the adjective: "مسؤول فلسطيني مطلع", "مصدر أمني مصري".
STATE_GAP = 2


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
    for index, sentence in enumerate(sentences):
        hits = kb.matcher.find(sentence.tokens)
        person_starts = {h.start for h in hits if _is_person(kb, h.target)}
        for hit in hits:
            words = sentence.words(hit.start, hit.end)
            target = hit.target
            if target.startswith("office:"):
                # A title followed by a name: the name decides ("وزير الخارجية الأمريكي أنتوني بلينكن").
                if any(hit.end <= s <= hit.end + 2 for s in person_starts):
                    continue
                office = next(o for o in kb.offices if o.id == target[len("office:"):])
                holder = office.holder_on(day) if day else None
                if holder is None:
                    continue
                target = holder
            entry = kb.entries[target]
            if entry.kind == "topic":
                found.topic_hits[target] = found.topic_hits.get(target, 0) + 1
                continue
            bucket = {"actor": found.actors, "place": found.places, "media": found.media}[entry.kind]
            bucket.setdefault(target, Mention(target, sentence.text, words))
            if entry.kind == "actor":
                found.speakers.append((index, hit.start, hit.end, target))
        for state, start, end in _states_by_adjective(sentence.tokens, kb):
            found.actors.setdefault(state, Mention(state, sentence.text, sentence.words(start, end)))
            found.speakers.append((index, start, end, state))
    return found


def _is_person(kb: KnowledgeBase, target: str) -> bool:
    entry = kb.entries.get(target)
    return entry is not None and entry.type == "person"


def _states_by_adjective(tokens: list[str], kb: KnowledgeBase):
    """(state, start, end) for "head word + up to two words + nationality adjective" and its و-continuations."""
    i = 0
    while i < len(tokens):
        if tokens[i] not in STATE_HEADS and tokens[i][1:] not in STATE_HEADS:
            i += 1
            continue
        j = i + 1
        while j < len(tokens) and j <= i + 1 + STATE_GAP:
            state = kb.matcher.demonym_state(tokens[j])
            if state:
                yield state, i, j + 1
                # "المصرية والأردنية": the adjectives that follow with و
                k = j + 1
                while k < len(tokens) and tokens[k].startswith("و") and (more := kb.matcher.demonym_state(tokens[k][1:])):
                    yield more, k, k + 1
                    k += 1
                i = k - 1
                break
            j += 1
        i += 1


def _day(date: str | None) -> dt.date | None:
    if not date:
        return None
    parts = date.split("-")
    try:
        return dt.date(int(parts[0]), int(parts[1]) if len(parts) > 1 else 7, int(parts[2]) if len(parts) > 2 else 15)
    except ValueError:
        return None


def assign_topics(found: Found, kb: KnowledgeBase, title_hits: dict[str, int]) -> list[str]:
    """Topics the article substantially discusses: enough keyword hits (a headline hit counts double)."""
    topics = []
    for topic in kb.topics:
        score = found.topic_hits.get(topic.id, 0) + 2 * title_hits.get(topic.id, 0)
        if score >= topic.min_hits:
            topics.append(topic.id)
    return topics
