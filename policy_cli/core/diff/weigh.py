"""How much a reader weighs a change: how often it is said, how new nationally, and where.

One weight ranks every list of a diff and the headlines across them. For an item one report says
and the other never does:

    weight = uses x shape x national x place

- uses: 1 + log2(count): the second use adds as much as the next two (a word said ten times is
  not ten times the news of a coinage said once); a dropped plain term counts its uses whole;
- shape: 1.0 for a name or a compound term, less for a two-character word and for strings of
  clauses or long descriptions;
- national, for a 提法: 1 + how new it is to national text (new: first said within the last
  `recency_span` years before the report, or never) or, for a dropped one, how established (an
  old national formulation a report stops saying); for a plain term: 2 x rarity^`term_power`
  (a word every report uses weighs nothing, a coinage national text never used weighs most)
  when new; its specificity in the background reports when dropped (count x specificity: its
  TF-IDF in the old report, how much it was what the old report spoke of);
- place: more when said in a section heading (the whole section is about it) or in the overall
  requirements and goals.
"""

from __future__ import annotations

import math
from dataclasses import dataclass

from policy_cli.core.diff.standing import Standing

ADDED = ("added", "new")  # statuses of an item only the new report says
MARKED_KINDS = ("numbered", "code")  # 提法 marked by their shape (三大攻坚战, 1+N)


@dataclass(frozen=True)
class Weights:
    """The knobs of the weight (named and checked, never literals in the ranking code)."""

    national: float = 0.5  # what national novelty (or establishment) adds to a 提法: x1 .. x1.5
    recency_span: int = 10  # years after its first national use that a 提法 stays new
    least_novelty: float = 0.5  # a lexicon formulation less new is perennial (see formulations)
    perennial_max_count: int = 1  # …where the new report says it this often at most (in passing)
    term_power: float = 2.0  # a new plain term weighs 2 x rarity ** term_power
    dropped_floor: float = 0.0  # a dropped plain term weighs count x (dropped_floor + specificity)
    heading: float = 1.5  # said in a section heading
    requirements: float = 1.25  # said in the overall requirements and goals
    word: float = 0.6  # shape of a two-character word (a compound or name: 1.0)
    guessed: float = 0.8  # shape of a term with a word the segmenter only guessed (新质, 草沙)
    unquoted_term: float = 0.7  # a plain term the report does not quote (“天问一号” is quoted)
    unmarked: float = 0.9  # a 提法 the report neither quotes nor numbers (全面推进乡村振兴)
    target: float = 4.0  # a headline target whose number, unit or modifier changed
    target_wording: float = 3.0  # one whose stated (qualitative) value changed
    target_row: float = 2.0  # one only one report sets
    headlines: int = 15  # items in the headline list (0: none)

    def __post_init__(self) -> None:
        numbers = (self.national, self.least_novelty, self.perennial_max_count, self.term_power,
                   self.dropped_floor,
                   self.heading, self.requirements, self.word, self.guessed, self.unquoted_term,
                   self.unmarked, self.target, self.target_wording, self.target_row)
        if min(numbers) < 0 or self.headlines < 0 or self.recency_span < 1:
            raise ValueError("weights must be >= 0 and recency_span >= 1")

    def place(self, place: str) -> float:
        """The factor of where a report says an item ("heading", "requirements" or "")."""
        return {"heading": self.heading, "requirements": self.requirements}.get(place, 1.0)


def uses(count: int) -> float:
    """1 + log2(count): the weight of being said `count` times (0 for never)."""
    return 1.0 + math.log2(count) if count > 0 else 0.0


def novelty(standing: Standing, year: int | None, weights: Weights) -> float:
    """How new a phrase is to national text at `year`, in [0, 1].

    A phrase is new when national text said it first only recently (the year of the report:
    1.0; `recency_span` years before: 0.0) or when it says it rarely (银发经济, first said in
    2014 and on five days since): the larger of its recency and its rarity.
    """
    first = standing.first_seen[:4]
    if standing.lexicon and first.isdigit() and year is not None:
        recency = min(1.0, max(0.0, 1.0 - (year - int(first)) / weights.recency_span))
        return max(recency, standing.rarity)
    return standing.rarity


def formulation_factor(standing: Standing, status: str, year: int | None, weights: Weights) -> float:
    """The national factor of a 提法: 1 + novelty (added) or 1 + establishment (removed).

    A removed 提法 weighs more when it is an established national formulation (the lexicon's:
    全面建成小康社会) than when it was the old report's own wording.
    """
    if status in ADDED:
        return 1.0 + weights.national * novelty(standing, year, weights)
    return 1.0 + weights.national * (1.0 if standing.lexicon else 0.0)


def marking(kind: str, quoted: bool, weights: Weights) -> float:
    """1.0 for a 提法 the report marks as one (quotes it, or a numbered set or code), else
    `weights.unmarked`."""
    return 1.0 if quoted or kind in MARKED_KINDS else weights.unmarked


def term_factor(standing: Standing, status: str, weights: Weights) -> float:
    """The national factor of a plain term.

    A new term is news as a coinage: 2 x rarity ** term_power (a word every report uses weighs
    nothing; one the national news says is no coinage). A dropped term is news as a topic the
    old report spoke of and the new one no longer does (复工复产, 天问一号): `dropped_floor` +
    its specificity in the background reports, whether the news says it or not.
    """
    if status in ADDED:
        return 2.0 * standing.rarity**weights.term_power
    return weights.dropped_floor + standing.specific


def term_uses(count: int, status: str) -> float:
    """How a plain term's uses count: `uses` for a new one (a coinage said once is news); the
    count itself for a dropped one, which with its specificity is the term's TF-IDF in the old
    report: how much it characterised what the old report was about (贫困, said ten times)."""
    return uses(count) if status in ADDED else float(count)


def weigh(said: float, shape: float, national: float, place: str, weights: Weights) -> float:
    """Weigh an item one report says and the other never does (see the module docstring).

    Args:
        said: the weight of its uses in the report that says it (`uses`, `term_uses`).
        shape: the factor of its shape (1.0 for a name or compound).
        national: its national factor (`formulation_factor` or `term_factor`).
        place: where the report says it most prominently ("heading", "requirements", "").
        weights: the knobs.

    Returns:
        The weight, rounded to 4 places.
    """
    return round(said * shape * national * weights.place(place), 4)
