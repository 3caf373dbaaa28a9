"""Phrase edges: where a name found by its head, its code or its count starts and ends.

The candidate stages find a formulation by its evidence (a head word, a code, a count word)
and ask these functions where the phrase around it begins and ends; each stage's evidence says
which edge to look for, so the edges are found here rather than in one later pass.
"""

from __future__ import annotations

import re

from policy_cli.core.formulations.shapes import classify_quoted
from policy_cli.core.formulations.vocab import (
    CLAUSE_EDGE,
    FUNCTION_WORDS,
    HAN,
    NAME_HEADS,
    PHRASE_BREAKS,
    clause_word_set,
    clause_words,
    launches,
)
from policy_cli.core.segment import default_segmenter


def campaign_start(text: str, start: int) -> int:
    """Move a campaign name's start left over a verb or an 和-joined noun phrase that belongs to it.

    The walk of `phrase_ending_at` stops at clause-opening verbs and at 和; a programme title
    may hold both. Only when a launching verb stands right before the extension is it taken.
    """
    lo = max(0, start - 16)
    for k in range(start - 1, lo - 1, -1):
        if text[k] in CLAUSE_EDGE:
            lo = k + 1
            break
    words = default_segmenter().cut(text[lo:start])
    if not words:
        return start
    if words[-1] == "和" and len(words) >= 3:
        # 完成 制造业 智能化 改造 和 | 数字化转型三年行动计划
        k = len(words) - 2
        while k >= 0 and not launches(words[k]) and re.fullmatch(rf"[{HAN}]+", words[k]) \
                and words[k] not in FUNCTION_WORDS:
            k -= 1
        ext = start - sum(len(w) for w in words[k + 1 :])
        if k >= 0 and launches(words[k]) and k < len(words) - 2 and start - ext <= 12:
            return ext
        return start
    if len(words) >= 2 and launches(words[-2]) and not launches(words[-1]) and (
        words[-1] in clause_word_set() or words[-1] in PHRASE_BREAKS
    ):
        return start - len(words[-1])  # 实施 | 加快 | 培育发展未来产业三年行动
    return start


def phrase_ending_at(text: str, end: int, core: int, max_len: int = 16) -> str:
    """Return the noun phrase that ends at `end`: segment the clause and walk back words.

    The walk keeps the last `core` characters (the head) and adds words to its left until a
    clause edge, a function word or a clause-opening verb (坚持, 推动...).
    """
    start = max(0, end - max_len - 6)
    for k in range(end - core - 1, start - 1, -1):
        if text[k] in CLAUSE_EDGE:
            start = k + 1
            break
    window = text[start:end]
    words = default_segmenter().cut(window)
    clause = clause_word_set()
    out = ""
    for w in reversed(words):
        if len(out) >= core and not (len(out) == core and core <= 4 and len(w) >= 2):
            # (the word right before a bare head belongs to it: 整治提升 + 五年行动)
            if (
                len(out) + len(w) > max_len
                or not re.fullmatch(rf"[{HAN}]+", w)
                or w in FUNCTION_WORDS
                or any(w[k:] in clause or w[k:] in PHRASE_BREAKS for k in range(len(w) - 1))
                or (len(w) == 1 and w in "要来去好用")
            ):
                break
        out = w + out
    return out.lstrip("对把被让使向到")


def following_phrase(text: str, pos: int) -> str | None:
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
    m = re.match(rf"[{HAN}]{{2,12}}", text[pos:])
    if not m:
        return None
    phrase = m.group()
    clause = clause_word_set()
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
    if phrase[:1] in FUNCTION_WORDS or phrase[:1] in "等之":
        return None
    found = name_part(phrase[: min(at_verb, at_function)])
    if skipped and found and not found.endswith((*NAME_HEADS, "模式", "机制", "园区", "措施")):
        return None  # shared by a list of codes, the phrase must name what they are (…等模式)
    return found


def name_part(phrase: str) -> str | None:
    for head in NAME_HEADS:
        k = phrase.find(head)
        if k >= 0:
            phrase = phrase[: k + len(head)]
            break
    if 3 <= len(phrase) <= 8 or phrase in NAME_HEADS:
        return phrase
    return None


def starts_a_word(text: str, pos: int) -> bool:
    """Tell whether the segmenter starts a word at pos (宏观政策|跨周期, not 应|对传统)."""
    if pos == 0 or text[pos - 1] in CLAUSE_EDGE:
        return True
    start = max(0, pos - 8)
    for k in range(pos - 1, start - 1, -1):
        if text[k] in CLAUSE_EDGE:
            start = k + 1
            break
    done = 0
    for w in default_segmenter().cut(text[start : pos + 4]):
        if start + done == pos:
            return True
        done += len(w)
    return False


def clause_lead(clause: str) -> str:
    """Return the verb of command that opens a clause (坚持房子是… -> 坚持), or ""."""
    for word in clause_words():
        if clause.startswith(word) and len(clause) - len(word) >= 3:
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
