"""Exit codes (cli.md) and the one error type for "the run cannot go on".

Bad data is reported as problems (problems.py) and never raised. `Stop` is for a run
that cannot continue at all: it is raised where the fact is known, carries its exit
code and a Chinese message for the person at the terminal, and only the command line
turns it into an exit status. No exit code is ever chosen from message text.
"""

from __future__ import annotations

from enum import IntEnum


class ExitCode(IntEnum):
    OK = 0            # success (warnings allowed)
    DATA = 1          # the data has errors
    USAGE = 2         # wrong usage: options, arguments, a revision or folder that does not exist
    ENVIRONMENT = 3   # the machine lacks something (a CJK font, jieba, git …); the message names the fix


class Stop(Exception):
    """The run cannot go on; `exit_code` says why, the message says what to do."""

    def __init__(self, message: str, exit_code: ExitCode = ExitCode.DATA):
        super().__init__(message)
        self.message = message
        self.exit_code = ExitCode(exit_code)

    @classmethod
    def data(cls, message: str) -> "Stop":
        return cls(message, ExitCode.DATA)

    @classmethod
    def usage(cls, message: str) -> "Stop":
        return cls(message, ExitCode.USAGE)

    @classmethod
    def environment(cls, message: str) -> "Stop":
        return cls(message, ExitCode.ENVIRONMENT)
