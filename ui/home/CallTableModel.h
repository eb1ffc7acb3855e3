#pragma once
// Calls as rows for the home screens: age, call type, beat, risk and status,
// colored by risk and by age.
#include "core/Clock.h"
#include "store/CallStore.h"

#include <QAbstractTableModel>

namespace heart::ui {

class CallTableModel : public QAbstractTableModel
{
    Q_OBJECT

public:
    enum Column
    {
        Received,
        Age,
        CadNumber,
        CallType,
        Location,
        Beat,
        Program,
        Risk,
        Status,
        Disposition,
        ColumnCount
    };

    explicit CallTableModel(const Clock& clock, QObject* parent = nullptr);

    void setCalls(QList<store::CallSummary> calls);
    const store::CallSummary& call(int row) const { return m_calls.at(row); }

    int rowCount(const QModelIndex& parent = {}) const override;
    int columnCount(const QModelIndex& parent = {}) const override;
    QVariant data(const QModelIndex& index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

    static QString ageText(qint64 minutes);

private:
    const Clock& m_clock;
    QList<store::CallSummary> m_calls;
};

} // namespace heart::ui
