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


def vn_display(stamp: str, fmt: str = "%d/%m/%Y %H:%M") -> str:
    """A stored UTC timestamp as people in Vietnam read it; empty stays empty, junk is shown as it is."""
    if not stamp:
        return ""
    try:
        return datetime.fromisoformat(stamp).astimezone(VN_TIME).strftime(fmt)
    except ValueError:
        return stamp
