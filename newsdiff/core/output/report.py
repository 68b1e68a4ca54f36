"""The HTML report of a comparison or of a folder: one self-contained file, the same highlights as the viewer."""

from __future__ import annotations

import base64
import hashlib
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from datetime import datetime
from functools import lru_cache
from pathlib import Path

import jinja2
from markupsafe import Markup

from newsdiff import __version__
from newsdiff.core.folder.boilerplate import sentences_within
from newsdiff.core.folder.similarity import carries_in
from newsdiff.core.model import KINDS, Comparison, Document, Edit, EditOp, Kind, Misspelling, Side, Span
from newsdiff.core.output import palette
from newsdiff.core.output.review import CopyReview, Mark, Review, pair_marks
from newsdiff.core.output.safe_write import write_text_atomically
from newsdiff.core.output.terminal_text import printable, shown_name
from newsdiff.core.places import resources
from newsdiff.core.read.articles import Article, ArticleError
from newsdiff.core.wording import (
    ALTERED_LEGEND,
    ALTERED_MEANING,
    CARRIES_MEANING,
    FURNITURE_HINT,
    KIND_MEANINGS,
    MOVED_LEGEND,
    sentence_hint,
)

RESOURCES = resources()
TEMPLATE = "report.html.j2"
SCRIPT = "report.js"


@dataclass(frozen=True)
class FileFacts:
    """What identifies a compared file: where it is, its size and checksum, the outlet it names.

    `path` and `name` are as shown (shown_name: a name that is not printable, or not valid Unicode, escaped).
    """

    path: str
    name: str
    title: str
    words: int
    size: int
    sha256: str
    on_disk: bool  # False when the article came from memory: size and checksum are then of its UTF-8 text
    outlet: str = ""


@dataclass(frozen=True)
class Piece:
    """A stretch of a sentence with at most one word or character mark."""

    text: str
    mark: str | None  # "reworded", "only" (words on this side only) or "chars" (changed characters)


@dataclass(frozen=True)
class Run:
    """A stretch of a sentence: a misspelt word, or the text between misspellings."""

    pieces: tuple[Piece, ...]
    misspelling: Misspelling | None


@dataclass(frozen=True)
class SentenceView:
    """A sentence as shown: its kind, its marks and, for a difference, its number."""

    kind: str
    hint: str
    runs: tuple[Run, ...]
    difference: int | None
    anchor: bool  # the sentence carries the `d<number>` anchor of its difference
    moved: bool
    altered: bool
    furniture: bool  # site furniture of the page, not the story (as the folder analysis finds it)
    review: Mark = Mark()  # the editor's review of its difference (on the sentence holding the anchor only)


@dataclass(frozen=True)
class RowView:
    """A display row: the paragraphs of each side, each a tuple of sentences."""

    left: tuple[tuple[SentenceView, ...], ...]
    right: tuple[tuple[SentenceView, ...], ...]


@dataclass(frozen=True)
class KindCount:
    """How many sentences of one kind each side has, and their share of the side."""

    kind: str
    left: int
    left_percent: float
    right: int
    right_percent: float


@dataclass(frozen=True)
class PairView:
    """One comparison of the report."""

    anchor: str
    left: FileFacts
    right: FileFacts
    counts: tuple[KindCount, ...]
    differences: int
    first_difference: int | None
    misspellings: int
    rows: tuple[RowView, ...]
    checked: int = 0  # differences the editor checked (not stale)
    copy_review: CopyReview = CopyReview()  # the editor's review of the copy (the right side)


@dataclass(frozen=True)
class SummaryLine:
    """A copy in the folder report's summary table."""

    anchor: str
    file: FileFacts
    shared_percent: float
    paraphrase_percent: float
    unique_percent: float
    base_carried_percent: float
    typo_links: int
    misspellings: int


@dataclass(frozen=True)
class ReportView:
    """Everything the template shows."""

    title: str
    generated: datetime
    files: tuple[FileFacts, ...]
    skipped: tuple[ArticleError, ...]
    summary: tuple[SummaryLine, ...] | None
    pairs: tuple[PairView, ...]
    differences: int


def file_facts(path: str, title: str, text: str, outlet: str = "") -> FileFacts:
    """Size and SHA-256 of the file at `path`, or of `text` as UTF-8 when there is no such file."""
    file = Path(path) if path else None
    data: bytes | None = None
    if file is not None and file.is_file():
        try:
            data = file.read_bytes()
        except OSError:
            data = None
    on_disk = data is not None
    if data is None:
        data = text.encode("utf-8")
    name = shown_name(file.name) if file is not None else "(text)"
    digest = hashlib.sha256(data).hexdigest()
    return FileFacts(shown_name(path), name, title, len(text.split()), len(data), digest, on_disk, outlet)


def _document_facts(document: Document) -> FileFacts:
    return file_facts(document.path, document.title, document.text, document.outlet)


def _percent(part: int, whole: int) -> float:
    return 100.0 * part / whole if whole else 0.0


def _pieces(text: str, start: int, end: int, marks: Sequence[tuple[int, int, str]]) -> tuple[Piece, ...]:
    """The text from `start` to `end` cut at the marked spans (sorted, clipped to the range)."""
    pieces: list[Piece] = []
    position = start
    for mark_start, mark_end, mark in marks:
        mark_start, mark_end = max(mark_start, position), min(mark_end, end)
        if mark_start >= mark_end:
            continue
        if mark_start > position:
            pieces.append(Piece(text[position:mark_start], None))
        pieces.append(Piece(text[mark_start:mark_end], mark))
        position = mark_end
    if position < end:
        pieces.append(Piece(text[position:end], None))
    return tuple(pieces)


def _runs(
    text: str, start: int, end: int, marks: Sequence[tuple[int, int, str]], misspelt: Sequence[Misspelling]
) -> tuple[Run, ...]:
    """The sentence from `start` to `end` cut at misspelt words, each stretch cut again at the marks."""
    runs: list[Run] = []
    position = start
    for word in misspelt:
        word_start, word_end = max(word.start, position), min(word.end, end)
        if word_start >= word_end:
            continue
        if word_start > position:
            runs.append(Run(_pieces(text, position, word_start, marks), None))
        runs.append(Run(_pieces(text, word_start, word_end, marks), word))
        position = word_end
    if position < end:
        runs.append(Run(_pieces(text, position, end, marks), None))
    return tuple(runs)


def _edit_mark(edit: Edit) -> str:
    if edit.characters:
        return "chars"
    return "reworded" if edit.op is EditOp.REPLACE else "only"


def _pair_view(
    comparison: Comparison,
    anchor: str,
    first_number: int,
    furniture: Mapping[str, Sequence[Span]],
    review: Review | None = None,
) -> PairView:
    """The view of one comparison; its differences are numbered from `first_number` on; `furniture` holds the
    site furniture of each file, by path; `review`, the editor's review of the folder, if any."""
    differences = comparison.differences()
    left_facts, right_facts = _document_facts(comparison.left), _document_facts(comparison.right)
    # Named by the documents' own paths: FileFacts.path is the path as shown, escaped where it is not printable.
    facts = {Side.LEFT: left_facts, Side.RIGHT: right_facts}
    files = tuple(review.file_of(comparison.document(s).path, facts[s].sha256) for s in Side) if review else ()
    marks = pair_marks(review, comparison, *files, differences) if review else [Mark()] * len(differences)
    reviews: dict[tuple[Side, int], Mark] = {}
    numbers: dict[tuple[Side, int], int] = {}
    anchors: set[tuple[Side, int]] = set()
    for offset, difference in enumerate(differences):
        number = first_number + offset
        for side in Side:
            for sentence in difference.sentences(side):
                numbers[(side, sentence)] = number
        side = Side.LEFT if difference.left else Side.RIGHT
        anchors.add((side, difference.sentences(side)[0]))
        reviews[(side, difference.sentences(side)[0])] = marks[offset]

    furnished = {
        side: sentences_within(comparison.document(side), furniture.get(comparison.document(side).path, ()))
        for side in Side
    }
    misspelt = {side: sorted((m for m in comparison.misspellings if m.side is side), key=lambda m: m.start) for side in Side}

    def sentence_view(side: Side, index: int) -> SentenceView:
        document = comparison.document(side)
        sentence = document.sentences[index]
        link_index = comparison.link_of(side, index)
        link = comparison.links[link_index] if link_index is not None else None
        kind = link.kind if link is not None else Kind.UNIQUE
        marks = sorted(
            (edit.start, edit.end, _edit_mark(edit))
            for edit in (link.edits if link is not None else ())
            if edit.side is side
        )
        moved = link is not None and link.moved
        altered = link is not None and link.altered
        return SentenceView(
            kind=kind.value,
            hint=sentence_hint(link, furniture=index in furnished[side]),
            runs=_runs(document.text, sentence.start, sentence.end, marks, misspelt[side]),
            difference=numbers.get((side, index)),
            anchor=(side, index) in anchors,
            moved=moved,
            altered=altered,
            furniture=index in furnished[side],
            review=reviews.get((side, index), Mark()),
        )

    def cell(side: Side, paragraphs: Sequence[int]) -> tuple[tuple[SentenceView, ...], ...]:
        document = comparison.document(side)
        return tuple(
            tuple(sentence_view(side, index) for index in document.paragraph_sentences(paragraph))
            for paragraph in paragraphs
        )

    stats = {side: comparison.stats(side) for side in Side}
    totals = {side: len(comparison.document(side).sentences) for side in Side}
    counts = tuple(
        KindCount(
            kind.value,
            stats[Side.LEFT][kind],
            _percent(stats[Side.LEFT][kind], totals[Side.LEFT]),
            stats[Side.RIGHT][kind],
            _percent(stats[Side.RIGHT][kind], totals[Side.RIGHT]),
        )
        for kind in KINDS
    )
    return PairView(
        anchor=anchor,
        left=left_facts,
        right=right_facts,
        counts=counts,
        differences=len(differences),
        first_difference=first_number if differences else None,
        misspellings=len(comparison.misspellings),
        rows=tuple(RowView(cell(Side.LEFT, row.left), cell(Side.RIGHT, row.right)) for row in comparison.rows),
        checked=sum(1 for mark in marks if mark.checked and not mark.stale),
        copy_review=review.copy_review(files[1]) if review else CopyReview(),
    )


def _pair_views(
    comparisons: Sequence[Comparison], furniture: Mapping[str, Sequence[Span]], review: Review | None
) -> tuple[PairView, ...]:
    """The views of the comparisons, with differences numbered through the whole report."""
    views: list[PairView] = []
    next_number = 1
    for number, comparison in enumerate(comparisons, 1):
        view = _pair_view(comparison, f"pair-{number}", next_number, furniture, review)
        views.append(view)
        next_number += view.differences
    return tuple(views)


def _summary_line(comparison: Comparison, view: PairView, furniture: Mapping[str, Sequence[Span]]) -> SummaryLine:
    stats = comparison.stats(Side.RIGHT)
    total = len(comparison.right.sentences)
    return SummaryLine(
        anchor=view.anchor,
        file=view.right,
        shared_percent=_percent(stats[Kind.SHARED], total),
        paraphrase_percent=_percent(stats[Kind.PARAPHRASE], total),
        unique_percent=_percent(stats[Kind.UNIQUE], total),
        base_carried_percent=100.0 * carries_in(comparison, furniture.get(comparison.left.path, ())),
        typo_links=sum(1 for link in comparison.links if link.kind is Kind.TYPO),
        misspellings=sum(1 for m in comparison.misspellings if m.side is Side.RIGHT),
    )


@lru_cache(maxsize=1)
def _environment() -> jinja2.Environment:
    return jinja2.Environment(
        loader=jinja2.FileSystemLoader(RESOURCES),
        autoescape=True,
        undefined=jinja2.StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
        keep_trailing_newline=True,
    )


@lru_cache(maxsize=1)
def _script() -> tuple[str, str]:
    """The keyboard-navigation script and its CSP hash (the page runs no other script)."""
    script = (RESOURCES / SCRIPT).read_text(encoding="utf-8")
    digest = base64.b64encode(hashlib.sha256(script.encode("utf-8")).digest()).decode("ascii")
    return script, f"'sha256-{digest}'"


def colours() -> dict[str, str]:
    """The report's colours by the name its style sheet gives them: each kind, each word mark, each mark."""
    return {
        **{f"k-{kind.value}": colour for kind, colour in palette.KIND_LIGHT.items()},
        "reworded": palette.REWORDED_LIGHT,
        "only": palette.ONLY_HERE_LIGHT,
        "chars": palette.CHANGED_CHARACTERS_LIGHT,
        "misspelling": palette.MISSPELLING,
        "moved": palette.MOVED,
        "altered": palette.ALTERED,
        "checked": palette.CHECKED,
    }


def render_view(view: ReportView, template: str = TEMPLATE) -> str:
    """The report `view` rendered with `template`, a template of the resources folder (the HTML report's by
    default), given the legend's wording and the colours."""
    script, script_hash = _script()
    return _environment().get_template(template).render(
        report=view,
        kinds=[(kind.value, KIND_MEANINGS[kind]) for kind in KINDS],
        moved_meaning=MOVED_LEGEND,
        altered_meaning=f"{ALTERED_LEGEND}: {ALTERED_MEANING}",
        furniture_hint=FURNITURE_HINT,
        carries_meaning=CARRIES_MEANING,
        colours=colours(),
        script=Markup(script),
        script_hash=script_hash,
        version=__version__,
    )


def _now(generated: datetime | None) -> datetime:
    return generated if generated is not None else datetime.now().astimezone()


def render_pair_report(
    comparison: Comparison,
    *,
    furniture: Mapping[str, Sequence[Span]] = {},
    generated: datetime | None = None,
    review: Review | None = None,
) -> str:
    """The HTML report of one comparison; `furniture`: the site furniture of each file, by path, marked as such;
    `generated` (default: now) is the date it shows; `review`: the editor's review (checks, notes) it carries."""
    return render_view(pair_report_view(comparison, furniture=furniture, generated=generated, review=review))


def pair_report_view(
    comparison: Comparison,
    *,
    furniture: Mapping[str, Sequence[Span]] = {},
    generated: datetime | None = None,
    review: Review | None = None,
) -> ReportView:
    """What the report of one comparison shows (see render_pair_report)."""
    pairs = _pair_views([comparison], furniture, review)
    left, right = pairs[0].left, pairs[0].right
    return ReportView(
        title=f"{left.name} compared with {right.name}",
        generated=_now(generated),
        files=(left, right),
        skipped=(),
        summary=None,
        pairs=pairs,
        differences=pairs[0].differences,
    )


def render_folder_report(
    base_article: Article,
    comparisons: Sequence[Comparison],
    *,
    skipped: Sequence[ArticleError] = (),
    furniture: Mapping[str, Sequence[Span]] = {},
    generated: datetime | None = None,
    review: Review | None = None,
) -> str:
    """The HTML report of a base against every other copy (each comparison has the base on its left side).

    A summary table of the copies comes first; `skipped` lists the files that could not be read; `furniture`
    holds the site furniture of each file, by path, marked as such; `review` is the editor's review it carries.
    """
    view = folder_report_view(
        base_article, comparisons, skipped=skipped, furniture=furniture, generated=generated, review=review
    )
    return render_view(view)


def folder_report_view(
    base_article: Article,
    comparisons: Sequence[Comparison],
    *,
    skipped: Sequence[ArticleError] = (),
    furniture: Mapping[str, Sequence[Span]] = {},
    generated: datetime | None = None,
    review: Review | None = None,
) -> ReportView:
    """What the report of a base against every other copy shows (see render_folder_report)."""
    pairs = _pair_views(comparisons, furniture, review)
    base_facts = file_facts(base_article.path, base_article.title, base_article.text, base_article.outlet)
    copies = "copy" if len(comparisons) == 1 else "copies"
    return ReportView(
        title=f"{base_facts.name} against {len(comparisons)} other {copies}",
        generated=_now(generated),
        files=(base_facts, *(pair.right for pair in pairs)),
        skipped=tuple(ArticleError(shown_name(e.path), printable(e.reason)) for e in skipped),
        summary=tuple(_summary_line(c, v, furniture) for c, v in zip(comparisons, pairs)),
        pairs=pairs,
        differences=sum(pair.differences for pair in pairs),
    )


def write_pair_report(
    comparison: Comparison,
    path: Path | str,
    *,
    force: bool = False,
    furniture: Mapping[str, Sequence[Span]] = {},
    generated: datetime | None = None,
    protected: Iterable[str] = (),
    review: Review | None = None,
) -> Path:
    """Write the report of one comparison to `path` atomically; OutputExistsError if it exists and not `force`,
    OutputIsInputError if it is one of the compared files or of the `protected` inputs."""
    html = render_pair_report(comparison, furniture=furniture, generated=generated, review=review)
    inputs = [comparison.left.path, comparison.right.path, *protected]
    return write_text_atomically(path, html, force=force, protected=[p for p in inputs if p])


def write_folder_report(
    base_article: Article,
    comparisons: Sequence[Comparison],
    path: Path | str,
    *,
    force: bool = False,
    skipped: Sequence[ArticleError] = (),
    furniture: Mapping[str, Sequence[Span]] = {},
    generated: datetime | None = None,
    review: Review | None = None,
) -> Path:
    """Write the folder report to `path` atomically; OutputExistsError if it exists and not `force`,
    OutputIsInputError if it is one of the articles or of the `skipped` files."""
    html = render_folder_report(
        base_article, comparisons, skipped=skipped, furniture=furniture, generated=generated, review=review
    )
    inputs = [base_article.path, *(c.right.path for c in comparisons), *(e.path for e in skipped)]
    return write_text_atomically(path, html, force=force, protected=[p for p in inputs if p])
