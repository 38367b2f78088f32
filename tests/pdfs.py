"""Synthetic PDFs for tests: real PDF files written with fpdf2, one list of lines per page."""

from __future__ import annotations

from pathlib import Path

from fpdf import FPDF


def write_pdf(path: Path, pages: list[list[str]]) -> Path:
    pdf = FPDF(format="A4")
    pdf.set_auto_page_break(auto=False)
    pdf.set_font("Helvetica", size=10)
    for lines in pages:
        pdf.add_page()
        for line in lines:
            pdf.cell(0, 6, line, new_x="LMARGIN", new_y="NEXT")
    pdf.output(str(path))
    return path


def minutes_pages(items: list[tuple[str, str, list[str]]], body: str = "Teknik- og Miljøudvalget") -> list[list[str]]:
    """An eDoc-like meeting: running header, then one page per item (number, title, body lines)."""
    pages = []
    for page_number, (number, title, lines) in enumerate(items, 1):
        header = [body, "Referat", "Dato: 14.03.2024", f"Side {page_number}"]
        pages.append([*header, f"{number}. {title}", f"Sagsnr.: 2024-{1000 + page_number}", "Dok.nr.: 2024-1", *lines])
    return pages
