"""Pure functions that turn feeds and pages into articles and events. No I/O, no Prefect."""
