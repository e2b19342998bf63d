"""Reading the PATH… arguments of a command one by one, going past the ones that cannot be read.

    skipped = Skipped()
    for source, result in skipped.each(paths, read):
        ...
    return skipped.exit_code()     # 2 when some source was not read, else 0

Each unreadable source gets one line on stderr, `Error: <source>: <reason>`; the others are read.
"""

from __future__ import annotations

import sys
from collections.abc import Callable, Iterable, Iterator
from typing import TypeVar

from extract.errors import DealwatchError

T = TypeVar("T")
PARTIAL = 2   # exit status: some sources were read, some not


class Skipped:
    """Counts the sources `each` could not read."""

    def __init__(self) -> None:
        self.count = 0

    def each(self, sources: Iterable[str], read: Callable[[str], T]) -> Iterator[tuple[str, T]]:
        """Yields (source, read(source)) for every source that reads without a DealwatchError."""
        for source in sources:
            try:
                result = read(source)
            except DealwatchError as exc:
                self.count += 1
                message = str(exc)
                print(f"Error: {message if source in message else f'{source}: {message}'}",
                      file=sys.stderr, flush=True)
                continue
            yield source, result

    def exit_code(self) -> int:
        return PARTIAL if self.count else 0
