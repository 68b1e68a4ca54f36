"""Sentences of a text (text/segment.py): where a sentence ends and where it does not."""

from __future__ import annotations

from newsdiff.core.read.articles import Article
from newsdiff.core.text.segment import segment


def test_closing_quote_stays_with_its_sentence() -> None:
    doc = segment(Article.from_text('It was over after ten years." "I am done," she said. Mr. Smith left.'))
    texts = [doc.sentence_text(i) for i in range(len(doc.sentences))]
    assert texts == ['It was over after ten years."', '"I am done," she said.', "Mr. Smith left."]


def test_a_clock_time_goes_on_with_its_day_or_time_zone_but_ends_before_a_new_sentence() -> None:
    doc = segment(Article.from_text(
        "Polls close at 8 p.m. Tuesday in most states. Counting starts at 9 a.m. EDT on Wednesday. "
        "The count ended at 3 p.m. Police said it was calm."
    ))
    texts = [doc.sentence_text(i) for i in range(len(doc.sentences))]
    assert texts == [
        "Polls close at 8 p.m. Tuesday in most states.", "Counting starts at 9 a.m. EDT on Wednesday.",
        "The count ended at 3 p.m.", "Police said it was calm.",
    ]
