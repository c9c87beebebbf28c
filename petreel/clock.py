"""Calendar days in UTC: the one definition of "today" for quotas, caps and listings (pure).

The free allowance, the per-user expansion cap and the job rows all count per UTC day; each asks
``utc_day`` so that they agree on when a day starts (00:00 UTC).
"""

from __future__ import annotations

from datetime import UTC, datetime, timedelta


def utc_day(when: float | datetime) -> str:
    """``YYYY-MM-DD`` of a unix time or a datetime in UTC (a naive datetime is taken as UTC).

    The strings sort in calendar order, so ``utc_day(a) < utc_day(b)`` means an earlier day."""
    if isinstance(when, datetime):
        moment = when.astimezone(UTC) if when.tzinfo else when.replace(tzinfo=UTC)
    else:
        moment = datetime.fromtimestamp(when, UTC)
    return moment.strftime("%Y-%m-%d")


def next_utc_day(when: datetime) -> datetime:
    """The start (00:00 UTC) of the day after ``when``: when the daily allowances come back."""
    moment = when.astimezone(UTC) if when.tzinfo else when.replace(tzinfo=UTC)
    return datetime(moment.year, moment.month, moment.day, tzinfo=UTC) + timedelta(days=1)
