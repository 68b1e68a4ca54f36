"""Typographic normalisation (text/normalize.py): the variants two copies of one sentence share."""

from __future__ import annotations

import pytest

from newsdiff.core.text.normalize import canonical, tokens, typographic


@pytest.mark.parametrize(
    "left, right",
    [
        ('She said the talks went "well... for now."', "She said the talks went \u201cwell\u2026 for now.\u201d"),
        ("The harbour , they said , was closed.", "The harbour, they said, was closed."),
        ('" We will rebuild," the mayor said.', '"We will rebuild," the mayor said.'),
        ("[ From the Hobart Courier, May 3.]", "[From the Hobart Courier, May 3.]"),
        ("The inter\u00adnational fund grew.", "The international fund grew."),
        ("The fund\u200b grew\ufeff.", "The fund grew."),
        ("He called it ``a disgrace'' on Friday.", 'He called it "a disgrace" on Friday.'),
        ("The scheme will cost #25m a year.", "The scheme will cost \u00a325m a year."),
        ("let the strangers go \u2014no one shall die", "let the strangers go\u2014no one shall die"),
        ("Markets in retreat \u2013", "Markets in retreat"),
    ],
)
def test_typographic_variants_have_one_canonical_form(left: str, right: str) -> None:
    assert canonical(left) == canonical(right)


@pytest.mark.parametrize(
    "left, right",
    [
        ("The scheme will cost \u00a325m a year.", "The scheme will cost \u00a335m a year."),
        ("Follow #News24 for more.", "Follow \u00a3News24 for more."),  # a hashtag is no pound sign
        ("well... for now", "well, for now"),
        ("a fine day", "a fine-day"),
    ],
)
def test_other_characters_stay_apart(left: str, right: str) -> None:
    assert canonical(left) != canonical(right)


def test_typographic_form_keeps_every_offset() -> None:
    text = "The inter\u00adnational\u200b fund\ufeff said \u201cno\u201d"
    assert len(typographic(text)) == len(text)
    assert [t.text for t in tokens(text, 0, len(text))][:2] == ["The", "inter-national"]
