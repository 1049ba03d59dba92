"""A build shows its steps on a terminal, and nothing when its output is piped (issue 12, item 5)."""
from __future__ import annotations

import os
import subprocess
import sys

import pytest

pytestmark = pytest.mark.skipif(not hasattr(os, "openpty"), reason="needs a pseudo-terminal (POSIX)")


def _build(tmp_path, small_facts, stderr_on_terminal: bool, *extra) -> str:
    env = {**os.environ, "QKG_CACHE_DIR": str(tmp_path / "cache"), "LANG": "C.UTF-8", "PYTHONIOENCODING": "utf-8"}
    command = [sys.executable, "-m", "kg", *extra, "build", "--facts", str(small_facts), "--out", str(tmp_path / "out")]
    if not stderr_on_terminal:
        done = subprocess.run(command, env=env, capture_output=True, timeout=120)
        assert done.returncode == 0, done.stderr
        return done.stderr.decode()
    main, terminal = os.openpty()
    try:
        process = subprocess.Popen(command, env=env, stdout=subprocess.PIPE, stderr=terminal)
        os.close(terminal)
        chunks = []
        while True:
            try:
                chunk = os.read(main, 4096)
            except OSError:  # the terminal closed with the process
                break
            if not chunk:
                break
            chunks.append(chunk)
        assert process.wait(timeout=120) == 0
    finally:
        os.close(main)
    return b"".join(chunks).decode("utf-8", "replace")


def test_on_a_terminal_the_steps_show(tmp_path, small_facts):
    shown = _build(tmp_path, small_facts, True)
    for step in ("read the facts files", "built the graph", "wrote the RDF exports", "wrote the analytics"):
        assert f"✓ {step} (" in shown


def test_in_chinese_on_a_terminal(tmp_path, small_facts):
    assert "✓ 写出 RDF 文件 (" in _build(tmp_path, small_facts, True, "--lang", "zh")


def test_piped_output_shows_no_progress(tmp_path, small_facts):
    assert _build(tmp_path, small_facts, False) == ""
