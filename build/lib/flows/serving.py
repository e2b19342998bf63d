"""`dealwatch serve`: the monitor as a Prefect deployment on a schedule, served until told to stop.

    schedule = make_schedule(settings, interval_minutes=None)      # the config's cron, or an override
    server = Server(build_deployment(config_file, schedule))
    server.start()          # registers the deployment, then runs it on schedule in this process
    ...                     # SIGINT / SIGTERM →
    server.stop()           # no new runs; waits for the run in progress; pauses the schedule

Why not `prefect.serve()`: on Ctrl-C or SIGTERM it cancels the run in progress, and a served
deployment on Prefect's default local (ephemeral) API never runs on schedule, because the ephemeral
server does not run Prefect's scheduler service. So the Prefect Runner is driven from a thread here:
- the runner thread blocks SIGINT, and the flow-run processes it starts inherit that mask, so a
  Ctrl-C at the terminal (sent to the whole process group) reaches only this process, which then
  stops taking new runs and waits for the current one to finish;
- a keeper asks the API to create the deployment's next scheduled runs (`POST /deployments/{id}/
  schedule`, the call Prefect's own scheduler makes). Scheduled runs have idempotency keys, so on a
  Prefect server whose scheduler also runs, nothing is created twice.
"""

from __future__ import annotations

import asyncio
import contextvars
import logging
import os
import signal
import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager
from datetime import datetime, timedelta, timezone
from pathlib import Path
from typing import TYPE_CHECKING
from uuid import UUID

from extract.errors import ConfigError
from flows.config import Settings

if TYPE_CHECKING:
    from prefect.deployments.runner import RunnerDeployment
    from prefect.schedules import Schedule

log = logging.getLogger("dealwatch.serve")

DEPLOYMENT_NAME = "dealwatch"          # shown in Prefect as dealwatch-monitor/dealwatch
KEEP_SCHEDULED_SECONDS = 30            # how often the keeper asks for the next scheduled runs
SCHEDULE_AHEAD = timedelta(hours=1)    # how far ahead it asks
MISSED_AFTER = timedelta(minutes=1)    # a scheduled run this late when serving starts was missed


# ---------------------------------------------------------------- the schedule

def cron_problem(cron: object) -> str | None:
    """Returns why a cron expression is unusable (Prefect's own validation), or None when it is fine."""
    from prefect.client.schemas.schedules import CronSchedule
    from pydantic import ValidationError

    if not isinstance(cron, str):
        return f"key 'schedule.cron': must be a string such as \"*/15 * * * *\" (got {cron!r})"
    try:
        CronSchedule(cron=cron)
    except ValidationError:
        return (f"key 'schedule.cron': {cron!r} is not a valid cron expression "
                "(five fields: minute hour day-of-month month day-of-week, e.g. \"*/15 * * * *\")")
    return None


def timezone_problem(tz: object) -> str | None:
    """Returns why a time zone name is unusable (not an IANA name Prefect knows), or None."""
    from prefect.client.schemas.schedules import CronSchedule
    from pydantic import ValidationError

    if not isinstance(tz, str):
        return f"key 'schedule.timezone': must be a string such as \"Europe/Berlin\" (got {tz!r})"
    try:
        CronSchedule(cron="* * * * *", timezone=tz)
    except ValidationError:
        return (f"key 'schedule.timezone': {tz!r} is not a known time zone "
                "(use an IANA name such as \"UTC\", \"Europe/Berlin\" or \"America/New_York\")")
    return None


def make_schedule(settings: Settings, *, cron: str | None = None,
                  interval_minutes: float | None = None) -> Schedule:
    """Returns the Prefect schedule to serve: --interval, else --cron, else the config's cron.

    Raises ConfigError naming every problem (bad cron, unknown time zone, non-positive interval).
    """
    from prefect.schedules import Cron, Interval

    tz = settings.schedule.timezone
    problems = [p for p in [timezone_problem(tz)] if p]
    if interval_minutes is not None:
        if interval_minutes <= 0:
            problems.append(f"--interval must be a positive number of minutes (got {interval_minutes:g})")
    else:
        expr = cron or settings.schedule.cron
        problem = cron_problem(expr)
        if problem:
            problems.append(problem.replace("key 'schedule.cron'", "--cron") if cron else problem)
    if problems:
        raise ConfigError(f"{settings.source or 'config'}: " + "; ".join(problems))
    if interval_minutes is not None:
        return Interval(timedelta(minutes=interval_minutes), timezone=tz)
    return Cron(cron or settings.schedule.cron, timezone=tz)


def describe_schedule(schedule: Schedule) -> str:
    """Returns a schedule in words: 'cron "*/15 * * * *" (UTC)' or 'every 5 min (UTC)'."""
    if schedule.cron:
        return f'cron "{schedule.cron}" ({schedule.timezone or "UTC"})'
    minutes = schedule.interval.total_seconds() / 60
    return f"every {minutes:g} min ({schedule.timezone or 'UTC'})"


def build_deployment(config_file: str | Path, schedule: Schedule) -> RunnerDeployment:
    """Returns the monitor flow as a deployment running the given config file on the schedule."""
    from prefect.types.entrypoint import EntrypointType

    from flows.pipeline import monitor

    return monitor.to_deployment(
        name=DEPLOYMENT_NAME,
        schedules=[schedule],
        parameters={"config": str(Path(config_file).resolve())},
        paused=False,   # serving again after a stop resumes the schedule the stop paused
        tags=["dealwatch"],
        description="One dealwatch monitoring pass over the feeds that are due.",
        # a module path, not a file path: the flow-run process imports the installed package,
        # whatever directory serve was started from
        entrypoint_type=EntrypointType.MODULE_PATH,
    )


# ---------------------------------------------------------------- serving

class Server:
    """Serves one deployment with a Prefect Runner in a background thread (see the module docstring)."""

    def __init__(self, deployment: RunnerDeployment, *, poll_seconds: float | None = None):
        from prefect.runner import Runner

        self.deployment = deployment
        # limit=1: a due run waits while one is going (the database lock would skip it anyway)
        self.runner = Runner(name="dealwatch", limit=1, query_seconds=poll_seconds,
                             pause_on_shutdown=True)
        self.deployment_id: UUID | None = None
        self._loop: asyncio.AbstractEventLoop | None = None
        self._ready = threading.Event()
        self._failure: BaseException | None = None
        # the thread sees this thread's Prefect settings (e.g. the API URL chosen by shared_api())
        context = contextvars.copy_context()
        self._thread = threading.Thread(target=context.run, args=(self._thread_main,),
                                        name="dealwatch-runner", daemon=True)

    def start(self, timeout: float = 120.0) -> UUID:
        """Registers the deployment and starts serving; returns the deployment id."""
        self._thread.start()
        if not self._ready.wait(timeout):
            raise ConfigError(f"the Prefect API did not answer within {timeout:.0f}s; check PREFECT_API_URL")
        if self._failure is not None:
            raise self._failure
        assert self.deployment_id is not None
        return self.deployment_id

    def stop(self, timeout: float | None = None) -> None:
        """Stops taking runs, waits for the run in progress (at most timeout seconds), then returns."""
        if self._loop is None or not self._thread.is_alive():
            return
        asyncio.run_coroutine_threadsafe(self._drain_and_stop(timeout), self._loop)
        self._thread.join()

    @property
    def running(self) -> bool:
        return self._thread.is_alive()

    def _thread_main(self) -> None:
        # Inherited by the flow-run processes this thread starts: a Ctrl-C meant for `serve` must
        # not interrupt the run in progress (see the module docstring).
        signal.pthread_sigmask(signal.SIG_BLOCK, {signal.SIGINT})
        try:
            asyncio.run(self._main())
        except BaseException as exc:  # reported to start(), or logged when serving had begun
            if not self._ready.is_set():
                self._failure = exc
                self._ready.set()
            else:
                log.error("serving stopped: %s", exc)

    async def _main(self) -> None:
        import anyio

        self._loop = asyncio.get_running_loop()
        self.deployment_id = await self.runner.aadd_deployment(self.deployment)
        await self._cancel_missed_runs()
        self._ready.set()
        async with anyio.create_task_group() as group:
            group.start_soon(self._keep_scheduled)
            await self.runner.start()          # returns once _drain_and_stop() stopped the runner
            group.cancel_scope.cancel()        # and the keeper with it

    async def _cancel_missed_runs(self) -> None:
        # Runs that fell due while nobody served would otherwise run back to back now; one run
        # polls every due feed anyway, so the missed ones are cancelled, saying why.
        from prefect.client.orchestration import get_client
        from prefect.client.schemas.filters import (DeploymentFilter, DeploymentFilterId, FlowRunFilter,
                                                    FlowRunFilterExpectedStartTime, FlowRunFilterState,
                                                    FlowRunFilterStateType)
        from prefect.client.schemas.objects import StateType
        from prefect.states import Cancelled

        async with get_client() as client:
            missed = await client.read_flow_runs(
                deployment_filter=DeploymentFilter(id=DeploymentFilterId(any_=[self.deployment_id])),
                flow_run_filter=FlowRunFilter(
                    state=FlowRunFilterState(type=FlowRunFilterStateType(any_=[StateType.SCHEDULED])),
                    expected_start_time=FlowRunFilterExpectedStartTime(
                        before_=datetime.now(timezone.utc) - MISSED_AFTER)))
            for run in missed:
                await client.set_flow_run_state(
                    run.id, Cancelled(message="missed while dealwatch serve was not running"), force=True)
        if missed:
            log.info("cancelled %d run(s) missed while not serving; the first run polls every due feed",
                     len(missed))

    async def _keep_scheduled(self) -> None:
        from prefect.client.orchestration import get_client

        async with get_client() as client:
            while True:
                start = datetime.now(timezone.utc)
                try:
                    response = await client.request(
                        "POST", "/deployments/{id}/schedule", path_params={"id": self.deployment_id},
                        json={"start_time": start.isoformat(),
                              "end_time": (start + SCHEDULE_AHEAD).isoformat(), "min_runs": 1})
                    response.raise_for_status()
                except Exception as exc:  # the API may be briefly away; the next round retries
                    log.warning("could not schedule the next runs: %s", exc)
                await asyncio.sleep(KEEP_SCHEDULED_SECONDS)

    async def _drain_and_stop(self, timeout: float | None) -> None:
        # The runner's own stop() cancels runs in progress; so first stop it from taking new runs,
        # then wait until its one run slot is free (released when the run's process has exited),
        # then stop it.
        poller = getattr(self.runner, "_scheduled_run_poller", None)
        if poller is not None:
            poller.stopping = True
        deadline = None if timeout is None else time.monotonic() + timeout
        announced = False
        while not self.runner.has_slots_available():
            if not announced:
                log.warning("waiting for the run in progress to finish (stop again to abandon it)")
                announced = True
            if deadline is not None and time.monotonic() > deadline:
                log.warning("gave up waiting for the run in progress")
                break
            await asyncio.sleep(0.5)
        await self.runner.astop()


@contextmanager
def shared_api() -> Iterator[str]:
    """Yields the Prefect API URL to serve against, starting Prefect's local server when none is set.

    Without PREFECT_API_URL every Prefect process starts its own temporary server (seconds each);
    the flow-run processes of `serve` are pointed at the one started here instead.
    """
    from prefect.settings import PREFECT_API_URL, temporary_settings

    configured = PREFECT_API_URL.value()
    if configured:
        yield configured
        return
    from prefect.server.api.server import SubprocessASGIServer

    local = SubprocessASGIServer()
    local.start()
    os.environ["PREFECT_API_URL"] = local.api_url    # for the flow-run processes
    with temporary_settings(updates={PREFECT_API_URL: local.api_url}):
        try:
            yield local.api_url
        finally:
            os.environ.pop("PREFECT_API_URL", None)
            local.stop()


def serve_until_signalled(server: Server) -> None:
    """Serves until SIGINT or SIGTERM, then stops gracefully; a second signal abandons the run."""
    stop = threading.Event()
    signals = 0

    def on_signal(signum, frame):
        nonlocal signals
        signals += 1
        if signals > 1:
            raise KeyboardInterrupt
        log.warning("%s received: finishing the run in progress, then stopping",
                    signal.Signals(signum).name)
        stop.set()

    previous = {s: signal.signal(s, on_signal) for s in (signal.SIGINT, signal.SIGTERM)}
    try:
        while not stop.wait(0.5):
            if not server.running:
                raise ConfigError("the Prefect runner stopped unexpectedly; see the log above")
        server.stop()
    finally:
        for s, handler in previous.items():
            signal.signal(s, handler)
