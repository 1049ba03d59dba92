"""`qkg build` as a user meets it: the summary, the files, and one-line errors that write nothing."""
from __future__ import annotations

import os
import subprocess
import sys

import pytest

from kg.cli import cli

from conftest import SMALL_FACTS

RDF_FILES = ("qgov.ttl", "qgov.nt", "qgov.jsonld", "qgov.trig")


def _build(runner, facts, out):
    return runner.invoke(cli, ["build", "--facts", str(facts), "--out", str(out), "--no-validate"])


def test_build_writes_the_exports_and_prints_a_summary(runner, small_facts, tmp_path):
    result = _build(runner, small_facts, tmp_path / "out")
    assert result.exit_code == 0, result.output
    assert "conferrals: 3, positions: 1, adoptions: 1" in result.output
    assert "documents: 1" in result.output
    for name in RDF_FILES:
        assert (tmp_path / "out" / name).stat().st_size > 0
    assert not [p for p in (tmp_path / "out").iterdir() if p.name.startswith(".qkg-staging")]


def _assert_one_line_error(result, *fragments):
    assert result.exit_code == 1
    assert "Traceback" not in result.output
    lines = result.output.strip().splitlines()
    assert len(lines) == 1 and lines[0].startswith("Error: "), result.output
    for fragment in fragments:
        assert fragment in lines[0]


@pytest.mark.parametrize(
    "change, fragments",
    [
        (("  - recipient: 张三\n", "  - recipient: 李四\n"), ("doc.yaml:", "'李四' is not an entity of this file")),
        (("    year: 2019\n", "    year: 19\n"), ("doc.yaml:", "four-digit year")),
        (("document:\n", "document: [\n"), ("doc.yaml:", "malformed YAML")),
    ],
)
def test_mistakes_give_one_line_and_write_nothing(runner, write_facts, tmp_path, change, fragments):
    out = tmp_path / "out"
    folder = write_facts(SMALL_FACTS.replace(*change))
    result = _build(runner, folder, out)
    _assert_one_line_error(result, *fragments)
    assert not out.exists() or not any(out.iterdir())


def test_missing_facts_folder(runner, tmp_path):
    result = _build(runner, tmp_path / "nowhere", tmp_path / "out")
    _assert_one_line_error(result, "nowhere", "no such facts file or folder")
    assert not (tmp_path / "out").exists()


def test_a_failed_build_leaves_earlier_exports_untouched(runner, small_facts, write_facts, tmp_path):
    out = tmp_path / "out"
    assert _build(runner, small_facts, out).exit_code == 0
    snapshot = lambda: {p.relative_to(out): p.read_bytes() for p in sorted(out.rglob("*")) if p.is_file()}
    before = snapshot()
    assert set(RDF_FILES) <= {str(p) for p in before}
    broken = write_facts(SMALL_FACTS.replace("type: Person", "type: Human"))
    _assert_one_line_error(_build(runner, broken, out), "Human")
    assert snapshot() == before


def test_exports_are_byte_identical_across_processes(small_facts, tmp_path):
    outputs = []
    for seed in ("1", "2"):
        out = tmp_path / f"out{seed}"
        env = {**os.environ, "PYTHONHASHSEED": seed}
        subprocess.run(
            [sys.executable, "-m", "kg", "build", "--facts", str(small_facts), "--out", str(out), "--no-validate"],
            check=True, env=env, capture_output=True,
        )
        outputs.append({name: (out / name).read_bytes() for name in RDF_FILES})
    assert outputs[0] == outputs[1]


def test_every_command_has_help(runner):
    for name, command in cli.commands.items():
        result = runner.invoke(cli, [name, "--help"])
        assert result.exit_code == 0, name
        assert command.help and command.help.strip(), name
