"""The worker processes of a district build, and the progress counter they advance.

Processes, not threads: build_site sets SOURCE_DATE_EPOCH in os.environ. They start
before the data is checked and load MkDocs and jieba's dictionary meanwhile; a worker is
renewed after a number of sites, which keeps its memory flat.
"""

from __future__ import annotations

import ctypes
import gc
import multiprocessing
import multiprocessing.pool
import os
import sys
from dataclasses import dataclass
from datetime import date
from multiprocessing.pool import AsyncResult
from pathlib import Path

from ..load.discover import community_folders
from .jobs import JobResult
from .project import cache_root
from .sitecache import KeyInputs, SiteCache, community_key

JOBS_ENV = "GONGSHI_JOBS"   # worker processes (default: the usable CPU cores)
# Sites a worker builds before a fresh one takes over. A worker's memory creeps up from one
# community to the next (by about 6 MB with PDFs, after the release below): renewing it
# now and then keeps the peak flat, for a second or two of warm-up each time.
TASKS_PER_WORKER, TASKS_PER_WORKER_PDF = 100, 25


def _warm_up() -> None:
    """In each worker as it starts: the imports and jieba's dictionary (a second or two)
    load here, while the main process is still checking the data."""
    import logging

    import jieba
    import material.plugins.search.plugin  # noqa: F401
    import mkdocs.commands.build  # noqa: F401

    from ..render import pages, views  # noqa: F401
    from ..site import mkdocs_build  # noqa: F401

    jieba.setLogLevel(logging.WARNING)
    jieba.initialize()


def _release_memory() -> None:
    """After each site: collect WeasyPrint's and MkDocs' cycles and hand freed heap back to
    the system (glibc keeps it otherwise), so a worker's resident size stays near its base."""
    gc.collect()
    try:
        ctypes.CDLL("libc.so.6").malloc_trim(0)
    except (OSError, AttributeError):
        pass  # not glibc


def _in_worker(build, job) -> JobResult:
    try:
        return build(job)
    finally:
        _release_memory()


def worker_count(pending: int) -> int:
    configured = os.environ.get(JOBS_ENV, "").strip()
    if configured.isdigit() and int(configured) > 0:
        cores = int(configured)
    else:
        cores = len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else (os.cpu_count() or 1)
    return max(1, min(cores, pending))


def _pool(workers: int, pdf: bool) -> multiprocessing.pool.Pool:
    # Started from a fork server (the default from Python 3.14), not forked from this
    # process, which may have threads (a test's web server, say) whose locks a fork would
    # copy mid-use. multiprocessing.Pool, not ProcessPoolExecutor, whose
    # max_tasks_per_child deadlocks on Python 3.11 to 3.14 (CPython gh-115634).
    methods = multiprocessing.get_all_start_methods()
    context = multiprocessing.get_context("forkserver" if "forkserver" in methods else "spawn")
    return context.Pool(processes=workers, initializer=_warm_up,
                        maxtasksperchild=TASKS_PER_WORKER_PDF if pdf else TASKS_PER_WORKER)


@dataclass
class Workers:
    """The worker processes of one build."""

    pool: multiprocessing.pool.Pool

    def submit(self, build, job, done=None) -> AsyncResult:
        return self.pool.apply_async(_in_worker, (build, job), callback=done, error_callback=done)

    @classmethod
    def for_jobs(cls, pending: int, *, pdf: bool) -> Workers:
        return cls(_pool(worker_count(pending), pdf))

    @classmethod
    def start(cls, data_dir: Path, as_of: date, *, pdf: bool, only: str | None) -> Workers | None:
        """Workers for a portal of several communities (else None), started before the data
        is checked: as many as there are communities to build plus the overview, up to the
        CPU cores."""
        folders = community_folders(data_dir)
        if len(folders) < 2:
            return None
        store = SiteCache(cache_root(data_dir) / "sites")
        wanted = [f for f in folders if only is None or f.name == only]
        try:
            shared = KeyInputs.of_build(data_dir, as_of, pdf).digest()
            # An estimate (the check may still change what is built): is an entry recorded at all?
            stale = sum(1 for f in wanted if store.recorded(f.name, community_key(shared, f.name, f)) is None)
        except OSError:
            stale = len(wanted)   # an unreadable file: the check reports it
        return cls.for_jobs(stale + (0 if only else 1), pdf=pdf)   # they start warming up now

    def close(self) -> None:
        """Stop the workers; a site still being built is abandoned (its cache entry appears
        only by a rename of a finished build)."""
        self.pool.terminate()
        self.pool.join()


class Progress:
    """A counter on a terminal; silent in CI logs, where only the summary is printed."""

    def __init__(self, total: int):
        self.total, self.done = total, 0
        self.live = total > 1 and sys.stderr.isatty()

    def step(self, _result=None) -> None:
        self.done += 1
        if self.live:
            sys.stderr.write(f"\r构建小区网站 {self.done}/{self.total}")
            sys.stderr.flush()

    def close(self) -> None:
        if self.live:
            sys.stderr.write("\n")
