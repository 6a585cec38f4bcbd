"""The knowledge base: curated actors, offices, topics, places and media.

Loaded from YAML (``generator/data/kb/`` by default, or a corpus's own
folder), and turned into one :class:`Matcher` that finds every entry's
names in normalised Arabic text, with the clitics و ف ب ل ك ال allowed in
front.  The same matcher serves actors, places, media and topic keywords.
"""
from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path
from typing import Any

import yaml

from .arabic import tokenize

DEFAULT_KB_DIR = Path(__file__).parent / "data" / "kb"
KB_FILES = ("actors", "offices", "topics", "places", "media")


class KnowledgeBaseError(Exception):
    pass


@dataclass(frozen=True)
class Entry:
    id: str
    kind: str                 # actor | place | media | topic
    type: str                 # person, organization, state, city, agency, ...
    name_en: str
    name_ar: str
    aliases: tuple[str, ...] = ()
    description_ar: str = ""
    wikidata: str | None = None
    affiliation: str | None = None
    demonyms: tuple[str, ...] = ()
    demonym_heads: tuple[str, ...] = ()   # when set, only these head words make the adjective name the entry
    institutions: tuple[str, ...] = ()
    keywords: tuple[str, ...] = ()
    not_keywords: tuple[str, ...] = ()   # longer phrases that hold a keyword but are not the topic
    min_hits: int = 2
    signatures: tuple[str, ...] = ()
    corpus_source: tuple[str, ...] = ()
    english_aliases: tuple[str, ...] = ()


@dataclass(frozen=True)
class Office:
    id: str
    titles: tuple[str, ...]
    holders: tuple[tuple[str, dt.date, dt.date | None], ...]

    def holder_on(self, day: dt.date) -> str | None:
        for actor, start, end in self.holders:
            if start <= day and (end is None or day <= end):
                return actor
        return None


@dataclass
class KnowledgeBase:
    entries: dict[str, Entry]
    offices: list[Office]
    matcher: "Matcher" = field(repr=False, default=None)  # type: ignore[assignment]

    def of_kind(self, kind: str) -> list[Entry]:
        return [e for e in self.entries.values() if e.kind == kind]

    @property
    def topics(self) -> list[Entry]:
        return self.of_kind("topic")


def _tuple(value: Any) -> tuple[str, ...]:
    if value is None:
        return ()
    if isinstance(value, str):
        return (value,)
    return tuple(str(v) for v in value)


def _date(value: Any) -> dt.date | None:
    if value is None or isinstance(value, dt.date):
        return value
    return dt.date.fromisoformat(str(value))


def load(kb_dir: Path = DEFAULT_KB_DIR) -> KnowledgeBase:
    """Read and check the knowledge base; the result is shared (treat it as read-only).

    Cached by the files' sizes and modification times, so that a knowledge base edited while
    `mkdocs serve` runs is read again on the next rebuild, and an unchanged one is not.
    """
    kb_dir = Path(kb_dir)
    stamps = []
    for name in KB_FILES:
        try:
            info = (kb_dir / f"{name}.yml").stat()
            stamps.append((name, info.st_mtime_ns, info.st_size))
        except OSError:
            stamps.append((name, None, None))
    return _load(kb_dir, tuple(stamps))


@lru_cache(maxsize=4)
def _load(kb_dir: Path, _stamps: tuple) -> KnowledgeBase:
    entries: dict[str, Entry] = {}
    offices: list[Office] = []
    kinds = {"actors": "actor", "topics": "topic", "places": "place", "media": "media"}
    for name in KB_FILES:
        path = kb_dir / f"{name}.yml"
        if not path.is_file():
            if name in ("actors", "topics"):
                raise KnowledgeBaseError(f"{path}: missing (the knowledge base needs actors.yml and topics.yml)")
            continue
        raw = path.read_bytes()
        try:
            # libyaml's safe loader when present: the same values, six times faster (every worker loads the KB).
            items = yaml.load(raw, Loader=getattr(yaml, "CSafeLoader", yaml.SafeLoader)) or []
        except yaml.YAMLError as err:
            raise KnowledgeBaseError(f"{path}: not valid YAML: {err}") from None
        for position, item in enumerate(items, 1):
            where = f"{path}, entry {position}"
            if not isinstance(item, dict) or "id" not in item:
                raise KnowledgeBaseError(f"{where}: each entry needs an 'id'")
            if name == "offices":
                try:
                    holders = tuple((h["actor"], _date(h["from"]), _date(h.get("to"))) for h in item.get("holders", ()))
                except KeyError as err:
                    raise KnowledgeBaseError(f"{where}: each holder needs {err}") from None
                except (TypeError, ValueError) as err:
                    raise KnowledgeBaseError(f"{where}: holders must be a list of actor, from, to: {err}") from None
                offices.append(Office(id=item["id"], titles=_tuple(item.get("titles")), holders=holders))
                continue
            if item["id"] in entries:
                raise KnowledgeBaseError(f"{where}: id '{item['id']}' is used twice")
            entries[item["id"]] = Entry(
                id=item["id"], kind=kinds[name], type=item.get("type", kinds[name]),
                name_en=item.get("name_en", item["id"]), name_ar=item.get("name_ar", ""),
                aliases=_tuple(item.get("aliases")), description_ar=item.get("description_ar") or "",
                wikidata=item.get("wikidata"), affiliation=item.get("affiliation"),
                demonyms=_tuple(item.get("demonyms")), demonym_heads=_tuple(item.get("demonym_heads")),
                institutions=_tuple(item.get("institutions")),
                keywords=_tuple(item.get("keywords")), not_keywords=_tuple(item.get("not_keywords")), min_hits=int(item.get("min_hits", 2)),
                signatures=_tuple(item.get("signatures")), corpus_source=_tuple(item.get("corpus_source")),
                english_aliases=_tuple(item.get("english_aliases")),
            )
    for office in offices:
        for actor, _, _ in office.holders:
            if actor not in entries:
                raise KnowledgeBaseError(f"{kb_dir / 'offices.yml'}: office '{office.id}' names unknown actor '{actor}'")
    kb = KnowledgeBase(entries=entries, offices=offices)
    kb.matcher = Matcher(kb)
    return kb


# --- matching ---------------------------------------------------------------

@dataclass(frozen=True)
class Hit:
    target: str        # entry id, "office:<id>" or "demonym:<state id>"
    start: int         # token index
    end: int           # token index, exclusive
    via: str           # name | institution | keyword | title | demonym


NOT_A_TOPIC = "not-a-topic"


def clitic_variants(token: str) -> list[str]:
    """The token as written and with a proclitic removed: وحماس -> حماس, للقاهره -> القاهره."""
    out = [token]
    rest = token
    if rest[:1] in ("و", "ف") and len(rest) > 3:
        rest = rest[1:]
        out.append(rest)
    if rest.startswith("لل") and len(rest) > 4:
        out.append("ال" + rest[2:])
    if rest[:1] in ("ب", "ل", "ك") and len(rest) > 3:
        out.append(rest[1:])
    return out


def strip_article(token: str) -> str:
    return token[2:] if token.startswith("ال") and len(token) > 4 else token


class Matcher:
    """Finds knowledge-base names, office titles and topic keywords in token lists."""

    def __init__(self, kb: KnowledgeBase):
        # Names and titles in one table, topic keywords in another: a keyword never hides a
        # name ("فتح معبر" would swallow Fatah) and a name never eats a keyword's hit.
        self.phrases: dict[tuple[str, ...], list[tuple[str, str]]] = {}
        self.keywords: dict[tuple[str, ...], list[tuple[str, str]]] = {}
        self.demonyms: dict[str, str] = {}
        # Adjectives that name an entry only after some head words: "الحكومة الفلسطينية" is the
        # Palestinian Authority, "مصادر طبية فلسطينية" is not.
        self.demonym_heads: dict[str, frozenset[str]] = {}
        for entry in kb.entries.values():
            if entry.kind == "topic":
                for keyword in entry.keywords:
                    self._add(keyword, entry.id, "keyword", self.keywords)
                for phrase in entry.not_keywords:
                    # Longest match wins, so "المساعدات العسكرية" takes the place of "المساعدات".
                    self._add(phrase, NOT_A_TOPIC, "keyword", self.keywords)
                continue
            for name in (entry.name_ar, *entry.aliases):
                self._add(name, entry.id, "name")
            for name in entry.english_aliases + ((entry.name_en,) if entry.kind != "topic" else ()):
                self._add(name, entry.id, "name")
            for name in entry.institutions:
                self._add(name, entry.id, "institution")
            for demonym in entry.demonyms:
                for token in tokenize(demonym):
                    self.demonyms[strip_article(token)] = entry.id
            if entry.demonym_heads:
                self.demonym_heads[entry.id] = frozenset(t for head in entry.demonym_heads for t in tokenize(head))
        for office in kb.offices:
            for title in office.titles:
                self._add(title, "office:" + office.id, "title")
        self.longest = max((len(k) for k in (*self.phrases, *self.keywords)), default=1)
        # The first tokens of all phrases: most tokens start none, and are skipped at once.
        self._firsts = {key[0] for key in self.phrases}
        self._keyword_firsts = {key[0] for key in self.keywords}

    def _add(self, phrase: str, target: str, via: str, table=None) -> None:
        table = self.phrases if table is None else table
        key = tuple(tokenize(phrase))
        if key and (target, via) not in table.setdefault(key, []):
            table[key].append((target, via))

    def find(self, tokens: list[str]) -> list[Hit]:
        """Names and office titles: longest non-overlapping matches, left to right."""
        return self._scan(tokens, self.phrases, self._firsts)

    def find_keywords(self, tokens: list[str]) -> list[Hit]:
        """Topic keywords: longest non-overlapping matches among keywords only."""
        return [h for h in self._scan(tokens, self.keywords, self._keyword_firsts) if h.target != NOT_A_TOPIC]

    def _scan(self, tokens: list[str], table, firsts) -> list[Hit]:
        hits: list[Hit] = []
        i = 0
        while i < len(tokens):
            match = self._longest_at(tokens, i, table, firsts)
            if match:
                length, targets = match
                hits.extend(Hit(t, i, i + length, via) for t, via in targets)
                i += length
            else:
                i += 1
        return hits

    def _longest_at(self, tokens: list[str], i: int, table, firsts):
        variants = [v for v in clitic_variants(tokens[i]) if v in firsts]
        if not variants:
            return None
        for length in range(min(self.longest, len(tokens) - i), 0, -1):
            tail = tuple(tokens[i + 1:i + length])
            for first in variants:
                targets = table.get((first, *tail))
                if targets:
                    return length, targets
        return None

    def demonym_state(self, token: str) -> str | None:
        """The state a nationality adjective refers to: الإسرائيلية -> israel."""
        for variant in clitic_variants(token):
            state = self.demonyms.get(strip_article(variant))
            if state:
                return state
        return None
