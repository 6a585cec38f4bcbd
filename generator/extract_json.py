"""The machine-readable face of the extractor: the front matter of each article as JSON."""
from __future__ import annotations

from pathlib import Path
from typing import Iterator

from .extract import extract
from .ingest import InputError, discover, display_name, read_article, source_key, stable_id
from .kb import DEFAULT_KB_DIR, load
from .render import front_matter


def extract_records(paths: list[Path], kb_dir: Path = DEFAULT_KB_DIR) -> Iterator[dict]:
    """One dict per article (the front-matter fields, plus ``file``), or ``{"file", "error"}``."""
    kb = load(kb_dir)
    found = discover(paths)
    for problem in found.problems:
        yield {"file": display_name(str(problem.path)), "error": problem.problem}
    for path in found.articles:
        try:
            raw = read_article(path)
            article = extract(raw, kb)
        except InputError as err:
            yield {"file": display_name(str(path)), "error": err.problem}
            continue
        except Exception as err:  # noqa: BLE001
            yield {"file": display_name(str(path)), "error": f"could not be processed: {err}"}
            continue
        if "id" not in raw.sidecar:   # the id a build gives it (barring a clash with another file)
            article.id = stable_id(source_key(path, paths))
        yield {"file": display_name(str(path)), **front_matter(article, kb)}
