"""A new unit's first year from its predecessors' last answers (a code change or a merger).

Pure: the caller fetches each predecessor's answers. Every value is carried unconfirmed and its
explanation says where it came from, so the clerk checks each one before finalising: two
communes' computers add up, but two status codes cannot be added and are shown side by side.
"""

from __future__ import annotations

from decimal import Decimal

from c27desk.errors import InputError
from c27desk.model.catalogue import Catalogue
from c27desk.model.numbers import format_amount
from c27desk.model.values import CARRIED, Entry, make_entry

MAX_NOTE = 600


def _shown(entry: Entry) -> str:
    return "N/A" if entry.is_na or entry.value is None else entry.value


def combine(cat: Catalogue, sources: list[tuple[str, dict[str, Entry]]],
            mapping: dict[str, str] | None = None) -> dict[str, Entry]:
    """Criterion → carried entry. ``sources`` is (predecessor code, its answers) in the order given;
    ``mapping`` says which old criterion feeds each new one (same id when absent)."""
    out: dict[str, Entry] = {}
    for crit in cat.criteria:
        old_id = (mapping or {}).get(crit.id, crit.id)
        found = [(code, entries[old_id]) for code, entries in sources if old_id in entries]
        if not found:
            continue
        origin = ", ".join(f"{code}: {_shown(e)}" for code, e in found)
        if all(e.is_na or e.value is None for _, e in found):
            note = f"Chuyển từ {origin}. {found[0][1].explanation}".strip()
            out[crit.id] = Entry(crit.id, None, note[:MAX_NOTE], CARRIED)
            continue
        answered = [(code, e) for code, e in found if not (e.is_na or e.value is None)]
        if crit.is_numeric and len(answered) > 1:
            total = sum((Decimal(e.value) for _, e in answered), Decimal(0))
            value = str(int(total)) if crit.kind == "count" else format_amount(total)
            note = f"Cộng từ {origin}."
        else:
            value = answered[0][1].value
            same = all(e.value == value for _, e in answered)
            note = (f"Chuyển từ {origin}. {answered[0][1].explanation}" if same or len(answered) == 1
                    else f"Các đơn vị cũ khác nhau ({origin}); lấy của {answered[0][0]}, cần xem lại.")
        try:
            out[crit.id] = make_entry(crit, value, note.strip()[:MAX_NOTE], state=CARRIED)
        except InputError:
            continue  # no longer valid under this year's form: left for the clerk to answer
    return out
