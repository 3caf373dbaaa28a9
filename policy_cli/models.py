"""Frozen dataclasses shared by the core, the renderers and library users."""

from __future__ import annotations

from dataclasses import dataclass, field


@dataclass(frozen=True)
class Paragraph:
    """A paragraph of the normalised text; `start`/`end` are character offsets."""

    index: int
    start: int
    end: int
    text: str


@dataclass(frozen=True)
class Sentence:
    """A sentence of the normalised text, with its paragraph and character offsets."""

    index: int
    paragraph: int
    start: int
    end: int
    text: str


@dataclass(frozen=True)
class Noise:
    """A span removed from the document before analysis, and why."""

    text: str
    reason: str
    offset: int = -1  # offset in the text before removal; -1 when unknown


@dataclass(frozen=True)
class Document:
    """A loaded, normalised document split once into paragraphs and sentences."""

    source: str
    text: str
    paragraphs: tuple[Paragraph, ...]
    sentences: tuple[Sentence, ...]
    format: str = "text"
    encoding: str | None = None
    noise: tuple[Noise, ...] = ()
    notes: tuple[str, ...] = ()  # what the loader did that the user should know (converted...)

    def sentence_at(self, offset: int) -> Sentence | None:
        """Return the sentence that contains character `offset`, if any."""
        lo, hi = 0, len(self.sentences) - 1
        while lo <= hi:
            mid = (lo + hi) // 2
            s = self.sentences[mid]
            if offset < s.start:
                hi = mid - 1
            elif offset >= s.end:
                lo = mid + 1
            else:
                return s
        return None


@dataclass(frozen=True)
class Token:
    """A segmented word with its character offset in `Document.text`."""

    text: str
    start: int
    sentence: int


@dataclass(frozen=True)
class Keyword:
    """A ranked key term of a document."""

    term: str
    score: float
    count: int
    first_offset: int
    first_sentence: int


@dataclass(frozen=True)
class Formulation:
    """A 提法: a slogan, a numbered formulation, a coded programme or a quoted name."""

    text: str
    kind: str  # code | numbered | slogan | name
    count: int
    first_offset: int
    contexts: tuple[str, ...] = ()
    refers_to: str | None = None
    items: tuple[str, ...] = ()


@dataclass(frozen=True)
class Target:
    """A quantitative (or stated qualitative) target: indicator, value, modifier."""

    indicator: str
    value: str
    text: str
    offset: int
    modifier: str | None = None
    section: str | None = None
    core: bool = False  # a headline target (主要预期目标 item, 赤字率, 专项债券)
    period: str | None = None  # a plan period such as "十四五" when not an annual target
    note: str | None = None  # e.g. why a report set no value


@dataclass(frozen=True)
class Person:
    """A person named in the document, with the titles stated beside the name."""

    name: str
    titles: tuple[str, ...]
    count: int
    first_offset: int


@dataclass(frozen=True)
class Header:
    """What the document says about itself."""

    title: str | None
    date: str | None
    speaker: str | None
    doc_type: str
    place: str | None = None  # the province, city or district it is about (core.places)


@dataclass(frozen=True)
class Stats:
    """Size of the document."""

    characters: int
    paragraphs: int
    sentences: int


@dataclass(frozen=True)
class KeySentence:
    """A sentence chosen for the summary, in document order."""

    index: int
    text: str
    score: float


@dataclass(frozen=True)
class Summary:
    """The one-screen brief of a document."""

    source: str
    header: Header
    stats: Stats
    keywords: tuple[Keyword, ...]
    formulations: tuple[Formulation, ...]
    targets: tuple[Target, ...]
    people: tuple[Person, ...]
    organizations: tuple[str, ...]
    key_sentences: tuple[KeySentence, ...]
    warnings: tuple[Noise, ...] = field(default_factory=tuple)
    notes: tuple[str, ...] = ()  # what the loader did (converted from traditional characters)


@dataclass(frozen=True)
class FormulationChange:
    """A 提法 of either report with its exact occurrences in both (`status` added|removed|kept)."""

    text: str
    kind: str
    old_count: int
    new_count: int
    status: str
    offset: int  # first occurrence in the new report (in the old one when removed)
    context: str = ""


@dataclass(frozen=True)
class TermChange:
    """A term whose use changed: counts, rates per 10,000 characters, signed G2, log2 ratio."""

    term: str
    old_count: int
    new_count: int
    old_rate: float
    new_rate: float
    g2: float  # signed Dunning log-likelihood: > 0 when the term rose
    log_ratio: float  # log2 of the relative-frequency ratio new/old (0.5 for a zero count)
    status: str  # new | dropped | up | down
    offset: int  # first occurrence in the new report (in the old one when dropped)


@dataclass(frozen=True)
class TargetChange:
    """A headline target of either report, joined on its indicator."""

    indicator: str
    old_value: str | None
    new_value: str | None
    changed: bool
    old_text: str | None = None
    new_text: str | None = None


@dataclass(frozen=True)
class SentenceChange:
    """A sentence of one report with no close counterpart in the other."""

    index: int
    offset: int
    text: str
    similarity: float  # cosine with the closest sentence of the other report
    counterpart: str  # that closest sentence ("" when there is none)
    new_words: tuple[str, ...] = ()  # its terms that never occur in the other report


@dataclass(frozen=True)
class ReportDiff:
    """What changed between two reports: formulations, terms, targets, similarity, sentences."""

    old: str
    new: str
    old_characters: int
    new_characters: int
    identical: bool  # the normalised texts are equal
    similarity: float  # TF-IDF cosine of the two reports
    added: tuple[FormulationChange, ...]
    removed: tuple[FormulationChange, ...]
    kept: tuple[FormulationChange, ...]
    rising: tuple[TermChange, ...]
    falling: tuple[TermChange, ...]
    targets: tuple[TargetChange, ...]
    sentences_new: tuple[SentenceChange, ...] | None = None  # None: not asked for
    sentences_old: tuple[SentenceChange, ...] | None = None
    notes: tuple[str, ...] = ()
