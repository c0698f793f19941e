"""Entities on CoNLL-2003 English: the bare spaCy model against nutgraf's entities, on the
same documents, exact match of span and type (conlleval), and per document.

Label mapping (spaCy's OntoNotes labels to CoNLL's): PERSON -> PER; ORG -> ORG; GPE, LOC,
FAC -> LOC; NORP, EVENT, PRODUCT, WORK_OF_ART, LAW, LANGUAGE -> MISC; numbers, dates and times
are not entities in CoNLL and are dropped. MISC has no clean counterpart, so the PER/ORG/LOC
figure is given beside the overall one.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from dataclasses import dataclass

import spacy

from common import SHARED, Result, table
from nutgraf.extractors import entities
from nutgraf.nlp import MODEL, load_model
from scoring import PRF, entity_prf, set_prf

LABELS = {
    "PERSON": "PER", "ORG": "ORG", "GPE": "LOC", "LOC": "LOC", "FAC": "LOC", "NORP": "MISC",
    "EVENT": "MISC", "PRODUCT": "MISC", "WORK_OF_ART": "MISC", "LAW": "MISC", "LANGUAGE": "MISC",
}  # fmt: skip
TYPES = ["PER", "ORG", "LOC", "MISC"]
Entity = tuple[int, int, str]


@dataclass
class Document:
    text: str
    gold: set[Entity]


def documents(split: str) -> Iterator[Document]:
    """CoNLL documents as text (tokens joined by spaces, one sentence a line) with gold spans
    read from the IOB1 tags."""
    path = SHARED / "eval" / "conll2003" / f"{split}.conll"
    sentences: list[list[tuple[str, str]]] = []
    current: list[tuple[str, str]] = []
    for line in [*path.read_text(encoding="utf-8").splitlines(), "-DOCSTART- -X- -X- O"]:
        if line.startswith("-DOCSTART-"):
            if current:
                sentences.append(current)
            if sentences:
                yield _document(sentences)
            sentences, current = [], []
        elif not line.strip():
            if current:
                sentences.append(current)
            current = []
        else:
            parts = line.split()
            current.append((parts[0], parts[-1]))


def _document(sentences: list[list[tuple[str, str]]]) -> Document:
    text_parts: list[str] = []
    gold: set[Entity] = set()
    offset = 0
    for sentence in sentences:
        open_span: tuple[int, str] | None = None
        end = offset
        for index, (token, tag) in enumerate(sentence):
            start = offset + sum(len(t) + 1 for t, _ in sentence[:index])
            kind = tag[2:] if tag != "O" else None
            starts_new = tag.startswith("B-") or (open_span is not None and open_span[1] != kind)
            if open_span is not None and (kind is None or starts_new):
                gold.add((open_span[0], end, open_span[1]))
                open_span = None
            if kind is not None and open_span is None:
                open_span = (start, kind)
            end = start + len(token)
        if open_span is not None:
            gold.add((open_span[0], end, open_span[1]))
        line = " ".join(token for token, _ in sentence)
        text_parts.append(line)
        offset += len(line) + 1
    return Document("\n".join(text_parts), gold)


def run(split: str) -> Result:
    docs = list(documents(split))
    bare_nlp = spacy.load(MODEL)
    nutgraf_nlp = load_model()
    systems: dict[str, list[set[Entity]]] = {"spaCy en_core_web_sm (bare)": [], "nutgraf": []}
    for doc in bare_nlp.pipe((d.text for d in docs), batch_size=16):
        systems["spaCy en_core_web_sm (bare)"].append(
            {(e.start_char, e.end_char, LABELS[e.label_]) for e in doc.ents if e.label_ in LABELS}
        )
    for doc in nutgraf_nlp.pipe((d.text for d in docs), batch_size=16):
        systems["nutgraf"].append(
            {
                (m.start, m.end, LABELS[e.type])
                for e in entities.extract(doc)
                for m in e.mentions
                if e.type in LABELS
            }
        )
    rows, data = [], {}
    for name, predictions in systems.items():
        pairs = list(zip(predictions, docs, strict=True))
        scores = {label: _total(entity_prf(p, d.gold, label) for p, d in pairs) for label in TYPES}
        overall = _total(entity_prf(p, d.gold) for p, d in pairs)
        no_misc = scores["PER"] + scores["ORG"] + scores["LOC"]
        per_doc = _total(set_prf(_names(p, d.text), _names(d.gold, d.text)) for p, d in pairs)
        rows.append([
            name, overall.precision, overall.recall, overall.f1, no_misc.f1,
            *(scores[t].f1 for t in TYPES), per_doc.f1,
        ])  # fmt: skip
        data[name] = {
            "overall": overall.as_dict(),
            "per_org_loc": no_misc.as_dict(),
            "per_type": {t: scores[t].as_dict() for t in TYPES},
            "document_level": per_doc.as_dict(),
        }
    headers = ["system", "P", "R", "F1", "F1 PER+ORG+LOC", *TYPES, "doc-level F1"]
    return Result(
        task="conll",
        title=f"Entities, CoNLL-2003 {split} ({len(docs)} documents, exact match)",
        table=table(headers, rows),
        data={"split": split, "documents": len(docs), "systems": data},
        notes=[
            "Mapping: PERSON→PER, ORG→ORG, GPE/LOC/FAC→LOC, NORP/EVENT/PRODUCT/WORK_OF_ART/LAW/"
            "LANGUAGE→MISC. Document level: F1 of the distinct (name, type) pairs per document. "
            "Published (test, exact F1, other systems): Stanford NER 85.5, shared-task best 88.8."
        ],
    )


def _total(scores: Iterable[PRF]) -> PRF:
    return sum(scores, PRF(0, 0, 0))


def _names(found: set[Entity], text: str) -> set[tuple[str, str]]:
    return {(text[start:end], label) for start, end, label in found}
