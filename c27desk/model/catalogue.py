"""The catalogue of criteria a unit reports on, parsed from a data file's JSON.

A catalogue is data, not code: next year's form is another file. Parsing checks the
whole structure and names the offending entry, because a broken catalogue would
otherwise surface as wrong reports much later.

A form is written once and read for a year and a level: year-bound wording is a token
relative to the report's year (``{năm}``, ``{năm+1}``, ``{năm-1}``), so one form serves
several years without ever printing another year's wording; a criterion may be asked of
some levels only and worded per level. The content hash is taken over the form as
written (tokens, all levels), so every office can tell it holds the same form.
"""

from __future__ import annotations

import hashlib
import json
import re
from collections.abc import Iterator, Mapping
from dataclasses import dataclass, field, replace
from typing import Any

from c27desk.errors import CatalogueError
from c27desk.i18n import Text, joined, msg, pair
from c27desk.model.text import clean, shown

KINDS = ("status", "count", "amount", "text")
NUMERIC_KINDS = ("count", "amount")
SEVERITIES = ("error", "warning")
OPERATORS = ("<=", "<", ">=", ">", "==")
CODE_RE = re.compile(r"^[A-Z]$")
LEVEL_RE = re.compile(r"^[a-z0-9][a-z0-9-]{0,31}$")
YEAR_TOKEN = re.compile(r"\{năm(?:([+-])([0-9]))?\}")
BRACED = re.compile(r"\{[^{}]*\}")
#: where a code's meaning comes from: the official form, the seed report's own explanation, or inferred by us
BASES = ("official", "seed", "inferred")
ROLLUP_OPS = ("sum", "count")
ID_RE = re.compile(r"^[A-Z]+(\.[0-9]+)+$|^[IVX]+$")


@dataclass(frozen=True)
class Code:
    code: str
    meaning: str
    suggestion: str | None = None
    basis: str = "inferred"

    @property
    def inferred(self) -> bool:
        return self.basis == "inferred"


@dataclass(frozen=True)
class Criterion:
    id: str
    stt: str
    text: str
    kind: str
    section_id: str
    label: str = ""
    unit: str = ""
    codes: tuple[Code, ...] = ()
    suggestions: tuple[str, ...] = ()
    from_children: Mapping[str, Any] | None = None
    levels: tuple[str, ...] = ()  # the levels that answer it; empty = every level
    text_by_level: Mapping[str, str] | None = None  # the wording a level sees where it differs

    def code(self, letter: str) -> Code | None:
        return next((c for c in self.codes if c.code == letter), None)

    @property
    def is_numeric(self) -> bool:
        return self.kind in NUMERIC_KINDS


@dataclass(frozen=True)
class Section:
    id: str
    label: str
    title: str
    criteria: tuple[Criterion, ...]
    sections: tuple[Section, ...] = ()
    parent_id: str | None = None

    def all_criteria(self) -> Iterator[Criterion]:
        yield from self.criteria
        for sub in self.sections:
            yield from sub.all_criteria()


@dataclass(frozen=True)
class Rule:
    """A cross-field check: sum(left) OP sum(right), evaluated when all are answered numbers."""

    id: str
    severity: str
    left: tuple[str, ...]
    op: str
    right: tuple[str, ...]
    message_vi: str
    message_en: str

    @property
    def criteria(self) -> tuple[str, ...]:
        return self.left + self.right

    @property
    def text(self) -> Text:
        """The rule's message as the form file words it: user data, so a brace in it is text, not a placeholder."""
        return form_text(self.message_vi, self.message_en)


@dataclass(frozen=True)
class Rollup:
    """How a parent level's criterion is made from its children of one level: sum of a criterion, or a count."""

    parent: str
    child: str
    into: str
    op: str
    source: str | None = None


@dataclass(frozen=True)
class Catalogue:
    id: str
    version: str
    year: int
    title: str
    sections: tuple[Section, ...]
    rules: tuple[Rule, ...]
    content_hash: str
    previous: Mapping[str, Any] | None = None
    notes: tuple[str, ...] = ()
    raw: Mapping[str, Any] = field(default_factory=dict, repr=False, compare=False)
    report_year: int = 0  # the year the wording is written for (the form's own year unless re-dated)
    level: str | None = None  # the level this view is for; None = every criterion of the form
    levels: tuple[str, ...] = ()  # the levels the form is written for
    rollups: tuple[Rollup, ...] = ()
    not_asked: tuple[str, ...] = ()  # criteria of the form this level does not answer
    not_asked_text: str | None = None  # printed in their place when the form keeps their rows; None: left out
    printed_sections: tuple[Section, ...] | None = None  # what the appendix prints, when it differs from sections

    def walk_printed(self) -> Iterator[tuple[Section, int]]:
        """The appendix's sections: this level's, plus the rows it is not asked when the form prints them."""
        yield from _walk(self.printed_sections if self.printed_sections is not None else self.sections, 0)

    @property
    def key(self) -> str:
        return f"{self.id}/{self.version}"

    @property
    def criteria(self) -> tuple[Criterion, ...]:
        # kept once built: an office's consolidation asks for it for every one of thousands of units
        cached = self.__dict__.get("_criteria")
        if cached is None:
            cached = tuple(c for s in self.sections for c in s.all_criteria())
            object.__setattr__(self, "_criteria", cached)
        return cached

    def get(self, criterion_id: str) -> Criterion | None:
        return self._index().get(criterion_id)

    def __getitem__(self, criterion_id: str) -> Criterion:
        found = self.get(criterion_id)
        if found is None:
            raise KeyError(criterion_id)
        return found

    def _index(self) -> dict[str, Criterion]:
        cached = self.__dict__.get("_by_id")
        if cached is None:
            cached = {c.id: c for c in self.criteria}
            object.__setattr__(self, "_by_id", cached)
        return cached

    def walk_sections(self) -> Iterator[tuple[Section, int]]:
        """Every section and sub-section in document order, with its depth (0 for I … VIII)."""
        yield from _walk(self.sections, 0)

    def section(self, section_id: str) -> Section | None:
        return next((s for s, _ in self.walk_sections() if s.id == section_id), None)

    def carry_map(self) -> dict[str, str]:
        """This catalogue's criterion id -> last year's id, for carrying values forward."""
        if not self.previous:
            return {}
        mapping = self.previous.get("map")
        if mapping is None:  # same ids as last year unless said otherwise
            return {c.id: c.id for c in self.criteria}
        return dict(mapping)


def _walk(sections: tuple[Section, ...], depth: int) -> Iterator[tuple[Section, int]]:
    for s in sections:
        yield s, depth
        yield from _walk(s.sections, depth + 1)


def content_hash(data: Mapping[str, Any]) -> str:
    """SHA-256 of the canonical JSON, so two offices can tell they hold the same catalogue."""
    canonical = json.dumps(data, ensure_ascii=False, sort_keys=True, separators=(",", ":"))
    return hashlib.sha256(canonical.encode("utf-8")).hexdigest()


def form_text(vi: str, en: str) -> Text:
    """Words a form file gives in both languages, as a message that renders them exactly as written."""
    return pair(vi, en or vi)


def _fail(where: Text | str, vi: str, en: str, **values: Any) -> CatalogueError:
    """The refusal, with ``field`` set to the criterion at fault when ``where`` names one (so that a
    workbook can point at the criterion's row)."""
    part = where.values.get("part") if isinstance(where, Text) else None
    criterion = part.values.get("criterion") if isinstance(part, Text) else None
    return CatalogueError(msg(vi, en, **values), where=where, field=criterion)


def _at(source: Text | str, vi: str, en: str, **values: Any) -> Text:
    """Where in a form file, in the reader's language: "p27.json: tiêu chí II.1" / "p27.json: criterion II.1"."""
    return joined("{source}: {part}", source=source, part=msg(vi, en, **values))


def _text(obj: Mapping[str, Any], key: str, where: Text | str, *, required: bool = True) -> str:
    value = obj.get(key)
    if value is None:
        if required:
            raise _fail(where, "Thiếu trường “{key}”.", "The field “{key}” is missing.", key=key)
        return ""
    if not isinstance(value, str):
        raise _fail(where, "Trường “{key}” phải là chuỗi.", "The field “{key}” must be a string.", key=key)
    value = clean(value)
    if required and not value:
        raise _fail(where, "Trường “{key}” để trống.", "The field “{key}” is empty.", key=key)
    return value


#: A form's id and version end up in file names (``ID_VERSION_YEAR.c27form``) and database keys.
NAME_PART_RE = re.compile(r"^[A-Za-z0-9_-][A-Za-z0-9._-]{0,63}$")


def _name_part(obj: Mapping[str, Any], key: str, where: Text | str) -> str:
    """A form's id or version: plain characters only, so no form can name a path (``/../``) or carry
    control characters into a file name or a terminal."""
    raw = obj.get(key)
    value = _text(obj, key, where)
    if value != raw or not NAME_PART_RE.match(value):
        raise _fail(where, "Trường “{key}” chỉ được gồm chữ cái không dấu, chữ số, “.”, “_”, “-” (không bắt đầu "
                           "bằng “.”, tối đa 64 ký tự).",
                    "The field “{key}” may only hold unaccented letters, digits, “.”, “_” and “-” (not starting "
                    "with “.”, at most 64 characters).", key=key)
    return value


def render_year(text: str, year: int) -> str:
    """Year tokens replaced: ``{năm}`` is the report's year, ``{năm+1}`` the next one, ``{năm-1}`` the last."""

    def one(m: re.Match[str]) -> str:
        sign, n = m.group(1), int(m.group(2) or 0)
        return str(year + n if sign == "+" else year - n)

    return YEAR_TOKEN.sub(one, text)


_LITERAL_KEYS = ("notes", "source")


def _render(obj: Any, year: int) -> Any:
    if isinstance(obj, str):
        return render_year(obj, year)
    if isinstance(obj, list):
        return [_render(x, year) for x in obj]
    if isinstance(obj, dict):
        return {k: _render(v, year) for k, v in obj.items()}
    return obj


def _check_tokens(obj: Any, where: Text | str) -> None:
    """A brace that is not a year token is a typo ({nam}, {năm+}) that would print as is: refuse it.

    The way down to each string is kept as raw steps and worded only for the one refused: a form
    has some 2,000 strings, and wording each one's place up front cost a window's start ~25 ms."""
    _check_tokens_at(obj, where, ())


def _check_tokens_at(obj: Any, where: Text | str, steps: tuple[int | str, ...]) -> None:
    if isinstance(obj, str):
        for m in BRACED.finditer(obj):
            if not YEAR_TOKEN.fullmatch(m.group(0)):
                place = _token_place(where, steps)
                raise _fail(place, "Mã năm “{token}” không hợp lệ (dùng {{năm}}, {{năm+1}}, {{năm-1}}).",
                            "The year token “{token}” is not valid (use {{năm}}, {{năm+1}}, {{năm-1}}).",
                            token=shown(m.group(0)))
    elif isinstance(obj, list):
        for i, x in enumerate(obj):
            _check_tokens_at(x, where, (*steps, i + 1))
    elif isinstance(obj, dict):
        for k, v in obj.items():
            _check_tokens_at(v, where, (*steps, str(obj.get("id", k) if isinstance(v, (dict, list)) else k)))


def _token_place(where: Text | str, steps: tuple[int | str, ...]) -> Text | str:
    """``source › sections[2] › II.3 › text``: a list's item by its number, an object by its id or key."""
    for step in steps:
        where = (joined("{where}[{i}]", where=where, i=step) if isinstance(step, int)
                 else joined("{where} › {key}", where=where, key=shown(step)))
    return where


def parse_catalogue(data: Any, source: str = "catalogue", *, year: int | None = None,
                    level: str | None = None) -> Catalogue:
    """Build a Catalogue from decoded JSON, or raise CatalogueError naming the bad entry.

    ``year`` renders the wording for that report year (default: the form's own year); ``level``
    keeps only what that level answers, in the wording that level sees.
    """
    if not isinstance(data, dict):
        raise _fail(source, "Tệp biểu mẫu phải là một đối tượng JSON.", "A form file must be a JSON object.")
    if "format" not in data or data["format"] is None:
        raise _fail(source, "Tệp biểu mẫu thiếu trường “format” (cần “format”: 1).",
                    "The form file has no “format” field (it needs “format”: 1).")
    if data.get("format") != 1:
        raise _fail(source, "Định dạng biểu mẫu “{format}” không được hỗ trợ (cần 1).",
                    "The form format “{format}” is not supported (expected 1).", format=shown(str(data.get("format"))))
    form_year = data.get("year")
    if not isinstance(form_year, int) or not 2000 <= form_year <= 2100:
        raise _fail(source, "Năm báo cáo (“year”) không hợp lệ.", "The form's year (“year”) is not valid.")
    if year is not None and year < form_year:
        raise _fail(source, "Biểu mẫu dùng từ năm {form_year}, không dùng được cho năm {year}.",
                    "The form applies from {form_year} and cannot be used for {year}.", form_year=form_year, year=year)
    _check_tokens(data, source)
    template = data
    # notes and source speak about the form itself (and may show the tokens): never re-dated
    data = {k: v if k in _LITERAL_KEYS else _render(v, year or form_year) for k, v in data.items()}
    form_levels = _parse_levels(data.get("levels"), source)
    if level is not None and form_levels and level not in form_levels:
        level = None  # a level the form does not know sees the whole form
    cat_id = _name_part(data, "id", source)
    version = _name_part(data, "version", source)
    title = _text(data, "title", source)
    scales = _parse_scales(data.get("scales") or {}, source)
    seen: dict[str, str] = {}
    raw_sections = data.get("sections")
    if not isinstance(raw_sections, list) or not raw_sections:
        raise _fail(source, "Biểu mẫu không có phần nào (“sections”).", "The form has no sections (“sections”).")
    sections = tuple(_parse_section(s, None, scales, seen, source, form_levels) for s in raw_sections)
    criteria_ids = {cid for cid, kind in seen.items() if kind != "section"}
    if not criteria_ids:
        raise _fail(source, "Biểu mẫu không có tiêu chí nào.", "The form has no criteria.")
    all_criteria = [c for s in sections for c in s.all_criteria()]
    kinds = {c.id: c.kind for c in all_criteria}
    rules = tuple(_parse_rule(r, i, kinds, source) for i, r in enumerate(data.get("rules") or []))
    for crit in (c for c in all_criteria if c.from_children is not None):
        _check_from_children(crit, kinds, source)
    rollups = _parse_rollups(data.get("rollup"), {c.id: c for c in all_criteria}, form_levels, source)
    rollups += tuple(Rollup("*", c.from_children["level"], c.id, c.from_children["op"], c.from_children.get("source"))
                     for c in all_criteria if c.from_children is not None)  # forms written before "rollup"
    not_asked: tuple[str, ...] = ()
    not_asked_text = _parse_not_asked(data.get("not_asked"), source)
    printed = None
    if level is not None:
        not_asked = tuple(c.id for c in all_criteria if c.levels and level not in c.levels)
        if not_asked_text is not None:
            printed = tuple(_for_level(s, level, keep_all=True) for s in sections)
        sections = tuple(s for s in (_for_level(s, level) for s in sections) if s is not None)
        # a rule written over a criterion this level is not asked means something else at this level: left out
        rules = tuple(r for r in rules if not set(r.criteria) & set(not_asked))
    rule_ids = [r.id for r in rules]
    dup = {r for r in rule_ids if rule_ids.count(r) > 1}
    if dup:
        raise _fail(source, "Quy tắc trùng mã: {ids}.", "Duplicate rule id: {ids}." if len(dup) == 1
                    else "Duplicate rule ids: {ids}.", ids=", ".join(sorted(dup)))
    previous = data.get("previous")
    if previous is not None:
        if not isinstance(previous, dict) or not previous.get("id") or not previous.get("version"):
            raise _fail(source, "Trường “previous” phải có “id” và “version”.", "The field “previous” needs “id” and “version”.")
        mapping = previous.get("map")
        if mapping is not None:
            if not isinstance(mapping, dict):
                raise _fail(source, "Trường “previous.map” phải là một bảng.", "The field “previous.map” must be an object.")
            unknown = [k for k in mapping if k not in criteria_ids]
            if unknown:
                raise _fail(source, "Trường “previous.map” nêu tiêu chí không có: {ids}.",
                            "The field “previous.map” names an unknown criterion: {ids}." if len(unknown) == 1
                            else "The field “previous.map” names unknown criteria: {ids}.",
                            ids=", ".join(shown(str(k)) for k in unknown))
    notes = data.get("notes") or []
    return Catalogue(
        id=cat_id,
        version=version,
        year=form_year,
        title=title,
        sections=sections,
        rules=rules,
        content_hash=content_hash(template),
        previous=previous,
        notes=tuple(clean(n) for n in notes if isinstance(n, str)),
        raw=template,
        report_year=year or form_year,
        level=level,
        levels=form_levels,
        rollups=rollups,
        not_asked=not_asked,
        not_asked_text=not_asked_text,
        printed_sections=printed,
    )


def _parse_not_asked(raw: Any, source: str) -> str | None:
    """``not_asked``: {"print": "omit"} leaves a level's unasked rows out of its appendix (the default);
    {"print": "row", "text": "—"} keeps them, with that text in the value column."""
    if raw is None:
        return None
    if not isinstance(raw, dict) or raw.get("print") not in ("omit", "row"):
        raise _fail(source, "Trường “not_asked.print” phải là omit hoặc row.", "The field “not_asked.print” must be omit or row.")
    if raw["print"] == "omit":
        return None
    text = raw.get("text", "")
    if not isinstance(text, str):
        raise _fail(source, "Trường “not_asked.text” phải là chuỗi.", "The field “not_asked.text” must be a string.")
    return clean(text)


def _parse_levels(raw: Any, source: str) -> tuple[str, ...]:
    if raw is None:
        return ()
    if not isinstance(raw, list) or not all(isinstance(x, str) and LEVEL_RE.match(x) for x in raw):
        raise _fail(source, "Trường “levels” phải là danh sách mã cấp (ví dụ tinh, huyen, xa).",
                    "The field “levels” must be a list of level codes (e.g. tinh, huyen, xa).")
    return tuple(raw)


def _for_level(section: Section, level: str, *, keep_all: bool = False) -> Section | None:
    """The section as ``level`` sees it: criteria it does not answer left out (kept with ``keep_all``, for
    printing), its own wording used."""
    criteria = tuple(c for c in section.criteria if keep_all or not c.levels or level in c.levels)
    subs = tuple(s for s in (_for_level(s, level, keep_all=keep_all) for s in section.sections) if s is not None)
    if not criteria and not subs:
        return None
    criteria = tuple(_worded_for(c, level) for c in criteria)
    return Section(section.id, section.label, section.title, criteria, subs, section.parent_id)


def _worded_for(crit: Criterion, level: str) -> Criterion:
    text = (crit.text_by_level or {}).get(level)
    return replace(crit, text=text) if text else crit


def _parse_rollups(raw: Any, criteria: dict[str, Criterion], levels: tuple[str, ...],
                   source: str) -> tuple[Rollup, ...]:
    """``rollup``: [{"parent": "tinh", "child": "huyen", "into": "II.3", "op": "sum", "from": "II.1"}, …]."""
    if raw is None:
        return ()
    if not isinstance(raw, list):
        raise _fail(source, "Trường “rollup” phải là một danh sách.", "The field “rollup” must be a list.")
    out = []
    for i, item in enumerate(raw):
        where = _at(source, "quy tắc tổng hợp #{i}", "roll-up rule #{i}", i=i + 1)
        if not isinstance(item, dict):
            raise _fail(where, "Mỗi quy tắc tổng hợp phải là một đối tượng.", "Each roll-up rule must be an object.")
        parent, child, into, op, src = (item.get(k) for k in ("parent", "child", "into", "op", "from"))
        for name, lvl in (("parent", parent), ("child", child)):
            if not isinstance(lvl, str) or not LEVEL_RE.match(lvl) or (levels and lvl not in levels):
                raise _fail(where, "Trường “{name}” ({level}) không phải cấp của biểu mẫu.",
                            "The field “{name}” ({level}) is not a level of the form.", name=name, level=shown(repr(lvl)))
        if op not in ROLLUP_OPS:
            raise _fail(where, "Trường “op” phải là sum hoặc count, không phải {op}.",
                        "The field “op” must be sum or count, not {op}.", op=shown(repr(op)))
        target = criteria.get(into) if isinstance(into, str) else None
        if target is None or not target.is_numeric:
            raise _fail(where, "Trường “into” ({into}) không phải tiêu chí số của biểu mẫu.",
                        "The field “into” ({into}) is not a numeric criterion of the form.", into=shown(repr(into)))
        if target.levels and parent not in target.levels:
            raise _fail(where, "Cấp {level} không trả lời tiêu chí {criterion}.", "Level {level} does not answer {criterion}.",
                        level=parent, criterion=into)
        if op == "sum":
            origin = criteria.get(src) if isinstance(src, str) else None
            if origin is None or not origin.is_numeric:
                raise _fail(where, "Trường “from” ({source}) không phải tiêu chí số của biểu mẫu.",
                            "The field “from” ({source}) is not a numeric criterion of the form.", source=shown(repr(src)))
            if origin.levels and child not in origin.levels:
                raise _fail(where, "Cấp {level} không trả lời tiêu chí {criterion}.",
                            "Level {level} does not answer {criterion}.", level=child, criterion=src)
        out.append(Rollup(parent, child, into, op, src if op == "sum" else None))
    return tuple(out)


def _parse_scales(raw: Any, source: str) -> dict[str, tuple[Code, ...]]:
    if not isinstance(raw, dict):
        raise _fail(source, "Trường “scales” phải là một bảng.", "The field “scales” must be an object.")
    scales: dict[str, tuple[Code, ...]] = {}
    for name, codes in raw.items():
        where = _at(source, "thang mã “{name}”", "scale “{name}”", name=shown(str(name)))
        if not isinstance(codes, list) or not codes:
            raise _fail(where, "Thang mã không có mã nào.", "The scale has no codes.")
        parsed = tuple(_parse_code(c, where) for c in codes)
        letters = [c.code for c in parsed]
        if len(set(letters)) != len(letters):
            raise _fail(where, "Thang mã có mã trùng nhau.", "The scale has duplicate codes.")
        scales[name] = parsed
    return scales


def _parse_code(raw: Any, where: Text | str) -> Code:
    if not isinstance(raw, dict):
        raise _fail(where, "Mỗi mã phải là một đối tượng.", "Each code must be an object.")
    letter = _text(raw, "code", where)
    if not CODE_RE.match(letter):
        raise _fail(where, "Mã “{code}” phải là một chữ cái hoa.", "The code “{code}” must be one capital letter.",
                    code=shown(str(letter)))
    basis = raw.get("basis", "inferred")
    if basis not in BASES:
        raise _fail(where, "Nguồn ý nghĩa “{basis}” của mã {code} không hợp lệ (cần một trong: {choices}).",
                    "The meaning basis “{basis}” of code {code} is invalid (expected one of: {choices}).",
                    basis=shown(str(basis)), code=letter, choices=", ".join(BASES))
    return Code(letter, _text(raw, "meaning", where), basis=basis)


def _parse_section(
    raw: Any, parent: str | None, scales: dict[str, tuple[Code, ...]], seen: dict[str, str], source: str,
    levels: tuple[str, ...] = (),
) -> Section:
    if not isinstance(raw, dict):
        raise _fail(source, "Mỗi phần phải là một đối tượng.", "Each section must be an object.")
    sid = _text(raw, "id", source)
    where = _at(source, "phần {section}", "section {section}", section=sid)
    if sid in seen:
        raise _fail(where, "Mã phần bị trùng.", "The section id is used twice.")
    seen[sid] = "section"
    criteria = []
    for item in raw.get("criteria") or []:
        crit = _parse_criterion(item, sid, scales, source, levels)
        if crit.id in seen:
            raise _fail(_at(source, "tiêu chí {criterion}", "criterion {criterion}", criterion=crit.id),
                        "Mã tiêu chí bị trùng.", "The criterion id is used twice.")
        seen[crit.id] = crit.kind
        criteria.append(crit)
    subs = tuple(_parse_section(s, sid, scales, seen, source, levels) for s in raw.get("sections") or [])
    if not criteria and not subs:
        raise _fail(where, "Phần không có tiêu chí nào.", "The section holds no criteria.")
    return Section(
        id=sid,
        label=_text(raw, "label", where),
        title=_text(raw, "title", where),
        criteria=tuple(criteria),
        sections=subs,
        parent_id=parent,
    )


def _parse_criterion(raw: Any, section_id: str, scales: dict[str, tuple[Code, ...]], source: str,
                     form_levels: tuple[str, ...] = ()) -> Criterion:
    if not isinstance(raw, dict):
        raise _fail(_at(source, "phần {section}", "section {section}", section=section_id),
                    "Mỗi tiêu chí phải là một đối tượng.", "Each criterion must be an object.")
    cid = _text(raw, "id", _at(source, "phần {section}", "section {section}", section=section_id))
    where = _at(source, "tiêu chí {criterion}", "criterion {criterion}", criterion=shown(cid))
    if not ID_RE.match(cid):
        raise _fail(where, "Mã tiêu chí không đúng dạng (ví dụ II.1).", "The criterion id is malformed (e.g. II.1).")
    kind = raw.get("kind")
    if kind not in KINDS:
        raise _fail(where, "Loại “{kind}” không hợp lệ (cần một trong: {choices}).",
                    "Unknown kind “{kind}” (expected one of: {choices}).", kind=shown(str(kind)), choices=", ".join(KINDS))
    text = _text(raw, "text", where)
    codes: tuple[Code, ...] = ()
    suggestions: tuple[str, ...] = ()
    if kind == "status":
        scale = raw.get("scale")
        if raw.get("codes"):
            codes = tuple(_parse_code(c, where) for c in raw["codes"])
        elif scale in scales:
            codes = scales[scale]
        else:
            raise _fail(where, "Thang mã “{scale}” không tồn tại.", "The scale “{scale}” does not exist.", scale=shown(str(scale)))
        sugg = raw.get("suggestions") or {}
        if not isinstance(sugg, dict):
            raise _fail(where, "Trường “suggestions” phải là bảng mã → diễn giải.",
                        "The field “suggestions” must map codes to texts.")
        letters = {c.code for c in codes}
        for letter in sugg:
            if letter not in letters:
                raise _fail(where, "Gợi ý cho mã “{code}” không có trong thang mã.",
                            "The suggestion for code “{code}” is not in the scale.", code=shown(str(letter)))
        codes = tuple(replace(c, suggestion=clean(sugg[c.code]) if c.code in sugg else None) for c in codes)
    elif kind == "text":
        sugg = raw.get("suggestions") or []
        if not isinstance(sugg, list):
            raise _fail(where, "Trường “suggestions” phải là một danh sách.", "The field “suggestions” must be a list.")
        suggestions = tuple(clean(s) for s in sugg)
    from_children = raw.get("from_children")
    if from_children is not None and (kind not in NUMERIC_KINDS or not isinstance(from_children, dict)):
        raise _fail(where, "Trường “from_children” chỉ dùng cho tiêu chí số.",
                    "The field “from_children” is only for numeric criteria.")
    levels = _parse_levels(raw.get("levels"), where)
    text_by_level = raw.get("text_by_level")
    if text_by_level is not None and (not isinstance(text_by_level, dict)
                                      or not all(isinstance(v, str) and v.strip() for v in text_by_level.values())):
        raise _fail(where, "Trường “text_by_level” phải là bảng cấp → cách ghi.",
                    "The field “text_by_level” must map levels to wording.")
    for lvl in (*levels, *(text_by_level or {})):
        if form_levels and lvl not in form_levels:
            raise _fail(where, "Cấp “{level}” không có trong “levels” của biểu mẫu.",
                        "The level “{level}” is not among the form's “levels”.", level=shown(str(lvl)))
    return Criterion(
        levels=levels,
        text_by_level={k: clean(v) for k, v in text_by_level.items()} if text_by_level else None,
        id=cid,
        stt=_text(raw, "stt", where),
        text=text,
        kind=kind,
        section_id=section_id,
        label=_text(raw, "label", where, required=False),
        unit=_text(raw, "unit", where, required=False),
        codes=codes,
        suggestions=suggestions,
        from_children=from_children,
    )


def _check_from_children(crit: Criterion, kinds: dict[str, str], source: str) -> None:
    """``from_children``: {"op": "sum", "source": ID, "level": LEVEL} or {"op": "count", "level": LEVEL}."""
    where = _at(source, "tiêu chí {criterion}", "criterion {criterion}", criterion=crit.id)
    spec = crit.from_children or {}
    op, src, level = spec.get("op"), spec.get("source"), spec.get("level")
    if op not in ("sum", "count") or not isinstance(level, str) or not level:
        raise _fail(where, "Trường “from_children” cần “op” (sum hoặc count) và “level”.",
                    "The field “from_children” needs “op” (sum or count) and “level”.")
    if op == "sum" and (src not in kinds or kinds[src] not in NUMERIC_KINDS):
        raise _fail(where, "Trường “from_children.source” ({source}) không phải tiêu chí số.",
                    "The field “from_children.source” ({source}) is not a numeric criterion.", source=shown(repr(src)))


def _parse_rule(raw: Any, index: int, kinds: dict[str, str], source: str) -> Rule:
    where = _at(source, "quy tắc #{i}", "rule #{i}", i=index + 1)
    if not isinstance(raw, dict):
        raise _fail(where, "Quy tắc phải là một đối tượng.", "A rule must be an object.")
    rid = _text(raw, "id", where)
    where = _at(source, "quy tắc {rule}", "rule {rule}", rule=shown(rid))
    severity = raw.get("severity")
    if severity not in SEVERITIES:
        raise _fail(where, "Mức “{severity}” không hợp lệ.", "Unknown severity “{severity}”.", severity=shown(str(severity)))
    op = raw.get("op")
    if op not in OPERATORS:
        raise _fail(where, "Phép so sánh “{op}” không hợp lệ.", "Unknown operator “{op}”.", op=shown(str(op)))
    sides = []
    for side in ("left", "right"):
        ids = raw.get(side)
        if not isinstance(ids, list) or not ids:
            raise _fail(where, "Thiếu vế “{side}”.", "The side “{side}” is missing.", side=side)
        for cid in ids:
            if cid not in kinds:
                raise _fail(where, "Tiêu chí “{criterion}” không có trong biểu mẫu.",
                            "The criterion “{criterion}” is not in the form.", criterion=shown(str(cid)))
            if kinds[cid] not in NUMERIC_KINDS:
                raise _fail(where, "Tiêu chí “{criterion}” không phải số.", "The criterion “{criterion}” is not numeric.",
                            criterion=shown(str(cid)))
        sides.append(tuple(ids))
    return Rule(
        id=rid,
        severity=severity,
        left=sides[0],
        op=op,
        right=sides[1],
        message_vi=_text(raw, "message", where),
        message_en=_text(raw, "message_en", where, required=False) or _text(raw, "message", where),
    )
