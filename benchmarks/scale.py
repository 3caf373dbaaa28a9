"""Time `policy batch`, `policy trend` and one huge document, each in fresh processes (issue 16).

Three measurements, each run as the user runs it (a `policy` command in a fresh process):

- batch: the ten provincial reports of 2025 repeated to `--copies` x 10 documents (hard
  links in a temporary folder), `policy batch DIR -o rows.csv -j N`: documents per second,
  and the peak memory of the whole process tree (sum of the processes' proportional set sizes,
  sampled every 50 ms), and that every row is the row `policy summary --format csv` gives the
  same report;
- trend: `policy trend CORPUS` on the national news corpus (JSON lines, xz), cold (an empty
  cache) and warm (the same cache again);
- big: one document made of the first N characters of the news corpus (titles and texts, a
  line each), `policy summary FILE`, at 20 k characters and at N: wall time, peak memory, and
  the ratio of the two.

Wall time from `perf_counter` around the process; CPU time of the process and its children
(`os.wait4`); peak memory sampled from /proc. The machine's other load is printed with each
figure: compare within a run.

    python benchmarks/scale.py batch tests/data/docs/provinces-2025 --copies 100 -j 2
    python benchmarks/scale.py trend /work/shared/corpus/national-news-2012-2022.jsonl.xz
    python benchmarks/scale.py big /work/shared/corpus/national-news-2012-2022.jsonl.xz --chars 10000000
"""

from __future__ import annotations

import argparse
import csv
import io
import json
import lzma
import os
import shutil
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path

POLICY = [sys.executable, "-m", "policy_cli"]


def _tree(pid: int) -> list[int]:
    """The process and its descendants."""
    out, todo = [], [pid]
    while todo:
        p = todo.pop()
        out.append(p)
        try:
            children = Path(f"/proc/{p}/task/{p}/children").read_text().split()
        except OSError:
            continue
        todo.extend(int(c) for c in children)
    return out


def _pss(pid: int) -> int:
    try:
        for line in Path(f"/proc/{pid}/smaps_rollup").read_text().splitlines():
            if line.startswith("Pss:"):
                return int(line.split()[1]) * 1024
    except OSError:
        pass
    return 0


def timed(cmd: list[str], *, env: dict[str, str] | None = None) -> dict[str, float]:
    """Run a command; wall time, CPU time (itself and children) and peak memory of its tree."""
    peak = 0
    done = threading.Event()
    start = time.perf_counter()
    proc = subprocess.Popen(cmd, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, env=env)

    def sample() -> None:
        nonlocal peak
        while not done.is_set():
            peak = max(peak, sum(_pss(p) for p in _tree(proc.pid)))
            time.sleep(0.05)

    watcher = threading.Thread(target=sample, daemon=True)
    watcher.start()
    _, status, usage = os.wait4(proc.pid, 0)
    wall = time.perf_counter() - start
    done.set()
    watcher.join()
    err = proc.stderr.read().decode("utf-8", "replace") if proc.stderr else ""
    if os.waitstatus_to_exitcode(status) != 0:
        raise SystemExit(f"{' '.join(cmd)} failed:\n{err}")
    return {
        "wall": wall,
        "cpu": usage.ru_utime + usage.ru_stime,
        "peak_mib": peak / 2**20,
        "maxrss_mib": usage.ru_maxrss / 1024,
    }


def load() -> str:
    return " ".join(f"{x:.2f}" for x in os.getloadavg())


def bench_batch(folder: Path, copies: int, jobs: int) -> None:
    reports = sorted(folder.glob("*.txt"))
    with tempfile.TemporaryDirectory(prefix="policy-batch-") as tmp:
        corpus = Path(tmp) / "corpus"
        corpus.mkdir()
        for i in range(copies):
            for r in reports:
                os.link(r, corpus / f"{r.stem}-{i:04d}.txt")
        n = copies * len(reports)
        rows_file = Path(tmp) / "rows.csv"
        print(f"load average {load()}")
        t = timed([*POLICY, "batch", str(corpus), "-o", str(rows_file), "-j", str(jobs)])
        print(
            f"batch: {n} documents, -j {jobs}: {t['wall']:.1f} s wall, {n / t['wall']:.1f} documents/s,"
            f" CPU {t['cpu']:.1f} s, peak {t['peak_mib']:.0f} MiB (sum of PSS of the process tree)"
        )
        print(f"load average {load()}")
        rows = list(csv.DictReader(io.StringIO(rows_file.read_text(encoding="utf-8"))))
        expected = {}
        for r in reports:
            out = subprocess.run(
                [*POLICY, "summary", str(r), "-f", "csv"], capture_output=True, text=True, check=True
            ).stdout
            row = next(csv.DictReader(io.StringIO(out)))
            row.pop("source")
            expected[r.stem] = row
        same = 0
        for row in rows:
            stem = Path(row.pop("source")).stem.rsplit("-", 1)[0]
            error = row.pop("error")
            same += int(not error and row == expected[stem])
        print(f"rows equal to policy summary --format csv of the same report: {same} of {len(rows)}")


def bench_trend(corpus: Path) -> None:
    with tempfile.TemporaryDirectory(prefix="policy-trend-") as cache:
        env = dict(os.environ, POLICY_CLI_CACHE=cache)
        cmd = [*POLICY, "trend", str(corpus), "-f", "json", "-o", os.devnull]
        for label in ("cold", "warm", "warm"):
            print(f"load average {load()}")
            t = timed(cmd, env=env)
            print(
                f"trend {label}: {t['wall']:.1f} s wall, CPU {t['cpu']:.1f} s (with workers),"
                f" peak {t['peak_mib']:.0f} MiB"
            )
        size = sum(f.stat().st_size for f in Path(cache).rglob("*") if f.is_file())
        print(f"cache: {size / 2**20:.0f} MiB in {sum(1 for _ in Path(cache).rglob('*'))} file(s)")


def document(corpus: Path, chars: int) -> str:
    parts, size = [], 0
    with lzma.open(corpus, "rt", encoding="utf-8") as fh:
        for line in fh:
            r = json.loads(line)
            part = f"{r.get('title', '')}\n{r['content'].replace(chr(13), '')}\n"
            parts.append(part)
            size += len(part)
            if size >= chars:
                break
    return "".join(parts)[:chars]


def bench_big(corpus: Path, chars: int, command: str) -> None:
    with tempfile.TemporaryDirectory(prefix="policy-big-") as tmp:
        results = {}
        for n in (20_000, chars):
            path = Path(tmp) / f"doc-{n}.txt"
            path.write_text(document(corpus, n), encoding="utf-8")
            print(f"load average {load()}")
            t = timed([*POLICY, command, str(path), "-o", str(Path(tmp) / "out.txt")])
            results[n] = t
            print(
                f"{command}, {n:,} characters: {t['wall']:.1f} s wall, CPU {t['cpu']:.1f} s,"
                f" peak {t['peak_mib']:.0f} MiB"
            )
        small, big = results[20_000], results[chars]
        print(
            f"{chars:,} / 20,000 characters = {chars / 20_000:.0f}x the text:"
            f" {big['wall'] / small['wall']:.0f}x the wall time, {big['cpu'] / small['cpu']:.0f}x the CPU"
        )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    sub = parser.add_subparsers(dest="what", required=True)
    b = sub.add_parser("batch")
    b.add_argument("folder", type=Path)
    b.add_argument("--copies", type=int, default=100)
    b.add_argument("-j", "--jobs", type=int, default=2)
    t = sub.add_parser("trend")
    t.add_argument("corpus", type=Path)
    g = sub.add_parser("big")
    g.add_argument("corpus", type=Path)
    g.add_argument("--chars", type=int, default=10_000_000)
    g.add_argument("--command", default="summary", choices=("summary", "keywords"))
    args = parser.parse_args()
    if shutil.which("nproc"):
        print(f"cores: {os.cpu_count()}, usable {len(os.sched_getaffinity(0))}")
    if args.what == "batch":
        bench_batch(args.folder, args.copies, args.jobs)
    elif args.what == "trend":
        bench_trend(args.corpus)
    else:
        bench_big(args.corpus, args.chars, args.command)


if __name__ == "__main__":
    main()
