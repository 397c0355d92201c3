"""The class folder a `grassroots serve` room writes to (plain Python, no web library).

Layout under the class folder (one folder may be shared by several serve hosts):

    players/<token>.json   who a browser session is: {"token", "name", "team", "joined"}
    saves/<token>/         that player's saves (one game identity per file, see docs/saves.md)
    records/               finished-game records, where `grassroots report` reads them
"""

from __future__ import annotations

import json
import os
import re
import secrets
import time
import unicodedata
from dataclasses import dataclass
from pathlib import Path

TOKEN_PATTERN = re.compile(r"^[A-Za-z0-9_-]{16,64}$")
MAX_NAME = 40  # characters of a name or a team kept


def clean_label(text: str) -> str:
    """A name or team as typed, without control/format characters (escapes, bidi overrides), trimmed to
    MAX_NAME characters; blank stays blank."""
    kept = "".join(ch for ch in text if unicodedata.category(ch)[0] != "C")
    return " ".join(kept.split())[:MAX_NAME]


@dataclass(frozen=True)
class Player:
    """One participant: a random token (their browser's cookie), a name and an optional team."""

    token: str
    name: str
    team: str = ""

    @property
    def label(self) -> str:
        """The player's name in the game and its record: `name (team)`, or the name alone."""
        return f"{self.name} ({self.team})" if self.team else self.name


class ClassFolder:
    """Players, saves and records of one room. Raises OSError when the folder cannot be made."""

    def __init__(self, root: Path) -> None:
        self.root = root
        for sub in ("players", "saves", "records"):
            (root / sub).mkdir(parents=True, exist_ok=True)

    @property
    def records(self) -> Path:
        return self.root / "records"

    def saves_of(self, token: str) -> Path:
        """The player's own saves folder (created)."""
        folder = self.root / "saves" / token
        folder.mkdir(parents=True, exist_ok=True)
        return folder

    def join(self, name: str, team: str = "") -> Player:
        """Register a new player; ValueError when the name is blank after cleaning."""
        name, team = clean_label(name), clean_label(team)
        if not name:
            raise ValueError("blank name")
        player = Player(secrets.token_urlsafe(18), name, team)
        path = self.root / "players" / f"{player.token}.json"
        temp = path.with_suffix(".tmp")
        temp.write_text(json.dumps({"token": player.token, "name": name, "team": team, "joined": time.time()},
                                   ensure_ascii=False), encoding="utf-8")
        os.replace(temp, path)
        return player

    def find(self, token: str | None) -> Player | None:
        """The player of a token, or None for a missing, malformed or unknown token."""
        if not token or not TOKEN_PATTERN.match(token):
            return None
        try:
            data = json.loads((self.root / "players" / f"{token}.json").read_text(encoding="utf-8"))
            return Player(token, clean_label(str(data["name"])), clean_label(str(data.get("team", ""))))
        except (OSError, ValueError, KeyError, TypeError):
            return None

    def players(self) -> list[Player]:
        """Every registered player, oldest first."""
        found = []
        for path in sorted((self.root / "players").glob("*.json"), key=lambda p: p.stat().st_mtime):
            player = self.find(path.stem)
            if player:
                found.append(player)
        return found

    def latest_save(self, token: str) -> Path | None:
        """The player's most recently written save file, or None before their first decision."""
        saves = [p for p in (self.root / "saves" / token).glob("*.save.json") if p.is_file()]
        return max(saves, key=lambda p: p.stat().st_mtime) if saves else None

    def progress(self, token: str) -> dict:
        """{"week", "decisions", "ended", "game", "variant"} from the player's latest save (a quick look at its
        snapshot, not a verified replay); {} before the first save or when it cannot be read."""
        path = self.latest_save(token)
        if path is None:
            return {}
        try:
            data = json.loads(path.read_text(encoding="utf-8"))
            snap = data.get("snapshot") or {}
            return {"week": int(snap.get("week", 0)), "decisions": int(snap.get("decisions", 0)),
                    "ended": bool(snap.get("ended")), "game": str(data.get("game") or ""),
                    "variant": str(data.get("variant") or "")}
        except (OSError, ValueError, TypeError, AttributeError):
            return {}

    def record_of(self, token: str) -> Path | None:
        """The finished-game record of the player's latest game, or None. Matched by game id; where a
        file has none, by the same player and the same decision log."""
        path = self.latest_save(token)
        try:
            save = json.loads(path.read_text(encoding="utf-8")) if path else None
        except (OSError, ValueError):
            save = None
        if not isinstance(save, dict):
            return None
        for path in sorted(self.records.glob("*.json"), key=lambda p: p.stat().st_mtime, reverse=True):
            try:
                record = json.loads(path.read_text(encoding="utf-8"))
            except (OSError, ValueError):
                continue
            if not isinstance(record, dict):
                continue
            if save.get("game") and record.get("game"):
                if record["game"] == save["game"]:
                    return path
            elif (record.get("player"), record.get("decisions")) == (save.get("player"), save.get("decisions")):
                return path
        return None
