"""The `qkg` command line: a thin layer over the library.

Each command parses its options, calls the library, and prints. Library
errors (``QkgError``) become one-line messages on stderr with exit status 1;
misused options are click usage errors (exit status 2).
"""
from __future__ import annotations

import logging
import os
import sys
from pathlib import Path

import click

from kg import __version__
from kg.cli_i18n import LocalizedGroup, current_language, reports_errors
from kg.errors import write_failure
from kg.i18n import summary_lines, word


def echo_output(data: bytes) -> None:
    """Write a command's answer to standard output; a full disk or a closed pipe is a one-line error.

    Whatever stayed in the stream's buffer is dropped, so that Python's flush
    at exit does not fail again with a traceback of its own.
    """
    try:
        click.echo(data, nl=False)
        sys.stdout.flush()
    except OSError as exc:
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
        os.close(devnull)
        raise write_failure(exc, "standard output") from None


@click.group(cls=LocalizedGroup)
@click.version_option(__version__, prog_name="qkg")
@click.option("-v", "--verbose", is_flag=True, help="Log what the library does to stderr.")
def cli(verbose: bool) -> None:
    """qkg: a knowledge graph of Chinese quality-governance entities.

    \b
    qkg build                      build the embedded default into exports/
    qkg validate exports/qgov.ttl  check a graph against the shapes
    qkg info                       the graph in use: where, when built, its counts
    """
    logging.basicConfig(level=logging.INFO if verbose else logging.WARNING, format="%(levelname)s %(name)s: %(message)s")


@cli.command()
@click.option("--facts", "facts", multiple=True, type=click.Path(path_type=Path),
              help="A facts file or folder (repeatable). Default: the curated facts that ship with qkg.")
@click.option("--out", type=click.Path(file_okay=False, path_type=Path),
              help="Folder to write the exports into. Default: $QKG_HOME/exports, else exports/.")
@click.option("--no-validate", is_flag=True, help="Skip the SHACL check (not recommended).")
@click.option("--force", is_flag=True,
              help="Write into a folder that is not an earlier export (its other files are kept).")
@click.option("--progress/--no-progress", default=True,
              help="Show the steps as they run, on a terminal (never when stderr is piped).")
@reports_errors
def build(facts: tuple[Path, ...], out: Path | None, no_validate: bool, force: bool, progress: bool) -> None:
    """Build the knowledge graph from facts files and write the exports.

    \b
    Writes OUT/qgov.ttl, qgov.nt, qgov.jsonld, qgov.trig (one named graph per
    source document), the analytics and OUT/graph.html. Nothing is written
    when the facts are wrong or the graph violates the shapes. The new files
    replace the old all at once. OUT must be new, empty or an earlier export
    (--force for another folder), and never a folder that holds the facts.
    With no --out, writes $QKG_HOME/exports, else exports/ here, which then
    becomes your default graph from any folder (see qkg info).

    \b
    Examples:
      qkg build
      qkg build --facts my-facts/ --out my-exports/
    """
    from kg import home
    from kg.pipeline import build_exports
    from kg.progress import StepProgress

    default_place = out is None
    out = home.default_exports() if default_place else out
    with StepProgress(enabled=progress, lang=current_language()):
        result = build_exports(facts or None, out, validate=not no_validate, force=force)
    if default_place:
        home.remember_build(out)  # later commands find this graph from any folder
    for line in summary_lines(result.summary, current_language()):
        click.echo(line)
    click.echo(word("wrote {count} files into {out}", current_language()).format(count=len(result.written), out=out))


@cli.command()
@click.argument("file", type=click.Path(dir_okay=False, path_type=Path), required=False)
@reports_errors
def validate(file: Path | None) -> None:
    """Check a graph file against the SHACL shapes (ontology/shapes.ttl).

    \b
    FILE is Turtle (.ttl), N-Triples (.nt), TriG (.trig), N-Quads (.nq) or
    JSON-LD (.jsonld); default the graph in use (qkg info). Prints "valid: N triples",
    or every violation on a line of its own and exits with status 1.

    \b
    Examples:
      qkg validate
      qkg validate my-exports/qgov.trig
    """
    from kg.errors import GraphInvalid
    from kg.home import graph_location
    from kg.validate import validate_file

    graph, results = validate_file(graph_location(file).path)
    for result in results:
        click.echo(str(result))
    violations = [result for result in results if result.is_violation]
    if violations:
        raise GraphInvalid(violations)
    click.echo(f"valid: {len(graph)} triples")


def _parameter_values(pairs: tuple[str, ...]) -> dict[str, str]:
    values: dict[str, str] = {}
    for pair in pairs:
        name, sep, value = pair.partition("=")
        if not sep or not name:
            raise click.UsageError(f"--param wants NAME=VALUE, not {pair[:40]!r}")
        if name in values:
            raise click.UsageError(f"--param {name} given twice")
        values[name] = value
    return values


@cli.command()
@click.argument("name_or_file", required=False)
@click.option("--param", "-p", "params", multiple=True, metavar="NAME=VALUE",
              help="A value for one of the query's parameters (repeatable).")
@click.option("--format", "fmt", type=click.Choice(["table", "csv", "json", "xlsx"]), default="table", show_default=True,
              help="csv is UTF-8 with a BOM (opens in Excel); json is SPARQL 1.1 JSON results; xlsx an Excel workbook.")
@click.option("--columns", metavar="A,B,…", help="Only these columns, comma-separated (names or their headers).")
@click.option("--out", type=click.Path(dir_okay=False, path_type=Path),
              help="Write the answer to this file (whole or not at all) instead of standard output.")
@click.option("--data", type=click.Path(dir_okay=False, path_type=Path),
              help="The graph file to query. Default: the graph in use (see qkg info).")
@click.option("--list", "list_queries", is_flag=True, help="List the saved queries and their parameters.")
@click.option("--allow-service", is_flag=True,
              help="Let a query file call remote endpoints (SERVICE <…>); refused without it.")
@click.option("--endpoint", metavar="URL", help="Run it on this SPARQL 1.1 endpoint instead of the graph file.")
@reports_errors
def query(name_or_file: str | None, params: tuple[str, ...], fmt: str, columns: str | None, out: Path | None,
          data: Path | None, list_queries: bool, allow_service: bool, endpoint: str | None) -> None:
    """Run a saved query (by name) or a SPARQL query file on the graph.

    \b
    A name parameter takes an entity's name, an alias, or a part of one that
    names one entity only (上上电缆); several matches are listed and refused,
    and a name that matches nothing is an error, not an empty answer.
    Parameters are bound as RDF terms by the engine, never pasted into the
    query. The graph file is parsed once into a cached store
    ($QKG_CACHE_DIR, else the user's cache folder), so later queries start at once.
    A query file that calls a remote endpoint (SERVICE) runs only with
    --allow-service. Ctrl-C stops a query at once.

    \b
    On a terminal, a table fits the window (long cells end in …; choose
    columns with --columns); piped or saved, it is complete.

    \b
    Examples:
      qkg query --list
      qkg query award-history --param name=上上电缆
      qkg query awards-by-city-level-year -p city=常州 -p level=省级 --format csv > awards.csv
      qkg query repeat-winners --format xlsx --out winners.xlsx
      qkg query my-question.rq --data other/qgov.ttl --format json
      qkg query repeat-winners --endpoint http://localhost:7878/query
    """
    from kg import answers, queries, store
    from kg.home import graph_location

    if list_queries:
        click.echo(queries.describe(queries.saved_queries()), nl=False)
        return
    if not name_or_file:
        raise click.UsageError("give a saved query's name or a query file (see qkg query --list)")
    if fmt in answers.BINARY_FORMATS and out is None and _terminal_width() is not None:
        raise click.UsageError(f"--format {fmt} writes a file: give --out FILE, or redirect the output")
    values = _parameter_values(params)
    saved = queries.find_query(name_or_file)
    if endpoint:
        from kg.remote import query_endpoint

        answer = query_endpoint(endpoint, saved, values)
    else:
        answer = store.with_store(graph_location(data).path,
                                  lambda graph: queries.run_query(graph, saved, values, allow_service=allow_service))
    width = _terminal_width() if out is None else None
    content = answers.answer_bytes(answer, fmt, lang=current_language(), width=width, title=saved.name,
                                   columns=columns.split(",") if columns else None)
    if out is not None:
        answers.save(out, content)
    else:
        # Bytes, so that the BOM and Chinese text survive whatever the terminal's encoding is.
        echo_output(content)


def _terminal_width() -> int | None:
    """The terminal's width when standard output is one; None when it is piped or redirected."""
    import shutil

    if not sys.stdout.isatty():
        return None
    return shutil.get_terminal_size().columns


@cli.command()
@click.option("--out", required=True, type=click.Path(dir_okay=False, path_type=Path), help="The HTML file to write.")
@click.option("--facts", "facts", multiple=True, type=click.Path(path_type=Path),
              help="A facts file or folder (repeatable). Default: the curated facts that ship with qkg.")
@click.option("--city", metavar="NAME", help="Only this city: its entities, and awards and programs they touch.")
@click.option("--type", "types", multiple=True, metavar="TYPE",
              help="Only entities of this type (repeatable): Enterprise, City, Award, … or 企业, 城市, 奖项, …")
@click.option("--from-year", type=int, metavar="YEAR", help="Hide dated facts, regulations and events before YEAR.")
@click.option("--to-year", type=int, metavar="YEAR", help="Hide dated facts, regulations and events after YEAR.")
@click.option("--around", metavar="NAME", help="Only the neighbourhood of this entity (name or alias).")
@click.option("--depth", type=click.IntRange(min=0), default=1, show_default=True, help="How many steps --around reaches.")
@click.option("--sources", type=click.Path(file_okay=False, exists=True, path_type=Path),
              help="The folder of the source documents: each fact then shows the sentence it comes from.")
@reports_errors
def viz(out: Path, facts: tuple[Path, ...], city: str | None, types: tuple[str, ...], from_year: int | None,
        to_year: int | None, around: str | None, depth: int, sources: Path | None) -> None:
    """Write an interactive page of the graph, or of a focused part of it.

    \b
    The page is one HTML file that needs no network: open it in any browser.
    `qkg build` writes the page of the whole graph to exports/graph.html.

    \b
    Examples:
      qkg viz --out changzhou.html --city 常州市
      qkg viz --out awards.html --type Enterprise --type Award --from-year 2018 --to-year 2021
      qkg viz --out zhongtian.html --around 中天科技集团 --depth 2
      qkg viz --out graph.html --sources ../shared/corpus
    """
    from kg.pipeline import build_graph
    from kg.viz.focus import Focus, entity_type
    from kg.viz.page import write_graph_page

    spec = Focus(city=city, types=tuple(entity_type(t) for t in types), from_year=from_year, to_year=to_year,
                 around=around, depth=depth)
    shown = write_graph_page(build_graph(facts or None), out, spec, sources=sources)
    click.echo(f"wrote {out} ({len(shown.nodes)} entities, {len(shown.edges)} relations)")
    if sources is not None:
        quoted = shown.quoted
        click.echo(f"{quoted.spans} facts quoted from {len(quoted.documents)} documents in {sources}")
        for skipped in quoted.skipped:
            click.echo(f"not quoted: {skipped}", err=True)


@cli.command()
@click.option("--data", type=click.Path(dir_okay=False, path_type=Path),
              help="The graph file to analyse. Default: the graph in use (see qkg info).")
@click.option("--out", type=click.Path(file_okay=False, path_type=Path), default=Path("exports"), show_default=True,
              help="Folder to write the analytics into.")
@click.option("--force", is_flag=True,
              help="Write into a folder that is not an earlier export (its other files are kept).")
@click.option("--xlsx", is_flag=True, help="Also write OUT/analytics.xlsx: the tables as sheets of one Excel workbook.")
@reports_errors
def analyze(data: Path | None, out: Path, force: bool, xlsx: bool) -> None:
    """Analyse the graph with networkx and write the results (qkg build does this too).

    \b
    Writes OUT/analytics.ttl (scores, communities and firm links as RDF),
    OUT/analytics/*.csv (centrality, communities, components, firm network,
    award ladders; UTF-8 with BOM), OUT/analytics/report.md, and the network
    as OUT/qgov.graphml and OUT/qgov.gexf for Gephi and Cytoscape.

    \b
    Examples:
      qkg analyze
      qkg analyze --data other/qgov.ttl --out other/ --xlsx
    """
    from kg.analytics import analytics_files, analyse
    from kg.analytics.network import store_triples
    from kg.home import graph_location
    from kg.staging import StagedExports, check_out_folder
    from kg.store import with_store

    check_out_folder(out, force=force)
    analysis = analyse(with_store(graph_location(data).path, store_triples))
    with StagedExports(out) as staged:
        files = analytics_files(analysis)
        if xlsx:
            from kg.workbook import csv_sheet, sheets_bytes

            tables = {Path(name).stem: csv_sheet(content.decode("utf-8")) for name, content in files.items()
                      if name.endswith(".csv")}
            files["analytics.xlsx"] = sheets_bytes(tables)
        for name, content in files.items():
            staged.write_bytes(name, content)
        written = staged.commit()
    click.echo(f"{analysis.network.number_of_nodes()} entities, {analysis.network.number_of_edges()} relations, "
               f"{len(analysis.components)} components, {len(analysis.communities)} communities")
    click.echo(f"wrote {len(written)} files into {out}")


@cli.command()
@click.argument("first")
@click.argument("second")
@click.option("--data", type=click.Path(dir_okay=False, path_type=Path),
              help="The graph file to search. Default: the graph in use (see qkg info).")
@reports_errors
def path(first: str, second: str, data: Path | None) -> None:
    """Print the shortest chain of relations between two entities, named by name or alias.

    \b
    Each step shows its relation in the interface's language (--lang); an
    arrow pointing back (←) means the relation reads from the right-hand entity.

    \b
    Example:
      qkg path 常州星宇车灯股份有限公司 江苏上上电缆集团有限公司
    """
    from kg.analytics import entity_network, shortest_chain
    from kg.analytics.network import store_triples
    from kg.home import graph_location
    from kg.store import with_store

    steps = shortest_chain(entity_network(with_store(graph_location(data).path, store_triples)), first, second)
    if not steps:
        click.echo(f"{first} is {second}")
    for number, step in enumerate(steps, start=1):
        click.echo(f"{number}. {step.line(current_language())}")


@cli.command()
@click.argument("paths", nargs=-1, required=True, type=click.Path(path_type=Path))
@click.option("--out", required=True, type=click.Path(file_okay=False, path_type=Path),
              help="Folder to write one facts file per document into.")
@click.option("--jobs", type=click.IntRange(min=1), default=None, help="Worker processes. Default: every core.")
@click.option("--keep-text/--no-keep-text", default=False, show_default=True,
              help="Store each document's text in its facts file (so evidence can be shown).")
@click.option("--progress/--no-progress", default=True, help="Show a progress bar on stderr.")
@reports_errors
def extract(paths: tuple[Path, ...], out: Path, jobs: int | None, keep_text: bool, progress: bool) -> None:
    """Extract facts from documents (.txt, .md, .html; folders searched recursively).

    \b
    Writes OUT/<document id>.yaml per document, in the curated facts format,
    each fact with a confidence and the offsets of its evidence. A document's
    id hashes its name and text, so extracting again (from anywhere) replaces
    its facts file. Every file under PATH is extracted or reported as skipped
    with the reason (unsupported, empty, binary, not a regular file, …); facts
    files in OUT from earlier runs whose document is not among the inputs are
    reported as stale. Exit status 0 when at least one document was extracted
    and no facts file was lost to a write error (a full disk).

    \b
    Examples:
      qkg extract reports/ --out extracted/
      qkg build --facts extracted/ --out my-exports/
    """
    from kg.extract.run import ExtractError, extract_paths

    summary = extract_paths(paths, out, jobs=jobs, keep_text=keep_text, progress=progress)
    for skipped in summary.skipped:
        click.echo(f"skipped {skipped.path}: {skipped.reason}", err=True)
    for warning in summary.warnings:
        click.echo(f"warning: {warning}", err=True)
    for path, source in summary.stale:
        click.echo(f"stale {path}: from an earlier run; its document {source} is not among these inputs "
                   f"(gone, or changed since)", err=True)
    click.echo(summary.line(), err=True)
    if summary.lost:
        first = summary.lost[0]
        raise ExtractError(f"{len(summary.lost)} documents were read but their facts could not be written "
                           f"(first: {first.reason})")
    if not summary.extracted:
        raise ExtractError("no document could be extracted")


@cli.command(name="eval")
@click.option("--facts", "extracted", type=click.Path(path_type=Path), help="The extracted facts (a folder or file).")
@click.option("--gold", type=click.Path(path_type=Path), help="The curated facts to compare with.")
@click.option("--devset", type=click.Path(file_okay=False, path_type=Path),
              help="Extract and score the real development set in this folder (its dev and test parts).")
@click.option("--show-test", is_flag=True, help="With --devset: list the test part's misses and errors too.")
@click.option("--details/--no-details", default=True, show_default=True, help="List what was missed and what was wrong.")
@reports_errors
def evaluate(extracted: Path | None, gold: Path | None, devset: Path | None, show_test: bool, details: bool) -> None:
    """Score extracted facts against curated facts: precision, recall, F1 per kind.

    \b
    Examples:
      qkg extract ../shared/corpus --out /tmp/extracted
      qkg eval --facts /tmp/extracted --gold facts/
      qkg eval --devset devset --no-details
    """
    from kg.evaluate import evaluate_folders, report_lines

    if devset is not None:
        from kg.devset import load_devset, score_part

        found = load_devset(devset)
        if found.uncached:
            click.echo(f"{len(found.uncached)} annotated documents have no cached text (see {devset}/README.md):"
                       f" skipped", err=True)
        for part in ("dev", "test"):
            documents = found.part(part)
            click.echo(f"== {part} part: {len(documents)} documents, "
                       f"{len({d.source.site for d in documents})} sites")
            if documents:
                show = details and (part == "dev" or show_test)
                for line in report_lines(score_part(documents), details=show):
                    click.echo(line)
        return
    if extracted is None or gold is None:
        raise click.UsageError("give --facts and --gold, or --devset")
    for line in report_lines(evaluate_folders(extracted, gold), details=details):
        click.echo(line)


@cli.command()
@click.option("--endpoint", required=True, metavar="URL", help="The Graph Store Protocol URL (Oxigraph: http://HOST:PORT/store).")
@click.option("--data", type=click.Path(dir_okay=False, path_type=Path),
              help="TriG or N-Quads with one named graph per document. Default: exports/qgov.trig.")
@reports_errors
def publish(endpoint: str, data: Path | None) -> None:
    """Load the graph into a triple store, one named graph per source document.

    \b
    Each graph is sent with the SPARQL 1.1 Graph Store Protocol (PUT ENDPOINT?graph=IRI),
    which replaces it: publishing again updates the graphs, it does not duplicate them.

    \b
    Example:
      qkg publish --endpoint http://localhost:7878/store
    """
    from kg.remote import publish as publish_graphs

    published = publish_graphs(endpoint, data)
    click.echo(f"published {published.graphs} named graphs ({published.triples} triples) to {endpoint}")


@cli.command()
@click.option("--data", type=click.Path(dir_okay=False, path_type=Path),
              help="The graph file to serve. Default: exports/qgov.ttl.")
@click.option("--host", default="127.0.0.1", show_default=True, help="Address to listen on (loopback unless told otherwise).")
@click.option("--port", type=click.IntRange(0, 65535), default=7878, show_default=True)
@click.option("--timeout", type=click.FloatRange(min=0, min_open=True), default=30.0, show_default=True,
              help="Seconds a query may run.")
@click.option("--row-limit", type=click.IntRange(min=1), default=10_000, show_default=True,
              help="Rows a /sparql answer gives at most.")
@reports_errors
def serve(data: Path | None, host: str, port: int, timeout: float, row_limit: int) -> None:
    """Serve the graph read-only over HTTP: SPARQL 1.1 at /sparql, saved queries at /queries/NAME.

    \b
    /            a page that lists the saved queries and runs them (offline)
    /sparql      SPARQL 1.1 Protocol, GET or POST; JSON, CSV, TSV or XML by Accept
    /queries/NAME?param=value   a saved query, as JSON or CSV (?format=csv)
    SELECT and ASK only; no SPARQL Update, no SERVICE.

    \b
    Examples:
      qkg serve
      curl -G --data-urlencode name=星宇车灯 'http://127.0.0.1:7878/queries/award-history?format=csv'
    """
    from kg.server import serve_forever

    serve_forever(data, host, port, timeout, row_limit)


from kg.cli_info import cache_group, info  # noqa: E402  (commands of their own module, on the same group)

cli.add_command(info)
cli.add_command(cache_group)
