"""Component registry and the pipeline that runs components in order.

A component is a callable `Doc -> Doc` with a versioned `name` ("netral.clean.v1") and the `Doc` attributes it
`requires` and `assigns`. Register a factory with `@register`; `get_pipeline()` builds the default pipeline once per
process and checks, once, that every requirement is assigned by an earlier component.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from functools import cache
from typing import ClassVar, Protocol, TypeVar

from netral.text.model import Doc


class Component(Protocol):
    name: ClassVar[str]
    requires: ClassVar[tuple[str, ...]]
    assigns: ClassVar[tuple[str, ...]]

    def __call__(self, doc: Doc) -> Doc: ...


class PipelineError(ValueError):
    """E001: a component needs an attribute no earlier component assigns; E002: unknown component name."""


#: name → factory. Components register themselves when their module is imported (see `_load_components`).
REGISTRY: dict[str, Callable[[], Component]] = {}

#: Attributes every `Doc` has before any component runs.
INITIAL: frozenset[str] = frozenset({"raw", "url", "published"})

DEFAULT_COMPONENTS: tuple[str, ...] = (
    "netral.clean.v1",
    "netral.sentences.v1",
    "netral.numbers.v1",
    "netral.dates.v1",
    "netral.regions.v1",
    "netral.organisations.v1",
    "netral.persons.v1",
    "netral.elections.v1",
    "netral.violations.v1",
    "netral.stages.v1",
)


F = TypeVar("F", bound=Callable[[], Component])


def register(factory: F) -> F:
    """Class decorator: add a component class (its own factory) to the registry under its `name`."""
    REGISTRY[factory.name] = factory  # type: ignore[attr-defined]
    return factory


class Pipeline:
    def __init__(self, components: Iterable[Component]) -> None:
        self.components = tuple(components)
        check_order(self.components)

    @property
    def names(self) -> list[str]:
        return [c.name for c in self.components]

    def __call__(self, doc: Doc) -> Doc:
        for component in self.components:
            doc = component(doc)
        return doc


def check_order(components: Iterable[Component]) -> None:
    available = set(INITIAL)
    for component in components:
        missing = [attr for attr in component.requires if attr not in available]
        if missing:
            raise PipelineError(f"E001: {component.name} requires {', '.join(missing)}, not assigned before it")
        available.update(component.assigns)


def _load_components() -> None:
    # Importing the modules runs their @register decorators.
    from netral.text import (  # noqa: F401
        clean,
        dates,
        elections,
        numbers,
        organisations,
        persons,
        regions,
        sentences,
        stages,
        violations,
    )


def build(names: Iterable[str]) -> Pipeline:
    _load_components()
    unknown = [n for n in names if n not in REGISTRY]
    if unknown:
        raise PipelineError(f"E002: unknown component(s): {', '.join(unknown)}")
    return Pipeline(REGISTRY[n]() for n in names)


@cache
def get_pipeline() -> Pipeline:
    """The default pipeline, built and checked once per process."""
    return build(DEFAULT_COMPONENTS)
