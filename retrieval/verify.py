"""Citation verification: a quoted snippet must stand on the page(s) it cites."""

from __future__ import annotations

import re

from ingestion.domain import Document

_IGNORED = re.compile(r"[\s\u00ad\-‐‑–]+")


def _fold(text: str) -> str:
    """Whitespace- and hyphenation-insensitive form: "ar-\\nbejdsdeling" and "arbejdsdeling" fold alike."""
    return _IGNORED.sub("", text).casefold()


def snippet_on_pages(snippet: str, document: Document, pages: list[int]) -> bool:
    """True when ``snippet`` (minus a trailing ellipsis) is found in the text of ``pages`` read in order."""
    core = snippet.strip().removesuffix("…").removeprefix("…").strip()
    if not core or not pages or any(page < 1 or page > len(document.pages) for page in pages):
        return False
    if pages != list(range(pages[0], pages[-1] + 1)):
        return False
    text = "".join(document.pages[page - 1] for page in pages)
    return _fold(core) in _fold(text)
