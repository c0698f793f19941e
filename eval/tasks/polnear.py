"""Attribution on PolNeAR: source, cue and content of each attribution, for nutgraf and for
textacy's ``direct_quotations`` run on the same parse, scored per role.

Both systems read each article's text as it is (nutgraf's cleaning is bypassed so that its
offsets are the gold's). Gold roles are the annotated fragments, each a span of its own (a
quote interrupted by "he said" is two content spans), as CofeNet counts them. Exact match compares
spans without surrounding white space, quotation marks and punctuation; overlap asks for half
of the words of the longer span. Direct = gold content with quotation marks / nutgraf's
``direct`` quotes / every textacy quote; reported = the rest. An article on which textacy
raises counts as predicting nothing.
"""

from __future__ import annotations

import json
import re
from collections import Counter
from collections.abc import Callable
from typing import Any

from spacy.tokens import Doc

from common import SHARED, Result, table
from nutgraf.extractors import attribution_model
from nutgraf.extractors.attribution_model import rule_quotes
from nutgraf.extractors.quotes import is_cue_word
from nutgraf.nlp import load_model
from nutgraf.pipeline import analyse
from nutgraf.records import CleanArticle, Quote
from scoring import PRF, Span, exact_in, overlap_in, span_prf

ROLES = ["source", "cue", "content"]
SUBSETS = ["all", "direct", "reported"]
Prediction = dict[str, list[tuple[Span, bool]]]  # role -> [(span, is_direct)]


def gold_roles(record: dict[str, Any]) -> Prediction:
    """Each annotated fragment of each role, as its own span (CofeNet counts them so too)."""
    roles: Prediction = {role: [] for role in ROLES}
    for relation in record["attributions"]:
        direct = bool(relation["content_has_quote_marks"])
        for role in ROLES:
            for fragment in (relation[role] or {}).get("fragments", []):
                roles[role].append(((fragment["start"], fragment["end"]), direct))
    return roles


def nutgraf_quotes(doc: Doc, record: dict[str, Any]) -> list[Quote]:
    article = analyse(CleanArticle(body=doc.text, published=record.get("publication_date")), doc)
    return article.quotes


def nutgraf_roles(quotes: list[Quote]) -> Prediction:
    roles: Prediction = {role: [] for role in ROLES}
    for quote in quotes:
        direct = quote.kind == "direct"
        roles["content"].append(((quote.start, quote.end), direct))
        if quote.speaker_start is not None and quote.speaker_end is not None:
            roles["source"].append(((quote.speaker_start, quote.speaker_end), direct))
        if quote.cue_start is not None and quote.cue_end is not None:
            roles["cue"].append(((quote.cue_start, quote.cue_end), direct))
    return roles


def crf_roles(doc: Doc) -> Prediction:
    """The learned tagger alone (over the rules' tags as features); a span counts as direct
    when it or the content nearest to it holds a quotation mark."""
    found = attribution_model.tag(doc, attribution_model.rule_roles(rule_quotes(doc)))
    marked = [(c, any(m in doc.text[c[0] : c[1]] for m in '"“”')) for c in found["content"]]
    roles: Prediction = {role: [] for role in ROLES}
    for role, spans in found.items():
        for span in spans:
            nearest = min(marked, key=lambda c: abs(c[0][0] - span[0]), default=(span, False))
            roles[role].append((span, nearest[1]))
    return roles


def textacy_roles(doc: Doc) -> Prediction:
    from textacy.extract.triples import direct_quotations

    roles: Prediction = {role: [] for role in ROLES}
    try:
        triples = list(direct_quotations(doc))
    except Exception:  # textacy gives up on a whole article on odd quotation marks
        return roles
    for triple in triples:
        roles["content"].append(((triple.content.start_char, triple.content.end_char), True))
        for role, tokens in (("source", triple.speaker), ("cue", triple.cue)):
            if tokens:
                start, end = min(t.idx for t in tokens), max(t.idx + len(t) for t in tokens)
                roles[role].append(((start, end), True))
    return roles


def score(
    predicted: list[Prediction], gold: list[Prediction], texts: list[str], match: str
) -> dict[str, dict[str, PRF]]:
    same_of: Callable[[str], Callable[[Span, Span], bool]] = (
        exact_in if match == "exact" else overlap_in
    )
    scores: dict[str, dict[str, PRF]] = {s: {r: PRF(0, 0, 0) for r in ROLES} for s in SUBSETS}
    for pred, true, text in zip(predicted, gold, texts, strict=True):
        same = same_of(text)
        for subset in SUBSETS:
            keep = {"all": lambda d: True, "direct": lambda d: d, "reported": lambda d: not d}[
                subset
            ]
            for role in ROLES:
                p = [span for span, direct in pred[role] if keep(direct)]
                g = [span for span, direct in true[role] if keep(direct)]
                scores[subset][role] += span_prf(p, g, same)
    return scores


def _in_subset(direct: bool, subset: str) -> bool:
    return subset == "all" or direct == (subset == "direct")


def _cell(score: PRF) -> str:
    return f"{score.precision:.3f} / {score.recall:.3f} / {score.f1:.3f}"


ERROR_TYPES = {
    "missed: cue nutgraf does not know": "a noun, colon or verb outside nutgraf's cue lists",
    "missed: cue known, clause not found": "the parse gave no clause or subject to the cue",
    "content found, boundary differs": "overlaps the gold content, not exactly",
    "speaker wrong": "content found, speaker does not overlap the gold source",
    "speaker boundary differs": "speaker overlaps the gold source, not exactly",
    "cue boundary differs": "content found, cue not exactly the gold cue",
    "false attribution": "a quote that matches no gold content",
}


def error_types(
    records: list[dict[str, Any]], quotes: list[list[Quote]]
) -> tuple[Counter[str], dict[str, str]]:
    """What went wrong, relation by relation (covering extents): counts and one example each."""
    errors: Counter[str] = Counter()
    examples: dict[str, str] = {}
    for record, found in zip(records, quotes, strict=True):
        text = record["text"]
        exact, overlap = exact_in(text), overlap_in(text)
        contents = []
        for relation in record["attributions"]:
            if relation["content"] is None:
                continue
            gold = (relation["content"]["start"], relation["content"]["end"])
            contents.append(gold)
            hits = [q for q in found if overlap((q.start, q.end), gold)]
            for kind in _relation_errors(relation, hits, exact, overlap):
                errors[kind] += 1
                examples.setdefault(kind, text[gold[0] : gold[1]])
        for quote in found:
            if not any(overlap((quote.start, quote.end), gold) for gold in contents):
                errors["false attribution"] += 1
                examples.setdefault("false attribution", quote.text)
    return errors, examples


def _relation_errors(
    relation: dict[str, Any], hits: list[Quote], exact: Callable[[Span, Span], bool],
    overlap: Callable[[Span, Span], bool],
) -> list[str]:  # fmt: skip
    gold = (relation["content"]["start"], relation["content"]["end"])
    if not hits:
        cue = relation["cue"]["text"] if relation["cue"] else ""
        known = any(is_cue_word(word) for word in re.findall(r"\w+", cue))
        return [
            "missed: cue known, clause not found" if known else "missed: cue nutgraf does not know"
        ]
    quote, kinds = hits[0], []
    if not exact((quote.start, quote.end), gold):
        kinds.append("content found, boundary differs")
    source = relation["source"]
    if source is not None and quote.speaker_start is not None and quote.speaker_end is not None:
        said_by = (quote.speaker_start, quote.speaker_end)
        if not overlap(said_by, (source["start"], source["end"])):
            kinds.append("speaker wrong")
        elif not exact(said_by, (source["start"], source["end"])):
            kinds.append("speaker boundary differs")
    cue = relation["cue"]
    said_with = (quote.cue_start, quote.cue_end)
    if (
        cue is not None
        and None not in said_with
        and not exact(said_with, (cue["start"], cue["end"]))
    ):  # type: ignore[arg-type]
        kinds.append("cue boundary differs")
    return kinds


def _short(text: str, size: int = 70) -> str:
    text = " ".join(text.split()).replace("|", "/")
    return text if len(text) <= size else text[:size] + "…"


def run(split: str) -> Result:
    path = SHARED / "eval" / "polnear" / f"{split}.jsonl"
    records = [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines()]
    texts = [r["text"] for r in records]
    docs = list(load_model().pipe(texts, batch_size=8))
    gold = [gold_roles(r) for r in records]
    found = [nutgraf_quotes(doc, r) for doc, r in zip(docs, records, strict=True)]
    systems = {
        "nutgraf": [nutgraf_roles(quotes) for quotes in found],
        "CRF alone (attribution_model, not in the pipeline)": [crf_roles(doc) for doc in docs],
        "textacy 0.13 direct_quotations": [textacy_roles(doc) for doc in docs],
    }
    rows, data = [], {}
    for name, predicted in systems.items():
        data[name] = {}
        for match in ("exact", "overlap"):
            scores = score(predicted, gold, texts, match)
            data[name][match] = {s: {r: scores[s][r].as_dict() for r in ROLES} for s in SUBSETS}
            for subset in SUBSETS:
                rows.append([name, match, subset, *(_cell(scores[subset][r]) for r in ROLES)])
    errors, examples = error_types(records, found)
    error_rows = [
        [kind, count, ERROR_TYPES[kind], _short(examples[kind])]
        for kind, count in errors.most_common(5)
    ]
    data["nutgraf errors"] = dict(errors)
    return Result(
        task="polnear",
        title=f"Attribution, PolNeAR {split} ({len(records)} articles; P / R / F1 per role)",
        table=table(["system", "match", "speech", *ROLES], rows),
        data={"split": split, "articles": len(records), "systems": data},
        notes=[
            "Published exact F1 on PolNeAR test (CofeNet, COLING 2022, Table 6; sentence-level "
            "units over all six annotators' files, fragments counted apart, so not identical to "
            "this article-level scoring): CoreNLP 13.9 source / 17.5 content; CRF 50.6 / 53.4 "
            "cue / 28.6; BERT-CRF 82.2 / 74.9 / 71.0.",
            "nutgraf's five most common errors (relations by covering extent):\n\n"
            + table(["error", "count", "what it means", "example"], error_rows),
        ],
    )
