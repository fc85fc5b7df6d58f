"""Day counting: the one place every "N days" rule counts its days.

site.yml `rules.period_counting` chooses between two ways (docs/decisions.md, 计日):

- `inclusive` (the default) counts as a notice states its period: both ends of a period
  count (02-10 to 02-24 is 15 days), and "N days before voting" counts from the first day
  of the notice up to the day before voting (voting.start − period.from).
- `civil_code_201`: 民法典第201条 "按照年、月、日计算期间的，开始的当日不计入，自下一日开始
  计算": the first day of a period is never counted (02-10 to 02-24 is 14 days), and the N
  days before voting lie wholly between the notice's first day and voting day.

"Within N days after an event" (a result notice after voting, filing after the election, a
statement after its period) never counts the event's own day: that is art. 201 already,
and what the spec writes as `published − voting.end ≤ N`. Both settings agree there, so
those functions take no setting.

By 民法典第1259条 "以上、以下、以内、届满" include the number itself: N days is enough.
"""

from __future__ import annotations

from datetime import date, timedelta

INCLUSIVE, CIVIL_CODE_201 = "inclusive", "civil_code_201"
COUNTINGS = (INCLUSIVE, CIVIL_CODE_201)

# How a message says which days were counted: a period's length, and the days ahead of an event.
LENGTH_NOTE = {INCLUSIVE: "首尾两日都算", CIVIL_CODE_201: "依民法典第二百零一条，开始的当日不计入"}
AHEAD_NOTE = {INCLUSIVE: "公示开始当日计入，表决当日不计入",
              CIVIL_CODE_201: "依民法典第二百零一条，公示开始当日不计入，表决当日也不计入"}


def _first_day_counts(counting: str) -> bool:
    if counting not in COUNTINGS:
        raise ValueError(f"unknown period counting {counting!r}")
    return counting == INCLUSIVE


# ---------------------------------------------------------------- a period's own length

def period_length(first: date, last: date, counting: str = INCLUSIVE) -> int:
    """Days a period from `first` to `last` lasts (a notice's 公示期)."""
    return (last - first).days + (1 if _first_day_counts(counting) else 0)


def shortest_period_end(first: date, days: int, counting: str = INCLUSIVE) -> date:
    """The earliest last day of a period that starts on `first` and lasts `days` days."""
    return first + timedelta(days=days - (1 if _first_day_counts(counting) else 0))


# ---------------------------------------------------------------- N days before an event

def days_ahead(first: date, event: date, counting: str = INCLUSIVE) -> int:
    """Days a period starting on `first` runs before `event` begins (a pre-vote notice before
    voting). The event's own day is never among them; art. 201 also leaves out the first."""
    return (event - first).days - (0 if _first_day_counts(counting) else 1)


def latest_start_ahead(event: date, days: int, counting: str = INCLUSIVE) -> date:
    """The last day a period may start and still run `days` days before `event`."""
    return event - timedelta(days=days + (0 if _first_day_counts(counting) else 1))


def earliest_event_after(first: date, days: int, counting: str = INCLUSIVE) -> date:
    """The first day an event may begin when a period starting on `first` must run `days` days
    before it (the earliest voting day after a pre-vote notice; latest_start_ahead's inverse)."""
    return first + timedelta(days=days + (0 if _first_day_counts(counting) else 1))


# ---------------------------------------------------------------- within N days after an event

def days_after(event: date, day: date) -> int:
    """How many days after `event` `day` falls; the event's own day is not counted (art. 201),
    so the day after is 1."""
    return (day - event).days


def deadline_after(event: date, days: int) -> date:
    """The last day of "within `days` days after `event`" (以内 includes the last day, art. 1259)."""
    return event + timedelta(days=days)


def days_between(earlier: date, later: date) -> int:
    """later − earlier in days, for figures shown to people (days left, days overdue)."""
    return (later - earlier).days
