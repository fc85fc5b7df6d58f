"""Print the fuzz budget (examples and seconds) at the end of every run that fuzzed."""

from __future__ import annotations


def pytest_terminal_summary(terminalreporter):
    from .budget import PLANNED, SCALE

    reports = [r for key in ("passed", "failed") for r in terminalreporter.stats.get(key, [])
               if r.when == "call" and "tests/fuzz/" in r.nodeid]
    if reports:
        seconds = sum(r.duration for r in reports)
        terminalreporter.write_line(f"fuzz budget: {sum(PLANNED):,} examples over {len(PLANNED)} properties "
                                    f"(GONGSHI_FUZZ_SCALE={SCALE:g}), {seconds:.0f} s")
