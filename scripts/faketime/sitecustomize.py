"""Loaded by every Python process that scripts/test-at-date.sh starts (through PYTHONPATH).

The script fakes only the wall clock (FAKETIME_DONT_FAKE_MONOTONIC=1): a faked monotonic
clock makes Python's timed lock waits (sem_clockwait, which libfaketime 0.9.10 does not
intercept) wait forever. With the monotonic clock left alone, libfaketime 0.9.10 turns the
absolute deadline of clock_nanosleep(CLOCK_MONOTONIC, TIMER_ABSTIME), which time.sleep
uses since Python 3.11, into a negative time and the kernel answers EINVAL (libfaketime
issue 426). So time.sleep waits in select() instead, which libfaketime passes through.
"""

import select
import time

_monotonic = time.monotonic


def _sleep(seconds):
    if seconds < 0:
        raise ValueError("sleep length must be non-negative")
    deadline = _monotonic() + seconds
    while (left := deadline - _monotonic()) > 0:
        select.select([], [], [], left)


time.sleep = _sleep
