"""Named variants of a scenario: the same content with some rules changed (issue 12).

A variant replaces header fields (`set`), adds start flags (rules in force from week 1), replaces meter fields,
replaces fields of items by id (`change`), leaves items out (`remove`) and adds or replaces whole items (`add`).
That is enough for a seminar length (fewer weeks, earlier core windows) and for the policy lab (assessment on
outcomes, one veto, the duty list from week 1: the thesis's recommendations, A9).
"""

from __future__ import annotations

from dataclasses import replace
from typing import Any, TypeVar

from pydantic import BaseModel, ValidationError

from game.scenario.models import Variant

Model = TypeVar("Model", bound=BaseModel)

ITEM_SECTIONS = ("directives", "requests", "inspections", "events", "endings", "modifiers")


class VariantProblem(Exception):
    """A variant that cannot be applied: `path` is inside the variant (for the error's position)."""

    def __init__(self, path: tuple, message: str, hint: str = "") -> None:
        super().__init__(message)
        self.path, self.message, self.hint = path, message, hint


class UnknownVariant(LookupError):
    """A variant name the scenario does not declare; the message lists those it does."""


def find_variant(scenario: Any, name: str) -> Variant:
    """The scenario's variant called `name`; raises UnknownVariant naming the known ones."""
    for variant in scenario.variants:
        if variant.id == name:
            return variant
    known = ", ".join(v.id for v in scenario.variants) or "none"
    raise UnknownVariant(f"scenario '{scenario.id}' has no variant '{name}' (variants: {known})")


def _changed(model: Model, fields: dict[str, Any], path: tuple) -> Model:
    """The model with some fields replaced, validated as content is (VariantProblem if it is not valid)."""
    data = model.model_dump(mode="json", exclude_unset=True)
    data.update(fields)
    try:
        return type(model).model_validate(data)
    except ValidationError as err:
        first = err.errors()[0]
        where = ".".join(str(p) for p in first["loc"])
        raise VariantProblem(path, f"{where}: {first['msg']}" if where else first["msg"]) from None


def apply_variant(scenario: Any, variant: Variant) -> Any:
    """The scenario with the variant applied (a new Scenario whose `variant` is the variant's id).

    Raises VariantProblem when a field does not validate or an id names no item."""
    info = _changed(scenario.info, dict(variant.set), ("set",)) if variant.set else scenario.info
    if variant.start_flags or variant.add.weekly:
        flags = list(info.start_flags) + [f for f in variant.start_flags if f not in info.start_flags]
        info = info.model_copy(update={"start_flags": flags, "weekly": list(info.weekly) + list(variant.add.weekly)})
    meter_ids = {m.id for m in scenario.meters}
    for meter_id in variant.meters:
        if meter_id not in meter_ids:
            raise VariantProblem(("meters", meter_id), f"no meter '{meter_id}'")
    meters = tuple(_changed(m, variant.meters[m.id], ("meters", m.id)) if m.id in variant.meters else m
                   for m in scenario.meters)
    where = _places(scenario)
    gone = {_place(where, ref, ("remove", index), "remove") for index, ref in enumerate(variant.remove)}
    changes = {_place(where, ref, ("change", ref), "change"): fields for ref, fields in variant.change.items()}
    for (section, item_id) in changes:
        if section in ("reflections", "claims"):
            raise VariantProblem(("change", item_id), f"`change` cannot change the {section[:-1]} '{item_id}'",
                                 "remove it and add a new one")
    sections: dict[str, tuple] = {}
    for name in ITEM_SECTIONS:
        added = {item.id: item for item in getattr(variant.add, name)}
        items = [added.pop(item.id, None) or item for item in getattr(scenario, name) if (name, item.id) not in gone]
        items = [_changed(item, changes[name, item.id], ("change",)) if (name, item.id) in changes else item
                 for item in items]
        sections[name] = tuple(items) + tuple(added.values())
    debrief = scenario.debrief.model_copy(update={
        "reflections": [r for r in scenario.debrief.reflections if ("reflections", r.id) not in gone]})
    claims = tuple(c for c in scenario.claims if ("claims", c.id) not in gone)
    return replace(scenario, info=info, meters=meters, debrief=debrief, claims=claims, variant=variant.id,
                   **sections)


def _places(scenario: Any) -> dict[str, list[str]]:
    """For each item id, the sections that use it."""
    where: dict[str, list[str]] = {}
    for name in ITEM_SECTIONS:
        for item in getattr(scenario, name):
            where.setdefault(item.id, []).append(name)
    for reflection in scenario.debrief.reflections:
        where.setdefault(reflection.id, []).append("reflections")
    for claim in scenario.claims:
        where.setdefault(claim.id, []).append("claims")
    return where


def _place(where: dict[str, list[str]], ref: str, path: tuple, field: str) -> tuple[str, str]:
    """(section, id) of `id` or `section.id`; VariantProblem when it names nothing or is ambiguous."""
    section, _, item_id = ref.rpartition(".")
    found = where.get(item_id, [])
    if section:
        if section not in found:
            raise VariantProblem(path, f"`{field}` names no item '{item_id}' in {section}")
        return section, item_id
    if not found:
        raise VariantProblem(path, f"`{field}` names no item '{item_id}'")
    if len(found) > 1:
        raise VariantProblem(path, f"'{item_id}' is the id of items in {' and '.join(found)}",
                             f"write {found[0]}.{item_id} (section.id)")
    return found[0], item_id
