"""Order an annotation's lists so that they do not follow the text's order.

    python tools/devset_order.py devset/annotations/ID.yaml [...]

Names listed in the order the text lists them join, once the YAML's other characters are set aside,
into runs of the text's own characters (a list of firms is a run of the sentence that lists them).
The annotations keep names and facts, not the documents' sentences: this orders each list's items by
kind, then by a hash of the item, salted until no run of RUN Chinese characters crosses from one line
of the annotation to the next and is also a run of the text. The facts read are the same before and after.
"""
from __future__ import annotations

import hashlib
import re
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from kg.factfile import read_facts_file  # noqa: E402
from kg.textnorm import matchable  # noqa: E402

RUN = 24
LISTS = ("entities", "conferrals", "positions", "locations", "adoptions")
SALTS = 200


def han(text: str) -> str:
    return re.sub(r"[^\u4e00-\u9fff]", "", text)


def text_runs(text: str) -> set[str]:
    """Every run of RUN Chinese characters of the text, as written and in matchable form."""
    return {form[i:i + RUN] for form in (han(text), han(matchable(text))) for i in range(len(form) - RUN + 1)}


def runs_across_lines(annotation: str, runs: set[str]) -> list[str]:
    """The text's runs that the annotation's Chinese characters hold across two or more of its lines."""
    lines = [han(line) for line in annotation.split("\n")]
    joined = "".join(lines)
    return [joined[i:i + RUN] for i in range(len(joined) - RUN + 1)
            if joined[i:i + RUN] in runs and not any(joined[i:i + RUN] in line for line in lines)]


def ordered(annotation: str, salt: str) -> str:
    lines, out, index = annotation.split("\n"), [], 0
    while index < len(lines):
        line = lines[index]
        out.append(line)
        index += 1
        if re.fullmatch(r"[a-z_]+:\s*", line) and line.split(":")[0] in LISTS:
            items = []
            while index < len(lines) and lines[index].startswith(("- ", "  ")):
                if lines[index].startswith("- "):
                    items.append([])
                items[-1].append(lines[index])
                index += 1
            for item in sorted(items, key=lambda item: (
                    next((part for part in item if part.strip().startswith("type:")), ""),
                    hashlib.sha1((salt + "\n".join(item)).encode()).hexdigest())):
                out.extend(item)
    return "\n".join(out)


def _facts(path: Path) -> list[list[str]]:
    facts = read_facts_file(path)
    return [sorted(re.sub(r", line=\d+", "", repr(x)) for x in part)
            for part in (facts.entities, facts.conferrals, facts.positions, facts.locations)]


def main() -> None:
    for name in sys.argv[1:]:
        path = Path(name)
        text = (ROOT / "devset" / "cache" / f"{path.stem}.txt").read_text(encoding="utf-8")
        runs = text_runs(text)
        annotation = path.read_text(encoding="utf-8")
        if not runs_across_lines(annotation, runs):
            continue
        before = _facts(path)
        best = min((ordered(annotation, str(salt)) for salt in range(SALTS)),
                   key=lambda candidate: len(runs_across_lines(candidate, runs)))
        path.write_text(best, encoding="utf-8")
        if _facts(path) != before:
            path.write_text(annotation, encoding="utf-8")
            raise SystemExit(f"devset_order: {path}: the facts changed; left as it was")
        left = runs_across_lines(best, runs)
        print(f"{path}: reordered" + (f"; a run still crosses lines: {left[0]}" if left else ""))


if __name__ == "__main__":
    main()
