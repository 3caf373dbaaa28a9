"""Stage `national`: established national formulations the document says, quoted or not.

The lexicon (`policy_cli/data/national_formulations.tsv`, built by scripts/build_national.py
from the national evening news 2012-2022 and the background reports) holds formulations that
national text uses as set phrases: 高质量发展, 新发展理念, 供给侧结构性改革, 减税降费, 人民至上、
生命至上. They are found as printed (a motto's separators may vary, quote marks are skipped),
longest first; the candidate carries the entry's first-seen date and document count, which give
the formulation its origin (`national`, since that date).
"""

from __future__ import annotations

from collections.abc import Iterator

from policy_cli.core.formulations.candidate import KINDS, Candidate
from policy_cli.core.formulations.options import FormulationOptions
from policy_cli.core.national import national_lexicon, national_matcher
from policy_cli.core.phrases import QUOTE_MARKS

STAGE = "national"
_DROP_QUOTES = str.maketrans("", "", QUOTE_MARKS)


def find_national(text: str, options: FormulationOptions) -> Iterator[Candidate]:
    """Yield every entry of the national lexicon the text says, as printed."""
    lexicon = national_lexicon()
    for m in national_matcher().finditer(text):
        entry = lexicon[m.phrase]
        printed = text[m.start : m.end].translate(_DROP_QUOTES)
        yield Candidate(
            printed,
            entry.kind if entry.kind in KINDS else "slogan",
            m.start,
            stage=STAGE,
            rule=entry.source,
            meta=(("first_seen", entry.first_seen), ("documents", str(entry.documents))),
        )
