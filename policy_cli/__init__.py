"""policy-cli: analyse Chinese policy documents (key terms, 提法, targets, diffs).

The public API is imported lazily so that `import policy_cli` stays cheap.
"""

from __future__ import annotations

from typing import Any

__version__ = "0.1.0"

_LAZY = {
    "load_document": "policy_cli.core.loaders",
    "load_bytes": "policy_cli.core.loaders",
    "load_text": "policy_cli.core.loaders",
    "Segmenter": "policy_cli.core.segment",
    "extract_keywords": "policy_cli.core.keywords",
    "prepare": "policy_cli.core.pipeline",
    "keywords_of": "policy_cli.api",
    "diff_documents": "policy_cli.core.diff",
    "summary_of": "policy_cli.api",
    "summary_row": "policy_cli.core.summary",
    "extract_header": "policy_cli.core.header",
    "extract_targets": "policy_cli.core.targets",
    "extract_formulations": "policy_cli.core.formulations",
    "formulations_of": "policy_cli.api",
    "targets_of": "policy_cli.api",
    "trend_documents": "policy_cli.core.trend",
    "batch": "policy_cli.core.batch",
    "batch_rows": "policy_cli.core.batch",
    "share_character_sets": "policy_cli.core.patterns",
    "remember_compiled_patterns": "policy_cli.core.compiled",
    "remember_generated_methods": "policy_cli.core.compiled",
    "remember_parsed_rules": "policy_cli.core.compiled",
}

__all__ = ["__version__", *_LAZY]


def __getattr__(name: str) -> Any:
    module = _LAZY.get(name)
    if module is None:
        raise AttributeError(f"module 'policy_cli' has no attribute {name!r}")
    import importlib

    return getattr(importlib.import_module(module), name)
