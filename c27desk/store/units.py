"""Units (the reporting unit itself, and at an office its child units) and levels."""

from __future__ import annotations

from dataclasses import dataclass, replace

from sqlite_utils import Database

from c27desk.errors import InputError, StoreError
from c27desk.i18n import Text, joined, listed, msg
from c27desk.model.text import clean
from c27desk.model.units import LinkKind, Unit, check_year, level_text, normalise_level_code, normalise_unit_code
from c27desk.store.audit import log
from c27desk.store.backup import backed_up
from c27desk.store.clock import now

_COLS = "code, name, level, parent, place, parent_body, doc_symbol, valid_from, valid_until"
_FIELDS = ("name", "level", "parent", "place", "parent_body", "doc_symbol")  # what an update may change


def _unit(row) -> Unit:
    return Unit(*row)


def levels(db: Database) -> list[dict]:
    return [dict(r) for r in db.query("SELECT code, name, rank, active FROM levels ORDER BY rank, code")]


def level_names(db: Database) -> dict[str, Text]:
    """Every level's name as people read it (see :func:`level_text`), by code."""
    return {r["code"]: level_text(r["code"], r["name"]) for r in levels(db)}


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
            msg("Cơ sở dữ liệu chưa có đơn vị; hãy chạy “c27desk init …” hoặc “c27desk demo”.",
                "The database has no unit yet; run “c27desk init …” or “c27desk demo”."),
            code="NO_UNIT",
        )
    return unit


def children(db: Database, code: str, year: int | None = None) -> list[Unit]:
    """Today's child units, or with ``year`` the units that were children in that year's tree."""
    if year is not None:
        return [u for u in tree(db, year) if u.parent == code]
    return _current_children(db, code)


def _current_children(db: Database, code: str) -> list[Unit]:
    return [_unit(r) for r in db.execute(f"SELECT {_COLS} FROM units WHERE parent = ? AND valid_until IS NULL "
                                         "ORDER BY code", [code])]


def all_units(db: Database) -> list[Unit]:
    return [_unit(r) for r in db.execute(f"SELECT {_COLS} FROM units ORDER BY is_self DESC, code")]


def _add_office_above(db: Database, code: str, child_level: str, who: str) -> None:
    """The parent is usually the office above, which is not otherwise in this database: a placeholder."""
    parent_level = "tinh" if child_level != "tinh" else "trung-uong"
    db.execute("INSERT INTO units(code, name, level, parent, place, is_self, created_at) VALUES (?, ?, ?, NULL, '', 0, ?)",
               [code, code, parent_level, now()])
    db.execute("INSERT INTO unit_versions(code, from_year, name, level, parent, at, who) VALUES (?, 0, ?, ?, NULL, ?, ?)",
               [code, code, parent_level, now(), who])


def _unknown_level(db: Database, code: str) -> StoreError:
    """A level code nobody defined, answered with each known code beside its name: the code is what
    is typed, the name what a clerk recognises."""
    known = listed([joined("{code} – {name}", code=c, name=name) for c, name in level_names(db).items()], "; ")
    return StoreError(msg("Cấp “{level}” chưa có; các cấp hiện có: {known}.",
                          "Level “{level}” is unknown; the known levels are: {known}.", level=code, known=known),
                      code="UNKNOWN_LEVEL")


def save_unit(db: Database, unit: Unit, *, is_self: bool = False, who: str) -> None:
    """Insert or update a unit; the level must exist, and a parent if named must exist or be added later."""
    if db.execute("SELECT 1 FROM levels WHERE code = ?", [unit.level]).fetchone() is None:
        raise _unknown_level(db, unit.level)
    if is_self:
        current = self_unit(db)
        if current is not None and current.code != unit.code:
            raise StoreError(
                msg("Cơ sở dữ liệu đã thuộc về đơn vị {code} ({name}).",
                    "This database already belongs to unit {code} ({name}).",
                    code=current.code, name=current.name),
                code="SELF_EXISTS",
            )
    with db.atomic():
        if unit.parent and get_unit(db, unit.parent) is None:
            _add_office_above(db, unit.parent, unit.level, who)
        old = get_unit(db, unit.code)
        db.execute(
            f"INSERT INTO units({_COLS}, is_self, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) "
            "ON CONFLICT(code) DO UPDATE SET name=excluded.name, level=excluded.level, parent=excluded.parent, "
            "place=excluded.place, parent_body=excluded.parent_body, doc_symbol=excluded.doc_symbol, "
            "is_self=max(units.is_self, excluded.is_self)",
            [unit.code, unit.name, unit.level, unit.parent, unit.place, unit.parent_body, unit.doc_symbol,
             unit.valid_from, unit.valid_until, 1 if is_self else 0, now()],
        )
        # the newest set of attributes follows the units row; older years keep theirs
        newest = db.execute("SELECT max(from_year) FROM unit_versions WHERE code = ?", [unit.code]).fetchone()[0]
        db.execute("INSERT OR REPLACE INTO unit_versions(code, from_year, name, level, parent, at, who) "
                   "VALUES (?, ?, ?, ?, ?, ?, ?)",
                   [unit.code, newest if newest is not None else (unit.valid_from or 0), unit.name, unit.level,
                    unit.parent, now(), who])
        changed = [f"{f}: {getattr(old, f) or ''} → {getattr(unit, f) or ''}" for f in _FIELDS
                   if old is not None and getattr(old, f) != getattr(unit, f)]
        log(db, "unit", who=who, unit=unit.code, old_value=old.name if old else None, new_value=unit.name,
            detail="; ".join(changed) if old is not None else f"level={unit.level} parent={unit.parent or ''}")


# -- the register over the years ------------------------------------------------------------------
def unit_in(db: Database, code: str, year: int) -> Unit | None:
    """The unit as it was in ``year`` (name, level, parent of that year), or None if it did not exist then."""
    unit = get_unit(db, code)
    if unit is None or not unit.valid_in(year):
        return None
    row = db.execute("SELECT name, level, parent FROM unit_versions WHERE code = ? AND from_year <= ? "
                     "ORDER BY from_year DESC LIMIT 1", [code, year]).fetchone()
    if row is None:
        return unit
    return replace(unit, name=row[0], level=row[1], parent=row[2])


def tree(db: Database, year: int) -> list[Unit]:
    """Every unit that existed in ``year``, each as it was that year: the tree a year's reports use.

    One query (an office above thousands of units reads it on every consolidation), giving what
    ``unit_in`` gives unit by unit: the units row with the name, level and parent of the newest
    ``unit_versions`` row that starts in or before ``year``."""
    rows = db.execute(
        "SELECT u.code, coalesce(v.name, u.name), coalesce(v.level, u.level), "
        "CASE WHEN v.code IS NULL THEN u.parent ELSE v.parent END, "
        "u.place, u.parent_body, u.doc_symbol, u.valid_from, u.valid_until FROM units u "
        "LEFT JOIN unit_versions v ON v.code = u.code AND v.from_year = "
        "(SELECT max(from_year) FROM unit_versions WHERE code = u.code AND from_year <= ?) "
        "WHERE (u.valid_from IS NULL OR u.valid_from <= ?) AND (u.valid_until IS NULL OR ? < u.valid_until) "
        "ORDER BY u.code", [year, year, year])
    return [_unit(r) for r in rows]


@dataclass(frozen=True)
class Link:
    predecessor: str
    successor: str
    year: int
    kind: str


def links(db: Database) -> list[Link]:
    return [Link(*r) for r in db.execute("SELECT predecessor, successor, year, kind FROM unit_links "
                                         "ORDER BY year, successor, predecessor")]


def predecessors(db: Database, code: str) -> list[Link]:
    return [lk for lk in links(db) if lk.successor == code]


def successors(db: Database, code: str) -> list[Link]:
    return [lk for lk in links(db) if lk.predecessor == code]


def lineage(db: Database, code: str) -> set[str]:
    """A unit and every unit it succeeded (transitively): a merged-away province's children's packages
    belong to its successor's history."""
    seen, queue = {code}, [code]
    while queue:
        for lk in predecessors(db, queue.pop()):
            if lk.predecessor not in seen:
                seen.add(lk.predecessor)
                queue.append(lk.predecessor)
    return seen


def report_unit(db: Database, year: int) -> Unit:
    """The unit this database reported as in ``year``: itself, or before a code change or merger the
    predecessor whose reports this database holds (a commune keeps its old reports under its old code)."""
    me = require_self_unit(db)
    seen, queue = {me.code}, [me.code]
    candidates: list[Unit] = []
    while queue:
        code = queue.pop(0)
        unit = unit_in(db, code, year)
        if unit is not None:
            candidates.append(unit)
        for lk in predecessors(db, code):
            if lk.predecessor not in seen:
                seen.add(lk.predecessor)
                queue.append(lk.predecessor)
    for unit in candidates:
        if db.execute("SELECT 1 FROM revisions WHERE unit = ? AND year = ? AND source = 'local' UNION ALL "
                      "SELECT 1 FROM value_entries WHERE unit = ? AND year = ?",
                      [unit.code, year, unit.code, year]).fetchone():
            return unit
    return candidates[0] if candidates else me


def _require(db: Database, code: str, year: int) -> Unit:
    code = normalise_unit_code(code)
    unit = unit_in(db, code, year)
    if unit is None:
        known = get_unit(db, code)
        if known is None:
            raise StoreError(msg("Không có đơn vị {code}.",
                                 "No unit {code}.",
                                 code=code), code="UNKNOWN_UNIT")
        raise StoreError(msg("Đơn vị {code} không còn tồn tại vào năm {year}.",
                             "Unit {code} does not exist in {year}.",
                             code=code, year=year),
                         code="UNIT_NOT_VALID")
    return unit


def _set_version(db: Database, unit: Unit, year: int, *, who: str, name: str | None = None,
                 level: str | None = None, parent: str | None = None) -> None:
    """Attributes from ``year`` on (later versions keep theirs); the units row follows the newest."""
    new_name = clean(name) if name is not None else unit.name
    new_level = normalise_level_code(level) if level is not None else unit.level
    new_parent = parent if parent is not None else unit.parent
    if db.execute("SELECT 1 FROM levels WHERE code = ?", [new_level]).fetchone() is None:
        raise _unknown_level(db, new_level)
    db.execute("INSERT OR REPLACE INTO unit_versions(code, from_year, name, level, parent, at, who) "
               "VALUES (?, ?, ?, ?, ?, ?, ?)", [unit.code, year, new_name, new_level, new_parent, now(), who])
    newest = db.execute("SELECT name, level, parent FROM unit_versions WHERE code = ? ORDER BY from_year DESC "
                        "LIMIT 1", [unit.code]).fetchone()
    db.execute("UPDATE units SET name = ?, level = ?, parent = ? WHERE code = ?", [*newest, unit.code])


def held_history(db: Database, year: int) -> Text | None:
    """What a register change from ``year`` would rewrite, None when nothing: each year from ``year`` on
    for which this database holds received packages or its own finalised report (their consolidation
    reads that year's tree)."""
    rows = db.execute(
        "SELECT year, sum(kind = 'r'), sum(kind = 'o') FROM ("
        " SELECT year, 'r' AS kind FROM received_revisions WHERE year >= ?"
        " UNION ALL SELECT year, 'o' FROM revisions WHERE year >= ? AND status = 'final' AND source = 'local')"
        " GROUP BY year ORDER BY year", [year, year]).fetchall()
    if not rows:
        return None
    years = []
    for y, received, own in rows:
        held = []
        if received:
            held.append(msg("{n} gói đã nhận", "{n} received package", plural="{n} received packages", n=received))
        if own:
            held.append(msg("báo cáo của đơn vị đã chốt", "own report finalised"))
        years.append(joined("{year}: {held}", year=str(y), held=listed(held)))
    return listed(years, "; ")


def guard_history(db: Database, year: int, *, force: bool) -> None:
    """Refuse a change reaching back into a year already reported on, unless forced (the command then
    prints what it rewrites, from ``held_history``)."""
    held = held_history(db, year)
    if held is not None and not force:
        raise StoreError(msg("Thay đổi từ năm {year} làm đổi cây đơn vị của năm đã có báo cáo ({reason}); hãy chọn --from là năm "
                             "chưa có báo cáo, hoặc thêm --force-history nếu thật sự cần sửa lịch sử.",
                             "A change from {year} rewrites the unit tree of years already reported on ({reason}); choose a "
                             "--from year with no reports, or add --force-history if history must change.",
                             year=year, reason=held),
                         code="HISTORY_LOCKED", field="--from")


def default_year(db: Database) -> int | None:
    """The year a new unit starts when none is given: the newest open period (None: no period yet)."""
    return db.execute("SELECT max(year) FROM periods WHERE status = 'open'").fetchone()[0]


def _rank(db: Database, level: str) -> int | None:
    row = db.execute("SELECT rank FROM levels WHERE code = ?", [level]).fetchone()
    return row[0] if row else None


def check_placement(db: Database, code: str, year: int) -> None:
    """Refuse a tree in which ``code`` (as it is from ``year`` on) sits under itself, or under a unit at or
    below its own level, or has a child at or above it: every later year's tree is checked too, since a
    change from ``year`` holds until a later version replaces it. Called inside the change's transaction,
    so a refusal undoes it."""
    later = [r[0] for r in db.execute("SELECT DISTINCT from_year FROM unit_versions WHERE from_year > ?", [year])]
    for y in sorted({year, *later}):
        unit = unit_in(db, code, y)
        if unit is None:
            continue
        chain, parent = [unit.code], unit.parent
        while parent is not None:
            chain.append(parent)
            if parent == unit.code:
                path = " → ".join(chain)
                raise StoreError(msg("Thay đổi này tạo vòng lặp trong cây đơn vị năm {y}: {path}.",
                                     "This change makes a cycle in the {y} unit tree: {path}.",
                                     y=y, path=path), code="UNIT_CYCLE")
            above = unit_in(db, parent, y)
            if above is None or len(chain) > 64:
                break
            parent = above.parent
        pairs = []
        above = unit_in(db, unit.parent, y) if unit.parent else None
        if above is not None:
            pairs.append((above, unit))
        pairs += [(unit, child) for child in children(db, unit.code, y)]
        for upper, lower in pairs:
            up_rank, low_rank = _rank(db, upper.level), _rank(db, lower.level)
            if up_rank is not None and low_rank is not None and up_rank >= low_rank:
                names = level_names(db)  # a level by its name: "xa" means nothing to a clerk
                raise StoreError(msg("Năm {y}: {code} ({level}) không thể trực thuộc {code2} ({level2}): đơn vị cấp trên "
                                     "phải ở cấp cao hơn.",
                                     "In {y}: {code} ({level}) cannot report to {code2} ({level2}): the unit above must "
                                     "be at a higher level.",
                                     y=y, code=lower.code, level=names.get(lower.level) or level_text(lower.level),
                                     code2=upper.code, level2=names.get(upper.level) or level_text(upper.level)),
                                 code="LEVEL_ORDER")


@backed_up("units")
def rename(db: Database, code: str, name: str, year: int, *, who: str, force_history: bool = False) -> Unit:
    """A new name from ``year``; earlier years keep the old one (the 2023 appendix still says the old name)."""
    check_year(year)
    guard_history(db, year, force=force_history)
    if not clean(name):
        raise InputError(msg("Chưa nhập tên mới.",
                             "The new name is empty."), field="--name")
    with db.atomic():
        unit = _require(db, code, year)
        _set_version(db, unit, year, who=who, name=name)
        log(db, "unit-rename", who=who, unit=unit.code, year=year, old_value=unit.name, new_value=clean(name))
    return unit_in(db, unit.code, year)  # type: ignore[return-value]


@backed_up("units")
def move(db: Database, code: str, parent: str, year: int, *, who: str, level: str | None = None,
         force_history: bool = False) -> Unit:
    """A new parent (and level) from ``year``: a commune reporting straight to the province after 2025."""
    check_year(year)
    guard_history(db, year, force=force_history)
    parent = normalise_unit_code(parent)
    with db.atomic():
        unit = _require(db, code, year)
        if parent == unit.code:
            raise InputError(msg("Đơn vị {code} không thể trực thuộc chính nó.",
                                 "Unit {code} cannot be its own parent.",
                                 code=code))
        me = self_unit(db)
        if get_unit(db, parent) is None and me is not None and me.code == unit.code:
            _add_office_above(db, parent, level or unit.level, who)  # a commune's own database: its new office
        if unit_in(db, parent, year) is None:
            raise StoreError(msg("Đơn vị cấp trên {parent} không tồn tại vào năm {year}.",
                                 "The parent unit {parent} does not exist in {year}.",
                                 parent=parent, year=year), code="UNKNOWN_UNIT")
        _set_version(db, unit, year, who=who, parent=parent, level=level)
        check_placement(db, unit.code, year)
        log(db, "unit-move", who=who, unit=unit.code, year=year, old_value=unit.parent, new_value=parent,
            detail=f"level={level or unit.level}")
    return unit_in(db, unit.code, year)  # type: ignore[return-value]


@backed_up("units")
def retire(db: Database, code: str, year: int, *, who: str, force_history: bool = False) -> Unit:
    """The unit no longer exists from ``year``: it drops out of that year's tree and of every later one.

    Refused while it still has children in that year (move or retire them first), so no
    commune is left reporting to a district that is gone."""
    check_year(year)
    guard_history(db, year, force=force_history)
    with db.atomic():
        unit = _require(db, code, year)
        unused = not db.execute("SELECT 1 FROM revisions WHERE unit = ?", [unit.code]).fetchone()
        if unit.valid_from is not None and (year < unit.valid_from or (year == unit.valid_from and not unused)):
            raise InputError(msg("Đơn vị {code} chỉ bắt đầu từ năm {valid_from}.",
                                 "Unit {code} only starts in {valid_from}.",
                                 code=unit.code, valid_from=unit.valid_from), field="--from")
        left = [c.code for c in children(db, unit.code, year)]
        if left:
            raise StoreError(msg("Đơn vị {code} còn đơn vị trực thuộc vào năm {year}: {children}; hãy chuyển (units move) hoặc thôi "
                                 "(units retire) các đơn vị đó trước.",
                                 "Unit {code} still has child units in {year}: {children}; move (units move) or retire (units "
                                 "retire) them first.",
                                 code=unit.code, year=year, children=', '.join(left)), code="HAS_CHILDREN")
        db.execute("UPDATE units SET valid_until = ? WHERE code = ?", [year, unit.code])
        log(db, "unit-retire", who=who, unit=unit.code, year=year, old_value=unit.name)
    return get_unit(db, unit.code)  # type: ignore[return-value]


@backed_up("units")
def succeed(db: Database, olds: list[str], new: Unit, year: int, kind: LinkKind, *, who: str,
            force_history: bool = False) -> Unit:
    """``olds`` end in ``year`` and ``new`` (added if not held, valid from ``year``) takes their place:
    a code change (one old unit) or a merger (several). Children of the old units in that year move to
    the new one; this database's own unit, if among them, becomes the new one."""
    check_year(year)
    guard_history(db, year, force=force_history)
    olds = [normalise_unit_code(c) for c in olds]
    if not olds or (kind == LinkKind.RECODE and len(olds) != 1) or len(set(olds)) != len(olds):
        raise InputError(msg("Cần đúng một đơn vị cũ khi đổi mã, ít nhất một khi hợp nhất (không lặp lại).",
                             "A code change needs exactly one old unit, a merger at least one (none repeated)."))
    if new.code in olds:
        raise InputError(msg("Đơn vị mới {code} trùng với đơn vị cũ.",
                             "The new unit {code} is one of the old.",
                             code=new.code))
    me = self_unit(db)
    with db.atomic():
        old_units = [_require(db, c, year) for c in olds]
        existing = get_unit(db, new.code)
        if existing is not None and kind == LinkKind.RECODE:
            raise StoreError(msg("Đã có đơn vị {code} ({name}); đổi mã không gộp hai đơn vị — nếu {old} hợp nhất vào {code}, "
                                 "dùng: units merge {old} --into {code} --from {year}",
                                 "Unit {code} ({name}) already exists; a code change does not join two units — if {old} merges "
                                 "into {code}, use: units merge {old} --into {code} --from {year}",
                                 code=new.code, name=existing.name, old=olds[0], year=year), code="EXISTS")
        if existing is None:
            save_unit(db, replace(new, valid_from=year), who=who)
        elif not existing.valid_in(year):
            raise StoreError(msg("Đơn vị {code} đã có nhưng không tồn tại vào năm {year}.",
                                 "Unit {code} exists but not in {year}.",
                                 code=new.code, year=year), code="UNIT_NOT_VALID")
        for old in old_units:
            for child in children(db, old.code, year):
                _set_version(db, child, year, who=who, parent=new.code)
                log(db, "unit-move", who=who, unit=child.code, year=year, old_value=old.code, new_value=new.code)
            db.execute("UPDATE units SET valid_until = ? WHERE code = ?", [year, old.code])
            db.execute("INSERT OR REPLACE INTO unit_links(predecessor, successor, year, kind, at, who) "
                       "VALUES (?, ?, ?, ?, ?, ?)", [old.code, new.code, year, str(kind), now(), who])
            log(db, f"unit-{kind}", who=who, unit=old.code, year=year, old_value=old.code, new_value=new.code)
        check_placement(db, new.code, year)
        if me is not None and me.code in olds:
            db.execute("UPDATE units SET is_self = 0 WHERE code = ?", [me.code])
            db.execute("UPDATE units SET is_self = 1, place = ?, parent_body = ?, doc_symbol = ? WHERE code = ?",
                       [me.place, me.parent_body, me.doc_symbol, new.code])
    return get_unit(db, new.code)  # type: ignore[return-value]
