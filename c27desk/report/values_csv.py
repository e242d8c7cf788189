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
from c27desk.i18n import Text, joined, msg
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
    text: Text

    @property
    def said(self) -> Text:
        """The problem with its line, as listed under the file's name."""
        return msg("Dòng {line}: {problem}", "Line {line}: {problem}", line=self.line, problem=self.text)


class ValuesFileError(C27Error):
    """A values file with problems; ``problems`` lists each bad row."""

    def __init__(self, source: str, problems: list[RowProblem]):
        self.problems = problems
        n = len(problems)
        first = problems[0]
        super().__init__(
            msg("{n} lỗi trong {source}, không có giá trị nào được ghi (dòng {line}: {first})",
                "{n} problem in {source}, no value was written (line {line}: {first})",
                plural="{n} problems in {source}, no value was written (line {line}: {first})",
                n=n, source=source, line=first.line, first=first.text),
            code="BAD_VALUES_FILE",
        )

    def lines(self, lang: str | None = None, limit: int = 50) -> list[str]:
        """One line per problem, the first ``limit`` of them (a wrong file can have thousands)."""
        out = [p.said.render(lang) for p in self.problems[:limit]]
        if len(self.problems) > limit:
            more = len(self.problems) - limit
            out.append(msg("… và {n} lỗi khác.", "… and {n} more problem.", plural="… and {n} more problems.",
                           n=more).render(lang))
        return out


def _decode(data: bytes, source: str) -> str:
    if len(data) > MAX_BYTES:
        raise ValuesFileError(source, [RowProblem(1, msg("Tệp lớn hơn {limit} MB.",
                                                         "The file is larger than {limit} MB.",
                                                         limit=MAX_BYTES // 1024 // 1024))])
    if data.startswith((b"\xff\xfe", b"\xfe\xff")) or (len(data) >= 4 and (data[1::2][:8].count(0) >= 3
                                                                               or data[0::2][:8].count(0) >= 3)):
        raise ValuesFileError(source, [RowProblem(
            1, msg("Tệp là UTF-16; hãy lưu lại dạng UTF-8 (trong Excel: “CSV UTF-8”).",
                   "The file is UTF-16; save it as UTF-8 (CSV UTF-8 in Excel)."))])
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        line = data[: exc.start].count(b"\n") + 1
        raise ValuesFileError(source, [RowProblem(line, msg(
            "Byte 0x{byte} không phải UTF-8; hãy lưu tệp dạng “CSV UTF-8”.",
            "Byte 0x{byte} is not UTF-8; save the file as “CSV UTF-8”.", byte=f"{data[exc.start]:02x}"))]) from exc


class _CsvSyntaxError(Exception):
    def __init__(self, line: int, text: Text, resume: int | None = None):
        super().__init__(text.render("en"))
        self.problem = RowProblem(line, text)
        self.resume = resume  # where reading can go on (the bad line's end), or None: nothing after can be read


@dataclass(frozen=True)
class _Record:
    line: int  # where the record starts
    fields: list[str]
    multiline: dict[int, int]  # field index -> line its opening quote is on, for quoted cells with line breaks


def _line_end(text: str, i: int) -> int:
    """Where the physical line holding ``i`` ends (its line break, or the end of the text)."""
    ends = [k for k in (text.find("\r", i), text.find("\n", i)) if k >= 0]
    return min(ends) if ends else len(text)


def _records(text: str):
    """RFC 4180 records with their line numbers. A line that is not CSV (text after a closing quote, a stray
    quote) is yielded as a RowProblem and reading goes on at the next line; a quote never closed raises
    _CsvSyntaxError, as nothing after it can be read."""
    i, n, line = 0, len(text), 1
    while i < n:
        record = _Record(line, [], {})
        try:
            i, line = _one_record(text, i, line, record)
        except _CsvSyntaxError as bad:
            if bad.resume is None:
                raise
            record, (i, line) = bad.problem, (bad.resume, bad.problem.line)
        if i < n:
            i += 2 if text.startswith("\r\n", i) else 1
            line += 1
        yield record


def _one_record(text: str, i: int, line: int, record: _Record) -> tuple[int, int]:
    """Read one record into ``record``; where it ends (at its line break) and the line it ends on."""
    n = len(text)
    while True:
        if i < n and text[i] == '"':
            quote_line, i, buf = line, i + 1, []
            while True:
                if i >= n:
                    raise _CsvSyntaxError(quote_line, msg("Dấu ngoặc kép mở ở dòng {quote_line} không bao giờ được đóng; "
                                                          "phần còn lại của tệp không đọc được.",
                                                          "The quote opened on line {quote_line} is never closed; the "
                                                          "rest of the file could not be read.",
                                                          quote_line=quote_line))
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
                raise _CsvSyntaxError(line, msg("Có chữ ngay sau dấu ngoặc kép đóng (“{value}”); ô có dấu ngoặc kép phải được bao cả ô trong "
                                                'ngoặc kép, với "" cho mỗi dấu bên trong.',
                                                "Text right after a closing quote (“{value}”); a cell holding a quote must be quoted whole, "
                                                'with "" for each quote inside.',
                                                value=shown(text[i:_line_end(text, i)], 20)),
                                      resume=_line_end(text, i))
        else:
            j = i
            while j < n and text[j] not in ",\r\n":
                if text[j] == '"':
                    raise _CsvSyntaxError(line, msg("Dấu ngoặc kép lẻ giữa ô “{value}…”; ô có dấu ngoặc kép phải được bao cả ô trong ngoặc kép, với "
                                                    '"" cho mỗi dấu bên trong.',
                                                    'Stray quote inside the cell “{value}…”; a cell holding a quote must be quoted whole, with "" '
                                                    "for each quote inside.",
                                                    value=shown(text[i:j + 1], 40)),
                                          resume=_line_end(text, j))
                j += 1
            record.fields.append(text[i:j])
            i = j
        if i < n and text[i] == ",":
            i += 1
            continue
        break
    return i, line


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
                    msg("Dấu ngoặc kép mở ở dòng {quote_line} chưa được đóng trước dòng {before} (“{text_line}” là một "
                        "dòng giá trị khác); hãy đóng ngoặc kép cho ô đó.",
                        "The quote opened on line {quote_line} is not closed before line {before} (“{text_line}” is "
                        "another value row); close the quote in that cell.",
                        quote_line=quote_line, before=quote_line + offset, text_line=shown(text_line, 30)))
    return None


def parse_values_csv(data: bytes, catalogue: Catalogue, source: str = "CSV",
                     stored: Mapping[str, Entry] | None = None) -> list[Entry]:
    """Every row as a validated Entry, or ValuesFileError listing every bad row.

    ``stored`` (the answers already saved) gives the explanation of a row when the file has
    no explanation column."""
    text = _decode(data, source)
    if "\x00" in text:
        raise ValuesFileError(source, [RowProblem(text[: text.index("\x00")].count("\n") + 1,
                                                  msg("Tệp chứa ký tự NUL, không phải CSV.",
                                                      "The file holds NUL characters; it is not CSV."))])
    stored = stored or {}
    problems: list[RowProblem] = []
    result: list[Entry] = []
    seen: dict[str, int] = {}
    header: tuple[str, ...] | None = None
    try:
        for record in _records(text):
            if isinstance(record, RowProblem):
                problems.append(record)
                if header is None:  # a header that is not CSV: the rows cannot be told apart
                    break
                continue
            row, line = record.fields, record.line
            if header is None:
                got = tuple(clean(c).lower() for c in row)
                if got not in (HEADER, SHORT_HEADER):
                    problems.append(RowProblem(
                        line,
                        msg("Dòng tiêu đề phải là “{value}” (hoặc “{value2}” để giữ diễn giải đã có) (đang là “{value3}”).",
                            "The header must be “{value}” (or “{value2}” to keep the explanations already stored) (found "
                            "“{value3}”).",
                            value=','.join(HEADER), value2=','.join(SHORT_HEADER), value3=shown(','.join(row), 80)),
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
                said = msg("Cần {want} cột như dòng tiêu đề, dòng này có {got} cột",
                           "{want} columns expected as in the header, this row has {got}", want=len(header), got=len(row))
                said += (msg(" (ô có dấu phẩy phải được bao trong ngoặc kép).", " (a cell holding a comma must be quoted).")
                         if len(row) > len(header) else ".")
                problems.append(RowProblem(line, said))
                continue
            cid = clean(row[0])
            crit = catalogue.get(cid)
            if crit is None and cid in catalogue.not_asked:  # the form has it; this level does not answer it
                problems.append(RowProblem(line, msg("Tiêu chí {cid} không hỏi cấp này (biểu mẫu {key} chỉ hỏi cấp khác); bỏ dòng này.",
                                                     "Criterion {cid} is not asked of this level (form {key} asks it of another level); remove the "
                                                     "row.",
                                                     cid=cid, key=catalogue.key)))
                continue
            if crit is None:
                problems.append(RowProblem(line, msg("Tiêu chí “{cid}” không có trong biểu mẫu {key}.",
                                                     "Criterion “{cid}” is not in form {key}.",
                                                     cid=shown(cid, 40), key=catalogue.key)))
                continue
            if cid in seen:
                problems.append(RowProblem(line, msg("Tiêu chí {cid} lặp lại (đã có ở dòng {value}).",
                                                     "Criterion {cid} appears twice (first at line {value}).",
                                                     cid=cid, value=seen[cid])))
                continue
            seen[cid] = line
            old = stored.get(cid)
            explanation = spreadsheet_text(row[2]) if len(header) == 3 else (old.explanation if old else "")
            try:
                result.append(make_entry(crit, spreadsheet_text(row[1]), explanation))
            except InputError as exc:
                problems.append(RowProblem(line, joined("{criterion}: {problem}", criterion=cid, problem=exc.text)))
    except _CsvSyntaxError as bad:
        problems.append(bad.problem)
    if header is None and not problems:
        problems.append(RowProblem(1, msg("Tệp trống.",
                                          "The file is empty.")))
    elif not problems and not result:
        problems.append(RowProblem(2, msg("Tệp không có dòng giá trị nào.",
                                          "The file holds no value rows.")))
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
