<?xml version='1.0' encoding='utf-8'?>
<TS version="2.1" language="en_US">
<context>
    <name>AppendixActions</name>
    <message>
        <location filename="../../c27desk/gui/appendix_actions.py" line="70" />
        <source>Xem trước / in phụ lục…</source>
        <translation>Preview / print appendix…</translation>
    </message>
    <message>
        <location filename="../../c27desk/gui/appendix_actions.py" line="71" />
        <source>Ký số phụ lục…</source>
        <translation>Sign appendix…</translation>
    </message>
    <message>
        <location filename="../../c27desk/gui/appendix_actions.py" line="84" />
        <source>Đang tạo phụ lục…</source>
        <translation>Making the appendix…</translation>
    </message>
    <message>
        <location filename="../../c27desk/gui/appendix_actions.py" line="94" />
        <source>bản %1</source>
        <translation>revision %1</translation>
    </message>
    <message>
        <location filename="../../c27desk/gui/appendix_actions.py" line="94" />
        <source>dự thảo</source>
        <translation>draft</translation>
    </message>
    <message>
        <location filename="../../c27desk/gui/appendix_actions.py" line="95" />
        <source>Phụ lục năm %1 – %2</source>
        <translation>Appendix %1 – %2</translation>
    </message>
    <message>
        <location filename="../../c27desk/gui/appendix_actions.py" line="108" />
        <source>Lưu phụ lục</source>
        <translation>Save appendix</translation>
    </message>
    <message>
        <location filename="../../c27desk/gui/appendix_actions.py" line="116" />
        <source>Không ghi được tệp %1: %2</source>
        <translation>Could not write %1: %2</translation>
    </message>
    <message>
        <location filename="../../c27desk/gui/appendix_actions.py" line="118" />
        <source>Đã lưu %1</source>
        <translation>Saved %1</translation>
    </message>
    <message>
        <location filename="../../c27desk/gui/appendix_actions.py" line="127" />
        <location filename="../../c27desk/gui/appendix_actions.py" line="140" />
        <source>Ký số phụ lục</source>
        <translation>Sign appendix</translation>
    </message>
    <message>
        <location filename="../../c27desk/gui/appendix_actions.py" line="128" />
        <source>Chỉ ký được báo cáo đã chốt. Hãy chốt báo cáo trước (Báo cáo → Chốt báo cáo…).</source>
        <translation>Only a finalised report can be signed. Finalise it first (Report → Finalise report…).</translation>
    </message>
    <message>
        <location filename="../../c27desk/gui/appendix_actions.py" line="146" />
        <source>Ký số phụ lục năm %1</source>
        <translation>Sign the %1 appendix</translation>
    </message>
    <message>
        <location filename="../../c27desk/gui/appendix_actions.py" line="147" />
        <source>Ký số phụ lục bản %1 của %2.</source>
        <translation>Sign revision %1 of the appendix of %2.</translation>
    </message>
    <message>
        <location filename="../../c27desk/gui/appendix_actions.py" line="155" />
        <source>Đã ký số</source>
        <translation>Signed</translation>
    </message>
    <message>
        <location filename="../../c27desk/gui/appendix_actions.py" line="158" />
        <source>Đã ký số và lưu %1</source>
        <translation>Signed and saved %1</translation>
    </message>
</context>
<context>
    <name>AppendixPreview</name>
    <message>
        <location filename="../../c27desk/gui/preview.py" line="149" />
        <source>Vừa chiều rộng</source>
        <translation>Fit width</translation>
    </message>
    <message>
        <location filename="../../c27desk/gui/preview.py" line="152" />
        <source>◀ Trang trước</source>
        <translation>◀ Previous</translation>
    </message>
    <message>
        <location filename="../../c27desk/gui/preview.py" line="153" />
        <source>Trang sau ▶</source>
        <translation>Next ▶</translation>
    </message>
    <message>
        <location filename="../../c27desk/gui/preview.py" line="156" />
        <source>In…</source>
        <translation>Print…</translation>
    </message>
    <message>
        <location filename="../../c27desk/gui/preview.py" line="158" />
        <source>In bằng ứng dụng PDF…</source>
        <translation>Print with the PDF application…</translation>
    </message>
    <message>
        <location filename="../../c27desk/gui/preview.py" line="159" />
        <source>Giao tệp PDF cho ứng dụng đọc PDF mặc định của Windows để in.</source>
        <translation>Hands the PDF to Windows' default PDF application for printing.</translation>
    </message>
    <message>
        <location filename="../../c27desk/gui/preview.py" line="161" />
        <source>Lưu PDF…</source>
        <translation>Save PDF…</translation>
    </message>
    <message>
        <location filename="../../c27desk/gui/preview.py" line="163" />
        <source>Ký số…</source>
        <translation>Sign…</translation>
    </message>
    <message>
        <location filename="../../c27desk/gui/preview.py" line="166" />
        <source>Chỉ ký được báo cáo đã chốt.</source>
        <translation>Only a finalised report can be signed.</translation>
    </message>
    <message>
        <location filename="../../c27desk/gui/preview.py" line="167" />
        <source>Đóng</source>
        <translation>Close</translation>
    </message>
    <message>
        <location filename="../../c27desk/gui/preview.py" line="171" />
        <source>Trang</source>
        <translation>Page</translation>
    </message>
    <message>
        <location filename="../../c27desk/gui/preview.py" line="249" />
        <source>Đang in phụ lục…</source>
        <translation>Printing the appendix…</translation>
    </message>
    <message>
        <location filename="../../c27desk/gui/preview.py" line="249" />
        <source>Hủy</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <location filename="../../c27desk/gui/preview.py" line="251" />
        <location filename="../../c27desk/gui/preview.py" line="281" />
        <location filename="../../c27desk/gui/preview.py" line="293" />
        <source>In phụ lục</source>
        <translation>Print the appendix</translation>
    </message>
    <message>
        <location filename="../../c27desk/gui/preview.py" line="260" />
        <source>Đang in trang %1/%2…</source>
        <translation>Printing page %1/%2…</translation>
    </message>
    <message>
        <location filename="../../c27desk/gui/preview.py" line="281" />
        <source>Không in được: %1</source>
        <translation>Could not print: %1</translation>
    </message>
</context>
<context>
    <name>ConsolidationDialog</name>
    <message>
        <location filename="../../c27desk/gui/consolidation_dialog.py" line="71" />
        <source>Tổng hợp năm %1</source>
        <translation>Consolidation %1</translation>
    </message>
    <message>
        <location filename="../../c27desk/gui/consolidation_dialog.py" line="73" />
        <source>Đã nhận %1/%2 đơn vị; hạn nộp %3.</source>
        <translation>Received %1/%2 units; deadline %3.</translation>
    </message>
    <message>
        <location filename="../../c27desk/gui/consolidation_dialog.py" line="78" />
        <location filename="../../c27desk/gui/consolidation_dialog.py" line="86" />
        <source>Đơn vị</source>
        <translation>Unit</translation>
    </message>
    <message>
        <location filename="../../c27desk/gui/consolidation_dialog.py" line="81" />
        <location filename="../../c27desk/gui/consolidation_dialog.py" line="86" />
        <location filename="../../c27desk/gui/consolidation_dialog.py" line="93" />
        <source>Tiêu chí</source>
        <translation>Criterion</translation>
    </message>
    <message>
        <location filename="../../c27desk/gui/consolidation_dialog.py" line="85" />
        <source>Số liệu từng đơn vị</source>
        <translation>Values by unit</translation>
    </message>
    <message>
        <location filename="../../c27desk/gui/consolidation_dialog.py" line="86" />
        <source>Nội dung</source>
        <translation>Text</translation>
    </message>
    <message>
        <location filename="../../c27desk/gui/consolidation_dialog.py" line="89" />
        <source>Văn bản</source>
        <translation>Free texts</translation>
    </message>
    <message>
        <location filename="../../c27desk/gui/consolidation_dialog.py" line="93" />
        <source>Giá trị đề xuất</source>
        <translation>Proposed value</translation>
    </message>
    <message>
        <location filename="../../c27desk/gui/consolidation_dialog.py" line="93" />
        <source>Nguồn</source>
        <translation>Sources</translation>
    </message>
    <message>
        <location filename="../../c27desk/gui/consolidation_dialog.py" line="94" />
        <source>Đơn vị chưa có số liệu</source>
        <translation>Units without data</translation>
    </message>
    <message>
        <location filename="../../c27desk/gui/consolidation_dialog.py" line="98" />
        <source>Nhận các giá trị đã chọn vào báo cáo của đơn vị</source>
        <translation>Take the selected values into this unit's report</translation>
    </message>
    <message>
        <location filename="../../c27desk/gui/consolidation_dialog.py" line="106" />
        <source>Đề xuất tổng hợp</source>
        <translation>Proposed values</translation>
    </message>
    <message>
        <location filename="../../c27desk/gui/consolidation_dialog.py" line="107" />
        <source>Xuất Excel (.xlsx)…</source>
        <translation>Export Excel (.xlsx)…</translation>
    </message>
    <message>
        <location filename="../../c27desk/gui/consolidation_dialog.py" line="108" />
        <source>Xuất CSV…</source>
        <translation>Export CSV…</translation>
    </message>
    <message>
        <location filename="../../c27desk/gui/consolidation_dialog.py" line="109" />
        <source>Đóng</source>
        <translation>Close</translation>
    </message>
    <message>
        <location filename="../../c27desk/gui/consolidation_dialog.py" line="126" />
        <source>Xuất tổng hợp</source>
        <translation>Export consolidation</translation>
    </message>
</context>
<context>
    <name>EntryDelegate</name>
    <message>
        <location filename="../../c27desk/gui/delegates.py" line="28" />
        <source>(suy ra)</source>
        <translation>(inferred)</translation>
    </message>
    <message>
        <location filename="../../c27desk/gui/delegates.py" line="31" />
        <source>N/A – Không áp dụng</source>
        <translation>N/A – Not applicable</translation>
    </message>
</context>
<context>
    <name>EntryModel</name>
    <message>
        <location filename="../../c27desk/gui/entry_model.py" line="96" />
        <source>STT</source>
        <translation>No.</translation>
    </message>
    <message>
        <location filename="../../c27desk/gui/entry_model.py" line="96" />
        <source>Tên tiêu chí</source>
        <translation>Criterion</translation>
    </message>
    <message>
        <location filename="../../c27desk/gui/entry_model.py" line="96" />
        <source>Diễn giải tình trạng thực hiện</source>
        <translation>Explanation of status</translation>
    </message>
    <message>
        <location filename="../../c27desk/gui/entry_model.py" line="97" />
        <source>Mã thực hiện / giá trị</source>
        <translation>Code / value</translation>
    </message>
    <message>
        <location filename="../../c27desk/gui/entry_model.py" line="131" />
        <source>Giá trị chuyển từ năm trước, chưa được xác nhận (Ctrl+Enter để xác nhận).</source>
        <translation>Value carried from last year, not yet confirmed (Ctrl+Enter to confirm).</translation>
    </message>
    <message>
        <location filename="../../c27desk/gui/entry_model.py" line="205" />
        <source>Sửa %s</source>
        <translation>Edit %s</translation>
    </message>
    <message>
        <location filename="../../c27desk/gui/entry_model.py" line="236" />
        <source>Xóa %s</source>
        <translation>Clear %s</translation>
    </message>
    <message>
        <location filename="../../c27desk/gui/entry_model.py" line="243" />
        <source>Xác nhận %s</source>
        <translation>Confirm %s</translation>
    </message>
</context>
<context>
    <name>ExchangeActions</name>
    <message>
        <location filename="../../c27desk/gui/exchange_actions.py" line="34" />
        <source>Xuất gói báo cáo (.c27)…</source>
        <translation>Export report package (.c27)…</translation>
    </message>
    <message>
        <location filename="../../c27desk/gui/exchange_actions.py" line="35" />
        <source>Nhận gói báo cáo của đơn vị trực thuộc…</source>
        <translation>Import child units' packages…</translation>
    </message>
    <message>
        <location filename="../../c27desk/gui/exchange_actions.py" line="36" />
        <source>Tổng hợp các đơn vị…</source>
        <translation>Consolidate units…</translation>
    </message>
    <message>
        <location filename="../../c27desk/gui/exchange_actions.py" line="45" />
        <location filename="../../c27desk/gui/exchange_actions.py" line="73" />
        <location filename="../../c27desk/gui/exchange_actions.py" line="88" />
        <source>Xuất gói báo cáo</source>
        <translation>Export report package</translation>
    </message>
    <message>
        <location filename="../../c27desk/gui/exchange_actions.py" line="46" />
        <source>Chỉ xuất được báo cáo đã chốt. Hãy chốt báo cáo trước.</source>
        <translation>Only a finalised report can be exported. Finalise it first.</translation>
    </message>
    <message>
        <location filename="../../c27desk/gui/exchange_actions.py" line="48" />
        <source>Chọn thư mục (USB) để ghi gói</source>
        <translation>Choose the folder (USB) to write the package to</translation>
    </message>
    <message>
        <location filename="../../c27desk/gui/exchange_actions.py" line="64" />
        <source>Đang xuất gói…</source>
        <translation>Exporting…</translation>
    </message>
    <message>
        <location filename="../../c27desk/gui/exchange_actions.py" line="76" />
        <source>Xuất gói báo cáo năm %1</source>
        <translation>Export the %1 report package</translation>
    </message>
    <message>
        <location filename="../../c27desk/gui/exchange_actions.py" line="77" />
        <source>Ký số và xuất bản %1 vào %2.</source>
        <translation>Sign and export revision %1 to %2.</translation>
    </message>
    <message>
        <location filename="../../c27desk/gui/exchange_actions.py" line="85" />
        <source>Đã xuất và kiểm tra lại %1 (bản %2).</source>
        <translation>Exported and re-checked %1 (revision %2).</translation>
    </message>
    <message>
        <location filename="../../c27desk/gui/exchange_actions.py" line="114" />
        <source>Đang tổng hợp…</source>
        <translation>Consolidating…</translation>
    </message>
</context>
<context>
    <name>ImportDialog</name>
    <message>
        <location filename="../../c27desk/gui/import_dialog.py" line="68" />
        <source>Nhận gói báo cáo của đơn vị trực thuộc</source>
        <translation>Import child units' packages</translation>
    </message>
    <message>
        <location filename="../../c27desk/gui/import_dialog.py" line="72" />
        <source>Chọn tệp .c27…</source>
        <translation>Choose .c27 files…</translation>
    </message>
    <message>
        <location filename="../../c27desk/gui/import_dialog.py" line="73" />
        <source>Chọn thư mục (USB)…</source>
        <translation>Choose a folder (USB)…</translation>
    </message>
    <message>
        <location filename="../../c27desk/gui/import_dialog.py" line="74" />
        <source>Xác nhận chứng thư số mới của người ký (lần đầu gửi hoặc gia hạn)</source>
        <translation>Confirm the signer's new certificate (first package or renewal)</translation>
    </message>
    <message>
        <location filename="../../c27desk/gui/import_dialog.py" line="78" />
        <source>Tệp</source>
        <translation>File</translation>
    </message>
    <message>
        <location filename="../../c27desk/gui/import_dialog.py" line="78" />
        <source>Đơn vị</source>
        <translation>Unit</translation>
    </message>
    <message>
        <location filename="../../c27desk/gui/import_dialog.py" line="78" />
        <source>Bản</source>
        <translation>Revision</translation>
    </message>
    <message>
        <location filename="../../c27desk/gui/import_dialog.py" line="78" />
        <source>Kết quả</source>
        <translation>Result</translation>
    </message>
    <message>
        <location filename="../../c27desk/gui/import_dialog.py" line="79" />
        <source>Người ký</source>
        <translation>Signer</translation>
    </message>
    <message>
        <location filename="../../c27desk/gui/import_dialog.py" line="85" />
        <source>Tiêu chí</source>
        <translation>Criterion</translation>
    </message>
    <message>
        <location filename="../../c27desk/gui/import_dialog.py" line="85" />
        <source>Cũ</source>
        <translation>Old</translation>
    </message>
    <message>
        <location filename="../../c27desk/gui/import_dialog.py" line="85" />
        <source>Mới</source>
        <translation>New</translation>
    </message>
    <message>
        <location filename="../../c27desk/gui/import_dialog.py" line="91" />
        <source>Nhận các tệp hợp lệ</source>
        <translation>Import the valid files</translation>
    </message>
    <message>
        <location filename="../../c27desk/gui/import_dialog.py" line="94" />
        <source>Đóng</source>
        <translation>Close</translation>
    </message>
    <message>
        <location filename="../../c27desk/gui/import_dialog.py" line="122" />
        <source>Chọn gói báo cáo</source>
        <translation>Choose report packages</translation>
    </message>
    <message>
        <location filename="../../c27desk/gui/import_dialog.py" line="122" />
        <source>Gói báo cáo (*.c27)</source>
        <translation>Report packages (*.c27)</translation>
    </message>
    <message>
        <location filename="../../c27desk/gui/import_dialog.py" line="127" />
        <source>Chọn thư mục chứa gói báo cáo</source>
        <translation>Choose the folder holding the packages</translation>
    </message>
    <message>
        <location filename="../../c27desk/gui/import_dialog.py" line="158" />
        <source>Đã nhận</source>
        <translation>Imported</translation>
    </message>
    <message>
        <location filename="../../c27desk/gui/import_dialog.py" line="158" />
        <source>Đã có, không đổi</source>
        <translation>Already held, unchanged</translation>
    </message>
    <message>
        <location filename="../../c27desk/gui/import_dialog.py" line="159" />
        <source>Hợp lệ</source>
        <translation>Valid</translation>
    </message>
    <message>
        <location filename="../../c27desk/gui/import_dialog.py" line="159" />
        <source>Từ chối</source>
        <translation>Refused</translation>
    </message>
    <message>
        <location filename="../../c27desk/gui/import_dialog.py" line="173" />
        <source>Đã nhận %1 tệp; từ chối %2.</source>
        <translation>Imported %1 files; refused %2.</translation>
    </message>
    <message>
        <location filename="../../c27desk/gui/import_dialog.py" line="178" />
        <source>%1 tệp hợp lệ sẵn sàng nhận; %2 tệp đã nhận trước đây; %3 tệp bị từ chối.</source>
        <translation>%1 valid files ready to import; %2 imported before; %3 refused.</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <location filename="../../c27desk/gui/main_window.py" line="221" />
        <source>c27desk – Báo cáo Chương trình 27</source>
        <translation>c27desk – Program 27 report</translation>
    </message>
    <message>
        <location filename="../../c27desk/gui/main_window.py" line="222" />
        <source>Năm báo cáo: </source>
        <translation>Reporting year: </translation>
    </message>
    <message>
        <location filename="../../c27desk/gui/main_window.py" line="223" />
        <source>Lọc theo nội dung (Ctrl+F)</source>
        <translation>Filter by text (Ctrl+F)</translation>
    </message>
    <message>
        <location filename="../../c27desk/gui/main_window.py" line="227" />
        <source>Tất cả</source>
        <translation>All</translation>
    </message>
    <message>
        <location filename="../../c27desk/gui/main_window.py" line="227" />
        <source>Chưa trả lời</source>
        <translation>Unanswered</translation>
    </message>
    <message>
        <location filename="../../c27desk/gui/main_window.py" line="227" />
        <source>Có vấn đề</source>
        <translation>Has problems</translation>
    </message>
    <message>
        <location filename="../../c27desk/gui/main_window.py" line="228" />
        <source>Chưa xác nhận</source>
        <translation>Unconfirmed</translation>
    </message>
    <message>
        <location filename="../../c27desk/gui/main_window.py" line="231" />
        <source>Lỗi và cảnh báo</source>
        <translation>Errors and warnings</translation>
    </message>
    <message>
        <location filename="../../c27desk/gui/main_window.py" line="232" />
        <source>&amp;Tệp</source>
        <translation>&amp;File</translation>
    </message>
    <message>
        <location filename="../../c27desk/gui/main_window.py" line="233" />
        <source>&amp;Sửa</source>
        <translation>&amp;Edit</translation>
    </message>
    <message>
        <location filename="../../c27desk/gui/main_window.py" line="234" />
        <source>&amp;Báo cáo</source>
        <translation>&amp;Report</translation>
    </message>
    <message>
        <location filename="../../c27desk/gui/main_window.py" line="235" />
        <source>&amp;Cài đặt</source>
        <translation>&amp;Settings</translation>
    </message>
    <message>
        <location filename="../../c27desk/gui/main_window.py" line="236" />
        <source>T&amp;rợ giúp</source>
        <translation>&amp;Help</translation>
    </message>
    <message>
        <location filename="../../c27desk/gui/main_window.py" line="238" />
        <source>Tìm / lọc</source>
        <translation>Find / filter</translation>
    </message>
    <message>
        <location filename="../../c27desk/gui/main_window.py" line="238" />
        <source>Xác nhận giá trị chuyển sang</source>
        <translation>Confirm carried value</translation>
    </message>
    <message>
        <location filename="../../c27desk/gui/main_window.py" line="239" />
        <source>Xác nhận tất cả giá trị chuyển sang</source>
        <translation>Confirm all carried values</translation>
    </message>
    <message>
        <location filename="../../c27desk/gui/main_window.py" line="239" />
        <source>Thêm năm báo cáo…</source>
        <translation>Add reporting year…</translation>
    </message>
    <message>
        <location filename="../../c27desk/gui/main_window.py" line="240" />
        <source>Thông tin báo cáo (số, ngày, người ký, nơi nhận)…</source>
        <translation>Report details (number, date, signer, recipients)…</translation>
    </message>
    <message>
        <location filename="../../c27desk/gui/main_window.py" line="241" />
        <source>Chuyển số liệu năm trước sang</source>
        <translation>Carry forward last year's values</translation>
    </message>
    <message>
        <location filename="../../c27desk/gui/main_window.py" line="241" />
        <source>Chốt báo cáo…</source>
        <translation>Finalise report…</translation>
    </message>
    <message>
        <location filename="../../c27desk/gui/main_window.py" line="242" />
        <source>Mở lại báo cáo</source>
        <translation>Reopen report</translation>
    </message>
    <message>
        <location filename="../../c27desk/gui/main_window.py" line="242" />
        <location filename="../../c27desk/gui/main_window.py" line="635" />
        <source>Lịch sử các bản</source>
        <translation>Revision history</translation>
    </message>
    <message>
        <location filename="../../c27desk/gui/main_window.py" line="243" />
        <source>Sao lưu ngay</source>
        <translation>Back up now</translation>
    </message>
    <message>
        <location filename="../../c27desk/gui/main_window.py" line="243" />
        <source>Thoát</source>
        <translation>Quit</translation>
    </message>
    <message>
        <location filename="../../c27desk/gui/main_window.py" line="244" />
        <source>Cài biểu mẫu do cấp trên gửi (.c27form)…</source>
        <translation>Install a form sent by the office above (.c27form)…</translation>
    </message>
    <message>
        <location filename="../../c27desk/gui/main_window.py" line="245" />
        <location filename="../../c27desk/gui/main_window.py" line="689" />
        <source>Giới thiệu</source>
        <translation>About</translation>
    </message>
    <message>
        <location filename="../../c27desk/gui/main_window.py" line="246" />
        <source>Mở tệp .c27 và .c27form bằng c27desk…</source>
        <translation>Open .c27 and .c27form files with c27desk…</translation>
    </message>
    <message>
        <location filename="../../c27desk/gui/main_window.py" line="252" />
        <source>&amp;Tổng hợp</source>
        <translation>&amp;Consolidation</translation>
    </message>
    <message>
        <location filename="../../c27desk/gui/main_window.py" line="253" />
        <source>Hoàn tác</source>
        <translation>Undo</translation>
    </message>
    <message>
        <location filename="../../c27desk/gui/main_window.py" line="254" />
        <source>Làm lại</source>
        <translation>Redo</translation>
    </message>
    <message>
        <location filename="../../c27desk/gui/main_window.py" line="267" />
        <source>Không tìm thấy bản dịch.</source>
        <translation>The translation was not found.</translation>
    </message>
    <message>
        <location filename="../../c27desk/gui/main_window.py" line="302" />
        <source>Đã lưu thông tin báo cáo.</source>
        <translation>Report details saved.</translation>
    </message>
    <message>
        <location filename="../../c27desk/gui/main_window.py" line="305" />
        <source>Đã chuyển sang biểu mẫu %1, mang theo %2 giá trị.</source>
        <translation>Moved to form %1, carrying %2 value(s).</translation>
    </message>
    <message>
        <location filename="../../c27desk/gui/main_window.py" line="310" />
        <source>Không mang sang được: %1</source>
        <translation>Not carried: %1</translation>
    </message>
    <message>
        <location filename="../../c27desk/gui/main_window.py" line="324" />
        <source>Mọi thay đổi được lưu ngay khi nhập.</source>
        <translation>Every change is saved as soon as it is entered.</translation>
    </message>
    <message>
        <location filename="../../c27desk/gui/main_window.py" line="334" />
        <location filename="../../c27desk/gui/main_window.py" line="359" />
        <source>Tất cả các phần</source>
        <translation>All sections</translation>
    </message>
    <message>
        <location filename="../../c27desk/gui/main_window.py" line="367" />
        <source>Lỗi</source>
        <translation>Error</translation>
    </message>
    <message>
        <location filename="../../c27desk/gui/main_window.py" line="367" />
        <source>Cảnh báo</source>
        <translation>Warning</translation>
    </message>
    <message>
        <location filename="../../c27desk/gui/main_window.py" line="373" />
        <source>Chưa xác nhận: %s (chuyển từ năm trước)</source>
        <translation>Unconfirmed: %s (carried from last year)</translation>
    </message>
    <message>
        <location filename="../../c27desk/gui/main_window.py" line="377" />
        <source>Đã trả lời %1/%2 (%3%) · %4 lỗi · %5 cảnh báo</source>
        <translation>Answered %1/%2 (%3%) · %4 errors · %5 warnings</translation>
    </message>
    <message>
        <location filename="../../c27desk/gui/main_window.py" line="387" />
        <source>DỮ LIỆU MẪU – Tỉnh ủy Đồng Nai năm 2023, để dùng thử.</source>
        <translation>DEMO DATA – Tỉnh ủy Đồng Nai, 2023, for trying the program.</translation>
    </message>
    <message>
        <location filename="../../c27desk/gui/main_window.py" line="389" />
        <source>Chỉ xem: cơ sở dữ liệu nằm ở thư mục hoặc ổ chỉ cho đọc (USB khóa ghi?).</source>
        <translation>View only: the database is in a read-only folder or on read-only media (a locked stick?).</translation>
    </message>
    <message>
        <location filename="../../c27desk/gui/main_window.py" line="391" />
        <source>Chỉ xem: cơ sở dữ liệu đang được mở ở cửa sổ khác.</source>
        <translation>Read-only: the database is open in another window.</translation>
    </message>
    <message>
        <location filename="../../c27desk/gui/main_window.py" line="393" />
        <source>Báo cáo đã chốt (bản %1) – chỉ xem. Dùng “Mở lại báo cáo” để sửa thành bản %2.</source>
        <translation>Report finalised (revision %1) – read-only. Use “Reopen report” to edit it as revision %2.</translation>
    </message>
    <message>
        <location filename="../../c27desk/gui/main_window.py" line="435" />
        <source>Gợi ý diễn giải</source>
        <translation>Suggested explanation</translation>
    </message>
    <message>
        <location filename="../../c27desk/gui/main_window.py" line="435" />
        <source>Các mã thực hiện</source>
        <translation>Codes</translation>
    </message>
    <message>
        <location filename="../../c27desk/gui/main_window.py" line="435" />
        <source>đơn vị</source>
        <translation>unit</translation>
    </message>
    <message>
        <location filename="../../c27desk/gui/main_window.py" line="436" />
        <source>(ý nghĩa suy ra, chưa có biểu mẫu chính thức)</source>
        <translation>(inferred meaning, no official form yet)</translation>
    </message>
    <message>
        <location filename="../../c27desk/gui/main_window.py" line="437" />
        <source>Dấu thập phân là dấu phẩy (195,2); không dùng dấu phân cách hàng nghìn.</source>
        <translation>The decimal mark is a comma (195,2); no thousands separators.</translation>
    </message>
    <message>
        <location filename="../../c27desk/gui/main_window.py" line="455" />
        <source>không có</source>
        <translation>none</translation>
    </message>
    <message>
        <location filename="../../c27desk/gui/main_window.py" line="456" />
        <source>Năm trước</source>
        <translation>Last year</translation>
    </message>
    <message>
        <location filename="../../c27desk/gui/main_window.py" line="463" />
        <source>Lịch sử thay đổi</source>
        <translation>Change history</translation>
    </message>
    <message>
        <location filename="../../c27desk/gui/main_window.py" line="469" />
        <source>sửa</source>
        <translation>edit</translation>
    </message>
    <message>
        <location filename="../../c27desk/gui/main_window.py" line="469" />
        <source>hoàn tác</source>
        <translation>undo</translation>
    </message>
    <message>
        <location filename="../../c27desk/gui/main_window.py" line="469" />
        <source>làm lại</source>
        <translation>redo</translation>
    </message>
    <message>
        <location filename="../../c27desk/gui/main_window.py" line="470" />
        <source>nạp tệp</source>
        <translation>loaded from file</translation>
    </message>
    <message>
        <location filename="../../c27desk/gui/main_window.py" line="470" />
        <source>chuyển từ năm trước</source>
        <translation>carried from last year</translation>
    </message>
    <message>
        <location filename="../../c27desk/gui/main_window.py" line="470" />
        <source>xác nhận</source>
        <translation>confirmed</translation>
    </message>
    <message>
        <location filename="../../c27desk/gui/main_window.py" line="471" />
        <source>nhận từ đơn vị</source>
        <translation>received from unit</translation>
    </message>
    <message>
        <location filename="../../c27desk/gui/main_window.py" line="471" />
        <source>nhận số liệu tổng hợp</source>
        <translation>accepted from consolidation</translation>
    </message>
    <message>
        <location filename="../../c27desk/gui/main_window.py" line="477" />
        <source>Đã lưu %1 lúc %2</source>
        <translation>Saved %1 at %2</translation>
    </message>
    <message>
        <location filename="../../c27desk/gui/main_window.py" line="482" />
        <source>Không lưu: %1</source>
        <translation>Not saved: %1</translation>
    </message>
    <message>
        <location filename="../../c27desk/gui/main_window.py" line="497" />
        <source>Xác nhận tất cả</source>
        <translation>Confirm all</translation>
    </message>
    <message>
        <location filename="../../c27desk/gui/main_window.py" line="538" />
        <source>Thêm năm báo cáo</source>
        <translation>Add reporting year</translation>
    </message>
    <message>
        <location filename="../../c27desk/gui/main_window.py" line="538" />
        <source>Năm:</source>
        <translation>Year:</translation>
    </message>
    <message>
        <location filename="../../c27desk/gui/main_window.py" line="550" />
        <source>Chuyển số liệu</source>
        <translation>Carry forward</translation>
    </message>
    <message>
        <location filename="../../c27desk/gui/main_window.py" line="551" />
        <source>Bắt đầu năm %1 từ số liệu năm trước? Mỗi giá trị sẽ được đánh dấu “chưa xác nhận” cho đến khi anh/chị xác nhận hoặc sửa.</source>
        <translation>Start %1 from last year's values? Each value stays marked “unconfirmed” until you confirm or change it.</translation>
    </message>
    <message>
        <location filename="../../c27desk/gui/main_window.py" line="565" />
        <source>Đã chuyển %1 giá trị từ năm trước; hãy xác nhận từng giá trị.</source>
        <translation>Carried %1 values from last year; please confirm each one.</translation>
    </message>
    <message>
        <location filename="../../c27desk/gui/main_window.py" line="568" />
        <source>Đang chuyển số liệu năm trước…</source>
        <translation>Carrying forward last year's values…</translation>
    </message>
    <message>
        <location filename="../../c27desk/gui/main_window.py" line="577" />
        <source>Chưa chốt được</source>
        <translation>Cannot finalise yet</translation>
    </message>
    <message>
        <location filename="../../c27desk/gui/main_window.py" line="592" />
        <source>Xác nhận cảnh báo</source>
        <translation>Acknowledge warnings</translation>
    </message>
    <message>
        <location filename="../../c27desk/gui/main_window.py" line="593" />
        <source>Báo cáo còn các cảnh báo sau. Vẫn chốt báo cáo?</source>
        <translation>The report still has these warnings. Finalise anyway?</translation>
    </message>
    <message>
        <location filename="../../c27desk/gui/main_window.py" line="601" />
        <source>Đã chốt báo cáo năm %1, bản %2.</source>
        <translation>Report for %1 finalised as revision %2.</translation>
    </message>
    <message>
        <location filename="../../c27desk/gui/main_window.py" line="612" />
        <source>Chốt báo cáo</source>
        <translation>Finalise report</translation>
    </message>
    <message>
        <location filename="../../c27desk/gui/main_window.py" line="613" />
        <source>Chốt báo cáo năm %1? Sau khi chốt, báo cáo chỉ xem được; muốn sửa phải mở lại thành bản mới.</source>
        <translation>Finalise the %1 report? Once finalised it is read-only; to change it, reopen it as a new revision.</translation>
    </message>
    <message>
        <location filename="../../c27desk/gui/main_window.py" line="625" />
        <source>Đang sửa bản %1.</source>
        <translation>Editing revision %1.</translation>
    </message>
    <message>
        <location filename="../../c27desk/gui/main_window.py" line="628" />
        <source>Bản</source>
        <translation>Revision</translation>
    </message>
    <message>
        <location filename="../../c27desk/gui/main_window.py" line="628" />
        <source>đã chốt</source>
        <translation>final</translation>
    </message>
    <message>
        <location filename="../../c27desk/gui/main_window.py" line="628" />
        <source>đang sửa</source>
        <translation>being edited</translation>
    </message>
    <message>
        <location filename="../../c27desk/gui/main_window.py" line="634" />
        <source>Chưa có bản nào.</source>
        <translation>No revision yet.</translation>
    </message>
    <message>
        <location filename="../../c27desk/gui/main_window.py" line="643" />
        <source>Đã sao lưu: %1</source>
        <translation>Backed up: %1</translation>
    </message>
    <message>
        <location filename="../../c27desk/gui/main_window.py" line="644" />
        <source>Đang sao lưu…</source>
        <translation>Backing up…</translation>
    </message>
    <message>
        <location filename="../../c27desk/gui/main_window.py" line="659" />
        <source>Cài biểu mẫu</source>
        <translation>Install a form</translation>
    </message>
    <message>
        <location filename="../../c27desk/gui/main_window.py" line="660" />
        <source>Biểu mẫu đã ký (*.c27form)</source>
        <translation>Signed forms (*.c27form)</translation>
    </message>
    <message>
        <location filename="../../c27desk/gui/main_window.py" line="666" />
        <source>Không cài được biểu mẫu</source>
        <translation>The form was not installed</translation>
    </message>
    <message>
        <location filename="../../c27desk/gui/main_window.py" line="669" />
        <source>Đã cài biểu mẫu %1 cho năm %2, do %3 ban hành.</source>
        <translation>Installed form %1 for %2, published by %3.</translation>
    </message>
    <message>
        <location filename="../../c27desk/gui/main_window.py" line="674" />
        <source>Năm %1 đang dùng biểu mẫu khác: đổi trong Báo cáo → Thông tin báo cáo.</source>
        <translation>%1 uses another form: change it in Report → Report details.</translation>
    </message>
    <message>
        <location filename="../../c27desk/gui/main_window.py" line="685" />
        <source>Báo cáo Chương trình 27 – ứng dụng CNTT trong hoạt động của các cơ quan đảng.</source>
        <translation>Program 27 reporting – IT application in the work of Party agencies.</translation>
    </message>
</context>
<context>
    <name>PeriodDialog</name>
    <message>
        <location filename="../../c27desk/gui/period_dialog.py" line="42" />
        <source>Thông tin báo cáo năm %1</source>
        <translation>Report details for %1</translation>
    </message>
    <message>
        <location filename="../../c27desk/gui/period_dialog.py" line="45" />
        <source>Số báo cáo</source>
        <translation>Report number</translation>
    </message>
    <message>
        <location filename="../../c27desk/gui/period_dialog.py" line="45" />
        <source>Ngày báo cáo</source>
        <translation>Report date</translation>
    </message>
    <message>
        <location filename="../../c27desk/gui/period_dialog.py" line="46" />
        <source>Địa danh</source>
        <translation>Place</translation>
    </message>
    <message>
        <location filename="../../c27desk/gui/period_dialog.py" line="46" />
        <source>Thẩm quyền ký</source>
        <translation>Signing authority</translation>
    </message>
    <message>
        <location filename="../../c27desk/gui/period_dialog.py" line="47" />
        <source>Chức vụ người ký</source>
        <translation>Signer's title</translation>
    </message>
    <message>
        <location filename="../../c27desk/gui/period_dialog.py" line="47" />
        <source>Họ tên người ký</source>
        <translation>Signer's name</translation>
    </message>
    <message>
        <location filename="../../c27desk/gui/period_dialog.py" line="48" />
        <source>Hạn nộp (đơn vị cấp trên)</source>
        <translation>Deadline (office above)</translation>
    </message>
    <message>
        <location filename="../../c27desk/gui/period_dialog.py" line="74" />
        <source>Nơi nhận (mỗi dòng một nơi)</source>
        <translation>Recipients (one per line)</translation>
    </message>
    <message>
        <location filename="../../c27desk/gui/period_dialog.py" line="92" />
        <source>Báo cáo đã có bản chốt: không đổi biểu mẫu được nữa.</source>
        <translation>The report has a finalised revision: its form can no longer change.</translation>
    </message>
    <message>
        <location filename="../../c27desk/gui/period_dialog.py" line="93" />
        <source>Biểu mẫu</source>
        <translation>Form</translation>
    </message>
    <message>
        <location filename="../../c27desk/gui/period_dialog.py" line="123" />
        <source>In trên phụ lục: Số %1</source>
        <translation>Printed on the appendix: Số %1</translation>
    </message>
</context>
<context>
    <name>SetupDialog</name>
    <message>
        <location filename="../../c27desk/gui/setup_dialog.py" line="30" />
        <source>Thiết lập đơn vị báo cáo</source>
        <translation>Set up the reporting unit</translation>
    </message>
    <message>
        <location filename="../../c27desk/gui/setup_dialog.py" line="32" />
        <source>Cơ sở dữ liệu chưa có đơn vị. Hãy nhập thông tin đơn vị báo cáo; có thể sửa lại sau trong phần Kỳ báo cáo.</source>
        <translation>The database has no unit yet. Enter the reporting unit's details; you can change them later.</translation>
    </message>
    <message>
        <location filename="../../c27desk/gui/setup_dialog.py" line="38" />
        <source>Huyện ủy Tân Phú</source>
        <translation>Huyện ủy Tân Phú</translation>
    </message>
    <message>
        <location filename="../../c27desk/gui/setup_dialog.py" line="51" />
        <source>Mã đơn vị</source>
        <translation>Unit code</translation>
    </message>
    <message>
        <location filename="../../c27desk/gui/setup_dialog.py" line="51" />
        <source>Tên đơn vị</source>
        <translation>Unit name</translation>
    </message>
    <message>
        <location filename="../../c27desk/gui/setup_dialog.py" line="51" />
        <source>Cấp</source>
        <translation>Level</translation>
    </message>
    <message>
        <location filename="../../c27desk/gui/setup_dialog.py" line="52" />
        <source>Mã đơn vị cấp trên</source>
        <translation>Parent unit code</translation>
    </message>
    <message>
        <location filename="../../c27desk/gui/setup_dialog.py" line="52" />
        <source>Địa danh</source>
        <translation>Place</translation>
    </message>
    <message>
        <location filename="../../c27desk/gui/setup_dialog.py" line="53" />
        <source>Cơ quan cấp trên (dòng đầu)</source>
        <translation>Parent body (first line)</translation>
    </message>
    <message>
        <location filename="../../c27desk/gui/setup_dialog.py" line="53" />
        <source>Ký hiệu văn bản</source>
        <translation>Document symbol</translation>
    </message>
    <message>
        <location filename="../../c27desk/gui/setup_dialog.py" line="54" />
        <source>Thẩm quyền ký</source>
        <translation>Signing authority</translation>
    </message>
    <message>
        <location filename="../../c27desk/gui/setup_dialog.py" line="54" />
        <source>Chức vụ người ký</source>
        <translation>Signer's title</translation>
    </message>
    <message>
        <location filename="../../c27desk/gui/setup_dialog.py" line="55" />
        <source>Họ tên người ký</source>
        <translation>Signer's name</translation>
    </message>
    <message>
        <location filename="../../c27desk/gui/setup_dialog.py" line="55" />
        <source>Năm báo cáo đầu tiên</source>
        <translation>First reporting year</translation>
    </message>
    <message>
        <location filename="../../c27desk/gui/setup_dialog.py" line="60" />
        <source>Tạo</source>
        <translation>Create</translation>
    </message>
    <message>
        <location filename="../../c27desk/gui/setup_dialog.py" line="61" />
        <source>Thoát</source>
        <translation>Quit</translation>
    </message>
    <message>
        <location filename="../../c27desk/gui/setup_dialog.py" line="79" />
        <source>Chưa tạo được</source>
        <translation>Could not create</translation>
    </message>
</context>
<context>
    <name>SignDialog</name>
    <message>
        <location filename="../../c27desk/gui/sign_dialog.py" line="47" />
        <source>Tệp chứng thư số (.p12, .pfx)</source>
        <translation>Certificate file (.p12, .pfx)</translation>
    </message>
    <message>
        <location filename="../../c27desk/gui/sign_dialog.py" line="48" />
        <source>Thiết bị ký số (USB token)</source>
        <translation>Signing device (USB token)</translation>
    </message>
    <message>
        <location filename="../../c27desk/gui/sign_dialog.py" line="55" />
        <source>Chọn…</source>
        <translation>Browse…</translation>
    </message>
    <message>
        <location filename="../../c27desk/gui/sign_dialog.py" line="69" />
        <source>(không bắt buộc)</source>
        <translation>(optional)</translation>
    </message>
    <message>
        <location filename="../../c27desk/gui/sign_dialog.py" line="73" />
        <source>Ghi nhớ cách ký cho đơn vị (không lưu mật khẩu, mã PIN)</source>
        <translation>Remember how this unit signs (passphrase and PIN are never stored)</translation>
    </message>
    <message>
        <location filename="../../c27desk/gui/sign_dialog.py" line="85" />
        <source>Tệp .p12</source>
        <translation>.p12 file</translation>
    </message>
    <message>
        <location filename="../../c27desk/gui/sign_dialog.py" line="87" />
        <source>Thư viện PKCS#11</source>
        <translation>PKCS#11 module</translation>
    </message>
    <message>
        <location filename="../../c27desk/gui/sign_dialog.py" line="88" />
        <source>Nhãn token</source>
        <translation>Token label</translation>
    </message>
    <message>
        <location filename="../../c27desk/gui/sign_dialog.py" line="89" />
        <source>Nhãn khóa</source>
        <translation>Key label</translation>
    </message>
    <message>
        <location filename="../../c27desk/gui/sign_dialog.py" line="94" />
        <source>Ký số</source>
        <translation>Sign</translation>
    </message>
    <message>
        <location filename="../../c27desk/gui/sign_dialog.py" line="126" />
        <source>Mật khẩu tệp .p12</source>
        <translation>.p12 passphrase</translation>
    </message>
    <message>
        <location filename="../../c27desk/gui/sign_dialog.py" line="126" />
        <source>Mã PIN</source>
        <translation>PIN</translation>
    </message>
    <message>
        <location filename="../../c27desk/gui/sign_dialog.py" line="129" />
        <source>Chọn tệp chứng thư số</source>
        <translation>Choose the certificate file</translation>
    </message>
    <message>
        <location filename="../../c27desk/gui/sign_dialog.py" line="130" />
        <source>Chứng thư số (*.p12 *.pfx)</source>
        <translation>Certificates (*.p12 *.pfx)</translation>
    </message>
</context>
<context>
    <name>app</name>
    <message>
        <location filename="../../c27desk/gui/app.py" line="50" />
        <source>Cơ sở dữ liệu bị hỏng.</source>
        <translation>The database is damaged.</translation>
    </message>
    <message>
        <location filename="../../c27desk/gui/app.py" line="54" />
        <source>Khôi phục từ bản sao lưu tốt gần nhất (%s)? Tệp hỏng được giữ nguyên để kiểm tra sau.</source>
        <translation>Restore the newest good backup (%s)? The damaged file is kept as it is for later inspection.</translation>
    </message>
    <message>
        <location filename="../../c27desk/gui/app.py" line="57" />
        <source>Tệp hỏng sẽ được giữ trong thư mục: %s</source>
        <translation>The damaged file will be kept in the folder: %s</translation>
    </message>
    <message>
        <location filename="../../c27desk/gui/app.py" line="61" />
        <source>Khôi phục</source>
        <translation>Restore</translation>
    </message>
    <message>
        <location filename="../../c27desk/gui/app.py" line="62" />
        <source>Không khôi phục</source>
        <translation>Do not restore</translation>
    </message>
    <message>
        <location filename="../../c27desk/gui/app.py" line="64" />
        <source>Bản sao lưu tốt gần nhất để khôi phục: %s.</source>
        <translation>Newest good backup to restore: %s.</translation>
    </message>
    <message>
        <location filename="../../c27desk/gui/app.py" line="67" />
        <source>Không có bản sao lưu tốt để khôi phục.</source>
        <translation>There is no good backup to restore.</translation>
    </message>
    <message>
        <location filename="../../c27desk/gui/app.py" line="101" />
        <source>Mở ở chế độ chỉ xem?</source>
        <translation>Open read-only?</translation>
    </message>
</context>
<context>
    <name>ctx</name>
    <message>
        <location filename="../../c27desk/gui/appendix_actions.py" line="37" />
        <source>có</source>
        <translation>yes</translation>
    </message>
    <message>
        <location filename="../../c27desk/gui/appendix_actions.py" line="37" />
        <source>không</source>
        <translation>no</translation>
    </message>
    <message>
        <location filename="../../c27desk/gui/appendix_actions.py" line="40" />
        <source>Người ký: %1</source>
        <translation>Signer: %1</translation>
    </message>
    <message>
        <location filename="../../c27desk/gui/appendix_actions.py" line="41" />
        <source>Thời điểm ký: %1</source>
        <translation>Signing time: %1</translation>
    </message>
    <message>
        <location filename="../../c27desk/gui/appendix_actions.py" line="42" />
        <source>Chữ ký nguyên vẹn, hợp lệ: %1</source>
        <translation>Signature intact and valid: %1</translation>
    </message>
    <message>
        <location filename="../../c27desk/gui/appendix_actions.py" line="43" />
        <source>Bao trùm toàn bộ tệp: %1</source>
        <translation>Covers the whole file: %1</translation>
    </message>
    <message>
        <location filename="../../c27desk/gui/appendix_actions.py" line="44" />
        <source>Thuộc tổ chức chứng thực tin cậy: %1</source>
        <translation>Chains to a trusted CA: %1</translation>
    </message>
    <message>
        <location filename="../../c27desk/gui/appendix_actions.py" line="47" />
        <source>Mã kiểm tra: %1 (%2)</source>
        <translation>Check code: %1 (%2)</translation>
    </message>
</context>
<context>
    <name>desktop</name>
    <message>
        <location filename="../../c27desk/gui/desktop_files.py" line="78" />
        <source>Không tìm thấy tệp:</source>
        <translation>File not found:</translation>
    </message>
    <message>
        <location filename="../../c27desk/gui/desktop_files.py" line="81" />
        <source>c27desk chỉ mở gói báo cáo .c27 và mẫu biểu .c27form:</source>
        <translation>c27desk opens only .c27 report packages and .c27form forms:</translation>
    </message>
    <message>
        <location filename="../../c27desk/gui/desktop_files.py" line="84" />
        <source>Cài biểu mẫu do cấp trên gửi từ tệp này?</source>
        <translation>Install the form sent by the office above from this file?</translation>
    </message>
    <message>
        <location filename="../../c27desk/gui/desktop_files.py" line="86" />
        <source>Cơ sở dữ liệu đang mở ở một cửa sổ c27desk khác. Hãy cài biểu mẫu từ cửa sổ đó (Tệp → Cài biểu mẫu do cấp trên gửi…):</source>
        <translation>The database is open in another c27desk window. Install the form from that window (File → Install a form sent by the office above…):</translation>
    </message>
    <message>
        <location filename="../../c27desk/gui/desktop_files.py" line="95" />
        <source>Cơ sở dữ liệu đang mở ở một cửa sổ c27desk khác. Hãy nhận gói từ cửa sổ đó (Tổng hợp → Nhận gói báo cáo của đơn vị trực thuộc…):</source>
        <translation>The database is open in another c27desk window. Receive the packages from that window (Consolidation → Import child units' packages…):</translation>
    </message>
    <message>
        <location filename="../../c27desk/gui/desktop_files.py" line="110" />
        <source>Từ nay bấm đúp vào tệp .c27 hoặc .c27form sẽ mở c27desk (chỉ với tài khoản này). Đã ghi:</source>
        <translation>From now on, double-clicking a .c27 or .c27form file opens c27desk (for this account only). Written:</translation>
    </message>
    <message>
        <location filename="../../c27desk/gui/desktop_files.py" line="124" />
        <source>Mở gói báo cáo (.c27) và mẫu biểu (.c27form) bằng c27desk khi bấm đúp vào tệp?

Chỉ áp dụng cho tài khoản của bạn, không cần quyền quản trị. Có thể làm lại sau trong menu Cài đặt.</source>
        <translation>Open report packages (.c27) and forms (.c27form) with c27desk when they are double-clicked?

This applies to your account only and needs no administrator rights. You can do it later from the Settings menu.</translation>
    </message>
</context>
</TS>