"""Scorers, one per kind of task. Pure functions over spans, sets and texts, so that each can
be checked on a tiny hand-made case (tests/test_eval_scoring.py)."""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass

Span = tuple[int, int]


@dataclass(frozen=True)
class PRF:
    tp: int
    predicted: int
    gold: int

    @property
    def precision(self) -> float:
        return self.tp / self.predicted if self.predicted else 0.0

    @property
    def recall(self) -> float:
        return self.tp / self.gold if self.gold else 0.0

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0

    def __add__(self, other: PRF) -> PRF:
        return PRF(self.tp + other.tp, self.predicted + other.predicted, self.gold + other.gold)

    def as_dict(self) -> dict[str, float | int]:
        return {
            "precision": round(self.precision, 4), "recall": round(self.recall, 4),
            "f1": round(self.f1, 4), "tp": self.tp, "predicted": self.predicted, "gold": self.gold,
        }  # fmt: skip


def matched(
    predicted: Sequence[Span], gold: Sequence[Span], same: Callable[[Span, Span], bool]
) -> int:
    """How many predicted spans pair with a gold span, each used at most once (greedy)."""
    free = list(gold)
    hits = 0
    for span in predicted:
        for index, candidate in enumerate(free):
            if same(span, candidate):
                hits += 1
                del free[index]
                break
    return hits


def span_prf(
    predicted: Sequence[Span], gold: Sequence[Span], same: Callable[[Span, Span], bool]
) -> PRF:
    return PRF(matched(predicted, gold, same), len(predicted), len(gold))


# Entities (CoNLL-2003) ----------------------------------------------------------------------


def entity_prf(
    predicted: Iterable[tuple[int, int, str]],
    gold: Iterable[tuple[int, int, str]],
    label: str | None = None,
) -> PRF:
    """Exact match of span and type (conlleval); ``label`` restricts both sides to one type."""
    pred = {e for e in predicted if label is None or e[2] == label}
    true = {e for e in gold if label is None or e[2] == label}
    return PRF(len(pred & true), len(pred), len(true))


def set_prf(predicted: set[tuple[str, str]], gold: set[tuple[str, str]]) -> PRF:
    """Document level: the distinct (name, type) pairs of a document."""
    return PRF(len(predicted & gold), len(predicted), len(gold))


# Article bodies (the scrapinghub benchmark's metric) ------------------------------------------


def shingles(text: str, size: int = 4) -> Counter[tuple[str, ...]]:
    tokens = re.findall(r"\w+", text)
    return Counter(tuple(tokens[i : i + size]) for i in range(max(len(tokens) - size + 1, 0)))


@dataclass(frozen=True)
class BodyScore:
    precision: float
    recall: float
    f1: float
    accuracy: float
    pages: int


def body_scores(pairs: Sequence[tuple[str, str]]) -> BodyScore:
    """Pages of (predicted, gold) text: per page, the shingle multisets' overlaps normalised to
    sum to one; precision and recall averaged over the pages where they are defined; F1 the
    harmonic mean of the averages; accuracy the share of pages whose tokens equal the gold."""
    precisions, recalls, exact = [], [], 0
    for predicted, gold in pairs:
        pred, true = shingles(predicted), shingles(gold)
        tp = sum((pred & true).values())
        fp = sum((pred - true).values())
        fn = sum((true - pred).values())
        total = tp + fp + fn
        if total:
            tp_n, fp_n, fn_n = tp / total, fp / total, fn / total
            if tp_n + fp_n:
                precisions.append(tp_n / (tp_n + fp_n))
            if tp_n + fn_n:
                recalls.append(tp_n / (tp_n + fn_n))
        exact += re.findall(r"\w+", predicted) == re.findall(r"\w+", gold)
    p = sum(precisions) / len(precisions) if precisions else 0.0
    r = sum(recalls) / len(recalls) if recalls else 0.0
    f1 = 2 * p * r / (p + r) if p + r else 0.0
    return BodyScore(p, r, f1, exact / len(pairs) if pairs else 0.0, len(pairs))


# Attribution (PolNeAR) ----------------------------------------------------------------------

_EDGE = "\"'“”‘’«»„ \n\t.,;:!?—–-()[]"


def normalised(text: str, span: Span) -> Span:
    """The span without surrounding white space, quotation marks and punctuation, so that a
    quote's content compares with or without its marks."""
    start, end = span
    while start < end and text[start] in _EDGE:
        start += 1
    while end > start and text[end - 1] in _EDGE:
        end -= 1
    return start, end


def exact_in(text: str) -> Callable[[Span, Span], bool]:
    return lambda a, b: normalised(text, a) == normalised(text, b)


def overlap_in(text: str, share: float = 0.5) -> Callable[[Span, Span], bool]:
    """Spans that share at least ``share`` of the words of the longer one."""

    def words(span: Span) -> set[int]:
        return {m.start() + span[0] for m in re.finditer(r"\w+", text[span[0] : span[1]])}

    def same(a: Span, b: Span) -> bool:
        wa, wb = words(a), words(b)
        return bool(wa and wb) and len(wa & wb) >= share * max(len(wa), len(wb))

    return same
