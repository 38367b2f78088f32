"""The domain errors of referat. Each message is Danish and says what is wrong and what to do."""

from __future__ import annotations


class ReferatError(Exception):
    """Base of every error referat raises on purpose; ``code`` is a stable machine-readable name."""

    code = "referat_error"

    def __init__(self, message: str) -> None:
        super().__init__(message)
        self.message = message


class UnreadablePdf(ReferatError):
    code = "unreadable_pdf"


class EncryptedPdf(ReferatError):
    code = "encrypted_pdf"


class NoTextLayer(ReferatError):
    code = "no_text_layer"


class EmptyPdf(ReferatError):
    code = "empty_pdf"
