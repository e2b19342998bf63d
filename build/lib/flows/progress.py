"""Progress of a run, told through logging so the pipeline needs no reference to a display.

The pipeline calls advance("feeds polled", total=12) as work completes, from any thread; the
`dealwatch run` command, on an interactive terminal, listens on the `dealwatch.progress` logger and
draws progress bars. Nobody listening (a served run, a test) costs one disabled-logger check.

    advance("feeds polled", total=len(feeds))     # one more of 12
"""

from __future__ import annotations

import logging

LOGGER = "dealwatch.progress"
log = logging.getLogger(LOGGER)


def advance(stage: str, *, total: int, step: int = 1) -> None:
    """Tells listeners that `step` more items of `stage` (out of `total`) are done."""
    if log.isEnabledFor(logging.DEBUG):
        log.debug("%s: +%d of %d", stage, step, total,
                  extra={"dw_stage": stage, "dw_step": step, "dw_total": total})
