"""Reading the PATH… arguments of a command one by one, going past the ones that cannot be read.

    skipped = Skipped()
    for source, result in skipped.each(paths, read):
        ...
    return skipped.exit_code(len(paths))   # 2 when some input was not read, else 0

Each input that cannot be read gets one line on stderr as it is met, `skipped: <input>: <reason>`;
the others are read; at the end a count, `2 inputs not read (of 5 given)`. `dealwatch detect` and
`dealwatch extract` share this behaviour.
"""

from __future__ import annotations

import sys
from collections.abc import Callable, Iterable, Iterator
from typing import TypeVar

from extract.clean import display_text
from extract.errors import DealwatchError

T = TypeVar("T")
PARTIAL = 2   # exit status: some inputs were read, some not


class Skipped:
    """The inputs that could not be read, each told on stderr as it is met."""

    def __init__(self) -> None:
        self.problems: list[str] = []

    def add(self, problem: str) -> None:
        """Records and prints one input (or part of one, such as a JSONL line) that was skipped."""
        self.problems.append(problem)
        # names and reasons come from outside (a file name can hold any bytes): shown cleaned
        print(f"skipped: {display_text(problem)}", file=sys.stderr, flush=True)

    def each(self, sources: Iterable[str], read: Callable[[str], T]) -> Iterator[tuple[str, T]]:
        """Yields (source, read(source)) for every source that can be read."""
        for source in sources:
            try:
                result = read(source)
            except DealwatchError as exc:
                message = str(exc)
                self.add(message if source in message else f"{source}: {message}")
                continue
            except OSError as exc:
                self.add(f"{source}: cannot be read ({exc.strerror or exc})")
                continue
            except Exception as exc:  # a reader bug on one input must not cost the others
                self.add(f"{source}: could not be read ({type(exc).__name__}: {exc}); "
                         "please report it with this file")
                continue
            yield source, result

    def exit_code(self, inputs: int) -> int:
        """Prints how many inputs were not read, if any; returns 0 when all were, else 2."""
        if not self.problems:
            return 0
        n = len(self.problems)
        print(f"{n} input{'s' if n != 1 else ''} not read (of {inputs} given)", file=sys.stderr)
        return PARTIAL
