"""FirstAgenda item HTML → a flat list of text blocks (headings, paragraphs, list entries).

Written with the standard library's ``HTMLParser``: the HTML is small and regular, and the renderer needs
only three kinds of block, so a document-tree library would add a dependency for nothing.
"""

from __future__ import annotations

import html
import re
from dataclasses import dataclass
from html.parser import HTMLParser
from typing import Literal

BlockKind = Literal["heading", "paragraph", "list_entry"]
_HEADING_TAGS = {"h1", "h2", "h3", "h4", "h5", "h6"}
_BREAKING_TAGS = {"p", "div", "li", "ul", "ol", "br", "table", "tr", "u", *_HEADING_TAGS}
_EMPHASIS_TAGS = {"strong", "b"}
_SPACES = re.compile(r"\s+")


@dataclass(frozen=True)
class Block:
    kind: BlockKind
    text: str


class _Collector(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.blocks: list[Block] = []
        self._text: list[str] = []
        self._emphasised: list[bool] = []  # per text run: inside <strong>/<b>?
        self._heading_depth = 0
        self._emphasis_depth = 0
        self._list_depth = 0
        self._in_list_entry = False

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in _BREAKING_TAGS:
            self._flush()
        if tag in _HEADING_TAGS:
            self._heading_depth += 1
        elif tag in _EMPHASIS_TAGS:
            self._emphasis_depth += 1
        elif tag == "li":
            self._in_list_entry = True

    def handle_endtag(self, tag: str) -> None:
        if tag in _BREAKING_TAGS:
            self._flush()
        if tag in _HEADING_TAGS:
            self._heading_depth = max(0, self._heading_depth - 1)
        elif tag in _EMPHASIS_TAGS:
            self._emphasis_depth = max(0, self._emphasis_depth - 1)
        elif tag == "li":
            self._in_list_entry = False

    def handle_data(self, data: str) -> None:
        if data.strip():
            self._text.append(data)
            self._emphasised.append(self._emphasis_depth > 0 or self._heading_depth > 0)
        elif self._text and data:
            self._text.append(" ")
            self._emphasised.append(True)

    def _flush(self) -> None:
        text = _SPACES.sub(" ", html.unescape("".join(self._text))).strip()
        all_emphasised = bool(self._emphasised) and all(self._emphasised)
        self._text, self._emphasised = [], []
        if not text:
            return
        if self._heading_depth > 0 or (all_emphasised and len(text.split()) <= 6 and not text.endswith(".")):
            self.blocks.append(Block("heading", text))
        elif self._in_list_entry:
            self.blocks.append(Block("list_entry", text))
        else:
            self.blocks.append(Block("paragraph", text))


def html_blocks(markup: str) -> list[Block]:
    """The text of ``markup`` as blocks, in reading order; empty paragraphs are dropped."""
    collector = _Collector()
    collector.feed(markup)
    collector.close()
    collector._flush()
    return collector.blocks
