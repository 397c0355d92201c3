"""Find a scenario's player-facing texts (`{zh: ..., en: ...}` pairs) with stable ids and positions.

Positions come from PyYAML's composer (nodes only, nothing is constructed); values come from the
game's own reader (`game.scenario.yamlread`), so a text is what the player sees. The id of a text is its
field path with list items named by their `id` (or `code`) where they have one, e.g.
`directives.app_quota.approaches.screenshots.label`, so it survives reordering.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from pathlib import Path
from typing import Any, Iterator

import yaml

from game.scenario.sources import content_files
from game.scenario.yamlscalars import Loader

LANGS = ("zh", "en")


class TranslateError(ValueError):
    """A scenario's files cannot be read or changed for translation; the message says why."""


@dataclass(frozen=True)
class Text:
    """One `{zh:, en:}` pair in one file.

    `raw_path` is the path of keys and list indices to the pair; `node` the pair's mapping node (for
    character offsets in the file's text); `values` what the game reads for each language present."""

    context: str
    file: str  # relative to the scenario folder, with /
    raw_path: tuple
    node: yaml.MappingNode
    values: dict[str, str]

    def line(self, lang: str) -> int:
        """The 1-based line of the language's value (or of the pair when that language is missing)."""
        for key, value in self.node.value:
            if key.value == lang:
                return value.start_mark.line + 1
        return self.node.start_mark.line + 1

    def scalar(self, lang: str) -> yaml.ScalarNode | None:
        return next((value for key, value in self.node.value if key.value == lang), None)


@dataclass
class SourceFile:
    """A content file's text and the texts found in it."""

    path: Path
    name: str
    text: str
    texts: list[Text]


def scenario_files(folder: Path) -> list[SourceFile]:
    """Every content file of a scenario folder (or one file) with its texts, in file order.

    Raises TranslateError for a file that is not UTF-8 or not valid YAML.
    """
    base = folder if folder.is_dir() else folder.parent
    out, used = [], set()
    for path in content_files(folder):
        name = path.relative_to(base).as_posix()
        try:
            text = path.read_bytes().decode("utf-8")
        except (OSError, UnicodeDecodeError) as err:
            raise TranslateError(f"cannot read {name}: {err}") from None
        texts = list(find_texts(text, name))
        for index, item in enumerate(texts):
            if item.context in used:  # e.g. debrief questions without ids, in two files
                texts[index] = replace(item, context=f"{name}:{item.context}")
            used.add(texts[index].context)
        out.append(SourceFile(path, name, text, texts))
    return out


def read_data(text: str, name: str) -> Any:
    """A file's data as the game reads it (TranslateError with the first problem when it cannot)."""
    from game.scenario.yamlread import read_yaml

    document, errors = read_yaml(text.encode("utf-8"), name)
    if document is None:
        raise TranslateError(errors[0].format() if errors else f"cannot read {name}")
    return document.data


def find_texts(text: str, name: str) -> Iterator[Text]:
    """The `{zh:, en:}` pairs of one file's text."""
    try:
        root = yaml.compose(text, Loader=Loader)  # the game's parser (libyaml when present), so both agree
    except yaml.YAMLError as err:
        raise TranslateError(f"{name}: not valid YAML ({err.__class__.__name__}); run grassroots validate") from None
    if root is None:
        return
    data = read_data(text, name)
    yield from _walk(root, data, (), (), name)


def _walk(node: yaml.Node, data: Any, raw: tuple, named: tuple, name: str) -> Iterator[Text]:
    if isinstance(node, yaml.MappingNode):
        keys = [key.value for key, _ in node.value if isinstance(key, yaml.ScalarNode)]
        if keys and set(keys) <= set(LANGS) and all(isinstance(v, yaml.ScalarNode) for _, v in node.value):
            values = {lang: data[lang] for lang in keys if isinstance(data, dict) and isinstance(data.get(lang), str)}
            yield Text(".".join(named), name, raw, node, values)
            return
        for key, value in node.value:
            if isinstance(key, yaml.ScalarNode) and isinstance(data, dict) and key.value in data:
                yield from _walk(value, data[key.value], (*raw, key.value), (*named, key.value), name)
    elif isinstance(node, yaml.SequenceNode) and isinstance(data, list):
        for index, (item, value) in enumerate(zip(node.value, data)):
            label = _item_name(value, index, named)
            yield from _walk(item, value, (*raw, index), label, name)


def _item_name(value: Any, index: int, named: tuple) -> tuple:
    if isinstance(value, dict):
        for key in ("id", "code"):
            if isinstance(value.get(key), str):
                return (*named, value[key])
    if named:
        return (*named[:-1], f"{named[-1]}[{index}]")
    return (f"[{index}]",)


def get_in(data: Any, path: tuple) -> Any:
    """The value at a raw path, or None."""
    for part in path:
        try:
            data = data[part]
        except (KeyError, IndexError, TypeError):
            return None
    return data
