"""Danish BM25: normalisation at index and query time, persistence, filters."""

from retrieval.bm25 import Bm25Index, analyse


def test_danish_normalisation():
    assert analyse("Aabenraa Kommune") == analyse("ÅBENRÅ kommune")
    assert analyse("bygningsvedligeholdelsen") == analyse("Bygningsvedligeholdelse")
    assert "ø" in "".join(analyse("Køge Bugt")) and "æ" in "".join(analyse("Sjælland"))
    assert analyse("og i at det") == []  # Danish stop words


def test_persisted_index_answers_like_the_built_one(tmp_path):
    texts = ["Aabenraa byråd vedtog budgettet", "Køge bugt og Lynetteholm", "rygestopkurser i Ballerup"]
    built = Bm25Index.build(["a", "b", "c"], [" ".join(analyse(text)) for text in texts])
    built.save(tmp_path)
    loaded = Bm25Index.load(tmp_path)
    assert loaded is not None and loaded.ids == ["a", "b", "c"]
    assert [hit[0] for hit in loaded.search("Åbenrå budget", 3)] == ["a"]
    assert loaded.search("Lynetteholm", 3, allowed={"a", "c"}) == []
    assert loaded.search("ukendtord", 3) == []
    built.save(tmp_path)  # a second version replaces the first; only one folder is kept
    assert len([p for p in tmp_path.iterdir() if p.is_dir()]) == 1


def test_a_compound_written_apart_is_also_the_compound():
    from retrieval.bm25 import analyse, joined_pairs

    assert set(analyse("Vestby Dartklub")) & set(joined_pairs("Vestby Dart klub har søgt om tilskud"))
    assert joined_pairs("Dart") == []
