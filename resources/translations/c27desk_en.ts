<?xml version='1.0' encoding='utf-8'?>
<TS version="2.1" language="en_US">
<context>
    <name />
    <message>
        <location filename="../../c27desk/gui/setup_dialog.py" line="45" />
        <source>Ví dụ: %1</source>
        <translation>Example: %1</translation>
    </message>
    <message>
        <location filename="../../c27desk/gui/setup_dialog.py" line="49" />
        <source>— Chọn cấp của đơn vị —</source>
        <translation>— Choose the unit's level —</translation>
    </message>
    <message>
        <location filename="../../c27desk/gui/setup_dialog.py" line="57" />
        <source>Mã đơn vị</source>
        <translation>Unit code</translation>
    </message>
    <message>
        <location filename="../../c27desk/gui/setup_dialog.py" line="58" />
        <source>Chữ không dấu, số và dấu gạch ngang;
dùng trong tên tệp gửi lên cấp trên.</source>
        <translation>Unaccented letters, digits and hyphens;
used in the names of files sent upward.</translation>
    </message>
    <message>
        <location filename="../../c27desk/gui/setup_dialog.py" line="59" />
        <source>Tên đơn vị</source>
        <translation>Unit name</translation>
    </message>
    <message>
        <location filename="../../c27desk/gui/setup_dialog.py" line="60" />
        <source>Cấp</source>
        <translation>Level</translation>
    </message>
    <message>
        <location filename="../../c27desk/gui/setup_dialog.py" line="61" />
        <source>Mã đơn vị cấp trên</source>
        <translation>Parent unit code</translation>
    </message>
    <message>
        <location filename="../../c27desk/gui/setup_dialog.py" line="62" />
        <source>Mã của đơn vị nhận báo cáo (để trống nếu chưa biết).</source>
        <translation>The code of the unit that receives the report (leave empty if unknown).</translation>
    </message>
    <message>
        <location filename="../../c27desk/gui/setup_dialog.py" line="63" />
        <source>Địa danh</source>
        <translation>Place</translation>
    </message>
    <message>
        <location filename="../../c27desk/gui/setup_dialog.py" line="64" />
        <source>In ở dòng ngày tháng: “Tân Phú, ngày … tháng … năm …”.</source>
        <translation>Printed in the date line: “Tân Phú, ngày … tháng … năm …”.</translation>
    </message>
    <message>
        <location filename="../../c27desk/gui/setup_dialog.py" line="65" />
        <source>Cơ quan cấp trên (dòng đầu)</source>
        <translation>Parent body (first line)</translation>
    </message>
    <message>
        <location filename="../../c27desk/gui/setup_dialog.py" line="66" />
        <source>Dòng in hoa ở góc trên bên trái phụ lục, phía trên tên đơn vị
(tên đảng bộ cấp trên). Để trống nếu đơn vị không ghi dòng này.</source>
        <translation>The capitalised line at the top left of the appendix, above the unit's name
(the Party committee above). Leave empty if your unit does not print it.</translation>
    </message>
    <message>
        <location filename="../../c27desk/gui/setup_dialog.py" line="69" />
        <source>Chữ viết tắt của đơn vị, in sau số báo cáo:
với “HU” số in là “Số 123-BC/HU”.</source>
        <translation>The unit's abbreviation, printed after the report number:
with “HU” the number prints as “Số 123-BC/HU”.</translation>
    </message>
    <message>
        <location filename="../../c27desk/gui/setup_dialog.py" line="68" />
        <source>Ký hiệu văn bản</source>
        <translation>Document symbol</translation>
    </message>
</context>
<context>
    <name>AppendixActions</name>
    <message>
        <location filename="../../c27desk/gui/appendix_actions.py" line="68" />
        <source>Xem trước / in phụ lục…</source>
        <translation>Preview / print appendix…</translation>
    </message>
    <message>
        <location filename="../../c27desk/gui/appendix_actions.py" line="69" />
        <source>Ký số phụ lục…</source>
        <translation>Sign appendix…</translation>
    </message>
    <message>
        <location filename="../../c27desk/gui/appendix_actions.py" line="86" />
        <source>Đang tạo phụ lục…</source>
        <translation>Making the appendix…</translation>
    </message>
    <message>
        <location filename="../../c27desk/gui/appendix_actions.py" line="96" />
        <source>bản %1</source>
        <translation>revision %1</translation>
    </message>
    <message>
        <location filename="../../c27desk/gui/appendix_actions.py" line="96" />
        <source>dự thảo</source>
        <translation>draft</translation>
    </message>
    <message>
        <location filename="../../c27desk/gui/appendix_actions.py" line="97" />
        <source>Phụ lục năm %1 – %2</source>
        <translation>Appendix %1 – %2</translation>
    </message>
    <message>
        <location filename="../../c27desk/gui/appendix_actions.py" line="110" />
        <source>Lưu phụ lục</source>
        <translation>Save appendix</translation>
    </message>
    <message>
        <location filename="../../c27desk/gui/appendix_actions.py" line="118" />
        <source>Không ghi được tệp %1: %2</source>
        <translation>Could not write %1: %2</translation>
    </message>
    <message>
        <location filename="../../c27desk/gui/appendix_actions.py" line="120" />
        <source>Đã lưu %1</source>
        <translation>Saved %1</translation>
    </message>
    <message>
        <location filename="../../c27desk/gui/appendix_actions.py" line="129" />
        <location filename="../../c27desk/gui/appendix_actions.py" line="142" />
        <source>Ký số phụ lục</source>
        <translation>Sign appendix</translation>
    </message>
    <message>
        <location filename="../../c27desk/gui/appendix_actions.py" line="130" />
        <source>Chỉ ký được báo cáo đã chốt. Hãy chốt báo cáo trước (Báo cáo → Chốt báo cáo…).</source>
        <translation>Only a finalised report can be signed. Finalise it first (Report → Finalise report…).</translation>
    </message>
    <message>
        <location filename="../../c27desk/gui/appendix_actions.py" line="148" />
        <source>Ký số phụ lục năm %1</source>
        <translation>Sign the %1 appendix</translation>
    </message>
    <message>
        <location filename="../../c27desk/gui/appendix_actions.py" line="149" />
        <source>Ký số phụ lục bản %1 của %2.</source>
        <translation>Sign revision %1 of the appendix of %2.</translation>
    </message>
    <message>
        <location filename="../../c27desk/gui/appendix_actions.py" line="157" />
        <source>Đã ký số</source>
        <translation>Signed</translation>
    </message>
    <message>
        <location filename="../../c27desk/gui/appendix_actions.py" line="160" />
        <source>Đã ký số và lưu %1</source>
        <translation>Signed and saved %1</translation>
    </message>
</context>
<context>
    <name>AppendixPreview</name>
    <message>
        <location filename="../../c27desk/gui/preview.py" line="150" />
        <source>Vừa chiều rộng</source>
        <translation>Fit width</translation>
    </message>
    <message>
        <location filename="../../c27desk/gui/preview.py" line="153" />
        <source>◀ Trang trước</source>
        <translation>◀ Previous</translation>
    </message>
    <message>
        <location filename="../../c27desk/gui/preview.py" line="154" />
        <source>Trang sau ▶</source>
        <translation>Next ▶</translation>
    </message>
    <message>
        <location filename="../../c27desk/gui/preview.py" line="157" />
        <source>In…</source>
        <translation>Print…</translation>
    </message>
    <message>
        <location filename="../../c27desk/gui/preview.py" line="159" />
        <source>In bằng ứng dụng PDF…</source>
        <translation>Print with the PDF application…</translation>
    </message>
    <message>
        <location filename="../../c27desk/gui/preview.py" line="160" />
        <source>Giao tệp PDF cho ứng dụng đọc PDF mặc định của Windows để in.</source>
        <translation>Hands the PDF to Windows' default PDF application for printing.</translation>
    </message>
    <message>
        <location filename="../../c27desk/gui/preview.py" line="162" />
        <source>Lưu PDF…</source>
        <translation>Save PDF…</translation>
    </message>
    <message>
        <location filename="../../c27desk/gui/preview.py" line="164" />
        <source>Ký số…</source>
        <translation>Sign…</translation>
    </message>
    <message>
        <location filename="../../c27desk/gui/preview.py" line="167" />
        <source>Chỉ ký được báo cáo đã chốt.</source>
        <translation>Only a finalised report can be signed.</translation>
    </message>
    <message>
        <location filename="../../c27desk/gui/preview.py" line="168" />
        <source>Đóng</source>
        <translation>Close</translation>
    </message>
    <message>
        <location filename="../../c27desk/gui/preview.py" line="172" />
        <source>Trang</source>
        <translation>Page</translation>
    </message>
    <message>
        <location filename="../../c27desk/gui/preview.py" line="255" />
        <source>Đang in phụ lục…</source>
        <translation>Printing the appendix…</translation>
    </message>
    <message>
        <location filename="../../c27desk/gui/preview.py" line="255" />
        <source>Hủy</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <location filename="../../c27desk/gui/preview.py" line="257" />
        <location filename="../../c27desk/gui/preview.py" line="287" />
        <location filename="../../c27desk/gui/preview.py" line="299" />
        <source>In phụ lục</source>
        <translation>Print the appendix</translation>
    </message>
    <message>
        <location filename="../../c27desk/gui/preview.py" line="266" />
        <source>Đang in trang %1/%2…</source>
        <translation>Printing page %1/%2…</translation>
    </message>
    <message>
        <location filename="../../c27desk/gui/preview.py" line="287" />
        <source>Không in được: %1</source>
        <translation>Could not print: %1</translation>
    </message>
</context>
<context>
    <name>ConsolidationDialog</name>
    <message>
        <location filename="../../c27desk/gui/consolidation_dialog.py" line="110" />
        <source>Tổng hợp năm %1</source>
        <translation>Consolidation %1</translation>
    </message>
    <message>
        <location filename="../../c27desk/gui/consolidation_dialog.py" line="212" />
        <source>Số liệu đã nhận vào báo cáo của đơn vị đã cũ:</source>
        <translation>Values taken into this office's report are out of date:</translation>
    </message>
    <message>
        <location filename="../../c27desk/gui/consolidation_dialog.py" line="201" />
        <location filename="../../c27desk/gui/consolidation_dialog.py" line="223" />
        <location filename="../../c27desk/gui/consolidation_dialog.py" line="237" />
        <source>Đơn vị</source>
        <translation>Unit</translation>
    </message>
    <message>
        <location filename="../../c27desk/gui/consolidation_dialog.py" line="112" />
        <source>Đang tổng hợp số liệu các đơn vị…</source>
        <translation>Consolidating the units' figures…</translation>
    </message>
    <message>
        <location filename="../../c27desk/gui/consolidation_dialog.py" line="122" />
        <source>Tìm đơn vị (mã hoặc tên)…</source>
        <translation>Find a unit (code or name)…</translation>
    </message>
    <message>
        <location filename="../../c27desk/gui/consolidation_dialog.py" line="128" />
        <source>Mọi tình trạng</source>
        <translation>Any state</translation>
    </message>
    <message>
        <location filename="../../c27desk/gui/consolidation_dialog.py" line="128" />
        <source>Cần chú ý (chưa nộp, chưa đầy đủ, có lỗi, muộn)</source>
        <translation>Needs attention (missing, incomplete, errors, late)</translation>
    </message>
    <message>
        <location filename="../../c27desk/gui/consolidation_dialog.py" line="129" />
        <source>✗ Chưa nộp</source>
        <translation>✗ Not received</translation>
    </message>
    <message>
        <location filename="../../c27desk/gui/consolidation_dialog.py" line="129" />
        <source>◐ Chưa đầy đủ</source>
        <translation>◐ Incomplete</translation>
    </message>
    <message>
        <location filename="../../c27desk/gui/consolidation_dialog.py" line="129" />
        <source>⚠ Có lỗi</source>
        <translation>⚠ Errors</translation>
    </message>
    <message>
        <location filename="../../c27desk/gui/consolidation_dialog.py" line="129" />
        <source>Nộp muộn</source>
        <translation>Late</translation>
    </message>
    <message>
        <location filename="../../c27desk/gui/consolidation_dialog.py" line="130" />
        <source>✓ Đầy đủ</source>
        <translation>✓ Complete</translation>
    </message>
    <message>
        <location filename="../../c27desk/gui/consolidation_dialog.py" line="204" />
        <source>Năm %1: đã nhận %2/%3 đơn vị. Đang kiểm tra lại số liệu các đơn vị để tổng hợp…</source>
        <translation>%1: %2/%3 units received. Re-checking the units' values to consolidate…</translation>
    </message>
    <message>
        <location filename="../../c27desk/gui/consolidation_dialog.py" line="228" />
        <location filename="../../c27desk/gui/consolidation_dialog.py" line="237" />
        <location filename="../../c27desk/gui/consolidation_dialog.py" line="245" />
        <source>Tiêu chí</source>
        <translation>Criterion</translation>
    </message>
    <message>
        <location filename="../../c27desk/gui/consolidation_dialog.py" line="234" />
        <source>Số liệu từng đơn vị</source>
        <translation>Values by unit</translation>
    </message>
    <message>
        <location filename="../../c27desk/gui/consolidation_dialog.py" line="237" />
        <source>Nội dung</source>
        <translation>Text</translation>
    </message>
    <message>
        <location filename="../../c27desk/gui/consolidation_dialog.py" line="241" />
        <source>Văn bản</source>
        <translation>Free texts</translation>
    </message>
    <message>
        <location filename="../../c27desk/gui/consolidation_dialog.py" line="245" />
        <source>Giá trị đề xuất</source>
        <translation>Proposed value</translation>
    </message>
    <message>
        <location filename="../../c27desk/gui/consolidation_dialog.py" line="245" />
        <source>Giá trị hiện tại của đơn vị</source>
        <translation>Office's current value</translation>
    </message>
    <message>
        <location filename="../../c27desk/gui/consolidation_dialog.py" line="246" />
        <source>Nguồn</source>
        <translation>Sources</translation>
    </message>
    <message>
        <location filename="../../c27desk/gui/consolidation_dialog.py" line="246" />
        <source>Đơn vị chưa có số liệu</source>
        <translation>Units without data</translation>
    </message>
    <message>
        <location filename="../../c27desk/gui/consolidation_dialog.py" line="384" />
        <source>Đang ghi %1 (%2 đơn vị)…</source>
        <translation>Writing %1 (%2 units)…</translation>
    </message>
    <message>
        <location filename="../../c27desk/gui/consolidation_dialog.py" line="406" />
        <source>Đã ghi %1.</source>
        <translation>Wrote %1.</translation>
    </message>
    <message>
        <location filename="../../c27desk/gui/consolidation_dialog.py" line="418" />
        <source>Trang: %1</source>
        <translation>Sheet: %1</translation>
    </message>
    <message>
        <location filename="../../c27desk/gui/consolidation_dialog.py" line="263" />
        <source>Đề xuất tổng hợp</source>
        <translation>Proposed values</translation>
    </message>
    <message>
        <location filename="../../c27desk/gui/consolidation_dialog.py" line="145" />
        <source>Xuất Excel (.xlsx)…</source>
        <translation>Export Excel (.xlsx)…</translation>
    </message>
    <message>
        <location filename="../../c27desk/gui/consolidation_dialog.py" line="146" />
        <source>Xuất CSV…</source>
        <translation>Export CSV…</translation>
    </message>
    <message>
        <location filename="../../c27desk/gui/consolidation_dialog.py" line="147" />
        <source>Đóng</source>
        <translation>Close</translation>
    </message>
    <message>
        <location filename="../../c27desk/gui/consolidation_dialog.py" line="253" />
        <source>Nhận các giá trị đã chọn vào báo cáo của đơn vị…</source>
        <translation>Take the selected values into the office's report…</translation>
    </message>
    <message>
        <location filename="../../c27desk/gui/consolidation_dialog.py" line="258" />
        <source>Cơ sở dữ liệu đang mở chỉ để đọc.</source>
        <translation>The database is open read-only.</translation>
    </message>
    <message>
        <location filename="../../c27desk/gui/consolidation_dialog.py" line="267" />
        <source>Biểu đồ</source>
        <translation>Charts</translation>
    </message>
    <message>
        <location filename="../../c27desk/gui/consolidation_dialog.py" line="273" />
        <source>Năm %1: đã nhận %2/%3 đơn vị; %4 đơn vị cần chú ý (chưa nộp, chưa đầy đủ, có lỗi hoặc nộp muộn — tô màu và ghi rõ ở cột Tình trạng). Hạn nộp: %5.</source>
        <translation>%1: %2/%3 units received; %4 units need attention (missing, incomplete, errors or late — coloured and written in the Report column). Deadline: %5.</translation>
    </message>
    <message>
        <location filename="../../c27desk/gui/consolidation_dialog.py" line="286" />
        <source>Mọi cấp</source>
        <translation>All levels</translation>
    </message>
    <message>
        <location filename="../../c27desk/gui/consolidation_dialog.py" line="308" />
        <source>%1/%2 đơn vị</source>
        <translation>%1/%2 units</translation>
    </message>
    <message>
        <location filename="../../c27desk/gui/consolidation_dialog.py" line="321" />
        <source>Hãy chọn (bấm vào) các dòng đề xuất cần nhận.</source>
        <translation>Select (click) the proposal rows to take.</translation>
    </message>
    <message>
        <location filename="../../c27desk/gui/consolidation_dialog.py" line="326" />
        <source> (thiếu %1)</source>
        <translation> (missing %1)</translation>
    </message>
    <message>
        <location filename="../../c27desk/gui/consolidation_dialog.py" line="330" />
        <source>Nhận giá trị tổng hợp</source>
        <translation>Take consolidated values</translation>
    </message>
    <message>
        <location filename="../../c27desk/gui/consolidation_dialog.py" line="331" />
        <source>Ghi %1 giá trị tổng hợp vào báo cáo năm %2 của %3?

%4

Có thể hoàn tác (Ctrl+Z ở cửa sổ chính).</source>
        <translation>Write %1 consolidated value(s) into the %2 report of %3?

%4

This can be undone (Ctrl+Z in the main window).</translation>
    </message>
    <message>
        <location filename="../../c27desk/gui/consolidation_dialog.py" line="335" />
        <source>Không nhận giá trị nào; báo cáo giữ nguyên.</source>
        <translation>No value taken; the report is unchanged.</translation>
    </message>
    <message>
        <location filename="../../c27desk/gui/consolidation_dialog.py" line="344" />
        <source>Nhận %1 giá trị tổng hợp</source>
        <translation>Take %1 consolidated value(s)</translation>
    </message>
    <message>
        <location filename="../../c27desk/gui/consolidation_dialog.py" line="345" />
        <source>Đã ghi %1 giá trị tổng hợp vào báo cáo của %2: %3.</source>
        <translation>Wrote %1 consolidated value(s) into %2's report: %3.</translation>
    </message>
    <message>
        <location filename="../../c27desk/gui/consolidation_dialog.py" line="348" />
        <source>%1 giá trị đã bằng đề xuất, không đổi.</source>
        <translation>%1 value(s) already equal the proposal, unchanged.</translation>
    </message>
    <message>
        <location filename="../../c27desk/gui/consolidation_dialog.py" line="362" />
        <source>Đã hoàn tác: %1 giá trị trở lại như trước.</source>
        <translation>Undone: %1 value(s) back as they were.</translation>
    </message>
    <message>
        <location filename="../../c27desk/gui/consolidation_dialog.py" line="380" />
        <source>Xuất tổng hợp</source>
        <translation>Export consolidation</translation>
    </message>
</context>
<context>
    <name>DeskCharts</name>
    <message>
        <location filename="../../c27desk/gui/desk_charts.py" line="40" />
        <source>Tiêu chí:</source>
        <translation>Criterion:</translation>
    </message>
    <message>
        <location filename="../../c27desk/gui/desk_charts.py" line="78" />
        <source>Số đơn vị</source>
        <translation>Units</translation>
    </message>
    <message>
        <location filename="../../c27desk/gui/desk_charts.py" line="85" />
        <source>%1: số đơn vị theo mã</source>
        <translation>%1: units per code</translation>
    </message>
    <message>
        <location filename="../../c27desk/gui/desk_charts.py" line="86" />
        <source>%1 đơn vị đã nộp trong danh sách đang lọc.</source>
        <translation>%1 units in the filtered list have reported.</translation>
    </message>
    <message>
        <location filename="../../c27desk/gui/desk_charts.py" line="104" />
        <source>%1 theo đơn vị</source>
        <translation>%1 by unit</translation>
    </message>
    <message>
        <location filename="../../c27desk/gui/desk_charts.py" line="106" />
        <source>Tổng %1 đơn vị có số liệu: %2.</source>
        <translation>Total of the %1 units with a figure: %2.</translation>
    </message>
    <message>
        <location filename="../../c27desk/gui/desk_charts.py" line="109" />
        <source>Hiện %1 đơn vị có số lớn nhất; lọc theo cấp hoặc tên để xem đơn vị khác.</source>
        <translation>Showing the %1 units with the largest figures; filter by level or name to see others.</translation>
    </message>
    <message>
        <location filename="../../c27desk/gui/desk_charts.py" line="112" />
        <source>Chưa có số liệu năm trước để so sánh.</source>
        <translation>No figures for last year to compare with.</translation>
    </message>
</context>
<context>
    <name>EntryDelegate</name>
    <message>
        <location filename="../../c27desk/gui/delegates.py" line="80" />
        <source>(suy ra)</source>
        <translation>(inferred)</translation>
    </message>
    <message>
        <location filename="../../c27desk/gui/delegates.py" line="83" />
        <source>N/A – Không áp dụng</source>
        <translation>N/A – Not applicable</translation>
    </message>
</context>
<context>
    <name>EntryModel</name>
    <message>
        <location filename="../../c27desk/gui/entry_model.py" line="102" />
        <source>STT</source>
        <translation>No.</translation>
    </message>
    <message>
        <location filename="../../c27desk/gui/entry_model.py" line="102" />
        <source>Tên tiêu chí</source>
        <translation>Criterion</translation>
    </message>
    <message>
        <location filename="../../c27desk/gui/entry_model.py" line="102" />
        <source>Diễn giải tình trạng thực hiện</source>
        <translation>Explanation of status</translation>
    </message>
    <message>
        <location filename="../../c27desk/gui/entry_model.py" line="103" />
        <source>Mã thực hiện / giá trị</source>
        <translation>Code / value</translation>
    </message>
    <message>
        <location filename="../../c27desk/gui/entry_model.py" line="137" />
        <source>Giá trị chuyển từ năm trước, chưa được xác nhận (Ctrl+Enter để xác nhận).</source>
        <translation>Value carried from last year, not yet confirmed (Ctrl+Enter to confirm).</translation>
    </message>
    <message>
        <location filename="../../c27desk/gui/entry_model.py" line="185" />
        <source>báo cáo đang ở chế độ chỉ xem.</source>
        <translation>the report is read-only.</translation>
    </message>
    <message>
        <location filename="../../c27desk/gui/entry_model.py" line="203" />
        <source>cột này không sửa được.</source>
        <translation>this column cannot be edited.</translation>
    </message>
    <message>
        <location filename="../../c27desk/gui/entry_model.py" line="230" />
        <source>Sửa %s</source>
        <translation>Edit %s</translation>
    </message>
    <message>
        <location filename="../../c27desk/gui/entry_model.py" line="277" />
        <source>Xóa %s</source>
        <translation>Clear %s</translation>
    </message>
    <message>
        <location filename="../../c27desk/gui/entry_model.py" line="284" />
        <source>Xác nhận %s</source>
        <translation>Confirm %s</translation>
    </message>
</context>
<context>
    <name>EntryTableView</name>
    <message>
        <location filename="../../c27desk/gui/table_view.py" line="86" />
        <source>Sao chép</source>
        <translation>Copy</translation>
    </message>
    <message>
        <location filename="../../c27desk/gui/table_view.py" line="87" />
        <source>Dán (từ Excel)</source>
        <translation>Paste (from Excel)</translation>
    </message>
    <message>
        <location filename="../../c27desk/gui/table_view.py" line="264" />
        <source>Đã lưu %1; dòng này không còn trong bộ lọc đang chọn.</source>
        <translation>Saved %1; the row no longer matches the chosen filter.</translation>
    </message>
    <message>
        <location filename="../../c27desk/gui/table_view.py" line="266" />
        <source>Ô chọn: %1.</source>
        <translation>Cursor: %1.</translation>
    </message>
    <message>
        <location filename="../../c27desk/gui/table_view.py" line="275" />
        <source>Không lưu: %1 Sửa lại rồi nhấn Enter, hoặc nhấn Esc để giữ giá trị cũ.</source>
        <translation>Not saved: %1 Correct it and press Enter, or press Esc to keep the old value.</translation>
    </message>
    <message>
        <location filename="../../c27desk/gui/table_view.py" line="308" />
        <source>%1 không còn trong bộ lọc đang chọn; bộ lọc không còn dòng nào.</source>
        <translation>%1 no longer matches the chosen filter; no rows are left in it.</translation>
    </message>
    <message>
        <location filename="../../c27desk/gui/table_view.py" line="313" />
        <source>%1 không còn trong bộ lọc đang chọn; ô chọn chuyển sang %2.</source>
        <translation>%1 no longer matches the chosen filter; the cursor moved to %2.</translation>
    </message>
    <message>
        <location filename="../../c27desk/gui/table_view.py" line="376" />
        <source>Đã sao chép %1 ô.</source>
        <translation>Copied %1 cell(s).</translation>
    </message>
    <message>
        <location filename="../../c27desk/gui/table_view.py" line="396" />
        <source>Không dán được: báo cáo đang ở chế độ chỉ xem.</source>
        <translation>Nothing pasted: the report is read-only.</translation>
    </message>
    <message>
        <location filename="../../c27desk/gui/table_view.py" line="400" />
        <source>Không dán được: chỉ dán một cột (giá trị hoặc diễn giải) hoặc hai cột (giá trị và diễn giải), bắt đầu từ ô giá trị hoặc ô diễn giải. Không có ô nào bị thay đổi.</source>
        <translation>Nothing pasted: paste one column (values or explanations) or two (values and explanations), starting on a value or explanation cell. No cell was changed.</translation>
    </message>
    <message>
        <location filename="../../c27desk/gui/table_view.py" line="413" />
        <source>Dán %1 dòng</source>
        <translation>Paste %1 row(s)</translation>
    </message>
    <message>
        <location filename="../../c27desk/gui/table_view.py" line="417" />
        <source>dòng %1</source>
        <translation>line %1</translation>
    </message>
    <message>
        <location filename="../../c27desk/gui/table_view.py" line="418" />
        <source>không còn dòng nào bên dưới trong bảng</source>
        <translation>no more rows below in the table</translation>
    </message>
    <message>
        <location filename="../../c27desk/gui/table_view.py" line="443" />
        <source>Đã dán: %1 ô thay đổi.</source>
        <translation>Pasted: %1 cell(s) changed.</translation>
    </message>
    <message>
        <location filename="../../c27desk/gui/table_view.py" line="447" />
        <source>%1 ô không nhận (giữ nguyên):</source>
        <translation>%1 cell(s) refused (left unchanged):</translation>
    </message>
    <message>
        <location filename="../../c27desk/gui/table_view.py" line="450" />
        <source>… và %1 ô khác.</source>
        <translation>… and %1 more cell(s).</translation>
    </message>
</context>
<context>
    <name>ExchangeActions</name>
    <message>
        <location filename="../../c27desk/gui/exchange_actions.py" line="35" />
        <source>Xuất gói báo cáo (.c27)…</source>
        <translation>Export report package (.c27)…</translation>
    </message>
    <message>
        <location filename="../../c27desk/gui/exchange_actions.py" line="36" />
        <source>Nhận gói báo cáo của đơn vị trực thuộc…</source>
        <translation>Import child units' packages…</translation>
    </message>
    <message>
        <location filename="../../c27desk/gui/exchange_actions.py" line="37" />
        <source>Tổng hợp các đơn vị…</source>
        <translation>Consolidate units…</translation>
    </message>
    <message>
        <location filename="../../c27desk/gui/exchange_actions.py" line="38" />
        <source>Đơn vị trực thuộc và chứng thư số…</source>
        <translation>Units and certificates…</translation>
    </message>
    <message>
        <location filename="../../c27desk/gui/exchange_actions.py" line="47" />
        <location filename="../../c27desk/gui/exchange_actions.py" line="77" />
        <location filename="../../c27desk/gui/exchange_actions.py" line="101" />
        <source>Xuất gói báo cáo</source>
        <translation>Export report package</translation>
    </message>
    <message>
        <location filename="../../c27desk/gui/exchange_actions.py" line="48" />
        <source>Chỉ xuất được báo cáo đã chốt. Hãy chốt báo cáo trước.</source>
        <translation>Only a finalised report can be exported. Finalise it first.</translation>
    </message>
    <message>
        <location filename="../../c27desk/gui/exchange_actions.py" line="50" />
        <source>Chọn thư mục (USB) để ghi gói</source>
        <translation>Choose the folder (USB) to write the package to</translation>
    </message>
    <message>
        <location filename="../../c27desk/gui/exchange_actions.py" line="68" />
        <location filename="../../c27desk/gui/exchange_actions.py" line="95" />
        <source>Đang xuất gói…</source>
        <translation>Exporting…</translation>
    </message>
    <message>
        <location filename="../../c27desk/gui/exchange_actions.py" line="80" />
        <source>Xuất gói báo cáo năm %1</source>
        <translation>Export the %1 report package</translation>
    </message>
    <message>
        <location filename="../../c27desk/gui/exchange_actions.py" line="81" />
        <source>Ký số và xuất bản %1 vào %2.</source>
        <translation>Sign and export revision %1 to %2.</translation>
    </message>
    <message>
        <location filename="../../c27desk/gui/exchange_actions.py" line="92" />
        <source>Kiểm tra chứng thư số</source>
        <translation>Check the certificate</translation>
    </message>
    <message>
        <location filename="../../c27desk/gui/exchange_actions.py" line="93" />
        <source>Vẫn ký và xuất gói bằng chứng thư số này?</source>
        <translation>Sign and export the package with this certificate anyway?</translation>
    </message>
    <message>
        <location filename="../../c27desk/gui/exchange_actions.py" line="98" />
        <source>Đã xuất và kiểm tra lại %1 (bản %2).</source>
        <translation>Exported and re-checked %1 (revision %2).</translation>
    </message>
</context>
<context>
    <name>ImportDialog</name>
    <message>
        <location filename="../../c27desk/gui/import_dialog.py" line="62" />
        <source>Nhận gói báo cáo của đơn vị trực thuộc</source>
        <translation>Import child units' packages</translation>
    </message>
    <message>
        <location filename="../../c27desk/gui/import_dialog.py" line="66" />
        <source>Chọn tệp .c27…</source>
        <translation>Choose .c27 files…</translation>
    </message>
    <message>
        <location filename="../../c27desk/gui/import_dialog.py" line="67" />
        <source>Chọn thư mục (USB)…</source>
        <translation>Choose a folder (USB)…</translation>
    </message>
    <message>
        <location filename="../../c27desk/gui/import_dialog.py" line="71" />
        <source>Tệp</source>
        <translation>File</translation>
    </message>
    <message>
        <location filename="../../c27desk/gui/import_dialog.py" line="71" />
        <source>Đơn vị</source>
        <translation>Unit</translation>
    </message>
    <message>
        <location filename="../../c27desk/gui/import_dialog.py" line="71" />
        <source>Bản</source>
        <translation>Revision</translation>
    </message>
    <message>
        <location filename="../../c27desk/gui/import_dialog.py" line="71" />
        <source>Kết quả</source>
        <translation>Result</translation>
    </message>
    <message>
        <location filename="../../c27desk/gui/import_dialog.py" line="72" />
        <source>Người ký</source>
        <translation>Signer</translation>
    </message>
    <message>
        <location filename="../../c27desk/gui/import_dialog.py" line="73" />
        <source>Xác nhận chứng thư số mới</source>
        <translation>Accept the new certificate</translation>
    </message>
    <message>
        <location filename="../../c27desk/gui/import_dialog.py" line="91" />
        <source>Tiêu chí</source>
        <translation>Criterion</translation>
    </message>
    <message>
        <location filename="../../c27desk/gui/import_dialog.py" line="91" />
        <source>Cũ</source>
        <translation>Old</translation>
    </message>
    <message>
        <location filename="../../c27desk/gui/import_dialog.py" line="91" />
        <source>Mới</source>
        <translation>New</translation>
    </message>
    <message>
        <location filename="../../c27desk/gui/import_dialog.py" line="97" />
        <source>Nhận các tệp hợp lệ</source>
        <translation>Import the valid files</translation>
    </message>
    <message>
        <location filename="../../c27desk/gui/import_dialog.py" line="100" />
        <source>Đóng</source>
        <translation>Close</translation>
    </message>
    <message>
        <location filename="../../c27desk/gui/import_dialog.py" line="134" />
        <source>Chọn gói báo cáo</source>
        <translation>Choose report packages</translation>
    </message>
    <message>
        <location filename="../../c27desk/gui/import_dialog.py" line="134" />
        <source>Gói báo cáo (*.c27)</source>
        <translation>Report packages (*.c27)</translation>
    </message>
    <message>
        <location filename="../../c27desk/gui/import_dialog.py" line="139" />
        <source>Chọn thư mục chứa gói báo cáo</source>
        <translation>Choose the folder holding the packages</translation>
    </message>
    <message>
        <location filename="../../c27desk/gui/import_dialog.py" line="171" />
        <source>Đã nhận</source>
        <translation>Imported</translation>
    </message>
    <message>
        <location filename="../../c27desk/gui/import_dialog.py" line="171" />
        <source>Đã có, không đổi</source>
        <translation>Already held, unchanged</translation>
    </message>
    <message>
        <location filename="../../c27desk/gui/import_dialog.py" line="172" />
        <source>Hợp lệ</source>
        <translation>Valid</translation>
    </message>
    <message>
        <location filename="../../c27desk/gui/import_dialog.py" line="172" />
        <source>Từ chối</source>
        <translation>Refused</translation>
    </message>
    <message>
        <location filename="../../c27desk/gui/import_dialog.py" line="173" />
        <source>Bản cũ, đã có bản mới hơn</source>
        <translation>Old file, a newer revision is held</translation>
    </message>
    <message>
        <location filename="../../c27desk/gui/import_dialog.py" line="199" />
        <source>Đã nhận %1 tệp; từ chối %2.</source>
        <translation>Imported %1 files; refused %2.</translation>
    </message>
    <message>
        <location filename="../../c27desk/gui/import_dialog.py" line="204" />
        <source>%1 tệp hợp lệ sẵn sàng nhận; %2 tệp đã nhận trước đây; %3 tệp bị từ chối.</source>
        <translation>%1 valid files ready to import; %2 imported before; %3 refused.</translation>
    </message>
    <message>
        <location filename="../../c27desk/gui/import_dialog.py" line="229" />
        <source>Chứng thư số mới của %1: </source>
        <translation>New certificate of %1: </translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <location filename="../../c27desk/gui/main_window.py" line="257" />
        <source>c27desk – Báo cáo Chương trình 27</source>
        <translation>c27desk – Program 27 report</translation>
    </message>
    <message>
        <location filename="../../c27desk/gui/main_window.py" line="258" />
        <source>Năm báo cáo: </source>
        <translation>Reporting year: </translation>
    </message>
    <message>
        <location filename="../../c27desk/gui/main_window.py" line="259" />
        <source>Lọc theo nội dung (Ctrl+F)</source>
        <translation>Filter by text (Ctrl+F)</translation>
    </message>
    <message>
        <location filename="../../c27desk/gui/main_window.py" line="263" />
        <source>Tất cả</source>
        <translation>All</translation>
    </message>
    <message>
        <location filename="../../c27desk/gui/main_window.py" line="263" />
        <location filename="../../c27desk/gui/main_window.py" line="738" />
        <source>Chưa trả lời</source>
        <translation>Unanswered</translation>
    </message>
    <message>
        <location filename="../../c27desk/gui/main_window.py" line="263" />
        <location filename="../../c27desk/gui/main_window.py" line="736" />
        <source>Có vấn đề</source>
        <translation>Has problems</translation>
    </message>
    <message>
        <location filename="../../c27desk/gui/main_window.py" line="264" />
        <location filename="../../c27desk/gui/main_window.py" line="740" />
        <source>Chưa xác nhận</source>
        <translation>Unconfirmed</translation>
    </message>
    <message>
        <location filename="../../c27desk/gui/main_window.py" line="267" />
        <source>Lỗi và cảnh báo</source>
        <translation>Errors and warnings</translation>
    </message>
    <message>
        <location filename="../../c27desk/gui/main_window.py" line="268" />
        <source>&amp;Tệp</source>
        <translation>&amp;File</translation>
    </message>
    <message>
        <location filename="../../c27desk/gui/main_window.py" line="269" />
        <source>&amp;Sửa</source>
        <translation>&amp;Edit</translation>
    </message>
    <message>
        <location filename="../../c27desk/gui/main_window.py" line="270" />
        <source>&amp;Báo cáo</source>
        <translation>&amp;Report</translation>
    </message>
    <message>
        <location filename="../../c27desk/gui/main_window.py" line="271" />
        <source>&amp;Cài đặt</source>
        <translation>&amp;Settings</translation>
    </message>
    <message>
        <location filename="../../c27desk/gui/main_window.py" line="272" />
        <source>T&amp;rợ giúp</source>
        <translation>&amp;Help</translation>
    </message>
    <message>
        <location filename="../../c27desk/gui/main_window.py" line="274" />
        <source>Tìm / lọc</source>
        <translation>Find / filter</translation>
    </message>
    <message>
        <location filename="../../c27desk/gui/main_window.py" line="274" />
        <source>Xác nhận giá trị chuyển sang</source>
        <translation>Confirm carried value</translation>
    </message>
    <message>
        <location filename="../../c27desk/gui/main_window.py" line="275" />
        <source>Xác nhận tất cả giá trị chuyển sang</source>
        <translation>Confirm all carried values</translation>
    </message>
    <message>
        <location filename="../../c27desk/gui/main_window.py" line="275" />
        <source>Thêm năm báo cáo…</source>
        <translation>Add reporting year…</translation>
    </message>
    <message>
        <location filename="../../c27desk/gui/main_window.py" line="276" />
        <source>Thông tin báo cáo (số, ngày, người ký, nơi nhận)…</source>
        <translation>Report details (number, date, signer, recipients)…</translation>
    </message>
    <message>
        <location filename="../../c27desk/gui/main_window.py" line="277" />
        <source>Chuyển số liệu năm trước sang</source>
        <translation>Carry forward last year's values</translation>
    </message>
    <message>
        <location filename="../../c27desk/gui/main_window.py" line="277" />
        <source>Chốt báo cáo…</source>
        <translation>Finalise report…</translation>
    </message>
    <message>
        <location filename="../../c27desk/gui/main_window.py" line="749" />
        <source>Chưa chốt được: %1 Bảng đang lọc “%2” – các dòng cần sửa; chọn “Tất cả” để xem lại mọi dòng.</source>
        <translation>Not finalised: %1 The table is filtered to “%2” – the rows to fix; choose “All” to see every row again.</translation>
    </message>
    <message>
        <location filename="../../c27desk/gui/main_window.py" line="758" />
        <source>Mở lại báo cáo</source>
        <translation>Reopen report</translation>
    </message>
    <message>
        <location filename="../../c27desk/gui/main_window.py" line="279" />
        <location filename="../../c27desk/gui/main_window.py" line="782" />
        <source>Lịch sử các bản</source>
        <translation>Revision history</translation>
    </message>
    <message>
        <location filename="../../c27desk/gui/main_window.py" line="278" />
        <source>Thông tin đơn vị (tên, cơ quan cấp trên, ký hiệu, địa danh)…</source>
        <translation>Unit details (name, body above, document symbol, place)…</translation>
    </message>
    <message>
        <location filename="../../c27desk/gui/main_window.py" line="279" />
        <source>Mở lại báo cáo…</source>
        <translation>Reopen report…</translation>
    </message>
    <message>
        <location filename="../../c27desk/gui/main_window.py" line="280" />
        <source>Sao lưu ngay</source>
        <translation>Back up now</translation>
    </message>
    <message>
        <location filename="../../c27desk/gui/main_window.py" line="280" />
        <source>Thoát</source>
        <translation>Quit</translation>
    </message>
    <message>
        <location filename="../../c27desk/gui/main_window.py" line="281" />
        <source>Cài biểu mẫu do cấp trên gửi (.c27form)…</source>
        <translation>Install a form sent by the office above (.c27form)…</translation>
    </message>
    <message>
        <location filename="../../c27desk/gui/main_window.py" line="282" />
        <location filename="../../c27desk/gui/main_window.py" line="836" />
        <source>Giới thiệu</source>
        <translation>About</translation>
    </message>
    <message>
        <location filename="../../c27desk/gui/main_window.py" line="283" />
        <source>Mở tệp .c27 và .c27form bằng c27desk…</source>
        <translation>Open .c27 and .c27form files with c27desk…</translation>
    </message>
    <message>
        <location filename="../../c27desk/gui/main_window.py" line="290" />
        <source>&amp;Tổng hợp</source>
        <translation>&amp;Consolidation</translation>
    </message>
    <message>
        <location filename="../../c27desk/gui/main_window.py" line="303" />
        <source>Hoàn tác</source>
        <translation>Undo</translation>
    </message>
    <message>
        <location filename="../../c27desk/gui/main_window.py" line="304" />
        <source>Làm lại</source>
        <translation>Redo</translation>
    </message>
    <message>
        <location filename="../../c27desk/gui/main_window.py" line="315" />
        <source>Không tìm thấy bản dịch.</source>
        <translation>The translation was not found.</translation>
    </message>
    <message>
        <location filename="../../c27desk/gui/main_window.py" line="352" />
        <source>Đã lưu thông tin báo cáo.</source>
        <translation>Report details saved.</translation>
    </message>
    <message>
        <location filename="../../c27desk/gui/main_window.py" line="355" />
        <source>Đã chuyển sang biểu mẫu %1, mang theo %2 giá trị.</source>
        <translation>Moved to form %1, carrying %2 value(s).</translation>
    </message>
    <message>
        <location filename="../../c27desk/gui/main_window.py" line="360" />
        <source>Không mang sang được: %1</source>
        <translation>Not carried: %1</translation>
    </message>
    <message>
        <location filename="../../c27desk/gui/main_window.py" line="367" />
        <source>Đã lưu thông tin đơn vị.</source>
        <translation>Unit details saved.</translation>
    </message>
    <message>
        <location filename="../../c27desk/gui/main_window.py" line="380" />
        <source>Chỉ xem: cửa sổ này không lưu được thay đổi nào.</source>
        <translation>Read-only: this window cannot save any change.</translation>
    </message>
    <message>
        <location filename="../../c27desk/gui/main_window.py" line="381" />
        <source>Mọi thay đổi được lưu ngay khi nhập.</source>
        <translation>Every change is saved as soon as it is entered.</translation>
    </message>
    <message>
        <location filename="../../c27desk/gui/main_window.py" line="392" />
        <location filename="../../c27desk/gui/main_window.py" line="419" />
        <source>Tất cả các phần</source>
        <translation>All sections</translation>
    </message>
    <message>
        <location filename="../../c27desk/gui/main_window.py" line="433" />
        <source>Chưa xác nhận: %s (chuyển từ năm trước)</source>
        <translation>Unconfirmed: %s (carried from last year)</translation>
    </message>
    <message>
        <location filename="../../c27desk/gui/main_window.py" line="444" />
        <source>Đã trả lời %1/%2 (%3%) · %4 lỗi · %5 cảnh báo</source>
        <translation>Answered %1/%2 (%3%) · %4 errors · %5 warnings</translation>
    </message>
    <message>
        <location filename="../../c27desk/gui/main_window.py" line="454" />
        <source>DỮ LIỆU MẪU – Tỉnh ủy Đồng Nai năm 2023, để dùng thử.</source>
        <translation>DEMO DATA – Tỉnh ủy Đồng Nai, 2023, for trying the program.</translation>
    </message>
    <message>
        <location filename="../../c27desk/gui/main_window.py" line="456" />
        <source>Chỉ xem: cơ sở dữ liệu nằm ở thư mục hoặc ổ chỉ cho đọc (USB khóa ghi?).</source>
        <translation>View only: the database is in a read-only folder or on read-only media (a locked stick?).</translation>
    </message>
    <message>
        <location filename="../../c27desk/gui/main_window.py" line="458" />
        <source>Chỉ xem: cơ sở dữ liệu đang được mở ở cửa sổ khác.</source>
        <translation>Read-only: the database is open in another window.</translation>
    </message>
    <message>
        <location filename="../../c27desk/gui/main_window.py" line="460" />
        <source>Báo cáo đã chốt (bản %1) – chỉ xem. Dùng “Mở lại báo cáo” để sửa thành bản %2.</source>
        <translation>Report finalised (revision %1) – read-only. Use “Reopen report” to edit it as revision %2.</translation>
    </message>
    <message>
        <location filename="../../c27desk/gui/main_window.py" line="507" />
        <source>%1 bị bộ lọc ẩn đi: bảng đã chuyển về hiện tất cả các dòng.</source>
        <translation>%1 was hidden by a filter: the table now shows all rows.</translation>
    </message>
    <message>
        <location filename="../../c27desk/gui/main_window.py" line="526" />
        <source>Gợi ý diễn giải</source>
        <translation>Suggested explanation</translation>
    </message>
    <message>
        <location filename="../../c27desk/gui/main_window.py" line="526" />
        <source>Các mã thực hiện</source>
        <translation>Codes</translation>
    </message>
    <message>
        <location filename="../../c27desk/gui/main_window.py" line="526" />
        <source>đơn vị</source>
        <translation>unit</translation>
    </message>
    <message>
        <location filename="../../c27desk/gui/main_window.py" line="527" />
        <source>(ý nghĩa suy ra, chưa có biểu mẫu chính thức)</source>
        <translation>(inferred meaning, no official form yet)</translation>
    </message>
    <message>
        <location filename="../../c27desk/gui/main_window.py" line="528" />
        <source>Dấu thập phân là dấu phẩy (195,2); không dùng dấu phân cách hàng nghìn.</source>
        <translation>The decimal mark is a comma (195,2); no thousands separators.</translation>
    </message>
    <message>
        <location filename="../../c27desk/gui/main_window.py" line="546" />
        <source>không có</source>
        <translation>none</translation>
    </message>
    <message>
        <location filename="../../c27desk/gui/main_window.py" line="547" />
        <source>Năm trước</source>
        <translation>Last year</translation>
    </message>
    <message>
        <location filename="../../c27desk/gui/main_window.py" line="554" />
        <source>Lịch sử thay đổi</source>
        <translation>Change history</translation>
    </message>
    <message>
        <location filename="../../c27desk/gui/main_window.py" line="564" />
        <source>diễn giải “%1” → “%2”</source>
        <translation>explanation “%1” → “%2”</translation>
    </message>
    <message>
        <location filename="../../c27desk/gui/main_window.py" line="570" />
        <source>sửa</source>
        <translation>edit</translation>
    </message>
    <message>
        <location filename="../../c27desk/gui/main_window.py" line="570" />
        <source>hoàn tác</source>
        <translation>undo</translation>
    </message>
    <message>
        <location filename="../../c27desk/gui/main_window.py" line="570" />
        <source>làm lại</source>
        <translation>redo</translation>
    </message>
    <message>
        <location filename="../../c27desk/gui/main_window.py" line="571" />
        <source>nạp tệp</source>
        <translation>loaded from file</translation>
    </message>
    <message>
        <location filename="../../c27desk/gui/main_window.py" line="571" />
        <source>chuyển từ năm trước</source>
        <translation>carried from last year</translation>
    </message>
    <message>
        <location filename="../../c27desk/gui/main_window.py" line="571" />
        <source>xác nhận</source>
        <translation>confirmed</translation>
    </message>
    <message>
        <location filename="../../c27desk/gui/main_window.py" line="572" />
        <source>nhận từ đơn vị</source>
        <translation>received from unit</translation>
    </message>
    <message>
        <location filename="../../c27desk/gui/main_window.py" line="572" />
        <source>nhận số liệu tổng hợp</source>
        <translation>accepted from consolidation</translation>
    </message>
    <message>
        <location filename="../../c27desk/gui/main_window.py" line="578" />
        <source>Đã lưu %1 lúc %2</source>
        <translation>Saved %1 at %2</translation>
    </message>
    <message>
        <location filename="../../c27desk/gui/main_window.py" line="583" />
        <source>Không lưu: %1</source>
        <translation>Not saved: %1</translation>
    </message>
    <message>
        <location filename="../../c27desk/gui/main_window.py" line="600" />
        <source>Không có dòng nào khớp với bộ lọc.</source>
        <translation>No row matches the filter.</translation>
    </message>
    <message>
        <location filename="../../c27desk/gui/main_window.py" line="620" />
        <source>Xác nhận tất cả</source>
        <translation>Confirm all</translation>
    </message>
    <message>
        <location filename="../../c27desk/gui/main_window.py" line="662" />
        <source>Thêm năm báo cáo</source>
        <translation>Add reporting year</translation>
    </message>
    <message>
        <location filename="../../c27desk/gui/main_window.py" line="662" />
        <source>Năm:</source>
        <translation>Year:</translation>
    </message>
    <message>
        <location filename="../../c27desk/gui/main_window.py" line="674" />
        <source>Chuyển số liệu</source>
        <translation>Carry forward</translation>
    </message>
    <message>
        <location filename="../../c27desk/gui/main_window.py" line="675" />
        <source>Bắt đầu năm %1 từ số liệu năm trước? Mỗi giá trị sẽ được đánh dấu “chưa xác nhận” cho đến khi anh/chị xác nhận hoặc sửa.</source>
        <translation>Start %1 from last year's values? Each value stays marked “unconfirmed” until you confirm or change it.</translation>
    </message>
    <message>
        <location filename="../../c27desk/gui/main_window.py" line="689" />
        <source>Đã chuyển %1 giá trị từ năm trước; hãy xác nhận từng giá trị.</source>
        <translation>Carried %1 values from last year; please confirm each one.</translation>
    </message>
    <message>
        <location filename="../../c27desk/gui/main_window.py" line="692" />
        <source>Đang chuyển số liệu năm trước…</source>
        <translation>Carrying forward last year's values…</translation>
    </message>
    <message>
        <location filename="../../c27desk/gui/main_window.py" line="710" />
        <source>Báo cáo còn các cảnh báo sau; chốt nghĩa là anh/chị đã xem và chấp nhận chúng:</source>
        <translation>The report has these warnings; finalising means you have read and accept them:</translation>
    </message>
    <message>
        <location filename="../../c27desk/gui/main_window.py" line="724" />
        <source>Bản %1 đã được xuất trước đây với nội dung khác (có thể do khôi phục bản sao lưu cũ), nên báo cáo được chốt thành bản %2.</source>
        <translation>Revision %1 was exported earlier with other content (an older backup restored?), so the report is finalised as revision %2.</translation>
    </message>
    <message>
        <location filename="../../c27desk/gui/main_window.py" line="743" />
        <source>Chưa chốt được</source>
        <translation>Cannot finalise yet</translation>
    </message>
    <message>
        <location filename="../../c27desk/gui/main_window.py" line="727" />
        <source>Đã chốt báo cáo năm %1, bản %2.</source>
        <translation>Report for %1 finalised as revision %2.</translation>
    </message>
    <message>
        <location filename="../../c27desk/gui/main_window.py" line="712" />
        <source>Chốt báo cáo</source>
        <translation>Finalise report</translation>
    </message>
    <message>
        <location filename="../../c27desk/gui/main_window.py" line="706" />
        <source>Chốt báo cáo năm %1? Sau khi chốt, báo cáo chỉ xem được; muốn sửa phải mở lại thành bản mới.</source>
        <translation>Finalise the %1 report? Once finalised it is read-only; to change it, reopen it as a new revision.</translation>
    </message>
    <message>
        <location filename="../../c27desk/gui/main_window.py" line="759" />
        <source>Mở lại báo cáo năm %1 để sửa? Bản %2 đã chốt được giữ nguyên trong lịch sử (kể cả bản đã ký, đã gửi); mọi sửa đổi thuộc bản %3, bản này phải được chốt, ký và gửi lại. Không thể quay về bản %2.</source>
        <translation>Reopen the %1 report for changes? Finalised revision %2 stays in the history (signed and sent copies too); every change belongs to revision %3, which must be finalised, signed and sent again. There is no going back to revision %2.</translation>
    </message>
    <message>
        <location filename="../../c27desk/gui/main_window.py" line="772" />
        <source>Đang sửa bản %1.</source>
        <translation>Editing revision %1.</translation>
    </message>
    <message>
        <location filename="../../c27desk/gui/main_window.py" line="775" />
        <source>Bản</source>
        <translation>Revision</translation>
    </message>
    <message>
        <location filename="../../c27desk/gui/main_window.py" line="775" />
        <source>đã chốt</source>
        <translation>final</translation>
    </message>
    <message>
        <location filename="../../c27desk/gui/main_window.py" line="775" />
        <source>đang sửa</source>
        <translation>being edited</translation>
    </message>
    <message>
        <location filename="../../c27desk/gui/main_window.py" line="781" />
        <source>Chưa có bản nào.</source>
        <translation>No revision yet.</translation>
    </message>
    <message>
        <location filename="../../c27desk/gui/main_window.py" line="790" />
        <source>Đã sao lưu: %1</source>
        <translation>Backed up: %1</translation>
    </message>
    <message>
        <location filename="../../c27desk/gui/main_window.py" line="791" />
        <source>Đang sao lưu…</source>
        <translation>Backing up…</translation>
    </message>
    <message>
        <location filename="../../c27desk/gui/main_window.py" line="806" />
        <source>Cài biểu mẫu</source>
        <translation>Install a form</translation>
    </message>
    <message>
        <location filename="../../c27desk/gui/main_window.py" line="807" />
        <source>Biểu mẫu đã ký (*.c27form)</source>
        <translation>Signed forms (*.c27form)</translation>
    </message>
    <message>
        <location filename="../../c27desk/gui/main_window.py" line="813" />
        <source>Không cài được biểu mẫu</source>
        <translation>The form was not installed</translation>
    </message>
    <message>
        <location filename="../../c27desk/gui/main_window.py" line="816" />
        <source>Đã cài biểu mẫu %1 cho năm %2, do %3 ban hành.</source>
        <translation>Installed form %1 for %2, published by %3.</translation>
    </message>
    <message>
        <location filename="../../c27desk/gui/main_window.py" line="821" />
        <source>Năm %1 đang dùng biểu mẫu khác: đổi trong Báo cáo → Thông tin báo cáo.</source>
        <translation>%1 uses another form: change it in Report → Report details.</translation>
    </message>
    <message>
        <location filename="../../c27desk/gui/main_window.py" line="832" />
        <source>Báo cáo Chương trình 27 – ứng dụng CNTT trong hoạt động của các cơ quan đảng.</source>
        <translation>Program 27 reporting – IT application in the work of Party agencies.</translation>
    </message>
</context>
<context>
    <name>OfficeMenu</name>
    <message>
        <location filename="../../c27desk/gui/office_menu.py" line="158" />
        <source>&amp;Văn phòng</source>
        <translation>&amp;Office</translation>
    </message>
    <message>
        <location filename="../../c27desk/gui/office_menu.py" line="159" />
        <source>Báo cáo đã nhận của đơn vị trực thuộc…</source>
        <translation>Reports received from child units…</translation>
    </message>
    <message>
        <location filename="../../c27desk/gui/office_menu.py" line="160" />
        <source>Tổ chức chứng thực (CA) tin cậy…</source>
        <translation>Trusted certificate authorities (CAs)…</translation>
    </message>
    <message>
        <location filename="../../c27desk/gui/office_menu.py" line="164" />
        <source>Mở lại kỳ %1 để nhận gói báo cáo…</source>
        <translation>Reopen %1 for receiving packages…</translation>
    </message>
    <message>
        <location filename="../../c27desk/gui/office_menu.py" line="165" />
        <source>Khóa kỳ %1 (thôi nhận gói báo cáo)…</source>
        <translation>Close %1 (stop receiving packages)…</translation>
    </message>
    <message>
        <location filename="../../c27desk/gui/office_menu.py" line="189" />
        <source>Mở lại kỳ %1 để nhận thêm gói báo cáo của đơn vị trực thuộc?</source>
        <translation>Reopen %1 to receive more packages from child units?</translation>
    </message>
    <message>
        <location filename="../../c27desk/gui/office_menu.py" line="190" />
        <source>Khóa kỳ %1? Sau đó mọi gói báo cáo năm %1 gửi đến sẽ bị từ chối (PERIOD_CLOSED) cho đến khi mở lại.</source>
        <translation>Close %1? Every %1 package arriving afterwards is refused (PERIOD_CLOSED) until it is reopened.</translation>
    </message>
    <message>
        <location filename="../../c27desk/gui/office_menu.py" line="192" />
        <source>Kỳ báo cáo</source>
        <translation>Reporting period</translation>
    </message>
    <message>
        <location filename="../../c27desk/gui/office_menu.py" line="199" />
        <source>Đã mở lại kỳ %1 để nhận gói báo cáo.</source>
        <translation>Reopened %1 for receiving packages.</translation>
    </message>
    <message>
        <location filename="../../c27desk/gui/office_menu.py" line="200" />
        <source>Đã khóa kỳ %1: không nhận thêm gói báo cáo.</source>
        <translation>Closed %1: no more packages are received.</translation>
    </message>
</context>
<context>
    <name>PeriodDialog</name>
    <message>
        <location filename="../../c27desk/gui/period_dialog.py" line="43" />
        <source>Thông tin báo cáo năm %1</source>
        <translation>Report details for %1</translation>
    </message>
    <message>
        <location filename="../../c27desk/gui/period_dialog.py" line="46" />
        <source>Số báo cáo</source>
        <translation>Report number</translation>
    </message>
    <message>
        <location filename="../../c27desk/gui/period_dialog.py" line="46" />
        <source>Ngày báo cáo</source>
        <translation>Report date</translation>
    </message>
    <message>
        <location filename="../../c27desk/gui/period_dialog.py" line="47" />
        <source>Địa danh</source>
        <translation>Place</translation>
    </message>
    <message>
        <location filename="../../c27desk/gui/period_dialog.py" line="47" />
        <source>Thẩm quyền ký</source>
        <translation>Signing authority</translation>
    </message>
    <message>
        <location filename="../../c27desk/gui/period_dialog.py" line="48" />
        <source>Chức vụ người ký</source>
        <translation>Signer's title</translation>
    </message>
    <message>
        <location filename="../../c27desk/gui/period_dialog.py" line="48" />
        <source>Họ tên người ký</source>
        <translation>Signer's name</translation>
    </message>
    <message>
        <location filename="../../c27desk/gui/period_dialog.py" line="49" />
        <source>Hạn nộp (đơn vị cấp trên)</source>
        <translation>Deadline (office above)</translation>
    </message>
    <message>
        <location filename="../../c27desk/gui/period_dialog.py" line="75" />
        <source>Nơi nhận (mỗi dòng một nơi)</source>
        <translation>Recipients (one per line)</translation>
    </message>
    <message>
        <location filename="../../c27desk/gui/period_dialog.py" line="93" />
        <source>Báo cáo đã có bản chốt: không đổi biểu mẫu được nữa.</source>
        <translation>The report has a finalised revision: its form can no longer change.</translation>
    </message>
    <message>
        <location filename="../../c27desk/gui/period_dialog.py" line="94" />
        <source>Biểu mẫu</source>
        <translation>Form</translation>
    </message>
    <message>
        <location filename="../../c27desk/gui/period_dialog.py" line="104" />
        <source>Lưu</source>
        <translation>Save</translation>
    </message>
    <message>
        <location filename="../../c27desk/gui/period_dialog.py" line="105" />
        <source>Hủy</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <location filename="../../c27desk/gui/period_dialog.py" line="106" />
        <source>Đóng</source>
        <translation>Close</translation>
    </message>
    <message>
        <location filename="../../c27desk/gui/period_dialog.py" line="114" />
        <source>Báo cáo đã chốt: thông tin này chỉ xem được. Muốn sửa, hãy dùng Báo cáo → Mở lại báo cáo (tạo bản mới) trước.</source>
        <translation>The report is finalised: these details are read-only. To change them, use Report → Reopen report (a new revision) first.</translation>
    </message>
    <message>
        <location filename="../../c27desk/gui/period_dialog.py" line="136" />
        <source>In trên phụ lục: Số %1</source>
        <translation>Printed on the appendix: Số %1</translation>
    </message>
</context>
<context>
    <name>ReceivedDialog</name>
    <message>
        <location filename="../../c27desk/gui/received_dialog.py" line="61" />
        <source>Báo cáo đã nhận năm %1</source>
        <translation>Reports received for %1</translation>
    </message>
    <message>
        <location filename="../../c27desk/gui/received_dialog.py" line="62" />
        <source>Đang đọc danh sách…</source>
        <translation>Reading the list…</translation>
    </message>
    <message>
        <location filename="../../c27desk/gui/received_dialog.py" line="66" />
        <source>Tìm đơn vị (mã hoặc tên)…</source>
        <translation>Find a unit (code or name)…</translation>
    </message>
    <message>
        <location filename="../../c27desk/gui/received_dialog.py" line="78" />
        <source>Mở phụ lục đã ký…</source>
        <translation>Open signed appendix…</translation>
    </message>
    <message>
        <location filename="../../c27desk/gui/received_dialog.py" line="80" />
        <source>In / lưu tất cả phụ lục (một tệp PDF)…</source>
        <translation>Print / save all appendices (one PDF)…</translation>
    </message>
    <message>
        <location filename="../../c27desk/gui/received_dialog.py" line="82" />
        <source>Đóng</source>
        <translation>Close</translation>
    </message>
    <message>
        <location filename="../../c27desk/gui/received_dialog.py" line="121" />
        <source>Năm %1: đã nhận %2/%3 đơn vị. Chọn một đơn vị rồi bấm Mở (hoặc bấm đúp) để xem, in hoặc lưu phụ lục đã ký đúng như đã nhận.</source>
        <translation>%1: %2/%3 units received. Select a unit and press Open (or double-click) to view, print or save its signed appendix exactly as received.</translation>
    </message>
    <message>
        <location filename="../../c27desk/gui/received_dialog.py" line="148" />
        <source>Hãy chọn một đơn vị.</source>
        <translation>Select a unit.</translation>
    </message>
    <message>
        <location filename="../../c27desk/gui/received_dialog.py" line="151" />
        <source>Chưa nhận báo cáo năm %1 của %2.</source>
        <translation>No %1 report has been received from %2.</translation>
    </message>
    <message>
        <location filename="../../c27desk/gui/received_dialog.py" line="155" />
        <source>Đang mở và kiểm tra chữ ký của %1…</source>
        <translation>Opening %1 and checking its signature…</translation>
    </message>
    <message>
        <location filename="../../c27desk/gui/received_dialog.py" line="165" />
        <source>Phụ lục đã nhận: %1 – năm %2, bản %3</source>
        <translation>Received appendix: %1 – %2, revision %3</translation>
    </message>
    <message>
        <location filename="../../c27desk/gui/received_dialog.py" line="168" />
        <source>✓ Chữ ký hợp lệ, bao trùm toàn bộ tệp, thuộc CA tin cậy (kiểm tra lại lúc mở).</source>
        <translation>✓ Valid signature over the whole file, from a trusted CA (checked again on opening).</translation>
    </message>
    <message>
        <location filename="../../c27desk/gui/received_dialog.py" line="169" />
        <source>⚠ Chữ ký có vấn đề (kiểm tra lại lúc mở):</source>
        <translation>⚠ The signature has problems (checked again on opening):</translation>
    </message>
    <message>
        <location filename="../../c27desk/gui/received_dialog.py" line="179" />
        <source>Đang gộp các phụ lục…</source>
        <translation>Joining the appendices…</translation>
    </message>
    <message>
        <location filename="../../c27desk/gui/received_dialog.py" line="186" />
        <source>Phụ lục của %1 đơn vị năm %2 (bản gộp để in)</source>
        <translation>Appendices of %1 units, %2 (joined for printing)</translation>
    </message>
    <message>
        <location filename="../../c27desk/gui/received_dialog.py" line="188" />
        <source>Gồm %1 đơn vị theo thứ tự mã: %2.</source>
        <translation>%1 units in code order: %2.</translation>
    </message>
    <message>
        <location filename="../../c27desk/gui/received_dialog.py" line="216" />
        <source>Lưu phụ lục</source>
        <translation>Save appendix</translation>
    </message>
    <message>
        <location filename="../../c27desk/gui/received_dialog.py" line="222" />
        <source>Không ghi được tệp %1: %2</source>
        <translation>Could not write %1: %2</translation>
    </message>
    <message>
        <location filename="../../c27desk/gui/received_dialog.py" line="225" />
        <source>Đã lưu %1 (đúng từng byte như đã nhận).</source>
        <translation>Saved %1 (byte for byte as received).</translation>
    </message>
    <message>
        <location filename="../../c27desk/gui/received_dialog.py" line="226" />
        <source>Đã lưu %1 (bản gộp để in).</source>
        <translation>Saved %1 (joined for printing).</translation>
    </message>
</context>
<context>
    <name>SetupDialog</name>
    <message>
        <location filename="../../c27desk/gui/setup_dialog.py" line="107" />
        <source>Thiết lập đơn vị báo cáo</source>
        <translation>Set up the reporting unit</translation>
    </message>
    <message>
        <location filename="../../c27desk/gui/setup_dialog.py" line="109" />
        <source>Cơ sở dữ liệu chưa có đơn vị. Hãy nhập thông tin đơn vị báo cáo; chữ xám chỉ là ví dụ. Có thể sửa lại sau: Báo cáo → Thông tin đơn vị.</source>
        <translation>The database has no unit yet. Enter the reporting unit's details; grey text is only an example. You can change them later: Report → Unit details.</translation>
    </message>
    <message>
        <location filename="../../c27desk/gui/setup_dialog.py" line="117" />
        <source>Ví dụ: %1</source>
        <translation>Example: %1</translation>
    </message>
    <message>
        <location filename="../../c27desk/gui/setup_dialog.py" line="124" />
        <source>Thẩm quyền ký</source>
        <translation>Signing authority</translation>
    </message>
    <message>
        <location filename="../../c27desk/gui/setup_dialog.py" line="124" />
        <source>Chức vụ người ký</source>
        <translation>Signer's title</translation>
    </message>
    <message>
        <location filename="../../c27desk/gui/setup_dialog.py" line="125" />
        <source>Họ tên người ký</source>
        <translation>Signer's name</translation>
    </message>
    <message>
        <location filename="../../c27desk/gui/setup_dialog.py" line="125" />
        <source>Năm báo cáo đầu tiên</source>
        <translation>First reporting year</translation>
    </message>
    <message>
        <location filename="../../c27desk/gui/setup_dialog.py" line="132" />
        <source>Tạo</source>
        <translation>Create</translation>
    </message>
    <message>
        <location filename="../../c27desk/gui/setup_dialog.py" line="133" />
        <source>Thoát</source>
        <translation>Quit</translation>
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
    <name>TrustDialog</name>
    <message>
        <location filename="../../c27desk/gui/office_menu.py" line="39" />
        <source>Tổ chức chứng thực (CA) tin cậy</source>
        <translation>Trusted certificate authorities (CAs)</translation>
    </message>
    <message>
        <location filename="../../c27desk/gui/office_menu.py" line="40" />
        <source>Gói báo cáo của đơn vị trực thuộc chỉ được nhận khi chữ ký thuộc một CA trong danh sách này (không dùng danh sách của hệ điều hành).</source>
        <translation>Packages from child units are accepted only when signed under a CA in this list (the operating system's list is never used).</translation>
    </message>
    <message>
        <location filename="../../c27desk/gui/office_menu.py" line="45" />
        <source>Chủ thể</source>
        <translation>Subject</translation>
    </message>
    <message>
        <location filename="../../c27desk/gui/office_menu.py" line="45" />
        <source>Dấu vân tay (SHA-256)</source>
        <translation>Fingerprint (SHA-256)</translation>
    </message>
    <message>
        <location filename="../../c27desk/gui/office_menu.py" line="48" />
        <source>Thêm CA…</source>
        <translation>Add CA…</translation>
    </message>
    <message>
        <location filename="../../c27desk/gui/office_menu.py" line="50" />
        <source>Bỏ CA đã chọn…</source>
        <translation>Remove selected CA…</translation>
    </message>
    <message>
        <location filename="../../c27desk/gui/office_menu.py" line="52" />
        <source>Đóng</source>
        <translation>Close</translation>
    </message>
    <message>
        <location filename="../../c27desk/gui/office_menu.py" line="59" />
        <source>Cơ sở dữ liệu đang mở chỉ để đọc.</source>
        <translation>The database is open read-only.</translation>
    </message>
    <message>
        <location filename="../../c27desk/gui/office_menu.py" line="85" />
        <source>Chọn tệp chứng thư của CA</source>
        <translation>Choose the CA's certificate file</translation>
    </message>
    <message>
        <location filename="../../c27desk/gui/office_menu.py" line="86" />
        <source>Chứng thư (*.pem *.crt *.cer *.der);;Mọi tệp (*)</source>
        <translation>Certificates (*.pem *.crt *.cer *.der);;All files (*)</translation>
    </message>
    <message>
        <location filename="../../c27desk/gui/office_menu.py" line="95" />
        <source>Đã thêm CA tin cậy: %1</source>
        <translation>Trusted CA added: %1</translation>
    </message>
    <message>
        <location filename="../../c27desk/gui/office_menu.py" line="95" />
        <source>CA này đã có: %1</source>
        <translation>CA already trusted: %1</translation>
    </message>
    <message>
        <location filename="../../c27desk/gui/office_menu.py" line="103" />
        <source>Hãy chọn một CA.</source>
        <translation>Select a CA.</translation>
    </message>
    <message>
        <location filename="../../c27desk/gui/office_menu.py" line="107" />
        <source>Bỏ CA tin cậy</source>
        <translation>Remove trusted CA</translation>
    </message>
    <message>
        <location filename="../../c27desk/gui/office_menu.py" line="108" />
        <source>Bỏ CA “%1”? Gói báo cáo mới ký dưới CA này sẽ bị từ chối; các gói đã nhận vẫn giữ, nhưng khi mở phụ lục sẽ hiện là không tin cậy.</source>
        <translation>Remove the CA “%1”? New packages signed under it will be refused; packages already received are kept, but their appendices will show as untrusted when opened.</translation>
    </message>
    <message>
        <location filename="../../c27desk/gui/office_menu.py" line="117" />
        <source>Đã bỏ CA tin cậy: %1</source>
        <translation>Trusted CA removed: %1</translation>
    </message>
</context>
<context>
    <name>UnitDialog</name>
    <message>
        <location filename="../../c27desk/gui/setup_dialog.py" line="163" />
        <source>Thông tin đơn vị</source>
        <translation>Unit details</translation>
    </message>
    <message>
        <location filename="../../c27desk/gui/setup_dialog.py" line="169" />
        <source>Thay đổi in trên các phụ lục tạo từ nay; bản đã ký không đổi.</source>
        <translation>Changes print on appendices made from now on; signed copies do not change.</translation>
    </message>
    <message>
        <location filename="../../c27desk/gui/setup_dialog.py" line="173" />
        <source>Lưu</source>
        <translation>Save</translation>
    </message>
    <message>
        <location filename="../../c27desk/gui/setup_dialog.py" line="174" />
        <source>Hủy</source>
        <translation>Cancel</translation>
    </message>
</context>
<context>
    <name>UnitsDialog</name>
    <message>
        <location filename="../../c27desk/gui/units_dialog.py" line="52" />
        <source>Đơn vị trực thuộc qua các năm</source>
        <translation>Units over the years</translation>
    </message>
    <message>
        <location filename="../../c27desk/gui/units_dialog.py" line="59" />
        <source>Mã</source>
        <translation>Code</translation>
    </message>
    <message>
        <location filename="../../c27desk/gui/units_dialog.py" line="59" />
        <source>Tên</source>
        <translation>Name</translation>
    </message>
    <message>
        <location filename="../../c27desk/gui/units_dialog.py" line="59" />
        <source>Cấp</source>
        <translation>Level</translation>
    </message>
    <message>
        <location filename="../../c27desk/gui/units_dialog.py" line="59" />
        <source>Cấp trên</source>
        <translation>Parent</translation>
    </message>
    <message>
        <location filename="../../c27desk/gui/units_dialog.py" line="60" />
        <source>Hiệu lực</source>
        <translation>Valid</translation>
    </message>
    <message>
        <location filename="../../c27desk/gui/units_dialog.py" line="74" />
        <source>Từ năm</source>
        <translation>From year</translation>
    </message>
    <message>
        <location filename="../../c27desk/gui/units_dialog.py" line="75" />
        <source>Tên mới</source>
        <translation>New name</translation>
    </message>
    <message>
        <location filename="../../c27desk/gui/units_dialog.py" line="76" />
        <source>Cấp trên mới (mã)</source>
        <translation>New parent (code)</translation>
    </message>
    <message>
        <location filename="../../c27desk/gui/units_dialog.py" line="77" />
        <source>Mã mới / mã sau hợp nhất</source>
        <translation>New code / code after merging</translation>
    </message>
    <message>
        <location filename="../../c27desk/gui/units_dialog.py" line="79" />
        <source>Đổi tên / đổi mã</source>
        <translation>Rename / new code</translation>
    </message>
    <message>
        <location filename="../../c27desk/gui/units_dialog.py" line="79" />
        <source>Chuyển cấp trên</source>
        <translation>Move to parent</translation>
    </message>
    <message>
        <location filename="../../c27desk/gui/units_dialog.py" line="80" />
        <source>Thôi hoạt động</source>
        <translation>Retire</translation>
    </message>
    <message>
        <location filename="../../c27desk/gui/units_dialog.py" line="80" />
        <source>Hợp nhất các đơn vị đã chọn</source>
        <translation>Merge the selected units</translation>
    </message>
    <message>
        <location filename="../../c27desk/gui/units_dialog.py" line="90" />
        <source>Năm:</source>
        <translation>Year:</translation>
    </message>
    <message>
        <location filename="../../c27desk/gui/units_dialog.py" line="101" />
        <source>Đơn vị</source>
        <translation>Unit</translation>
    </message>
    <message>
        <location filename="../../c27desk/gui/units_dialog.py" line="101" />
        <source>Người ký (chủ thể)</source>
        <translation>Signer (subject)</translation>
    </message>
    <message>
        <location filename="../../c27desk/gui/units_dialog.py" line="101" />
        <source>Số hiệu</source>
        <translation>Serial</translation>
    </message>
    <message>
        <location filename="../../c27desk/gui/units_dialog.py" line="102" />
        <source>Hiệu lực từ</source>
        <translation>Valid from</translation>
    </message>
    <message>
        <location filename="../../c27desk/gui/units_dialog.py" line="102" />
        <source>Đến</source>
        <translation>Until</translation>
    </message>
    <message>
        <location filename="../../c27desk/gui/units_dialog.py" line="105" />
        <source>Thu hồi chứng thư đã chọn</source>
        <translation>Revoke the selected certificate</translation>
    </message>
    <message>
        <location filename="../../c27desk/gui/units_dialog.py" line="112" />
        <source>Sổ đơn vị</source>
        <translation>Register</translation>
    </message>
    <message>
        <location filename="../../c27desk/gui/units_dialog.py" line="113" />
        <source>Chứng thư số đã ghi nhận</source>
        <translation>Pinned certificates</translation>
    </message>
    <message>
        <location filename="../../c27desk/gui/units_dialog.py" line="114" />
        <source>Đóng</source>
        <translation>Close</translation>
    </message>
    <message>
        <location filename="../../c27desk/gui/units_dialog.py" line="193" />
        <source>Sửa lịch sử đơn vị?</source>
        <translation>Change the units' history?</translation>
    </message>
    <message>
        <location filename="../../c27desk/gui/units_dialog.py" line="194" />
        <source>Vẫn thay đổi (tổng hợp các năm đó sẽ đọc khác đi)?</source>
        <translation>Change it anyway (those years' consolidation will read differently)?</translation>
    </message>
    <message>
        <location filename="../../c27desk/gui/units_dialog.py" line="212" />
        <source>Từ năm %1, %2 đổi thành %3.</source>
        <translation>From %1, %2 becomes %3.</translation>
    </message>
    <message>
        <location filename="../../c27desk/gui/units_dialog.py" line="216" />
        <source>Từ năm %1, %2 có tên mới.</source>
        <translation>From %1, %2 has a new name.</translation>
    </message>
    <message>
        <location filename="../../c27desk/gui/units_dialog.py" line="224" />
        <source>Từ năm %1, %2 trực thuộc %3.</source>
        <translation>From %1, %2 reports to %3.</translation>
    </message>
    <message>
        <location filename="../../c27desk/gui/units_dialog.py" line="232" />
        <source>Đơn vị %1 không còn từ năm %2.</source>
        <translation>Unit %1 no longer exists from %2.</translation>
    </message>
    <message>
        <location filename="../../c27desk/gui/units_dialog.py" line="246" />
        <source>Từ năm %1, %2 hợp nhất thành %3.</source>
        <translation>From %1, %2 are merged into %3.</translation>
    </message>
    <message>
        <location filename="../../c27desk/gui/units_dialog.py" line="256" />
        <source>Đã thu hồi chứng thư số của %1.</source>
        <translation>Revoked %1's certificate.</translation>
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
    <message>
        <location filename="../../c27desk/gui/app.py" line="168" />
        <source>Cơ sở dữ liệu chưa có đơn vị và đang được mở ở cửa sổ khác; hãy thiết lập đơn vị ở cửa sổ đó.</source>
        <translation>The database has no unit yet and is open in another window; set the unit up in that window.</translation>
    </message>
</context>
<context>
    <name>ctx</name>
    <message>
        <location filename="../../c27desk/gui/appendix_actions.py" line="35" />
        <source>có</source>
        <translation>yes</translation>
    </message>
    <message>
        <location filename="../../c27desk/gui/appendix_actions.py" line="35" />
        <source>không</source>
        <translation>no</translation>
    </message>
    <message>
        <location filename="../../c27desk/gui/appendix_actions.py" line="38" />
        <source>Người ký: %1</source>
        <translation>Signer: %1</translation>
    </message>
    <message>
        <location filename="../../c27desk/gui/appendix_actions.py" line="39" />
        <source>Thời điểm ký: %1</source>
        <translation>Signing time: %1</translation>
    </message>
    <message>
        <location filename="../../c27desk/gui/appendix_actions.py" line="40" />
        <source>Chữ ký nguyên vẹn, hợp lệ: %1</source>
        <translation>Signature intact and valid: %1</translation>
    </message>
    <message>
        <location filename="../../c27desk/gui/appendix_actions.py" line="41" />
        <source>Bao trùm toàn bộ tệp: %1</source>
        <translation>Covers the whole file: %1</translation>
    </message>
    <message>
        <location filename="../../c27desk/gui/appendix_actions.py" line="42" />
        <source>Thuộc tổ chức chứng thực tin cậy: %1</source>
        <translation>Chains to a trusted CA: %1</translation>
    </message>
    <message>
        <location filename="../../c27desk/gui/appendix_actions.py" line="45" />
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