"""Read the text layer of a PDF, page by page, with pypdf."""

from __future__ import annotations

import hashlib
import io
import logging
from pathlib import Path

from pypdf import PdfReader
from pypdf.errors import FileNotDecryptedError, PdfReadError, PdfStreamError

from ingestion.errors import EmptyPdf, EncryptedPdf, NoTextLayer, UnreadablePdf

logger = logging.getLogger(__name__)
# pypdf warns on every damaged inline image of a scan ("Early EOD in RunLengthDecode"): noise for a person
# ingesting minutes, and the text layer is what matters. Real read failures still raise below.
logging.getLogger("pypdf").setLevel(logging.ERROR)

# A page with fewer letters than this carries no real text (a scan has at most a few stray marks).
MIN_LETTERS_PER_DOCUMENT = 40


def sha256_bytes(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


def read_pages(data: bytes, file_name: str) -> list[str]:
    """Return the raw text of every page; raise a domain error for files that cannot be indexed."""
    if not data.startswith(b"%PDF") and b"%PDF" not in data[:1024]:
        raise UnreadablePdf(f"{file_name} er ikke en PDF-fil (filen starter ikke med %PDF). Vælg referatet som PDF.")
    try:
        reader = PdfReader(io.BytesIO(data))
        if reader.is_encrypted:
            try:
                # Many "encrypted" minutes only restrict printing: the empty user password opens them.
                opened = reader.decrypt("")
            except Exception as error:  # pypdf raises several types for unsupported crypto
                raise EncryptedPdf(
                    f"{file_name} er krypteret og kan ikke åbnes ({error}). "
                    "Gem en udgave uden adgangskode og prøv igen."
                ) from error
            if not opened:
                raise EncryptedPdf(
                    f"{file_name} er beskyttet med adgangskode. Gem en udgave uden adgangskode og prøv igen."
                )
        pages = [page.extract_text() or "" for page in reader.pages]
    except EncryptedPdf:
        raise
    except FileNotDecryptedError as error:
        raise EncryptedPdf(
            f"{file_name} er beskyttet med adgangskode. Gem en udgave uden adgangskode og prøv igen."
        ) from error
    except (PdfReadError, PdfStreamError, ValueError, KeyError, TypeError, OSError) as error:
        raise UnreadablePdf(
            f"{file_name} kan ikke læses som PDF ({type(error).__name__}: {error}). "
            "Filen er måske beskadiget eller ufuldstændig; hent den igen og prøv på ny."
        ) from error
    if not pages:
        raise EmptyPdf(f"{file_name} har ingen sider. Kontrollér filen og prøv igen.")
    letters = sum(character.isalpha() for page in pages for character in page)
    if letters < MIN_LETTERS_PER_DOCUMENT:
        raise NoTextLayer(
            f"{file_name} har intet tekstlag (en scannet PDF, {len(pages)} sider) — OCR understøttes "
            "ikke endnu. Kør filen gennem OCR, eller find en udgave med tekst."
        )
    return pages


def read_file(path: Path) -> bytes:
    try:
        return path.read_bytes()
    except OSError as error:
        raise UnreadablePdf(f"{path.name} kan ikke læses fra disken ({error.strerror}).") from error
