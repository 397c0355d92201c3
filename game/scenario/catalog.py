"""Find scenarios: one rule for what a scenario id or path means, the same in every command.

The rule (documented in docs/authoring.md and the README):

1. A name that looks like an id (lower-case letters, digits, `-` and `_`, starting with a letter) is
   looked up as a scenario folder `<root>/<id>/scenario.yaml` in the content roots, in this order:
   each `--content-dir DIR` (in the order given), each folder in `$GRASSROOTS_CONTENT_DIR` (separated
   like PATH), `./content/scenarios` of the current folder, the user content folder
   (`<user data folder>/scenarios`, see `user_root`), and the shipped scenarios. The first root that
   has the id wins; later ones with the same id are shadowed (`grassroots scenarios` shows them).
2. Anything else, and an id no root has, is a path relative to the current folder: a scenario folder,
   or one content file.
3. No name means the default scenario (`DEFAULT_SCENARIO`, looked up by rule 1).

A file inside a scenario folder (a folder above it has scenario.yaml) belongs to that scenario, so
`validate events/x.yaml` checks the file in its scenario's context (`locate`).
"""

from __future__ import annotations

import os
import re
from dataclasses import dataclass
from pathlib import Path
from typing import Iterable

DEFAULT_SCENARIO = "lianhe-town"
ENV_VAR = "GRASSROOTS_CONTENT_DIR"
ID_PATTERN = re.compile(r"[a-z][a-z0-9_-]{0,63}")  # the header's `scenario.id` pattern
HEADER = "scenario.yaml"
MAX_DEPTH = 6  # how far above a content file its scenario folder is looked for

_content_dirs: tuple[Path, ...] = ()


def use_content_dirs(dirs: Iterable[str | Path] | None) -> None:
    """Set the `--content-dir` folders of this command (searched before every other root)."""
    global _content_dirs
    _content_dirs = tuple(Path(d).expanduser() for d in dirs or ())


def shipped_root() -> Path:
    """The folder of shipped scenarios: inside the installed package, else the checkout's content/."""
    package = Path(__file__).resolve().parent.parent
    installed = package / "_content" / "scenarios"
    if installed.is_dir():
        return installed
    return package.parent / "content" / "scenarios"


def user_root() -> Path:
    """The user content folder: `scenarios` in the platform's user data folder (platformdirs), e.g.
    ~/.local/share/grassroots/scenarios on Linux. `grassroots new` writes there by default."""
    import platformdirs

    return Path(platformdirs.user_data_dir("grassroots", appauthor=False)) / "scenarios"


def working_root() -> Path:
    """`content/scenarios` under the current folder (a checkout, or an author's project folder)."""
    try:
        return Path.cwd() / "content" / "scenarios"
    except OSError:  # the current folder was removed: a relative path that finds nothing
        return Path("content") / "scenarios"


@dataclass(frozen=True)
class Root:
    """A folder whose sub-folders are scenarios, and why it is searched."""

    path: Path
    origin: str  # "--content-dir", "$GRASSROOTS_CONTENT_DIR", "content/scenarios", "user", "shipped"


def roots() -> list[Root]:
    """The content roots in search order (each folder once, under its first reason)."""
    env = [Path(p).expanduser() for p in os.environ.get(ENV_VAR, "").split(os.pathsep) if p.strip()]
    listed = [*(Root(p, "--content-dir") for p in _content_dirs), *(Root(p, f"${ENV_VAR}") for p in env),
              Root(working_root(), "content/scenarios"), Root(user_root(), "user"), Root(shipped_root(), "shipped")]
    shipped_key = _key(shipped_root())
    seen: set[str] = set()
    out = []
    for root in listed:
        key = _key(root.path)
        if key in seen:
            continue
        seen.add(key)
        out.append(Root(root.path, "shipped") if key == shipped_key else root)
    return out


def _key(path: Path) -> str:
    try:
        return str(path.resolve())
    except (OSError, RuntimeError):
        return str(path.absolute())


@dataclass(frozen=True)
class ScenarioRef:
    """A scenario folder found in a content root."""

    id: str
    path: Path
    origin: str = "shipped"
    shadowed_by: Path | None = None  # set when an earlier root has the same id


def _in_root(root: Root) -> list[ScenarioRef]:
    try:
        if not root.path.is_dir():
            return []
        folders = sorted(root.path.iterdir())
    except OSError:
        return []
    return [ScenarioRef(p.name, p, root.origin) for p in folders
            if ID_PATTERN.fullmatch(p.name) and _is_file(p / HEADER)]


def _is_file(path: Path) -> bool:
    try:
        return path.is_file()
    except OSError:
        return False


def all_found() -> list[ScenarioRef]:
    """Every scenario in every root, in search order; shadowed ones carry the folder that wins."""
    winner: dict[str, Path] = {}
    out = []
    for root in roots():
        for ref in _in_root(root):
            if ref.id in winner:
                out.append(ScenarioRef(ref.id, ref.path, ref.origin, winner[ref.id]))
            else:
                winner[ref.id] = ref.path
                out.append(ref)
    return out


def found() -> list[ScenarioRef]:
    """The scenarios an id can name (the first of each id): the default scenario first, then by id."""
    return default_first(sorted((ref for ref in all_found() if ref.shadowed_by is None), key=lambda ref: ref.id))


def default_first(refs: list[ScenarioRef]) -> list[ScenarioRef]:
    """`refs` in the same order, except that the default scenario (the one no name means) comes first.

    Every list a player chooses from (the new-game list, `grassroots scenarios`, serve's chooser) starts
    with the scenario the game opens when none is named, whatever the other ids sort before it.
    """
    return sorted(refs, key=lambda ref: not (ref.id == DEFAULT_SCENARIO and ref.shadowed_by is None))


def shipped() -> list[ScenarioRef]:
    """Every shipped scenario folder that has a scenario.yaml."""
    return _in_root(Root(shipped_root(), "shipped"))


def scenario_titles(path: Path) -> dict[str, str]:
    """A scenario's title by language, read from its header alone ({} when it cannot be read); for lists of
    scenarios: cheap, and never fails (see game/scenario/headers.py)."""
    from game.scenario.headers import read_header

    return read_header(path).titles


class UnknownScenario(LookupError):
    """The name is neither a scenario id found in a content root nor an existing path."""


def is_id(name: str) -> bool:
    """Whether `name` has the form of a scenario id (and so is looked up in the roots first)."""
    return ID_PATTERN.fullmatch(name) is not None


def find_id(name: str) -> ScenarioRef | None:
    """The scenario an id names (rule 1), or None."""
    if not is_id(name):
        return None
    return next((ref for ref in all_found() if ref.id == name and ref.shadowed_by is None), None)


def resolve(name: str | None) -> Path:
    """A scenario folder or content file from an id or a path (None: the default scenario).

    Raises UnknownScenario (with the roots searched) when the name is neither.
    """
    if name is None:
        name = DEFAULT_SCENARIO
    ref = find_id(name)
    if ref is not None:
        return ref.path
    path = Path(name).expanduser()
    try:
        if path.exists():
            return path
    except (OSError, ValueError):
        pass
    raise UnknownScenario(_unknown(name))


def _unknown(name: str) -> str:
    known = ", ".join(ref.id for ref in found()) or "none"
    if is_id(name):
        where = "; ".join(f"{root.path} ({root.origin})" for root in roots())
        return f"no scenario '{name}' (known ids: {known}; searched {where}; and no such file or folder)"
    return f"no such file or folder: {name}"


@dataclass(frozen=True)
class Target:
    """What to load for a name, and which file of it to report on (None: all of it)."""

    load: Path
    only: Path | None = None


def scenario_folder_of(file: Path) -> Path | None:
    """The scenario folder a content file lies in (the nearest folder above it with scenario.yaml)."""
    try:
        here = file.resolve().parent
    except (OSError, RuntimeError):
        return None
    for folder in [here, *here.parents][:MAX_DEPTH]:
        if _is_file(folder / HEADER):
            return folder
    return None


def locate(name: str) -> Target:
    """`resolve`, and for a content file inside a scenario folder, that folder with the file to report."""
    path = resolve(name)
    if path.is_file():
        folder = scenario_folder_of(path)
        if folder is not None:
            return Target(folder, path.resolve())
    return Target(path)
