"""The window says which form a year uses, marks inferred code meanings, and moves a period to another form."""

from __future__ import annotations

import copy
import json
import zipfile

from PySide6.QtCore import Qt

from c27desk.catalogs import catalogue_for_year
from c27desk.model.catalogue import parse_catalogue
from c27desk.store import periods
from c27desk.store.database import open_database


def test_details_pane_marks_inferred_meanings_and_the_period_moves_to_another_form(qtbot, demo_db, open_window):
    raw = copy.deepcopy(dict(catalogue_for_year(2023).raw))
    raw["version"] = "2023.9"
    for code in raw["scales"]["su_dung"]:
        code["basis"] = "official"
    db = open_database(demo_db)
    periods.store_catalogue(db, parse_catalogue(raw, "x"), origin="installed")
    db.close()
    window = open_window(demo_db)
    row = window.model.criteria.index(window.model.catalogue["III.1.13"])
    window.table.setCurrentIndex(window.proxy.mapFromSource(window.model.index(row, 0)))
    assert "suy ra" in window.detail.toPlainText()
    window.act["period_details"].trigger()
    dialog = window.period_dialog
    qtbot.waitUntil(dialog.isVisible, timeout=3000)
    assert "P27/2023.2" in dialog.form_note.text()
    dialog.form_combo.setFocus()
    qtbot.keyClick(dialog.form_combo, Qt.Key.Key_Down)
    assert dialog.form_combo.currentData() == "P27/2023.9"
    qtbot.keyClick(dialog.fields["signer_name"], Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: not dialog.isVisible(), timeout=3000)
    assert periods.require_period(window.db, 2023).catalogue_version == "2023.9"
    assert "P27/2023.9" in window.save_state.text() and "120" in window.save_state.text()
    row = window.model.criteria.index(window.model.catalogue["III.1.13"])
    window.table.setCurrentIndex(window.proxy.mapFromSource(window.model.index(row, 0)))
    assert "suy ra" not in window.detail.toPlainText()


def test_a_signed_form_is_installed_from_the_window_and_a_tampered_one_refused(qtbot, demo_db, open_window,
                                                                              no_unexpected_dialogs, monkeypatch,
                                                                              tmp_path, cli):
    from PySide6.QtWidgets import QFileDialog, QMessageBox

    from c27desk.exchange.package import build_zip
    from tests.signing_support import PASSPHRASE

    monkeypatch.setenv("C27DESK_PIN", PASSPHRASE)
    office = tmp_path / "office.sqlite3"
    assert cli("init", "--unit-code", "TW", "--unit-name", "Trung ương", "--level", "trung-uong", db=office)[0] == 0
    assert cli("keys", "demo", "--out", str(tmp_path / "k"), "--unit-code", "TW", db=office)[0] == 0
    raw = copy.deepcopy(dict(catalogue_for_year(2023).raw))
    raw["version"], raw["year"] = "2024.1", 2024
    (tmp_path / "f.json").write_text(json.dumps(raw, ensure_ascii=False), encoding="utf-8")
    assert cli("catalog", "publish", "--period", "2024", "--file", str(tmp_path / "f.json"), "--out",
               str(tmp_path / "f.c27form"), "--sign-p12", str(tmp_path / "k" / "TRIAL-TW.p12"), db=office)[0] == 0
    assert cli("trust", "add-ca", str(tmp_path / "k" / "TRIAL-CA.pem"), db=demo_db)[0] == 0
    # the demo province records the centre as its office above: only the office above's form is installed
    assert cli("units", "move", "--code", "TU-DONGNAI", "--parent", "TW", "--from", "2000", db=demo_db)[0] == 0
    window = open_window(demo_db)
    chosen = [str(tmp_path / "f.c27form")]
    monkeypatch.setattr(QFileDialog, "getOpenFileName", staticmethod(lambda *a, **k: (chosen[0], "")))
    window.act["install_form"].trigger()
    assert "P27/2024.1" in window.save_state.text() and "2024" in window.save_state.text()
    # the centre's certificate is recorded with this first form: said with what identifies it
    assert "Đã ghi nhận chứng thư số của TW" in window.save_state.text() and "SHA-256" in window.save_state.text()
    window.act["install_form"].trigger()  # the same file again: held already, nothing more recorded
    assert window.save_state.text().startswith("Đã có biểu mẫu P27/2024.1") and "SHA-256" not in window.save_state.text()
    assert [f.key for f in periods.held_forms(window.db) if f.origin == "installed"] == ["P27/2024.1"]
    with zipfile.ZipFile(tmp_path / "f.c27form") as zf:
        body, sig = zf.read("form.json"), zf.read("form.p7s")
    (tmp_path / "t.c27form").write_bytes(build_zip([("form.json", body.replace(b"2024.1", b"2024.2")),
                                                    ("form.p7s", sig)]))
    chosen[0] = str(tmp_path / "t.c27form")
    warned = []
    monkeypatch.setattr(QMessageBox, "warning", staticmethod(lambda *a: warned.append(a[2])))
    window.act["install_form"].trigger()
    assert warned and "BAD_SIGNATURE" in warned[0]
    assert [f.key for f in periods.held_forms(window.db) if f.origin == "installed"] == ["P27/2024.1"]


def test_a_year_on_an_earlier_years_form_says_so_when_opened(qtbot, demo_db, open_window, cli):
    assert cli("carry-forward", "--period", "2024", db=demo_db)[0] == 0
    window = open_window(demo_db, period=2024)
    # the long guidance is in the message bar, naming the window's menu, not a command
    assert "Năm 2024 chưa có biểu mẫu riêng" in window.notice.text() and window.notice.isVisible()
    assert "Tệp → Cài biểu mẫu do cấp trên gửi" in window.notice.text() and "catalog install" not in window.notice.text()
    assert "chưa có biểu mẫu riêng" not in window.save_state.text()
    assert window.model.catalogue["I.3"].text.endswith("năm 2024")


def test_the_demo_banner_names_the_year_shown(qtbot, demo_db, open_window, cli):
    from c27desk.gui import i18n

    assert cli("carry-forward", "--period", "2024", db=demo_db)[0] == 0
    window = open_window(demo_db, period=2024)
    assert "DỮ LIỆU MẪU – Tỉnh ủy Đồng Nai năm 2024" in window.banner.text() and "2023" not in window.banner.text()
    try:
        window.set_language("en")
        assert "DEMO DATA – Tỉnh ủy Đồng Nai, 2024," in window.banner.text()
    finally:
        i18n.install_language("vi")
    window.period_combo.setCurrentIndex(window.period_combo.findData(2023))
    qtbot.waitUntil(lambda: "năm 2023" in window.banner.text(), timeout=3000)
