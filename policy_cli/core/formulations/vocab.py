"""The words, characters and patterns the formulation stages share, read from data files.

Hand-written lists and patterns live in `policy_cli/data/formulation_rules.toml` (read once
into `Words` and `Patterns`); the lists learnt from corpora are the `formulations_*.txt` files
rebuilt by `scripts/build_formulations.py`.
"""

from __future__ import annotations

import re
import tomllib
from bisect import bisect_left
from collections.abc import Iterator, Mapping
from functools import lru_cache
from importlib import resources
from types import MappingProxyType
from typing import Any, ClassVar, dataclass_transform

from policy_cli import data
from policy_cli.core.chars import HAN, is_han
from policy_cli.core.patterns import finditer as finditer  # re-exported: the stages use it
from policy_cli.core.patterns import longest_first, required_characters, required_strings
from policy_cli.core.segment import default_tagger

RULES_FILE = "formulation_rules.toml"
WORD_SECTIONS = (
    "characters",
    "punctuation",
    "words",
    "parallel_runs",
    "central_documents",
    "comma_runs",
)


@dataclass_transform(kw_only_default=True, frozen_default=True)
class ReadOnlyRecord:
    """A record of the fields its class annotates, each given once by keyword, read-only after.

    `Words` and `Patterns` are records, not dataclasses: they hold ~300 and ~60 fields, read once
    per run, and generating a frozen dataclass's methods for them (compiling its `__init__` of
    ~300 arguments, `__eq__`, `__hash__`, `__repr__`) cost ~13 ms of every run of ~0.5 s. A type
    checker reads them as frozen dataclasses (`dataclass_transform`). The fields are the class's
    own annotations, in order (no inherited ones: nothing subclasses a record).
    """

    FIELD_TYPES: ClassVar[Mapping[str, type]] = MappingProxyType(
        {"str": str, "frozenset": frozenset, "tuple": tuple, "Mapping": Mapping}
    )
    MOST_NAMES_SHOWN: ClassVar[int] = 5  # in the error for missing or unknown fields

    def __init__(self, **values: Any) -> None:
        names = set(self.field_names())
        if values.keys() != names:
            missing, unknown = names - values.keys(), values.keys() - names
            wrong = [
                f"{what} {self._some(found)}"
                for what, found in (("missing", missing), ("unknown", unknown))
                if found
            ]
            raise TypeError(f"{type(self).__name__}: {'; '.join(wrong)}")
        self.__dict__.update(values)

    @classmethod
    def _some(cls, names: set[str]) -> str:
        """The first names, sorted, and how many more there are."""
        shown = sorted(names)[: cls.MOST_NAMES_SHOWN]
        more = len(names) - len(shown)
        return ", ".join(shown) + (f" and {more} more" if more else "")

    def __setattr__(self, name: str, value: object) -> None:
        raise AttributeError(f"{type(self).__name__} is read-only")

    def __delattr__(self, name: str) -> None:
        raise AttributeError(f"{type(self).__name__} is read-only")

    @classmethod
    def field_names(cls) -> tuple[str, ...]:
        """The names of the fields, in the order the class declares them."""
        return tuple(cls.__dict__.get("__annotations__", {}))

    @classmethod
    def field_containers(cls) -> dict[str, type]:
        """The container each field is, read from its annotation ("frozenset[str]": frozenset;
        the annotations are text, `from __future__ import annotations`). A field of another
        type (re.Pattern, a union) is a TypeError naming it."""
        annotations = cls.__dict__.get("__annotations__", {})
        out: dict[str, type] = {}
        for name in cls.field_names():
            annotation = str(annotations[name])
            container = cls.FIELD_TYPES.get(annotation.split("[")[0])
            if container is None or "|" in annotation:
                raise TypeError(f"{cls.__name__}.{name}: no container of {annotation!r}")
            out[name] = container
        return out


class Words(ReadOnlyRecord):
    """The hand-written word lists and character sets (sections [characters], [punctuation],
    [words] and [parallel_runs] of formulation_rules.toml); see the file for what each is."""

    # [characters]
    count: str
    programme_magnitudes: str
    deadline_by: str
    digit_count: str
    set_count: str
    speech_marks: str
    count_values: Mapping[str, int]
    function_words: frozenset[str]
    link_particles: str
    colons: str
    speech_run_tags: frozenset[str]
    even_run_lead_refused_tags: tuple[str, ...]
    point_modal: str
    speech_run_copulas: frozenset[str]
    link_conjunctions: str
    postpositions: frozenset[str]
    count_nouns: frozenset[str]
    list_prefixes: frozenset[str]
    generic_modifier_ends: frozenset[str]
    department_ends: str
    comparatives: str
    inner_mark_refused: str
    virtue_ends: tuple[str, ...]
    virtue_idiom_tags: frozenset[str]
    linking: str
    possessive_frame: str
    possessive_frame_not_after: str
    phrase_stops: str
    not_phrase_openers: str
    name_prepositions: str
    frame_openers: str
    item_prepositions: str
    demonstrative: str
    light_verbs: str
    after_head: str
    adverbial_after_head: str
    etc: str
    perfective: str
    slogan_marks: str
    # [punctuation]
    clause_edge: str
    clause_marks: str
    battle_list_marks: str
    clause_ends: str
    clause_or_line_ends: str
    clause_opens: str
    commas: str
    comma: str
    list_separator: str
    open_quote: str
    close_quote: str
    quote_pairs: tuple[str, ...]
    title_marks: str
    # [words]
    doctrine_heads: tuple[str, ...]
    word_internal_heads: frozenset[str]
    acted_on_heads: tuple[str, ...]
    carrying_verbs: frozenset[str]
    carried_heads: tuple[str, ...]
    aspect_tags: frozenset[str]
    done_particle: str
    modifying_heads: frozenset[str]
    strict_heads: frozenset[str]
    generic_strict_modifiers: tuple[str, ...]
    strict_modifier_words: tuple[str, ...]
    pointing_modifier_words: tuple[str, ...]
    descriptive_heads: frozenset[str]
    rare_heads: frozenset[str]
    quality_heads: frozenset[str]
    common_heads: frozenset[str]
    battle_heads: frozenset[str]
    founded_heads: frozenset[str]
    name_classes: tuple[str, ...]
    work_classes: tuple[str, ...]
    event_classes: tuple[str, ...]
    done_well_marks: tuple[str, ...]
    ordinal_mark: str
    founding_verbs: tuple[str, ...]
    nested_heads: tuple[str, ...]
    head_verb_phrases: tuple[str, ...]
    name_heads: tuple[str, ...]
    shared_code_heads: tuple[str, ...]
    referent_break_tags: frozenset[str]
    launch_verbs: tuple[str, ...]
    furthering_verbs: tuple[str, ...]
    furthering_clause_verbs: tuple[str, ...]
    furthering_adverbs: tuple[str, ...]
    programme_demonstratives: tuple[str, ...]
    furthered_heads: tuple[str, ...]
    programme_heads: tuple[str, ...]
    programme_frames: tuple[str, ...]
    ideals: tuple[str, ...]
    ideal_places: frozenset[str]
    place_images: tuple[str, ...]
    counted_again_tags: frozenset[str]
    ideal_noun_tags: frozenset[str]
    event_heads: tuple[str, ...]
    event_refused_words: tuple[str, ...]
    event_holding_verbs: tuple[str, ...]
    event_verb_tags: frozenset[str]
    event_named_heads: tuple[str, ...]
    event_named_refused_tags: frozenset[str]
    event_session_word: str
    particles_never_first: str
    measures_never_first: str
    member_never_first_tags: tuple[str, ...]
    acted_on_tags: frozenset[str]
    new_place_mark: str
    new_place_qualifiers: tuple[str, ...]
    strength_verbs: str
    strength_heads: tuple[str, ...]
    strengthened_places: str
    field_tags: frozenset[str]
    version_verbs: tuple[str, ...]
    zone_heads: tuple[str, ...]
    zone_verbs: tuple[str, ...]
    campaign_year_heads: tuple[str, ...]
    campaign_year_nouns: tuple[str, ...]
    anniversary_marks: tuple[str, ...]
    anniversary_openers: tuple[str, ...]
    construction_verbs: tuple[str, ...]
    construction_nouns: tuple[str, ...]
    result_complements: tuple[str, ...]
    place_heads: tuple[str, ...]
    zone_generic_heads: tuple[str, ...]
    couplet_separators: str
    name_joiners: str
    fair_heads: tuple[str, ...]
    anniversary_subjects: tuple[str, ...]
    anniversary_mark: str
    conference_scope: str
    conference_heads: tuple[str, ...]
    conference_topic_breaks: str
    conference_ordinal: str
    conference_topic_verbs: tuple[str, ...]
    head_run_quality_heads: tuple[str, ...]
    head_run_name_tags: tuple[str, ...]
    head_run_list_heads: tuple[str, ...]
    head_run_taking_tags: tuple[str, ...]
    head_run_describing: str
    fair_verbs_after: tuple[str, ...]
    fair_editions: tuple[str, ...]
    fair_not_openers: str
    proper_institution_heads: tuple[str, ...]
    province_abbreviations: str
    pairing_kinds: tuple[str, ...]
    pairing_heads: tuple[str, ...]
    home_country: str
    postposition_frames: frozenset[str]
    joined_first_tags: frozenset[str]
    joined_second_tags: frozenset[str]
    country_abbreviations: str
    bilateral_heads: tuple[str, ...]
    bilateral_aside: str
    bilateral_refused_tags: tuple[str, ...]
    bilateral_kept_tags: frozenset[str]
    proper_area_heads: tuple[str, ...]
    proper_fair_heads: tuple[str, ...]
    localised_heads: tuple[str, ...]
    localised_opening_tags: tuple[str, ...]
    placed_refused_heads: tuple[str, ...]
    placed_model_heads: tuple[str, ...]
    proper_fund_heads: tuple[str, ...]
    proper_head_continuations: str
    proper_name_tags: frozenset[str]
    proper_qualifiers: tuple[str, ...]
    proper_body_tags: tuple[str, ...]
    proper_noun_tags: tuple[str, ...]
    proper_time_tags: frozenset[str]
    proper_not_body: frozenset[str]
    proper_body_verb_tags: frozenset[str]
    proper_joiners: frozenset[str]
    proper_route_words: tuple[str, ...]
    proper_route_head: str
    proper_fund_name_tags: frozenset[str]
    proper_edges: str
    proper_works_words: tuple[str, ...]
    proper_counted_marks: str
    proper_meetings: tuple[str, ...]
    proper_meetings_attended: tuple[str, ...]
    proper_founding_verbs: tuple[str, ...]
    radius_times: tuple[str, ...]
    radius_distances: tuple[str, ...]
    radius_quote_pairs: tuple[str, ...]
    radius_heads: tuple[str, ...]
    radius_not_reached: tuple[str, ...]
    range_marks: str
    zone_lead_tags: tuple[str, ...]
    zone_cut_words: tuple[str, ...]
    zone_name_conjunctions: tuple[str, ...]
    closing_brackets: str
    project_parts: tuple[str, ...]
    zone_suffix_tags: tuple[str, ...]
    zone_pointing_tags: tuple[str, ...]
    count_name_tags: tuple[str, ...]
    generic_programme_ends: tuple[str, ...]
    plain_programme_heads: tuple[str, ...]
    short_programme_heads: tuple[str, ...]
    zone_lead_verbs: tuple[str, ...]
    generic_programme_bodies: tuple[str, ...]
    short_body_refused_tags: tuple[str, ...]
    generic_programme_openers: tuple[str, ...]
    category_marks: str
    title_conjunctions: frozenset[str]
    result_words: frozenset[str]
    name_conjunctions: tuple[str, ...]
    dependent_conjunctions: tuple[str, ...]
    independent_conjunctions: tuple[str, ...]
    phrase_conjunctions: frozenset[str]
    dependent_parts: tuple[str, ...]
    phrase_breaks: frozenset[str]
    phrase_stop_words: frozenset[str]
    generic_counted: tuple[str, ...]
    counted_adjectives: frozenset[str]
    ground_words: tuple[str, ...]
    ground_compound_tags: frozenset[str]
    counted_place_tags: frozenset[str]
    member_compound_tags: frozenset[str]
    counted_aspects: tuple[str, ...]
    lead_adverb_tags: frozenset[str]
    open_prepositions: frozenset[str]
    repeated_clause_tags: frozenset[str]
    repeated_kind_endings: tuple[str, ...]
    repeated_name_tags: frozenset[str]
    repeated_count_tags: frozenset[str]
    head_run_body_heads: tuple[str, ...]
    shared_head_tags: frozenset[str]
    campaign_heads: tuple[str, ...]
    not_set_openers: tuple[str, ...]
    scope_words: tuple[str, ...]
    scope_named_heads: tuple[str, ...]
    excluded: frozenset[str]
    character_count_heads: tuple[str, ...]
    dated_text_words: tuple[str, ...]
    question_words: frozenset[str]
    question_particles: tuple[str, ...]
    question_negations: tuple[str, ...]
    pronoun_tags: frozenset[str]
    idiom_tags: frozenset[str]
    coined_opening_refused_tags: tuple[str, ...]
    coined_end_tags: frozenset[str]
    coined_inner_refused_tags: frozenset[str]
    speech_verbs: frozenset[str]
    defining_words: tuple[str, ...]
    glossary_marks: tuple[str, ...]
    not_law_words: frozenset[str]
    plan_suffix: str
    plan_period: str
    party_prefix: str
    named_openers: Mapping[str, list[str]]
    trail_openers: tuple[str, ...]
    aside_words: tuple[str, ...]
    list_run_conjunctions: tuple[str, ...]
    trail_possessive: str
    together_predicates: tuple[str, ...]
    theme_guided_ends: tuple[str, ...]
    scare_quote_tags: frozenset[str]
    ordinary_tags: tuple[str, ...]
    place_tags: tuple[str, ...]
    person_tags: frozenset[str]
    word_piece_refused_tags: frozenset[str]
    held_together_refused_tags: tuple[str, ...]
    policy_suffixes: tuple[str, ...]
    quoted_name_followers: tuple[str, ...]
    manner_tags: frozenset[str]
    acting_tags: tuple[str, ...]
    one_lead_tags: frozenset[str]
    compressed_verb_tags: frozenset[str]
    compressed_object_tags: frozenset[str]
    sentence_lead_tags: frozenset[str]
    effort_adverbs: frozenset[str]
    quality_setting_verbs: tuple[str, ...]
    asked_people_tags: frozenset[str]
    asked_people_heads: tuple[str, ...]
    disposal_marks: tuple[str, ...]
    list_taking_verbs: tuple[str, ...]
    shared_predicate_tags: frozenset[str]
    run_on_name_tags: frozenset[str]
    anaphora_refused_tags: frozenset[str]
    epithet_verbs: tuple[str, ...]
    epithet_naming_marks: str
    national_policy_heads: tuple[str, ...]
    national_reform_heads: tuple[str, ...]
    head_end_tags: tuple[str, ...]
    once_name_going_on_tags: tuple[str, ...]
    once_name_about_words: tuple[str, ...]
    plain_name_heads: tuple[str, ...]
    plain_system_heads: tuple[str, ...]
    quality_tags: frozenset[str]
    result_lead_tags: frozenset[str]
    verb_tags: frozenset[str]
    noun_tags: frozenset[str]
    each_determiners: tuple[str, ...]
    adhered_refused_ends: tuple[str, ...]
    adhered_refused_openers: tuple[str, ...]
    adhered_trimmed_ends: tuple[str, ...]
    object_tags: tuple[str, ...]
    trail_predicate_tags: frozenset[str]
    modified_tags: frozenset[str]
    document_heads: tuple[str, ...]
    title_subject_opener: str
    title_subject_verbs: tuple[str, ...]
    title_subject_verb_joiner: str
    title_subject_heads: tuple[str, ...]
    title_subject_stops: tuple[str, ...]
    # [parallel_runs]
    quoted_run_joiners: tuple[str, ...]
    principle_verbs: tuple[str, ...]
    stance_leads: tuple[str, ...]
    principle_heads: tuple[str, ...]
    principle_direct_heads: tuple[str, ...]
    principle_named_lead_tags: tuple[str, ...]
    principle_named_list_words: frozenset[str]
    principle_named_refused_before: str
    kind_run_heads: tuple[str, ...]
    quality_suffixes: tuple[str, ...]
    mind_heads: tuple[str, ...]
    series_frames: tuple[str, ...]
    frame_lead_tag_kinds: tuple[str, ...]
    suffix_quality_refused_verbs: frozenset[str]
    principle_negations: tuple[str, ...]
    principle_modals: tuple[str, ...]
    attained_goal_heads: tuple[str, ...]
    predicate_modals: tuple[str, ...]
    position_verbs: tuple[str, ...]
    position_role_heads: tuple[str, ...]
    position_generic_bodies: frozenset[str]
    position_designation_heads: tuple[str, ...]
    position_scope_words: tuple[str, ...]
    position_subject_nouns: tuple[str, ...]
    position_refused_tags: frozenset[str]
    position_focus_verbs: tuple[str, ...]
    position_site_heads: tuple[str, ...]
    position_scope_ranks: tuple[str, ...]
    position_area_scopes: tuple[str, ...]
    position_joiners: tuple[str, ...]
    transfer_extra_places: str
    transfer_quarters: str
    transfer_resources: str
    transfer_into: str
    transfer_toward: str
    transfer_out: tuple[str, ...]
    count_run_adverbs: tuple[str, ...]
    count_run_refused_chars: str
    count_run_idiom_tags: frozenset[str]
    count_run_number_chars: str
    count_run_measures: str
    count_run_examples_word: str
    count_run_per_unit: str
    counted_summed_refused_counts: frozenset[str]
    # [central_documents]
    form_verbs: tuple[str, ...]
    basis_prepositions: tuple[str, ...]
    basis_heads: frozenset[str]
    form_heads: tuple[str, ...]
    road_verbs: tuple[str, ...]
    road_heads: tuple[str, ...]
    form_direct_heads: tuple[str, ...]
    # [comma_runs]
    comma_run_stops: str
    comma_sentence_opens: str
    comma_sentence_ends: str
    comma_speaker_verbs: tuple[str, ...]
    comma_frame_characters: str
    uneven_frame_characters: str
    uneven_frame_pointing_words: tuple[str, ...]
    degree_openers: tuple[str, ...]
    role_series_nouns: tuple[str, ...]
    role_series_copulas: tuple[str, ...]
    question_marks: str
    task_verb_tags: frozenset[str]
    task_object_tags: frozenset[str]


class Patterns(ReadOnlyRecord):
    """The hand-written patterns (section [patterns] of formulation_rules.toml), compiled."""

    title_note: re.Pattern[str]
    issuing_notice: re.Pattern[str]
    local_scope: re.Pattern[str]
    sentence_end: re.Pattern[str]
    code: re.Pattern[str]
    route_code: re.Pattern[str]
    letters_plus: re.Pattern[str]
    cited_word: re.Pattern[str]
    event_date: re.Pattern[str]
    unquoted_code: re.Pattern[str]
    session_number: re.Pattern[str]
    article_package: re.Pattern[str]
    numbered_document: re.Pattern[str]
    hotline: re.Pattern[str]
    count_start: re.Pattern[str]
    named_code: re.Pattern[str]
    named_set: re.Pattern[str]
    set_measure: re.Pattern[str]
    short_numbered: re.Pattern[str]
    plan: re.Pattern[str]
    plenum: re.Pattern[str]
    plenum_full: re.Pattern[str]
    party_congress: re.Pattern[str]
    party_congress_full: re.Pattern[str]
    congress: re.Pattern[str]
    campaign: re.Pattern[str]
    quantity_line: re.Pattern[str]
    counted: re.Pattern[str]
    counted_digits: re.Pattern[str]
    counted_list: re.Pattern[str]
    counted_quoted: re.Pattern[str]
    speech_count: re.Pattern[str]
    counted_matters: re.Pattern[str]
    counted_package: re.Pattern[str]
    counted_summed: re.Pattern[str]
    ordinal_set: re.Pattern[str]
    compound: re.Pattern[str]
    per_unit: re.Pattern[str]
    count_run: re.Pattern[str]
    bracketed_place: re.Pattern[str]
    centred: re.Pattern[str]
    people: re.Pattern[str]
    more_battles: re.Pattern[str]
    members_after: re.Pattern[str]
    next_quoted: re.Pattern[str]
    parallel_run: re.Pattern[str]
    policy_stance: re.Pattern[str]
    adhered_to: re.Pattern[str]
    attained_run: re.Pattern[str]
    obliged_run: re.Pattern[str]
    negated_pair: re.Pattern[str]
    version: re.Pattern[str]
    enacted_law: re.Pattern[str]
    condition_pair: re.Pattern[str]
    necessity_pair: re.Pattern[str]
    theme_sentence: re.Pattern[str]
    theme_aim: re.Pattern[str]
    party_leadership: re.Pattern[str]
    orientation_run: re.Pattern[str]
    guiding_frame: re.Pattern[str]
    programme_deadline: re.Pattern[str]
    programme_quantity: re.Pattern[str]
    event_count: re.Pattern[str]
    event_ordinal: re.Pattern[str]
    counted_area: re.Pattern[str]
    field_chain: re.Pattern[str]
    shared_head_pair: re.Pattern[str]
    manner_list: re.Pattern[str]
    not_a_slogan: re.Pattern[str]
    not_a_formulation: re.Pattern[str]
    plain_number: re.Pattern[str]
    programme_heading: re.Pattern[str]


@lru_cache(maxsize=1)
def rules() -> dict[str, Any]:
    """The parsed rules file: {section: {key: value}}."""
    text = resources.files(data).joinpath(RULES_FILE).read_text(encoding="utf-8")
    return tomllib.loads(text)


@lru_cache(maxsize=1)
def words() -> Words:
    """The word lists and character sets, each typed as `Words` declares it."""
    table = {k: v for section in WORD_SECTIONS for k, v in rules()[section].items()}
    values: dict[str, Any] = {}
    for name, container in Words.field_containers().items():
        raw = table[name]
        if container is frozenset:
            values[name] = frozenset(raw)
        elif container is tuple:
            values[name] = tuple(raw)
        elif container is Mapping:
            values[name] = MappingProxyType(dict(raw))
        else:
            values[name] = raw
    return Words(**values)


@lru_cache(maxsize=1)
def patterns() -> Patterns:
    """The patterns, with {HAN}, {NUM} and {DIGIT_NUM} filled in, compiled."""
    table = rules()["patterns"]
    return Patterns(**{name: re.compile(expand(table[name])) for name in Patterns.field_names()})


def expand(pattern: str) -> str:
    """Fill the character classes into a pattern of the rules file."""
    w = rules()["characters"]
    return (
        pattern.replace("{HAN}", HAN)
        .replace("{NUM}", w["count"])
        .replace("{DIGIT_NUM}", w["digit_count"])
    )


def launches(word: str) -> bool:
    """Tell whether a word ends in a verb that launches a programme (实施, 如期完成)."""
    return word.endswith(words().launch_verbs)  # 如期完成 is one token


# characters read after a find for the word that follows it (a longer stretch to the next mark
# is no name a find runs on into)
RUN_ON_LOOKAHEAD = 16


def next_word(text: str, at: int) -> tuple[str, str] | None:
    """The word said at `at` and its tag, cut from the next `RUN_ON_LOOKAHEAD` characters, or
    None where a mark or the end of the text follows."""
    if at >= len(text) or not is_han(text[at]):
        return None
    tagged = default_tagger().tag(text[at : at + RUN_ON_LOOKAHEAD], False)
    return (tagged[0][0], tagged[0][1]) if tagged else ("", "")


def names_on(tag: str) -> bool:
    """Tell whether a word of this tag, said right after a phrase, goes on naming something
    with it (`run_on_name_tags`; a word of the policy lexicon, which carries no tag, too:
    …|营商环境, 党的群众路线|教育实践活动)."""
    return not tag or tag in words().run_on_name_tags


@lru_cache(maxsize=8192)
def word_tag(word: str) -> str | None:
    """The tagger's part of speech of a word it takes for one word ("" for a word of the policy
    lexicon), or None when it cuts the word in more (cached: the words of a text recur)."""
    tagged = default_tagger().tag(word, False)
    return tagged[0][1] if len(tagged) == 1 else None


def a_dictionary_word(text: str) -> bool:
    """Tell whether the tagger takes `text` for one word of its general dictionary (高标准, 非法,
    美德), not one of the policy lexicon nor several words: the answer of the general
    segmenter's `knows`, from the dictionary every run has loaded (a second one costs ~0.1 s)."""
    return word_tag(text) not in (None, "")


def is_verb(word: str) -> bool:
    """Tell whether a word opens a clause or breaks a noun phrase (加快, 推进, 作为)."""
    return word in clause_word_set() or word in words().phrase_breaks


@lru_cache(maxsize=1)
def clause_words() -> tuple[str, ...]:
    """Words that open a clause (加快, 推进, 坚持...), learnt from the background corpus."""
    return tuple(longest_first(data.lines("formulations_clause_words.txt")))


@lru_cache(maxsize=1)
def clause_word_set() -> frozenset[str]:
    """The clause-opening words as a set."""
    return frozenset(clause_words())


@lru_cache(maxsize=1)
def idioms() -> frozenset[str]:
    """Four-character idioms and figures of speech that are not formulations (一马当先)."""
    return frozenset(data.lines("formulations_idioms.txt"))


@lru_cache(maxsize=1)
def quoted_images() -> frozenset[str]:
    """Ordinary words national policy language quotes as set images (定心丸, 组合拳), learnt by
    scripts/build_national.py from the national news."""
    return frozenset(line.split("\t")[0] for line in data.lines("quoted_images.tsv"))


def plain_word(word: str) -> bool:
    """Tell whether national text says `word` often and seldom quotes it (高素质, 满意度,
    刮目相看): the plain words scripts/build_national.py learns from the national news and
    reports (`data/plain_words.tsv`: its lines are sorted, and found by bisection)."""
    lines, key = _plain_lines(), word + "\t"
    i = bisect_left(lines, key)
    return i < len(lines) and lines[i].startswith(key)


@lru_cache(maxsize=1)
def _plain_lines() -> list[str]:
    """The entry lines of data/plain_words.tsv, as sorted as their words (read on first use:
    one split, no set of ~11 k words to build)."""
    lines = data.text("plain_words.tsv").split("\n")
    return [ln for ln in lines if ln and not ln.startswith("#")]


def finditer_around(
    pattern: re.Pattern[str], text: str, mark: str | None = None
) -> Iterator[re.Match[str]]:
    """`pattern.finditer(text)` for a pattern that reads Chinese characters and `mark` only,
    and holds `mark` in every match (a run of clauses joined by 、, A和B); without `mark`, a
    character every match holds (`required_characters`).

    Each match lies in one stretch of such characters that holds the mark: the pattern is run
    over those stretches alone (found from the marks with `str.find`, their starts in the
    reversed text) instead of being tried at every character.
    """
    if mark is None:
        mark = next((c for c in required_characters(pattern) if len(c) == 1), None)
        if mark is None:
            yield from pattern.finditer(text)
            return
    stretch, other = _stretch(mark)
    # a longer string every match holds, of the stretch's characters, is looked for instead
    # (、不 of a negated pair: most 、 of a text are not followed by 不)
    find = _longer_mark(pattern, mark)
    pos, n = 0, len(text)
    backwards = ""
    while (q := text.find(find, pos)) >= 0:
        end = stretch.match(text, q).end()  # type: ignore[union-attr]  # text[q] is the mark
        backwards = backwards or text[::-1]  # text[i] is backwards[n - 1 - i]
        before = other.search(backwards, n - q)  # the last other character before q
        start = max(pos, n - before.start() if before else 0)
        yield from pattern.finditer(text, start, end)
        pos = end


@lru_cache(maxsize=32)
def _longer_mark(pattern: re.Pattern[str], mark: str) -> str:
    """The longest string every match holds that holds `mark` and no character but Chinese
    ones and `mark` (so it lies inside one stretch), or `mark` itself."""
    stretch = _stretch(mark)[0]
    for s in required_strings(pattern):
        if mark in s and stretch.fullmatch(s):
            return s
    return mark


@lru_cache(maxsize=8)
def _stretch(mark: str) -> tuple[re.Pattern[str], re.Pattern[str]]:
    """A stretch of Chinese characters and `mark`, and any other character."""
    chars = f"{HAN}{re.escape(mark)}"
    return re.compile(f"[{chars}]+"), re.compile(f"[^{chars}]")
