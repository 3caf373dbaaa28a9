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
    # what the file says about itself outside its text: an HTML page's <title> and <meta>
    # (name, content) and the label/value pairs of its metadata table ("发文机关", "国务院")
    meta: tuple[tuple[str, str], ...] = ()
    notes: tuple[str, ...] = ()  # what the loader did that the user should know (converted...)
    # the text with the marks that normalisation changed one for one as the document prints
    # them (中柬(北海)产业园, analysed as 中柬（北海）产业园): the same length as `text`, a span of
    # one the same span of the other; empty where the two are the same
    printed: str = ""

    @property
    def shown_text(self) -> str:
        """The text as the document prints it (the analysed text's offsets hold in it)."""
        return self.printed or self.text

    def as_printed(self, start: int, text: str) -> str:
        """Return `text`, found at `start` of the analysed text, as the document prints it (the
        text itself where it is not the span there)."""
        if self.printed and self.text.startswith(text, start):
            return self.printed[start : start + len(text)]
        return text

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


@dataclass(frozen=True, slots=True)
class Token:
    """A segmented word with its character offset in `Document.text`.

    Slotted: a long document has millions (a 10 M-character one, 5.3 M; 40 bytes each saved).
    """

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


# the stage of the formulation extractor that lists the user's own terms (--lexicon): its
# name opens the evidence of what it found ("user/lexicon")
USER_STAGE = "user"


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
    evidence: tuple[str, ...] = ()  # stage/rule of every stage that proposed it (quoted/shape)
    # national: an established national formulation (since `first_seen`); local: the document's
    # own, though national text says the phrase; new: said nowhere in the national corpus
    origin: str = ""
    first_seen: str | None = None  # YYYY-MM-DD or YYYY, for a national formulation
    # the text as the document prints it where that differs from `text`, the text analysed,
    # counted and compared (中柬(北海)产业园 in a document of half-width brackets); else empty
    printed: str = ""

    @property
    def shown(self) -> str:
        """The text to show: as the document prints it."""
        return self.printed or self.text

    @property
    def users_own(self) -> bool:
        """Tell whether the user's lexicon (--lexicon) lists it."""
        return any(e.split("/", 1)[0] == USER_STAGE for e in self.evidence)


@dataclass(frozen=True)
class Target:
    """A quantitative (or stated qualitative) target: indicator, value, and the value as numbers.

    `indicator` is the name as the document writes it (地区生产总值增长, 经济增长); `canonical` the
    name shared by its variants (国内生产总值增长), so that years and places line up. A numeric
    value is also read as `numbers` (two for a range or a list), `unit` (%, 万人, 万亿元…),
    `modifier` (左右, 以上, 以内, 不低于…, 区间 for a range) and `direction` ("up"/"down" when the
    value is a change: 降低3%左右, or a change in words: 继续下降; a level to reach, 降至5%以内,
    is none). `year` is the year the target is for, where the document says.
    """

    indicator: str
    value: str
    text: str
    offset: int
    modifier: str | None = None
    section: str | None = None
    core: bool = False  # a headline target (主要预期目标 item, 赤字率, 专项债券)
    period: str | None = None  # a plan period such as "十四五" when not an annual target
    note: str | None = None  # e.g. why a report set no value
    canonical: str = ""  # the shared name; the indicator itself when it has no known variant
    numbers: tuple[float, ...] = ()
    unit: str | None = None
    direction: str | None = None  # "up" | "down": a change (降低3%, 再提高1岁, 继续下降)
    year: int | None = None  # the year it is for: 2035 for 到二〇三五年, 2025 for 十四五
    sentence: int | None = None  # index in Document.sentences of the sentence it came from

    def __post_init__(self) -> None:
        if not self.canonical:
            object.__setattr__(self, "canonical", self.indicator)


@dataclass(frozen=True)
class Person:
    """A person named in the document, with the titles stated beside the name."""

    name: str
    titles: tuple[str, ...]
    count: int
    first_offset: int


@dataclass(frozen=True)
class Header:
    """What the document says about itself.

    `speaker` is who speaks or issues it (the person who delivers it, else the issuing body);
    `issuer` is the body that issues it where the document states one. Dates are as stated;
    the `_iso` fields give them in ISO 8601 (2025-08-21, or 2025-01 / 2025 when that is all the
    statement says) and are None when the statement has no year.
    """

    title: str | None
    date: str | None
    speaker: str | None
    doc_type: str
    date_iso: str | None = None
    issuer: str | None = None
    number: str | None = None  # 国发〔2025〕11号, 中华人民共和国主席令第50号, （2024）闽0205民初4139号
    effective_date: str | None = None
    effective_date_iso: str | None = None
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
class Echo:
    """What a document repeats of national policy language and what it coins.

    Each tuple lists formulation texts, the most used first: `national` the established
    national formulations it repeats, `local` its own formulations of phrases national text
    also says, `new` the ones said nowhere in the national corpus (its coinages).
    """

    national: tuple[str, ...] = ()
    local: tuple[str, ...] = ()
    new: tuple[str, ...] = ()


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
    # how many distinct formulations of each kind the whole document has (code, numbered, …),
    # not only the few shown in `formulations`
    formulation_counts: tuple[tuple[str, int], ...] = ()
    notes: tuple[str, ...] = ()  # what the loader did (converted from traditional characters)
    echo: Echo = field(default_factory=Echo)  # all its formulations, by origin


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
    # how established nationally (see `TermNews`) and how much a reader weighs the change
    rarity: float = 0.0
    documents: int | None = None
    first_seen: str = ""
    place: str = ""
    weight: float = 0.0


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
class TermNews:
    """A term one report uses and the other never does (`status` new|dropped), and its weight.

    `rarity` says how new it is to national text: 1.0 when the national corpus never says it
    (a coinage), near 0.0 for a word of every report; `documents` and `first_seen` are the
    national evidence (None and "" when unknown). `place` is where the report says it most
    prominently: "heading" (a section heading: the section is about it), "requirements" (the
    overall requirements and goals) or "". `weight` ranks the list: uses, rarity and place.
    """

    term: str
    status: str
    old_count: int
    new_count: int
    offset: int  # first occurrence in the report that has it
    context: str = ""
    rarity: float = 0.0
    documents: int | None = None
    first_seen: str = ""
    place: str = ""
    weight: float = 0.0


def national_note(documents: int | None, first_seen: str, rarity: float) -> str:
    """Say how established a phrase is in national text, in a few words (the evidence of a
    `FormulationChange` or `TermNews`: documents, first seen, rarity)."""
    if documents == 0 or (documents is None and rarity >= 1.0):
        return "new to national text"
    if first_seen:
        return f"national text since {first_seen[:4]}"
    return "rare in national text" if rarity >= 0.5 else "common in national text"


# what a headline is about (`Headline.what`)
HEADLINE_NEW_FORMULATION = "new 提法"
HEADLINE_DROPPED_FORMULATION = "dropped 提法"
HEADLINE_NEW_TERM = "new term"
HEADLINE_DROPPED_TERM = "dropped term"
HEADLINE_TARGET = "target"


@dataclass(frozen=True)
class Headline:
    """One of the most newsworthy changes of a diff, in one list across kinds.

    `what` is "new 提法", "dropped 提法", "new term", "dropped term" or "target"; `detail` says
    why it weighs (uses, national first appearance, the target's values).
    """

    text: str
    what: str
    old_count: int | None
    new_count: int | None
    detail: str
    weight: float
    offset: int = -1  # in the report that has it (NEW, or OLD for a dropped item)
    context: str = ""


@dataclass(frozen=True)
class TargetChange:
    """A headline target of either report, joined on its canonical indicator name.

    `change` says what changed, read as values: "new", "dropped", "value 6 → 5.5", "modifier
    以上 → 左右", "unit…", "direction…", "wording" for a qualitative value; "" when nothing did.
    """

    indicator: str
    old_value: str | None
    new_value: str | None
    changed: bool
    old_text: str | None = None
    new_text: str | None = None
    change: str = ""
    old_indicator: str | None = None  # the names as each report writes them
    new_indicator: str | None = None
    # where each report states it: the character offset of `old_text` / `new_text` (-1: absent)
    old_offset: int = -1
    new_offset: int = -1


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
    """What changed between two reports: headlines, formulations, terms, targets, sentences."""

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
    headlines: tuple[Headline, ...] = ()
    new_terms: tuple[TermNews, ...] = ()  # terms NEW uses and OLD never does
    dropped_terms: tuple[TermNews, ...] = ()  # terms OLD uses and NEW never does


# -- trend: term rates across many documents ------------------------------------------------

@dataclass(frozen=True)
class TrendDocument:
    """A document that went into the trend, with the period it was counted in."""

    source: str
    title: str | None
    kind: str | None
    year: int | None
    year_from: str | None  # metadata | text | file name
    characters: int
    period: str


@dataclass(frozen=True)
class Period:
    """A year, a month (YYYY-MM) or a file, and the size of its text."""

    label: str
    year: int | None
    characters: int
    documents: int


@dataclass(frozen=True)
class TermTrend:
    """How one term is used over the periods: counts, rates per 10,000 characters, firsts.

    `first_offset` is the character offset of the first occurrence in `first_source`
    (the normalised text of that document). `change` is a signed log-likelihood (G2)
    of the later half of the text against the earlier half: > 0 rising, < 0 falling.
    """

    term: str
    kind: str  # query | term | formulation
    total: int
    counts: tuple[int, ...]
    rates: tuple[float, ...]
    first_seen: str | None
    first_source: str | None
    first_offset: int
    last_seen: str | None
    peak: str | None
    peak_rate: float
    early_rate: float = 0.0
    late_rate: float = 0.0
    change: float = 0.0


@dataclass(frozen=True)
class KeyTerm:
    """A term of one file against the rest of the corpus: count, rates, signed G2."""

    term: str
    kind: str  # query | term | formulation
    count: int
    rate: float  # per 10,000 characters of the file
    rest_rate: float  # per 10,000 characters of the other files
    g2: float  # > 0: the file uses it more than the rest


@dataclass(frozen=True)
class FileKeyness:
    """One file (by="file"): the terms that set it apart from the rest of the corpus."""

    period: str
    source: str
    characters: int
    score: float  # the G2 of its most distinctive term: the order of the files
    terms: tuple[KeyTerm, ...]


@dataclass(frozen=True)
class Trend:
    """The result of `trend_documents` (`policy trend`)."""

    by: str
    periods: tuple[Period, ...]
    documents: tuple[TrendDocument, ...]
    terms: tuple[TermTrend, ...] = ()  # the requested terms, in the order asked
    rising: tuple[TermTrend, ...] = ()
    falling: tuple[TermTrend, ...] = ()
    formulations: tuple[TermTrend, ...] = ()  # the most used ones, in order of first seen
    files: tuple[FileKeyness, ...] = ()  # by="file": most distinctive first
    split: str | None = None  # label of the first period of the later half
    skipped: tuple[tuple[str, str], ...] = ()  # (source, reason)
    cache_hits: int = 0
    cache_misses: int = 0
    warnings: tuple[str, ...] = field(default_factory=tuple)


@dataclass(frozen=True)
class Spread:
    """A formulation said by several documents of a corpus (`policy batch --spread`)."""

    text: str
    origin: str  # national | local | new (as the first document has it)
    documents: int
    first_source: str  # the document that says it first (by date, then input order)
    first_date: str | None  # its ISO date, when it states one
    national_first_seen: str | None  # for a national formulation: when national text began
