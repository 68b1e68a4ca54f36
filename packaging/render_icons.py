"""Render the application icon's PNG sizes from its SVG (run after editing newsdiff.svg).

    QT_QPA_PLATFORM=offscreen python packaging/render_icons.py
"""

from __future__ import annotations

import sys
from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtGui import QGuiApplication, QImage, QPainter
from PySide6.QtSvg import QSvgRenderer

ICONS = Path(__file__).resolve().parent.parent / "resources" / "icons"
SIZES = (16, 32, 48, 64, 128, 256)


def render(svg: Path, size: int, png: Path) -> None:
    """Write `svg` drawn at `size`×`size` pixels, on a transparent background, to `png`."""
    renderer = QSvgRenderer(str(svg))
    if not renderer.isValid():
        raise SystemExit(f"{svg}: not a valid SVG")
    image = QImage(size, size, QImage.Format.Format_ARGB32)
    image.fill(Qt.GlobalColor.transparent)
    painter = QPainter(image)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    painter.setRenderHint(QPainter.RenderHint.SmoothPixmapTransform)
    renderer.render(painter)
    painter.end()
    if not image.save(str(png), "PNG"):
        raise SystemExit(f"{png}: could not be written")


def main() -> None:
    """Render every size of newsdiff.svg next to it as newsdiff-SIZE.png."""
    QGuiApplication.instance() or QGuiApplication(sys.argv[:1])
    svg = ICONS / "newsdiff.svg"
    for size in SIZES:
        png = ICONS / f"newsdiff-{size}.png"
        render(svg, size, png)
        print(png)


if __name__ == "__main__":
    main()
