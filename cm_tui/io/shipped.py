"""The defaults shipped with cm-tui: the task catalog and the network profiles.

Files live in ``data/`` at the repository root; an installed wheel carries them as
``cm_tui/_data/`` (``pyproject.toml`` force-includes ``data`` there). ``data_dir()`` finds
whichever exists. Every entry is validated on load: a bad file raises ``ShippedDataError`` with
one line naming the file, the entry and the problem, because a broken catalog must fail the test
suite, not show up as an odd Today tab.
"""

from __future__ import annotations

import json
import re
from functools import lru_cache
from pathlib import Path
from typing import Any

from cm_tui.core.i18n import t
from cm_tui.core.models import (
    NetworkProfile,
    PostingPeriod,
    TaskGroup,
    TaskTemplate,
)
from cm_tui.core.recurrence import validate_cadence

CATALOG_FILE = "catalog.json"
NETWORKS_FILE = "networks.json"

#: Keys allowed in entries besides the model's fields (documentation only, not loaded).
_DOC_KEYS_TASK = frozenset({"from"})
_DOC_KEYS_NETWORK = frozenset({"variants"})
_VARIANT_KEYS = frozenset({"target_min", "target_max", "period", "note_en", "note_fr"})
_COLOUR = re.compile(r"^#[0-9A-Fa-f]{6}$")


class ShippedDataError(ValueError):
    """A shipped data file is missing or invalid. ``str()`` is one line naming file and entry."""


def data_dir() -> Path:
    """``cm_tui/_data`` in an installed wheel, else ``<repo>/data``."""
    package = Path(__file__).resolve().parent.parent
    installed = package / "_data"
    if (installed / CATALOG_FILE).is_file():
        return installed
    return package.parent / "data"


@lru_cache(maxsize=4)
def _read(name: str) -> Any:
    path = data_dir() / name
    try:
        text = path.read_text(encoding="utf-8")
    except OSError as exc:
        raise ShippedDataError(
            t("core.data.unreadable", file=str(path), problem=exc.strerror or str(exc))
        ) from None
    try:
        return json.loads(text)
    except json.JSONDecodeError as exc:
        raise ShippedDataError(
            t("core.data.invalid", file=str(path), entry=f"line {exc.lineno}", problem=exc.msg)
        ) from None


def _fail(name: str, entry: str, problem: str) -> ShippedDataError:
    return ShippedDataError(
        t("core.data.invalid", file=str(data_dir() / name), entry=entry, problem=problem)
    )


def _entries(name: str, table: str) -> list[Any]:
    doc = _read(name)
    if not isinstance(doc, dict) or not isinstance(doc.get(table), list):
        raise _fail(name, "(root)", f"expected an object with a {table!r} list")
    return doc[table]


def _network_problems(raw: dict[str, Any]) -> list[str]:
    problems = []
    for field in ("key", "name"):
        if not isinstance(raw.get(field), str) or not raw.get(field, "").strip():
            problems.append(f"{field} must be a non-empty string")
    for field in ("char_limit", "target_min", "target_max", "max_hashtags"):
        value = raw.get(field)
        if isinstance(value, bool) or not isinstance(value, int) or value < 0:
            problems.append(f"{field} must be a non-negative integer, got {value!r}")
    if not problems:
        if raw["char_limit"] < 1:
            problems.append("char_limit must be at least 1")
        if raw["target_min"] > raw["target_max"]:
            problems.append("target_min is above target_max")
    if raw.get("period", "day") not in tuple(p.value for p in PostingPeriod):
        problems.append(f"period must be day or week, got {raw.get('period')!r}")
    if not _COLOUR.match(str(raw.get("colour", "#888888"))):
        problems.append(f"colour must be #RRGGBB, got {raw.get('colour')!r}")
    for vname, variant in (raw.get("variants") or {}).items():
        if not isinstance(variant, dict) or set(variant) - _VARIANT_KEYS:
            problems.append(f"variants.{vname} has unknown keys")
            continue
        low, high = variant.get("target_min"), variant.get("target_max")
        if not (isinstance(low, int) and isinstance(high, int) and 0 <= low <= high):
            problems.append(f"variants.{vname}: target_min/target_max must be 0 <= min <= max")
        if variant.get("period") not in tuple(p.value for p in PostingPeriod):
            problems.append(f"variants.{vname}.period must be day or week")
    return problems


def load_networks() -> list[NetworkProfile]:
    """The shipped network profiles (fresh objects on every call), in file order."""
    out: list[NetworkProfile] = []
    seen: set[str] = set()
    fields = set(NetworkProfile.field_names()) | _DOC_KEYS_NETWORK
    for index, raw in enumerate(_entries(NETWORKS_FILE, "networks")):
        entry = f"networks[{index}]"
        if not isinstance(raw, dict):
            raise _fail(NETWORKS_FILE, entry, "expected an object")
        entry += f" ({raw.get('key')})"
        unknown = sorted(set(raw) - fields)
        problems = [f"unknown keys {unknown}"] if unknown else []
        problems += _network_problems(raw)
        if raw.get("key") in seen:
            problems.append("duplicate key")
        if problems:
            raise _fail(NETWORKS_FILE, entry, "; ".join(problems))
        seen.add(raw["key"])
        out.append(NetworkProfile.from_dict(raw))
    return out


def load_network_variants() -> dict[str, dict[str, dict[str, Any]]]:
    """network key -> variant name -> ``{"target_min", "target_max", "period", "note_en",
    "note_fr"}`` (e.g. ``["facebook"]["per_week"]``: the second article's 2-3 posts a week)."""
    load_networks()  # validates
    return {
        raw["key"]: {name: dict(v) for name, v in raw["variants"].items()}
        for raw in _entries(NETWORKS_FILE, "networks")
        if raw.get("variants")
    }


def apply_variant(profile: NetworkProfile, variant: dict[str, Any]) -> NetworkProfile:
    """``profile`` with a variant's targets and period."""
    return profile.replace(
        target_min=variant["target_min"],
        target_max=variant["target_max"],
        period=PostingPeriod(variant["period"]),
    )


def load_catalog() -> list[TaskTemplate]:
    """The shipped task templates (fresh objects on every call), in file order, validated:
    unique keys, known group, both labels non-empty, valid cadence, known network."""
    networks = {n.key for n in load_networks()}
    fields = set(TaskTemplate.field_names()) | _DOC_KEYS_TASK
    groups = {g.value for g in TaskGroup}
    out: list[TaskTemplate] = []
    seen: set[str] = set()
    for index, raw in enumerate(_entries(CATALOG_FILE, "tasks")):
        entry = f"tasks[{index}]"
        if not isinstance(raw, dict):
            raise _fail(CATALOG_FILE, entry, "expected an object")
        entry += f" ({raw.get('key')})"
        problems: list[str] = []
        unknown = sorted(set(raw) - fields)
        if unknown:
            problems.append(f"unknown keys {unknown}")
        for field in ("key", "label_en", "label_fr"):
            if not isinstance(raw.get(field), str) or not raw.get(field, "").strip():
                problems.append(f"{field} must be a non-empty string")
        if raw.get("key") in seen:
            problems.append("duplicate key")
        if raw.get("group") not in groups:
            problems.append(f"group must be one of {sorted(groups)}, got {raw.get('group')!r}")
        if raw.get("network") is not None and raw.get("network") not in networks:
            problems.append(f"unknown network {raw.get('network')!r}")
        minutes = raw.get("minutes", 15)
        if isinstance(minutes, bool) or not isinstance(minutes, int) or minutes <= 0:
            problems.append(f"minutes must be a positive integer, got {minutes!r}")
        template = None
        if not problems:
            try:
                template = TaskTemplate.from_dict({k: v for k, v in raw.items() if k != "from"})
            except (TypeError, ValueError, KeyError) as exc:
                problems.append(f"cadence: {exc}")
            else:
                problems += validate_cadence(template.cadence)
        if problems or template is None:
            raise _fail(CATALOG_FILE, entry, "; ".join(problems))
        seen.add(template.key)
        out.append(template)
    return out


def generate_shipped_demo(size: str, now: Any, seed: int = 2026, tz: Any = "Europe/Paris") -> Any:
    """``core.demo.generate_demo`` fed with the shipped catalog and networks."""
    from cm_tui.core.demo import generate_demo

    return generate_demo(size, now, seed, networks=load_networks(), templates=load_catalog(), tz=tz)
