"""SMTP security and the `alerts` commands: STARTTLS and implicit TLS with login, verified certificates,
a password that only ever lives in the environment, `alerts test` and `alerts list`."""

from __future__ import annotations

import logging
import os
import subprocess
import sys
from pathlib import Path

import duckdb
import pytest

from flows.alerts import run_alerts
from tests.alertdata import add_article, meta_scale, settings_for
from tests.conftest import free_port
from tests.smtpserver import PASSWORD, USERNAME, SmtpServer, make_certificates

# aiosmtpd warns about AUTH without STARTTLS, which does not apply to implicit TLS.
pytestmark = pytest.mark.filterwarnings("ignore:Requiring AUTH while not requiring TLS")

ROOT = Path(__file__).resolve().parent.parent
PASSWORD_ENV = "DEALWATCH_TEST_SMTP_PASSWORD"


@pytest.fixture(scope="module")
def certs(tmp_path_factory):
    return make_certificates(tmp_path_factory.mktemp("certs"))


@pytest.fixture(params=["starttls", "tls"])
def secure_server(request, certs):
    srv = SmtpServer(free_port(), mode=request.param, certs=certs).start()
    yield srv
    srv.stop()


def _secure_settings(db, srv, certs, **smtp):
    return settings_for(db, smtp_port=srv.port, smtp={
        "security": srv.mode, "username": USERNAME, "password_env": PASSWORD_ENV,
        "ca_file": str(certs[0]), **smtp})


def _seed(tmp_path) -> Path:
    db = tmp_path / "dw.duckdb"
    add_article(db, "https://news.example.com/meta-scale", "Meta takes 49% of Scale AI", [meta_scale()])
    return db


def test_login_over_tls_delivers(tmp_path, secure_server, certs, monkeypatch):
    monkeypatch.setenv(PASSWORD_ENV, PASSWORD)
    db = _seed(tmp_path)

    outcome = run_alerts(_secure_settings(db, secure_server, certs))

    assert (outcome.sent, outcome.pending, outcome.errors) == (1, 0, [])
    [msg] = secure_server.sink.messages
    assert msg["Subject"] == "Meta takes 49% stake in Scale AI ($14.3bn)"


def test_wrong_password_is_refused_and_never_recorded(tmp_path, secure_server, certs, monkeypatch,
                                                      caplog):
    wrong = "wrong-Pa55-do-not-store"
    monkeypatch.setenv(PASSWORD_ENV, wrong)
    db = _seed(tmp_path)
    caplog.set_level(logging.DEBUG)

    outcome = run_alerts(_secure_settings(db, secure_server, certs))

    assert (outcome.sent, outcome.pending) == (0, 1)
    assert outcome.errors[0].endswith(f"SMTP server 127.0.0.1:{secure_server.port} refused the login "
                                      f"as {USERNAME}: 535 5.7.8 Authentication credentials invalid")
    assert secure_server.sink.messages == []
    with duckdb.connect(str(db), read_only=True) as con:
        stored = " ".join(str(v) for row in con.execute("SELECT * FROM alerts").fetchall() for v in row)
    assert "535 5.7.8" in stored and wrong not in stored
    assert wrong not in caplog.text and wrong.encode() not in db.read_bytes()


def test_missing_password_variable_says_which(tmp_path, secure_server, certs, monkeypatch):
    monkeypatch.delenv(PASSWORD_ENV, raising=False)
    outcome = run_alerts(_secure_settings(_seed(tmp_path), secure_server, certs))
    assert outcome.errors[0].endswith(
        f"SMTP server 127.0.0.1:{secure_server.port}: login as {USERNAME} needs a password, but the "
        f"environment variable {PASSWORD_ENV} is not set")


def test_untrusted_certificate_is_refused(tmp_path, secure_server, certs, monkeypatch):
    monkeypatch.setenv(PASSWORD_ENV, PASSWORD)
    outcome = run_alerts(_secure_settings(_seed(tmp_path), secure_server, certs, ca_file=None))
    assert outcome.pending == 1 and secure_server.sink.messages == []
    assert outcome.errors[0].endswith(
        f"SMTP server 127.0.0.1:{secure_server.port}: TLS certificate not trusted: unable to get local "
        "issuer certificate (for a private CA, set alerts.smtp.ca_file)")


def test_plain_session_against_a_server_requiring_starttls(tmp_path, certs, monkeypatch):
    monkeypatch.setenv(PASSWORD_ENV, PASSWORD)
    srv = SmtpServer(free_port(), mode="starttls", certs=certs).start()
    try:
        outcome = run_alerts(_secure_settings(_seed(tmp_path), srv, certs, security="none"))
    finally:
        srv.stop()
    assert outcome.pending == 1
    assert "AUTH extension not supported by server" in outcome.errors[0]
    assert outcome.errors[0].endswith("(check alerts.smtp.security)")


# ---------------------------------------------------------------- the commands

def dealwatch(*args: str, env: dict | None = None) -> subprocess.CompletedProcess:
    base = {k: v for k, v in os.environ.items() if not k.startswith("DEALWATCH_")}
    return subprocess.run([sys.executable, "-m", "flows.cli", *args], cwd=ROOT, capture_output=True,
                          text=True, timeout=60, env={**base, "PYTHONPATH": str(ROOT), **(env or {})})


def _config(tmp_path, port: int, certs, db: Path) -> Path:
    path = tmp_path / "dealwatch.toml"
    path.write_text(f'''database = "{db}"
[alerts]
transport = "smtp"
to = ["analyst@example.com"]
from = "dealwatch@example.com"
[alerts.smtp]
host = "127.0.0.1"
port = {port}
security = "starttls"
username = "{USERNAME}"
password_env = "{PASSWORD_ENV}"
ca_file = "{certs[0]}"
timeout = 5
''', encoding="utf-8")
    return path


def test_alerts_test_command_reports_success_and_the_servers_error(tmp_path, certs):
    srv = SmtpServer(free_port(), mode="starttls", certs=certs).start()
    config = _config(tmp_path, srv.port, certs, tmp_path / "dw.duckdb")
    try:
        ok = dealwatch("alerts", "test", "--config", str(config), env={PASSWORD_ENV: PASSWORD})
        bad = dealwatch("alerts", "test", "--config", str(config), env={PASSWORD_ENV: "nope"})
    finally:
        srv.stop()
    down = dealwatch("alerts", "test", "--config", str(config), env={PASSWORD_ENV: PASSWORD})

    assert (ok.returncode, ok.stderr) == (0, "")
    assert ok.stdout == (f"sent a test message to analyst@example.com through SMTP server "
                         f"127.0.0.1:{srv.port} (starttls, login as {USERNAME})\n")
    [msg] = srv.sink.messages
    assert msg["Subject"] == "dealwatch test message" and msg["List-Id"]
    assert str(config) in msg.get_body(("plain",)).get_content()
    assert (bad.returncode, bad.stdout) == (1, "")
    assert bad.stderr == (f"Error: SMTP server 127.0.0.1:{srv.port} refused the login as {USERNAME}: "
                          "535 5.7.8 Authentication credentials invalid\n")
    assert down.returncode == 1
    assert down.stderr.startswith(f"Error: SMTP server 127.0.0.1:{srv.port} unreachable: ")


def test_alerts_list_shows_the_outbox(tmp_path, certs):
    db = _seed(tmp_path)
    port = free_port()                                   # nothing listens: the alert stays pending
    config = _config(tmp_path, port, certs, db)
    from flows.config import load_settings
    run_alerts(load_settings(config))

    pending = dealwatch("alerts", "list", "--pending", "--config", str(config), "--format", "json")
    everything = dealwatch("alerts", "list", "--db", str(db))

    assert pending.returncode == 0, pending.stderr
    import json
    [row] = json.loads(pending.stdout)
    assert (row["kind"], row["status"], row["attempts"]) == ("digest", "pending", 1)
    assert row["subject"] == "Meta takes 49% stake in Scale AI ($14.3bn)"
    assert row["last_error"].startswith(f"SMTP server 127.0.0.1:{port} unreachable")
    assert everything.returncode == 0
    lines = everything.stdout.splitlines()
    assert lines[0].split() == ["created_at", "kind", "status", "attempts", "sent_at", "subject",
                                "last_error", "alert_id"]
    assert " pending " in lines[2] and lines[-1] == "(1 row)"


def test_alerts_help_lists_both_subcommands():
    result = dealwatch("alerts", "--help")
    assert result.returncode == 0
    assert "test      send a test message" in result.stdout
    assert "list      show the alerts outbox" in result.stdout
