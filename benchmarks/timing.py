"""Timing shared by the benchmarks: the best of several runs, wall and CPU time."""

from __future__ import annotations

import time


def best_of(runs: int, fn) -> tuple[float, float]:
    """Best wall time (perf_counter) and best CPU time (process_time) over `runs` runs.

    CPU time is printed beside the wall time because it barely moves when other
    processes compete for the machine; ratios are computed from the wall times.
    """
    best_wall = best_cpu = float("inf")
    for _ in range(runs):
        start, start_cpu = time.perf_counter(), time.process_time()
        fn()
        best_wall = min(best_wall, time.perf_counter() - start)
        best_cpu = min(best_cpu, time.process_time() - start_cpu)
    return best_wall, best_cpu
