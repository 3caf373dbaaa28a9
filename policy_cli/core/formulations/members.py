"""The members of a numbered set that the document lists next to it (三大行动: A、B、C)."""

from __future__ import annotations

import re
from collections.abc import Sequence

from policy_cli.core.chars import HAN
from policy_cli.core.formulations.options import FormulationOptions
from policy_cli.core.formulations.vocab import is_verb, patterns, word_tag, words
from policy_cli.core.segment import default_tagger
from policy_cli.core.tokens import Segmentation, segment_text


def listed_items(
    text: str,
    start: int,
    end: int,
    head: str,
    o: FormulationOptions,
    *,
    quoted: bool = False,
    seg: Segmentation | None = None,
) -> tuple[str, ...]:
    """Return the members of a numbered set listed next to it.

    Before it: 大会发布了A、B、C三大行动; 面临需求收缩、供给冲击、预期转弱三重压力;
    粮食面积、总产、单产实现“两增一稳” (a quoted head after the list's verb).
    After it: 六保，即保居民就业、保基本民生…; 三大球（足球、篮球、排球）.
    A quoted head right after a word sits inside a member (营造“三贯通一融合”一流创新生态).
    """
    w = words()
    n = count_of(head)
    if n < o.set_min_members:
        return ()
    # n members of at most item_max_len_before characters, their separators, a quote mark and
    # a verb: a clause that opens farther back holds no such list, and is not read (a text
    # without a clause mark was read back to its start at every count: its square)
    reach = n * (o.item_max_len_before + 1) + 1 + max(o.list_verb_lens, default=0)
    lo = max(0, start - reach - 1)
    clause_start = max(text.rfind(ch, lo, start) for ch in w.clause_marks) + 1
    before = text[clause_start:start] if clause_start or not lo else ""
    if quoted or before.endswith(w.open_quote):
        before = before.removesuffix(w.open_quote)
        verb = next((before[-k:] for k in o.list_verb_lens if is_verb(before[-k:])), "")
        before = before[: len(before) - len(verb)] if verb else _list_right_before(before)
    before = before.removesuffix(w.demonstrative)  # …、改革开放这|两个基本点
    parts = before.split(w.list_separator) if before else []
    if len(parts) == n and all(1 <= len(p) <= o.item_max_len_before for p in parts):
        parts[0] = _first_item(parts[0], clause_start, parts[1:], o, seg or segment_text(text))
        items = _clean_items(parts, o)
        if items:
            return items
    m = patterns().members_after.match(text[end : end + o.members_window])
    if m:
        parts = split_items(m.group(1))
        if n == PAIR and len(parts) == 1:
            # a pair defined as A和B (“两新”：大规模设备更新和消费品以旧换新, a glossary's line)
            parts = _pair(parts[0])
        if len(parts) == n and all(
            len(_ASIDE.sub("", p)) <= o.item_max_len_after and w.comma not in p for p in parts
        ):  # (an item's length without its aside in brackets: 129个县（市、区）全覆盖)
            parts[0] = parts[0].lstrip(w.item_prepositions)  # ：对伟大祖国、中华民族…的认同
            return _clean_items(parts, o)
    return ()


PAIR = 2
KNOWN_MEMBER_MIN = 4  # a member named whole as a formulation of the lexicon is this long at least
_BRACKETS = {"（": "）", "(": ")"}
_ASIDE = re.compile(r"[（(][^（()）]*[）)]")


def split_items(listed: str) -> list[str]:
    """The items of a list at its separators (、), not at those inside brackets: 16个州（市）全覆盖、
    129个县（市、区）全覆盖 is two items."""
    sep = words().list_separator
    if not any(b in listed for b in _BRACKETS):
        return listed.split(sep)  # (most lists)
    items, depth, start = [], 0, 0
    for k, ch in enumerate(listed):
        if ch in _BRACKETS:
            depth += 1
        elif ch in _BRACKETS.values():
            depth = max(0, depth - 1)
        elif ch == sep and not depth:
            items.append(listed[start:k])
            start = k + 1
    items.append(listed[start:])
    return items


def _pair(definition: str) -> list[str]:
    """The two halves of a definition of one clause joined once by a conjunction (A和B), or the
    whole (一个是求得民族独立和人民解放，一个是…: clauses, each of its own)."""
    if words().comma in definition:
        return [definition]
    for conj in words().list_run_conjunctions:
        if definition.count(conj) == 1:
            head, _, tail = definition.partition(conj)
            return [head, tail]
    return [definition]


def _list_right_before(before: str) -> str:
    """The list right before a quoted set with no verb between (产业、创业、就业“三业联动”,
    有利于…、有利于…这“三个有利于”: the demonstrative goes), or "" where what stands there is no
    list of its members: one more item of a list it closes (…、基本纲领和“三个代表”), a
    modifier of it (懂农业、爱农村、爱农民的“三农”工作队伍), or a list of quoted names
    (“双高”、中职学校“双优”)."""
    w = words()
    before = before.removesuffix(w.demonstrative)  # (said before the check below)
    if not before or before[-1] in w.function_words or w.close_quote in before:
        return ""
    return before


def _clean_items(parts: Sequence[str], o: FormulationOptions) -> tuple[str, ...]:
    """Tidy list members (stray quote marks) and refuse lists that are not members of a set."""
    w = words()
    quotes = w.open_quote + w.close_quote
    items = []
    for p in parts:
        p = p.strip()
        if p.count(w.open_quote) != p.count(w.close_quote):
            # a quote mark whose other half the cut left outside (一带一路”建设 of 深入实施“一带
            # 一路”建设): no quote marks at all
            p = p.translate(str.maketrans("", "", quotes))
        if len(re.findall(rf"[{HAN}]", p)) < o.item_min_han or is_verb(p):
            return ()  # “两个确立”、坚决做到“两个维护”: not a list of members
        items.append(p)
    return tuple(items)


def _first_item(
    first: str, at: int, others: Sequence[str], o: FormulationOptions, seg: Segmentation
) -> str:
    """Cut the clause's subject and verb off the first member of a list.

    After 了 the object starts (大会发布了余杭区打造… -> 余杭区打造…). A member that is a
    formulation of the national lexicon is named whole, whatever opens the clause before it
    (着力打好|防范化解重大风险、精准脱贫、污染防治). Where the clause opens with verbs and their
    adverbs, what follows them is the member when it opens with no verb and is about as long as
    the others (坚决守住|土地公有制性质不改变、耕地红线不突破、农民利益不受损). Otherwise the
    first member is the longest run of its last words that is no longer than the other members
    and does not open with a verb or a conjunction (布局建设物理、应用数学、合成生物 -> 物理; 面临
    需求收缩 -> 需求收缩; “一国两制”方针和香港、澳门两个基本法 -> 香港).
    """
    w = words()
    k = first.rfind(w.perfective)
    if k >= 0:
        return first[k + 1 :]  # 发布了 A、B、C: the object starts after the verb's 了
    rest = re.sub(rf"^[^{HAN}{w.open_quote}]+", "", first).lstrip(w.item_prepositions)
    at += len(first) - len(rest)  # `first` starts at `at` in the text
    first = rest
    if not first:
        return first
    cut = seg.words(at, at + len(first))
    others_longest = max((len(x) for x in others), default=0)
    known = _known_tail(cut, others_longest)
    if known:
        return known
    longest = max(o.first_item_min_len, others_longest)
    if len(first) <= others_longest:
        if any(_a_verb(_first_word(x)) for x in others):
            return first  # (保居民就业、保基本民生: every member opens with its verb)
        # the verbs the list's clause opens with, no member's (深化|合肥、上海张江; 深入|打好|
        # 汽车、钢铁、化工), the member's nouns left; not a verbal noun's modifier (开发|研究、
        # 高新技术及其产业、基础性研究: 开发研究 is one)
        return "".join(cut[_lead_verbs(cut) :])
    if len(first) <= longest and not _opens_with_verb(cut[0]):
        return first  # (a short first member that opens with a verb holds the clause's: 打赢|蓝天)
    k = _lead_verbs(cut)
    after_lead = "".join(cut[k:])
    others_shortest = min((len(x) for x in others), default=0)
    if (
        k
        and not any(_a_verb(_first_word(x)) for x in others)  # (打击…、扫除…、整治…: acts)
        and others_shortest * 100
        <= len(after_lead) * 100
        <= others_longest * o.first_item_stretch_percent
        and not (_opens_with_verb(cut[k]) or is_verb(cut[k]))
    ):
        return after_lead  # 坚决|守住|土地公有制性质不改变: the verbs of the clause cut off
    best = cut[-1]
    for i in range(len(cut) - 1, -1, -1):
        tail = "".join(cut[i:])
        if len(tail) > longest:
            break
        if (
            not is_verb(cut[i])
            and not tail.startswith(tuple(w.particles_never_first))  # 头上|的|帝国主义
            and word_tag(cut[i]) not in w.member_never_first_tags  # …方针|和|香港: a conjunction
            and not (len(tail) > others_longest and _opens_with_verb(cut[i]))
        ):
            best = tail
    return best


def _lead_verbs(cut: Sequence[str]) -> int:
    """How many of a clause's first words are its verbs, their adverbs and complements (坚决|守住,
    深入|打好), a word at least left after them; the last verb stays where the word after it
    makes one compound with it (加强|开发研究: 开发 is the member's own)."""
    k = 0
    # (a verb's complement goes with it: 打|好; an adverb before it: 坚决|守住)
    while k < len(cut) - 1 and (
        _a_verb(cut[k]) or (k or _adverb(cut[k])) and _opens_with_verb(cut[k])
    ):
        k += 1
    if k and word_tag(cut[k]) in words().member_compound_tags:
        k -= 1
    return k


def _adverb(word: str) -> bool:
    """Tell whether the tagger reads a word alone as an adverb (坚决, 积极)."""
    return word_tag(word) in words().lead_adverb_tags


def _known_tail(cut: Sequence[str], others_longest: int) -> str:
    """The longest run of a member's last words that is a formulation of the national lexicon
    and as long as the other members at least (防范化解重大风险 of 着力打好防范化解重大风险, not
    粮食安全 of 守住确保国家粮食安全、确保不发生规模性返贫致贫), or ""."""
    from policy_cli.core.national import everyday_lexicon, national_lexicon
    from policy_cli.core.phrases import canonical

    lexicon, everyday = national_lexicon(), everyday_lexicon()
    for i in range(len(cut)):
        tail = "".join(cut[i:])
        key = canonical(tail)
        if len(key) >= max(KNOWN_MEMBER_MIN, others_longest) and (
            key in lexicon or key in everyday
        ):
            return tail
    return ""


def _first_word(text: str) -> str:
    """The first word of a member, as the tagger cuts it alone ("" for none)."""
    tagged = default_tagger().tag(text, False) if text else []
    return tagged[0][0] if tagged else ""


def _a_verb(word: str) -> bool:
    """Tell whether a word is a verb: one that opens a clause (深化, 加快: `is_verb`) or one the
    tagger reads as a verb whole (深入, 守住), not an adjective or an adverb (新, 高端)."""
    if is_verb(word):
        return True
    tagged = default_tagger().tag(word, False) if word else []
    return len(tagged) == 1 and tagged[0][1] in words().verb_tags


def _opens_with_verb(word: str) -> bool:
    """Tell whether the tagger reads a word as a verb or as the adverb or complement of one
    (打, 好 of 打好): a first member longer than the others that opens so holds the clause's
    verb (全力打好|汽车、钢铁、化工). Read only there: the tagger takes some nouns for verbs
    (需求 in 需求收缩)."""
    tagged = default_tagger().tag(word, False)
    w = words()
    return bool(tagged) and (tagged[0][1] in w.verb_tags or tagged[0][1] in w.manner_tags)


def count_of(head: str) -> int:
    """How many members a numbered set has: 三大行动 3, 两增一稳 3, 一馆四中心 5."""
    w = words()
    digits = "".join(w.count_values)  # the count words with a value: 一二两双三…十
    m = re.match(rf"第?([{digits}])", head)
    if not m:
        return 0
    parts = re.findall(rf"([{digits}])[^{digits}]+", head)
    if len(parts) >= 2 and patterns().compound.fullmatch(head):
        return sum(w.count_values.get(p, 0) for p in parts)
    return w.count_values.get(m.group(1), 0)
