"""The figure tracker: every stated figure of a kind, plotted at its article's date, marked by who gives it.

One page and one data file per figure kind (docs/figures/<kind>.md and <kind>.json).  A point is
one figure of one article that has a date (a month-only date is placed on the month's first day and
says so).  Who gives it is the actor the sentence attributes it to, else the outlet that published
the article.  Each point links to its sentence on the article page (a text fragment, which
browsers scroll to and highlight).

Disagreements: two different sources stating different values of the same kind within a week.
Only values within a factor of DISAGREE_RATIO of each other are paired: a toll of 34,000 against
one of 35,000 is a disagreement, 3 killed in one strike against a war's toll is another event.
"""
from __future__ import annotations

import datetime as dt
from urllib.parse import quote

from ..kb import KnowledgeBase
from ..markdown import escape
from ..records import FIGURE_LABELS, Article
from .common import actor_label, outlet_label, placeholder

# Every kind the theme has a label for, but "other": a page of unrelated counts tracks nothing.
KINDS = {kind: label for kind, label in FIGURE_LABELS.items() if kind != "other"}
WITHIN_DAYS = 7
DISAGREE_RATIO = 1.5
TABLE_ROWS = 500            # the page's table; the data file and the chart keep every point


def _date_of(article: Article) -> tuple[str, str] | None:
    """(the day to plot at, its precision) for an article dated to the day or the month."""
    value = article.date.value
    if not value or len(value) < 7:
        return None
    return (value, "day") if len(value) == 10 else (value[:7] + "-01", "month")


def figure_points(articles: list[Article], kb: KnowledgeBase) -> dict[str, list[dict]]:
    """{kind: points, by date then article then position}; every kind in KINDS has a (maybe empty) list."""
    points: dict[str, list[dict]] = {kind: [] for kind in KINDS}
    for a in sorted(articles, key=lambda a: a.id):
        when = _date_of(a)
        if when is None:
            continue
        for position, f in enumerate(a.figures):
            if f.kind not in points:
                continue
            source = f.attributed_to or f"outlet:{a.outlet_id or a.outlet or 'unknown'}"
            points[f.kind].append({
                "date": when[0], "precision": when[1], "value": f.value, "qualifier": f.qualifier,
                "source": source,
                "source_label": actor_label(f.attributed_to, kb) if f.attributed_to else outlet_label(a, kb),
                "attributed": bool(f.attributed_to),
                "article": a.id, "title": a.title, "text": f.text,
                "n": position,
            })
    for kind in points:
        points[kind].sort(key=lambda p: (p["date"], p["article"], p["n"]))
    return points


def disagreements(points: list[dict]) -> list[tuple[dict, dict]]:
    """Pairs of points from different sources, at most a week apart, with different but comparable values."""
    pairs = []
    days = [dt.date.fromisoformat(p["date"]) for p in points]
    for i, first in enumerate(points):
        for j in range(i + 1, len(points)):
            if (days[j] - days[i]).days > WITHIN_DAYS:
                break             # points are sorted by date
            second = points[j]
            low, high = sorted((first["value"], second["value"]))
            if (first["source"] != second["source"] and low != high and low > 0
                    and high / low <= DISAGREE_RATIO):
                pairs.append((first, second))
    return pairs


def figure_data(kind: str, points: list[dict], pairs: list[tuple[dict, dict]]) -> dict:
    """The data file: compact, since at 10,000 articles a kind has thousands of points.

    Each point is [date, value, source, article, words, qualifier, precision], the source and the
    article being positions in ``sources`` and ``articles`` (a title is written once, however many
    figures its article states); the browser makes the sentence's link from the article and words.
    ``disputed``: the points in a disagreement, which the chart rings; the pairs themselves are
    listed on the page (at 10,000 articles they are tens of thousands, more than the points).
    """
    sources: dict[str, int] = {}
    articles: dict[str, int] = {}
    source_rows, article_rows, rows = [], [], []
    for p in points:
        if p["source"] not in sources:
            sources[p["source"]] = len(source_rows)
            source_rows.append({"id": p["source"], "label": p["source_label"], "attributed": p["attributed"]})
        if p["article"] not in articles:
            articles[p["article"]] = len(article_rows)
            article_rows.append({"id": p["article"], "title": p["title"]})
        rows.append([p["date"], p["value"], sources[p["source"]], articles[p["article"]], p["text"], p["qualifier"],
                     p["precision"]])
    index = {id(p): i for i, p in enumerate(points)}
    return {"kind": kind, "label": KINDS[kind], "sources": source_rows, "articles": article_rows, "points": rows,
            "disputed": sorted({index[id(p)] for pair in pairs for p in pair})}


def figure_page(kind: str, points: list[dict], pairs: list[tuple[dict, dict]]) -> str:
    lines = ["---", f"title: 'تتبع الأرقام: {KINDS[kind]}'", "---", "", f"# تتبع الأرقام: {KINDS[kind]}", "",
             "كل رقم ذُكر في مقالة مؤرَّخة، في تاريخ المقالة، بلون من يعطيه: الجهة التي نُسب إليها في الجملة، "
             "وإلا المنفذ الذي نشر المقالة. اختر نقطة لتفتح الجملة التي جاء منها الرقم.", ""]
    if not points:
        return "\n".join(lines + ["لا أرقام من هذا النوع في مقالات مؤرَّخة.", ""])
    lines += [placeholder("figures", f"figures/{kind}.json"), ""]
    if pairs:
        lines += [f"## أرقام متباينة خلال أسبوع ({len(pairs)})", "",
                  f"مصدران مختلفان يذكران قيمتين مختلفتين خلال {WITHIN_DAYS} أيام (القيمتان متقاربتان: "
                  f"الكبرى لا تزيد على {DISAGREE_RATIO} مرة الصغرى، وإلا فهما حدثان مختلفان على الأرجح).", "",
                  "| التاريخ | المصدر | القيمة | التاريخ | المصدر | القيمة |", "|" + " --- |" * 6]
        for first, second in pairs[:TABLE_ROWS]:
            lines.append("| " + " | ".join(_cells(first) + _cells(second)) + " |")
        if len(pairs) > TABLE_ROWS:
            lines += ["", f"يعرض الجدول أول {TABLE_ROWS} زوج، بحسب التاريخ؛ النقاط المتباينة كلها محاطة بالأحمر في الرسم."]
        lines.append("")
    lines += [f"## كل النقاط ({len(points)})", "",
              "| التاريخ | القيمة | المصدر | الجملة | المقالة |", "| --- | --- | --- | --- | --- |"]
    for p in points[:TABLE_ROWS]:
        lines.append(f'| {_date_cell(p)} | {_value(p)} | {escape(p["source_label"])} | '
                     f'[{escape(p["text"])}](../articles/{p["article"]}.md#:~:text={quote(p["text"], safe="")}) | '
                     f'[{escape(p["title"])}](../articles/{p["article"]}.md) |')
    if len(points) > TABLE_ROWS:
        lines += ["", f"يعرض الجدول أول {TABLE_ROWS} نقطة؛ الرسم وملف البيانات "
                      f"[`{kind}.json`]({kind}.json) فيهما كل النقاط."]
    return "\n".join(lines) + "\n"


def _cells(p: dict) -> list[str]:
    return [_date_cell(p), escape(p["source_label"]), f'[{_value(p)}](../articles/{p["article"]}.md)']


def _date_cell(p: dict) -> str:
    return f'<bdi dir="ltr">{p["date"][:7] if p["precision"] == "month" else p["date"]}</bdi>'


def _value(p: dict) -> str:
    value = p["value"]
    return f"{int(value):,}" if float(value).is_integer() else str(value)


def figures_index(counts: dict[str, int]) -> str:
    lines = ["---", "title: تتبع الأرقام", "---", "", "# تتبع الأرقام", "",
             "الأرقام التي تذكرها المقالات (قتلى، مصابون، رهائن، أسرى، أيام هدنة، شاحنات، نازحون، مفقودون)، "
             "كل نوع في صفحة: من قال ماذا ومتى، وأين تتباين الأرقام.", "",
             "| النوع | النقاط |", "| --- | --- |"]
    lines += [f"| [{label}]({kind}.md) | {counts[kind]} |" for kind, label in KINDS.items()]
    return "\n".join(lines) + "\n"
