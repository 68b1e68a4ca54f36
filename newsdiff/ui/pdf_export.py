"""The report as a PDF, drawn by Qt itself (QTextDocument laid out on a QPdfWriter): the pair or the folder
report with the colours and marks of the HTML report, for the viewer's File > Export PDF and for
`newsdiff report --pdf`, which needs no display (Qt runs offscreen there).

The page is A4 with 15 mm margins; each page carries the report's title and its number at the foot.
"""

from __future__ import annotations

import os
from collections.abc import Iterable
from pathlib import Path

from PySide6.QtCore import QBuffer, QByteArray, QIODevice, QMarginsF, QRectF, QSizeF, Qt
from PySide6.QtGui import QFont, QGuiApplication, QPageLayout, QPageSize, QPainter, QPdfWriter, QTextDocument

from newsdiff import __version__
from newsdiff.core.output.report import ReportView, render_view
from newsdiff.core.output.safe_write import write_bytes_atomically, write_text_atomically

TEMPLATE = "report-pdf.html.j2"
MARGIN_MM = 15.0
RESOLUTION = 300  # dots per inch of the layout: fine enough for text positions; the text itself stays vector
FOOTER_POINTS = 7.5
BODY_FONT = "DejaVu Sans"  # installed with Qt's usual fonts on Linux; another sans serif stands in where it is not

_application: QGuiApplication | None = None  # the one made here when no Qt application runs (the command line)


def ensure_application() -> None:
    """Make sure a Qt application exists, for fonts and layout: the viewer's, or an offscreen one made here for
    the command line (which must work with no display)."""
    global _application
    if QGuiApplication.instance() is None:
        os.environ["QT_QPA_PLATFORM"] = "offscreen"
        _application = QGuiApplication([])


def pdf_bytes(view: ReportView) -> bytes:
    """The report `view` as the bytes of a PDF file."""
    ensure_application()
    document = QTextDocument()
    font = QFont(BODY_FONT, 9)
    # Ligatures would turn "fi" into one glyph, and copying or searching the PDF's text would then miss words
    font.setFeature(QFont.Tag("liga"), 0)
    document.setDefaultFont(font)
    data = QByteArray()
    buffer = QBuffer(data)
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    writer = QPdfWriter(buffer)
    writer.setResolution(RESOLUTION)
    writer.setPageLayout(
        QPageLayout(
            QPageSize(QPageSize.PageSizeId.A4),
            QPageLayout.Orientation.Portrait,
            QMarginsF(MARGIN_MM, MARGIN_MM, MARGIN_MM, MARGIN_MM),
            QPageLayout.Unit.Millimeter,
        )
    )
    writer.setTitle(f"newsdiff report: {view.title}")
    writer.setCreator(f"newsdiff {__version__}")
    document.documentLayout().setPaintDevice(writer)
    document.setHtml(render_view(view, TEMPLATE))
    page = writer.pageLayout().paintRectPixels(RESOLUTION)
    footer_font = QFont(BODY_FONT)
    footer_font.setPointSizeF(FOOTER_POINTS)
    footer_height = FOOTER_POINTS / 72 * RESOLUTION * 2.5
    height = page.height() - footer_height
    document.setPageSize(QSizeF(page.width(), height))
    pages = document.pageCount()
    painter = QPainter(writer)
    try:
        for number in range(pages):
            if number:
                writer.newPage()
            painter.save()
            painter.translate(0, -number * height)
            document.drawContents(painter, QRectF(0, number * height, page.width(), height))
            painter.restore()
            painter.setFont(footer_font)
            painter.setPen(Qt.GlobalColor.darkGray)
            foot = QRectF(0, page.height() - footer_height / 2, page.width(), footer_height / 2)
            painter.drawText(foot, Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignBottom, view.title)
            painter.drawText(
                foot, Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignBottom, f"{number + 1} / {pages}"
            )
    finally:
        painter.end()
        buffer.close()
    return bytes(data.data())


def write_pdf(
    view: ReportView, path: Path | str, *, force: bool = False, protected: Iterable[Path | str] = ()
) -> Path:
    """Write the report `view` as a PDF to `path` in one step; OutputExistsError if it exists and not `force`,
    OutputIsInputError if it is one of the `protected` inputs."""
    return write_bytes_atomically(path, pdf_bytes(view), force=force, protected=protected)


def write_report(
    view: ReportView, path: Path, *, force: bool = False, protected: Iterable[Path | str] = ()
) -> Path:
    """Write the report `view` to `path` in one step: a PDF when its name ends in .pdf, else the HTML report;
    never over one of the `protected` inputs."""
    if path.suffix.lower() == ".pdf":
        return write_pdf(view, path, force=force, protected=protected)
    return write_text_atomically(path, render_view(view), force=force, protected=protected)
