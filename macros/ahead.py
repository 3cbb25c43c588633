"""Work done ahead in a forked process while MkDocs builds pages (hooks/parallel.py).

Drawing the visuals and writing the data downloads each take seconds at
thousands of records and need nothing from the pages. ``start`` runs a job in
a child process; ``finish`` waits for it and gives its result, or None if it
failed (its traceback is printed), so the caller does the work itself and
any real error surfaces in the build.
"""

from __future__ import annotations

import os
import pickle
import tempfile
import traceback
from dataclasses import dataclass
from pathlib import Path
from typing import Callable


@dataclass(frozen=True)
class Job:
    pid: int
    result_file: Path


def start(work: Callable[[], object]) -> Job:
    """Run ``work`` in a forked child; its (picklable) result comes back through a file."""
    handle, name = tempfile.mkstemp(prefix="book-ahead-", suffix=".pickle")
    os.close(handle)
    pid = os.fork()
    if pid:
        return Job(pid, Path(name))
    status = 0
    try:
        Path(name).write_bytes(pickle.dumps(work()))
    except BaseException:  # the parent does the work again and reports any real error
        traceback.print_exc()
        status = 1
    os._exit(status)


def finish(job: Job) -> object | None:
    """Wait for ``job``; its result, or None if it failed."""
    _, status = os.waitpid(job.pid, 0)
    try:
        if os.waitstatus_to_exitcode(status) == 0:
            return pickle.loads(job.result_file.read_bytes())
        return None
    finally:
        job.result_file.unlink(missing_ok=True)
