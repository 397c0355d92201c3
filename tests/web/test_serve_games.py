"""Which game a browser session opens: the room's variant, seed and language for a new game, the player's own
save to continue, and a new game in the room's variant when their latest save was played in another one."""

from __future__ import annotations

import json

import pytest
from serve_kit import need_web_extra

need_web_extra()
from game.web.server import Room, ServeConfig  # noqa: E402


def room(tmp_path, variant: str) -> Room:
    return Room(ServeConfig(class_dir=tmp_path / "class", seed=7, lang="en", variant=variant))


def flag(argv: list[str], name: str) -> str | None:
    return argv[argv.index(name) + 1] if name in argv else None


def put_save(folder, token: str, variant: str) -> None:
    doc = {"kind": "save", "game": "g1", "snapshot": {"week": 3}, **({"variant": variant} if variant else {})}
    (folder.saves_of(token) / "Lin.g1.save.json").write_text(json.dumps(doc), encoding="utf-8")


@pytest.mark.parametrize("room_variant", ["", "seminar"])
def test_a_first_game_is_the_rooms(tmp_path, room_variant):
    here = room(tmp_path, room_variant)
    player = here.folder.join("Lin", "A")
    argv = here.child_argv(player)
    assert flag(argv, "--variant") == (room_variant or None)
    assert (flag(argv, "--seed"), flag(argv, "--lang"), flag(argv, "--name")) == ("7", "en", "Lin (A)")
    assert flag(argv, "--load") is None


@pytest.mark.parametrize("room_variant, saved_variant, continues", [
    ("", "", True), ("seminar", "seminar", True),    # the same variant: the player's game goes on
    ("seminar", "", False), ("", "seminar", False),  # another: a new game of the room's (the old save stays)
    ("seminar", "lab_all", False),
])
def test_a_returning_player_continues_only_a_game_of_the_rooms_variant(tmp_path, room_variant, saved_variant,
                                                                       continues):
    here = room(tmp_path, room_variant)
    player = here.folder.join("Lin", "A")
    put_save(here.folder, player.token, saved_variant)
    argv = here.child_argv(player)
    if continues:
        assert flag(argv, "--load") and flag(argv, "--variant") is None and flag(argv, "--seed") is None
    else:
        assert flag(argv, "--load") is None and flag(argv, "--variant") == (room_variant or None)
        assert flag(argv, "--seed") == "7"
