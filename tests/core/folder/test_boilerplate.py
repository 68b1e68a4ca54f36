"""Site furniture: precision first, by shape, recurrence and what other copies carry."""

from __future__ import annotations

import numpy as np

from newsdiff.core.folder import boilerplate
from newsdiff.core.folder.fingerprint import content_words, skip_grams
from newsdiff.core.text.segment import paragraph_spans

STORY = [
    "The city council approved the new budget on Monday after a long debate about schools.",
    "The budget raises spending on schools and roads, the mayor said in a statement.",
    "Opponents said the council ignored the cost of repairing the old bridge over the river.",
    "The mayor said the bridge would be repaired next year with money from the state.",
]


def _flagged(paragraphs: list[str]) -> list[str]:
    text = "\n\n".join(paragraphs)
    spans = paragraph_spans(text)
    return [text[spans[i].start : spans[i].end] for i in sorted(boilerplate.shape_furniture(text, spans))]


def test_a_gallery_above_the_story_does_not_hide_the_story() -> None:
    """A list of lines above the story (a gallery's buttons) is furniture; the story after it is not, though
    before the list there was only a caption to judge it by."""
    page = [
        "Budget approved",
        "A caption of the council in session, in a file photo.",
        "Close",
        "Image 1 of 3",
        "Back to Gallery",
        "Next photo",
        *STORY,
    ]
    flagged = _flagged(page)
    assert not set(flagged) & set(STORY)
    assert "Image 1 of 3" in flagged


def test_junk_shapes_are_furniture_wherever_they_stand() -> None:
    page = [
        "Budget approved",
        STORY[0],
        "1 / 6",
        STORY[1],
        "___",
        "(AP Photo/Jane Doe)",
        STORY[2],
        "https://example.com/widgets.js",
        STORY[3],
    ]
    assert _flagged(page) == ["1 / 6", "___", "(AP Photo/Jane Doe)", "https://example.com/widgets.js"]


def test_list_lines_sharing_no_word_with_the_story_interrupt_it() -> None:
    page = [
        "Budget approved",
        STORY[0],
        STORY[1],
        "Most Read Local Stories",
        "Unlimited Access. $1 for 4 weeks.",
        STORY[2],
        "Repairs to the bridge",
        STORY[3],
    ]
    flagged = _flagged(page)
    assert flagged == ["Most Read Local Stories"]  # the subheading uses the story's words; the offer is prose


def test_a_short_closing_line_of_the_story_is_story() -> None:
    page = ["Budget approved", *STORY, "Verdict: passed unanimously."]
    assert _flagged(page) == []


def test_a_paragraph_recurring_in_another_story_is_furniture_only_when_not_about_its_own() -> None:
    text = "\n\n".join(
        [*STORY, "The council also approved repairs to the bridge and the roads.", "Subscribe today. Offer ends soon."]
    )
    spans = paragraph_spans(text)
    about = boilerplate.about_the_story(text, spans, set())
    assert about[4] and not about[5]


def test_prose_flagged_by_shape_that_another_copy_carries_is_story() -> None:
    paragraphs = [[np.array(sorted(skip_grams(content_words(p))), dtype=np.uint64) for p in STORY]] * 2
    pieces = [STORY, STORY]
    flagged = [{2, 3}, set()]
    assert boilerplate.carried_elsewhere(flagged, paragraphs, pieces, [0, 0]) == [{2, 3}, set()]
    # The same paragraphs flagged in the other copy too: nothing carries them as story.
    assert boilerplate.carried_elsewhere([{2, 3}, {2, 3}], paragraphs, pieces, [0, 0]) == [set(), set()]
    # Another story carrying them (a follow-up reusing them) does not make them this story's.
    assert boilerplate.carried_elsewhere(flagged, paragraphs, pieces, [0, 1]) == [set(), set()]
