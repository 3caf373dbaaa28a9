"""The result of `trend_documents`: periods, documents, term series, files by keyness.

The dataclasses live in `policy_cli.models` with every other result, so that `serialize` and
`render` read them without importing the core; they are named here for the trend package.
"""

from __future__ import annotations

from policy_cli.models import FileKeyness, KeyTerm, Period, TermTrend, Trend, TrendDocument

__all__ = ["FileKeyness", "KeyTerm", "Period", "TermTrend", "Trend", "TrendDocument"]
