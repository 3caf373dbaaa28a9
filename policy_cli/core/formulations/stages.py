"""The stages of the formulation extractor, registered by name in one ordered list.

Candidate stages each yield candidates with their evidence; the refine stages then filter,
merge and fold them; `rank` turns them into formulations. Any stage but `merge` and `rank` can
be switched off with `FormulationOptions(disabled_stages=...)`, so that one stage can be
tested, scored and left out alone (`scripts/eval.py --by-stage`, `--without STAGE`).
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from functools import lru_cache

from policy_cli.core.formulations.anaphora import find_anaphora
from policy_cli.core.formulations.campaign import find_campaigns
from policy_cli.core.formulations.candidate import Candidate
from policy_cli.core.formulations.codes import find_codes
from policy_cli.core.formulations.coined import find_coined
from policy_cli.core.formulations.compound import find_compounds
from policy_cli.core.formulations.counted import find_counted
from policy_cli.core.formulations.events import find_events
from policy_cli.core.formulations.frames import find_frames
from policy_cli.core.formulations.heads import find_heads
from policy_cli.core.formulations.ideals import find_ideals
from policy_cli.core.formulations.known import find_known
from policy_cli.core.formulations.localised import find_localised
from policy_cli.core.formulations.mottos import find_mottos
from policy_cli.core.formulations.national import find_national
from policy_cli.core.formulations.numbered import find_numbered
from policy_cli.core.formulations.options import FormulationOptions
from policy_cli.core.formulations.points import find_points
from policy_cli.core.formulations.positions import find_positions
from policy_cli.core.formulations.programmes import find_programmes
from policy_cli.core.formulations.proper import find_proper_names
from policy_cli.core.formulations.qualified import qualify_candidates
from policy_cli.core.formulations.quoted import find_quoted
from policy_cli.core.formulations.radius import find_radii
from policy_cli.core.formulations.refine import (
    filter_candidates,
    fold_candidates,
    merge_candidates,
)
from policy_cli.core.formulations.repeated import find_repeated
from policy_cli.core.formulations.siblings import add_listed_siblings
from policy_cli.core.formulations.titles import find_titles
from policy_cli.core.formulations.user import find_user
from policy_cli.core.formulations.versions import find_versions
from policy_cli.core.formulations.zones import find_zones
from policy_cli.core.tokens import Segmentation, segment_text
from policy_cli.errors import UsageError

Finder = Callable[[str, FormulationOptions, Segmentation], Iterable[Candidate]]
Refiner = Callable[[str, Sequence[Candidate], FormulationOptions], list[Candidate]]


@dataclass(frozen=True)
class Stage:
    """A named stage: a finder (yields candidates) or a refiner (list in, list out)."""

    name: str
    summary: str
    find: Finder | None = None
    refine: Refiner | None = None
    required: bool = False


STAGES: tuple[Stage, ...] = (
    Stage("user", "the user's own terms (--lexicon FILE), as they are", find=find_user),
    Stage("quoted", "quoted spans shaped like a formulation (“放管服”, “两个确立”)", find=find_quoted),
    Stage("title", "titles of policy documents in 《》 (《…条例》, 《…规划》)", find=find_titles),
    Stage("numbered", "plans, plenums, congresses, ordinal sets (十四五, 二十届三中全会)",
          find=find_numbered),
    Stage("campaign", "multi-year campaigns (安全生产治本攻坚三年行动)", find=find_campaigns),
    Stage("programme", "programmes a launching verb opens (实施|产业兴村强县行动)",
          find=find_programmes),
    Stage("position", "a region's assigned role (打造|内陆地区改革开放高地, 向北开放桥头堡)",
          find=find_positions),
    Stage("zone", "a zone or place named whole twice (虹桥国际开放枢纽)", find=find_zones),
    Stage("event", "a fair by its short name (进博会, 东博会)", find=find_events),
    Stage("proper", "a proper name and an institution, fair, fund or belt head (海河实验室)",
          find=find_proper_names),
    Stage("localised", "a name with its place in brackets (中国（安徽）自贸试验区)",
          find=find_localised),
    Stage("radius", "a circle named by its time (15分钟社区生活圈)", find=find_radii),
    Stage("counted", "a count and a measure word open a name (三重压力, 两个毫不动摇)",
          find=find_counted),
    Stage("compound", "count words alternating with heads (两新一重, 一馆四中心)",
          find=find_compounds),
    Stage("code", "unquoted digit codes (4+1, 1+N)", find=find_codes),
    Stage("version", "a programme named with its version (营商环境7.0版)", find=find_versions),
    Stage("motto", "parallel mottos (稳地价、稳房价、稳预期)", find=find_mottos),
    Stage("head", "names ending in a doctrine or strategy head (乡村振兴战略)", find=find_heads),
    Stage("ideal", "an ideal and its place (美丽中国, 平安乡村, 健康江苏)", find=find_ideals),
    Stage("known", "set phrases of the bundled lexicons, unquoted (放管服)", find=find_known),
    Stage("national", "established national formulations, as printed (高质量发展)",
          find=find_national),
    Stage("frame", "mottos by their frame (统筹发展和安全, 跨周期和逆周期调节)", find=find_frames),
    Stage("anaphora", "words opening alike (碳达峰碳中和, 共商共建共享)", find=find_anaphora),
    Stage("repeated", "the long phrase a short text says three times", find=find_repeated),
    Stage("point", "the headlines of a short central text's numbered points (一是…。)",
          find=find_points),
    Stage("coined", "a document's own compound, said as one unit often (智能原生)",
          find=find_coined),
    Stage("filter", "drop what is never a formulation (一批, idioms)", refine=filter_candidates),
    Stage("siblings", "the other names of a list whose names were found (…、金融街论坛、…论坛)",
          refine=add_listed_siblings),
    Stage("merge", "one candidate per text, certain ones first", refine=merge_candidates,
          required=True),
    Stage("fold", "drop parts of longer finds and scope-word variants", refine=fold_candidates),
    Stage("qualified", "a run of qualities with the noun its 的 names (…的资本市场)",
          refine=qualify_candidates),
    Stage("rank", "count, place and sort the formulations", required=True),
)
STAGE_NAMES: tuple[str, ...] = tuple(s.name for s in STAGES)


def check_stages(disabled: Iterable[str]) -> None:
    """Raise UsageError for an unknown stage name or a stage that cannot be switched off."""
    if isinstance(disabled, frozenset):  # (the options' set: checked once, not per text)
        _check_stage_set(disabled)
        return
    _check_stage_names(disabled)


@lru_cache(maxsize=64)
def _check_stage_set(disabled: frozenset[str]) -> None:
    _check_stage_names(disabled)


def _check_stage_names(disabled: Iterable[str]) -> None:
    for name in disabled:
        stage = next((s for s in STAGES if s.name == name), None)
        if stage is None:
            raise UsageError(f"unknown stage {name!r}; stages: {', '.join(STAGE_NAMES)}")
        if stage.required:
            raise UsageError(f"stage {name!r} cannot be switched off")


def run_stages(
    text: str, options: FormulationOptions, seg: Segmentation | None = None
) -> list[Candidate]:
    """Run the enabled stages in order and return the merged candidates (before ranking).

    Every stage reads the one segmentation `seg` of the text (made here when not given).
    """
    seg = seg or segment_text(text)
    check_stages(options.disabled_stages)
    candidates: list[Candidate] = []
    for stage in STAGES:
        if stage.name in options.disabled_stages:
            continue
        if stage.find is not None:
            candidates.extend(stage.find(text, options, seg))
        elif stage.refine is not None:
            candidates = stage.refine(text, candidates, options)
    return candidates
