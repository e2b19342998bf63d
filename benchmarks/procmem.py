"""Peak memory and CPU time of a process tree, read from /proc (Linux), without a dependency.

    with TreeMemory(exclude={server_pid}) as mem:
        run()
    print(mem.peak_rss, mem.peak_by_kind, mem.cpu_seconds)

The resident set sizes of this process and all its descendants (worker processes, Prefect's
temporary API server) are summed every `interval` seconds. Summed RSS counts pages shared between
processes once per process, so it is an upper bound of the memory the tree really holds.
"""

from __future__ import annotations

import os
import threading
from pathlib import Path


def _children_map() -> dict[int, list[int]]:
    children: dict[int, list[int]] = {}
    for entry in Path("/proc").iterdir():
        if not entry.name.isdigit():
            continue
        try:
            stat = (entry / "stat").read_text()
        except OSError:  # the process ended between listing and reading
            continue
        # the command name is in parentheses and may hold spaces: split after the last ')'
        ppid = int(stat.rsplit(")", 1)[1].split()[1])
        children.setdefault(ppid, []).append(int(entry.name))
    return children


def _rss_and_name(pid: int) -> tuple[int, str]:
    """Returns (resident bytes, short command name) of pid, (0, '') when it is gone."""
    try:
        status = Path(f"/proc/{pid}/status").read_text()
        cmdline = Path(f"/proc/{pid}/cmdline").read_bytes().split(b"\0")
    except OSError:
        return 0, ""
    rss = 0
    for line in status.splitlines():
        if line.startswith("VmRSS:"):
            rss = int(line.split()[1]) * 1024
            break
    args = [a.decode(errors="replace") for a in cmdline if a]
    name = "python" if pid == os.getpid() else " ".join(args[1:4])[:60] or "?"
    return rss, name


def tree_rss(root: int, exclude: set[int] = frozenset()) -> dict[int, tuple[int, str]]:
    """Returns {pid: (rss bytes, name)} for root and its descendants, minus excluded subtrees."""
    children = _children_map()
    out: dict[int, tuple[int, str]] = {}
    stack = [root]
    while stack:
        pid = stack.pop()
        if pid in exclude:
            continue
        out[pid] = _rss_and_name(pid)
        stack.extend(children.get(pid, ()))
    return out


_TICKS = os.sysconf("SC_CLK_TCK")


def tree_cpu(root: int, exclude: set[int] = frozenset()) -> float:
    """Returns the CPU seconds used so far by root and its descendants, ended ones included."""
    return sum(tree_cpu_by_kind(root, exclude).values())


def tree_cpu_by_kind(root: int, exclude: set[int] = frozenset()) -> dict[str, float]:
    """Returns the CPU seconds used so far by root and its descendants, per kind of process.

    A process's own user and system time plus that of its children it has waited for: a worker
    that ended counts in its parent's figure, one that runs in its own.
    """
    children = _children_map()
    totals: dict[str, float] = {}
    stack = [root]
    while stack:
        pid = stack.pop()
        if pid in exclude:
            continue
        try:
            fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
        except OSError:
            continue
        kind = _kind(pid, _rss_and_name(pid)[1])
        totals[kind] = totals.get(kind, 0.0) + sum(int(f) for f in fields[11:15]) / _TICKS
        stack.extend(children.get(pid, ()))   # fields: utime, stime, cutime, cstime
    return totals


def _kind(pid: int, name: str) -> str:
    if pid == os.getpid():
        return "main process"
    if "prefect" in name or "uvicorn" in name:
        return "Prefect API server"
    if "forkserver" in name or "multiprocessing" in name:
        return "worker processes"
    return "other children"


class TreeMemory:
    """Samples the summed RSS of this process tree in a thread; keeps the peak and the CPU used."""

    def __init__(self, exclude: set[int] | None = None, interval: float = 0.2):
        self.exclude = set(exclude or ())
        self.interval = interval
        self.peak_rss = 0
        self.peak_by_kind: dict[str, int] = {}
        self.cpu_seconds = 0.0
        self.cpu_by_kind: dict[str, float] = {}
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._loop, daemon=True)

    def sample(self) -> None:
        """Takes one sample now and updates the peaks."""
        tree = tree_rss(os.getpid(), self.exclude)
        total = sum(rss for rss, _ in tree.values())
        if total > self.peak_rss:
            self.peak_rss = total
            by_kind: dict[str, int] = {}
            for pid, (rss, name) in tree.items():
                kind = _kind(pid, name)
                by_kind[kind] = by_kind.get(kind, 0) + rss
            self.peak_by_kind = by_kind

    def _loop(self) -> None:
        while not self._stop.wait(self.interval):
            self.sample()

    def __enter__(self) -> TreeMemory:
        self._cpu_before = tree_cpu_by_kind(os.getpid(), self.exclude)
        self.sample()
        self._thread.start()
        return self

    def __exit__(self, *exc: object) -> None:
        self._stop.set()
        self._thread.join()
        self.sample()
        after = tree_cpu_by_kind(os.getpid(), self.exclude)
        self.cpu_by_kind = {k: round(v - self._cpu_before.get(k, 0.0), 2) for k, v in after.items()}
        self.cpu_seconds = sum(self.cpu_by_kind.values())
