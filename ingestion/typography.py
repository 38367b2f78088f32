"""The document's own typography: which size and weight is body text, and which lines stand out as headings.

Measured per document (the size most characters are set in is the body size), never assumed: one system's
headings are 13-point bold, another's are bold at body size, a Word export's may not stand out at all.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass

from ingestion.domain import TextLine

# How much larger than body text a heading must be set (points) to count as larger.
SIZE_STEP = 0.8


@dataclass(frozen=True)
class Typography:
    body_size: float  # 0.0 when the PDF gave no sizes
    body_bold: bool
    body_font: str = ""

    @property
    def known(self) -> bool:
        return self.body_size > 0

    def is_heading(self, line: TextLine) -> bool:
        """Set larger than body text, or bold where body text is not."""
        if not self.known or not line.size:
            return False
        if line.size >= self.body_size + SIZE_STEP or (line.bold and not self.body_bold):
            return True
        # Set in another typeface at body size or more (Word templates: "Calibri Light" headings over "Calibri").
        return bool(line.font and self.body_font and line.font != self.body_font and line.size >= self.body_size - 0.3)

    @staticmethod
    def same_style(first: TextLine, other: TextLine) -> bool:
        return abs(first.size - other.size) < 0.3 and first.bold == other.bold and first.font == other.font


def measure(lines: list[TextLine]) -> Typography:
    sizes: Counter[float] = Counter()
    fonts: Counter[str] = Counter()
    bold = 0
    total = 0
    for line in lines:
        if not line.size:
            continue
        characters = len(line.text) - line.text.count(" ")
        sizes[round(line.size * 2) / 2] += characters
        fonts[line.font] += characters
        bold += characters if line.bold else 0
        total += characters
    if not total:
        return Typography(body_size=0.0, body_bold=False)
    body_size = sizes.most_common(1)[0][0]
    return Typography(body_size=body_size, body_bold=bold * 2 > total, body_font=fonts.most_common(1)[0][0])
