"""Check hand annotations of the development set.

    python tools/devset_check.py [devset/annotations/ID.yaml ...]   # default: all

Each file must pass the facts format's checks; its sha256 must be the cached text's; and every
entity should be findable in the text by its name or one alias (after NFKC, with traditional
characters folded), so that a typo or a name the text never uses is caught; and no person may be
one that only bylines name (reporters, correspondents, editors). Prints one line per problem and
exits 1 when there is any.
"""
from __future__ import annotations

import re
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from kg.devset import read_sources, text_sha256  # noqa: E402
from kg.errors import QkgError  # noqa: E402
from kg.factfile import read_facts_file  # noqa: E402
from kg.namespace import normalize_name  # noqa: E402

DEVSET = ROOT / "devset"


def fold(text: str) -> str:
    try:
        from opencc import OpenCC
        text = OpenCC("t2s").convert(text)
    except ImportError:  # the check still runs without the folding
        pass
    return re.sub(r"\s+", "", normalize_name(text))


def check(path: Path, sources: dict) -> list[str]:
    problems = []
    try:
        facts = read_facts_file(path)
    except QkgError as error:
        return [str(error)]
    doc_id = facts.document.id
    if path.stem != doc_id:
        problems.append(f"{path}: document.id {doc_id} is not the file's name")
    source = sources.get(doc_id)
    if source is None:
        return problems + [f"{path}: {doc_id} is not in sources.tsv"]
    if facts.document.sha256 != source.sha256:
        problems.append(f"{path}: sha256 is not the one in sources.tsv")
    if facts.document.title != f"devset {doc_id}":
        problems.append(f"{path}: document.title must be our label 'devset {doc_id}', not the document's headline")
    cached = DEVSET / "cache" / f"{doc_id}.txt"
    if not cached.exists():
        return problems + [f"{path}: (text not cached: names not checked)"]
    text = cached.read_text(encoding="utf-8")
    if text_sha256(text) != source.sha256:
        problems.append(f"{path}: the cached text's sha256 differs from sources.tsv")
    folded = fold(text)
    for entity in facts.entities:
        names = [entity.name, *entity.aliases]
        if not any(fold(n) in folded for n in names):
            problems.append(f"{path}: {entity.type} {entity.name}: neither its name nor an alias is in the text"
                            " (add the form as written as an alias)")
        elif entity.type == "Person" and only_in_bylines(folded, fold(entity.name)):
            problems.append(f"{path}: Person {entity.name} is named only in bylines: the conventions leave "
                            "reporters, correspondents and editors out")
    return problems


# Where a byline names its people: "(周某)" closing an article, "本报讯 (某某 记者某某)", "编辑：某某", "□ 某某",
# "某某 / 文". (%s is the name.)
BYLINE_FORMS = (
    r"\((?:[\u4e00-\u9fff]{2,4}[、:：/丨]?){0,3}%s(?:[、:：/丨]?[\u4e00-\u9fff]{2,4}){0,3}\)",
    r"讯\((?:[^()]{0,30}?)%s",
    r"(?:编辑|校对|审核|值班主任|责任编辑|责编|主编|监制|供稿|图|文|摄影|作者|记者|通讯员)[:：丨/|]%s",
    r"(?:^|\n)[□◆■●]%s",
    r"%s/文",
    r"讯%s",
)


def only_in_bylines(folded_text: str, name: str) -> bool:
    """Is every mention of ``name`` in ``folded_text`` (blanks removed) inside a byline?"""
    mentions = [m.start() for m in re.finditer(re.escape(name), folded_text)]
    in_bylines = {start for form in BYLINE_FORMS for byline in re.finditer(form % re.escape(name), folded_text)
                  for start in mentions if byline.start() <= start < byline.end()}
    return bool(mentions) and len(in_bylines) == len(mentions)


def main() -> None:
    paths = [Path(p) for p in sys.argv[1:]] or sorted((DEVSET / "annotations").glob("*.yaml"))
    sources = {s.id: s for s in read_sources(DEVSET / "sources.tsv")}
    problems = [p for path in paths for p in check(path, sources)]
    for line in problems:
        print(line)
    print(f"{len(paths)} files checked, {len(problems)} problems")
    raise SystemExit(1 if problems else 0)


if __name__ == "__main__":
    main()
