"""Render the app icon (resources/app.svg) into an XDG icon theme folder, with Qt's QSvgRenderer.

    python packaging/render_icons.py OUT        # writes OUT/hicolor/...

Writes the SVG and PNGs of 16 to 512 px as ``apps/<APP_ID>`` (the .desktop file's Icon=),
and the same picture as the plan file type's icon (``mimetypes/application-x-abmplan``).
``make bundle`` and ``make install-desktop`` run it, so the PNGs always match the SVG and
none are committed; the 256 px PNG is also the Windows and macOS icon (see the spec).
"""

from __future__ import annotations

import os
import shutil
import sys
from pathlib import Path

SIZES = (16, 22, 24, 32, 48, 64, 128, 256, 512)
MIME_ICON = "application-x-abmplan"
ROOT = Path(__file__).resolve().parents[1]


def main(argv: list[str]) -> int:
    if len(argv) != 1:
        sys.stderr.write(f"usage: {__doc__.strip().splitlines()[2].strip()}\n")
        return 2
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    sys.path.insert(0, str(ROOT))
    from PySide6.QtCore import Qt
    from PySide6.QtGui import QGuiApplication, QImage, QPainter
    from PySide6.QtSvg import QSvgRenderer

    from abm_planner import APP_ID

    theme = Path(argv[0]) / "hicolor"
    source = ROOT / "resources" / "app.svg"
    _app = QGuiApplication([])
    renderer = QSvgRenderer(str(source))
    if not renderer.isValid():
        sys.stderr.write(f"{source} is not a valid SVG\n")
        return 1
    for context, name in (("apps", APP_ID), ("mimetypes", MIME_ICON)):
        scalable = theme / "scalable" / context / f"{name}.svg"
        scalable.parent.mkdir(parents=True, exist_ok=True)
        shutil.copyfile(source, scalable)
        for size in SIZES:
            image = QImage(size, size, QImage.Format.Format_ARGB32_Premultiplied)
            image.fill(Qt.GlobalColor.transparent)
            painter = QPainter(image)
            painter.setRenderHint(QPainter.RenderHint.Antialiasing)
            renderer.render(painter)
            painter.end()
            target = theme / f"{size}x{size}" / context / f"{name}.png"
            target.parent.mkdir(parents=True, exist_ok=True)
            if not image.save(str(target), "PNG"):
                sys.stderr.write(f"could not write {target}\n")
                return 1
    sys.stdout.write(f"{theme}: {APP_ID} as SVG and {len(SIZES)} PNG sizes\n")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
