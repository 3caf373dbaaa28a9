"""Phrase edges: where a name found by its head, its code or its count starts and ends.

The candidate stages find a formulation by its evidence (a head word, a code, a count word)
and ask these functions where the phrase around it begins and ends; each stage's evidence says
which edge to look for, so the edges are found here rather than in one later pass.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from functools import lru_cache

from policy_cli.core.chars import HAN, is_han
from policy_cli.core.formulations.options import FormulationOptions
from policy_cli.core.formulations.shapes import classify_quoted
from policy_cli.core.formulations.vocab import (
    a_dictionary_word,
    clause_word_set,
    clause_words,
    launches,
    patterns,
    word_tag,
    words,
)
from policy_cli.core.national import (
    everyday_lexicon,
    national_lexicon,
    national_referents,
    opens_a_national_entry,
    said_in_series,
)
from policy_cli.core.segment import default_tagger
from policy_cli.core.tokens import Segmentation


def campaign_start(
    text: str, start: int, o: FormulationOptions, seg: Segmentation, end: int | None = None
) -> int:
    """Move a campaign name's start left over a verb or an 和-joined noun phrase that belongs to it.

    The walk of `phrase_ending_at` stops at clause-opening verbs and at 和; a programme title
    may hold both. Only when a launching verb stands right before the extension is it taken,
    or, for the one word right before 和, where national text says the name with it (国民经济|和|
    社会发展第十三个五年规划: the name ends at `end`; a newer member of the series, where national
    text says an earlier one's name: `said_in_series`).
    """
    w = words()
    lo = max(0, start - o.campaign_lookback)
    for k in range(start - 1, lo - 1, -1):
        if text[k] in w.clause_edge:
            lo = k + 1
            break
    cut = seg.words(lo, start)
    if not cut:
        return start
    if cut[-1] in w.title_conjunctions and len(cut) >= 3:
        # 完成 制造业 智能化 改造 和 | 数字化转型三年行动计划
        k = len(cut) - 2
        while k >= 0 and not launches(cut[k]) and is_han(cut[k]) \
                and cut[k] not in w.function_words:
            k -= 1
        ext = start - sum(len(x) for x in cut[k + 1 :])
        if k >= 0 and launches(cut[k]) and k < len(cut) - 2 and start - ext <= o.title_part_max:
            return ext
        joined = start - len(cut[-1]) - len(cut[-2])
        if (
            end is not None and k < len(cut) - 2 and is_han(cut[-2])
            and said_in_series(text[joined:end])
        ):
            return joined  # 国民经济|和|社会发展第十三个五年规划: one name national text says
        return start
    if len(cut) >= 2 and launches(cut[-2]) and not launches(cut[-1]) and (
        cut[-1] in clause_word_set() or cut[-1] in w.phrase_breaks
    ):
        return start - len(cut[-1])  # 实施 | 加快 | 培育发展未来产业三年行动
    return start


def phrase_ending_at(
    text: str, end: int, core: int, o: FormulationOptions, seg: Segmentation
) -> str:
    """Return the noun phrase that ends at `end`: segment the clause and walk back words.

    The walk keeps the last `core` characters (the head) and adds words to its left until a
    clause edge, a function word, a person's pronoun or a year counted from now (他, 明年:
    `phrase_stop_words`) or a clause-opening verb (坚持, 推动...), unless that verb and the one
    the walk took after it open an entry of the national lexicon (防范|化解|…). A postposition (中,
    上) after no noun (at the clause's opening, after a mark, a function word or an ordinal) is
    the first character of the name, and ends the walk (，中德|世界隐形冠军峰会).
    """
    v = words()
    max_len = o.phrase_max_len
    start = max(0, end - max_len - o.phrase_lookback_extra)
    opens = start == 0  # (the walk may reach the clause's first word)
    for k in range(end - core - 1, start - 1, -1):
        if text[k] in v.clause_edge:
            start, opens = k + 1, True
            break
    cut = seg.words(start, end)
    clause = clause_word_set()
    out = ""
    first = len(cut)  # the walk's first word
    for i in range(len(cut) - 1, -1, -1):
        w = cut[i]
        if w in v.postpositions and out and (
            opens if i == 0 else (
                not is_han(cut[i - 1]) or cut[i - 1] in v.function_words
                or cut[i - 1].startswith(v.ordinal_mark)
            )
            or (w == v.home_country and _china_between(
                cut[:i], cut[i + 1], cut[i + 2] if i + 2 < len(cut) else None, o
            ))
        ):
            # ，中德世界隐形冠军峰会, 中非、中阿命运共同体, 第七届中阿广电合作论坛: a postposition
            # follows a noun, so one after a clause's edge, a mark, a function word or an ordinal
            # is China, of the name; so is one right before partner countries that closes no
            # frame of a preposition (出席|中|德|经济技术合作论坛; not 在网络空间|中|…)
            out = w + out
            first = i
            break
        party = party_before_dash(cut, i) if w in v.proper_joiners and out else None
        if party is not None and party < i - 1 and names_a_pair(cut[i + 1]):
            party = None  # (内蒙古——|中蒙博览会: a dash of apposition before a named pair)
        if (
            party is not None and _joined_parties(cut[party], cut[i + 1])
            and len("".join(cut[party : i + 1])) + len(out) <= max_len
        ):
            # 中国－东盟|自贸区升级版, 中国—中亚|峰会, 中国——东盟|博览会: a dash joins two
            # parties named by a place
            out = "".join(cut[party : i + 1]) + out
            first = party
            break
        if w in v.phrase_stop_words:
            break  # 今年|电影节, 他|相信北京冬奥会: a word no name holds, a bare head's neither
        if len(out) >= core and not (
            len(out) == core and core <= o.bare_head_max and len(w) >= o.min_word_len
            # (全力做好|冬奥会: a verb of doing well takes the event, it names none; 带动|战略)
            and not (w in clause and w.endswith(v.done_well_marks))
        ):
            # (the word right before a bare head belongs to it: 整治提升 + 五年行动)
            if (
                len(out) + len(w) > max_len
                or not is_han(w)
                or w in v.function_words
                or (
                    any(w[k:] in clause or w[k:] in v.phrase_breaks
                        for k in range(len(w) - o.min_word_len + 1))
                    and not (first < len(cut) and _verb_pair(w, cut[first]))
                )
                or (len(w) == 1 and w in v.light_verbs)
            ):
                break
        out = w + out
        first = i
    # a preposition said as a word of its own is cut off the front (对|新发展理念), not the
    # first character of a word (对外开放精神)
    while first < len(cut) and out and cut[first] and all(
        ch in v.name_prepositions for ch in cut[first]
    ):
        out = out[len(cut[first]) :]
        first += 1
    return out


def _verb_pair(verb: str, following: str) -> bool:
    """Tell whether a clause-opening verb is the first of two verbs that national text says as
    one predicate, the walk having taken the second (防范|化解|重大风险攻坚战, 地方债务风险|防范|
    化解攻坚战): an established formulation of the national lexicon opens with the pair. A verb
    that governs another (注重|培养|创业精神, 继续|发扬|…精神) opens the clause as before."""
    return (
        verb in clause_word_set()
        and following not in clause_word_set()
        and word_tag(following) in words().verb_tags
        and opens_a_national_entry(verb + following)
    )


def names_a_pair(word: str) -> bool:
    """Tell whether a word names two countries or more by their one-character names (中蒙, 中俄):
    a pair of parties joined already, which a dash of two widths before it joins to nothing
    (内蒙古——|中蒙博览会: apposition)."""
    v = words()
    return len(word) >= 2 and all(
        ch in v.country_abbreviations or ch == v.home_country for ch in word
    )


def party_before_dash(words_: Sequence[str], i: int) -> int | None:
    """The index of the word before the dash at `i`, the dash of two em-widths (——, which the
    segmenter gives as two words) taken whole; None where no word is before it."""
    k = i - 1
    if k > 0 and words_[k] == words_[i]:
        k -= 1
    return k if k >= 0 else None


def _joined_parties(first: str, second: str) -> bool:
    """Tell whether the words either side of a dash are two parties a name joins: a place or an
    abbreviation first (中国, 东盟) and a place, an abbreviation or a name second (东盟, 中亚,
    阿拉伯)."""
    v = words()
    return word_tag(first) in v.joined_first_tags and word_tag(second) in v.joined_second_tags


def _partners_word(word: str, o: FormulationOptions) -> bool:
    """Tell whether a word of the segmenter is one or more countries by their one-character
    abbreviations, as many as a bilateral name joins to China (德, 蒙俄), and no word of the
    language made of such characters (非法, 美德), so that a 中 before it may be China
    (中|美|双边投资协定), not a postposition (过程|中|日益 reads 日益; 空间|中|非法信息)."""
    v = words()
    return (
        0 < len(word) <= o.bilateral_partners_max
        and all(ch in v.country_abbreviations for ch in word)
        and (len(word) == 1 or not a_dictionary_word(word))
    )


def _china_between(
    before: list[str], partners: str, after: str | None, o: FormulationOptions
) -> bool:
    """Tell whether a 中 of its own after the words `before` it in its clause and before the
    word `partners` is China opening a name it shares with them: the partners are countries
    (`_partners_word`); no preposition whose frame a postposition closes stands before it in
    the clause with no verb between (在|乡村振兴|中|新农村…: `postposition_frames`; not
    在马来西亚|出席|中|马…); and no verb follows the countries, which would make them a
    clause's subject (中美|开展经贸合作)."""
    if not _partners_word(partners, o):
        return False
    v = words()
    for word in reversed(before):
        if word in v.postposition_frames:
            return False  # 在|乡村振兴|中: the frame is open
        if word_tag(word) in v.verb_tags or word in clause_word_set():
            break  # 在马来西亚|出席|中|马…: a verb closes what 在 opened
    return after is None or word_tag(after) not in v.verb_tags


def china_before(text: str, at: int, o: FormulationOptions, seg: Segmentation) -> bool:
    """Tell whether a name found opening at `at` opens with partner countries after a 中 of
    its own (中|俄|东线天然气管道, 中|澳|省州负责人论坛): China is of the name, and the name
    starts one character earlier (`_china_between`)."""
    if not _partners_after_china(text, at, seg):
        return False
    cut = seg.words(at, at + o.bilateral_partners_max + o.word_reach)
    edge = words().clause_edge
    lo = at - 1
    while lo > max(0, at - 1 - o.phrase_max_len) and text[lo - 1] not in edge:
        lo -= 1
    before = seg.words(lo, at - 1)
    return _china_between(before, cut[0], cut[1] if len(cut) > 1 else None, o)


def cut_from_china(text: str, at: int, o: FormulationOptions, seg: Segmentation) -> bool:
    """Tell whether a name found opening at `at` opens with partner countries after a 中 of
    its own that `china_before` does not take for China there: a piece of a clause or of a
    name with 中 in it (中俄|联合举办…: 俄联合举办青年论坛 names nothing either)."""
    if not _partners_after_china(text, at, seg):
        return False
    cut = seg.words(at, at + o.bilateral_partners_max + 1)
    return bool(cut) and _partners_word(cut[0], o) and not china_before(text, at, o, seg)


def _partners_after_china(text: str, at: int, seg: Segmentation) -> bool:
    """Tell whether a 中 that is a word of its own ends right before `at`, where a word opens."""
    return (
        at >= 1 and text[at - 1] == words().home_country
        and seg.starts_word(at - 1) and seg.starts_word(at)
    )


def following_phrase(
    text: str, pos: int, o: FormulationOptions, runs: dict[int, int] | None = None,
    *, code: str | None = None,
) -> str | None:
    """Return the noun phrase right after a code or numbered formulation, if any.

    Codes quoted one after another share the phrase after them (“334”“622”等联农带农模式).
    `runs` (one dict a text, kept by the caller across calls) remembers where the runs of
    quoted codes already walked end (see `run_end`). Given the `code` itself, a set of the
    national lexicon keeps the phrase only where national text names it so
    (`national_referent`), unless the document says what a list of codes is (…等联农带农模式).
    """
    w, p = words(), patterns()

    def next_code(at: int) -> int | None:
        nxt = p.next_quoted.match(text, at, at + o.next_code_window)
        if not nxt or classify_quoted(nxt.group(1), options=o) not in ("code", "numbered"):
            return None
        return nxt.end()

    # skip the codes quoted right after this one
    runs = {} if runs is None else runs
    end = runs.get(pos)
    if end is None:
        first = next_code(pos)  # (most codes have none after them)
        end = pos if first is None else run_end(next_code, first, runs)
    skipped = end != pos
    pos = end
    if text[pos : pos + 1] == w.etc:
        pos += 1  # “334”“622”等联农带农模式
        skipped = True
    m = _han_run(o.following_min_len, o.following_max_len).match(text, pos)
    if not m:
        return None
    phrase = m.group()
    # a verb of command opens a clause; a word of result or change (突破, 增长, 完成) reports
    # one of which the code is the subject (“四上”单位|突破7万家, “80条”|基本完成)
    clause = clause_word_set() | words().result_words
    lead = o.following_min_len  # a name has this much before a verb or a function word
    at_verb = next(
        (k for k in range(lead, len(phrase) - 1)
         if any(phrase[k : k + n] in clause for n in o.clause_word_lens)),
        len(phrase),
    )
    at_function = len(phrase)
    for ch in w.phrase_stops:
        k = phrase.find(ch, lead)
        if 0 < k < at_function:
            at_function = k
    if phrase[:1] in w.function_words or phrase[:1] in w.not_phrase_openers:
        return None
    if phrase.startswith(clause_words()) or phrase.startswith(tuple(words().result_words)):
        return None  # a verb opens a clause, not a name (“两国双园”|加快建设, “两个维护”|化作…)
    found = name_part(phrase[: min(at_verb, at_function)], o)
    heads = (*w.name_heads, *w.shared_code_heads)
    if skipped and found and not found.endswith(heads):
        return None  # shared by a list of codes, the phrase must name what they are (…等模式)
    if found and not found.endswith(heads):
        found = _noun_phrase(found)
    if code is not None and not skipped:
        found = national_referent(code, found, o)
    return found


def national_referent(code: str, phrase: str | None, o: FormulationOptions) -> str | None:
    """The phrase after a set or code as what it refers to, where national text allows it.

    A set of the national lexicon that national text names with one word in most of its uses
    (“三个代表”|重要思想, “两个一百年”|奋斗目标, `national_referent_min_percent`) refers to a phrase
    that opens with that word; one it follows with whatever is said of it (“一带一路”|建设, 倡议,
    沿线国家…; “四风”|问题, 方面…) is a name of its own: the phrase after it in a document is what
    it is said of (“一带一路”|地理标志品牌), no referent. A bare head that says what kind of thing
    the set is (“三步走”|战略, “两新”|政策, “三权分置”|改革: `name_heads`) is always its referent,
    and so is a phrase that opens with what the lexicon names with the set as one formulation
    (一带一路倡议, 三严三实专题教育). A set national text says too seldom to tell, and a
    document's own, keep the phrase (data/national_referents.tsv)."""
    if phrase is None or not o.national_referent_min_percent:
        return phrase
    w = words()
    if phrase in w.name_heads or phrase in w.shared_code_heads:
        return phrase
    lexicon, everyday = national_lexicon(), everyday_lexicon()
    if any(code + phrase[:k] in lexicon or code + phrase[:k] in everyday
           for k in range(o.following_min_len, len(phrase) + 1)):
        return phrase
    known = national_referents().get(code)
    if known is None:
        return phrase
    word, percent = known
    return phrase if percent >= o.national_referent_min_percent and phrase.startswith(word) else None


def _noun_phrase(phrase: str) -> str | None:
    """The phrase where it names a thing: one that ends in a word of `referent_break_tags` says
    something of the noun it opens with instead (“三公”经费|得到有效控制, “四上”企业|净增,
    “六稳”工作基础|上, “五五”普法|顺利): the set refers to nothing printed there. A phrase that
    ends in a noun is a name whatever verbs it holds (供需对接活动, 学习教育)."""
    tagged = default_tagger().tag(phrase, True)
    if tagged and tagged[-1][1] in words().referent_break_tags:
        return None
    return phrase


def run_end(step: Callable[[int], int | None], pos: int, runs: dict[int, int]) -> int:
    """Return where a run of items that follow one another ends, walking it from `pos`.

    `step(at)` is the end of the item that follows `at`, or None where the run stops. `runs`
    maps every place a walk has passed to the end of its run: a caller that asks again from
    any item of a run it walked (the next code of a list, the next quoted name) is answered
    at once, so that a list of n items costs n steps, not n² (n walks to its end).
    """
    passed: list[int] = []
    while pos not in runs:
        passed.append(pos)
        nxt = step(pos)
        if nxt is None:
            break
        pos = nxt
    end = runs.get(pos, pos)
    for at in passed:
        runs[at] = end
    return end


@lru_cache(maxsize=8)
def _han_run(low: int, high: int) -> re.Pattern[str]:
    return re.compile(rf"[{HAN}]{{{low},{high}}}")


def name_part(phrase: str, o: FormulationOptions) -> str | None:
    """Cut a phrase after the first programme head it holds; keep it if it is name-sized."""
    heads = words().name_heads
    for head in heads:
        k = phrase.find(head)
        if k >= 0:
            phrase = phrase[: k + len(head)]
            break
    if o.refers_min_len <= len(phrase) <= o.refers_max_len or phrase in heads or (
        phrase in words().shared_code_heads  # “2+3”园区, “1+N”模式: a head alone names the kind
    ):
        return phrase
    return None


def starts_a_word(text: str, pos: int, o: FormulationOptions, seg: Segmentation) -> bool:
    """Tell whether the segmenter starts a word at pos (宏观政策|跨周期, not 应|对传统)."""
    edge = words().clause_edge
    if pos == 0 or text[pos - 1] in edge:
        return True
    start = max(0, pos - o.word_lookback)
    for k in range(pos - 1, start - 1, -1):
        if text[k] in edge:
            start = k + 1
            break
    done = 0
    for w in seg.words(start, pos + o.word_lookahead):
        if start + done == pos:
            return True
        done += len(w)
    return False


def clause_lead(clause: str, o: FormulationOptions) -> str:
    """Return the verb of command that opens a clause (坚持房子是… -> 坚持), or ""."""
    for word in clause_words():
        if clause.startswith(word) and len(clause) - len(word) >= o.clause_after_lead_min:
            return word
    return ""


def common_run(a: str, b: str) -> str:
    """Return the longest run of characters that a and b share."""
    best = ""
    for i in range(len(a)):
        for j in range(i + len(best) + 1, len(a) + 1):
            if a[i:j] in b:
                best = a[i:j]
            else:
                break
    return best
