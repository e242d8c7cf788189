"""Errors that reach a user carry their message in Vietnamese and English.

Every failure a user can cause (a bad file, a bad cell, a wrong command) is raised as a
``C27Error`` so that the command line and the window can show one clear line in the
user's language without knowing where it came from.
"""

from __future__ import annotations

import os


def current_language() -> str:
    """The interface language: ``vi`` unless ``C27DESK_LANG`` asks for English."""
    lang = os.environ.get("C27DESK_LANG", "vi").strip().lower()
    return "en" if lang.startswith("en") else "vi"


class C27Error(Exception):
    """A failure with a message for people, in both languages, and an optional code."""

    def __init__(self, vi: str, en: str, *, code: str | None = None, where: str | None = None):
        self.vi = vi
        self.en = en
        self.code = code
        self.where = where
        super().__init__(self.message("en"))

    def message(self, lang: str | None = None) -> str:
        lang = lang or current_language()
        text = self.en if lang == "en" else self.vi
        if self.where:
            text = f"{self.where}: {text}"
        return text

    def __str__(self) -> str:
        return self.message()


class InputError(C27Error):
    """A value typed or loaded by a user that cannot be accepted."""


class CatalogueError(C27Error):
    """A catalogue file that does not describe a usable catalogue."""


class StoreError(C27Error):
    """The database refused an operation (locked report, unknown unit, newer schema...)."""
