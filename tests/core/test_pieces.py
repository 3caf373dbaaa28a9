"""The rule that tells a short name said as words from a piece of other words."""

from __future__ import annotations

import pytest

from policy_cli.core.formulations.pieces import said_at
from policy_cli.core.tokens import segment_text


@pytest.mark.parametrize(
    ("text", "name", "said"),
    [
        ("在十连增的基础上", "十连增", True),  # 在|十连|增的: a glued piece, one edge
        ("是助企纾困的", "助企纾困", True),  # 是助|企纾困
        ("加强协商民主制度建设", "协商民主", True),  # 协商|民主制度: its last word glued on
        ("健全海洋垃圾治理长效机制", "洋垃圾", False),  # 海洋 takes 洋
        ("加强网络货运", "强网", False),  # starts and ends inside words
        ("编制十五五规划", "五五", False),  # the number goes on
        ("第九章 附则", "九章", False),  # an ordinal
        ("强网行动", "强网", True),  # at the start of the text
        ("推进“强网”", "强网", True),  # quoted
    ],
)
def test_said_at(text, name, said):
    start = text.index(name)
    assert said_at(text, segment_text(text), start, start + len(name)) is said
