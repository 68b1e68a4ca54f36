"""How the cells draw the marks inside linked sentences."""

from __future__ import annotations

from PySide6.QtGui import QFont, QGuiApplication, QTextCursor

from newsdiff.core.model import Kind
from newsdiff.core.pair.compare import compare
from newsdiff.core.read.articles import Article
from newsdiff.ui.cells import Styling, build_cells
from newsdiff.ui.theme import theme_for


def test_a_slip_inside_a_paraphrase_is_drawn_as_changed_characters_not_as_reworded_words(qtbot) -> None:
    comparison = compare(
        Article.from_text("The minister announced the new plan to the parliament of the country on Tuesday."),
        Article.from_text("The minister unveiled the new plan to the parliment of the country on Tuesday."),
    )
    (link,) = comparison.links
    assert link.kind is Kind.PARAPHRASE
    theme = theme_for(QGuiApplication.palette())
    ((left, _),) = build_cells(comparison, Styling(theme, QFont()))
    text = comparison.left.text

    def background(offset: int) -> str:
        cursor = QTextCursor(left.document)
        cursor.setPosition(left.position_of(offset) + 1)  # the format of the character after the position
        return cursor.charFormat().background().color().name()

    dropped = text.index("parliament") + len("parli")
    assert background(dropped) == theme.changed_characters.name()
    assert background(text.index("announced")) == theme.reworded.name()
    assert background(text.index("minister")) == theme.kind[Kind.PARAPHRASE].name()
