"""Time the analyses on one long line of real text at n, 2n and 4n characters (issue 20).

A cost linear in the text doubles from n to 2n; one that grows with its square quadruples.
The text is the corpus's content joined without a newline (national evening news: many
distinct names and quoted phrases, which is what made the per-find scans quadratic). CPU
time of each stage, in this process, best of `--runs`.

    python benchmarks/linearity.py /work/shared/corpus/national-news-2012-2022.jsonl.xz
    python benchmarks/linearity.py corpus/background.jsonl --sizes 200000,400000,800000

`--shapes` times the formulation extractor instead on generated texts of adversarial but
plausible shapes (a table, a list or generated text in a user's file; issue 16): one quoted
motto repeated as a list, a quoted name repeated with other text between, thousands of distinct
quoted names, a long run of clauses of equal length, a long line without a sentence end,
thousands of numbered items, a run of one character, and the lists that were superlinear
(quoted codes, quoted and unquoted sets, battle heads). Each shape at each size (default 20 k
and 80 k characters: a linear cost gives a ratio near 4), `--stages` adds the stage that took
longest at the largest size, `--limit` stops a shape that took longer than that at one size.
No corpus needed (the long line is made of a test document). Figures: benchmarks/README.md.

    python benchmarks/linearity.py --shapes
    python benchmarks/linearity.py --shapes --sizes 10000,20000,40000,80000 --stages
"""

from __future__ import annotations

import argparse
import json
import lzma
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any


def long_line(corpus: Path, chars: int) -> str:
    """The corpus's `content` fields joined into one line of at least `chars` characters."""
    opener: Any = lzma.open if corpus.name.endswith(".xz") else open
    parts: list[str] = []
    size = 0
    with opener(corpus, "rt", encoding="utf-8") as fh:
        for line in fh:
            content = json.loads(line).get("content") or ""
            content = content.replace("\r", "").replace("\n", "")
            parts.append(content)
            size += len(content)
            if size >= chars:
                break
    return "".join(parts)[:chars]


ROOT = Path(__file__).resolve().parent.parent
REPORT = ROOT / "tests" / "data" / "docs" / "gwr-2022.txt"
# short words to vary the generated clauses and names by (the generator needs no data file)
_CHARS = "发展改革创新开放协调绿色共享安全稳定民生就业教育医疗住房交通能源科技人才文化生态乡村城市"
_WORDS = tuple(_CHARS[i : i + 2] for i in range(0, len(_CHARS), 2))
_NUMERALS = "零一二三四五六七八九"


def _cn_number(n: int) -> str:
    """1..9999 written out (一, 十二, 一百零五, 三千二百一十): the numbers of long item lists."""
    digits = [int(d) for d in str(n)]
    out = ""
    for i, d in enumerate(digits):
        place = len(digits) - 1 - i
        if d:
            out += _NUMERALS[d] + ("", "十", "百", "千")[place]
        elif out and not out.endswith("零") and any(digits[i:]):
            out += "零"
    out = out.rstrip("零")
    return out[1:] if out.startswith("一十") else out


def _word(i: int, width: int = 1, pool: tuple[str, ...] | str = _WORDS) -> str:
    """The i-th combination of `width` words of the pool (distinct for distinct i)."""
    parts = []
    for _ in range(width):
        i, r = divmod(i, len(pool))
        parts.append(pool[r])
    return "".join(parts)


def _repeat(piece: Callable[[int], str], chars: int) -> str:
    parts: list[str] = []
    size = i = 0
    while size < chars:
        parts.append(piece(i))
        size += len(parts[-1])
        i += 1
    return "".join(parts)[:chars]


def shapes(chars: int) -> dict[str, str]:
    """Texts of `chars` characters in each adversarial shape, by name."""
    report = REPORT.read_text(encoding="utf-8")
    one_line = report.replace("\n", "").replace("。", "，").replace("；", "，")
    return {
        "quoted motto list": _repeat(lambda i: "“推动高质量发展”、", chars),
        "quoted list, varied": _repeat(lambda i: f"“推进{_word(i)}建设”、", chars),
        "quoted code list": _repeat(lambda i: f"“{i % 9 + 1}+{i % 7 + 1}”、", chars),
        "quoted set list": _repeat(lambda i: "“两个确立”、", chars),
        "counted list": _repeat(lambda i: "两个确立、", chars),
        "battle list": _repeat(lambda i: "三大攻坚战、", chars),
        "quoted name + text": _repeat(lambda i: "深化“放管服”改革，优化营商环境，", chars),
        "distinct quoted names": _repeat(lambda i: f"实施“{_word(i, 2)}”工程，", chars),
        "equal clauses (、)": _repeat(lambda i: f"稳{_word(i, 1, _CHARS)}价、", chars),
        "equal clauses (，)": _repeat(lambda i: f"加快{_word(i)}，", chars),
        "line without an end": _repeat(lambda i: one_line, chars),
        "numbered 一是…": _repeat(
            lambda i: f"{_cn_number(i % 9999 + 1)}是加强{_word(i)}建设，", chars
        ),
        "numbered （一）…": _repeat(
            lambda i: f"（{_cn_number(i % 9999 + 1)}）推进{_word(i)}工作。", chars
        ),
        "one character": "发" * chars,
    }


def time_shapes(sizes: list[int], runs: int, stages: bool, limit: float) -> None:
    """Print the CPU time of extract_formulations on each shape at each size, and the ratio.

    A shape that took more than `limit` seconds at one size is not run at the larger ones."""
    from policy_cli.core import loaders
    from policy_cli.core.formulations import FormulationOptions, extract_formulations
    from policy_cli.core.formulations.rank import rank_formulations
    from policy_cli.core.formulations.stages import STAGES
    from policy_cli.core.segment import default_segmenter
    from policy_cli.core.tokens import segment_document

    default_segmenter()
    extract_formulations(loaders.build_document(shapes(200)["quoted motto list"]))  # load data
    texts = {n: shapes(n) for n in sizes}
    print(f"{'shape':24s}" + "".join(f"{n:>10,}" for n in sizes) + "   last/first  slowest stage")
    for name in texts[sizes[0]]:
        row: list[float] = []
        for n in sizes:
            if row and row[-1] > limit:
                break
            doc = loaders.build_document(texts[n][name])
            best = float("inf")
            for _ in range(runs):
                started = time.process_time()
                extract_formulations(doc)
                best = min(best, time.process_time() - started)
            row.append(best)
        ratio = row[-1] / max(row[0], 1e-6) if len(row) == len(sizes) else float("nan")
        cells = [f"{t:9.2f}s" for t in row] + [f"{'(> limit)':>10s}"] * (len(sizes) - len(row))
        slowest = ""
        if stages and len(row) == len(sizes):
            doc = loaders.build_document(texts[sizes[-1]][name])
            seg = segment_document(doc, tags=False)
            options = FormulationOptions()
            spent: dict[str, float] = {}
            cands: list[Any] = []
            for stage in STAGES:
                started = time.process_time()
                if stage.find is not None:
                    cands.extend(stage.find(doc.text, options, seg))
                elif stage.refine is not None:
                    cands = stage.refine(doc.text, cands, options)
                else:
                    rank_formulations(doc, cands, options, sort="first", seg=seg)
                spent[stage.name] = time.process_time() - started
            top = max(spent, key=lambda k: spent[k])
            slowest = f"  {top} {spent[top]:.2f}s"
        print(
            f"{name:24s}" + "".join(cells) + f"   {ratio:9.1f}x" + slowest,
            flush=True,
        )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument(
        "corpus", type=Path, nargs="?", help="a JSON-lines corpus (.jsonl or .jsonl.xz)"
    )
    parser.add_argument("--sizes", help="characters, comma-separated")
    parser.add_argument("--runs", type=int, default=2)
    parser.add_argument("--shapes", action="store_true", help="time generated adversarial shapes")
    parser.add_argument("--stages", action="store_true", help="with --shapes: the slowest stage")
    parser.add_argument(
        "--limit", type=float, default=60.0, help="with --shapes: seconds past which a shape stops"
    )
    args = parser.parse_args()
    if args.shapes:
        sizes = [int(s) for s in (args.sizes or "20000,80000").split(",")]
        time_shapes(sizes, args.runs, args.stages, args.limit)
        return
    if args.corpus is None:
        parser.error("a corpus is needed unless --shapes")

    from policy_cli.core import loaders
    from policy_cli.core.diff import diff_documents
    from policy_cli.core.formulations import extract_formulations
    from policy_cli.core.keywords import extract_keywords
    from policy_cli.core.people import extract_organizations, extract_people
    from policy_cli.core.pipeline import prepare
    from policy_cli.core.segment import default_segmenter
    from policy_cli.core.sentences import key_sentences

    default_segmenter()
    loaders.MAX_ANALYSIS_CHARS = 10**9  # measure past the limits too
    loaders.MAX_DOCUMENT_CHARS = 10**9
    sizes = [int(s) for s in (args.sizes or "200000,400000,800000").split(",")]
    text = long_line(args.corpus, max(sizes))
    stages: dict[str, Callable[[Any, Any], Any]] = {
        "load": lambda raw, _: loaders.build_document(raw),
        "formulations": lambda _, doc: extract_formulations(doc),
        "people": lambda _, doc: extract_people(doc),
        "organisations": lambda _, doc: extract_organizations(doc),
        "prepare": lambda _, doc: prepare(doc),
        "keywords tfidf": lambda _, doc: extract_keywords(prepare(doc).tokens, top=20),
        "keywords textrank": lambda _, doc: extract_keywords(
            prepare(doc).tokens, method="textrank", top=20
        ),
        "key sentences": lambda _, doc: key_sentences(prepare(doc), n=5),
        "diff (two halves)": lambda raw, _: diff_documents(
            loaders.build_document(raw[: len(raw) // 2]),
            loaders.build_document(raw[len(raw) // 2 :]),
        ),
    }
    print(f"{'stage':20s}" + "".join(f"{n:>12,}" for n in sizes) + "   last/first")
    for name, stage in stages.items():
        row = []
        for n in sizes:
            raw = text[:n]
            doc = loaders.build_document(raw)
            best = float("inf")
            for _ in range(args.runs):
                started = time.process_time()
                stage(raw, doc)
                best = min(best, time.process_time() - started)
            row.append(best)
        ratio = row[-1] / max(row[0], 1e-6)
        print(f"{name:20s}" + "".join(f"{t:11.2f}s" for t in row) + f"   {ratio:6.1f}x")


if __name__ == "__main__":
    main()
