"""Checks a unit's answers against its catalogue: per value, across fields, completeness.

Errors block finalising a report; warnings need an acknowledgement. Rules only compare
answered numbers: a missing answer shows up in completeness, and "not applicable" makes a
comparison meaningless rather than false.
"""

from __future__ import annotations

import operator
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from decimal import Decimal

from c27desk.errors import InputError
from c27desk.i18n import Text, joined, msg
from c27desk.model.catalogue import Catalogue, Rule
from c27desk.model.values import Entry, checked_explanation, make_entry

ERROR = "error"
WARNING = "warning"

_OPS = {"<=": operator.le, "<": operator.lt, ">=": operator.ge, ">": operator.gt, "==": operator.eq}


@dataclass(frozen=True)
class Issue:
    """One problem with a report's answers, said in both languages (rendered where it is shown)."""

    severity: str
    criteria: tuple[str, ...]
    text: Text
    rule_id: str | None = None

    def message(self, lang: str | None = None) -> str:
        """The problem in ``lang`` (the interface language when not given)."""
        return self.text.render(lang or None)


@dataclass(frozen=True)
class SectionProgress:
    section_id: str
    label: str
    title: str
    depth: int
    answered: int
    total: int
    problems: int

    @property
    def complete(self) -> bool:
        return self.answered == self.total


@dataclass
class CheckReport:
    issues: list[Issue] = field(default_factory=list)
    sections: list[SectionProgress] = field(default_factory=list)
    answered: int = 0
    total: int = 0
    unconfirmed: tuple[str, ...] = ()
    missing: tuple[str, ...] = ()

    @property
    def errors(self) -> list[Issue]:
        return [i for i in self.issues if i.severity == ERROR]

    @property
    def warnings(self) -> list[Issue]:
        return [i for i in self.issues if i.severity == WARNING]

    @property
    def complete(self) -> bool:
        return self.answered == self.total and not self.unconfirmed

    def issues_for(self, criterion_id: str) -> list[Issue]:
        return [i for i in self.issues if criterion_id in i.criteria]


def _entry_issue(catalogue: Catalogue, entry: Entry) -> Issue | None:
    """Re-validate a stored entry: the catalogue may have changed, or a file was edited."""
    crit = catalogue.get(entry.criterion_id)
    if crit is None:
        return Issue(ERROR, (entry.criterion_id,), msg(
            "{criterion}: tiêu chí không có trong biểu mẫu {form}.", "{criterion}: the criterion is not in form {form}.",
            criterion=entry.criterion_id, form=catalogue.key))
    if entry.is_na:
        return None
    try:
        make_entry(crit, entry.value, entry.explanation, state=entry.state)
    except InputError as exc:
        return Issue(ERROR, (crit.id,), joined("{criterion}: {problem}", criterion=crit.id, problem=exc.text))
    if crit.kind == "status" and not entry.explanation:
        return Issue(WARNING, (crit.id,), msg(
            "{criterion}: nên ghi diễn giải tình trạng thực hiện cho mã {code}.",
            "{criterion}: an explanation should accompany code {code}.", criterion=crit.id, code=entry.value))
    return None


def _rule_issue(rule: Rule, entries: Mapping[str, Entry]) -> Issue | None:
    numbers: dict[str, Decimal] = {}
    for cid in rule.criteria:
        entry = entries.get(cid)
        value = entry.number() if entry is not None else None
        if value is None:
            return None
        numbers[cid] = value
    left = sum((numbers[c] for c in rule.left), Decimal(0))
    right = sum((numbers[c] for c in rule.right), Decimal(0))
    if _OPS[rule.op](left, right):
        return None
    said = joined("{rule} ({left} = {left_sum}; {right} = {right_sum})", rule=rule.text, left=" + ".join(rule.left),
                  left_sum=left, right=" + ".join(rule.right), right_sum=right)
    return Issue(rule.severity, rule.criteria, said, rule.id)


# An entry's own verdict depends only on the catalogue's content and the entry, so it is kept: an
# office re-checks thousands of received reports whose answers repeat (the same codes, the same
# suggested explanations, small counts), and re-parsing each is most of a consolidation's time.
_VERDICTS: dict[tuple, Issue | None] = {}
_VERDICTS_MAX = 200_000


def _kept(verdicts: dict[tuple, Issue | None], key: tuple, judge: Callable[[], Issue | None]) -> Issue | None:
    """The verdict kept under ``key``, else ``judge()``'s, kept (the memory is emptied when full)."""
    try:
        return verdicts[key]
    except KeyError:
        pass
    if len(verdicts) >= _VERDICTS_MAX:
        verdicts.clear()
    verdict = verdicts[key] = judge()
    return verdict


def _entry_verdict(catalogue: Catalogue, entry: Entry) -> Issue | None:
    key = (catalogue.content_hash, entry.criterion_id, entry.value, entry.explanation, entry.state)
    return _kept(_VERDICTS, key, lambda: _split_verdict(catalogue, entry))


# Units word their explanations each their own way, so whole answers rarely repeat across thousands
# of reports while their values do (the same codes, small counts). ``make_entry`` checks an
# explanation first, on its own, and after that looks only at whether it and the raw text are
# empty; so an answer's verdict is its explanation's, else that of its value with a stand-in
# explanation of the same emptiness, which repeats and is kept.
_STAND_INS = {(True, True): "x", (True, False): " ", (False, False): ""}  # (raw, checked) non-empty
_VALUE_VERDICTS: dict[tuple, Issue | None] = {}


def _split_verdict(catalogue: Catalogue, entry: Entry) -> Issue | None:
    crit = catalogue.get(entry.criterion_id)
    if crit is None or entry.is_na:
        return _entry_issue(catalogue, entry)
    try:
        explained = bool(checked_explanation(entry.explanation))
    except InputError as exc:
        return Issue(ERROR, (crit.id,), joined("{criterion}: {problem}", criterion=crit.id, problem=exc.text))
    raw = bool(entry.explanation)
    key = (catalogue.content_hash, entry.criterion_id, entry.value, entry.state, raw, explained)
    return _kept(_VALUE_VERDICTS, key, lambda: _entry_issue(
        catalogue, Entry(entry.criterion_id, entry.value, _STAND_INS[raw, explained], entry.state)))


class ManyReports:
    """One form's checks over many reports, as an office re-checks thousands of received ones.

    Each distinct answer object is judged once (``revisions.final_snapshots`` shares equal answers
    between reports) and a report whose answers were all judged sound before costs a set operation;
    the verdicts are exactly ``check``'s, only the counting is cheaper."""

    def __init__(self, catalogue: Catalogue):
        self.catalogue = catalogue
        self._judged: set[int] = set()  # ids of the answers judged,
        self._kept: list[Entry] = []  # and the answers themselves, kept so that no id is reused
        self._flagged: dict[int, Issue] = {}  # id -> the answer's own problem

    def problems(self, entries: Mapping[str, Entry]) -> tuple[int, int]:
        """(errors, warnings) of one report: ``len(check(...).errors)``, ``len(check(...).warnings)``."""
        ids = set(map(id, entries.values()))
        if not ids <= self._judged:
            for entry in entries.values():
                if id(entry) not in self._judged:
                    self._judged.add(id(entry))
                    self._kept.append(entry)
                    issue = _split_verdict(self.catalogue, entry)  # equal answers are one object already
                    if issue:
                        self._flagged[id(entry)] = issue
        issues = [self._flagged[i] for i in ids.intersection(self._flagged)] if self._flagged else []
        issues += [i for i in (_rule_issue(rule, entries) for rule in self.catalogue.rules) if i]
        return sum(1 for i in issues if i.severity == ERROR), sum(1 for i in issues if i.severity == WARNING)


def check(catalogue: Catalogue, entries: Mapping[str, Entry]) -> CheckReport:
    """Everything a user needs to know before finalising: problems and completeness."""
    report = CheckReport()
    for entry in entries.values():
        issue = _entry_verdict(catalogue, entry)
        if issue:
            report.issues.append(issue)
    for rule in catalogue.rules:
        issue = _rule_issue(rule, entries)
        if issue:
            report.issues.append(issue)
    problem_ids = {cid for i in report.issues for cid in i.criteria}
    for section, depth in catalogue.walk_sections():
        ids = [c.id for c in section.all_criteria()]
        report.sections.append(
            SectionProgress(
                section_id=section.id,
                label=section.label,
                title=section.title,
                depth=depth,
                answered=sum(1 for cid in ids if cid in entries),
                total=len(ids),
                problems=sum(1 for cid in ids if cid in problem_ids),
            )
        )
    all_ids = [c.id for c in catalogue.criteria]
    report.total = len(all_ids)
    report.answered = sum(1 for cid in all_ids if cid in entries)
    report.missing = tuple(cid for cid in all_ids if cid not in entries)
    report.unconfirmed = tuple(cid for cid in all_ids if cid in entries and entries[cid].is_unconfirmed)
    return report
