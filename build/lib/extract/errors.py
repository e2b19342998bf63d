"""The one exception tree of dealwatch. Every error the product raises on purpose derives from
DealwatchError, so the CLI can print it as one line (`Error: …`) and exit non-zero.

    DealwatchError
    ├── ConfigError          the configuration file or a flag is unusable
    ├── FetchError           a feed or page could not be fetched (.transient: worth retrying)
    │   ├── BlockedAddressError   the address is private/loopback/reserved and not allowed
    │   └── TooLargeError         the body is larger than fetch.max_bytes
    ├── FeedError            bytes that are not a readable feed
    ├── ExtractionError      a page that yields no article text
    │   └── UnsupportedLanguageError   no detection rules for the article's language
    ├── StorageError         the database cannot be opened, read or written
    ├── ClusterError         the Dask cluster cannot be reached, has no workers, lost the run
    │   └── CodeMismatch (flows/cluster.py)   a worker runs other dealwatch code
    └── AlertError           an alert could not be delivered (.transient: worth retrying)
        └── MailServerError       the mail server takes no message now (down, timed out, login
                                  refused): the rest of the outbox waits for the next run
"""

from __future__ import annotations


class DealwatchError(Exception):
    """Base of every error dealwatch raises on purpose; its message is meant for the user."""


class ConfigError(DealwatchError):
    pass


class FetchError(DealwatchError):
    """A feed or page could not be fetched. `transient` says whether a retry may succeed."""

    def __init__(self, message: str, *, transient: bool = False, status: int | None = None,
                 retry_after: float | None = None):
        super().__init__(message)
        self.transient = transient
        self.status = status
        self.retry_after = retry_after


class BlockedAddressError(FetchError):
    pass


class TooLargeError(FetchError):
    pass


class FeedError(DealwatchError):
    pass


class ExtractionError(DealwatchError):
    pass


class UnsupportedLanguageError(ExtractionError):
    """No detection rule set exists for the article's language."""


class StorageError(DealwatchError):
    pass


class ClusterError(DealwatchError):
    """The Dask cluster of run.executor = "dask" cannot be reached or used."""


class AlertError(DealwatchError):
    def __init__(self, message: str, *, transient: bool = True):
        super().__init__(message)
        self.transient = transient


class MailServerError(AlertError):
    pass
