"""Handing stored messages to the configured transport: SMTP, `.eml` files, or the console.

SMTP speaks plain, STARTTLS or implicit TLS, always verifying the certificate (against the system's
CAs, or `alerts.smtp.ca_file`), and logs in when a username is set. The password is read from the
environment variable named by `alerts.smtp.password_env` at the moment of login; it is never stored,
logged, or put into an error message.

    with open_transport(settings.alerts) as transport:
        transport.send(alert_id, message, recipients)   # raises AlertError / MailServerError
"""

from __future__ import annotations

import logging
import smtplib
import ssl
import sys
from pathlib import Path
from typing import Protocol

from extract.errors import AlertError, MailServerError
from flows.config import AlertSettings, SmtpSettings

log = logging.getLogger(__name__)


class Transport(Protocol):
    def send(self, alert_id: str, message: str, recipients: list[str]) -> dict[str, str]:
        """Delivers one message; returns the recipients the server refused (others got it)."""

    def close(self) -> None: ...


class FileTransport:
    """Writes each message to `<outbox>/<alert_id>.eml`, atomically."""

    def __init__(self, folder: str):
        self.folder = Path(folder)

    def send(self, alert_id: str, message: str, recipients: list[str]) -> dict[str, str]:
        try:
            self.folder.mkdir(parents=True, exist_ok=True)
            target = self.folder / f"{alert_id}.eml"
            tmp = target.with_suffix(".tmp")
            tmp.write_text(message, encoding="utf-8")
            tmp.replace(target)
        except OSError as exc:
            raise MailServerError(f"outbox folder {self.folder}: cannot write: {exc.strerror}") from exc
        return {}

    def close(self) -> None:
        pass


class ConsoleTransport:
    """Prints each message to standard output."""

    def send(self, alert_id: str, message: str, recipients: list[str]) -> dict[str, str]:
        sys.stdout.write(message + "\n")
        sys.stdout.flush()
        return {}

    def close(self) -> None:
        pass


def _server_words(exc: smtplib.SMTPResponseException) -> str:
    text = exc.smtp_error
    if isinstance(text, bytes):
        text = text.decode("utf-8", "replace")
    return f"{exc.smtp_code} {' '.join(str(text).split())}"


def tls_context(smtp: SmtpSettings) -> ssl.SSLContext:
    """Returns a verifying TLS context: the system's CAs, or only those of `ca_file`."""
    try:
        return ssl.create_default_context(cafile=smtp.ca_file)
    except (OSError, ssl.SSLError) as exc:
        raise MailServerError(f"alerts.smtp.ca_file {smtp.ca_file}: cannot read CA certificates: {exc}",
                              transient=False) from exc


def open_smtp(smtp: SmtpSettings) -> smtplib.SMTP:
    """Returns a client connected to the SMTP server, greeted and, as configured, secured (no login yet).

    Raises what smtplib, ssl or the socket raise; the client is closed when any step fails.
    """
    client: smtplib.SMTP | None = None
    try:
        if smtp.security == "tls":
            client = smtplib.SMTP_SSL(smtp.host, smtp.port, timeout=smtp.timeout,
                                      context=tls_context(smtp))
        else:
            client = smtplib.SMTP(smtp.host, smtp.port, timeout=smtp.timeout)
        client.ehlo()
        if smtp.security == "starttls":
            client.starttls(context=tls_context(smtp))
            client.ehlo()
        return client
    except BaseException:
        if client is not None:
            client.close()
        raise


class SmtpTransport:
    """One SMTP connection per run, opened on the first message and reused for the rest."""

    def __init__(self, settings: AlertSettings):
        self.settings = settings
        self.smtp = settings.smtp
        self.where = f"SMTP server {self.smtp.host}:{self.smtp.port}"
        self.client: smtplib.SMTP | None = None

    def _connect(self) -> smtplib.SMTP:
        smtp, where = self.smtp, self.where
        client: smtplib.SMTP | None = None
        try:
            client = open_smtp(smtp)
            if smtp.username:
                password = smtp.password()
                if password is None:
                    raise MailServerError(f"{where}: login as {smtp.username} needs a password, but the "
                                          f"environment variable {smtp.password_env} is not set",
                                          transient=False)
                client.login(smtp.username, password)
            return client
        except BaseException as exc:
            if client is not None:
                client.close()
            error = self._translate(exc, "connect")
            if error is exc:
                raise
            raise error from exc

    def _translate(self, exc: BaseException, stage: str) -> BaseException:
        where, smtp = self.where, self.smtp
        if isinstance(exc, AlertError):
            return exc
        if isinstance(exc, smtplib.SMTPAuthenticationError):
            return MailServerError(f"{where} refused the login as {smtp.username}: {_server_words(exc)}",
                                   transient=False)
        if isinstance(exc, smtplib.SMTPNotSupportedError):
            return MailServerError(f"{where}: {exc} (check alerts.smtp.security)", transient=False)
        if isinstance(exc, ssl.SSLCertVerificationError):
            return MailServerError(f"{where}: TLS certificate not trusted: {exc.verify_message} "
                                   "(for a private CA, set alerts.smtp.ca_file)", transient=False)
        if isinstance(exc, smtplib.SMTPResponseException):
            if stage == "connect" or exc.smtp_code == 421:
                return MailServerError(f"{where} answered {_server_words(exc)}",
                                       transient=400 <= exc.smtp_code < 500)
            return AlertError(f"{where} answered {_server_words(exc)}",
                              transient=400 <= exc.smtp_code < 500)
        if isinstance(exc, smtplib.SMTPRecipientsRefused):
            refused = "; ".join(f"{r}: {c} {m.decode('utf-8', 'replace') if isinstance(m, bytes) else m}"
                                for r, (c, m) in exc.recipients.items())
            return AlertError(f"{where} refused every recipient: {refused}", transient=False)
        # smtplib reports a reply that never came as a disconnection; the timeout is its cause.
        if isinstance(exc, TimeoutError) or isinstance(exc.__context__, TimeoutError):
            return MailServerError(f"{where} did not answer within {smtp.timeout:g}s")
        if isinstance(exc, (OSError, smtplib.SMTPException)):
            return MailServerError(f"{where} unreachable: {exc or type(exc).__name__}")
        return exc

    def send(self, alert_id: str, message: str, recipients: list[str]) -> dict[str, str]:
        if self.client is None:
            self.client = self._connect()
        try:
            refused = self.client.sendmail(self.settings.from_, recipients, message.encode("utf-8"))
        except BaseException as exc:
            error = self._translate(exc, "send")
            if isinstance(error, MailServerError):
                self.close(polite=False)
            if error is exc:
                raise
            raise error from exc
        return {r: f"{c} {m.decode('utf-8', 'replace') if isinstance(m, bytes) else m}"
                for r, (c, m) in refused.items()}

    def close(self, polite: bool = True) -> None:
        """Ends the session: QUIT when the server is still talking, else just the socket."""
        if self.client is not None:
            client, self.client = self.client, None
            try:
                if polite:
                    client.quit()
            except (OSError, smtplib.SMTPException):
                pass
            client.close()


class open_transport:  # noqa: N801 - used as a context manager, reads as a function
    """Returns (as a context manager) the transport the settings name; closes it at the end."""

    def __init__(self, settings: AlertSettings):
        if settings.transport == "file":
            self.transport: Transport = FileTransport(settings.outbox)
        elif settings.transport == "console":
            self.transport = ConsoleTransport()
        else:
            self.transport = SmtpTransport(settings)

    def __enter__(self) -> Transport:
        return self.transport

    def __exit__(self, *exc) -> None:
        self.transport.close()


def describe(settings: AlertSettings) -> str:
    """Returns where messages go, for humans: 'SMTP server mail.example.com:587 (starttls, login as x)'."""
    if settings.transport == "file":
        return f"folder {settings.outbox}"
    if settings.transport == "console":
        return "the console"
    smtp = settings.smtp
    login = f", login as {smtp.username}" if smtp.username else ""
    return f"SMTP server {smtp.host}:{smtp.port} ({smtp.security}{login})"
