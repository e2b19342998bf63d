"""`dealwatch check`: every problem of a configuration at once, not just the first one.

    report = check_config("dealwatch.toml", smtp=True)
    for line in report.problems: print(line)

Checks, in order: the file reads as TOML; every key is known and well-typed (all of them, not the
first bad one); the schedule's cron and time zone are valid for Prefect; alert settings are
complete (an SMTP login has its password variable set); the database, if it exists, can be opened by
this version; with run.executor = "dask", the cluster answers and its workers run this code; and with smtp=True, the SMTP server answers, speaks the configured security and
accepts the login (no message is sent).
"""

from __future__ import annotations

import smtplib
import socket
import ssl
from dataclasses import dataclass, field
from pathlib import Path

from pydantic import ValidationError

from extract.errors import ConfigError, DealwatchError
from flows.config import Settings, apply_environment, config_path, describe_errors, read_config


@dataclass
class CheckReport:
    """What `check` found: problems make the config unusable; notes say what was verified."""

    file: Path
    problems: list[str] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)
    settings: Settings | None = None


def check_config(path: str | Path | None = None, *, db: str | None = None,
                 smtp: bool = False) -> CheckReport:
    """Returns every problem of the config file (and of the SMTP server when smtp is True)."""
    from flows.serving import cron_problem, timezone_problem

    report = CheckReport(config_path(path))
    if not report.file.exists():
        report.problems.append(f"{report.file}: no such config file (run `dealwatch init` to write one)")
        return report
    try:
        data = read_config(report.file)
    except ConfigError as exc:
        report.problems.append(str(exc))
        return report
    try:
        report.settings = Settings.model_validate(data)
    except ValidationError as exc:
        report.problems += describe_errors(exc)
        # Go on with the bad keys left out (defaults in their place), so the checks below still
        # report their own problems in this same pass.
        report.settings = _settings_without(data, [e["loc"] for e in exc.errors()])
    if report.settings is not None:
        report.settings.source = str(report.file)
    # The schedule is checked from the raw data, so a bad cron is reported next to other bad keys.
    schedule = data.get("schedule") if isinstance(data.get("schedule"), dict) else {}
    for problem in (cron_problem(schedule.get("cron", "*/15 * * * *")),
                    timezone_problem(schedule.get("timezone", "UTC"))):
        if problem:
            report.problems.append(problem)
    settings = report.settings
    if settings is None:
        return report
    if db:
        settings.database = db
    written = data.get("feeds") if isinstance(data.get("feeds"), list) else []
    if len(written) > len(settings.feeds):
        # ("no [[feeds]]" would be wrong: the file has some, which the problems below describe)
        report.notes.append(f"{len(settings.feeds)} of {len(written)} [[feeds]] usable (the others are "
                            "listed as problems)")
    else:
        report.notes.append(f"{len(settings.feeds)} feed(s) configured" if settings.feeds else
                            "no [[feeds]] in the file (feeds added with the CLI are still polled)")
    apply_environment(settings, report.problems)
    report.problems += _alert_problems(settings)
    report.problems += _database_problems(settings, report.notes)
    report.problems += _cluster_problems(settings, report.notes)
    if smtp:
        if settings.alerts.transport != "smtp":
            report.notes.append(f'--smtp: alerts.transport is "{settings.alerts.transport}", '
                                "but the SMTP server was checked anyway")
        try:
            report.notes.append(probe_smtp(settings))
        except DealwatchError as exc:
            report.problems.append(str(exc))
    return report


def _settings_without(data: dict, locs: list[tuple]) -> Settings | None:
    """Returns Settings from data minus the keys at locs (defaults apply), None when still invalid.

    A bad key inside a list item (a feed) drops the whole item.
    """
    import copy

    data = copy.deepcopy(data)
    targets = set()
    for loc in locs:
        index = next((i for i, part in enumerate(loc) if isinstance(part, int)), None)
        targets.add(tuple(loc[: index + 1]) if index is not None else tuple(loc))
    # deepest and highest index first, so earlier deletions do not shift later ones
    for loc in sorted(targets, key=lambda t: (len(t), t[-1] if isinstance(t[-1], int) else -1),
                      reverse=True):
        node = data
        for part in loc[:-1]:
            try:
                node = node[part]
            except (KeyError, IndexError, TypeError):
                node = None
                break
        if isinstance(node, dict):
            node.pop(loc[-1], None)
        elif isinstance(node, list) and isinstance(loc[-1], int) and loc[-1] < len(node):
            del node[loc[-1]]
    try:
        return Settings.model_validate(data)
    except ValidationError:
        return None


def _alert_problems(settings: Settings) -> list[str]:
    alerts = settings.alerts
    problems = []
    if not alerts.to:
        problems.append("key 'alerts.to': no recipients; add at least one address")
    placeholders = [a for a in [*alerts.to, alerts.from_] if a.lower().endswith("@example.com")]
    if alerts.transport == "smtp" and placeholders:
        problems.append(f"keys 'alerts.to'/'alerts.from': {', '.join(placeholders)} is an example address; "
                        "put real addresses before sending by SMTP")
    if alerts.transport == "smtp" and alerts.smtp.username and alerts.smtp.password() is None:
        problems.append(f"key 'alerts.smtp.password_env': the SMTP login needs a password, but "
                        f"${alerts.smtp.password_env} is not set in the environment")
    return problems


def _database_problems(settings: Settings, notes: list[str]) -> list[str]:
    from storage.db import connect
    from storage.schema import LATEST, current_version

    path = Path(settings.database)
    if not path.exists():
        parent = path.resolve().parent
        while not parent.exists():
            parent = parent.parent
        if not _writable(parent):
            return [f"database {path}: cannot be created, {parent} is not writable"]
        notes.append(f"database {path} does not exist yet; the first run creates it")
        return []
    try:
        with connect(str(path), read_only=True, wait=2.0) as con:
            version = current_version(con)
    except DealwatchError as exc:
        if "locked" in str(exc):
            notes.append(f"database {path} is in use by a run; not checked")
            return []
        return [str(exc)]
    notes.append(f"database {path}: schema version {version}"
                 + ("" if version == LATEST else f" (the next run migrates it to {LATEST})"))
    return []


def _cluster_problems(settings: Settings, notes: list[str]) -> list[str]:
    """With run.executor = "dask": connects to the cluster and notes its workers."""
    if settings.run.executor != "dask":
        return []
    from flows.cluster import open_cluster

    try:
        with open_cluster(settings.run) as cluster:
            notes.append(cluster.describe())
    except DealwatchError as exc:
        return [str(exc)]
    return []


def _writable(folder: Path) -> bool:
    import os

    return os.access(folder, os.W_OK)


def probe_smtp(settings: Settings) -> str:
    """Connects to the SMTP server, negotiates security and logs in; returns what was verified.

    Sends no message. Raises ConfigError saying what failed; the password is never part of it.
    """
    from flows.transports import open_smtp   # connected and secured exactly as alerts are sent

    smtp = settings.alerts.smtp
    where = f"SMTP server {smtp.host}:{smtp.port}"
    try:
        with open_smtp(smtp) as client:
            login = "no login"
            if smtp.username:
                password = smtp.password()
                if password is None:   # reported by the alert checks; the server is still probed
                    login = f"login not tried: ${smtp.password_env} is not set"
                else:
                    client.login(smtp.username, password)
                    login = f"login as {smtp.username} accepted"
            client.noop()
    except smtplib.SMTPAuthenticationError as exc:
        raise ConfigError(f"{where}: login as {smtp.username} refused ({exc.smtp_code}); "
                          f"check the username and ${smtp.password_env}") from exc
    except ssl.SSLCertVerificationError as exc:
        raise ConfigError(f"{where}: TLS certificate not trusted: {exc.verify_message} "
                          "(for a private CA, set alerts.smtp.ca_file)") from exc
    except smtplib.SMTPNotSupportedError as exc:
        raise ConfigError(f"{where}: {exc}; check alerts.smtp.security") from exc
    except (OSError, smtplib.SMTPException, socket.timeout) as exc:
        raise ConfigError(f"{where} unreachable: {exc}") from exc
    return f"{where} reachable ({smtp.security}, {login})"
