"""The core is a library: it must not pull in the CLI stack, and start-up stays lean."""

from __future__ import annotations

import ast
from pathlib import Path
from typing import get_type_hints

from tests.conftest import loaded_modules


def test_core_does_not_import_typer_or_rich():
    mods = loaded_modules(
        "import policy_cli.core.loaders, policy_cli.core.segment, policy_cli.core.keywords,"
        " policy_cli.core.pipeline, policy_cli.api\n"
        "import pkgutil, importlib, policy_cli.core as c\n"
        "for m in pkgutil.iter_modules(c.__path__):\n"
        "    importlib.import_module('policy_cli.core.' + m.name)"
    )
    assert not {m for m in mods if m.split(".")[0] in ("typer", "rich", "click")}


def test_help_does_not_import_jieba_or_sklearn():
    mods = loaded_modules(
        "import sys\nsys.argv = ['policy', '--help']\nfrom policy_cli.cli import app\n"
        "try:\n    app()\nexcept SystemExit:\n    pass"
    )
    heavy = {m.split(".")[0] for m in mods} & {
        "jieba", "rjieba", "sklearn", "scipy", "numpy", "pydantic"
    }
    assert not heavy, heavy


def test_a_command_run_does_not_import_pydantic():
    # typer 0.29 coerces every parameter through pydantic (+0.14 s a run): pyproject keeps it out
    mods = loaded_modules(
        "import sys\nfrom tests.conftest import FOUNDING\n"
        "sys.argv = ['policy', 'text', str(FOUNDING), '--format', 'json', '-o', '/dev/null']\n"
        "from policy_cli.cli import main\n"
        "try:\n    main()\nexcept SystemExit as exc:\n    assert exc.code == 0, exc.code"
    )
    assert "policy_cli.core.loaders" in mods
    assert not {m for m in mods if m.split(".")[0] == "pydantic"}


def test_the_commands_signatures_are_objects_not_strings():
    # typer reads every command's signature on every run: an annotation kept as a string (a
    # module with `from __future__ import annotations`) is compiled anew each time (~5 ms a run)
    import inspect

    from policy_cli.cli import app

    callbacks = [c.callback for c in app.registered_commands]
    assert len(callbacks) >= 9
    for callback in callbacks:
        for parameter in inspect.signature(callback).parameters.values():
            assert not isinstance(parameter.annotation, str), (callback.__name__, parameter)


PACKAGE = Path(__file__).resolve().parent.parent / "policy_cli"


def _imports(path: Path) -> set[str]:
    """Every module a source file imports (at any depth), as full dotted names."""
    names: set[str] = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            names.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            names.add(node.module)
            names.update(f"{node.module}.{alias.name}" for alias in node.names)
    return names


def _core(names: set[str]) -> set[str]:
    return {n for n in names if n == "policy_cli.core" or n.startswith("policy_cli.core.")}


def test_the_cli_calls_the_public_api_only():
    checked = sorted((PACKAGE / "cli").glob("*.py"))
    assert len(checked) >= 9
    for path in checked:
        assert not _core(_imports(path)), (path.name, _core(_imports(path)))
        drawn = {n for n in _imports(path) if n.split(".")[0] in ("rich", "matplotlib")}
        assert not drawn, (path.name, drawn)  # tables, progress bars and plots: render


def test_render_and_serialize_read_typed_results():
    for name in ("render.py", "serialize.py", "render_html.py"):
        imports = _imports(PACKAGE / name)
        assert "policy_cli.models" in imports, name
        assert not _core(imports), name
    from policy_cli import render, serialize
    from policy_cli.models import ReportDiff, Summary, Trend

    assert get_type_hints(render.print_brief)["summary"] is Summary
    assert get_type_hints(serialize.brief_to_markdown)["summary"] is Summary
    assert get_type_hints(serialize.diff_sections)["diff"] is ReportDiff
    assert get_type_hints(serialize.trend_to_dict)["result"] is Trend
    assert get_type_hints(serialize.trend_sections)["result"] is Trend
    assert get_type_hints(render.plot_png)["result"] is Trend


def test_the_architecture_check_sees_a_core_import(tmp_path):
    bad = tmp_path / "bad.py"
    bad.write_text("def f():\n    from policy_cli.core.loaders import load_document\n")
    assert _core(_imports(bad)) == {
        "policy_cli.core.loaders", "policy_cli.core.loaders.load_document"
    }
