"""macros/ahead.py: jobs run in a forked process hand back their result or their failure."""

from __future__ import annotations

import logging
import os
import time

import pytest

from macros import ahead


def test_a_job_gives_back_its_result_from_another_process():
    job = ahead.start(lambda: {"pid": os.getpid(), "pages": [1, 2]})
    result = ahead.finish(job)
    assert result["pages"] == [1, 2] and result["pid"] != os.getpid()
    assert not job.result_file.exists()


def test_a_failed_job_raises_with_its_traceback():
    job = ahead.start(lambda: 1 / 0)
    with pytest.raises(ahead.JobFailed, match="ZeroDivisionError"):
        ahead.finish(job)


def test_work_the_caller_can_redo_gives_none_when_it_failed(caplog):
    with caplog.at_level(logging.INFO, logger="mkdocs.plugins.briefing"):
        assert ahead.finish_or_none(ahead.start(lambda: [][1])) is None
    assert "IndexError" in caplog.text
    assert ahead.finish_or_none(ahead.start(lambda: "drawn")) == "drawn"


def test_cancel_stops_a_job_still_running():
    job = ahead.start(lambda: time.sleep(600))
    ahead.cancel(job)
    # Killed and reaped: no such child is left, and no result file.
    assert not job.result_file.exists()
    with pytest.raises(ChildProcessError):
        os.waitpid(job.pid, os.WNOHANG)


def test_a_process_forked_later_cannot_wait_for_or_stop_a_job_it_inherited():
    # The page worker is forked after the drawings started: their jobs are not its children.
    drawing = ahead.start(lambda: time.sleep(600))
    try:
        def in_the_worker():
            ahead.cancel(drawing)  # not the worker's to stop: nothing happens
            with pytest.raises(ahead.JobFailed, match="started by process"):
                ahead.finish(drawing)
            return ahead.finish_or_none(drawing)
        assert ahead.finish(ahead.start(in_the_worker)) is None
        assert os.waitpid(drawing.pid, os.WNOHANG) == (0, 0)  # still running: the worker left it alone
    finally:
        ahead.cancel(drawing)
