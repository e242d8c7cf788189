"""The whole chain on throwaway data, to prove an installed copy works before anyone relies on it.

A unit's database is made and filled with the demo figures, its appendix rendered (fonts from
the installed resources), signed with a freshly made trial key and verified; the report is
exported as a package, which an office database imports and consolidates. Everything happens
in a temporary folder that is removed afterwards; the user's own database is never opened.

Each step is yielded as it finishes, so the command line (and anything else) can show progress.
"""

from __future__ import annotations

import secrets
import tempfile
import time
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

from c27desk import __version__
from c27desk.errors import C27Error
from c27desk.i18n import Text, msg

YEAR = 2023
UNIT = "HU-SELFTEST"
UNIT_NAME = "Huyện ủy Tự kiểm tra"  # a name, the same in both languages


STEP_LABELS = {"resources": msg("tài nguyên", "resources"), "unit database": msg("CSDL đơn vị", "unit database"),
               "trial keys": msg("khóa dùng thử", "trial keys"), "appendix": msg("phụ lục", "appendix"),
               "sign + verify": msg("ký + kiểm tra", "sign + verify"), "export": msg("xuất gói", "export"),
               "import": msg("nhận gói", "import"), "consolidate": msg("tổng hợp", "consolidate")}


@dataclass(frozen=True)
class Step:
    name: str  # stable, for scripts; ``label`` is what a person reads
    detail: Text | str
    seconds: float

    @property
    def label(self) -> Text:
        return STEP_LABELS[self.name]


class SelftestError(C27Error):
    pass


def _check(condition: bool, what: Text) -> None:
    if not condition:
        raise SelftestError(msg("Tự kiểm tra thất bại: {what}",
                                "Self-test failed: {what}",
                                what=what), code="SELFTEST")


def run_selftest(folder: Path | None = None) -> Iterator[Step]:
    """Yield each finished step; raise SelftestError (or the step's own error) at the first failure."""
    with tempfile.TemporaryDirectory(prefix="c27desk-selftest-") as tmp:
        yield from _steps(Path(folder or tmp))


def _steps(tmp: Path) -> Iterator[Step]:
    from c27desk.consolidate.export import write_xlsx
    from c27desk.consolidate.summary import consolidate
    from c27desk.demo import DEMO_YEAR, create_demo, demo_values_for_level
    from c27desk.exchange import certs
    from c27desk.exchange.export import export_package
    from c27desk.exchange.importer import import_bytes
    from c27desk.model.units import make_unit
    from c27desk.report.appendix import appendix_content
    from c27desk.report.appendix_pdf import render_appendix
    from c27desk.report.sign_appendix import sign_appendix
    from c27desk.report.signing import P12Spec
    from c27desk.report.trial_keys import make_trial_keys
    from c27desk.report.verify import verify_pdf
    from c27desk.resources import app_root, migrations_dir, missing_resources
    from c27desk.store import exchange, periods, revisions, units
    from c27desk.store.database import open_database
    from c27desk.workflow import finalise_report, load_values, open_report

    who = "selftest"
    clock = time.perf_counter()

    def step(name: str, detail: Text | str) -> Step:
        nonlocal clock
        now = time.perf_counter()
        done, clock = Step(name, detail, now - clock), now
        return done

    missing = missing_resources()
    _check(not missing, f"thiếu tài nguyên / missing resources {', '.join(missing)} in {app_root() / 'resources'}")
    _check(any(migrations_dir().glob("0001_*.sql")), f"thiếu / missing migrations in {migrations_dir()}")
    yield step("resources", msg("c27desk {version}: phông chữ, biểu mẫu, bản dịch, ICC",
                                "c27desk {version}: fonts, forms, translations, ICC", version=__version__))

    unit_db_path = tmp / "unit.sqlite3"
    unit_db = open_database(unit_db_path)
    try:
        units.save_unit(unit_db, make_unit(UNIT, UNIT_NAME, "huyen", "TU-DONGNAI", place="Biên Hòa"),
                        is_self=True, who=who)
        periods.ensure_period(unit_db, YEAR, who=who)
        periods.update_period(unit_db, YEAR, who=who, report_number="15", report_date=f"{YEAR + 1}-02-15",
                              place="Biên Hòa", signer_authority="T/M BAN THƯỜNG VỤ",
                              signer_title="BÍ THƯ", signer_name="Tự Kiểm Tra")
        ref = open_report(unit_db, YEAR)
        loaded = load_values(unit_db, ref, demo_values_for_level("huyen"), who=who)
        rev = finalise_report(unit_db, ref, who=who, acknowledge_warnings=True)
        yield step("unit database", msg("{n} giá trị, chốt bản {revision}", "{n} value, finalised as revision {revision}",
                                        plural="{n} values, finalised as revision {revision}", n=loaded,
                                        revision=rev.number))

        secret = secrets.token_urlsafe(16)
        keys = make_trial_keys(tmp / "keys", UNIT, UNIT_NAME, secret)
        spec = P12Spec(keys.unit_p12, secret)
        roots = [certs.load_pem_file(keys.ca_pem)]
        yield step("trial keys", keys.unit_p12.name)

        content = appendix_content(unit_db, YEAR)
        rendered = render_appendix(content)
        _check(rendered.pages >= 2, "phụ lục quá ngắn / appendix too short")
        yield step("appendix", msg("{n} trang, {size} KiB", "{n} page, {size} KiB", plural="{n} pages, {size} KiB",
                                   n=rendered.pages, size=len(rendered.pdf) // 1024))

        signed = sign_appendix(content, rendered, spec, roots)
        check = verify_pdf(signed.pdf, roots)
        _check(check.ok, msg("chữ ký phụ lục: {problems}", "appendix signature: {problems}", problems=check.problems))
        _check(not verify_pdf(signed.pdf + b"%tampered\n", roots).ok, msg("không phát hiện được sửa đổi", "tampering went unnoticed"))
        yield step("sign + verify", f"{check.signer}")

        result = export_package(unit_db, YEAR, tmp / "usb", spec=spec, who=who)
        raw = result.path.read_bytes()
        again = export_package(unit_db, YEAR, tmp / "usb2", who=who).path.read_bytes()
        _check(raw == again, msg("xuất lại phải giống hệt", "a re-export must be identical"))
        yield step("export", f"{result.path.name}, {len(raw) // 1024} KiB")
        expected = revisions.snapshot(unit_db, UNIT, YEAR, rev.number)
    finally:
        unit_db.close()

    office_path = tmp / "office.sqlite3"
    office = open_database(office_path)
    try:
        create_demo(office, who=who)
        units.save_unit(office, make_unit(UNIT, UNIT_NAME, "huyen", "TU-DONGNAI"), who=who)
        exchange.add_trusted_ca(office, exchange.TrustedCa(certs.fingerprint(roots[0]), certs.subject(roots[0]),
                                                           certs.to_pem(roots[0])), who=who)
        tampered = bytearray(raw)
        tampered[len(tampered) // 2] ^= 0x01
        refused = import_bytes(office, office_path, bytes(tampered), "tampered.c27", who=who,
                               accept_new_signer=frozenset({UNIT}))
        _check(refused.outcome == "refused", msg("gói bị sửa phải bị từ chối", "a tampered package must be refused"))
        outcome = import_bytes(office, office_path, raw, result.path.name, who=who, accept_new_signer=frozenset({UNIT}))
        _check(outcome.outcome == "accepted", msg("nhập gói: {reason} {detail}", "import: {reason} {detail}",
                                                         reason=outcome.reason, detail=outcome.message))
        held = revisions.latest_final(office, UNIT, YEAR)
        _check(held is not None and revisions.snapshot(office, UNIT, YEAR, held.number) == expected,
               "số liệu nhận khác số liệu gửi / received values differ from those sent")
        yield step("import", msg("{code} cho gói bị sửa; gói đúng được nhận",
                                 "{code} for the altered package; the right one accepted", code=refused.reason))

        cons = consolidate(office, DEMO_YEAR)
        _check(len(cons.received) == 1, msg("tổng hợp", "consolidation"))
        write_xlsx(cons, tmp / "tong-hop.xlsx")
        yield step("consolidate", msg("{got}/{n} đơn vị, XLSX", "{got}/{n} unit, XLSX", plural="{got}/{n} units, XLSX",
                                      got=len(cons.received), n=len(cons.units)))
    finally:
        office.close()
