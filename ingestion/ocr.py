"""Danish OCR for the pages of a PDF that have no text layer: pypdfium2 renders the page, tesseract reads it.

Why these two: tesseract with Debian's Danish model (``tesseract-ocr-dan``) is the well-kept open OCR engine, and
pytesseract drives it and hands back every word with its confidence and line, which is what the index needs
(text lines per page, and a confidence to keep illegible pages out). ocrmypdf would write a new PDF with a text
layer that pypdf then reads back; we want the text, not a new file, and the original PDF stays what the viewer
shows. pypdfium2 renders pages from a wheel, so no Ghostscript or poppler is needed.

A page is read with OCR only when it has (almost) no text of its own and carries a page-sized image: a scan.
Rotated scans are turned upright first (tesseract's orientation detection). A page whose words tesseract is on
average less than ``MIN_CONFIDENCE`` sure of (handwriting, a photo, noise) is kept out and counted.
"""

from __future__ import annotations

import logging
import os
import shutil
import statistics
from collections.abc import Callable, Iterator
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from typing import Any

from ingestion.domain import TextLine

logger = logging.getLogger(__name__)

LANGUAGE = "dan"
DPI = 300
# Mean word confidence (0-100) under which a page's text is not trusted: typed Danish scans read at 85-95,
# handwriting and photos well under 50.
MIN_CONFIDENCE = 60.0
# A scan carries an image of at least this many pixels (an A4 page at 100 dpi); a logo or a signature does not.
MIN_SCAN_PIXELS = 800_000
# Page segmentation mode 4: one column of text of varying sizes, read line by line. Minutes and their
# attachments are one column; a table is then read row by row ("031.002 Idrætsparken Stadionvej 38 …")
# instead of column by column, which keeps each row's facts together.
TESSERACT_CONFIG = "--psm 4"
INSTALL_HINT = "Installér OCR med: apt-get install tesseract-ocr tesseract-ocr-dan (Debian/Ubuntu)"

ProgressCallback = Callable[[int, int], None]


@dataclass(frozen=True)
class OcrPage:
    """What OCR read on one page: its lines (empty when rejected) and tesseract's mean word confidence."""

    number: int
    lines: list[TextLine]
    confidence: float

    @property
    def accepted(self) -> bool:
        return bool(self.lines) and self.confidence >= MIN_CONFIDENCE


def missing() -> str:
    """Why OCR cannot run here ("" when it can): tesseract or its Danish model is not installed."""
    if shutil.which("tesseract") is None:
        return f"tesseract er ikke installeret. {INSTALL_HINT}."
    import pytesseract

    try:
        languages = pytesseract.get_languages(config="")
    except (pytesseract.TesseractError, OSError) as error:
        return f"tesseract kan ikke køres ({error}). {INSTALL_HINT}."
    if LANGUAGE not in languages:
        return f"tesseracts danske sprogmodel mangler. {INSTALL_HINT}."
    return ""


def read_pages(data: bytes, numbers: list[int], progress: ProgressCallback | None = None) -> list[OcrPage]:
    """OCR the given 1-based pages of a PDF, in order; ``progress(done, total)`` after each page.

    Pages are read side by side, one tesseract process per core (tesseract's own threads help little on a page
    and are turned off), so a multi-page scan takes about pages / cores times one page.
    """
    import pypdfium2

    # One tesseract process per page, each on one thread: set for the processes started from here on (this
    # process's own OpenMP runtime read its limit when it started and is not affected).
    os.environ.setdefault("OMP_THREAD_LIMIT", "1")
    document = pypdfium2.PdfDocument(data)
    try:
        # Rendering is done here, one page at a time, since pdfium is not thread-safe; reading runs in parallel.
        def images() -> Iterator[tuple[int, Any]]:
            for number in numbers:
                page = document[number - 1]
                try:
                    yield number, page.render(scale=DPI / 72, grayscale=True).to_pil()
                finally:
                    page.close()

        workers = max(1, min(len(numbers), os.cpu_count() or 1))
        results: list[OcrPage] = []
        with ThreadPoolExecutor(max_workers=workers) as pool:
            for page in pool.map(lambda pair: read_image(pair[1], pair[0]), images()):
                results.append(page)
                if progress:
                    progress(len(results), len(numbers))
        return results
    finally:
        document.close()


def read_image(image: Any, number: int) -> OcrPage:
    """OCR one page image (PIL): turn it upright, read its words, group them into lines."""
    import pytesseract

    image = _upright(image, number)
    data = pytesseract.image_to_data(image, lang=LANGUAGE, config=TESSERACT_CONFIG, output_type=pytesseract.Output.DICT)
    lines: dict[tuple[int, int, int], list[tuple[str, float, int]]] = {}
    for index, word in enumerate(data["text"]):
        confidence = float(data["conf"][index])
        if not word.strip() or confidence < 0:
            continue
        key = (data["block_num"][index], data["par_num"][index], data["line_num"][index])
        lines.setdefault(key, []).append((word.strip(), confidence, int(data["height"][index])))
    words = [word for line in lines.values() for word in line]
    if not words:
        return OcrPage(number=number, lines=[], confidence=0.0)
    confidence = round(statistics.fmean(word[1] for word in words), 1)
    text_lines = [
        TextLine(
            text=" ".join(word[0] for word in line),
            page=number,
            # The height of a line's words in points: a heading stands out from body text as it does in print.
            size=round(statistics.median(word[2] for word in line) * 72 / DPI, 1),
            font="ocr",
        )
        for line in lines.values()
    ]
    return OcrPage(number=number, lines=text_lines, confidence=confidence)


def _upright(image: Any, number: int) -> Any:
    """The image turned the way its text reads; as it is when tesseract cannot tell (too little text)."""
    import pytesseract

    try:
        osd = pytesseract.image_to_osd(image, output_type=pytesseract.Output.DICT)
    except pytesseract.TesseractError as error:
        logger.info("page %d: orientation not detected (%s); reading it as it is", number, error.message.strip())
        return image
    rotate = int(osd.get("rotate", 0))
    return image.rotate(-rotate, expand=True) if rotate else image
