"""The log: what was done, each refusal with its code, each fault with its traceback; never a
traceback on the user's terminal, never a failure because the log cannot be written."""

from __future__ import annotations

import threading

from c27desk import log


def logged() -> str:
    return log.log_path().read_text(encoding="utf-8")


def test_a_command_done_and_a_refusal_are_logged(cli, demo_db):
    assert cli("check", "--period", "2023", db=demo_db)[0] in (0, 1)
    code, _, err = cli("values", "load", "/no/such.csv", "--period", "2023", db=demo_db)
    assert code == 1 and "Traceback" not in err
    text = logged()
    assert "done: command check (exit" in text
    assert "refused [NOT_FOUND] in command values load (c27desk.fileio.read_file): Cannot read /no/such.csv" in text
    assert log.log_path().parent == log.data_dir() / "logs"


def test_an_unforeseen_error_is_one_line_naming_the_log_and_its_traceback_is_logged(cli, demo_db, monkeypatch):
    import c27desk.commands.check as check

    def broken(ctx, args):
        raise ZeroDivisionError("division by zero")

    monkeypatch.setattr(check, "cmd_check", broken)
    code, out, err = cli("check", "--period", "2023", db=demo_db)
    assert code == 1 and "Traceback" not in err and len(err.strip().splitlines()) == 1
    assert "Lỗi không mong đợi (ZeroDivisionError: division by zero) khi chạy lệnh “check”" in err
    assert f"chi tiết đã ghi vào nhật ký: {log.log_path()}" in err
    assert "Traceback" in logged() and "in broken" in logged()


def test_a_log_folder_that_cannot_be_written_changes_nothing(cli, demo_db, tmp_path, monkeypatch, capsys):
    (tmp_path / "a-file").write_text("x")
    monkeypatch.setenv("C27DESK_LOG_DIR", str(tmp_path / "a-file" / "logs"))
    code, _, err = cli("check", "--period", "2023", db=demo_db)
    assert code in (0, 1) and "Traceback" not in err and "Logging error" not in err
    assert log.log_file() is None
    log.reset()
    from c27desk.cli import main

    assert main(["--lang", "en", "--version", "--verbose"]) == 0
    assert "(cannot be written: read-only or full folder)" in capsys.readouterr().out


def test_version_verbose_says_what_support_asks(demo_db, capsys):
    from c27desk.cli import main

    assert main(["--db", str(demo_db), "--lang", "en", "--version", "--verbose"]) == 0
    out = capsys.readouterr().out
    assert out.startswith("c27desk: ")
    for line in ("Python: ", "Qt: PySide6 ", f"Database: {demo_db}", f"Data folder: {log.data_dir()}",
                 f"Log file: {log.log_path()}"):
        assert line in out
    assert main(["--db", str(demo_db), "--version", "--verbose"]) == 0
    assert f"Nhật ký: {log.log_path()}" in capsys.readouterr().out


def test_a_dying_thread_is_logged_with_one_line_on_stderr(monkeypatch, capsys):
    log.setup("cli")
    monkeypatch.setattr(log, "_previous_hooks", (log.sys.__unraisablehook__, threading.__excepthook__))

    def work():
        raise RuntimeError("worker broke")

    thread = threading.Thread(target=work, name="export-worker")
    thread.start()
    thread.join()
    err = capsys.readouterr().err
    assert "Traceback" not in err and "RuntimeError (export-worker)" in err
    assert "thread export-worker failed" in logged() and "worker broke" in logged()


def test_the_log_rotates_at_its_size_and_keeps_five(monkeypatch):
    monkeypatch.setattr(log, "MAX_BYTES", 2000)
    log.setup("cli")
    for i in range(200):
        log.done(f"step {i} " + "x" * 50)
    files = sorted(p.name for p in log.log_dir().iterdir())
    assert files == ["c27desk.log", *[f"c27desk.log.{i}" for i in range(1, 6)]]
    assert all(p.stat().st_size <= 2100 for p in log.log_dir().iterdir())
