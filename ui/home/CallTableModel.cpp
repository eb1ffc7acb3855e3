#include "home/CallTableModel.h"

#include "shell/DomainText.h"
#include "shell/ProgramTime.h"
#include "store/CoreText.h"
#include "store/StoreTime.h"

#include <QBrush>
#include <QColor>
#include <QFont>

namespace heart::ui {

CallTableModel::CallTableModel(const Clock& clock, QObject* parent)
    : QAbstractTableModel(parent), m_clock(clock)
{}

void CallTableModel::setCalls(QList<store::CallSummary> calls)
{
    beginResetModel();
    m_calls = std::move(calls);
    endResetModel();
}

int CallTableModel::rowCount(const QModelIndex& parent) const
{
    return parent.isValid() ? 0 : static_cast<int>(m_calls.size());
}

int CallTableModel::columnCount(const QModelIndex& parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QString CallTableModel::ageText(qint64 minutes)
{
    if (minutes < 60)
        return tr("%n min", nullptr, static_cast<int>(minutes));
    if (minutes < 48 * 60)
        return tr("%1 h %2 min").arg(minutes / 60).arg(minutes % 60);
    return tr("%n days", nullptr, static_cast<int>(minutes / (24 * 60)));
}

QVariant CallTableModel::data(const QModelIndex& index, int role) const
{
    if (!index.isValid() || index.row() >= m_calls.size())
        return {};
    const store::CallSummary& call = m_calls.at(index.row());
    const qint64 ageMinutes = call.receivedAt.secsTo(store::toDateTime(m_clock.now())) / 60;
    if (role == Qt::DisplayRole || role == Qt::AccessibleTextRole) {
        switch (index.column()) {
        case Received:
            return ProgramTime::dateTimeText(call.receivedAt);
        case Age:
            return ageText(qMax<qint64>(0, ageMinutes));
        case CadNumber:
            return call.cadNumber;
        case CallType:
            return DomainText::callTypeName(call.callType);
        case Location:
            return call.address;
        case Beat:
            return call.beat;
        case Program:
            return DomainText::programName(call.program);
        case Risk:
            return DomainText::riskLevelName(call.riskLevel);
        case Status: {
            const QString status =
                DomainText::callStatusName(store::toQString(intake::callStatusCode(call.status)));
            // A call from the CAD: nobody has taken it yet, or the CAD changed it since.
            if (call.cadState == QLatin1String("new"))
                return tr("New from CAD");
            if (call.cadState == QLatin1String("update"))
                return tr("%1 · CAD update").arg(status);
            return status;
        }
        case Disposition:
            return DomainText::dispositionName(call.disposition);
        default:
            return {};
        }
    }
    if (role == Qt::ToolTipRole && index.column() == Received)
        return ProgramTime::dateTimeZoneText(call.receivedAt); // "Dec 3, 2026, 9:30 AM EST"
    if (role == Qt::BackgroundRole) {
        if (call.riskLevel == QLatin1String("high"))
            return QBrush(QColor(0xf8, 0xd7, 0xda));
        if (call.riskLevel == QLatin1String("moderate"))
            return QBrush(QColor(0xff, 0xec, 0xc7));
        return {};
    }
    if (role == Qt::ForegroundRole && index.column() == Age && !call.isClosed()) {
        // Open calls waiting longer than 30 minutes stand out.
        if (ageMinutes >= 30)
            return QBrush(QColor(0xb0, 0x00, 0x20));
    }
    if (role == Qt::FontRole && index.column() == Status && !call.cadState.isEmpty() &&
        call.cadState != QLatin1String("taken")) {
        QFont bold;
        bold.setBold(true);
        return bold;
    }
    if (role == Qt::FontRole && index.column() == Risk && call.riskLevel == QLatin1String("high")) {
        QFont bold;
        bold.setBold(true);
        return bold;
    }
    return {};
}

QVariant CallTableModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return {};
    switch (section) {
    // The program's time, whatever the workstation's clock is set to: say so.
    case Received:
        return tr("Received (%1)").arg(ProgramTime::zoneLabel());
    case Age:
        return tr("Age");
    case CadNumber:
        return tr("CAD #");
    case CallType:
        return tr("Call type");
    case Location:
        return tr("Location");
    case Beat:
        return tr("Beat");
    case Program:
        return tr("Program");
    case Risk:
        return tr("Risk");
    case Status:
        return tr("Status");
    case Disposition:
        return tr("Disposition");
    default:
        return {};
    }
}

} // namespace heart::ui
