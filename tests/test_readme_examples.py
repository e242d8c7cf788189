"""The README's examples are the program's real words.

Every ``console`` block of README.md is run line by line in an empty folder: ``$ c27desk …`` through the
command line itself (what it prints, standard output and errors together, must be exactly the lines that
follow), ``$ printf … > FILE`` by writing the file. The refusal codes the README's table explains are the
codes the program has.
"""

from __future__ import annotations

import re
import shlex
from pathlib import Path

import pytest

README = Path(__file__).resolve().parents[1] / "README.md"


def console_blocks() -> list[list[tuple[str, list[str]]]]:
    """Each ``console`` block as (command, expected output lines) in order."""
    blocks = []
    for body in re.findall(r"```console\n(.*?)```", README.read_text(encoding="utf-8"), re.DOTALL):
        steps: list[tuple[str, list[str]]] = []
        for line in body.splitlines():
            if line.startswith("$ "):
                steps.append((line[2:], []))
            else:
                assert steps, f"output before any command in a console block: {line!r}"
                steps[-1][1].append(line)
        blocks.append(steps)
    return blocks


def test_the_readme_shows_examples():
    assert sum(len(b) for b in console_blocks()) >= 10


@pytest.mark.parametrize("block", range(len(console_blocks())))
def test_console_examples_say_what_the_program_says(block, tmp_path, monkeypatch, capsys):
    from c27desk.cli import main

    monkeypatch.chdir(tmp_path)
    for command, expected in console_blocks()[block]:
        words = shlex.split(command)
        if words[0] == "printf":
            assert words[2] == ">", command
            (tmp_path / words[3]).write_text(words[1], encoding="utf-8")
            continue
        assert words[0] == "c27desk", command
        try:
            main(words[1:])
        except SystemExit:  # a usage error ends in argparse
            pass
        said = capsys.readouterr()
        lines = (said.out + said.err).replace(f"{tmp_path}/", "").splitlines()
        assert lines == expected, f"$ {command}"


def test_the_refusal_table_lists_every_code():
    from c27desk.exchange.reasons import Reason

    text = README.read_text(encoding="utf-8")
    table = text[text.index("| Code | The file is refused because |"):]
    table = table[:table.index("\n\n")]
    listed = set(re.findall(r"`([A-Z_]+)`", "\n".join(line.split("|")[1] for line in table.splitlines()[2:])))
    assert listed == set(Reason)
