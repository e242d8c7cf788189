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
from c27desk.model.catalogue import BASES, KINDS, OPERATORS, ROLLUP_OPS, SEVERITIES, parse_catalogue

FORM, SECTIONS, CRITERIA, SCALES, RULES, ROLLUP, PREVIOUS = (
    "Biểu mẫu", "Phần", "Tiêu chí", "Thang mã", "Quy tắc", "Tổng hợp", "Năm trước")
FORM_KEYS = ("id", "version", "year", "title", "source", "previous_id", "previous_version", "levels")
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


class _Problems:
    def __init__(self) -> None:
        self.items: list[tuple[str, str]] = []

    def add(self, sheet: str, cell: str, vi: str, en: str) -> None:
        self.items.append((f"{sheet}!{cell}: {vi}", f"{sheet}!{cell}: {en}"))


def _rows(wb, name: str, cols: tuple[str, ...], problems: _Problems) -> list[tuple[int, dict[str, str]]]:
    if name not in wb.sheetnames:
        problems.add(name, "A1", "thiếu trang tính này.", "this sheet is missing.")
        return []
    ws = wb[name]
    header = [str(c.value or "").strip() for c in ws[1]]
    for i, col in enumerate(cols):
        if col not in header:
            problems.add(name, f"{chr(65 + i)}1", f"thiếu cột “{col}”.", f"column “{col}” is missing.")
    out = []
    for r, row in enumerate(ws.iter_rows(min_row=2, values_only=True), start=2):
        cells = {header[i]: ("" if v is None else str(v).strip()) for i, v in enumerate(row) if i < len(header)}
        if any(cells.values()):
            out.append((r, cells))
    return out


def _col(cols: tuple[str, ...] | list[str], name: str) -> str:
    return chr(65 + list(cols).index(name))


def _list(text: str) -> list[str]:
    return [x.strip() for x in text.split(",") if x.strip()]


def xlsx_to_form(data: bytes, source: str = "workbook") -> dict:
    """Read a form workbook back into the form's JSON; every problem is named by sheet and cell."""
    from openpyxl import load_workbook

    try:
        wb = load_workbook(io.BytesIO(data), read_only=False, data_only=False)
    except Exception as exc:  # noqa: BLE001 - any unreadable workbook is the same problem for the user
        raise CatalogueError("không đọc được tệp Excel (.xlsx).", "cannot read the Excel (.xlsx) file.",
                             where=source) from exc
    p = _Problems()
    form: dict[str, Any] = {"format": 1}
    notes: list[str] = []
    form_rows: dict[str, int] = {}
    for r, cells in _rows(wb, FORM, ("field", "value"), p):
        key, value = cells.get("field", ""), cells.get("value", "")
        if key == "note":
            notes.append(value)
        elif key in FORM_KEYS:
            form[key], form_rows[key] = value, r
        else:
            p.add(FORM, f"A{r}", f"trường “{key}” không có trong biểu mẫu.", f"unknown field “{key}”.")
    for key in ("id", "version", "year", "title"):
        if not form.get(key):
            p.add(FORM, "A:B", f"thiếu dòng “{key}”.", f"no “{key}” row.")
    try:
        form["year"] = int(form.get("year") or 0)
    except ValueError:
        p.add(FORM, f"B{form_rows.get('year', 1)}", "năm phải là số, ví dụ 2025.",
              "the year must be a number, e.g. 2025.")
    levels = _list(form.pop("levels", "") or "")
    if levels:
        form["levels"] = levels
    prev_id, prev_version = form.pop("previous_id", ""), form.pop("previous_version", "")
    form["notes"] = notes
    scales: dict[str, list[dict]] = {}
    for r, c in _rows(wb, SCALES, SCALE_COLS, p):
        if not c.get("scale") or not c.get("code") or not c.get("meaning"):
            p.add(SCALES, f"A{r}", "cần đủ thang, mã và ý nghĩa.", "scale, code and meaning are all needed.")
            continue
        basis = c.get("basis") or "inferred"
        if basis not in BASES:
            p.add(SCALES, f"{_col(SCALE_COLS, 'basis')}{r}", f"nguồn “{basis}” phải là một trong {', '.join(BASES)}.",
                  f"basis “{basis}” must be one of {', '.join(BASES)}.")
        scales.setdefault(c["scale"], []).append({"code": c["code"], "meaning": c["meaning"], "basis": basis})
    sections: dict[str, dict] = {}
    top: list[dict] = []
    for r, c in _rows(wb, SECTIONS, SECTION_COLS, p):
        sec = {"id": c.get("id", ""), "label": c.get("label", ""), "title": c.get("title", ""), "criteria": [],
               "sections": []}
        if not sec["id"] or sec["id"] in sections:
            p.add(SECTIONS, f"A{r}", "mã phần trống hoặc trùng.", "section id empty or duplicated.")
            continue
        sections[sec["id"]] = sec
        parent = c.get("parent", "")
        if parent:
            if parent not in sections:
                p.add(SECTIONS, f"B{r}", f"phần cha “{parent}” chưa có ở các dòng trên.",
                      f"parent section “{parent}” is not on a row above.")
                continue
            sections[parent]["sections"].append(sec)
        else:
            top.append(sec)
    crit_rows = _rows(wb, CRITERIA, CRIT_COLS, p)
    crit_row = {c.get("id", ""): r for r, c in crit_rows}
    header = [str(x.value or "").strip() for x in wb[CRITERIA][1]] if CRITERIA in wb.sheetnames else []
    for r, c in crit_rows:
        cid = c.get("id", "")
        kind = c.get("kind", "")
        if kind not in KINDS:
            p.add(CRITERIA, f"{_col(CRIT_COLS, 'kind')}{r}", f"loại “{kind}” phải là một trong {', '.join(KINDS)}.",
                  f"kind “{kind}” must be one of {', '.join(KINDS)}.")
            continue
        sec = sections.get(c.get("section", ""))
        if sec is None:
            p.add(CRITERIA, f"A{r}", f"phần “{c.get('section', '')}” không có trong trang {SECTIONS}.",
                  f"section “{c.get('section', '')}” is not on sheet {SECTIONS}.")
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
                p.add(CRITERIA, f"{_col(CRIT_COLS, 'scale')}{r}", f"thang mã “{scale}” không có trong trang {SCALES}.",
                      f"scale “{scale}” is not on sheet {SCALES}.")
                continue
            if scale.startswith("@"):
                crit["codes"] = scales[scale]
            else:
                crit["scale"] = scale
            pairs = {}
            for s in sugg:
                code, sep, text = s.partition(":")
                if not sep or len(code.strip()) != 1:
                    p.add(CRITERIA, f"{_col(CRIT_COLS, 'suggestions')}{r}", f"gợi ý “{s}” phải ghi dạng “A: diễn giải”.",
                          f"suggestion “{s}” must read “A: explanation”.")
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
            p.add(RULES, f"B{r}", f"mức phải là {' hoặc '.join(SEVERITIES)}.", f"severity must be {' or '.join(SEVERITIES)}.")
        if c.get("op") not in OPERATORS:
            p.add(RULES, f"D{r}", f"phép so sánh phải là một trong {' '.join(OPERATORS)}.",
                  f"the operator must be one of {' '.join(OPERATORS)}.")
        rule = {"id": c.get("id", ""), "severity": c.get("severity", ""), "left": _list(c.get("left", "")),
                "op": c.get("op", ""), "right": _list(c.get("right", "")), "message": c.get("message", "")}
        if c.get("message_en"):
            rule["message_en"] = c["message_en"]
        rules.append(rule)
    form["rules"] = rules
    rollup = []
    for r, c in _rows(wb, ROLLUP, ROLLUP_COLS, p):
        if c.get("op") not in ROLLUP_OPS:
            p.add(ROLLUP, f"D{r}", "phép tổng hợp phải là sum hoặc count.", "the roll-up op must be sum or count.")
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
        raise CatalogueError("\n  ".join(["có lỗi trong tệp Excel:", *(vi for vi, _ in p.items)]),
                             "\n  ".join(["the workbook has problems:", *(en for _, en in p.items)]), where=source)
    try:
        parse_catalogue(form, source=source)  # the checks a form file gets
    except CatalogueError as exc:
        raise CatalogueError(exc.vi, exc.en, where=_cell_of(exc.where or "", crit_row) or exc.where) from None
    return form


def _cell_of(where: str, crit_row: dict[str, int]) -> str:
    """The sheet and row behind a form error that names a criterion ("…: tiêu chí II.1")."""
    _, sep, cid = where.partition("tiêu chí ")
    row = crit_row.get(cid.strip()) if sep else None
    return f"{CRITERIA}!B{row} ({cid.strip()})" if row else ""
