"""`python -m policy_cli`."""

from policy_cli.cli import run

run()
