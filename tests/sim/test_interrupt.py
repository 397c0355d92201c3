"""Issue 11: one Ctrl+C stops `simulate` with several workers: one line, exit 130, no traceback, and no
process of its group left."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
FIXTURE = ROOT / "tests" / "fixtures" / "scenarios" / "mini-town"


def _group_alive(pgid: int) -> bool:
    try:
        os.killpg(pgid, 0)  # signal 0 only asks whether the group (this test's own child's) exists
    except ProcessLookupError:
        return False
    return True


@pytest.mark.skipif(not Path("/proc").is_dir(), reason="process groups, and /proc to see the workers")
@pytest.mark.parametrize("jobs", [2, 3])
def test_one_ctrl_c_stops_every_worker(jobs: int) -> None:
    # The terminal sends Ctrl+C to the whole foreground group: the test makes the command a group of its
    # own (so it only ever signals what it started) and sends SIGINT to that group.
    child = subprocess.Popen(
        [sys.executable, "-m", "game", "simulate", str(FIXTURE), "--runs", "200000", "--jobs", str(jobs)],
        cwd=ROOT, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, start_new_session=True,
        preexec_fn=lambda: signal.signal(signal.SIGINT, signal.SIG_DFL))
    try:
        deadline = time.monotonic() + 60
        while len(_children(child.pid)) < jobs and time.monotonic() < deadline:  # the workers are at work
            time.sleep(0.05)
        assert len(_children(child.pid)) >= jobs
        os.killpg(child.pid, signal.SIGINT)
        out, err = child.communicate(timeout=30)  # a guard against a hang, not a measurement
        assert child.returncode == 130
        assert err == "grassroots: interrupted\n", err
        # the workers are gone once the command has exited; on a loaded machine the last one may still be on its
        # way out for a moment, so the group gets a few seconds (a guard against a leftover, not a measurement)
        deadline = time.monotonic() + 5
        while _group_alive(child.pid) and time.monotonic() < deadline:
            time.sleep(0.05)
        assert not _group_alive(child.pid)
    finally:  # whatever failed above, nothing of this test's own group outlives it
        if child.poll() is None or _group_alive(child.pid):
            os.killpg(child.pid, signal.SIGKILL)
            child.wait()


def _children(pid: int) -> list[int]:
    """The live children of `pid` (from /proc; empty where there is none)."""
    found = []
    for entry in Path("/proc").iterdir():
        if entry.name.isdigit():
            try:
                fields = (entry / "stat").read_text().rsplit(")", 1)[1].split()
            except OSError:
                continue
            if int(fields[1]) == pid and fields[0] != "Z":
                found.append(int(entry.name))
    return found
