"""The wall time of a no-change `dealwatch run`, as cron starts it: against a running Prefect server
(PREFECT_API_URL) and without one (the run starts a temporary server).

    .venv/bin/python benchmarks/rerun.py [--feeds 20] [--repeat 5]

Everything on 127.0.0.1: the generated corpus (benchmarks/corpus.py, 2 pages per feed) served by
tests/httpserver.py; `prefect server start` on a free port with a fresh PREFECT_HOME. Each
`dealwatch run --all` is a new process, timed from start to exit; the first run reads the pages,
the reruns find every feed unchanged (304) and read nothing.
"""

from __future__ import annotations

import argparse
import os
import platform
import resource
import shutil
import socket
import statistics
import subprocess
import sys
import tempfile
import time
import urllib.request
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
if str(ROOT) not in sys.path:  # run as a script from anywhere: the repo's packages come first
    sys.path.insert(0, str(ROOT))

from benchmarks.corpus import write_corpus  # noqa: E402
from benchmarks.pipeline import CorpusServer, _config  # noqa: E402


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def _env(home: Path, api_url: str | None) -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if not k.startswith(("DEALWATCH_", "PREFECT_"))}
    env.update(PREFECT_HOME=str(home), PYTHONPATH=str(ROOT), PREFECT_SERVER_ANALYTICS_ENABLED="false",
               DO_NOT_TRACK="1", PREFECT_SERVER_EPHEMERAL_STARTUP_TIMEOUT_SECONDS="120")
    if api_url:
        env["PREFECT_API_URL"] = api_url
    return env


def _run(config: Path, env: dict[str, str]) -> tuple[float, float, str]:
    """Returns (wall seconds, CPU seconds of the process and its children, stderr) of one run."""
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    started = time.perf_counter()
    proc = subprocess.run([sys.executable, "-m", "flows.cli", "run", "--all", "--config", str(config)],
                          cwd=ROOT, env=env, capture_output=True, text=True, timeout=600)
    wall = time.perf_counter() - started
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    if proc.returncode != 0:
        raise SystemExit(f"Error: dealwatch run failed ({proc.returncode}):\n{proc.stdout}\n{proc.stderr}")
    cpu = (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)
    return wall, cpu, proc.stderr


def _wait_healthy(url: str, server: subprocess.Popen, seconds: float = 180) -> None:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        if server.poll() is not None:
            raise SystemExit(f"Error: prefect server start exited ({server.returncode})")
        try:
            with urllib.request.urlopen(f"{url}/health", timeout=2) as response:
                if response.status == 200:
                    return
        except OSError:
            time.sleep(0.5)
    raise SystemExit(f"Error: the Prefect server at {url} did not answer within {seconds:.0f}s")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--feeds", type=int, default=20, help="feeds (default 20)")
    parser.add_argument("--repeat", type=int, default=5, help="no-change reruns to time (default 5)")
    args = parser.parse_args(argv)
    tmp = Path(tempfile.mkdtemp(prefix="dealwatch-rerun-"))
    info = write_corpus(tmp / "corpus", pages=2 * args.feeds, feeds=args.feeds)
    port = _free_port()
    api = f"http://127.0.0.1:{port}/api"
    server_home = tmp / "prefect-server"
    try:
        with CorpusServer(tmp / "corpus") as corpus:
            config = _config(tmp / "dealwatch.toml", tmp / "rerun.duckdb", corpus.base, info.feeds,
                             tmp / "outbox")
            server = subprocess.Popen(
                [sys.executable, "-m", "prefect", "server", "start", "--host", "127.0.0.1", "--port",
                 str(port), "--no-ui"], env=_env(server_home, None),
                stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
            try:
                _wait_healthy(api, server)
                with_server = _env(tmp / "prefect-client", api)
                first = _run(config, with_server)
                reruns = [_run(config, with_server) for _ in range(args.repeat)]
            finally:
                server.terminate()
                server.wait(30)
            temporary = [_run(config, _env(tmp / f"prefect-temp-{i}", None)) for i in range(2)]
    finally:
        shutil.rmtree(tmp, ignore_errors=True)
    walls = [w for w, _, _ in reruns]
    print(f"{args.feeds} feeds, {2 * args.feeds} pages on 127.0.0.1; each run a new `dealwatch run --all` process")
    print(f"first run (reads the pages), with a running server: {first[0]:.2f}s, {first[1]:.2f} CPU s")
    print(f"no-change rerun, running Prefect server (PREFECT_API_URL): median {statistics.median(walls):.2f}s "
          f"(min {min(walls):.2f}, max {max(walls):.2f}); CPU {statistics.median(c for _, c, _ in reruns):.2f}s")
    print(f"no-change rerun, no server (temporary one started): "
          + ", ".join(f"{w:.2f}s ({c:.2f} CPU s)" for w, c, _ in temporary))
    said = [line for line in temporary[0][2].splitlines() if line.startswith("note: no Prefect server")]
    print(f"  the run says: {said[0] if said else '(nothing about the temporary server!)'}")
    print(f"load average at the end: {' '.join(f'{x:.1f}' for x in os.getloadavg())}; machine: "
          f"{os.cpu_count()} cores, {platform.platform()}, Python {platform.python_version()}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
