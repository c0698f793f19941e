"""Each scorer of the evaluation harness on a tiny hand-made case with a known score."""

import sys

import pytest

from tests.support import ROOT

sys.path.insert(0, str(ROOT / "eval"))

from scoring import (
    PRF,
    AmountJudgement,
    amount_scores,
    body_scores,
    entity_prf,
    exact_in,
    overlap_in,
    set_prf,
    span_prf,
)
from tasks.conll import _document


def test_precision_recall_f1():
    score = PRF(tp=2, predicted=4, gold=2)
    assert (score.precision, score.recall) == (0.5, 1.0)
    assert score.f1 == pytest.approx(2 / 3)
    assert PRF(0, 0, 3).f1 == 0.0


def test_spans_pair_one_to_one():
    same = lambda a, b: a == b  # noqa: E731
    assert span_prf([(0, 5), (0, 5)], [(0, 5)], same) == PRF(1, 2, 1)


def test_entities_match_on_span_and_type():
    gold = {(0, 5, "PER"), (10, 15, "LOC")}
    predicted = {(0, 5, "PER"), (10, 15, "ORG"), (20, 25, "ORG")}
    assert entity_prf(predicted, gold) == PRF(1, 3, 2)
    assert entity_prf(predicted, gold, "ORG") == PRF(0, 2, 0)
    assert set_prf({("Koizumi", "PER")}, {("Koizumi", "PER"), ("Japan", "LOC")}) == PRF(1, 1, 2)


def test_body_metric_on_shingles():
    perfect = body_scores([("a b c d e", "a b c d e")])
    assert (perfect.precision, perfect.recall, perfect.f1, perfect.accuracy) == (1, 1, 1, 1)
    half = body_scores([("a b c d", "a b c d e")])  # 1 of the 2 gold 4-grams
    assert (half.precision, half.recall, half.accuracy) == (1.0, 0.5, 0.0)
    assert half.f1 == pytest.approx(2 / 3)


def test_attribution_spans_compare_without_marks_and_by_overlap():
    text = '"We won," Koizumi said.'
    assert exact_in(text)((0, 9), (1, 7))
    assert not exact_in(text)((1, 4), (1, 7))
    assert overlap_in(text)((1, 4), (1, 7))  # "We" of "We won": half the longer span
    assert not overlap_in(text)((10, 17), (1, 7))


def test_conll_iob1_tags_become_character_spans():
    sentences = [[("EU", "I-ORG"), ("rejects", "O"), ("German", "I-MISC"), ("call", "O")],
                 [("Peter", "I-PER"), ("Blackburn", "I-PER"), ("Bonn", "B-LOC")]]  # fmt: skip
    document = _document(sentences)
    assert document.text == "EU rejects German call\nPeter Blackburn Bonn"
    spans = {(document.text[s:e], label) for s, e, label in document.gold}
    assert spans == {("EU", "ORG"), ("German", "MISC"), ("Peter Blackburn", "PER"), ("Bonn", "LOC")}


def test_amount_scores_weigh_each_pool_and_fold_spellings():
    def item(weight, is_amount, judged, found):
        return AmountJudgement(weight, is_amount, judged, found)

    items = [
        # a right amount: value, unit ("per cent" = "%") and counted head ("businesses")
        item(2.0, True, {"value": 5, "unit": "per cent", "counted": "businesses"},
             {"value": 5, "unit": "%", "counted": "Georgian businesses"}),
        # a range judged by its bounds, its unit spelled out
        item(2.0, True, {"value": None, "low": 40, "high": 50, "unit": "kilometres",
                         "counted": None},
             {"value": 40, "low": 40, "high": 50, "unit": "km", "counted": None}),
        # reported but not an amount (a year)
        item(2.0, False, {"value": None}, {"value": 2005, "unit": None, "counted": None}),
        # an amount nutgraf missed, from the heavier pool of numbers it did not report
        item(6.0, True, {"value": 3, "unit": None, "counted": "ships"}, None),
    ]  # fmt: skip
    scores = amount_scores(items, {"kilometres": "km"})
    assert scores["precision"] == pytest.approx(4 / 6)
    assert scores["recall"] == pytest.approx(4 / 10)
    assert (scores["value"], scores["unit"], scores["counted"]) == (1.0, 1.0, 1.0)
    assert scores["found_amounts"] == 2


def test_geoparsing_matches_one_to_one_and_scores_distance_or_id():
    from tasks.geoparsing import WORST_KM, matches, resolution

    gold = [
        {"start": 0, "end": 5, "lat": 51.5, "lon": -0.13, "geonameid": "1"},
        {"start": 10, "end": 15, "lat": 48.85, "lon": 2.35, "geonameid": "2"},
        {"start": 20, "end": 25, "lat": 40.0, "lon": -100.0, "geonameid": "3"},
    ]
    predicted = [(0, 5, (51.5, -0.13, 9)), (1, 4, (0.0, 0.0, 8)), (10, 15, (40.7, -74.0, 2)),
                 (20, 25, (None, None, None))]  # fmt: skip
    pairs = list(matches(predicted, gold))
    assert [g["geonameid"] for g, _ in pairs] == ["1", "2", "3"]  # the second guess unused
    scores = resolution(pairs)
    assert scores["acc161"] == round(2 / 3, 4)  # by distance, by id; the pointless one wrong
    assert scores["exact_id"] == round(1 / 3, 4)
    assert scores["median_km"] == 0.0 and scores["mean_km"] == round(WORST_KM / 3, 1)
