"""Timestamps and the acting user, in one place so tests and the audit log agree."""

from __future__ import annotations

import getpass
import os
from datetime import UTC, datetime

from c27desk.i18n import VN_TIME, moment  # noqa: F401 - VN_TIME: Vietnam keeps one offset all year


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


def vn_display(stamp: str | datetime | None, fmt: str | None = None, *, seconds: bool = False) -> str:
    """A time (stored UTC text or a datetime) as people in Vietnam read it: "dd/mm/yyyy HH:MM (GMT+7)",
    the one form :func:`c27desk.i18n.moment` gives everywhere; none stays empty, junk text is shown as it is.
    ``fmt`` is for a window cell that has no room for the date (a clock shows only the hour)."""
    if not stamp:
        return ""
    try:
        when = stamp if isinstance(stamp, datetime) else datetime.fromisoformat(stamp)
    except ValueError:
        return str(stamp)
    if fmt is None:
        return moment(when, seconds=seconds)
    if when.tzinfo is None:
        when = when.replace(tzinfo=UTC)
    return when.astimezone(VN_TIME).strftime(fmt)
