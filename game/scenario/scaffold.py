"""Make a new scenario folder: a copy of the template (or of another scenario) under a new id.

The copy is ready for an editor with the YAML language server: the schema is written into the folder
(in a checkout's content/scenarios, the checkout's own schema is used instead), every content file starts with a `# yaml-language-server: $schema=...` modeline whose relative path is
right for its sub-folder (`scenario.schema.json` at the top, `../scenario.schema.json` in `events/`),
and `.vscode/settings.json` maps the schema to every YAML file of the folder by glob, so a file without
the modeline is checked too. Only the modeline and the header's id line of each file change; every other
byte is copied as it is.
"""

from __future__ import annotations

import json
import os
import posixpath
import re
import shutil
from dataclasses import dataclass
from pathlib import Path

from game.scenario.catalog import HEADER, ID_PATTERN
from game.scenario.sources import content_files

TEMPLATE = Path(__file__).resolve().parent / "template"
SCHEMA_NAME = "scenario.schema.json"
MODELINE = "# yaml-language-server: $schema="
EDITOR_SETTINGS = Path(".vscode") / "settings.json"


class ScaffoldError(ValueError):
    """The scenario cannot be made (bad id, existing folder, unreadable source); the message says why."""


@dataclass(frozen=True)
class Made:
    """A scenario folder made, and its files relative to it."""

    folder: Path
    files: list[str]


def check_id(new_id: str) -> None:
    """Raise ScaffoldError unless `new_id` is a valid scenario id (it is also the folder's name)."""
    if not ID_PATTERN.fullmatch(new_id):
        raise ScaffoldError(f"'{new_id}' is not a valid scenario id: use lower-case letters, digits, '-' and '_', "
                            "starting with a letter (at most 64), e.g. my-town")


def modeline_for(relative: Path, schema: str = SCHEMA_NAME) -> str:
    """The modeline of a content file at `relative` (inside the scenario folder), for a schema at
    `schema` (relative to the scenario folder, with /)."""
    depth = len(relative.parts) - 1
    return MODELINE + posixpath.normpath("../" * depth + schema)


def shared_schema(root: Path) -> Path | None:
    """The schema of a checkout (`<checkout>/scenario.schema.json` for `<checkout>/content/scenarios`),
    which scenarios made there point to instead of carrying a copy."""
    candidate = root.parent.parent / SCHEMA_NAME
    return candidate if root.name == "scenarios" and root.parent.name == "content" and candidate.is_file() else None


def with_modeline(text: str, modeline: str) -> str:
    """`text` with its first line replaced by `modeline` if it is one, else with `modeline` put first."""
    first, newline, rest = text.partition("\n")
    end = "\r\n" if first.endswith("\r") else "\n"
    if first.lstrip("\ufeff").startswith("# yaml-language-server:"):
        return modeline + (end if newline else "") + rest
    return modeline + end + text


def with_id(text: str, old_id: str, new_id: str) -> str:
    """The header file's text with `scenario.id` changed from `old_id` to `new_id` (that line only)."""
    lines = text.split("\n")
    in_header = False
    pattern = re.compile(rf"^(\s+id:\s*)([\"']?){re.escape(old_id)}\2(\s*(#.*)?)$")
    for index, line in enumerate(lines):
        if re.match(r"^scenario:\s*(#.*)?$", line):
            in_header = True
            continue
        if in_header and re.match(r"^\S", line):
            break
        if in_header and (match := pattern.match(line)):
            lines[index] = f"{match.group(1)}{match.group(2)}{new_id}{match.group(2)}{match.group(3)}"
            return "\n".join(lines)
    raise ScaffoldError(f"cannot find the line `id: {old_id}` under `scenario:` in {HEADER} to change it; "
                        "copy the folder by hand and change the id")


def header_id(folder: Path) -> str:
    """The id in a scenario folder's header (read safely; ScaffoldError when there is none)."""
    from game.scenario.yamlread import read_yaml

    try:
        raw = (folder / HEADER).read_bytes()
    except OSError as err:
        raise ScaffoldError(f"cannot read {folder / HEADER}: {err.strerror or err}") from None
    document, _ = read_yaml(raw, HEADER)
    info = document.data.get("scenario") if document is not None and isinstance(document.data, dict) else None
    value = info.get("id") if isinstance(info, dict) else None
    if not isinstance(value, str):
        raise ScaffoldError(f"{folder / HEADER} has no `scenario.id` to copy from")
    return value


def make(new_id: str, root: Path, source: Path | None, schema_text: str) -> Made:
    """Make `root/new_id` from `source` (a scenario folder; None: the template).

    Writes into a hidden temporary folder first and renames it into place, so a failure leaves nothing
    half made. Raises ScaffoldError for a bad id, an existing folder, or a source without a header.
    """
    check_id(new_id)
    source = TEMPLATE if source is None else source
    if not (source / HEADER).is_file():
        raise ScaffoldError(f"{source} is not a scenario folder (it has no {HEADER})")
    target = root / new_id
    if target.exists() or target.is_symlink():
        raise ScaffoldError(f"{target} already exists; choose another id or remove it")
    old_id = header_id(source)
    try:
        root.mkdir(parents=True, exist_ok=True)
        staging = root / f".{new_id}.new-{os.getpid()}"
        if staging.exists():
            shutil.rmtree(staging)
        shared = shared_schema(root)
        schema = posixpath.relpath(shared.resolve().as_posix(), target.resolve().as_posix()) if shared else None
        files = _write(staging, source, old_id, new_id, schema_text, schema)
        staging.rename(target)
    except OSError as err:
        raise ScaffoldError(f"cannot write {target}: {err.strerror or err}") from None
    return Made(target, files)


def _write(staging: Path, source: Path, old_id: str, new_id: str, schema_text: str,
           shared: str | None) -> list[str]:
    """Copy the files into `staging`; with `shared` (the checkout's schema, relative to the new folder)
    the modelines point there, else to a copy of the schema written into the folder."""
    names = []
    schema = shared or SCHEMA_NAME
    try:
        for file in content_files(source):
            relative = file.relative_to(source)
            text = file.read_bytes().decode("utf-8")
            if relative == Path(HEADER):
                text = with_id(text, old_id, new_id)
            out = staging / relative
            out.parent.mkdir(parents=True, exist_ok=True)
            out.write_bytes(with_modeline(text, modeline_for(relative, schema)).encode("utf-8"))
            names.append(relative.as_posix())
        if shared is None:
            (staging / SCHEMA_NAME).write_text(schema_text, encoding="utf-8")
        settings = staging / EDITOR_SETTINGS
        settings.parent.mkdir(parents=True, exist_ok=True)
        settings.write_text(editor_settings(schema), encoding="utf-8")
    except UnicodeDecodeError as err:
        shutil.rmtree(staging, ignore_errors=True)
        raise ScaffoldError(f"a file of {source} is not UTF-8 text ({err.reason})") from None
    except BaseException:
        shutil.rmtree(staging, ignore_errors=True)
        raise
    return [*names, *([] if shared else [SCHEMA_NAME]), EDITOR_SETTINGS.as_posix()]


def editor_settings(schema: str = SCHEMA_NAME) -> str:
    """VS Code settings for the scenario folder: the schema for every YAML file in it (Red Hat YAML)."""
    globs = ["*.yaml", "*.yml", "**/*.yaml", "**/*.yml"]
    key = schema if schema.startswith("../") else f"./{schema}"
    return json.dumps({"yaml.schemas": {key: globs}}, indent=2) + "\n"
