"""Formulations (提法): slogans, numbered formulations, coded programmes and quoted names.

A careful reader of a policy document lists its 提法: the phrases the document (or the Party and
the government across many documents) uses as fixed names for a policy, a programme or a motto.
They are found by general rules, never by a list fitted to particular documents, in a pipeline
of named stages (`stages.STAGES`, in this order), each a module whose one entry function yields
candidates with the evidence that made them (stage and rule):

- `user`: the user's own terms (`--lexicon FILE`, `FormulationOptions(lexicon=...)`);
- `quoted`: quoted spans (“…”, 「…」, 『…』, ‘…’, and ASCII or mixed “…" as the normaliser pairs
  them) that have the shape of a formulation rather than of a quotation or of an ordinary word
  put in quotes (a length, punctuation and shape classifier);
- `title`: the title of a policy document in 《》 (kind `document`: 《…条例》, 《…规划》);
- `numbered`, `campaign`, `counted`, `compound`: a number names a set (十四五, 二十届三中全会,
  安全生产治本攻坚三年行动, 两个确立, 三大攻坚战, 两新一重), with the members when the
  document lists them nearby;
- `code`: digit codes ("4+1", 1+N) with what they refer to (the noun phrase after them);
- `motto`: parallel mottos, clauses of equal length sharing a word at the same place
  (稳地价、稳房价、稳预期; 尽力而为、量力而行; 不敢腐、不能腐、不想腐), short clauses that fill
  a clause or are repeated (图更强、争一流、敢首创), the pair that is the whole object of a verb
  of command (坚持稳字当头、稳中求进); lists of things (产业链、供应链; 市发改委、市经信局) are not;
- `head`: phrases ending in a head word that names a doctrine, strategy or campaign
  (新发展格局, 伟大建党精神, 污染防治攻坚战, 以人民为中心的发展思想), with the boundary found
  by the segmenter;
- `known`: set phrases of the bundled lexicons (the first learnt from the background corpus of
  national work reports and Party congress reports, `policy_cli/data/formulations.txt`,
  rebuilt by `scripts/build_formulations.py`), found unquoted in the document;
- `programme`: programmes a launching verb opens (实施|产业兴村强县行动), zones and places whose
  building is furthered (深化|人民城市建设);
- `position`: positioning names, the roles the centre assigns a region (its 定位): a name with a
  role head (…桥头堡, …屏障, …支点, …门户; a designation …中心, …枢纽, …基地 with a scope word:
  国家, 国际, 面向东盟的…) that a verb of becoming opens (打造|内陆地区改革开放高地, 筑牢|我国
  南方生态安全屏障) or that opens a clause on its building (向北开放桥头堡|方面); three or more
  parallel names after one verb are listed whole (知识积聚富集区、…、创新生态示范区);
- `zone`, `event`: a zone or place named whole twice (虹桥国际开放枢纽); a fair by its short name
  (进博会);
- `proper`: a proper name (a place, two joined by a dash, a quoted name, or 国家/全国/世界 with a
  body of its own) before the head of an institution, area or fair, said even once (海河实验室,
  南宁都市圈, 中国—东盟信息港, 世界智能产业博览会); not a project's works, a kind or a piece;
- `ideal`: an ideal and its place (美丽中国, 平安乡村, 美丽上海);
- `national`: established national formulations of the national lexicon, as printed (高质量发展,
  人民至上、生命至上), with their first-seen date: `policy_cli/data/national_formulations.tsv`,
  built by `scripts/build_national.py` from the national news 2012-2022, the background reports
  and, for watchwords newer than those (新质生产力), the 2025 provincial reports; a motto written
  as one word that runs on into a name (教育科技人才|一体化发展) gives that name (rule `run-on`);
- `frame`, `anaphora`: motto frames: 统筹A和B filling a clause (统筹发展和安全), a clause and its
  negation sharing a frame (房子是用来住的、不是用来炒的), two modifiers sharing a head
  (跨周期和逆周期调节), words opening alike (碳达峰碳中和; 坚持共商共建共享), what a principle
  holds to be done together (坚持|物质文明和精神文明一起抓);
- `repeated`: the long phrase a short text says three times (its slogan);
- `coined`: a document's own term, a compound said as one unit often (at least four times and
  once every 1,250 characters) that national text does not say (智能原生, 新一代智能终端).

Then `filter` (never formulations), `merge` (one per text), `fold` (parts of longer finds) and
`rank` (count, contexts, order). Word lists and patterns are data
(`policy_cli/data/formulation_rules.toml`, read by `vocab`); thresholds and limits are the named
fields of `FormulationOptions`, which also switches stages off and carries a user's lexicon.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

from policy_cli.core.chars import HAN
from policy_cli.core.formulations.candidate import KINDS, Candidate
from policy_cli.core.formulations.lexicon import Lexicon, LexiconEntry
from policy_cli.core.formulations.options import FormulationOptions, default_options
from policy_cli.core.formulations.rank import MAX_CONTEXTS, SORTS, rank_formulations
from policy_cli.core.formulations.shapes import classify_quoted
from policy_cli.core.formulations.stages import STAGE_NAMES, STAGES, Stage, run_stages
from policy_cli.core.formulations.user import read_user_lexicon
from policy_cli.core.phrases import key
from policy_cli.core.tokens import Segmentation, segment_document
from policy_cli.errors import UsageError
from policy_cli.models import Document, Formulation

__all__ = [
    "KINDS",
    "MAX_CONTEXTS",
    "SORTS",
    "STAGES",
    "STAGE_NAMES",
    "Candidate",
    "FormulationOptions",
    "Lexicon",
    "LexiconEntry",
    "Stage",
    "classify_quoted",
    "extract_formulations",
    "read_user_lexicon",
    "single_words",
]


def extract_formulations(
    document: Document,
    *,
    kinds: Iterable[str] | None = None,
    sort: str = "first",
    options: FormulationOptions | None = None,
    segmentation: Segmentation | None = None,
) -> list[Formulation]:
    """List the formulations (提法) of a document.

    Args:
        document: the loaded, normalised document.
        kinds: keep only these kinds (code, numbered, slogan, name, document); all when None.
        sort: "first" (document order, the default) or "count" (most frequent first).
        options: thresholds, limits and the stages switched off (defaults when None).
        segmentation: the document's one segmentation (`tokens.segment_document`), made
            here when not given.

    Returns:
        One Formulation per distinct text, with its count in the document, first offset,
        up to three context sentences, (for codes and numbered ones) what it refers to and
        its members when the document lists them, and the evidence (stage/rule) that found it.

    Raises:
        UsageError: an unknown kind, sort order or stage.
        InputError: the document is longer than `loaders.MAX_DOCUMENT_CHARS`.
    """
    from policy_cli.core.loaders import check_analysable

    wanted = _check_kinds(kinds)
    check_analysable(document)
    if sort not in SORTS:
        raise UsageError(f"sort must be one of {', '.join(SORTS)}, not {sort!r}")
    options = options or default_options()
    seg = segmentation or segment_document(document, tags=False)
    candidates = run_stages(document.text, options, seg)
    wanted_candidates = (c for c in candidates if c.kind in wanted)
    return rank_formulations(document, wanted_candidates, options, sort=sort, seg=seg)


def single_words(
    formulations: Iterable[Formulation], *, min_len: int = 2, max_len: int = 7
) -> tuple[str, ...]:
    """Return the formulations that are one word (no punctuation, short): 十四五, 放管服, 296X;
    a motto or a quoted name by its letters alone (为民、务实、清廉 as 为民务实清廉, two
    “毫不动摇” as 两个毫不动摇: the form a document may also print it in, listed as one with it).

    Args:
        formulations: found formulations.
        min_len: shortest text kept.
        max_len: longest text kept (a key term is short; a longer formulation kept whole would
            hide its parts from the key terms: 政务服务 in 政务服务便民热线).

    Returns:
        Their texts, for the segmenter to keep whole.
    """
    joined = (key(f.text) for f in formulations)
    return tuple(
        t for t in joined
        if min_len <= len(t) <= max_len and re.fullmatch(rf"[{HAN}0-9A-Za-z+]+", t)
    )


def _check_kinds(kinds: Iterable[str] | None) -> frozenset[str]:
    if kinds is None:
        return frozenset(KINDS)
    wanted = frozenset(kinds)
    unknown = wanted - set(KINDS)
    if unknown:
        raise UsageError(f"unknown kind(s): {', '.join(sorted(unknown))}; use {', '.join(KINDS)}")
    return wanted
