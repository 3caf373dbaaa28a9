"""Stage `code`: unquoted digit codes joined by plus signs ("4+1", 1+N) before a Chinese word.

Quoted codes ("296X", 33条) are found by the `quoted` stage; this one finds the plain ones,
with the noun phrase they refer to.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from policy_cli.core.chars import HAN
from policy_cli.core.formulations.boundary import following_phrase
from policy_cli.core.formulations.candidate import BY_RULE, Candidate
from policy_cli.core.formulations.options import FormulationOptions
from policy_cli.core.formulations.vocab import finditer, patterns, words
from policy_cli.core.tokens import Segmentation

STAGE = "code"


def find_codes(
    text: str, options: FormulationOptions, seg: Segmentation | None = None
) -> Iterator[Candidate]:
    """Yield unquoted codes followed by the phrase they name."""
    opens_name = re.compile(rf"[{HAN}{words().open_quote}]")
    for m in finditer(patterns().unquoted_code, text):
        after = text[m.end() : m.end() + 1]
        if not after or not opens_name.match(after):
            continue
        refers = following_phrase(text, m.end(), options)
        yield Candidate(m.group(1), "code", m.start(1), refers, (), BY_RULE, STAGE, "plus")
