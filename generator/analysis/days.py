"""Day counting as the spec defines it."""

from __future__ import annotations

from datetime import date


def days_inclusive(first: date, last: date) -> int:
    """Days of a period counting both ends: 02-10 to 02-24 is 15 days."""
    return (last - first).days + 1


def days_between(earlier: date, later: date) -> int:
    """later − earlier in days (voting.start − period.from, published − voting.end)."""
    return (later - earlier).days
