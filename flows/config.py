"""The one settings object: a TOML file (default ./dealwatch.toml) read into typed, documented models.

Every key has a default except the feeds; an unknown key or a wrong type is a ConfigError that names
the key and the file. Secrets never live in the file: `alerts.smtp.password_env` names the environment
variable that holds the SMTP password.

    settings = load_settings("dealwatch.toml", db="other.duckdb")
"""

from __future__ import annotations

import os
import tomllib
from pathlib import Path
from typing import Literal

from pydantic import BaseModel, ConfigDict, Field, ValidationError, field_validator

from extract.errors import ConfigError
from extract.urls import is_http_url

DEFAULT_CONFIG = "dealwatch.toml"


class _Section(BaseModel):
    model_config = ConfigDict(extra="forbid", populate_by_name=True)


class FeedSettings(_Section):
    url: str = Field(description="Address of the RSS, Atom or JSON feed (http or https).")
    name: str | None = Field(None, description="Display name; defaults to the feed's own title.")

    @field_validator("url")
    @classmethod
    def _http_only(cls, v: str) -> str:
        if not is_http_url(v):
            raise ValueError(f"feed url must start with http:// or https://, got {v!r}")
        return v


class FetchSettings(_Section):
    allow_private_networks: bool = Field(
        False, description="true lets feeds and pages on private or loopback addresses be fetched.")
    allow_hosts: list[str] = Field(
        default_factory=list,
        description='Hosts, IPs or CIDRs fetched even when private, e.g. ["127.0.0.1"].')
    user_agent: str = Field("dealwatch/0.1 (+https://github.com/dealwatch)",
                            description="User-Agent header sent with every request.")
    connect_timeout: float = Field(10.0, description="Seconds to establish a connection.")
    read_timeout: float = Field(20.0, description="Seconds to wait for each chunk of the response.")
    total_timeout: float = Field(60.0, description="Seconds for a whole request, body included.")
    max_bytes: int = Field(10 * 1024 * 1024,
                           description="Largest body accepted, measured after decompression.")
    max_redirects: int = Field(5, description="Redirect hops followed per request.")
    concurrency: int = Field(8, description="Requests in flight at once, all hosts together.")
    per_host: int = Field(2, description="Requests in flight at once to one host.")
    workers: int = Field(0, description="Processes for text extraction and detection; 0 = one per core.")
    retries: int = Field(2, ge=0, description=(
        "Extra attempts, within a run, after a quick transient failure (connection error, 429, "
        "5xx), 0.5 s, 1 s, 2 s … apart; timeouts and other failures wait for the feed's next poll."))


class PollSettings(_Section):
    interval_minutes: int = Field(15, description="Normal time between two polls of a feed.")
    max_backoff_minutes: int = Field(
        24 * 60, description="Longest wait before retrying a failing feed (backoff doubles up to it).")


class SmtpSettings(_Section):
    host: str = Field("localhost", description="SMTP server host name.")
    port: int = Field(587, description="SMTP server port.")
    security: Literal["none", "starttls", "tls"] = Field(
        "starttls", description='"none", "starttls" or "tls" (implicit TLS, usually port 465).')
    username: str | None = Field(None, description="Login name; no login when empty.")
    password_env: str = Field("DEALWATCH_SMTP_PASSWORD",
                              description="Environment variable that holds the SMTP password.")
    timeout: float = Field(30.0, description="Seconds before an unresponsive server counts as down.")
    ca_file: str | None = Field(
        None, description="PEM file of CA certificates to trust instead of the system's, for a server "
                          "with a private or self-signed certificate (verification stays on).")

    @field_validator("ca_file")
    @classmethod
    def _empty_is_unset(cls, v: str | None) -> str | None:
        return v or None

    def password(self) -> str | None:
        """Returns the password from the environment variable named by password_env, if set."""
        return os.environ.get(self.password_env) or None


class AlertSettings(_Section):
    transport: Literal["smtp", "file", "console"] = Field(
        "file", description='"smtp", "file" (.eml files in outbox) or "console" (printed).')
    outbox: str = Field("outbox", description="Folder for the file transport.")
    to: list[str] = Field(default_factory=lambda: ["analyst@example.com"],
                          description="Recipients of alert emails.")
    from_: str = Field("dealwatch@example.com", alias="from", description="Sender address.")
    events: list[Literal["deal", "customer_change"]] = Field(
        default_factory=lambda: ["deal"], description="Event types that alert.")
    mode: Literal["digest", "instant"] = Field(
        "digest", description='"digest": one email per run; "instant": one email per story.')
    updates: bool = Field(False, description="Also alert when a known story's status or amount changes.")
    watchlist: list[str | list[str]] = Field(
        default_factory=list,
        description='Only alert on events naming one of these companies (any role); a company with '
                    'aliases is a list, e.g. ["Meta", ["Alphabet", "Google"]].')
    watchlist_only: bool = Field(
        True, description="true: only stories naming a watched company alert; false: every story alerts, "
                          "watched ones first and starred.")
    min_confidence: float = Field(0.0, ge=0.0, le=1.0,
                                  description="Only alert on events at least this confident (0..1).")
    details: int = Field(20, ge=0, description="Stories shown in detail (evidence, roles, confidence) in an "
                         "email, the most important first; the others appear in its overview only.")
    max_refusals: int = Field(3, ge=1, description="Give up an alert after this many attempts once the mail "
                              "server refuses it outright (5xx); it shows as failed in `dealwatch alerts list`.")
    smtp: SmtpSettings = Field(default_factory=SmtpSettings, description="Mail server settings.")

    @field_validator("watchlist")
    @classmethod
    def _no_empty_names(cls, v: list[str | list[str]]) -> list[str | list[str]]:
        for entry in v:
            names = [entry] if isinstance(entry, str) else entry
            if not names or not all(n.strip() for n in names):
                raise ValueError(f"watchlist entries must be non-empty names, got {entry!r}")
        return v

    def watch_names(self) -> list[list[str]]:
        """Returns the watchlist as one list of names per company (the name, then its aliases)."""
        return [[w] if isinstance(w, str) else list(w) for w in self.watchlist]


class ScheduleSettings(_Section):
    cron: str = Field("*/15 * * * *", description="When `dealwatch serve` runs the monitor.")
    timezone: str = Field("UTC", description="Time zone the cron expression is read in.")


class RunSettings(_Section):
    executor: Literal["local", "dask"] = Field(
        "local", description='"local": this machine reads pages (fetch.workers processes); "dask": the '
                             'Dask cluster at dask_address polls feeds and reads pages.')
    dask_address: str | None = Field(
        None, description='Dask scheduler address, e.g. "tcp://scheduler:8786"; '
                          "$DEALWATCH_DASK_ADDRESS overrides it.")
    dask_timeout: float = Field(10.0, gt=0, description="Seconds to wait for the Dask scheduler to answer.")

    @field_validator("dask_address")
    @classmethod
    def _dask_address(cls, v: str | None) -> str | None:
        return dask_address(v)


def dask_address(v: str | None) -> str | None:
    """Returns a Dask scheduler address as given (None when empty); raises ValueError when it is none."""
    if not v:
        return None
    scheme, _, rest = v.rpartition("://")
    if (scheme or "tcp") not in ("tcp", "tls", "ws", "wss", "inproc", "ucx") or not rest.strip():
        raise ValueError(f'expected a Dask scheduler address such as "tcp://host:8786", got {v!r}')
    return v


class Settings(_Section):
    database: str = Field("dealwatch.duckdb", description="DuckDB file; DEALWATCH_DB and --db override it.")
    feeds: list[FeedSettings] = Field(default_factory=list, description="The feeds to monitor.")
    fetch: FetchSettings = Field(default_factory=FetchSettings)
    poll: PollSettings = Field(default_factory=PollSettings)
    alerts: AlertSettings = Field(default_factory=AlertSettings)
    schedule: ScheduleSettings = Field(default_factory=ScheduleSettings)
    run: RunSettings = Field(default_factory=RunSettings)
    source: str | None = Field(None, exclude=True, description="File the settings were read from.")


def config_path(path: str | os.PathLike | None = None) -> Path:
    """Returns the config file to read: the argument, else $DEALWATCH_CONFIG, else ./dealwatch.toml."""
    return Path(path or os.environ.get("DEALWATCH_CONFIG") or DEFAULT_CONFIG)


def _describe(err: dict) -> str:
    key = ".".join(str(p) for p in err["loc"])
    if err["type"] == "extra_forbidden":
        return f"unknown key '{key}'"
    if err["type"] == "missing":
        return f"missing required key '{key}'"
    return f"key '{key}': {err['msg']} (got {err.get('input')!r})"


def describe_errors(exc: ValidationError) -> list[str]:
    """Returns one line per problem of a validation error, each naming the key."""
    return [_describe(e) for e in exc.errors()]


def read_config(file: Path) -> dict:
    """Returns the parsed TOML of a config file; raises ConfigError when it cannot be read or parsed."""
    try:
        return tomllib.loads(file.read_text(encoding="utf-8"))
    except tomllib.TOMLDecodeError as exc:
        raise ConfigError(f"{file}: not valid TOML: {exc}") from exc
    except OSError as exc:
        raise ConfigError(f"{file}: cannot read: {exc.strerror} (check the path and its permissions, "
                          "or pass another one with --config)") from exc


def parse_settings(data: dict, *, source: str = "<config>") -> Settings:
    """Returns Settings from already-parsed TOML data; raises ConfigError naming every bad key."""
    try:
        settings = Settings.model_validate(data)
    except ValidationError as exc:
        problems = "; ".join(describe_errors(exc))
        raise ConfigError(f"{source}: {problems}") from exc
    settings.source = source
    return settings


def load_settings(path: str | os.PathLike | None = None, *, db: str | None = None,
                  require_file: bool = True) -> Settings:
    """Reads the config file and applies overrides (--db, then $DEALWATCH_DB, then the file;
    $DEALWATCH_DASK_ADDRESS, then the file)."""
    file = config_path(path)
    named_by_env = not path and bool(os.environ.get("DEALWATCH_CONFIG"))
    if file.exists():
        settings = parse_settings(read_config(file), source=str(file))
    elif require_file or named_by_env:
        # (a file $DEALWATCH_CONFIG names is meant to be read, whatever the command)
        how = " named by $DEALWATCH_CONFIG" if named_by_env else ""
        raise ConfigError(f"{file}: no such config file{how} (run `dealwatch init` to write a starter one"
                          f"{', or unset DEALWATCH_CONFIG' if named_by_env else ''})")
    else:
        settings = Settings()
    override = db or os.environ.get("DEALWATCH_DB")
    if override:
        settings.database = override
    problems: list[str] = []
    apply_environment(settings, problems)
    if problems:
        raise ConfigError(problems[0])
    return settings


def named_settings(path: str | os.PathLike | None) -> Settings | None:
    """Returns the settings of a config file named by `path` (--config) or $DEALWATCH_CONFIG, which
    must exist and be valid (ConfigError otherwise); None when neither names one."""
    return load_settings(path) if path or os.environ.get("DEALWATCH_CONFIG") else None


def apply_environment(settings: Settings, problems: list[str]) -> None:
    """Applies $DEALWATCH_DASK_ADDRESS to settings; a bad value is added to problems."""
    address = os.environ.get("DEALWATCH_DASK_ADDRESS")
    if address:
        try:
            settings.run.dask_address = dask_address(address)
        except ValueError as exc:
            problems.append(f"$DEALWATCH_DASK_ADDRESS: {exc}")
