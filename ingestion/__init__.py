"""Minutes PDFs → cleaned pages → agenda items → chunks. Knows nothing of indexes or HTTP."""

from ingestion.chunk import TokenCounter, approximate_tokens, chunk_document
from ingestion.domain import AgendaItem, Chunk, Document, Line, Section
from ingestion.errors import EmptyPdf, EncryptedPdf, NoTextLayer, ReferatError, UnreadablePdf
from ingestion.extract import sha256_bytes
from ingestion.parse import parse_pdf, parse_pdf_bytes

__all__ = [
    # domain types
    "AgendaItem",
    "Chunk",
    "Document",
    "EmptyPdf",
    "EncryptedPdf",
    "Line",
    "NoTextLayer",
    # errors
    "ReferatError",
    "Section",
    "TokenCounter",
    "UnreadablePdf",
    "approximate_tokens",
    "chunk_document",
    # parsing
    "parse_pdf",
    "parse_pdf_bytes",
    "sha256_bytes",
]
