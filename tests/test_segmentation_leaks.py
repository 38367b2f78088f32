"""The segmentation evaluation's closed-item check: a closed item's heading or text stored anywhere is a leak; an
open item that names the closed matter in a sentence of its own is not."""

from eval.segmentation import ExpectedItem, LabelledDocument, _leaks
from ingestion.domain import Document

CLOSED = ExpectedItem(number="4", title="Salg af grund til Vestby Vandværk", first_page=8, closed=True)
LABEL = LabelledDocument(file="x.pdf", document_kind="minutes", items=[CLOSED])


def _document(*pages: str) -> Document:
    return Document(id="0" * 64, file_name="x.pdf", title="Referat", page_count=len(pages), pages=list(pages), items=[])


def test_a_closed_items_heading_left_in_the_stored_text_is_a_leak():
    stored = _document("3. Lokalplaner\nUdvalget drøftede listen.\n4. Salg af grund til Vestby Vandværk\nLukket sag")
    assert _leaks(LABEL, stored, []) == ["4 Salg af grund til Vestby Vandværk"]


def test_an_open_item_naming_the_closed_matter_in_a_sentence_is_no_leak():
    stored = _document("3. Lokalplaner\nsagen om salg af grund til Vestby Vandværk forelægges parallelt med denne sag.")
    assert _leaks(LABEL, stored, []) == []
