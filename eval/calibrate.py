"""Fit the confidence model on the tuning sets: ``python -m eval.calibrate [--workdir DIR]``.

The confidence that decides between answering and "Det fremgår ikke af referaterne" is a logistic regression over
the ``Signals`` of the best quote (``retrieval.answer``). This script answers every question of the tuning sets
with the threshold off, fits the regression (scikit-learn) on the signals — answerable (1) against unanswerable
(0) — and picks the threshold: the highest one that declines at most ``--max-false-abstention`` of the
answerable questions. It also fits on all sets but one and measures on the one left out, which says how well the
model carries to minutes it was not fitted on, beside what the constants in use do on each set. The printed values
go into ``retrieval.answer.Calibration`` by hand, with the numbers in the commit message.

Only the tuning sets (dev.jsonl and dev-wide*.jsonl, all eight) are read; the test sets are never used here.
"""

from __future__ import annotations

import argparse
import dataclasses
import tempfile
from pathlib import Path

import numpy as np
from sklearn.linear_model import LogisticRegression
from sklearn.preprocessing import StandardScaler

from eval.dataset import load_dataset
from eval.harness import evaluate, open_assistant
from retrieval.answer import SIGNALS, Calibration, Signals, lacks_what_was_asked
from retrieval.settings import Settings

TUNING_SETS = {
    "dev": (Path("eval/datasets/dev.jsonl"), Path("tests/fixtures")),
    "dev-wide": (Path("eval/datasets/dev-wide.jsonl"), Path("eval/corpus/dev-wide")),
    "dev-wide-2": (Path("eval/datasets/dev-wide-2.jsonl"), Path("eval/corpus/dev-wide-2")),
    "dev-wide-3": (Path("eval/datasets/dev-wide-3.jsonl"), Path("eval/corpus/dev-wide-3")),
    "dev-wide-4": (Path("eval/datasets/dev-wide-4.jsonl"), Path("eval/corpus/dev-wide-4")),
    "dev-wide-5": (Path("eval/datasets/dev-wide-5.jsonl"), Path("eval/corpus/dev-wide-5")),
    "dev-wide-6": (Path("eval/datasets/dev-wide-6.jsonl"), Path("eval/corpus/dev-wide-6")),
    "dev-wide-7": (Path("eval/datasets/dev-wide-7.jsonl"), Path("eval/corpus/dev-wide-7")),
    "dev-wide-8": (Path("eval/datasets/dev-wide-8.jsonl"), Path("eval/corpus/dev-wide-8")),
    "dev-wide-9": (Path("eval/datasets/dev-wide-9.jsonl"), Path("eval/corpus/dev-wide-9")),
    "dev-wide-10": (Path("eval/datasets/dev-wide-10.jsonl"), Path("eval/corpus/dev-wide-10")),
    "dev-wide-11": (Path("eval/datasets/dev-wide-11.jsonl"), Path("eval/corpus/dev-wide-11")),
}


@dataclasses.dataclass
class Rows:
    """One set's questions: signals (None where the confidence is fixed), labels and whether the answer held."""

    signals: list[np.ndarray | None]
    answerable: np.ndarray
    correct: np.ndarray

    @property
    def lacking(self) -> np.ndarray:
        """Declined whatever the confidence: the quotes lack what was asked (``lacks_what_was_asked``)."""
        return np.array([s is not None and lacks_what_was_asked(Signals(*s)) for s in self.signals], dtype=bool)

    def fitted(self) -> tuple[np.ndarray, np.ndarray]:
        keep = [i for i, signals in enumerate(self.signals) if signals is not None]
        return np.array([self.signals[i] for i in keep]), self.answerable[keep]


def measure(name: str, workdir: Path) -> Rows:
    dataset, corpus = TUNING_SETS[name]
    assistant, _pdfs, _skipped = open_assistant(Settings(), corpus, workdir / name)
    calibration = assistant.extractive.calibration
    assistant.extractive.calibration = dataclasses.replace(calibration, threshold=0.0)
    run = evaluate(assistant, load_dataset(dataset), False, [])
    signals: list[np.ndarray | None] = [
        np.array([row["signals"][key] for key in SIGNALS]) if row["signals"] else None for row in run.per_question
    ]
    answerable = np.array([row["answerable"] for row in run.per_question], dtype=bool)
    correct = np.array([row["scores"].get("answer_correct", 0.0) for row in run.per_question], dtype=bool)
    return Rows(signals, answerable, correct)


def fit(rows: list[Rows], strength: float = 1.0) -> tuple[StandardScaler, LogisticRegression]:
    x = np.concatenate([r.fitted()[0] for r in rows])
    y = np.concatenate([r.fitted()[1] for r in rows])
    scaler = StandardScaler().fit(x)
    model = LogisticRegression(C=strength, max_iter=1000).fit(scaler.transform(x), y)
    return scaler, model


def confidences(rows: Rows, scaler: StandardScaler, model: LogisticRegression) -> np.ndarray:
    """The confidence of each question; a fixed-confidence answer (a named case) counts as sure."""
    out = np.ones(len(rows.signals))
    for i, signals in enumerate(rows.signals):
        if signals is not None:
            out[i] = model.predict_proba(scaler.transform(signals[None, :]))[0, 1]
    return out


def current_confidences(rows: Rows, calibration: Calibration) -> np.ndarray:
    """The confidence of each question under the constants in use (a fixed-confidence answer counts as sure)."""
    return np.array([1.0 if signals is None else calibration.confidence(Signals(*signals)) for signals in rows.signals])


def rates(rows: Rows, confidence: np.ndarray, threshold: float) -> tuple[float, float, float]:
    """(abstention accuracy, false abstention rate, answer accuracy) at ``threshold``."""
    declined = (confidence < threshold) | rows.lacking
    abstention = float(declined[~rows.answerable].mean()) if (~rows.answerable).any() else 1.0
    false_abstention = float(declined[rows.answerable].mean())
    accuracy = float((rows.correct & ~declined)[rows.answerable].mean())
    return abstention, false_abstention, accuracy


def choose_threshold(rows: list[Rows], confidence: list[np.ndarray], max_false_abstention: float) -> float:
    best = 0.0
    for threshold in np.arange(0.05, 0.96, 0.01):
        worst = max(rates(r, c, threshold)[1] for r, c in zip(rows, confidence, strict=True))
        if worst <= max_false_abstention:
            best = float(threshold)
    return round(best, 2)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--workdir", type=Path, help="keep the tuning indexes here between runs (default: temporary)")
    parser.add_argument("--max-false-abstention", type=float, default=0.04, help="per tuning set (default 0.04)")
    parser.add_argument("--c", type=float, default=1.0, help="inverse regularisation strength (default 1.0)")
    arguments = parser.parse_args()
    with tempfile.TemporaryDirectory(prefix="referat-calibrate-") as scratch:
        workdir = arguments.workdir or Path(scratch)
        sets = {name: measure(name, workdir) for name in TUNING_SETS}
    limit = arguments.max_false_abstention
    print("(abstention, false abstention, answer accuracy)")
    current = Calibration()
    print(f"The constants in retrieval/answer.py, threshold {current.threshold:.2f}:")
    for name, held in sets.items():
        measured = rates(held, current_confidences(held, current), current.threshold)
        print(f"  → {name}: " + ", ".join(f"{value:.3f}" for value in measured))
    print("Fitted on the other sets, measured on the one left out:")
    for name, held in sets.items():
        others = [rows for other, rows in sets.items() if other != name]
        scaler, model = fit(others, arguments.c)
        threshold = choose_threshold(others, [confidences(r, scaler, model) for r in others], limit)
        measured = rates(held, confidences(held, scaler, model), threshold)
        print(f"  → {name}: threshold {threshold:.2f}: " + ", ".join(f"{value:.3f}" for value in measured))
    rows = list(sets.values())
    scaler, model = fit(rows, arguments.c)
    confidence = [confidences(r, scaler, model) for r in rows]
    threshold = choose_threshold(rows, confidence, limit)
    for name, r, c in zip(sets, rows, confidence, strict=True):
        print(f"  all → {name}: threshold {threshold:.2f}: " + ", ".join(f"{v:.3f}" for v in rates(r, c, threshold)))
    answered = np.concatenate([c[r.answerable] for r, c in zip(rows, confidence, strict=True)])
    right = np.concatenate([r.correct[r.answerable] for r in rows])
    sure = next(
        (round(float(s), 2) for s in np.arange(threshold, 1.0, 0.01) if right[answered >= s].mean() >= 0.9),
        0.99,
    )
    print("\nCalibration values (retrieval/answer.py):")
    print(f"    signal_mean: tuple[float, ...] = {tuple(round(float(v), 4) for v in scaler.mean_)}")
    print(f"    signal_scale: tuple[float, ...] = {tuple(round(float(v), 4) for v in scaler.scale_)}")
    print(f"    signal_weight: tuple[float, ...] = {tuple(round(float(v), 4) for v in model.coef_[0])}")
    print(f"    signal_bias: float = {round(float(model.intercept_[0]), 4)}")
    print(f"    threshold: float = {threshold}")
    print(f"    sure: float = {sure}  # answers at or above it were right 9 times in 10 on the tuning sets")


if __name__ == "__main__":
    main()
