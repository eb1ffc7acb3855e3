#include "rules/WeekHoursGrid.h"

#include "core/routing/RuleSetImpact.h"

#include <QEvent>
#include <QHeaderView>

namespace heart::ui {

namespace {
constexpr int kOpenRole = Qt::UserRole + 1;
} // namespace

WeekHoursGrid::WeekHoursGrid(QWidget* parent) : QTableWidget(7, 24, parent)
{
    setObjectName(QStringLiteral("weekHoursGrid"));
    setEditTriggers(QAbstractItemView::NoEditTriggers);
    setSelectionMode(QAbstractItemView::SingleSelection);
    horizontalHeader()->setSectionResizeMode(QHeaderView::Stretch);
    horizontalHeader()->setMinimumSectionSize(18);
    verticalHeader()->setSectionResizeMode(QHeaderView::Stretch);
    for (int hour = 0; hour < 24; ++hour)
        setHorizontalHeaderItem(
            hour, new QTableWidgetItem(QStringLiteral("%1").arg(hour, 2, 10, QLatin1Char('0'))));
    for (int day = 0; day < 7; ++day)
        setVerticalHeaderItem(day, new QTableWidgetItem);
    for (int day = 0; day < 7; ++day)
        for (int hour = 0; hour < 24; ++hour)
            setItem(day, hour, new QTableWidgetItem);
    setMinimumHeight(170);
    setMaximumHeight(230);
    retranslate();
    setRules(nullptr);
}

void WeekHoursGrid::setRules(const routing::ProgramRules* rules)
{
    for (int day = 0; day < 7; ++day) {
        for (int hour = 0; hour < 24; ++hour) {
            const double open = rules ? routing::openFraction(*rules, day * 24 + hour) : 0.0;
            QTableWidgetItem* cell = item(day, hour);
            cell->setData(kOpenRole, open);
            // Full hours dark, part hours lighter: readable without colour too (the tooltip).
            cell->setBackground(open >= 1.0  ? QColor(0x2e, 0x7d, 0x32)
                                : open > 0.0 ? QColor(0xa5, 0xd6, 0xa7)
                                             : QColor(0xf5, 0xf5, 0xf5));
            const QString hourText = QStringLiteral("%1:00").arg(hour, 2, 10, QLatin1Char('0'));
            cell->setToolTip(open >= 1.0 ? tr("%1 %2: open").arg(verticalHeaderItem(day)->text(), hourText)
                             : open > 0.0
                                 ? tr("%1 %2: open %3 minutes of the hour")
                                       .arg(verticalHeaderItem(day)->text(), hourText)
                                       .arg(qRound(open * 60))
                                 : tr("%1 %2: closed").arg(verticalHeaderItem(day)->text(), hourText));
            cell->setData(Qt::AccessibleTextRole, cell->toolTip());
        }
    }
}

double WeekHoursGrid::openPart(int weekday, int hour) const
{
    return item(weekday, hour)->data(kOpenRole).toDouble();
}

void WeekHoursGrid::changeEvent(QEvent* event)
{
    if (event->type() == QEvent::LanguageChange)
        retranslate();
    QTableWidget::changeEvent(event);
}

void WeekHoursGrid::retranslate()
{
    const QString days[7] = {tr("Mon"), tr("Tue"), tr("Wed"), tr("Thu"), tr("Fri"), tr("Sat"), tr("Sun")};
    for (int day = 0; day < 7; ++day)
        verticalHeaderItem(day)->setText(days[day]);
    setAccessibleName(tr("Opening hours by weekday and hour"));
}

} // namespace heart::ui
