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
    "Bản %1 đã được xuất trước đây với nội dung khác (có thể do khôi phục bản sao lưu cũ), nên báo cáo được chốt thành bản %2.":
        "Revision %1 was exported earlier with other content (an older backup restored?), so the report is finalised as revision %2.",
    "Bản cũ, đã có bản mới hơn": "Old file, a newer revision is held",
    "Kiểm tra chứng thư số": "Check the certificate",
    "Vẫn ký và xuất gói bằng chứng thư số này?": "Sign and export the package with this certificate anyway?",
    "Đơn vị trực thuộc và chứng thư số…": "Units and certificates…",
    "Số liệu đã nhận vào báo cáo của đơn vị đã cũ:": "Values taken into this office's report are out of date:",
    "Đơn vị trực thuộc qua các năm": "Units over the years",
    "Mã": "Code",
    "Tên": "Name",
    "Cấp trên": "Parent",
    "Hiệu lực": "Valid",
    "Từ năm": "From year",
    "Tên mới": "New name",
    "Cấp trên mới (mã)": "New parent (code)",
    "Mã mới / mã sau hợp nhất": "New code / code after merging",
    "Đổi tên / đổi mã": "Rename / new code",
    "Chuyển cấp trên": "Move to parent",
    "Thôi hoạt động": "Retire",
    "Hợp nhất các đơn vị đã chọn": "Merge the selected units",
    "Người ký (chủ thể)": "Signer (subject)",
    "Số hiệu": "Serial",
    "Hiệu lực từ": "Valid from",
    "Đến": "Until",
    "Thu hồi chứng thư đã chọn": "Revoke the selected certificate",
    "Sổ đơn vị": "Register",
    "Chứng thư số đã ghi nhận": "Pinned certificates",
    "đổi mã": "new code",
    "hợp nhất": "merged",
    "Từ năm %1, %2 đổi thành %3.": "From %1, %2 becomes %3.",
    "Từ năm %1, %2 có tên mới.": "From %1, %2 has a new name.",
    "Từ năm %1, %2 trực thuộc %3.": "From %1, %2 reports to %3.",
    "Đơn vị %1 không còn từ năm %2.": "Unit %1 no longer exists from %2.",
    "Từ năm %1, %2 hợp nhất thành %3.": "From %1, %2 are merged into %3.",
    "Đã thu hồi chứng thư số của %1.": "Revoked %1's certificate.",
    "Bản sao lưu tốt gần nhất để khôi phục: %s.": "Newest good backup to restore: %s.",
    "Chỉ xem: cơ sở dữ liệu nằm ở thư mục hoặc ổ chỉ cho đọc (USB khóa ghi?).":
        "View only: the database is in a read-only folder or on read-only media (a locked stick?).",
    "Sửa lịch sử đơn vị?": "Change the units' history?",
    "Vẫn thay đổi (tổng hợp các năm đó sẽ đọc khác đi)?": "Change it anyway (those years' consolidation will read differently)?",
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
    # files handed over by the desktop, and the file association (gui/desktop_files.py)
    "Mở tệp .c27 và .c27form bằng c27desk…": "Open .c27 and .c27form files with c27desk…",
    "Không tìm thấy tệp:": "File not found:",
    "c27desk chỉ mở gói báo cáo .c27 và mẫu biểu .c27form:": "c27desk opens only .c27 report packages and .c27form forms:",
    "Cài biểu mẫu do cấp trên gửi từ tệp này?": "Install the form sent by the office above from this file?",
    "Cơ sở dữ liệu đang mở ở một cửa sổ c27desk khác. Hãy cài biểu mẫu từ cửa sổ đó "
    "(Tệp → Cài biểu mẫu do cấp trên gửi…):":
        "The database is open in another c27desk window. Install the form from that window "
        "(File → Install a form sent by the office above…):",
    "Cơ sở dữ liệu đang mở ở một cửa sổ c27desk khác. Hãy nhận gói từ cửa sổ đó "
    "(Tổng hợp → Nhận gói báo cáo của đơn vị trực thuộc…):":
        "The database is open in another c27desk window. Receive the packages from that window "
        "(Consolidation → Import child units' packages…):",
    "Từ nay bấm đúp vào tệp .c27 hoặc .c27form sẽ mở c27desk (chỉ với tài khoản này). Đã ghi:":
        "From now on, double-clicking a .c27 or .c27form file opens c27desk (for this account only). Written:",
    "Mở gói báo cáo (.c27) và mẫu biểu (.c27form) bằng c27desk khi bấm đúp vào tệp?\n\n"
    "Chỉ áp dụng cho tài khoản của bạn, không cần quyền quản trị. Có thể làm lại sau trong menu Cài đặt.":
        "Open report packages (.c27) and forms (.c27form) with c27desk when they are double-clicked?\n\n"
        "This applies to your account only and needs no administrator rights. You can do it later from the "
        "Settings menu.",
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
    "Cơ sở dữ liệu bị hỏng.": "The database is damaged.",
    "Khôi phục": "Restore",
    "Không khôi phục": "Do not restore",
    "Khôi phục từ bản sao lưu tốt gần nhất (%s)? Tệp hỏng được giữ nguyên để kiểm tra sau.":
        "Restore the newest good backup (%s)? The damaged file is kept as it is for later inspection.",
    "Tệp hỏng sẽ được giữ trong thư mục: %s": "The damaged file will be kept in the folder: %s",
    "Không có bản sao lưu tốt để khôi phục.": "There is no good backup to restore.",
    "Gợi ý diễn giải": "Suggested explanation",
    "Báo cáo đã có bản chốt: không đổi biểu mẫu được nữa.": "The report has a finalised revision: its form can no longer change.",
    "Biểu mẫu": "Form",
    "(suy ra)": "(inferred)",
    "Cài biểu mẫu do cấp trên gửi (.c27form)…": "Install a form sent by the office above (.c27form)…",
    "Cài biểu mẫu": "Install a form",
    "Biểu mẫu đã ký (*.c27form)": "Signed forms (*.c27form)",
    "Không cài được biểu mẫu": "The form was not installed",
    "Đã cài biểu mẫu %1 cho năm %2, do %3 ban hành.": "Installed form %1 for %2, published by %3.",
    "Năm %1 đang dùng biểu mẫu khác: đổi trong Báo cáo → Thông tin báo cáo.":
        "%1 uses another form: change it in Report → Report details.",
    "Đã chuyển sang biểu mẫu %1, mang theo %2 giá trị.": "Moved to form %1, carrying %2 value(s).",
    "Không mang sang được: %1": "Not carried: %1",
    "(ý nghĩa suy ra, chưa có biểu mẫu chính thức)": "(inferred meaning, no official form yet)",
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
    'Xem trước / in phụ lục…': 'Preview / print appendix…',
    'Ký số phụ lục…': 'Sign appendix…',
    'Đang tạo phụ lục…': 'Making the appendix…',
    'bản %1': 'revision %1',
    'dự thảo': 'draft',
    'Phụ lục năm %1 – %2': 'Appendix %1 – %2',
    'Lưu phụ lục': 'Save appendix',
    'Không ghi được tệp %1: %2': 'Could not write %1: %2',
    'Đã lưu %1': 'Saved %1',
    'Ký số phụ lục': 'Sign appendix',
    'Chỉ ký được báo cáo đã chốt. Hãy chốt báo cáo trước (Báo cáo → Chốt báo cáo…).': 'Only a finalised report can be signed. Finalise it first (Report → Finalise report…).',
    'Ký số phụ lục năm %1': 'Sign the %1 appendix',
    'Ký số phụ lục bản %1 của %2.': 'Sign revision %1 of the appendix of %2.',
    'Đã ký số': 'Signed',
    'Đã ký số và lưu %1': 'Signed and saved %1',
    'Vừa chiều rộng': 'Fit width',
    '◀ Trang trước': '◀ Previous',
    'Trang sau ▶': 'Next ▶',
    'In…': 'Print…',
    'Lưu PDF…': 'Save PDF…',
    "Đang in phụ lục…": "Printing the appendix…",
    "Hủy": "Cancel",
    "Đang in trang %1/%2…": "Printing page %1/%2…",
    "In phụ lục": "Print the appendix",
    "Không in được: %1": "Could not print: %1",
    "In bằng ứng dụng PDF…": "Print with the PDF application…",
    "Giao tệp PDF cho ứng dụng đọc PDF mặc định của Windows để in.":
        "Hands the PDF to Windows' default PDF application for printing.",
    "In trên phụ lục: Số %1": "Printed on the appendix: Số %1",
    "Mã kiểm tra: %1 (%2)": "Check code: %1 (%2)",
    'Ký số…': 'Sign…',
    'Chỉ ký được báo cáo đã chốt.': 'Only a finalised report can be signed.',
    'Đóng': 'Close',
    'Lưu': 'Save',
    'Trang': 'Page',
    'Tổng hợp năm %1': 'Consolidation %1',
    'Đã nhận %1/%2 đơn vị; hạn nộp %3.': 'Received %1/%2 units; deadline %3.',
    'Đơn vị': 'Unit',
    'Tiêu chí': 'Criterion',
    'Thông tin báo cáo (số, ngày, người ký, nơi nhận)…': 'Report details (number, date, signer, recipients)…',
    'Đã lưu thông tin báo cáo.': 'Report details saved.',
    'Thông tin báo cáo năm %1': 'Report details for %1',
    'Số báo cáo': 'Report number',
    'Ngày báo cáo': 'Report date',
    'Hạn nộp (đơn vị cấp trên)': 'Deadline (office above)',
    'Nơi nhận (mỗi dòng một nơi)': 'Recipients (one per line)',
    'Số liệu từng đơn vị': 'Values by unit',
    'Nội dung': 'Text',
    'Văn bản': 'Free texts',
    'Giá trị đề xuất': 'Proposed value',
    'Nguồn': 'Sources',
    'Đơn vị chưa có số liệu': 'Units without data',
    'Nhận các giá trị đã chọn vào báo cáo của đơn vị': "Take the selected values into this unit's report",
    'Đề xuất tổng hợp': 'Proposed values',
    'Xuất Excel (.xlsx)…': 'Export Excel (.xlsx)…',
    'Xuất CSV…': 'Export CSV…',
    'Xuất tổng hợp': 'Export consolidation',
    'Xuất gói báo cáo (.c27)…': 'Export report package (.c27)…',
    'Nhận gói báo cáo của đơn vị trực thuộc…': "Import child units' packages…",
    'Tổng hợp các đơn vị…': 'Consolidate units…',
    'Xuất gói báo cáo': 'Export report package',
    'Chỉ xuất được báo cáo đã chốt. Hãy chốt báo cáo trước.': 'Only a finalised report can be exported. Finalise it first.',
    'Chọn thư mục (USB) để ghi gói': 'Choose the folder (USB) to write the package to',
    'Đang xuất gói…': 'Exporting…',
    'Xuất gói báo cáo năm %1': 'Export the %1 report package',
    'Ký số và xuất bản %1 vào %2.': 'Sign and export revision %1 to %2.',
    'Đã xuất và kiểm tra lại %1 (bản %2).': 'Exported and re-checked %1 (revision %2).',
    'Đang tổng hợp…': 'Consolidating…',
    'Nhận gói báo cáo của đơn vị trực thuộc': "Import child units' packages",
    'Chọn tệp .c27…': 'Choose .c27 files…',
    'Chọn thư mục (USB)…': 'Choose a folder (USB)…',
    "Xác nhận chứng thư số mới": "Accept the new certificate",
    "Chứng thư số mới của %1: ": "New certificate of %1: ",
    'Tệp': 'File',
    'Kết quả': 'Result',
    'Người ký': 'Signer',
    'Cũ': 'Old',
    'Mới': 'New',
    'Nhận các tệp hợp lệ': 'Import the valid files',
    'Chọn gói báo cáo': 'Choose report packages',
    'Gói báo cáo (*.c27)': 'Report packages (*.c27)',
    'Chọn thư mục chứa gói báo cáo': 'Choose the folder holding the packages',
    'Đã nhận': 'Imported',
    'Đã có, không đổi': 'Already held, unchanged',
    'Hợp lệ': 'Valid',
    'Từ chối': 'Refused',
    'Đã nhận %1 tệp; từ chối %2.': 'Imported %1 files; refused %2.',
    '%1 tệp hợp lệ sẵn sàng nhận; %2 tệp đã nhận trước đây; %3 tệp bị từ chối.': '%1 valid files ready to import; %2 imported before; %3 refused.',
    '&Tổng hợp': '&Consolidation',
    'Tệp chứng thư số (.p12, .pfx)': 'Certificate file (.p12, .pfx)',
    'Thiết bị ký số (USB token)': 'Signing device (USB token)',
    'Chọn…': 'Browse…',
    '(không bắt buộc)': '(optional)',
    'Ghi nhớ cách ký cho đơn vị (không lưu mật khẩu, mã PIN)': 'Remember how this unit signs (passphrase and PIN are never stored)',
    'Tệp .p12': '.p12 file',
    'Thư viện PKCS#11': 'PKCS#11 module',
    'Nhãn token': 'Token label',
    'Nhãn khóa': 'Key label',
    'Ký số': 'Sign',
    'Mật khẩu tệp .p12': '.p12 passphrase',
    'Mã PIN': 'PIN',
    'Chọn tệp chứng thư số': 'Choose the certificate file',
    'Chứng thư số (*.p12 *.pfx)': 'Certificates (*.p12 *.pfx)',
    'có': 'yes',
    'không': 'no',
    'Người ký: %1': 'Signer: %1',
    'Thời điểm ký: %1': 'Signing time: %1',
    'Chữ ký nguyên vẹn, hợp lệ: %1': 'Signature intact and valid: %1',
    'Bao trùm toàn bộ tệp: %1': 'Covers the whole file: %1',
    'Thuộc tổ chức chứng thực tin cậy: %1': 'Chains to a trusted CA: %1',
    '%1 bị bộ lọc ẩn đi: bảng đã chuyển về hiện tất cả các dòng.':
        '%1 was hidden by a filter: the table now shows all rows.',
    '%1 không còn trong bộ lọc đang chọn; bộ lọc không còn dòng nào.':
        '%1 no longer matches the chosen filter; no rows are left in it.',
    '%1 không còn trong bộ lọc đang chọn; ô chọn chuyển sang %2.':
        '%1 no longer matches the chosen filter; the cursor moved to %2.',
    '%1 ô không nhận (giữ nguyên):':
        '%1 cell(s) refused (left unchanged):',
    'Báo cáo còn các cảnh báo sau; chốt nghĩa là anh/chị đã xem và chấp nhận chúng:':
        'The report has these warnings; finalising means you have read and accept them:',
    'Báo cáo đã chốt: thông tin này chỉ xem được. Muốn sửa, hãy dùng Báo cáo → Mở lại báo cáo (tạo bản mới) trước.':
        'The report is finalised: these details are read-only. To change them, use Report → Reopen report (a new revision) first.',
    'Chưa chốt được: %1 Bảng đang lọc “%2” – các dòng cần sửa; chọn “Tất cả” để xem lại mọi dòng.':
        'Not finalised: %1 The table is filtered to “%2” – the rows to fix; choose “All” to see every row again.',
    'Chữ không dấu, số và dấu gạch ngang;\ndùng trong tên tệp gửi lên cấp trên.':
        'Unaccented letters, digits and hyphens;\nused in the names of files sent upward.',
    'Chữ viết tắt của đơn vị, in sau số báo cáo:\nvới “HU” số in là “Số 123-BC/HU”.':
        "The unit's abbreviation, printed after the report number:\nwith “HU” the number prints as “Số 123-BC/HU”.",
    'Cơ sở dữ liệu chưa có đơn vị. Hãy nhập thông tin đơn vị báo cáo; chữ xám chỉ là ví dụ. Có thể sửa lại sau: Báo cáo → Thông tin đơn vị.':
        "The database has no unit yet. Enter the reporting unit's details; grey text is only an example. You can change them later: Report → Unit details.",
    'Dán %1 dòng':
        'Paste %1 row(s)',
    'Dán (từ Excel)':
        'Paste (from Excel)',
    'Dòng in hoa ở góc trên bên trái phụ lục, phía trên tên đơn vị\n(tên đảng bộ cấp trên). Để trống nếu đơn vị không ghi dòng này.':
        "The capitalised line at the top left of the appendix, above the unit's name\n(the Party committee above). Leave empty if your unit does not print it.",
    'In ở dòng ngày tháng: “Tân Phú, ngày … tháng … năm …”.':
        'Printed in the date line: “Tân Phú, ngày … tháng … năm …”.',
    'Không có dòng nào khớp với bộ lọc.':
        'No row matches the filter.',
    'Không dán được: báo cáo đang ở chế độ chỉ xem.':
        'Nothing pasted: the report is read-only.',
    'Không dán được: chỉ dán một cột (giá trị hoặc diễn giải) hoặc hai cột (giá trị và diễn giải), bắt đầu từ ô giá trị hoặc ô diễn giải. Không có ô nào bị thay đổi.':
        'Nothing pasted: paste one column (values or explanations) or two (values and explanations), starting on a value or explanation cell. No cell was changed.',
    'Không lưu: %1 Sửa lại rồi nhấn Enter, hoặc nhấn Esc để giữ giá trị cũ.':
        'Not saved: %1 Correct it and press Enter, or press Esc to keep the old value.',
    'Mã của đơn vị nhận báo cáo (để trống nếu chưa biết).':
        'The code of the unit that receives the report (leave empty if unknown).',
    'Mở lại báo cáo năm %1 để sửa? Bản %2 đã chốt được giữ nguyên trong lịch sử (kể cả bản đã ký, đã gửi); mọi sửa đổi thuộc bản %3, bản này phải được chốt, ký và gửi lại. Không thể quay về bản %2.':
        'Reopen the %1 report for changes? Finalised revision %2 stays in the history (signed and sent copies too); every change belongs to revision %3, which must be finalised, signed and sent again. There is no going back to revision %2.',
    'Mở lại báo cáo…':
        'Reopen report…',
    'Sao chép':
        'Copy',
    'Thay đổi in trên các phụ lục tạo từ nay; bản đã ký không đổi.':
        'Changes print on appendices made from now on; signed copies do not change.',
    'Thông tin đơn vị':
        'Unit details',
    'Thông tin đơn vị (tên, cơ quan cấp trên, ký hiệu, địa danh)…':
        'Unit details (name, body above, document symbol, place)…',
    'Ví dụ: %1':
        'Example: %1',
    'báo cáo đang ở chế độ chỉ xem.':
        'the report is read-only.',
    'cột này không sửa được.':
        'this column cannot be edited.',
    'diễn giải “%1” → “%2”':
        'explanation “%1” → “%2”',
    'dòng %1':
        'line %1',
    'không còn dòng nào bên dưới trong bảng':
        'no more rows below in the table',
    'Đã dán: %1 ô thay đổi.':
        'Pasted: %1 cell(s) changed.',
    'Đã lưu thông tin đơn vị.':
        'Unit details saved.',
    'Đã sao chép %1 ô.':
        'Copied %1 cell(s).',
    '— Chọn cấp của đơn vị —':
        "— Choose the unit's level —",
    '… và %1 ô khác.':
        '… and %1 more cell(s).',
    'Chỉ xem: cửa sổ này không lưu được thay đổi nào.':
        'Read-only: this window cannot save any change.',
    'Đã lưu %1; dòng này không còn trong bộ lọc đang chọn.':
        'Saved %1; the row no longer matches the chosen filter.',
    'Ô chọn: %1.':
        'Cursor: %1.',
    'Cơ sở dữ liệu chưa có đơn vị và đang được mở ở cửa sổ khác; hãy thiết lập đơn vị ở cửa sổ đó.':
        'The database has no unit yet and is open in another window; set the unit up in that window.',
    # -- the office's desk, received reports, trusted CAs (Văn phòng menu)
    " (thiếu %1)": " (missing %1)",
    "%1 giá trị đã bằng đề xuất, không đổi.": "%1 value(s) already equal the proposal, unchanged.",
    "%1 theo đơn vị": "%1 by unit",
    "%1 đơn vị đã nộp trong danh sách đang lọc.": "%1 units in the filtered list have reported.",
    "%1/%2 đơn vị": "%1/%2 units",
    "%1: số đơn vị theo mã": "%1: units per code",
    "&Văn phòng": "&Office",
    "Biểu đồ": "Charts",
    "Báo cáo đã nhận của đơn vị trực thuộc…": "Reports received from child units…",
    "Báo cáo đã nhận năm %1": "Reports received for %1",
    "Bỏ CA tin cậy": "Remove trusted CA",
    "Bỏ CA đã chọn…": "Remove selected CA…",
    "Bỏ CA “%1”? Gói báo cáo mới ký dưới CA này sẽ bị từ chối; các gói đã nhận vẫn giữ, nhưng khi mở phụ lục sẽ "
    "hiện là không tin cậy.":
        "Remove the CA “%1”? New packages signed under it will be refused; packages already received are kept, "
        "but their appendices will show as untrusted when opened.",
    "CA này đã có: %1": "CA already trusted: %1",
    "Chưa có số liệu năm trước để so sánh.": "No figures for last year to compare with.",
    "Chưa nhận báo cáo năm %1 của %2.": "No %1 report has been received from %2.",
    "Chọn tệp chứng thư của CA": "Choose the CA's certificate file",
    "Chủ thể": "Subject",
    "Chứng thư (*.pem *.crt *.cer *.der);;Mọi tệp (*)": "Certificates (*.pem *.crt *.cer *.der);;All files (*)",
    "Cơ sở dữ liệu đang mở chỉ để đọc.": "The database is open read-only.",
    "Cần chú ý (chưa nộp, chưa đầy đủ, có lỗi, muộn)": "Needs attention (missing, incomplete, errors, late)",
    "Dấu vân tay (SHA-256)": "Fingerprint (SHA-256)",
    "Ghi %1 giá trị tổng hợp vào báo cáo năm %2 của %3?\n\n%4\n\nCó thể hoàn tác (Ctrl+Z ở cửa sổ chính).":
        "Write %1 consolidated value(s) into the %2 report of %3?\n\n%4\n\nThis can be undone (Ctrl+Z in the "
        "main window).",
    "Giá trị hiện tại của đơn vị": "Office's current value",
    "Gói báo cáo của đơn vị trực thuộc chỉ được nhận khi chữ ký thuộc một CA trong danh sách này (không dùng danh "
    "sách của hệ điều hành).":
        "Packages from child units are accepted only when signed under a CA in this list (the operating system's "
        "list is never used).",
    "Gồm %1 đơn vị theo thứ tự mã: %2.": "%1 units in code order: %2.",
    "Hiện %1 đơn vị có số lớn nhất; lọc theo cấp hoặc tên để xem đơn vị khác.":
        "Showing the %1 units with the largest figures; filter by level or name to see others.",
    "Hãy chọn (bấm vào) các dòng đề xuất cần nhận.": "Select (click) the proposal rows to take.",
    "Hãy chọn một CA.": "Select a CA.",
    "Hãy chọn một đơn vị.": "Select a unit.",
    "In / lưu tất cả phụ lục (một tệp PDF)…": "Print / save all appendices (one PDF)…",
    "Khóa kỳ %1 (thôi nhận gói báo cáo)…": "Close %1 (stop receiving packages)…",
    "Khóa kỳ %1? Sau đó mọi gói báo cáo năm %1 gửi đến sẽ bị từ chối (PERIOD_CLOSED) cho đến khi mở lại.":
        "Close %1? Every %1 package arriving afterwards is refused (PERIOD_CLOSED) until it is reopened.",
    "Không nhận giá trị nào; báo cáo giữ nguyên.": "No value taken; the report is unchanged.",
    "Kỳ báo cáo": "Reporting period",
    "Mọi cấp": "All levels",
    "Mọi tình trạng": "Any state",
    "Mở lại kỳ %1 để nhận gói báo cáo…": "Reopen %1 for receiving packages…",
    "Mở lại kỳ %1 để nhận thêm gói báo cáo của đơn vị trực thuộc?":
        "Reopen %1 to receive more packages from child units?",
    "Mở phụ lục đã ký…": "Open signed appendix…",
    "Nhận %1 giá trị tổng hợp": "Take %1 consolidated value(s)",
    "Nhận các giá trị đã chọn vào báo cáo của đơn vị…": "Take the selected values into the office's report…",
    "Nhận giá trị tổng hợp": "Take consolidated values",
    "Năm %1: đã nhận %2/%3 đơn vị. Chọn một đơn vị rồi bấm Mở (hoặc bấm đúp) để xem, in hoặc lưu phụ lục đã ký "
    "đúng như đã nhận.":
        "%1: %2/%3 units received. Select a unit and press Open (or double-click) to view, print or save its "
        "signed appendix exactly as received.",
    "Năm %1: đã nhận %2/%3 đơn vị. Đang kiểm tra lại số liệu các đơn vị để tổng hợp…":
        "%1: %2/%3 units received. Re-checking the units' values to consolidate…",
    "Năm %1: đã nhận %2/%3 đơn vị; %4 đơn vị cần chú ý (chưa nộp, chưa đầy đủ, có lỗi hoặc nộp muộn — tô màu và "
    "ghi rõ ở cột Tình trạng). Hạn nộp: %5.":
        "%1: %2/%3 units received; %4 units need attention (missing, incomplete, errors or late — coloured and "
        "written in the Report column). Deadline: %5.",
    "Nộp muộn": "Late",
    "Phụ lục của %1 đơn vị năm %2 (bản gộp để in)": "Appendices of %1 units, %2 (joined for printing)",
    "Phụ lục đã nhận: %1 – năm %2, bản %3": "Received appendix: %1 – %2, revision %3",
    "Số đơn vị": "Units",
    "Thêm CA…": "Add CA…",
    "Tiêu chí:": "Criterion:",
    "Tìm đơn vị (mã hoặc tên)…": "Find a unit (code or name)…",
    "Tổ chức chứng thực (CA) tin cậy": "Trusted certificate authorities (CAs)",
    "Tổ chức chứng thực (CA) tin cậy…": "Trusted certificate authorities (CAs)…",
    "Tổng %1 đơn vị có số liệu: %2.": "Total of the %1 units with a figure: %2.",
    "Đang ghi %1 (%2 đơn vị)…": "Writing %1 (%2 units)…",
    "Đang gộp các phụ lục…": "Joining the appendices…",
    "Đang mở và kiểm tra chữ ký của %1…": "Opening %1 and checking its signature…",
    "Đang tổng hợp số liệu các đơn vị…": "Consolidating the units' figures…",
    "Đang đọc danh sách…": "Reading the list…",
    "Đã bỏ CA tin cậy: %1": "Trusted CA removed: %1",
    "Đã ghi %1 giá trị tổng hợp vào báo cáo của %2: %3.": "Wrote %1 consolidated value(s) into %2's report: %3.",
    "Đã ghi %1.": "Wrote %1.",
    "Đã hoàn tác: %1 giá trị trở lại như trước.": "Undone: %1 value(s) back as they were.",
    "Đã khóa kỳ %1: không nhận thêm gói báo cáo.": "Closed %1: no more packages are received.",
    "Đã lưu %1 (bản gộp để in).": "Saved %1 (joined for printing).",
    "Đã lưu %1 (đúng từng byte như đã nhận).": "Saved %1 (byte for byte as received).",
    "Đã mở lại kỳ %1 để nhận gói báo cáo.": "Reopened %1 for receiving packages.",
    "Đã thêm CA tin cậy: %1": "Trusted CA added: %1",
    "◐ Chưa đầy đủ": "◐ Incomplete",
    "⚠ Chữ ký có vấn đề (kiểm tra lại lúc mở):": "⚠ The signature has problems (checked again on opening):",
    "⚠ Có lỗi": "⚠ Errors",
    "✓ Chữ ký hợp lệ, bao trùm toàn bộ tệp, thuộc CA tin cậy (kiểm tra lại lúc mở).":
        "✓ Valid signature over the whole file, from a trusted CA (checked again on opening).",
    "✓ Đầy đủ": "✓ Complete",
    "✗ Chưa nộp": "✗ Not received",
    "Trang: %1": "Sheet: %1",
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
