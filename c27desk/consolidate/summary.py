"""The office's overview of a year: every child unit's status and every criterion across units.

Built from the revisions received (each child's newest accepted revision), never from files.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field
from datetime import date, datetime
from decimal import Decimal

from sqlite_utils import Database

from c27desk.bulk import bulk_objects
from c27desk.i18n import Text, msg, verbatim
from c27desk.model.catalogue import Catalogue, Criterion
from c27desk.model.numbers import format_amount, number_text
from c27desk.model.units import Unit
from c27desk.model.validation import ManyReports
from c27desk.model.values import Entry
from c27desk.store import exchange, periods, revisions, units
from c27desk.store.backup import backed_up
from c27desk.store.clock import VN_TIME


@dataclass
class UnitStatus:
    unit: Unit
    revision: int | None = None
    signer: str = ""
    signed_at: str = ""
    received_at: str = ""
    late: bool = False
    errors: int = 0
    warnings: int = 0
    entries: dict[str, Entry] = field(default_factory=dict)

    @property
    def missing(self) -> bool:
        return self.revision is None

    @property
    def has_problems(self) -> bool:
        return self.missing or self.late or self.errors > 0


@dataclass
class CriterionSummary:
    criterion: Criterion
    codes: dict[str, int] = field(default_factory=dict)  # code -> units
    not_applicable: int = 0
    unanswered: int = 0
    total: Decimal | None = None
    minimum: Decimal | None = None
    maximum: Decimal | None = None
    texts: list[tuple[str, str]] = field(default_factory=list)  # (unit code, text)


@dataclass
class Consolidation:
    year: int
    catalogue: Catalogue
    deadline: str | None
    units: list[UnitStatus]
    criteria: list[CriterionSummary]
    level: str = ""  # the office's own level: which of the form's roll-up rules apply
    forms: dict[str, Catalogue] = field(default_factory=dict)  # the form as each child level is asked it
    level_names: dict[str, Text] = field(default_factory=dict)  # each level's name by code (units.level_names)

    def form_for(self, level: str) -> Catalogue:
        """The criteria a unit of ``level`` answers (a district is not asked a province's): what its
        completeness is counted against."""
        return self.forms.get(level, self.catalogue)

    @property
    def received(self) -> list[UnitStatus]:
        return [u for u in self.units if not u.missing]


def _local_day(iso: str) -> date:
    return datetime.fromisoformat(iso).astimezone(VN_TIME).date()


def consolidate(db: Database, year: int) -> Consolidation:
    """Every child unit's newest received revision, re-checked against the form its level is asked,
    and each criterion summed up across them.

    Every value is checked again on every consolidation (the form may have changed since the
    import, or the database been edited), so at the centre's scale the work is organised in bulk:
    all revisions read in one query, each level's form parsed once, each distinct answer judged
    once (``bench/bench_consolidation.py`` measures it against the bare reading)."""
    me = units.report_unit(db, year)
    period = periods.require_period(db, year)
    cat = periods.period_catalogue(db, year)
    received = exchange.received_revisions(db, year)
    finals = revisions.final_snapshots(db, year)
    deadline = date.fromisoformat(period.deadline) if period.deadline else None
    statuses: list[UnitStatus] = []
    forms: dict[str, Catalogue] = {}
    checks: dict[str, ManyReports] = {}
    with bulk_objects():
        for child in units.children(db, me.code, year):  # that year's tree: history never changes
            checker = checks.get(child.level)
            if checker is None:  # parsed once per level, not once per unit
                forms[child.level] = periods.period_catalogue(db, year, child.level)
                checker = checks[child.level] = ManyReports(forms[child.level])
            status = UnitStatus(child)
            final = finals.get(child.code)
            if final is not None:
                status.revision, status.entries = final
                got = received.get(child.code)
                if got is not None:
                    status.signer, status.signed_at, status.received_at = got.signer, got.signed_at, got.received_at
                    if deadline is not None:
                        status.late = _local_day(got.received_at) > deadline
                status.errors, status.warnings = checker.problems(status.entries)
            statuses.append(status)
        summaries = summarise(cat, statuses)
    return Consolidation(year, cat, period.deadline, statuses, summaries, me.level, forms, units.level_names(db))


def summarise(cat: Catalogue, statuses: list[UnitStatus]) -> list[CriterionSummary]:
    """Each criterion across the units that reported: codes counted, numbers summed, texts listed.

    Counted by distinct answer (``revisions.final_snapshots`` shares equal answers between units):
    the same sums, counts and extremes as going unit by unit, with Python's work per answer
    that differs, not per unit."""
    reported = [st for st in statuses if not st.missing]
    answers = [st.entries for st in reported]
    summaries = []
    for crit in cat.criteria:
        summary = CriterionSummary(crit)
        column = [a.get(crit.id) for a in answers]
        times = Counter(map(id, column))
        figures: list[tuple[Decimal, int]] = []
        listed: set[int] = set()
        for entry in dict(zip(map(id, column), column, strict=True)).values():  # distinct, first seen first
            n = times[id(entry)]
            if entry is None:
                summary.unanswered += n
            elif entry.state == "na":
                summary.not_applicable += n
            elif crit.kind == "status":
                summary.codes[entry.value] = summary.codes.get(entry.value, 0) + n
            elif crit.is_numeric and entry.value is not None and (number := entry.number()) is not None:
                figures.append((number, n))
            else:  # text, or a figure that is not a number (the checks count it as an error): listed as written
                listed.add(id(entry))
        if listed:
            summary.texts = [(st.unit.code, e.value or e.explanation) for st, e in zip(reported, column, strict=True)
                             if id(e) in listed]
        if figures:
            summary.total = sum((number * n for number, n in figures), Decimal(0))
            summary.minimum = min(number for number, _ in figures)
            summary.maximum = max(number for number, _ in figures)
        summaries.append(summary)
    return summaries


@dataclass(frozen=True)
class Proposal:
    """A value the form's roll-up rules make from the child units, with where it came from.

    ``value`` is None when no child of the levels concerned has an answer yet: a sum of nothing
    is not 0, so such a proposal stays unanswered and says which units are missing.
    """

    criterion: str
    value: str | None
    sources: tuple[tuple[str, str], ...]  # (unit code, value) that make it up
    missing: tuple[str, ...]  # child units of those levels without a received answer


def proposals(cons: Consolidation) -> list[Proposal]:
    """Every criterion the form rolls up into the office's level, in the form's order."""
    rules: dict[str, list] = {}
    for rule in cons.catalogue.rollups:
        if rule.parent in (cons.level, "*"):
            rules.setdefault(rule.into, []).append(rule)
    out = []
    for crit in cons.catalogue.criteria:
        if crit.id not in rules:
            continue
        sources: list[tuple[str, str]] = []
        missing: list[str] = []
        total = Decimal(0)
        for rule in rules[crit.id]:
            level_units = [u for u in cons.units if u.unit.level == rule.child]
            if rule.op == "count":
                sources += [(u.unit.code, "1") for u in level_units]
                total += len(level_units)
                continue
            for st in level_units:
                entry = st.entries.get(rule.source)
                number = entry.number() if entry is not None and entry.state == "answered" else None
                if number is None:  # no answer, N/A, or not a number (a stored value the checks refuse)
                    missing.append(st.unit.code)
                    continue
                sources.append((st.unit.code, entry.value))
                total += number
        # written in the one number grammar's canonical form, so accepting it reads back the same value
        value = format_amount(total) if sources else None
        out.append(Proposal(crit.id, value, tuple(sources), tuple(missing)))
    return out


def proposal_text(p: Proposal) -> Text:
    """The proposed value as people read it (the number, or why there is none), in the reader's language."""
    if p.value is not None:
        return number_text(p.value)
    return msg("(chưa có số liệu: {who})", "(no answers yet: {who})", who=", ".join(p.missing) or "—")


@backed_up("accept")
def accept_proposals(db: Database, year: int, chosen: list[Proposal], *, who: str) -> int:
    """Take proposed values into the office's own report (audited like any edit); returns values changed."""
    from c27desk.model.values import make_entry
    from c27desk.store import values

    me = units.report_unit(db, year)
    cat = periods.period_catalogue(db, year, me.level)
    changes = []
    for p in chosen:
        if p.value is None or cat.get(p.criterion) is None:
            continue  # nothing to take: no child has answered
        note = f"Tổng hợp từ {len(p.sources)} đơn vị" + (f", thiếu {', '.join(p.missing)}" if p.missing else "")
        changes.append((p.criterion, make_entry(cat.get(p.criterion), p.value, note)))
    return values.save_entries(db, me.code, year, changes, who=who, action="accept")


@dataclass(frozen=True)
class StaleValue:
    """A value the office took from its units that their newer revisions no longer give."""

    criterion: str
    accepted: str | None  # the value taken in (and perhaps sent upward)
    now: str  # what the units' revisions held today give
    units: tuple[tuple[str, int], ...]  # (unit, revision) received after the value was taken


@dataclass(frozen=True)
class Staleness:
    year: int
    values: list[StaleValue]
    sent_revision: int | None  # the office's own finalised revision holding the old values, if any

    @property
    def new_revision_needed(self) -> bool:
        return bool(self.values) and self.sent_revision is not None


def staleness(db: Database, year: int, cons: Consolidation | None = None) -> Staleness:
    """Which accepted values went stale because a child sent a new revision after they were taken.

    A value counts when it was taken by accepting a proposal and is still the office's value:
    one the office has since typed over is its own decision. The office's own report needs a new
    revision when its latest finalised revision holds the old value."""
    from c27desk.store import values

    me = units.report_unit(db, year)
    if periods.get_period(db, year) is None:
        return Staleness(year, [], None)
    props = {p.criterion: p for p in proposals(cons or consolidate(db, year))}
    own = values.entries(db, me.code, year)
    final = revisions.latest_final(db, me.code, year)
    sent = revisions.snapshot(db, me.code, year, final.number) if final else {}
    received = db.execute("SELECT unit, number, received_at FROM received_revisions WHERE year = ?",
                          [year]).fetchall()
    # each criterion's latest audit row, read once (not one query per proposal)
    latest = {cid: (action, new_value, at) for cid, action, new_value, at in db.execute(
        "SELECT criterion, action, new_value, at FROM audit_log WHERE id IN (SELECT max(id) FROM audit_log "
        "WHERE unit = ? AND year = ? AND criterion IS NOT NULL GROUP BY criterion)", [me.code, year])}
    found, sent_old = [], False
    for cid, prop in props.items():
        row = latest.get(cid)
        if row is None or row[0] != "accept":
            continue
        _, taken, at = row
        entry = own.get(cid)
        if entry is None or entry.value != taken or taken == prop.value:
            continue
        newer = tuple(sorted((u, n) for u, n, when in received if when > at))
        if not newer:
            continue
        found.append(StaleValue(cid, taken, prop.value, newer))
        sent_old = sent_old or (cid in sent and sent[cid].value == taken)
    return Staleness(year, found, final.number if final and sent_old else None)


def staleness_lines(st: Staleness) -> list[Text]:
    """How ``check`` and the window say it (one line per criterion, then what to do), as messages:
    the window says them again when its language changes."""
    said = [msg("{criterion}: {accepted} → {now} (sau khi nhận {who})", "{criterion}: {accepted} → {now} (after {who})",
                criterion=v.criterion, accepted=number_text(v.accepted) if v.accepted is not None else verbatim("∅"),
                now=number_text(v.now), who=", ".join(f"{u} r{n}" for u, n in v.units))
            for v in st.values]
    if st.new_revision_needed:
        said.append(msg("Bản {revision} báo cáo của đơn vị đang giữ số liệu cũ: hãy mở lại, nhận lại các giá trị tổng "
                        "hợp và gửi bản mới.",
                        "Revision {revision} of this office's report holds the old values: reopen it, accept the "
                        "proposals again and send a new revision.", revision=st.sent_revision))
    elif st.values:
        said.append(msg("Hãy nhận lại các giá trị tổng hợp (consolidate --accept).",
                        "Accept the proposals again (consolidate --accept)."))
    return said
