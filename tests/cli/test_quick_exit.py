"""A one-document command ends its process at once (no teardown), with the same output."""

from __future__ import annotations

import subprocess
import sys

import pytest

from policy_cli.cli import QUICK_EXIT_COMMANDS, run
from tests.conftest import DOCS, FOUNDING

USUAL = "import sys; sys.argv = ['policy', *sys.argv[1:]]; from policy_cli.cli import main; main()"


def _both(*args: str, cwd: str) -> tuple[subprocess.CompletedProcess, subprocess.CompletedProcess]:
    quick = subprocess.run(
        [sys.executable, "-m", "policy_cli", *args], capture_output=True, cwd=cwd, check=False
    )
    usual = subprocess.run(
        [sys.executable, "-c", USUAL, *args], capture_output=True, cwd=cwd, check=False
    )
    return quick, usual


@pytest.mark.parametrize(
    "args",
    [
        ("summary", str(DOCS / "gwr-2022.txt")),
        ("keywords", str(FOUNDING), "--format", "json"),
        ("slogans", str(DOCS / "local-baotou-2022.txt"), "--format", "csv"),
        ("diff", str(DOCS / "gwr-2021.txt"), str(DOCS / "gwr-2022.txt")),
        ("summary", "/no/such/file.txt"),  # exit 3, a message on stderr
        ("keywords", str(FOUNDING), "--top", "-3"),  # exit 2
    ],
)
def test_a_quick_exit_writes_what_the_usual_exit_writes(args, tmp_path):
    assert args[0] in QUICK_EXIT_COMMANDS
    quick, usual = _both(*args, cwd=str(tmp_path))
    assert quick.returncode == usual.returncode
    assert quick.stdout == usual.stdout
    assert quick.stderr == usual.stderr
    assert quick.stdout or quick.returncode


def test_a_quick_exit_writes_the_output_file_whole_and_runs_exit_handlers(tmp_path):
    code = (
        "import atexit, sys\n"
        "atexit.register(lambda: print('handler ran', file=sys.stderr))\n"
        f"sys.argv = ['policy', 'summary', {str(FOUNDING)!r}, '-o', 'brief.md']\n"
        "from policy_cli.cli import run\n"
        "run()\n"
        "print('not reached', file=sys.stderr)\n"
    )
    done = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, cwd=tmp_path, check=False
    )
    assert done.returncode == 0, done.stderr
    assert "handler ran" in done.stderr and "not reached" not in done.stderr
    usual = subprocess.run(
        [sys.executable, "-c", USUAL, "summary", str(FOUNDING), "-o", "usual.md"],
        capture_output=True, cwd=tmp_path, check=False,
    )  # fmt: skip
    assert usual.returncode == 0
    assert (tmp_path / "brief.md").read_bytes() == (tmp_path / "usual.md").read_bytes()


def test_other_commands_end_the_usual_way(monkeypatch, capsys):
    assert not {"batch", "trend"} & QUICK_EXIT_COMMANDS
    monkeypatch.setattr(sys, "argv", ["policy", "--help"])
    with pytest.raises(SystemExit) as ended:  # raised here: the process goes on
        run()
    assert ended.value.code == 0
    assert "summary" in capsys.readouterr().out


def test_a_profiled_run_ends_the_usual_way_and_writes_its_profile(tmp_path):
    # cProfile (and coverage) write their report in the teardown that a quick exit skips
    profile = tmp_path / "keywords.prof"
    done = subprocess.run(
        [sys.executable, "-m", "cProfile", "-o", str(profile), "-m", "policy_cli", "keywords",
         str(FOUNDING)],
        capture_output=True, cwd=str(tmp_path), check=False,
    )
    assert done.returncode == 0 and "实干争先" in done.stdout.decode()
    assert profile.stat().st_size > 0
