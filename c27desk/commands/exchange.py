"""``export``, ``import``, ``trust``, ``consolidate``: between a unit and the office above."""

from __future__ import annotations

import contextlib
import json
from pathlib import Path

from c27desk.commands._signing import add_signing_options, signer_spec, wants_signing
from c27desk.errors import InputError
from c27desk.store import units


def register(sub) -> None:
    p = sub.add_parser("export", help="xuất gói báo cáo đã ký (.c27) / write the signed export package")
    p.add_argument("--period", type=int, required=True, metavar="YEAR")
    p.add_argument("--out", type=Path, required=True, metavar="DIR_OR_FILE")
    p.add_argument("--resign", action="store_true", help="ký lại dù bản này đã được xuất trước đây")
    p.add_argument("--accept-signer", action="store_true",
                   help="xác nhận chứng thư số dù khác lần xuất trước hoặc ghi tên đơn vị khác")
    add_signing_options(p)
    p.set_defaults(func=cmd_export)

    p = sub.add_parser("import", help="nhận gói báo cáo của đơn vị trực thuộc / import child units' packages")
    p.add_argument("paths", type=Path, nargs="*", metavar="FILE_OR_FOLDER")
    p.add_argument("--archive", nargs="?", const="", type=str, metavar="FOLDER",
                   help="nhận lại toàn bộ kho lưu (mặc định: kho của cơ sở dữ liệu này) theo các quyết định đã ghi")
    p.add_argument("--rejudge", action="store_true", help="với --archive: xét lại cả các tệp đã từ chối trước đây")
    p.add_argument("--dry-run", action="store_true", help="chỉ kiểm tra, không ghi gì")
    p.add_argument("--json", action="store_true", help="in kết quả dạng JSON")
    p.add_argument("--accept-new-signer", type=_unit_list, default=frozenset(), metavar="UNIT[,UNIT]",
                   help="xác nhận chứng thư số mới (lần đầu nhận hoặc gia hạn) của người ký, cho từng đơn vị nêu tên")
    p.set_defaults(func=cmd_import)

    p = sub.add_parser("trust", help="tổ chức chứng thực tin cậy / trusted CAs")
    p.add_argument("action", choices=("add-ca", "list", "remove"))
    p.add_argument("file", type=Path, nargs="?", metavar="CA.pem")
    p.add_argument("--fingerprint", help="remove: dấu vân tay của CA (16 chữ số đầu như trust list in ra)")
    p.set_defaults(func=cmd_trust)

    p = sub.add_parser("consolidate", help="tổng hợp số liệu các đơn vị / consolidate child units")
    p.add_argument("--period", type=int, required=True, metavar="YEAR")
    p.add_argument("--out", type=Path, metavar="FILE.xlsx|FILE.csv")
    p.add_argument("--propose", action="store_true", help="in các giá trị đề xuất tổng hợp từ đơn vị trực thuộc")
    p.add_argument("--accept", nargs="?", const="*", metavar="TIÊU_CHÍ,…",
                   help="nhận các giá trị đề xuất vào báo cáo của đơn vị mình (tất cả, hoặc các tiêu chí ghi sau, "
                        "ví dụ --accept II.3,II.4)")
    p.set_defaults(func=cmd_consolidate)


def cmd_export(ctx, args) -> int:
    from c27desk.exchange.export import export_package

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
    reused = " (dùng lại chữ ký của lần xuất trước)" if result.reused else ""
    ctx.say(f"Đã xuất và kiểm tra lại {result.path} ({result.size} byte, bản {result.revision}){reused}.",
            f"Exported and re-checked {result.path} ({result.size} bytes, revision {result.revision})"
            f"{' (signature of the earlier export reused)' if result.reused else ''}.")
    return 0


def _unit_list(text: str) -> frozenset[str]:
    """``--accept-new-signer HU-A,HU-B``: a new certificate is accepted for the units named, never for any."""
    units_named = frozenset(u.strip() for u in text.split(",") if u.strip())
    if not units_named:
        raise InputError("--accept-new-signer cần mã đơn vị (ví dụ HU-BIENHOA).",
                         "--accept-new-signer needs unit codes (for example HU-BIENHOA).")
    return units_named



def cmd_import(ctx, args) -> int:
    from c27desk.exchange.importer import import_files, package_files

    if args.archive is not None:
        return _replay(ctx, args)
    if not args.paths:
        raise InputError("cần tệp .c27 hoặc thư mục (hoặc --archive).", "a .c27 file or a folder is needed (or --archive).")
    skipped: list = []
    files = list(package_files(args.paths, skipped))
    _say_skipped(ctx, args, skipped)  # links, pipes: listed with why, never left out unsaid
    if not files:
        nested = [p for p in args.paths if p.is_dir() and any(p.glob("*/*.c27"))]
        if nested:  # an archive keeps its files in sub-folders: that is what --archive replays
            raise InputError(f"không có tệp .c27 nào ngay trong {nested[0]}; đây là kho lưu? Dùng "
                             f"“c27desk import --archive {nested[0]}”.",
                             f"no .c27 file directly in {nested[0]}; an archive? Use "
                             f"“c27desk import --archive {nested[0]}”.")
        raise InputError("không có tệp .c27 nào để nhận.", "no .c27 file to import.")
    db = ctx.open(create=False, write=not args.dry_run, backup_reason=None if args.dry_run else "before-import")
    try:
        with _stop_on_ctrl_c() as stopped:
            outcomes = import_files(db, ctx.db_path, args.paths, who=ctx.who, dry_run=args.dry_run,
                                    accept_new_signer=args.accept_new_signer, cancelled=stopped.is_set)
    finally:
        db.close()
    status = _report(ctx, args, outcomes)
    if stopped.is_set():
        import sys

        from c27desk.i18n import msg

        print(msg("Đã dừng (Ctrl+C) sau {done}/{n} tệp; các tệp đã nhận được ghi đầy đủ, các tệp còn lại chưa "
                  "được đọc.", "Stopped (Ctrl+C) after {done}/{n} files; the files imported are stored whole, "
                  "the rest were not read.", done=len(outcomes), n=len(files)), file=sys.stderr)
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
        print(json.dumps([o.as_json(ctx.lang) for o in outcomes], ensure_ascii=False, indent=1))
    else:
        for o in outcomes:
            _print_outcome(ctx, o)
    return 1 if any(o.outcome == "refused" for o in outcomes) else 0


def _replay(ctx, args) -> int:
    """After a restore: the archive's files again, each decided as it was decided the first time."""
    from c27desk.exchange.archive import archive_dir
    from c27desk.exchange.importer import replay_archive

    if args.paths or args.dry_run:
        raise InputError("--archive không dùng cùng tệp/thư mục hay --dry-run.",
                         "--archive takes no files or folders and no --dry-run.")
    folder = Path(args.archive) if args.archive else archive_dir(ctx.db_path)
    if not folder.is_dir():
        raise InputError(f"không có kho lưu {folder}.", f"there is no archive folder {folder}.", code="NO_ARCHIVE")
    db = ctx.open(create=False, backup_reason="before-import")
    try:
        skipped: list = []
        outcomes = replay_archive(db, ctx.db_path, folder, who=ctx.who, rejudge=args.rejudge, skipped=skipped)
        _say_skipped(ctx, args, skipped)
    finally:
        db.close()
    if not outcomes:
        raise InputError(f"kho lưu {folder} không có tệp .c27 nào.", f"the archive {folder} holds no .c27 file.")
    return _report(ctx, args, outcomes)


def _say_skipped(ctx, args, skipped) -> None:
    """Each entry not read, with why: a link or a FIFO left out silently would look like a lost package.
    With ``--json`` stdout is the JSON alone, so the list goes to stderr."""
    import sys

    from c27desk.model.text import shown

    for path, vi, en in skipped:
        line = f"SKIPPED: {shown(path.name)} – {en}" if ctx.lang == "en" else f"BỎ QUA: {shown(path.name)} – {vi}"
        print(line, file=sys.stderr if args.json else sys.stdout)


def _print_outcome(ctx, o) -> None:
    """One line per file (plus its changes); every outside text passes through ``shown`` first."""
    from c27desk.exchange.importer import entry_text
    from c27desk.model.text import shown

    en = ctx.lang == "en"
    label = {"accepted": ("ĐÃ NHẬN", "ACCEPTED"), "already": ("ĐÃ CÓ", "ALREADY IMPORTED"),
             "superseded": ("BẢN CŨ (đã có bản mới hơn)", "OLD (a newer revision is held)"),
             "kept-refused": ("VẪN TỪ CHỐI", "STILL REFUSED"),
             "checked": ("HỢP LỆ (chưa ghi)", "VALID (not written)"), "refused": ("TỪ CHỐI", "REFUSED")}[o.outcome]
    head = f"{label[1 if en else 0]}: {shown(o.file_name)}"
    if o.unit:
        head += f" – {shown(o.unit)} {o.year} r{o.revision}"
    if o.reason or o.message:
        head += (f" [{o.reason}]" if o.reason else "") + f" {shown(o.message, 2000)}"
    print(head)
    if o.new_signer is not None:
        what = {"first": ("chứng thư số mới", "new certificate"), "renewal": ("chứng thư số gia hạn", "renewed "
                "certificate")}.get(o.pin, ("chứng thư số", "certificate"))
        print(f"    {what[1 if en else 0]}: {o.new_signer.text(ctx.lang)}")
    shown_changes = 30
    for c in o.changes[:shown_changes]:
        print(f"    {shown(c.criterion)}: {shown(entry_text(c.old))} → {shown(entry_text(c.new))}")
    if len(o.changes) > shown_changes:
        more = len(o.changes) - shown_changes
        print(f"    … and {more} more changes (--json lists them all)" if en
              else f"    … và {more} thay đổi khác (--json để xem tất cả)")


def cmd_trust(ctx, args) -> int:
    from c27desk.exchange import trust
    from c27desk.store import exchange

    db = ctx.open(create=False, write=args.action != "list")
    try:
        if args.action == "add-ca":
            if args.file is None:
                raise InputError("cần tệp CA.pem.", "a CA.pem file is needed.")
            done = trust.add_ca_file(db, args.file, who=ctx.who)
            ctx.say(("Đã thêm CA tin cậy: " if done.changed else "CA này đã có: ") + done.ca.subject,
                    ("Trusted CA added: " if done.changed else "CA already trusted: ") + done.ca.subject)
        elif args.action == "remove":
            if not args.fingerprint:
                raise InputError("cần dấu vân tay của CA (như trust list in ra).",
                                 "the CA's fingerprint is needed (as trust list prints it).")
            ca = trust.remove_ca(db, args.fingerprint, who=ctx.who)
            ctx.say(f"Đã bỏ CA tin cậy: {ca.subject}", f"Trusted CA removed: {ca.subject}")
        for ca in exchange.trusted_cas(db):
            print(f"{ca.fingerprint[:16]}…  {ca.subject}")
    finally:
        db.close()
    return 0


def cmd_consolidate(ctx, args) -> int:
    from c27desk.consolidate.export import write_csv, write_xlsx
    from c27desk.consolidate.summary import accept_proposals, consolidate, proposal_text, proposals
    from c27desk.exchange.importer import entry_text
    from c27desk.store import values
    from c27desk.workflow import check_report, open_report

    if args.out and args.out.suffix.lower() not in (".xlsx", ".csv"):
        raise InputError("tệp kết quả phải là .xlsx hoặc .csv.", "the output must be .xlsx or .csv.")
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
                    raise InputError(f"không có đề xuất tổng hợp cho: {', '.join(unknown) or '—'} (có: "
                                     f"{', '.join(sorted(known)) or '—'}).",
                                     f"no consolidated proposal for: {', '.join(unknown) or '—'} (there are: "
                                     f"{', '.join(sorted(known)) or '—'}).", where="--accept")
                props = [p for p in props if p.criterion in wanted]
            changed = accept_proposals(db, args.period, props, who=ctx.who)
            ctx.say(f"Đã nhận {changed} giá trị tổng hợp vào báo cáo của {ref.unit.name}:",
                    f"Took {changed} consolidated values into {ref.unit.name}'s report:")
            for p in props:
                if p.value is None:  # nothing to take: the value held stays as it is
                    kept = "kept" if ctx.lang == "en" else "giữ nguyên"
                    print(f"  {p.criterion}: {entry_text(current.get(p.criterion))} ({kept}) "
                          f"{proposal_text(p, ctx.lang)}")
                    continue
                print(f"  {p.criterion}: {entry_text(current.get(p.criterion))} → {proposal_text(p, ctx.lang)}"
                      + (f"  ({'missing' if ctx.lang == 'en' else 'thiếu'} {', '.join(p.missing)})"
                         if p.missing else ""))
            errors = check_report(db, ref).errors
            if errors:
                ctx.say(f"Lưu ý: báo cáo của đơn vị giờ có {len(errors)} lỗi cần sửa trước khi chốt "
                        f"(c27desk check --period {args.period}).",
                        f"Note: the unit's report now has {len(errors)} errors to fix before finalising "
                        f"(c27desk check --period {args.period}).")
    finally:
        db.close()
    got = len(cons.received)
    ctx.say(f"Năm {cons.year}: đã nhận {got}/{len(cons.units)} đơn vị.",
            f"Year {cons.year}: {got}/{len(cons.units)} units received.")
    from c27desk.consolidate.completeness import completeness

    for st in cons.units:
        state = "CHƯA NỘP" if st.missing else f"r{st.revision}" + (" MUỘN" if st.late else "")
        done = completeness(cons.form_for(st.unit.level), st)
        print(f"  {st.unit.code:<16} {state:<12} {done.fraction():>7}  {done.label(ctx.lang):<28} {st.signer}")
    if args.propose and not args.accept:
        for p in props:
            src = ", ".join(f"{u}={v}" for u, v in p.sources)
            if p.sources and p.missing:
                src += ("; missing " if ctx.lang == "en" else "; thiếu ") + ", ".join(p.missing)
            print(f"  {p.criterion} = {proposal_text(p, ctx.lang)}{f'  ({src})' if p.sources else ''}"
                  f"  [{'now' if ctx.lang == 'en' else 'hiện tại'}: {entry_text(current.get(p.criterion))}]")
    if args.out:
        (write_xlsx if args.out.suffix.lower() == ".xlsx" else write_csv)(cons, args.out)
        ctx.say(f"Đã ghi {args.out}.", f"Wrote {args.out}.")
    return 0
