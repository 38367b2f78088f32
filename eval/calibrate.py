"""Calibrate the abstention threshold on an evaluation set: ``python -m eval.calibrate DATASET CORPUS``.

Prints, for each candidate threshold, abstention accuracy on the unanswerable questions and the false
abstention rate on the answerable ones, and the threshold that balances them best. The chosen value is put
into ``retrieval.answer.Calibration.threshold`` by hand, with the numbers in the commit message.
"""

from __future__ import annotations

import sys
import tempfile
from pathlib import Path

from eval.dataset import load_dataset
from eval.harness import open_assistant
from retrieval.settings import Settings


def main(dataset: Path, corpus: Path) -> None:
    questions = load_dataset(dataset)
    with tempfile.TemporaryDirectory(prefix="referat-calibrate-") as scratch:
        assistant, _pdfs, _skipped = open_assistant(Settings(), corpus, Path(scratch))
        pairs = [(q.answerable, assistant.ask(q.question).confidence, q.id) for q in questions]
    answerable = sorted(c for a, c, _ in pairs if a)
    unanswerable = sorted(c for a, c, _ in pairs if not a)
    print("answerable confidences (lowest 10):", [round(c, 3) for c in answerable[:10]])
    print("unanswerable confidences (highest 10):", [round(c, 3) for c in unanswerable[-10:]])
    best = None
    for step in range(20, 80):
        threshold = step / 100
        abstention = sum(c < threshold for c in unanswerable) / max(len(unanswerable), 1)
        false_abstention = sum(c < threshold for c in answerable) / max(len(answerable), 1)
        balance = abstention - 2 * false_abstention  # declining a real question costs more than a wrong answer
        print(f"threshold {threshold:.2f}: abstention {abstention:.3f}, false abstention {false_abstention:.3f}")
        if best is None or balance > best[0]:
            best = (balance, threshold)
    print("best threshold:", best[1] if best else None)
    for answerable_flag, confidence, identifier in sorted(pairs, key=lambda p: p[1]):
        print(f"{confidence:.3f} {'A' if answerable_flag else 'U'} {identifier}")


if __name__ == "__main__":
    main(Path(sys.argv[1]), Path(sys.argv[2]))
