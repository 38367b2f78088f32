"""Segmentation evaluation: does referat find the agenda items a person (or the renderer) says a PDF has?

A dataset line is one PDF (``file``, relative to the corpus root) with its expected items (number, title, case
number, first page, closed). Each expected open item is matched to at most one item referat found, in reading
order, by number and title; then:

- item recall / precision: matched / expected open items, matched / items found (micro-averaged);
- first-page accuracy and case-number accuracy over matched items (case numbers where one is printed);
- closed-item leaks: closed items that come back as an item, or whose text (the label's ``probe``) or
  distinctive title can be found in anything referat stores for the document;
- body and date accuracy for minutes, and which strategy read each document.
"""

from __future__ import annotations

import datetime as dt
import json
from collections import Counter, defaultdict
from dataclasses import dataclass, field
from difflib import SequenceMatcher
from pathlib import Path

from pydantic import BaseModel, ConfigDict, Field, ValidationError

from eval.dataset import DatasetError
from ingestion import Document, NoTextLayer, ReferatError, parse_pdf
from ingestion.headings import normalise, number_key

SEGMENTATION_METRICS = [
    "item_recall",
    "item_precision",
    "first_page_accuracy",
    "case_number_accuracy",
    "closed_item_leaks",
    "body_accuracy",
    "date_accuracy",
    "documents",
    "expected_items",
]
# A closed item's title shorter than this ("Orientering") is too common to count as leaked when found in text.
DISTINCTIVE_TITLE = 20
# Letters of a closed item's probe that must not be found in stored text (the renderer picks probes this way).
PROBE_LETTERS = 60


class ExpectedItem(BaseModel):
    model_config = ConfigDict(extra="allow")

    number: str
    title: str
    case_number: str = ""
    first_page: int
    closed: bool = False
    probe: str = ""


class LabelledDocument(BaseModel):
    model_config = ConfigDict(extra="allow")

    file: str
    document_kind: str
    body: str = ""
    meeting_date: dt.date | None = None
    items: list[ExpectedItem] = Field(default_factory=list)
    layout: str = ""


def is_segmentation_dataset(path: Path) -> bool:
    """A segmentation set names files and their items; a question set has questions."""
    try:
        first = next(line for line in path.read_text(encoding="utf-8").splitlines() if line.strip())
        row = json.loads(first)
    except (OSError, StopIteration, json.JSONDecodeError):
        return False
    return isinstance(row, dict) and "file" in row and "items" in row and "question" not in row


def load_labels(path: Path) -> list[LabelledDocument]:
    documents = []
    for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
        if not line.strip():
            continue
        try:
            documents.append(LabelledDocument.model_validate_json(line))
        except ValidationError as error:
            raise DatasetError(f"{path.name}, linje {number}: {error.errors()[0]['msg']}") from error
    return documents


def _found_items(document: Document) -> list:
    """The items referat presents as agenda items (not the meeting's opening, not a whole-document fallback)."""
    return document.agenda_items


def _titles_match(expected: str, found: str) -> bool:
    a, b = normalise(expected), normalise(found)
    if not a or not b:
        return a == b
    if a == b or a.endswith(b) or b.endswith(a):  # a kind prefix ("Beslutningssag:") on one side only
        return True
    return SequenceMatcher(None, a, b).ratio() >= 0.85


def _numbers_match(expected: str, found: str) -> bool:
    if not expected or not found:
        return not expected and not found
    return number_key(expected) == number_key(found)


def _match(expected: list[ExpectedItem], found: list) -> list[tuple[ExpectedItem, object]]:
    pairs = []
    used: set[int] = set()
    cursor = 0
    for item in expected:
        for position in range(cursor, len(found)):
            candidate = found[position]
            if position in used:
                continue
            if _numbers_match(item.number, candidate.number) and _titles_match(
                item.title, f"{candidate.kind}: {candidate.title}" if candidate.kind else candidate.title
            ):
                pairs.append((item, candidate))
                used.add(position)
                cursor = position + 1
                break
    return pairs


@dataclass
class DocumentResult:
    file: str
    layout: str
    strategy: str
    expected: int
    found: int
    matched: int
    first_page_right: int
    case_expected: int
    case_right: int
    leaks: list[str] = field(default_factory=list)
    body_right: bool | None = None
    date_right: bool | None = None
    error: str = ""
    misses: list[str] = field(default_factory=list)
    extras: list[str] = field(default_factory=list)


def evaluate_document(root: Path, label: LabelledDocument) -> DocumentResult:
    expected_open = [item for item in label.items if not item.closed]
    path = root / label.file
    try:
        document = parse_pdf(path)
    except NoTextLayer as error:
        expected_scan = label.document_kind == "no_text_layer"
        return DocumentResult(
            label.file, label.layout, "no_text_layer", len(expected_open), 0, 0, 0, 0, 0,
            error="" if expected_scan else error.message,
        )  # fmt: skip
    except ReferatError as error:
        return DocumentResult(label.file, label.layout, "error", len(expected_open), 0, 0, 0, 0, 0, error=error.message)
    found = _found_items(document)
    pairs = _match(expected_open, found)
    matched_found = {id(item) for _, item in pairs}
    with_case = [(e, f) for e, f in pairs if e.case_number]
    result = DocumentResult(
        file=label.file,
        layout=label.layout,
        strategy=document.reading.strategy,
        expected=len(expected_open),
        found=len(found),
        matched=len(pairs),
        first_page_right=sum(e.first_page == f.first_page for e, f in pairs),
        case_expected=len(with_case),
        case_right=sum(normalise(e.case_number) == normalise(f.case_number) for e, f in with_case),
        leaks=_leaks(label, document, found),
        misses=[f"{e.number} {e.title}" for e in expected_open if all(e is not m for m, _ in pairs)],
        extras=[f"{f.number} {f.title}" for f in found if id(f) not in matched_found],
    )
    if label.document_kind == "minutes":
        result.body_right = bool(label.body) and normalise(label.body) == normalise(document.body)
        result.date_right = label.meeting_date == document.meeting_date
    for expected, item in pairs:
        if expected.first_page != item.first_page:
            result.misses.append(f"{expected.number}: side {item.first_page}, ventet {expected.first_page}")
        if expected.case_number and normalise(expected.case_number) != normalise(item.case_number):
            result.misses.append(f"{expected.number}: sagsnr. {item.case_number!r}, ventet {expected.case_number!r}")
    return result


def _leaks(label: LabelledDocument, document: Document, found: list) -> list[str]:
    texts = [*document.pages, *(item.title + "\n" + item.text for item in document.items)]
    stored = normalise(" ".join(texts) + " ".join(line.text for line in document.preamble))
    # Where a closed item's title would stand if its heading leaked: at the start of a line, after its number. An open
    # item may name a closed one in a sentence ("… sagen om salg af grunden forelægges parallelt"): that is public.
    line_starts = [
        normalise(line).lstrip("0123456789")
        for line in [*"\n".join(texts).splitlines(), *(line.text for line in document.preamble)]
    ]
    leaks = []
    for item in label.items:
        if not item.closed:
            continue
        title = (
            item.title.split(":", 1)[1]
            if item.title.casefold().startswith("lukket") and ":" in item.title
            else item.title
        )
        as_item = any(_titles_match(title, f.title) or _titles_match(item.title, f.title) for f in found)
        in_text = bool(item.probe) and normalise(item.probe)[:PROBE_LETTERS] in stored
        title_text = len(normalise(title)) >= DISTINCTIVE_TITLE and any(
            start.startswith(normalise(title)) for start in line_starts
        )
        if as_item or in_text or title_text:
            leaks.append(f"{item.number} {item.title}")
    return leaks


def _ratio(numerator: int, denominator: int) -> float:
    return round(numerator / denominator, 4) if denominator else 1.0


def aggregate(results: list[DocumentResult]) -> dict[str, float]:
    minutes = [r for r in results if r.body_right is not None]
    return {
        "item_recall": _ratio(sum(r.matched for r in results), sum(r.expected for r in results)),
        "item_precision": _ratio(sum(r.matched for r in results), sum(r.found for r in results)),
        "first_page_accuracy": _ratio(sum(r.first_page_right for r in results), sum(r.matched for r in results)),
        "case_number_accuracy": _ratio(sum(r.case_right for r in results), sum(r.case_expected for r in results)),
        "closed_item_leaks": float(sum(len(r.leaks) for r in results)),
        "body_accuracy": _ratio(sum(bool(r.body_right) for r in minutes), len(minutes)),
        "date_accuracy": _ratio(sum(bool(r.date_right) for r in minutes), len(minutes)),
        "documents": float(len(results)),
        "expected_items": float(sum(r.expected for r in results)),
    }


@dataclass
class SegmentationRun:
    metrics: dict[str, float]
    by_dataset: dict[str, dict[str, float]]
    by_layout: dict[str, dict[str, float]]
    strategies: dict[str, int]
    documents: list[DocumentResult]

    def report(self) -> dict:
        return {
            **self.metrics,
            "by_dataset": self.by_dataset,
            "by_layout": self.by_layout,
            "strategies": self.strategies,
            "documents": [result.__dict__ for result in self.documents],
        }


def run_segmentation(datasets: list[Path], root: Path) -> SegmentationRun:
    results: list[DocumentResult] = []
    by_dataset: dict[str, dict[str, float]] = {}
    for dataset in datasets:
        labels = load_labels(dataset)
        missing = [label.file for label in labels if not (root / label.file).is_file()]
        if missing:
            raise DatasetError(
                f"{dataset.name}: {len(missing)} filer findes ikke under {root} (fx {missing[0]}); "
                "angiv mappen med --corpus."
            )
        own = [evaluate_document(root, label) for label in labels]
        by_dataset[dataset.stem] = aggregate(own)
        results.extend(own)
    layouts: dict[str, list[DocumentResult]] = defaultdict(list)
    for result in results:
        layouts[result.layout or "?"].append(result)
    return SegmentationRun(
        metrics=aggregate(results),
        by_dataset=by_dataset,
        by_layout={name: aggregate(group) for name, group in sorted(layouts.items())},
        strategies=dict(Counter(result.strategy for result in results)),
        documents=results,
    )


def markdown(run: SegmentationRun) -> str:
    keys = [key for key in SEGMENTATION_METRICS if key not in ("documents", "expected_items")]
    lines = ["# Segmentering", "", "| sæt | dokumenter | punkter | " + " | ".join(keys) + " |"]
    lines.append("|" + "---|" * (len(keys) + 3))
    for name, values in [*run.by_dataset.items(), ("alle", run.metrics)]:
        cells = " | ".join(f"{values[key]:.3f}" if key != "closed_item_leaks" else f"{values[key]:.0f}" for key in keys)
        lines.append(f"| {name} | {values['documents']:.0f} | {values['expected_items']:.0f} | {cells} |")
    lines += [
        "",
        "## Pr. layout",
        "",
        "| layout | dokumenter | " + " | ".join(keys) + " |",
        "|" + "---|" * (len(keys) + 2),
    ]
    for name, values in run.by_layout.items():
        cells = " | ".join(f"{values[key]:.3f}" if key != "closed_item_leaks" else f"{values[key]:.0f}" for key in keys)
        lines.append(f"| {name} | {values['documents']:.0f} | {cells} |")
    lines += ["", "Strategier: " + ", ".join(f"{name} {count}" for name, count in sorted(run.strategies.items())), ""]
    lines += ["## Afvigelser", ""]
    for result in run.documents:
        problems = [*result.misses, *(f"fundet, ikke ventet: {extra}" for extra in result.extras)]
        problems += [f"LÆK: {leak}" for leak in result.leaks]
        if result.error:
            problems.append(f"fejl: {result.error}")
        if result.body_right is False:
            problems.append("forkert udvalg/organ")
        if result.date_right is False:
            problems.append("forkert mødedato")
        if problems:
            lines.append(f"- `{result.file}` ({result.strategy}): " + "; ".join(problems[:12]))
    return "\n".join(lines) + "\n"


def write_segmentation_report(run: SegmentationRun, out: Path) -> None:
    out.mkdir(parents=True, exist_ok=True)
    (out / "segmentation.json").write_text(json.dumps(run.report(), ensure_ascii=False, indent=2), encoding="utf-8")
    (out / "segmentation.md").write_text(markdown(run), encoding="utf-8")
