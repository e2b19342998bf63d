"""`dealwatch run` says when it has to start a temporary Prefect server, and how to avoid it."""

from __future__ import annotations

import pytest

from flows.cli.run import temporary_server_note

pytestmark = pytest.mark.usefixtures("prefect_harness")


def test_no_note_with_a_prefect_server():
    assert temporary_server_note() is None   # the session's harness server is set


def test_without_a_server_the_run_says_it_starts_one_and_how_to_keep_one():
    from prefect.settings import PREFECT_API_URL, temporary_settings

    with temporary_settings(restore_defaults={PREFECT_API_URL}):
        note = temporary_server_note()
    assert note == ("note: no Prefect server set (PREFECT_API_URL), so this run starts a temporary one, "
                    "which takes several seconds; for runs from cron, keep one running (`prefect server "
                    "start`) and export PREFECT_API_URL=http://127.0.0.1:4200/api (README: Scheduling)")
