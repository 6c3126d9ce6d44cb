"""The README is the front door: it names every command and every app page."""

import re

import typer.main

from careerpivot.cli import app
from tests.conftest import REPO

README = (REPO / "README.md").read_text()


def _commands(group: typer.Typer, prefix: str = "careerpivot") -> list[str]:
    click_group = typer.main.get_command(group)
    out = []

    def walk(cmd, path):
        subs = getattr(cmd, "commands", None)
        if subs:
            for name, sub in subs.items():
                walk(sub, f"{path} {name}")
        else:
            out.append(path)

    walk(click_group, prefix)
    return out


def test_readme_names_every_command():
    commands = _commands(app)
    assert len(commands) >= 9
    missing = [c for c in commands if c not in README]
    assert not missing, f"README does not mention {missing}"


def test_readme_starts_with_the_two_setup_commands():
    head = README.split("## ")[0]
    assert re.search(r"pip install -e \. && \.venv/bin/careerpivot app", head)
    assert re.search(r"pip install -e '\.\[test\]' && \.venv/bin/pytest", head)


def test_ci_runs_the_readme_test_command():
    ci = (REPO / ".ci" / "run").read_text()
    assert ".venv/bin/pytest" in ci and "ruff check" in ci and "mypy" in ci


def test_readme_names_every_app_page():
    from careerpivot.ui import nav

    missing = [p.title for p in nav.PAGES if p.title not in README]
    assert not missing, f"README does not name the app pages {missing}"
