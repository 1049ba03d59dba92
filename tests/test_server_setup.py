"""The README's server set-up is what .ci/run does, and the fonts it names are there (issue 12, item 11)."""
from __future__ import annotations

import re
import shutil
import subprocess
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[1]


def test_ci_installs_the_cjk_font_the_readme_names():
    readme = (REPO / "README.md").read_text(encoding="utf-8")
    named = set(re.findall(r"apt-get install (fonts-[\w-]+)", readme))
    assert "fonts-noto-cjk" in named
    ci = (REPO / ".ci" / "run").read_text(encoding="utf-8")
    installed = re.search(r"for package in ([^;]+); do", ci)
    assert installed and "fonts-noto-cjk" in installed.group(1).split()
    assert 'apt-get install -y -qq "${missing[@]}"' in ci
    assert ".venv/bin/python -m pytest" in ci  # still the README's test command


@pytest.mark.skipif(shutil.which("fc-list") is None, reason="fontconfig is not installed (no fc-list to ask)")
def test_a_chinese_font_is_installed_where_the_browser_tests_run():
    if shutil.which("chromium") is None:
        pytest.skip("no chromium here: the page is not drawn, so no font is needed")
    families = subprocess.run(["fc-list", ":lang=zh", "family"], capture_output=True, text=True, timeout=60).stdout
    assert families.strip(), "no font covers Chinese: every label of the page would be a box (install fonts-noto-cjk)"
