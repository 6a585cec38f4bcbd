"""Gold files for ``dossier evaluate``: checked entries and the texts they name.

Two kinds of entry (format in tests/gold/README.md):

- ``{"file": path, ...}``: an article file, read like a build reads it (with its
  sidecar and manifest row);
- ``{"id": "p001", "url": ..., ...}``: a raw web page whose text is kept out of
  the repository, in a local cache folder as ``<id>.txt``; the URL reaches the
  extractor as a sidecar ``url:`` field would.

A text that cannot be read is reported with the reason and not scored.
"""
from __future__ import annotations

import json
import re
from dataclasses import dataclass, replace
from pathlib import Path

from .ingest import InputError, read_article
from .records import RawArticle

PROJECT = Path(__file__).resolve().parent.parent
PAGES_FOLDER = ".pages"      # the page cache, beside the gold file unless --pages says otherwise
PAGE_ID = re.compile(r"[A-Za-z0-9_-]+")


class GoldError(Exception):
    """A gold file that cannot be scored against; the message names the file and what is wrong."""

    def __init__(self, path: Path, problem: str):
        super().__init__(f"{path}: {problem}")


@dataclass(frozen=True)
class GoldText:
    """One gold entry with the article it names, or why that article could not be read."""
    key: str                        # the "file" path or the page "id", as the gold file gives it
    item: dict
    raw: RawArticle | None
    problem: str | None = None
    missing_page: bool = False      # a page id whose text is not in the cache folder


def load_gold(path: Path) -> list[dict]:
    """The entries of a gold file, checked, so that a typo in it is a message and not a traceback."""
    try:
        gold = json.loads(Path(path).read_text(encoding="utf-8"))
    except OSError as err:
        raise GoldError(path, f"cannot be read ({err.strerror or err})") from None
    except UnicodeDecodeError:
        raise GoldError(path, "is not UTF-8 text") from None
    except ValueError as err:
        raise GoldError(path, f"is not valid JSON ({err})") from None
    if not isinstance(gold, list):
        raise GoldError(path, f"must be a list of articles, not a {type(gold).__name__}")
    for number, item in enumerate(gold, 1):
        problem = _entry_problem(item)
        if problem:
            raise GoldError(path, f"entry {number} {problem}")
    return gold


def entry_key(item: dict) -> str:
    return item["file"] if "file" in item else item["id"]


def _entry_problem(item) -> str | None:
    if not isinstance(item, dict):
        return f"must be an object, not {json.dumps(item, ensure_ascii=False)[:60]}"
    if "file" not in item and "id" not in item:
        return 'has no "file" (the path of the article) and no "id" + "url" (a cached web page)'
    if "file" in item and not isinstance(item["file"], str):
        return '"file" must be the path of the article, as text'
    if "file" not in item:
        if not isinstance(item["id"], str) or not PAGE_ID.fullmatch(item["id"]):
            return f'"id" must be a page id of letters, digits, - and _ (the cache file name), not {item["id"]!r}'
        if not isinstance(item.get("url"), str) or not item["url"].lower().startswith(("http://", "https://")):
            return f'({item["id"]}): "url" must be the http(s) address of the page'
    key = entry_key(item)
    for field in ("date", "outlet", "title"):
        if item.get(field) is not None and not isinstance(item[field], str):
            return f'({key}): "{field}" must be text or null'
    for field in ("actors", "topics"):
        if not isinstance(item.get(field, []), list) or not all(isinstance(v, str) for v in item.get(field, [])):
            return f'({key}): "{field}" must be a list of names or ids'
    figures = item.get("figures", [])
    if not isinstance(figures, list) or not all(
            isinstance(f, dict) and isinstance(f.get("kind"), str) and isinstance(f.get("value"), (int, float))
            and not isinstance(f.get("value"), bool) for f in figures):
        return f'({key}): "figures" must be a list of {{"kind": text, "value": number}}'
    return None


def pages_folder(gold_path: Path, pages: Path | None = None) -> Path:
    return Path(pages) if pages is not None else Path(gold_path).parent / PAGES_FOLDER


def read_texts(gold_path: Path, gold: list[dict], pages: Path) -> list[GoldText]:
    """Every entry with its article read, in the gold file's order."""
    texts = []
    for item in gold:
        key = entry_key(item)
        if "file" in item:
            path, missing_page = _resolve(item["file"], Path(gold_path)), False
        else:
            path = pages / f"{item['id']}.txt"
            missing_page = not path.is_file()
        try:
            raw = read_article(path)
        except InputError as err:
            texts.append(GoldText(key, item, None, err.problem, missing_page))
            continue
        except OSError as err:
            texts.append(GoldText(key, item, None, str(err.strerror or err), missing_page))
            continue
        if "file" not in item:
            # A cached page stands alone: its URL is what a sidecar would give, and no
            # manifest above the cache folder describes it.
            raw = replace(raw, sidecar={"url": item["url"]}, manifest={})
        texts.append(GoldText(key, item, raw))
    return texts


def _resolve(path: str, gold_file: Path) -> Path:
    for base in (Path.cwd(), PROJECT, gold_file.parent):
        candidate = base / path
        if candidate.exists():
            return candidate
    return Path(path)
