"""Prefect flows and tasks, HTTP fetching, the CLI and alerting: everything that does I/O."""
