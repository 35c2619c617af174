"""How the user names a plan file: the Open / New / Save-a-copy file dialogs, or a drop.

A drop of spreadsheets (``.csv``/``.xlsx``) instead starts File ▸ Import with them.

Each returns a ``Path`` (with the ``.abmplan`` suffix added where the user left it
off) or None when the user cancelled. Tests replace the ``QFileDialog`` static
methods these call.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from datetime import date
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QEvent, QMimeData, QObject, QStandardPaths, QTimer
from PySide6.QtGui import QDropEvent
from PySide6.QtWidgets import QFileDialog, QWidget

from abm_planner.gui.plan_opening import PLAN_SUFFIX, with_plan_suffix

SPREADSHEET_SUFFIXES = (".csv", ".xlsx")  # what File ▸ Import reads
_UNSAFE_IN_NAMES = re.compile(r'[<>:"/\\|?*\x00-\x1f]+')


def _tr(text: str) -> str:
    return QCoreApplication.translate("PlanFileDialogs", text)


def dated_file_name(title: str, suffix: str, today: date | None = None, label: str = "") -> str:
    """``"<title><label> <YYYY-MM-DD><suffix>"``, without characters a file name cannot hold.

    What exports suggest: the plan's name (a user's text) made safe on every platform.
    """
    safe = _UNSAFE_IN_NAMES.sub(" ", title).strip(" .") or _tr("Plan")
    safe = re.sub(r"\s+", " ", safe)[:120]
    return f"{safe}{label} {(today or date.today()).isoformat()}{suffix}"


def ask_save_path(
    parent: QWidget, caption: str, suggestion: Path, file_filter: str, suffix: str
) -> Path | None:
    """A Save dialog whose answer always ends in ``suffix`` (added when the user left it off)."""
    name, _filter = QFileDialog.getSaveFileName(parent, caption, str(suggestion), file_filter)
    if not name:
        return None
    path = Path(name)
    if path.suffix.lower() != suffix:
        path = path.with_name(path.name + suffix)
    return path.resolve()


def ask_plan_to_open(parent: QWidget, folder: Path) -> Path | None:
    name, _filter = QFileDialog.getOpenFileName(
        parent,
        _tr("Open a plan"),
        str(folder),
        _tr("ABM plans (*.abmplan);;All files (*)"),
    )
    return Path(name) if name else None


def ask_new_plan_path(parent: QWidget, folder: Path) -> Path | None:
    name, _filter = QFileDialog.getSaveFileName(
        parent, _tr("New plan"), str(folder / _tr("New plan.abmplan")), _tr("ABM plans (*.abmplan)")
    )
    return with_plan_suffix(Path(name)).resolve() if name else None


def ask_copy_path(parent: QWidget, source: Path) -> Path | None:
    suggestion = source.with_name(_tr("{0} copy.abmplan").format(source.stem))
    name, _filter = QFileDialog.getSaveFileName(
        parent, _tr("Save a copy of the plan"), str(suggestion), _tr("ABM plans (*.abmplan)")
    )
    return with_plan_suffix(Path(name)).resolve() if name else None


def default_folder(recent: list[Path]) -> Path:
    """Where a file dialog starts with no plan open: the last plan's folder, else Documents."""
    if recent:
        return recent[0].parent
    documents = QStandardPaths.writableLocation(QStandardPaths.StandardLocation.DocumentsLocation)
    return Path(documents) if documents else Path.home()


def dropped_plan(mime: QMimeData) -> Path | None:
    """The first local ``.abmplan`` file among dropped URLs."""
    for url in mime.urls():
        if url.isLocalFile():
            path = Path(url.toLocalFile())
            if path.suffix.lower() == PLAN_SUFFIX:
                return path
    return None


def dropped_spreadsheets(mime: QMimeData) -> list[Path]:
    """The local ``.csv``/``.xlsx`` files among dropped URLs."""
    return [
        Path(url.toLocalFile())
        for url in mime.urls()
        if url.isLocalFile() and Path(url.toLocalFile()).suffix.lower() in SPREADSHEET_SUFFIXES
    ]


class PlanDropTarget(QObject):
    """Event filter: a ``.abmplan`` file dropped on the watched widget is opened.

    With ``import_files``, dropped CSV/XLSX files are imported into the open plan,
    when ``can_import()`` says that is possible now.
    """

    def __init__(
        self,
        parent: QObject,
        open_plan: Callable[[Path], object],
        import_files: Callable[[list[Path]], object] | None = None,
        can_import: Callable[[], bool] = lambda: True,
    ) -> None:
        super().__init__(parent)
        self._open_plan = open_plan
        self._import_files = import_files
        self._can_import = can_import

    def eventFilter(self, _watched: QObject, event: QEvent) -> bool:  # noqa: N802 - Qt's name
        kind = event.type()
        if kind not in (QEvent.Type.DragEnter, QEvent.Type.DragMove, QEvent.Type.Drop):
            return False
        assert isinstance(event, QDropEvent)  # QDragEnterEvent and QDragMoveEvent are ones too
        path = dropped_plan(event.mimeData())
        if path is None:
            return self._filter_spreadsheets(kind, event)
        event.acceptProposedAction()
        if kind == QEvent.Type.Drop:
            # Open after the drop has finished, so a refusal's message box does not
            # run inside the drag-and-drop loop of the application the file came from.
            QTimer.singleShot(0, lambda: self._open_plan(path))
        return True

    def _filter_spreadsheets(self, kind: QEvent.Type, event: QDropEvent) -> bool:
        files = dropped_spreadsheets(event.mimeData()) if self._import_files else []
        if not files or not self._can_import():
            return False
        event.acceptProposedAction()
        if kind == QEvent.Type.Drop and self._import_files is not None:
            importer = self._import_files
            QTimer.singleShot(0, lambda: importer(files))
        return True
