"""What kind of answer a Danish question asks for, read from its wording (no per-question rules)."""

from __future__ import annotations

import re
from dataclasses import dataclass

_DECISION = re.compile(
    r"(?i)\b(beslut\w*|godkend\w*|vedta\w*|vedtog|tiltr[åa]d\w*|resultat\w*|udfald\w*|afgjort|afgør\w*|"
    r"bevilg\w*|skete der med|konklu\w*|udpeg\w*)\b"
)
_NUMBER = re.compile(
    r"(?i)\b(hvor (mange|meget|stor\w*|høj\w*|lang\w*)|hvad koster|beløb\w*|antal\w*|procent\w*|takst\w*)\b"
)
_DATE = re.compile(r"(?i)\b(hvornår|hvilken dato|hvilket år|siden hvornår)\b")
_PERSON = re.compile(r"(?i)\b(hvem|hvilke(n|t)? (minister|borgmester|formand|medlem\w*|person\w*|direktør))\b")
_PLACE = re.compile(r"(?i)\b(hvor (skal|ligger|holdes|blev|er)\b(?! (mange|meget))|i hvilken (by|kommune))")
_ABOUT = re.compile(r"(?i)\b(handler|drejer)\b.*\bom\b")

_HAS_NUMBER = re.compile(r"\d|\b(en|to|tre|fire|fem|seks|syv|otte|ni|ti|tolv|tyve|hundrede|tusind)\b", re.IGNORECASE)
_HAS_DATE = re.compile(
    r"(?i)\b(\d{1,2}\.\s?(januar|februar|marts|april|maj|juni|juli|august|september|oktober|november|december)"
    r"|\d{1,2}[.-]\d{1,2}[.-]\d{2,4}|(19|20)\d\d|januar|februar|marts|april|maj|juni|juli|august|september|"
    r"oktober|november|december|foråret|efteråret)\b"
)
_HAS_NAME = re.compile(r"(?<![.!?]\s)(?<!^)\b[A-ZÆØÅ][a-zæøåö]+(?:[ -][A-ZÆØÅ][a-zæøåö]+)+")


@dataclass(frozen=True)
class QuestionKind:
    decision: bool
    number: bool
    date: bool
    person: bool
    place: bool
    about: bool


def classify(question: str) -> QuestionKind:
    return QuestionKind(
        decision=bool(_DECISION.search(question)),
        number=bool(_NUMBER.search(question)),
        date=bool(_DATE.search(question)),
        person=bool(_PERSON.search(question)),
        place=bool(_PLACE.search(question)),
        about=bool(_ABOUT.search(question)),
    )


def answer_type_bonus(kind: QuestionKind, sentence: str) -> float:
    """A small bonus for sentences holding the kind of thing asked for (a number, a date, a name)."""
    bonus = 0.0
    if kind.number and _HAS_NUMBER.search(sentence):
        bonus += 0.08
    if kind.date and _HAS_DATE.search(sentence):
        bonus += 0.08
    if kind.person and _HAS_NAME.search(sentence):
        bonus += 0.08
    return bonus
