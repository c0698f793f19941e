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


@dataclass(frozen=True)
class AmountJudgement:
    """One judged number of the amount audit and what nutgraf says of it (None: nothing)."""

    weight: float
    is_amount: bool
    judged: dict[str, object]
    found: dict[str, object] | None


def same_value(found: dict[str, object], judged: dict[str, object]) -> bool:
    """Values agree to 0.1%; a range agrees by its bounds too."""

    def close(a: object, b: object) -> bool:
        if not isinstance(a, int | float) or not isinstance(b, int | float):
            return False
        return abs(a - b) <= 1e-3 * max(abs(a), abs(b), 1e-9)

    if close(found.get("value"), judged.get("value")):
        return True
    bounds = [judged.get("low"), judged.get("high")]
    return None not in bounds and all(
        close(found.get(k), b) for k, b in zip(("low", "high"), bounds, strict=True)
    )


def unit_key(unit: object, spellings: dict[str, str]) -> str | None:
    """A unit as one spelling: "per cent" and "%" alike, "kilometres" and "km" alike."""
    if not isinstance(unit, str) or not unit.strip():
        return None
    text = unit.strip()
    folded = spellings.get(text.lower(), text).lower()
    folded = folded.replace("percent", "%").replace("per cent", "%")
    return folded.replace("**", "").replace("^", "").replace("²", "2")


def counted_head(phrase: object) -> str | None:
    """The head word of a counted phrase, plural "s" dropped: "Japanese troops" -> "troop"."""
    if not isinstance(phrase, str):
        return None
    words = re.findall(r"[a-z0-9]+", phrase.lower())
    if not words:
        return None
    head = words[-1]
    return head[:-1] if head.endswith("s") and len(head) > 3 else head


def amount_scores(items: Sequence[AmountJudgement], spellings: dict[str, str]) -> dict[str, float]:
    """Precision and recall weighted by how many numbers each item stands for; value, unit
    and counted accuracy on the judged amounts nutgraf found."""
    tp = sum(i.weight for i in items if i.is_amount and i.found is not None)
    predicted = sum(i.weight for i in items if i.found is not None)
    gold = sum(i.weight for i in items if i.is_amount)
    hits = [i for i in items if i.is_amount and i.found is not None]
    valued = [i for i in hits if i.judged.get("value") is not None]

    def share(right: float, total: float) -> float:
        return right / total if total else 0.0

    return {
        "precision": share(tp, predicted),
        "recall": share(tp, gold),
        "value": share(sum(same_value(i.found or {}, i.judged) for i in valued), len(valued)),
        "unit": share(
            sum(
                unit_key((i.found or {}).get("unit"), spellings)
                == unit_key(i.judged.get("unit"), spellings)
                for i in hits
            ),
            len(hits),
        ),
        "counted": share(
            sum(
                counted_head((i.found or {}).get("counted"))
                == counted_head(i.judged.get("counted"))
                for i in hits
            ),
            len(hits),
        ),
        "found_amounts": len(hits),
    }
