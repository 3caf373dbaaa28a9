"""Stage `watchword`: today's national watchwords (新质生产力, 中国式现代化) a document repeats.

The list is learnt by scripts/build_formulations.py: words absent from the 1954-2022
background that the 2025 provincial reports all repeat. Said once, such a word is a passing
mention; said twice or more, the document leans on it.
"""

from __future__ import annotations

from collections.abc import Iterator

from policy_cli.core.formulations.candidate import Candidate
from policy_cli.core.formulations.options import FormulationOptions
from policy_cli.core.formulations.vocab import watchword_list

STAGE = "watchword"


def find_watchwords(text: str, options: FormulationOptions) -> Iterator[Candidate]:
    """Yield the watchwords the text says twice or more."""
    for word in watchword_list():
        at = text.find(word)
        if at >= 0 and text.count(word) >= options.watchword_min_count:
            yield Candidate(word, "slogan", at, stage=STAGE, rule="repeated")
