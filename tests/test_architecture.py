"""The core is a library: it must not pull in the CLI stack, and start-up stays lean."""

from __future__ import annotations

from tests.conftest import loaded_modules


def test_core_does_not_import_typer_or_rich():
    mods = loaded_modules(
        "import policy_cli.core.loaders, policy_cli.core.segment, policy_cli.core.keywords,"
        " policy_cli.core.pipeline, policy_cli.api\n"
        "import pkgutil, importlib, policy_cli.core as c\n"
        "for m in pkgutil.iter_modules(c.__path__): importlib.import_module('policy_cli.core.' + m.name)"
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
