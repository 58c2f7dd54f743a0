"""Docs that cannot drift (habit 10).

docs/cli.md is generated from ``--help``; every command and option is
documented; the README's shell examples are run and their output compared.

README examples are the lines of fenced ``console`` blocks that start with
``$ unsc ``. The lines after a command, up to the next ``$`` line or the end
of the block, are its expected output (stdout and stderr as a terminal shows
them). They are compared exactly, except that trailing whitespace and
trailing blank lines are ignored and a line ``...`` matches any run of lines.
``< FILE`` feeds FILE to stdin. Commands run from the repository root.
"""

from __future__ import annotations

import contextlib
import difflib
import re
import shlex
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from types import ModuleType

import click
import pytest
from click.testing import CliRunner

from unsc._cli import main as cli

REPO = Path(__file__).resolve().parent.parent
README = REPO / "README.md"
CLI_MD = REPO / "docs" / "cli.md"


def _command_paths(command: click.Command, path: tuple[str, ...] = ()) -> list[tuple[str, ...]]:
    out = [path]
    if isinstance(command, click.Group):
        ctx = click.Context(command)
        for name in sorted(command.list_commands(ctx)):
            sub = command.get_command(ctx, name)
            assert sub is not None
            out += _command_paths(sub, (*path, name))
    return out


def _command_at(path: tuple[str, ...]) -> click.Command:
    command: click.Command = cli
    for name in path:
        if not isinstance(command, click.Group):
            raise LookupError(name)
        found = command.get_command(click.Context(command), name)
        if found is None:
            raise LookupError(name)
        command = found
    return command


COMMANDS = _command_paths(cli)
LEAVES = [p for p in COMMANDS if not isinstance(_command_at(p), click.Group)]


def _id(path: tuple[str, ...]) -> str:
    return " ".join(("unsc", *path))


# --- docs/cli.md --------------------------------------------------------------


def test_cli_md_is_current(load_script: Callable[[str], ModuleType]) -> None:
    fresh: str = load_script("gen_cli_docs").render()
    committed = CLI_MD.read_text(encoding="utf-8") if CLI_MD.exists() else ""
    assert committed == fresh, "docs/cli.md is stale: run `make docs`"


def test_generator_walks_every_command(load_script: Callable[[str], ModuleType]) -> None:
    assert load_script("gen_cli_docs").command_paths() == COMMANDS
    assert len(LEAVES) >= 3


@pytest.mark.parametrize("path", COMMANDS, ids=_id)
def test_command_is_documented(path: tuple[str, ...]) -> None:
    text = CLI_MD.read_text(encoding="utf-8")
    assert f"\n## `{_id(path)}`\n" in text, f"`{_id(path)}` is not in docs/cli.md: run `make docs`"
    assert f"Usage: {_id(path)} [OPTIONS]" in text


@pytest.mark.parametrize("path", COMMANDS, ids=_id)
def test_every_option_has_help(path: tuple[str, ...]) -> None:
    undocumented = [
        p.name
        for p in _command_at(path).params
        if isinstance(p, click.Option) and not (p.help or "").strip()
    ]
    assert undocumented == [], f"`{_id(path)}`: options without help text"


@pytest.mark.parametrize("path", LEAVES, ids=_id)
def test_command_help_has_an_example(path: tuple[str, ...]) -> None:
    help_text = _command_at(path).help or ""
    assert f"Example: {_id(path)} " in help_text


# --- README examples ----------------------------------------------------------


@dataclass(frozen=True)
class Example:
    """One ``$ unsc ...`` line of a console block and the output shown after it."""

    line: int
    command: str
    expected: tuple[str, ...]


def parse_examples(text: str) -> list[Example]:
    """Collect the ``$ unsc`` commands of every fenced console block in ``text``."""
    examples: list[Example] = []
    in_block = False
    current: tuple[int, str] | None = None
    expected: list[str] = []

    def flush() -> None:
        if current is not None and current[1].startswith("$ unsc "):
            examples.append(Example(current[0], current[1][2:], tuple(expected)))

    for number, line in enumerate(text.splitlines(), start=1):
        stripped = line.strip()
        if not in_block:
            in_block = stripped.startswith("```") and stripped[3:].strip() == "console"
            current, expected = None, []
        elif stripped.startswith("```"):
            flush()
            in_block, current, expected = False, None, []
        elif line.startswith("$"):
            flush()
            current, expected = (number, line), []
        elif current is not None:
            expected.append(line)
    return examples


def run_example(command: str, cwd: Path) -> str:
    """Run ``unsc ...`` through CliRunner; return what a terminal would show."""
    argv = shlex.split(command)
    if argv[0] != "unsc":
        raise ValueError(f"not a unsc command: {command!r}")
    args = argv[1:]
    stdin: str | None = None
    if "<" in args:
        at = args.index("<")
        stdin = (cwd / args[at + 1]).read_text(encoding="utf-8")
        args = args[:at] + args[at + 2 :]
    with contextlib.chdir(cwd):
        result = CliRunner().invoke(
            cli, args, input=stdin, prog_name="unsc", catch_exceptions=False
        )
    return result.output


def _trim(lines: list[str] | tuple[str, ...]) -> list[str]:
    out = [line.rstrip() for line in lines]
    while out and not out[-1]:
        out.pop()
    return out


def output_matches(expected: list[str] | tuple[str, ...], actual: list[str]) -> bool:
    """Compare lines exactly; a line ``...`` in ``expected`` matches any run of lines."""
    exp, act = _trim(expected), _trim(actual)
    # match[i][j]: exp[i:] matches act[j:]
    match = [[False] * (len(act) + 1) for _ in range(len(exp) + 1)]
    match[len(exp)][len(act)] = True
    for i in range(len(exp) - 1, -1, -1):
        for j in range(len(act), -1, -1):
            if exp[i] == "...":
                match[i][j] = match[i + 1][j] or (j < len(act) and match[i][j + 1])
            else:
                match[i][j] = j < len(act) and exp[i] == act[j] and match[i + 1][j + 1]
    return match[0][0]


README_EXAMPLES = parse_examples(README.read_text(encoding="utf-8")) if README.exists() else []


def test_readme_has_console_examples() -> None:
    assert README_EXAMPLES, "README.md has no ```console block with a `$ unsc ...` example"


@pytest.mark.parametrize(
    "example", README_EXAMPLES, ids=[f"README.md:{e.line}" for e in README_EXAMPLES]
)
def test_readme_example(example: Example) -> None:
    actual = run_example(example.command, REPO).splitlines()
    assert output_matches(example.expected, actual), (
        f"README.md line {example.line}: `{example.command}` printed something else:\n"
        + "\n".join(difflib.unified_diff(_trim(example.expected), _trim(actual), lineterm=""))
    )


def _inline_commands(text: str) -> list[str]:
    return re.findall(r"(?<!`)`(unsc(?: [^`]*)?)`(?!`)", text)


def _unknown_options(command_line: str) -> list[str]:
    """Options in ``command_line`` that its command does not have."""
    args = shlex.split(command_line)[1:]
    command: click.Command = cli
    while args and isinstance(command, click.Group):
        sub = command.get_command(click.Context(command), args[0])
        if sub is None:
            break
        args.pop(0)
        command = sub
    known = {"--help", "-h"}
    for param in command.params:
        if isinstance(param, click.Option):
            known.update(param.opts, param.secondary_opts)
    return [a for a in args if a.startswith("-") and a != "-" and a.split("=")[0] not in known]


README_INLINE = _inline_commands(README.read_text(encoding="utf-8")) if README.exists() else []


@pytest.mark.parametrize("command_line", README_INLINE)
def test_readme_inline_commands_use_real_options(command_line: str) -> None:
    assert _unknown_options(command_line) == [], f"README.md mentions `{command_line}`"


# --- the README checker itself ------------------------------------------------

SAMPLE = """\
Intro text.

```console
$ pip install unsc
Successfully installed unsc
$ unsc council 2017-10-24 --json
{
  "date": "2017-10-24",
  "size": 15,
...
}

$ unsc vote - < examples/2017-10-24-jim-renewal.json
The draft resolution has not been adopted, owing to the negative vote of a permanent member \
of the Council.
...
President: France.
...
```

```python
$ unsc not an example
```
"""


def test_parser_collects_only_unsc_commands_in_console_blocks() -> None:
    examples = parse_examples(SAMPLE)
    assert [(e.line, e.command) for e in examples] == [
        (6, "unsc council 2017-10-24 --json"),
        (13, "unsc vote - < examples/2017-10-24-jim-renewal.json"),
    ]
    assert examples[0].expected == ("{", '  "date": "2017-10-24",', '  "size": 15,', "...", "}", "")


def test_sample_examples_pass() -> None:
    for example in parse_examples(SAMPLE):
        actual = run_example(example.command, REPO).splitlines()
        assert output_matches(example.expected, actual), example.command


def test_inline_command_checker() -> None:
    text = "Run `unsc vote --date 2017-10-24 --tally 4-8-3` or `unsc council --bogus`; ```x```"
    assert _inline_commands(text) == [
        "unsc vote --date 2017-10-24 --tally 4-8-3",
        "unsc council --bogus",
    ]
    assert _unknown_options(_inline_commands(text)[0]) == []
    assert _unknown_options("unsc council --bogus") == ["--bogus"]
    assert _unknown_options("unsc vote --procedural --non-procedural -") == []


@pytest.mark.parametrize(
    ("expected", "actual", "ok"),
    [
        (["a", "b"], ["a", "b"], True),
        (["a", "b", ""], ["a", "b  "], True),
        (["a", "..."], ["a"], True),
        (["a", "...", "d"], ["a", "b", "c", "d"], True),
        (["...", "c", "...", "e"], ["a", "c", "d", "e"], True),
        (["a", "b"], ["a", "b", "c"], False),
        (["a", "...", "d"], ["a", "b", "c"], False),
        (["a", "B"], ["a", "b"], False),
    ],
)
def test_output_matching(expected: list[str], actual: list[str], ok: bool) -> None:
    assert output_matches(expected, actual) is ok
