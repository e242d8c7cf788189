"""``gui``: the window (also what ``c27desk`` alone opens)."""

from __future__ import annotations

from pathlib import Path

from c27desk.i18n import msg


def register(sub) -> None:
    p = sub.add_parser("gui", help=msg("mở cửa sổ chương trình", "open the window"))
    p.add_argument("--screenshot", type=Path, metavar=str(msg("TỆP.png", "FILE.png")),
                   help=msg("chụp cửa sổ ra tệp PNG rồi thoát",
                            "save a picture of the window as PNG, then quit"))
    p.add_argument("--period", type=int, metavar=str(msg("NĂM", "YEAR")))
    p.add_argument("files", nargs="*", type=Path, metavar=str(msg("TỆP", "FILE")),
                   help=msg("gói báo cáo .c27 (mở hộp nhận gói) hoặc mẫu biểu .c27form", "a .c27 report package (opens the import window) or a .c27form form"))
    p.set_defaults(func=cmd_gui)


def cmd_gui(ctx, args) -> int:
    try:
        from c27desk.gui.app import run_gui
        from c27desk.gui.desktop_files import request_open
    except ImportError as exc:
        from c27desk.errors import C27Error

        raise C27Error(
            msg("Không mở được giao diện (thiếu thư viện Qt: {exc}).",
                "Cannot open the window (Qt is missing: {exc}).",
                exc=exc),
            code="NO_GUI",
        ) from exc
    request_open(args.files)  # opened once the window shows (after the unit's setup, if that comes first)
    # --lang on the command line wins for this run; the Settings menu's saved choice is kept
    return run_gui(ctx.db_path, screenshot=args.screenshot, period=args.period, lang=getattr(args, "lang", None))
