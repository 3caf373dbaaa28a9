"""A candidate formulation as a stage proposes it, with the evidence that made it."""

from __future__ import annotations

from dataclasses import dataclass, replace

KINDS = ("code", "numbered", "slogan", "name", "metaphor", "document")
# The strength of a candidate: found by an unquoted rule, or quoted / otherwise certain.
BY_RULE = 1
CERTAIN = 2
# the meta key of a slot of a frame its clauses share: what one clause says in it (蒙古马精神|是|
# 跑|出来的, rule uneven-frame of the stage motto), a name of its own where it is a find of its
# own (the fold keeps it: `refine._holders`)
FRAME_SLOT = "frame_slot"


@dataclass(frozen=True)
class Candidate:
    """A phrase a stage proposes as a formulation, and why.

    `stage` is the name of the stage that found it and `rule` the rule of that stage (the
    evidence); `strength` is 2 for a quoted or otherwise certain find, 1 for one found by an
    unquoted rule (certain finds are merged first and never folded into longer ones).
    `meta` carries what a lexicon says about its entry (e.g. a first-seen date); `also` the
    evidence of the other candidates of the same text that the merge stage folded into it.
    """

    text: str
    kind: str
    offset: int
    refers_to: str | None = None
    items: tuple[str, ...] = ()
    strength: int = BY_RULE
    stage: str = ""
    rule: str = ""
    meta: tuple[tuple[str, str], ...] = ()
    also: tuple[str, ...] = ()  # the evidence of other candidates merged into this one

    @property
    def tag(self) -> str:
        """The stage and rule that found it: "quoted/shape", "numbered/plan"."""
        return f"{self.stage}/{self.rule}" if self.rule else self.stage

    @property
    def evidence(self) -> tuple[str, ...]:
        """Every stage and rule that proposed this text, the one kept first."""
        return (self.tag, *self.also)


def with_evidence(kept: Candidate, other: Candidate) -> Candidate:
    """`kept`, holding the evidence and the lexicon's facts (`meta`) of `other` too: the one
    candidate that two of a formulation are merged into."""
    also = kept.also
    if other.tag != kept.tag and other.tag not in also:
        also = (*also, other.tag)
    meta = kept.meta + tuple(m for m in other.meta if m not in kept.meta)
    if also == kept.also and meta == kept.meta:
        return kept
    return replace(kept, also=also, meta=meta)
