"""One unit's answer to one criterion, and how raw input becomes a canonical answer.

Three situations stay distinct: no entry at all (not answered), an answer whose value is
zero, and an answer "not applicable" (state ``na``, no value). A value carried forward
from last year is an entry in state ``carried`` until the user confirms or changes it; a
carried "not applicable" is state ``carried_na`` (no value), which confirming makes ``na``.
No entry is ever "answered" without a value: the constructor refuses it, so no path (carry,
confirm, load, import) can turn a missing value into an answer.
"""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal

from c27desk.errors import InputError
from c27desk.i18n import msg
from c27desk.model.catalogue import Criterion
from c27desk.model.numbers import format_amount, parse_amount, parse_count
from c27desk.model.text import MAX_EXPLANATION_CHARS, MAX_TEXT_VALUE_CHARS, checked_text, clean, nfc, shown

ANSWERED = "answered"
NOT_APPLICABLE = "na"
CARRIED = "carried"
CARRIED_NA = "carried_na"
STATES = (ANSWERED, NOT_APPLICABLE, CARRIED, CARRIED_NA)

#: What a CSV cell or a table cell holds for "not applicable" (canonical first).
NA_TOKENS = ("N/A", "KAD")  # KAD: "Không áp dụng"

#: the field names used in messages about an answer's text
EXPLANATION = ("diễn giải", "the explanation")
TEXT_VALUE = ("nội dung", "the text")


@dataclass(frozen=True)
class Entry:
    criterion_id: str
    value: str | None
    explanation: str = ""
    state: str = ANSWERED

    def __post_init__(self) -> None:
        # a programming error, never a user's: every user path goes through make_entry
        if self.state not in STATES:
            raise ValueError(f"unknown state {self.state!r} for {self.criterion_id}")
        if self.state in (NOT_APPLICABLE, CARRIED_NA):
            if self.value is not None:
                raise ValueError(f"{self.criterion_id}: a not-applicable entry holds no value")
        elif self.value is None:
            raise ValueError(f"{self.criterion_id}: an {self.state} entry needs a value")

    @property
    def is_na(self) -> bool:
        """Not applicable, confirmed or still carried from last year."""
        return self.state in (NOT_APPLICABLE, CARRIED_NA)

    @property
    def is_unconfirmed(self) -> bool:
        return self.state in (CARRIED, CARRIED_NA)

    def number(self) -> Decimal | None:
        """The numeric value of a count or amount answer, None otherwise (also for a stored value that
        is not a finite number, which no typed or imported answer is, but an edited database may hold)."""
        if self.value is None or self.is_na:
            return None
        try:
            number = Decimal(self.value)
        except ArithmeticError:
            return None
        return number if number.is_finite() else None

    def confirmed(self) -> Entry:
        """This carried-forward answer accepted as this year's (the window's Ctrl+Enter, ``values confirm``):
        a carried "not applicable" stays not applicable."""
        if not self.is_unconfirmed:
            return self
        return Entry(self.criterion_id, self.value, self.explanation,
                     NOT_APPLICABLE if self.state == CARRIED_NA else ANSWERED)

    def carried(self) -> Entry:
        """This answer as carried into next year, waiting for confirmation."""
        return Entry(self.criterion_id, self.value, self.explanation, CARRIED_NA if self.is_na else CARRIED)

    def same_content(self, other: Entry | None) -> bool:
        return other is not None and (self.value, self.explanation, self.state) == (
            other.value,
            other.explanation,
            other.state,
        )


def canonical_value(criterion: Criterion, raw: str) -> str:
    """The stored form of a typed value: 'a' -> 'A', '195,2' -> '195.2'. Raises InputError.

    Numbers go to ``model.numbers`` untouched but for NFC: that grammar alone decides what
    whitespace means, so nothing here may squeeze spaces out of a number first."""
    if criterion.kind == "count":
        return str(parse_count(nfc(raw)))
    if criterion.kind == "amount":
        return format_amount(parse_amount(nfc(raw)))
    if criterion.kind == "status":
        text = clean(raw)
        letter = text.upper()
        if criterion.code(letter) is None:
            raise InputError(msg(
                "Mã “{code}” không có cho tiêu chí {criterion} (các mã có: {allowed}; hoặc {na} nếu không áp dụng).",
                "The code “{code}” does not exist for criterion {criterion} (the codes are: {allowed}; or {na} if not "
                "applicable).", code=shown(text), criterion=criterion.id,
                allowed=", ".join(c.code for c in criterion.codes),
                na=msg(" hoặc ".join(NA_TOKENS), " or ".join(NA_TOKENS))))
        return letter
    return checked_text(raw, TEXT_VALUE, max_chars=MAX_TEXT_VALUE_CHARS, multiline=True)


def checked_explanation(raw: str | None) -> str:
    """An answer's explanation as stored, or InputError. ``make_entry`` checks it first and then
    looks only at whether it is empty (the checks of stored answers rely on that)."""
    return checked_text(raw, EXPLANATION, max_chars=MAX_EXPLANATION_CHARS, multiline=True)


def make_entry(criterion: Criterion, raw_value: str | None, raw_explanation: str | None, *, state: str = ANSWERED) -> Entry:
    """Validate one answer as typed or loaded; raise InputError saying what is wrong.

    ``N/A`` (or ``KAD``) as the value means "not applicable". A text criterion may be
    answered with an explanation alone (the seed's "Không có"); other kinds need a value.
    """
    value_text = raw_value or ""
    carried = state in (CARRIED, CARRIED_NA)
    state = CARRIED if carried else ANSWERED
    explanation = checked_explanation(raw_explanation)
    cleaned = clean(value_text)
    if cleaned.upper() in NA_TOKENS:
        return Entry(criterion.id, None, explanation, CARRIED_NA if carried else NOT_APPLICABLE)
    if not cleaned:
        if criterion.kind == "text" and explanation:
            return Entry(criterion.id, "", explanation, state)
        if explanation:
            what = {"status": msg("Thiếu mã thực hiện.", "The status code is missing."),
                    "count": msg("Thiếu số lượng.", "The count is missing."),
                    "amount": msg("Thiếu số tiền.", "The amount is missing.")}[criterion.kind]
            raise InputError(what)
        raise InputError(msg("Dòng trống: chưa có giá trị.", "Empty row: no value given."))
    return Entry(criterion.id, canonical_value(criterion, value_text), explanation, state)


def display_value(criterion: Criterion, entry: Entry | None, lang: str = "vi") -> str:
    """The value as shown in the table and on paper (decimal comma in Vietnamese)."""
    if entry is None:
        return ""
    if entry.is_na:
        return "Không áp dụng" if lang == "vi" else "N/A"
    value = entry.value or ""
    if criterion.kind == "amount" and lang == "vi":
        return value.replace(".", ",")
    return value


def display_explanation(criterion: Criterion, entry: Entry | None) -> str:
    """The "Diễn giải" column: the user's explanation, else the criterion's fixed label."""
    if entry is not None and entry.explanation:
        return entry.explanation
    if criterion.kind in ("count", "amount"):
        return criterion.label
    return ""
