"""Work done ahead in a forked process while MkDocs builds pages (hooks/parallel.py).

The record pages built by the worker, the drawings of the visuals and the data
downloads each take seconds at thousands of records and need nothing from the
other pages. ``start`` runs a job in a child process; ``finish`` waits for it
and gives its result, or raises ``JobFailed`` with the child's traceback, so
the caller can stop the build or do the work itself.
"""

from __future__ import annotations

import gc
import logging
import os
import pickle
import tempfile
import traceback
from dataclasses import dataclass, field
from pathlib import Path
from typing import Callable


log = logging.getLogger("mkdocs.plugins.briefing")


class JobFailed(Exception):
    """A job ahead failed; the message is its traceback, or how its process ended."""


@dataclass(frozen=True)
class Job:
    pid: int
    result_file: Path
    # The process that started it, the only one that can wait for it: a process
    # forked later (the page worker) inherits the job but must do the work itself.
    parent: int = field(default_factory=os.getpid)


def start(work: Callable[[], object]) -> Job:
    """Run ``work`` in a forked child; its (picklable) result, or its traceback, comes back through a file."""
    handle, name = tempfile.mkstemp(prefix="book-ahead-", suffix=".pickle")
    os.close(handle)
    # Objects made so far (the data, the index...) go to the collector's permanent
    # generation, in both processes: its full scans would otherwise walk all of them
    # again and again, and in the child write to every one, copying the shared heap.
    gc.freeze()
    pid = os.fork()
    if pid:
        return Job(pid, Path(name))
    try:
        outcome = (True, work())
    except BaseException:  # reported to the parent, which decides what a failure means
        outcome = (False, traceback.format_exc())
    try:
        Path(name).write_bytes(pickle.dumps(outcome))
    finally:
        os._exit(0)


def finish(job: Job) -> object:
    """Wait for ``job`` and give its result; JobFailed if it failed."""
    if job.parent != os.getpid():
        raise JobFailed(f"the job was started by process {job.parent}, not by this one")
    _, status = os.waitpid(job.pid, 0)
    try:
        data = job.result_file.read_bytes()
    finally:
        job.result_file.unlink(missing_ok=True)
    if not data:
        raise JobFailed(f"the process exited with status {os.waitstatus_to_exitcode(status)} and no result")
    succeeded, value = pickle.loads(data)
    if not succeeded:
        raise JobFailed(value)
    return value


def finish_or_none(job: Job) -> object | None:
    """``finish``, or None if the job failed, for work the caller can do again itself.

    The failure is logged as information, not a warning: redone here, the work
    succeeds or fails the build with its own error.
    """
    try:
        return finish(job)
    except JobFailed as failure:
        log.info(f"Work done ahead failed, so it is done again here:\n{failure}")
        return None


def cancel(job: Job) -> None:
    """Stop ``job`` if it still runs (the build failed elsewhere) and forget its result."""
    if job.parent != os.getpid():
        return  # another process's job: not this one's to stop
    try:
        os.kill(job.pid, 9)
        os.waitpid(job.pid, 0)
    except (ProcessLookupError, ChildProcessError):
        pass  # already ended and reaped
    job.result_file.unlink(missing_ok=True)
