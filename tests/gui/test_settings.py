"""Settings: the declared options round-trip, recent files are kept tidy, the dialog applies."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtGui import QPalette

from abm_planner.gui import settings as options
from abm_planner.gui.dialogs.settings_dialog import SettingsDialog
from abm_planner.gui.settings import MAX_RECENT_FILES, OPTIONS, Settings
from abm_planner.gui.theme import apply_theme


@pytest.fixture(autouse=True)
def settings_file(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> Path:
    path = tmp_path / "settings.ini"
    monkeypatch.setenv(options.SETTINGS_FILE_VARIABLE, str(path))
    return path


def _plan_file(folder: Path, name: str) -> Path:
    path = folder / f"{name}.abmplan"
    path.write_bytes(b"")
    return path


def test_settings_live_in_the_isolated_file(settings_file: Path) -> None:
    settings = Settings()
    settings.theme = "dark"
    settings.sync()
    assert Path(settings.file_name) == settings_file
    assert "dark" in settings_file.read_text(encoding="utf-8")


def test_every_option_reads_its_default_when_unset() -> None:
    settings = Settings()
    for option in OPTIONS:
        assert settings.get(option) == (
            list(option.default) if isinstance(option.default, tuple) else option.default
        )


def test_every_option_round_trips(tmp_path: Path) -> None:
    plan = _plan_file(tmp_path, "a")
    values = {
        options.THEME: "light",
        options.DEFAULT_OWNER: "Claire Dubois",
        options.RECENT_FILES: [str(plan)],
        options.RECENT_SERVERS: ["postgresql://anna@db.example/acme"],
        options.LAST_PLAN: str(plan),
        options.WINDOW_GEOMETRY: b"\x00\x01geometry\xff",
        options.WINDOW_STATE: b"state",
        options.SPLITTER_STATE: b"\x00splitter",
        options.PORTFOLIO_STATE: b"header\x00",
    }
    assert set(values) == set(OPTIONS), "a new option needs a line here"
    writer = Settings()
    for option, value in values.items():
        writer.set(option, value)
    writer.sync()
    reader = Settings()
    for option, value in values.items():
        assert reader.get(option) == value, option.key


def test_recent_servers_never_keep_a_password(settings_file: Path) -> None:
    settings = Settings()
    settings.add_recent_server("postgresql://anna:s3cret@db.example/acme")
    settings.add_recent_server("postgresql://ben@db.example/emea")
    settings.add_recent_server("postgresql://anna@db.example/acme")
    settings.sync()
    assert settings.recent_servers() == [
        "postgresql://anna@db.example/acme",
        "postgresql://ben@db.example/emea",
    ]
    assert "s3cret" not in settings_file.read_text(encoding="utf-8")


def test_unknown_theme_in_the_file_reads_as_the_default(settings_file: Path) -> None:
    settings_file.write_text("[appearance]\ntheme=purple\n", encoding="utf-8")
    assert Settings().theme == "system"
    with pytest.raises(ValueError, match="theme"):
        Settings().theme = "purple"


def test_undeclared_option_is_refused() -> None:
    with pytest.raises(KeyError):
        Settings().get(options.Option("window/other", str, ""))


def test_recent_files_most_recent_first_without_duplicates(tmp_path: Path) -> None:
    settings = Settings()
    first, second = _plan_file(tmp_path, "first"), _plan_file(tmp_path, "second")
    settings.add_recent_file(first)
    settings.add_recent_file(second)
    settings.add_recent_file(first)
    assert settings.recent_files() == [first, second]


def test_recent_files_keep_at_most_ten(tmp_path: Path) -> None:
    settings = Settings()
    plans = [_plan_file(tmp_path, f"plan {n}") for n in range(MAX_RECENT_FILES + 3)]
    for plan in plans:
        settings.add_recent_file(plan)
    assert settings.recent_files() == list(reversed(plans))[:MAX_RECENT_FILES]


def test_missing_recent_files_are_pruned_and_forgotten(tmp_path: Path) -> None:
    settings = Settings()
    kept, gone = _plan_file(tmp_path, "kept"), _plan_file(tmp_path, "gone")
    settings.add_recent_file(kept)
    settings.add_recent_file(gone)
    gone.unlink()
    assert settings.recent_files() == [kept]
    assert settings.get(options.RECENT_FILES) == [str(kept)]


def test_settings_dialog_applies_on_ok(qtbot, tmp_path: Path) -> None:
    settings = Settings()
    settings.add_recent_file(_plan_file(tmp_path, "a"))
    dialog = SettingsDialog(settings, ["Claire Dubois", "Henrik Lindqvist"])
    qtbot.addWidget(dialog)
    assert dialog.ui.recentCountLabel.text() == "1 plan"
    dialog.ui.themeCombo.setCurrentIndex(2)
    dialog.ui.ownerCombo.setCurrentText("Henrik Lindqvist")
    dialog.ui.clearRecentButton.click()
    assert settings.recent_files(), "nothing changes before OK"
    dialog.accept()
    reread = Settings()
    assert reread.theme == "dark"
    assert reread.default_owner == "Henrik Lindqvist"
    assert reread.recent_files() == []


def test_settings_dialog_cancel_changes_nothing(qtbot) -> None:
    settings = Settings()
    dialog = SettingsDialog(settings, [])
    qtbot.addWidget(dialog)
    dialog.ui.themeCombo.setCurrentIndex(2)
    dialog.ui.ownerCombo.setCurrentText("Somebody")
    dialog.reject()
    assert Settings().theme == "system"
    assert Settings().default_owner == ""


def test_dark_and_light_themes_switch_the_palette(qapp) -> None:
    try:
        assert apply_theme(qapp, "dark") == "dark"
        assert qapp.palette().color(QPalette.ColorRole.Window).lightness() < 80
        assert apply_theme(qapp, "light") == "light"
        assert qapp.palette().color(QPalette.ColorRole.Window).lightness() > 200
    finally:
        apply_theme(qapp, "light")
