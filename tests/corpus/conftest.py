"""Print the corpus size at the end of every run that ran it."""

from __future__ import annotations


def pytest_terminal_summary(terminalreporter):
    reports = [r for key in ("passed", "failed") for r in terminalreporter.stats.get(key, [])
               if r.when == "call" and "tests/corpus/test_corpus.py::test_case[" in r.nodeid]
    if reports:
        from .cases import ALL_CASES, FILE_CASES, LEGITIMATE_BUILD

        terminalreporter.write_line(
            f"corpus: {len(ALL_CASES)} cases ({len(FILE_CASES)} files in tests/corpus/files/, "
            f"{len(ALL_CASES) - len(FILE_CASES)} generated in cases.py; {len(LEGITIMATE_BUILD)} legitimate ones "
            f"also built), {len(reports)} run")
