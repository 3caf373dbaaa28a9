"""Short flags mean one thing across commands: -n is --top wherever it exists, -k --kind,
-s --sort, -j --jobs (trend and batch, one option with one help text)."""

from __future__ import annotations

from collections import defaultdict

import typer.main

from policy_cli.cli import app

# the meaning of each short flag in every command that has it
MEANING = {
    "-f": "--format", "-o": "--output", "-e": "--encoding", "-h": "--help",
    "-n": "--top", "-k": "--kind", "-s": "--sort", "-m": "--method", "-t": "--terms",
    "-j": "--jobs",
}


def test_each_short_flag_means_one_long_option_everywhere():
    group = typer.main.get_command(app)
    seen: dict[str, set[str]] = defaultdict(set)
    for name, command in group.commands.items():  # type: ignore[attr-defined]
        for param in command.params:
            opts = getattr(param, "opts", [])
            shorts = [o for o in opts if o.startswith("-") and not o.startswith("--")]
            longs = [o for o in opts if o.startswith("--")]
            for short in shorts:
                seen[short].update(f"{long}" for long in longs)
                assert short in MEANING, (name, short, longs)
                assert MEANING[short] in longs, (name, short, longs)
    assert all(len(longs) == 1 for longs in seen.values()), dict(seen)
    assert {"-n", "-k", "-s"} <= set(seen)


def test_summary_and_diff_keep_their_long_options():
    from typer.testing import CliRunner

    runner = CliRunner()
    for command, option in (("summary", "--sentences"), ("summary", "--keywords"),
                            ("diff", "--sentences")):
        res = runner.invoke(app, [command, "--help"])
        assert res.exit_code == 0 and option in res.stdout
    res = runner.invoke(app, ["summary", "-n", "3", "x.txt"])
    assert res.exit_code == 2 and "-n" in res.stderr


def test_trend_and_batch_share_their_jobs_option():
    group = typer.main.get_command(app)
    helps = {
        name: next(p.help for p in command.params if "--jobs" in getattr(p, "opts", []))
        for name, command in group.commands.items()  # type: ignore[attr-defined]
        if any("--jobs" in getattr(p, "opts", []) for p in command.params)
    }
    assert set(helps) == {"trend", "batch"} and len(set(helps.values())) == 1
