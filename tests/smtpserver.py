"""Real SMTP servers on 127.0.0.1 for the alert tests: aiosmtpd with optional STARTTLS, implicit TLS
and required login, one that refuses every message, and one that accepts connections but never speaks.

Certificates come from a throwaway CA made with `cryptography` (installed with Prefect): the client
trusts it through `alerts.smtp.ca_file`, so verification stays on in the tests as in production.
"""

from __future__ import annotations

import datetime as dt
import ipaddress
import socket
import ssl
import threading
from email import message_from_bytes, policy
from pathlib import Path

from aiosmtpd.controller import Controller
from aiosmtpd.smtp import AuthResult, LoginPassword

USERNAME = "dealwatch"
PASSWORD = "s3cret-Pa55-never-logged"


def make_certificates(folder: Path) -> tuple[Path, Path, Path]:
    """Writes a CA and a server certificate for 127.0.0.1/localhost; returns (ca, cert, key) paths."""
    from cryptography import x509
    from cryptography.hazmat.primitives import hashes, serialization
    from cryptography.hazmat.primitives.asymmetric import ec
    from cryptography.x509.oid import ExtendedKeyUsageOID, NameOID

    now = dt.datetime.now(dt.timezone.utc)
    ca_key = ec.generate_private_key(ec.SECP256R1())
    ca_name = x509.Name([x509.NameAttribute(NameOID.COMMON_NAME, "dealwatch test CA")])
    ca = (x509.CertificateBuilder().subject_name(ca_name).issuer_name(ca_name)
          .public_key(ca_key.public_key()).serial_number(x509.random_serial_number())
          .not_valid_before(now - dt.timedelta(minutes=5)).not_valid_after(now + dt.timedelta(days=1))
          .add_extension(x509.BasicConstraints(ca=True, path_length=0), critical=True)
          .add_extension(x509.KeyUsage(digital_signature=True, key_cert_sign=True, crl_sign=True,
                                       content_commitment=False, key_encipherment=False,
                                       data_encipherment=False, key_agreement=False,
                                       encipher_only=False, decipher_only=False), critical=True)
          .add_extension(x509.SubjectKeyIdentifier.from_public_key(ca_key.public_key()), critical=False)
          .sign(ca_key, hashes.SHA256()))
    key = ec.generate_private_key(ec.SECP256R1())
    cert = (x509.CertificateBuilder()
            .subject_name(x509.Name([x509.NameAttribute(NameOID.COMMON_NAME, "127.0.0.1")]))
            .issuer_name(ca_name).public_key(key.public_key())
            .serial_number(x509.random_serial_number())
            .not_valid_before(now - dt.timedelta(minutes=5)).not_valid_after(now + dt.timedelta(days=1))
            .add_extension(x509.SubjectAlternativeName([
                x509.IPAddress(ipaddress.ip_address("127.0.0.1")), x509.DNSName("localhost")]),
                critical=False)
            .add_extension(x509.BasicConstraints(ca=False, path_length=None), critical=True)
            .add_extension(x509.ExtendedKeyUsage([ExtendedKeyUsageOID.SERVER_AUTH]), critical=False)
            .add_extension(x509.AuthorityKeyIdentifier.from_issuer_public_key(ca_key.public_key()),
                           critical=False)
            .sign(ca_key, hashes.SHA256()))
    paths = folder / "ca.pem", folder / "server.pem", folder / "server.key"
    paths[0].write_bytes(ca.public_bytes(serialization.Encoding.PEM))
    paths[1].write_bytes(cert.public_bytes(serialization.Encoding.PEM))
    paths[2].write_bytes(key.private_bytes(serialization.Encoding.PEM,
                                           serialization.PrivateFormat.PKCS8,
                                           serialization.NoEncryption()))
    return paths


def server_context(cert: Path, key: Path) -> ssl.SSLContext:
    context = ssl.create_default_context(ssl.Purpose.CLIENT_AUTH)
    context.load_cert_chain(cert, key)
    return context


class Sink:
    """Collects accepted messages, or refuses each with `refuse` (e.g. '451 4.3.0 try later')."""

    def __init__(self, refuse: str | None = None):
        self.messages = []
        self.envelopes = []
        self.refuse = refuse
        self.lock = threading.Lock()

    async def handle_DATA(self, server, session, envelope):
        if self.refuse:
            return self.refuse
        with self.lock:
            self.envelopes.append((envelope.mail_from, list(envelope.rcpt_tos)))
            self.messages.append(message_from_bytes(envelope.content, policy=policy.default))
        return "250 Message accepted for delivery"


def _authenticate(server, session, envelope, mechanism, auth_data):
    ok = (isinstance(auth_data, LoginPassword) and auth_data.login == USERNAME.encode()
          and auth_data.password == PASSWORD.encode())
    return AuthResult(success=ok, handled=False)   # handled=False: aiosmtpd answers 535 itself


class SmtpServer:
    """An aiosmtpd server on 127.0.0.1 that can be stopped and started again on the same port.

    mode: 'plain', 'starttls' (STARTTLS and login required) or 'tls' (implicit TLS, login required).
    """

    def __init__(self, port: int, *, mode: str = "plain", sink: Sink | None = None,
                 certs: tuple[Path, Path, Path] | None = None):
        self.host, self.port, self.mode = "127.0.0.1", port, mode
        self.sink = sink or Sink()
        self.certs = certs
        self.controller: Controller | None = None

    def start(self) -> "SmtpServer":
        kwargs: dict = {}
        if self.mode != "plain":
            context = server_context(self.certs[1], self.certs[2])
            kwargs.update(authenticator=_authenticate, auth_required=True)
            if self.mode == "starttls":
                kwargs.update(tls_context=context, require_starttls=True)
            else:
                # Implicit TLS: the whole session is encrypted, so AUTH may be offered at once.
                kwargs.update(ssl_context=context, auth_require_tls=False)
        self.controller = Controller(self.sink, hostname=self.host, port=self.port, **kwargs)
        self.controller.start()
        return self

    def stop(self) -> None:
        if self.controller is not None:
            self.controller.stop()
            self.controller = None


class SilentServer:
    """Accepts TCP connections on 127.0.0.1 and never says a word: an SMTP server that hangs."""

    def __init__(self):
        self.sock = socket.socket()
        self.sock.bind(("127.0.0.1", 0))
        self.sock.listen(8)
        self.port = self.sock.getsockname()[1]

    def close(self) -> None:
        self.sock.close()
