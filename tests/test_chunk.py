import re

import pytest

from ingestion import Chunk, chunk_document, parse_pdf
from retrieval.embedder import Embedder
from tests.conftest import BALLERUP, KKR, MINUTES, SYDDJURS

HEADER_TEXT = ["Dato: 04.12.2012", "KKR Sjælland | 30-08-2021", "SIDE |", "of 5"]


@pytest.fixture(scope="module")
def chunks(embedder: Embedder) -> dict[str, list[Chunk]]:
    return {path.name: chunk_document(parse_pdf(path), 350, embedder.count_tokens) for path in MINUTES}


def test_chunks_fit_the_model(chunks, embedder: Embedder):
    for document_chunks in chunks.values():
        for chunk in document_chunks:
            assert embedder.count_tokens(chunk.context_header() + "\n" + chunk.text) <= 360, chunk.id


def test_chunks_carry_metadata(chunks):
    chunk = next(c for c in chunks[KKR.name] if c.item_number == "2.6" and "Beslutning" in c.section)
    assert chunk.case_number == "SAG-2020-05891"
    assert chunk.body == "KKR Sjælland"
    assert chunk.meeting_date_int == 20210830
    assert chunk.kind == "Orienteringssag"
    assert chunk.item_title.startswith("Anlægsprojekter Holmene og Lynetteholm")
    assert 27 in chunk.pages and "Anette Mortensen" in chunk.text
    assert len({c.id for cs in chunks.values() for c in cs}) == sum(len(cs) for cs in chunks.values())


def test_short_item_is_one_chunk(chunks):
    item = [c for c in chunks[KKR.name] if c.item_number == "1.2"]
    assert len(item) == 1
    assert item[0].section == "Baggrund, Indstilling, Sagsfremstilling, Beslutning"


def test_chunk_pages_are_where_its_text_stands(chunks):
    document = parse_pdf(SYDDJURS)
    for chunk in chunks[SYDDJURS.name]:
        first_line = chunk.text.splitlines()[1] if chunk.section else chunk.text.splitlines()[0]
        assert first_line
        assert any(first_line in document.pages[page - 1] for page in chunk.pages)


def test_no_running_header_inside_any_chunk(chunks):
    for name in (BALLERUP.name, KKR.name, SYDDJURS.name):
        for chunk in chunks[name]:
            for header in HEADER_TEXT:
                assert header not in chunk.text, (chunk.id, header)
            assert not re.search(r"(?m)^Side \d+$", chunk.text)


def test_no_line_end_split_left_and_real_hyphens_survive(chunks):
    text = "\n".join(c.text for cs in chunks.values() for c in cs)
    # A lower-case word cut at a line end and continued in lower case would be a split we failed to join.
    leftovers = [
        m.group(0) for m in re.finditer(r"[a-zæøå]{2,}-\n[a-zæøå]+", text) if not m.group(0).endswith(("og", "eller"))
    ]
    assert leftovers == []
    for joined in ["varighed", "arbejdsdeling(en)", "lokal erhvervsservice", "svenske regler", "Copenhagen Phil"]:
        assert joined in " ".join(text.split()), joined
    for hyphenated in [
        "SOSU-uddannelserne",
        "KKR-formandskabet",
        "KKR-udpegede",
        "EU-støtte",
        "COVID-19",
        "Sundheds- og Forebyggelsesudvalget",
    ]:
        assert hyphenated in text, hyphenated
