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


def test_a_compound_of_two_known_words_is_found_by_its_parts():
    from retrieval.bm25 import compound_parts

    vocabulary = set(analyse("motorik sag udvalg medlem børn hund skov"))
    assert compound_parts(analyse("motoriksagen")[0], vocabulary) == (analyse("motorik")[0], analyse("sagen")[0])
    assert compound_parts(analyse("udvalgsmedlem")[0], vocabulary) is not None  # with the linking s
    assert compound_parts(analyse("hundeskove")[0], vocabulary) is None  # a short head splits too much
    assert compound_parts(analyse("solcelleanlæg")[0], vocabulary) is None
    # A head the vocabulary holds by its stem: "november" is "novemb" there.
    months = set(analyse("november møde hunde skov"))
    assert compound_parts(analyse("novembermødet")[0], months) == (analyse("november")[0], analyse("mødet")[0])
    assert compound_parts(analyse("hundeskove")[0], months) is None  # its stem is still too short a head


def test_a_questions_compound_is_covered_and_known_by_its_parts():
    """ "Hvilket udvalgsmedlem … i motoriksagen?" — the minutes write "medlem" and "motorik", never the compounds:
    neither unknown words nor words the item lacks."""
    from types import SimpleNamespace

    from retrieval.answer import ExtractiveAnswerer

    words = "udvalg medlem tag stilling motorik sag"
    answerer = SimpleNamespace(index=SimpleNamespace(idf=dict.fromkeys(analyse(words), 2.0)))
    question = "Hvilket udvalgsmedlem ville ikke tage stilling i motoriksagen?"
    assert ExtractiveAnswerer.unknown_share(answerer, question) == 0.0
    assert ExtractiveAnswerer.coverage(answerer, question, set(analyse(words))) == 1.0
    assert ExtractiveAnswerer.coverage(answerer, question, set(analyse("tage stilling"))) <= 0.5
