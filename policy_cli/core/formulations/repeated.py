"""Stage `repeated`: the long phrase a short text says three times or more (its slogan).

A short piece (conference news) that says the same long phrase three times is repeating its
slogan (为勇闯中国式现代化市域实践新路子开好局起好步, said in the title and twice in the body);
a long report repeats boilerplate (以习近平同志为核心的党中央), so only short texts are read.
Who said what (栗战书在报告中指出) and the offices of those named (中共中央政治局常委) are
repeated with each name, no slogan.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterator
from functools import lru_cache

from policy_cli.core.chars import HAN
from policy_cli.core.formulations.boundary import china_before, cut_from_china, starts_a_word
from policy_cli.core.formulations.candidate import Candidate
from policy_cli.core.formulations.options import FormulationOptions
from policy_cli.core.formulations.pieces import NUMBER_CHARS
from policy_cli.core.formulations.vocab import patterns, word_tag, words
from policy_cli.core.national import everyday_lexicon, national_lexicon
from policy_cli.core.people import rules as people_rules
from policy_cli.core.people import rules_table as people_rules_table
from policy_cli.core.tokens import Segmentation, segment_text

STAGE = "repeated"


def find_repeated(
    text: str, options: FormulationOptions, seg: Segmentation | None = None
) -> Iterator[Candidate]:
    """Find the long phrase a short text says three times or more (its slogan)."""
    o = options
    if len(text) > o.repeated_max_text:
        return
    seg = seg or segment_text(text)
    size_min = o.repeated_min_len
    runs = re.findall(rf"[{HAN}]{{{size_min},}}", text)
    # A piece said `repeated_min_count` times has each of its windows of `size_min`
    # characters said that often too: only stretches of such windows are counted whole.
    every = [run[i : i + size_min] for run in runs for i in range(len(run) - size_min + 1)]
    if len(set(every)) > len(every) - (o.repeated_min_count - 1):
        return  # too few windows said again for one to be said that often (most texts)
    windows = Counter(every)
    if max(windows.values(), default=0) < o.repeated_min_count:
        return  # no window is said that often, so no longer piece is (most texts)
    counts: dict[str, int] = {}
    for run in set(runs):
        for lo, hi in _stretches(run, windows, size_min, o.repeated_min_count):
            part = run[lo:hi]
            for size in range(size_min, min(len(part), o.repeated_max_len) + 1):
                for i in range(len(part) - size + 1):
                    piece = part[i : i + size]
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
        while cut and _cut_from_a_count(text, at, cut[0]):
            at += len(cut[0])  # 2018|年全国干部教育培训: the year's 年 opens no slogan
            cut = cut[1:]
        if cut and china_before(text, at, o, seg):
            at -= 1  # 中|俄|东线天然气管道: China is of the name
            cut = [text[at], *cut]
        elif cut and cut_from_china(text, at, o, seg):
            continue  # 中俄|联合举办青年论坛: 俄联合举办… names nothing
        slogan = "".join(cut)
        if (
            len(slogan) >= o.repeated_min_trimmed
            and not not_a_slogan.search(slogan)
            and not people_rules().title_end.search(slogan)  # 中共中央政治局常委: an office
            and not _an_institution(slogan)  # 十二届全国人大常委会, 香港特别行政区政府
            and not _ends_in_a_prepositional_phrase(cut)
            and not _a_report_of_names_or_acts(cut)
        ):
            yield Candidate(slogan, "slogan", at, stage=STAGE, rule="thrice")


def _an_institution(phrase: str) -> bool:
    """Tell whether a phrase names a body by the ending of its name (…委员会, …常委会, …政府,
    …研究院: the people rules' organisation endings of two characters or more, not the
    one-character ones slogans end with too, 全面从严治党, 改革强军, nor `repeated_kind_endings`:
    世界一流大学, 新社会组织), unless it ends in a formulation of the national lexicon (建设|
    法治政府, 服务型政府: a kind of government to build): said with each report of what the body
    does, no slogan."""
    if _institution_end().search(phrase) is None:
        return False
    lexicon, everyday = national_lexicon(), everyday_lexicon()
    return not any(
        phrase[k:] in lexicon or phrase[k:] in everyday for k in range(len(phrase) - 2)
    )


@lru_cache(maxsize=1)
def _institution_end() -> re.Pattern[str]:
    orgs = people_rules_table()["organisations"]
    kinds = set(words().repeated_kind_endings)
    ends = [e for e in (*orgs["suffixes"].split("|"), *orgs["ends"].split("|"))
            if len(e) > 1 and e not in kinds]
    return re.compile(f"(?:{'|'.join(map(re.escape, ends))})$")


def _cut_from_a_count(text: str, at: int, first: str) -> bool:
    """Tell whether the first word of a phrase is the measure word of a count or the 年 of a
    year written before it (31|个省区市, 2018|年全国…, 二〇二〇|年…): the phrase is cut from them."""
    before = text[at - 1 : at]
    return (before.isdigit() or before in NUMBER_CHARS) and (
        word_tag(first) in words().repeated_count_tags
    )


def _a_report_of_names_or_acts(cut: list[str]) -> bool:
    """Tell whether a phrase reports who did what (a word of `repeated_clause_tags`, the particle
    of a done act: 听取了…, 表决通过了…) or names people (words of `repeated_name_tags` only:
    埃斯库德罗和帕斯托尔): said with each mention of a person or an act, no slogan."""
    w = words()
    tags = [word_tag(word) for word in cut]
    return any(t in w.repeated_clause_tags for t in tags) or all(
        t in w.repeated_name_tags for t in tags
    )


def _ends_in_a_prepositional_phrase(cut: list[str]) -> bool:
    """Tell whether a phrase ends inside the object of a preposition, no verb after it (加强党
    |对|全面依法治国, cut from …的集中统一领导): what the phrase does to it is not said, the piece
    is cut from a longer one (为|勇闯|…|开好局起好步 goes on with its verb)."""
    w = words()
    last_p = max((k for k, word in enumerate(cut) if word in w.open_prepositions), default=-1)
    if last_p < 0:
        return False
    return not any(word_tag(word) in w.verb_tags for word in cut[last_p + 1 :])


def _stretches(
    run: str, windows: Counter[str], size: int, least: int
) -> Iterator[tuple[int, int]]:
    """The spans of `run` made of consecutive windows of `size` characters that each occur
    at least `least` times (overlaps counted): the only places a piece said that often can be."""
    lo = -1
    for i in range(len(run) - size + 1):
        if windows[run[i : i + size]] >= least:
            if lo < 0:
                lo = i
        elif lo >= 0:
            yield lo, i - 1 + size
            lo = -1
    if lo >= 0:
        yield lo, len(run)
