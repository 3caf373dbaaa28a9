"""Stage `repeated`: the long phrase a short text says three times or more (its slogan).

A short piece (conference news) that says the same long phrase three times is repeating its
slogan (为勇闯中国式现代化市域实践新路子开好局起好步, said in the title and twice in the body);
a long report repeats boilerplate (以习近平同志为核心的党中央), so only short texts are read.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from policy_cli.core.chars import HAN
from policy_cli.core.formulations.boundary import starts_a_word
from policy_cli.core.formulations.candidate import Candidate
from policy_cli.core.formulations.options import FormulationOptions
from policy_cli.core.formulations.vocab import patterns, words
from policy_cli.core.tokens import Segmentation, segment_text

STAGE = "repeated"


def find_repeated(text: str, options: FormulationOptions, seg: Segmentation | None = None) -> Iterator[Candidate]:
    """Find the long phrase a short text says three times or more (its slogan)."""
    o = options
    if len(text) > o.repeated_max_text:
        return
    seg = seg or segment_text(text)
    runs = re.findall(rf"[{HAN}]{{{o.repeated_min_len},}}", text)
    counts: dict[str, int] = {}
    for run in set(runs):
        for size in range(o.repeated_min_len, min(len(run), o.repeated_max_len) + 1):
            for i in range(len(run) - size + 1):
                piece = run[i : i + size]
                if piece not in counts:
                    counts[piece] = text.count(piece)
    repeated = {p for p, n in counts.items() if n >= o.repeated_min_count}
    function_words, not_a_slogan = words().function_words, patterns().not_a_slogan
    # the longest form of each: one that no longer repeated string extends
    longest = [p for p in repeated if not any(p != q and p in q for q in repeated)]
    for phrase in sorted(longest):
        at = text.find(phrase)
        cut = seg.words(at, at + len(phrase))
        # keep whole words: a piece cut out of a word at either end goes
        while cut and (cut[0] in function_words or not starts_a_word(text, at, o, seg)):
            at += len(cut[0])
            cut = cut[1:]
        while cut and (
            cut[-1] in function_words
            or not starts_a_word(text, at + sum(len(w) for w in cut), o, seg)
        ):
            cut = cut[:-1]
        slogan = "".join(cut)
        if len(slogan) >= o.repeated_min_trimmed and not not_a_slogan.search(slogan):
            yield Candidate(slogan, "slogan", at, stage=STAGE, rule="thrice")
