"""Peak memory of a process tree, sampled from /proc (Linux), without a dependency.

    with TreeMemory(exclude={server_pid}) as mem:
        run()
    print(mem.peak_rss, mem.peak_by_name)

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


def _kind(pid: int, name: str) -> str:
    if pid == os.getpid():
        return "main process"
    if "prefect" in name or "uvicorn" in name:
        return "Prefect API server"
    if "forkserver" in name or "multiprocessing" in name:
        return "worker processes"
    return "other children"


class TreeMemory:
    """Samples the summed RSS of this process tree in a thread; keeps the peak."""

    def __init__(self, exclude: set[int] | None = None, interval: float = 0.2):
        self.exclude = set(exclude or ())
        self.interval = interval
        self.peak_rss = 0
        self.peak_by_kind: dict[str, int] = {}
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
        self.sample()
        self._thread.start()
        return self

    def __exit__(self, *exc: object) -> None:
        self._stop.set()
        self._thread.join()
        self.sample()
