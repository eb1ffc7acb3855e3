#include "directory/ResourceTableModel.h"

#include "directory/DirectoryText.h"

#include <QFont>

namespace heart::ui {

ResourceTableModel::ResourceTableModel(QObject* parent) : QAbstractTableModel(parent) {}

void ResourceTableModel::setRecords(QList<store::ResourceRecord> records)
{
    beginResetModel();
    m_records = std::move(records);
    endResetModel();
}

const store::ResourceRecord* ResourceTableModel::record(int row) const
{
    return row >= 0 && row < m_records.size() ? &m_records.at(row) : nullptr;
}

int ResourceTableModel::rowOf(const QString& id) const
{
    for (int row = 0; row < m_records.size(); ++row) {
        if (m_records.at(row).id == id)
            return row;
    }
    return -1;
}

int ResourceTableModel::rowCount(const QModelIndex& parent) const
{
    return parent.isValid() ? 0 : int(m_records.size());
}

int ResourceTableModel::columnCount(const QModelIndex& parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant ResourceTableModel::data(const QModelIndex& index, int role) const
{
    const store::ResourceRecord* r = index.isValid() ? record(index.row()) : nullptr;
    if (!r)
        return {};
    if (role == IdRole)
        return r->id;
    if (role == Qt::FontRole && !r->active) {
        QFont font;
        font.setItalic(true);
        return font;
    }
    if (role == Qt::ToolTipRole && index.column() == Languages)
        return DirectoryText::languageList(r->languages);
    if (role != Qt::DisplayRole && role != Qt::AccessibleTextRole)
        return {};
    switch (Column(index.column())) {
    case Name:
        return r->active ? r->name : tr("%1 (deactivated)").arg(r->name);
    case Kind:
        return DirectoryText::kindName(r->kind);
    case Phone:
        return DirectoryText::phone(r->phone);
    case Hours:
        return r->hours;
    case Languages:
        return DirectoryText::languageList(r->languages);
    case WalkIns:
        return DirectoryText::yesNo(r->walkIns);
    case ColumnCount:
        break;
    }
    return {};
}

QVariant ResourceTableModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return QAbstractTableModel::headerData(section, orientation, role);
    switch (Column(section)) {
    case Name:
        return tr("Name");
    case Kind:
        return tr("Kind");
    case Phone:
        return tr("Phone");
    case Hours:
        return tr("Hours");
    case Languages:
        return tr("Languages");
    case WalkIns:
        return tr("Walk-ins");
    case ColumnCount:
        break;
    }
    return {};
}

void ResourceTableModel::retranslate()
{
    Q_EMIT headerDataChanged(Qt::Horizontal, 0, ColumnCount - 1);
    if (!m_records.isEmpty())
        Q_EMIT dataChanged(index(0, 0), index(rowCount() - 1, ColumnCount - 1));
}

} // namespace heart::ui
