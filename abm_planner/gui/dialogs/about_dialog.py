"""Help ▸ About: what is running and where its files are, for a bug report.

Versions of the app, Qt and PySide6, the open plan and the log file (links to their
folders), and every part the app ships with and its licence, read from the installed
package metadata (``abm_planner.bundled_parts``) — the same list in a bundle and a
pip install.
"""

from __future__ import annotations

import html
import platform
import sys
from pathlib import Path

import PySide6
from PySide6.QtCore import QCoreApplication, QUrl, qVersion
from PySide6.QtWidgets import QMessageBox, QWidget

from abm_planner import __version__
from abm_planner.bundled_parts import app_licence, bundled_parts


def _installation() -> str:
    tr = QCoreApplication.translate
    if getattr(sys, "frozen", False):
        return tr("About", "standalone bundle in {0}").format(Path(sys.executable).parent)
    return tr("About", "Python package in {0}").format(Path(sys.prefix))


def about_text(plan_path: Path | None, log_path: Path | None) -> str:
    tr = QCoreApplication.translate
    rows = [
        (tr("About", "Version"), html.escape(__version__)),
        (tr("About", "Qt"), html.escape(qVersion())),
        (tr("About", "PySide6"), html.escape(PySide6.__version__)),
        (tr("About", "Python"), html.escape(platform.python_version())),
        (tr("About", "Plan"), _file_link(plan_path) if plan_path else tr("About", "none open")),
        (tr("About", "Log file"), _file_link(log_path) if log_path else tr("About", "not kept")),
        (tr("About", "Installed as"), html.escape(_installation())),
        (tr("About", "Licence"), html.escape(app_licence())),
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
    parts = " · ".join(
        f"{html.escape(part.name)} {html.escape(part.version)} ({html.escape(part.licence)})"
        for part in bundled_parts()
    )
    heading = tr("About", "Bundled parts and their licences")
    return (
        f"<h3>ABM Planner</h3><p>{html.escape(blurb)}</p><table>{table}</table>"
        f"<p><b>{html.escape(heading)}</b><br><small>{parts}</small></p>"
    )


def show_about(parent: QWidget | None, plan_path: Path | None, log_path: Path | None) -> None:
    title = QCoreApplication.translate("About", "About ABM Planner")
    QMessageBox.about(parent, title, about_text(plan_path, log_path))


def _file_link(path: Path) -> str:
    url = QUrl.fromLocalFile(str(path.parent)).toString()
    return f"<a href='{html.escape(url)}'>{html.escape(str(path))}</a>"
