"""The neutrality vulnerability index per region (pure Python, no Django): method and weights in data/index.toml.

Each component is scaled to 0–100 (risk), then the index is the weighted mean of the components available for
that region. A component that is missing (None: e.g. no pledge campaign in the region) is left out and the other
weights rescale, so a missing figure never passes for zero risk or for full risk.
"""

from __future__ import annotations

import tomllib
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from functools import cache
from pathlib import Path

__all__ = ["Component", "ComponentScore", "Method", "RegionIndex", "compute", "load_method"]

INDEX_FILE = Path(__file__).resolve().parent / "data" / "index.toml"


@dataclass(frozen=True, slots=True)
class Component:
    code: str
    name: str
    weight: float
    direction: str  # higher | lower
    scale: str  # relative | percent
    description: str


@dataclass(frozen=True, slots=True)
class Method:
    components: tuple[Component, ...]
    asn_population: str


@dataclass(frozen=True, slots=True)
class ComponentScore:
    code: str
    raw: float | None
    score: float | None  # 0–100, None when the raw figure is not available


@dataclass(frozen=True, slots=True)
class RegionIndex:
    code: str
    name: str
    components: tuple[ComponentScore, ...]
    index: float | None


def read_method(path: Path = INDEX_FILE) -> Method:
    with path.open("rb") as f:
        data = tomllib.load(f)
    components = []
    for entry in data["component"]:
        component = Component(
            code=str(entry["code"]),
            name=str(entry["name"]),
            weight=float(entry["weight"]),
            direction=str(entry["direction"]),
            scale=str(entry["scale"]),
            description=str(entry["description"]),
        )
        if component.weight <= 0 or component.direction not in {"higher", "lower"}:
            raise ValueError(f"{path.name}: component {component.code}: weight must be > 0, direction higher|lower")
        if component.scale not in {"relative", "percent"}:
            raise ValueError(f"{path.name}: component {component.code}: scale must be relative|percent")
        components.append(component)
    return Method(components=tuple(components), asn_population=str(data.get("asn_population", "not available")))


@cache
def load_method() -> Method:
    return read_method()


def _score(component: Component, raw: float | None, highest: float) -> float | None:
    if raw is None:
        return None
    relative = 100.0 * raw / highest if highest > 0 else 0.0
    value = min(max(raw, 0.0), 100.0) if component.scale == "percent" else relative
    return round(value if component.direction == "higher" else 100.0 - value, 1)


def compute(
    regions: Sequence[tuple[str, str, Mapping[str, float | None]]], method: Method | None = None
) -> list[RegionIndex]:
    """Index of each (code, name, {component code: raw value or None}); relative scales compare these regions."""
    method = method or load_method()
    highest = {
        c.code: max((float(v) for _, _, values in regions if (v := values.get(c.code)) is not None), default=0.0)
        for c in method.components
    }
    result = []
    for code, name, values in regions:
        scores = tuple(
            ComponentScore(c.code, values.get(c.code), _score(c, values.get(c.code), highest[c.code]))
            for c in method.components
        )
        weighted = [(c.weight, s.score) for c, s in zip(method.components, scores, strict=True) if s.score is not None]
        total = sum(w for w, _ in weighted)
        index = round(sum(w * s for w, s in weighted) / total, 1) if total else None
        result.append(RegionIndex(code=code, name=name, components=scores, index=index))
    return result
