"""report.md: what a developer reads after a regression."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from eval.harness import EvalRun

LABELS = {
    "hit_at_1": "punkt-hit@1",
    "hit_at_5": "punkt-hit@5",
    "mrr": "MRR",
    "page_hit_at_1": "side-hit@1",
    "page_hit_at_5": "side-hit@5",
}


def metrics_table(metrics: dict[str, float]) -> str:
    rows = ["| metrik | værdi |", "|---|---|"]
    rows += [f"| {key} | {value:.4g} |" for key, value in metrics.items()]
    return "\n".join(rows)


def baselines_table(run: EvalRun) -> str:
    names = ["referat", *run.baselines]
    rows = ["| metrik | " + " | ".join(names) + " |", "|---|" + "---|" * len(names)]
    for key, label in LABELS.items():
        values = [run.metrics[key], *(run.baselines[name][key] for name in run.baselines)]
        rows.append(f"| {label} | " + " | ".join(f"{v:.3f}" for v in values) + " |")
    return "\n".join(rows)


def _failure(record: dict) -> str | None:
    scores = record["scores"]
    if not record["answerable"]:
        if scores["abstained"]:
            return None
        heading = f"- **{record['id']}** ({record['kind']}) {record['question']}"
        return f"{heading}\n  - forventet: afvisning; fik: {record['answer'][:300]}"
    problems = [name for name in ("hit_at_5", "answer_correct", "citation_hit") if not scores[name]]
    if not problems:
        return None
    expected = "; ".join(f"{e['document']} punkt {e['agenda_item'] or '-'} s. {e['pages']}" for e in record["expected"])
    retrieved = "; ".join(f"punkt {r['agenda_item'] or '-'} s. {r['pages']}" for r in record["retrieved"][:3])
    cited = "; ".join(f"punkt {c['agenda_item'] or '-'} s. {c['pages']}" for c in record["citations"]) or "ingen"
    return (
        f"- **{record['id']}** ({record['kind']}) {record['question']} — fejl: {', '.join(problems)}\n"
        f"  - forventet: {expected}; skal indeholde {record['answer_must_contain']}\n"
        f"  - hentet: {retrieved}; citeret: {cited}\n"
        f"  - svar: {record['answer'][:300]}"
    )


def write_markdown(run: EvalRun, path: Path, skipped: list[str]) -> None:
    failures = [text for record in run.per_question if (text := _failure(record))]
    parts = [
        "# Evalueringsrapport",
        f"Korpus: {', '.join(run.corpus)}" if run.corpus else "",
        "## Metrikker",
        metrics_table(run.metrics),
    ]
    if run.baselines:
        parts += ["## Mod baselines (samme korpus, samme embedder)", baselines_table(run)]
    parts += ["## Efter spørgsmålstype", "\n".join(f"- {kind}: {scores}" for kind, scores in run.by_kind.items())]
    parts += [f"## Fejlede spørgsmål ({len(failures)})", "\n".join(failures) or "Ingen."]
    if skipped:
        parts += ["## Sprunget over ved indlæsning", "\n".join(f"- {line}" for line in skipped)]
    path.write_text("\n\n".join(part for part in parts if part) + "\n", encoding="utf-8")
