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
from retrieval.sentences import Sentence, item_sentences
from retrieval.verify import snippet_on_pages

NOT_IN_MINUTES = "Det fremgår ikke af referaterne."
DECISION_QUESTION = re.compile(
    r"(?i)\b(beslut\w*|godkend\w*|vedta\w*|vedtog|tiltr[åa]dt\w*|resultat\w*|afgjort|afgør\w*|indstill\w*|"
    r"bevilg\w*|anbefal\w*|udpeg\w*|valgt|vælge)\b"
)
DECISION_SECTIONS = {"Beslutning": 0.12, "Indstilling": 0.05}
ITEMS_CONSIDERED = 4
MAX_QUOTES = 3
_KEY_TERM = re.compile(r"\b(?:[A-ZÆØÅ][\wæøåÆØÅ-]{2,}|\d{4}|\d+(?:[.,]\d+)*)\b")
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
    "kkr",
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
    """Weights and the abstention threshold, tuned on eval/datasets/dev.jsonl (see eval/README.md)."""

    dense_weight: float = 0.55
    lexical_weight: float = 0.35
    rank_weight: float = 0.10
    dense_floor: float = 0.74
    dense_span: float = 0.16
    threshold: float = 0.42
    missing_key_term_factor: float = 0.6


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
        sentences = item_sentences(item)
        context = f"{hit.title}: " if hit.title else ""
        vectors = self.index.embedder.embed_passages([context + s.text for s in sentences]) if sentences else []
        entry = (sentences, np.asarray(vectors, dtype=np.float32).reshape(len(sentences), -1))
        with self._cache_lock:
            if len(self._cache) > 5000:
                self._cache.clear()
            self._cache[key] = entry
        return entry

    def rank(self, question: str, hits: list[Hit]) -> list[Evidence]:
        """Every sentence of the top items, scored by embedding, weighted word overlap and item rank."""
        calibration = self.calibration
        query_vector = np.asarray(self.index.embedder.embed_query(question), dtype=np.float32)
        query_tokens = set(analyse(question))
        idf = self.index.idf
        query_weight = sum(idf.get(token, 1.0) for token in query_tokens) or 1.0
        decision = bool(DECISION_QUESTION.search(question))
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
                    + (DECISION_SECTIONS.get(sentence.section, 0.0) if decision else 0.0)
                )
                evidence.append(Evidence(sentence=sentence, hit=hit, hit_rank=rank, score=score))
        evidence.sort(key=lambda e: e.score, reverse=True)
        return evidence

    def key_term_coverage(self, question: str, hits: list[Hit]) -> float:
        """Share of the question's names, years and numbers found in the top items' text."""
        terms = {
            normalise(term)
            for term in _KEY_TERM.findall(question)
            if normalise(term) not in _NOT_KEY and not question.startswith(term)
        }
        if not terms:
            return 1.0
        texts = []
        for hit in hits[:ITEMS_CONSIDERED]:
            found = self._item(hit)
            if found:
                document, item = found
                texts.append(normalise(f"{document.body} {document.title} {item.title} {item.text}"))
        haystack = " ".join(texts)
        present = sum(1 for term in terms if term in haystack)
        return present / len(terms)

    def select(self, evidence: list[Evidence]) -> list[Evidence]:
        """The best sentence, and up to two more nearly as good; short lead-ins bring their next sentence."""
        if not evidence:
            return []
        best = evidence[0]
        chosen = [best]
        for candidate in evidence[1:]:
            if len(chosen) >= MAX_QUOTES:
                break
            if candidate.score < best.score * 0.88:
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

    def answer(self, question: str, hits: list[Hit]) -> tuple[Answer, float]:
        """An extractive answer (or an abstention), and the evidence strength it was judged by."""
        evidence = self.rank(question, hits)
        strength = evidence[0].score if evidence else 0.0
        strength *= 1.0 if self.key_term_coverage(question, hits) >= 1.0 else self.calibration.missing_key_term_factor
        if strength < self.calibration.threshold:
            return abstain(hits), strength
        citations = self.citations(self.select(evidence))
        if not citations:
            return abstain(hits), strength
        return Answer(answer=compose(citations), answered=True, citations=citations, retrieved=hits), strength

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
    """ "KKR Sjælland 30-08-2021, punkt 2.6 »Anlægsprojekter …«" — how a source is named in Danish."""
    date = citation.meeting_date.strftime("%d-%m-%Y") if citation.meeting_date else ""
    meeting = " ".join(part for part in (citation.body, date) if part) or (
        citation.document if isinstance(citation, Citation) else citation.file_name
    )
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
        paragraphs.append(f"Ifølge referatet fra {describe_source(group[0])}: {quotes}")
    return "\n\n".join(paragraphs)


def abstain(hits: list[Hit], notice: str = "") -> Answer:
    nearby = hits[:3]
    text = NOT_IN_MINUTES
    if nearby:
        text += " Måske relevant: " + "; ".join(describe_source(hit) for hit in nearby) + "."
    return Answer(answer=text, answered=False, citations=[], maybe_relevant=nearby, retrieved=hits, notice=notice)
