"""``manifest.json`` and ``data.json``: canonical JSON out, strictly typed JSON in.

Canonical form (sorted keys, UTF-8, NFC, no spaces) makes the bytes depend only on content,
which the reproducible export and the detached signature over the manifest rely on. Reading
checks every field's type and size, since the bytes come from outside.
"""

from __future__ import annotations

import hashlib
import json
import re
from dataclasses import dataclass, field
from typing import Any

from c27desk.exchange.reasons import refuse
from c27desk.i18n import msg
from c27desk.model.text import nfc, unsafe_characters

FORMAT = "c27desk-package"
FORMAT_VERSION = 2  # 2: the manifest carries the appendix's layout details (the office draws it again)
MAX_VALUES = 1000
MAX_TEXT = 4000
_ID_RE = re.compile(r"^[A-Z0-9.\-]{1,40}$")
_HEX64 = re.compile(r"^[0-9a-f]{64}$")
MAX_DEPTH = 6  # package documents nest four deep; anything deeper is not ours
MAX_NODES = 20 * MAX_VALUES
_TEXT_ALLOWED = "\n\t"  # explanations may run over lines


def canonical_json(obj: Any) -> bytes:
    return json.dumps(_nfc_tree(obj), ensure_ascii=False, sort_keys=True, separators=(",", ":")).encode("utf-8")


def _nfc_tree(obj: Any) -> Any:
    if isinstance(obj, str):
        return nfc(obj)
    if isinstance(obj, dict):
        return {nfc(k): _nfc_tree(v) for k, v in obj.items()}
    if isinstance(obj, list | tuple):
        return [_nfc_tree(v) for v in obj]
    return obj


def sha256(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


@dataclass(frozen=True)
class Manifest:
    unit_code: str
    unit_name: str
    unit_level: str
    unit_parent: str | None
    year: int
    revision: int
    catalogue_id: str
    catalogue_version: str
    catalogue_hash: str
    finalised_at: str
    exported_at: str
    app_version: str
    content_hash: str
    members: dict[str, tuple[str, int]]  # name -> (sha256, size)
    # the unit's and the period's details besides the values, for drawing the appendix again (layout_dict)
    layout: dict[str, dict[str, str | None]] = field(default_factory=dict)


# What the manifest says elsewhere (unit code, name, level, parent; year, catalogue) or what no page shows.
_UNIT_ELSEWHERE = {"code", "name", "level", "parent", "valid_from", "valid_until"}  # the register's years: not printed
_PERIOD_ELSEWHERE = {"year", "catalogue_id", "catalogue_version", "status", "catalogue_basis"}
_FIELD_RE = re.compile(r"^[a-z_]{1,40}$")
_DATE = re.compile(r"^\d{4}-\d{2}-\d{2}$")


def _no_duplicates(what: str):
    """A JSON object with the same key twice means different things to different readers: refused."""
    def hook(pairs: list[tuple[str, Any]]) -> dict:
        obj = dict(pairs)
        if len(obj) != len(pairs):
            seen: set[str] = set()
            dup = next(k for k, _ in pairs if k in seen or seen.add(k))
            raise refuse("MALFORMED", msg("{what}: khóa trùng {key}", "{what}: duplicate key {key}", what=what,
                                                 key=repr(dup[:40])))
        return obj
    return hook


def _check_tree(doc: Any, what: str) -> None:
    """Depth, size and characters of every string, walked without recursion (the file sets the depth)."""
    stack, nodes = [(doc, 1, "")], 0
    while stack:
        obj, depth, path = stack.pop()
        nodes += 1
        if depth > MAX_DEPTH or nodes > MAX_NODES:
            raise refuse("TOO_LARGE", msg("{what}: lồng quá sâu hoặc quá nhiều phần tử",
                                                 "{what}: nested too deep or too many items", what=what))
        if isinstance(obj, dict):
            for key, value in obj.items():
                bad = unsafe_characters(key)
                if bad:
                    raise refuse("MALFORMED", msg("{what}: ký tự không hợp lệ {char} trong một khóa",
                                                         "{what}: invalid character {char} in a key", what=what,
                                                         char=bad[0]))
                stack.append((value, depth + 1, f"{path}.{key}"[-80:]))
        elif isinstance(obj, list):
            stack.extend((v, depth + 1, f"{path}[]") for v in obj)
        elif isinstance(obj, str):
            bad = unsafe_characters(obj, _TEXT_ALLOWED)
            if bad:
                raise refuse("MALFORMED", msg("{what}{path}: ký tự không hợp lệ {char}",
                                                 "{what}{path}: invalid character {char}", what=what, path=path,
                                                 char=bad[0]))


def _load(data: bytes, what: str) -> Any:
    """Strict JSON from outside: UTF-8 without BOM, no duplicate keys, no NaN, bounded depth, visible text."""
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError:
        raise refuse("MALFORMED", msg("{what} không phải UTF-8", "{what} is not UTF-8", what=what)) from None
    try:
        doc = json.loads(text, parse_constant=lambda c: (_ for _ in ()).throw(ValueError(c)),
                         object_pairs_hook=_no_duplicates(what))
    except (ValueError, RecursionError):  # RecursionError: nesting deeper than the parser's stack
        raise refuse("MALFORMED", msg("{what} không phải JSON hợp lệ", "{what} is not valid JSON", what=what)) from None
    _check_tree(doc, what)
    return doc


def _get(obj: Any, key: str, kind: type | tuple, what: str, *, optional: bool = False) -> Any:
    if not isinstance(obj, dict):
        raise refuse("MALFORMED", msg("{what}: cần một đối tượng", "{what}: an object is expected", what=what))
    if key not in obj:
        if optional:
            return None
        raise refuse("MALFORMED", msg("{what}: thiếu “{key}”", "{what}: “{key}” is missing", what=what, key=key))
    value = obj[key]
    if value is None and optional:
        return None
    if isinstance(value, bool) or not isinstance(value, kind):
        raise refuse("MALFORMED", msg("{what}: “{key}” sai kiểu", "{what}: “{key}” has the wrong type", what=what,
                                                 key=key))
    if isinstance(value, str) and len(value) > MAX_TEXT:
        raise refuse("TOO_LARGE", f"{what}: '{key}'")
    return value


def parse_manifest(data: bytes) -> Manifest:
    doc = _load(data, "manifest.json")
    what = "manifest.json"
    if _get(doc, "format", str, what) != FORMAT:
        raise refuse("MALFORMED", msg("manifest.json: không phải gói c27desk", "manifest.json: not a c27desk package"))
    version = _get(doc, "format_version", int, what)
    if version != FORMAT_VERSION:
        raise refuse("MALFORMED", msg("manifest.json: phiên bản định dạng {version} chưa hỗ trợ",
                                 "manifest.json: format version {version} is not supported", version=version))
    unit = _get(doc, "unit", dict, what)
    cat = _get(doc, "catalogue", dict, what)
    members_raw = _get(doc, "members", dict, what)
    members: dict[str, tuple[str, int]] = {}
    for name, spec in members_raw.items():
        digest = _get(spec, "sha256", str, f"{what} members.{name}")
        size = _get(spec, "size", int, f"{what} members.{name}")
        if not _HEX64.match(digest) or size < 0:
            raise refuse("MALFORMED", f"{what}: members.{name}")
        members[name] = (digest, size)
    code = _get(unit, "code", str, what)
    if not _ID_RE.match(code):
        raise refuse("MALFORMED", msg("{what}: mã đơn vị {code} không hợp lệ", "{what}: invalid unit code {code}",
                                 what=what, code=repr(code[:40])))
    year = _get(doc, "year", int, what)
    revision = _get(doc, "revision", int, what)
    if not (2000 <= year <= 2200) or not (1 <= revision <= 100000):
        raise refuse("MALFORMED", msg("{what}: năm hoặc số bản ngoài giới hạn", "{what}: year or revision out of range",
                                 what=what))
    return Manifest(
        unit_code=code, unit_name=_get(unit, "name", str, what), unit_level=_get(unit, "level", str, what),
        unit_parent=_get(unit, "parent", str, what, optional=True), year=year, revision=revision,
        catalogue_id=_get(cat, "id", str, what), catalogue_version=_get(cat, "version", str, what),
        catalogue_hash=_get(cat, "hash", str, what), finalised_at=_get(doc, "finalised_at", str, what),
        exported_at=_get(doc, "exported_at", str, what), app_version=_get(doc, "app_version", str, what),
        content_hash=_get(doc, "content_hash", str, what), members=members, layout=_layout(doc, what),
    )


def _layout(doc: dict, what: str) -> dict[str, dict[str, str | None]]:
    raw = _get(doc, "layout", dict, what)
    layout = {}
    for part in ("unit", "period"):
        fields_ = _get(raw, part, dict, f"{what} layout")
        for name in fields_:
            if not _FIELD_RE.match(name):
                raise refuse("MALFORMED", f"{what}: layout.{part}.{name[:40]}")
            _get(fields_, name, str, f"{what} layout.{part}", optional=True)
        layout[part] = dict(fields_)
    report_date = layout["period"].get("report_date")
    if report_date and not _DATE.match(report_date):
        raise refuse("MALFORMED", f"{what}: layout.period.report_date")
    return layout


def layout_dict(unit, period) -> dict[str, dict[str, str | None]]:
    """Every detail of ``unit`` (model Unit) and ``period`` (store Period) the manifest does not carry
    elsewhere, taken field by field so a detail added to either later is carried (and can be printed) too."""
    from dataclasses import fields as fields_of

    return {"unit": {f.name: getattr(unit, f.name) for f in fields_of(unit) if f.name not in _UNIT_ELSEWHERE},
            "period": {f.name: getattr(period, f.name) for f in fields_of(period) if f.name not in _PERIOD_ELSEWHERE}}


def manifest_dict(*, unit: dict, year: int, revision: int, catalogue: dict, finalised_at: str, exported_at: str,
                  app_version: str, content_hash: str, members: dict[str, bytes], layout: dict[str, str]) -> dict:
    return {
        "format": FORMAT, "format_version": FORMAT_VERSION, "unit": unit, "year": year, "revision": revision,
        "layout": layout,
        "catalogue": catalogue, "finalised_at": finalised_at, "exported_at": exported_at,
        "app_version": app_version, "content_hash": content_hash,
        "members": {name: {"sha256": sha256(data), "size": len(data)} for name, data in members.items()},
    }


@dataclass(frozen=True)
class DataDoc:
    unit_code: str
    year: int
    revision: int
    values: dict[str, tuple[str | None, str, str]]  # criterion -> (value, explanation, state)


def parse_data(data: bytes) -> DataDoc:
    doc = _load(data, "data.json")
    what = "data.json"
    raw_values = _get(doc, "values", dict, what)
    if len(raw_values) > MAX_VALUES:
        raise refuse("TOO_LARGE", msg("data.json: {n} giá trị > {most}", "data.json: {n} values > {most}",
                                 n=len(raw_values), most=MAX_VALUES))
    values: dict[str, tuple[str | None, str, str]] = {}
    for cid, item in raw_values.items():
        where = f"{what} values.{cid[:40]}"
        if not _ID_RE.match(cid):
            raise refuse("MALFORMED", where)
        values[cid] = (_get(item, "value", str, where, optional=True), _get(item, "explanation", str, where),
                       _get(item, "state", str, where))
    return DataDoc(_get(doc, "unit", str, what), _get(doc, "year", int, what), _get(doc, "revision", int, what),
                   values)


def data_dict(unit: str, year: int, revision: int, entries: dict) -> dict:
    return {
        "unit": unit, "year": year, "revision": revision,
        "values": {cid: {"value": e.value, "explanation": e.explanation, "state": e.state}
                   for cid, e in sorted(entries.items())},
    }
