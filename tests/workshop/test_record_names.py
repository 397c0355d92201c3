"""Where records land (play --records-dir, $GRASSROOTS_RECORDS_DIR) and names that never collide."""

from __future__ import annotations

import multiprocessing
from pathlib import Path

import pytest

from game.saves import record_path, records_dir, verify_record, write_game_record
from game.saves.paths import RECORDS_ENV_VAR

WRITERS = 12


def _write_same_game(folder: str, barrier, queue) -> None:
    """One player's process: the same name, seed and decisions as every other writer, at the same moment."""
    from workshop_kit import MINI

    from game.engine import Rules
    from game.scenario import load_scenario
    from game.sim.runner import play

    rules = Rules(load_scenario(MINI))
    state = play(rules, "balanced", 11, "same")
    barrier.wait(timeout=60)
    path = record_path(Path(folder), "张三", rules, state)
    write_game_record(path, rules, state, player="张三", lang="zh")
    queue.put(str(path))


def test_concurrent_writers_of_the_same_game_never_collide(tmp_path: Path) -> None:
    context = multiprocessing.get_context("fork")
    barrier, queue = context.Barrier(WRITERS), context.Queue()
    workers = [context.Process(target=_write_same_game, args=(str(tmp_path), barrier, queue)) for _ in range(WRITERS)]
    for worker in workers:
        worker.start()
    for worker in workers:
        worker.join(timeout=120)
    assert [w.exitcode for w in workers] == [0] * WRITERS
    names = {queue.get(timeout=10) for _ in range(WRITERS)}
    files = sorted((tmp_path / "records").glob("*.record.json"))
    assert len(names) == len(files) == WRITERS
    for path in files:
        assert verify_record(path).player == "张三"


def test_names_differ_within_one_process_too(tmp_path: Path) -> None:
    from workshop_kit import MINI

    from game.engine import Rules
    from game.scenario import load_scenario
    from game.sim.runner import play

    rules = Rules(load_scenario(MINI))
    state = play(rules, "trace", 4, "x")
    names = {record_path(tmp_path, "p", rules, state).name for _ in range(200)}
    assert len(names) == 200
    long = record_path(tmp_path, "名" * 200, rules, state).name
    assert len(long.encode("utf-8")) < 255


def test_the_records_folder_precedence(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    saves = tmp_path / "saves"
    assert records_dir(saves) == saves / "records"
    monkeypatch.setenv(RECORDS_ENV_VAR, str(tmp_path / "room"))
    assert records_dir(saves) == tmp_path / "room" and (tmp_path / "room").is_dir()
    assert records_dir(saves, tmp_path / "mine") == tmp_path / "mine"


def test_play_records_dir_is_checked_before_the_game_and_handed_on(tmp_path: Path,
                                                                    monkeypatch: pytest.MonkeyPatch) -> None:
    from game.cli import cmd_play
    from game.cli.main import UsageError

    monkeypatch.delenv(RECORDS_ENV_VAR, raising=False)
    cmd_play._use_records_dir(str(tmp_path / "class"))
    import os

    assert os.environ[RECORDS_ENV_VAR] == str((tmp_path / "class").resolve())
    blocker = tmp_path / "file"
    blocker.write_text("x", encoding="utf-8")
    with pytest.raises(UsageError, match="cannot create the records folder"):
        cmd_play._use_records_dir(str(blocker / "sub"))


def test_simulations_of_different_seeds_into_one_folder_keep_every_record(tmp_path: Path) -> None:
    from workshop_kit import MINI, simulate_records

    simulate_records(tmp_path, MINI, 2, seed=1)
    both = simulate_records(tmp_path, MINI, 2, seed=2)
    assert len(both) == 20


def test_a_played_game_writes_its_record_into_the_rooms_folder(tmp_path: Path,
                                                                monkeypatch: pytest.MonkeyPatch) -> None:
    """What `play --records-dir` hands the game: the session's record lands in the shared folder."""
    from workshop_kit import MINI

    from game.engine import apply, legal
    from game.tui.session import Session

    monkeypatch.setenv(RECORDS_ENV_VAR, str(tmp_path / "room"))
    session = Session.new(MINI, 9, "李四", "zh", tmp_path / "saves")
    while not session.state.ended:
        session.state, _ = apply(session.rules, session.state, legal(session.rules, session.state)[-1])
    path = session.write_record()
    assert path.parent == tmp_path / "room"
    assert verify_record(path).player == "李四"
