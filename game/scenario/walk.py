"""Fast walks over content models, with each model class's relevant fields looked up once.

Checks walk every model of a scenario several times; asking pydantic and `typing` about annotations on
every visit made validating a large scenario take seconds, so the field lists are cached per class.
"""

from __future__ import annotations

import functools
import typing
from typing import Any, Iterator

from pydantic import BaseModel

from game.scenario.models import LocalizedText

Path = tuple


def _classes_in(annotation: Any) -> set[type]:
    """Every class mentioned anywhere in a type annotation."""
    found: set[type] = set()
    stack = [annotation]
    while stack:
        item = stack.pop()
        if isinstance(item, type):
            found.add(item)
        stack.extend(typing.get_args(item))
    return found


def _is_model(cls: type) -> bool:
    return issubclass(cls, BaseModel) and cls is not LocalizedText


@functools.cache
def child_fields(cls: type[BaseModel]) -> tuple[str, ...]:
    """Fields of `cls` that can hold other content models (directly, in a list, or in a mapping)."""
    return tuple(name for name, info in cls.model_fields.items()
                 if any(_is_model(found) for found in _classes_in(info.annotation)))


@functools.cache
def text_fields(cls: type[BaseModel]) -> tuple[str, ...]:
    """Fields of `cls` that hold one player-facing text (facilitator `notes` excluded)."""
    names = []
    for name, info in cls.model_fields.items():
        if name == "notes":
            continue
        if LocalizedText in _classes_in(info.annotation) and typing.get_origin(info.annotation) is not list:
            names.append(name)
    return tuple(names)


def walk(model: BaseModel, path: Path = ()) -> Iterator[tuple[Path, BaseModel]]:
    """Yield (path, model) for every content model in a tree, parents before children, in field order."""
    stack: list[tuple[Path, BaseModel]] = [(path, model)]
    while stack:
        here, node = stack.pop()
        yield here, node
        present = node.__pydantic_fields_set__  # fields left at their default hold no models
        children: list[tuple[Path, BaseModel]] = []
        for name in child_fields(type(node)):
            if name not in present:
                continue
            value = getattr(node, name)
            if isinstance(value, BaseModel):
                children.append((here + (name,), value))
            elif isinstance(value, (list, tuple)):
                children.extend((here + (name, index), item) for index, item in enumerate(value)
                                if isinstance(item, BaseModel))
            elif isinstance(value, dict):
                children.extend((here + (name, key), item) for key, item in value.items()
                                if isinstance(item, BaseModel))
        if children:
            stack.extend(reversed(children))


@functools.cache
def has_field(cls: type[BaseModel], name: str) -> bool:
    """Whether `cls` declares `name` (asking the instance costs a slow AttributeError when it does not)."""
    return name in cls.model_fields


@functools.cache
def content_models() -> tuple[type[BaseModel], ...]:
    """Every model class of the content format, from ContentFile down, each once, in first-use order."""
    from game.scenario.models import ContentFile

    found: list[type[BaseModel]] = []
    stack: list[type[BaseModel]] = [ContentFile]
    while stack:
        cls = stack.pop(0)
        if cls in found:
            continue
        found.append(cls)
        for info in cls.model_fields.values():
            stack.extend(sorted((c for c in _classes_in(info.annotation) if issubclass(c, BaseModel)
                                 and c not in found), key=lambda c: c.__name__))
    return tuple(found)
