"""The ``referat`` command line. Messages are Danish; errors exit non-zero with what to do."""

from __future__ import annotations

import datetime as dt
import json
import logging
import sys
from collections.abc import Callable, Iterator
from contextlib import ExitStack, contextmanager
from pathlib import Path
from typing import TYPE_CHECKING, Annotated

import typer
from rich.console import Console
from rich.progress import BarColumn, MofNCompleteColumn, Progress, TaskID, TextColumn, TimeElapsedColumn

from ingestion import STRATEGY_NAMES, parse_pdf_bytes
from ingestion.errors import ReferatError
from retrieval.registry import DocumentRecord
from retrieval.settings import Settings

if TYPE_CHECKING:
    from retrieval.index import IngestResult

app = typer.Typer(
    help="referat: spørg kommunale mødereferater på dansk og få svar med præcise kildehenvisninger.",
    no_args_is_help=True,
    add_completion=False,
)
console = Console(stderr=True, soft_wrap=True)  # messages are sentences: never hard-wrapped mid-word


def say(text: str) -> None:
    """Plain output for people and pipes: no wrapping, no markup."""
    typer.echo(text)


def _settings(data_dir: Path | None) -> Settings:
    return Settings(data_dir=data_dir) if data_dir else Settings()


def _fail(error: ReferatError) -> typer.Exit:
    console.print(f"[red]Fejl:[/red] {error.message}")
    return typer.Exit(code=2)


def _setup_logging(verbose: bool) -> None:
    logging.basicConfig(
        level=logging.INFO if verbose else logging.WARNING,
        format="%(levelname)s %(name)s: %(message)s",
        stream=sys.stderr,
    )


DataDir = Annotated[
    Path | None, typer.Option("--data-dir", help="Mappe med indekset (standard: REFERAT_DATA_DIR eller ./data).")
]
Verbose = Annotated[bool, typer.Option("--verbose", "-v", help="Vis log-linjer.")]


@app.command()
def model(data_dir: DataDir = None, verbose: Verbose = False) -> None:
    """Gør embeddingmodellen klar (pakker den medfølgende multilingual-e5-small ud én gang)."""
    _setup_logging(verbose)
    from retrieval.embedder import Embedder

    try:
        embedder = Embedder(_settings(data_dir))
    except ReferatError as error:
        raise _fail(error) from error
    identity = embedder.identity
    say(f"Model klar: {identity.name} ({identity.dimension} dimensioner, fingeraftryk {identity.fingerprint[:12]})")


def _pdf_paths(paths: list[Path]) -> tuple[list[Path], list[tuple[str, str]]]:
    found: list[Path] = []
    skipped: list[tuple[str, str]] = []
    for path in paths:
        if path.is_dir():
            found.extend(sorted(p for p in path.rglob("*") if p.is_file() and p.suffix.lower() == ".pdf"))
        elif path.is_file():
            found.append(path)
        else:
            skipped.append((str(path), "findes ikke"))
    return found, skipped


@app.command()
def ingest(
    paths: Annotated[list[Path], typer.Argument(help="PDF-filer eller mapper med PDF-filer.")],
    data_dir: DataDir = None,
    verbose: Verbose = False,
) -> None:
    """Indlæs referater (PDF) i indekset. Samme fil to gange er en no-op; en ændret fil erstatter den gamle."""
    _setup_logging(verbose)
    from retrieval.index import Index

    files, skipped = _pdf_paths(paths)
    try:
        index = Index.open(_settings(data_dir))
    except ReferatError as error:
        raise _fail(error) from error
    totals = {"added": 0, "replaced": 0, "unchanged": 0, "items": 0, "chunks": 0}
    with _progress_bar() as progress:
        task = progress.add_task("Indlæser", total=len(files))
        if files:
            progress.update(task, description=f"Indlæser {files[0].name[:40]}")

        def ocr_progress(path: Path) -> Callable[[int, int], None]:
            def ocr_page(done: int, total: int) -> None:
                progress.update(task, description=f"OCR {path.name[:30]}: side {done} af {total}")

            return ocr_page

        for position, (path, result) in enumerate(index.ingest_files(files, ocr_progress), start=1):
            if isinstance(result, ReferatError):
                skipped.append((path.name, result.message))
            else:
                totals[result.status] += 1
                if result.status != "unchanged":
                    totals["items"] += result.document.item_count
                    totals["chunks"] += result.chunks
                    progress.console.print(_reading_line(result.document), highlight=False, markup=False)
                    if result.ocr_pages or result.unread_pages:
                        progress.console.print(_ocr_line(result), highlight=False, markup=False)
            progress.advance(task)
            if position < len(files):
                progress.update(task, description=f"Indlæser {files[position].name[:40]}")
    documents, chunks = index.counts()
    say(
        f"Dokumenter: {totals['added']} nye, {totals['replaced']} erstattet, {totals['unchanged']} uændrede; "
        f"{totals['items']} dagsordenspunkter og {totals['chunks']} tekststykker indlæst. "
        f"Indekset har nu {documents} dokumenter og {chunks} tekststykker."
    )
    for name, reason in skipped:
        say(f"Sprunget over: {name}: {reason}")
    if skipped and not (totals["added"] or totals["replaced"] or totals["unchanged"]):
        raise typer.Exit(code=2)


def _page_list(pages: list[int]) -> str:
    return ", ".join(map(str, pages))


def _ocr_line(result: IngestResult) -> str:
    """How many scanned pages OCR read, and how many it could not (those are not searchable)."""
    line = f"  {result.ocr_pages} scannede sider læst med OCR (tjek citater mod originalen)"
    if result.unread_pages:
        line += f"; {result.unread_pages} sider kunne ikke læses sikkert og er ikke indekseret"
    return line


def _progress_bar() -> Progress:
    """The progress bar of every long ingest: file name, bar, count, elapsed time; gone when done."""
    return Progress(
        TextColumn("[progress.description]{task.description}"),
        BarColumn(),
        MofNCompleteColumn(),
        TimeElapsedColumn(),
        console=console,
        transient=True,
    )


@contextmanager
def _ingest_progress() -> Iterator[Callable[[int, int, str], None]]:
    """A callback for library code that ingests a corpus: (done, total, file name) moves the bar."""
    with _progress_bar() as progress:
        task = progress.add_task("Indlæser", total=None)

        def update(done: int, total: int, name: str) -> None:
            progress.update(task, completed=done, total=total, description=f"Indlæser {name[:40]}")

        yield update


def _reading_line(record: DocumentRecord) -> str:
    """How a document was read, in one line; a document with no agenda items says so."""
    how = STRATEGY_NAMES.get(record.reading, record.reading or "ukendt")  # type: ignore[call-overload]
    if record.reading == "none":
        return f"{record.file_name}: ingen dagsordenspunkter fundet — indekseret som ét stykke tekst"
    return f"{record.file_name}: {record.item_count} punkter, læst med {how}"


@app.command()
def inspect(
    path: Annotated[Path, typer.Argument(help="En PDF-fil.")],
    as_json: Annotated[bool, typer.Option("--json", help="Skriv læsningen som JSON.")] = False,
) -> None:
    """Vis hvordan en PDF læses — strategi, udvalg, dato og hvert punkt — uden at indeksere noget."""
    from ingestion.extract import read_file

    try:
        with ExitStack() as stack:
            bar: list[tuple[Progress, TaskID]] = []  # started at the first scanned page: most PDFs have none

            def ocr_page(done: int, total: int) -> None:
                if not bar:
                    progress = stack.enter_context(_progress_bar())
                    bar.append((progress, progress.add_task("OCR", total=total)))
                progress, task = bar[0]
                progress.update(task, completed=done, description=f"OCR: side {done} af {total}")

            document = parse_pdf_bytes(read_file(path), path.name, ocr_page)
    except ReferatError as error:
        raise _fail(error) from error
    if as_json:
        payload = {
            "file": document.file_name,
            "pages": document.page_count,
            "strategy": document.reading.strategy,
            "strategy_description": STRATEGY_NAMES[document.reading.strategy],
            "body": document.body,
            "meeting_date": document.meeting_date.isoformat() if document.meeting_date else None,
            "closed_items": document.closed_item_count,
            "items": [
                {
                    "number": item.number,
                    "kind": item.kind,
                    "title": item.title,
                    "case_number": item.case_number,
                    "first_page": item.first_page,
                    "last_page": item.last_page,
                    "sections": [section.name for section in item.sections if section.name],
                    "group": item.group,
                }
                for item in document.agenda_items
            ],
            "warnings": document.reading.warnings,
            "ocr_pages": document.ocr_pages,
            "unread_pages": document.unread_pages,
        }
        sys.stdout.write(json.dumps(payload, ensure_ascii=False, indent=2) + "\n")
        return
    date = document.meeting_date.strftime("%d-%m-%Y") if document.meeting_date else "ukendt"
    say(f"Fil: {document.file_name} ({document.page_count} sider)")
    say(f"Læst med: {STRATEGY_NAMES[document.reading.strategy]}")
    say(f"Organ: {document.body or 'ukendt'}   Mødedato: {date}")
    items = document.agenda_items
    closed = f", {document.closed_item_count} lukkede (ikke indekseret)" if document.closed_item_count else ""
    say(f"Dagsordenspunkter: {len(items)}{closed}")
    if document.ocr_pages or document.unread_pages:
        unread = f"; ikke læst (for usikker OCR): {_page_list(document.unread_pages)}" if document.unread_pages else ""
        say(f"Scannede sider læst med OCR: {_page_list(document.ocr_pages) or 'ingen'}{unread}")
    for item in items:
        pages = f"s. {item.first_page}" + (f"–{item.last_page}" if item.last_page != item.first_page else "")
        kind = f"{item.kind}: " if item.kind else ""
        case = item.case_number or "intet sagsnr."
        sections = ", ".join(dict.fromkeys(section.name for section in item.sections if section.name)) or "-"
        say(f"  punkt {item.number or '-'}  {kind}{item.title}  [{case}]  {pages}  afsnit: {sections}")
    for warning in document.reading.warnings:
        say(f"Advarsel: {warning}")


@app.command()
def documents(data_dir: DataDir = None, as_json: Annotated[bool, typer.Option("--json")] = False) -> None:
    """Vis de indlæste dokumenter: id, fil, udvalg, dato, punkter og tekststykker."""
    from retrieval.index import Index

    try:
        index = Index.open(_settings(data_dir))
    except ReferatError as error:
        raise _fail(error) from error
    records = index.documents()
    if as_json:
        say(
            json.dumps(
                [
                    {
                        "id": r.id,
                        "file": r.file_name,
                        "title": r.title,
                        "body": r.body,
                        "meeting_date": r.meeting_date.isoformat() if r.meeting_date else None,
                        "pages": r.page_count,
                        "items": r.item_count,
                        "chunks": r.chunk_count,
                        "ingested_at": r.ingested_at.isoformat(),
                        "reading": r.reading,
                        "warnings": list(r.warnings),
                    }
                    for r in records
                ],
                ensure_ascii=False,
                indent=2,
            )
        )
        return
    if not records:
        say("Indekset er tomt. Indlæs referater med 'referat ingest MAPPE'.")
        return
    for r in records:
        date = r.meeting_date.strftime("%d-%m-%Y") if r.meeting_date else "ukendt dato"
        items = "ingen punkter fundet (ét stykke tekst)" if r.reading == "none" else f"{r.item_count} punkter"
        say(f"{r.id[:12]}  {r.file_name}  {r.body or '-'}  {date}  {items}  {r.chunk_count} tekststykker")


@app.command()
def delete(
    document_id: Annotated[str, typer.Argument(help="Dokumentets id (mindst 8 tegn) eller filnavn.")],
    data_dir: DataDir = None,
) -> None:
    """Slet et dokument helt fra indekset."""
    from retrieval.index import Index

    try:
        record = Index.open(_settings(data_dir)).delete(document_id)
    except ReferatError as error:
        raise _fail(error) from error
    say(f"Slettet: {record.file_name} ({record.id[:12]}), {record.chunk_count} tekststykker.")


def _parse_date(value: str | None, option: str) -> dt.date | None:
    if value is None:
        return None
    try:
        return dt.date.fromisoformat(value)
    except ValueError as error:
        raise typer.BadParameter(f"{value!r} er ikke en dato; skriv den som ÅÅÅÅ-MM-DD.", param_hint=option) from error


@app.command()
def ask(
    question: Annotated[str, typer.Argument(help="Spørgsmålet, på dansk.")],
    body: Annotated[str | None, typer.Option("--body", help="Kun dette udvalg/organ.")] = None,
    date_from: Annotated[str | None, typer.Option("--from", help="Møder fra denne dato (ÅÅÅÅ-MM-DD).")] = None,
    date_to: Annotated[str | None, typer.Option("--to", help="Møder til og med denne dato (ÅÅÅÅ-MM-DD).")] = None,
    case: Annotated[str | None, typer.Option("--case", help="Kun dette sagsnummer.")] = None,
    as_json: Annotated[bool, typer.Option("--json", help="Skriv svaret som JSON.")] = False,
    data_dir: DataDir = None,
    verbose: Verbose = False,
) -> None:
    """Stil et spørgsmål og få et kort svar med kildehenvisninger."""
    _setup_logging(verbose)
    from retrieval.assistant import Assistant
    from retrieval.domain import Filters

    filters = Filters(
        body=body,
        date_from=_parse_date(date_from, "--from"),
        date_to=_parse_date(date_to, "--to"),
        case_number=case,
    )
    try:
        answer = Assistant(_settings(data_dir)).ask(question, filters)
    except ReferatError as error:
        raise _fail(error) from error
    if as_json:
        payload = {
            "answer": answer.answer,
            "answered": answer.answered,
            "citations": [
                {
                    "n": c.n,
                    "document": c.document,
                    "body": c.body,
                    "meeting_date": c.meeting_date.isoformat() if c.meeting_date else None,
                    "agenda_item": c.agenda_item,
                    "title": c.title,
                    "case_number": c.case_number,
                    "pages": c.pages,
                    "snippet": c.snippet,
                    "ocr": c.ocr,
                    "reference": c.reference,
                }
                for c in answer.citations
            ],
            "certainty": answer.certainty,
            "certainty_text": answer.certainty_text,
            "timeline": [entry.model_dump(mode="json") for entry in answer.timeline],
            "timings_ms": answer.timings_ms,
        }
        sys.stdout.write(json.dumps(payload, ensure_ascii=False, indent=2) + "\n")
        return
    say(answer.answer)
    if answer.certainty_text:
        say(f"({answer.certainty_text})")
    if answer.notice:
        say(f"({answer.notice})")
    for c in answer.citations:
        say(f"[{c.n}] {c.reference}")


@app.command()
def search(
    query: Annotated[str, typer.Argument(help="Søgetekst.")],
    top_k: Annotated[int, typer.Option("--top-k", min=1, max=50)] = 5,
    data_dir: DataDir = None,
) -> None:
    """Søg uden at formulere et svar: de bedste dagsordenspunkter med sider."""
    from retrieval.assistant import Assistant

    try:
        hits = Assistant(_settings(data_dir)).search(query, top_k=top_k)
    except ReferatError as error:
        raise _fail(error) from error
    for rank, hit in enumerate(hits, 1):
        pages = ", ".join(str(p) for p in hit.pages)
        say(f"{rank}. {hit.file_name} punkt {hit.agenda_item or '-'} »{hit.title}« s. {pages}")


@app.command()
def serve(
    host: Annotated[str, typer.Option("--host", help="Adresse at lytte på.")] = "127.0.0.1",
    port: Annotated[int, typer.Option("--port", help="Port.")] = 8000,
    data_dir: DataDir = None,
) -> None:
    """Start web-siden og API'et (uvicorn)."""
    import uvicorn

    from api.app import create_app

    _setup_logging(False)
    say(f"referat kører på http://{host}:{port}")
    uvicorn.run(create_app(_settings(data_dir)), host=host, port=port, log_level="warning")


def _parse_floors(values: list[str], known: list[str]) -> dict[str, float]:
    floors = {}
    for value in values:
        name, _, number = value.partition("=")
        if name not in known or not number:
            raise typer.BadParameter(f"{value!r}: skriv METRIK=VÆRDI med en af {', '.join(known)}.", param_hint="--min")
        try:
            floors[name] = float(number)
        except ValueError as error:
            raise typer.BadParameter(f"{number!r} er ikke et tal.", param_hint="--min") from error
    return floors


@app.command("eval")
def evaluate(
    datasets: Annotated[
        list[Path],
        typer.Option(
            "--dataset",
            help="Evalueringssæt (JSON Lines): spørgsmål, eller PDF'er med deres dagsordenspunkter (segmentering; "
            "--dataset kan da gentages).",
        ),
    ],
    corpus: Annotated[
        Path | None,
        typer.Option(
            "--corpus",
            help="Spørgsmål: indlæs alle PDF'er herfra i et nyt, midlertidigt indeks. Segmentering: mappen som "
            "filnavnene i sættet er relative til (standard: den aktuelle mappe).",
        ),
    ] = None,
    data_dir: DataDir = None,
    out: Annotated[Path, typer.Option("--out", help="Mappe til rapporterne.")] = Path("eval/reports/latest"),
    baselines: Annotated[
        bool, typer.Option("--baselines", help="Mål også BM25-alene og en naiv llama-index-pipeline.")
    ] = False,
    floors: Annotated[
        list[str] | None, typer.Option("--min", help="METRIK=VÆRDI: fejl hvis metrikken falder under (rater: over).")
    ] = None,
    verbose: Verbose = False,
) -> None:
    """Mål søgning, svar, kildehenvisninger og afvisninger — eller segmenteringen af PDF'er i dagsordenspunkter."""
    _setup_logging(verbose)
    from eval.harness import check_floors
    from eval.segmentation import is_segmentation_dataset

    kinds = {is_segmentation_dataset(dataset) for dataset in datasets}
    if len(kinds) > 1:
        raise typer.BadParameter("bland ikke spørgsmålssæt og segmenteringssæt i én kørsel.", param_hint="--dataset")
    if kinds == {True}:
        metrics = _evaluate_segmentation(datasets, corpus or Path("."), out, floors or [])
    else:
        if len(datasets) != 1:
            raise typer.BadParameter("angiv ét spørgsmålssæt ad gangen.", param_hint="--dataset")
        metrics = _evaluate_questions(datasets[0], corpus, data_dir, out, baselines, floors or [])
    failures = check_floors(metrics[0], metrics[1])
    if failures:
        for failure in failures:
            console.print(f"[red]Under kravet:[/red] {failure}")
        raise typer.Exit(code=1)


def _evaluate_segmentation(
    datasets: list[Path], root: Path, out: Path, floors: list[str]
) -> tuple[dict[str, float], dict[str, float]]:
    from eval.segmentation import SEGMENTATION_METRICS, markdown, run_segmentation, write_segmentation_report

    limits = _parse_floors(floors, SEGMENTATION_METRICS)
    try:
        run = run_segmentation(datasets, root)
    except ReferatError as error:
        raise _fail(error) from error
    write_segmentation_report(run, out)
    say(markdown(run).split("\n## Afvigelser")[0].rstrip())
    say(f"Rapport: {out / 'segmentation.md'} og {out / 'segmentation.json'}")
    return run.metrics, limits


def _evaluate_questions(
    dataset: Path, corpus: Path | None, data_dir: Path | None, out: Path, baselines: bool, floors: list[str]
) -> tuple[dict[str, float], dict[str, float]]:
    from eval.dataset import load_dataset
    from eval.harness import METRIC_KEYS, run_eval
    from eval.report import metrics_table

    limits = _parse_floors(floors, METRIC_KEYS)
    try:
        questions = load_dataset(dataset)
        with _ingest_progress() as progress:
            run, skipped = run_eval(_settings(data_dir), questions, corpus, out, baselines, progress)
    except ReferatError as error:
        raise _fail(error) from error
    say(metrics_table(run.metrics))
    for name, values in run.baselines.items():
        say(f"{name}: " + ", ".join(f"{key}={value:.3f}" for key, value in values.items()))
    for line in skipped:
        say(f"Sprunget over: {line}")
    say(f"Rapport: {out / 'report.md'} og {out / 'report.json'}")
    return run.metrics, limits


def main() -> None:
    app()


if __name__ == "__main__":
    main()
