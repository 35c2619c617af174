"""Access to team plans through PostgreSQL's roles, and passwords that never show."""

from __future__ import annotations

import uuid
from pathlib import Path

import pytest
from pg_test_server import PostgresServer

from abm_planner.cli import build_parser, main
from abm_planner.errors import PasswordRequiredError, PlanFileError, ReadOnlyPlanError
from abm_planner.services.accounts import create_account, list_accounts
from abm_planner.services.plans import open_plan

PASSWORD = "pw-" + uuid.uuid4().hex[:8]


def _commands() -> set[str]:
    parser = build_parser()
    return set(parser._subparsers._group_actions[0].choices)  # type: ignore[union-attr]


def _role(pg_server: PostgresServer) -> str:
    name = f"member_{uuid.uuid4().hex[:8]}"
    pg_server.create_role(name, PASSWORD)
    return name


def _as(pg_server: PostgresServer, url: str, role: str, password: str | None = None) -> str:
    return pg_server.url(url.rsplit("/", 1)[1], user=role, password=password)


@pytest.fixture
def reader_url(pg_server: PostgresServer, demo_plan_path: Path, empty_database_url: str) -> str:
    """The demo plan on the server, and a URL of a role granted read-only access to it."""
    assert main(["copy", str(demo_plan_path), empty_database_url]) == 0
    role = _role(pg_server)
    assert main(["server", "grant", empty_database_url, role, "--read-only"]) == 0
    return _as(pg_server, empty_database_url, role, PASSWORD)


def test_a_read_only_role_opens_the_plan_read_only(reader_url: str) -> None:
    plan = open_plan(reader_url)
    try:
        assert plan.read_only
        assert len(list_accounts(plan)) == 12
        with pytest.raises(ReadOnlyPlanError, match="may read this team plan but not change it"):
            create_account(plan, {"name": "Sneaky"})
        # Even past the app's own check the server refuses: read-only transactions, no grants.
        plan.read_only = False
        with pytest.raises(PlanFileError, match="refused this"):
            create_account(plan, {"name": "Sneaky"})
    finally:
        plan.close()


def test_a_read_only_role_cannot_write_through_any_command(
    reader_url: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    contacts = tmp_path / "accounts.csv"
    contacts.write_text("Id,Name,Industry\n001X,New Account Ltd,Retail\n", encoding="utf-8")
    role = reader_url.split("//", 1)[1].split(":", 1)[0]
    owner_url = reader_url.replace(f"{role}:{PASSWORD}", "postgres:super-secret-pw")
    writes = [
        ["import", reader_url, str(contacts)],
        ["copy", str(tmp_path / "none.abmplan"), reader_url],
        ["server", "grant", reader_url, role, "--edit"],
    ]
    main(["copy", reader_url, str(tmp_path / "none.abmplan")])
    writes[1] = ["copy", str(tmp_path / "none.abmplan"), reader_url, "--replace"]
    if "snapshot" in _commands():  # issue 10's snapshot command writes into the plan
        writes.append(["snapshot", reader_url, "Before the workshop"])
    capsys.readouterr()
    for command in writes:
        assert main(command) == 2, command
        err = capsys.readouterr().err
        assert err.count("\n") == 1, err
        assert PASSWORD not in err
    # Reading works as for anyone.
    for command in (
        ["summary", reader_url, "--json"],
        ["analyze", reader_url, "--account", "Aurelia Energia S.p.A."],
        ["export", reader_url, str(tmp_path / "out.xlsx")],
    ):
        assert main(command) == 0, (command, capsys.readouterr().err)
    owner = open_plan(owner_url, read_only=True)
    try:
        assert "New Account Ltd" not in [row.name for row in list_accounts(owner)]
    finally:
        owner.close()


def test_grants_change_between_edit_and_read_only(
    pg_server: PostgresServer, server_plan_url: str, capsys: pytest.CaptureFixture[str]
) -> None:
    role = _role(pg_server)
    member_url = _as(pg_server, server_plan_url, role, PASSWORD)
    with pytest.raises(PlanFileError, match="has no access"):
        open_plan(member_url)

    assert main(["server", "grant", server_plan_url, role, "--edit"]) == 0
    assert f"Role '{role}' may now read and edit" in capsys.readouterr().out
    plan = open_plan(member_url)
    try:
        assert not plan.read_only
        create_account(plan, {"name": "Added by a member"})
    finally:
        plan.close()

    assert main(["server", "grant", server_plan_url, role, "--read-only"]) == 0
    plan = open_plan(member_url)
    try:
        assert plan.read_only
        assert [row.name for row in list_accounts(plan)] == ["Added by a member"]
    finally:
        plan.close()
    assert main(["server", "grant", server_plan_url, "nobody_at_all", "--edit"]) == 2
    assert "There is no role 'nobody_at_all'" in capsys.readouterr().err


def test_libpq_finds_passwords_and_the_app_never_shows_them(
    pg_server: PostgresServer,
    server_plan_url: str,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> None:
    role = _role(pg_server)
    assert main(["server", "grant", server_plan_url, role, "--edit"]) == 0
    bare = _as(pg_server, server_plan_url, role)
    monkeypatch.delenv("PGPASSWORD", raising=False)
    monkeypatch.setenv("PGPASSFILE", str(tmp_path / "no-such-pgpass"))

    with pytest.raises(PasswordRequiredError) as caught:
        open_plan(bare)
    assert not caught.value.wrong_password
    assert caught.value.location == bare
    with pytest.raises(PasswordRequiredError) as caught:
        open_plan(_as(pg_server, server_plan_url, role, "wrong-one"))
    assert caught.value.wrong_password
    assert "wrong-one" not in str(caught.value)
    assert main(["summary", bare]) == 2
    assert "~/.pgpass" in capsys.readouterr().err

    # The GUI's prompt: a password given to open_plan is used, never shown.
    plan = open_plan(bare, password=PASSWORD)
    try:
        assert plan.location == bare
        assert PASSWORD not in plan.location + plan.name
    finally:
        plan.close()

    # libpq's own conventions: PGPASSWORD, a password file, a service file.
    monkeypatch.setenv("PGPASSWORD", PASSWORD)
    open_plan(bare).close()
    monkeypatch.delenv("PGPASSWORD")
    pgpass = tmp_path / "pgpass"
    pgpass.write_text(f"127.0.0.1:{pg_server.port}:*:{role}:{PASSWORD}\n")
    pgpass.chmod(0o600)
    monkeypatch.setenv("PGPASSFILE", str(pgpass))
    open_plan(bare).close()
    services = tmp_path / "pg_service.conf"
    database = server_plan_url.rsplit("/", 1)[1]
    services.write_text(
        f"[team]\nhost=127.0.0.1\nport={pg_server.port}\ndbname={database}\nuser={role}\n"
    )
    monkeypatch.setenv("PGSERVICEFILE", str(services))
    assert main(["summary", "postgresql:///?service=team", "--json"]) == 0
    assert PASSWORD not in capsys.readouterr().out


def test_a_url_password_stays_out_of_locations_and_messages(
    server_plan_url: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    plan = open_plan(server_plan_url)
    try:
        assert plan.is_server and plan.path is None
        assert "super-secret-pw" not in plan.location
        assert plan.location == server_plan_url.replace(":super-secret-pw", "")
    finally:
        plan.close()
    assert main(["copy", server_plan_url, str(tmp_path / "copy.abmplan")]) == 0
    assert main(["summary", server_plan_url, "--json"]) == 0
    assert main(["copy", str(tmp_path / "copy.abmplan"), server_plan_url]) == 2
    captured = capsys.readouterr()
    assert "super-secret-pw" not in captured.out + captured.err
    assert server_plan_url.replace(":super-secret-pw", "") in captured.out
