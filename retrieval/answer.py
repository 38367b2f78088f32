"""The default answerer: extractive, offline. It quotes the sentences of the minutes that best answer the
question, each with a citation that is verified against the stored page text before it is returned."""

from __future__ import annotations

import re
import threading
from dataclasses import dataclass

import numpy as np

from ingestion.domain import AgendaItem, Document
from retrieval.bm25 import analyse, normalise
from retrieval.domain import Answer, Citation, Hit
from retrieval.index import Index
from retrieval.question import QuestionKind, answer_type_bonus, classify
from retrieval.sentences import Sentence, embedding_inputs
from retrieval.verify import snippet_on_pages

NOT_IN_MINUTES = "Det fremgår ikke af referaterne."
DECISION_SECTION = "Beslutning"
DECISION_SECTIONS = {DECISION_SECTION: 0.2, "Indstilling": 0.05}
SUMMARY_SECTIONS = {"Sammendrag", "Resumé", "Resume", "Baggrund", ""}
ITEMS_CONSIDERED = 4
MAX_QUOTES = 3
MAX_LIST_ITEMS = 6
_KEY_TERM = re.compile(r"\b(?:[A-ZÆØÅ][\wæøåÆØÅ]{2,}|\d{4}|\d+(?:[.,]\d+)*)\b")
# Question words and other capitalised words that say nothing about the subject.
_NOT_KEY = {
    "hvem",
    "hvad",
    "hvor",
    "hvornår",
    "hvordan",
    "hvilke",
    "hvilken",
    "hvilket",
    "hvorfor",
    "blev",
    "er",
    "var",
    "har",
    "kan",
    "skal",
    "og",
    "i",
    "på",
    "den",
    "det",
    "de",
    "kommune",
    "kommunen",
    "udvalget",
}


@dataclass(frozen=True)
class Evidence:
    sentence: Sentence
    hit: Hit
    hit_rank: int
    score: float


@dataclass(frozen=True)
class Calibration:
    """Weights and the abstention threshold; the threshold is calibrated on eval/datasets/dev.jsonl with
    ``python -m eval.calibrate`` (see eval/README.md)."""

    dense_weight: float = 0.55
    lexical_weight: float = 0.35
    rank_weight: float = 0.10
    dense_floor: float = 0.74
    dense_span: float = 0.16
    # Confidence = best sentence score × (1 - penalty × idf-weighted share of the question's words the corpus
    # has never seen) × a factor when a name, year or number of the question is missing from the answering
    # item. The weighting of the item's word coverage was tried too and did not separate better (0.88 / 0.04
    # abstention / false abstention on dev.jsonl either way), so it is left out.
    unknown_word_penalty: float = 0.3
    missing_key_term_factor: float = 0.6
    threshold: float = 0.625


class ExtractiveAnswerer:
    def __init__(self, index: Index, calibration: Calibration | None = None) -> None:
        self.index = index
        self.calibration = calibration or Calibration()
        self._cache: dict[tuple[str, str, str], tuple[list[Sentence], np.ndarray]] = {}
        self._cache_lock = threading.Lock()

    def _item(self, hit: Hit) -> tuple[Document, AgendaItem] | None:
        try:
            document = self.index.document(hit.document_id)
        except LookupError:
            return None
        for item in document.items:
            if item.number == hit.agenda_item and item.title == hit.title:
                return document, item
        return None

    def _sentences(self, hit: Hit, item: AgendaItem) -> tuple[list[Sentence], np.ndarray]:
        key = (hit.document_id, hit.agenda_item, hit.title)
        with self._cache_lock:
            cached = self._cache.get(key)
        if cached is not None:
            return cached
        sentences, inputs = embedding_inputs(item)
        document = self.index.document(hit.document_id)
        item_index = next(i for i, candidate in enumerate(document.items) if candidate is item)
        stored = self.index.sentence_vectors(hit.document_id, item_index)
        if stored is not None and len(stored) == len(sentences):
            vectors = stored
        else:  # an index made before sentence vectors were stored: compute them once
            vectors = np.asarray(self.index.embedder.embed_passages(inputs) if inputs else [], dtype=np.float32)
        entry = (sentences, np.asarray(vectors, dtype=np.float32).reshape(len(sentences), -1))
        with self._cache_lock:
            if len(self._cache) > 5000:
                self._cache.clear()
            self._cache[key] = entry
        return entry

    def rank(self, question: str, hits: list[Hit], case_match: bool = False) -> list[Evidence]:
        """Every sentence of the top items, scored by embedding, weighted word overlap, item rank and how well
        it holds the kind of answer asked for (a decision, a number, a date, a name)."""
        calibration = self.calibration
        kind = classify(question)
        query_vector = np.asarray(self.index.embedder.embed_query(question), dtype=np.float32)
        query_tokens = set(analyse(question))
        idf = self.index.idf
        query_weight = sum(idf.get(token, 1.0) for token in query_tokens) or 1.0
        evidence: list[Evidence] = []
        for rank, hit in enumerate(hits[:ITEMS_CONSIDERED]):
            found = self._item(hit)
            if found is None:
                continue
            sentences, vectors = self._sentences(hit, found[1])
            if not sentences:
                continue
            dense = vectors @ query_vector
            for sentence, similarity in zip(sentences, dense, strict=True):
                tokens = set(analyse(sentence.text))
                lexical = sum(idf.get(token, 1.0) for token in query_tokens & tokens) / query_weight
                dense_part = min(max((float(similarity) - calibration.dense_floor) / calibration.dense_span, 0), 1)
                score = (
                    calibration.dense_weight * dense_part
                    + calibration.lexical_weight * lexical
                    + calibration.rank_weight / (rank + 1)
                    + _section_bonus(kind, sentence, case_match and rank == 0)
                    + answer_type_bonus(kind, sentence.text)
                )
                evidence.append(Evidence(sentence=sentence, hit=hit, hit_rank=rank, score=score))
        evidence.sort(key=lambda e: e.score, reverse=True)
        return evidence

    def key_terms_present(self, question: str, item: tuple[Document, AgendaItem]) -> bool:
        """Whether every name, year and number of the question stands (stemmed) in the answering item."""
        terms = [
            term
            for term in _KEY_TERM.findall(question)
            if normalise(term) not in _NOT_KEY and not question.startswith(term)
        ]
        document, agenda_item = item
        tokens = set(analyse(f"{document.body} {document.title} {agenda_item.title} {agenda_item.text}"))
        return all(set(analyse(term)) <= tokens for term in terms)

    def unknown_share(self, question: str) -> float:
        """The idf-weighted share of the question's words that occur nowhere in the indexed minutes."""
        idf = self.index.idf
        unseen_weight = max(idf.values(), default=3.0)
        tokens = set(analyse(question))
        if not tokens:
            return 0.0
        total = sum(idf.get(token, unseen_weight) for token in tokens)
        return sum(unseen_weight for token in tokens if token not in idf) / total

    def select(self, evidence: list[Evidence], decision: bool = False) -> list[Evidence]:
        """The best sentence, and up to two more nearly as good; short lead-ins bring their next sentence.

        For a question about a decision, the best sentence of the top item's Beslutning always comes along:
        what was decided is the answer, whatever the background sentences score.
        """
        if not evidence:
            return []
        best = evidence[0]
        chosen = [best]
        if decision:
            ruling = next(
                (e for e in evidence if e.hit_rank == best.hit_rank and e.sentence.section == DECISION_SECTION), None
            )
            if ruling is not None and ruling is not best:
                chosen.insert(0, ruling)
                best = ruling
        for candidate in evidence[1:]:
            if len(chosen) >= MAX_QUOTES:
                break
            if candidate.score < evidence[0].score * 0.88:
                break
            if any(_same_text(candidate, other) for other in chosen):
                continue
            chosen.append(candidate)
        chosen = self._extend_lead_ins(chosen, evidence)
        chosen.sort(key=lambda e: (e.hit_rank, e.sentence.position))
        return chosen

    @staticmethod
    def _extend_lead_ins(chosen: list[Evidence], evidence: list[Evidence]) -> list[Evidence]:
        result = list(chosen)
        for item in chosen:
            text = item.sentence.text
            if len(text) >= 60 and not text.endswith(":"):
                continue
            following = [
                e
                for e in evidence
                if e.hit is item.hit
                and e.sentence.position == item.sentence.position + 1
                and e.sentence.section == item.sentence.section
            ]
            if following and not any(_same_text(following[0], other) for other in result):
                result.append(following[0])
        return result

    def answer(self, question: str, hits: list[Hit], case_numbers: list[str] | None = None) -> Answer:
        """An extractive answer, or an abstention; ``confidence`` holds the evidence strength it was judged by.

        ``case_numbers`` are the known case numbers the question names; the top item carrying one of them
        is itself strong evidence (the question says exactly which case it means).
        """
        case_match = bool(hits and case_numbers and hits[0].case_number in case_numbers)
        evidence = self.rank(question, hits, case_match)
        strength = self.strength(question, hits, evidence, case_match)
        if strength < self.calibration.threshold:
            return abstain(hits, confidence=strength)
        citations = self.citations(self.select(evidence, decision=classify(question).decision))
        if not citations:
            return abstain(hits, confidence=strength)
        return Answer(
            answer=compose(citations), answered=True, citations=citations, retrieved=hits, confidence=strength
        )

    def strength(self, question: str, hits: list[Hit], evidence: list[Evidence], case_match: bool) -> float:
        """How sure the minutes answer this question (see ``Calibration``)."""
        if not evidence:
            return 0.0
        if case_match:
            return 1.0 + evidence[0].score  # the question names exactly this case
        calibration = self.calibration
        best = evidence[0]
        found = self._item(best.hit)
        if found is None:
            return 0.0
        strength = best.score * (1 - calibration.unknown_word_penalty * self.unknown_share(question))
        if not self.key_terms_present(question, found):
            strength *= calibration.missing_key_term_factor
        return strength

    def citations(self, chosen: list[Evidence]) -> list[Citation]:
        """Citations for the chosen sentences; any whose snippet is not on its cited pages is dropped."""
        citations: list[Citation] = []
        for item in chosen:
            citation = make_citation(len(citations) + 1, item.hit, item.sentence.text, item.sentence.pages)
            if self.verified(citation):
                citations.append(citation)
        return citations

    def verified(self, citation: Citation) -> bool:
        try:
            document = self.index.document(citation.document_id)
        except LookupError:
            return False
        return snippet_on_pages(citation.snippet, document, citation.pages)


def _section_bonus(kind: QuestionKind, sentence: Sentence, named_case: bool) -> float:
    """Decisions stand in Beslutning; what a case is about stands at the start of the item."""
    if kind.decision or (named_case and not kind.about):
        return DECISION_SECTIONS.get(sentence.section, 0.0)
    if (kind.about or named_case) and sentence.section in SUMMARY_SECTIONS and sentence.position < 3:
        return 0.2
    return 0.0


def _same_text(first: Evidence, second: Evidence) -> bool:
    return normalise(first.sentence.text) == normalise(second.sentence.text)


def make_citation(number: int, hit: Hit, snippet: str, pages: list[int]) -> Citation:
    return Citation(
        n=number,
        document=hit.file_name,
        document_id=hit.document_id,
        body=hit.body,
        meeting_date=hit.meeting_date,
        agenda_item=hit.agenda_item,
        title=hit.title,
        case_number=hit.case_number,
        pages=pages,
        snippet=snippet,
        pdf_url=f"/api/documents/{hit.document_id}/pdf#page={pages[0] if pages else 1}",
    )


def describe_source(citation: Citation | Hit) -> str:
    """ "Økonomiudvalget 30-08-2021, punkt 2.6 »Anlægsprojekter …«" — how a source is named in Danish."""
    date = citation.meeting_date.strftime("%d-%m-%Y") if citation.meeting_date else ""
    file_name = citation.document if isinstance(citation, Citation) else citation.file_name
    if not citation.body:
        # An attachment or report, not a meeting: name the document itself.
        return f"»{citation.title}« ({file_name}{', ' + date if date else ''})"
    meeting = f"{citation.body} {date}".strip()
    item = f", punkt {citation.agenda_item}" if citation.agenda_item else ""
    return f"{meeting}{item} »{citation.title}«"


def compose(citations: list[Citation]) -> str:
    """Join the quoted sentences in Danish, grouped by source, each followed by its marker."""
    groups: list[list[Citation]] = []
    for citation in citations:
        if (
            groups
            and groups[-1][0].document_id == citation.document_id
            and groups[-1][0].agenda_item == citation.agenda_item
        ):
            groups[-1].append(citation)
        else:
            groups.append([citation])
    paragraphs = []
    for group in groups:
        quotes = " ".join(f"{c.snippet} [{c.n}]" for c in group)
        source = group[0]
        lead = "Ifølge referatet fra" if source.body else "Ifølge dokumentet"
        paragraphs.append(f"{lead} {describe_source(source)}: {quotes}")
    return "\n\n".join(paragraphs)


def abstain(hits: list[Hit], notice: str = "", confidence: float = 0.0) -> Answer:
    nearby = hits[:3]
    text = NOT_IN_MINUTES
    if nearby:
        text += " Måske relevant: " + "; ".join(describe_source(hit) for hit in nearby) + "."
    return Answer(
        answer=text,
        answered=False,
        citations=[],
        maybe_relevant=nearby,
        retrieved=hits,
        notice=notice,
        confidence=round(confidence, 4),
    )
