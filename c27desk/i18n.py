"""The one way the program speaks to people: a message in both languages, named placeholders,
an English plural form where a count is shown, and the interface language as program state.

Every layer builds what it says with :func:`msg`; the text is rendered in the language set once
at start (``--lang`` on the command line, the window's setting) at the moment it is shown, so a
message raised deep in a service and shown later in a window reads in the window's language.

Values are formatted by type, never by the caller, so that the same rules hold everywhere:
dates dd/mm/yyyy, times in GMT+7 marked "(GMT+7)", numbers with the decimal comma in Vietnamese,
a nested message in the same language as the one holding it.
"""

from __future__ import annotations

import functools
import string
from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import UTC, date, datetime, timedelta, timezone
from decimal import Decimal
from enum import StrEnum
from typing import Any


class Lang(StrEnum):
    """The interface languages. Vietnamese is the source language of every message."""

    VI = "vi"
    EN = "en"


_language: Lang = Lang.VI

VN_TIME = timezone(timedelta(hours=7), "GMT+7")


def set_language(lang: str | Lang) -> Lang:
    """Make ``lang`` the interface language of this process (anything not English is Vietnamese)."""
    global _language
    _language = Lang.EN if str(lang).strip().lower().startswith("en") else Lang.VI
    return _language


def language() -> Lang:
    """The interface language of this process."""
    return _language


class MessageError(ValueError):
    """A message whose two languages do not carry the same placeholders: a programming mistake,
    raised where the message is built so that a test running the path finds it."""


@functools.lru_cache(maxsize=4096)
def placeholders(template: str) -> frozenset[str]:
    """The named placeholders of a ``str.format`` template (``{n}``, ``{file}``).

    Remembered per template: every message made checks its languages against each other, and the
    templates are the program's own few thousand strings."""
    names = set()
    for _, name, _, _ in string.Formatter().parse(template):
        if name is None:
            continue
        if not name or name.isdigit():
            raise MessageError(f"positional placeholder in {template!r}: name it")
        names.add(name.split(".")[0].split("[")[0])
    return frozenset(names)


@dataclass(frozen=True)
class Text:
    """Something to say to a person, not yet rendered: both languages plus the values to fill in.

    ``en_plural`` is the English form used when the value named ``count`` is not 1 (Vietnamese
    nouns do not inflect for number, so one Vietnamese text serves every count).
    """

    vi: str
    en: str
    en_plural: str | None = None
    count: str | None = None
    values: Mapping[str, Any] = field(default_factory=dict)

    def __post_init__(self) -> None:
        forms = [self.vi, self.en] + ([self.en_plural] if self.en_plural is not None else [])
        wanted = placeholders(self.vi)
        for form in forms[1:]:
            if placeholders(form) != wanted:
                raise MessageError(f"placeholders differ: {self.vi!r} / {form!r}")
        if set(self.values) != wanted:
            raise MessageError(f"values {sorted(self.values)} do not fill {sorted(wanted)} in {self.vi!r}")
        if (self.en_plural is None) != (self.count is None):
            raise MessageError(f"a plural form needs the name of its count, and the reverse: {self.en!r}")
        if self.count is not None and self.count not in wanted:
            raise MessageError(f"the count {self.count!r} is not a placeholder of {self.vi!r}")

    def render(self, lang: str | Lang | None = None) -> str:
        """The text in ``lang`` (the interface language when not given)."""
        lang = Lang(lang) if lang else _language
        if lang == Lang.VI:
            template = self.vi
        elif self.count is not None and self.values[self.count] != 1:
            template = self.en_plural or self.en
        else:
            template = self.en
        return template.format(**{k: shown_value(v, lang) for k, v in self.values.items()})

    def __str__(self) -> str:
        return self.render()

    def __add__(self, other: Text | str) -> Text:
        """Two messages said one after the other, each in the reader's language."""
        return joined("{a}{b}", a=self, b=other)


def msg(vi: str, en: str, /, *, plural: str | None = None, count: str | None = None, **values: Any) -> Text:
    """The one translation function: ``msg("Đã nhận {n} gói.", "{n} package received.",
    plural="{n} packages received.", count="n", n=3)``."""
    if plural is not None and count is None:
        count = "n"
    return Text(vi, en, plural, count, values)


def joined(template: str, /, **values: Any) -> Text:
    """A language-neutral frame around messages or names (``"{where}: {what}"``)."""
    return Text(template, template, None, None, values)


def verbatim(text: str) -> Text:
    """Text that is the same in both languages: a name, a code, a path, a line of user data."""
    return joined("{t}", t=text)


def number(value: Decimal | float | int | str, lang: str | Lang | None = None) -> str:
    """A number as people read it: decimal comma in Vietnamese, no grouping (as in the form)."""
    lang = Lang(lang) if lang else _language
    if isinstance(value, float):
        text = repr(value)
        if text.endswith(".0"):
            text = text[:-2]
    elif isinstance(value, Decimal):
        text = format(value.normalize(), "f") if value == value.to_integral() else format(value, "f")
    else:
        text = str(value)
    return text.replace(".", ",") if lang == Lang.VI else text


class Count(int):
    """A whole number said to people with its thousands grouped, as they read counts and sizes
    (124.202 in Vietnamese, 124,202 in English); a stored value keeps :func:`number`'s plain digits."""


def grouped(value: int, lang: str | Lang | None = None) -> str:
    """A whole number with its thousands grouped in the reader's way (a dot in Vietnamese, a comma in English)."""
    lang = Lang(lang) if lang else _language
    text = f"{int(value):,}"
    return text.replace(",", ".") if lang == Lang.VI else text


def byte_size(size: int) -> Text:
    """A size in bytes as a message value: "124.202 byte" / "124,202 bytes" (and "1 byte")."""
    return msg("{n} byte", "{n} byte", plural="{n} bytes", n=Count(size))


def day(value: date) -> str:
    """A date as people in Vietnam write it, in both languages: dd/mm/yyyy."""
    return value.strftime("%d/%m/%Y")


def moment(value: datetime, *, seconds: bool = False) -> str:
    """A time as people in Vietnam read it: GMT+7, marked so. A naive time is taken as UTC,
    which is how the database stores every time."""
    if value.tzinfo is None:
        value = value.replace(tzinfo=UTC)
    return value.astimezone(VN_TIME).strftime("%d/%m/%Y %H:%M" + (":%S" if seconds else "")) + " (GMT+7)"


def shown_value(value: Any, lang: Lang) -> str:
    """One placeholder's value in the reader's language and formats."""
    if isinstance(value, Text):
        return value.render(lang)
    if isinstance(value, bool):
        return str(value)
    if isinstance(value, Count):
        return grouped(value, lang)
    if isinstance(value, datetime):
        return moment(value)
    if isinstance(value, date):
        return day(value)
    if isinstance(value, (Decimal, float)):
        return number(value, lang)
    if isinstance(value, (list, tuple)) and all(isinstance(v, Text) for v in value):
        return "; ".join(v.render(lang) for v in value)
    return str(value)


def listed(items: list[Text | str] | tuple[Text | str, ...], separator: str = ", ") -> Text:
    """Several messages or names one after the other, each in the reader's language."""
    return joined(separator.replace("{", "{{").replace("}", "}}").join(f"{{i{k}}}" for k in range(len(items))),
                  **{f"i{k}": item for k, item in enumerate(items)})


def pair(vi: str, en: str) -> Text:
    """Two ready-made halves (a reason already worded in each language, such as an OS error's),
    taken as they are: a brace in them is text, not a placeholder."""
    return msg(vi.replace("{", "{{").replace("}", "}}"), en.replace("{", "{{").replace("}", "}}"))
