"""Save file names are safe whatever the player types; the saves folder is found in a fixed order."""

from __future__ import annotations

from pathlib import Path

import pytest

import game.saves.paths as paths
from game.saves import SaveError, autosave_path, save_name, saves_dir


@pytest.mark.parametrize(("player", "expected"), [
    ("张三", "张三"),
    ("Li Wei", "Li_Wei"),
    ("../../etc/passwd", "etc_passwd"),
    ("..\\..\\windows\\system32", "windows_system32"),
    ("/absolute/path", "absolute_path"),
    ("", "player"),
    ("   ", "player"),
    ("...", "player"),
    ("\x00\x01\x1b[31m", "[31m"),
    ("a/b\\c:d*e?f\"g<h>i|j", "a_b_c_d_e_f_g_h_i_j"),
    ("tab\there\nnewline", "tab_here_newline"),
    ("zero\u200bwidth\u202eRTL", "zerowidthRTL"),
    ("CON", "_CON"),
    ("con", "_con"),
    ("NUL", "_NUL"),
    ("nul.txt", "_nul.txt"),
    ("COM1", "_COM1"),
    ("LPT9", "_LPT9"),
    ("AUX ", "_AUX"),
    ("CONSOLE", "CONSOLE"),
    ("bot:random", "bot_random"),
    ("name.", "name"),
    ("e\u0301", "\u00e9"),  # one normal form, so the same name always gives the same file
])
def test_save_name(player: str, expected: str) -> None:
    assert save_name(player) == expected


def test_save_name_is_length_limited_and_never_a_path() -> None:
    assert len(save_name("x" * 1000)) == paths.MAX_NAME_CHARS
    long_cjk = save_name("张" * 1000)
    assert len(long_cjk.encode("utf-8")) <= paths.MAX_NAME_BYTES and set(long_cjk) == {"张"}
    for nasty in ("../" * 50, "a/../../b", "\\\\server\\share", "C:\\Windows", "~/x", "..", "."):
        name = save_name(nasty)
        assert "/" not in name and "\\" not in name and not name.startswith(".") and ":" not in name
        assert Path(name).name == name and name not in ("", ".", "..")


def test_autosave_path_stays_in_its_folder(tmp_path: Path) -> None:
    assert autosave_path(tmp_path, "../../etc/passwd") == tmp_path / "etc_passwd.save.json"
    assert autosave_path(tmp_path, "张三").parent == tmp_path


def test_saves_dir_override_beats_everything(tmp_path: Path, monkeypatch) -> None:
    monkeypatch.setenv("GRASSROOTS_SAVES_DIR", str(tmp_path / "from-env"))
    folder = saves_dir(tmp_path / "given" / "deeper")
    assert folder == tmp_path / "given" / "deeper" and folder.is_dir()
    assert not (tmp_path / "from-env").exists()
    assert saves_dir(str(tmp_path / "as-text")) == tmp_path / "as-text"


def test_saves_dir_env_var_beats_the_checkout(tmp_path: Path, monkeypatch) -> None:
    monkeypatch.setenv("GRASSROOTS_SAVES_DIR", str(tmp_path / "from-env"))
    monkeypatch.setattr(paths, "checkout_root", lambda: tmp_path / "checkout")
    assert saves_dir() == tmp_path / "from-env" and (tmp_path / "from-env").is_dir()


def test_saves_dir_in_a_checkout(tmp_path: Path, monkeypatch) -> None:
    monkeypatch.delenv("GRASSROOTS_SAVES_DIR", raising=False)
    checkout = tmp_path / "checkout"
    (checkout / "game").mkdir(parents=True)
    (checkout / "pyproject.toml").write_text("[project]\n")
    assert paths.checkout_root(checkout / "game") == checkout
    monkeypatch.setattr(paths, "checkout_root", lambda: checkout)
    assert saves_dir() == checkout / "saves" and (checkout / "saves").is_dir()


def test_this_repository_is_a_checkout() -> None:
    root = Path(__file__).resolve().parents[2]
    assert paths.checkout_root() == root


def test_saves_dir_outside_a_checkout_uses_the_user_data_folder(tmp_path: Path, monkeypatch) -> None:
    monkeypatch.setenv("GRASSROOTS_SAVES_DIR", "")  # empty means unset
    installed = tmp_path / "site-packages" / "game"
    installed.mkdir(parents=True)
    assert paths.checkout_root(installed) is None
    monkeypatch.setattr(paths, "checkout_root", lambda: None)
    import platformdirs

    monkeypatch.setattr(platformdirs, "user_data_dir", lambda name, appauthor=None: str(tmp_path / "data" / name))
    assert saves_dir() == tmp_path / "data" / "grassroots"


def test_saves_dir_that_cannot_be_created(tmp_path: Path) -> None:
    blocker = tmp_path / "file"
    blocker.write_text("a file, not a folder")
    with pytest.raises(SaveError) as err:
        saves_dir(blocker / "saves")
    assert "cannot create the saves folder" in str(err.value) and "--saves-dir" in str(err.value)
