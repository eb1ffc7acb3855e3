#include "followup/FollowUpQueueModel.h"

#include "followup/FollowUpText.h"
#include "shell/DomainText.h"
#include "shell/ProgramTime.h"
#include "store/CoreText.h"
#include "store/StoreTime.h"

#include <QBrush>
#include <QColor>
#include <QCoreApplication>
#include <QEvent>
#include <QFont>
#include <QLocale>
#include <QTimeZone>
#include <algorithm>

namespace heart::ui {
namespace {

using followup::TaskState;
using store::FollowUpSortKey;

// Marks the model as changing its rows for as long as it lives.
class Changing
{
public:
    explicit Changing(bool& flag) : m_flag(flag), m_was(flag) { m_flag = true; }
    ~Changing() { m_flag = m_was; }
    Changing(const Changing&) = delete;
    Changing& operator=(const Changing&) = delete;

private:
    bool& m_flag;
    bool m_was;
};

// The call queue's colors (home/CallTableModel.cpp): high and moderate risk
// rows, and the red of a call waiting too long for what is overdue here.
const QColor kHighRisk(0xf8, 0xd7, 0xda);
const QColor kModerateRisk(0xff, 0xec, 0xc7);
const QColor kOverdueText(0xb0, 0x00, 0x20);
const QColor kClosedText(0x6b, 0x72, 0x80);

// The follow-up screens' words for the stored codes (FollowUpText); an unknown code as it is.
QString outcomeName(const QString& code)
{
    const auto outcome = followup::outcomeFromCode(code.toStdString());
    return outcome ? FollowUpText::outcomeName(*outcome) : code;
}

QString contactName(const QString& code)
{
    const auto preference = encounter::contactPreferenceFromCode(code.toStdString());
    return preference ? FollowUpText::contactPreferenceName(*preference) : code;
}

} // namespace

FollowUpQueueModel::FollowUpQueueModel(const Services& services, QObject* parent)
    : QAbstractTableModel(parent), m_clock(services.clock), m_actor(services.actor), m_followUps(services),
      m_listedAt(services.clock.now())
{
    // A model gets no changeEvent(): the application's LanguageChange tells it.
    if (QCoreApplication* app = QCoreApplication::instance())
        app->installEventFilter(this);
}

// --- loading -----------------------------------------------------------------

void FollowUpQueueModel::setFilter(const store::FollowUpQueueFilter& filter)
{
    m_filter = filter;
    reload();
}

void FollowUpQueueModel::reload()
{
    const TimePoint listedAt = m_clock.now();
    store::StoreError error;
    QList<store::FollowUpQueueRow> rows;
    int total = 0;
    auto counted = m_followUps.queueCount(m_filter, listedAt);
    if (!counted.ok()) {
        error = counted.error();
    } else if ((total = counted.value()) > 0) {
        auto page = m_followUps.queuePage(m_filter, m_sort, listedAt, 0, m_pageSize);
        if (page.ok())
            rows = page.value();
        else
            error = page.error();
    }
    const int previousTotal = m_total;
    {
        // Everything in place before the views (and testers) look again.
        const Changing changing(m_changing);
        beginResetModel();
        m_loaded = true;
        m_listedAt = listedAt;
        m_rows = std::move(rows);
        m_fetched = int(m_rows.size());
        reindex();
        m_total = error ? 0 : std::max(total, int(m_rows.size()));
        endResetModel();
    }
    if (m_total != previousTotal)
        Q_EMIT totalCountChanged(m_total);
    if (error) {
        fail(error);
        return;
    }
    m_error = {};
    Q_EMIT loaded();
}

void FollowUpQueueModel::refresh()
{
    if (!m_loaded) {
        reload();
        return;
    }
    const TimePoint listedAt = m_clock.now();
    auto counted = m_followUps.queueCount(m_filter, listedAt);
    if (!counted.ok()) {
        fail(counted.error());
        return;
    }
    const int want = std::min(counted.value(), std::clamp(int(m_rows.size()), m_pageSize, kMaxRereadRows));
    QList<store::FollowUpQueueRow> rows;
    if (want > 0) {
        auto page = m_followUps.queuePage(m_filter, m_sort, listedAt, 0, want);
        if (!page.ok()) {
            fail(page.error());
            return;
        }
        rows = page.value();
    }
    m_listedAt = listedAt;
    const int previousTotal = m_total;
    m_total = std::max(counted.value(), int(rows.size()));
    m_fetched = int(rows.size());
    replaceRows(std::move(rows));
    if (m_total != previousTotal)
        Q_EMIT totalCountChanged(m_total);
    m_error = {};
    Q_EMIT loaded();
}

void FollowUpQueueModel::replaceRows(QList<store::FollowUpQueueRow> rows)
{
    const Changing changing(m_changing);
    const int oldCount = int(m_rows.size());
    const int newCount = int(rows.size());
    // Row count changes go through insert/remove; the layout change in
    // between moves each persistent index (the selection) to its task's new
    // row, or lets it go when the task is no longer listed.
    if (newCount > oldCount) {
        beginInsertRows({}, oldCount, newCount - 1);
        m_rows.append(rows.mid(oldCount));
        endInsertRows();
    }
    Q_EMIT layoutAboutToBeChanged();
    QHash<QString, int> newRowOfTask;
    for (int row = 0; row < newCount; ++row)
        newRowOfTask.insert(rows.at(row).taskId, row);
    const QModelIndexList before = persistentIndexList();
    QModelIndexList after;
    after.reserve(before.size());
    for (const QModelIndex& index : before) {
        const int row = newRowOfTask.value(m_rows.at(index.row()).taskId, -1);
        after.append(row < 0 ? QModelIndex() : createIndex(row, index.column()));
    }
    std::copy(rows.cbegin(), rows.cend(), m_rows.begin());
    changePersistentIndexList(before, after);
    Q_EMIT layoutChanged();
    if (newCount < oldCount) {
        beginRemoveRows({}, newCount, oldCount - 1);
        m_rows.resize(newCount);
        endRemoveRows();
    }
    reindex();
}

bool FollowUpQueueModel::canFetchMore(const QModelIndex& parent) const
{
    // Not from inside a change: a view or tester reacting to its signals
    // would fetch into rows that are half replaced.
    return !parent.isValid() && m_loaded && !m_changing && m_fetched < m_total;
}

void FollowUpQueueModel::fetchMore(const QModelIndex& parent)
{
    if (!canFetchMore(parent))
        return;
    auto page = m_followUps.queuePage(m_filter, m_sort, m_listedAt, m_fetched, m_pageSize);
    if (!page.ok()) {
        setTotal(m_fetched); // no endless retries from the view
        fail(page.error());
        return;
    }
    // A task that moved up since the listing was read (the queue changed
    // under the pages) is already shown: not twice.
    QList<store::FollowUpQueueRow> fresh;
    for (const store::FollowUpQueueRow& row : page.value()) {
        if (!m_rowOfTask.contains(row.taskId))
            fresh.append(row);
    }
    const int previousTotal = m_total;
    // A short page: the listing ended sooner than counted.
    if (page.value().size() < m_pageSize)
        m_total = m_fetched + int(page.value().size());
    m_fetched += int(page.value().size()); // the listing's rows read, shown or not
    if (!fresh.isEmpty()) {
        const Changing changing(m_changing);
        const int first = int(m_rows.size());
        beginInsertRows({}, first, first + int(fresh.size()) - 1);
        for (const store::FollowUpQueueRow& row : fresh) {
            m_rowOfTask.insert(row.taskId, int(m_rows.size()));
            m_rows.append(row);
        }
        endInsertRows();
    }
    if (m_total != previousTotal)
        Q_EMIT totalCountChanged(m_total);
}

void FollowUpQueueModel::setTotal(int total)
{
    if (total == m_total)
        return;
    m_total = total;
    Q_EMIT totalCountChanged(total);
}

void FollowUpQueueModel::fail(const store::StoreError& error)
{
    m_error = error;
    Q_EMIT loadFailed(error);
}

void FollowUpQueueModel::reindex()
{
    m_rowOfTask.clear();
    m_rowOfTask.reserve(m_rows.size());
    for (int row = 0; row < m_rows.size(); ++row)
        m_rowOfTask.insert(m_rows.at(row).taskId, row);
}

// --- settings ----------------------------------------------------------------

void FollowUpQueueModel::setPageSize(int rows)
{
    m_pageSize = std::clamp(rows, 1, usecases::FollowUpUseCases::kMaxPageRows);
}

void FollowUpQueueModel::setPolicy(const followup::FollowUpPolicy& policy)
{
    m_policy = policy;
    if (!m_rows.isEmpty())
        Q_EMIT dataChanged(index(0, 0), index(rowCount() - 1, ColumnCount - 1));
}

void FollowUpQueueModel::setTimeZone(const roster::TimeZoneRule& zone)
{
    m_zone = zone;
    if (!m_rows.isEmpty())
        Q_EMIT dataChanged(index(0, Due), index(rowCount() - 1, Due));
}

std::pair<QDateTime, QDateTime> FollowUpQueueModel::localDay(const roster::TimeZoneRule& zone, TimePoint at)
{
    using namespace std::chrono;
    const roster::LocalDateTime local = zone.toLocal(at);
    const year_month_day next{sys_days{local.date} + days{1}};
    return {store::toDateTime(zone.toUtc({local.date, 0})), store::toDateTime(zone.toUtc({next, 0}))};
}

// --- sorting -----------------------------------------------------------------

bool FollowUpQueueModel::isSortable(int column)
{
    return column == Due || column == State || column == Risk || column == Person || column == Program ||
           column == Assignee;
}

void FollowUpQueueModel::sort(int column, Qt::SortOrder order)
{
    if (!isSortable(column))
        return;
    store::FollowUpQueueSort sort{FollowUpSortKey::Priority, order};
    switch (column) {
    // Overdue first (the earliest due) when ascending.
    case Due:
    case State:
        sort.key = FollowUpSortKey::DueAt;
        break;
    // High risk at the top is the queue's own order.
    case Risk:
        sort.order = order == Qt::DescendingOrder ? Qt::AscendingOrder : Qt::DescendingOrder;
        break;
    case Person:
        sort.key = FollowUpSortKey::PersonName;
        break;
    case Program:
        sort.key = FollowUpSortKey::Program;
        break;
    case Assignee:
        sort.key = FollowUpSortKey::Assignee;
        break;
    default:
        return;
    }
    // Due and State both sort by the due time: the indicator stays where clicked.
    m_sortColumn = column;
    m_sortOrder = order;
    if (sort.key == m_sort.key && sort.order == m_sort.order)
        return;
    m_sort = sort;
    if (m_loaded)
        refresh();
}

// --- rows --------------------------------------------------------------------

QString FollowUpQueueModel::taskId(int row) const
{
    return row >= 0 && row < m_rows.size() ? m_rows.at(row).taskId : QString();
}

int FollowUpQueueModel::rowOfTask(const QString& taskId) const
{
    return m_rowOfTask.value(taskId, -1);
}

followup::TaskState FollowUpQueueModel::taskState(int row) const
{
    const store::FollowUpQueueRow& task = m_rows.at(row);
    return m_policy.state(!task.isOpen(), store::toTimePoint(task.dueAt), m_listedAt);
}

bool FollowUpQueueModel::statesDifferAt(TimePoint now) const
{
    return std::any_of(m_rows.cbegin(), m_rows.cend(), [&](const store::FollowUpQueueRow& task) {
        const TimePoint due = store::toTimePoint(task.dueAt);
        return m_policy.state(!task.isOpen(), due, m_listedAt) != m_policy.state(!task.isOpen(), due, now);
    });
}

int FollowUpQueueModel::rowCount(const QModelIndex& parent) const
{
    return parent.isValid() ? 0 : int(m_rows.size());
}

int FollowUpQueueModel::columnCount(const QModelIndex& parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QString FollowUpQueueModel::dueText(const QDateTime& utc) const
{
    return ProgramTime::dateTimeText(utc);
}

QString FollowUpQueueModel::stateText(followup::TaskState state, const QString& outcome)
{
    switch (state) {
    case TaskState::Overdue:
        return tr("Overdue");
    case TaskState::DueSoon:
        return tr("Due soon");
    case TaskState::Open:
        return tr("Open");
    case TaskState::Closed:
        return outcome.isEmpty() ? tr("Closed") : tr("Closed: %1").arg(outcomeName(outcome));
    }
    return {};
}

QString FollowUpQueueModel::kindName(const QString& code)
{
    if (code == QLatin1String("follow_up"))
        return tr("Follow-up");
    if (code == QLatin1String("check_in"))
        return tr("Check-in");
    return code;
}

QVariant FollowUpQueueModel::data(const QModelIndex& index, int role) const
{
    if (!index.isValid() || index.row() >= m_rows.size() || index.column() >= ColumnCount)
        return {};
    const store::FollowUpQueueRow& task = m_rows.at(index.row());
    const TaskState state = taskState(index.row());
    switch (role) {
    case Qt::DisplayRole:
    case Qt::AccessibleTextRole:
        switch (index.column()) {
        case Due:
            return dueText(task.dueAt);
        case State:
            return stateText(state, task.outcome);
        case Risk:
            return DomainText::riskLevelName(task.risk);
        case Person:
            return task.personName.isEmpty() ? tr("No name given") : task.personName;
        case Program:
            return DomainText::programName(task.program);
        case Kind:
            return kindName(task.kind);
        case Assignee:
            return task.assignedToName.isEmpty() ? tr("Unassigned") : task.assignedToName;
        case Attempts:
            return tr("%1 of %2").arg(task.attempts).arg(task.maxAttempts);
        case Contact:
            return contactName(task.preferredContact);
        default:
            return {};
        }
    case Qt::ToolTipRole:
        if (index.column() == Person && !task.cadNumber.isEmpty())
            return tr("%1, call %2").arg(DomainText::callTypeName(task.callType), task.cadNumber);
        if (index.column() == Due)
            return tr("Contact %1, due %2").arg(dueText(task.contactAt), dueText(task.dueAt));
        return {};
    case Qt::ForegroundRole:
        if (state == TaskState::Closed)
            return QBrush(kClosedText);
        if (state == TaskState::Overdue && (index.column() == Due || index.column() == State))
            return QBrush(kOverdueText);
        return {};
    case Qt::BackgroundRole:
        if (state == TaskState::Closed)
            return {};
        if (task.riskRank >= 3)
            return QBrush(kHighRisk);
        if (task.riskRank == 2)
            return QBrush(kModerateRisk);
        return {};
    case Qt::FontRole:
        if ((index.column() == Risk && task.riskRank >= 3 && state != TaskState::Closed) ||
            (index.column() == State && state == TaskState::Overdue)) {
            QFont bold;
            bold.setBold(true);
            return bold;
        }
        return {};
    case TaskIdRole:
        return task.taskId;
    case TaskVersionRole:
        return task.version;
    case StateCodeRole:
        return store::toQString(followup::taskStateCode(state));
    default:
        return {};
    }
}

QVariant FollowUpQueueModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal)
        return QAbstractTableModel::headerData(section, orientation, role);
    // A first click on Risk shows high risk on top, the queue's own order.
    if (role == Qt::InitialSortOrderRole)
        return int(section == Risk ? Qt::DescendingOrder : Qt::AscendingOrder);
    if (role != Qt::DisplayRole)
        return {};
    switch (section) {
    case Due:
        return tr("Due (%1)").arg(ProgramTime::zoneLabel()); // the program's time, e.g. "ET"
    case State:
        return tr("State");
    case Risk:
        return tr("Risk");
    case Person:
        return tr("Person");
    case Program:
        return tr("Program");
    case Kind:
        return tr("Kind");
    case Assignee:
        return tr("Assigned to");
    case Attempts:
        return tr("Attempts");
    case Contact:
        return tr("Contact by");
    default:
        return {};
    }
}

QHash<int, QByteArray> FollowUpQueueModel::roleNames() const
{
    QHash<int, QByteArray> names = QAbstractTableModel::roleNames();
    names.insert(TaskIdRole, "taskId");
    names.insert(TaskVersionRole, "taskVersion");
    names.insert(StateCodeRole, "stateCode");
    return names;
}

// --- language ----------------------------------------------------------------

void FollowUpQueueModel::retranslate()
{
    Q_EMIT headerDataChanged(Qt::Horizontal, 0, ColumnCount - 1);
    if (!m_rows.isEmpty())
        Q_EMIT dataChanged(index(0, 0), index(rowCount() - 1, ColumnCount - 1),
                           {Qt::DisplayRole, Qt::AccessibleTextRole, Qt::ToolTipRole});
}

bool FollowUpQueueModel::eventFilter(QObject* watched, QEvent* event)
{
    if (event->type() == QEvent::LanguageChange && watched == QCoreApplication::instance())
        retranslate();
    return QAbstractTableModel::eventFilter(watched, event);
}

} // namespace heart::ui
