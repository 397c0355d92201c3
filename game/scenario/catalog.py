"""Find scenarios: the shipped ones (checkout or installed package) and paths given by the user."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

DEFAULT_SCENARIO = "lianhe-town"


def shipped_root() -> Path:
    """The folder of shipped scenarios: inside the installed package, else the checkout's content/."""
    package = Path(__file__).resolve().parent.parent
    installed = package / "_content" / "scenarios"
    if installed.is_dir():
        return installed
    return package.parent / "content" / "scenarios"


@dataclass(frozen=True)
class ScenarioRef:
    """A scenario folder found on disk."""

    id: str
    path: Path


def shipped() -> list[ScenarioRef]:
    """Every shipped scenario folder that has a scenario.yaml."""
    root = shipped_root()
    if not root.is_dir():
        return []
    return [ScenarioRef(p.name, p) for p in sorted(root.iterdir()) if (p / "scenario.yaml").is_file()]


def scenario_titles(path: Path) -> dict[str, str]:
    """A scenario's title by language, read from its header alone ({} when it cannot be read).

    For lists of scenarios: this reads one small file with the safe reader and validates nothing, so
    it is cheap and never fails; loading the scenario is what reports its problems.
    """
    from game.scenario.sources import read_bytes
    from game.scenario.yamlread import read_yaml

    header = path / "scenario.yaml" if path.is_dir() else path
    raw = read_bytes(header)
    if isinstance(raw, OSError):
        return {}
    document, _ = read_yaml(raw, header.name)
    info = document.data.get("scenario") if document is not None else None
    title = info.get("title") if isinstance(info, dict) else None
    if isinstance(title, str) and title.strip():
        return {"zh": title, "en": title}
    if isinstance(title, dict):
        return {lang: text for lang, text in title.items() if lang in ("zh", "en") and isinstance(text, str) and text.strip()}
    return {}


class UnknownScenario(LookupError):
    """The name is neither a path nor a shipped scenario id."""


def resolve(name: str | None) -> Path:
    """A scenario path from a path or a shipped id (None means the default scenario)."""
    if name is None:
        name = DEFAULT_SCENARIO
    path = Path(name)
    if path.exists():
        return path
    for ref in shipped():
        if ref.id == name:
            return ref.path
    known = ", ".join(ref.id for ref in shipped()) or "none"
    raise UnknownScenario(f"no scenario '{name}' (not a path, and not a shipped scenario: {known})")
