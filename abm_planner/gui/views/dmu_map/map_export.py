"""The map as a picture: PNG and SVG for slides, PDF and paper for workshops.

Files are written through ``QSaveFile`` (a temporary file in the same folder, then a
rename), so a failed export never leaves half a picture under the real name. The
selection outline is left out; highlights stay, as the person chose them. PDF and
print use the light theme whatever the screen shows (dark pages waste toner) and
put the account's name above the map.
"""

from __future__ import annotations

import math
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path

from PySide6.QtCore import (
    QBuffer,
    QCoreApplication,
    QIODevice,
    QMarginsF,
    QRectF,
    QSaveFile,
    QSize,
    QStandardPaths,
    Qt,
)
from PySide6.QtGui import (
    QFont,
    QImage,
    QPagedPaintDevice,
    QPageLayout,
    QPageSize,
    QPainter,
    QPdfWriter,
)
from PySide6.QtPrintSupport import QPrintDialog, QPrinter
from PySide6.QtSvg import QSvgGenerator
from PySide6.QtWidgets import QApplication, QDialog, QFileDialog, QGraphicsItem, QWidget

from abm_planner.errors import UserError
from abm_planner.gui.views.dmu_map.map_scene import DmuScene
from abm_planner.gui.views.dmu_map.map_theme import MapTheme

MARGIN = 30.0
PNG_SCALE = 2.0  # sharp on projectors and high-density screens
MAX_PNG_SIDE = 16000  # pixels; a huge org chart is scaled down to fit


def export_rect(scene: DmuScene) -> QRectF:
    return scene.content_rect().adjusted(-MARGIN, -MARGIN, MARGIN, MARGIN)


def png_size(scene: DmuScene, scale: float = PNG_SCALE) -> QSize:
    """The pixel size ``export_png`` writes for this scene."""
    rect = export_rect(scene)
    scale = min(scale, MAX_PNG_SIDE / max(rect.width(), rect.height()))
    return QSize(math.ceil(rect.width() * scale), math.ceil(rect.height() * scale))


@contextmanager
def _for_output(scene: DmuScene) -> Iterator[None]:
    """No selection outline, and cards painted afresh: cached pixmaps would turn an SVG's
    text into pictures and blur a PNG drawn at twice the screen's scale."""
    chosen = scene.selectedItems()
    scene.clearSelection()
    cards = list(scene.cards.values())
    for card in cards:
        card.setCacheMode(QGraphicsItem.CacheMode.NoCache)
    try:
        yield
    finally:
        for card in cards:
            card.setCacheMode(QGraphicsItem.CacheMode.DeviceCoordinateCache)
        for item in chosen:
            item.setSelected(True)


@contextmanager
def _light(scene: DmuScene) -> Iterator[None]:
    original = scene.theme
    if original.dark:
        scene.set_theme(MapTheme.from_palette(QApplication.style().standardPalette()))
    try:
        yield
    finally:
        if original.dark:
            scene.set_theme(original)


def _save(path: Path, write: Callable[[QSaveFile], bool]) -> None:
    file = QSaveFile(str(path))
    if not file.open(QIODevice.OpenModeFlag.WriteOnly):
        raise UserError(f"{path} could not be written: {file.errorString()}.")
    if not write(file):
        file.cancelWriting()
        raise UserError(f"{path} could not be written.")
    if not file.commit():
        raise UserError(f"{path} could not be written: {file.errorString()}.")


def render_image(scene: DmuScene, scale: float = PNG_SCALE) -> QImage:
    """The whole map as a picture, ``scale`` pixels per scene unit (capped)."""
    size = png_size(scene, scale)
    image = QImage(size, QImage.Format.Format_ARGB32_Premultiplied)
    image.fill(scene.theme.canvas)
    painter = QPainter(image)
    painter.setRenderHints(QPainter.RenderHint.Antialiasing | QPainter.RenderHint.TextAntialiasing)
    with _for_output(scene):
        scene.render(painter, QRectF(image.rect()), export_rect(scene))
    painter.end()
    return image


def export_png(scene: DmuScene, path: Path, scale: float = PNG_SCALE) -> QSize:
    """Write the whole map as a PNG; returns its size in pixels."""
    image = render_image(scene, scale)
    _save(path, lambda file: image.save(file, "PNG"))  # type: ignore[call-overload]
    return image.size()


def png_bytes(scene: DmuScene, scale: float = PNG_SCALE) -> bytes:
    """The whole map as PNG bytes (for a workbook), drawn as ``export_png`` draws it."""
    image = render_image(scene, scale)
    buffer = QBuffer()
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    if not image.save(buffer, "PNG"):  # type: ignore[call-overload]
        raise UserError("The DMU map could not be drawn as a PNG picture.")
    return bytes(buffer.data().data())


def export_svg(scene: DmuScene, path: Path, title: str) -> None:
    """Write the whole map as an SVG (text stays text, lines stay lines)."""
    rect = export_rect(scene)

    def write(file: QSaveFile) -> bool:
        generator = QSvgGenerator()
        generator.setOutputDevice(file)
        generator.setSize(QSize(math.ceil(rect.width()), math.ceil(rect.height())))
        generator.setViewBox(QRectF(0, 0, rect.width(), rect.height()))
        generator.setTitle(title)
        generator.setDescription("Decision-making unit map exported from ABM Planner")
        painter = QPainter(generator)
        with _for_output(scene):
            scene.render(painter, QRectF(0, 0, rect.width(), rect.height()), rect)
        return painter.end()

    _save(path, write)


def _paint_pages(scene: DmuScene, device: QPdfWriter | QPrinter, title: str) -> bool:
    """The map on one page, scaled to fit under a title line."""
    layout = device.pageLayout()
    page = QRectF(layout.paintRectPixels(device.resolution()))
    page.moveTo(0, 0)
    painter = QPainter()
    if not painter.begin(device):
        return False
    font = QFont()
    font.setPointSizeF(12)
    font.setBold(True)
    painter.setFont(font)
    heading = painter.fontMetrics().height() * 1.6
    painter.drawText(page, Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop, title)
    target = page.adjusted(0, heading, 0, 0)
    with _for_output(scene), _light(scene):
        scene.render(painter, target, export_rect(scene), Qt.AspectRatioMode.KeepAspectRatio)
    return painter.end()


def _orient(device: QPagedPaintDevice, scene: DmuScene) -> None:
    rect = export_rect(scene)
    landscape = rect.width() >= rect.height()
    device.setPageOrientation(
        QPageLayout.Orientation.Landscape if landscape else QPageLayout.Orientation.Portrait
    )


def export_pdf(scene: DmuScene, path: Path, title: str) -> None:
    """Write the map as a one-page PDF (A4, or the orientation that fits it best)."""

    def write(file: QSaveFile) -> bool:
        writer = QPdfWriter(file)
        writer.setTitle(title)
        writer.setCreator("ABM Planner")
        writer.setPageSize(QPageSize(QPageSize.PageSizeId.A4))
        writer.setPageMargins(QMarginsF(12, 12, 12, 12), QPageLayout.Unit.Millimeter)
        writer.setResolution(300)
        _orient(writer, scene)
        return _paint_pages(scene, writer, title)

    _save(path, write)


EXPORTS = {
    "png": ("PNG", "PNG image (*.png)"),
    "svg": ("SVG", "SVG drawing (*.svg)"),
    "pdf": ("PDF", "PDF document (*.pdf)"),
}


def ask_and_export(
    scene: DmuScene, kind: str, account: str, title: str, parent: QWidget | None
) -> Path | None:
    """Ask where to save the map as ``kind`` (png, svg, pdf), then write it; the path,
    or None if the person cancelled. The suffix is added when the name lacks it."""
    name, filter_text = EXPORTS[kind]
    folder = QStandardPaths.writableLocation(QStandardPaths.StandardLocation.DocumentsLocation)
    suggested = Path(folder) / f"{account} - DMU map.{kind}"
    caption = QCoreApplication.translate("DmuMapTab", "Export the map as {name}").format(name=name)
    chosen, _ = QFileDialog.getSaveFileName(parent, caption, str(suggested), filter_text)
    if not chosen:
        return None
    path = Path(chosen)
    if path.suffix.lower() != f".{kind}":
        path = path.with_name(f"{path.name}.{kind}")
    if kind == "png":
        export_png(scene, path)
    elif kind == "svg":
        export_svg(scene, path, title)
    else:
        export_pdf(scene, path, title)
    return path


def print_map(scene: DmuScene, title: str, parent: QWidget | None) -> bool:
    """Ask for a printer (the system dialog) and print the map on one page."""
    printer = QPrinter(QPrinter.PrinterMode.HighResolution)
    printer.setDocName(title)
    printer.setPageSize(QPageSize(QPageSize.PageSizeId.A4))
    _orient(printer, scene)
    dialog = QPrintDialog(printer, parent)
    if dialog.exec() != QDialog.DialogCode.Accepted:
        return False
    if not _paint_pages(scene, printer, title):
        raise UserError("The map could not be printed; check the printer and try again.")
    return True
