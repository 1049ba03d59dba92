from __future__ import annotations

import subprocess
import textwrap
from pathlib import Path

import pytest
from click.testing import CliRunner

REPO = Path(__file__).resolve().parents[1]
CORPUS = REPO.parent / "shared" / "corpus"


@pytest.fixture
def runner() -> CliRunner:
    return CliRunner()


@pytest.fixture
def corpus_dir() -> Path:
    if not CORPUS.is_dir():
        pytest.skip(f"the source documents are not here ({CORPUS}); they live beside the repository in shared/corpus")
    return CORPUS


@pytest.fixture
def write_facts(tmp_path):
    """Write a facts file (YAML text, dedented) into a fresh folder and return the folder."""
    folder = tmp_path / "facts"
    folder.mkdir()

    def write(text: str, name: str = "doc.yaml") -> Path:
        (folder / name).write_text(textwrap.dedent(text).lstrip(), encoding="utf-8")
        return folder

    return write


SMALL_FACTS = """
format: qkg-facts/1
document:
  id: test-a
  title: 测试文件甲
  publisher: 测试日报
  date: 2021-05-01
  url: https://example.org/a
entities:
  - name: 甲市
    type: City
    aliases: [甲]
    level: prefecture
  - name: 丁县
    type: City
    level: county
  - name: 乙省
    type: Province
  - name: 甲市市长质量奖
    type: Award
    conferrer: 甲市
  - name: 甲市市长质量奖提名奖
    type: Award
    nomination_for: 甲市市长质量奖
  - name: 丁县县长质量奖
    type: Award
    conferrer: 丁县
  - name: 乙省省长质量奖
    type: Award
    conferrer: 乙省
  - name: 全国质量样板奖
    type: Award
    level: national
  - name: 丙科技股份有限公司
    type: Enterprise
    aliases: [丙科技]
  - name: 张三
    type: Person
  - name: 首席质量官制度
    type: Program
  - name: 甲市质量促进条例
    type: Regulation
    issuer: 甲市
    year: 2020
  - name: 2020甲市质量大会
    type: Event
    date: 2020-09-01
    place: 甲市
conferrals:
  - recipient: 丙科技
    award: 甲市市长质量奖
    year: 2020
    evidence: [10, 30]
  - recipient: 张三
    award: 甲市市长质量奖提名奖
    year: 2019
    evidence: [31, 40]
  - recipient: 丙科技股份有限公司
    award: 乙省省长质量奖
    year: 2021
    evidence: [41, 50]
positions:
  - person: 张三
    role: 董事长
    organization: 丙科技股份有限公司
    evidence: [31, 40]
adoptions:
  - adopter: 甲市
    program: 首席质量官制度
    since: 2009
    evidence: [0, 9]
locations:
  - entity: 丙科技
    in: 甲市
  - entity: 甲市
    in: 乙省
  - entity: 丁县
    in: 甲市
"""


@pytest.fixture
def tiny_disk(tmp_path):
    """A 200 kB file system, too small for a build's exports (mounting it needs root)."""
    mount = tmp_path / "tiny"
    mount.mkdir()
    done = subprocess.run(["mount", "-t", "tmpfs", "-o", "size=200k", "tmpfs", str(mount)], capture_output=True)
    if done.returncode != 0:
        pytest.skip(f"cannot mount a small file system here to fill it: {done.stderr.decode().strip()}")
    yield mount
    subprocess.run(["umount", str(mount)], check=True)


@pytest.fixture
def small_facts(write_facts) -> Path:
    return write_facts(SMALL_FACTS)


@pytest.fixture(autouse=True)
def _no_settings_of_the_machine(tmp_path_factory, monkeypatch):
    """Each test with its own per-user state (the remembered default graph), no QKG_HOME of the
    user's, and an English locale unless it sets another: a test never reads or changes the graph
    the user works with, and its messages do not depend on the machine's language."""
    monkeypatch.setenv("XDG_STATE_HOME", str(tmp_path_factory.mktemp("state")))
    monkeypatch.delenv("QKG_HOME", raising=False)
    for variable in ("LANGUAGE", "LC_ALL", "LC_MESSAGES"):
        monkeypatch.delenv(variable, raising=False)
    monkeypatch.setenv("LANG", "C.UTF-8")


@pytest.fixture(scope="session")
def default_graph(tmp_path_factory) -> Path:
    """The Turtle of the curated default, built once for the session."""
    from query_support import turtle_of

    path = tmp_path_factory.mktemp("default-graph") / "qgov.ttl"
    path.write_bytes(turtle_of())
    return path


@pytest.fixture
def qkg(runner, tmp_path, monkeypatch):
    """Run `qkg ARGS…` as a user would, with its own query cache."""
    from kg.cli import cli

    monkeypatch.setenv("QKG_CACHE_DIR", str(tmp_path / "cache"))

    def invoke(*args, env=None):
        return runner.invoke(cli, [str(arg) for arg in args], env=env, prog_name="qkg")

    return invoke
