"""Stage `known`: set phrases of bundled lexicons, found unquoted in the document.

A lexicon is a list of entries (text, kind, optional metadata such as a first-seen date; see
`lexicon.py`); `SOURCES` lists the bundled lexicons by name, in order, and the stage finds the
entries of every source (longest first, one trie-shaped regular expression per lexicon). The
rule of the evidence is the source's name, and the entry's metadata rides on the candidate.
A second lexicon plugs in by adding a source:

    @lru_cache(maxsize=1)
    def national_lexicon() -> Lexicon:
        return read_lexicon("national", data.lines("national_formulations.tsv"),
                            columns=("first_seen", "documents", "evidence"))

    SOURCES = (("background", background_lexicon), ("national", national_lexicon))

- `background`: `policy_cli/data/formulations.txt`, set phrases learnt from the national work
  reports and Party congress reports of the background (the held-out ones aside) by
  `scripts/build_formulations.py`.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from functools import lru_cache

from policy_cli import data
from policy_cli.core.formulations.candidate import Candidate
from policy_cli.core.formulations.lexicon import Lexicon, find_entries, read_lexicon
from policy_cli.core.formulations.options import FormulationOptions
from policy_cli.core.formulations.pieces import said_at
from policy_cli.core.formulations.vocab import quoted_images
from policy_cli.core.national import FRAMING_SOURCE, everyday_lexicon, national_lexicon
from policy_cli.core.phrases import canonical
from policy_cli.core.tokens import Segmentation, segment_text

STAGE = "known"


@lru_cache(maxsize=1)
def background_lexicon() -> Lexicon:
    """Set phrases learnt from the background corpus (`formulations.txt`)."""
    return read_lexicon("background", data.lines("formulations.txt"))


# The bundled lexicons the stage reads, in order: (name, loader).
SOURCES: tuple[tuple[str, Callable[[], Lexicon]], ...] = (
    ("background", background_lexicon),
)


@lru_cache(maxsize=1)
def _judged_nationally() -> frozenset[str]:
    """The canonical texts the national lexicon holds as framing or everyday entries."""
    framing = {t for t, e in national_lexicon().items() if e.source == FRAMING_SOURCE}
    return frozenset(framing | everyday_lexicon().keys())


def lexicon_texts() -> frozenset[str]:
    """The texts of the background lexicon (a compound set it knows needs no clause edges)."""
    return background_lexicon().texts


def find_known(
    text: str, options: FormulationOptions, seg: Segmentation | None = None
) -> Iterator[Candidate]:
    """Yield the entries of every bundled lexicon that the text says.

    An entry the national lexicon holds as a framing or an everyday entry (两难, 村村通: said
    by national text plainly as often as a formulation) is the national stage's to list, where
    a document frames itself with it, not listed wherever it is said.

    An image national text puts in quotes (家门口, 加速度, 两翼, 一站式: `quoted_images`), which a
    report quoted and the lexicon learnt so, is not this stage's, unless the national lexicon
    holds it (组合拳, 三步走): said unquoted it is the ordinary word (在家门口就能看上病), and
    quoted the stage `quoted` lists it as the image it is (跑出“加速度”).

    A short entry is said only where it is no piece of other words (`pieces.said_at`):
    洋垃圾 inside 海洋|垃圾, 强基 inside 建强|基础 are pieces; 十连增 in 在|十连|增的 opens a word.
    """
    seg = seg or segment_text(text)
    judged = _judged_nationally()
    images = quoted_images()
    for _, load in SOURCES:
        for c in find_entries(text, load(), STAGE):
            if canonical(c.text) in judged:
                continue
            if c.text in images and canonical(c.text) not in national_lexicon():
                continue  # 在家门口就能看上病, 跑出加速度: an image said unquoted is the word
            if len(c.text) <= options.known_short_max and not said_at(
                text, seg, c.offset, c.offset + len(c.text)
            ):
                continue
            yield c
