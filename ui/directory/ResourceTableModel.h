#pragma once
// Services as table rows for the directory and the picker: name, kind,
// phone, hours, languages, walk-ins. The screens fill it from
// ResourceStore::search(); it never queries on its own.
#include "store/ResourceStore.h"

#include <QAbstractTableModel>

namespace heart::ui {

class ResourceTableModel : public QAbstractTableModel
{
    Q_OBJECT

public:
    enum Column
    {
        Name,
        Kind,
        Phone,
        Hours,
        Languages,
        WalkIns,
        ColumnCount
    };
    // The record's id, for finding a row again after a reload.
    static constexpr int IdRole = Qt::UserRole + 1;

    explicit ResourceTableModel(QObject* parent = nullptr);

    void setRecords(QList<store::ResourceRecord> records);
    const QList<store::ResourceRecord>& records() const { return m_records; }
    const store::ResourceRecord* record(int row) const;
    int rowOf(const QString& id) const; // -1 when not listed

    int rowCount(const QModelIndex& parent = {}) const override;
    int columnCount(const QModelIndex& parent = {}) const override;
    QVariant data(const QModelIndex& index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

    // Header texts follow the UI language.
    void retranslate();

private:
    QList<store::ResourceRecord> m_records;
};

} // namespace heart::ui
