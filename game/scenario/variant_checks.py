"""Check every variant a scenario declares: it applies, and the scenario it makes passes every content check."""

from __future__ import annotations

from typing import Any, cast

from game.scenario.errors import ContentError
from game.scenario.models import ContentFile, Debrief
from game.scenario.yamlread import Document

__all__ = ["check_variants"]


class _AtVariant:
    """A stand-in document: every position found in the varied scenario points at the variant's entry."""

    def __init__(self, file: str, line: int, col: int) -> None:
        self.file, self.data, self._at = file, None, (line, col)

    def where(self, path: tuple) -> tuple[int, int]:
        return self._at


def check_variants(scenario: Any, parsed: list) -> list[ContentError]:
    """Errors of each declared variant, positioned at the variant (the base scenario is valid)."""
    from game.scenario.checks import check_scenario
    from game.scenario.scenario_types import ParsedFile
    from game.scenario.variants import VariantProblem, apply_variant

    errors: list[ContentError] = []
    seen: set[str] = set()
    for doc, index, variant in _declared(parsed):
        line, col = doc.where(("variants", index))
        if variant.id in seen:
            errors.append(ContentError(doc.file, line, col, f"variants[{index}].id",
                                       f"duplicate variant id '{variant.id}'", "variant ids must be unique"))
            continue
        seen.add(variant.id)
        try:
            varied = apply_variant(scenario, variant)
        except VariantProblem as problem:
            line, col = doc.where(("variants", index) + problem.path)
            errors.append(ContentError(doc.file, line, col, f"variants[{index}]",
                                       f"variant '{variant.id}': {problem.message}", problem.hint))
            continue
        content = ContentFile.model_construct(
            scenario=varied.info, meters=list(varied.meters), directives=list(varied.directives),
            requests=list(varied.requests), inspections=list(varied.inspections), events=list(varied.events),
            endings=list(varied.endings), modifiers=list(varied.modifiers), claims=list(varied.claims),
            debrief=Debrief.model_construct(reflections=list(varied.debrief.reflections), questions=[],
                                            research_notes=[]), variants=[])
        stand_in = cast(Document, _AtVariant(doc.file, line, col))  # positions: all at the variant
        found, _, _ = check_scenario(varied, [ParsedFile(stand_in, content)])
        for error in found:
            errors.append(ContentError(doc.file, line, col, f"variants[{index}]",
                                       f"variant '{variant.id}': {error.path}: {error.message}", error.hint))
    return errors


def _declared(parsed: list):
    for p in parsed:
        for index, variant in enumerate(p.content.variants):
            yield p.doc, index, variant
