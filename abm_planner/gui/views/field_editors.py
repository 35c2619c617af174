"""One in-place editor per ``FieldSpec``, chosen by its ``FieldKind``.

Forms are built from the same field declarations the services validate with, so a
new account field appears in the Overview by adding it to ``ACCOUNT_FIELDS``. An
editor announces a finished edit with ``committed(name, value)``; the form decides
what to do, and on a refusal calls ``show_error`` and ``show_stored``.
"""

from __future__ import annotations

from collections.abc import Mapping
from datetime import date
from typing import Any

from PySide6.QtCore import (
    QCoreApplication,
    QDate,
    QEvent,
    QLocale,
    QObject,
    QRegularExpression,
    Signal,
)
from PySide6.QtGui import (
    QColor,
    QMouseEvent,
    QPalette,
    QRegularExpressionValidator,
    QStatusTipEvent,
)
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDateEdit,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from abm_planner.domain.fields import FieldKind, FieldSpec
from abm_planner.gui.views.choices import Choice, choose, fill_choices, keep_retired

ERROR_COLOR = QColor(0xD3, 0x2F, 0x2F)
NOT_SET_DATE = QDate(1900, 1, 1)
_NUMBER_PATTERN = QRegularExpression(r"[-+]?[0-9\s.,'’\x{00a0}\x{202f}]*")


def tr(text: str) -> str:
    return QCoreApplication.translate("FieldEditor", text)


def grouping_locale() -> QLocale:
    """The user's locale, but always with thousands separators (the C locale omits them)."""
    locale = QLocale()
    locale.setNumberOptions(locale.numberOptions() & ~QLocale.NumberOption.OmitGroupSeparator)
    return locale


class FieldEditor(QObject):
    """An editor widget for one field, its inline error line, and the value last stored."""

    committed = Signal(str, object)

    def __init__(self, spec: FieldSpec, parent: QWidget) -> None:
        super().__init__(parent)
        self.spec = spec
        self.container = QWidget(parent)
        self.widget = self._create(self.container)
        self.widget.setObjectName(f"{spec.name}Editor")
        self.widget.setAccessibleName(tr(spec.label))
        self.error = QLabel(self.container)
        self.error.setObjectName(f"{spec.name}Error")
        self.error.setWordWrap(True)
        palette = self.error.palette()
        palette.setColor(QPalette.ColorRole.WindowText, ERROR_COLOR)
        self.error.setPalette(palette)
        self.error.hide()
        layout = QVBoxLayout(self.container)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(2)
        layout.addWidget(self._row())
        layout.addWidget(self.error)
        self._stored: Any = None

    # -- what subclasses provide ---------------------------------------------------------

    def _create(self, parent: QWidget) -> QWidget:
        raise NotImplementedError

    def _row(self) -> QWidget:
        return self.widget

    def value(self) -> Any:
        """The value as the user has it in the editor now."""
        raise NotImplementedError

    def _display(self, value: Any) -> None:
        raise NotImplementedError

    # -- shared behaviour ---------------------------------------------------------------

    @property
    def stored(self) -> Any:
        return self._stored

    def load(self, value: Any) -> None:
        """Take the stored value; leave a half-typed edit alone (focus and different).

        When the stored value changes under a half-typed edit (a teammate saved this
        field of a team plan meanwhile), say so, so theirs is not overwritten unseen.
        """
        editing = self.widget.hasFocus() and not self._same(self.value(), self._stored)
        changed_underneath = editing and not self._same(value, self._stored)
        self._stored = value
        if not editing:
            self._display(value)
        elif changed_underneath:
            self.show_error(
                tr(
                    "Someone else just changed this field; leaving it saves what you typed "
                    "over their change."
                )
            )

    def show_stored(self) -> None:
        self._display(self._stored)

    def is_modified(self) -> bool:
        return not self._same(self.value(), self._stored)

    def commit(self) -> None:
        """Announce the edit if it changes anything (an error stays until a good edit)."""
        if self.is_modified():
            self.committed.emit(self.spec.name, self.value())
        else:
            self.show_stored()

    def set_editable(self, editable: bool) -> None:
        self.container.setEnabled(editable)

    def show_error(self, message: str) -> None:
        self.error.setText(message)
        self.error.show()
        self.widget.setToolTip(message)
        self.widget.setStatusTip(message)
        self.widget.setAccessibleDescription(message)
        QCoreApplication.sendEvent(self.widget, QStatusTipEvent(message))

    def clear_error(self) -> None:
        if self.error.isHidden():
            return
        self.error.clear()
        self.error.hide()
        self.widget.setToolTip("")
        self.widget.setStatusTip("")
        self.widget.setAccessibleDescription("")

    @staticmethod
    def _same(first: Any, second: Any) -> bool:
        if isinstance(first, str) or isinstance(second, str):
            return str(first or "").strip() == str(second or "").strip()
        return bool(first == second)


class TextEditor(FieldEditor):
    def _create(self, parent: QWidget) -> QWidget:
        self.line = QLineEdit(parent)
        if self.spec.max_length:
            self.line.setMaxLength(self.spec.max_length)
        self.line.editingFinished.connect(self.commit)
        return self.line

    def value(self) -> Any:
        return self.line.text()

    def _display(self, value: Any) -> None:
        text = "" if value is None else str(value)
        if self.line.text() != text:
            self.line.setText(text)
            self.line.setCursorPosition(0)


class LongTextEditor(FieldEditor):
    """Several lines; commits when focus leaves, as a line edit does on Enter."""

    def _create(self, parent: QWidget) -> QWidget:
        self.text = QPlainTextEdit(parent)
        self.text.setTabChangesFocus(True)
        self.text.setFixedHeight(self.text.fontMetrics().lineSpacing() * 5 + 12)
        self.text.installEventFilter(self)
        return self.text

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802
        if watched is self.text and event.type() == QEvent.Type.FocusOut:
            self.commit()
        return False

    def value(self) -> Any:
        return self.text.toPlainText()

    def _display(self, value: Any) -> None:
        text = "" if value is None else str(value)
        if self.text.toPlainText() != text:
            self.text.setPlainText(text)


class ChoiceEditor(FieldEditor):
    """One term of a vocabulary or one team member, or nothing."""

    def _create(self, parent: QWidget) -> QWidget:
        self._retired: dict[Any, str] = {}
        self.combo = QComboBox(parent)
        self.combo.addItem(tr("—"), None)
        self.combo.activated.connect(lambda _index: self.commit())
        return self.combo

    def set_choices(self, choices: list[Choice], retired: Mapping[Any, str] | None = None) -> None:
        """Offer ``choices``; ``retired`` (id → label) are shown only for a value that has one."""
        self._retired = dict(retired or {})
        fill_choices(self.combo, tr("—"), choices)
        self._display(self._stored)

    def value(self) -> Any:
        return self.combo.currentData()

    def _display(self, value: Any) -> None:
        keep_retired(self.combo, value, self._retired)
        choose(self.combo, value)


class NumberEditor(FieldEditor):
    """Whole numbers or money, shown with the locale's thousands separators."""

    def _create(self, parent: QWidget) -> QWidget:
        self.line = QLineEdit(parent)
        self.line.setValidator(QRegularExpressionValidator(_NUMBER_PATTERN, self.line))
        self.line.editingFinished.connect(self.commit)
        return self.line

    def value(self) -> Any:
        text = self.line.text().strip()
        if not text:
            return None
        number, ok = grouping_locale().toDouble(text)
        if not ok:
            return text  # the service explains what is wrong with it
        if self.spec.kind is FieldKind.INTEGER and number.is_integer():
            return int(number)
        return number

    def _display(self, value: Any) -> None:
        self.line.setText(self.format(value))
        self.line.setCursorPosition(0)

    @staticmethod
    def format(value: Any) -> str:
        if value is None or value == "":
            return ""
        if isinstance(value, str):
            return value
        locale = grouping_locale()
        number = float(value)
        if number.is_integer():
            return locale.toString(int(number))
        return locale.toString(number, "f", 2)


class OptionalDateEdit(QDateEdit):
    """A date edit with a "Not set" state (its minimum date)."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setCalendarPopup(True)
        self.setDisplayFormat("yyyy-MM-dd")
        self.setMinimumDate(NOT_SET_DATE)
        self.setSpecialValueText(tr("Not set"))
        self.setDate(NOT_SET_DATE)

    def value(self) -> date | None:
        current = self.date()
        if current == NOT_SET_DATE:
            return None
        return date(current.year(), current.month(), current.day())

    def set_value(self, value: date | None) -> None:
        self.setDate(NOT_SET_DATE if value is None else QDate(value.year, value.month, value.day))

    def mousePressEvent(self, event: QMouseEvent) -> None:  # noqa: N802
        super().mousePressEvent(event)
        if self.value() is None:
            # The popup opened on the "not set" date; start it at this month instead.
            today = QDate.currentDate()
            self.calendarWidget().setCurrentPage(today.year(), today.month())


class DateEditor(FieldEditor):
    def _create(self, parent: QWidget) -> QWidget:
        self.date_edit = OptionalDateEdit(parent)
        self.date_edit.editingFinished.connect(self.commit)
        self.date_edit.calendarWidget().clicked.connect(lambda _date: self.commit())
        return self.date_edit

    def _row(self) -> QWidget:
        row = QWidget(self.container)
        self.clear_button = QToolButton(row)
        self.clear_button.setText(tr("Clear"))
        self.clear_button.setAccessibleName(tr("Clear {field}").format(field=tr(self.spec.label)))
        self.clear_button.clicked.connect(self._clear)
        layout = QHBoxLayout(row)
        layout.setContentsMargins(0, 0, 0, 0)
        self.date_edit.setParent(row)
        layout.addWidget(self.date_edit, 1)
        layout.addWidget(self.clear_button)
        return row

    def _clear(self) -> None:
        self.date_edit.set_value(None)
        self.commit()

    def value(self) -> Any:
        return self.date_edit.value()

    def _display(self, value: Any) -> None:
        self.date_edit.set_value(value)


class FlagEditor(FieldEditor):
    def _create(self, parent: QWidget) -> QWidget:
        self.check = QCheckBox(parent)
        self.check.clicked.connect(lambda _checked: self.commit())
        return self.check

    def value(self) -> Any:
        return self.check.isChecked()

    def _display(self, value: Any) -> None:
        self.check.setChecked(bool(value))


EDITORS: dict[FieldKind, type[FieldEditor]] = {
    FieldKind.TEXT: TextEditor,
    FieldKind.LONG_TEXT: LongTextEditor,
    FieldKind.INTEGER: NumberEditor,
    FieldKind.MONEY: NumberEditor,
    FieldKind.DATE: DateEditor,
    FieldKind.TERM: ChoiceEditor,
    FieldKind.MEMBER: ChoiceEditor,
    FieldKind.FLAG: FlagEditor,
}


def make_editor(spec: FieldSpec, parent: QWidget) -> FieldEditor:
    """The editor for ``spec`` (several-term fields are edited in tables, not forms)."""
    try:
        return EDITORS[spec.kind](spec, parent)
    except KeyError:
        raise ValueError(f"no form editor for {spec.kind.value} fields ({spec.name})") from None
