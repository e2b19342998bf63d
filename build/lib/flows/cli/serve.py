"""`dealwatch serve`: run the monitor on a schedule as a Prefect deployment until stopped."""

from __future__ import annotations

import logging

log = logging.getLogger("dealwatch.serve")


def register(sub) -> None:
    p = sub.add_parser(
        "serve", help="run the monitor on its schedule (a Prefect deployment) until stopped",
        description="Serve the monitoring flow as the Prefect deployment dealwatch-monitor/dealwatch, "
                    "on the config's [schedule] (cron and time zone) or the --cron / --interval given. "
                    "Runs against Prefect's default local API, or the Prefect server named by "
                    "PREFECT_API_URL. Ctrl-C or SIGTERM stops it after the run in progress finishes.")
    p.add_argument("--config", help="config file (default ./dealwatch.toml or $DEALWATCH_CONFIG)")
    when = p.add_mutually_exclusive_group()
    when.add_argument("--cron", help='cron expression overriding [schedule] cron, e.g. "0 7 * * 1-5"')
    when.add_argument("--interval", type=float, metavar="MINUTES",
                      help="run every MINUTES minutes instead of on the cron schedule")
    p.set_defaults(func=cmd_serve)


def cmd_serve(args) -> int:
    from prefect.settings import PREFECT_API_URL

    from flows.config import config_path, load_settings
    from flows.serving import (Server, build_deployment, describe_schedule, make_schedule,
                               serve_until_signalled, shared_api)

    settings = load_settings(args.config)   # a bad config fails here, before Prefect starts
    schedule = make_schedule(settings, cron=args.cron, interval_minutes=args.interval)
    config_file = config_path(args.config).resolve()
    local = not PREFECT_API_URL.value()
    with shared_api() as api:
        server = Server(build_deployment(config_file, schedule))
        deployment_id = server.start()
        log.info("serving dealwatch-monitor/dealwatch (deployment %s) on %s; config %s; API %s%s",
                 deployment_id, describe_schedule(schedule), config_file, api,
                 " (Prefect's local server: no PREFECT_API_URL set)" if local else "")
        log.info("Ctrl-C or SIGTERM stops serving after the run in progress")
        serve_until_signalled(server)
    log.info("stopped")
    return 0
