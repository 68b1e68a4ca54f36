"""Sentences of a text (text/segment.py): where a sentence ends and where it does not."""

from __future__ import annotations

from newsdiff.core.read.articles import Article
from newsdiff.core.text.segment import MAX_SENTENCE_WORDS, segment


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


def _sentences_of(text: str) -> list[str]:
    doc = segment(Article.from_text(text))
    return [doc.sentence_text(i) for i in range(len(doc.sentences))]


def test_text_without_sentence_ends_is_cut_into_sentences_of_bounded_length() -> None:
    words = [f"word{k}" for k in range(10_000)]
    words[250] += ","  # a clause ends in the second half of the second sentence
    sentences = _sentences_of(" ".join(words))
    assert max(len(s.split()) for s in sentences) == MAX_SENTENCE_WORDS
    assert " ".join(sentences).split() == words  # every word kept, in order
    assert sentences[1].endswith("word250,")  # cut where the clause ends rather than mid-clause


def test_a_long_sentence_with_a_full_stop_is_cut_at_clause_ends_and_a_real_long_one_is_kept() -> None:
    clause = "the minister said that the council would meet again on Tuesday to discuss the budget;"
    overlong = " ".join([clause] * 20).capitalize()[:-1] + "."
    sentences = _sentences_of(overlong)
    assert len(sentences) > 1 and all(len(s.split()) <= MAX_SENTENCE_WORDS for s in sentences)
    assert all(s.endswith((";", ".")) for s in sentences)
    assert " ".join(sentences) == overlong
    long_but_real = " ".join([clause] * 5).capitalize()[:-1] + "."  # 75 words
    assert _sentences_of(long_but_real) == [long_but_real]
