"""The command list is built without importing the commands (``unsc._cli.registry``).

Each check runs a fresh interpreter and looks at ``sys.modules``: no timing.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from collections.abc import Callable

import click
import pytest

from unsc._cli.registry import ENTRIES, Commands

HEAVY = (
    "numpy",
    "numba",
    "sqlalchemy",
    "pandas",
    "fastapi",
    "unsc._extract",
    "unsc._extract._patterns",
    "unsc._power",
    "unsc._record",
    "unsc._mandates",
    "unsc._web",
    "unsc._cli.data",
    "unsc._cli.power",
    "unsc._cli.extract",
    "unsc._cli.mandates",
    "unsc._cli.web",
)


def _modules_after(argv: list[str], *, preload: bool = False) -> tuple[str, set[str]]:
    """Run ``unsc ARGV`` in a fresh interpreter: its output and the modules it imported.

    ``preload``: every command imported into the group first, as running them would.
    """
    code = (
        "import json, sys, click\n"
        "from unsc._cli import main\n"
        "from unsc._cli.registry import ENTRIES\n"
        f"for e in (ENTRIES if {preload} else ()):\n"
        "    assert main.get_command(click.Context(main), e.name) is not None\n"
        f"sys.argv = ['unsc', *{argv!r}]\n"
        "try:\n"
        "    main()\n"
        "except SystemExit:\n"
        "    pass\n"
        "sys.stderr.write(json.dumps(sorted(sys.modules)))\n"
    )
    done = subprocess.run(
        [sys.executable, "-c", code],
        capture_output=True,
        text=True,
        check=True,
        timeout=60,
        env={**os.environ, "COLUMNS": "80"},
    )
    return done.stdout, set(json.loads(done.stderr))


@pytest.mark.parametrize(
    "argv",
    [["--help"], ["council", "2017-10-24"], ["presidents", "1984"], ["vote", "--help"]],
    ids=["help", "council", "presidents", "vote-help"],
)
def test_light_commands_import_no_heavy_module(argv: list[str]) -> None:
    out, modules = _modules_after(argv)
    assert out.strip()
    assert not modules & set(HEAVY), sorted(modules & set(HEAVY))


#: What ``unsc --help`` and ``unsc --version`` may import of unsc: the group and its errors.
GROUP_ONLY = {"unsc", "unsc._errors", "unsc._cli", "unsc._cli.common", "unsc._cli.registry"}


@pytest.mark.parametrize("argv", [["--help"], ["--version"]], ids=["help", "version"])
def test_help_and_version_import_only_the_group(argv: list[str]) -> None:
    out, modules = _modules_after(argv)
    assert out.strip()
    assert {m for m in modules if m == "unsc" or m.startswith("unsc.")} == GROUP_ONLY
    assert "importlib.metadata" not in modules  # the version is unsc.__version__


def test_the_version_printed_is_the_installed_one() -> None:
    import importlib.metadata

    import unsc

    assert importlib.metadata.version("unsc") == unsc.__version__


def test_import_unsc_loads_the_reference_data_when_first_used() -> None:
    code = (
        "import json, sys, datetime as dt\n"
        "import unsc\n"
        "before = sorted(sys.modules)\n"
        "president = unsc.council(dt.date(2017, 10, 24)).president\n"
        "print(json.dumps([before, sorted(sys.modules), president]))\n"
    )
    done = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True, timeout=60
    )
    before, after, president = json.loads(done.stdout)
    assert "unsc._reference.council" not in before
    assert "unsc._engine" not in before
    assert "unsc._reference.council" in after
    assert president == "FRA"


@pytest.mark.parametrize("argv", [["extract", "--help"], ["reports", "--help"]])
def test_extract_help_does_not_compile_the_reader(argv: list[str]) -> None:
    out, modules = _modules_after(argv)
    assert "Usage: unsc" in out
    assert "unsc._extract" not in modules
    assert "unsc._extract._patterns" not in modules


def test_help_lists_every_command_from_the_registry() -> None:
    out, modules = _modules_after(["--help"])
    listed = {line.split()[0] for line in out.split("Commands:")[1].splitlines() if line.strip()}
    assert listed == {"council", "presidents", "vote", *(e.name for e in ENTRIES)}
    assert "Load and inspect the record" in out
    assert "unsc._cli.data" not in modules


def test_power_on_a_weighted_game_does_not_load_numba() -> None:
    argv = ["power", "--weights", ",".join(str(1 + i % 97) for i in range(100)), "--quota", "2500"]
    out, modules = _modules_after([*argv, "--index", "ss"])
    assert "P100" in out
    assert "numba" not in modules
    assert "unsc._power._kernels" not in modules


def _defined() -> dict[str, tuple[Callable[[], Commands], click.Command]]:
    out: dict[str, tuple[Callable[[], Commands], click.Command]] = {}
    for load in dict.fromkeys(e.load for e in ENTRIES):
        for command in load():
            assert command.name is not None
            out[command.name] = (load, command)
    return out


def test_registry_names_every_command_with_its_own_summary() -> None:
    defined = _defined()
    assert {e.name: e.load for e in ENTRIES} == {n: m for n, (m, _) in defined.items()}
    for entry in ENTRIES:
        command = defined[entry.name][1]
        for limit in (45, 60, 1000):  # the summary click itself would print
            mine = click.Command(entry.name, help=entry.summary)
            assert mine.get_short_help_str(limit) == command.get_short_help_str(limit)


def test_help_is_the_same_once_the_commands_are_imported() -> None:
    lazy, modules = _modules_after(["--help"])
    eager, all_modules = _modules_after(["--help"], preload=True)
    assert "unsc._cli.web" in all_modules - modules
    assert lazy == eager
