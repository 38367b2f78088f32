"""Properties of the page cleaner, de-hyphenation and the agenda segmenter, on arbitrary and structured text."""

import os
import re
import unicodedata
from collections import Counter

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from ingestion.clean import dehyphenate, normalise_text, strip_running_lines
from ingestion.domain import Line, TextLine
from ingestion.parse import parse_pages

# REFERAT_FUZZ_EXAMPLES=2000 for a deeper run by hand; the default keeps make test fast.
FAST = settings(
    max_examples=int(os.environ.get("REFERAT_FUZZ_EXAMPLES", "120")),
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow],
)
pages_strategy = st.lists(st.text(max_size=400), min_size=1, max_size=6)


def _alphanumerics(text: str) -> Counter:
    return Counter(character for character in text if character.isalnum())


@FAST
@given(pages_strategy)
def test_cleaner_never_raises_and_only_removes_whole_lines(pages):
    cleaned, _furniture = strip_running_lines(
        [[TextLine(text=text, page=number) for text in page.split("\n")] for number, page in enumerate(pages, 1)]
    )
    assert len(cleaned) == len(pages)
    for raw, lines in zip(pages, cleaned, strict=True):
        available = Counter(line for line in normalise_text(raw).split("\n") if line)
        assert not Counter(line.text for line in lines) - available  # every kept line was a line of the page


@FAST
@given(st.lists(st.text(max_size=80), max_size=12))
def test_dehyphenation_only_touches_line_end_hyphens(texts):
    lines = [Line(text=text, page=1) for text in texts if text]
    joined = dehyphenate(lines)
    before = "".join(line.text for line in lines)
    after = "".join(line.text for line in joined)
    assert _alphanumerics(after) == _alphanumerics(before)  # only hyphens and line breaks may go
    if not any(line.text.endswith("-") for line in lines):
        assert [line.text for line in joined] == [line.text for line in lines]


@FAST
@given(pages_strategy)
def test_parsing_arbitrary_text_never_raises_and_spans_are_sane(pages):
    document = parse_pages(pages, "fuzz.pdf", "0" * 64)
    for item in document.items:
        assert 1 <= item.first_page <= item.last_page <= len(pages)
    firsts = [item.first_page for item in document.items]
    assert firsts == sorted(firsts)


WORD = st.text(alphabet="abcdefghijklmnoprstuvyæøå", min_size=2, max_size=10)
SENTENCE = st.lists(WORD, min_size=1, max_size=8).map(lambda words: " ".join(words).capitalize() + ".")
SECTION = st.sampled_from(["Baggrund", "Indstilling", "Sagsfremstilling", "Beslutning", None])


def _tag(number: int) -> str:
    """A letter word unique per line: a body line that repeats at the same place on most pages is, by design,
    indistinguishable from a running header, so the generated body never repeats itself that way."""
    letters = ""
    number += 1
    while number:
        number, rest = divmod(number - 1, 26)
        letters = "abcdefghijklmnopqrstuvwxyz"[rest] + letters
    return "ord" + letters


@st.composite
def meetings(draw):
    """eDoc-like minutes: a preamble, then numbered items with case-number lines and sections."""
    counter = iter(range(10_000))

    def sentence() -> str:
        # The tag opens the sentence: lines that open with the same words at the top of most pages are a running
        # title going on with what changes ("Referat 09.10.2023 · 3) …"), as "Aa aaaaaa aa orda." / "Aa aaaaaa aa
        # ordc." would be.
        return f"{_tag(next(counter)).capitalize()} {draw(SENTENCE).lower()}"

    lines: list[str] = [sentence() for _ in range(draw(st.integers(1, 3)))]
    case_lines = set()
    for number in range(1, draw(st.integers(1, 5)) + 1):
        lines.append(f"{number}. {sentence()}")
        case = f"Sagsnr.: 20{draw(st.integers(10, 24))}-{draw(st.integers(1000, 99999))}"
        case_lines.add(case)
        lines.append(case)
        for _ in range(draw(st.integers(1, 6))):
            section = draw(SECTION)
            if section:
                lines.append(section)
            lines.extend(sentence() for _ in range(draw(st.integers(1, 3))))
    per_page = draw(st.integers(2, 12))
    pages = ["\n".join(lines[start : start + per_page]) for start in range(0, len(lines), per_page)]
    return pages, case_lines


@FAST
@given(meetings())
def test_every_body_character_lands_in_an_item_or_the_preamble(meeting):
    pages, case_lines = meeting
    document = parse_pages(pages, "fuzz.pdf", "0" * 64)
    expected = Counter()
    for page in pages:
        for line in page.split("\n"):
            expected += _alphanumerics(line.removeprefix("Sagsnr.: ") if line in case_lines else line)
    found = _alphanumerics(" ".join(line.text for line in document.preamble))
    for item in document.items:
        parts = [item.number, item.kind, item.title, item.case_number, item.group]
        parts += [section.name + " " + section.text for section in item.sections]
        found += _alphanumerics(" ".join(parts))
    if document.items and document.items[0].number == "":
        # the meeting-information pseudo-item repeats the preamble; count it once
        found -= _alphanumerics(document.items[0].title + " " + document.items[0].text)
    assert found == expected
    numbers = [item.number for item in document.items if item.number]
    assert numbers == [str(n) for n in range(1, len(numbers) + 1)]


def test_normalisation_composes_and_maps_private_glyphs():
    assert unicodedata.normalize("NFC", "å") == normalise_text(unicodedata.normalize("NFD", "å"))
    assert re.fullmatch(r"\w+", normalise_text("\uf0b7")) is None
