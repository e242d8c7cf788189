"""The one message type: both languages, named placeholders, plurals, formats by type."""

from datetime import UTC, date, datetime
from decimal import Decimal

import pytest

from c27desk.errors import InputError
from c27desk.i18n import MessageError, byte_size, msg, set_language


def test_plural_is_english_only_and_follows_the_count():
    errors = lambda n: msg("{n} lỗi", "{n} error", plural="{n} errors", n=n)  # noqa: E731
    assert [errors(k).render("en") for k in (0, 1, 2)] == ["0 errors", "1 error", "2 errors"]
    assert errors(2).render("vi") == "2 lỗi"


def test_values_are_formatted_by_type_in_the_readers_language():
    text = msg("Ngày {d}, lúc {t}, giá trị {v}.", "On {d}, at {t}, value {v}.", d=date(2026, 1, 5),
               t=datetime(2026, 1, 5, 3, 4, tzinfo=UTC), v=Decimal("12.5"))
    assert text.render("vi") == "Ngày 05/01/2026, lúc 05/01/2026 10:04 (GMT+7), giá trị 12,5."
    assert text.render("en") == "On 05/01/2026, at 05/01/2026 10:04 (GMT+7), value 12.5."


def test_placeholders_must_match_in_both_languages():
    with pytest.raises(MessageError):
        msg("Tệp {file} hỏng.", "The file is damaged.", file="a.c27")
    with pytest.raises(MessageError):
        msg("Tệp {} hỏng.", "File {} damaged.")


def test_an_error_renders_in_the_language_set_at_start():
    error = InputError(msg("Sai ở {cell}.", "Wrong at {cell}.", cell="B3"), where="values.csv")
    set_language("en")
    assert str(error) == "values.csv: Wrong at B3."
    set_language("vi")
    assert str(error) == "values.csv: Sai ở B3."


def test_a_size_in_bytes_is_grouped_in_the_readers_way():
    assert [byte_size(n).render("vi") for n in (1, 124202, 2000000)] == ["1 byte", "124.202 byte", "2.000.000 byte"]
    assert [byte_size(n).render("en") for n in (1, 124202, 2000000)] == ["1 byte", "124,202 bytes", "2,000,000 bytes"]
    assert msg("Tệp {size}", "File {size}", size=byte_size(999)).render("en") == "File 999 bytes"
