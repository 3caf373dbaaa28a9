"""Account for the CPU of a cold `policy trend`, in situ: the parent and each worker process.

Usage:
    python benchmarks/trend_accounting.py CORPUS [--profile DIR] [-j 2]

Runs `trend_documents` on CORPUS (an empty cache in a temporary folder) in this process, with
the worker function wrapped so that each worker reports, when it exits, its whole CPU time
(`resource.getrusage`, from the fork on) and the CPU spent inside the task function, and
the time by step inside that function (the analysis of a document: its load, cut and
formulations; what is left of the task is numbering the words), and in the collector. What a
worker spends outside the task function is receiving tasks and sending results (pickling, the
pipes) and its start. The parent's CPU is split into reading (until the last document is read)
and the rest (tables, followed phrases). With `--profile DIR`, each worker and the parent also
write a cProfile file there (slower: compare shares, not totals); with `--parent`, the parent
alone does, timed by CPU (the workers take off the profiler they inherit).
"""

from __future__ import annotations

import argparse
import cProfile
import gc
import json
import os
import resource
import sys
import tempfile
import time
from pathlib import Path
from typing import Any


def _cpu() -> float:
    r = resource.getrusage(resource.RUSAGE_SELF)
    return r.ru_utime + r.ru_stime


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("corpus", type=Path)
    parser.add_argument("--profile", type=Path)
    parser.add_argument("--parent", action="store_true", help="with --profile: the parent only")
    parser.add_argument("-j", "--workers", type=int, default=2)
    args = parser.parse_args(argv)

    import multiprocessing.util as mp_util

    import policy_cli.core.formulations as formulations_module
    import policy_cli.core.tokens as tokens_module
    from policy_cli.core import trend
    from policy_cli.core.trend import reading

    out_dir = Path(tempfile.mkdtemp(prefix="trend-accounting-"))
    steps: dict[str, float] = {}
    state: dict[str, Any] = {}
    original = reading.analyse_numbered
    original_document = reading._document
    original_segment = tokens_module.segment_document
    original_extract = formulations_module.extract_formulations

    def timed(name: str, fn: Any) -> Any:
        def wrapper(*a: Any, **k: Any) -> Any:
            t = time.process_time()
            try:
                return fn(*a, **k)
            finally:
                steps[name] = steps.get(name, 0.0) + time.process_time() - t

        return wrapper

    def collecting(phase: str, info: dict[str, int]) -> None:
        if phase == "start":
            state["gc_start"] = time.process_time()
        else:
            key = f"gc{info['generation']}"
            steps[key] = steps.get(key, 0.0) + time.process_time() - state["gc_start"]
            steps[key + " runs"] = steps.get(key + " runs", 0) + 1

    def dump() -> None:
        report = {
            "pid": os.getpid(),
            "cpu": _cpu(),
            "in_tasks": state["in_tasks"],
            "start": state["start"],
            "tasks": state["tasks"],
            "documents": state["documents"],
            "steps": steps,
        }
        (out_dir / f"{os.getpid()}.json").write_text(json.dumps(report))
        if state.get("profile") is not None:
            state["profile"].disable()
            state["profile"].dump_stats(str(args.profile / f"worker-{os.getpid()}.prof"))

    def analyse_numbered(task: Any, run: str) -> Any:
        if state.get("pid") != os.getpid():
            sys.setprofile(None)  # the parent's profiler, inherited by the fork
            state.clear()
            steps.clear()
            state.update(pid=os.getpid(), in_tasks=0.0, tasks=0, documents=0, start=_cpu())
            if args.profile is not None and not args.parent:
                state["profile"] = cProfile.Profile()
            mp_util.Finalize(None, dump, exitpriority=100)
            gc.callbacks.append(collecting)
        prof = state.get("profile")
        if prof is not None:
            prof.enable()
        t = time.process_time()
        try:
            return original(task, run)
        finally:
            spent = time.process_time() - t
            state["in_tasks"] += spent
            if state["tasks"] == 0:
                steps["first task"] = spent
            state["tasks"] += 1
            state["documents"] += len(task)
            if prof is not None:
                prof.disable()

    analyse_numbered.__module__ = original.__module__
    analyse_numbered.__qualname__ = original.__qualname__
    reading.analyse_numbered = analyse_numbered  # type: ignore[assignment]
    reading._document = timed("load", original_document)
    # the document's analysis (before the words are numbered), under the name of this tree
    name = next(n for n in ("_analyse_many", "_analyse", "analyse_document") if hasattr(reading, n))
    setattr(reading, name, timed("analysis", getattr(reading, name)))
    tokens_module.segment_document = timed("cut", original_segment)  # type: ignore[assignment]
    formulations_module.extract_formulations = timed("formulations", original_extract)  # type: ignore[assignment]

    parent_steps: dict[str, float] = {}
    original_result = trend._result

    def result(*a: Any, **k: Any) -> Any:
        parent_steps["reading"] = _cpu() - parent_steps["start"]
        t = _cpu()
        try:
            return original_result(*a, **k)
        finally:
            parent_steps["result"] = _cpu() - t

    trend._result = result  # type: ignore[assignment]
    parent_gc: dict[str, float] = {}

    def parent_collecting(phase: str, info: dict[str, int]) -> None:
        if os.getpid() != parent_pid:
            return
        if phase == "start":
            parent_gc["start"] = time.process_time()
        else:
            key = f"gc{info['generation']}"
            parent_gc[key] = parent_gc.get(key, 0.0) + time.process_time() - parent_gc["start"]

    parent_pid = os.getpid()
    gc.callbacks.append(parent_collecting)
    # (a profiler running in the parent while it forks confuses the workers' own)
    # (timed by CPU: the parent waits for its workers much of the time)
    prof = (
        cProfile.Profile(time.process_time) if args.profile is not None and args.parent else None
    )
    if args.profile is not None:
        args.profile.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory(prefix="trend-accounting-cache-") as cache:
        start_wall = time.perf_counter()
        parent_steps["start"] = _cpu()
        parent_steps["thread"] = time.thread_time()
        if prof is not None:
            prof.enable()
        trend.trend_documents([args.corpus], workers=args.workers, cache_root=Path(cache))
        if prof is not None:
            prof.disable()
            prof.dump_stats(str(args.profile / "parent.prof"))
        wall = time.perf_counter() - start_wall
    parent = _cpu() - parent_steps["start"]
    main_thread = time.thread_time() - parent_steps["thread"]
    children = resource.getrusage(resource.RUSAGE_CHILDREN)
    print(f"wall {wall:.1f} s, load {' '.join(f'{x:.2f}' for x in os.getloadavg())}")
    print(
        f"parent CPU {parent:.1f} s: reading {parent_steps['reading']:.1f} s,"
        f" after reading {parent_steps['result']:.1f} s; its main thread {main_thread:.1f} s, the"
        f" pool's threads (sending tasks, receiving results) {parent - main_thread:.1f} s"
    )
    print("parent collector: " + ", ".join(
        f"{k} {v:.2f} s" for k, v in sorted(parent_gc.items()) if k != "start"
    ))
    print(f"children CPU (rusage, all reaped) {children.ru_utime + children.ru_stime:.1f} s")
    for f in sorted(out_dir.glob("*.json")):
        r = json.loads(f.read_text())
        outside = r["cpu"] - r["in_tasks"]
        docs = max(1, r["documents"])
        step_text = ", ".join(
            f"{k} {v:.0f}" if k.endswith("runs") else f"{k} {v:.2f} s ({1e6 * v / docs:.0f} µs)"
            for k, v in sorted(r["steps"].items())
        )
        print(
            f"worker {r['pid']}: CPU {r['cpu']:.1f} s, in tasks {r['in_tasks']:.1f} s, outside"
            f" {outside:.1f} s (before its first task {r['start']:.2f} s); {r['tasks']} tasks, {r['documents']} documents"
            f" ({1e6 * r['in_tasks'] / docs:.0f} µs a document in tasks); {step_text}"
        )
    return 0


if __name__ == "__main__":
    sys.exit(main())
