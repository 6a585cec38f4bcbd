"""The knowledge base: curated actors, offices, topics, places and media.

Loaded from YAML (``generator/data/kb/`` by default, or a corpus's own
folder), and turned into one :class:`Matcher` that finds every entry's
names in normalised Arabic text, with the clitics و ف ب ل ك ال allowed in
front.  The same matcher serves actors, places, media and topic keywords.
"""
from __future__ import annotations

import dataclasses
import datetime as dt
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path
from typing import Any

import yaml

from .arabic import clitic_variants, strip_article, tokenize

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
    related: tuple[str, ...] = ()        # topics whose presence makes this one need one hit fewer
    figure_kinds: tuple[str, ...] = ()   # figure kinds that are evidence of this topic (one hit)
    signatures: tuple[str, ...] = ()
    corpus_source: tuple[str, ...] = ()
    english_aliases: tuple[str, ...] = ()
    domains: tuple[str, ...] = ()   # media: the sites it publishes on ("aljazeera.net", "bbc.com/arabic")


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

    ``kb_dir`` is a knowledge-base folder, or a local knowledge-base file (see
    :func:`local_base`) that extends one without editing it.  Cached by the
    files' sizes and modification times, so that a knowledge base edited while
    `mkdocs serve` runs is read again on the next rebuild, and an unchanged one is not.
    """
    kb_dir = Path(kb_dir)
    local = kb_dir if kb_dir.is_file() else None
    base = local_base(local) if local else kb_dir
    stamps = []
    for path in [base / f"{name}.yml" for name in KB_FILES] + ([local] if local else []):
        try:
            info = path.stat()
            stamps.append((path.name, info.st_mtime_ns, info.st_size))
        except OSError:
            stamps.append((path.name, None, None))
    return _load(base, local, tuple(stamps))


# The sections of a local knowledge-base file: the shipped files' names, "outlets" for media,
# and "aliases" ({id: [names]}) to add names to an entry that is already known.
LOCAL_SECTIONS = {"actors": "actors", "offices": "offices", "topics": "topics", "places": "places",
                  "media": "media", "outlets": "media"}


def local_base(local: Path) -> Path:
    """The folder a local knowledge-base file extends: its ``extends:`` (relative to the file), or the shipped one."""
    data = _read_yaml(local)
    extends = data.get("extends") if isinstance(data, dict) else None
    return (local.parent / extends) if isinstance(extends, str) and extends.strip() else DEFAULT_KB_DIR


def _read_yaml(path: Path) -> Any:
    try:
        # libyaml's safe loader when present: the same values, six times faster (every worker loads the KB).
        return yaml.load(path.read_bytes(), Loader=getattr(yaml, "CSafeLoader", yaml.SafeLoader))
    except yaml.YAMLError as err:
        raise KnowledgeBaseError(f"{path}: not valid YAML: {err}") from None
    except OSError as err:
        raise KnowledgeBaseError(f"{path}: cannot be read: {err.strerror or err}") from None


@lru_cache(maxsize=4)
def _load(kb_dir: Path, local: Path | None, _stamps: tuple) -> KnowledgeBase:
    entries: dict[str, Entry] = {}
    offices: list[Office] = []
    for name in KB_FILES:
        path = kb_dir / f"{name}.yml"
        if not path.is_file():
            if name in ("actors", "topics"):
                raise KnowledgeBaseError(f"{path}: missing (the knowledge base needs actors.yml and topics.yml)")
            continue
        _add_items(_read_yaml(path) or [], name, str(path), entries, offices)
    if local is not None:
        _add_local(local, entries, offices)
    for office in offices:
        for actor, _, _ in office.holders:
            if actor not in entries:
                raise KnowledgeBaseError(f"{local or kb_dir / 'offices.yml'}: office '{office.id}' names unknown actor '{actor}'")
    kb = KnowledgeBase(entries=entries, offices=offices)
    kb.matcher = Matcher(kb)
    return kb


def _add_local(local: Path, entries: dict[str, Entry], offices: list[Office]) -> None:
    """New entries and extra names from a local file, on top of the base knowledge base."""
    data = _read_yaml(local) or {}
    if not isinstance(data, dict):
        raise KnowledgeBaseError(f"{local}: expected sections ({', '.join(LOCAL_SECTIONS)}, aliases)")
    unknown = sorted(set(map(str, data)) - set(LOCAL_SECTIONS) - {"aliases", "extends"})
    if unknown:
        raise KnowledgeBaseError(f"{local}: unknown section {', '.join(unknown)} "
                                 f"(known: {', '.join(LOCAL_SECTIONS)}, aliases, extends)")
    for section, name in LOCAL_SECTIONS.items():
        items = data.get(section) or []
        if not isinstance(items, list):
            raise KnowledgeBaseError(f"{local}: '{section}' must be a list of entries")
        _add_items(items, name, f"{local}, {section}", entries, offices)
    aliases = data.get("aliases") or {}
    if not isinstance(aliases, dict):
        raise KnowledgeBaseError(f"{local}: 'aliases' maps an entry id to a list of extra names")
    for entry_id, names in aliases.items():
        if entry_id not in entries:
            raise KnowledgeBaseError(f"{local}, aliases: no entry '{entry_id}' in the knowledge base")
        entry = entries[entry_id]
        entries[entry_id] = dataclasses.replace(entry, aliases=entry.aliases + _tuple(names))


def _add_items(items: Any, name: str, where_file: str, entries: dict[str, Entry], offices: list[Office]) -> None:
    kinds = {"actors": "actor", "topics": "topic", "places": "place", "media": "media"}
    if not isinstance(items, list):
        raise KnowledgeBaseError(f"{where_file}: expected a list of entries")
    for position, item in enumerate(items, 1):
        where = f"{where_file}, entry {position}"
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
            raise KnowledgeBaseError(f"{where}: id '{item['id']}' is used twice (to add names to a known "
                                     "entry, list them under 'aliases' in a local file)")
        entries[item["id"]] = Entry(
            id=item["id"], kind=kinds[name], type=item.get("type", kinds[name]),
            name_en=item.get("name_en") or item["id"], name_ar=item.get("name_ar", ""),
            aliases=_tuple(item.get("aliases")), description_ar=item.get("description_ar") or "",
            wikidata=item.get("wikidata"), affiliation=item.get("affiliation"),
            demonyms=_tuple(item.get("demonyms")), demonym_heads=_tuple(item.get("demonym_heads")),
            institutions=_tuple(item.get("institutions")),
            keywords=_tuple(item.get("keywords")), not_keywords=_tuple(item.get("not_keywords")), min_hits=int(item.get("min_hits", 2)),
            related=_tuple(item.get("related")), figure_kinds=_tuple(item.get("figure_kinds")),
            signatures=_tuple(item.get("signatures")), corpus_source=_tuple(item.get("corpus_source")),
            english_aliases=_tuple(item.get("english_aliases")), domains=_tuple(item.get("domains")),
        )


# --- matching ---------------------------------------------------------------

@dataclass(frozen=True)
class Hit:
    target: str        # entry id, "office:<id>" or "demonym:<state id>"
    start: int         # token index
    end: int           # token index, exclusive
    via: str           # name | institution | keyword | title | demonym


NOT_A_TOPIC = "not-a-topic"


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
