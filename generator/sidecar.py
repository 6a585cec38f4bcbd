"""Sidecars: ``NAME.meta.yml`` beside ``NAME.txt``, a curator's overrides.

Validated against the front-matter schema, so a typo in a field name or a
date that is not a date is an error for that one article, with the path.
"""
from __future__ import annotations

from pathlib import Path
from typing import Any

import yaml

from .schema import check_value

MAX_SIDECAR_BYTES = 256 * 1024


class SidecarError(Exception):
    def __init__(self, path: Path, problem: str):
        super().__init__(f"{path}: {problem}")
        self.path = path
        self.problem = problem


def read_sidecar(path: Path) -> dict[str, Any]:
    """The validated fields of a sidecar, or {} when there is none."""
    if not path.is_file():
        return {}
    try:
        if path.stat().st_size > MAX_SIDECAR_BYTES:
            raise SidecarError(path, "sidecar is larger than 256 KB")
        text = path.read_text(encoding="utf-8-sig")
        data = yaml.safe_load(text)
    except UnicodeDecodeError:
        raise SidecarError(path, "sidecar is not UTF-8 text") from None
    except yaml.YAMLError as err:
        where = getattr(err, "problem_mark", None)
        line = f" at line {where.line + 1}" if where else ""
        raise SidecarError(path, f"sidecar is not valid YAML{line}: {getattr(err, 'problem', None) or err}") from None
    except (ValueError, TypeError, OverflowError) as err:
        # PyYAML's constructors raise these for values that look typed but are
        # not valid, such as the date 2024-13-45.
        raise SidecarError(path, f"sidecar has a value YAML cannot read: {err}") from None
    except RecursionError:
        raise SidecarError(path, "sidecar is nested too deeply") from None
    except OSError as err:
        raise SidecarError(path, f"sidecar cannot be read ({err.strerror or err})") from None
    if data is None:
        return {}
    if not isinstance(data, dict):
        raise SidecarError(path, f"sidecar must be a mapping of field: value, not a {type(data).__name__}")
    problems = [p for key, value in data.items() if (p := check_value(str(key), value))]
    if problems:
        raise SidecarError(path, "; ".join(problems))
    return {str(key): value for key, value in data.items()}
