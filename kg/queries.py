"""Saved SPARQL queries: their comment header, discovery, and running them with bound parameters.

A saved query is a ``.rq`` file whose first lines are a comment header::

    # title: 某实体的获奖历程
    # title_en: The award history of an entity
    # description: Every award the entity won, with its level and year.
    #   A description may go on over indented comment lines.
    # param name (xsd:string): 实体名称或别名 / the entity's name or one of its aliases
    # param year (xsd:gYear, optional): 只看这一年 / only this year

Each parameter is used where a block ``VALUES ?name { UNDEF }`` puts it, first
in the group or subquery that tests it (one block in each such place); the
value is bound as one RDF term in those blocks by ``kg.binding.bind``, written
by the RDF library's term writer, so no value can change what the query asks,
and the planner starts from the constant. An optional parameter left out
stays ``UNDEF`` (unbound): test it with ``COALESCE(?name, fallback)``. The
text is standard SPARQL 1.1, the same for the embedded store, Jena ARQ and
any endpoint. ``run_query`` drops a parameter's column from the answer if a
query projects it, since the caller knows what it passed.

Writing fast saved queries (measured on the cached on-disk store, 1M triples):

- A flat pattern makes one index lookup per solution for each further triple,
  and a lookup on disk costs microseconds. Over a whole class (every
  conferral, every membership) it is far faster to read each property in its
  own subquery, ``{ SELECT ?c ?r WHERE { ?c qgov:recipient ?r } }``: the
  engine scans each once and joins the scans by hashing.
- ORDER BY reads a stored string from disk at every comparison. A key made in
  the query, ``BIND(CONCAT(STR(?label), "\u0001") AS ?key)``, is held in
  memory; the appended character, lower than any in a name, keeps the order.
- Reading a stored string (a label, an IRI for STR()) costs a disk read of
  about 2 µs each time, and handing a row to Python about 5 µs. Count and
  group on IRIs first, then read names for the rows that remain: an entity's
  label joined after its GROUP BY is read once, not once per fact.
- An entity's type name: the contract's classes with their names in a VALUES
  block, ``?node a ?typeNode`` joined to it, is one scan per class; a type
  lookup and ``STRAFTER(STR(?typeNode), "#")`` per row was three times slower.
- MIN and MAX give an unbound result when any row of the group leaves their
  variable unbound: aggregate an optional value in its own subquery, or over a
  number with a sentinel (see award-ladder.rq).
- The planner reorders flat patterns freely: a flat pattern among hashed
  subqueries can make it pick a much worse plan (award-ladder: 1.4 s -> 2.4 s).
  Measure each change (CPU time, several runs: other work on the machine
  moves wall-clock figures by half).
- Which way a flat pattern looks up matters: from a few bound objects (the
  conferrals of the 395 nomination awards, ``?n qgov:nominationFor ?m .
  ?c qgov:award ?n``) it reads index ranges, 12k rows in 7 ms; from a bound
  subject (each conferral's year) it makes a point lookup per row, 5-7 µs each.
  So start a side of a join from its awards when only some awards count
  (award-ladder: ~1.35 s -> ~1.0 s), and hash-join recipients and years.
- A self-join of all conferrals on the recipient makes 137k rows at 1M; every
  further join or BIND over them costs more than the scans it saves (one-pass
  award-ladder: 2.5 s). Join small grouped results instead.
- GROUP_CONCAT of labels reads each label from disk per row (~200 ms over the
  35k conferrals in awards-by-city-level-year); ORDER BY and converting rows
  to Python add ~100 ms each at 20k rows.
- A flat label pattern after a hashed join can make the planner pick a bad
  plan: positions-by-organisation's ``?organisationNode rdfs:label
  ?organisation`` after the types' VALUES join took ~180 ms for 10k
  organisations, hashed in its own subquery ~70 ms (the query 600 -> 460 ms).
- Start a subquery from its rarest property. ``?a rdfs:label ?n ; qgov:level
  ?l`` scanned the 25k labels and looked up a level for each (~190 ms); the
  790 levels in their own subquery, then their labels: 7 ms.
- A parameter's VALUES block can sit inside a subquery, so an optional
  parameter can be tested where the rows are fewest:
  awards-by-city-level-year tests its level once per award, not once per
  conferral (~120 ms at 1M; tests/test_query_parameter_scopes.py).
- ``OPTIONAL { VALUES (?x ?name) {...} }`` with ?x unbound on the left joins
  every row of the VALUES: match such a table with a FILTER on ?x instead.
- Make a sort key once per entity, not once per row: awards-by-city-level-year
  makes a place's name and key in a subquery over the places (hundreds) and an
  award's key beside its name (~10% of its time at 1M).
- Derived relations (kg/derive.py) are materialised when a store is filled:
  firms-with-provincial-and-mayor-awards found the organisations honoured
  through a person's award by one scan of ``qgov:honours`` instead of a
  union of three joins (~8% less CPU at 1M; since the fifth round it reads
  ``qgov:honouredWith``, and no saved query reads ``qgov:honours``). Reading ``qgov:recipientPlace``
  per conferral in awards-by-city-level-year was no faster than working the
  place out once per recipient (1.13 s against 1.11 s CPU), so it stays.
- Relations at a coarser grain than the conferral pay where a query kept working
  them out per conferral: award-ladder's level steps read each recipient's first
  year at each level (``qgov:firstCountyAwardYear`` … ``qgov:firstNationalAwardYear``)
  and the awards of that year (``qgov:firstAwardAtLevel``), ~23k triples at 1M,
  instead of three passes over the 35k conferrals (a grouped pass for the first
  years, one for each end): that branch ~420 -> ~100 ms, the query 812 -> 460 ms
  (CPU 804 -> 461) side by side (issue 13's fourth round). The query still works
  out which lower level is the next one reached, compares the years and pairs the
  awards; deriving costs ~0.4 s more at 1M.
- Make a sort key in the query only for the leading sort column, and once per
  entity where that adds no rows: firms-with-provincial-and-mayor-awards makes its
  firm's key beside the firm's name (4.9k firms, before the grouping) and sorts
  awards and people on their names, compared only on ties (~8% less CPU at 1M). A
  key per row is a string read, a lookup in the store and an insertion each.
- Sort the fewest rows that fix the order: repeat-winners sorts the ~9k (award,
  year) pairs, with their texts made once each, and joins the 35k conferrals to
  them by hashing, which keeps the sorted side's order (the grouping keeps it
  within each recipient), instead of sorting the conferrals (~4% less CPU at 1M).
- Most of what remains is the engine's own work per row and per join (hash
  tables of tuples allocated and freed; a profile shows no single hot spot):
  at 1M, reading the conferrals' award, recipient and year and joining them
  costs ~120 ms, and every further join over the 35k conferrals ~30-50 ms.
  An in-memory store is no faster for these queries, and flat patterns run
  there for minutes.
- Tried without gain at 1M: award-ladder's level steps from one pass with
  both ends as rows of a role (GROUP_CONCAT per role: slower than the two end
  subqueries); awards-by-city-level-year counting without DISTINCT, or grouping
  on award IRIs with the names joined after; names made in memory (``CONCAT(?label)``) for
  GROUP_CONCAT; the city test inside the recipients' subquery; award-ladder's
  recipient names hashed, per branch or after a DISTINCT subquery; its ends
  looked up from the candidates' recipients by flat patterns (1.1 -> 1.8 s);
  its years compared as xsd:gYear without integer casts. Leaving out its
  recipient names made the planner pick a plan 50% slower; its level steps
  from one pass grouped by recipient, rank and year (first year and award
  names as one string per rank): 1.2 s against 1.1 s.
- Other engines and set-ups, tried on the same 1M graph: pyoxigraph 0.4.11
  did not finish award-ladder five times in 15 minutes (0.5.13: ~1 s each);
  maplib 0.20 (a Polars-based SPARQL engine) took 3.1 s for it; jemalloc or
  mimalloc in place of glibc's malloc (LD_PRELOAD) changed nothing beyond noise.
  The engine's per-row work per join, not the allocator or the store, is what
  these queries spend their time on.
- A profile (perf, 1M, positions-by-organisation) spreads the time thinly:
  malloc and free ~20%, building, probing and dropping the hash joins' tuple
  sets ~20%, RocksDB reads ~15%, expressions a few percent each. At 1M, the
  conferrals' recipient, award and year read and hash-joined cost ~80 ms;
  repeat-winners' three BINDs per conferral ~70 ms, its ORDER BY of the 35k
  conferrals ~90 ms and its grouping ~80 ms.
- Materialised relations measured and not kept, since they did not pay (the
  derived graph holds only what a saved query reads): each conferral's level
  rank and year as an integer for award-ladder (~5%, within the noise); an
  entity's place (its own city, an organisation's, a person's employer's) read
  once per recipient in awards-by-city-level-year (4-11%) and per
  organisation in positions-by-organisation (no gain); each entity's rank in
  the order of all names, to sort on integers instead of string keys
  (awards-by-city-level-year: slower).
- Tried in the third round (issue 13) without gain at 1M, CPU time within the
  noise or worse: the other flat label patterns hashed (firms' organisation
  names, awards-by-city-level-year's award and place names, repeat-winners'
  recipient names and types as flat patterns); in-memory names appended with
  "\u0001" for the short strings GROUP_CONCAT lists (awards-by-city-level-year's
  recipients, firms' roles, repeat-winners' awards with their years); the sort
  keys of positions-by-organisation made once per organisation, role and
  person inside the subqueries (more grouping keys: ~10% slower); one combined
  key for repeat-winners' inner ORDER BY (slower); awards ordered by an
  integer (their names' order given as a VALUES table, to measure what a
  materialised key could give: 3-8%, within the noise); firms' conferrals and
  memberships looked up from its organisations by flat patterns, or its
  conferrals from the awards of the two kinds (~40% more CPU); the derived
  graph read through ``use_default_graph_as_union``, a ``default_graph`` list or
  ``named_graphs`` instead of GRAPH (no difference). pyoxigraph 0.5.13 is the
  newest on PyPI, and its Python binding has no query explanation
  (``explain_query``) to show plans.
- Tried in the fourth round (issue 13) without gain at 1M: positions-by-organisation
  sorting roles and people on their names instead of keys made per row (CPU 408-417
  against 403-419 ms); awards-by-city-level-year reading the derived
  ``qgov:recipientPlace`` per conferral again, with the recipients' names in a hashed
  subquery (CPU ~705 against ~668 ms: slower, as in the third round).
- The fifth round (issue 13), side by side with main 0a7f9dc at 1M in two runs of
  three rounds on a busy machine: awards-by-city-level-year 650-669 against 732-765 ms
  (~-12%), firms-with-provincial-and-mayor-awards 458-468 against 496-532 (~-10%, now
  under 0.5 s), repeat-winners 511-515 against 519-546 (~-4%, still over). What paid:
  two relations at a coarser grain than the conferral. ``qgov:awardeePlace``, a
  recipient's city once per recipient (12.6k triples at 1M), in place of working it out
  through the positions in awards-by-city-level-year (~5%); ``qgov:honouredWith``, the
  awards that honour an organisation once per organisation and award (26k), from which
  firms finds the organisations with both kinds instead of joining the 35k conferrals'
  honours and awards (~6%). repeat-winners crosses every award with every year given (and
  none) instead of joining the conferrals' awards and years to find the real pairs: a pair
  no conferral has joins nothing. awards-by-city-level-year reads its recipients' names
  from every label without a DISTINCT over the conferrals first, projects its parameters
  from the outer query so that its grouping has three keys fewer, and tests year and city
  with BOUND instead of COALESCE per row (~3% together, at the edge of the noise).
- Where awards-by-city-level-year's ~650 ms go (CPU at 1M, measured by taking parts
  away): the conferrals' recipient, award and year joined ~75 ms, the awards' and
  recipients' details joined ~100, the grouping ~65, GROUP_CONCAT of the recipients'
  names ~150, sorting the 20.8k rows 50-100 (whatever the keys: integer keys from a table
  in the query text saved ~40), reading out the answer's strings ~70 and making Python
  rows ~50. Every aggregate but COUNT turns each value into a string or number first
  (``SAMPLE(?conferral)`` over 35k rows: +140 ms; ``SAMPLE`` of a short name, held in the
  term itself: +20 ms), and a string made in the query that equals a stored one is never
  held in memory: reading it back reads the store each time, so the names that
  GROUP_CONCAT lists cost a store read per row, and their list a store lookup once made
  and once read out. The goal needs about a quarter less; what is left is the engine's
  work per row.
- Tried in the fifth round without gain at 1M (CPU, interleaved runs in one process):
  awards-by-city-level-year's conferrals looked up from the awards' subquery by a flat
  ``?conferral qgov:award ?awardNode`` (851 against 755 ms); its awards from
  ``?awardNode a qgov:Award`` instead of a DISTINCT over the conferrals (~1%, and it
  would count on every award being typed); its levels sorted by an integer (~2%, and it
  would count on the four levels); firms' roles listed per person and organisation before
  the join, its rows made unique by DISTINCT instead of grouped (498 against 485 ms);
  firms sorted first on the first five characters of the firm's key, short enough to be
  held in the term itself (no gain: sorting costs the same whatever the keys);
  repeat-winners' first- and last-year strings made once per (award, year) pair instead
  of once per conferral (no gain); its pairs put in order by joining ordered years to
  ordered awards, without an ORDER BY (the engine gives them award by award, newest year
  first: a different list); the award's text and its space made once per award for the
  pairs' texts (~2-6%, within the noise).
- ``python bench/query_bench.py`` puts bench/ first on sys.path, not the working
  directory: without ``PYTHONPATH=.`` it imports the installed kg, which may be
  another checkout's.
- Python's side is small: turning the engine's rows into lists takes 30-130
  ms of the large answers (20k rows), the same whether a row is read by index
  or as ``list(solution)``; the store in memory instead of on disk is within
  ±15%. GROUP_CONCAT of strings the store holds reads each from disk, once per
  row; a string made in the query that equals a stored one is read from disk
  too. entities-in-several-documents makes each title in memory once per
  document with "\u0001" appended, concatenates those, and takes the character
  out of the list with REPLACE: the same answer, 530 -> 380 ms at 1M. (The same
  for awards-by-city-level-year's recipient names: no gain; names are short.)
"""
from __future__ import annotations

import gc
import re
import threading
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from typing import Callable, Mapping

import pyoxigraph as ox

from kg import resources
from kg.binding import bind
from kg.derive import has_stated_named_graphs
from kg.errors import QkgError
from kg.namespace import AWARD_LEVELS, PREFIXES, XSD
from kg.names import NAME_TYPES, resolve_parameters
from kg.store import DamagedStore, is_damage
from kg.vocab import UnknownValue, award_level_key


class QueryError(QkgError):
    """A query cannot be found, read or run as asked."""


class UnknownQuery(QueryError):
    """No saved query has that name and no file has that path."""


class ParameterError(QueryError):
    """A parameter is missing, unknown, or has a value of the wrong type."""


class QueryFileError(QueryError):
    """A query file's header or SPARQL text is malformed."""


class RemoteServiceRefused(QueryError):
    """A query calls a remote endpoint (SERVICE) and the user did not allow it."""


def _string(value: str) -> ox.Literal:
    return ox.Literal(value)


def _chinese_name(value: str) -> ox.Literal:
    # Labels and aliases are tagged @zh (the contract): a tagged value lets the engine use its
    # index instead of comparing every label's STR(), which at a million triples is the difference
    # between milliseconds and seconds.
    return ox.Literal(value, language="zh")


def _year(value: str) -> ox.Literal:
    if not re.fullmatch(r"\d{4}", value):
        raise ValueError("a four-digit year")
    return ox.Literal(value, datatype=ox.NamedNode(str(XSD.gYear)))


def _integer(value: str) -> ox.Literal:
    if not re.fullmatch(r"[+-]?\d+", value):
        raise ValueError("an integer")
    return ox.Literal(str(int(value)), datatype=ox.NamedNode(str(XSD.integer)))


def _award_level(value: str) -> ox.NamedNode:
    try:  # 省级, provincial and ProvincialLevel alike
        return ox.NamedNode(str(AWARD_LEVELS[award_level_key(value)]))
    except UnknownValue as exc:
        raise ValueError(str(exc)) from None


def _iri(value: str) -> ox.NamedNode:
    if not re.fullmatch(r"[A-Za-z][A-Za-z0-9+.-]*:[^\s<>\"{}|\\^`]*", value):
        raise ValueError("an absolute IRI")
    return ox.NamedNode(value)


# The RDF type a header may give a parameter -> how a command-line value becomes a term.
PARAMETER_TYPES: dict[str, Callable[[str], ox.NamedNode | ox.Literal]] = {
    "xsd:string": _string,
    "rdf:langString": _chinese_name,
    "xsd:gYear": _year,
    "xsd:integer": _integer,
    "qgov:AwardLevel": _award_level,
    "rdfs:Resource": _iri,
    # An entity given by name: kg.names resolves the name to the entity's IRI before it is bound.
    **{name_type: _iri for name_type in NAME_TYPES},
}


@dataclass(frozen=True)
class Parameter:
    name: str
    type: str
    meaning: str
    required: bool = True

    def term(self, value: str) -> ox.NamedNode | ox.Literal:
        try:
            return PARAMETER_TYPES[self.type](value)
        except ValueError as exc:
            raise ParameterError(f"parameter {self.name!r} must be {exc}, not {_shorten(value)!r}") from None


@dataclass(frozen=True)
class SavedQuery:
    name: str
    title_zh: str
    title_en: str
    description: str
    parameters: tuple[Parameter, ...] = field(default=())
    text: str = ""
    path: Path | None = None
    shipped: bool = False  # one of the saved queries that come with qkg

    def parameter(self, name: str) -> Parameter | None:
        return next((p for p in self.parameters if p.name == name), None)

    def bindings(self, values: Mapping[str, str]) -> dict[str, ox.NamedNode | ox.Literal]:
        """Each given parameter's term, from the command-line ``values``; a one-line error for any mistake."""
        self.check(values)
        return {name: self.parameter(name).term(value) for name, value in values.items()}

    def check(self, values: Mapping[str, str]) -> None:
        """A one-line error for an unknown parameter or a missing one."""
        for name in values:
            if self.parameter(name) is None:
                known = ", ".join(p.name for p in self.parameters) or "none"
                raise ParameterError(f"query {self.name!r} has no parameter {_shorten(name)!r} (parameters: {known})")
        missing = [p.name for p in self.parameters if p.required and p.name not in values]
        if missing:
            raise ParameterError(f"query {self.name!r} needs --param {missing[0]}=VALUE")


def _shorten(text: str, limit: int = 40) -> str:
    return text if len(text) <= limit else text[: limit - 1] + "…"


_HEADER_KEYS = {"title", "title_en", "description"}
_PARAM = re.compile(
    r"param\s+(?P<name>[A-Za-z_][A-Za-z0-9_]*)\s*"
    r"\(\s*(?P<type>[\w:]+)\s*(?:,\s*(?P<need>required|optional)\s*)?\)\s*:\s*(?P<meaning>.+)"
)
_KEY = re.compile(r"(?P<key>[a-z_]+)\s*:\s*(?P<value>.*)")


def parse_query_file(path: Path, saved: bool = False) -> SavedQuery:
    """Read a ``.rq`` file and its comment header (which a saved query must give in full)."""
    try:
        text = Path(path).read_text(encoding="utf-8-sig")
    except FileNotFoundError:
        raise UnknownQuery(f"no query file at {path}") from None
    except (OSError, UnicodeDecodeError) as exc:
        raise QueryFileError(f"{path}: cannot read the query file ({exc})") from None
    return parse_query_text(text, Path(path).stem, path, saved)


def parse_query_text(text: str, name: str, path: Path | None = None, saved: bool = False) -> SavedQuery:
    where = str(path or name)
    fields: dict[str, str] = {}
    parameters: list[Parameter] = []
    last: str | None = None
    for number, line in enumerate(text.splitlines(), start=1):
        stripped = line.strip()
        if not stripped:
            continue
        if not stripped.startswith("#"):
            break  # the header ends where the query begins
        body = stripped[1:]
        content = body.strip()
        if not content:
            continue
        if last and body.startswith("  "):
            fields[last] += " " + content  # an indented continuation line
            continue
        match = _KEY.fullmatch(content)
        if content.startswith("param ") or content.startswith("param\t"):
            param = _PARAM.fullmatch(content)
            if not param:
                raise QueryFileError(f"{where}:{number}: malformed parameter line (want: param NAME (TYPE[, optional]): meaning)")
            if param["type"] not in PARAMETER_TYPES:
                known = ", ".join(PARAMETER_TYPES)
                raise QueryFileError(f"{where}:{number}: unknown parameter type {param['type']!r} (known: {known})")
            if any(p.name == param["name"] for p in parameters):
                raise QueryFileError(f"{where}:{number}: parameter {param['name']!r} declared twice")
            parameters.append(Parameter(param["name"], param["type"], param["meaning"].strip(), param["need"] != "optional"))
            last = None
        elif match and match["key"] in _HEADER_KEYS:
            fields[match["key"]] = match["value"].strip()
            last = match["key"]
        else:
            last = None  # an ordinary comment
    for parameter in parameters:
        if not re.search(rf"[?$]{parameter.name}\b", text):
            raise QueryFileError(f"{where}: parameter {parameter.name!r} is declared but the query never uses ?{parameter.name}")
    if saved:
        missing = sorted(_HEADER_KEYS - fields.keys())
        if missing:
            raise QueryFileError(f"{where}: the header lacks {', '.join(missing)}")
    return SavedQuery(
        name=name,
        title_zh=fields.get("title", ""),
        title_en=fields.get("title_en", ""),
        description=fields.get("description", ""),
        parameters=tuple(parameters),
        text=text,
        path=Path(path) if path is not None else None,
        shipped=saved,
    )


def saved_query_files(directory: Path | None = None) -> list[Path]:
    return sorted(Path(directory or resources.queries_dir()).glob("*.rq"))


def saved_queries(directory: Path | None = None) -> list[SavedQuery]:
    """Every saved query that ships with qkg, by name."""
    return [parse_query_file(path, saved=True) for path in saved_query_files(directory)]


def find_query(name_or_file: str, directory: Path | None = None) -> SavedQuery:
    """A saved query by name (its file name without ``.rq``), or a query file by path."""
    saved_path = Path(directory or resources.queries_dir()) / f"{name_or_file}.rq"
    if re.fullmatch(r"[a-z0-9][a-z0-9-]*", name_or_file) and saved_path.is_file():
        return parse_query_file(saved_path, saved=True)
    candidate = Path(name_or_file)
    if candidate.suffix == ".rq" or candidate.is_file():
        return parse_query_file(candidate)
    known = ", ".join(path.stem for path in saved_query_files(directory))
    raise UnknownQuery(f"no saved query named {_shorten(name_or_file)!r} (saved queries: {known})")


@dataclass
class QueryResult:
    """A SELECT query's answer: the variables and one row of terms (None where unbound) per solution."""

    variables: list[str]
    rows: list[list[ox.NamedNode | ox.BlankNode | ox.Literal | None]]


_ENGINE_PREFIXES = {prefix: str(namespace) for prefix, namespace in PREFIXES.items()}


def calls_service(text: str) -> bool:
    """Does the SPARQL ``text`` call a remote endpoint (a SERVICE pattern)?

    Read with rdflib's SPARQL parser; a query it cannot read (Oxigraph reads
    more SPARQL than rdflib) counts as calling one when the word SERVICE
    appears in it at all.
    """
    from rdflib.plugins.sparql.parser import parseQuery

    try:
        tree = parseQuery(text)
    except Exception:  # noqa: BLE001 - pyparsing's errors, and whatever else rdflib raises on a query it cannot read
        return re.search(r"(?i)\bservice\b", text) is not None
    return _has_service(tree)


def _has_service(node) -> bool:
    if getattr(node, "name", None) == "ServiceGraphPattern":
        return True
    if isinstance(node, str):
        return False
    if isinstance(node, dict):
        return any(_has_service(value) for value in node.values())
    if isinstance(node, (list, tuple)) or hasattr(node, "asList"):
        return any(_has_service(item) for item in node)
    return False


def bound_text(query: SavedQuery, values: Mapping[str, str] | None = None) -> str:
    """The query's text with ``values`` bound as constants (kg.binding), for any engine."""
    return bind(query.text, query.bindings(values or {}))


def run_query(store: ox.Store, query: SavedQuery, values: Mapping[str, str] | None = None, *,
              allow_service: bool = False) -> QueryResult:
    """Run ``query`` on ``store`` with ``values`` bound to its parameters.

    A query that is not one of qkg's own and calls a remote endpoint (SERVICE)
    is refused unless ``allow_service``. The engine works in a thread of its
    own while this one waits, so that Ctrl-C stops the wait at once (Python
    handles a signal only in the main thread, and only between its own steps).
    """
    query.check(values or {})
    text = bound_text(query, resolve_parameters(store, query, values or {}))
    if not allow_service and not query.shipped and calls_service(query.text):
        raise RemoteServiceRefused(f"{query.path or query.name}: the query calls a remote endpoint (SERVICE); "
                                   f"run it with --allow-service to let it")
    return _waiting_for(lambda: _evaluate(store, query, text))


def _waiting_for(work: Callable[[], "QueryResult"]) -> "QueryResult":
    """``work()`` run in a daemon thread; this thread waits, and a KeyboardInterrupt leaves it at once."""
    outcome: dict[str, object] = {}

    def run() -> None:
        try:
            outcome["value"] = work()
        except BaseException as exc:  # handed to the waiting thread, which raises it
            outcome["error"] = exc

    worker = threading.Thread(target=run, name="qkg-query", daemon=True)
    worker.start()
    while worker.is_alive():
        worker.join(0.1)
    if "error" in outcome:
        raise outcome["error"]
    return outcome["value"]


def _evaluate(store: ox.Store, query: SavedQuery, text: str) -> QueryResult:
    # The data may sit in named graphs (TriG, N-Quads): the query sees their union. With no named
    # graph the union is the default graph itself, which the engine reads a little faster (3-15%).
    has_named_graphs = has_stated_named_graphs(store)
    try:
        solutions = store.query(text, prefixes=_ENGINE_PREFIXES, use_default_graph_as_union=has_named_graphs)
    except SyntaxError as exc:
        raise QueryFileError(f"{query.path or query.name}: not a valid SPARQL query: {_first_line(exc)}") from None
    except (OSError, RuntimeError) as exc:  # e.g. a parameter missing from the SELECT projection
        _raise_if_damaged(exc)
        raise QueryFileError(f"{query.path or query.name}: {_first_line(exc)}") from None
    if not isinstance(solutions, ox.QuerySolutions):
        raise QueryError(f"{query.path or query.name}: only SELECT queries can be run (this one is ASK, CONSTRUCT or DESCRIBE)")
    parameter_names = {p.name for p in query.parameters}
    kept = [(index, v.value) for index, v in enumerate(solutions.variables) if v.value not in parameter_names]
    failure = None
    try:
        with _collector_paused():
            rows = [[solution[index] for index, _ in kept] for solution in solutions]
    except (OSError, RuntimeError) as exc:
        failure = exc.__class__(str(exc))  # a copy without the traceback, which holds the engine's iterator
    # Dropped here: the engine's iterator must not be dropped in another thread (the waiting one).
    del solutions
    if failure is not None:
        _raise_if_damaged(failure)
        raise QueryError(f"{query.path or query.name}: the query failed: {_first_line(failure)}")
    return QueryResult(variables=[name for _, name in kept], rows=rows)


def _raise_if_damaged(exc: Exception) -> None:
    if is_damage(exc):
        raise DamagedStore(_first_line(exc)) from None


@contextmanager
def _collector_paused():
    """Pause Python's cycle collector while rows are made: 20k rows of terms set it off hundreds of
    times, each pass walking every object the process holds (5-10% of a large answer's time at 1M
    triples), and rows of terms make no cycles for it to find."""
    was_enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was_enabled:
            gc.enable()


def _first_line(exc: Exception) -> str:
    return str(exc).splitlines()[0] if str(exc) else type(exc).__name__


def describe(saved: list[SavedQuery]) -> str:
    """A listing of saved queries for people: name, titles, description and parameters."""
    blocks = []
    for query in saved:
        lines = [f"{query.name}", f"    {query.title_zh} / {query.title_en}"]
        if query.description:
            lines.append(f"    {query.description}")
        for parameter in query.parameters:
            need = "" if parameter.required else ", optional"
            lines.append(f"    --param {parameter.name}=… ({parameter.type}{need}): {parameter.meaning}")
        blocks.append("\n".join(lines))
    return "\n\n".join(blocks) + "\n"
