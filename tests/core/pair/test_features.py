"""Tests of the pair features' word counterparts."""

from __future__ import annotations

from newsdiff.core.pair.features import counterparts


def test_a_word_has_a_counterpart_in_its_inflection_or_its_abbreviation_without_stops() -> None:
    assert counterparts(["ukrainians", "u.s"], ["troops", "ukrainian", "us"]) == [True, True]


def test_a_related_word_of_another_meaning_is_no_counterpart() -> None:
    assert counterparts(["hundreds", "waist"], ["thousands", "neck"]) == [False, False]
    assert counterparts(["waist"], []) == [False]
