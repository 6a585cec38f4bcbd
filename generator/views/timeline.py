"""The timeline chart: articles per week (or per month, when the dates span more than half a year),
stacked by topic, with the undated articles counted apart.

Two files beside docs/dates/index.md:

- ``timeline.json``: the counts the chart draws and the table beneath it prints (the table is
  rendered from the same dictionary, so the two cannot disagree);
- ``timeline-articles.json``: which articles each bar holds, fetched only when a bar is selected,
  so that the chart itself stays small however many articles there are.

An article carrying two topics is counted in each of them (a bar's segments count articles per
topic); the bucket's own article count is ``total``.  An article whose date is a month or a year
only cannot be put in a week: it is counted apart, like the undated ones.
"""
from __future__ import annotations

from collections import defaultdict

from ..kb import KnowledgeBase
from ..markdown import escape
from ..records import Article
from .common import article_url, day, outlet_label, placeholder, week_start

DATA = "dates/timeline.json"
ARTICLES = "dates/timeline-articles.json"
NO_TOPIC = "none"
NO_TOPIC_LABEL = "بلا موضوع"
WEEKS_AT_MOST = 26          # a longer span is drawn by month: 26 bars still read at phone width


def timeline_data(articles: list[Article], kb: KnowledgeBase) -> tuple[dict, dict]:
    days = {a.id: day(a.date.value) for a in articles}
    dated = sorted(d for d in days.values() if d)
    by_week = bool(dated) and (dated[-1] - dated[0]).days <= WEEKS_AT_MOST * 7

    buckets: dict[str, list[Article]] = defaultdict(list)
    imprecise, undated = [], []
    for a in sorted(articles, key=lambda a: (a.date.value or "", a.id)):
        if not a.date.value:
            undated.append(a)
        elif by_week and days[a.id]:
            buckets[week_start(days[a.id])].append(a)
        elif not by_week and len(a.date.value) >= 7:
            buckets[a.date.value[:7]].append(a)
        else:
            imprecise.append(a)

    topic_ids = [t.id for t in kb.topics if any(t.id in a.topics for a in articles)]
    if any(not a.topics for group in buckets.values() for a in group):
        topic_ids.append(NO_TOPIC)
    labels = {t.id: t.name_ar for t in kb.topics} | {NO_TOPIC: NO_TOPIC_LABEL}
    rows = []
    for key in sorted(buckets):
        group = buckets[key]
        counts = {t: sum(1 for a in group if (t in a.topics if t != NO_TOPIC else not a.topics)) for t in topic_ids}
        rows.append({"key": key, "total": len(group), "counts": [counts[t] for t in topic_ids]})
    data = {
        "unit": "week" if by_week else "month",
        "topics": [{"id": t, "label": labels[t]} for t in topic_ids],
        "buckets": rows,
        "undated": len(undated),
        "imprecise": len(imprecise),
        "articles": ARTICLES,
    }
    lists = {key: [_item(a, kb) for a in group] for key, group in buckets.items()}
    return data, lists


def _item(a: Article, kb: KnowledgeBase) -> dict:
    return {"id": a.id, "title": a.title, "date": a.date.value, "outlet": outlet_label(a, kb), "url": article_url(a.id)}


def timeline_section(data: dict) -> str:
    """The chart's place on the timeline page, and the same counts as a table for those who read."""
    unit = "الأسبوع (يبدأ الاثنين)" if data["unit"] == "week" else "الشهر"
    lines = ["## المقالات عبر الزمن", "",
             f"عدد المقالات في كل {'أسبوع' if data['unit'] == 'week' else 'شهر'}، مقسومًا على الموضوعات "
             "(المقالة ذات الموضوعين تُعدّ في كليهما). اختر عمودًا لترى مقالاته.", "",
             placeholder("timeline", DATA), ""]
    apart = []
    if data["undated"]:
        apart.append(f"بلا تاريخ: {data['undated']}")
    if data["imprecise"]:
        apart.append(f"تاريخ بالشهر أو السنة فقط: {data['imprecise']}")
    if apart:
        lines += ["خارج الرسم: " + "، ".join(apart) + ".", ""]
    if data["buckets"]:
        header = [unit, "المقالات", *(escape(t["label"]) for t in data["topics"])]
        lines += ["| " + " | ".join(header) + " |", "|" + " --- |" * len(header)]
        for row in data["buckets"]:
            cells = [f'<bdi dir="ltr">{row["key"]}</bdi>', str(row["total"]), *(str(n) if n else "" for n in row["counts"])]
            lines.append("| " + " | ".join(cells) + " |")
        lines.append("")
    return "\n".join(lines) + "\n"
