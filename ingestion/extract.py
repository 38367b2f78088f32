"""Read a PDF with pypdf: the text of every page as lines that know their font size and weight, and the outline.

Typography is read in the same pass as the text: pypdf's ``extract_text(visitor_text=…)`` hands over every run
of text with its font and matrices, and those runs concatenate to exactly the text ``extract_text`` returns, so
each line gets the size and boldness of the characters it is made of at no second extraction.
"""

from __future__ import annotations

import dataclasses
import hashlib
import io
import logging
import math
import re
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from pypdf import PdfReader
from pypdf.errors import FileNotDecryptedError, PdfReadError, PdfStreamError

from ingestion import ocr
from ingestion.domain import OutlineEntry, TextLine
from ingestion.errors import EmptyPdf, EncryptedPdf, NoTextLayer, UnreadablePdf

logger = logging.getLogger(__name__)
# pypdf warns on every damaged inline image of a scan ("Early EOD in RunLengthDecode"): noise for a person
# ingesting minutes, and the text layer is what matters. Real read failures still raise below.
logging.getLogger("pypdf").setLevel(logging.ERROR)

# A document or page with fewer letters than this carries no real text (a scan has at most a few stray marks).
MIN_LETTERS_PER_DOCUMENT = 40
MIN_LETTERS_PER_PAGE = 40
_BOLD_NAME = re.compile(r"(?i)bold|black|heavy|semibold|demibold|[,-]b$|-bd$")
_SUBSET_PREFIX = re.compile(r"^[A-Z]{6}\+")
_STYLE_WORDS = re.compile(r"(?i)[,-]?(bold|italic|oblique|regular|book|roman|normal|medium|mt|ps)")


@dataclass(frozen=True)
class PdfContent:
    """What a PDF says about itself: styled lines per page (raw, before cleaning) and its outline."""

    pages: list[list[TextLine]]
    outline: list[OutlineEntry]
    ocr_pages: tuple[int, ...] = ()
    unread_pages: tuple[int, ...] = ()
    warnings: tuple[str, ...] = ()

    @property
    def page_texts(self) -> list[str]:
        return ["\n".join(line.text for line in page) for page in self.pages]


def sha256_bytes(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


def read_file(path: Path) -> bytes:
    try:
        return path.read_bytes()
    except OSError as error:
        raise UnreadablePdf(f"{path.name} kan ikke læses fra disken ({error.strerror}).") from error


def read_pdf(
    data: bytes, file_name: str, progress: ocr.ProgressCallback | None = None, ocr_allowed: bool = True
) -> PdfContent:
    """Lines and outline of a PDF, scanned pages read with OCR; raise a domain error for files that cannot be
    indexed. ``progress(done, total)`` follows the OCR of scanned pages; ``ocr_allowed=False`` reads the text
    layer alone (a scan is then refused like a PDF without text)."""
    if not data.startswith(b"%PDF") and b"%PDF" not in data[:1024]:
        raise UnreadablePdf(f"{file_name} er ikke en PDF-fil (filen starter ikke med %PDF). Vælg referatet som PDF.")
    try:
        reader = PdfReader(io.BytesIO(data))
        _open(reader, file_name)
        pages = [_page_lines(page, number) for number, page in enumerate(reader.pages, 1)]
        scans = [number for number, page in enumerate(reader.pages, 1) if _is_scan(page, pages[number - 1])]
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
    content = PdfContent(pages=pages, outline=_outline(reader, file_name))
    if scans and ocr_allowed:
        content = _with_ocr(content, data, file_name, scans, progress)
    if not _has_text(content.pages):
        why = (
            "og OCR kunne ikke læse siderne sikkert (håndskrift, foto eller en utydelig scanning)"
            if scans and ocr_allowed
            else "og den blev læst uden OCR"
        )
        raise NoTextLayer(
            f"{file_name} har intet tekstlag (en scannet PDF, {len(pages)} sider), {why}. Find en udgave med tekst."
        )
    return content


def _with_ocr(
    content: PdfContent, data: bytes, file_name: str, scans: list[int], progress: ocr.ProgressCallback | None
) -> PdfContent:
    """The content with its scanned pages read by OCR; pages OCR cannot read reliably are left out and named."""
    reason = ocr.missing()
    if reason:
        if not _has_text(content.pages):
            raise NoTextLayer(
                f"{file_name} har intet tekstlag (en scannet PDF, {len(content.pages)} sider), og OCR kan ikke "
                f"køre her: {reason} Prøv så igen."
            )
        pages_named = ", ".join(map(str, scans))
        warning = f"Scannede sider ({pages_named}) er ikke læst, fordi OCR ikke kan køre her: {reason}"
        return dataclasses.replace(content, unread_pages=tuple(scans), warnings=(warning,))
    pages = list(content.pages)
    read: list[int] = []
    unread: list[int] = []
    warnings: list[str] = []
    for page in ocr.read_pages(data, scans, progress):
        if page.accepted:
            pages[page.number - 1] = page.lines
            read.append(page.number)
        else:
            unread.append(page.number)
            warnings.append(
                f"Side {page.number} er scannet, men OCR kunne ikke læse den sikkert (sikkerhed "
                f"{page.confidence:.0f} af 100, kræver {ocr.MIN_CONFIDENCE:.0f}); siden er ikke indekseret — "
                "se originalen."
            )
    logger.info("%s: %d pages read with OCR, %d left out", file_name, len(read), len(unread))
    return dataclasses.replace(
        content, pages=pages, ocr_pages=tuple(read), unread_pages=tuple(unread), warnings=tuple(warnings)
    )


def _is_scan(page: Any, lines: list[TextLine]) -> bool:
    """A page with (almost) no text of its own that carries a page-sized image."""
    letters = 0
    for line in lines:
        letters += sum(map(str.isalpha, line.text))
        if letters >= MIN_LETTERS_PER_PAGE:
            return False
    return _largest_image(page.get("/Resources")) >= ocr.MIN_SCAN_PIXELS


def _largest_image(resources: Any, depth: int = 0) -> int:
    """Pixels of the largest image a page's resources hold, looking into form XObjects (one or two deep); read
    from the image dictionaries, without decoding any image."""
    if resources is None or depth > 2:
        return 0
    objects = resources.get_object().get("/XObject")
    if objects is None:
        return 0
    largest = 0
    for reference in objects.get_object().values():
        xobject = reference.get_object()
        subtype = xobject.get("/Subtype")
        if subtype == "/Image":
            largest = max(largest, int(xobject.get("/Width", 0)) * int(xobject.get("/Height", 0)))
        elif subtype == "/Form":
            largest = max(largest, _largest_image(xobject.get("/Resources"), depth + 1))
    return largest


def _has_text(pages: list[list[TextLine]]) -> bool:
    """At least ``MIN_LETTERS_PER_DOCUMENT`` letters; counted only as far as needed (a long report is not read
    letter by letter to learn that it has text)."""
    letters = 0
    for page in pages:
        for line in page:
            letters += sum(map(str.isalpha, line.text))
            if letters >= MIN_LETTERS_PER_DOCUMENT:
                return True
    return False


def read_pages(data: bytes, file_name: str) -> list[str]:
    """The plain text of every page (for callers that need no structure)."""
    return read_pdf(data, file_name).page_texts


def _open(reader: PdfReader, file_name: str) -> None:
    if not reader.is_encrypted:
        return
    try:
        # Many "encrypted" minutes only restrict printing: the empty user password opens them.
        opened = reader.decrypt("")
    except Exception as error:  # pypdf raises several types for unsupported crypto
        raise EncryptedPdf(
            f"{file_name} er krypteret og kan ikke åbnes ({error}). Gem en udgave uden adgangskode og prøv igen."
        ) from error
    if not opened:
        raise EncryptedPdf(f"{file_name} er beskyttet med adgangskode. Gem en udgave uden adgangskode og prøv igen.")


class _Runs:
    """Collects pypdf's text runs with the effective size, weight and family of their font."""

    def __init__(self) -> None:
        self.runs: list[tuple[str, float, bool, str]] = []
        self._fonts: dict[str, tuple[bool, str]] = {}
        self._by_identity: dict[int, tuple[bool, str]] = {}

    def visit(self, text: str, cm: list[float], tm: list[float], font: Any, size: float) -> None:
        if text:
            # Font objects live as long as the page's resources, so their identity is a safe key while one page
            # is read (this runs for every text operation of an archive).
            style = self._by_identity.get(id(font))
            if style is None:
                style = self._by_identity[id(font)] = self._font(font)
            self.runs.append((text, _effective_size(size, cm, tm), *style))

    def _font(self, font: Any) -> tuple[bool, str]:
        if not font:
            return False, ""
        name = str(font.get("/BaseFont", ""))
        if name not in self._fonts:
            bare = _SUBSET_PREFIX.sub("", name.lstrip("/"))
            self._fonts[name] = (bool(_BOLD_NAME.search(bare)) or _heavy(font), _family(bare))
        return self._fonts[name]


def _family(name: str) -> str:
    """ "Arial-BoldMT" → "arial", "DejaVuSerifBook" → "dejavuserif"; a light or condensed cut stays its own family
    (Word's "Calibri Light" headings over "Calibri" text)."""
    return _STYLE_WORDS.sub("", name).casefold().strip(",-_ ")


def _heavy(font: Any) -> bool:
    """A font whose descriptor says it is bold (weight ≥ 600, or the ForceBold flag)."""
    try:
        descriptor = font.get("/FontDescriptor")
        if descriptor is None and "/DescendantFonts" in font:
            descriptor = font["/DescendantFonts"][0].get_object().get("/FontDescriptor")
        if descriptor is None:
            return False
        descriptor = descriptor.get_object()
        return float(descriptor.get("/FontWeight", 400)) >= 600 or bool(int(descriptor.get("/Flags", 0)) & 1 << 18)
    except (KeyError, IndexError, TypeError, ValueError, AttributeError):
        return False


def _effective_size(size: float, cm: list[float], tm: list[float]) -> float:
    """The font size as printed: the nominal size scaled by the text and transformation matrices."""
    c = tm[2] * cm[0] + tm[3] * cm[2]
    d = tm[2] * cm[1] + tm[3] * cm[3]
    scale = math.hypot(c, d) or 1.0
    return round(float(size) * scale, 1)


class _LineBuilder:
    """Adds up the characters of one line: its text, and the size, weight and family most of it is set in."""

    def __init__(self) -> None:
        self.parts: list[str] = []
        self.weighted_size = 0.0
        self.bold = 0
        self.characters = 0
        self.families: dict[str, int] = {}

    def add(self, piece: str, size: float, bold: bool, family: str) -> None:
        self.parts.append(piece)
        visible = len(piece) - piece.count(" ")
        self.characters += visible
        self.weighted_size += size * visible
        self.bold += visible if bold else 0
        if visible and family:
            self.families[family] = self.families.get(family, 0) + visible

    def line(self, page: int) -> TextLine:
        text = "".join(self.parts)
        if not self.characters:
            return TextLine(text=text, page=page)
        return TextLine(
            text=text,
            page=page,
            size=round(self.weighted_size / self.characters, 1),
            bold=self.bold * 2 > self.characters,
            font=max(self.families, key=self.families.__getitem__) if self.families else "",
        )


def _page_lines(page: Any, number: int) -> list[TextLine]:
    runs = _Runs()
    text = page.extract_text(visitor_text=runs.visit) or ""
    if "".join(run[0] for run in runs.runs) != text:
        # The runs do not add up to the text (an unusual content stream): keep the text, without typography.
        logger.debug("page %d: text runs do not match the extracted text; typography unknown", number)
        return [TextLine(text=line, page=number) for line in text.split("\n")]
    lines: list[TextLine] = []
    builder = _LineBuilder()
    for run_text, size, bold, family in runs.runs:
        for index, piece in enumerate(run_text.split("\n")):
            if index > 0:
                lines.append(builder.line(number))
                builder = _LineBuilder()
            builder.add(piece, size, bold, family)
    lines.append(builder.line(number))
    return lines


def _outline(reader: PdfReader, file_name: str) -> list[OutlineEntry]:
    """The bookmarks, flattened in reading order with their depth; a broken outline is logged and skipped."""
    entries: list[OutlineEntry] = []

    def walk(nodes: list, level: int, parent: int | None) -> None:
        last: int | None = parent
        for node in nodes:
            if isinstance(node, list):
                walk(node, level + 1, last)
                continue
            page = reader.get_destination_page_number(node)
            entries.append(
                OutlineEntry(
                    title=" ".join(str(node.title or "").split()),
                    page=page + 1 if page is not None and page >= 0 else 0,
                    level=level,
                    parent=parent,
                )
            )
            last = len(entries) - 1

    try:
        walk(reader.outline, 0, None)
    except Exception as error:  # a damaged outline must not stop the text from being read
        logger.warning("%s: the PDF outline could not be read (%s); reading the text without it", file_name, error)
        return []
    return entries
