"""The build date: --as-of, else SOURCE_DATE_EPOCH, else today in Asia/Shanghai."""

from __future__ import annotations

import os
from datetime import date, datetime, timezone
from zoneinfo import ZoneInfo

CHINA = ZoneInfo("Asia/Shanghai")


class BadDate(ValueError):
    pass


def resolve_build_date(as_of: str | None, environ=os.environ) -> date:
    if as_of:
        try:
            return date.fromisoformat(as_of)
        except ValueError:
            raise BadDate(f"--as-of 应为 YYYY-MM-DD 格式的日期，实际是“{as_of}”") from None
    epoch = environ.get("SOURCE_DATE_EPOCH")
    if epoch:
        try:
            return datetime.fromtimestamp(int(epoch), tz=timezone.utc).astimezone(CHINA).date()
        except (ValueError, OverflowError, OSError):
            raise BadDate(f"环境变量 SOURCE_DATE_EPOCH 应为整数秒，实际是“{epoch}”") from None
    return datetime.now(tz=CHINA).date()


def epoch_of(day: date) -> int:
    """SOURCE_DATE_EPOCH for a build date: midnight of that day in Asia/Shanghai."""
    return int(datetime(day.year, day.month, day.day, tzinfo=CHINA).timestamp())
