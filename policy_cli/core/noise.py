"""Detect and cut injected spam and page furniture from normalised text.

Two kinds of noise reach a policy text on its way to a user:

- page furniture: whole lines added by whoever published, exported or printed the document
  (source and editor lines, pkulaw citation headers and notices, browser print headers and
  footers, font-size and print tools, the Wikisource licence footer). Such a line is removed.
- injected spam: SEO / gambling fragments pasted into the middle of a sentence
  (``…打造球球直播app下载_球球体育官网-线上买球具有余杭辨识度的…``). Only the span is cut,
  the sentence around it stays.

The rules are shapes and vocabulary, learnt from the furniture of the real files and checked
to flag nothing in the 62-document background corpus or any test document; they live in
`policy_cli/data/noise_rules.toml` (checked by scripts/check_noise_rules.py), the code here is
how they are applied.
"""

from __future__ import annotations

import re

from policy_cli import data
from policy_cli.core.chars import HAN
from policy_cli.core.patterns import longest_first
from policy_cli.models import Noise

SPAM = "injected spam"
SOURCE = "source/editor line"
PKULAW = "pkulaw page furniture"
PRINT = "print/page furniture"
LICENCE = "licence footer"
RELATED = "related items of the page"

_NO_SENTENCE = r"[^。；！？\n]"

# The rules' words and patterns: policy_cli/data/noise_rules.toml (checked by
# scripts/check_noise_rules.py). {NO_SENTENCE} there stands for _NO_SENTENCE.
RULES_FILE = "noise_rules.toml"
_RULES = data.toml(RULES_FILE)
_REASONS = {"source": SOURCE, "print": PRINT, "pkulaw": PKULAW}


def _rule(pattern: str, **fills: str) -> str:
    """A pattern of the rules file with its placeholders filled ({NO_SENTENCE}, {GAMBLING}…)."""
    for name, value in {"NO_SENTENCE": _NO_SENTENCE, **fills}.items():
        pattern = pattern.replace("{" + name + "}", value)
    return pattern


# Whole-line furniture: (reason, pattern). Every pattern is anchored to the whole line.
_LINE_RULES: tuple[tuple[str, re.Pattern[str]], ...] = tuple(
    (_REASONS[reason], re.compile(_rule(pattern), re.IGNORECASE))
    for reason, pattern in _RULES["furniture"]["rules"]
)

# a line some rule matches whole: the rules as alternatives of one pattern (none of them holds
# a group reference or an inline flag), tried first; the rule that matched is then looked up
_ANY_LINE_RULE = re.compile(
    "|".join(f"(?:{pattern.pattern})" for _, pattern in _LINE_RULES), re.IGNORECASE
)

# The Wikisource licence footer: it starts with "本作品…" and runs to the end of the text,
# where the page's "Public domain / false" template residue sits.
_LICENCE_START = re.compile(_RULES["licence"]["start"])
_LICENCE_WORDS = tuple(_RULES["licence"]["words"])
_TEMPLATE_RESIDUE = re.compile(_RULES["licence"]["template_residue"], re.IGNORECASE)

# ----------------------------------------------------------------------------- spam

_SPAM = _RULES["spam"]
# Words of gambling / app-download SEO spam. Pieces of a spam chain are made of these and a
# brand name; "strong" words are ones a policy text does not use in such a glued shape.
_SPAM_WORDS = longest_first(set(_SPAM["words"]))
_STRONG = tuple(_SPAM["strong"])
# A whole line of other spam that sites get injected with: fake certificates and invoices,
# pornography, loans, each with a contact or a link. A line that says none of a policy
# text's sentence ends and carries one of these with a contact or link is cut whole.
_LINE_SPAM = re.compile(_SPAM["line_spam"])
_CONTACT = re.compile(_SPAM["contact"])
_PIECE = rf"[A-Za-z0-9{HAN}]{{1,24}}"
# Pieces joined by _ | ｜ or a hyphen that is not part of a number range (2021-2025).
_SEP = r"(?:\s?[_|｜]\s?|(?<![0-9])-(?![0-9])|—(?!—))"
_CHAIN = re.compile(rf"{_PIECE}(?:{_SEP}{_PIECE})+")
# a chain holds one of its separators: a line without any is not searched (the search tries
# a piece of up to 24 characters at every character)
_SEP_CHARS = re.compile(r"[_|｜\-—]")
# Spam glued into a sentence without separators: "XX体育app下载", "线上买球", "XX娱乐官网".
_GAMBLING = _SPAM["gambling"]  # what the glued brand sells
_ONLINE = _SPAM["online"]
# a brand in Chinese before a brand in letters or a site, glued to the clause's start (，华体会|
# hth·体育…, ，九游会|J9.com…): no longer than this
BRAND_MAX = 4
_HAN_BRAND = rf"(?:(?<=[，。；、：！？,;:\s【\[])[\u4e00-\u9fff]{{2,{BRAND_MAX}}})?"
_SPAM_CALLS = _SPAM["calls"]
_GLUED = re.compile(
    _rule(_SPAM["glued"], GAMBLING=_GAMBLING, ONLINE=_ONLINE, CALLS=_SPAM_CALLS, HAN_BRAND=_HAN_BRAND)
)
# A text that regulates, fights or reports gambling says its words: in the clause of a glued
# span, a word that regulates it; in its sentence, a word of crime. Injected spam sits in a
# clause of its own, beside ordinary policy words (加强管理，开云体育app下载，…).
_REGULATING = re.compile(_SPAM["regulating"])
_CRIME = re.compile(_SPAM["crime"])
_SENTENCE_END = re.compile(r"[。！？；!?;]")
_CLAUSE_END = re.compile(r"[。！？；!?;，,：:]")
# A chain of pieces is spam where it sells gambling or names a brand in letters
_CHAIN_SELLS = re.compile(_rule(_SPAM["chain_sells"], GAMBLING=_GAMBLING), re.IGNORECASE)
# every glued match holds one of these words (体育 and 娱乐 are of _GAMBLING): a line without
# any is not searched (the search tries up to 12 letters or digits at every character)
_GLUED_WORDS = re.compile(rf"{_GAMBLING}|{_ONLINE}|\.(?:com|net|cc|vip|xyz|top)")


def remove_noise(text: str) -> tuple[str, tuple[Noise, ...]]:
    """Cut page furniture lines and injected spam spans from normalised text.

    Args:
        text: normalised text, one paragraph a line.

    Returns:
        The clean text and what was removed (each with its reason and its offset in `text`).
    """
    clean, found, _ = remove_noise_twin(text, None)
    return clean, found


def remove_noise_twin(
    text: str, twin: str | None
) -> tuple[str, tuple[Noise, ...], str | None]:
    """`remove_noise`, with the same lines and spans cut from `twin`, a text of the same length
    line by line (the document as printed, `normalize.normalize_printed`); None gives None."""
    lines = text.split("\n")
    twin_lines = twin.split("\n") if twin is not None else None
    offsets = []
    pos = 0
    for line in lines:
        offsets.append(pos)
        pos += len(line) + 1
    found: list[Noise] = []
    keep = [True] * len(lines)

    footer = _licence_footer(lines)
    if footer is not None:
        block = "\n".join(lines[footer:])
        found.append(Noise(block, LICENCE, offsets[footer]))
        for i in range(footer, len(lines)):
            keep[i] = False
    related = _related_tail(lines, footer if footer is not None else len(lines))
    if related is not None:
        end = footer if footer is not None else len(lines)
        found.append(Noise("\n".join(lines[related:end]), RELATED, offsets[related]))
        for i in range(related, end):
            keep[i] = False

    out: list[str] = []
    twin_out: list[str] = []
    for i, line in enumerate(lines):
        if not keep[i]:
            continue
        reason = furniture_reason(line)
        if reason is not None:
            found.append(Noise(line, reason, offsets[i]))
            continue
        if _line_spam(line):
            found.append(Noise(line, SPAM, offsets[i]))
            continue
        cuts = _spam_cuts(line)
        found.extend(Noise(line[s:e], SPAM, offsets[i] + s) for s, e in cuts)
        dateline = _DATELINE.match(line) if not out else None  # the first line kept
        if dateline:  # 央视网消息(新闻联播)：…, the words of a news item after it
            found.append(Noise(dateline.group().strip(), SOURCE, offsets[i]))
            cuts = [(0, dateline.end()), *((s, e) for s, e in cuts if s >= dateline.end())]
        cleaned = _cut(line, cuts)
        if cuts and not cleaned.strip():
            continue  # the whole line was spam
        out.append(cleaned)
        if twin_lines is not None:
            twin_out.append(_cut(twin_lines[i], cuts))
    found.sort(key=lambda n: n.offset)
    return "\n".join(out), tuple(found), "\n".join(twin_out) if twin is not None else None


# The dateline a news item opens with (央视网消息(新闻联播)：), and the line that heads a page's
# list of related items after its article (相关信息…): that line, alone, in the last
# `RELATED_TAIL_SHARE` of the text, and all after it
_DATELINE = re.compile(_RULES["news"]["dateline"])
_RELATED_HEADING = re.compile(_RULES["news"]["related_heading"])
RELATED_TAIL_SHARE = 0.5


def _related_tail(lines: list[str], end: int) -> int | None:
    """Index of the line that heads a page's related items at the text's end, if any."""
    total = sum(len(line) for line in lines[:end])
    seen = 0
    for i, line in enumerate(lines[:end]):
        seen += len(line)
        if seen >= (1 - RELATED_TAIL_SHARE) * total and _RELATED_HEADING.fullmatch(line.strip()):
            return i
    return None


def furniture_reason(line: str) -> str | None:
    """Say why a whole line is page furniture, or None when it belongs to the document."""
    stripped = line.strip()
    if not stripped or len(stripped) > 300:
        return None
    if not _ANY_LINE_RULE.fullmatch(stripped):
        return None  # (most lines) one pass instead of one per rule
    for reason, pattern in _LINE_RULES:
        if pattern.fullmatch(stripped):
            return reason
    return None


def _licence_footer(lines: list[str]) -> int | None:
    """Index of the first line of a trailing licence footer, if the text ends with one."""
    end = len(lines)
    residue = False  # template residue (Public domain, PD-old) after the body; blank lines aren't
    while end > 0 and (not lines[end - 1].strip() or _TEMPLATE_RESIDUE.match(lines[end - 1])):
        residue = residue or bool(lines[end - 1].strip())
        end -= 1
    window = max(0, end - 60)
    for i in range(window, end):
        if _LICENCE_START.match(lines[i].strip()):
            tail = "\n".join(lines[i:end])
            if len(tail) < 3000 and any(w in tail for w in _LICENCE_WORDS):
                return i
    return end if residue else None


# a government text names these things to fight them: 举报淫秽色情信息 www.12377.cn
_ENFORCEMENT = re.compile(_SPAM["enforcement"])


def _line_spam(line: str) -> bool:
    """Tell whether a whole short line is spam of another kind (办证刻章 with a WeChat id)."""
    if len(line) > 120 or re.search(r"[。！？；]", line) or _ENFORCEMENT.search(line):
        return False
    return bool(_LINE_SPAM.search(line)) and bool(_CONTACT.search(line))


def _spam_cuts(line: str) -> list[tuple[int, int]]:
    """The spans of a line that are injected spam, merged, in order."""
    spans = sorted(set(_chain_spans(line)) | set(_glued_spans(line)) | set(_spam_tail(line)))
    merged: list[tuple[int, int]] = []
    for start, end in spans:
        if merged and start <= merged[-1][1]:
            merged[-1] = (merged[-1][0], max(end, merged[-1][1]))
        else:
            merged.append((start, end))
    return merged


def _cut(line: str, cuts: list[tuple[int, int]]) -> str:
    """The line without the spans `cuts`: where a span stood between two clause marks, or in
    brackets of its own, one mark stays (机制，|…|，稳定 -> 机制，稳定; 。【…】 -> 。)."""
    if not cuts:
        return line
    pieces: list[str] = []
    last = 0
    for start, end in [*cuts, (len(line), len(line))]:
        piece = line[last:start]
        if pieces and piece:
            before, after = pieces[-1][-1:], piece[0]
            if before and before in _CLAUSE_MARKS and after in _CLAUSE_MARKS:
                piece = piece[1:]  # a clause mark on each side of the spam: one is enough
            elif after in _CLOSING and before == _OPENING[_CLOSING.index(after)]:
                pieces[-1], piece = pieces[-1][:-1], piece[1:]  # brackets left empty
        pieces.append(piece)
        last = end
    return "".join(pieces)


_CLAUSE_MARKS = "，、；,;"
_OPENING, _CLOSING = "【[（(", "】]）)"


def _at_clause_start(line: str, at: int) -> bool:
    """Tell whether `at` opens the line or follows a mark (a clause's first word)."""
    return at == 0 or not (line[at - 1].isalnum() or "\u4e00" <= line[at - 1] <= "\u9fff")


# casino brands that spam of every kind is signed with
_CASINO = re.compile(_SPAM["casino"])
SPAM_TAIL_MAX = 120  # the longest tail of spam after a line's last sentence


def _spam_tail(line: str) -> list[tuple[int, int]]:
    """The tail after a line's last sentence that is spam of the whole-line kind (一个句子。
    威尼斯人www.vns8888.com 办证刻章加微信abc12345): a contact or a link with a casino or a
    trade of `_LINE_SPAM`, and no sentence of its own."""
    end = max(line.rfind(mark) for mark in "。！？") + 1
    tail = line[end:]
    if not end or not tail.strip() or len(tail) > SPAM_TAIL_MAX or _REGULATING.search(tail) or (
        _CRIME.search(tail)
    ):
        return []
    if _CONTACT.search(tail) and (_LINE_SPAM.search(tail) or _CASINO.search(tail)):
        return [(end, len(line))]
    return []


def _glued_spans(line: str) -> list[tuple[int, int]]:
    if not _GLUED_WORDS.search(line):
        return []
    return [
        (_after_verb(line, m.start()), m.end()) for m in _GLUED.finditer(line)
        if not _REGULATING.search(_around(line, m.start(), m.end(), _CLAUSE_END))
        and not _CRIME.search(_around(line, m.start(), m.end(), _SENTENCE_END))
    ]


_HAN_LEAD = re.compile(rf"[\u4e00-\u9fff]{{2,{BRAND_MAX}}}(?=[A-Za-z0-9])")
VERB_TAG = "v"


def _after_verb(line: str, start: int) -> int:
    """Where a glued span starts: after the sentence's own verb where the Chinese run before
    the brand in letters opens with one (，开展|bet365体育在线投注…, ，支持|hth体育官方网站: a word
    of two characters or more the dictionary tags as a verb), else where it matched (，华体会|
    hth·体育…: the brand's Chinese name)."""
    lead = _HAN_LEAD.match(line, start)
    if lead is None:
        return start
    from policy_cli.core.segment import default_tagger  # (only where spam carries a brand)

    word, tag = default_tagger().tag(lead.group(), False)[0]
    return start + len(word) if tag == VERB_TAG and len(word) >= 2 else start


def _around(line: str, start: int, end: int, edges: re.Pattern[str]) -> str:
    """The clause or sentence (as `edges` end them) of a line that holds line[start:end],
    without the span itself."""
    left = max((m.end() for m in edges.finditer(line, 0, start)), default=0)
    right = edges.search(line, end)
    return line[left:start] + line[end : right.start() if right else len(line)]


def _strip_words(piece: str, *, from_end: bool) -> str:
    """Remove spam words from the end (or the start) of `piece`; return what is left."""
    low = piece.lower()
    while low:
        w = next((w for w in _SPAM_WORDS if (low.endswith(w) if from_end else low.startswith(w))),
                 None)
        if w is None:
            break
        low = low[: -len(w)] if from_end else low[len(w) :]
    return piece[: len(low)] if from_end else piece[len(piece) - len(low) :]


def _brands(parts: list[str]) -> list[str]:
    """Guess the brand names of a spam chain: what its pieces share besides spam words."""
    found: set[str] = set()
    for part in parts:
        for latin in re.findall(r"[A-Za-z][A-Za-z0-9]{1,11}|[0-9]{2,4}[A-Za-z]{1,8}", part):
            if latin.lower() not in _SPAM_WORDS:
                found.add(latin)
    for part in parts[1:]:
        rest = _strip_words(part, from_end=True)
        if rest != part and 2 <= len(rest) <= 6:
            found.add(rest)
    others = "\n".join(parts)
    last = parts[-1]
    for n in range(2, 7):  # a brand has two characters or more: 球球, 开云, 亚博
        head = last[:n]
        spam_follows = _strip_words(last[n:], from_end=False) != last[n:]
        if len(head) == n and spam_follows and others.count(head) >= 2:
            found.add(head)
    first = _strip_words(parts[0], from_end=True)
    for n in range(2, 7):
        tail = first[-n:]
        if len(tail) == n and others.count(tail) >= 2:
            found.add(tail)
    return longest_first(found)


def _bare(piece: str, brands: list[str]) -> str:
    """The piece without a leading brand and spam words: its ordinary text."""
    for brand in brands:
        if piece.startswith(brand):
            piece = piece[len(brand) :]
            break
    return _strip_words(piece, from_end=False)


def _spam_words_in(text: str) -> int:
    low = text.lower()
    count = 0
    i = 0
    while i < len(low):
        for w in _SPAM_WORDS:
            if low.startswith(w, i):
                count += 1
                i += len(w)
                break
        else:
            i += 1
    return count


def _chain_spans(line: str) -> list[tuple[int, int]]:
    spans: list[tuple[int, int]] = []
    if not _SEP_CHARS.search(line):
        return spans
    for m in _CHAIN.finditer(line):
        chain = m.group()
        if not any(w in chain.lower() for w in _STRONG) or not _CHAIN_SELLS.search(chain):
            continue
        parts = re.split(_SEP, chain)
        if len(parts) < 2:
            continue
        brands = _brands(parts)

        if any(_bare(p, brands) for p in parts[1:-1]):
            continue  # a middle piece that is ordinary text: not a spam chain
        # Left end: spam words off the right of the first piece, then its brand.
        first = parts[0]
        rest = _strip_words(first, from_end=True)
        if rest == first:
            start = m.start() + len(first)  # the chain starts after an ordinary first piece
        else:
            for brand in brands:
                if rest.endswith(brand):
                    rest = rest[: -len(brand)]
                    break
            else:
                if len(rest) <= BRAND_MAX and _at_clause_start(line, m.start()):
                    rest = ""  # 。开云|体育官方网站-…: the words before the spam words, alone
            start = m.start() + len(rest)
        # Right end: the last piece's brand and spam words, up to ordinary text.
        end = m.end() - len(_bare(parts[-1], brands))
        span = line[start:end]
        if _spam_words_in(span) >= 2 and any(w in span.lower() for w in _STRONG):
            spans.append((start, end))
    return spans
