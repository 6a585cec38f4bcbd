"""The research views: what a list of articles cannot show at a glance.

A reduce over all Article records, like the index stage: the timeline chart, the figure
tracker, the actor network, the quotes by speaker and the keyword in context.  Each view's data is a small JSON file
beside its page (drawn by theme_overrides/assets/javascripts/views/), and the same numbers are
printed as a table on the page for those who read rather than look.
"""
from __future__ import annotations

from dataclasses import dataclass, field

from ..extract.text import split_sentences
from ..kb import KnowledgeBase
from ..records import Article
from .common import to_json
from .kwic import INDEX as KWIC_INDEX, kwic_shards
from .figures_tracker import KINDS, disagreements, figure_data, figure_page, figure_points, figures_index
from .network import ARTICLES as NETWORK_ARTICLES, DATA as NETWORK, neighbourhood_section, network_files, network_page
from .quotes_index import actor_quotes_section, quotes_by_speaker, quotes_index
from .timeline import ARTICLES as TIMELINE_ARTICLES, DATA as TIMELINE, timeline_data, timeline_section


@dataclass
class Views:
    pages: dict[str, str] = field(default_factory=dict)      # whole pages (docs-relative path -> Markdown)
    sections: dict[str, str] = field(default_factory=dict)   # pieces of index pages: "timeline", "actor/<id>"
    data: dict[str, bytes] = field(default_factory=dict)     # the JSON files the charts draw


def render_views(articles: list[Article], kb: KnowledgeBase) -> Views:
    views = Views()
    # Split once: the network counts actors per sentence, the keyword in context lists them.
    sentences = {a.id: split_sentences(a.paragraphs) for a in articles}

    timeline, lists = timeline_data(articles, kb)
    views.data[TIMELINE], views.data[TIMELINE_ARTICLES] = to_json(timeline), to_json(lists)
    views.sections["timeline"] = timeline_section(timeline)

    points = figure_points(articles, kb)
    for kind in KINDS:
        pairs = disagreements(points[kind])
        views.data[f"figures/{kind}.json"] = to_json(figure_data(kind, points[kind], pairs))
        views.pages[f"figures/{kind}.md"] = figure_page(kind, points[kind], pairs)
    views.pages["figures/index.md"] = figures_index({kind: len(points[kind]) for kind in KINDS})

    network, filters, neighbourhoods = network_files(articles, sentences, kb)
    views.data[NETWORK], views.data[NETWORK_ARTICLES] = to_json(network), to_json(filters)
    views.pages["network/index.md"] = network_page(network)

    by_speaker, unnamed = quotes_by_speaker(articles)
    with_pages = {m.id for a in articles for m in a.actors}
    views.pages["quotes/index.md"] = quotes_index(by_speaker, unnamed, kb, with_pages)
    for actor in sorted(with_pages):
        parts = []
        if actor in neighbourhoods:
            views.data[f"actors/{actor}.json"] = to_json(neighbourhoods[actor])
            parts.append(neighbourhood_section(actor, neighbourhoods[actor]))
        parts.append(actor_quotes_section(by_speaker.get(actor, [])))
        views.sections[f"actor/{actor}"] = "\n".join(p for p in parts if p)
    kwic_index, shards = kwic_shards(articles, sentences, kb)
    views.data[KWIC_INDEX] = to_json(kwic_index)
    views.data.update((path, to_json(shard)) for path, shard in zip(kwic_index["shards"], shards))
    return views
