"""Units (the reporting unit itself, and at an office its child units) and levels."""

from __future__ import annotations

from sqlite_utils import Database

from c27desk.errors import StoreError
from c27desk.model.units import Unit, normalise_level_code
from c27desk.store.audit import log
from c27desk.store.clock import now

_COLS = "code, name, level, parent, place, parent_body, doc_symbol"
_FIELDS = ("name", "level", "parent", "place", "parent_body", "doc_symbol")  # what an update may change


def _unit(row) -> Unit:
    return Unit(*row)


def levels(db: Database) -> list[dict]:
    return [dict(r) for r in db.query("SELECT code, name, rank, active FROM levels ORDER BY rank, code")]


def add_level(db: Database, code: str, name: str, rank: int) -> None:
    code = normalise_level_code(code)
    with db.atomic():
        db.execute("INSERT OR REPLACE INTO levels(code, name, rank, active) VALUES (?, ?, ?, 1)", [code, name, rank])
        log(db, "level", detail=f"{code}: {name} ({rank})")


def get_unit(db: Database, code: str) -> Unit | None:
    row = db.execute(f"SELECT {_COLS} FROM units WHERE code = ?", [code]).fetchone()
    return _unit(row) if row else None


def self_unit(db: Database) -> Unit | None:
    """The unit this database reports for (set by ``init``, the setup dialog or ``demo``)."""
    row = db.execute(f"SELECT {_COLS} FROM units WHERE is_self = 1").fetchone()
    return _unit(row) if row else None


def require_self_unit(db: Database) -> Unit:
    unit = self_unit(db)
    if unit is None:
        raise StoreError(
            "cơ sở dữ liệu chưa có đơn vị; hãy chạy “c27desk init …” hoặc “c27desk demo”.",
            "the database has no unit yet; run “c27desk init …” or “c27desk demo”.",
            code="NO_UNIT",
        )
    return unit


def children(db: Database, code: str) -> list[Unit]:
    return [_unit(r) for r in db.execute(f"SELECT {_COLS} FROM units WHERE parent = ? ORDER BY code", [code])]


def all_units(db: Database) -> list[Unit]:
    return [_unit(r) for r in db.execute(f"SELECT {_COLS} FROM units ORDER BY is_self DESC, code")]


def save_unit(db: Database, unit: Unit, *, is_self: bool = False, who: str) -> None:
    """Insert or update a unit; the level must exist, and a parent if named must exist or be added later."""
    if db.execute("SELECT 1 FROM levels WHERE code = ?", [unit.level]).fetchone() is None:
        known = ", ".join(lv["code"] for lv in levels(db))
        raise StoreError(
            f"cấp “{unit.level}” chưa có (các cấp hiện có: {known}).",
            f"level “{unit.level}” is unknown (known levels: {known}).",
            code="UNKNOWN_LEVEL",
        )
    if is_self:
        current = self_unit(db)
        if current is not None and current.code != unit.code:
            raise StoreError(
                f"cơ sở dữ liệu đã thuộc về đơn vị {current.code} ({current.name}).",
                f"this database already belongs to unit {current.code} ({current.name}).",
                code="SELF_EXISTS",
            )
    with db.atomic():
        if unit.parent and get_unit(db, unit.parent) is None:
            # The parent is usually the office above, which is not otherwise in this database.
            db.execute(
                "INSERT INTO units(code, name, level, parent, place, is_self, created_at) VALUES (?, ?, ?, NULL, '', 0, ?)",
                [unit.parent, unit.parent, "tinh" if unit.level != "tinh" else "trung-uong", now()],
            )
        old = get_unit(db, unit.code)
        db.execute(
            f"INSERT INTO units({_COLS}, is_self, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?) "
            "ON CONFLICT(code) DO UPDATE SET name=excluded.name, level=excluded.level, parent=excluded.parent, "
            "place=excluded.place, parent_body=excluded.parent_body, doc_symbol=excluded.doc_symbol, "
            "is_self=max(units.is_self, excluded.is_self)",
            [unit.code, unit.name, unit.level, unit.parent, unit.place, unit.parent_body, unit.doc_symbol,
             1 if is_self else 0, now()],
        )
        changed = [f"{f}: {getattr(old, f) or ''} → {getattr(unit, f) or ''}" for f in _FIELDS
                   if old is not None and getattr(old, f) != getattr(unit, f)]
        log(db, "unit", who=who, unit=unit.code, old_value=old.name if old else None, new_value=unit.name,
            detail="; ".join(changed) if old is not None else f"level={unit.level} parent={unit.parent or ''}")
