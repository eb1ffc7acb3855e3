#include "report/ReportTableModel.h"

#include "report/ReportText.h"

#include <QFont>
#include <QLocale>

namespace heart::ui {

ReportTableModel::ReportTableModel(QObject* parent) : QAbstractTableModel(parent) {}

void ReportTableModel::setTable(const report::CountTable& table)
{
    beginResetModel();
    m_suppressed = report::suppress(table);
    endResetModel();
}

void ReportTableModel::setTable(const report::SuppressedTable& table)
{
    beginResetModel();
    m_suppressed = table;
    endResetModel();
}

void ReportTableModel::setPublicVersion(bool publicVersion)
{
    if (publicVersion == m_public)
        return;
    m_public = publicVersion;
    if (rowCount() > 0 && columnCount() > 0)
        Q_EMIT dataChanged(index(0, 0), index(rowCount() - 1, columnCount() - 1));
}

bool ReportTableModel::isCountCell(const QModelIndex& index) const
{
    return index.isValid() && std::size_t(index.row()) < m_suppressed.table.rows.size() &&
           std::size_t(index.column()) < m_suppressed.table.columns.size();
}

int ReportTableModel::rowCount(const QModelIndex& parent) const
{
    if (parent.isValid() || m_suppressed.table.rows.empty())
        return 0;
    return int(m_suppressed.table.rows.size()) + 1; // + the column totals
}

int ReportTableModel::columnCount(const QModelIndex& parent) const
{
    if (parent.isValid() || m_suppressed.table.columns.empty())
        return 0;
    return int(m_suppressed.table.columns.size()) + 1; // + the row totals
}

long long ReportTableModel::count(int row, int column) const
{
    const report::CountTable& table = m_suppressed.table;
    const bool totalRow = std::size_t(row) == table.rows.size();
    const bool totalColumn = std::size_t(column) == table.columns.size();
    if (totalRow && totalColumn)
        return table.total();
    if (totalRow)
        return table.columnTotal(std::size_t(column));
    if (totalColumn)
        return table.rowTotal(std::size_t(row));
    return table.cells[std::size_t(row)][std::size_t(column)];
}

QString ReportTableModel::cellText(int row, int column, bool plain) const
{
    const report::CountTable& table = m_suppressed.table;
    const bool totalRow = std::size_t(row) == table.rows.size();
    const bool totalColumn = std::size_t(column) == table.columns.size();
    if (m_public) {
        std::string text;
        if (totalRow && totalColumn)
            text = m_suppressed.grandTotalText();
        else if (totalRow)
            text = m_suppressed.columnTotalText(std::size_t(column));
        else if (totalColumn)
            text = m_suppressed.rowTotalText(std::size_t(row));
        else
            text = m_suppressed.cellText(std::size_t(row), std::size_t(column));
        return QString::fromStdString(text);
    }
    return plain ? QString::number(count(row, column)) : QLocale().toString(count(row, column));
}

QVariant ReportTableModel::data(const QModelIndex& index, int role) const
{
    if (!index.isValid() || index.row() >= rowCount() || index.column() >= columnCount())
        return {};
    const report::CountTable& table = m_suppressed.table;
    switch (role) {
    case Qt::DisplayRole:
        return cellText(index.row(), index.column());
    case Qt::TextAlignmentRole:
        return QVariant::fromValue(Qt::AlignRight | Qt::AlignVCenter);
    case Qt::FontRole:
        if (!isCountCell(index)) {
            QFont bold;
            bold.setBold(true);
            return bold;
        }
        return {};
    case Qt::ToolTipRole:
        if (isCountCell(index))
            return tr("Enter or double-click: the calls behind this number");
        return {};
    case RowKeyRole:
        return isCountCell(index) ? QString::fromStdString(table.rows[std::size_t(index.row())]) : QString();
    case ColumnKeyRole:
        return isCountCell(index) ? QString::fromStdString(table.columns[std::size_t(index.column())])
                                  : QString();
    case CountRole:
        return count(index.row(), index.column());
    default:
        return {};
    }
}

QVariant ReportTableModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (role != Qt::DisplayRole)
        return QAbstractTableModel::headerData(section, orientation, role);
    const report::CountTable& table = m_suppressed.table;
    const QString id = QString::fromStdString(table.id);
    if (orientation == Qt::Horizontal) {
        if (section < 0 || section >= columnCount())
            return {};
        if (std::size_t(section) == table.columns.size())
            return tr("Total");
        return ReportText::keyName(id, QString::fromStdString(table.columns[std::size_t(section)]));
    }
    if (section < 0 || section >= rowCount())
        return {};
    if (std::size_t(section) == table.rows.size())
        return tr("Total");
    return ReportText::keyName(id, QString::fromStdString(table.rows[std::size_t(section)]));
}

QList<QStringList> ReportTableModel::shownRows() const
{
    QList<QStringList> out;
    QStringList header{ReportText::tableName(QString::fromStdString(m_suppressed.table.id))};
    for (int c = 0; c < columnCount(); ++c)
        header.append(headerData(c, Qt::Horizontal).toString());
    out.append(header);
    for (int r = 0; r < rowCount(); ++r) {
        QStringList line{headerData(r, Qt::Vertical).toString()};
        for (int c = 0; c < columnCount(); ++c)
            line.append(cellText(r, c, true));
        out.append(line);
    }
    return out;
}

} // namespace heart::ui
