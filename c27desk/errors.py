"""Errors that reach a user carry their message as a :class:`~c27desk.i18n.Text`: both languages.

Every failure a user can cause (a bad file, a bad cell, a wrong command) is raised as a
``C27Error`` so that the command line and the window can show one clear line in the
user's language without knowing where it came from.
"""

from __future__ import annotations

from c27desk.i18n import Lang, Text, joined, language


def current_language() -> str:
    """The interface language (set once at start by ``--lang`` or the window's setting)."""
    return language().value


class C27Error(Exception):
    """A failure with a message for people, in both languages, and an optional stable code.

    Built as ``C27Error(msg("…", "…", name=value), code=…, where=…)``; ``where`` says which
    file, line, cell or field, in words a user knows (never an internal field name).
    A plain string is refused: a message a person reads is always in both languages.
    """

    #: the internal key of the form field at fault (``report_date``), for a window to put the cursor
    #: there; never shown (``where`` and the message name the field in words)
    field: str | None = None

    def __init__(self, text: Text, *, code: str | None = None, where: Text | str | None = None,
                 field: str | None = None):
        if not isinstance(text, Text):
            raise TypeError(f"C27Error needs a msg(vi, en), not {type(text).__name__}: {text!r}")
        self.text = text
        self.code = code
        self.where = where
        self.field = field
        super().__init__(self.message(Lang.EN))

    @property
    def vi(self) -> str:
        """The message alone (without ``where``) in Vietnamese."""
        return self.text.render(Lang.VI)

    @property
    def en(self) -> str:
        """The message alone (without ``where``) in English."""
        return self.text.render(Lang.EN)

    def said(self) -> Text:
        """The whole message, with where it happened, as one Text."""
        if self.where:
            return joined("{where}: {what}", where=self.where, what=self.text)
        return self.text

    def message(self, lang: str | None = None) -> str:
        return self.said().render(lang or None)

    def __str__(self) -> str:
        return self.message()


class InputError(C27Error):
    """A value typed or loaded by a user that cannot be accepted."""


class CatalogueError(C27Error):
    """A catalogue file that does not describe a usable catalogue."""


class StoreError(C27Error):
    """The database refused an operation (locked report, unknown unit, newer schema...)."""
