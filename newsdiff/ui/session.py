"""What the viewer holds about the open folder (or files): the articles, the files that failed, and the words
each copy spells (base_pairs.Spellings, whence each pair's known words); and the comparison as the comparison
process runs it.

Pure Python, never Qt: the comparison process imports this module and nothing of the window.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from newsdiff.core.folder.base_pairs import Spellings
from newsdiff.core.folder.similarity import carries_in
from newsdiff.core.model import Comparison, Difference, Span
from newsdiff.core.output.review import Review, review_folder
from newsdiff.core.pair.compare import compare
from newsdiff.core.read.articles import Article, ArticleError


@dataclass(frozen=True)
class Compared:
    """A comparison with its differences, both worked out away from the GUI (on long articles listing the
    differences takes tens of milliseconds, which the window should not spend)."""

    comparison: Comparison
    differences: list[Difference]


def compared(left: Article, right: Article, known: frozenset[str]) -> Compared:
    """Compare `left` with `right` and list the differences (run in the comparison process)."""
    comparison = compare(left, right, known_words=known)
    return Compared(comparison, comparison.differences())


def warmed_up() -> bool:
    """Load the engine's models by comparing two tiny texts (run in the comparison process at start)."""
    compare(Article.from_text("The models load once."), Article.from_text("The models are loaded once."))
    return True


@dataclass
class Session:
    """The open folder (or set of files)."""

    articles: list[Article]
    errors: list[ArticleError] = field(default_factory=list)
    folder: str | None = None  # None when files were opened one by one
    suggested_base: int | None = None  # the copy the others derive from most (folders only)
    closest: int | None = None  # the copy of the suggested base's story carrying most of it (folders only)
    furniture: tuple[tuple[Span, ...], ...] = ()  # each article's site furniture, as the folder analysis finds it

    def __post_init__(self) -> None:
        self.spellings = Spellings.of(self.articles)
        # counted here, off the GUI thread: the list shows them
        self.word_counts = [len(article.text.split()) for article in self.articles]
        self._index = {article.path: index for index, article in enumerate(self.articles)}
        # read here, off the GUI thread: validating it loads pydantic, some 300 ms the first time
        self.review = Review.load(self.folder or review_folder([article.path for article in self.articles]))

    def index_of(self, path: str) -> int | None:
        """The index of the article loaded from `path`, if any."""
        return self._index.get(path)

    def carries(self, comparison: Comparison) -> float:
        """How much of the base (the comparison's left side) the right side carries (similarity.carries), with
        the base's site furniture as the folder analysis finds it."""
        index = self.index_of(comparison.left.path)
        furniture = self.furniture[index] if index is not None and index < len(self.furniture) else ()
        return carries_in(comparison, furniture)


def with_articles(session: Session, articles: list[Article], errors: list[ArticleError]) -> Session:
    """The open folder with other articles or errors (a copy pasted, reloaded or gone); the suggested base is
    kept while its article is, by path."""
    suggested = session.suggested_base
    path = session.articles[suggested].path if suggested is not None and suggested < len(session.articles) else None
    kept = next((index for index, article in enumerate(articles) if article.path == path), None)
    # The furniture found stays with the articles whose text is unchanged; the others have none until analysed.
    found = {a.path: (a.text, spans) for a, spans in zip(session.articles, session.furniture)}
    furniture = (
        tuple(found[a.path][1] if a.path in found and found[a.path][0] == a.text else () for a in articles)
        if session.furniture
        else ()
    )
    return Session(articles, errors, folder=session.folder, suggested_base=kept, furniture=furniture)
