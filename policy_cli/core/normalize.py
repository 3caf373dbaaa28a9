"""Text clean-up steps (each `str -> str`) and the split into paragraphs and sentences."""

from __future__ import annotations

import re
import unicodedata

from policy_cli.core.chars import CJK_MARKS, CN_DIGITS, CN_NUMERALS, CN_ZEROS, HAN_EXTENDED
from policy_cli.models import Paragraph, Sentence

_CJK = HAN_EXTENDED + CJK_MARKS
# zero-width characters, and the marks of bidirectional text (ALM, LRM, RLM, LRE…RLO,
# LRI…PDI): no Chinese text needs them, and an override (U+202E) shows the words after it in
# reverse order
_ZERO_WIDTH = re.compile(
    "[\u200b\u200c\u200d\u2060\ufeff\u00ad\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]"
)
# a terminal's escape sequence whole: CSI (ESC [ or the C1 byte) with its parameters and final
# byte (\x1b[2J, \x1b[31m); a control string up to its terminator on the line (OSC ESC ], DCS
# ESC P, SOS ESC X, PM ESC ^, APC ESC _, or their C1 bytes); or ESC with its intermediate bytes
# and final byte (ESC ( 0 switches a character set, ESC 7 saves the cursor): what it would do
# is no text of the document (2J, 0lqkB were left over as words)
_ESCAPE = re.compile(
    "(?:\x1b\\[|\x9b)[\x30-\x3f]*[\x20-\x2f]*[\x40-\x7e]?"
    "|(?:\x1b[\\]PX^_]|[\x9d\x90\x98\x9e\x9f])[^\x07\x1b\x9c\n]{0,512}(?:\x07|\x1b\\\\|\x9c)"
    "|\x1b[\x20-\x2f]*[\x30-\x7e]?"
)
# C0/C1 controls except tab and newline
_CONTROL = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f]")
_SPACES = re.compile("[ \t\u00a0\u1680\u2000-\u200a\u202f\u205f\u3000]+")

# Kangxi radicals (U+2F00-U+2FDF) fold under NFKC; the CJK Radicals Supplement ones
# that PDF text layers use for common ideographs do not, so they are mapped by hand.
# The eight of the State Council PDF (⻅⺠⻓⻛⻋⻜⻘⻔) plus the other supplement radicals that
# are the shape of a whole simplified character; component-only forms (⻈ ⻖ ⻍ …) are left.
_RADICAL_SUPPLEMENT = str.maketrans(
    {
        "⻅": "见", "⺠": "民", "⻓": "长", "⻛": "风", "⻋": "车", "⻜": "飞", "⻘": "青",
        "⻔": "门", "⻉": "贝", "⻄": "西", "⻆": "角", "⻙": "韦", "⻚": "页", "⻝": "食",
        "⻢": "马", "⻣": "骨", "⻤": "鬼", "⻥": "鱼", "⻦": "鸟", "⻧": "卤", "⻨": "麦",
        "⻩": "黄", "⻬": "齐", "⻮": "齿", "⻰": "龙", "⻳": "龟", "⺟": "母", "⺩": "王",
        "⻑": "長", "⻗": "雨",
    }
)


_CN_DIGITS = str.maketrans(f"{CN_ZEROS}Ｏ{CN_DIGITS}", "0" * (len(CN_ZEROS) + 1) + "123456789")


def arabic_digits(text: str) -> str:
    """Write Chinese numerals read digit by digit in Arabic: 二〇三五 / 二○三五 / 二0一0 -> 2035 / 2010.

    Only the digits are replaced; 十, 百 and other characters are kept as they are.
    """
    return text.translate(_CN_DIGITS)


def normalize_newlines(text: str) -> str:
    """Turn CRLF and lone CR into LF."""
    return text.replace("\r\n", "\n").replace("\r", "\n")


# A line of nothing but zero-width characters (and spaces) is what a web page's empty element
# holding a zero-width space leaves in copied text. Some pages set one every few hundred
# characters, wherever the sentence is (the background corpus's work reports of 2017 and 2021:
# 上海合|作组织峰会, 达到74.4|万亿元, 融资难、融资贵问|题): there it splits a sentence, and the
# two lines are one. Where the line before ends a sentence (。, ：…) or is a heading (一、…,
# （二）…, short and without a clause mark), or the line after opens indented, it is a break
# between paragraphs as a blank line is.
_INVISIBLE_LINE = re.compile(f"[ \t\u3000]*(?:{_ZERO_WIDTH.pattern}[ \t\u3000]*)+")
# a heading opens with its number (一、, （二）, 第三章, 第四条); `sentences` reads headings by it too
HEADING_OPEN = re.compile(rf"^(?:（[{CN_NUMERALS}]+）|[{CN_NUMERALS}]+、|第[{CN_NUMERALS}]+[章节条部分])")
HEADING_MAX_CHARS = 40  # a title or a heading is no longer (a numbered line longer is a paragraph)


def join_invisible_breaks(text: str) -> str:
    """Join the two lines of a sentence that a line of zero-width characters alone (or a few in
    a row) splits."""
    if _ZERO_WIDTH.search(text) is None:  # (most texts)
        return text
    lines = text.split("\n")
    out: list[list[str]] = []  # each line's pieces, joined once at the end
    i = 0
    while i < len(lines):
        line = lines[i]
        if out and _INVISIBLE_LINE.fullmatch(line):
            j = i + 1
            while j < len(lines) and _INVISIBLE_LINE.fullmatch(lines[j]):
                j += 1
            # (the test reads the last line joined, not the paragraph: linear in the text)
            if j < len(lines) and _runs_on(out[-1][-1], lines[j]):
                out[-1].append(lines[j])
                i = j + 1
                continue
        out.append([line])
        i += 1
    return "\n".join("".join(pieces) for pieces in out)


def _runs_on(before: str, after: str) -> bool:
    """Whether a sentence goes on from one line to the next across a line of zero-width
    characters: the first ends no sentence and is no title or heading (a short line without a
    clause mark, or one that opens with a heading's number), the second opens unindented and
    is no heading."""
    body = before.strip()
    if not body or not after[:1].strip() or _WRAP_END.search(body):  # (below, with unwrap)
        return False
    if HEADING_OPEN.match(after):
        return False  # …如下|二、2017年重点工作任务: a heading opens the next part
    if len(body) <= HEADING_MAX_CHARS and not any(m in body for m in _CLAUSE_MARKS):
        return False  # 2017年政府工作报告|各位代表：: a title or a heading of its own
    return not (HEADING_OPEN.match(body) and len(body) <= HEADING_MAX_CHARS)


# Text copied from a web page keeps each link and each sub- or superscript on a line of its own:
# - a line break right after an opening bracket or right before a closing one or a clause mark is
#   no break between paragraphs (no paragraph ends with 《 or （, and none opens with 》 or ，):
#   制定了《|国家中长期科学和技术发展规划纲要|》。 (the background's work report of 2006 has 39);
#   a quoted link (“|十三五|”) joins only whole: quote marks are typed the wrong way round often
#   enough (坚持“两个毫不动摇“|各地区…) that one at a line's end or start says nothing alone;
# - the index of a formula alone on a line after its symbol: 广义货币M|2|增长13.6%, 细颗粒物（PM|
#   2.5|） (the work reports of 2014 and 2015 as copied); other Latin words before a number on a
#   line of its own (GDP|6.5 in a table, APP|2 a step, AI|12 a page number) are left as they are.
# The lines are one sentence.
_MARK_OPENS = "《〈（「『【"  # no paragraph ends with one of these…
_MARK_CLOSES = "》〉）」』】，、。；：？！"  # …and none opens with one of these
_WHITE_RUN = re.compile(r"\s+")  # (maximal runs: each read once, linear in the text)
_QUOTED_LINK = re.compile("“[ \t\u3000]*\n[ \t\u3000]*([^“”\n]{1,30}?)[ \t\u3000]*\n[ \t\u3000]*”")
# the symbols written with an index (M2, PM2.5, CO2, SO2, O3), each a whole Latin word (not the
# end of GDP or APP), and the index: one to three digits and at most one decimal, the next line
# opening with a Chinese character or mark
FORMULA_SYMBOLS = ("M", "PM", "CO", "SO", "NO", "O", "CH", "H", "N")
_INDEX_LINE = re.compile(
    "(?<![A-Za-z])(" + "|".join(sorted(FORMULA_SYMBOLS, key=len, reverse=True)) + ")"
    "[ \t]*\n[ \t]*([0-9]{1,3}(?:\\.[0-9])?)[ \t]*\n[ \t]*(?=[\u4e00-\u9fff（）”，、。；])"
)


def join_markup_breaks(text: str) -> str:
    """Join the lines a copied web page's markup splits: a break right after an opening bracket
    (《, （…) or right before a closing one or a clause mark (》, ）, ，, 。…), a quoted link on a line
    of its own (“|十三五|”), and a formula's index alone on a line (M|2|增长)."""
    if "\n" not in text:
        return text
    text = _QUOTED_LINK.sub(r"“\1”", _INDEX_LINE.sub(r"\1\2", text))

    def join(m: re.Match[str]) -> str:
        run = m.group()
        if "\n" not in run:
            return run
        before, after = text[m.start() - 1 : m.start()], text[m.end() : m.end() + 1]
        return "" if (before and before in _MARK_OPENS) or (after and after in _MARK_CLOSES) else run

    return _WHITE_RUN.sub(join, text)


def remove_invisible(text: str) -> str:
    """Drop zero-width characters, bidirectional marks, terminal escape sequences and control
    characters (keeping tab and newline)."""
    return _CONTROL.sub("", _ESCAPE.sub("", _ZERO_WIDTH.sub("", text)))


_RADICAL = re.compile("[\u2e80-\u2fdf]")


def fold_radicals(text: str) -> str:
    """Map radical code points (as PDF text layers emit them) to the ideographs they stand for."""
    if not _RADICAL.search(text):
        return text
    out = []
    for ch in text.translate(_RADICAL_SUPPLEMENT):
        if "\u2f00" <= ch <= "\u2fdf":
            ch = unicodedata.normalize("NFKC", ch)
        out.append(ch)
    return "".join(out)


def normalize_spaces(text: str) -> str:
    """Fold runs of spaces (ideographic, no-break, tabs) to one space; strip each line.

    A space between two CJK characters is kept: slogans such as "谱新篇 实干争先" use it as a
    separator between halves.
    """
    lines = (_SPACES.sub(" ", line).strip() for line in text.split("\n"))
    return "\n".join(lines)


_HALF_TO_FULL = {",": "，", ";": "；", "(": "（", ")": "）", ":": "：", "!": "！", "?": "？"}
_CJK_CHAR = re.compile(f"[{_CJK}]")
_HALF_WIDTH = re.compile("[" + re.escape("".join(_HALF_TO_FULL)) + "]")


def widen_punctuation(text: str) -> str:
    """Use full-width ，；（）：！？ where Chinese text uses the half-width ones.

    A half-width mark is widened when a CJK character stands next to it; marks between digits
    or Latin letters (1,200; f(x); http://) are left alone.
    """
    if not any(ch in text for ch in _HALF_TO_FULL):
        return text
    n = len(text)
    # only the marks are visited, left to right (a mark widened before is seen widened); no
    # list of the text's characters (a str object per CJK character: 76 bytes each)
    widened: dict[int, str] = {}
    for m in _HALF_WIDTH.finditer(text):
        i, ch = m.start(), m.group()
        full = _HALF_TO_FULL[ch]
        prev = widened.get(i - 1, text[i - 1]) if i > 0 else ""
        nxt = text[i + 1] if i + 1 < n else ""
        if ch == "(":
            cjk = bool(_CJK_CHAR.match(nxt))
        elif ch == ")":
            cjk = bool(_CJK_CHAR.match(prev))
        else:
            cjk = bool(_CJK_CHAR.match(prev)) or (
                bool(_CJK_CHAR.match(nxt)) and not prev.isascii()
            ) or (bool(_CJK_CHAR.match(nxt)) and prev in {"", " ", ")", "）"})
            if ch == ":" and nxt == "/":
                cjk = False
        if cjk:
            widened[i] = full
    if not widened:
        return text
    parts = []
    last = 0
    for i, full in widened.items():  # in increasing order: found left to right
        parts.append(text[last:i])
        parts.append(full)
        last = i + 1
    parts.append(text[last:])
    return "".join(parts)


# quote marks some texts print that stand for “ ” and ": the double prime quotation marks 〝…〞
# (and the low 〟 some fonts close with) and the full-width ＂
_QUOTE_VARIANTS = {"〝": "“", "〞": "”", "〟": "”", "＂": '"'}
_QUOTE_VARIANT_TABLE = str.maketrans(_QUOTE_VARIANTS)


def unify_quote_marks(text: str) -> str:
    """Print 〝…〞 as “…” and ＂ as " (paired next, as an ASCII quote is). The text keeps its
    length."""
    if not any(ch in text for ch in _QUOTE_VARIANTS):
        return text
    return text.translate(_QUOTE_VARIANT_TABLE)


def pair_ascii_quotes(text: str) -> str:
    """Turn ASCII double quotes in Chinese lines into “…” pairs, as the printed text pairs them.

    Line by line, left to right: a " after an open “ closes it (“蒙速办" -> “蒙速办”, a style
    some reports print throughout); any other " opens a quote when a closing " or ” follows
    on the line ("一网通办" -> “一网通办”). A " with nothing to pair it is left as it is, and
    lines without Chinese (code, English) are not touched. The text keeps its length.
    """
    if '"' not in text:
        return text
    return "\n".join(_pair_line(line) for line in text.split("\n"))


def _pair_line(line: str) -> str:
    if '"' not in line or not _CJK_CHAR.search(line):
        return line
    chars = list(line)
    last_closer = max(line.rfind('"'), line.rfind("”"))
    is_open = False
    for i, ch in enumerate(chars):
        if ch == "“":
            is_open = True
        elif ch == "”":
            is_open = False
        elif ch == '"':
            if is_open:
                chars[i], is_open = "”", False
            elif last_closer > i:
                chars[i], is_open = "“", True
    return "".join(chars)


def collapse_blank_lines(text: str) -> str:
    """Drop empty lines: paragraphs are lines."""
    return "\n".join(line for line in text.split("\n") if line)


# the steps that clean the text (they change its length) ...
CLEANING_STEPS = (
    normalize_newlines,
    join_invisible_breaks,
    remove_invisible,
    join_markup_breaks,
    fold_radicals,
    normalize_spaces,
    collapse_blank_lines,
)
# ... and the ones that only change marks, one character for one (the text keeps its length):
# what they change is printed as the document prints it (`normalize_printed`)
MARK_STEPS = (
    widen_punctuation,
    unify_quote_marks,
    pair_ascii_quotes,
)
STEPS = CLEANING_STEPS + MARK_STEPS


# characters no step changes: CJK ideographs, ASCII letters and digits, CJK and full-width
# punctuation (no space of any kind, line break, control, zero-width character, radical,
# half-width mark that is widened, ASCII quote or a variant of a quote mark: 〝〞〟＂). A text
# of these alone is returned as it is: a news item's title and date, and the names of its
# metadata (4 of its 5 calls).
_UNTOUCHED = re.compile("[\u4e00-\u9fff0-9A-Za-z\u3001-\u301c\u3020-\u303f\uff01\uff03-\uff5e./-]+")


def normalize_text(text: str) -> str:
    """Apply every clean-up step in order."""
    return normalize_printed(text)[0]


def normalize_printed(text: str) -> tuple[str, str]:
    """Apply every clean-up step in order; return the normalised text and the text as printed.

    The printed text is the normalised one with the marks that the mark steps changed as the
    document prints them (half-width brackets and commas beside Chinese, ASCII and variant
    quote marks): the same length, character for character, so that a span of the one is the
    same span of the other (中柬(北海)产业园 is analysed as 中柬（北海）产业园 and listed as printed).
    """
    if _UNTOUCHED.fullmatch(text):
        return text, text
    for step in CLEANING_STEPS:
        text = step(text)
    printed = text
    for step in MARK_STEPS:
        text = step(text)
    return text, printed


_TERMINATORS = "。！？；…"
_CLOSERS = "”’」』）)》〉】\"'"
_SENTENCE_END = re.compile(f"(?:……|[{_TERMINATORS}]+)[{re.escape(_CLOSERS)}]*")
# A stretch without a sentence end longer than this (a table or list flattened to one line,
# generated text) is cut at its last clause mark before the limit, or at the limit: every
# output that quotes a sentence (key sentences, contexts, targets) would otherwise quote all of
# it. The longest sentence of the national news 2012-2022 is 1,978 characters.
MAX_SENTENCE_CHARS = 2000
_CLAUSE_MARKS = "，、：,:"


def split_paragraphs(text: str) -> tuple[Paragraph, ...]:
    """Split normalised text into its lines, with offsets."""
    paragraphs: list[Paragraph] = []
    pos = 0
    for line in text.split("\n"):
        if line.strip():
            paragraphs.append(Paragraph(len(paragraphs), pos, pos + len(line), line))
        pos += len(line) + 1
    return tuple(paragraphs)


def _cut_long(text: str, ends: list[int]) -> list[int]:
    """The sentence ends with every stretch longer than MAX_SENTENCE_CHARS cut at its last clause
    mark before the limit (or at the limit); a sentence over the limit by its end marks alone
    (…。, ……”) keeps them."""
    out: list[int] = []
    start = 0
    for end in ends:
        while end - start > MAX_SENTENCE_CHARS:
            limit = start + MAX_SENTENCE_CHARS
            if not text[limit:end].strip(_TERMINATORS + _CLOSERS + _CLAUSE_MARKS):
                break  # only the sentence's end marks are over: they stay with it
            cut = max(text.rfind(mark, start + 1, limit) for mark in _CLAUSE_MARKS) + 1
            start = cut if cut > start + 1 else limit
            out.append(start)
        out.append(end)
        start = end
    return out


def split_sentences(paragraphs: tuple[Paragraph, ...]) -> tuple[Sentence, ...]:
    """Split paragraphs into sentences at 。！？；… keeping closing quotes with their sentence."""
    # one loop, no call per sentence (a 10 M-character text has ~330 k sentences)
    sentences: list[Sentence] = []
    add = sentences.append
    for para in paragraphs:
        text, offset, index = para.text, para.start, para.index
        ends = [m.end() for m in _SENTENCE_END.finditer(text)]
        ends.append(len(text))
        if len(text) > MAX_SENTENCE_CHARS:
            ends = _cut_long(text, ends)
        start = 0
        for end in ends:
            chunk = text[start:end]
            begin = offset + start
            start = end
            stripped = chunk.strip()
            if not stripped:
                continue
            if chunk[0].isspace():
                begin += len(chunk) - len(chunk.lstrip())
            add(Sentence(len(sentences), index, begin, begin + len(stripped), stripped))
    return tuple(sentences)


# Hard-wrapped text (pdftotext's output, a text copied from a PDF viewer): most lines cut at
# one width, whatever the sentence. A line of that width that ends with no end mark goes on in
# the next one. Told by the share of the text's lines within `WRAP_SLACK` of the most common
# width (`WRAP_SHARE`, of `WRAP_MIN_LINES` lines or more, `WRAP_MIN_WIDTH` characters wide or
# more), a width hardly any line passes (`WRAP_OVER_SHARE`): a text of one paragraph a line has
# lines of every length, and a list of names many short ones.
WRAP_MIN_LINES = 8
WRAP_MIN_WIDTH = 20
WRAP_SHARE = 0.6
WRAP_OVER_SHARE = 0.05
WRAP_SLACK = 2
WRAP_OPEN_SHARE = 0.4  # …and most of its lines end with no end mark, where a text's end sentences
# a line that ends a sentence or opens a list ends where it ends (a closing mark after an end
# mark too: …。”); a closing quote alone goes on (扎实做好“六稳”|、“六保”工作)
_WRAP_END = re.compile(f"[{_TERMINATORS}：:][”’」』）)】》]*$")


def unwrap_hard_lines(raw: str) -> str:
    """Join the lines of hard-wrapped text into paragraphs; any other text as it is."""
    lines = raw.replace("\r\n", "\n").replace("\r", "\n").split("\n")
    body = [line.strip() for line in lines if line.strip()]
    if len(body) < WRAP_MIN_LINES or sum(
        1 for line in body if not _WRAP_END.search(line)
    ) < WRAP_OPEN_SHARE * len(body):
        return raw  # (most texts: their lines end sentences)
    best: tuple[int, int, bool] | None = None  # (lines near the width, the width, wide?)
    for wide in (False, True):  # counted in characters, or in columns (CJK two)
        least = WRAP_MIN_WIDTH * (2 if wide else 1)
        widths = [_width(line, wide) for line in body]
        counts: dict[int, int] = {}
        for w in widths:
            counts[w] = counts.get(w, 0) + 1
        mode = max((w for w in counts if w >= least), key=counts.__getitem__, default=0)
        if not mode or sum(1 for w in widths if w > mode + WRAP_SLACK) > WRAP_OVER_SHARE * len(
            widths
        ):
            continue
        near = sum(1 for w in widths if abs(w - mode) <= WRAP_SLACK)
        if best is None or near > best[0]:
            best = (near, mode, wide)
    if best is None or best[0] < WRAP_SHARE * len(body):
        return raw
    _, mode, wide = best
    out: list[list[str]] = []  # each paragraph's pieces, joined once at the end
    goes_on = False
    for line in lines:
        text = line.strip()
        if goes_on and text:
            last = out[-1][-1][-1:]
            if last.isascii() and last.isalpha() and text[0].isascii() and text[0].isalpha():
                out[-1].append(" ")  # (words of Latin letters at the line's end: not digits)
            out[-1].append(text)
        else:
            out.append([line])
        goes_on = (
            bool(text) and _width(text, wide) >= mode - WRAP_SLACK and not _WRAP_END.search(text)
        )
    return "\n".join("".join(pieces) for pieces in out)


# the characters a terminal or a PDF sets two columns wide (East Asian Wide and Fullwidth)
_WIDE = re.compile("[\u1100-\u115f\u2e80-\u303e\u3041-\u33ff\u3400-\u4dbf\u4e00-\u9fff"
                   "\ua000-\ua4cf\uac00-\ud7a3\uf900-\ufaff\ufe30-\ufe4f\uff00-\uff60"
                   "\uffe0-\uffe6]")


def _width(text: str, wide: bool) -> int:
    return len(text) + len(_WIDE.findall(text)) if wide else len(text)
