"""`qkg extract`: many documents in, one facts file per document out, on all cores.

Workers read, extract and write their own files and hand back only counts, so
the parent's memory does not grow with the corpus.
"""
from __future__ import annotations

import functools
import gc
import logging
import multiprocessing
import re
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path

import yaml

from kg.batch import Processed, Skipped, advance, default_jobs, extract_many
from kg.errors import QkgError, write_failure
from kg.extract.chunks import CHUNK_CHARS, extract_in_chunks
from kg.extract.document import extract_facts, finish_facts
from kg.extract.lexicon import Lexicon
from kg.extract.output import is_plain, scalar, write_facts
from kg.extract.resolution import abbreviates, variants
from kg.model import DocumentFacts
from kg.namespace import KIND_OF_TYPE, normalize_name
from kg.reader import SourceDocument, read_document, walk_inputs
from kg.staging import write_file
from kg.textnorm import matchable as matchable_form

log = logging.getLogger(__name__)
_LOADER = getattr(yaml, "CSafeLoader", yaml.SafeLoader)

_DATE = re.compile(r"^\d{4}(-\d{2}(-\d{2})?)?$")
FACT_KINDS = ("conferrals", "positions", "adoptions", "locations")


class ExtractError(QkgError):
    """Nothing could be extracted, or the output folder cannot be used."""


@dataclass(frozen=True)
class FileResult:
    source: Path
    written: Path
    characters: int
    counts: dict[str, int]
    organizations: tuple[str, ...] = ()  # canonical names, for resolution across documents
    warnings: tuple[str, ...] = ()  # what was read other than as written (undecodable bytes replaced)


@dataclass
class ExtractionSummary:
    """Counts only, so that the parent's memory does not grow with the corpus."""

    extracted: int = 0
    characters: int = 0
    facts: Counter = field(default_factory=Counter)
    skipped: list[Skipped] = field(default_factory=list)
    resolved: int = 0  # files whose organisations were renamed to a fuller name found in another file
    names: "OrganizationIndex" = field(default_factory=lambda: OrganizationIndex(), repr=False)
    warnings: list[str] = field(default_factory=list)
    # Facts files in the output folder that this run did not write, with the source each names.
    stale: list[tuple[Path, str]] = field(default_factory=list)
    written: dict[Path, Path] = field(default_factory=dict, repr=False)  # facts file -> its document

    @property
    def lost(self) -> list[Skipped]:
        """Documents read whose facts file could not be written (a full disk)."""
        return [skip for skip in self.skipped if skip.lost]

    def add(self, result: FileResult) -> None:
        self.warnings.extend(result.warnings)
        first = self.written.setdefault(result.written, result.source)
        if first != result.source:  # same name, same text: the one facts file stands for both
            self.skipped.append(Skipped(result.source, f"same name and text as {first} (one facts file for both)"))
            return
        self.extracted += 1
        self.characters += result.characters
        self.facts.update(result.counts)
        self.names.add(result.written, result.organizations)

    def line(self) -> str:
        """The one-line summary printed at the end of a run."""
        files = self.extracted + len(self.skipped)
        kinds = ", ".join(f"{self.facts[k]} {k}" for k in ("entities", *FACT_KINDS))
        line = f"{files} files: {self.extracted} extracted, {len(self.skipped)} skipped; facts written: {kinds}"
        if self.resolved:
            line += f"; {self.resolved} files name organisations by their fuller names from other files"
        if self.skipped:
            reasons = Counter(_kind_of(skip.reason) for skip in self.skipped)
            line += " (skipped: " + "; ".join(f"{n} {reason}" for reason, n in reasons.most_common()) + ")"
        if self.warnings:
            line += f"; {len(self.warnings)} read with undecodable bytes replaced"
        if self.stale:
            line += f"; {len(self.stale)} earlier facts files in the output folder have no document in this run"
        return line


def _kind_of(reason: str) -> str:
    """A skip's reason without the names of files, for counting reasons alike."""
    if reason.startswith("same name and text as "):
        return "same name and text as another document"
    if reason.startswith("cannot write "):
        return "facts file not written: " + reason.rpartition(": ")[2]
    return reason


def extract_file(path: Path, out_dir: Path, keep_text: bool, chunk_jobs: int = 1) -> FileResult:
    """Read one document, extract its facts and write them into ``out_dir``.

    A long document is extracted in chunks (kg/extract/chunks.py), on ``chunk_jobs`` processes
    when this runs in the main process (one long file alone), reporting each chunk to the bar."""
    document = read_document(path)
    if len(document.text) > LONG_DOCUMENT:
        facts = _extract_long(document, chunk_jobs)
    else:
        facts = extract_facts(document)
    if facts.document.date and not _DATE.match(facts.document.date):
        facts.document.date = None
    if keep_text:
        facts.document.text = document.text
    target = out_dir / f"{facts.document.id}.yaml"
    try:
        write_facts(facts, target)
    except OSError as exc:  # a full disk: the document is lost to this run, and the run must say so
        raise write_failure(exc, target) from None
    counts = {"entities": len(facts.entities), **{k: len(getattr(facts, k)) for k in FACT_KINDS}}
    organizations = tuple(sorted({e.name for e in facts.entities if KIND_OF_TYPE[e.type] == "org"}))
    return FileResult(path, target, len(document.text), counts, organizations, document.warnings)


LONG_DOCUMENT = 2 * CHUNK_CHARS  # characters past which a document is extracted in chunks


def _extract_long(document: SourceDocument, jobs: int) -> DocumentFacts:
    total = len(document.text)

    def report(characters: int) -> None:
        advance(characters / total)

    if jobs > 1 and not multiprocessing.current_process().daemon:
        with multiprocessing.Pool(jobs) as pool:  # forked after warm_up: the workers share its tables
            return finish_facts(extract_in_chunks(document, extract_facts, functools.partial(pool.imap, chunksize=1),
                                                  report))
    return finish_facts(extract_in_chunks(document, extract_facts, map, report))


def warm_up() -> None:
    """Load everything extraction needs (jieba's dictionary, lexicon, gazetteer, patterns, the table of
    matchable characters) in this process."""
    text = "2021年某市市长质量奖授予某某有限公司。某某有限公司董事长张三。"
    extract_facts(SourceDocument(path=Path("warm-up.txt"), text=text, matchable=matchable_form(text), title=None,
                                 date=None, publisher=None, url=None, encoding="utf-8", sha256=""))
    # Those tables live as long as the process: the garbage collector need not walk them again at each
    # full collection (half its time in extraction), and forked workers leave their pages shared.
    gc.freeze()


def _inputs(paths) -> tuple[list[Path], list[Skipped]]:
    """Every file under ``paths``, and what was passed over (paths that do not exist, hidden folders)."""
    files, passed = walk_inputs(paths)
    return files, [Skipped(path, reason) for path, reason in passed]


def extract_paths(paths, out_dir: Path, jobs: int | None = None, keep_text: bool = False,
                  progress: bool = True) -> ExtractionSummary:
    """Extract every document under ``paths`` into ``out_dir``; every input is accounted for."""
    out_dir = Path(out_dir)
    try:
        out_dir.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise ExtractError(f"cannot create the output folder {out_dir}: {exc.strerror}") from None
    files, missing = _inputs(paths)
    summary = ExtractionSummary(skipped=list(missing))
    warm_up()  # load jieba, the lexicon and the gazetteer once; forked workers share them
    # one file alone is the only one the pool would run: its chunks use the cores instead
    chunk_jobs = (jobs or default_jobs()) if len(files) == 1 else 1
    worker = functools.partial(extract_file, out_dir=out_dir, keep_text=keep_text, chunk_jobs=chunk_jobs)
    for outcome in extract_many(files, worker, jobs=jobs, progress=progress):
        if isinstance(outcome, Processed):
            summary.add(outcome.result)
        else:
            log.info("skipped %s: %s", outcome.path, outcome.reason)  # the CLI prints every skip
            summary.skipped.append(outcome)
    summary.resolved = resolve_across_documents(summary.names)
    summary.names = OrganizationIndex()
    summary.stale = stale_facts_files(out_dir, set(summary.written))
    return summary


_SOURCE_LINE = re.compile(r"(?m)^  source: (.*)$")


def stale_facts_files(out_dir: Path, written: set[Path]) -> list[tuple[Path, str]]:
    """The facts files in ``out_dir`` that this run did not write, each with the source document it names.

    After a document changed (its id hashes its text) or went away, its earlier
    facts file stays; a build from the folder would count it too.
    """
    stale = []
    for path in sorted(out_dir.glob("*.yaml")):
        if path in written:
            continue
        try:
            head = path.read_text(encoding="utf-8", errors="replace")[:4096]
        except OSError:
            head = ""
        source = _SOURCE_LINE.search(head)
        try:
            name = str(_unscalar(source.group(1))) if source else "?"
        except yaml.YAMLError:
            name = source.group(1)
        stale.append((path, name))
    return stale


class OrganizationIndex:
    """The organisation names of all files written, for resolution across documents.

    Registered names (…有限公司) are never renamed, so only the other names
    remember which files use them; files are kept as numbers into one list.
    Each new name is indexed by its shorter forms as the files come in, while
    the workers still extract: the resolution at the end, which no other
    process shares, then only compares the few candidates.
    """

    def __init__(self):
        self.files: list[Path] = []
        self.names: set[str] = set()
        self.files_naming: dict[str, list[int]] = {}
        self.by_variant: dict[str, list[str]] = {}  # a shorter form -> the names that go by it
        self.by_head: dict[str, list[str]] = {}  # a name's first two characters -> the names

    def add(self, path: Path, names) -> None:
        number = len(self.files)
        self.files.append(path)
        legal = Lexicon.default().legal_suffixes
        for name in names:
            if name not in self.names:
                self.names.add(name)
                self._index(name)
            if not name.endswith(legal):
                self.files_naming.setdefault(name, []).append(number)

    def _index(self, name: str) -> None:
        for variant in variants(name):
            self.by_variant.setdefault(variant, []).append(name)
        self.by_head.setdefault(name[:2], []).append(name)


def resolve_across_documents(index: OrganizationIndex) -> int:
    """Rename organisations to the fuller name another document gives them ("宏达集团" -> "宏达科技集团").

    Only where that fuller name is the one candidate: a short name that could
    stand for several organisations named in other files keeps its own name.
    The short name stays as an alias, so the facts that use it still resolve.
    Returns the number of facts files rewritten.
    """
    renames: dict[int, dict[str, str]] = {}
    for name, target in _unambiguous_fuller_names(index).items():
        for number in index.files_naming.get(name, ()):
            renames.setdefault(number, {})[name] = target
    for number, names in renames.items():
        _rename_organizations(index.files[number], names)
    return len(renames)


def _unambiguous_fuller_names(index: OrganizationIndex) -> dict[str, str]:
    """Each short name that abbreviates exactly one fuller name (up to that one's own short forms)."""
    legal = Lexicon.default().legal_suffixes
    by_variant, by_head = index.by_variant, index.by_head
    found = {}
    for name in index.names:
        if name.endswith(legal):
            continue
        candidates = {c for c in by_variant.get(name, []) + by_head.get(name[:2], []) if abbreviates(name, c)}
        fullest = [c for c in candidates if not any(abbreviates(c, other) for other in candidates)]
        if len(fullest) == 1:
            found[name] = fullest[0]
    return found


_ITEM = re.compile(r"(?m)^(?=- )")
_NEXT_SECTION = re.compile(r"(?m)^[a-z_]+:")


def _unscalar(text: str):
    """A scalar or flow list as kg/extract/output.py writes it; its plain scalars read as themselves."""
    if is_plain(text):
        return text
    if text.startswith("[") and text.endswith("]") and '"' not in text:
        items = text[1:-1].split(", ") if len(text) > 2 else []
        if all(is_plain(item) for item in items):
            return items
    return yaml.load(text, Loader=_LOADER)


def _rename_organizations(path: Path, names: dict[str, str]) -> None:
    """Rename organisations in a facts file written by this module, editing its entity lines.

    The file's layout is this module's own (kg/extract/output.py): each entity
    starts "- name: …", then "  type: …", then, if any, "  aliases: […]".
    Reading the whole file as YAML would cost more than extracting it.
    """
    text = path.read_text(encoding="utf-8")
    head, marker, rest = text.partition("\nentities:\n")
    if not marker:
        return
    end = _NEXT_SECTION.search(rest)
    block, tail = (rest[:end.start()], rest[end.start():]) if end else (rest, "")
    items = [item.split("\n") for item in _ITEM.split(block) if item]
    parsed = []
    taken = set()
    for lines in items:
        name = _unscalar(lines[0][len("- name: "):])
        entity_type = lines[1][len("  type: "):]
        aliases_at = 2 if len(lines) > 2 and lines[2].startswith("  aliases: ") else None
        aliases = _unscalar(lines[2][len("  aliases: "):]) if aliases_at else []
        is_org = KIND_OF_TYPE.get(entity_type) == "org"
        if is_org:
            taken.update(normalize_name(n) for n in [name, *aliases])
        parsed.append((lines, name, aliases, aliases_at, is_org))
    for lines, name, aliases, aliases_at, is_org in parsed:
        target = names.get(name)
        if not (is_org and target) or normalize_name(target) in taken:
            continue
        taken.add(normalize_name(target))
        lines[0] = "- name: " + scalar(target)
        renamed_aliases = "  aliases: " + _flow_list([name, *(a for a in aliases if a != target)])
        if aliases_at:
            lines[2] = renamed_aliases
        else:
            lines.insert(2, renamed_aliases)
    block = "".join("\n".join(lines) for lines, *_ in parsed)
    write_file(path, (head + marker + block + tail).encode("utf-8"))  # whole or not at all, on a full disk too


def _flow_list(values) -> str:
    return "[" + ", ".join(scalar(v) for v in values) + "]"
