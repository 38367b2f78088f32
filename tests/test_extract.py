import pytest
from pypdf import PdfReader, PdfWriter

from ingestion import EmptyPdf, EncryptedPdf, NoTextLayer, UnreadablePdf, ocr, parse_pdf, parse_pdf_bytes
from tests.conftest import SCANNED, SYDDJURS


def test_a_scan_where_ocr_cannot_run_is_refused_naming_what_to_install(monkeypatch):
    monkeypatch.setattr(ocr, "missing", lambda: f"tesseract er ikke installeret. {ocr.INSTALL_HINT}.")
    with pytest.raises(NoTextLayer, match=r"intet tekstlag.*tesseract-ocr-dan"):
        parse_pdf(SCANNED)


def test_truncated_pdf_is_unreadable():
    data = SYDDJURS.read_bytes()
    with pytest.raises(UnreadablePdf, match="kan ikke læses"):
        parse_pdf_bytes(data[: len(data) // 3], "afkortet.pdf")


def test_other_file_renamed_pdf_is_refused():
    with pytest.raises(UnreadablePdf, match="ikke en PDF"):
        parse_pdf_bytes(b"PK\x03\x04 a zip file, not minutes", "referat.pdf")


def _encrypted(user_password: str, tmp_path) -> bytes:
    writer = PdfWriter(clone_from=PdfReader(SYDDJURS))
    writer.encrypt(user_password=user_password, owner_password="ejer", algorithm="AES-128")
    path = tmp_path / "krypteret.pdf"
    writer.write(path)
    return path.read_bytes()


def test_encrypted_pdf_with_password_is_refused(tmp_path):
    with pytest.raises(EncryptedPdf, match="adgangskode"):
        parse_pdf_bytes(_encrypted("hemmelig", tmp_path), "krypteret.pdf")


def test_encrypted_pdf_with_empty_user_password_opens(tmp_path):
    document = parse_pdf_bytes(_encrypted("", tmp_path), "krypteret.pdf")
    assert [item.case_number for item in document.items if item.number] == ["12/27845"]


def test_zero_page_pdf_is_refused(tmp_path):
    path = tmp_path / "tom.pdf"
    PdfWriter().write(path)
    with pytest.raises((EmptyPdf, UnreadablePdf)):
        parse_pdf(path)
