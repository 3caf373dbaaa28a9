"""The options of the formulation extractor: one frozen dataclass, every knob a named field."""

from __future__ import annotations

from dataclasses import dataclass, field


@dataclass(frozen=True)
class FormulationOptions:
    """Options of `extract_formulations`.

    Attributes:
        disabled_stages: names of stages to switch off (see `STAGES`); the others run.
    """

    disabled_stages: frozenset[str] = field(default_factory=frozenset)
