"""Issue 11, games lost: every game has its own identity and file; nothing writes over another game; two
processes never write one save unknowingly; every decision is saved."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest
from saves_helpers import FIXTURE, prefix

from game.engine import END_WEEK, Rules, legal
from game.saves import GameLock, SaveError, backup_path, list_saves, load_save, write_save
from game.saves.errors import LOCKED, OTHER_GAME
from game.tui.session import Session, find_autosave

# Names that all clean to one file name under the old one-file-per-name rule (blank and ".." to "player").
COLLIDING = ["a b", "a:b", "a/b", "a_b", "", "..", "player", " player ", "a\tb", "a\\b", "A B"]


def _play(session: Session, decisions: int) -> None:
    """Take the first legal decision `decisions` times (ending weeks when nothing else is legal)."""
    for _ in range(decisions):
        options = [d for d in legal(session.rules, session.state) if d != END_WEEK] or [END_WEEK]
        session.apply(options[0])


@pytest.fixture(autouse=True)
def _close_sessions():
    opened: list[Session] = []
    original = Session._claim

    def claim(self, path):
        original(self, path)
        opened.append(self)

    Session._claim = claim
    yield
    Session._claim = original
    for session in opened:
        session.close()


def test_names_that_clean_alike_each_keep_their_own_game(tmp_path: Path) -> None:
    sessions = []
    for number, name in enumerate(COLLIDING):
        session = Session.new(FIXTURE, 100 + number, name, "en", tmp_path)
        _play(session, 3 + number)
        sessions.append(session)
    paths = {s.save_path for s in sessions}
    assert len(paths) == len(COLLIDING)  # one file per game
    assert len({s.game_id for s in sessions}) == len(COLLIDING)
    for session in sessions:  # every game is still there, exactly as far as it was played
        loaded = load_save(session.save_path)
        assert loaded.game_id == session.game_id and loaded.seed == session.state.seed
        assert len(loaded.state.decisions) == len(session.state.decisions)
    assert len(list_saves(tmp_path)) == len(COLLIDING)


def test_starting_a_new_game_never_touches_another_game_of_the_same_name(tmp_path: Path) -> None:
    first = Session.new(FIXTURE, 1, "", "en", tmp_path)
    _play(first, 8)
    kept = first.save_path.read_bytes()
    second = Session.new(FIXTURE, 99, "", "en", tmp_path)  # `play --seed 99`, same (blank) name
    _play(second, 20)
    assert first.save_path.read_bytes() == kept and second.save_path != first.save_path
    assert not backup_path(first.save_path).exists() or load_save(backup_path(first.save_path)).seed == 1


@pytest.mark.parametrize("target", ["good", "backup-only"])
def test_a_write_onto_another_games_file_is_refused(tmp_path: Path, rules: Rules, midgame, target) -> None:
    path = tmp_path / "x.save.json"
    write_save(path, rules, midgame, player="x", lang="en", game_id="aaaaaaaaaaaa")
    write_save(path, rules, midgame, player="x", lang="en", game_id="aaaaaaaaaaaa")  # the same game: fine
    before = path.read_bytes()
    with pytest.raises(SaveError) as err:
        write_save(path, rules, prefix(rules, midgame, 3), player="y", lang="en", game_id="bbbbbbbbbbbb")
    assert err.value.code == OTHER_GAME and path.read_bytes() == before


def test_continuing_a_save_from_another_folder_writes_there_never_into_the_saves_folder(tmp_path: Path) -> None:
    saves, other = tmp_path / "saves", tmp_path / "other"
    mine = Session.new(FIXTURE, 5, "x", "en", saves)
    _play(mine, 6)
    mine.close()
    theirs = Session.new(FIXTURE, 6, "x", "en", other)
    _play(theirs, 4)
    theirs.close()
    # the same file name in both folders: the old `SAVES/x.save.json` case
    os.replace(mine.save_path, saves / "x.save.json")
    os.replace(theirs.save_path, other / "x.save.json")
    kept = (saves / "x.save.json").read_bytes()
    continued = Session.load(other / "x.save.json", saves)
    _play(continued, 3)
    assert continued.save_path == other / "x.save.json"
    assert (saves / "x.save.json").read_bytes() == kept
    assert len(load_save(other / "x.save.json").state.decisions) == 7


def test_every_decision_is_saved_as_it_is_made(tmp_path: Path) -> None:
    session = Session.new(FIXTURE, 7, "每步", "zh", tmp_path)
    while not session.state.ended:
        _play(session, 1)
        on_disk = load_save(session.save_path)
        assert on_disk.state.decisions == session.state.decisions and session.save_error == ""


def test_continue_picks_the_names_newest_unfinished_game_then_a_finished_one(tmp_path: Path) -> None:
    done = Session.new(FIXTURE, 3, "li", "en", tmp_path)
    while not done.state.ended:
        _play(done, 1)
    assert find_autosave(tmp_path, "li") == done.save_path  # only a finished game: it is the one
    playing = Session.new(FIXTURE, 4, "li", "en", tmp_path)
    _play(playing, 2)
    other = Session.new(FIXTURE, 5, "li ", "en", tmp_path)  # the same name typed with a space
    _play(other, 1)
    assert find_autosave(tmp_path, "li") == other.save_path
    assert find_autosave(tmp_path, "nobody") is None


HOLDER = textwrap.dedent("""
    import sys, time
    from game.saves import GameLock
    GameLock.acquire(sys.argv[1])
    print("locked", flush=True)
    time.sleep(120)
""")


def test_a_game_open_in_another_process_cannot_be_written_and_a_killed_holder_leaves_no_lock(
        tmp_path: Path, rules: Rules, midgame) -> None:
    path = tmp_path / "p.save.json"
    write_save(path, rules, midgame, player="p", lang="en")
    holder = subprocess.Popen([sys.executable, "-c", HOLDER, str(path)], stdout=subprocess.PIPE, text=True,
                              cwd=Path(__file__).resolve().parents[2])
    try:
        assert holder.stdout.readline().strip() == "locked"
        for attempt in (lambda: write_save(path, rules, midgame, player="p", lang="en"),
                        lambda: Session.load(path, tmp_path), lambda: GameLock.acquire(path)):
            with pytest.raises(SaveError) as err:
                attempt()
            assert err.value.code == LOCKED and f"process {holder.pid}" in str(err.value)
    finally:
        holder.send_signal(signal.SIGKILL)  # the process this test started
        holder.wait()
    write_save(path, rules, midgame, player="p", lang="en")  # the OS dropped the lock with the process
    session = Session.load(path, tmp_path)
    assert session.save_path == path


def test_one_process_holds_its_own_lock_once_and_releases_it(tmp_path: Path) -> None:
    path = tmp_path / "p.save.json"
    lock = GameLock.acquire(path)
    assert GameLock.acquire(path) is lock
    lock.release()
    assert not (tmp_path / ".p.save.json.lock").exists()
    GameLock.acquire(path).release()
