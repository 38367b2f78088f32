"""``referat eval``: ask every question through the public ``Assistant.ask``, score, compare, report."""

from __future__ import annotations

import json
import logging
import tempfile
import time
from collections import defaultdict
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

from eval.baselines import NaivePipeline, bm25_units
from eval.dataset import Question
from eval.metrics import Unit, answer_scores, mean, percentile, retrieval_scores
from eval.report import write_markdown
from ingestion.errors import ReferatError
from retrieval.assistant import Assistant
from retrieval.domain import Answer, Hit
from retrieval.index import Index
from retrieval.settings import Settings

logger = logging.getLogger(__name__)

RETRIEVAL_METRICS = ["hit_at_1", "hit_at_5", "mrr", "page_hit_at_1", "page_hit_at_5"]
METRIC_KEYS = [
    *RETRIEVAL_METRICS,
    "answer_accuracy",
    "citation_recall",
    "citation_precision",
    "abstention_accuracy",
    "false_abstention_rate",
    "meetings_recall",
    "latency_ms_p50",
    "latency_ms_p95",
    "n",
    "n_unanswerable",
    "n_cross_meeting",
]
# Metrics where a "--min" value is a ceiling; the segmentation's leak count is one of them.
LOWER_IS_BETTER = {"false_abstention_rate", "latency_ms_p50", "latency_ms_p95", "closed_item_leaks"}


@dataclass
class EvalRun:
    metrics: dict[str, float]
    per_question: list[dict]
    by_kind: dict[str, dict[str, float]]
    baselines: dict[str, dict[str, float]] = field(default_factory=dict)
    corpus: list[str] = field(default_factory=list)

    def report(self) -> dict:
        return {**self.metrics, "per_question": self.per_question, "by_kind": self.by_kind, "baselines": self.baselines}


def product_units(index: Index, hits: list[Hit]) -> list[Unit]:
    """The product's ranked items; pages are those of each item's best-matching chunk."""
    units = []
    for hit in hits:
        best = index.chunk(hit.chunk_ids[0]) if hit.chunk_ids else None
        units.append(Unit(hit.file_name, (hit.agenda_item,), tuple(best.pages if best else hit.pages)))
    return units


def _aggregate(records: list[dict]) -> dict[str, float]:
    answerable = [r for r in records if r["answerable"]]
    unanswerable = [r for r in records if not r["answerable"]]
    cross = [r for r in answerable if "meetings_recall" in r["scores"]]
    metrics: dict[str, float] = {key: mean([r["scores"][key] for r in answerable]) for key in RETRIEVAL_METRICS}
    returned = sum(r["scores"]["citations"] for r in answerable)
    metrics.update(
        answer_accuracy=mean([r["scores"]["answer_correct"] for r in answerable]),
        citation_recall=mean([r["scores"]["citation_hit"] for r in answerable]),
        citation_precision=(sum(r["scores"]["citations_matching"] for r in answerable) / returned) if returned else 0.0,
        abstention_accuracy=mean([r["scores"]["abstained"] for r in unanswerable]),
        false_abstention_rate=mean([r["scores"]["declined"] for r in answerable]),
        # Over the questions whose evidence stands in two or more meetings; 1.0 when a set has none.
        meetings_recall=mean([r["scores"]["meetings_recall"] for r in cross]) if cross else 1.0,
        n_cross_meeting=float(len(cross)),
        latency_ms_p50=percentile([r["latency_ms"] for r in records], 0.5),
        latency_ms_p95=percentile([r["latency_ms"] for r in records], 0.95),
        n=float(len(answerable)),
        n_unanswerable=float(len(unanswerable)),
    )
    return {key: round(metrics[key], 4) for key in METRIC_KEYS}


def _by_kind(records: list[dict]) -> dict[str, dict[str, float]]:
    """Metrics per question kind; a kind may hold answerable and unanswerable questions alike."""
    groups: dict[str, list[dict]] = defaultdict(list)
    for record in records:
        groups[record["kind"]].append(record)
    result = {}
    for kind, members in sorted(groups.items()):
        answerable = [m for m in members if m["answerable"]]
        unanswerable = [m for m in members if not m["answerable"]]
        scores: dict[str, float] = {"n": len(members)}
        if answerable:
            scores.update(
                hit_at_5=round(mean([m["scores"]["hit_at_5"] for m in answerable]), 4),
                answer_accuracy=round(mean([m["scores"]["answer_correct"] for m in answerable]), 4),
                citation_recall=round(mean([m["scores"]["citation_hit"] for m in answerable]), 4),
            )
        if unanswerable:
            scores["abstention_accuracy"] = round(mean([m["scores"]["abstained"] for m in unanswerable]), 4)
        result[kind] = scores
    return result


def _record(question: Question, answer: Answer, units: list[Unit], latency_ms: float) -> dict:
    scores: dict[str, float] = answer_scores(question, answer)
    if question.answerable:
        scores.update(retrieval_scores(units, question.expected))
    return {
        "id": question.id,
        "kind": question.kind,
        "question": question.question,
        "answerable": question.answerable,
        "answered": answer.answered,
        "confidence": answer.confidence,
        "certainty": answer.certainty,
        "signals": answer.signals,
        "answer": answer.answer,
        "citations": [c.model_dump(mode="json") for c in answer.citations],
        "retrieved": [
            {"document": u.document, "agenda_item": u.items[0] if u.items else "", "pages": list(u.pages)}
            for u in units
        ],
        "expected": [e.model_dump(mode="json") for e in question.expected],
        "answer_must_contain": question.answer_must_contain,
        "latency_ms": round(latency_ms, 1),
        "scores": scores,
    }


def evaluate(assistant: Assistant, questions: list[Question], with_baselines: bool, pdfs: list[Path]) -> EvalRun:
    # One warm-up question so that model load and first-call costs do not count as latency.
    assistant.ask("Hvad blev besluttet?")
    records = []
    for question in questions:
        started = time.perf_counter()
        answer = assistant.ask(question.question)
        latency = (time.perf_counter() - started) * 1000
        records.append(_record(question, answer, product_units(assistant.index, answer.retrieved), latency))
    run = EvalRun(metrics=_aggregate(records), per_question=records, by_kind=_by_kind(records))
    run.corpus = [record.file_name for record in assistant.index.documents()]
    if with_baselines:
        run.baselines = run_baselines(assistant.index, questions, pdfs)
    return run


def run_baselines(index: Index, questions: list[Question], pdfs: list[Path]) -> dict[str, dict[str, float]]:
    answerable = [q for q in questions if q.answerable]
    naive = NaivePipeline(index, pdfs)
    results = {}
    for name, rank in (("bm25_only", lambda q: bm25_units(index, q)), ("naive_llamaindex", naive.units)):
        scores = [retrieval_scores(rank(q.question), q.expected) for q in answerable]
        results[name] = {key: round(mean([s[key] for s in scores]), 4) for key in RETRIEVAL_METRICS}
    return results


Progress = Callable[[int, int, str], None]  # (done, total, file name being ingested)


def open_assistant(
    settings: Settings, corpus: Path | None, workdir: Path, progress: Progress | None = None
) -> tuple[Assistant, list[Path], list[str]]:
    """The configured index, or a fresh one in ``workdir`` built from every PDF in ``corpus``."""
    skipped: list[str] = []
    if corpus is None:
        assistant = Assistant(settings)
        pdfs = [assistant.index.pdf_path(record.id) for record in assistant.index.documents()]
        return assistant, pdfs, skipped
    settings = settings.model_copy(update={"data_dir": workdir / "data"})
    index = Index.open(settings)
    pdfs = sorted(p for p in corpus.rglob("*") if p.is_file() and p.suffix.lower() == ".pdf")
    if progress and pdfs:
        progress(0, len(pdfs), pdfs[0].name)
    for done, (path, result) in enumerate(index.ingest_files(pdfs), start=1):
        if isinstance(result, ReferatError):
            skipped.append(f"{path.name}: {result.message}")
        if progress and done < len(pdfs):
            progress(done, len(pdfs), pdfs[done].name)
    if progress:
        progress(len(pdfs), len(pdfs), "")
    return Assistant(settings, index=index), pdfs, skipped


def check_floors(metrics: dict[str, float], floors: dict[str, float]) -> list[str]:
    """Names and values of metrics that fall on the wrong side of their floor (a ceiling for rates)."""
    failures = []
    for name, floor in floors.items():
        value = metrics[name]
        if (value > floor) if name in LOWER_IS_BETTER else (value < floor):
            relation = "over loftet" if name in LOWER_IS_BETTER else "under gulvet"
            failures.append(f"{name} = {value:.4f} er {relation} {floor:.4f}")
    return failures


def write_report(run: EvalRun, out: Path, skipped: list[str]) -> None:
    out.mkdir(parents=True, exist_ok=True)
    (out / "report.json").write_text(json.dumps(run.report(), ensure_ascii=False, indent=2), encoding="utf-8")
    write_markdown(run, out / "report.md", skipped)


def run_eval(
    settings: Settings,
    dataset: list[Question],
    corpus: Path | None,
    out: Path,
    with_baselines: bool,
    progress: Progress | None = None,
) -> tuple[EvalRun, list[str]]:
    with tempfile.TemporaryDirectory(prefix="referat-eval-") as scratch:
        assistant, pdfs, skipped = open_assistant(settings, corpus, Path(scratch), progress)
        try:
            run = evaluate(assistant, dataset, with_baselines, pdfs)
        finally:
            assistant.index.close()
    write_report(run, out, skipped)
    return run, skipped
