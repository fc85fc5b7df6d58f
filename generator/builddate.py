"""The build date: --as-of, else SOURCE_DATE_EPOCH, else today in Asia/Shanghai."""

from __future__ import annotations

import os
from datetime import date, datetime, timezone
from zoneinfo import ZoneInfo

CHINA = ZoneInfo("Asia/Shanghai")


class BadDate(ValueError):
    pass


# A build date outside this century is a typo (0205-11-25, 20261-01-01), and dates far from
# the data's reach the limits of date arithmetic and of formatting.
EARLIEST, LATEST = date(2000, 1, 1), date(2099, 12, 31)


def _in_range(day: date, source: str) -> date:
    if not EARLIEST <= day <= LATEST:
        raise BadDate(f"{source}应在 {EARLIEST} 至 {LATEST} 之间，实际是 {day.isoformat()}")
    return day


def resolve_build_date(as_of: str | None, environ=os.environ) -> date:
    if as_of:
        try:
            day = date.fromisoformat(as_of)
        except ValueError:
            raise BadDate(f"--as-of 应为 YYYY-MM-DD 格式的日期，实际是“{as_of}”") from None
        return _in_range(day, "--as-of ")
    epoch = environ.get("SOURCE_DATE_EPOCH")
    if epoch:
        try:
            day = datetime.fromtimestamp(int(epoch), tz=timezone.utc).astimezone(CHINA).date()
        except (ValueError, OverflowError, OSError):
            raise BadDate(f"环境变量 SOURCE_DATE_EPOCH 应为整数秒，实际是“{epoch}”") from None
        return _in_range(day, "环境变量 SOURCE_DATE_EPOCH 表示的日期")
    return _in_range(datetime.now(tz=CHINA).date(), "本机的日期")


def epoch_of(day: date) -> int:
    """SOURCE_DATE_EPOCH for a build date: midnight of that day in Asia/Shanghai."""
    return int(datetime(day.year, day.month, day.day, tzinfo=CHINA).timestamp())
