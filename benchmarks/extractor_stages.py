"""Time the formulation extractor on short texts, stage by stage, in one process.

Usage:
    python benchmarks/extractor_stages.py CORPUS.jsonl.xz [--items 3000] [--rounds 3] [--profile] [--cpu]

Reads every n-th item of the JSON-lines corpus (so all years are read), loads each as
`policy trend` does (`corpus.load_item`), segments it once, then runs the extractor's stages
`--rounds` times over all items with `time.perf_counter` (`--cpu`: `time.process_time`) around each stage (the best round
is reported, in µs an item), plus the load and the whole `extract_formulations` call with the
trend's options. `--profile` runs cProfile over one round of the whole extractor instead.
"""

from __future__ import annotations

import argparse
import cProfile
import pstats
import time
from collections import defaultdict
from pathlib import Path


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("corpus", type=Path)
    parser.add_argument("--items", type=int, default=3000)
    parser.add_argument("--total", type=int, default=56068)
    parser.add_argument("--rounds", type=int, default=3)
    parser.add_argument("--profile", action="store_true")
    parser.add_argument(
        "--cpu", action="store_true", help="CPU time of this process (time.process_time), not wall"
    )
    args = parser.parse_args(argv)
    clock = time.process_time if args.cpu else time.perf_counter

    from policy_cli.core.corpus import iter_items, load_item
    from policy_cli.core.formulations import FormulationOptions, extract_formulations
    from policy_cli.core.formulations.rank import rank_formulations
    from policy_cli.core.formulations.stages import STAGES
    from policy_cli.core.tokens import segment_document

    step = max(1, args.total // args.items)
    items = [it for it in iter_items([args.corpus]) if it.index % step == 0][: args.items]
    n = len(items)
    options = FormulationOptions(max_contexts=0)
    best: dict[str, float] = defaultdict(lambda: float("inf"))
    for _ in range(args.rounds):
        t = clock()
        docs = [load_item(it) for it in items]
        best["load"] = min(best["load"], clock() - t)
    segs = [segment_document(d, tags=False) for d in docs]
    extract_formulations(docs[0], options=options, segmentation=segs[0])  # warm the data
    if args.profile:
        prof = cProfile.Profile()
        prof.enable()
        for d, s in zip(docs, segs, strict=True):
            extract_formulations(d, options=options, segmentation=s)
        prof.disable()
        pstats.Stats(prof).sort_stats("tottime").print_stats(35)
        return 0
    for _ in range(args.rounds):
        t = clock()
        for d, s in zip(docs, segs, strict=True):
            extract_formulations(d, options=options, segmentation=s)
        best["extract_formulations"] = min(
            best["extract_formulations"], clock() - t
        )
        spent: dict[str, float] = defaultdict(float)
        for d, s in zip(docs, segs, strict=True):
            cands: list = []
            for stage in STAGES:
                t = clock()
                if stage.find is not None:
                    cands.extend(stage.find(d.text, options, s))
                elif stage.refine is not None:
                    cands = stage.refine(d.text, cands, options)
                else:
                    rank_formulations(d, cands, options, sort="first", seg=s)
                spent[stage.name] += clock() - t
        for name, v in spent.items():
            best[name] = min(best[name], v)
    for name, v in sorted(best.items(), key=lambda kv: -kv[1]):
        print(f"{name:22s} {v / n * 1e6:8.1f} µs an item")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
