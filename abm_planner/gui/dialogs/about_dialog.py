"""Help ▸ About: what is running and where its files are, for a bug report."""

from __future__ import annotations

import html
import platform
from pathlib import Path

import PySide6
from PySide6.QtCore import QCoreApplication, QUrl, qVersion
from PySide6.QtWidgets import QMessageBox, QWidget

from abm_planner import __version__


def about_text(plan_path: Path | None, log_path: Path | None) -> str:
    tr = QCoreApplication.translate
    rows = [
        (tr("About", "Version"), html.escape(__version__)),
        (tr("About", "Qt"), html.escape(qVersion())),
        (tr("About", "PySide6"), html.escape(PySide6.__version__)),
        (tr("About", "Python"), html.escape(platform.python_version())),
        (tr("About", "Plan"), _file_link(plan_path) if plan_path else tr("About", "none open")),
        (tr("About", "Log file"), _file_link(log_path) if log_path else tr("About", "not kept")),
    ]
    table = "".join(
        f"<tr><td style='padding-right:12px'><b>{label}</b></td><td>{value}</td></tr>"
        for label, value in rows
    )
    blurb = tr(
        "About",
        "One offline plan for sales and marketing to agree key accounts, "
        "map who decides, and run joint plays.",
    )
    return f"<h3>ABM Planner</h3><p>{html.escape(blurb)}</p><table>{table}</table>"


def show_about(parent: QWidget | None, plan_path: Path | None, log_path: Path | None) -> None:
    title = QCoreApplication.translate("About", "About ABM Planner")
    QMessageBox.about(parent, title, about_text(plan_path, log_path))


def _file_link(path: Path) -> str:
    url = QUrl.fromLocalFile(str(path.parent)).toString()
    return f"<a href='{html.escape(url)}'>{html.escape(str(path))}</a>"
