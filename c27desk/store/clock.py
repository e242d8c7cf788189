"""Timestamps and the acting user, in one place so tests and the audit log agree."""

from __future__ import annotations

import getpass
import os
from datetime import UTC, datetime, timedelta, timezone

# Vietnam keeps one offset all year (no daylight saving); people read times in it, files store UTC
VN_TIME = timezone(timedelta(hours=7), "GMT+7")


def now() -> str:
    """UTC, ISO 8601 with milliseconds: sortable as text and unambiguous across offices."""
    return datetime.now(UTC).isoformat(timespec="milliseconds")


def current_user() -> str:
    """Who is acting: ``C27DESK_USER`` if set, else the operating-system login."""
    user = os.environ.get("C27DESK_USER")
    if user:
        return user
    try:
        return getpass.getuser()
    except Exception:  # noqa: BLE001 - no login name on some locked-down machines
        return "unknown"


def vn_display(stamp: str | datetime | None, fmt: str = "%d/%m/%Y %H:%M") -> str:
    """A time (stored UTC text or an aware datetime) as people in Vietnam read it; none stays empty,
    junk text is shown as it is."""
    if not stamp:
        return ""
    try:
        when = stamp if isinstance(stamp, datetime) else datetime.fromisoformat(stamp)
    except ValueError:
        return str(stamp)
    return when.astimezone(VN_TIME).strftime(fmt)
