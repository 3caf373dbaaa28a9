"""The terminal widths render measures itself: rich's own, character by character and on text."""

from __future__ import annotations

import random

import pytest
from rich.cells import cell_len, get_character_cell_size
from rich.text import Text

from policy_cli.render import NARROW_BLOCKS, WIDE_BLOCKS, cells, cut_with_ellipsis

from ..conftest import DOCS


@pytest.mark.parametrize(("blocks", "width"), [(WIDE_BLOCKS, 2), (NARROW_BLOCKS, 1)])
def test_every_character_of_a_block_is_as_wide_as_rich_measures_it(blocks, width):
    odd = [
        hex(c) for a, b in blocks for c in range(a, b + 1)
        if get_character_cell_size(chr(c)) != width
    ]  # fmt: skip
    assert odd == []


def _samples() -> list[str]:
    text = (DOCS / "gwr-2022.txt").read_text(encoding="utf-8")
    lines = [line for line in text.splitlines() if line.strip()]
    rng = random.Random(12)
    out = [line[: rng.randint(1, 90)] for line in rng.sample(lines, min(120, len(lines)))]
    # mixed scripts and marks rich measures by their own rules (kana, a joiner, an emoji, a
    # control character, Latin with accents, an ideographic space)
    out += ["“十四五”规划—2025…", "RCEP生效", "カタカナ混じり", "a\u200db", "👍🏽赞", "\x1b[31m红",
            "Café政策", "\u3000全角空格", "", "…", "﹏﹏"]  # fmt: skip
    return out


def test_a_text_is_as_wide_as_rich_measures_it():
    assert [cells(s) for s in _samples()] == [cell_len(s) for s in _samples()]


def test_a_text_is_cut_with_an_ellipsis_as_rich_cuts_it():
    for s in _samples():
        for room in range(1, cell_len(s) + 1):
            line = Text(s)
            line.truncate(room, overflow="ellipsis")
            assert cut_with_ellipsis(s, room) == line.plain, (s, room)


def test_a_number_before_a_mark_goes_on_whole():
    from policy_cli.render import _wrap_cells

    for text in ("一二三四五六七八人民币约53365，比上年增长。", "一二三四五六七八九增长5.5%，比上年。"):
        lines = _wrap_cells(text, 20, None)
        assert "".join(lines) == text and all(cell_len(x) <= 20 for x in lines), lines
        assert not any(x[:1] in "，%" for x in lines), lines
        assert any("53365" in x or "5.5%" in x for x in lines), lines


def test_a_wrapped_line_cuts_no_number_and_opens_with_no_closing_mark():
    # the NPC resolution at 80 columns wrapped 调整为53|365.53亿元 (read as 53); eleven briefs in
    # thirty-one opened a line with ， or 、: the number, or the character before the mark, goes
    # on to the next line, and every line still fits
    from policy_cli.render import _wrap_cells

    number = _wrap_cells("一二三四五六七八九十调整为53365.53亿元的限额。", 20, None)
    assert number[1].startswith("调整为53365.53亿元"), number
    mark = _wrap_cells("一二三四五六七八九十一二三四五六七八九十。后面还有。", 20, None)
    assert not any(line[:1] in "，。、" for line in mark), mark
    text = (DOCS / "gwr-2022.txt").read_text(encoding="utf-8")[:3000]
    lines = _wrap_cells(text, 77, None)
    assert all(cell_len(line) <= 77 for line in lines)
    assert "".join(lines) == text.replace("\n", " ")
    assert not any(line[:1] in "，。、；：" for line in lines)
