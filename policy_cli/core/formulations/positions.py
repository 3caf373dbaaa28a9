"""Stage `position`: positioning names, the roles the centre assigns a region (its 定位).

Provincial reports (and national ones) name what their region is to become or be: 向北开放桥头堡,
南方生态安全屏障, 面向东盟的金融开放门户, 中部地区崛起的重要战略支点, 国际消费中心城市. A reader
tells such a name by two things:

- its head is a role head: a figure of a role (…桥头堡, …屏障, …支点, …门户, …高地, …策源地), or
  a designation (…中心, …枢纽, …基地, …示范区, …先行区);
- it says what the region is to become or be: it is the object of a verb of becoming (打造|内陆
  地区改革开放高地, 加快建成|中部地区崛起的重要战略支点, 筑牢|我国南方生态安全屏障), running to
  the clause's edge; or it opens a clause that reports on its building or heads the part of the
  report given to it (铸牢中华民族共同体意识示范区|建设走深走实, 向北开放桥头堡|方面，).

A designation names a project site as often as a role (打造|数据加工基地, 建设|锡林郭勒工业固废综合
利用基地): after a verb of becoming it is a role only with a scope word, the level or area the role
is for (国家区域医疗中心, 国际消费中心城市, 面向东盟的…, 具有全国影响力的…). Names listed after
the first (、) with a role head are named by the same verb (建设|国家物流枢纽、国家骨干冷链物流基地);
three or more such names of one head make one positioning of the region, listed whole as a motto
(打造|全球高端人才重要集聚地、世界原始创新重要策源地、现代产业创新引领地、全国创新生态示范地).
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator
from functools import lru_cache

from policy_cli.core.chars import HAN
from policy_cli.core.formulations.candidate import Candidate
from policy_cli.core.formulations.options import FormulationOptions
from policy_cli.core.formulations.vocab import Words, is_verb, word_tag, words
from policy_cli.core.occurrences import count_each, find_each
from policy_cli.core.patterns import longest_first
from policy_cli.core.tokens import Segmentation, segment_text

# characters from which the described names' cores are counted in one pass (two readings of
# the names); below, one `str.count` each (a 363 k-character text asks 7: 6 ms, where the two
# readings took 12)
ONE_PASS_CHARS = 2_000_000

STAGE = "position"


def find_positions(
    text: str, options: FormulationOptions, seg: Segmentation | None = None
) -> Iterator[Candidate]:
    """Yield the positioning names of a text: objects of a verb of becoming, with the names
    listed after them, and names that open a clause on their building."""
    ending = _patterns(options.position_max_len)[-1]
    ends = {m.end() for m in ending.finditer(text)}
    if not ends:
        return  # (most short texts: one search, not five patterns tried at every character)
    seg = seg or segment_text(text)
    said: Callable[[str], int] = text.count
    if len(text) >= ONE_PASS_CHARS:
        # how often the described cores are said, counted in one pass over a long text, not a
        # scan of it per name (10 M characters: 0.53 -> ~0.27 s, and linear): the names are
        # read once to learn which cores are asked (as if each were said enough: every core
        # the real reading may ask is asked), then for real
        asked: set[str] = set()

        def ask(core: str) -> int:
            asked.add(core)
            return options.position_described_min_said

        for _ in _find(text, options, seg, ends, ask):
            pass
        counts = count_each(text, asked)
        said = counts.__getitem__
    yield from _find(text, options, seg, ends, said)


def _find(
    text: str,
    options: FormulationOptions,
    seg: Segmentation,
    ends: set[int],
    said: Callable[[str], int],
) -> Iterator[Candidate]:
    """`find_positions` once the role heads' ends are known; `said(core)`: how often the text
    says a described name's core."""
    w = words()
    obj, item, subject, parallel, focus, _ = _patterns(options.position_max_len)
    near = _near(text, sorted(ends), _reach(options.position_max_len))
    for m in near(obj):
        names: list[tuple[str, int]] = []
        found: re.Match[str] | None = m
        first = True
        while found is not None:
            name, start = found.group("name"), found.start("name")
            if first:
                name, start = _after_complement(name, start, w, seg)
                first = False
            parts = _split_joined(name, start, w)
            if not all(_a_role(p, w, options, said, scoped=True) for p, _ in parts):
                break
            names.extend(parts)
            at = found.end()
            if text[at : at + 1] != w.list_separator:
                break
            found = item.match(text, at + 1)
        for name, start in names:
            yield Candidate(name, "name", start, stage=STAGE, rule="becoming")
    for m in parallel.finditer(text):
        listed = m.group("set")
        if _a_positioning_set(listed, w, options):
            yield Candidate(listed, "slogan", m.start("set"), stage=STAGE, rule="set")
    for m in (*near(subject), *near(focus)):
        name, start = m.group("name"), m.start("name")
        cut = seg.words(start, start + len(name))
        if any(is_verb(x) for x in cut):
            continue  # 加快推进|…中心建设: a clause opened by a verb (stage programme)
        if any(word_tag(x) in w.position_refused_tags for x in cut):
            continue  # 他还实地察看了|…基地建设情况: a pronoun, a done act: a sentence
        if any(j in name for j in w.position_joiners) and len(_split_joined(name, start, w)) > 1:
            continue  # a list of names, not one
        if _a_role(name, w, options, said, scoped=False):
            rule = "subject" if m.re is subject else "focus"
            yield Candidate(name, "name", start, stage=STAGE, rule=rule)


def _near(
    text: str, ends: list[int], reach: int
) -> Callable[[re.Pattern[str]], Iterator[re.Match[str]]]:
    """A scan of the stretches of `text` that end at a role head (`ends`, where a name may
    end): the matches of a pattern whose name ends there, the same as over the whole text,
    without trying the pattern at every character of a long text."""
    spans: list[list[int]] = []
    for e in ends:
        lo, hi = max(0, e - reach), e + _AFTER_HEAD
        if spans and lo <= spans[-1][1]:
            spans[-1][1] = hi
        else:
            spans.append([lo, hi])
    wanted = set(ends)

    def scan(pattern: re.Pattern[str]) -> Iterator[re.Match[str]]:
        for lo, hi in spans:
            for m in pattern.finditer(text, lo, hi):
                if m.end("name") in wanted:
                    yield m

    return scan


# a name is followed by at most this much that a pattern reads (建设 and one character)
_AFTER_HEAD = 3


@lru_cache(maxsize=4)
def _reach(max_len: int) -> int:
    """How far before a role head's end a match may start: the clause mark or the verbs (three
    at most in a row, 建设成为…), the name and its head."""
    w = words()
    verbs = (*w.position_verbs, *w.position_focus_verbs)
    return 1 + 3 * max(map(len, verbs)) + max_len + max(map(len, _heads()))


def _after_complement(name: str, start: int, w: Words, seg: Segmentation) -> tuple[str, int]:
    """Cut a complement of result off the front of a name (建设成|全国…示范区, 打造成为|…), where
    the segmenter cuts after it (建设|成渝地区… keeps its 成)."""
    for c in longest_first(w.result_complements):
        if name.startswith(c) and seg.starts_word(start + len(c)):
            return name[len(c) :], start + len(c)
    return name, start


def _split_joined(name: str, start: int, w: Words) -> list[tuple[str, int]]:
    """Split two names joined by 和/及/与 where the first ends in a head (国家医学中心|和|
    首都公共卫生中心, 国家实验室|及|基地); a joiner between modifiers stays (能源和战略资源基地)."""
    heads = _joined_heads()
    for j in w.position_joiners:
        at = name.find(j)
        while at > 0:
            if name[:at].endswith(heads):
                rest = _split_joined(name[at + len(j) :], start + at + len(j), w)
                return [(name[:at], start), *rest]
            at = name.find(j, at + 1)
    return [(name, start)]


def _a_role(
    name: str, w: Words, o: FormulationOptions, said: Callable[[str], int], *, scoped: bool
) -> bool:
    """Tell whether a name ending in a role head names a role: a body of its own (no count, no
    list, no verb of becoming inside) and, for a designation, a scope word (after a verb of
    becoming; at the front of a clause's subject, where one is said)."""
    head = next((h for h in _heads() if name.endswith(h)), None)
    if head is None:
        return False
    body = name[: -len(head)]
    if len(name) < o.position_min_len or not re.match(f"[{HAN}“]", body):
        return False  # (——改革开放新高地: a list's dash)
    if body[0] in w.count + "第" or w.etc in body or body.count("“") != body.count("”"):
        return False  # a count (一批, 两个…), a list (…等基地)
    if any(v in body for v in w.position_verbs):
        return False  # two clauses, not one name
    if body in w.position_generic_bodies:
        return False  # 打造|发展新高地: no field of its own
    described = body.rfind(w.trail_possessive)
    if described >= 0 and not body.startswith(w.position_area_scopes):
        core = name[described + 1 :]
        if said(core) < o.position_described_min_said:
            return False  # 具有世界聚合力的|双向开放枢纽, said once: praise, not a name
    if head not in w.position_designation_heads:
        return True
    scopes = [
        at
        for s in w.position_scope_words
        for at in find_each(body, s)
        if not body.startswith(w.position_scope_ranks, at + len(s))
    ]
    if scoped:
        return bool(scopes)
    # a subject names a designation alone (铸牢中华民族共同体意识示范区|建设), or with its scope
    # in front (运营|国家区域医疗中心 is a clause)
    return not any(s in body for s in w.position_scope_words) or 0 in scopes


def a_site(name: str) -> bool:
    """Tell whether a zone's name is a project site rather than a role: a head that names the
    place where some work is done (…基地) with no scope word before it (数据加工基地, 低空飞行器
    试飞测试基地, 锡林郭勒工业固废综合利用基地; not 国家南繁育种基地). Stage programme asks."""
    w = words()
    head = next((h for h in w.position_site_heads if name.endswith(h)), None)
    if head is None:
        return False
    body = name[: -len(head)]
    return not any(
        not body.startswith(w.position_scope_ranks, at + len(s))
        for s in w.position_scope_words
        for at in find_each(body, s)
    )


def _a_positioning_set(listed: str, w: Words, o: FormulationOptions) -> bool:
    """Tell whether the names listed after one verb of becoming are one positioning: three or
    more of about one length sharing their last character, one at least ending in a role head
    (知识积聚富集区、创新策源活跃区、科技服务引领区、创新生态示范区)."""
    names = listed.split(w.list_separator)
    if len(names) < o.position_set_min or len({n[-1] for n in names}) != 1:
        return False
    lengths = [len(n) for n in names]
    if max(lengths) - min(lengths) > o.position_set_length_spread:
        return False
    return any(len(n) >= o.position_min_len and n.endswith(_heads()) for n in names)


@lru_cache(maxsize=1)
def _joined_heads() -> tuple[str, ...]:
    """The heads that end the first of two joined names: role heads, zone and place heads,
    institutions (国家实验室|及|基地)."""
    w = words()
    return (*_heads(), *w.zone_heads, *w.place_heads, *w.proper_institution_heads)


@lru_cache(maxsize=1)
def _heads() -> tuple[str, ...]:
    w = words()
    heads = (*w.position_role_heads, *w.position_designation_heads)
    return tuple(longest_first(heads))


@lru_cache(maxsize=4)
def _patterns(max_len: int) -> tuple[re.Pattern[str], ...]:
    w = words()

    def alt(xs: tuple[str, ...]) -> str:
        return "|".join(re.escape(x) for x in longest_first(xs))

    heads = alt(_heads())
    verbs = alt(w.position_verbs)
    body = rf"[{HAN}“”—（）]{{1,{max_len}}}?"
    edge = rf"(?=[，。；、）\n]|{re.escape(w.etc)}|{alt(w.construction_nouns)}|$)"
    # verbs may come in a row (建设成为, 打造和建设): the name starts after the last one
    obj = re.compile(rf"(?:{verbs})(?:[和、]?(?:{verbs}))*(?P<name>{body}(?:{heads})){edge}")
    item = re.compile(rf"(?P<name>{body}(?:{heads})){edge}")
    # (the name opens the text, or follows a clause's mark: the mark is matched, not looked
    # behind for, so that `re` skips to the marks)
    subject = re.compile(
        rf"(?:[。；\n：]|^)(?P<name>{body}(?:{heads}))(?:{alt(w.position_subject_nouns)})"
        rf"(?=[{HAN}，])"
    )
    # a list of names after the verb, to the clause's edge (the set of a region's positioning)
    name = rf"[{HAN}]{{{2},{max_len}}}"
    parallel = re.compile(
        rf"(?:{verbs})(?:[和、]?(?:{verbs}))*"
        rf"(?P<set>{name}(?:{re.escape(w.list_separator)}{name})+)(?=[，。；\n]|$)"
    )
    focus = re.compile(
        rf"(?:{alt(w.position_focus_verbs)})(?P<name>{body}(?:{heads}))"
        rf"(?:{alt(w.construction_nouns)})"
    )
    # a role head at a name's end: no positioning name without one
    ending = re.compile(
        rf"(?:{heads})(?=[，。；、）\n]|{re.escape(w.etc)}|"
        rf"{alt((*w.construction_nouns, *w.position_subject_nouns))}|$)"
    )
    return obj, item, subject, parallel, focus, ending
