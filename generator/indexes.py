"""Index: the pages that group articles by topic, actor, date and outlet.

A reduce over all Article records, recomputed on every build (it is cheap),
rendered through the Jinja templates in ``generator/templates``.
"""
from __future__ import annotations

import hashlib
import re
from collections import Counter, defaultdict
from dataclasses import dataclass, field

import jinja2
import yaml

from .clean import first_sentence as lead_sentence
from .config import DossierConfig
from .counted import ACTOR, ARTICLE, OUTLET, TOPIC, counted
from .kb import Entry, KnowledgeBase
from .markdown import escape, strip_controls
from .records import Article
from .schema import FIELDS

MONTHS_AR = ["يناير", "فبراير", "مارس", "أبريل", "مايو", "يونيو", "يوليو", "أغسطس", "سبتمبر", "أكتوبر", "نوفمبر", "ديسمبر"]
ACTOR_GROUPS = [("person", "الأشخاص"), ("organization", "المنظمات"), ("state", "الدول")]
TYPE_LABELS = dict(ACTOR_GROUPS) | {"person": "شخص", "organization": "منظمة", "state": "دولة"}
TOP_N = 10
COMPANIONS = 8


def _env() -> jinja2.Environment:
    env = jinja2.Environment(
        loader=jinja2.PackageLoader("generator", "templates"),
        autoescape=False,           # the output is Markdown; every value goes through |md or |ltr
        keep_trailing_newline=True,
        trim_blocks=False,
        undefined=jinja2.StrictUndefined,
    )
    env.filters["md"] = escape
    env.filters["ltr"] = lambda text: f'<bdi dir="ltr">{escape(str(text))}</bdi>'
    env.filters["yaml"] = yaml_title
    # A name in Latin letters beside an Arabic one: isolated, and styled as the secondary column.
    env.filters["en"] = lambda text: f'<bdi dir="ltr" class="dossier-en">{escape(str(text))}</bdi>'
    env.filters["articles"] = lambda n: counted(n, ARTICLE)
    env.filters["outlets"] = lambda n: counted(n, OUTLET)
    env.filters["topics"] = lambda n: counted(n, TOPIC)
    env.filters["actors"] = lambda n: counted(n, ACTOR)
    env.globals["first_sentence"] = first_sentence
    return env


def yaml_title(text: str) -> str:
    """A front-matter title as a YAML scalar: on one line and without controls, like the page's own text."""
    one_line = " ".join(strip_controls(str(text)).split())
    return yaml.safe_dump(one_line, allow_unicode=True, width=10_000).removesuffix("\n...\n").strip()


def first_sentence(article: Article) -> str:
    """The article's first sentence for index pages, cut at 40 words."""
    if not article.paragraphs:
        return ""
    words = lead_sentence(article.paragraphs[0]).split()
    return " ".join(words[:40]) + (" …" if len(words) > 40 else "")


def newest_first(articles: list[Article]) -> list[Article]:
    # Dated articles newest first, then undated; ties broken by id for reproducibility.
    return sorted(articles, key=lambda a: (a.date.value is None, _negated(a.date.value), a.id))


def _negated(date: str | None) -> str:
    return "".join(chr(0x10FFFF - ord(c)) for c in date) if date else ""


@dataclass
class Group:
    entry: Entry
    articles: list = field(default_factory=list)


def render_indexes(articles: list[Article], kb: KnowledgeBase, dossier: DossierConfig = DossierConfig(),
                   sections: dict[str, str] | None = None) -> dict[str, str]:
    """Every index page, as {path relative to docs/: Markdown}; the home page is headed with the dossier's
    title; ``sections``: the research views' pieces of these pages (generator/views), placed by the
    templates with view(name)."""
    env = _env()
    env.globals["view"] = lambda name: (sections or {}).get(name, "")
    env.globals["outlet_label"] = lambda a: outlet_label(a.outlet_id, a.outlet, kb)
    ordered = newest_first(articles)
    pages: dict[str, str] = {}

    topics = {t.id: Group(t) for t in kb.topics}
    for a in ordered:
        for topic in a.topics:
            topics[topic].articles.append(a)
    topic_list = list(topics.values())
    # The index lists only topics that have articles, most articles first; every topic still
    # gets its page below.
    listed = sorted((g for g in topic_list if g.articles), key=lambda g: (-len(g.articles), g.entry.id))
    pages["topics/index.md"] = env.get_template("topics_index.md.j2").render(
        topics=listed, all_topics=len(topic_list))
    for group in topic_list:  # every topic gets its page, so its address never breaks
        pages[f"topics/{group.entry.id}.md"] = env.get_template("topic.md.j2").render(
                entry=group.entry, articles=group.articles)

    actors: dict[str, Group] = {}
    together: dict[str, Counter] = defaultdict(Counter)
    for a in ordered:
        ids = [m.id for m in a.actors]
        for mention in a.actors:
            actors.setdefault(mention.id, Group(kb.entries[mention.id])).articles.append((a, mention.sentence))
            together[mention.id].update(i for i in ids if i != mention.id)
    by_count = sorted(actors.values(), key=lambda g: (-len(g.articles), g.entry.name_en))
    groups = [{"label": label, "actors": [g for g in by_count if g.entry.type == kind]} for kind, label in ACTOR_GROUPS]
    pages["actors/index.md"] = env.get_template("actors_index.md.j2").render(groups=[g for g in groups if g["actors"]])
    for actor_id, group in actors.items():
        companions = sorted(together[actor_id].items(), key=lambda kv: (-kv[1], kv[0]))[:COMPANIONS]
        pages[f"actors/{actor_id}.md"] = env.get_template("actor.md.j2").render(
            entry=group.entry, articles=group.articles, type_label=TYPE_LABELS.get(group.entry.type, group.entry.type),
            companions=[(kb.entries[i], n) for i, n in companions])

    years: dict[str, dict[int, list[Article]]] = defaultdict(lambda: defaultdict(list))
    for a in ordered:
        if a.date.value:
            year, _, rest = a.date.value.partition("-")
            years[year][int(rest[:2]) if rest else 0].append(a)
    timeline = [
        {"year": y, "months": [{"label": (f"{MONTHS_AR[m - 1]} {y}" if m else f"{y} (الشهر غير مذكور)"), "articles": arts}
                               for m, arts in sorted(years[y].items(), reverse=True)]}
        for y in sorted(years, reverse=True)
    ]
    undated = [a for a in ordered if not a.date.value]
    pages["dates/index.md"] = env.get_template("timeline.md.j2").render(years=timeline, undated=undated)

    outlets = outlet_groups(ordered, kb)
    pages["outlets/index.md"] = env.get_template("outlets_index.md.j2").render(outlets=outlets)
    for outlet in outlets:
        pages[f"outlets/{outlet.slug}.md"] = env.get_template("outlet.md.j2").render(outlet=outlet)

    dated = sorted(a.date.value for a in articles if a.date.value)
    pages["index.md"] = env.get_template("home.md.j2").render(
        title=dossier.title, description=dossier.description,
        counts={"articles": len(articles), "actors": len(actors), "topics": len(listed),
                # Articles of no known outlet are grouped on one page, but that page is not an outlet.
                "outlets": sum(1 for o in outlets if o.slug != UNKNOWN_OUTLET),
                "undated": len(undated), "all_topics": len(topic_list)},
        date_range=(dated[0], dated[-1]) if dated else None,
        top_actors=by_count[:TOP_N],
        top_topics=listed[:TOP_N],
        latest=ordered[:TOP_N],
    )
    return pages


UNKNOWN_OUTLET = "unknown"
UNKNOWN_OUTLET_LABEL = "منفذ غير معروف"


def outlet_label(outlet_id: str | None, outlet: str | None, kb: KnowledgeBase) -> str | None:
    """The outlet name readers see, the one rule for index pages, search facets and article pages:
    a knowledge-base outlet by its Arabic name (else its English one), any other by the name
    found.  The front matter keeps the knowledge base's English name."""
    entry = kb.entries.get(outlet_id) if outlet_id else None
    return (entry.name_ar or entry.name_en) if entry else outlet


@dataclass
class OutletGroup:
    """One outlet's articles, newest first, with its page name and the label readers see."""
    slug: str
    label: str
    entry: Entry | None          # the knowledge-base entry, when the outlet is one
    articles: list[Article] = field(default_factory=list)


def outlet_groups(articles: list[Article], kb: KnowledgeBase) -> list[OutletGroup]:
    """Articles by outlet, each group newest first.  The groups and their labels do not depend on
    the order the caller passes (the index pages and the search facets must agree)."""
    outlets: dict[str, OutletGroup] = {}
    for a in newest_first(articles):
        entry = kb.entries.get(a.outlet_id) if a.outlet_id else None
        if entry:
            key = entry.id
        elif a.outlet:
            key = outlet_slug(a.outlet)
        else:
            key = UNKNOWN_OUTLET
        label = outlet_label(a.outlet_id, a.outlet, kb) or UNKNOWN_OUTLET_LABEL
        outlets.setdefault(key, OutletGroup(key, label, entry)).articles.append(a)
    return sorted(outlets.values(), key=lambda o: (o.slug == UNKNOWN_OUTLET, -len(o.articles), o.slug))


# Page names an outlet's name must not take: the outlets' own index, the page of articles with no outlet.
RESERVED_SLUGS = {"index", UNKNOWN_OUTLET}


def outlet_slug(name: str) -> str:
    """The page name of an outlet that is not in the knowledge base.

    A name that is not plain Latin text ("BBC عربي") keeps only its Latin
    letters in the slug, and a hash of the whole name so that it does not
    merge with another outlet ("BBC").
    """
    ascii_part = re.sub(r"[^a-z0-9]+", "-", name.lower()).strip("-")
    if ascii_part and name.isascii() and ascii_part not in RESERVED_SLUGS:
        return ascii_part
    return (ascii_part or "outlet") + "-" + hashlib.sha256(name.encode()).hexdigest()[:8]


def render_schema_page(example: str | None) -> str:
    """docs/schema.md: every front-matter field, from the schema table itself, and one full example."""
    # Developer documentation, in English: the page is laid out left-to-right (main.html reads `dir`)
    # and kept out of the Arabic navigation; the about page links to it.
    lines = ["---", "title: Front-matter fields", "lang: en", "dir: ltr", "---", "",
             "# Front-matter fields", "",
             "Every article page is a Markdown file that starts with a YAML header. These are its fields, "
             "generated from the schema table itself (`generator/schema.py`), which also validates the header "
             "and the sidecar files. Fields marked *sidecar* can be set by hand in a `NAME.meta.yml` file beside "
             "the article.", "",
             "| field | type | sidecar | meaning |", "| --- | --- | --- | --- |"]
    for f in FIELDS:
        lines.append(f"| `{f.name}` | {f.kind} | {'yes' if f.curatable else ''} | {f.doc.replace('|', '/')} |")
    if example:
        lines += ["", "## A full example", "", "```yaml", example.rstrip(), "```"]
    return "\n".join(lines) + "\n"
