"""Mottos whose clauses a comma joins, read by the stage `motto` (rules `couplet-sentence`,
`framed-clauses`, `even-run`, `crossed-clauses`, `uneven-frame`, `role-series` and
`degree-run`).

National reports state many mottos as clauses joined by ，, where running prose joins its
clauses the same way; what makes a comma run a motto is its shape:

- `couplet-sentence` (`FormulationOptions.comma_couplet_sentences`; 0 switches it off): a
  sentence that is nothing but two to four clauses of one short length
  (安不忘危，兴不忘忧。; 两岸同根，骨肉相亲。; 人民有信仰，国家有力量，民族有希望。). A sentence
  of prose is rarely so even; one whose clauses are all tasks, a verb and its object (发展海洋
  经济，建设海洋强国。), lists what to do, and longer clauses need a frame as below (志不求易
  者成，事不避难者进。, where 成绩殊为不易，值得倍加珍惜。 is prose);
- `framed-clauses`: three clauses or more of one length, each a whole clause, that share a frame:
  a grammatical character (a modal, a negation, a copula, a word of means or condition: 要, 再,
  不, 是, 有, 以, 为…) in a short word that is no noun, at the same place in each, with different
  words before and after it (思想要再解放，改革要再深化，开放要再扩大). Clauses sharing a noun at
  one place (健全民主制度，丰富民主形式，拓宽民主渠道) or only their lead or their end list
  tasks, and two clauses of a frame are as often prose (国家就有前途，民族就有希望) as a motto;
- `even-run`: four whole clauses or more of four characters each, with or without a frame
  (解放思想，改革开放，凝聚力量，攻坚克难): a report's prose rarely keeps that rhythm, and lists
  join their items with 、; three of them where all open with one lead (稳中有为，稳中提质，稳中
  有进);
- a clause is whole where a mark ends it: one that goes on in a quote, a figure or a bracket
  (…扎实工作，努力实现|“十二五”时期良好开局; 确保到|2020年…) is no clause of four characters for
  any of these rules;
- `crossed-clauses`: two whole clauses of one length that say two words in one order and then in the
  other, around a frame they share (在发展中促转变，在转变中谋发展; 以需求牵引供给，以供给创造
  需求); words crossing in clauses with no shared frame are prose (才能实现空气对流，新鲜空气
  才能进来);
- `uneven-frame`: three clauses or more of uneven lengths, each a whole clause, that share a
  frame of two parts or more, aligned from their starts or their ends, that opens or closes
  them (their first or their last character), with a grammatical character in it (those of
  `framed-clauses`, a preposition of place or object, 凡), that is two fifths of each clause or
  more (一切|妨碍|发展的|思想观念|都要坚决|冲破，一切|束缚|发展的|做法和规定|都要坚决|改变，…;
  凡是对|台湾同胞|有利的事情，凡是对|…|有利的事情，…). Where the frame is a verb and a noun alone
  the clauses list acts on different objects; where it is under two fifths of a clause (从|…|
  改起), or points back (对他们的…), it is prose. The names that fill a slot of the frame whole
  stay items of their own (蒙古马精神|是跑出来的，三北精神|是拼出来的…);
- `role-series`: three whole clauses or more in a row, each saying what a different part of a
  doctrine is (第一要义是发展，核心是以人为本，基本要求是…，根本方法是…): a noun of a short list
  (要义, 核心, 关键, 途径…) said to be (是) or to lie in (在) something;
- `degree-run`: three short whole clauses or more in a row that each open with one adverb of
  degree or constancy (倍加, 更加, 最大限度, 永不: `degree_openers`) and go on differently
  (倍加顾全大局，倍加珍视团结，倍加维护稳定): the adverb sets the motto's measure as a frame
  does; a verb of work opening each clause (加强…，加强…) lists tasks.

The cost is linear in the text: one pattern finds two whole clauses of one length after a
comma (or the runs of short whole clauses, for `uneven-frame`; the parts of a doctrine, for
`role-series`), and only the runs around them are read, each clause against the next once.
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Sequence
from functools import lru_cache

from policy_cli.core.chars import CN_ZEROS, HAN, is_han
from policy_cli.core.formulations.candidate import BY_RULE, FRAME_SLOT, Candidate
from policy_cli.core.formulations.options import FormulationOptions
from policy_cli.core.formulations.quoted import question_pattern
from policy_cli.core.formulations.vocab import words
from policy_cli.core.phrases import CLOSING_QUOTES, OPENING_QUOTES
from policy_cli.core.segment import default_tagger

STAGE = "motto"


def find_comma_mottos(text: str, o: FormulationOptions) -> Iterator[Candidate]:
    """Find mottos of clauses joined by ， (rules `couplet-sentence`, `framed-clauses`,
    `even-run`, `crossed-clauses`, `uneven-frame`, `role-series`, `degree-run`)."""
    comma = words().comma
    if comma not in text:
        return
    if o.comma_couplet_sentences:
        yield from _couplet_sentences(text, o)
    # two whole clauses of one length after a comma, found by one pattern that opens with the
    # comma (a loop over the sentences of a news item cost ~10 us), then the run they are in
    pattern = _clause_pair(o.framed_min_len, o.framed_max_len)
    done = 0
    for m in pattern.finditer(text):
        if m.start() < done:
            continue
        start, end = _run_around(text, m.start(), len(m.group(m.lastindex or 0)), comma)
        done = end
        clauses = text[start:end].split(comma)
        if len(clauses) >= o.framed_min_clauses:
            after = text[end : end + o.framed_max_len + o.framed_last_longer_max + 2]
            yield from _framed_runs(clauses, start, o, after)
    if o.even_run_min_clauses:
        yield from _even_runs(text, o)
    if o.crossed_min_len:
        yield from _crossed_clauses(text, o)
    if o.uneven_frame_min_clauses:
        yield from _uneven_frames(text, o)
    if o.role_series_min_clauses:
        yield from _role_series(text, o)
    if o.degree_run_min_clauses:
        yield from _degree_runs(text, o)


def _degree_runs(text: str, o: FormulationOptions) -> Iterator[Candidate]:
    """The runs of whole short clauses, `degree_run_min_clauses` or more, that each open with
    one adverb of degree or constancy (`degree_openers`) and go on differently (rule
    `degree-run`): 倍加顾全大局，倍加珍视团结，倍加维护稳定; 更加注重治本，更加注重预防，更加注重
    制度建设. The first clause may open with a lead (我们要|更加注重…, the run then starts at the
    adverb), and the clauses after the run that open with the adverb too are the run's up to
    `degree_run_longer_max` characters each (a run cut short names nothing: none is listed
    where a longer one goes on). One pattern an adverb, each opening with its adverb (re looks
    for it as a literal), and each find's neighbour clauses read once: linear in the text."""
    w = words()
    comma, stops = w.comma, w.comma_run_stops + w.comma
    least = max(2, o.degree_run_min_clauses)
    found: list[Candidate] = []
    for opener, pattern in _degree_patterns(least, o.degree_run_max_len):
        for m in pattern.finditer(text):
            start, end = m.start(), m.end()
            if text[start - 1 : start] == comma:  # the clause before: a lead, then the adverb?
                lead = _whole_clause_before(text, start - 1, stops, o.degree_run_longer_max)
                k = lead.rfind(opener)
                if k > 0 and len(lead) - k <= o.degree_run_max_len:
                    start -= len(lead) + 1 - k
            while text.startswith(comma + opener, end):  # a longer clause goes on with it
                longer = _whole_clause_after(text, end + 1, stops, o.degree_run_longer_max)
                if not longer:
                    break
                end += 1 + len(longer)
            said = text[start:end]
            run = said.split(comma)
            if text.startswith(comma + opener, end) or len(set(run)) < len(run):
                continue  # (cut short by a clause longer still; or a clause said twice)
            found.append(Candidate(said, "slogan", start, None, (), BY_RULE, STAGE, "degree-run"))
    yield from sorted(found, key=lambda c: c.offset)


def _whole_clause_before(text: str, end: int, stops: str, most: int) -> str:
    """The clause of Han characters only that ends at `end`, after a stop or the text's start,
    if it is `most` characters long or less; '' otherwise."""
    start = end
    while start > 0 and end - start <= most and is_han(text[start - 1]):
        start -= 1
    whole = start == 0 or text[start - 1] in stops
    return text[start:end] if whole and 0 < end - start <= most else ""


def _whole_clause_after(text: str, start: int, stops: str, most: int) -> str:
    """The clause of Han characters only that starts at `start` and ends at a stop or the
    text's end, if it is `most` characters long or less; '' otherwise."""
    end = start
    while end < len(text) and end - start <= most and is_han(text[end]):
        end += 1
    whole = end == len(text) or text[end] in stops
    return text[start:end] if whole and 0 < end - start <= most else ""


@lru_cache(maxsize=4)
def _degree_patterns(least: int, longest: int) -> tuple[tuple[str, re.Pattern[str]], ...]:
    """For each adverb of `degree_openers`, `least` whole clauses or more in a row that open with
    it and hold up to `longest` Han characters each: a mark of `comma_run_stops`, a comma or the
    text's edge before and after the run."""
    w = words()
    comma = re.escape(w.comma)
    edge = f"[^{re.escape(w.comma_run_stops)}{comma}]"
    out = []
    for opener in w.degree_openers:
        rest = longest - len(opener)
        if rest < 1:
            continue
        said = re.escape(opener)
        clause = f"{said}[{HAN}]{{1,{rest}}}"
        # (the look-behind is read after the adverb, so that re scans for the adverb itself)
        first = f"{said}(?<!{edge}{said})[{HAN}]{{1,{rest}}}"
        out.append((opener, re.compile(f"{first}(?:{comma}{clause}){{{least - 1},}}(?!{edge})")))
    return tuple(out)


def _role_series(text: str, o: FormulationOptions) -> Iterator[Candidate]:
    """The runs of whole clauses, `role_series_min_clauses` or more, each saying what one part of
    a doctrine is (rule `role-series`): a noun of `role_series_nouns`, after a modifier of up to
    `role_series_modifier_max` characters, then 是 or 在 (`role_series_copulas`) and what it is
    (up to `role_series_predicate_max` characters), each a different part: 第一要义是发展，核心是
    以人为本，基本要求是全面协调可持续，根本方法是统筹兼顾; 关键在坚持与时俱进，核心在坚持党的先进
    性，本质在坚持执政为民. Clauses whose subjects are things or people (中国是…，墨西哥是…) are
    prose, and so are questions (…，根本在哪里？). One pattern finds the parts said (few in any
    text), and only as many characters around each as a clause holds are read: the cost is
    linear in the text."""
    w = words()
    comma = w.comma
    ends = w.comma_run_stops + comma
    predicate = _han_up_to(o.role_series_predicate_max + 1)
    run: list[tuple[int, int, str]] = []  # (start, end, the part's noun) of the clauses in a row
    for hit in _role_words().finditer(text):
        start = hit.start()
        while start > 0 and hit.start() - start < o.role_series_modifier_max and is_han(
            text[start - 1]
        ):
            start -= 1
        if (start and text[start - 1] not in ends) or (run and start <= run[-1][0]):
            continue  # (not a whole clause, or a second part named inside one clause)
        said = predicate.match(text, hit.end())
        if said is None or len(said.group()) > o.role_series_predicate_max:
            continue  # (nothing follows, or a longer clause)
        end = said.end()
        if end < len(text) and text[end] not in ends:
            continue  # (the clause goes on: a figure, a quote)
        if run and (start != run[-1][1] + len(comma) or text[run[-1][1]] != comma):
            yield from _role_run(text, run, o)
            run = []
        run.append((start, end, hit.group("noun")))
    yield from _role_run(text, run, o)


def _role_run(
    text: str, run: Sequence[tuple[int, int, str]], o: FormulationOptions
) -> Iterator[Candidate]:
    """The run of clauses as a motto of rule `role-series`, if it is long enough, says each part
    once (by its noun: 主要目标…，核心目标… say one) and asks nothing."""
    if len(run) < max(1, o.role_series_min_clauses) or len({noun for _, _, noun in run}) < len(run):
        return
    start, end = run[0][0], run[-1][1]
    if end < len(text) and text[end] in words().question_marks:
        return  # 核心是否落实，关键是什么，根本在哪里？: questions
    yield Candidate(text[start:end], "slogan", start, None, (), BY_RULE, STAGE, "role-series")


@lru_cache(maxsize=4)
def _han_up_to(n: int) -> re.Pattern[str]:
    """One to `n` Han characters."""
    return re.compile(f"[{HAN}]{{1,{max(1, n)}}}")


@lru_cache(maxsize=1)
def _role_words() -> re.Pattern[str]:
    """A part of a doctrine said to be something (核心是, 关键在): a noun of `role_series_nouns`
    and a copula of `role_series_copulas`."""
    w = words()
    nouns = "|".join(sorted(map(re.escape, w.role_series_nouns), key=len, reverse=True))
    copulas = "|".join(map(re.escape, w.role_series_copulas))
    return re.compile(f"(?P<noun>{nouns})(?:{copulas})")


def _uneven_frames(text: str, o: FormulationOptions) -> Iterator[Candidate]:
    """The runs of whole clauses of uneven lengths that share a frame (rule `uneven-frame`),
    longest first from each clause: 一切妨碍发展的思想观念都要坚决冲破，一切束缚发展的做法和规定
    都要坚决改变，一切影响发展的体制弊端都要坚决革除. A frame that goes on past
    `uneven_frame_max_clauses` clauses is none (把…同…结合起来, ten times: an argument, whose
    first clauses name nothing). Read in the runs of short whole clauses one pattern finds, each
    clause compared with the next once: the cost is linear in the text."""
    w = words()
    comma = w.comma
    frame_chars = frozenset(w.comma_frame_characters + w.uneven_frame_characters)
    least, most = o.uneven_frame_min_clauses, o.uneven_frame_max_clauses
    # the runs of `least` whole clauses or more, short enough, of Han characters only (one
    # pattern: most clauses are longer, or hold a figure or a quote)
    runs = _short_clause_runs(max(1, o.uneven_frame_min_len), o.uneven_frame_max_len, least)
    for m in runs.finditer(text):
        clauses = m.group().split(comma)
        # (each clause shares enough places with the next, a frame's first need: most do not)
        pairs = [_pair_shares(a, b, o) for a, b in zip(clauses, clauses[1:], strict=False)]
        if pairs.count(True) < least - 1:
            continue
        # streak[k]: how many clauses from the k-th on each share enough with the next
        streak = [0] * len(clauses)
        for k in range(len(pairs) - 1, -1, -1):
            streak[k] = streak[k + 1] + 1 if pairs[k] else 0
        starts = [m.start()]  # where each clause starts
        for c in clauses:
            starts.append(starts[-1] + len(c) + len(comma))
        i = 0
        while i <= len(clauses) - least:
            if streak[i] + 1 < least:
                i += 1
                continue
            found = _longest_frame(clauses, i, min(i + 1 + streak[i], i + most + 1), o, frame_chars)
            if found is None:
                i += 1
                continue
            j, slots = found
            if j - i > most:
                i += 1 + streak[i]  # (a frame said more times than a motto holds: none)
                continue
            yield Candidate(
                comma.join(clauses[i:j]), "slogan", starts[i], None, (), BY_RULE, STAGE,
                "uneven-frame", meta=tuple((FRAME_SLOT, slot) for slot in dict.fromkeys(slots)),
            )
            i = j


def _pair_shares(first: str, second: str, o: FormulationOptions) -> bool:
    """Tell whether two clauses share their first or their last character and
    `uneven_frame_min_shared` places or more, counted from their starts or their ends: a frame
    opens or closes its clauses."""
    if not first or not second or (first[0] != second[0] and first[-1] != second[-1]):
        return False  # (most pairs: checked first, the cheapest way)
    shared = [x == y for x, y in zip(first, second, strict=False)].count(True)
    shared += [x == y for x, y in zip(first[::-1], second[::-1], strict=False)].count(True)
    return shared >= o.uneven_frame_min_shared


def _longest_frame(
    clauses: Sequence[str], i: int, end: int, o: FormulationOptions, frame_chars: frozenset[str]
) -> tuple[int, list[str]] | None:
    """(j, slots) of the longest run of clauses i..j-1 before `end` in an uneven frame, or None:
    the places all the clauses share are kept as each clause is added (they only shrink), so
    the run stops where too few are left."""
    first = clauses[i]
    heads = set(range(len(first)))  # places counted from the starts, from 0
    tails = set(range(1, len(first) + 1))  # and from the ends, from 1
    found = None
    uneven = False  # (clauses of one length: the rules of even runs read them)
    for j in range(i + 1, end):
        clause = clauses[j]
        uneven = uneven or len(clause) != len(first)
        heads = {k for k in heads if k < len(clause) and clause[k] == first[k]}
        tails = {k for k in tails if k <= len(clause) and clause[-k] == first[-k]}
        if len(heads) + len(tails) < o.uneven_frame_min_shared or not (0 in heads or 1 in tails):
            break  # (most runs: a frame opens or closes its clauses)
        if not any(first[k] in frame_chars for k in heads) and not any(
            first[-k] in frame_chars for k in tails
        ):
            break  # (and holds a grammatical character)
        if uneven and j + 1 - i >= o.uneven_frame_min_clauses:
            slots = _uneven_frame(clauses[i : j + 1], o, frame_chars, sorted(heads), sorted(tails))
            if slots is not None:
                found = (j + 1, slots)
    return found


def _uneven_frame(
    run: Sequence[str],
    o: FormulationOptions,
    frame_chars: frozenset[str],
    heads: Sequence[int],
    tails: Sequence[int],
) -> list[str] | None:
    """The slots of the frame clauses of uneven lengths share (what each clause says in it), or
    None where they share none: a frame is the characters each clause has in common with all the
    others at one place counted from the clauses' starts (`heads`, from 0) or from their ends
    (`tails`, from 1), in `uneven_frame_min_parts` separate parts or more and
    `uneven_frame_min_shared` characters in all, a grammatical character among them, with
    something of its own in every clause."""
    if len(set(run)) < len(run) or len({len(c) for c in run}) == 1:
        return None  # (clauses of one length: the rules of even runs read them)
    slots: list[str] = []
    frame = ""  # (the frame as the last clause says it, its slots blanked)
    for clause in run:
        marked = {*heads, *(len(clause) - k for k in tails)}
        if len(marked) < o.uneven_frame_min_shared or len(marked) == len(clause):
            return None
        if 100 * len(marked) < o.uneven_frame_min_percent * len(clause):
            return None
        if sum(1 for k in marked if k - 1 not in marked) < o.uneven_frame_min_parts:
            return None
        masked = "".join(" " if k in marked else c for k, c in enumerate(clause))
        slots.extend(masked.split())
        frame = "".join(c if k in marked else " " for k, c in enumerate(clause))
    if any(word in frame for word in words().uneven_frame_pointing_words):
        return None
    return slots


def _crossed_clauses(text: str, o: FormulationOptions) -> Iterator[Candidate]:
    """Two whole clauses of one length that say two words in one order and then in the other,
    around a frame they share (rule `crossed-clauses`): 在发展中促转变，在转变中谋发展; 以需求牵引
    供给，以供给创造需求. (The rule `chiasmus` of the stage reads a pair joined by 、 whose
    clauses hold the same characters: 人民领袖爱人民、人民领袖人民爱.)"""
    comma = words().comma
    for m in _whole_pair(o.crossed_min_len, o.crossed_max_len).finditer(text):
        start = m.start()
        first, second = m.group(1), m.group(2)
        size = len(first)
        if len(second) != size or not _crossed(first, second):
            continue
        if _run_around(text, start - 1, size, comma) == (start, start + 2 * size + 1):
            # (not where a clause of the same length stands before or after: a longer run, cut)
            yield Candidate(
                first + comma + second, "slogan", start, None, (), BY_RULE, STAGE,
                "crossed-clauses",
            )


def _crossed(first: str, second: str) -> bool:
    """Tell whether two clauses of one length say two two-character words in crossed order
    (发展…转变 | 转变…发展) and share a character at one place outside them (在…中)."""
    both = {second[k : k + 2] for k in range(len(second) - 1)}
    if sum(first[k : k + 2] in both for k in range(len(first) - 1)) < 2:
        return False  # (most pairs: two words said in both are needed)
    for i in range(len(first) - 1):
        x = first[i : i + 2]
        for j in range(i + 2, len(first) - 1):
            y = first[j : j + 2]
            if x == y or not all(c.count(z) == 1 for c in (first, second) for z in (x, y)):
                continue  # (a word said twice in a clause crosses nothing: 新的时代有新的…)
            at_y, at_x = second.find(y), second.find(x)
            if at_x < at_y + 2:
                continue
            words_at = {i, i + 1, j, j + 1, at_y, at_y + 1, at_x, at_x + 1}
            pairs = enumerate(zip(first, second, strict=True))
            if any(a == b and k not in words_at for k, (a, b) in pairs):
                return True
    return False


def _even_runs(text: str, o: FormulationOptions) -> Iterator[Candidate]:
    """The runs of even_run_min_clauses clauses or more of even_run_len characters each, each a
    whole clause (rule `even-run`): 解放思想，改革开放，凝聚力量，攻坚克难; and those of
    even_run_lead_min_clauses that all open with one lead, none of them cut from a longer run
    (稳中有为，稳中提质，稳中有进: `_one_lead`). (Whether its clauses are tasks tells nothing
    here: the tagger takes 推进改革 and 解放思想 as one word each.)"""
    w = words()
    comma = w.comma
    size = o.even_run_len
    done = 0
    for m in _clause_pair(size, size).finditer(text):
        if m.start() < done:
            continue
        start, end = _run_around(text, m.start(), size, comma)
        done = end
        whole = (start, end)
        if text[end : end + 1] == w.list_separator:
            end -= size + 1  # 伟大梦想，|紧密联系|、相互贯通: the last clause goes on in a list
        if start and text[start - 1] not in (comma, *w.comma_run_stops, *OPENING_QUOTES):
            start += size + 1  # 知礼守礼、|文明游览，…; “…”|这一主题，…: a clause that goes on
        if start < end and text[start : start + size].endswith(w.comma_speaker_verbs):
            start += size + 1  # 文章指出，|伟大斗争，…: the speaker is no clause of it
        if start >= end:
            continue
        clauses = text[start:end].split(comma)
        if (
            # (three with one lead only where no clause of the run went on: 坚持|稳中有为，稳中
            # 提质，稳中有进，稳中向好 leaves three of four)
            (o.even_run_min_clauses <= len(clauses) or (
                (start, end) == whole
                and _one_lead(clauses, o)
                and not _lead_goes_on(text, start, end, clauses[0][: o.even_run_lead_len])
            ))
            and len(clauses) <= o.even_run_max_clauses
            and len(set(clauses)) == len(clauses)
        ):
            yield Candidate(
                comma.join(clauses), "slogan", start, None, (), BY_RULE, STAGE, "even-run"
            )


LEAD_REACH = 4  # characters of the clause next to a run read for its lead (see _lead_goes_on)


def _one_lead(clauses: Sequence[str], o: FormulationOptions) -> bool:
    """Tell whether `even_run_lead_min_clauses` clauses or more all open with the same
    `even_run_lead_len` characters (稳中|有为，稳中|提质，稳中|有进): a lead the motto repeats."""
    lead = o.even_run_lead_len
    if not lead or len(clauses) < o.even_run_lead_min_clauses:
        return False
    if len({c[:lead] for c in clauses}) != 1:
        return False
    w = words()
    if clauses[0].startswith(tuple(w.uneven_frame_pointing_words)):
        return False  # (有的地方，有的部门，有的单位: the pointing words of prose)
    first = default_tagger().tag(clauses[0], False)
    # (一间睡觉，一间库房，…; 谁无父母，…: a count or a question, prose)
    return not (first and first[0][1].startswith(w.even_run_lead_refused_tags))


def _lead_goes_on(text: str, start: int, end: int, lead: str) -> bool:
    """Tell whether a clause next to a run of clauses with one lead says the lead too, one
    that is no clause of four characters (坚持稳中有为，|稳中提质，稳中有进，稳中向好: the run
    is cut from a longer one)."""
    comma = words().comma
    before = text[max(0, start - 1 - len(lead) - LEAD_REACH) : start - 1]
    after = text[end + 1 : end + 1 + len(lead) + LEAD_REACH]
    return (text[start - 1 : start] == comma and lead in before) or (
        text[end : end + 1] == comma and lead in after
    )


def _run_around(text: str, comma_at: int, size: int, comma: str) -> tuple[int, int]:
    """Where the run of whole clauses of `size` characters joined by commas starts and ends,
    around the clause after the comma at `comma_at`."""
    start = comma_at + 1
    while (
        start - size - 1 >= 0
        and text[start - 1] == comma
        and _HAN_RUN.fullmatch(text, start - size - 1, start - 1)
        and not _GOES_BACK.match(text, start - size - 2, start - size - 1)
    ):
        start -= size + 1
    end = comma_at + 1 + size
    while (
        text[end : end + 1] == comma
        and _HAN_RUN.fullmatch(text, end + 1, end + 1 + size)
        and not _GOES_ON.match(text, end + 1 + size, end + 2 + size)
    ):
        end += size + 1
    return start, end


def _couplet_sentences(text: str, o: FormulationOptions) -> Iterator[Candidate]:
    """The sentences that are couplets (rule `couplet-sentence`)."""
    w = words()
    comma = w.comma
    n = len(text)
    start = 0
    longest = o.comma_couplet_max_clauses * (o.comma_couplet_max_len + 1)
    for piece in _sentence_stop().split(text):
        at, start = start, start + len(piece) + 1
        if len(piece) > longest or piece.count(comma) < o.comma_couplet_min_clauses - 1:
            continue  # (most sentences: longer than a couplet can be)
        end = at + len(piece)
        if (at == 0 or text[at - 1] in w.comma_sentence_opens) and (
            end < n and text[end] in w.comma_sentence_ends
        ):
            found = _couplet_sentence(piece.split(comma), o)
            if found is not None:
                yield Candidate(found, "slogan", at, None, (), BY_RULE, STAGE, "couplet-sentence")


def _couplet_sentence(clauses: Sequence[str], o: FormulationOptions) -> str | None:
    """The sentence as a motto when it is 2-4 clauses of one short length, not all of them
    tasks (安不忘危，兴不忘忧), else None."""
    size = len(clauses[0])
    if not (
        o.comma_couplet_min_clauses <= len(clauses) <= o.comma_couplet_max_clauses
        and o.comma_couplet_min_len <= size <= o.comma_couplet_max_len
        and all(len(c) == size for c in clauses)
        and len(set(clauses)) == len(clauses)
        and all(_HAN_RUN.fullmatch(c) for c in clauses)
    ):
        return None  # (most sentences: checked first, the cheapest way)
    if any(c.endswith(words().comma_speaker_verbs) for c in clauses) or _asks(clauses):
        return None  # 习近平指出，中泰一家亲; 产品有了，怎么卖呢: a speaker, a question
    if all(_is_task(c) for c in clauses) or not (
        size <= o.comma_couplet_free_max_len or _framed(clauses, o)
    ):
        return None
    return words().comma.join(clauses)


def _framed_runs(
    clauses: Sequence[str], start: int, o: FormulationOptions, after: str = ""
) -> Iterator[Candidate]:
    """The runs of three clauses or more of one length that share a frame, longest first from
    each clause (思想要再解放，改革要再深化，开放要再扩大); a run that ends the clauses may take
    the clause `after` them, a whole clause after a comma, that closes it with a longer subject."""
    comma = words().comma
    i = 0
    while i <= len(clauses) - o.framed_min_clauses:
        size = len(clauses[i])
        found = 0
        if o.framed_min_len <= size <= o.framed_max_len:
            j = i + 1
            while j < len(clauses) and j - i < o.framed_max_clauses and len(clauses[j]) == size:
                j += 1
            for k in range(j, i + o.framed_min_clauses - 1, -1):
                run = clauses[i:k]
                if (
                    len(set(run)) == len(run)
                    and all(_HAN_RUN.fullmatch(c) for c in run)
                    and _framed(run, o)
                    and not all(_is_task(c, framed=True) for c in run)
                ):
                    found = k
                    break
        if found:
            at = start + sum(len(c) + 1 for c in clauses[:i])
            phrase = comma.join(clauses[i:found])
            if found == len(clauses) and (last := _last_clause(after)) and _ends_framed(
                clauses[i:found], last, o
            ):
                phrase += comma + last  # …，开放要有新局面，各项工作要有新举措: a longer subject
            yield Candidate(phrase, "slogan", at, None, (), BY_RULE, STAGE, "framed-clauses")
            i = found
        else:
            i += 1


def _last_clause(after: str) -> str:
    """The whole clause a comma opens `after` with, up to the mark that ends it ("" where
    there is none)."""
    w = words()
    if not after.startswith(w.comma):
        return ""
    m = _HAN_RUN.match(after, len(w.comma))
    if m is None or after[m.end() : m.end() + 1] not in w.clause_ends or m.end() == len(after):
        return ""
    return m.group()


def _ends_framed(run: Sequence[str], clause: str, o: FormulationOptions) -> bool:
    """Tell whether a clause after a framed run closes it with a longer subject: its last
    characters, as many as the run's clauses have, share the run's frame (各项|工作要有新举措
    after 发展要有新思路，…)."""
    size = len(run[0])
    return (
        size < len(clause) <= size + o.framed_last_longer_max
        and bool(_HAN_RUN.fullmatch(clause))
        and _framed([*run, clause[-size:]], o)
    )


def _framed(run: Sequence[str], o: FormulationOptions) -> bool:
    """Tell whether clauses of one length share a frame character at one place, in a short word
    that is no noun, with a place before it and one after it where they differ (思想|要再|解放,
    改革|要再|深化; not 推进|不动产|登记, where 不 is inside a longer word)."""
    frame = words().comma_frame_characters
    columns = list(zip(*run, strict=True))
    free = [k for k, column in enumerate(columns) if column.count(column[0]) != len(run)]
    if not free:
        return False
    places = [
        k
        for k, column in enumerate(columns)
        if column[0] in frame and column.count(column[0]) == len(run) and free[0] < k < free[-1]
    ]
    return any(all(_in_a_frame_word(c, k, o) for c in run) for k in places)


def _in_a_frame_word(clause: str, k: int, o: FormulationOptions) -> bool:
    """Tell whether the character at `k` is in a word of at most `framed_word_max` characters
    that is no noun (要, 就是, 不敢), as the tagger cuts the clause."""
    at = 0
    for word, tag in default_tagger().tag(clause, False):
        at += len(word)
        if k < at:
            return len(word) <= o.framed_word_max and tag not in words().noun_tags
    return False


def _asks(clauses: Sequence[str]) -> bool:
    """Tell whether clauses hold a question word or end in a question particle (怎么卖呢,
    明年怎么办), as the quoted stage reads a question (`quoted.question_pattern`)."""
    asks = question_pattern()
    return any(asks.search(c) for c in clauses) or clauses[-1].endswith(
        words().question_particles
    )


def _is_task(clause: str, *, framed: bool = False) -> bool:
    """Tell whether a clause is a task: it opens with a verb and ends with its object (发展|海洋
    经济, 支持|社会办医). In a framed run (`framed`), where a frame character follows the first
    word as a word of its own, that word is the clause's subject (发展|要|有新思路: what
    development is to have), no task; a sentence of two clauses so is as often a reporter's
    (取暖|不|烧煤，开车不烧油)."""
    w = words()
    tagged = default_tagger().tag(clause, False)
    if framed and len(tagged) > 1 and tagged[1][0] in w.comma_frame_characters:
        return False
    return bool(tagged) and tagged[0][1] in w.task_verb_tags and tagged[-1][1] in w.task_object_tags


_HAN_RUN = re.compile(f"[{HAN}]+")
# what a clause goes on with after a stretch of Han characters (努力实现|“十二五”时期良好开局;
# 力争|2030年前…): no whole clause ends there; and what it goes on from before one
_GOES_ON = re.compile(f"[{HAN}{CN_ZEROS}0-9０-９A-Za-z{OPENING_QUOTES}《（(]")
_GOES_BACK = re.compile(f"[{HAN}{CN_ZEROS}0-9０-９A-Za-z{CLOSING_QUOTES}》）)]")


@lru_cache(maxsize=4)
def _whole_pair(min_len: int, max_len: int) -> re.Pattern[str]:
    """Two whole clauses of min_len to max_len characters joined by a comma (no Han character
    right before or after them), the second read ahead (it may open the next pair): groups 1
    and 2, the lengths checked by the caller."""
    comma = re.escape(words().comma)
    clause = f"[{HAN}]{{{min_len},{max_len}}}"
    return re.compile(f"(?<![{HAN}])({clause}){comma}(?=({clause})(?![{HAN}]))")


@lru_cache(maxsize=4)
def _clause_pair(min_len: int, max_len: int) -> re.Pattern[str]:
    """A comma, then two whole clauses of one length between min_len and max_len joined by a
    comma (the first of them is the last group that matched)."""
    comma = re.escape(words().comma)
    pairs = "|".join(
        f"([{HAN}]{{{k}}}){comma}[{HAN}]{{{k}}}" for k in range(min_len, max_len + 1)
    )
    return re.compile(f"{comma}(?:{pairs})(?!{_GOES_ON.pattern})")


@lru_cache(maxsize=4)
def _short_clause_runs(shortest: int, longest: int, least: int) -> re.Pattern[str]:
    """`least` whole clauses or more of `shortest` to `longest` Han characters each, joined by
    commas: a mark of `comma_run_stops`, a comma or the text's edge before and after the run."""
    comma = re.escape(words().comma)
    edge = f"[^{re.escape(words().comma_run_stops)}{comma}]"
    clause = f"[{HAN}]{{{shortest},{longest}}}"
    return re.compile(f"(?<!{edge})(?:{clause}{comma}){{{least - 1},}}{clause}(?!{edge})")


@lru_cache(maxsize=1)
def _sentence_stop() -> re.Pattern[str]:
    return re.compile(f"[{re.escape(words().comma_run_stops)}]")
