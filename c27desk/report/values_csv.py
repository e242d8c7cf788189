"""The values file a unit can load or dump: UTF-8 CSV ``criterion,value,explanation``.

Loading is all-or-nothing: every bad row is reported with its line number and reason, and
nothing is written unless every row is good. Dumping writes canonical values (decimal
point, capital codes, ``N/A`` for not applicable) in catalogue order, so a dump loads back
to the same answers.
"""

from __future__ import annotations

import csv
import io
import json
from collections.abc import Mapping
from dataclasses import dataclass

from c27desk.errors import C27Error, InputError
from c27desk.model.catalogue import Catalogue
from c27desk.model.text import clean
from c27desk.model.values import NA_TOKENS, NOT_APPLICABLE, Entry, make_entry

HEADER = ("criterion", "value", "explanation")
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

    def lines(self, lang: str = "vi") -> list[str]:
        label = "dòng" if lang == "vi" else "line"
        return [f"{label} {p.line}: {p.vi if lang == 'vi' else p.en}" for p in self.problems]


def _decode(data: bytes, source: str) -> str:
    if len(data) > MAX_BYTES:
        raise ValuesFileError(source, [RowProblem(1, f"tệp lớn hơn {MAX_BYTES // 1024 // 1024} MB.",
                                                  f"the file is larger than {MAX_BYTES // 1024 // 1024} MB.")])
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        line = data[: exc.start].count(b"\n") + 1
        raise ValuesFileError(source, [RowProblem(
            line,
            f"byte 0x{data[exc.start]:02x} không phải UTF-8; hãy lưu tệp dạng “CSV UTF-8”.",
            f"byte 0x{data[exc.start]:02x} is not UTF-8; save the file as “CSV UTF-8”.",
        )]) from exc


def parse_values_csv(data: bytes, catalogue: Catalogue, source: str = "CSV") -> list[Entry]:
    """Every row as a validated Entry, or ValuesFileError listing every bad row."""
    text = _decode(data, source)
    if "\x00" in text:
        raise ValuesFileError(source, [RowProblem(1, "tệp chứa ký tự NUL, không phải CSV.",
                                                  "the file holds NUL characters; it is not CSV.")])
    reader = csv.reader(io.StringIO(text, newline=""))
    problems: list[RowProblem] = []
    result: list[Entry] = []
    seen: dict[str, int] = {}
    start_line = 1
    header_done = False
    try:
        for row in reader:
            line, start_line = start_line, reader.line_num + 1
            if not header_done:
                header_done = True
                got = tuple(clean(c).lower() for c in row)
                if got != HEADER:
                    problems.append(RowProblem(
                        line,
                        f"dòng tiêu đề phải là “{','.join(HEADER)}” (đang là “{','.join(row)}”).",
                        f"the header must be “{','.join(HEADER)}” (found “{','.join(row)}”).",
                    ))
                    break
                continue
            if not any(clean(c) for c in row):
                continue
            if len(row) not in (2, 3):
                problems.append(RowProblem(line, f"cần 3 cột, dòng này có {len(row)} cột.",
                                           f"3 columns expected, this row has {len(row)}."))
                continue
            cid = clean(row[0])
            crit = catalogue.get(cid)
            if crit is None:
                problems.append(RowProblem(line, f"tiêu chí “{cid}” không có trong danh mục {catalogue.key}.",
                                           f"criterion “{cid}” is not in catalogue {catalogue.key}."))
                continue
            if cid in seen:
                problems.append(RowProblem(line, f"tiêu chí {cid} lặp lại (đã có ở dòng {seen[cid]}).",
                                           f"criterion {cid} appears twice (first at line {seen[cid]})."))
                continue
            seen[cid] = line
            try:
                result.append(make_entry(crit, row[1], row[2] if len(row) > 2 else ""))
            except InputError as exc:
                problems.append(RowProblem(line, f"{cid}: {exc.vi}", f"{cid}: {exc.en}"))
    except csv.Error as exc:
        problems.append(RowProblem(start_line, f"CSV sai cú pháp: {exc}.", f"malformed CSV: {exc}."))
    if not header_done:
        problems.append(RowProblem(1, "tệp trống.", "the file is empty."))
    elif not problems and not result:
        problems.append(RowProblem(2, "tệp không có dòng giá trị nào.", "the file holds no value rows."))
    if problems:
        raise ValuesFileError(source, problems)
    return result


def _cell_value(entry: Entry) -> str:
    if entry.state == NOT_APPLICABLE:
        return NA_TOKENS[0]
    return entry.value or ""


def dump_values_csv(catalogue: Catalogue, entries: Mapping[str, Entry]) -> str:
    out = io.StringIO(newline="")
    writer = csv.writer(out, lineterminator="\r\n")
    writer.writerow(HEADER)
    for crit in catalogue.criteria:
        entry = entries.get(crit.id)
        if entry is not None:
            writer.writerow([crit.id, _cell_value(entry), entry.explanation])
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
