"""``backup`` and ``restore``: copies through SQLite's backup API."""

from __future__ import annotations

from pathlib import Path

from c27desk.i18n import msg
from c27desk.store import backup


def register(sub) -> None:
    p = sub.add_parser("backup", help=msg("sao lưu cơ sở dữ liệu", "back up the database"))
    p.add_argument("--list", action="store_true", help=msg("liệt kê các bản sao lưu", "list the backups"))
    p.set_defaults(func=cmd_backup)
    p = sub.add_parser("restore", help=msg("khôi phục từ bản sao lưu", "restore from a backup"))
    p.add_argument("file", type=Path, metavar=str(msg("TỆP", "FILE")))
    p.add_argument("--other-unit", action="store_true",
                   help=msg("cho phép khôi phục dữ liệu của đơn vị khác",
                            "allow restoring another unit's data"))
    p.set_defaults(func=cmd_restore)


def cmd_backup(ctx, args) -> int:
    if args.list:
        for path in backup.list_backups(ctx.db_path):
            ctx.say(backup.backup_line(path))
        for path in backup.list_safety_copies(ctx.db_path):  # kept by restores, never rotated
            ctx.say(backup.backup_line(path))
        return 0
    db = ctx.open(create=False, write=False)
    try:
        ctx.refuse_read_only()  # the backup folder sits beside the database
        path = backup.make_backup(db, ctx.db_path, "manual")
    finally:
        db.close()
    ctx.say(msg("Đã sao lưu: {path}",
                "Backed up to: {path}",
                path=path))
    return 0


def cmd_restore(ctx, args) -> int:
    # The live database may be damaged (that is why one restores), so it is not opened:
    # the service checks the backup on a private copy, keeps the current file and renames.
    ctx.open_lock()
    done = backup.restore(ctx.db_path, args.file, other_unit=args.other_unit)
    if done.kept is None:
        ctx.say(msg("Đã khôi phục từ {file}.",
                    "Restored from {file}.",
                    file=args.file))
    elif done.damaged:
        ctx.say(msg("Đã khôi phục từ {file}. Tệp hỏng trước đó được giữ nguyên tại {kept}.",
                    "Restored from {file}. The damaged file is kept as it was in {kept}.",
                    file=args.file, kept=done.kept))
    else:
        ctx.say(msg("Đã khôi phục từ {file}. Trạng thái trước đó được lưu tại {kept}.",
                    "Restored from {file}. The previous state is saved in {kept}.",
                    file=args.file, kept=done.kept))
    return 0
