// The follow-up queue model over 3,000 seeded tasks (SQLite): checked by
// QAbstractItemModelTester (failures are test failures) while it fetches,
// sorts and filters; rows arrive a page at a time as the view scrolls; the
// default order is core's priority (risk, then due: within a risk level the
// overdue first); a filter shows only what it names; refresh() keeps the
// selected task selected; due times in Durham's time zone across DST; the
// call queue's colors; texts follow the installed translation.
#include "common/FollowUpSeed.h"
#include "common/StrictTestMain.h"
#include "common/TestDatabase.h"
#include "followup/FollowUpQueueModel.h"
#include "store/StoreTime.h"

#include <QAbstractItemModelTester>
#include <QBrush>
#include <QHeaderView>
#include <QScrollBar>
#include <QSignalSpy>
#include <QTableView>
#include <QTest>
#include <QTimeZone>
#include <QTranslator>

using namespace heart;
using namespace std::chrono_literals;
using followup::TaskState;
using ui::FollowUpQueueModel;

namespace {

constexpr int kTasks = 3000;

// Spanish for two of the model's texts, without a .qm file.
class TwoWordTranslator : public QTranslator
{
public:
    QString translate(const char* context, const char* sourceText, const char* disambiguation,
                      int n) const override
    {
        Q_UNUSED(disambiguation);
        Q_UNUSED(n);
        if (QLatin1String(context) != QLatin1String("heart::ui::FollowUpQueueModel"))
            return {};
        if (QLatin1String(sourceText) == QLatin1String("Overdue"))
            return QStringLiteral("Vencida");
        if (QLatin1String(sourceText) == QLatin1String("State"))
            return QStringLiteral("Estado");
        return {};
    }
    bool isEmpty() const override { return false; }
};

followup::PriorityKey priority(const store::FollowUpQueueRow& task)
{
    auto risk = routing::riskFromCode(task.risk.toStdString());
    return {risk.value_or(routing::RiskLevel::NotAssessed), store::toTimePoint(task.dueAt)};
}

int stateOrder(TaskState state)
{
    return state == TaskState::Overdue ? 0 : state == TaskState::DueSoon ? 1 : 2;
}

} // namespace

class TestFollowUpModel : public QObject
{
    Q_OBJECT

private:
    std::unique_ptr<test::TestDatabase> m_fixture;
    std::optional<store::Actor> m_navigator;
    test::FollowUpSeedSummary m_seeded;

    std::unique_ptr<FollowUpQueueModel> makeModel()
    {
        return std::make_unique<FollowUpQueueModel>(
            ui::Services{m_fixture->db(), m_fixture->clock(), *m_navigator});
    }

    static void fetchAll(FollowUpQueueModel& model)
    {
        while (model.canFetchMore({}))
            model.fetchMore({});
    }

private Q_SLOTS:
    void initTestCase()
    {
        QLocale::setDefault(QLocale(QLocale::English, QLocale::UnitedStates));
        HEARTDESK_FRESH_DATABASE(m_fixture);
        m_navigator = m_fixture->actorFor(Role::CareNavigator);
        test::FollowUpSeedOptions options;
        options.tasks = kTasks;
        options.now = m_fixture->clock().now();
        options.assignees = {m_navigator->userId()};
        m_seeded = test::seedFollowUpTasks(m_fixture->db(), options);
        QVERIFY2(m_seeded.error.isEmpty(), qPrintable(m_seeded.error));
        QVERIFY(m_seeded.open > 3 * FollowUpQueueModel::kDefaultPageSize);
        QVERIFY(m_seeded.overdue > 0 && m_seeded.dueSoon > 0);
    }
    void cleanupTestCase()
    {
        m_navigator.reset();
        m_fixture.reset();
    }

    void rowsArriveAPageAtATimeAsTheViewScrolls()
    {
        auto model = makeModel();
        QCOMPARE(model->rowCount(), 0); // nothing read before the first filter
        QVERIFY(!model->canFetchMore({}));
        model->setFilter({});
        QCOMPARE(model->totalCount(), m_seeded.open);
        QCOMPARE(model->rowCount(), FollowUpQueueModel::kDefaultPageSize);
        QVERIFY(model->canFetchMore({}));

        QTableView view;
        view.setModel(model.get());
        view.resize(900, 400);
        view.show();
        QVERIFY(QTest::qWaitForWindowExposed(&view));
        QCOMPARE(model->rowCount(), FollowUpQueueModel::kDefaultPageSize); // a screenful needs no more
        view.scrollToBottom(); // the view asks for the next page at the end
        QTRY_COMPARE(model->rowCount(), 2 * FollowUpQueueModel::kDefaultPageSize);
        // Dragged to the end again once the new rows are laid out: one more page.
        QTRY_VERIFY((view.verticalScrollBar()->setValue(view.verticalScrollBar()->maximum()),
                     model->rowCount() == 3 * FollowUpQueueModel::kDefaultPageSize));

        fetchAll(*model);
        QCOMPARE(model->rowCount(), m_seeded.open);
        QVERIFY(!model->canFetchMore({}));
        QSet<QString> ids;
        for (int row = 0; row < model->rowCount(); ++row)
            ids.insert(model->taskId(row));
        QCOMPARE(int(ids.size()), m_seeded.open); // no task twice across pages
    }

    void aTaskMovingUpUnderThePagesIsNotShownTwice()
    {
        auto model = makeModel();
        model->setFilter({});
        QCOMPARE(model->rowCount(), FollowUpQueueModel::kDefaultPageSize);
        auto whole = makeModel();
        whole->setFilter({});
        fetchAll(*whole);
        const QString mover = whole->taskId(250);
        const QString lastShown = model->taskId(FollowUpQueueModel::kDefaultPageSize - 1);
        const QString due = store::toStoredTime(whole->task(250).dueAt);
        const int rank = whole->task(250).riskRank;
        // Someone raises its risk: it is now first in the queue, and every
        // row after it moves down one, so the next page starts with a task shown already.
        QVERIFY(m_fixture
                    ->sql(QStringLiteral("UPDATE followup_tasks SET risk_rank = 3, due_at = "
                                         "'2026-01-01T00:00:00.000Z' WHERE id = ?"),
                          {mover})
                    .ok);
        model->fetchMore({});
        QCOMPARE(model->rowCount(), 2 * FollowUpQueueModel::kDefaultPageSize - 1);
        QCOMPARE(model->rowOfTask(lastShown), FollowUpQueueModel::kDefaultPageSize - 1);
        QCOMPARE(model->rowOfTask(mover), -1);
        model->refresh();
        QCOMPARE(model->taskId(0), mover);
        QVERIFY(m_fixture
                    ->sql(QStringLiteral("UPDATE followup_tasks SET risk_rank = ?, due_at = ? WHERE id = ?"),
                          {rank, due, mover})
                    .ok);
    }

    void holdsUpUnderTheModelTester()
    {
        auto model = makeModel();
        model->setPageSize(250);
        QAbstractItemModelTester tester(model.get(), QAbstractItemModelTester::FailureReportingMode::QtTest);
        model->setFilter({});
        QVERIFY(model->rowCount() > 0);
        for (int i = 0; i < 3; ++i)
            model->fetchMore({});
        for (int column = 0; column < FollowUpQueueModel::ColumnCount; ++column) {
            model->sort(column, Qt::AscendingOrder);
            model->sort(column, Qt::DescendingOrder);
        }
        store::FollowUpQueueFilter f;
        f.overdueOnly = true;
        model->setFilter(f);
        f = {};
        f.assignedTo = m_navigator->userId();
        model->setFilter(f);
        f = {};
        f.includeClosed = true;
        model->setFilter(f);
        model->fetchMore({});
        model->sort(FollowUpQueueModel::Person, Qt::AscendingOrder);
        m_fixture->clock().advance(6h);
        model->refresh();
        m_fixture->clock().set(test::TestDatabase::startTime());
        f = {};
        f.personName = QStringLiteral("no such name anywhere");
        model->setFilter(f);
        QCOMPARE(model->rowCount(), 0);
        model->refresh();
        QCOMPARE(model->rowCount(), 0);
    }

    void theQueueShowsRiskThenDueOverdueFirst()
    {
        auto model = makeModel();
        model->setFilter({});
        fetchAll(*model);
        QCOMPARE(model->sortColumn(), int(FollowUpQueueModel::Risk));
        QCOMPARE(model->sortOrder(), Qt::DescendingOrder);
        // The most urgent task: the highest risk, overdue.
        QCOMPARE(model->task(0).riskRank, 3);
        QCOMPARE(model->index(0, 0).data(FollowUpQueueModel::StateCodeRole).toString(),
                 QStringLiteral("overdue"));
        for (int row = 1; row < model->rowCount(); ++row) {
            const store::FollowUpQueueRow& a = model->task(row - 1);
            const store::FollowUpQueueRow& b = model->task(row);
            // SQL's order is core's priority order...
            QVERIFY2(!followup::comesBefore(priority(b), priority(a)),
                     qPrintable(QStringLiteral("row %1").arg(row)));
            // ...so within a risk level, overdue before due soon before the rest.
            if (a.riskRank == b.riskRank)
                QVERIFY(stateOrder(model->taskState(row - 1)) <= stateOrder(model->taskState(row)));
        }
    }

    void aFilterShowsOnlyWhatItNames()
    {
        auto model = makeModel();
        QSignalSpy resets(model.get(), &QAbstractItemModel::modelReset);
        store::FollowUpQueueFilter f;
        f.overdueOnly = true;
        model->setFilter(f);
        QCOMPARE(resets.size(), 1);
        QCOMPARE(model->totalCount(), m_seeded.overdue);
        fetchAll(*model);
        QCOMPARE(model->rowCount(), m_seeded.overdue);
        for (int row = 0; row < model->rowCount(); ++row)
            QCOMPARE(model->index(row, FollowUpQueueModel::State).data().toString(),
                     QStringLiteral("Overdue"));

        f = {};
        f.assignedTo = m_navigator->userId();
        model->setFilter(f);
        fetchAll(*model);
        QCOMPARE(model->rowCount(), m_seeded.openByAssignee.value(m_navigator->userId()));
        QVERIFY(model->rowCount() > 0);
        for (int row = 0; row < model->rowCount(); ++row)
            QCOMPARE(model->index(row, FollowUpQueueModel::Assignee).data().toString(),
                     QStringLiteral("Fixture t_care_navigator"));

        f = {};
        f.unassignedOnly = true;
        f.program = QStringLiteral("cor");
        model->setFilter(f);
        fetchAll(*model);
        QVERIFY(model->rowCount() > 0);
        for (int row = 0; row < model->rowCount(); ++row) {
            QCOMPARE(model->index(row, FollowUpQueueModel::Program).data().toString(),
                     QStringLiteral("Co-Response"));
            QCOMPARE(model->index(row, FollowUpQueueModel::Assignee).data().toString(),
                     QStringLiteral("Unassigned"));
        }

        // Due today in Durham: the local day's bounds in UTC.
        const auto [from, to] = FollowUpQueueModel::localDay(model->timeZone(), m_fixture->clock().now());
        QCOMPARE(from, QDateTime(QDate(2026, 3, 2), QTime(5, 0), QTimeZone::utc()));
        QCOMPARE(to, QDateTime(QDate(2026, 3, 3), QTime(5, 0), QTimeZone::utc()));
        f = {};
        f.dueFrom = from;
        f.dueTo = to;
        model->setFilter(f);
        fetchAll(*model);
        QVERIFY(model->rowCount() > 0);
        for (int row = 0; row < model->rowCount(); ++row) {
            QVERIFY(model->task(row).dueAt >= from && model->task(row).dueAt < to);
            QVERIFY(model->index(row, 0).data().toString().startsWith(QStringLiteral("Mar 2, 2026,")));
        }
        QCOMPARE(resets.size(), 4);
    }

    void sortsInSql_data()
    {
        QTest::addColumn<int>("column");
        QTest::addColumn<int>("order");
        for (const int column : {int(FollowUpQueueModel::Due), int(FollowUpQueueModel::Person),
                                 int(FollowUpQueueModel::Program), int(FollowUpQueueModel::Assignee)}) {
            QTest::addRow("column %d ascending", column) << column << int(Qt::AscendingOrder);
            QTest::addRow("column %d descending", column) << column << int(Qt::DescendingOrder);
        }
    }

    void sortsInSql()
    {
        QFETCH(int, column);
        QFETCH(int, order);
        auto model = makeModel();
        model->setFilter({});
        model->sort(column, Qt::SortOrder(order));
        QCOMPARE(model->sortColumn(), column);
        QCOMPARE(int(model->sortOrder()), order);
        fetchAll(*model);
        QCOMPARE(model->rowCount(), m_seeded.open);
        const auto key = [&](int row) -> QString {
            const store::FollowUpQueueRow& t = model->task(row);
            switch (column) {
            case FollowUpQueueModel::Due:
                return store::toStoredTime(t.dueAt);
            case FollowUpQueueModel::Person:
                return t.personName.toLower();
            case FollowUpQueueModel::Program:
                return t.program;
            default:
                return t.assignedToName.toLower();
            }
        };
        for (int row = 1; row < model->rowCount(); ++row) {
            if (order == Qt::AscendingOrder)
                QVERIFY2(key(row - 1) <= key(row),
                         qPrintable(key(row - 1) + QStringLiteral(" > ") + key(row)));
            else
                QVERIFY2(key(row - 1) >= key(row),
                         qPrintable(key(row - 1) + QStringLiteral(" < ") + key(row)));
        }
        // A column SQL cannot sort leaves the order and the indicator alone.
        const QString first = model->taskId(0);
        model->sort(FollowUpQueueModel::Attempts, Qt::AscendingOrder);
        QCOMPARE(model->sortColumn(), column);
        QCOMPARE(model->taskId(0), first);
    }

    void aFirstClickOnRiskShowsHighRiskFirst()
    {
        auto model = makeModel();
        model->setFilter({});
        QTableView view;
        view.setModel(model.get());
        view.horizontalHeader()->setSortIndicator(FollowUpQueueModel::Due, Qt::AscendingOrder);
        view.setSortingEnabled(true);
        view.resize(1200, 400);
        view.show();
        QVERIFY(QTest::qWaitForWindowExposed(&view));
        QCOMPARE(model->queueSort().key, store::FollowUpSortKey::DueAt);
        QHeaderView* header = view.horizontalHeader();
        const QPoint risk(header->sectionViewportPosition(FollowUpQueueModel::Risk) + 5,
                          header->height() / 2);
        QTest::mouseClick(header->viewport(), Qt::LeftButton, {}, risk);
        QCOMPARE(model->sortColumn(), int(FollowUpQueueModel::Risk));
        QCOMPARE(model->sortOrder(), Qt::DescendingOrder);
        QCOMPARE(model->queueSort().key, store::FollowUpSortKey::Priority);
        QCOMPARE(model->queueSort().order, Qt::AscendingOrder); // the queue's own order
        QCOMPARE(model->task(0).riskRank, 3);
    }

    void aRefusedListingIsEmptyAndSaysWhy()
    {
        FollowUpQueueModel model(
            ui::Services{m_fixture->db(), m_fixture->clock(), m_fixture->actorFor(Role::Emt)});
        QSignalSpy failed(&model, &FollowUpQueueModel::loadFailed);
        model.setFilter({});
        QCOMPARE(failed.size(), 1);
        QCOMPARE(model.rowCount(), 0);
        QVERIFY(!model.canFetchMore({}));
        QCOMPARE(model.lastError().code, store::StoreErrorCode::PermissionDenied);
    }

    void refreshKeepsTheSelectedTask()
    {
        auto model = makeModel();
        model->setFilter({});
        QTableView view;
        view.setModel(model.get());
        view.setSelectionBehavior(QAbstractItemView::SelectRows);
        const QString chosen = model->taskId(5);
        const QString above = model->taskId(2);
        view.setCurrentIndex(model->index(5, FollowUpQueueModel::Person));
        view.selectRow(5);

        // A colleague closes a task above it: the chosen one moves up a row and stays selected.
        const auto closed =
            m_fixture->sql(QStringLiteral("UPDATE followup_tasks SET state = 'closed', outcome = "
                                          "'declined', version = version + 1 WHERE id = ?"),
                           {above});
        QVERIFY2(closed.ok, qPrintable(closed.error));
        QSignalSpy resets(model.get(), &QAbstractItemModel::modelReset);
        model->refresh();
        QCOMPARE(resets.size(), 0);
        QCOMPARE(model->rowOfTask(above), -1);
        QCOMPARE(model->rowOfTask(chosen), 4);
        QCOMPARE(view.currentIndex().row(), 4);
        QCOMPARE(view.currentIndex().data(FollowUpQueueModel::TaskIdRole).toString(), chosen);
        QCOMPARE(view.selectionModel()->selectedRows().size(), 1);
        QCOMPARE(view.selectionModel()->selectedRows().first().row(), 4);
        QCOMPARE(model->totalCount(), m_seeded.open - 1);

        // Sorting keeps it too, wherever it lands among the rows read.
        model->sort(FollowUpQueueModel::Due, Qt::AscendingOrder);
        const int row = model->rowOfTask(chosen);
        if (row >= 0) {
            QCOMPARE(view.currentIndex().row(), row);
            QCOMPARE(view.currentIndex().data(FollowUpQueueModel::TaskIdRole).toString(), chosen);
        } else {
            QVERIFY(!view.currentIndex().isValid());
        }

        // Closed too: no longer listed, so nothing is selected.
        QVERIFY(
            m_fixture
                ->sql(QStringLiteral("UPDATE followup_tasks SET state = 'open', outcome = NULL WHERE id = ?"),
                      {above})
                .ok);
        QVERIFY(m_fixture
                    ->sql(QStringLiteral("UPDATE followup_tasks SET state = 'closed' WHERE id = ?"), {chosen})
                    .ok);
        model->sort(FollowUpQueueModel::Risk, Qt::DescendingOrder);
        view.selectRow(model->rowOfTask(above));
        QVERIFY(
            m_fixture->sql(QStringLiteral("UPDATE followup_tasks SET state = 'closed' WHERE id = ?"), {above})
                .ok);
        model->refresh();
        QVERIFY(view.selectionModel()->selectedRows().isEmpty());
        QVERIFY(m_fixture
                    ->sql(QStringLiteral("UPDATE followup_tasks SET state = 'open', outcome = NULL "
                                         "WHERE id IN (?, ?)"),
                          {above, chosen})
                    .ok);
    }

    void showsDueTimesInDurhamAndTheQueueColors()
    {
        auto model = makeModel();
        // 15:00 UTC is 10:00 in Durham in March (EST) and 11:00 in July (EDT).
        QCOMPARE(model->dueText(QDateTime(QDate(2026, 3, 2), QTime(15, 0), QTimeZone::utc())),
                 QStringLiteral("Mar 2, 2026, 10:00 AM"));
        QCOMPARE(model->dueText(QDateTime(QDate(2026, 7, 1), QTime(15, 0), QTimeZone::utc())),
                 QStringLiteral("Jul 1, 2026, 11:00 AM"));
        // The night the clocks go forward: 06:59 UTC is 01:59 EST, 07:00 UTC is 03:00 EDT.
        QCOMPARE(model->dueText(QDateTime(QDate(2026, 3, 8), QTime(6, 59), QTimeZone::utc())),
                 QStringLiteral("Mar 8, 2026, 1:59 AM"));
        QCOMPARE(model->dueText(QDateTime(QDate(2026, 3, 8), QTime(7, 0), QTimeZone::utc())),
                 QStringLiteral("Mar 8, 2026, 3:00 AM"));

        store::FollowUpQueueFilter f;
        f.includeClosed = true;
        model->setFilter(f);
        fetchAll(*model);
        bool sawOverdueHigh = false, sawClosed = false, sawModerate = false;
        for (int row = 0; row < model->rowCount(); ++row) {
            const store::FollowUpQueueRow& t = model->task(row);
            const QModelIndex due = model->index(row, FollowUpQueueModel::Due);
            const QModelIndex attempts = model->index(row, FollowUpQueueModel::Attempts);
            QCOMPARE(attempts.data().toString(), QStringLiteral("%1 of 3").arg(t.attempts));
            static const QHash<QString, QString> contacts = {
                {QStringLiteral("phone"), QStringLiteral("Phone")},
                {QStringLiteral("text"), QStringLiteral("Text message")},
                {QStringLiteral("in_person"), QStringLiteral("In person")},
                {QStringLiteral("none"), QStringLiteral("No preference")}};
            QCOMPARE(model->index(row, FollowUpQueueModel::Contact).data().toString(),
                     contacts.value(t.preferredContact));
            QCOMPARE(model->index(row, FollowUpQueueModel::Kind).data().toString(),
                     t.kind == QLatin1String("check_in") ? QStringLiteral("Check-in")
                                                         : QStringLiteral("Follow-up"));
            static const QHash<QString, QString> risks = {
                {QStringLiteral("high"), QStringLiteral("High")},
                {QStringLiteral("moderate"), QStringLiteral("Moderate")},
                {QStringLiteral("low"), QStringLiteral("Low")},
                {QStringLiteral("none"), QStringLiteral("None")},
                {QString(), QStringLiteral("Not assessed")}};
            QCOMPARE(model->index(row, FollowUpQueueModel::Risk).data().toString(), risks.value(t.risk));
            if (t.personName.isEmpty())
                QCOMPARE(model->index(row, FollowUpQueueModel::Person).data().toString(),
                         QStringLiteral("No name given"));
            QCOMPARE(due.data(FollowUpQueueModel::TaskIdRole).toString(), t.taskId);
            const TaskState state = model->taskState(row);
            if (state == TaskState::Overdue && t.riskRank == 3) {
                sawOverdueHigh = true;
                QCOMPARE(due.data(Qt::ForegroundRole).value<QBrush>().color(), QColor(0xb0, 0x00, 0x20));
                QCOMPARE(due.data(Qt::BackgroundRole).value<QBrush>().color(), QColor(0xf8, 0xd7, 0xda));
                QVERIFY(model->index(row, FollowUpQueueModel::Risk).data(Qt::FontRole).value<QFont>().bold());
            } else if (state == TaskState::Closed) {
                sawClosed = true;
                QVERIFY(!due.data(Qt::BackgroundRole).isValid());
                QCOMPARE(due.data(Qt::ForegroundRole).value<QBrush>().color(), QColor(0x6b, 0x72, 0x80));
                QVERIFY(model->index(row, FollowUpQueueModel::State)
                            .data()
                            .toString()
                            .startsWith(QStringLiteral("Closed: ")));
            } else if (t.riskRank == 2) {
                sawModerate = true;
                QCOMPARE(due.data(Qt::BackgroundRole).value<QBrush>().color(), QColor(0xff, 0xec, 0xc7));
            } else if (state == TaskState::Open && t.riskRank < 2) {
                QVERIFY(!due.data(Qt::ForegroundRole).isValid());
                QVERIFY(!due.data(Qt::BackgroundRole).isValid());
            }
        }
        QVERIFY(sawOverdueHigh && sawClosed && sawModerate);
    }

    void retranslatesOnLanguageChange()
    {
        auto model = makeModel();
        store::FollowUpQueueFilter f;
        f.overdueOnly = true;
        model->setFilter(f);
        QSignalSpy headers(model.get(), &QAbstractItemModel::headerDataChanged);
        QSignalSpy cells(model.get(), &QAbstractItemModel::dataChanged);
        const QModelIndex state = model->index(0, FollowUpQueueModel::State);
        QCOMPARE(state.data().toString(), QStringLiteral("Overdue"));
        TwoWordTranslator spanish;
        QVERIFY(QCoreApplication::installTranslator(&spanish));
        QCOMPARE(headers.size(), 1);
        QCOMPARE(cells.size(), 1);
        QCOMPARE(model->headerData(FollowUpQueueModel::State, Qt::Horizontal).toString(),
                 QStringLiteral("Estado"));
        QCOMPARE(state.data().toString(), QStringLiteral("Vencida"));
        QCoreApplication::removeTranslator(&spanish);
        QCOMPARE(headers.size(), 2);
        QCOMPARE(state.data().toString(), QStringLiteral("Overdue"));
    }
};

HEART_TEST_MAIN(TestFollowUpModel)
#include "tst_followup_model.moc"
