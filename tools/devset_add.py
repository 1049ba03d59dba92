"""Add a document to the real development set, or restore its cached text.

    python tools/devset_add.py devset/cache/inbox/ID.json            # a new document
    python tools/devset_add.py --rebuild devset/cache/inbox/ID.json  # restore cache/ID.txt

The JSON file holds {"id", "url", "query", "text"}: the text is the search tool's excerpt
for that url, copied exactly. See devset/README.md.
"""
from __future__ import annotations

import argparse
import fcntl
import json
import re
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from kg.devset import COLUMNS, UNFINISHED_TITLE, read_sources, text_sha256  # noqa: E402

DEVSET = ROOT / "devset"
_ID = re.compile(r"[a-z0-9][a-z0-9-]{2,60}")


def fail(message: str) -> None:
    print(f"devset_add: {message}", file=sys.stderr)
    raise SystemExit(2)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("json_file", type=Path)
    parser.add_argument("--rebuild", action="store_true", help="restore the cached text of a row already listed")
    args = parser.parse_args()
    try:
        record = json.loads(args.json_file.read_text(encoding="utf-8"))
    except (OSError, ValueError) as error:
        fail(f"{args.json_file}: {error}")
    doc_id, url, query, text = (record.get(k) for k in ("id", "url", "query", "text"))
    if not all(isinstance(v, str) and v for v in (doc_id, url, query, text)):
        fail(f"{args.json_file}: needs non-empty id, url, query and text")
    if not _ID.fullmatch(doc_id):
        fail(f"{args.json_file}: id {doc_id!r} must be lower-case letters, digits and '-'")
    sha = text_sha256(text)
    sources_path = DEVSET / "sources.tsv"
    cache = DEVSET / "cache"
    cache.mkdir(parents=True, exist_ok=True)
    if not sources_path.exists():
        sources_path.write_text("\t".join(COLUMNS) + "\n", encoding="utf-8")
    with sources_path.open("r+", encoding="utf-8") as handle:
        fcntl.flock(handle, fcntl.LOCK_EX)  # helpers add documents at the same time
        sources = read_sources(sources_path)
        if args.rebuild:
            row = next((s for s in sources if s.id == doc_id), None)
            if row is None:
                fail(f"{doc_id} is not in sources.tsv")
            if row.sha256 != sha:
                fail(f"{doc_id}: the text's sha256 {sha[:12]}… is not the listed {row.sha256[:12]}…")
            (cache / f"{doc_id}.txt").write_text(text, encoding="utf-8")
            print(f"restored cache/{doc_id}.txt")
            return
        for source in sources:
            if source.id == doc_id:
                fail(f"id {doc_id} is taken")
            if source.url == url:
                fail(f"{url} is already in the set as {source.id}")
            if source.sha256 == sha:
                fail(f"the same text is already in the set as {source.id}")
        for value in (url, query):
            if "\t" in value or "\n" in value:
                fail("url and query may hold no tab or line break")
        (cache / f"{doc_id}.txt").write_text(text, encoding="utf-8")
        handle.seek(0, 2)
        handle.write("\t".join((doc_id, url, query, sha)) + "\n")
    annotation = DEVSET / "annotations" / f"{doc_id}.yaml"
    annotation.parent.mkdir(exist_ok=True)
    if not annotation.exists():
        annotation.write_text(
            "format: qkg-facts/1\n"
            "document:\n"
            f"  id: {doc_id}\n"
            f"  title: {UNFINISHED_TITLE}\n"
            f"  source: {doc_id}.txt\n"
            f"  sha256: {sha}\n"
            f"  url: {json.dumps(url)}\n"
            "entities: []\n"
            "conferrals: []\n"
            "positions: []\n",
            encoding="utf-8",
        )
    print(f"added {doc_id}: cache/{doc_id}.txt ({len(text)} characters), annotations/{doc_id}.yaml started")


if __name__ == "__main__":
    main()
