"""Cells from the clipboard as Excel and LibreOffice write them."""

from c27desk.model.table_text import format_cells, parse_cells


def test_excel_column_with_crlf_and_trailing_newline():
    assert parse_cells("1\r\n2\r\n\r\n4\r\n") == [["1"], ["2"], [""], ["4"]]


def test_libreoffice_lf_and_two_columns():
    assert parse_cells("A\tx\nB\ty\n") == [["A", "x"], ["B", "y"]]


def test_quoted_cell_with_embedded_newline_and_quotes():
    assert parse_cells('A\t"dòng 1\ndòng ""2"""\r\nB\tx\r\n') == [["A", 'dòng 1\ndòng "2"'], ["B", "x"]]


def test_trailing_empty_lines_dropped_and_round_trip():
    assert parse_cells("\r\n\r\n") == [] and parse_cells("") == []
    rows = [["a\tb", "c\nd"], ["e", '"f']]
    assert parse_cells(format_cells(rows)) == rows
    assert format_cells([["1", "x"]]) == "1\tx\r\n"
