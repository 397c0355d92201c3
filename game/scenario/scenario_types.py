"""The types a scenario load hands out: the merged Scenario, each ParsedFile, and the LoadReport.

Shared by the loader (which makes them), the checks and the engine (which read them); importing this
module loads the content models but none of the loading and checking code.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from game.scenario.errors import ContentError
from game.scenario.models import (
    Claim, ContentFile, Debrief, Directive, Ending, Event, Inspection, Meter, Modifier, Request, ScenarioInfo,
    Variant,
)
from game.scenario.yamlread import Document

__all__ = ["LoadReport", "ParsedFile", "Scenario"]


@dataclass(frozen=True)
class Scenario:
    """A merged, validated scenario; the engine compiles it into runtime tables."""

    info: ScenarioInfo
    meters: tuple[Meter, ...]
    directives: tuple[Directive, ...]
    requests: tuple[Request, ...]
    inspections: tuple[Inspection, ...]
    events: tuple[Event, ...]
    endings: tuple[Ending, ...]
    modifiers: tuple[Modifier, ...]
    claims: tuple[Claim, ...]
    debrief: Debrief
    content_hash: str
    source: str
    warnings: tuple[ContentError, ...] = field(default=(), compare=False)
    variants: tuple[Variant, ...] = ()  # the variants the content declares
    variant: str = ""  # the variant applied ("" for the scenario as written)

    @property
    def id(self) -> str:
        return self.info.id


@dataclass
class ParsedFile:
    """A content file read and validated on its own, with positions for later checks."""

    doc: Document
    content: ContentFile


@dataclass
class LoadReport:
    """Everything `validate` prints: the scenario (if valid), errors, warnings and stats."""

    scenario: Scenario | None
    errors: list[ContentError]
    warnings: list[ContentError]
    stats: dict
