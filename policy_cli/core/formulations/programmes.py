"""Stage `programme`: named programmes that a launching verb opens.

A reader takes 实施产业兴村强县行动 as the launch of a programme named 产业兴村强县行动: a verb of
launching (实施, 开展, 启动, 组织…) followed by a noun phrase that runs to the clause's edge and
ends in a programme head (行动, 工程, 计划, 行动方案, 条例…); a zone is launched the same way by
建设, 创建, 划定 (现代农业产业园, 粮食生产功能区). The name must have a body of its own: a
count (一批, 192个), a kind (重大工程, 重点项目) or a list (…等项目) names no programme.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from functools import lru_cache

from policy_cli.core.formulations.candidate import Candidate
from policy_cli.core.formulations.options import FormulationOptions
from policy_cli.core.formulations.vocab import HAN, words

STAGE = "programme"


def find_programmes(text: str, options: FormulationOptions) -> Iterator[Candidate]:
    """Yield the programme and zone names that follow a launching verb."""
    w = words()
    for rule, pattern in _patterns():
        for m in pattern.finditer(text):
            name, body = m.group("name"), m.group("body")
            plain = name.replace(w.open_quote, "").replace(w.close_quote, "")
            if not options.programme_min_body <= len(body) <= options.programme_max_body:
                continue
            if body.endswith(w.generic_programme_ends) or body[0] in w.count or body[0].isdigit():
                continue
            if plain.count(w.open_quote) or any(v in body for v in w.launch_verbs):
                continue  # a second launching verb inside: two clauses, not one name
            yield Candidate(plain, "name", m.start("name"), stage=STAGE, rule=rule)


@lru_cache(maxsize=1)
def _patterns() -> tuple[tuple[str, re.Pattern[str]], ...]:
    w = words()

    def alt(xs: tuple[str, ...]) -> str:
        return "|".join(re.escape(x) for x in sorted(xs, key=len, reverse=True))

    name = (
        rf"(?P<name>(?P<body>[{HAN}“”]{{2,24}}?)(?:{{heads}}))"
        rf"(?=[，。；、）)]|等|和|$)"
    )
    # verbs may come in a row (组织实施, 划定和建设): the name starts after the last one
    launch = rf"(?:(?:{alt(w.launch_verbs)})[和、]?)+好?"
    zone = rf"(?:(?:{alt(w.zone_verbs)})[和、]?)+"
    return (
        ("launched", re.compile(launch + name.replace("{heads}", alt(w.programme_heads)))),
        ("zone", re.compile(zone + name.replace("{heads}", alt(w.zone_heads)))),
    )
