"""Checks a unit's answers against its catalogue: per value, across fields, completeness.

Errors block finalising a report; warnings need an acknowledgement. Rules only compare
answered numbers: a missing answer shows up in completeness, and "not applicable" makes a
comparison meaningless rather than false.
"""

from __future__ import annotations

import operator
from collections.abc import Mapping
from dataclasses import dataclass, field
from decimal import Decimal

from c27desk.errors import InputError
from c27desk.i18n import Text, joined, msg
from c27desk.model.catalogue import Catalogue, Rule
from c27desk.model.values import Entry, make_entry

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


def _entry_verdict(catalogue: Catalogue, entry: Entry) -> Issue | None:
    key = (catalogue.content_hash, entry.criterion_id, entry.value, entry.explanation, entry.state)
    try:
        return _VERDICTS[key]
    except KeyError:
        pass
    if len(_VERDICTS) >= _VERDICTS_MAX:
        _VERDICTS.clear()
    verdict = _VERDICTS[key] = _entry_issue(catalogue, entry)
    return verdict


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
