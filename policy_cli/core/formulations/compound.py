"""Stage `compound`: count words alternating with short heads (两新一重, 一馆四中心, 两增一稳).

The whole set is the formulation when it stands between clause edges or the background lexicon
knows it; idioms (三心二意) and counted quantities (三年五年) are not sets. The formula of a measure
tailored to each unit (一区一策, 一村一品, 一事一议: rule `per-unit`) is one wherever it stands,
whole words (not 统一|一策) and no reduplication or count (一个一策).

A run of clauses joined by 、 that each open with a count is a motto whole (一核引领、三地协同;
一产稳、二产优、三产进; 一网公开、一网办事、一网监管、一网交易; rule `count-run`): the run is whole
(no 、 before it) and ends where no Chinese character or 、 follows, or at 等 (一片叶、一根竹、
一张纸等…), each count opens a word (not 统|一规划), the clauses are of about one length
(`count_run_spread`), and each holds `count_run_min_head` characters or more besides its counts
(一年、五年 and 十七、十八集 count quantities). None where a count is a word that counts nothing
(一起拼搏、一起奋斗; 十分及时、十分重要: `count_run_adverbs`), a clause holds a particle of
description (百分之二、三的占用量) or is an idiom (千方百计、万众一心), or the counts are followed
by a measure word (一把剪刀、一张红纸; 一季度、二季度; 一人死亡、两人受伤: things, people, times
or ranks counted) in a run 等 does not close.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from policy_cli.core.formulations.candidate import BY_RULE, Candidate
from policy_cli.core.formulations.known import lexicon_texts
from policy_cli.core.formulations.members import listed_items
from policy_cli.core.formulations.options import FormulationOptions
from policy_cli.core.formulations.vocab import Words, idioms, next_word, patterns, words
from policy_cli.core.segment import default_tagger
from policy_cli.core.tokens import Segmentation, segment_text

STAGE = "compound"


def find_compounds(
    text: str, options: FormulationOptions, seg: Segmentation | None = None
) -> Iterator[Candidate]:
    """Yield compound numbered sets, with their members when listed, the formulas tailored to
    each unit (一区一策) and the runs of clauses that each open with a count."""
    seg = seg or segment_text(text)
    edge = words().clause_edge
    for m in patterns().compound.finditer(text):
        phrase = m.group()
        before = text[m.start() - 1 : m.start()]
        bounded = (not before or before in edge) and text[m.end() : m.end() + 1] in (
            "", *edge
        )
        if _is_compound_set(phrase, bounded, options) and _counts_open_words(
            phrase, m.start(), seg
        ):
            items = listed_items(text, m.start(), m.end(), phrase, options, seg=seg)
            yield Candidate(phrase, "numbered", m.start(), None, items, BY_RULE, STAGE, "alternation")
    w = words()
    for m in patterns().per_unit.finditer(text):
        unit, head = m.group(1), m.group(2)
        if unit == head or unit in w.count_nouns or unit in w.count:
            continue
        if seg.starts_word(m.start()) and seg.starts_word(m.end()):
            yield Candidate(m.group(), "slogan", m.start(), None, (), BY_RULE, STAGE, "per-unit")
    for m in patterns().count_run.finditer(text):
        clauses = m.group().split(w.list_separator)
        examples = text.startswith(w.count_run_examples_word, m.end())
        if _is_count_run(clauses, m.start(), examples, seg, options):
            yield Candidate(m.group(), "slogan", m.start(), None, (), BY_RULE, STAGE, "count-run")


def _is_count_run(
    clauses: list[str], start: int, examples: bool, seg: Segmentation, o: FormulationOptions
) -> bool:
    """Tell whether clauses that each open with a count (一核引领、三地协同) make a motto: of
    about one length, each with a head besides its counts, its count a word's opening that
    counts (no 一起, 十分), no particle of description, no idiom; and no things, people, times
    or ranks counted, unless the run lists the examples of a kind (`examples`: 等 closes it)."""
    w = words()
    lengths = [len(c) for c in clauses]
    if max(lengths) - min(lengths) > o.count_run_spread:
        return False
    tagger = default_tagger()
    at = start
    for clause in clauses:
        if (
            sum(ch not in w.count for ch in clause) < o.count_run_min_head
            or any(ch in w.count_run_refused_chars for ch in clause)
            or clause.startswith(w.count_run_adverbs)
            or not seg.starts_word(at)
            or (not examples and _counts_things(clause, w))
        ):
            return False
        tagged = tagger.tag(clause, False)
        if clause in idioms() or (len(tagged) == 1 and tagged[0][1] in w.count_run_idiom_tags):
            return False  # 千方百计、万众一心: idioms
        at += len(clause) + len(w.list_separator)
    return True


def _counts_things(clause: str, w: Words) -> bool:
    """Tell whether a clause's count is followed by a measure word (一把|剪刀, 一季|度, 五千亿|元,
    一人|死亡, 三月|四日): it counts things, people, times or ranks; not a formula tailored to each
    unit (一人一方, 一户一策: 一 and the unit, and 一 and what each is given)."""
    k = 0
    while k < len(clause) and (clause[k] in w.count or clause[k] in w.count_run_number_chars):
        k += 1
    one = w.count_run_per_unit
    per_unit = clause[:k] == one and clause[k + 1 : k + 2] == one  # 一人|一|方
    return k < len(clause) and clause[k] in w.count_run_measures and not per_unit


def _counts_open_words(phrase: str, start: int, seg: Segmentation) -> bool:
    """Tell whether every count word of a phrase opens a word (两新|一重), or the phrase is one
    word of the segmentation (the lexicon's 两新一重): a count character inside another word
    counts nothing (两岸|统一|后: 一 is part of 统一), nor does one that opens an adverb
    (两国元首|一致|认为, 一连|守了十几天: `count_run_adverbs`)."""
    if len(seg.words(start, start + len(phrase))) == 1:
        return True
    w = words()
    return all(
        seg.starts_word(start + k) and not _adverb_at(seg, start + k)
        for k, ch in enumerate(phrase)
        if ch in w.count
    )


def _adverb_at(seg: Segmentation, at: int) -> bool:
    """Tell whether the count at `at` opens an adverb (`count_run_adverbs`) that acts on a verb:
    one word with it (两国元首|一致同意) or a verb right after it (一连|守了十几天, 一起|看两会).
    Before anything else the word is a count's (《一城一味》, a documentary: one flavour)."""
    word = seg.words(at, at + ADVERB_REACH)[0]
    adverb = next((a for a in words().count_run_adverbs if word.startswith(a)), None)
    if adverb is None:
        return False
    if len(word) > len(adverb):
        return True
    after = next_word(seg.text, at + len(adverb))
    return after is not None and after[1] in words().verb_tags


ADVERB_REACH = 6  # characters cut after a count to read the word it opens


def _is_compound_set(phrase: str, bounded: bool, o: FormulationOptions) -> bool:
    """Tell whether 两新一重 / 一馆四中心 / 两廊两带两区 is a numbered set, not prose."""
    w = words()
    parts = re.findall(rf"[{w.count}][^{w.count}]*", phrase)
    # at least two count words, each with a head after it (一 alone is no part)
    if len(parts) < o.set_min_count_words or any(len(p) == 1 for p in parts):
        return False
    if any(p[1] in w.count_nouns for p in parts) or phrase in idioms():
        return False
    return sum(len(p) for p in parts) <= o.compound_max_len and (
        bounded or phrase in lexicon_texts()
    )
