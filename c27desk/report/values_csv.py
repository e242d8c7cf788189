"""The values file a unit can load or dump: UTF-8 CSV ``criterion,value,explanation``.

Loading is all-or-nothing: every bad row is reported with its line number and reason, and
nothing is written unless every row is good. Dumping writes canonical values (decimal
point, capital codes, ``N/A`` for not applicable) in catalogue order, so a dump loads back
to the same answers.

The file is read by a strict parser of our own rather than Python's ``csv`` module, which
silently accepts what a user must hear about: a quote never closed (which merges the rows
after it into one explanation), a stray quote inside an unquoted cell, text after a closing
quote. Each is an error with the line it starts on. A quoted cell may hold line breaks (Excel
writes Alt+Enter that way), but one whose later lines look like rows of their own
(``II.3,…``) is taken for a quote left open and refused.

What a partial file changes: only the criteria it names. The header says which columns the
file has: with ``criterion,value`` alone the stored explanations are kept; with an
``explanation`` column, each named row's cell is its explanation, and an empty cell clears
it (the file is read as the user sees it in Excel, so that dump, edit, load does what it
shows).
"""

from __future__ import annotations

import csv
import io
import json
import re
from collections.abc import Mapping
from dataclasses import dataclass

from c27desk.errors import C27Error, InputError
from c27desk.model.catalogue import Catalogue
from c27desk.model.text import clean, shown, spreadsheet_safe, spreadsheet_text
from c27desk.model.values import NA_TOKENS, Entry, make_entry

HEADER = ("criterion", "value", "explanation")
#: a file without the explanation column: explanations already stored are kept
SHORT_HEADER = HEADER[:2]
MAX_BYTES = 5 * 1024 * 1024


@dataclass(frozen=True)
class RowProblem:
    line: int
    vi: str
    en: str


class ValuesFileError(C27Error):
    """A values file with problems; ``problems`` lists each bad row."""

    def __init__(self, source: str, problems: list[RowProblem]):
        self.problems = problems
        n = len(problems)
        first = problems[0]
        super().__init__(
            f"{n} lỗi trong {source}, không có giá trị nào được ghi (dòng {first.line}: {first.vi})",
            f"{n} problem(s) in {source}, no value was written (line {first.line}: {first.en})",
            code="BAD_VALUES_FILE",
        )

    def lines(self, lang: str = "vi", limit: int = 50) -> list[str]:
        """One line per problem, the first ``limit`` of them (a wrong file can have thousands)."""
        label = "dòng" if lang == "vi" else "line"
        out = [f"{label} {p.line}: {p.vi if lang == 'vi' else p.en}" for p in self.problems[:limit]]
        if len(self.problems) > limit:
            more = len(self.problems) - limit
            out.append(f"… và {more} lỗi khác." if lang == "vi" else f"… and {more} more.")
        return out


def _decode(data: bytes, source: str) -> str:
    if len(data) > MAX_BYTES:
        raise ValuesFileError(source, [RowProblem(1, f"tệp lớn hơn {MAX_BYTES // 1024 // 1024} MB.",
                                                  f"the file is larger than {MAX_BYTES // 1024 // 1024} MB.")])
    if data.startswith((b"\xff\xfe", b"\xfe\xff")) or (len(data) >= 4 and (data[1::2][:8].count(0) >= 3
                                                                               or data[0::2][:8].count(0) >= 3)):
        raise ValuesFileError(source, [RowProblem(
            1, "tệp là UTF-16; hãy lưu lại dạng UTF-8 (trong Excel: “CSV UTF-8”).",
            "the file is UTF-16; save it as UTF-8 (CSV UTF-8 in Excel).")])
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        line = data[: exc.start].count(b"\n") + 1
        raise ValuesFileError(source, [RowProblem(
            line,
            f"byte 0x{data[exc.start]:02x} không phải UTF-8; hãy lưu tệp dạng “CSV UTF-8”.",
            f"byte 0x{data[exc.start]:02x} is not UTF-8; save the file as “CSV UTF-8”.",
        )]) from exc


class _CsvSyntaxError(Exception):
    def __init__(self, line: int, vi: str, en: str):
        super().__init__(en)
        self.problem = RowProblem(line, vi, en)


@dataclass(frozen=True)
class _Record:
    line: int  # where the record starts
    fields: list[str]
    multiline: dict[int, int]  # field index -> line its opening quote is on, for quoted cells with line breaks


def _records(text: str):
    """RFC 4180 records with their line numbers; _CsvSyntaxError at the first thing that is not CSV."""
    i, n, line = 0, len(text), 1
    while i < n:
        record = _Record(line, [], {})
        while True:
            if i < n and text[i] == '"':
                quote_line, i, buf = line, i + 1, []
                while True:
                    if i >= n:
                        raise _CsvSyntaxError(quote_line, f"dấu ngoặc kép mở ở dòng {quote_line} không bao giờ được đóng.",
                                      f"the quote opened on line {quote_line} is never closed.")
                    ch = text[i]
                    if ch == '"':
                        if i + 1 < n and text[i + 1] == '"':
                            buf.append('"')
                            i += 2
                            continue
                        i += 1
                        break
                    if ch == "\r":
                        i += 1 if i + 1 < n and text[i + 1] == "\n" else 0
                        ch = "\n"
                    if ch == "\n":
                        line += 1
                    buf.append(ch)
                    i += 1
                if line != quote_line:
                    record.multiline[len(record.fields)] = quote_line
                record.fields.append("".join(buf))
                if i < n and text[i] not in ",\r\n":
                    raise _CsvSyntaxError(line, f"có chữ ngay sau dấu ngoặc kép đóng (“{shown(text[i:i + 20], 20)}”); ô có dấu ngoặc "
                                        "kép phải được bao cả ô trong ngoặc kép, với \"\" cho mỗi dấu bên trong.",
                                  f"text right after a closing quote (“{shown(text[i:i + 20], 20)}”); a cell holding a quote "
                                  "must be quoted whole, with \"\" for each quote inside.")
            else:
                j = i
                while j < n and text[j] not in ",\r\n":
                    if text[j] == '"':
                        raise _CsvSyntaxError(line, f"dấu ngoặc kép lẻ giữa ô “{shown(text[i:j + 1], 40)}…”; ô có dấu ngoặc kép phải "
                                            "được bao cả ô trong ngoặc kép, với \"\" cho mỗi dấu bên trong.",
                                      f"stray quote inside the cell “{shown(text[i:j + 1], 40)}…”; a cell holding a quote must "
                                      "be quoted whole, with \"\" for each quote inside.")
                    j += 1
                record.fields.append(text[i:j])
                i = j
            if i < n and text[i] == ",":
                i += 1
                continue
            break
        if i < n:
            i += 2 if text.startswith("\r\n", i) else 1
            line += 1
        yield record


_ROW_START = re.compile(r'^\s*"?([^,"]+?)"?\s*,')


def _swallowed_row(record: _Record, catalogue: Catalogue, columns: int) -> RowProblem | None:
    """A quoted cell with line breaks whose later lines look like whole rows (a known criterion and
    a cell for every column): a quote left open. An explanation line such as "II.3, xem trên" is
    not one, so a dump of any stored answer loads back."""
    for index, quote_line in record.multiline.items():
        for offset, text_line in enumerate(record.fields[index].split("\n")[1:], start=1):
            m = _ROW_START.match(text_line)
            if m and catalogue.get(clean(m.group(1))) is not None and text_line.count(",") >= columns - 1:
                return RowProblem(
                    quote_line,
                    f"dấu ngoặc kép mở ở dòng {quote_line} chưa được đóng trước dòng {quote_line + offset} "
                    f"(“{shown(text_line, 30)}” là một dòng giá trị khác); hãy đóng ngoặc kép cho ô đó.",
                    f"the quote opened on line {quote_line} is not closed before line {quote_line + offset} "
                    f"(“{shown(text_line, 30)}” is another value row); close the quote in that cell.")
    return None


def parse_values_csv(data: bytes, catalogue: Catalogue, source: str = "CSV",
                     stored: Mapping[str, Entry] | None = None) -> list[Entry]:
    """Every row as a validated Entry, or ValuesFileError listing every bad row.

    ``stored`` (the answers already saved) gives the explanation of a row when the file has
    no explanation column."""
    text = _decode(data, source)
    if "\x00" in text:
        raise ValuesFileError(source, [RowProblem(text[: text.index("\x00")].count("\n") + 1,
                                                  "tệp chứa ký tự NUL, không phải CSV.",
                                                  "the file holds NUL characters; it is not CSV.")])
    stored = stored or {}
    problems: list[RowProblem] = []
    result: list[Entry] = []
    seen: dict[str, int] = {}
    header: tuple[str, ...] | None = None
    try:
        for record in _records(text):
            row, line = record.fields, record.line
            if header is None:
                got = tuple(clean(c).lower() for c in row)
                if got not in (HEADER, SHORT_HEADER):
                    problems.append(RowProblem(
                        line,
                        f"dòng tiêu đề phải là “{','.join(HEADER)}” (hoặc “{','.join(SHORT_HEADER)}” để giữ diễn "
                        f"giải đã có) (đang là “{shown(','.join(row), 80)}”).",
                        f"the header must be “{','.join(HEADER)}” (or “{','.join(SHORT_HEADER)}” to keep the "
                        f"explanations already stored) (found “{shown(','.join(row), 80)}”).",
                    ))
                    break
                header = got
                continue
            if not any(clean(c) for c in row):
                continue
            swallowed = _swallowed_row(record, catalogue, len(header))
            if swallowed:
                problems.append(swallowed)
                continue
            if len(row) != len(header):
                problems.append(RowProblem(
                    line, f"cần {len(header)} cột như dòng tiêu đề, dòng này có {len(row)} cột"
                          + (" (ô có dấu phẩy phải được bao trong ngoặc kép)." if len(row) > len(header) else "."),
                    f"{len(header)} columns expected as in the header, this row has {len(row)}"
                    + (" (a cell holding a comma must be quoted)." if len(row) > len(header) else ".")))
                continue
            cid = clean(row[0])
            crit = catalogue.get(cid)
            if crit is None and cid in catalogue.not_asked:  # the form has it; this level does not answer it
                problems.append(RowProblem(line, f"tiêu chí {cid} không hỏi cấp này (biểu mẫu {catalogue.key} chỉ hỏi "
                                                 "cấp khác); bỏ dòng này.",
                                           f"criterion {cid} is not asked of this level (form {catalogue.key} asks "
                                           "it of another level); remove the row."))
                continue
            if crit is None:
                problems.append(RowProblem(line, f"tiêu chí “{shown(cid, 40)}” không có trong danh mục {catalogue.key}.",
                                           f"criterion “{shown(cid, 40)}” is not in catalogue {catalogue.key}."))
                continue
            if cid in seen:
                problems.append(RowProblem(line, f"tiêu chí {cid} lặp lại (đã có ở dòng {seen[cid]}).",
                                           f"criterion {cid} appears twice (first at line {seen[cid]})."))
                continue
            seen[cid] = line
            old = stored.get(cid)
            explanation = spreadsheet_text(row[2]) if len(header) == 3 else (old.explanation if old else "")
            try:
                result.append(make_entry(crit, spreadsheet_text(row[1]), explanation))
            except InputError as exc:
                problems.append(RowProblem(line, f"{cid}: {exc.vi}", f"{cid}: {exc.en}"))
    except _CsvSyntaxError as bad:
        problems.append(bad.problem)
    if header is None and not problems:
        problems.append(RowProblem(1, "tệp trống.", "the file is empty."))
    elif not problems and not result:
        problems.append(RowProblem(2, "tệp không có dòng giá trị nào.", "the file holds no value rows."))
    if problems:
        raise ValuesFileError(source, sorted(problems, key=lambda p: p.line))
    return result


def _cell_value(entry: Entry) -> str:
    if entry.is_na:
        return NA_TOKENS[0]
    return entry.value or ""


def dump_values_csv(catalogue: Catalogue, entries: Mapping[str, Entry]) -> str:
    out = io.StringIO(newline="")
    writer = csv.writer(out, lineterminator="\r\n")
    writer.writerow(HEADER)
    for crit in catalogue.criteria:
        entry = entries.get(crit.id)
        if entry is not None:
            writer.writerow([crit.id, spreadsheet_safe(_cell_value(entry)), spreadsheet_safe(entry.explanation)])
    return out.getvalue()


def dump_values_json(catalogue: Catalogue, entries: Mapping[str, Entry], *, unit: str, year: int) -> str:
    values = {
        crit.id: {"value": entries[crit.id].value, "explanation": entries[crit.id].explanation,
                  "state": entries[crit.id].state}
        for crit in catalogue.criteria if crit.id in entries
    }
    doc = {"unit": unit, "year": year, "catalogue": {"id": catalogue.id, "version": catalogue.version,
                                                     "hash": catalogue.content_hash}, "values": values}
    return json.dumps(doc, ensure_ascii=False, indent=2) + "\n"
