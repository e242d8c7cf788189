"""Charts of the office's desk (Qt Charts): codes A–E across units, a figure per unit, this year against last.

The figures come from ``consolidate.charts`` (the same ones the workbook's chart sheet draws), so
the window and the XLSX never disagree; this module only draws them.
"""

from __future__ import annotations

from PySide6.QtCharts import QBarCategoryAxis, QBarSeries, QBarSet, QChart, QChartView, QValueAxis
from PySide6.QtCore import Qt
from PySide6.QtGui import QColor, QPainter
from PySide6.QtWidgets import QComboBox, QHBoxLayout, QLabel, QVBoxLayout, QWidget

from c27desk.consolidate.charts import MAX_BARS, code_spread, unit_figures
from c27desk.gui.texts import SaysAgain, ShownTexts
from c27desk.i18n import msg

THIS_YEAR = QColor("#1f77b4")
LAST_YEAR = QColor("#bbbbbb")


class DeskCharts(SaysAgain, QWidget):
    """A criterion chooser and its chart; follows the desk's unit filter (the units shown)."""

    def __init__(self, parent=None):
        super().__init__(parent)
        self.texts = ShownTexts()
        self.setObjectName("deskCharts")
        self.data = None
        self.reports: list = []
        self.criterion = QComboBox(self)
        self.criterion.setObjectName("chartCriterion")
        self.criterion.setMinimumContentsLength(40)
        self.note = QLabel(self)
        self.note.setObjectName("chartNote")
        self.note.setWordWrap(True)
        self.chart = QChart()
        self.chart.legend().setAlignment(Qt.AlignmentFlag.AlignBottom)
        self.view = QChartView(self.chart, self)
        self.view.setObjectName("chartView")
        self.view.setRenderHint(QPainter.RenderHint.Antialiasing)
        top = QHBoxLayout()
        label = QLabel(self)
        self.texts.show(label.setText, msg("Tiêu chí:", "Criterion:"))
        top.addWidget(label)
        top.addWidget(self.criterion, 1)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(self.note)
        layout.addWidget(self.view, 1)
        self.criterion.currentIndexChanged.connect(lambda _i: self.redraw())

    def retranslate(self) -> None:
        super().retranslate()
        self.redraw()  # titles, notes and series names are made with the chart

    def set_data(self, data, reports) -> None:
        self.data, self.reports = data, list(reports)
        self.criterion.blockSignals(True)
        self.criterion.clear()
        for crit in data.cons.catalogue.criteria:
            if crit.kind == "status" or crit.is_numeric:
                text = crit.text if len(crit.text) <= 90 else crit.text[:89] + "…"
                self.criterion.addItem(f"{crit.id} – {text}", crit.id)
        self.criterion.blockSignals(False)
        self.redraw()

    def set_reports(self, reports) -> None:
        """The units the desk's filter shows now."""
        self.reports = list(reports)
        self.redraw()

    def choose(self, criterion: str) -> None:
        self.criterion.setCurrentIndex(self.criterion.findData(criterion))

    def redraw(self) -> None:
        if self.data is None or self.criterion.currentIndex() < 0:
            return
        crit = self.data.cons.catalogue.get(self.criterion.currentData())
        old, self.chart = self.chart, QChart()  # a fresh chart: axes of the last one never linger
        self.chart.legend().setAlignment(Qt.AlignmentFlag.AlignBottom)
        self.view.setChart(self.chart)
        old.deleteLater()
        statuses = [r.status for r in self.reports]
        if crit.kind == "status":
            spread = code_spread(crit, statuses)
            bars = QBarSet(str(msg("Số đơn vị", "Units")))
            bars.setColor(THIS_YEAR)
            for _label, count in spread:
                bars.append(count)
            categories = [label for label, _count in spread]
            series = QBarSeries()
            series.append(bars)
            self.texts.show(self.chart.setTitle, msg("{id}: số đơn vị theo mã", "{id}: units per code", id=crit.id))
            self.texts.show(
                self.note.setText,
                msg(
                    "{n} đơn vị đã nộp trong danh sách đang lọc.",
                    "{n} unit in the filtered list has reported.",
                    plural="{n} units in the filtered list have reported.",
                    n=sum(1 for s in statuses if not s.missing),
                ),
            )
        else:
            figures = unit_figures(crit, statuses, self.data.previous)
            series = QBarSeries()
            now_set = QBarSet(str(self.data.cons.year))
            now_set.setColor(THIS_YEAR)
            last_set = QBarSet(str(self.data.previous_year)) if self.data.previous_year else None
            if last_set is not None:
                last_set.setColor(LAST_YEAR)
            for fig in figures.shown:
                now_set.append(float(fig.value))
                if last_set is not None:
                    last_set.append(float(fig.last) if fig.last is not None else 0.0)
            if last_set is not None:
                series.append(last_set)
            series.append(now_set)
            categories = [fig.unit for fig in figures.shown]
            self.chart.setTitle(str(msg("{id} theo đơn vị", "{id} by unit", id=crit.id))
                                + (f" ({crit.unit})" if crit.unit else ""))
            note = str(
                msg(
                    "Tổng {n} đơn vị có số liệu: {total}.",
                    "Total of the {n} unit with a figure: {total}.",
                    plural="Total of the {n} units with a figure: {total}.",
                    n=figures.count,
                    total=figures.total,
                )
            )
            if figures.count > MAX_BARS:
                note += " " + str(msg("Hiện {n} đơn vị có số lớn nhất; lọc theo cấp hoặc tên để xem đơn vị khác.",
                                       "Showing the {n} unit with the largest figure; filter by level or name to see "
                                       "others.", plural="Showing the {n} units with the largest figures; filter by "
                                       "level or name to see others.", n=MAX_BARS))
            if last_set is None:
                note += " " + str(
                    msg("Chưa có số liệu năm trước để so sánh.", "No figures for last year to compare with.")
                )
            self.note.setText(note)
        self.chart.addSeries(series)
        axis_x = QBarCategoryAxis()
        axis_x.append(categories)
        if len(categories) > 12:
            axis_x.setLabelsAngle(-90)
        self.chart.addAxis(axis_x, Qt.AlignmentFlag.AlignBottom)
        series.attachAxis(axis_x)
        axis_y = QValueAxis()
        axis_y.setLabelFormat("%.0f")
        self.chart.addAxis(axis_y, Qt.AlignmentFlag.AlignLeft)
        series.attachAxis(axis_y)
        top = max((s.at(i) for s in series.barSets() for i in range(s.count())), default=0)
        axis_y.setRange(0, max(1.0, top * 1.1))
