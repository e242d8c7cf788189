"""``export``, ``import``, ``trust``, ``consolidate``: between a unit and the office above."""

from __future__ import annotations

import contextlib
import json
import sys
from pathlib import Path

from c27desk.commands._signing import add_signing_options, signer_spec, wants_signing
from c27desk.errors import InputError
from c27desk.exchange.reasons import Outcome
from c27desk.i18n import byte_size, joined, msg, verbatim
from c27desk.store import units


def register(sub) -> None:
    p = sub.add_parser("export", help=msg("xuất gói báo cáo đã ký (.c27)", "write the signed export package"))
    p.add_argument("--period", type=int, required=True, metavar=str(msg("NĂM", "YEAR")))
    p.add_argument("--out", type=Path, required=True, metavar=str(msg("THƯ_MỤC_HOẶC_TỆP", "FOLDER_OR_FILE")))
    p.add_argument("--resign", action="store_true",
                   help=msg("ký lại dù bản này đã được xuất trước đây",
                            "sign again even if this revision was exported before"))
    p.add_argument("--accept-signer", action="store_true",
                   help=msg("xác nhận chứng thư số dù khác lần xuất trước hoặc ghi tên đơn vị khác", "confirm the certificate even if it differs from earlier exports or names another unit"))
    add_signing_options(p)
    p.set_defaults(func=cmd_export)

    p = sub.add_parser("import", help=msg("nhận gói báo cáo của đơn vị trực thuộc", "import child units' packages"))
    p.add_argument("paths", type=Path, nargs="*", metavar=str(msg("TỆP_HOẶC_THƯ_MỤC", "FILE_OR_FOLDER")))
    p.add_argument("--archive", nargs="?", const="", type=str, metavar=str(msg("THƯ_MỤC", "FOLDER")),
                   help=msg("nhận lại toàn bộ kho lưu (mặc định: kho của cơ sở dữ liệu này) theo các quyết định đã ghi", "import the whole archive again (default: this database's archive) as decided before"))
    p.add_argument("--rejudge", action="store_true",
                   help=msg("với --archive: xét lại cả các tệp đã từ chối trước đây",
                            "with --archive: judge the files refused before again too"))
    p.add_argument("--dry-run", action="store_true",
                   help=msg("chỉ kiểm tra, không ghi gì",
                            "check only, write nothing"))
    p.add_argument("--json", action="store_true", help=msg("in kết quả dạng JSON", "print the result as JSON"))
    p.add_argument("--accept-new-signer", type=_unit_list, default=frozenset(), metavar=str(msg("ĐƠN_VỊ[,ĐƠN_VỊ]", "UNIT[,UNIT]")),
                   help=msg("xác nhận chứng thư số mới (lần đầu nhận hoặc gia hạn) của người ký, cho từng đơn vị nêu tên", "accept the signer's new certificate (first package or renewal), for each unit named"))
    p.set_defaults(func=cmd_import)

    p = sub.add_parser("trust", help=msg("tổ chức chứng thực tin cậy", "trusted CAs"))
    p.add_argument("action", choices=("add-ca", "list", "remove"))
    p.add_argument("file", type=Path, nargs="?", metavar="CA.pem")
    p.add_argument("--fingerprint",
                   help=msg("remove: dấu vân tay của CA (16 chữ số đầu như trust list in ra)",
                            "remove: the CA's fingerprint (the first 16 digits, as trust list prints it)"))
    p.set_defaults(func=cmd_trust)

    p = sub.add_parser("consolidate", help=msg("tổng hợp số liệu các đơn vị", "consolidate child units"))
    p.add_argument("--period", type=int, required=True, metavar=str(msg("NĂM", "YEAR")))
    p.add_argument("--out", type=Path, metavar=str(msg("TỆP.xlsx|TỆP.csv", "FILE.xlsx|FILE.csv")))
    p.add_argument("--propose", action="store_true",
                   help=msg("in các giá trị đề xuất tổng hợp từ đơn vị trực thuộc",
                            "print the values proposed from the units below"))
    p.add_argument("--accept", nargs="?", const="*", metavar=str(msg("TIÊU_CHÍ,…", "CRITERION,…")),
                   help=msg("nhận các giá trị đề xuất vào báo cáo của đơn vị mình (tất cả, hoặc các tiêu chí ghi sau, ví dụ --accept II.3,II.4)", "take the proposed values into this unit's report (all, or the criteria named, for example --accept II.3,II.4)"))
    p.set_defaults(func=cmd_consolidate)


def cmd_export(ctx, args) -> int:
    from c27desk.exchange.export import export_package
    from c27desk.fileio import require_output_kind

    require_output_kind(args.out, ".c27", folder_ok=True)  # before a passphrase is asked
    db = ctx.open(create=False)
    try:
        unit = units.require_self_unit(db).code
        spec = None
        if wants_signing(args):
            from c27desk.report.appendix import appendix_content
            from c27desk.report.sign_appendix import require_signature_details

            require_signature_details(appendix_content(db, args.period))  # before the passphrase is asked
            spec = signer_spec(db, unit, args)
        result = export_package(db, args.period, args.out, spec=spec, resign=args.resign, who=ctx.who,
                                confirm_signer=args.accept_signer)
    finally:
        db.close()
    reused = msg(" (dùng lại chữ ký của lần xuất trước)", " (signature of the earlier export reused)") \
        if result.reused else verbatim("")
    ctx.say(msg("Đã xuất và kiểm tra lại {file} ({size}, bản {revision}){reused}.",
                "Exported and re-checked {file} ({size}, revision {revision}){reused}.",
                file=result.path, size=byte_size(result.size), revision=result.revision, reused=reused))
    return 0


def _unit_list(text: str) -> frozenset[str]:
    """``--accept-new-signer HU-A,HU-B``: a new certificate is accepted for the units named, never for any."""
    units_named = frozenset(u.strip() for u in text.split(",") if u.strip())
    if not units_named:
        raise InputError(msg("--accept-new-signer cần mã đơn vị (ví dụ HU-BIENHOA).",
                             "--accept-new-signer needs unit codes (for example HU-BIENHOA)."))
    return units_named



def cmd_import(ctx, args) -> int:
    from c27desk.exchange.importer import import_files, package_files

    if args.archive is not None:
        return _replay(ctx, args)
    if not args.paths:
        raise InputError(msg("Cần tệp .c27 hoặc thư mục (hoặc --archive).",
                             "A .c27 file or a folder is needed (or --archive)."))
    skipped: list = []
    files = list(package_files(args.paths, skipped))
    _say_skipped(ctx, args, skipped)  # links, pipes: listed with why, never left out unsaid
    if not files:
        nested = [p for p in args.paths if p.is_dir() and any(p.glob("*/*.c27"))]
        if nested:  # an archive keeps its files in sub-folders: that is what --archive replays
            raise InputError(msg("Không có tệp .c27 nào ngay trong {nested}; đây là kho lưu? Dùng “c27desk import --archive "
                                 "{nested}”.",
                                 "No .c27 file directly in {nested}; an archive? Use “c27desk import --archive {nested}”.",
                                 nested=nested[0]))
        raise InputError(msg("Không có tệp .c27 nào để nhận.",
                             "No .c27 file to import."))
    db = ctx.open(create=False, write=not args.dry_run, backup_reason=None if args.dry_run else "before-import")
    try:
        with _stop_on_ctrl_c() as stopped:
            outcomes = import_files(db, ctx.db_path, args.paths, who=ctx.who, dry_run=args.dry_run,
                                    accept_new_signer=args.accept_new_signer, cancelled=stopped.is_set)
    finally:
        db.close()
    status = _report(ctx, args, outcomes)
    if stopped.is_set():
        print(msg("Đã dừng (Ctrl+C) sau {done}/{n} tệp; các tệp đã nhận được ghi đầy đủ, các tệp còn lại chưa "
                  "được đọc.", "Stopped (Ctrl+C) after {done}/{n} file; the files imported are stored whole, "
                  "the rest were not read.", plural="Stopped (Ctrl+C) after {done}/{n} files; the files imported are "
                  "stored whole, the rest were not read.", done=len(outcomes), n=len(files)), file=sys.stderr)
        return 130
    return status


@contextlib.contextmanager
def _stop_on_ctrl_c():
    """Ctrl+C during an import stops it between two files, never inside one: the first press is noted
    (the import asks between files), the handler in place before comes back afterwards."""
    import signal
    import threading

    stopped = threading.Event()
    if threading.current_thread() is not threading.main_thread():  # only the main thread receives signals
        yield stopped
        return
    previous = signal.signal(signal.SIGINT, lambda *_: stopped.set())
    try:
        yield stopped
    finally:
        signal.signal(signal.SIGINT, previous)


def _report(ctx, args, outcomes) -> int:
    if args.json:
        print(json.dumps([o.as_json() for o in outcomes], ensure_ascii=False, indent=1))
    else:
        for o in outcomes:
            _print_outcome(ctx, o)
    return 1 if any(o.outcome == "refused" for o in outcomes) else 0


def _replay(ctx, args) -> int:
    """After a restore: the archive's files again, each decided as it was decided the first time."""
    from c27desk.exchange.archive import archive_dir
    from c27desk.exchange.importer import replay_archive

    if args.paths or args.dry_run:
        raise InputError(msg("--archive không dùng cùng tệp/thư mục hay --dry-run.",
                             "--archive takes no files or folders and no --dry-run."))
    folder = Path(args.archive) if args.archive else archive_dir(ctx.db_path)
    if not folder.is_dir():
        raise InputError(msg("Không có kho lưu {folder}.",
                             "There is no archive folder {folder}.",
                             folder=folder), code="NO_ARCHIVE")
    db = ctx.open(create=False, backup_reason="before-import")
    try:
        skipped: list = []
        outcomes = replay_archive(db, ctx.db_path, folder, who=ctx.who, rejudge=args.rejudge, skipped=skipped)
        _say_skipped(ctx, args, skipped)
    finally:
        db.close()
    if not outcomes:
        raise InputError(msg("Kho lưu {folder} không có tệp .c27 nào.",
                             "The archive {folder} holds no .c27 file.",
                             folder=folder))
    return _report(ctx, args, outcomes)


def _say_skipped(ctx, args, skipped) -> None:
    """Each entry not read, with why: a link or a FIFO left out silently would look like a lost package.
    With ``--json`` stdout is the JSON alone, so the list goes to stderr."""
    import sys

    from c27desk.model.text import shown

    for path, why in skipped:
        line = msg("BỎ QUA: {file} – {why}", "SKIPPED: {file} – {why}", file=shown(path.name), why=why)
        print(line, file=sys.stderr if args.json else sys.stdout)


def _print_outcome(ctx, o) -> None:
    """One line per file (plus its changes); every outside text passes through ``shown`` first."""
    from c27desk.exchange.importer import entry_text
    from c27desk.model.text import shown

    head = f"{Outcome(o.outcome).label}: {shown(o.file_name)}"
    if o.unit:
        head += f" – {shown(o.unit)} {o.year} r{o.revision}"
    if o.reason or o.message:
        head += (f" [{o.reason}]" if o.reason else "") + f" {shown(o.message, 2000)}"
    print(head)
    if o.new_signer is not None:
        what = {"first": msg("Chứng thư số mới", "New certificate"),
                "renewal": msg("Chứng thư số gia hạn", "Renewed certificate")}.get(o.pin, msg("Chứng thư số", "Certificate"))
        print(f"    {what}: {o.new_signer.said()}")
    shown_changes = 30
    for c in o.changes[:shown_changes]:
        print(f"    {shown(c.criterion)}: {shown(entry_text(c.old))} → {shown(entry_text(c.new))}")
    if len(o.changes) > shown_changes:
        ctx.say(msg("    … và {n} thay đổi khác (--json để xem tất cả)", "    … and {n} more change (--json lists them all)",
                    plural="    … and {n} more changes (--json lists them all)", n=len(o.changes) - shown_changes))


def cmd_trust(ctx, args) -> int:
    from c27desk.exchange import trust
    from c27desk.store import exchange

    db = ctx.open(create=False, write=args.action != "list")
    try:
        if args.action == "add-ca":
            if args.file is None:
                raise InputError(msg("Cần tệp CA.pem.",
                                     "A CA.pem file is needed."))
            done = trust.add_ca_file(db, args.file, who=ctx.who)
            ctx.say(msg("Đã thêm CA tin cậy: {subject}", "Trusted CA added: {subject}", subject=done.ca.subject)
                    if done.changed else
                    msg("CA này đã có: {subject}", "CA already trusted: {subject}", subject=done.ca.subject))
        elif args.action == "remove":
            if not args.fingerprint:
                raise InputError(msg("Cần dấu vân tay của CA (như trust list in ra).",
                                     "The CA's fingerprint is needed (as trust list prints it)."))
            ca = trust.remove_ca(db, args.fingerprint, who=ctx.who)
            ctx.say(msg("Đã bỏ CA tin cậy: {subject}",
                        "Trusted CA removed: {subject}",
                        subject=ca.subject))
        for ca in exchange.trusted_cas(db):
            print(f"{ca.fingerprint[:16]}…  {ca.subject}")
    finally:
        db.close()
    return 0


def cmd_consolidate(ctx, args) -> int:
    from c27desk.consolidate.export import write_csv, write_xlsx
    from c27desk.consolidate.summary import accept_proposals, consolidate, proposal_text, proposals
    from c27desk.exchange.importer import entry_text, value_text
    from c27desk.fileio import require_output_kind
    from c27desk.store import values
    from c27desk.workflow import check_report, open_report

    if args.out:
        args.out = require_output_kind(args.out, ".xlsx", ".csv")
    db = ctx.open(create=False, write=bool(args.accept))
    try:
        cons = consolidate(db, args.period)
        props = proposals(cons)
        ref = open_report(db, args.period)
        current = values.entries(db, ref.unit.code, args.period)
        if args.accept:
            if args.accept != "*":
                wanted = [c.strip() for c in args.accept.split(",") if c.strip()]
                known = {p.criterion for p in props}
                unknown = [c for c in wanted if c not in known]
                if unknown or not wanted:
                    raise InputError(msg("Không có đề xuất tổng hợp cho: {unknown} (có: {known}).",
                                         "No consolidated proposal for: {unknown} (there are: {known}).",
                                         unknown=", ".join(unknown) or "—",  # the form's order, as proposed:
                                         known=", ".join(p.criterion for p in props) or "—"),
                                     where="--accept")
                props = [p for p in props if p.criterion in wanted]
            changed = accept_proposals(db, args.period, props, who=ctx.who)
            ctx.say(msg("Đã nhận {n} giá trị tổng hợp vào báo cáo của {name}:",
                        "Took {n} consolidated value into {name}'s report:",
                        plural="Took {n} consolidated values into {name}'s report:",
                        n=changed, name=verbatim(ref.unit.name)))
            for p in props:
                if p.value is None:  # nothing to take: the value held stays as it is
                    ctx.say(msg("  {criterion}: {held} (giữ nguyên) {proposal}", "  {criterion}: {held} (kept) {proposal}",
                                criterion=p.criterion, held=entry_text(current.get(p.criterion)),
                                proposal=proposal_text(p)))
                    continue
                missing = msg("  (thiếu {units})", "  (missing {units})", units=", ".join(p.missing)) \
                    if p.missing else verbatim("")
                ctx.say(joined("  {criterion}: {held} → {proposal}{missing}", criterion=p.criterion,
                               held=entry_text(current.get(p.criterion)), proposal=proposal_text(p),
                               missing=missing))
            errors = check_report(db, ref).errors
            if errors:
                ctx.say(msg("Lưu ý: báo cáo của đơn vị giờ có {n} lỗi cần sửa trước khi chốt (c27desk check --period "
                            "{period}).",
                            "Note: the unit's report now has {n} error to fix before finalising (c27desk check "
                            "--period {period}).",
                            plural="Note: the unit's report now has {n} errors to fix before finalising (c27desk "
                            "check --period {period}).",
                            n=len(errors), period=args.period))
    finally:
        db.close()
    got = len(cons.received)
    ctx.say(msg("Năm {year}: đã nhận {got}/{n} đơn vị.",
                "Year {year}: {got}/{n} unit received.", plural="Year {year}: {got}/{n} units received.",
                year=cons.year, got=got, n=len(cons.units)))
    from c27desk.consolidate.completeness import completeness

    for st in cons.units:
        if st.missing:
            state = msg("CHƯA NỘP", "NOT SENT")
        else:
            state = msg("r{n} MUỘN", "r{n} LATE", n=st.revision) if st.late else joined("r{n}", n=st.revision)
        done = completeness(cons.form_for(st.unit.level), st)
        print(f"  {st.unit.code:<16} {str(state):<12} {done.fraction():>7}  {done.label(ctx.lang):<28} {st.signer}")
    if args.propose and not args.accept:
        for p in props:
            src = ", ".join(f"{u}={value_text(v)}" for u, v in p.sources)
            if p.sources and p.missing:
                src += msg("; thiếu {units}", "; missing {units}", units=", ".join(p.missing)).render()
            ctx.say(msg("  {criterion} = {proposal}{sources}  [hiện tại: {held}]",
                        "  {criterion} = {proposal}{sources}  [now: {held}]", criterion=p.criterion,
                        proposal=proposal_text(p), sources=f"  ({src})" if p.sources else "",
                        held=entry_text(current.get(p.criterion))))
    if args.out:
        (write_xlsx if args.out.suffix.lower() == ".xlsx" else write_csv)(cons, args.out)
        ctx.say(msg("Đã ghi {out}.",
                    "Wrote {out}.",
                    out=args.out))
    return 0
