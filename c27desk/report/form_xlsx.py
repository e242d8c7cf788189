"""A form as a workbook, and back: so a provincial IT officer can encode the official form received
from Văn phòng Trung ương in Excel instead of writing JSON.

Sheets: Biểu mẫu (the form's own fields), Phần (sections), Tiêu chí (criteria, one row each, with a
wording column per level), Thang mã (codes with their meanings and where each meaning comes from),
Quy tắc (cross-field rules), Tổng hợp (roll-up from child levels), Năm trước (previous.map).
Reading back names every problem by sheet and cell. Text is always written as string cells:
openpyxl would turn a text starting with "=" into a formula.
"""

from __future__ import annotations

import io
from pathlib import Path
from typing import Any

from c27desk.errors import CatalogueError
from c27desk.fileio import atomic_write_bytes
from c27desk.i18n import Count, Text, joined, listed, msg
from c27desk.model.catalogue import BASES, CODE_RE, KINDS, OPERATORS, ROLLUP_OPS, SEVERITIES, parse_catalogue
from c27desk.model.text import shown

FORM, SECTIONS, CRITERIA, SCALES, RULES, ROLLUP, PREVIOUS = (
    "Biểu mẫu", "Phần", "Tiêu chí", "Thang mã", "Quy tắc", "Tổng hợp", "Năm trước")
FORM_KEYS = ("id", "version", "year", "title", "source", "previous_id", "previous_version", "levels")
FORM_COLS = ("field", "value")
SECTION_COLS = ("id", "parent", "label", "title")
CRIT_COLS = ("section", "id", "stt", "kind", "text", "label", "unit", "scale", "levels", "suggestions")
SCALE_COLS = ("scale", "code", "meaning", "basis")
RULE_COLS = ("id", "severity", "left", "op", "right", "message", "message_en")
ROLLUP_COLS = ("parent", "child", "into", "op", "from")
PREVIOUS_COLS = ("id", "previous_id")
_SEP = " | "


def _put(ws, row: list[Any]) -> None:
    ws.append(row)
    for cell in ws[ws.max_row]:
        if isinstance(cell.value, str):
            cell.data_type = "s"  # never a formula, whatever the text starts with


def form_to_xlsx(raw: dict, path: Path) -> None:
    """Write a form (as its JSON) to a workbook; ``xlsx_to_form`` reads it back to the same form."""
    from openpyxl import Workbook
    from openpyxl.styles import Font

    wb = Workbook()
    ws = wb.active
    ws.title = FORM
    prev = raw.get("previous") or {}
    values = {"id": raw["id"], "version": raw["version"], "year": raw["year"], "title": raw["title"],
              "source": raw.get("source", ""), "previous_id": prev.get("id", ""),
              "previous_version": prev.get("version", ""), "levels": ", ".join(raw.get("levels") or [])}
    _put(ws, ["field", "value"])
    for key in FORM_KEYS:
        _put(ws, [key, values[key]])
    for note in raw.get("notes") or []:
        _put(ws, ["note", note])
    levels = list(raw.get("levels") or [])
    sheets = {name: wb.create_sheet(name) for name in (SECTIONS, CRITERIA, SCALES, RULES, ROLLUP, PREVIOUS)}
    _put(sheets[SECTIONS], list(SECTION_COLS))
    _put(sheets[CRITERIA], [*CRIT_COLS, *(f"text:{lv}" for lv in levels)])
    scales = {k: v for k, v in (raw.get("scales") or {}).items()}

    def walk(secs: list[dict], parent: str) -> None:
        for sec in secs:
            _put(sheets[SECTIONS], [sec["id"], parent, sec["label"], sec["title"]])
            for c in sec.get("criteria") or []:
                scale = c.get("scale", "")
                if c.get("codes"):
                    scale = f"@{c['id']}"
                    scales[scale] = c["codes"]
                sugg = c.get("suggestions") or {}
                sugg_text = _SEP.join(f"{k}: {v}" for k, v in sugg.items()) if isinstance(sugg, dict) \
                    else _SEP.join(sugg)
                by_level = c.get("text_by_level") or {}
                _put(sheets[CRITERIA], [sec["id"], c["id"], c["stt"], c["kind"], c["text"], c.get("label", ""),
                                        c.get("unit", ""), scale, ", ".join(c.get("levels") or []), sugg_text,
                                        *(by_level.get(lv, "") for lv in levels)])
            walk(sec.get("sections") or [], sec["id"])

    walk(raw["sections"], "")
    _put(sheets[SCALES], list(SCALE_COLS))
    for name, codes in scales.items():
        for code in codes:
            _put(sheets[SCALES], [name, code["code"], code["meaning"], code.get("basis", "inferred")])
    _put(sheets[RULES], list(RULE_COLS))
    for r in raw.get("rules") or []:
        _put(sheets[RULES], [r["id"], r["severity"], ", ".join(r["left"]), r["op"], ", ".join(r["right"]),
                             r["message"], r.get("message_en", "")])
    _put(sheets[ROLLUP], list(ROLLUP_COLS))
    for r in raw.get("rollup") or []:
        _put(sheets[ROLLUP], [r["parent"], r["child"], r["into"], r["op"], r.get("from", "")])
    _put(sheets[PREVIOUS], list(PREVIOUS_COLS))
    for new, old in (prev.get("map") or {}).items():
        _put(sheets[PREVIOUS], [new, old])
    for sheet in wb.worksheets:
        for cell in sheet[1]:
            cell.font = Font(bold=True)
        sheet.freeze_panes = "A2"
    buffer = io.BytesIO()
    wb.save(buffer)
    atomic_write_bytes(path, buffer.getvalue())


#: A form workbook is a few hundred rows; anything far larger is a mistake or an attack on memory.
MAX_XLSX_BYTES = 5 * 1024 * 1024
MAX_ROWS, MAX_COLS = 5000, 40


class _Problems:
    def __init__(self) -> None:
        self.items: list[Text] = []
        self.headers: dict[str, list[str]] = {}

    def add(self, sheet: str, cell: str, vi: str, en: str, **values: Any) -> None:
        self.items.append(joined("{sheet}!{cell}: {what}", sheet=sheet, cell=cell, what=msg(vi, en, **values)))

    def col(self, sheet: str, name: str, expected: tuple[str, ...]) -> str:
        """The letter of column ``name`` as the sheet's header row has it (a column may have been inserted)."""
        from openpyxl.utils import get_column_letter

        header = self.headers.get(sheet, [])
        index = header.index(name) if name in header else list(expected).index(name)
        return get_column_letter(index + 1)


def _too_big(sheet: str, size: Text) -> CatalogueError:
    return CatalogueError(msg("Trang tính “{sheet}” quá lớn ({size}); biểu mẫu chỉ cần tối đa {rows} dòng, {cols} cột.",
                              "The sheet “{sheet}” is too large ({size}); a form needs at most {rows} rows and {cols} "
                              "columns.", sheet=shown(sheet), size=size, rows=MAX_ROWS, cols=MAX_COLS))


def _read_sheet(ws, name: str, p: _Problems) -> list[list[Any]]:
    """The sheet's values, bounded before anything is iterated: the declared size first, then the rows
    as read (a workbook may declare no size). A formula cell is refused: the form holds text, and
    ``=HYPERLINK(…)`` or ``=1+1`` would be taken as the formula's text."""
    from openpyxl.utils import get_column_letter

    rows_declared, cols_declared = ws.max_row or 0, ws.max_column or 0
    if rows_declared > MAX_ROWS or cols_declared > MAX_COLS:
        raise _too_big(name, msg("{rows} dòng × {cols} cột", "{rows} rows × {cols} columns", rows=rows_declared,
                                 cols=cols_declared))
    out: list[list[Any]] = []
    for r, row in enumerate(ws.iter_rows(), start=1):
        if r > MAX_ROWS:
            raise _too_big(name, msg("hơn {rows} dòng", "more than {rows} rows", rows=MAX_ROWS))
        values = []
        for c, cell in enumerate(row, start=1):
            if c > MAX_COLS:
                if cell.value is not None:
                    raise _too_big(name, msg("có dữ liệu ở ô {cell}", "data in cell {cell}",
                                             cell=f"{get_column_letter(c)}{r}"))
                continue
            if getattr(cell, "data_type", None) == "f":
                p.add(name, f"{get_column_letter(c)}{r}", "Ô chứa công thức; biểu mẫu chỉ nhận chữ và số.",
                      "The cell holds a formula; a form takes only text and numbers.")
                values.append(None)
                continue
            values.append(cell.value)
        out.append(values)
    return out


def _merged_ranges(data: bytes, p: _Problems) -> None:
    """A merged range keeps its text in its first cell only, so a row would read as if the other columns
    were empty and the problem would be named at the wrong cell: the range itself is named instead.
    (Read-only mode does not expose merged ranges; by now the sheets are known to be within the caps.)"""
    from openpyxl import load_workbook

    book = load_workbook(io.BytesIO(data), read_only=False, data_only=False)
    try:
        for ws in book.worksheets:
            for merged in ws.merged_cells.ranges:
                p.add(ws.title, merged.coord, "Ô gộp (merge); hãy bỏ gộp và ghi mỗi giá trị vào ô của nó.",
                      "Merged cells; unmerge them and write each value in its own cell.")
    finally:
        book.close()


def _rows(wb, name: str, cols: tuple[str, ...], problems: _Problems) -> list[tuple[int, dict[str, str]]]:
    if name not in wb:
        problems.add(name, "A1", "Thiếu trang tính này.", "This sheet is missing.")
        return []
    values = wb[name]
    header = [str(v or "").strip() for v in (values[0] if values else [])]
    problems.headers[name] = header
    for i, col in enumerate(cols):
        if col not in header:
            problems.add(name, f"{chr(65 + i)}1", "Thiếu cột “{col}”.", "The column “{col}” is missing.", col=col)
    out = []
    for r, row in enumerate(values[1:], start=2):
        cells = {header[i]: ("" if v is None else str(v).strip()) for i, v in enumerate(row) if i < len(header)}
        if any(cells.values()):
            out.append((r, cells))
    return out


def _list(text: str) -> list[str]:
    return [x.strip() for x in text.split(",") if x.strip()]


def xlsx_to_form(data: bytes, source: str = "workbook") -> dict:
    """Read a form workbook back into the form's JSON; every problem is named by sheet and cell."""
    from openpyxl import load_workbook

    if len(data) > MAX_XLSX_BYTES:
        raise CatalogueError(msg("Tệp Excel quá lớn ({size} KB; tối đa {limit} KB).",
                                 "The workbook is too large ({size} KB; at most {limit} KB).",
                                 size=Count(len(data) // 1024),
                                 limit=Count(MAX_XLSX_BYTES // 1024)), where=source)
    p = _Problems()
    try:
        book = load_workbook(io.BytesIO(data), read_only=True, data_only=False)
        try:
            wb = {ws.title: _read_sheet(ws, ws.title, p) for ws in book.worksheets}
        finally:
            book.close()
        _merged_ranges(data, p)  # only once the workbook is known to be small
    except CatalogueError:
        raise
    except Exception as exc:  # noqa: BLE001 - any unreadable workbook is the same problem for the user
        raise CatalogueError(msg("Không đọc được tệp Excel (.xlsx).", "The Excel (.xlsx) file cannot be read."),
                             where=source) from exc
    form: dict[str, Any] = {"format": 1}
    notes: list[str] = []
    form_rows: dict[str, int] = {}
    for r, cells in _rows(wb, FORM, FORM_COLS, p):
        key, value = cells.get("field", ""), cells.get("value", "")
        if key == "note":
            notes.append(value)
        elif key in FORM_KEYS:
            form[key], form_rows[key] = value, r
        else:
            p.add(FORM, f"{p.col(FORM, 'field', FORM_COLS)}{r}", "Trường “{key}” không có trong biểu mẫu.",
                  "Unknown field “{key}”.", key=shown(key))
    for key in ("id", "version", "year", "title"):
        if not form.get(key):
            p.add(FORM, "A:B", "Thiếu dòng “{key}”.", "The row “{key}” is missing.", key=key)
    try:
        form["year"] = int(form.get("year") or 0)
    except ValueError:
        p.add(FORM, f"{p.col(FORM, 'value', FORM_COLS)}{form_rows.get('year', 1)}", "Năm phải là số, ví dụ 2025.",
              "The year must be a number, e.g. 2025.")
    levels = _list(form.pop("levels", "") or "")
    if levels:
        form["levels"] = levels
    prev_id, prev_version = form.pop("previous_id", ""), form.pop("previous_version", "")
    form["notes"] = notes
    scales: dict[str, list[dict]] = {}
    for r, c in _rows(wb, SCALES, SCALE_COLS, p):
        if not c.get("scale") or not c.get("code") or not c.get("meaning"):
            p.add(SCALES, f"{p.col(SCALES, 'scale', SCALE_COLS)}{r}", "Cần đủ thang, mã và ý nghĩa.",
                  "Scale, code and meaning are all needed.")
            continue
        if not CODE_RE.match(c["code"]):
            p.add(SCALES, f"{p.col(SCALES, 'code', SCALE_COLS)}{r}", "Mã “{code}” phải là một chữ cái hoa.",
                  "The code “{code}” must be one capital letter.", code=shown(c["code"]))
            continue
        basis = c.get("basis") or "inferred"
        if basis not in BASES:
            p.add(SCALES, f"{p.col(SCALES, 'basis', SCALE_COLS)}{r}", "Nguồn “{basis}” phải là một trong {choices}.",
                  "The basis “{basis}” must be one of {choices}.", basis=shown(basis), choices=", ".join(BASES))
        scales.setdefault(c["scale"], []).append({"code": c["code"], "meaning": c["meaning"], "basis": basis})
    sections: dict[str, dict] = {}
    top: list[dict] = []
    for r, c in _rows(wb, SECTIONS, SECTION_COLS, p):
        sec = {"id": c.get("id", ""), "label": c.get("label", ""), "title": c.get("title", ""), "criteria": [],
               "sections": []}
        if not sec["id"] or sec["id"] in sections:
            p.add(SECTIONS, f"{p.col(SECTIONS, 'id', SECTION_COLS)}{r}", "Mã phần trống hoặc trùng.",
                  "The section id is empty or used twice.")
            continue
        sections[sec["id"]] = sec
        parent = c.get("parent", "")
        if parent:
            if parent not in sections:
                p.add(SECTIONS, f"{p.col(SECTIONS, 'parent', SECTION_COLS)}{r}", "Phần cha “{parent}” chưa có ở các dòng trên.",
                      "The parent section “{parent}” is not on a row above.", parent=shown(parent))
                continue
            sections[parent]["sections"].append(sec)
        else:
            top.append(sec)
    crit_rows = _rows(wb, CRITERIA, CRIT_COLS, p)
    crit_row = {c.get("id", ""): r for r, c in crit_rows}
    header = p.headers.get(CRITERIA, [])
    for r, c in crit_rows:
        cid = c.get("id", "")
        kind = c.get("kind", "")
        if kind not in KINDS:
            p.add(CRITERIA, f"{p.col(CRITERIA, 'kind', CRIT_COLS)}{r}", "Loại “{kind}” phải là một trong {choices}.",
                  "The kind “{kind}” must be one of {choices}.", kind=shown(kind), choices=", ".join(KINDS))
            continue
        sec = sections.get(c.get("section", ""))
        if sec is None:
            p.add(CRITERIA, f"{p.col(CRITERIA, 'section', CRIT_COLS)}{r}", "Phần “{section}” không có trong trang {sheet}.",
                  "The section “{section}” is not on sheet {sheet}.", section=shown(c.get("section", "")), sheet=SECTIONS)
            continue
        crit: dict[str, Any] = {"id": cid, "stt": c.get("stt", ""), "text": c.get("text", ""), "kind": kind}
        for key in ("label", "unit"):
            if c.get(key):
                crit[key] = c[key]
        if c.get("levels"):
            crit["levels"] = _list(c["levels"])
        sugg = [s.strip() for s in (c.get("suggestions") or "").split(_SEP.strip()) if s.strip()]
        if kind == "status":
            scale = c.get("scale", "")
            if scale not in scales:
                p.add(CRITERIA, f"{p.col(CRITERIA, 'scale', CRIT_COLS)}{r}", "Thang mã “{scale}” không có trong trang {sheet}.",
                      "The scale “{scale}” is not on sheet {sheet}.", scale=shown(scale), sheet=SCALES)
                continue
            if scale.startswith("@"):
                crit["codes"] = scales[scale]
            else:
                crit["scale"] = scale
            pairs = {}
            for s in sugg:
                code, sep, text = s.partition(":")
                if not sep or len(code.strip()) != 1:
                    p.add(CRITERIA, f"{p.col(CRITERIA, 'suggestions', CRIT_COLS)}{r}", "Gợi ý “{text}” phải ghi dạng “A: diễn giải”.",
                          "The suggestion “{text}” must read “A: explanation”.", text=shown(s))
                    continue
                pairs[code.strip()] = text.strip()
            crit["suggestions"] = pairs
        elif sugg:
            crit["suggestions"] = sugg
        by_level = {h.split(":", 1)[1]: c[h] for h in header if h.startswith("text:") and c.get(h)}
        if by_level:
            crit["text_by_level"] = by_level
        sec["criteria"].append(crit)
    form["scales"] = {k: v for k, v in scales.items() if not k.startswith("@")}
    form["sections"] = top
    rules = []
    for r, c in _rows(wb, RULES, RULE_COLS, p):
        if c.get("severity") not in SEVERITIES:
            p.add(RULES, f"{p.col(RULES, 'severity', RULE_COLS)}{r}", "Mức phải là {a} hoặc {b}.",
                  "The severity must be {a} or {b}.", a=SEVERITIES[0], b=SEVERITIES[1])
        if c.get("op") not in OPERATORS:
            p.add(RULES, f"{p.col(RULES, 'op', RULE_COLS)}{r}", "Phép so sánh phải là một trong {choices}.",
                  "The operator must be one of {choices}.", choices=" ".join(OPERATORS))
        rule = {"id": c.get("id", ""), "severity": c.get("severity", ""), "left": _list(c.get("left", "")),
                "op": c.get("op", ""), "right": _list(c.get("right", "")), "message": c.get("message", "")}
        if c.get("message_en"):
            rule["message_en"] = c["message_en"]
        rules.append(rule)
    form["rules"] = rules
    rollup = []
    for r, c in _rows(wb, ROLLUP, ROLLUP_COLS, p):
        if c.get("op") not in ROLLUP_OPS:
            p.add(ROLLUP, f"{p.col(ROLLUP, 'op', ROLLUP_COLS)}{r}", "Phép tổng hợp phải là sum hoặc count.",
                  "The roll-up op must be sum or count.")
        item = {"parent": c.get("parent", ""), "child": c.get("child", ""), "into": c.get("into", ""),
                "op": c.get("op", "")}
        if c.get("from"):
            item["from"] = c["from"]
        rollup.append(item)
    if rollup:
        form["rollup"] = rollup
    mapping = {c["id"]: c["previous_id"] for _r, c in _rows(wb, PREVIOUS, PREVIOUS_COLS, p)
               if c.get("id") and c.get("previous_id")}
    form["previous"] = ({"id": prev_id, "version": prev_version, **({"map": mapping} if mapping else {})}
                        if prev_id else None)
    if p.items:
        raise CatalogueError(msg("Tệp Excel có lỗi:\n  {problems}", "The workbook has problems:\n  {problems}",
                                 problems=listed(p.items, "\n  ")), where=source)
    try:
        parse_catalogue(form, source=source)  # the checks a form file gets
    except CatalogueError as exc:
        raise CatalogueError(exc.text, where=_cell_of(exc.field, crit_row, p) or exc.where, field=exc.field) from None
    return form


def _cell_of(criterion: str | None, crit_row: dict[str, int], p: _Problems) -> str:
    """The sheet and row of the criterion a form error is about (``CatalogueError.field``)."""
    row = crit_row.get(criterion) if criterion else None
    return f"{CRITERIA}!{p.col(CRITERIA, 'id', CRIT_COLS)}{row} ({criterion})" if row else ""
