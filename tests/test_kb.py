"""The curated knowledge base (generator/data/kb/*.yml) is well formed and unambiguous.

Plain PyYAML, independent of the loader in generator/kb.py, so that a broken
file is reported here with the entry and field at fault.  Name collisions are
checked on a simple normalised form (diacritics and tatweel removed, أإآ -> ا,
ة -> ه, ى -> ي, ؤ ئ -> ء), the same folding the matcher applies.  A collision
that is intended goes into one of the allow-lists below, with its reason.
"""
from __future__ import annotations

import datetime as dt
import re
from collections import defaultdict
from pathlib import Path

import pytest
import yaml

KB_DIR = Path(__file__).resolve().parent.parent / "generator" / "data" / "kb"
FILES = ("actors", "offices", "topics", "places", "media")

ID_RE = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*$")
QID_RE = re.compile(r"^Q[1-9][0-9]*$")
ARABIC_RE = re.compile(r"[\u0621-\u064a]")
LATIN_RE = re.compile(r"[A-Za-z]")

ACTOR_TYPES = {"person", "organization", "state"}
PLACE_TYPES = {"city", "region", "crossing", "site", "camp", "area", "corridor"}
MEDIA_TYPES = {"agency", "newspaper", "channel", "website", "radio"}
TOPIC_IDS = {
    "ceasefire", "hostages-prisoners", "humanitarian-aid", "mediation", "casualties",
    "reconstruction", "military-operations", "famine", "annexation-buffer-zone",
    "internal-politics", "post-war-governance", "displacement",
}

# (file, normalised name) -> why two entries of one file may share it.
SAME_FILE_ALLOWED: dict[tuple[str, str], str] = {}

# normalised name -> why entries of different files share it.
CROSS_FILE_ALLOWED = {
    "تل ابيب": "the city (places) and, as a metonym, the state of Israel (actors)",
    "مجلس السلام": "the Board of Peace (actors) is also a post-war-governance keyword",
    "التصنيف المرحلي المتكامل": "the IPC (actors) is also a famine keyword",
    "الاونروا": "UNRWA (actors): its work is the humanitarian-aid topic, so its name is also a keyword",
    "اونروا": "UNRWA, written without the article",
    "وكاله غوث وتشغيل اللاجءين": "UNRWA's full Arabic name",
    "برنامج الاغذيه العالمي": "the WFP (actors) delivers food aid: also a humanitarian-aid keyword",
    "مءسسه غزه الانسانيه": "the GHF (actors) runs aid distribution sites: also a humanitarian-aid keyword",
    "المطبخ المركزي العالمي": "World Central Kitchen (actors) feeds Gaza: also a humanitarian-aid keyword",
    "قوه الاستقرار الدوليه": "the International Stabilization Force (actors) is also a post-war-governance keyword",
    "حكومه التوافق الوطني": "the 2014 unity government (an alias of the Palestinian Authority) is also an internal-politics keyword",
}

# normalised keyword -> why it may contain a knowledge-base name or another topic's keyword.
KEYWORD_CONTAINS_ALLOWED = {
    "طوفان الاقصي": "the name of Hamas's 7 October operation, not the mosque",
}

_DIACRITICS = re.compile("[\u0610-\u061a\u064b-\u065f\u0670\u06d6-\u06ed\u0640]")
_FOLD = str.maketrans({"أ": "ا", "إ": "ا", "آ": "ا", "ٱ": "ا", "ة": "ه", "ى": "ي", "ؤ": "ء", "ئ": "ء"})


def norm(text: str) -> str:
    text = _DIACRITICS.sub("", text).translate(_FOLD).lower()
    return " ".join(re.findall(r"[0-9a-z\u00c0-\u024f\u0621-\u064a]+", text))


def load(name: str) -> list[dict]:
    with open(KB_DIR / f"{name}.yml", encoding="utf-8") as fh:
        data = yaml.safe_load(fh)
    assert isinstance(data, list), f"{name}.yml: must be a YAML list"
    for position, entry in enumerate(data, 1):
        assert isinstance(entry, dict) and "id" in entry, f"{name}.yml entry {position}: needs an id"
    return data


KB = {name: load(name) for name in FILES}
ACTORS = {e["id"]: e for e in KB["actors"]}
PLACES = {e["id"]: e for e in KB["places"]}


def names_of(file: str, entry: dict) -> list[str]:
    """The Arabic strings by which the matcher finds an entry."""
    if file == "offices":
        return list(entry.get("titles") or [])
    if file == "topics":
        return list(entry.get("keywords") or [])
    names = [entry["name_ar"], *(entry.get("aliases") or [])]
    if file == "actors":
        names += entry.get("institutions") or []
    return names


def all_entries():
    for file in FILES:
        for entry in KB[file]:
            yield file, entry


def _str_list(value) -> bool:
    return isinstance(value, list) and all(isinstance(v, str) and v.strip() == v and v for v in value)


# --------------------------------------------------------------------- ids


def test_ids_are_slugs_and_unique_across_files():
    seen: dict[str, str] = {}
    for file, entry in all_entries():
        ident = entry["id"]
        assert isinstance(ident, str) and ID_RE.match(ident), f"{file}: bad id {ident!r}"
        assert ident not in seen, f"id {ident!r} in {file}.yml and {seen[ident]}.yml"
        seen[ident] = file


# --------------------------------------------------------------------- fields


def _check_common(file: str, entry: dict):
    where = f"{file}.yml {entry['id']}"
    for key in ("name_en", "name_ar"):
        assert isinstance(entry.get(key), str) and entry[key].strip(), f"{where}: {key} missing"
    assert ARABIC_RE.search(entry["name_ar"]), f"{where}: name_ar is not Arabic"
    assert _str_list(entry.get("aliases")), f"{where}: aliases must be a list of trimmed strings"
    for alias in entry["aliases"]:
        assert ARABIC_RE.search(alias) and not LATIN_RE.search(alias), f"{where}: alias {alias!r} is not Arabic"
    if "english_aliases" in entry:
        assert _str_list(entry["english_aliases"]), f"{where}: english_aliases must be a list of strings"
    if "wikidata" in entry or file in ("actors", "places", "media"):
        qid = entry.get("wikidata", "missing")
        assert qid is None or (isinstance(qid, str) and QID_RE.match(qid)), f"{where}: wikidata {qid!r}"


@pytest.mark.parametrize("entry", KB["actors"], ids=lambda e: e["id"])
def test_actor_fields(entry):
    _check_common("actors", entry)
    where = f"actors.yml {entry['id']}"
    assert entry.get("type") in ACTOR_TYPES, f"{where}: type {entry.get('type')!r}"
    assert isinstance(entry.get("description_ar"), str) and ARABIC_RE.search(entry["description_ar"]), where
    assert "\n" not in entry["description_ar"].strip(), f"{where}: description_ar is one line"
    if entry["type"] == "state":
        assert _str_list(entry.get("demonyms")), f"{where}: states need demonyms (a list)"
        assert _str_list(entry.get("institutions")), f"{where}: states need institutions (a list)"
        assert "affiliation" not in entry, f"{where}: a state has no affiliation"
    elif entry["type"] != "organization":
        # An international organisation may have an adjective too ("أممي" for the UN).
        assert "demonyms" not in entry and "institutions" not in entry, f"{where}: only states and organisations have demonyms/institutions"
    assert _str_list(entry.get("demonym_heads") or []), f"{where}: demonym_heads is a list"
    if entry["type"] == "person":
        assert "affiliation" in entry, f"{where}: people need an affiliation (an id or null)"
    affiliation = entry.get("affiliation")
    if affiliation is not None:
        assert affiliation in ACTORS and affiliation != entry["id"], f"{where}: unknown affiliation {affiliation!r}"
        assert ACTORS[affiliation]["type"] in ("state", "organization"), f"{where}: affiliation must be a state or organisation"


def test_enough_actors():
    assert len(KB["actors"]) >= 150
    assert {"israel", "palestine", "egypt", "qatar", "united-states", "hamas", "gaza-health-ministry"} <= set(ACTORS)


@pytest.mark.parametrize("entry", KB["places"], ids=lambda e: e["id"])
def test_place_fields(entry):
    _check_common("places", entry)
    where = f"places.yml {entry['id']}"
    assert entry.get("type") in PLACE_TYPES, f"{where}: type {entry.get('type')!r}"
    assert "within" in entry, f"{where}: within (an id or null) missing"
    if entry["within"] is not None:
        assert entry["within"] in PLACES and entry["within"] != entry["id"], f"{where}: unknown within {entry['within']!r}"


def test_places_within_has_no_cycles():
    for ident in PLACES:
        seen = set()
        while ident is not None:
            assert ident not in seen, f"places.yml: 'within' cycle through {ident}"
            seen.add(ident)
            ident = PLACES[ident]["within"]


def test_enough_places():
    assert len(KB["places"]) >= 60


@pytest.mark.parametrize("entry", KB["media"], ids=lambda e: e["id"])
def test_media_fields(entry):
    _check_common("media", entry)
    where = f"media.yml {entry['id']}"
    assert entry.get("type") in MEDIA_TYPES, f"{where}: type {entry.get('type')!r}"
    country = entry.get("country", "missing")
    assert country is None or (country in ACTORS and ACTORS[country]["type"] == "state"), f"{where}: country {country!r}"
    assert isinstance(entry.get("signatures"), list) and all(isinstance(s, str) and s for s in entry["signatures"]), where
    assert isinstance(entry.get("corpus_source"), list) and all(isinstance(s, str) and s for s in entry["corpus_source"]), where


def test_enough_media_and_corpus_sources_resolve():
    assert len(KB["media"]) >= 50
    owners: dict[str, str] = {}
    for entry in KB["media"]:
        for source in entry["corpus_source"]:
            assert source not in owners, f"corpus source {source!r} claimed by {owners[source]} and {entry['id']}"
            owners[source] = entry["id"]
    expected = {
        "Alarabia": "Al Arabiya", "BBC": "BBC Arabic", "CNN": "CNN Arabic", "France24": "France 24 Arabic",
        "SkyNews": "Sky News Arabia", "aawsat": "Asharq Al-Awsat", "aleqtisadiya": "Al-Eqtisadiah",
        "aljazirah": "Al-Jazirah", "almadina": "Al-Madina", "alriyadh": "Al Riyadh", "alwatan": "Al Watan",
        "alweeam": "Al Weeam", "alyaum": "Al-Yaum", "arreyadi": "Arriyadi", "arriyadiyah": "Arriyadiyah",
        "okaz": "Okaz", "sabq": "Sabq", "was": "Saudi Press Agency", "3alyoum": "3alyoum",
    }
    media = {e["id"]: e for e in KB["media"]}
    for source, name_en in expected.items():
        assert source in owners, f"corpus source {source!r} resolves to no outlet"
        assert media[owners[source]]["name_en"] == name_en, f"{source}: name_en {media[owners[source]]['name_en']!r}"


@pytest.mark.parametrize("entry", KB["topics"], ids=lambda e: e["id"])
def test_topic_fields(entry):
    where = f"topics.yml {entry['id']}"
    for key in ("name_en", "name_ar", "description_ar"):
        assert isinstance(entry.get(key), str) and entry[key].strip(), f"{where}: {key} missing"
    keywords = entry.get("keywords")
    # Each inflected form is its own keyword (مفاوض، المفاوضين، يتفاوض), so a rich topic
    # runs to about a hundred; far more would mean the list is not being curated.
    assert _str_list(keywords) and 15 <= len(keywords) <= 120, f"{where}: 15-120 keywords"
    for keyword in keywords:
        assert ARABIC_RE.search(keyword) and not LATIN_RE.search(keyword), f"{where}: keyword {keyword!r}"
    assert isinstance(entry.get("min_hits"), int) and 1 <= entry["min_hits"] <= 5, f"{where}: min_hits"


def test_topic_keywords_are_written_without_clitics():
    """و ف ب ل ك in front are the matcher's business: "وقف" yes, "والهدنة" no."""
    for entry in KB["topics"]:
        for keyword in entry["keywords"]:
            first = norm(keyword).split()[0]
            if first in _WORDS_THAT_LOOK_CLITICISED:
                continue
            assert not re.match(r"^(?:وال|فال|بال|كال|لل)", first), f"topics.yml {entry['id']}: {keyword!r} starts with a clitic"


# words whose first letters are their own, not و/ف/ب/ك/ل + ال
_WORDS_THAT_LOOK_CLITICISED = {norm(w) for w in ("بالونات", "بالون", "فالح")}


def test_topics_are_exactly_the_twelve():
    ids = [e["id"] for e in KB["topics"]]
    assert len(ids) == len(set(ids)) and set(ids) == TOPIC_IDS


@pytest.mark.parametrize("entry", KB["offices"], ids=lambda e: e["id"])
def test_office_fields_and_holders(entry):
    where = f"offices.yml {entry['id']}"
    for key in ("name_en", "name_ar"):
        assert isinstance(entry.get(key), str) and entry[key].strip(), f"{where}: {key} missing"
    titles = entry.get("titles")
    assert _str_list(titles) and titles, f"{where}: titles must be a non-empty list"
    assert entry["name_ar"] in titles, f"{where}: name_ar must be one of the titles"
    holders = entry.get("holders")
    assert isinstance(holders, list) and holders, f"{where}: holders must be a non-empty list"
    for holder in holders:
        assert set(holder) == {"actor", "from", "to"}, f"{where}: holder keys are actor, from, to: {holder}"
        assert holder["actor"] in ACTORS, f"{where}: unknown actor {holder['actor']!r}"
        assert ACTORS[holder["actor"]]["type"] == "person", f"{where}: {holder['actor']} is not a person"
        assert isinstance(holder["from"], dt.date), f"{where}: from {holder['from']!r} is not an ISO date"
        assert holder["to"] is None or isinstance(holder["to"], dt.date), f"{where}: to {holder['to']!r}"
        if holder["to"] is not None:
            assert holder["from"] <= holder["to"], f"{where}: {holder['actor']} from > to"
    ordered = sorted(holders, key=lambda h: h["from"])
    assert ordered == holders, f"{where}: list holders in date order"
    for before, after in zip(ordered, ordered[1:]):
        assert before["to"] is not None and before["to"] < after["from"], (
            f"{where}: {before['actor']} ({before['from']}..{before['to']}) overlaps "
            f"{after['actor']} ({after['from']}..)")
    assert sum(1 for h in holders if h["to"] is None) <= 1, f"{where}: only the last holder can be in office"


# --------------------------------------------------------------------- names


def test_no_name_is_listed_twice_in_one_entry():
    for file, entry in all_entries():
        seen: dict[str, str] = {}
        for name in names_of(file, entry):
            key = norm(name)
            assert key not in seen, f"{file}.yml {entry['id']}: {name!r} repeats {seen[key]!r} after normalisation"
            seen[key] = name


@pytest.mark.parametrize("file", FILES)
def test_no_name_is_shared_by_two_entries_of_one_file(file):
    owners: dict[str, set[str]] = defaultdict(set)
    for entry in KB[file]:
        for name in names_of(file, entry):
            owners[norm(name)].add(entry["id"])
    clashes = {name: ids for name, ids in owners.items() if len(ids) > 1 and (file, name) not in SAME_FILE_ALLOWED}
    assert not clashes, f"{file}.yml: names shared by several entries: {clashes}"


def test_names_shared_across_files_are_intended():
    owners: dict[str, set[tuple[str, str]]] = defaultdict(set)
    for file in ("actors", "places", "media", "offices", "topics"):
        for entry in KB[file]:
            for name in names_of(file, entry):
                owners[norm(name)].add((file, entry["id"]))
    clashes = {
        name: sorted(ids) for name, ids in owners.items()
        if len({f for f, _ in ids}) > 1 and name not in CROSS_FILE_ALLOWED
    }
    assert not clashes, f"names shared across files: {clashes}"


def test_demonyms_belong_to_one_state():
    owners: dict[str, str] = {}
    for entry in KB["actors"]:
        for demonym in entry.get("demonyms") or []:
            tokens = norm(demonym).split()
            assert len(tokens) == 1, f"actors.yml {entry['id']}: demonym {demonym!r} must be one word"
            token = tokens[0][2:] if tokens[0].startswith("ال") else tokens[0]
            assert owners.get(token, entry["id"]) == entry["id"], f"demonym {demonym!r}: {owners[token]} and {entry['id']}"
            owners[token] = entry["id"]


def _contains(haystack: list[str], needle: list[str]) -> bool:
    n = len(needle)
    return n < len(haystack) and any(haystack[i:i + n] == needle for i in range(len(haystack) - n + 1))


def test_keywords_do_not_swallow_other_topics():
    """Longest match wins among keywords: one containing another topic's keyword
    steals its hit.  (Names are matched in a pass of their own, so a keyword may
    contain a name: "عودة السلطة الفلسطينية" hides nothing.)"""
    name_tokens: list[list[str]] = []
    problems = []
    for topic in KB["topics"]:
        others = [norm(k).split() for t in KB["topics"] if t is not topic for k in t["keywords"]]
        for keyword in topic["keywords"]:
            key = norm(keyword)
            if key in KEYWORD_CONTAINS_ALLOWED:
                continue
            tokens = key.split()
            if any(_contains(tokens, n) for n in name_tokens) or any(_contains(tokens, o) or o == tokens for o in others):
                problems.append(f"{topic['id']}: {keyword}")
    assert not problems, f"keywords that swallow another topic's keyword: {problems}"


def test_a_keyword_never_hides_a_name():
    from generator.arabic import tokenize
    from generator.kb import load as load_kb

    kb = load_kb()
    # "فتح معبر" is a humanitarian phrase and also Fatah's name: both must be found.
    tokens = tokenize("وقالت حركة فتح إن عودة السلطة الفلسطينية إلى غزة")
    assert "fatah" in {h.target for h in kb.matcher.find(tokens)}
    assert "palestinian-authority" in {h.target for h in kb.matcher.find(tokens)}
    assert "post-war-governance" in {h.target for h in kb.matcher.find_keywords(tokens)}


def test_an_edited_knowledge_base_is_read_again(tmp_path):
    import shutil
    import time

    from generator.kb import DEFAULT_KB_DIR, load

    kb_dir = tmp_path / "kb"
    shutil.copytree(DEFAULT_KB_DIR, kb_dir)
    before = load(kb_dir)
    assert load(kb_dir) is before                      # unchanged: served from the cache
    actors = kb_dir / "actors.yml"
    time.sleep(0.01)
    actors.write_text(actors.read_text(encoding="utf-8") + (
        "\n- id: test-person\n  type: person\n  name_en: Test Person\n  name_ar: شخص تجريبي\n"), encoding="utf-8")
    assert "test-person" in load(kb_dir).entries
