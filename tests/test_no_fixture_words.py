"""Rules fitted to a fixture are defects: no fixture's body, municipality, place, topic or case number appears in
the code that reads and answers (retrieval/, ingestion/), not even in a comment or an example."""

import re
from pathlib import Path

import pytest

ROOT = Path(__file__).parent.parent
FIXTURE_WORDS = [
    # municipalities and regions of the fixtures and the corpus
    "ballerup",
    "syddjurs",
    "aarhus",
    "greve",
    "sjælland",
    "elev sogneråd",
    # bodies and groups as the fixtures name them
    r"\bkkr\b",
    "mødesystemgruppen",
    "forebyggelsesudvalget",
    "plan, udvikling og kultur",
    # topics and places the fixture questions are about
    "lynetteholm",
    "holmene",
    "torvevej",
    "kaløvig",
    "væveskole",
    # the fixtures' case numbers
    "05891",
    "27845",
    "28504",
]


def _code_files() -> list[Path]:
    return sorted(path for folder in ("retrieval", "ingestion") for path in (ROOT / folder).rglob("*.py"))


@pytest.mark.parametrize("word", FIXTURE_WORDS)
def test_no_fixture_word_in_the_code(word):
    pattern = re.compile(word if word.startswith(r"\b") else re.escape(word), re.IGNORECASE)
    found = [
        f"{path.relative_to(ROOT)}:{number}"
        for path in _code_files()
        for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1)
        if pattern.search(line)
    ]
    assert not found, f"{word!r} in {found}"


def test_the_check_sees_the_code():
    assert len(_code_files()) >= 20
