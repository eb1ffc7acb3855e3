#pragma once
// The follow-up queue as a table for care navigators and supervisors. Rows
// load on demand: a listing is counted (one audited "search", see
// store/FollowUpQueue.h) and its first page read; the view asks for more
// (canFetchMore/fetchMore) as it scrolls to the end, one page of SQL at a
// time. Filtering and sorting happen in SQL: setFilter() resets the model,
// sort() and refresh() read the listing again and keep the selection (by
// task id, via persistent indexes) when the task is still among the rows.
//
// Overdue and due soon are judged at the instant the listing was read
// (listedAt()), with the follow-up policy's due-soon window, so a row's state
// and the filter that chose it agree; refresh() moves that instant on. Due
// times show in the program's time zone (America/New_York by default).
//
// Columns that cannot be sorted in SQL (kind, attempts, contact) ignore
// sort(): the view keeps its sort indicator on sortColumn()/sortOrder().
// A QHeaderView starts on column 0, descending: set its indicator to
// sortColumn()/sortOrder() before QTableView::setSortingEnabled(true), which
// sorts by the indicator at once.
#include "core/followup/FollowUpPolicy.h"
#include "core/roster/TimeZoneRule.h"
#include "home/Services.h"
#include "store/FollowUpQueue.h"
#include "usecases/FollowUpUseCases.h"

#include <QAbstractTableModel>
#include <QHash>
#include <utility>

namespace heart::ui {

class FollowUpQueueModel : public QAbstractTableModel
{
    Q_OBJECT

public:
    enum Column
    {
        Due,
        State,
        Risk,
        Person,
        Program,
        Kind,
        Assignee,
        Attempts,
        Contact,
        ColumnCount
    };
    enum ItemRole
    {
        TaskIdRole = Qt::UserRole + 1, // QString: the task's id
        TaskVersionRole,               // int: the version the row was read at
        StateCodeRole,                 // QString: "overdue", "due_soon", "open" or "closed"
    };
    static constexpr int kDefaultPageSize = 100;
    // refresh() and sort() read again at most this many rows (the selection
    // further down is let go).
    static constexpr int kMaxRereadRows = 1000;

    explicit FollowUpQueueModel(const Services& services, QObject* parent = nullptr);

    // Reads the first page of this listing (the model is empty until the
    // first setFilter() or refresh()).
    void setFilter(const store::FollowUpQueueFilter& filter);
    const store::FollowUpQueueFilter& filter() const { return m_filter; }
    // Reads the listing again at the clock's now (as many rows as are loaded,
    // at least a page), keeping the selection where the task still is.
    void refresh();
    bool isLoaded() const { return m_loaded; }

    const store::FollowUpQueueSort& queueSort() const { return m_sort; }
    // The column and order of the view's sort indicator for queueSort().
    int sortColumn() const { return m_sortColumn; }
    Qt::SortOrder sortOrder() const { return m_sortOrder; }
    static bool isSortable(int column);

    void setPageSize(int rows); // 1..FollowUpQueue::kMaxPageRows; next fetch on
    int pageSize() const { return m_pageSize; }
    // The due-soon window of the state column (the filter's is set apart).
    void setPolicy(const followup::FollowUpPolicy& policy);
    void setTimeZone(const roster::TimeZoneRule& zone);
    const roster::TimeZoneRule& timeZone() const { return m_zone; }
    // [start, end) in UTC of the local day around `at`: the "due today" bounds.
    static std::pair<QDateTime, QDateTime> localDay(const roster::TimeZoneRule& zone, TimePoint at);

    const store::Actor& actor() const { return m_actor; }
    int totalCount() const { return m_total; } // matching rows, loaded or not (as counted)
    TimePoint listedAt() const { return m_listedAt; }
    // Whether a loaded row's state (overdue, due soon) at `now` differs from
    // the one shown, judged at listedAt(): time to read the listing again.
    bool statesDifferAt(TimePoint now) const;
    // The last failure to read (None after a good read).
    const store::StoreError& lastError() const { return m_error; }

    const store::FollowUpQueueRow& task(int row) const { return m_rows.at(row); }
    QString taskId(int row) const;
    int rowOfTask(const QString& taskId) const; // -1 when not loaded
    followup::TaskState taskState(int row) const;

    QString dueText(const QDateTime& utc) const;
    static QString stateText(followup::TaskState state, const QString& outcome);
    static QString kindName(const QString& code);

    int rowCount(const QModelIndex& parent = {}) const override;
    int columnCount(const QModelIndex& parent = {}) const override;
    QVariant data(const QModelIndex& index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;
    QHash<int, QByteArray> roleNames() const override;
    bool canFetchMore(const QModelIndex& parent) const override;
    void fetchMore(const QModelIndex& parent) override;
    void sort(int column, Qt::SortOrder order = Qt::AscendingOrder) override;

    // Texts again in the language now installed (also on QEvent::LanguageChange).
    void retranslate();

Q_SIGNALS:
    void loaded();                                   // after a reset, sort or refresh
    void loadFailed(const store::StoreError& error); // the rows shown stay as they were
    void totalCountChanged(int total);

protected:
    bool eventFilter(QObject* watched, QEvent* event) override;

private:
    void reload();
    // Shows `rows` as the first rows, moving persistent indexes by task id.
    void replaceRows(QList<store::FollowUpQueueRow> rows);
    void setTotal(int total);
    void fail(const store::StoreError& error);
    void reindex();

    const Clock& m_clock;
    store::Actor m_actor;
    usecases::FollowUpUseCases m_followUps; // the queue's reads
    followup::FollowUpPolicy m_policy;
    roster::TimeZoneRule m_zone = roster::TimeZoneRule::newYork();
    store::FollowUpQueueFilter m_filter;
    store::FollowUpQueueSort m_sort;
    int m_sortColumn = Risk; // high risk on top: the queue's own order
    Qt::SortOrder m_sortOrder = Qt::DescendingOrder;
    int m_pageSize = kDefaultPageSize;
    bool m_loaded = false;
    bool m_changing = false; // rows being replaced: no fetchMore meanwhile
    TimePoint m_listedAt;
    int m_total = 0;   // rows in the listing (count())
    int m_fetched = 0; // rows of the listing read so far: the next page's offset
    store::StoreError m_error;
    QList<store::FollowUpQueueRow> m_rows;
    QHash<QString, int> m_rowOfTask;
};

} // namespace heart::ui
