"""Dump the formulations of the test documents and of news items, to diff before and after a change.

Usage:
    python benchmarks/formulation_identity.py CORPUS.jsonl.xz OUT.txt [--items 3000] [--docs DIR ...]

Every file of tests/data/docs (and its subfolders), examples and tests/data/formats is loaded
with `load_document` and its `formulations_of` written out whole (repr of each Formulation);
then `--items` news items, every n-th of the JSON-lines corpus so that all years are read, are
loaded as `policy trend` loads them (`corpus.iter_items` + `corpus.load_item`). A file that
cannot be loaded is written with its error. Run it on the base and on a branch and `diff`
the two outputs: an optimisation must leave them byte-identical.
"""

from __future__ import annotations

import argparse
import sys
import time
from collections.abc import Callable
from functools import partial
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
DOC_DIRS = ("tests/data/docs", "examples", "tests/data/formats")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("corpus", type=Path, help="national news JSON lines (.jsonl.xz)")
    parser.add_argument("out", type=Path)
    parser.add_argument("--items", type=int, default=3000)
    parser.add_argument("--total", type=int, default=56068, help="items in the corpus")
    args = parser.parse_args(argv)

    from policy_cli.api import formulations_of, load_document
    from policy_cli.core.corpus import iter_items, load_item
    from policy_cli.errors import PolicyCliError

    lines: list[str] = []

    def dump(label: str, load: Callable[[], Any]) -> None:
        lines.append(f"== {label}")
        try:
            lines.extend(repr(x) for x in formulations_of(load()))
        except PolicyCliError as exc:
            lines.append(f"error: {exc}")

    for d in DOC_DIRS:
        for f in sorted((ROOT / d).rglob("*")):
            if f.is_file():
                dump(str(f.relative_to(ROOT)), partial(load_document, f))
    step = max(1, args.total // args.items)
    t0 = time.perf_counter()
    n = 0
    for item in iter_items([args.corpus]):
        if item.index % step or n >= args.items:
            continue
        n += 1
        dump(f"{item.source}#{item.index}", partial(load_item, item))
    args.out.write_text("\n".join(lines) + "\n", encoding="utf-8")
    print(f"{len(lines)} lines, {n} items in {time.perf_counter() - t0:.1f} s", file=sys.stderr)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
