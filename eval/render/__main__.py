"""``python -m eval.render``: render meetings to PDFs and write their labels (JSON lines).

python -m eval.render --out eval/corpus/rendered --labels eval/datasets/segmentation-rendered.jsonl
    renders the fixed set in ``eval/render/corpus.tsv`` (layout, JSON file) — what the evaluation uses;
python -m eval.render --list eval/render/held_out.tsv --out eval/corpus/held-out \
        --labels eval/datasets/segmentation-held-out.jsonl
    renders another list: here the held-out set, in the layouts of ``eval/render/held_out.py``;
python -m eval.render --list eval/render/held_out_2.tsv --out eval/corpus/held-out-2 \
        --labels eval/datasets/segmentation-held-out-2.jsonl
    the second held-out set, in the layouts of ``eval/render/held_out_2.py``;
python -m eval.render --list eval/render/held_out_3.tsv --out eval/corpus/held-out-3 \
        --labels eval/datasets/segmentation-held-out-3.jsonl
    the third held-out set, in the layouts of ``eval/render/held_out_3.py``;
python -m eval.render --list eval/render/held_out_4.tsv --out eval/corpus/held-out-4 \
        --labels eval/datasets/segmentation-held-out-4.jsonl
    the fourth held-out set, in the layouts of ``eval/render/held_out_4.py``;
python -m eval.render --layout pkt-over --out /tmp/x MEETING.json ...
    renders the given meetings in one layout (or ``--layout all``).
"""

from __future__ import annotations

import argparse
import json
from pathlib import Path

from eval.render.layouts import LAYOUTS, layout_named
from eval.render.pdf import render
from eval.render.source import load_meeting

CORPUS_LIST = Path(__file__).with_name("corpus.tsv")
SOURCE_FOLDER = Path("eval/corpus/greve")


def _pairs(arguments: argparse.Namespace) -> list[tuple[str, Path]]:
    if arguments.meetings:
        names = [layout.name for layout in LAYOUTS] if arguments.layout == "all" else [arguments.layout]
        return [(name, Path(meeting)) for name in names for meeting in arguments.meetings]
    pairs = []
    for row in arguments.list.read_text(encoding="utf-8").splitlines():
        if row.strip() and not row.startswith("#"):
            layout, meeting = row.split("\t")
            pairs.append((layout, arguments.source / meeting))
    return pairs


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("meetings", nargs="*", help="FirstAgenda JSON files (default: the set in --list)")
    parser.add_argument("--list", type=Path, default=CORPUS_LIST, help="layout TAB JSON file per line (corpus.tsv)")
    parser.add_argument("--layout", default="all", help="a layout name, or all")
    parser.add_argument("--out", type=Path, required=True, help="folder for the PDFs")
    parser.add_argument("--labels", type=Path, help="write the labels here (JSON lines)")
    parser.add_argument("--source", type=Path, default=SOURCE_FOLDER, help="folder of the JSON files in --list")
    arguments = parser.parse_args()
    arguments.out.mkdir(parents=True, exist_ok=True)
    labels = []
    for layout_name, meeting_path in _pairs(arguments):
        layout = layout_named(layout_name)
        meeting = load_meeting(meeting_path)
        rendering = render(meeting, layout)
        file_name = f"{layout.name}_{meeting_path.stem}.pdf"
        (arguments.out / file_name).write_bytes(rendering.pdf)
        labels.append(rendering.label((arguments.out / file_name).as_posix(), layout, meeting_path.name))
        print(f"{file_name}: {rendering.page_count} sider, {len(rendering.items)} punkter")
    if arguments.labels:
        arguments.labels.parent.mkdir(parents=True, exist_ok=True)
        lines = (json.dumps(label, ensure_ascii=False) for label in labels)
        arguments.labels.write_text("\n".join(lines) + "\n", encoding="utf-8")


if __name__ == "__main__":
    main()
