#pragma once
// The report's stable keys in words (docs/metrics.md): table ids, row and
// column keys (program codes, dispositions, "2026-10", "mon", miss reasons)
// and periods. A key without words is shown as it is, so a new key never
// hides a number.
#include "core/report/Period.h"

#include <QCoreApplication>
#include <QString>

namespace heart::ui {

class ReportText
{
    Q_DECLARE_TR_FUNCTIONS(ReportText)

public:
    static QString tableName(const QString& tableId);
    static QString keyName(const QString& tableId, const QString& key);
    // "October 2026", "Q4 2026", "2026", "Oct 1, 2026 – Oct 15, 2026".
    static QString periodName(const report::Period& period);
    static QString kindName(report::PeriodKind kind);
};

} // namespace heart::ui
