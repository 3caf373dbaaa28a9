"""Formulations (提法): slogans, numbered formulations, coded programmes and quoted names.

A careful reader of a policy document lists its 提法: the phrases the document (or the Party and
the government across many documents) uses as fixed names for a policy, a programme or a motto.
They are found by general rules, never by a list fitted to particular documents:

- quoted spans (“…”) that have the shape of a formulation rather than of a quotation or of an
  ordinary word put in quotes (a length, punctuation and shape classifier);
- count-word patterns: a number names a set (两个确立, 三大攻坚战, 六稳, 十四五, 二十届三中全会,
  安全生产治本攻坚三年行动, 两新一重), with the members when the document lists them nearby;
- digit codes ("132", "296X", "4+1", 33条) with what they refer to (the noun phrase after them);
- parallel mottos: clauses of equal length sharing a word at the same place
  (稳地价、稳房价、稳预期; 尽力而为、量力而行; 不敢腐、不能腐、不想腐), short clauses that fill
  a clause or are repeated (图更强、争一流、敢首创), the pair that is the whole object of a verb
  of command (坚持稳字当头、稳中求进); lists of things (产业链、供应链; 市发改委、市经信局) are not;
- phrases ending in a head word that names a doctrine, strategy or campaign (新发展格局,
  伟大建党精神, 污染防治攻坚战, 以人民为中心的发展思想), with the boundary found by the segmenter;
- motto frames: 统筹A和B filling a clause (统筹发展和安全), a clause and its negation sharing a
  frame (房子是用来住的、不是用来炒的), two modifiers sharing a head (跨周期和逆周期调节), words
  opening alike (碳达峰碳中和; 坚持共商共建共享 as the whole object of a verb of command);
- set phrases learnt from the background corpus of 62 national work reports and Party congress
  reports (`policy_cli/data/formulations.txt`, rebuilt by `scripts/build_formulations.py`),
  found unquoted in the document.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass
from functools import lru_cache

from policy_cli import data
from policy_cli.core.occurrences import containers, find_all, non_overlapping
from policy_cli.core.segment import default_segmenter, default_tagger
from policy_cli.errors import UsageError
from policy_cli.models import Document, Formulation

KINDS = ("code", "numbered", "slogan", "name")
SORTS = ("first", "count")
MAX_CONTEXTS = 3

_HAN = "\u4e00-\u9fff"
_NUM = "一二两三四五六七八九十百千万双"
_DIGIT_NUM = "一二三四五六七八九十"
_CN_VALUE = {"一": 1, "二": 2, "两": 2, "双": 2, "三": 3, "四": 4, "五": 5, "六": 6, "七": 7,
             "八": 8, "九": 9, "十": 10}

# A quoted span: “…” (the normaliser turns ASCII "..." around Chinese into “…”), 「…」, 『…』.
_QUOTED = re.compile(r"“([^“”\n]{1,40})”|「([^「」\n]{1,40})」|『([^『』\n]{1,40})』")
_SENTENCE_END = re.compile(r"[。！？!?；;：:]")
_CODE = re.compile(r"^(?=.*\d)[0-9A-Za-z]+(?:[+＋][0-9A-Za-z]+)*(?:条|号)?$")
_UNQUOTED_CODE = re.compile(
    r"(?<![0-9A-Za-z.+＋%])(\d{1,3}(?:[+＋](?:\d{1,3}|[XN]))+)(?![0-9A-Za-z.%+＋])"
)
_COUNT_START = re.compile(rf"^第?[{_NUM}]")

# Numbered patterns that need no lexicon: plans, congresses and plenums, multi-year campaigns.
_PLAN = re.compile(r"(?<![一二三四五六七八九十])十[一二三四五六七八九]五(?:规划)?(?![一二三四五六七八九十])")
_PLENUM = re.compile(
    r"(?:党的)?(?:十[一二三四五六七八九]|二十[一二三四五六七八九]?)届"
    r"[一二三四五六七八九]中全会"
)
_CONGRESS = re.compile(
    r"(?:党的)?(?<![一二三四五六七八九十第])(?:十[二三四五六七八九]|二十[一二三四五六七八九]?)大"
    r"(?=精神|胜利|召开|报告|和|以来|代表|、|，|。|；|”)"
)
_CAMPAIGN = re.compile(
    r"[一二三四五六七八九十]年"
    r"(?:专项整治行动|攻坚行动|行动计划|行动方案|攻坚方案|攻坚战|规划|行动|禁渔)"
)
# 18亿亩耕地红线: a quantity that names a line not to cross
_QUANTITY_LINE = re.compile(rf"\d+(?:\.\d+)?[亿万]亩[{_HAN}]{{0,4}}(?:红线|底线)")
# 三重压力, 三大攻坚战, 两个毫不动摇: a count word and a measure word open the name
_COUNTED = re.compile(r"(?<![一二三四五六七八九十百千万第\d])([两三四五六七八九十双])(个|大|重|孩|项|种)")
_ORDINAL_SET = re.compile(rf"第[{_DIGIT_NUM}]+个[{_HAN}]{{2,8}}?(?:奋斗目标|历史决议|决议)")
# 两新一重, 三贯通一融合, 一馆四中心, 两廊两带两区, 两增一稳: count words alternating with
# short heads, the whole set being the formulation.
_COMPOUND = re.compile(rf"[{_NUM}][{_HAN}]{{1,3}}?(?:[{_NUM}][{_HAN}]{{1,3}}?){{1,3}}(?![{_HAN}])")

_PARALLEL_SEP = "、"
# Head words that close a doctrine, strategy or campaign name. A short hand list of general
# Chinese policy vocabulary (思想, 精神, 战略, 攻坚战...), not taken from any annotation; each head
# has its own guard below against the generic uses of running prose.
_DOCTRINE_HEADS = (
    "思想", "精神", "倡议", "理念", "格局", "意识", "共同体", "攻坚战", "保卫战", "总基调",
    "大市场", "共同价值", "自由贸易港", "经济圈", "交易所", "保障基金", "伙伴关系协定", "投资协定",
    "冬奥会", "战略",
    "大盘", "基本盘",
)
# 战略 names a strategy only with a real modifier of its own (全面节约战略, 乡村振兴战略); the
# modifiers below make the generic "national / regional / major strategy" of running prose.
_GENERIC_STRATEGY = ("国家", "区域", "重大", "发展", "领域", "规划", "省", "市", "军事", "工业")
_WORD_INTERNAL_HEADS = ("精神", "思想", "意识", "共同体", "理念", "倡议", "战略")
# Generic doctrine phrases: the spirit of a meeting or a speech (会议精神, 讲话精神), the
# virtues of a trade (企业家精神): not names. Checked on the modifier's last character.
_GENERIC_MODIFIER_END = frozenset("会话示议家")


@dataclass(frozen=True)
class _Candidate:
    text: str
    kind: str
    offset: int
    refers_to: str | None = None
    items: tuple[str, ...] = ()
    strength: int = 1  # 2: quoted or otherwise certain; 1: found by an unquoted rule


def extract_formulations(
    document: Document,
    *,
    kinds: Iterable[str] | None = None,
    sort: str = "first",
) -> list[Formulation]:
    """List the formulations (提法) of a document.

    Args:
        document: the loaded, normalised document.
        kinds: keep only these kinds (code, numbered, slogan, name); all when None.
        sort: "first" (document order, the default) or "count" (most frequent first).

    Returns:
        One Formulation per distinct text, with its count in the document, first offset,
        up to three context sentences, and (for codes and numbered ones) what it refers to
        and its members when the document lists them.

    Raises:
        UsageError: an unknown kind or sort order.
        InputError: the document is longer than `loaders.MAX_ANALYSIS_CHARS`.
    """
    from policy_cli.core.loaders import check_analysable

    wanted = _check_kinds(kinds)
    check_analysable(document)
    if sort not in SORTS:
        raise UsageError(f"sort must be one of {', '.join(SORTS)}, not {sort!r}")
    text = document.text
    candidates = list(_candidates(text))
    merged = _merge(text, candidates)
    chosen = [c for c in merged if c.kind in wanted]
    # every occurrence of every find in one pass over the text (not one scan per find)
    starts = find_all(text, (c.text for c in chosen))
    result = [_to_formulation(document, c, starts.get(c.text, [])) for c in chosen]
    if sort == "count":
        result.sort(key=lambda f: (-f.count, f.first_offset, f.text))
    else:
        result.sort(key=lambda f: (f.first_offset, f.text))
    return result


def single_words(formulations: Iterable[Formulation], *, max_len: int = 8) -> tuple[str, ...]:
    """Return the formulations that are one word (no punctuation, short): 十四五, 放管服, 296X.

    Args:
        formulations: found formulations.
        max_len: longest text kept.

    Returns:
        Their texts, for the segmenter to keep whole.
    """
    return tuple(
        f.text
        for f in formulations
        if 2 <= len(f.text) <= max_len and re.fullmatch(rf"[{_HAN}0-9A-Za-z+]+", f.text)
    )


def _check_kinds(kinds: Iterable[str] | None) -> frozenset[str]:
    if kinds is None:
        return frozenset(KINDS)
    wanted = frozenset(kinds)
    unknown = wanted - set(KINDS)
    if unknown:
        raise UsageError(f"unknown kind(s): {', '.join(sorted(unknown))}; use {', '.join(KINDS)}")
    return wanted


# --------------------------------------------------------------------------- candidates


def _candidates(text: str) -> Iterator[_Candidate]:
    yield from _quoted(text)
    yield from _numbered(text)
    yield from _codes(text)
    yield from _parallel(text)
    yield from _doctrines(text)
    yield from _lexicon_hits(text)
    yield from _watchwords(text)
    yield from _frames(text)
    yield from _repeated(text)


def classify_quoted(span: str) -> str | None:
    """Tell which kind of formulation a quoted span is, or None if it is not one.

    Args:
        span: the text between the quote marks.

    Returns:
        "code", "numbered", "slogan", "name", or None for quotations and ordinary words.
    """
    s = span.strip()
    if not s or len(s) > 30 or _SENTENCE_END.search(s):
        return None
    if _CODE.match(s):
        return "code"
    han = sum(1 for ch in s if "\u4e00" <= ch <= "\u9fff")
    if han < 2 and not re.search(r"\d", s):
        return None  # a single character in quotes (“新”, “拼”): emphasis, not a name
    if "，" in s or "," in s:
        parts = [p for p in re.split(r"[，,]", s) if p]
        # two halves of a couplet (风劲好扬帆，奋斗正当时) are a motto; longer is a quotation
        if len(parts) != 2 or abs(len(parts[0]) - len(parts[1])) > 1 or len(parts[0]) > 8:
            return None
        return "slogan"
    if _COUNT_START.match(s) and _names_a_set(s):
        return "numbered"
    if len(s) <= 4 and re.search(r"[两三四五六七八九十双](?:个|大|样|张|链|侧|区)", s):
        return "numbered"  # 新三样
    if "、" in s or " " in s or len(s) >= 7:
        return "slogan"
    if s.endswith("+") or "+" in s:
        return "slogan"
    return "name"


def _names_a_set(s: str) -> bool:
    """两个确立, 六稳, 三贯通一融合, 十四五 name a set; 一刀切, 千里马, 百里花廊 do not."""
    if re.match(rf"第?[{_NUM}]+(?:个|大|项|条|种|重|类|张|件|批|孩|支柱)", s):
        return not s.startswith(("一些", "一批", "一系列", "一定", "一个"))
    if _PLAN.fullmatch(s) or len(re.findall(f"[{_NUM}]", s)) >= 2:
        return True  # 十四五; 两新一重, 一带一路
    return len(s) <= 5 and s[0] in "两三四五六七八九十双"  # 六稳, 双控, 四好农村路, 双高计划


def _quoted(text: str) -> Iterator[_Candidate]:
    for m in _QUOTED.finditer(text):
        span = next(g for g in m.groups() if g is not None)
        kind = classify_quoted(span)
        if kind is None or _scare_quoted(text, m.start(), m.end(), span.strip()):
            continue
        start = m.start() + 1 + (len(span) - len(span.lstrip()))
        span = span.strip()
        refers = _following_phrase(text, m.end()) if kind in ("code", "numbered") else None
        if _PLAN.fullmatch(span):
            refers = _plan_period(span)
        items = (
            _listed_items(text, m.start(), m.end(), span, quoted=True) if kind == "numbered" else ()
        )
        yield _Candidate(span, kind, start, refers, items, 2)


def _scare_quoted(text: str, start: int, end: int, span: str) -> bool:
    """Tell whether a quoted verb is an ordinary word in scare quotes, not a name.

    “撬动”效应, 取消流量“漫游”费, 防止“爆雷”: a verb or adverb of the dictionary in quotes,
    used inside the sentence. One that is listed with other quoted items (“登高”、“升规”) or
    defined (“登高”即…) names a programme.
    """
    if len(span) > 2 or not re.fullmatch(rf"[{_HAN}]+", span):
        return False
    tags = default_tagger().tag(span, False)
    if len(tags) != 1 or tags[0][1] not in ("v", "vn", "vd", "a", "ad", "d"):
        return False
    after, before = text[end : end + 2], text[max(0, start - 1) : start]
    return not (after.startswith(("、", "即", "是指", "就是")) or before == "、")


def _plan_period(plan: str) -> str:
    """十四五 -> 第十四个五年规划时期."""
    return f"第{plan[:-1]}个五年规划时期"


def _numbered(text: str) -> Iterator[_Candidate]:
    for m in _PLAN.finditer(text):
        plan = m.group().removesuffix("规划")
        yield _Candidate(plan, "numbered", m.start(), _plan_period(plan), (), 2)
    for pattern in (_PLENUM, _CONGRESS, _ORDINAL_SET, _QUANTITY_LINE):
        for m in pattern.finditer(text):
            yield _Candidate(m.group().removeprefix("党的"), "numbered", m.start(), None, (), 2)
    for m in _CAMPAIGN.finditer(text):
        phrase = _phrase_ending_at(text, m.end(), len(m.group()))
        start = m.end() - len(phrase)
        if text[start - 1 : start] == "”":
            # “新农人”培育三年行动: the quoted name belongs to the campaign
            k = text.rfind("“", max(0, start - 16), start)
            if k >= 0:
                phrase, start = text[k : m.end()], k
        if len(phrase) >= len(m.group()) + 2:
            start = _campaign_start(text, start)
            yield _Candidate(text[start : m.end()], "numbered", start)
    for m in _COUNTED.finditer(text):
        if m.group() == "双重":
            continue  # 双重 is the adjective "dual"
        counted = _counted_phrase(text, m.start(), m.end())
        if counted:
            items = _listed_items(text, m.start(), m.start() + len(counted), counted)
            yield _Candidate(counted, "numbered", m.start(), None, items)
    for m in _COMPOUND.finditer(text):
        phrase = m.group()
        before = text[m.start() - 1 : m.start()]
        bounded = (not before or before in _CLAUSE_EDGE) and text[m.end() : m.end() + 1] in (
            "", *_CLAUSE_EDGE
        )
        if _is_compound_set(phrase, bounded):
            items = _listed_items(text, m.start(), m.end(), phrase)
            yield _Candidate(phrase, "numbered", m.start(), None, items, 1)


# Verbs that launch a programme: the programme's own name starts right after them, even when
# it opens with a verb of its own (实施|加快培育发展未来产业三年行动, 完成|制造业智能化改造和
# 数字化转型三年行动计划); 新一轮 (启动新一轮|打造…三年行动) opens a name the same way.
_LAUNCH_VERBS = ("实施", "开展", "启动", "完成", "制定", "出台", "印发", "落实", "组织", "新一轮")


def _launches(word: str) -> bool:
    return word.endswith(_LAUNCH_VERBS)  # 如期完成 is one token


def _campaign_start(text: str, start: int) -> int:
    """Move a campaign name's start left over a verb or an 和-joined noun phrase that belongs to it.

    The walk of `_phrase_ending_at` stops at clause-opening verbs and at 和; a programme title
    may hold both. Only when a launching verb stands right before the extension is it taken.
    """
    lo = max(0, start - 16)
    for k in range(start - 1, lo - 1, -1):
        if text[k] in _CLAUSE_EDGE:
            lo = k + 1
            break
    words = default_segmenter().cut(text[lo:start])
    if not words:
        return start
    if words[-1] == "和" and len(words) >= 3:
        # 完成 制造业 智能化 改造 和 | 数字化转型三年行动计划
        k = len(words) - 2
        while k >= 0 and not _launches(words[k]) and re.fullmatch(rf"[{_HAN}]+", words[k]) \
                and words[k] not in _FUNCTION_WORDS:
            k -= 1
        ext = start - sum(len(w) for w in words[k + 1 :])
        if k >= 0 and _launches(words[k]) and k < len(words) - 2 and start - ext <= 12:
            return ext
        return start
    if len(words) >= 2 and _launches(words[-2]) and not _launches(words[-1]) and (
        words[-1] in _clause_word_set() or words[-1] in _PHRASE_BREAKS
    ):
        return start - len(words[-1])  # 实施 | 加快 | 培育发展未来产业三年行动
    return start


_GENERIC_COUNTED = ("方面", "问题", "部分", "阶段", "时期", "环节", "领域", "地区", "国家", "方向",
                    "重点", "目标", "措施", "任务", "要求", "原则", "举措", "成果", "人", "代表",
                    "作用", "工作", "区", "市", "县", "省", "次", "家")


def _counted_phrase(text: str, start: int, end: int) -> str | None:
    """Walk the words after 三重 / 两个 / 三大: the name ends at a clause edge or function word."""
    window = text[end : end + 12]
    cut = next((k for k, ch in enumerate(window) if ch in _CLAUSE_EDGE), len(window))
    words = default_segmenter().cut(window[:cut])
    clause = _clause_word_set()
    noun = ""
    for w in words:
        if w in _FUNCTION_WORDS or w in clause or not re.fullmatch(rf"[{_HAN}]+", w):
            break
        if len(noun) + len(w) > 8:
            break
        noun += w
    if noun.endswith("基础") and len(noun) >= 4:
        noun = noun[:-2]  # 五项原则|基础上: the ground the name stands on is not part of it
    chained = _COUNTED.search(noun) is not None  # 两个市场两种资源
    if len(noun) > 5 and not noun.endswith(_NAME_HEADS) and not chained:
        return None  # 三大都市圈协同共进: a clause, not a name
    if not 2 <= len(noun) <= 7 or noun.endswith(_GENERIC_COUNTED) or noun[0] in _COUNT_NOUNS:
        return None
    return text[start:end] + noun


def _is_compound_set(phrase: str, bounded: bool) -> bool:
    """Tell whether 两新一重 / 一馆四中心 / 两廊两带两区 is a numbered set, not prose."""
    parts = re.findall(rf"[{_NUM}][^{_NUM}]*", phrase)
    if len(parts) < 2 or any(len(p) < 2 for p in parts):
        return False
    if any(p[1] in _COUNT_NOUNS for p in parts) or phrase in _idioms():
        return False
    return sum(len(p) for p in parts) <= 8 and (bounded or phrase in _lexicon_texts())


_COUNT_NOUNS = frozenset("个年月日次批些项条种份倍家人元亿斤吨户名位")


def _codes(text: str) -> Iterator[_Candidate]:
    for m in _UNQUOTED_CODE.finditer(text):
        after = text[m.end() : m.end() + 1]
        if not after or not re.match(rf"[{_HAN}“]", after):
            continue
        yield _Candidate(m.group(1), "code", m.start(1), _following_phrase(text, m.end()), (), 1)


def _parallel(text: str) -> Iterator[_Candidate]:
    """Find parallel mottos: 2-5 clauses of equal length (2-7 chars) joined by 、."""
    for m in re.finditer(rf"[{_HAN}]{{2,12}}(?:、[{_HAN}]{{2,6}})*、[{_HAN}]{{2,12}}", text):
        parts = m.group().split(_PARALLEL_SEP)
        offset = m.start()
        # the first clause may carry the verb that opens the sentence (坚持稳字当头、稳中求进)
        if len(parts[0]) > len(parts[1]):
            lead = parts[0][: len(parts[0]) - len(parts[1])]
            if lead not in _clause_word_set() and not lead.endswith(_clause_words()):
                continue
            offset += len(lead)
            parts[0] = parts[0][len(lead) :]
        trail = ""
        if len(parts[-1]) > len(parts[-2]):
            trail = parts[-1][len(parts[-2]) :]
            parts[-1] = parts[-1][: len(parts[-2])]
        found = _parallel_run(parts)
        if found is None and offset > m.start() and not trail and len(parts) == 2:
            # the whole object of a verb of command, up to the clause end (坚持稳字当头、稳中求进。
            # 坚持外防输入、内防反弹，): the shape alone is enough
            at_end = text[m.end() : m.end() + 1] in ("，", "。", "；", "")
            aligned = any(a == b for a, b in zip(*parts, strict=True))
            chiasmus = len(set(parts[0]) & set(parts[1])) >= 2  # 稳中求进、以进促稳
            if at_end and len(parts[0]) == 4 and (
                _shares_position(parts, words=False) if aligned else chiasmus
            ):
                found = (0, 2)
        if found is None:
            if _standalone_triplet(text, m.start(), m.end(), parts, offset, trail):
                yield _Candidate(_PARALLEL_SEP.join(parts), "slogan", offset, None, (), 1)
            continue
        i, j = found
        if j == len(parts) and trail and not trail.startswith(("的", "等", "和")):
            j -= 1
            if j - i >= 2 and not _shares_position(parts[i:j]):
                continue
        if j - i < 2 or len(parts[i]) > 6 or (len(parts[i]) == 2 and j - i < 3):
            continue
        phrase = _PARALLEL_SEP.join(parts[i:j])
        start = offset + sum(len(p) + 1 for p in parts[:i])
        yield _Candidate(phrase, "slogan", start, None, (), 1)


def _standalone_triplet(
    text: str, m_start: int, m_end: int, parts: Sequence[str], offset: int, trail: str
) -> bool:
    """Three or more short clauses of one length that a document repeats, or that fill a clause.

    图更强、争一流、敢首创 (the whole clause between commas) and 创新深化、改革攻坚、开放提升
    (said twice) are mottos even without a shared character.
    """
    if len(parts) < 3 or len({len(p) for p in parts}) != 1 or not 3 <= len(parts[0]) <= 4:
        return False
    phrase = _PARALLEL_SEP.join(parts)
    if len({p[-1] for p in parts}) == 1 or len({p[0] for p in parts}) == 1:
        return False  # a shared head or lead character: 创新链、产业链、供应链; 市发改委、市经信局
    whole_clause = (
        (not trail or trail.startswith("的") and len(trail) <= 5)  # …精准拆弹的基本方针
        and text[m_start - 1 : m_start] in ("", "，", "。", "：", "\n")
        and text[m_end : m_end + 1] in ("", "，", "。", "；", "\n")
    )
    return whole_clause or text.count(phrase) >= 2


def _parallel_run(parts: Sequence[str]) -> tuple[int, int] | None:
    """Return the longest run of clauses that rhyme in shape, if it has two or more."""
    best: tuple[int, int] | None = None
    n = len(parts)
    for i in range(n):
        for j in range(n, i + 1, -1):
            run = parts[i:j]
            if len({len(p) for p in run}) != 1 or len(run[0]) < 3 and len(run) < 3:
                continue
            if _shares_position(run):
                if best is None or j - i > best[1] - best[0]:
                    best = (i, j)
                break
    if best is not None:
        # a clause of the same shape just before the run belongs to it (察实情、办实事、求实效)
        i, j = best
        while i > 0 and len(parts[i - 1]) == len(parts[i]) and _shares_position(
            parts[i - 1 : j], words=False
        ):
            i -= 1
        best = (i, j)
    return best


def _shares_position(run: Sequence[str], *, words: bool = True) -> bool:
    """Tell whether clauses rhyme in shape: 稳地价/稳房价, 不敢腐/不能腐, 开局即奔跑/起步即冲刺.

    The shared character must be the same word in every clause (稳 / 地价, 稳 / 房价); a
    character shared by different words (资源勘探、能源工程) is a coincidence, and a shared
    head noun (产业链、供应链) or modifier (基本养老、基本医疗) makes a list of things.
    """
    length = len(run[0])
    shared = [k for k in range(length) if len({p[k] for p in run}) == 1]
    shared = [k for k in shared if run[0][k] not in "的和与及之"]
    if not shared:
        return False
    if shared == list(range(length - len(shared), length)):
        return False  # common suffix: 规范化、便利化; 持久战、总体战
    if length - 1 in shared and length - 2 in shared:
        return False  # a shared head word: 政府协商、政协协商
    if run[0][0] in "更最较很越" and 0 in shared:
        return False  # comparatives: 更高质量、更有效率
    if all(p[-1] in "局委办厅部院所处司省市县区旗镇乡村" for p in run):
        return False  # a list of departments or places: 市发改委、市经信局; 科右前旗、科右中旗
    if shared == list(range(len(shared))) and len(shared) >= 2 and length - len(shared) >= 2:
        return False  # common modifier: 统一意志、统一行动
    if shared[:2] == [0, 1] or not words:
        return True  # a shared two-character lead: 开门稳、开门好、开门红
    cuts = [default_segmenter().cut(p) for p in run]
    if all(len(c) == 1 for c in cuts) and length >= 3:
        return True  # idioms in parallel: 尽力而为、量力而行
    for k in shared:
        if len({_word_at(c, k) for c in cuts}) == 1:
            return True
    return False


def _word_at(words: Sequence[str], k: int) -> tuple[int, str]:
    pos = 0
    for w in words:
        if pos <= k < pos + len(w):
            return pos, w
        pos += len(w)
    return -1, ""


def _doctrines(text: str) -> Iterator[_Candidate]:
    for m in _heads_pattern().finditer(text):
        head = m.group()
        after = text[m.end() : m.end() + 1]
        if head in _WORD_INTERNAL_HEADS and after and re.match(rf"[{_HAN}]", after) and (
            after not in _FUNCTION_WORDS and after not in "下"
        ):
            continue  # the head is part of a longer word (精神文化生活, 共同体意识)
        if head == "战略" and _noun_follows(text, m.end()):
            continue  # 履行战略使命, 战略腹地: 战略 modifies the noun after it
        phrase = _phrase_ending_at(text, m.end(), len(head))
        start = m.end() - len(phrase)
        framed = _CENTRED.search(text, max(0, start - 12), start)
        if framed and framed.end() == start and len(phrase) <= 6:
            # 以人民为中心的发展思想: the frame 以X为中心的 is part of the doctrine's name
            phrase, start = text[framed.start() : m.end()], framed.start()
        modifier = phrase[: -len(head)]
        if len(modifier) < 2 or len(phrase) > 16 or modifier[-1] in _GENERIC_MODIFIER_END:
            continue
        if any(h in modifier for h in ("精神", "思想", "意识")) or phrase.endswith(
            ("统一思想", "解放思想")
        ):
            continue  # 讲话精神统一思想: two heads, not one name; 统一思想 is a verb phrase
        if head == "战略" and (
            len(modifier) < 4
            or modifier.endswith(_GENERIC_STRATEGY)
            or re.search("这|那|系列|加快", modifier)
        ):
            continue
        if head in ("格局", "理念") and len(phrase) > 6:
            continue  # 新发展格局 is a name; 城乡融合发展新格局 is a description
        if len(modifier) < 3 and (len(head) == 2 or head == "大市场"):
            continue  # 忧患意识, 发展思想, 法治理念: ordinary words, not names
        if head in ("格局", "理念") and text.count(phrase) < 2:
            continue  # said once, X格局 / X理念 describes; a name is repeated
        if head == "意识" and len(modifier) < 5:
            continue  # 社会责任意识; but 中华民族共同体意识
        if head in ("精神", "意识") and _PEOPLE.search(modifier):
            continue  # 人民群众首创精神, 政府工作人员改革创新意识: a group's quality, not a name
        if head.endswith("战") and text[start - 1 : start] == "、":
            # 蓝天、碧水、净土保卫战: the short battles listed before the head belong to it
            clause_start = max(text.rfind(ch, 0, start) for ch in "，。；：\n“") + 1
            listed = text[clause_start : start - 1]
            words = _clause_word_set()
            k = next((i for i in range(len(listed)) if listed[i:].split("、")[0] and
                      all(2 <= len(w) <= 3 for w in listed[i:].split("、")) and
                      len({len(w) for w in listed[i:].split("、")}) == 1), None)
            if k is not None and listed[k : k + 2] not in words:
                phrase, start = text[clause_start + k : m.end()], clause_start + k
        if head.endswith("战"):
            # 反腐败斗争攻坚战、持久战、总体战: the battles listed after the head belong to it
            more = re.match(rf"(?:、[{_HAN}]{{1,3}}战)+(?=[，。；”]|$)", text[m.end() : m.end() + 24])
            if more:
                phrase += more.group()
        yield _Candidate(phrase, "slogan", start)


# people who have a spirit or an awareness: 人民群众首创精神 names no doctrine
_PEOPLE = re.compile(r"人民|群众|干部|人员|全党|党员|职工|农民|青年|同志")


def _noun_follows(text: str, pos: int) -> bool:
    """Tell whether a word that a name can modify starts right at pos (战略|使命)."""
    window = text[pos : pos + 4]
    if not window or not re.match(rf"[{_HAN}]{{2}}", window):
        return False
    word, tag = default_tagger().tag(window, False)[0]
    # a verb that opens the clause (战略|取得成效) makes the strategy its subject instead
    return len(word) >= 2 and tag[:1] in ("n", "v") and word not in _clause_word_set()


# 以人民为中心的 / 以人为核心的: a fixed frame that opens the name of a doctrine
_CENTRED = re.compile(rf"以[{_HAN}]{{1,4}}为(?:中心|核心)的")


@lru_cache(maxsize=1)
def _heads_pattern() -> re.Pattern[str]:
    return re.compile("|".join(sorted(_DOCTRINE_HEADS, key=len, reverse=True)))


_FUNCTION_WORDS = frozenset("的和与及是对把将为从以于在了等并而其各上中向同也都又就所被让使已来去要才再还到")
# words that end a noun phrase on their left (作为一个生命共同体)
_PHRASE_BREAKS = frozenset({"作为", "成为", "一个", "这个", "我们", "以及", "通过", "按照", "根据",
                            "围绕", "实现", "形成", "构建", "建设", "筹办", "加快", "坚持",
                            "弘扬", "贯彻", "落实", "学习", "推进", "推动", "推出", "尊重",
                            "参与", "融入", "清理", "妨碍", "配合", "编制", "力争", "运用", "深度",
                            "一些", "结束", "签署", "达成", "加入", "参加", "举办", "办好", "开展",
                            "实施", "完成", "健全", "完善", "深化", "确立", "领悟", "执行"})
_CLAUSE_EDGE = "，。；：、“”‘’（）()《》！？\n "


def _phrase_ending_at(text: str, end: int, core: int, max_len: int = 16) -> str:
    """Return the noun phrase that ends at `end`: segment the clause and walk back words.

    The walk keeps the last `core` characters (the head) and adds words to its left until a
    clause edge, a function word or a clause-opening verb (坚持, 推动...).
    """
    start = max(0, end - max_len - 6)
    for k in range(end - core - 1, start - 1, -1):
        if text[k] in _CLAUSE_EDGE:
            start = k + 1
            break
    window = text[start:end]
    words = default_segmenter().cut(window)
    clause = _clause_word_set()
    out = ""
    for w in reversed(words):
        if len(out) >= core and not (len(out) == core and core <= 4 and len(w) >= 2):
            # (the word right before a bare head belongs to it: 整治提升 + 五年行动)
            if (
                len(out) + len(w) > max_len
                or not re.fullmatch(rf"[{_HAN}]+", w)
                or w in _FUNCTION_WORDS
                or any(w[k:] in clause or w[k:] in _PHRASE_BREAKS for k in range(len(w) - 1))
                or (len(w) == 1 and w in "要来去好用")
            ):
                break
        out = w + out
    return out.lstrip("对把被让使向到")


@lru_cache(maxsize=1)
def _clause_word_set() -> frozenset[str]:
    return frozenset(_clause_words())


def _lexicon_hits(text: str) -> Iterator[_Candidate]:
    pattern = _lexicon_pattern()
    if pattern is None:
        return
    kinds = _lexicon()
    for m in pattern.finditer(text):
        hit = phrase = m.group()
        after = text[m.end() : m.end() + 2]
        if after in _NAME_HEADS:
            phrase += after  # 双创 + 平台: the set phrase names a platform, a project...
        yield _Candidate(phrase, kinds[hit], m.start(), None, (), 1)


def _watchwords(text: str) -> Iterator[_Candidate]:
    """Today's national watchwords (新质生产力, 中国式现代化) when a document repeats them.

    The list is learnt by scripts/build_formulations.py: words absent from the 1954-2022
    background that the 2025 provincial reports all repeat. Said once, such a word is a
    passing mention; said twice or more, the document leans on it.
    """
    for word in _watchword_list():
        at = text.find(word)
        if at >= 0 and text.count(word) >= 2:
            yield _Candidate(word, "slogan", at)


# --------------------------------------------------------------------------- motto frames

# 统筹发展和安全, 统筹疫情防控和经济社会发展: "balance A and B" filling a whole clause is a
# standing instruction; inside a longer clause (统筹X和Y工作) it is running prose.
_BALANCE = re.compile(rf"统筹([{_HAN}]{{2,5}}?)和([{_HAN}]{{2,6}})(?=[，。；])")
# 房子是用来住的、不是用来炒的: a clause and its negation sharing a frame (是用来…的).
_NEGATED_PAIR = re.compile(rf"([{_HAN}]{{3,10}})、(不[{_HAN}]{{3,10}})")
# 跨周期和逆周期调节: two modifiers sharing their last two characters, then one head.
_SHARED_HEAD_PAIR = re.compile(rf"([{_HAN}])([{_HAN}]{{2}})和([{_HAN}])\2([{_HAN}]{{2,4}})")
# 完整、准确、全面贯彻新发展理念: adverbs listed before one verb phrase, a whole clause
_MANNER_LIST = re.compile(
    rf"(?<=[，。；：\n“])((?:[{_HAN}]{{2}}、){{2,}})([{_HAN}]{{2}})([{_HAN}]{{2}})"
    rf"[{_HAN}]{{2,8}}(?=[，。；”])"
)
# A repeated first character that is a generic modifier or quantifier makes a list, not a
# motto: 新业态新模式, 最关心最直接, 各地区各部门, 大发展大变革.
_REPEAT_AT_2_OR_3 = re.compile(rf"([{_HAN}])[{_HAN}]{{1,2}}\1")
_LIST_PREFIXES = frozenset("新最大各全不有多一更好老小高低")


def _frames(text: str) -> Iterator[_Candidate]:
    """Find mottos by their frame: 统筹A和B, 跨周期和逆周期调节, 碳达峰碳中和, 是…的、不是…的."""
    for m in _BALANCE.finditer(text):
        before = text[max(0, m.start() - 2) : m.start()]
        if m.group(1).startswith(_clause_words()) or m.group(1)[0] in _FUNCTION_WORDS:
            continue  # 统筹推进A和B, 统筹兼顾A和B, 统筹为A和B: a verb phrase, not the motto
        if not before or before[-1] in _CLAUSE_EDGE or before in _clause_word_set():
            yield _Candidate(m.group(), "slogan", m.start())
    for m in _NEGATED_PAIR.finditer(text):
        first, second = m.group(1), m.group(2)
        lead = _clause_lead(first)
        first = first[len(lead) :]
        end = second.rfind(first[-1])
        if end < 1:
            continue
        # …不是用来炒的定位: the pair ends where the second clause closes like the first
        second = second[: end + 1]
        frame = _common_run(first, second[1:])
        if len(frame) >= 3 and first[-1] == second[-1] and abs(len(first) - len(second)) <= 2:
            yield _Candidate(f"{first}、{second}", "slogan", m.start() + len(lead))
    for m in _SHARED_HEAD_PAIR.finditer(text):
        if m.group(1) != m.group(3) and _starts_a_word(text, m.start()):
            yield _Candidate(m.group(), "slogan", m.start())
    for m in _MANNER_LIST.finditer(text):
        if _manner_words(m.group(1).split(_PARALLEL_SEP)[:-1]) and _is_verb(m.group(3)):
            yield _Candidate(m.group(), "slogan", m.start())
    yield from _anaphora(text)


def _manner_words(words: Sequence[str]) -> bool:
    """Tell whether every word is an adjective or adverb for the tagger (完整, 准确)."""
    tagger = default_tagger()
    for w in words:
        tags = tagger.tag(w, False)
        if len(tags) != 1 or tags[0][1] not in ("a", "ad", "d"):
            return False
    return True


# A short piece (conference news) that says the same long phrase three times is repeating its
# slogan (为勇闯中国式现代化市域实践新路子开好局起好步, said in the title and twice in the body);
# a long report repeats boilerplate (以习近平同志为核心的党中央), so only short texts are read.
_SHORT_TEXT = 6000
_MIN_REPEATED = 9
_NOT_A_SLOGAN = re.compile(r"习近平|委员会|人民政府|办公室|办公厅|关于|会议|大会|同志")


def _repeated(text: str) -> Iterator[_Candidate]:
    """Find the long phrase a short text says three times or more (its slogan)."""
    if len(text) > _SHORT_TEXT:
        return
    runs = re.findall(rf"[{_HAN}]{{{_MIN_REPEATED},}}", text)
    counts: dict[str, int] = {}
    for run in set(runs):
        for size in range(_MIN_REPEATED, min(len(run), 30) + 1):
            for i in range(len(run) - size + 1):
                piece = run[i : i + size]
                if piece not in counts:
                    counts[piece] = text.count(piece)
    repeated = {p for p, n in counts.items() if n >= 3}
    # the longest form of each: one that no longer repeated string extends
    longest = [p for p in repeated if not any(p != q and p in q for q in repeated)]
    for phrase in sorted(longest):
        at = text.find(phrase)
        words = default_segmenter().cut(phrase)
        # keep whole words: a piece cut out of a word at either end goes
        while words and (words[0] in _FUNCTION_WORDS or not _starts_a_word(text, at)):
            at += len(words[0])
            words = words[1:]
        while words and (
            words[-1] in _FUNCTION_WORDS
            or not _starts_a_word(text, at + sum(len(w) for w in words))
        ):
            words = words[:-1]
        slogan = "".join(words)
        if len(slogan) >= _MIN_REPEATED - 1 and not _NOT_A_SLOGAN.search(slogan):
            yield _Candidate(slogan, "slogan", at)


def _starts_a_word(text: str, pos: int) -> bool:
    """Tell whether the segmenter starts a word at pos (宏观政策|跨周期, not 应|对传统)."""
    if pos == 0 or text[pos - 1] in _CLAUSE_EDGE:
        return True
    start = max(0, pos - 8)
    for k in range(pos - 1, start - 1, -1):
        if text[k] in _CLAUSE_EDGE:
            start = k + 1
            break
    done = 0
    for w in default_segmenter().cut(text[start : pos + 4]):
        if start + done == pos:
            return True
        done += len(w)
    return False


def _clause_lead(clause: str) -> str:
    """Return the verb of command that opens a clause (坚持房子是… -> 坚持), or ""."""
    for word in _clause_words():
        if clause.startswith(word) and len(clause) - len(word) >= 3:
            return word
    return ""


def _common_run(a: str, b: str) -> str:
    """Return the longest run of characters that a and b share."""
    best = ""
    for i in range(len(a)):
        for j in range(i + len(best) + 1, len(a) + 1):
            if a[i:j] in b:
                best = a[i:j]
            else:
                break
    return best


def _anaphora(text: str) -> Iterator[_Candidate]:
    """Find words that open with one character and name one policy: 碳达峰碳中和, 共商共建共享.

    Two three-character words, or three two-character words that are the whole object of a
    verb of command; each part one word for the segmenter, the repeated character not a
    generic modifier (新业态新模式, 新任务新要求 are lists).
    """
    seg = default_segmenter()
    for m in re.finditer(rf"[{_HAN}]{{6,}}", text):
        run = m.group()
        if not _REPEAT_AT_2_OR_3.search(run):
            continue  # nothing opens alike: spare the segmenter
        bounds = {0}
        pos = 0
        for w in seg.cut(run):
            pos += len(w)
            bounds.add(pos)
        # three two-character words (共商共建共享, but also 交往交流交融, 事前事中事后,
        # 通水通电通气) were measured at one formulation in four on the annotated reports:
        # lists are as common as mottos in that shape, so three words count only as the
        # whole object of a verb of command (坚持共商共建共享，), like 坚持稳字当头、稳中求进.
        for k, size in ((2, 3), (3, 2)):
            span = k * size
            for i in range(len(run) - span + 1):
                if i not in bounds or i + span not in bounds:
                    continue
                if any((i + q in bounds) != (q % size == 0) for q in range(1, span)):
                    continue  # each part is one word: 共商|共建|共享, not 地方属|地责任, 段|示范
                s = run[i : i + span]
                parts = [s[j * size : (j + 1) * size] for j in range(k)]
                if len(set(parts)) < k or any(p[0] in _FUNCTION_WORDS for p in parts):
                    continue
                shared = [q for q in range(size) if len({p[q] for p in parts}) == 1]
                if shared != [0] or s[0] in _LIST_PREFIXES:
                    continue
                if k == 3 and not (
                    run[max(0, i - 2) : i] in _clause_word_set()
                    and text[m.start() + i + span : m.start() + i + span + 1] in "，。；"
                    and i + span == len(run)
                ):
                    continue
                yield _Candidate(s, "slogan", m.start() + i)


# --------------------------------------------------------------------------- phrase edges


_NAME_HEADS = ("工程", "行动", "计划", "战略", "体系", "集群", "部署", "任务", "项目", "政策",
               "品牌", "平台", "规划", "目标", "方案", "改革", "产业", "中心")


def _following_phrase(text: str, pos: int) -> str | None:
    """Return the noun phrase right after a code or numbered formulation, if any.

    Codes quoted one after another share the phrase after them (“334”“622”等联农带农模式).
    """
    skipped = False
    while True:  # skip the codes quoted right after this one
        nxt = re.match(r"、?“([^“”]{1,12})”", text[pos : pos + 16])
        if not nxt or classify_quoted(nxt.group(1)) not in ("code", "numbered"):
            break
        pos += nxt.end()
        skipped = True
    if text[pos : pos + 1] == "等":
        pos += 1  # “334”“622”等联农带农模式
        skipped = True
    m = re.match(rf"[{_HAN}]{{2,12}}", text[pos:])
    if not m:
        return None
    phrase = m.group()
    clause = _clause_word_set()
    at_verb = next(
        (k for k in range(2, len(phrase) - 1)
         if any(phrase[k : k + n] in clause for n in (2, 3, 4))),
        len(phrase),
    )
    at_function = len(phrase)
    for ch in "的和与及等是在为之":
        k = phrase.find(ch, 2)
        if 0 < k < at_function:
            at_function = k
    if phrase[:1] in _FUNCTION_WORDS or phrase[:1] in "等之":
        return None
    found = _name_part(phrase[: min(at_verb, at_function)])
    if skipped and found and not found.endswith((*_NAME_HEADS, "模式", "机制", "园区", "措施")):
        return None  # shared by a list of codes, the phrase must name what they are (…等模式)
    return found


def _name_part(phrase: str) -> str | None:
    for head in _NAME_HEADS:
        k = phrase.find(head)
        if k >= 0:
            phrase = phrase[: k + len(head)]
            break
    if 3 <= len(phrase) <= 8 or phrase in _NAME_HEADS:
        return phrase
    return None


def _listed_items(
    text: str, start: int, end: int, head: str, *, quoted: bool = False
) -> tuple[str, ...]:
    """Return the members of a numbered set listed next to it.

    Before it: 大会发布了A、B、C三大行动; 面临需求收缩、供给冲击、预期转弱三重压力;
    粮食面积、总产、单产实现“两增一稳” (a quoted head after the list's verb).
    After it: 六保，即保居民就业、保基本民生…; 三大球（足球、篮球、排球）.
    A quoted head right after a word sits inside a member (营造“三贯通一融合”一流创新生态).
    """
    n = _count_of(head)
    if n < 2:
        return ()
    clause_start = max(text.rfind(ch, 0, start) for ch in "，。；：\n") + 1
    before = text[clause_start:start]
    if quoted or before.endswith("“"):
        before = before.removesuffix("“")
        verb = next((before[-k:] for k in (2, 3) if _is_verb(before[-k:])), "")
        before = before[: len(before) - len(verb)] if verb else ""
    parts = before.split("、") if before else []
    if len(parts) == n and all(1 <= len(p) <= 30 for p in parts):
        parts[0] = _first_item(parts[0], parts[1:])
        items = _clean_items(parts)
        if items:
            return items
    m = re.match(r"”?(?:，即|：|（)([^。；）]{4,120})", text[end : end + 130])
    if m:
        parts = m.group(1).split("、")
        if len(parts) == n and all(len(p) <= 20 and "，" not in p for p in parts):
            parts[0] = parts[0].lstrip("对把被让使向到在")  # ：对伟大祖国、中华民族…的认同
            return _clean_items(parts)
    return ()


def _clean_items(parts: Sequence[str]) -> tuple[str, ...]:
    """Tidy list members (stray quote marks) and refuse lists that are not members of a set."""
    items = []
    for p in parts:
        p = p.strip()
        if p.count("“") != p.count("”"):
            p = p.strip("“”")
        if len(re.findall(rf"[{_HAN}]", p)) < 2 or _is_verb(p):
            return ()  # “两个确立”、坚决做到“两个维护”: not a list of members
        items.append(p)
    return tuple(items)


def _is_verb(word: str) -> bool:
    return word in _clause_word_set() or word in _PHRASE_BREAKS


def _first_item(first: str, others: Sequence[str]) -> str:
    """Cut the clause's subject and verb off the first member of a list.

    After 了 the object starts (大会发布了余杭区打造… -> 余杭区打造…). Otherwise the first member
    is the longest run of its last words that is no longer than the other members and does not
    open with a verb (布局建设物理、应用数学、合成生物 -> 物理; 面临需求收缩 -> 需求收缩).
    """
    k = first.rfind("了")
    if k >= 0:
        return first[k + 1 :]  # 发布了 A、B、C: the object starts after the verb's 了
    first = re.sub(rf"^[^{_HAN}“]+", "", first).lstrip("对把被让使向到在")
    longest = max(4, *(len(o) for o in others))
    if len(first) <= longest:
        return first
    words = default_segmenter().cut(first)
    best = words[-1]
    for i in range(len(words) - 1, -1, -1):
        tail = "".join(words[i:])
        if len(tail) > longest:
            break
        if not _is_verb(words[i]):
            best = tail
    return best


def _count_of(head: str) -> int:
    """How many members a numbered set has: 三大行动 3, 两增一稳 3, 一馆四中心 5."""
    m = re.match(rf"第?([{_DIGIT_NUM}两双])", head)
    if not m:
        return 0
    parts = re.findall(rf"([{_DIGIT_NUM}两双])[^{_DIGIT_NUM}两双]+", head)
    if len(parts) >= 2 and _COMPOUND.fullmatch(head):
        return sum(_CN_VALUE.get(p, 0) for p in parts)
    return _CN_VALUE.get(m.group(1), 0)


# --------------------------------------------------------------------------- merging


def _merge(text: str, candidates: list[_Candidate]) -> list[_Candidate]:
    """Keep one candidate per text; drop unquoted ones that are parts of a longer one."""
    by_text: dict[str, _Candidate] = {}
    for c in sorted(candidates, key=lambda c: (-c.strength, c.offset)):
        t = c.text.strip()
        if not _acceptable(t, quoted=c.strength >= 2):
            continue
        old = by_text.get(t)
        if old is None:
            by_text[t] = c
        elif not old.items and c.items:
            by_text[t] = _Candidate(t, old.kind, old.offset, old.refers_to or c.refers_to,
                                    c.items, old.strength)
    kept = list(by_text.values())
    texts = {c.text for c in kept}
    drop: set[str] = set()
    holders = containers(texts)  # find -> the longer finds holding it
    parts = [c.text for c in kept if c.strength < 2 and c.text in holders]
    starts = find_all(text, [*parts, *{t for p in parts for t in holders[p]}])
    for c in kept:
        if c.strength >= 2:
            continue
        # an unquoted find that only ever occurs inside longer finds is a part of them
        # (社会发展第十四个五年规划 in 国民经济和社会发展第十四个五年规划); one the document
        # also says on its own is an item of its own (中国式现代化 beside
        # 在推进中国式现代化中走在前、做示范)
        longer = holders.get(c.text)
        if longer and _only_inside(c.text, longer, starts):
            drop.add(c.text)
    for c in kept:
        # 国家污染防治攻坚战 beside 污染防治攻坚战: a scope word in front is the same item
        for scope in _SCOPE_WORDS:
            if c.text.startswith(scope) and c.text[len(scope) :] in texts and c.strength < 2:
                drop.add(c.text)
    return [c for c in kept if c.text not in drop]


# Words that set the scope of a name (the national / provincial instance of it), not its name.
_SCOPE_WORDS = ("国家", "全国", "全省", "全市", "全区", "我国", "我省", "我市", "我区")


def _only_inside(part: str, finds: list[str], starts: dict[str, list[int]]) -> bool:
    """Tell whether every occurrence of `part` lies inside an occurrence of a longer find.

    `starts` holds the offsets of every occurrence of `part` and of the `finds` in the text.
    """
    covered: set[int] = set()
    for t in finds:
        offsets = [k for k in range(len(t) - len(part) + 1) if t.startswith(part, k)]
        covered.update(at + k for at in starts.get(t, ()) for k in offsets)
    return all(at in covered for at in starts.get(part, ()))


def _acceptable(t: str, *, quoted: bool) -> bool:
    if len(t) < 2 and not t.isdigit():
        return False
    if t in _EXCLUDED or (not quoted and t in _idioms()):
        return False
    if re.fullmatch(r"[0-9.]+%|第[一二三四五六七八九十]+|[一二三四五六七八九十]是", t):
        return False
    return quoted or not re.fullmatch(r"[0-9.]+", t)


_EXCLUDED = frozenset(
    {"一些", "一批", "一系列", "一定", "一体", "一流", "一般", "十分", "两年", "三年", "一年"}
)


def _to_formulation(document: Document, c: _Candidate, starts: list[int]) -> Formulation:
    """Make the result of a find from the offsets of all its occurrences in the text."""
    seen = non_overlapping(starts, len(c.text))  # what str.count and str.find would see
    count = len(seen)
    first = seen[0] if seen else -1
    if first < 0:
        first, count, seen = c.offset, max(count, 1), [c.offset]
    contexts: list[str] = []
    for pos in seen:
        if len(contexts) >= MAX_CONTEXTS:
            break
        sent = document.sentence_at(pos)
        if sent is not None and sent.text not in contexts:
            contexts.append(sent.text)
    return Formulation(
        text=c.text,
        kind=c.kind,
        count=count,
        first_offset=first,
        contexts=tuple(contexts),
        refers_to=c.refers_to,
        items=c.items,
    )


# --------------------------------------------------------------------------- data


@lru_cache(maxsize=1)
def _lexicon() -> dict[str, str]:
    """Set phrases learnt from the background corpus: text -> kind."""
    out: dict[str, str] = {}
    for line in data.lines("formulations.txt"):
        parts = line.split("\t")
        if len(parts) >= 2 and parts[1] in KINDS:
            out[parts[0]] = parts[1]
    return out


@lru_cache(maxsize=1)
def _lexicon_texts() -> frozenset[str]:
    return frozenset(_lexicon())


@lru_cache(maxsize=1)
def _lexicon_pattern() -> re.Pattern[str] | None:
    """One regular expression for the whole lexicon, shaped as a trie (fast, longest first)."""
    words = list(_lexicon())
    return re.compile(_trie_regex(words)) if words else None


def _trie_regex(words: Iterable[str]) -> str:
    trie: dict[str, dict] = {}
    for w in words:
        node = trie
        for ch in w:
            node = node.setdefault(ch, {})
        node[""] = {}

    def walk(node: dict[str, dict]) -> str:
        ends = "" in node
        branches = [re.escape(ch) + walk(child) for ch, child in sorted(node.items()) if ch]
        if not branches:
            return ""
        body = branches[0] if len(branches) == 1 else "(?:" + "|".join(branches) + ")"
        if ends:
            body = "(?:" + body + ")?"
        return body

    return walk(trie)


@lru_cache(maxsize=1)
def _clause_words() -> tuple[str, ...]:
    """Words that open a clause (加快, 推进, 坚持...), learnt from the background corpus."""
    return tuple(sorted(data.lines("formulations_clause_words.txt"), key=len, reverse=True))


@lru_cache(maxsize=1)
def _watchword_list() -> tuple[str, ...]:
    """Today's national watchwords, learnt by scripts/build_formulations.py."""
    return tuple(data.lines("formulations_new.txt"))


@lru_cache(maxsize=1)
def _idioms() -> frozenset[str]:
    """Four-character idioms and figures of speech that are not formulations (一马当先)."""
    return frozenset(data.lines("formulations_idioms.txt"))
