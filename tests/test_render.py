"""The layout renderer (eval/render) reproduces the evaluation's rendered minutes and their labels exactly."""

import json
from pathlib import Path

import pytest

from eval.render import layout_named, load_meeting, render
from eval.render.pdf import FONT_FOLDER
from tests.conftest import ROOT

LISTS = {
    "corpus.tsv": ("rendered", "segmentation-rendered.jsonl"),
    "held_out.tsv": ("held-out", "segmentation-held-out.jsonl"),
    "held_out_2.tsv": ("held-out-2", "segmentation-held-out-2.jsonl"),
    "held_out_3.tsv": ("held-out-3", "segmentation-held-out-3.jsonl"),
    "held_out_4.tsv": ("held-out-4", "segmentation-held-out-4.jsonl"),
}
pytestmark = pytest.mark.skipif(
    not (FONT_FOLDER / "DejaVuSansCondensed.ttf").exists(),
    reason="Debian's fonts-dejavu-core and fonts-dejavu-extra are not installed (.ci/run installs them)",
)


def _pairs(list_name: str) -> list[tuple[str, Path]]:
    rows = (ROOT / "eval" / "render" / list_name).read_text(encoding="utf-8").splitlines()
    return [
        (layout, ROOT / "eval" / "corpus" / "greve" / meeting)
        for layout, meeting in (row.split("\t") for row in rows if row.strip() and not row.startswith("#"))
    ]


@pytest.mark.parametrize("list_name", list(LISTS))
def test_rendering_reproduces_the_committed_pdfs_and_labels(list_name):
    folder, dataset = LISTS[list_name]
    labels = {
        Path(row["file"]).name: row
        for row in map(json.loads, (ROOT / "eval" / "datasets" / dataset).read_text(encoding="utf-8").splitlines())
    }
    for layout_name, meeting_path in _pairs(list_name):
        layout = layout_named(layout_name)
        rendering = render(load_meeting(meeting_path), layout)
        name = f"{layout.name}_{meeting_path.stem}.pdf"
        committed = ROOT / "eval" / "corpus" / folder / name
        assert rendering.pdf == committed.read_bytes(), name
        label = rendering.label(f"eval/corpus/{folder}/{name}", layout, meeting_path.name)
        assert label == labels[name]


def test_the_development_layouts_are_six_or_more_and_each_has_closed_items():
    rows = [json.loads(line) for line in (ROOT / "eval/datasets/segmentation-rendered.jsonl").read_text().splitlines()]
    layouts = {row["layout"] for row in rows}
    assert len(layouts) >= 6
    for layout in layouts:
        own = [row for row in rows if row["layout"] == layout]
        assert len(own) >= 2, layout
        assert any(item["closed"] for row in own for item in row["items"]), layout
