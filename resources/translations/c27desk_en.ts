<?xml version='1.0' encoding='utf-8'?>
<TS version="2.1" language="en_US">
<context>
    <name>EntryDelegate</name>
    <message>
        <location filename="../../c27desk/gui/delegates.py" line="30" />
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
        <location filename="../../c27desk/gui/entry_model.py" line="244" />
        <source>Xác nhận %s</source>
        <translation>Confirm %s</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <location filename="../../c27desk/gui/main_window.py" line="203" />
        <source>c27desk – Báo cáo Chương trình 27</source>
        <translation>c27desk – Program 27 report</translation>
    </message>
    <message>
        <location filename="../../c27desk/gui/main_window.py" line="204" />
        <source>Năm báo cáo: </source>
        <translation>Reporting year: </translation>
    </message>
    <message>
        <location filename="../../c27desk/gui/main_window.py" line="205" />
        <source>Lọc theo nội dung (Ctrl+F)</source>
        <translation>Filter by text (Ctrl+F)</translation>
    </message>
    <message>
        <location filename="../../c27desk/gui/main_window.py" line="209" />
        <source>Tất cả</source>
        <translation>All</translation>
    </message>
    <message>
        <location filename="../../c27desk/gui/main_window.py" line="209" />
        <source>Chưa trả lời</source>
        <translation>Unanswered</translation>
    </message>
    <message>
        <location filename="../../c27desk/gui/main_window.py" line="209" />
        <source>Có vấn đề</source>
        <translation>Has problems</translation>
    </message>
    <message>
        <location filename="../../c27desk/gui/main_window.py" line="210" />
        <source>Chưa xác nhận</source>
        <translation>Unconfirmed</translation>
    </message>
    <message>
        <location filename="../../c27desk/gui/main_window.py" line="213" />
        <source>Lỗi và cảnh báo</source>
        <translation>Errors and warnings</translation>
    </message>
    <message>
        <location filename="../../c27desk/gui/main_window.py" line="214" />
        <source>&amp;Tệp</source>
        <translation>&amp;File</translation>
    </message>
    <message>
        <location filename="../../c27desk/gui/main_window.py" line="215" />
        <source>&amp;Sửa</source>
        <translation>&amp;Edit</translation>
    </message>
    <message>
        <location filename="../../c27desk/gui/main_window.py" line="216" />
        <source>&amp;Báo cáo</source>
        <translation>&amp;Report</translation>
    </message>
    <message>
        <location filename="../../c27desk/gui/main_window.py" line="217" />
        <source>&amp;Cài đặt</source>
        <translation>&amp;Settings</translation>
    </message>
    <message>
        <location filename="../../c27desk/gui/main_window.py" line="218" />
        <source>T&amp;rợ giúp</source>
        <translation>&amp;Help</translation>
    </message>
    <message>
        <location filename="../../c27desk/gui/main_window.py" line="220" />
        <source>Tìm / lọc</source>
        <translation>Find / filter</translation>
    </message>
    <message>
        <location filename="../../c27desk/gui/main_window.py" line="220" />
        <source>Xác nhận giá trị chuyển sang</source>
        <translation>Confirm carried value</translation>
    </message>
    <message>
        <location filename="../../c27desk/gui/main_window.py" line="221" />
        <source>Xác nhận tất cả giá trị chuyển sang</source>
        <translation>Confirm all carried values</translation>
    </message>
    <message>
        <location filename="../../c27desk/gui/main_window.py" line="221" />
        <source>Thêm năm báo cáo…</source>
        <translation>Add reporting year…</translation>
    </message>
    <message>
        <location filename="../../c27desk/gui/main_window.py" line="222" />
        <source>Chuyển số liệu năm trước sang</source>
        <translation>Carry forward last year's values</translation>
    </message>
    <message>
        <location filename="../../c27desk/gui/main_window.py" line="222" />
        <source>Chốt báo cáo…</source>
        <translation>Finalise report…</translation>
    </message>
    <message>
        <location filename="../../c27desk/gui/main_window.py" line="223" />
        <source>Mở lại báo cáo</source>
        <translation>Reopen report</translation>
    </message>
    <message>
        <location filename="../../c27desk/gui/main_window.py" line="223" />
        <location filename="../../c27desk/gui/main_window.py" line="559" />
        <source>Lịch sử các bản</source>
        <translation>Revision history</translation>
    </message>
    <message>
        <location filename="../../c27desk/gui/main_window.py" line="224" />
        <source>Sao lưu ngay</source>
        <translation>Back up now</translation>
    </message>
    <message>
        <location filename="../../c27desk/gui/main_window.py" line="224" />
        <source>Thoát</source>
        <translation>Quit</translation>
    </message>
    <message>
        <location filename="../../c27desk/gui/main_window.py" line="225" />
        <location filename="../../c27desk/gui/main_window.py" line="576" />
        <source>Giới thiệu</source>
        <translation>About</translation>
    </message>
    <message>
        <location filename="../../c27desk/gui/main_window.py" line="229" />
        <source>Hoàn tác</source>
        <translation>Undo</translation>
    </message>
    <message>
        <location filename="../../c27desk/gui/main_window.py" line="230" />
        <source>Làm lại</source>
        <translation>Redo</translation>
    </message>
    <message>
        <location filename="../../c27desk/gui/main_window.py" line="243" />
        <source>Không tìm thấy bản dịch.</source>
        <translation>The translation was not found.</translation>
    </message>
    <message>
        <location filename="../../c27desk/gui/main_window.py" line="277" />
        <source>Mọi thay đổi được lưu ngay khi nhập.</source>
        <translation>Every change is saved as soon as it is entered.</translation>
    </message>
    <message>
        <location filename="../../c27desk/gui/main_window.py" line="284" />
        <location filename="../../c27desk/gui/main_window.py" line="309" />
        <source>Tất cả các phần</source>
        <translation>All sections</translation>
    </message>
    <message>
        <location filename="../../c27desk/gui/main_window.py" line="317" />
        <source>Lỗi</source>
        <translation>Error</translation>
    </message>
    <message>
        <location filename="../../c27desk/gui/main_window.py" line="317" />
        <source>Cảnh báo</source>
        <translation>Warning</translation>
    </message>
    <message>
        <location filename="../../c27desk/gui/main_window.py" line="323" />
        <source>Chưa xác nhận: %s (chuyển từ năm trước)</source>
        <translation>Unconfirmed: %s (carried from last year)</translation>
    </message>
    <message>
        <location filename="../../c27desk/gui/main_window.py" line="327" />
        <source>Đã trả lời %1/%2 (%3%) · %4 lỗi · %5 cảnh báo</source>
        <translation>Answered %1/%2 (%3%) · %4 errors · %5 warnings</translation>
    </message>
    <message>
        <location filename="../../c27desk/gui/main_window.py" line="337" />
        <source>DỮ LIỆU MẪU – Tỉnh ủy Đồng Nai năm 2023, để dùng thử.</source>
        <translation>DEMO DATA – Tỉnh ủy Đồng Nai, 2023, for trying the program.</translation>
    </message>
    <message>
        <location filename="../../c27desk/gui/main_window.py" line="339" />
        <source>Chỉ xem: cơ sở dữ liệu đang được mở ở cửa sổ khác.</source>
        <translation>Read-only: the database is open in another window.</translation>
    </message>
    <message>
        <location filename="../../c27desk/gui/main_window.py" line="341" />
        <source>Báo cáo đã chốt (bản %1) – chỉ xem. Dùng “Mở lại báo cáo” để sửa thành bản %2.</source>
        <translation>Report finalised (revision %1) – read-only. Use “Reopen report” to edit it as revision %2.</translation>
    </message>
    <message>
        <location filename="../../c27desk/gui/main_window.py" line="382" />
        <source>Gợi ý diễn giải</source>
        <translation>Suggested explanation</translation>
    </message>
    <message>
        <location filename="../../c27desk/gui/main_window.py" line="382" />
        <source>Các mã thực hiện</source>
        <translation>Codes</translation>
    </message>
    <message>
        <location filename="../../c27desk/gui/main_window.py" line="382" />
        <source>đơn vị</source>
        <translation>unit</translation>
    </message>
    <message>
        <location filename="../../c27desk/gui/main_window.py" line="383" />
        <source>Dấu thập phân là dấu phẩy (195,2); không dùng dấu phân cách hàng nghìn.</source>
        <translation>The decimal mark is a comma (195,2); no thousands separators.</translation>
    </message>
    <message>
        <location filename="../../c27desk/gui/main_window.py" line="400" />
        <source>không có</source>
        <translation>none</translation>
    </message>
    <message>
        <location filename="../../c27desk/gui/main_window.py" line="401" />
        <source>Năm trước</source>
        <translation>Last year</translation>
    </message>
    <message>
        <location filename="../../c27desk/gui/main_window.py" line="408" />
        <source>Lịch sử thay đổi</source>
        <translation>Change history</translation>
    </message>
    <message>
        <location filename="../../c27desk/gui/main_window.py" line="414" />
        <source>sửa</source>
        <translation>edit</translation>
    </message>
    <message>
        <location filename="../../c27desk/gui/main_window.py" line="414" />
        <source>hoàn tác</source>
        <translation>undo</translation>
    </message>
    <message>
        <location filename="../../c27desk/gui/main_window.py" line="414" />
        <source>làm lại</source>
        <translation>redo</translation>
    </message>
    <message>
        <location filename="../../c27desk/gui/main_window.py" line="415" />
        <source>nạp tệp</source>
        <translation>loaded from file</translation>
    </message>
    <message>
        <location filename="../../c27desk/gui/main_window.py" line="415" />
        <source>chuyển từ năm trước</source>
        <translation>carried from last year</translation>
    </message>
    <message>
        <location filename="../../c27desk/gui/main_window.py" line="415" />
        <source>xác nhận</source>
        <translation>confirmed</translation>
    </message>
    <message>
        <location filename="../../c27desk/gui/main_window.py" line="416" />
        <source>nhận từ đơn vị</source>
        <translation>received from unit</translation>
    </message>
    <message>
        <location filename="../../c27desk/gui/main_window.py" line="416" />
        <source>nhận số liệu tổng hợp</source>
        <translation>accepted from consolidation</translation>
    </message>
    <message>
        <location filename="../../c27desk/gui/main_window.py" line="422" />
        <source>Đã lưu %1 lúc %2</source>
        <translation>Saved %1 at %2</translation>
    </message>
    <message>
        <location filename="../../c27desk/gui/main_window.py" line="427" />
        <source>Không lưu: %1</source>
        <translation>Not saved: %1</translation>
    </message>
    <message>
        <location filename="../../c27desk/gui/main_window.py" line="442" />
        <source>Xác nhận tất cả</source>
        <translation>Confirm all</translation>
    </message>
    <message>
        <location filename="../../c27desk/gui/main_window.py" line="480" />
        <source>Thêm năm báo cáo</source>
        <translation>Add reporting year</translation>
    </message>
    <message>
        <location filename="../../c27desk/gui/main_window.py" line="480" />
        <source>Năm:</source>
        <translation>Year:</translation>
    </message>
    <message>
        <location filename="../../c27desk/gui/main_window.py" line="490" />
        <source>Chuyển số liệu</source>
        <translation>Carry forward</translation>
    </message>
    <message>
        <location filename="../../c27desk/gui/main_window.py" line="491" />
        <source>Bắt đầu năm %1 từ số liệu năm trước? Mỗi giá trị sẽ được đánh dấu “chưa xác nhận” cho đến khi anh/chị xác nhận hoặc sửa.</source>
        <translation>Start %1 from last year's values? Each value stays marked “unconfirmed” until you confirm or change it.</translation>
    </message>
    <message>
        <location filename="../../c27desk/gui/main_window.py" line="505" />
        <source>Đã chuyển %1 giá trị từ năm trước; hãy xác nhận từng giá trị.</source>
        <translation>Carried %1 values from last year; please confirm each one.</translation>
    </message>
    <message>
        <location filename="../../c27desk/gui/main_window.py" line="508" />
        <source>Đang chuyển số liệu năm trước…</source>
        <translation>Carrying forward last year's values…</translation>
    </message>
    <message>
        <location filename="../../c27desk/gui/main_window.py" line="519" />
        <source>Chưa chốt được</source>
        <translation>Cannot finalise yet</translation>
    </message>
    <message>
        <location filename="../../c27desk/gui/main_window.py" line="524" />
        <source>Xác nhận cảnh báo</source>
        <translation>Acknowledge warnings</translation>
    </message>
    <message>
        <location filename="../../c27desk/gui/main_window.py" line="525" />
        <source>Báo cáo còn các cảnh báo sau. Vẫn chốt báo cáo?</source>
        <translation>The report still has these warnings. Finalise anyway?</translation>
    </message>
    <message>
        <location filename="../../c27desk/gui/main_window.py" line="533" />
        <source>Đã chốt báo cáo năm %1, bản %2.</source>
        <translation>Report for %1 finalised as revision %2.</translation>
    </message>
    <message>
        <location filename="../../c27desk/gui/main_window.py" line="536" />
        <source>Chốt báo cáo</source>
        <translation>Finalise report</translation>
    </message>
    <message>
        <location filename="../../c27desk/gui/main_window.py" line="537" />
        <source>Chốt báo cáo năm %1? Sau khi chốt, báo cáo chỉ xem được; muốn sửa phải mở lại thành bản mới.</source>
        <translation>Finalise the %1 report? Once finalised it is read-only; to change it, reopen it as a new revision.</translation>
    </message>
    <message>
        <location filename="../../c27desk/gui/main_window.py" line="549" />
        <source>Đang sửa bản %1.</source>
        <translation>Editing revision %1.</translation>
    </message>
    <message>
        <location filename="../../c27desk/gui/main_window.py" line="552" />
        <source>Bản</source>
        <translation>Revision</translation>
    </message>
    <message>
        <location filename="../../c27desk/gui/main_window.py" line="552" />
        <source>đã chốt</source>
        <translation>final</translation>
    </message>
    <message>
        <location filename="../../c27desk/gui/main_window.py" line="552" />
        <source>đang sửa</source>
        <translation>being edited</translation>
    </message>
    <message>
        <location filename="../../c27desk/gui/main_window.py" line="558" />
        <source>Chưa có bản nào.</source>
        <translation>No revision yet.</translation>
    </message>
    <message>
        <location filename="../../c27desk/gui/main_window.py" line="567" />
        <source>Đã sao lưu: %1</source>
        <translation>Backed up: %1</translation>
    </message>
    <message>
        <location filename="../../c27desk/gui/main_window.py" line="568" />
        <source>Đang sao lưu…</source>
        <translation>Backing up…</translation>
    </message>
    <message>
        <location filename="../../c27desk/gui/main_window.py" line="572" />
        <source>Báo cáo Chương trình 27 – ứng dụng CNTT trong hoạt động của các cơ quan đảng.</source>
        <translation>Program 27 reporting – IT application in the work of Party agencies.</translation>
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
    <name>app</name>
    <message>
        <location filename="../../c27desk/gui/app.py" line="46" />
        <source>Mở ở chế độ chỉ xem?</source>
        <translation>Open read-only?</translation>
    </message>
    <message>
        <location filename="../../c27desk/gui/app.py" line="54" />
        <source>Khôi phục từ bản sao lưu này?</source>
        <translation>Restore from this backup?</translation>
    </message>
</context>
</TS>