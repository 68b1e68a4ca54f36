"""What each kind and mark is called and how it is explained to a person: the one source of that wording for the
viewer, the HTML report and the command line (the JSON contract names kinds and marks by field, not here)."""

from __future__ import annotations

from newsdiff.core.model import Comparison, Difference, Kind, Link

KIND_MEANINGS: dict[Kind, str] = {
    Kind.SHARED: "the same sentence on both sides",
    Kind.TYPO: "the same sentence, changed only at character level: spelling, transliteration, case",
    Kind.PARAPHRASE: "reused in other words, wholly or in part",
    Kind.UNIQUE: "no counterpart on the other side: added, or cut seen from the other copy",
}

MOVED = "moved"
# Said of a sentence already known to be linked (a tooltip); a legend says what it sits on first (MOVED_LEGEND).
MOVED_MEANING = "out of order relative to its neighbours"
MOVED_LEGEND = f"a linked sentence {MOVED_MEANING}"
MOVED_HINT = f"{MOVED}: {MOVED_MEANING}"

ALTERED = "altered"
ALTERED_LEGEND = "a linked pair in which a claim both copies make differs"
ALTERED_FACTS = "a figure, date, name, negation, direction or meaning"
# What the altered mark means, where a link does not say why (its reasons are the `Alteration` values).
ALTERED_MEANING = f"{ALTERED_FACTS} differs"

FURNITURE = "site furniture"
FURNITURE_MEANING = "part of the page around the story (a list of other headlines, a prompt, a credit or footer)"
FURNITURE_HINT = f"{FURNITURE}: {FURNITURE_MEANING}"

# The two figures of folder.similarity, where they appear (a column's header, a tooltip, the report).
CARRIES = "Carries"
CARRIES_MEANING = (
    "how much of the base this copy carries: the share of the base's story words (site furniture left out) "
    "in sentences linked to this copy"
)
ALIKE = "Alike"
ALIKE_MEANING = (
    "how alike two copies are: the share of word pairs they have in common (shingle cosine, site furniture "
    "left out); copies that are one story are grouped by it"
)


def altered_hint(link: Link) -> str:
    """The altered mark of `link` in words, with its reasons where known."""
    return f"{ALTERED}: {'; '.join(a.value for a in link.alterations) or ALTERED_MEANING}"


def difference_marks(comparison: Comparison, difference: Difference) -> list[str]:
    """The marks of a difference in words, as the status bar and the text summary give them: "moved", and the
    altered mark with its reasons."""
    found = [MOVED] if difference.moved else []
    if difference.altered and difference.link is not None:
        found.append(altered_hint(comparison.links[difference.link]))
    return found


def sentence_hint(link: Link | None, *, furniture: bool = False, name_kind: bool = False, separator: str = "; ") -> str:
    """What a sentence is, for its tooltip: the kind's meaning (led by the kind's name if `name_kind`), the
    link's similarity unless shared, its moved and altered marks; `furniture` puts the site furniture mark
    first. `link` is None for a unique sentence; the parts are joined by `separator`."""
    kind = link.kind if link is not None else Kind.UNIQUE
    parts = [FURNITURE_HINT] if furniture else []
    parts.append(f"{kind.value}: {KIND_MEANINGS[kind]}" if name_kind else KIND_MEANINGS[kind])
    if link is not None:
        if kind is not Kind.SHARED:
            parts.append(f"similarity {link.similarity:.2f}")
        if link.moved:
            parts.append(MOVED_HINT)
        if link.altered:
            parts.append(altered_hint(link))
    return separator.join(parts)
