"""The evaluation harness: dataset format, report keys, baselines, and the CI gate failing on a floor."""

import json
import re
import shutil

import pytest
from pypdf import PdfReader
from typer.testing import CliRunner

from api.cli import app
from eval.dataset import DatasetError, Question, load_dataset
from eval.harness import METRIC_KEYS, check_floors
from eval.metrics import answer_scores, is_cross_meeting
from retrieval.domain import Answer, Citation
from tests.conftest import FIXTURES, SYDDJURS

runner = CliRunner()

UNSEEN = [
    {
        "id": "x-1",
        "question": "Hvor mange T-shirts blev trykt til kulturkommunen?",
        "answerable": True,
        "expected": [{"document": SYDDJURS.name, "agenda_item": "715", "pages": [3]}],
        "answer_must_contain": ["100"],
        "kind": "number",
        "notes": "extra keys are ignored",
    },
    {
        "id": "x-2",
        "question": "Hvornår blev der indkaldt til ekstraordinært møde?",
        "answerable": True,
        "expected": [{"document": SYDDJURS.name, "agenda_item": "715", "case_number": "12/27845", "pages": [3]}],
        "answer_must_contain": ["24. april 2013"],
    },
    {
        "id": "x-3",
        "question": "Hvad koster en ny svømmehal i Rønde?",
        "answerable": False,
        "expected": [],
        "answer_must_contain": [],
    },
]


@pytest.fixture(scope="module")
def corpus(tmp_path_factory):
    folder = tmp_path_factory.mktemp("corpus")
    shutil.copy(SYDDJURS, folder / SYDDJURS.name)
    return folder


@pytest.fixture(scope="module")
def unseen(tmp_path_factory):
    path = tmp_path_factory.mktemp("dataset") / "unseen.jsonl"
    path.write_text("\n".join(json.dumps(row, ensure_ascii=False) for row in UNSEEN) + "\n", encoding="utf-8")
    return path


def test_an_unseen_dataset_runs_and_reports_every_key(corpus, unseen, tmp_path):
    out = tmp_path / "report"
    result = runner.invoke(
        app, ["eval", "--dataset", str(unseen), "--corpus", str(corpus), "--out", str(out), "--baselines"]
    )
    assert result.exit_code == 0, result.output
    report = json.loads((out / "report.json").read_text())
    assert set(METRIC_KEYS) <= set(report)
    assert {"per_question", "by_kind", "baselines"} <= set(report)
    assert (report["n"], report["n_unanswerable"]) == (2, 1)
    assert set(report["baselines"]) == {"bm25_only", "naive_llamaindex"}
    assert {q["id"] for q in report["per_question"]} == {"x-1", "x-2", "x-3"}
    assert report["by_kind"]["number"]["n"] == 1 and "untagged" in report["by_kind"]
    markdown = (out / "report.md").read_text()
    assert "## Metrikker" in markdown and "## Mod baselines" in markdown and "naive_llamaindex" in markdown


def test_a_kind_mixing_answerable_and_unanswerable_questions_runs_to_a_report(corpus, tmp_path):
    """A normal dataset: "fact" holds a question the minutes answer and one they do not."""
    rows = [
        {**UNSEEN[0], "kind": "fact"},
        {**UNSEEN[2], "kind": "fact"},
    ]
    dataset = tmp_path / "mixed.jsonl"
    dataset.write_text("\n".join(json.dumps(row, ensure_ascii=False) for row in rows) + "\n", encoding="utf-8")
    out = tmp_path / "report"
    result = runner.invoke(app, ["eval", "--dataset", str(dataset), "--corpus", str(corpus), "--out", str(out)])
    assert result.exit_code == 0, result.output
    fact = json.loads((out / "report.json").read_text())["by_kind"]["fact"]
    assert fact["n"] == 2 and {"hit_at_5", "answer_accuracy", "abstention_accuracy"} <= set(fact)


def test_ingesting_a_corpus_reports_progress(corpus, unseen, tmp_path):
    from eval.harness import run_eval
    from retrieval.settings import Settings

    seen: list[tuple[int, int, str]] = []
    run_eval(
        Settings(data_dir=tmp_path / "unused"),
        load_dataset(unseen),
        corpus,
        tmp_path / "report",
        False,
        progress=lambda done, total, name: seen.append((done, total, name)),
    )
    assert seen == [(0, 1, SYDDJURS.name), (1, 1, "")]


def test_the_gate_fails_and_names_the_metric(corpus, unseen, tmp_path):
    result = runner.invoke(
        app,
        ["eval", "--dataset", str(unseen), "--corpus", str(corpus), "--out", str(tmp_path), "--min", "hit_at_1=1.01"],
    )
    assert result.exit_code == 1
    assert "hit_at_1" in result.output


def test_floors_and_ceilings():
    metrics = dict.fromkeys(METRIC_KEYS, 0.5)
    assert check_floors(metrics, {"hit_at_5": 0.4, "false_abstention_rate": 0.6}) == []
    failures = check_floors(metrics, {"hit_at_5": 0.9, "false_abstention_rate": 0.1})
    assert [f.split(" ")[0] for f in failures] == ["hit_at_5", "false_abstention_rate"]


def test_unknown_metric_in_a_floor_is_refused(unseen, corpus):
    result = runner.invoke(app, ["eval", "--dataset", str(unseen), "--corpus", str(corpus), "--min", "speed=1"])
    assert result.exit_code != 0 and "METRIK=VÆRDI" in result.output


def test_malformed_dataset_lines_are_reported(tmp_path):
    path = tmp_path / "bad.jsonl"
    path.write_text('{"id": "a", "question": "Hvad?", "answerable": true}\n', encoding="utf-8")
    with pytest.raises(DatasetError, match="ingen 'expected'"):
        load_dataset(path)
    path.write_text("not json\n", encoding="utf-8")
    with pytest.raises(DatasetError, match="Linje 1"):
        load_dataset(path)


def _fold(text: str) -> str:
    return re.sub(r"[\s\-‐‑–\u00ad]+", "", text).casefold()


DATASETS = FIXTURES.parent.parent / "eval" / "datasets"
CORPORA = FIXTURES.parent.parent / "eval" / "corpus"


@pytest.mark.parametrize(
    ("name", "corpus_folder", "minimum", "unanswerable"),
    [
        ("dev.jsonl", FIXTURES, 120, 20),
        ("dev-wide.jsonl", CORPORA / "dev-wide", 120, 15),
        ("test.jsonl", CORPORA / "test", 80, 15),
        ("dev-wide-6.jsonl", CORPORA / "dev-wide-6", 70, 9),
        ("dev-wide-7.jsonl", CORPORA / "dev-wide-7", 65, 10),
        ("dev-wide-8.jsonl", CORPORA / "dev-wide-8", 90, 15),
        ("dev-wide-9.jsonl", CORPORA / "dev-wide-9", 80, 14),
        ("dev-wide-10.jsonl", CORPORA / "dev-wide-10", 90, 15),
        ("test-2.jsonl", CORPORA / "test-2", 75, 9),
    ],
)
def test_each_question_set_is_large_mixed_and_its_evidence_stands_on_the_expected_pages(
    name, corpus_folder, minimum, unanswerable
):
    questions = load_dataset(DATASETS / name)
    assert len(questions) >= minimum
    assert sum(not q.answerable for q in questions) >= unanswerable
    assert {"number", "person", "date", "decision", "paraphrase", "case_number"} <= {q.kind for q in questions}
    pages = {
        path.name: [_fold(page.extract_text() or "") for page in PdfReader(path).pages]
        for path in corpus_folder.glob("*.pdf")
        if "SCANNED" not in path.name
    }
    for question in questions:
        for required in question.answer_must_contain:
            assert any(_fold(required) in pages[e.document][page - 1] for e in question.expected for page in e.pages), (
                question.id,
                required,
            )


def test_the_held_out_sets_have_at_least_ten_questions_across_meetings():
    for name in ("dev-wide.jsonl", "test.jsonl", "test-2.jsonl"):
        across = [q for q in load_dataset(DATASETS / name) if is_cross_meeting(q)]
        assert len(across) >= 10
        assert all(len({e.document for e in q.expected}) >= 2 for q in across)


def _citation(document: str) -> Citation:
    return Citation(
        n=1,
        document=document,
        document_id="x",
        body="Udvalget",
        meeting_date=None,
        agenda_item="1",
        title="Sag",
        case_number="",
        pages=[1],
        snippet="Godkendt.",
        pdf_url="/api/documents/x/pdf#page=1",
    )


def test_meetings_recall_scores_questions_across_meetings_only():
    expected = [
        {"document": "a.pdf", "agenda_item": "1", "pages": [1]},
        {"document": "b.pdf", "agenda_item": "1", "pages": [1]},
    ]
    answer = Answer(answer="Godkendt. [1]", answered=True, citations=[_citation("a.pdf")])
    across = Question(id="c", question="?", answerable=True, expected=expected, kind="cross_meeting")
    untagged = Question(id="u", question="?", answerable=True, expected=expected)
    printed_twice = Question(id="n", question="?", answerable=True, expected=expected, kind="number")
    assert answer_scores(across, answer)["meetings_recall"] == 0.5
    assert answer_scores(untagged, answer)["meetings_recall"] == 0.5
    assert "meetings_recall" not in answer_scores(printed_twice, answer)  # either meeting answers a fact
