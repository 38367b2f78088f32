"""Render minutes PDFs in many layouts from FirstAgenda JSON, with exact labels: ``python -m eval.render``."""

from eval.render.held_out import HELD_OUT_LAYOUTS
from eval.render.held_out_2 import HELD_OUT_2_LAYOUTS
from eval.render.held_out_3 import HELD_OUT_3_LAYOUTS
from eval.render.held_out_4 import HELD_OUT_4_LAYOUTS
from eval.render.layouts import LAYOUTS, Layout, layout_named
from eval.render.pdf import FontMissing, Rendering, render
from eval.render.source import SourceMeeting, load_meeting

__all__ = [
    "HELD_OUT_2_LAYOUTS",
    "HELD_OUT_3_LAYOUTS",
    "HELD_OUT_4_LAYOUTS",
    "HELD_OUT_LAYOUTS",
    "LAYOUTS",
    "FontMissing",
    "Layout",
    "Rendering",
    "SourceMeeting",
    "layout_named",
    "load_meeting",
    "render",
]
