"""Fault injection: `qkg build` killed with SIGKILL at random moments leaves the old exports or the new, never a mix.

Each round kills a build that replaces one set of exports by another, then
checks the folder byte for byte against both sets, then lets the next build
run to its end and checks that it wrote the new set and left nothing behind.
The kill moments are drawn (seeded) from the time a whole build takes, two
thirds of them around the moment it swaps the new set in, until that many
builds were killed before their end. Run these with ``python -m pytest -m
faults``; ``QKG_KILL_MOMENTS`` sets how many kills (default 30).
"""
from __future__ import annotations

import os
import random
import signal
import statistics
import subprocess
import sys
import time
from pathlib import Path

import pytest

from kg.staging import STAGING_PREFIX

from conftest import SMALL_FACTS

pytestmark = pytest.mark.faults

MOMENTS = int(os.environ.get("QKG_KILL_MOMENTS", "30"))
SEED = 11
TIMEOUT = 120  # seconds for one build: a hang fails the test instead of stopping the suite


def _snapshot(folder: Path) -> dict[str, bytes]:
    return {str(p.relative_to(folder)): p.read_bytes() for p in sorted(folder.rglob("*")) if p.is_file()}


def _command(facts: Path, out: Path) -> list[str]:
    return [sys.executable, "-m", "kg", "build", "--facts", str(facts), "--out", str(out)]


def _build(facts: Path, out: Path, env) -> None:
    done = subprocess.run(_command(facts, out), env=env, capture_output=True, text=True, timeout=TIMEOUT)
    assert done.returncode == 0, done.stderr


def _swap_moment(facts: Path, out: Path, env) -> tuple[float, float]:
    """When, from its start, a build swaps the new set in (the folder's inode changes), and when it ends."""
    before = out.stat().st_ino
    started = time.perf_counter()
    build = subprocess.Popen(_command(facts, out), env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    swap = None
    while build.poll() is None:
        if swap is None and out.stat().st_ino != before:
            swap = time.perf_counter() - started
        time.sleep(0.002)
    whole = time.perf_counter() - started
    assert build.returncode == 0
    return (swap if swap is not None else whole), whole


def _leftovers(out: Path) -> list[str]:
    return [p.name for p in out.parent.iterdir() if p.name.startswith(STAGING_PREFIX)]


@pytest.mark.skipif(not sys.platform.startswith("linux"),
                    reason="the atomic swap and the helper's death with its build are Linux's")
def test_a_killed_build_leaves_the_old_or_the_new_set(tmp_path, write_facts):
    env = {**os.environ, "QKG_CACHE_DIR": str(tmp_path / "cache")}
    old_facts = write_facts(SMALL_FACTS)
    new_facts = tmp_path / "new-facts"
    new_facts.mkdir()
    (new_facts / "doc.yaml").write_text(
        SMALL_FACTS.replace("测试文件甲", "测试文件乙").replace("year: 2019", "year: 2020"), encoding="utf-8")
    sets = {}
    for name, facts in (("old", old_facts), ("new", new_facts)):
        _build(facts, tmp_path / f"reference-{name}", env)
        sets[name] = _snapshot(tmp_path / f"reference-{name}")
    assert sets["old"] != sets["new"] and sets["old"].keys() == sets["new"].keys()

    out = tmp_path / "exports"
    _build(old_facts, out, env)
    swaps, wholes = [], []
    for facts in (new_facts, old_facts):
        swap, whole = _swap_moment(facts, out, env)
        swaps.append(swap)
        wholes.append(whole)
    rng = random.Random(SEED)
    current, outcomes, moments = "old", [], []
    # Until MOMENTS builds were killed before their end (a kill after it tries nothing), at most three times as many tries.
    for number in range(3 * MOMENTS):
        if len(outcomes) - outcomes.count("finished") == MOMENTS:
            break
        # A third anywhere in a build, the rest in the 0.3 s before the swap and just after it;
        # the swap's moment is the median of the last builds that ran to their end.
        swap, whole = statistics.median(swaps[-5:]), statistics.median(wholes[-5:])
        moment = rng.uniform(0, whole) if number % 3 == 0 else rng.uniform(max(0.0, swap - 0.3), swap + 0.01)
        moments.append(moment)
        target = "new" if current == "old" else "old"
        facts = new_facts if target == "new" else old_facts
        started = time.perf_counter()
        build = subprocess.Popen(_command(facts, out), env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        while build.poll() is None and time.perf_counter() - started < moment:
            time.sleep(0.002)
        if build.poll() is None:
            build.send_signal(signal.SIGKILL)
        else:  # it ended before the moment: builds are faster now than the estimate says
            ended = time.perf_counter() - started
            swaps.append(ended * swap / whole)
            wholes.append(ended)
        build.wait(timeout=TIMEOUT)
        found = _snapshot(out)
        if found == sets[current]:
            outcomes.append("old")
        elif found == sets[target]:
            outcomes.append("new" if build.returncode else "finished")
        else:
            pytest.fail(f"killed at {moment:.3f} s: the exports are neither the old set nor the new")
        if build.returncode:
            # The next build runs to its end: the target set, and nothing left beside it.
            if found != sets[target]:
                swap, whole = _swap_moment(facts, out, env)
                swaps.append(swap)
                wholes.append(whole)
            else:
                _build(facts, out, env)
        assert _snapshot(out) == sets[target]
        assert _leftovers(out) == []
        current = target
    assert len(outcomes) - outcomes.count("finished") == MOMENTS
    print(f"\n{len(moments)} kills from {min(moments):.2f} s to {max(moments):.2f} s into builds of "
          f"{min(wholes):.2f}-{max(wholes):.2f} s (swap at {min(swaps):.2f}-{max(swaps):.2f} s): "
          f"{outcomes.count('old')} left the old set, {outcomes.count('new')} the new set, "
          f"{outcomes.count('finished')} came after the build's end")
