#pragma once
// One count table of the report with its row and column totals, as counts or,
// in the public version, as published (report::suppress: "<11", "*"). Each
// interior cell knows its stable keys for the drill-down.
#include "core/report/Suppression.h"

#include <QAbstractTableModel>
#include <QString>

namespace heart::ui {

class ReportTableModel : public QAbstractTableModel
{
    Q_OBJECT

public:
    enum Role
    {
        RowKeyRole = Qt::UserRole + 1, // empty on the totals
        ColumnKeyRole,
        CountRole, // the true count (never shown in the public version)
    };

    explicit ReportTableModel(QObject* parent = nullptr);

    void setTable(const report::CountTable& table); // suppressed on its own
    // A table as the public report has it (report::suppressReport: every
    // table together, so a shared total is withheld alike everywhere).
    void setTable(const report::SuppressedTable& table);
    void setPublicVersion(bool publicVersion);
    bool isPublicVersion() const { return m_public; }
    const report::CountTable& table() const { return m_suppressed.table; }
    // An interior cell (not a total): one the drill-down can open.
    bool isCountCell(const QModelIndex& index) const;
    // The table as shown, header row first: the texts of the view, for CSV.
    QList<QStringList> shownRows() const;

    int rowCount(const QModelIndex& parent = {}) const override;
    int columnCount(const QModelIndex& parent = {}) const override;
    QVariant data(const QModelIndex& index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

private:
    // plain: digits only (CSV), else the locale's grouping.
    QString cellText(int row, int column, bool plain = false) const;
    long long count(int row, int column) const;

    report::SuppressedTable m_suppressed;
    bool m_public = false;
};

} // namespace heart::ui
