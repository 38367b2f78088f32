"""Minutes PDFs → cleaned pages → agenda items → chunks. Knows nothing of indexes or HTTP."""

from ingestion.chunk import TokenCounter, approximate_tokens, chunk_document
from ingestion.domain import AgendaItem, Chunk, Document, Line, OutlineEntry, Reading, Section, TextLine
from ingestion.errors import EmptyPdf, EncryptedPdf, NoTextLayer, ReferatError, UnreadablePdf
from ingestion.extract import sha256_bytes
from ingestion.parse import parse_pdf, parse_pdf_bytes, summary_line
from ingestion.structure import STRATEGY_NAMES

__all__ = [
    # parsing and chunking
    "STRATEGY_NAMES",
    # domain types
    "AgendaItem",
    "Chunk",
    "Document",
    # errors
    "EmptyPdf",
    "EncryptedPdf",
    "Line",
    "NoTextLayer",
    "OutlineEntry",
    "Reading",
    "ReferatError",
    "Section",
    "TextLine",
    "TokenCounter",
    "UnreadablePdf",
    "approximate_tokens",
    "chunk_document",
    "parse_pdf",
    "parse_pdf_bytes",
    "sha256_bytes",
    "summary_line",
]
