"""A short version of eval/load.py: a real server on loopback, concurrent clients, an upload running."""

import shutil

from eval.load import run
from tests.conftest import ATTACHMENT, SYDDJURS


def test_five_seconds_of_load_with_an_upload(tmp_path):
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    shutil.copy(ATTACHMENT, corpus / ATTACHMENT.name)
    tally = run(clients=4, seconds=5, upload=SYDDJURS, corpus=corpus, data_dir=None)
    assert sum(tally.statuses.values()) > 0
    assert not [status for status in tally.statuses if status >= 500]
    assert tally.dropped == 0
    assert tally.uploads.get("upload 200", 0) >= 1 and "dropped" not in tally.uploads
