"""The CLI asks for a team plan's password at a terminal, once per command, never shows it."""

from __future__ import annotations

import uuid
from collections.abc import Iterator
from pathlib import Path

import pytest
from pg_test_server import PostgresServer

from abm_planner import cli_password
from abm_planner.cli import main
from abm_planner.services.plans import open_plan
from abm_planner.store.plan_location import forget_typed_passwords

PASSWORD = "pw-" + uuid.uuid4().hex[:8]


@pytest.fixture
def member_url(
    pg_server: PostgresServer,
    server_plan_url: str,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> Iterator[str]:
    """A URL without password for a role that may edit the plan; libpq knows no password."""
    role = f"member_{uuid.uuid4().hex[:8]}"
    pg_server.create_role(role, PASSWORD)
    assert main(["server", "grant", server_plan_url, role, "--edit"]) == 0
    monkeypatch.delenv("PGPASSWORD", raising=False)
    monkeypatch.setenv("PGPASSFILE", str(tmp_path / "no-such-pgpass"))
    forget_typed_passwords()
    yield pg_server.url(server_plan_url.rsplit("/", 1)[1], user=role)
    forget_typed_passwords()


class Terminal:
    """A person at a terminal who types the given answers, in order."""

    def __init__(self, monkeypatch: pytest.MonkeyPatch, *answers: str) -> None:
        self.answers = list(answers)
        self.prompts: list[str] = []
        monkeypatch.setattr(cli_password, "can_prompt", lambda: True)
        monkeypatch.setattr(cli_password.getpass, "getpass", self.type)

    def type(self, prompt: str, stream: object = None) -> str:
        self.prompts.append(prompt)
        return self.answers.pop(0)


def test_a_command_at_a_terminal_asks_once_and_works(
    member_url: str,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> None:
    terminal = Terminal(monkeypatch, PASSWORD)
    capsys.readouterr()
    assert main(["summary", member_url, "--json"]) == 0
    assert terminal.prompts == [f"Password for {member_url}: "]
    out, err = capsys.readouterr()
    assert '"accounts"' in out
    assert PASSWORD not in out + err

    # copy opens the server twice (plan, then its sync origin); the user typed it once.
    forget_typed_passwords()
    terminal.answers = [PASSWORD]
    offline = tmp_path / "offline copy.abmplan"
    assert main(["copy", member_url, str(offline)]) == 0
    assert len(terminal.prompts) == 2
    assert main(["sync", str(offline)]) == 0
    assert len(terminal.prompts) == 2
    assert PASSWORD not in offline.read_bytes().decode("latin-1")


def test_a_wrong_password_is_said_and_asked_again(
    member_url: str, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    terminal = Terminal(monkeypatch, "not-it", PASSWORD)
    assert main(["summary", member_url]) == 0
    assert len(terminal.prompts) == 2
    err = capsys.readouterr().err
    assert f"The server refused the password for {member_url}." in err
    assert "not-it" not in err


def test_three_wrong_answers_or_an_empty_one_end_with_the_sentence(
    member_url: str, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    terminal = Terminal(monkeypatch, "a", "b", "c", "d")
    assert main(["summary", member_url]) == 2
    assert len(terminal.prompts) == 3
    assert "refused the password" in capsys.readouterr().err.splitlines()[-1]

    forget_typed_passwords()
    terminal = Terminal(monkeypatch, "")
    assert main(["summary", member_url]) == 2
    assert len(terminal.prompts) == 1
    assert "~/.pgpass" in capsys.readouterr().err


def test_no_terminal_means_no_prompt(
    member_url: str, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    asked: list[str] = []
    monkeypatch.setattr(cli_password.getpass, "getpass", lambda *a, **k: asked.append("x") or "")
    # pytest's stdin is not a terminal: a script or a pipe gets the sentence, never hangs.
    assert main(["summary", member_url]) == 2
    assert asked == []
    assert "asks for a password" in capsys.readouterr().err
    with pytest.raises(Exception, match="asks for a password"):
        open_plan(member_url)
