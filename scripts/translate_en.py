"""Fill the English translation file from the table below and compile it.

Run after changing window texts:  .venv/bin/python scripts/translate_en.py
(pyside6-lupdate collects the Vietnamese source texts, this fills them in, pyside6-lrelease compiles the .qm.)
A source text without an English entry makes this script fail, so a new text can't ship untranslated.
"""

from __future__ import annotations

import subprocess
import sys
import xml.etree.ElementTree as ET
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
TS = ROOT / "resources" / "translations" / "c27desk_en.ts"
BIN = Path(sys.executable).parent

EN = {
    "N/A – Không áp dụng": "N/A – Not applicable",
    "STT": "No.",
    "Tên tiêu chí": "Criterion",
    "Diễn giải tình trạng thực hiện": "Explanation of status",
    "Mã thực hiện / giá trị": "Code / value",
    "Giá trị chuyển từ năm trước, chưa được xác nhận (Ctrl+Enter để xác nhận).":
        "Value carried from last year, not yet confirmed (Ctrl+Enter to confirm).",
    "Sửa %s": "Edit %s",
    "Xóa %s": "Clear %s",
    "Xác nhận %s": "Confirm %s",
    "c27desk – Báo cáo Chương trình 27": "c27desk – Program 27 report",
    "Năm báo cáo: ": "Reporting year: ",
    "Lọc theo nội dung (Ctrl+F)": "Filter by text (Ctrl+F)",
    "Tất cả": "All",
    "Chưa trả lời": "Unanswered",
    "Có vấn đề": "Has problems",
    "Chưa xác nhận": "Unconfirmed",
    "Lỗi và cảnh báo": "Errors and warnings",
    "&Tệp": "&File",
    "&Sửa": "&Edit",
    "&Báo cáo": "&Report",
    "&Cài đặt": "&Settings",
    "T&rợ giúp": "&Help",
    "Tìm / lọc": "Find / filter",
    "Xác nhận giá trị chuyển sang": "Confirm carried value",
    "Xác nhận tất cả giá trị chuyển sang": "Confirm all carried values",
    "Thêm năm báo cáo…": "Add reporting year…",
    "Chuyển số liệu năm trước sang": "Carry forward last year's values",
    "Chốt báo cáo…": "Finalise report…",
    "Mở lại báo cáo": "Reopen report",
    "Lịch sử các bản": "Revision history",
    "Sao lưu ngay": "Back up now",
    "Thoát": "Quit",
    "Giới thiệu": "About",
    "Hoàn tác": "Undo",
    "Làm lại": "Redo",
    "Không tìm thấy bản dịch.": "The translation was not found.",
    "Mọi thay đổi được lưu ngay khi nhập.": "Every change is saved as soon as it is entered.",
    "Tất cả các phần": "All sections",
    "Lỗi": "Error",
    "Cảnh báo": "Warning",
    "Chưa xác nhận: %s (chuyển từ năm trước)": "Unconfirmed: %s (carried from last year)",
    "Đã trả lời %1/%2 (%3%) · %4 lỗi · %5 cảnh báo": "Answered %1/%2 (%3%) · %4 errors · %5 warnings",
    "DỮ LIỆU MẪU – Tỉnh ủy Đồng Nai năm 2023, để dùng thử.":
        "DEMO DATA – Tỉnh ủy Đồng Nai, 2023, for trying the program.",
    "Chỉ xem: cơ sở dữ liệu đang được mở ở cửa sổ khác.": "Read-only: the database is open in another window.",
    "Báo cáo đã chốt (bản %1) – chỉ xem. Dùng “Mở lại báo cáo” để sửa thành bản %2.":
        "Report finalised (revision %1) – read-only. Use “Reopen report” to edit it as revision %2.",
    "không có": "none",
    "Đã lưu %1 lúc %2": "Saved %1 at %2",
    "Không lưu: %1": "Not saved: %1",
    "Xác nhận tất cả": "Confirm all",
    "Thêm năm báo cáo": "Add reporting year",
    "Năm:": "Year:",
    "Chuyển số liệu": "Carry forward",
    "Bắt đầu năm %1 từ số liệu năm trước? Mỗi giá trị sẽ được đánh dấu “chưa xác nhận” cho đến khi anh/chị "
    "xác nhận hoặc sửa.":
        "Start %1 from last year's values? Each value stays marked “unconfirmed” until you confirm or change it.",
    "Đã chuyển %1 giá trị từ năm trước; hãy xác nhận từng giá trị.":
        "Carried %1 values from last year; please confirm each one.",
    "Đang chuyển số liệu năm trước…": "Carrying forward last year's values…",
    "Chưa chốt được": "Cannot finalise yet",
    "Xác nhận cảnh báo": "Acknowledge warnings",
    "Báo cáo còn các cảnh báo sau. Vẫn chốt báo cáo?": "The report still has these warnings. Finalise anyway?",
    "Đã chốt báo cáo năm %1, bản %2.": "Report for %1 finalised as revision %2.",
    "Chốt báo cáo": "Finalise report",
    "Chốt báo cáo năm %1? Sau khi chốt, báo cáo chỉ xem được; muốn sửa phải mở lại thành bản mới.":
        "Finalise the %1 report? Once finalised it is read-only; to change it, reopen it as a new revision.",
    "Đang sửa bản %1.": "Editing revision %1.",
    "Chưa có bản nào.": "No revision yet.",
    "Đã sao lưu: %1": "Backed up: %1",
    "Đang sao lưu…": "Backing up…",
    "Báo cáo Chương trình 27 – ứng dụng CNTT trong hoạt động của các cơ quan đảng.":
        "Program 27 reporting – IT application in the work of Party agencies.",
    "Thiết lập đơn vị báo cáo": "Set up the reporting unit",
    "Cơ sở dữ liệu chưa có đơn vị. Hãy nhập thông tin đơn vị báo cáo; có thể sửa lại sau trong phần Kỳ báo cáo.":
        "The database has no unit yet. Enter the reporting unit's details; you can change them later.",
    "Huyện ủy Tân Phú": "Huyện ủy Tân Phú",
    "Mã đơn vị": "Unit code",
    "Tên đơn vị": "Unit name",
    "Cấp": "Level",
    "Mã đơn vị cấp trên": "Parent unit code",
    "Địa danh": "Place",
    "Cơ quan cấp trên (dòng đầu)": "Parent body (first line)",
    "Ký hiệu văn bản": "Document symbol",
    "Thẩm quyền ký": "Signing authority",
    "Chức vụ người ký": "Signer's title",
    "Họ tên người ký": "Signer's name",
    "Năm báo cáo đầu tiên": "First reporting year",
    "Tạo": "Create",
    "Chưa tạo được": "Could not create",
    "Mở ở chế độ chỉ xem?": "Open read-only?",
    "Khôi phục từ bản sao lưu này?": "Restore from this backup?",
    "Gợi ý diễn giải": "Suggested explanation",
    "Các mã thực hiện": "Codes",
    "đơn vị": "unit",
    "Dấu thập phân là dấu phẩy (195,2); không dùng dấu phân cách hàng nghìn.":
        "The decimal mark is a comma (195,2); no thousands separators.",
    "Năm trước": "Last year",
    "Lịch sử thay đổi": "Change history",
    "Bản": "Revision",
    "đã chốt": "final",
    "đang sửa": "being edited",
    "sửa": "edit",
    "hoàn tác": "undo",
    "làm lại": "redo",
    "nạp tệp": "loaded from file",
    "chuyển từ năm trước": "carried from last year",
    "xác nhận": "confirmed",
    "nhận từ đơn vị": "received from unit",
    "nhận số liệu tổng hợp": "accepted from consolidation",
}


def main() -> int:
    sources = [str(p) for p in sorted((ROOT / "c27desk" / "gui").rglob("*.py"))]
    subprocess.run([str(BIN / "pyside6-lupdate"), *sources, "-no-obsolete", "-ts", str(TS)], check=True)
    tree = ET.parse(TS)
    missing = []
    for message in tree.iter("message"):
        source = message.findtext("source")
        translation = message.find("translation")
        if source not in EN:
            missing.append(source)
            continue
        translation.text = EN[source]
        translation.attrib.pop("type", None)
    if missing:
        print("No English for:\n  " + "\n  ".join(missing), file=sys.stderr)
        return 1
    tree.write(TS, encoding="utf-8", xml_declaration=True)
    subprocess.run([str(BIN / "pyside6-lrelease"), str(TS), "-qm", str(TS.with_suffix(".qm"))], check=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
