"""Time the `policy` commands against a plain jieba script, side by side, in fresh processes.

For the founding example, a ~17k-char work report and the whole background corpus (1.35 M
chars), every run starts a fresh subprocess and records its wall time and peak memory
(the child's ru_maxrss from os.wait4). Each `policy` command is run right next to the plain
script (`jieba.analyse.extract_tags(text, topK=20)`) on the same input, so both see the same
machine load; the tables give medians over the runs and the ratio policy / plain script.
It also measures segmentation throughput over the background corpus (chars/s).

Standard library only; run it with the Python that has policy-cli installed:

    python benchmarks/run.py               # 5 runs of everything
    python benchmarks/run.py --runs 3 --quick
    python benchmarks/run.py --markdown    # the tables for benchmarks/README.md

A command that does not exist yet (no `policy CMD --help`) is skipped with a note.
"""

from __future__ import annotations

import argparse
import json
import lzma
import os
import platform
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
EXAMPLE = ROOT / "examples" / "yuhang-conference-2026.txt"
REPORT = ROOT / "examples" / "gwr-2022.txt"
REPORT_BEFORE = ROOT / "examples" / "gwr-2021.txt"
CORPUS = ROOT / "corpus" / "background.jsonl.xz"
TIMEOUT = 600.0  # seconds for one run of one command
BIG_RUNS = 3  # at most this many runs on the whole background corpus (tens of seconds each)
DIFF_VS_SUMMARY = 1.5  # issue 14: a diff of two reports <= 1.5x summary on the larger one

# The plain script every command is compared with: what a user would write without the tool.
PLAIN_SCRIPT = """\
import sys
import jieba, jieba.analyse
for path in sys.argv[1:]:
    text = open(path, encoding="utf-8").read()
    print(jieba.analyse.extract_tags(text, topK=20))
"""

# Segmentation throughput, measured in a child so that its imports do not pollute this process.
SEGMENT_SCRIPT = """\
import json, lzma, sys, time
which, corpus, runs = sys.argv[1], sys.argv[2], int(sys.argv[3])
with lzma.open(corpus, "rt", encoding="utf-8") as fh:
    texts = [json.loads(line)["content"] for line in fh if line.strip()]
if which == "jieba":
    import logging, jieba
    jieba.setLogLevel(logging.WARNING)
    tok = jieba.Tokenizer()
    tok.initialize()
    def work():
        return sum(len(tok.lcut(t, HMM=True)) for t in texts)
elif which == "rjieba":
    from policy_cli.core.segment import _rjieba_class
    tok = _rjieba_class()()
    def work():
        return sum(len(tok.cut(t, True)) for t in texts)
elif which == "policy-cut":
    from policy_cli.core.segment import default_segmenter
    seg = default_segmenter()
    def work():
        return sum(len(seg.cut(t)) for t in texts)
else:  # policy-segment: what every command does (normalised text, tagged words, Tokens)
    from policy_cli.core.loaders import load_text
    from policy_cli.core.tokens import segment_document
    docs = [load_text(t, source=str(i)) for i, t in enumerate(texts)]
    texts = [d.text for d in docs]
    def work():
        return sum(len(segment_document(d).tokens()) for d in docs)
times = []
for _ in range(runs):
    t = time.perf_counter()
    n = work()
    times.append(time.perf_counter() - t)
print(json.dumps({"chars": sum(map(len, texts)), "tokens": n, "times": times}))
"""


@dataclass
class Sample:
    """Wall times (s) and peak memories (KiB) of the runs of one command line."""

    walls: list[float] = field(default_factory=list)
    peaks: list[int] = field(default_factory=list)
    failures: list[str] = field(default_factory=list)

    @property
    def wall(self) -> float | None:
        return statistics.median(self.walls) if self.walls else None

    @property
    def peak_mib(self) -> float | None:
        return statistics.median(self.peaks) / 1024 if self.peaks else None


@dataclass
class Case:
    """One row: a policy command on an input, next to the plain script on the same input."""

    label: str
    input_label: str
    chars: int
    policy_argv: list[str]
    plain_files: list[str]
    policy: Sample = field(default_factory=Sample)
    plain: Sample = field(default_factory=Sample)
    target: str = ""
    max_runs: int = 0  # 0: as many as --runs

    def wall_ratio(self) -> float | None:
        if self.policy.wall is None or not self.plain.wall:
            return None
        return self.policy.wall / self.plain.wall

    def peak_ratio(self) -> float | None:
        if self.policy.peak_mib is None or not self.plain.peak_mib:
            return None
        return self.policy.peak_mib / self.plain.peak_mib


# The children's environment. Bytecode goes to a private cache (set by main) that the warm-up
# fills, as it is on a user's machine after the first run: without it, a checkout installed in
# editable mode under PYTHONDONTWRITEBYTECODE recompiles the whole package on every run.
CHILD_ENV = {k: v for k, v in os.environ.items() if k != "PYTHONDONTWRITEBYTECODE"}


def run_child(argv: list[str], *, timeout: float = TIMEOUT) -> tuple[float, int, int]:
    """Run argv in a fresh process; return (wall seconds, peak RSS in KiB, exit status).

    Output goes to /dev/null (the table renderer still runs: stdout is just not a tty).
    """
    start = time.perf_counter()
    proc = subprocess.Popen(
        argv,
        stdin=subprocess.DEVNULL,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
        env=CHILD_ENV,
    )
    if not hasattr(os, "wait4"):  # Windows: wall time only
        try:
            status = proc.wait(timeout=timeout)
        except subprocess.TimeoutExpired:
            proc.kill()
            proc.wait()
            return time.perf_counter() - start, 0, -9
        return time.perf_counter() - start, 0, status
    deadline = start + timeout
    while True:
        pid, status, usage = os.wait4(proc.pid, os.WNOHANG)
        if pid:
            break
        if time.perf_counter() > deadline:
            proc.kill()
            pid, status, usage = os.wait4(proc.pid, 0)
            proc.returncode = -9
            return time.perf_counter() - start, 0, -9
        time.sleep(0.002)
    wall = time.perf_counter() - start
    proc.returncode = os.waitstatus_to_exitcode(status)
    peak = usage.ru_maxrss // 1024 if sys.platform == "darwin" else usage.ru_maxrss  # KiB
    return wall, int(peak), proc.returncode


def measure(sample: Sample, argv: list[str]) -> None:
    """Run argv once and add its figures to sample (or note its failure)."""
    wall, peak, status = run_child(argv)
    if status == 0:
        sample.walls.append(wall)
        sample.peaks.append(peak)
    else:
        sample.failures.append("timeout" if status == -9 else f"exit {status}")


def policy_command() -> list[str]:
    """Return the argv prefix that runs `policy` as a user would (the console script)."""
    script = Path(sys.executable).with_name("policy")
    if script.exists():
        return [str(script)]
    found = shutil.which("policy")
    return [found] if found else [sys.executable, "-m", "policy_cli"]


def has_command(policy: list[str], name: str) -> bool:
    """Tell whether `policy NAME --help` works (the command exists in this checkout)."""
    return run_child([*policy, name, "--help"], timeout=60)[2] == 0


def write_background(tmp: Path) -> Path:
    """Join the background corpus `content` fields into one UTF-8 text file."""
    with lzma.open(CORPUS, "rt", encoding="utf-8") as fh:
        docs = [json.loads(line) for line in fh if line.strip()]
    path = tmp / "background-corpus.txt"
    path.write_text("\n".join(d["content"] for d in docs) + "\n", encoding="utf-8")
    return path


def chars_of(path: Path) -> int:
    return len(path.read_text(encoding="utf-8"))


def build_cases(policy: list[str], background: Path | None, notes: list[str]) -> list[Case]:
    """List the rows to measure, skipping commands this checkout does not have yet."""
    available = {}
    for name in ("summary", "keywords", "diff"):
        available[name] = has_command(policy, name)
        if not available[name]:
            notes.append(f"`policy {name}` does not exist in this checkout: skipped.")
    inputs = [("founding example", EXAMPLE), ("work report 2022", REPORT)]
    if background is not None:
        inputs.append(("background corpus", background))
    cases: list[Case] = []
    for label, path in inputs:
        n = chars_of(path)
        for name in ("summary", "keywords"):
            if available[name]:
                target = ""
                if path == REPORT:
                    target = "<= 0.5x wall, <= 1x peak" if name == "summary" else "<= 0.4x wall"
                cases.append(
                    Case(
                        name,
                        label,
                        n,
                        [*policy, name, str(path)],
                        [str(path)],
                        target=target,
                        max_runs=BIG_RUNS if path == background else 0,
                    )
                )
    if available["diff"]:
        n = chars_of(REPORT_BEFORE) + chars_of(REPORT)
        cases.append(
            Case(
                "diff",
                "work reports 2021 -> 2022",
                n,
                [*policy, "diff", str(REPORT_BEFORE), str(REPORT)],
                [str(REPORT_BEFORE), str(REPORT)],
                target=f"<= {DIFF_VS_SUMMARY}x summary wall",
            )
        )
    return cases


SEGMENT_PASSES = 2  # passes over the corpus per child process


def segment_throughput(runs: int) -> list[tuple[str, int, float, float, float]]:
    """Return (label, chars, median, lowest, highest chars/s) over the background corpus.

    The rows are measured in rounds (each round: a fresh process per row, cutting the corpus
    `SEGMENT_PASSES` times), so that every row sees the same drifts of machine load; the
    figures are over all the passes of all the rounds.

    The tokenizer is built before the clock starts: this is cutting speed, not start-up.
    A process's first pass also pays one-time costs (rjieba keeps a UTF-8 copy of each text).
    """
    rows = (
        ("policy-cut", "policy Segmenter.cut (rjieba + lexicon), document by document"),
        ("policy-segment", "policy segment_document (what commands use: tagged words, Tokens)"),
        ("rjieba", "rjieba Jieba.cut alone (no lexicon), for reference"),
        ("jieba", "plain jieba Tokenizer.lcut, document by document"),
    )
    times: dict[str, list[float]] = {which: [] for which, _ in rows}
    chars: dict[str, int] = {}
    failed: dict[str, str] = {}
    for round_ in range(runs):
        for which, _ in rows:
            if which in failed or (which == "jieba" and round_ >= 1):  # jieba: ~5 s a pass
                continue
            proc = subprocess.run(
                [sys.executable, "-c", SEGMENT_SCRIPT, which, str(CORPUS), str(SEGMENT_PASSES)],
                capture_output=True,
                text=True,
                timeout=TIMEOUT,
                env=CHILD_ENV,
            )
            if proc.returncode != 0:
                failed[which] = (proc.stderr.strip().splitlines() or ["?"])[-1]
                continue
            data = json.loads(proc.stdout.strip().splitlines()[-1])
            chars[which] = data["chars"]
            times[which] += data["times"]
    out = []
    for which, label in rows:
        if which in failed or not times[which]:
            out.append((f"{label} (failed: {failed.get(which, '?')})", 0, 0.0, 0.0, 0.0))
            continue
        n, ts = chars[which], times[which]
        out.append((label, n, n / statistics.median(ts), n / max(ts), n / min(ts)))
    return out


def trend_times(policy: list[str], runs: int, tmp: Path) -> list[list[str]]:
    """Time `policy trend` on the whole background corpus, cold (empty cache) and warm (issue 8)."""
    corpus = str(ROOT / "corpus" / "background.jsonl.xz")
    argv = [*policy, "trend", corpus, "--format", "json"]
    cold, warm = Sample(), Sample()
    warm_cache = tmp / "trend-warm"
    CHILD_ENV["POLICY_CLI_CACHE"] = str(warm_cache)
    run_child(argv)  # fills the warm cache
    for i in range(runs):
        CHILD_ENV["POLICY_CLI_CACHE"] = str(tmp / f"trend-cold-{i}")
        measure(cold, argv)
        CHILD_ENV["POLICY_CLI_CACHE"] = str(warm_cache)
        measure(warm, argv)
    CHILD_ENV.pop("POLICY_CLI_CACHE", None)
    rows = []
    for label, sample, limit in (("cold cache", cold, 10.0), ("warm cache", warm, 3.0)):
        wall = sample.wall
        verdict = "" if wall is None else ("ok" if wall <= limit else "MISSED")
        rows.append(
            [
                f"policy trend, background corpus (62 documents), {label}",
                fmt(wall, ".2f", " s"),
                fmt(sample.peak_mib, ".0f", " MiB"),
                f"<= {limit:.0f} s: {verdict}" if verdict else ", ".join(sample.failures),
            ]
        )
    return rows


def machine() -> dict[str, str]:
    """Describe the machine the figures come from."""
    cpu = platform.processor() or "?"
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                cpu = line.split(":", 1)[1].strip()
                break
    except OSError:
        pass
    try:
        from importlib.metadata import version

        versions = ", ".join(
            f"{p} {version(p)}" for p in ("policy-cli", "jieba", "rjieba", "typer")
        )
    except Exception:  # informational only
        versions = "?"
    load = " ".join(f"{x:.2f}" for x in os.getloadavg()) if hasattr(os, "getloadavg") else "?"
    return {
        "date": datetime.now(UTC).strftime("%Y-%m-%d %H:%M UTC"),
        "cores": str(os.cpu_count()),
        "cpu": cpu,
        "python": platform.python_version(),
        "os": f"{platform.system()} {platform.release()}",
        "packages": versions,
        "load": load,
    }


def fmt(value: float | None, spec: str, suffix: str = "") -> str:
    return "—" if value is None else f"{value:{spec}}{suffix}"


def rows_of(cases: list[Case], help_sample: Sample) -> list[list[str]]:
    """Turn measurements into table rows."""
    rows = []
    for c in cases:
        status = "".join(
            f" ({len(s.failures)} failed: {s.failures[0]})"
            for s in (c.policy, c.plain)
            if s.failures
        )
        rows.append(
            [
                f"policy {c.label}{status}",
                f"{c.input_label} ({c.chars:,} chars)",
                fmt(c.policy.wall, ".2f", " s"),
                fmt(c.plain.wall, ".2f", " s"),
                fmt(c.wall_ratio(), ".2f", "x"),
                fmt(c.policy.peak_mib, ".0f", " MiB"),
                fmt(c.plain.peak_mib, ".0f", " MiB"),
                fmt(c.peak_ratio(), ".2f", "x"),
                verdict(c, cases),
            ]
        )
    wall = help_sample.wall
    rows.append(
        [
            "policy --help",
            "—",
            fmt(wall, ".3f", " s"),
            "—",
            "—",
            fmt(help_sample.peak_mib, ".0f", " MiB"),
            "—",
            "—",
            "—" if wall is None else f"<= 0.15 s: {'ok' if wall <= 0.15 else 'MISSED'}",
        ]
    )
    return rows


def verdict(case: Case, cases: list[Case]) -> str:
    """Say whether a row meets its target (the targets are for the ~20k-char report).

    The diff of the 2021 and 2022 reports is held against `summary` of the 2022 report, the
    larger input a summary reads, measured in the same interleaved runs.
    """
    if not case.target:
        return ""
    if case.label == "diff":
        summary = next(
            (c for c in cases if c.label == "summary" and c.policy_argv[-1] == str(REPORT)), None
        )
        if summary is None or summary.policy.wall is None or case.policy.wall is None:
            return f"{case.target}: not measured"
        ratio = case.policy.wall / summary.policy.wall
        ok = ratio <= DIFF_VS_SUMMARY
        return f"{case.target}: {ratio:.2f}x, {'ok' if ok else 'MISSED'}"
    wall, peak = case.wall_ratio(), case.peak_ratio()
    if wall is None:
        return f"{case.target}: not measured"
    limit = 0.5 if case.label == "summary" else 0.4
    ok = wall <= limit and (case.label != "summary" or (peak is not None and peak <= 1.0))
    return f"{case.target}: {'ok' if ok else 'MISSED'}"


HEADERS = [
    "command",
    "input",
    "policy wall",
    "plain script wall",
    "wall ratio",
    "policy peak",
    "plain script peak",
    "peak ratio",
    "target",
]


def print_table(headers: list[str], rows: list[list[str]], markdown: bool) -> None:
    """Print rows as a markdown table or as aligned plain text."""
    if markdown:
        print("| " + " | ".join(headers) + " |")
        print("|" + "|".join(" --- " for _ in headers) + "|")
        for r in rows:
            print("| " + " | ".join(r) + " |")
        return
    widths = [max(len(h), *(len(r[i]) for r in rows)) for i, h in enumerate(headers)]
    print("  ".join(h.ljust(w) for h, w in zip(headers, widths, strict=True)))
    print("  ".join("-" * w for w in widths))
    for r in rows:
        print("  ".join(c.ljust(w) for c, w in zip(r, widths, strict=True)).rstrip())


def main(argv: list[str] | None = None) -> int:
    """Parse options, warm up, run every case `--runs` times (interleaved), print the tables."""
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--runs", type=int, default=5, help="runs per command (default 5)")
    parser.add_argument(
        "--quick",
        action="store_true",
        help="leave out the commands on the whole background corpus (segmentation is kept)",
    )
    parser.add_argument("--markdown", action="store_true", help="print markdown tables")
    args = parser.parse_args(argv)
    if args.runs < 1:
        parser.error("--runs must be at least 1")

    policy = policy_command()
    info = machine()
    notes: list[str] = []
    log = sys.stderr
    with tempfile.TemporaryDirectory(prefix="policy-bench-") as tmpdir:
        tmp = Path(tmpdir)
        CHILD_ENV["PYTHONPYCACHEPREFIX"] = str(tmp / "pycache")
        background = write_background(tmp)
        plain = tmp / "plain_extract_tags.py"
        plain.write_text(PLAIN_SCRIPT, encoding="utf-8")
        cases = build_cases(policy, None if args.quick else background, notes)

        # Warm-up, not timed: jieba writes its dictionary cache on first use, and the OS caches
        # the files; both sides then start equally warm.
        print(f"warming up ({len(cases)} cases)...", file=log)
        run_child([*policy, "--help"])
        for c in cases:
            run_child(c.policy_argv)
            run_child([sys.executable, str(plain), *c.plain_files])

        help_sample = Sample()
        for i in range(args.runs):
            print(f"run {i + 1}/{args.runs}...", file=log)
            measure(help_sample, [*policy, "--help"])
            for c in cases:  # interleaved: policy then plain script, same load for both
                if c.max_runs and i >= c.max_runs:
                    continue
                measure(c.policy, c.policy_argv)
                measure(c.plain, [sys.executable, str(plain), *c.plain_files])
        print("segmentation throughput...", file=log)
        seg = segment_throughput(args.runs)
        trend_rows: list[list[str]] = []
        if has_command(policy, "trend"):
            print("policy trend, cold and warm cache...", file=log)
            trend_rows = trend_times(policy, min(args.runs, BIG_RUNS), tmp)
        else:
            notes.append("policy trend is not in this checkout: not measured")
    info["load_end"] = (
        " ".join(f"{x:.2f}" for x in os.getloadavg()) if hasattr(os, "getloadavg") else "?"
    )

    print(
        f"Measured {info['date']} on {info['cores']} cores, {info['cpu']}, Python {info['python']}"
        f" ({info['os']}); {info['packages']}."
    )
    print(
        f"Medians of {args.runs} runs ({min(args.runs, BIG_RUNS)} on the background corpus),"
        f" each a fresh process; load average "
        f"{info['load']} at start, {info['load_end']} at end."
    )
    print()
    print_table(HEADERS, rows_of(cases, help_sample), args.markdown)
    print()
    print(
        f"Segmentation: {args.runs} rounds (jieba: 1), a fresh process per row and round,"
        f" {SEGMENT_PASSES} passes over the corpus each; median over the passes (range)."
    )
    print()
    seg_rows = [
        [
            label,
            f"{chars:,}",
            f"{rate / 1e6:.2f} M chars/s ({low / 1e6:.1f}–{high / 1e6:.1f})",
            ("" if not label.startswith("policy") else ("ok" if rate >= 10e6 else "MISSED"))
            if chars
            else "",
        ]
        for label, chars, rate, low, high in seg
    ]
    print_table(
        [
            "segmentation of the background corpus",
            "chars",
            "throughput: median (runs' range)",
            ">= 10 M chars/s",
        ],
        seg_rows,
        args.markdown,
    )
    if trend_rows:
        print()
        print_table(["command", "wall (median)", "peak", "target"], trend_rows, args.markdown)
    for note in notes:
        print(f"\nNote: {note}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
