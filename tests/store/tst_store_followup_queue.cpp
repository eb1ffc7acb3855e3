// The follow-up queue listing at the store, on both engines: twelve tasks
// written with SQL (risks, due times either side of now and of the local
// day's bounds, assignees, programs, kinds, two closed), then every filter
// (mine, unassigned, due today with its bounds, overdue from the due instant
// on, due soon, program, closed, a name), every sort both ways (ties broken by the
// queue's order, then the id), pages that meet without gaps or overlaps, the
// kinds each role may list, refusals (audited), and one audit row per
// listing that names nobody. The name orders read keys folded on the task
// (migration 15), the name search the folded words of the names (migration
// 18: each word typed begins a word of the person's or the assignee's name,
// accents and case aside): renaming a call's caller, a linked person or an
// assignee reorders the queue and changes what the search finds.
#include "common/StrictTestMain.h"
#include "common/TestDatabase.h"
#include "store/FollowUpQueue.h"
#include "store/StoreTime.h"

#include <QTest>
#include <algorithm>

using namespace heart;
using namespace heart::store;
using namespace std::chrono_literals;
using heart::test::RawResult;
using heart::test::TestDatabase;

namespace {

struct SeedTask
{
    const char* key;    // the task is "task-<key>", its call "call-<key>"
    const char* person; // nullptr: no name on the call
    const char* program;
    const char* kind;
    const char* risk;
    int riskRank;
    int dueMinutes;       // from now
    const char* outcome;  // nullptr: open
    const char* assignee; // "me" (the navigator signed in), "bea", "zed", or nullptr
    const char* contact;
    int attempts;
};

// Now is 2026-03-02T15:00Z, 10:00 in Durham (EST): the local day runs from
// -600 to +840 minutes.
const SeedTask kTasks[] = {
    {"A", "Maria Lopez", "crt", "follow_up", "high", 3, -300, nullptr, "me", "phone", 1},
    {"B", "James Carter", "ccd", "check_in", "low", 1, -60, nullptr, nullptr, "text", 0},
    {"C", "Ana Silva", "cor", "follow_up", "high", 3, 120, nullptr, "bea", "phone", 0},
    {"D", "Dee Walker", "crt", "follow_up", "moderate", 2, 1800, nullptr, nullptr, "in_person", 2},
    {"E", "Eli Park", "ccd", "check_in", "none", 0, 180, nullptr, "me", "phone", 0},
    {"F", "Fay Nguyen", "crt", "follow_up", "moderate", 2, 600, "connected", "me", "phone", 0},
    {"G", "Gus Mora", "ccd", "check_in", "high", 3, -1800, "unable_to_reach", "zed", "phone", 3},
    {"H", nullptr, "crt", "follow_up", "low", 1, 1200, nullptr, "zed", "none", 0},
    {"I", "Hal Lopez-Ortiz", "cor", "follow_up", nullptr, 0, 0, nullptr, nullptr, "phone", 0},
    {"J", "Ivy Ross", "crt", "follow_up", "high", 3, 120, nullptr, "bea", "text", 0},
    {"K", "Kim 100%_Lee", "ccd", "check_in", "low", 1, 840, nullptr, nullptr, "phone", 0},
    {"L", "Leo Grant", "crt", "follow_up", "none", 0, -600, nullptr, "me", "phone", 0},
};

QString keys(const QList<FollowUpQueueRow>& rows)
{
    QString text;
    for (const FollowUpQueueRow& row : rows)
        text += row.taskId.mid(5); // "task-A" -> "A"
    return text;
}

} // namespace

class TestStoreFollowUpQueue : public QObject
{
    Q_OBJECT

private:
    std::unique_ptr<TestDatabase> m_fixture;
    std::unique_ptr<FollowUpQueue> m_queue;
    std::optional<Actor> m_navigator;

    TimePoint now() const { return TestDatabase::startTime(); }

    QString seed()
    {
        m_navigator = m_fixture->actorFor(Role::CareNavigator);
        const QString stamp = toStoredTime(now() - 72h);
        for (const auto& [id, name] : {std::pair{"u-bea", "Bea Quinn"}, std::pair{"u-zed", "Zed Young"}}) {
            const RawResult user = m_fixture->sql(
                QStringLiteral(
                    "INSERT INTO users (id, login, display_name, password_hash, created_at, updated_at) "
                    "VALUES (?, ?, ?, 'x', ?, ?)"),
                {QLatin1String(id), QLatin1String(id), QLatin1String(name), stamp, stamp});
            if (!user.ok)
                return user.error;
        }
        for (const SeedTask& t : kTasks) {
            const QString key = QLatin1String(t.key);
            const QString callId = QStringLiteral("call-") + key;
            const QVariant none(QMetaType::fromType<QString>()); // NULL
            const RawResult call = m_fixture->sql(
                QStringLiteral(
                    "INSERT INTO calls (id, cad_number, received_at, call_type, program, status, "
                    "person_name, created_at, updated_at) VALUES (?, ?, ?, 'welfare-check', ?, 'closed', "
                    "?, ?, ?)"),
                QVariantList{callId, QString(QStringLiteral("CAD-26-") + key), stamp,
                             QLatin1String(t.program),
                             t.person ? QVariant(QString::fromUtf8(t.person)) : none, stamp, stamp});
            if (!call.ok)
                return call.error;
            QVariant assignee = none;
            if (t.assignee && QLatin1String(t.assignee) == QLatin1String("me"))
                assignee = m_navigator->userId();
            else if (t.assignee)
                assignee = QString(QStringLiteral("u-") + QLatin1String(t.assignee));
            const TimePoint due = now() + std::chrono::minutes(t.dueMinutes);
            const RawResult task = m_fixture->sql(
                QStringLiteral(
                    "INSERT INTO followup_tasks (id, source_key, kind, program, call_id, risk, risk_rank, "
                    "preferred_contact, contact_at, due_at, assigned_to, state, attempts, max_attempts, "
                    "outcome, created_at, updated_at, version) "
                    "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 3, ?, ?, ?, 2)"),
                QVariantList{QString(QStringLiteral("task-") + key),
                             QString(QStringLiteral("call:") + callId), QLatin1String(t.kind),
                             QLatin1String(t.program), callId,
                             t.risk ? QVariant(QLatin1String(t.risk)) : none, t.riskRank,
                             QLatin1String(t.contact), toStoredTime(due - 48h), toStoredTime(due), assignee,
                             t.outcome ? QStringLiteral("closed") : QStringLiteral("open"), t.attempts,
                             t.outcome ? QVariant(QLatin1String(t.outcome)) : none, stamp, stamp});
            if (!task.ok)
                return task.error;
        }
        return {};
    }

    // The keys of the whole listing, in one page.
    QString list(const FollowUpQueueFilter& filter, FollowUpQueueSort sort = {},
                 std::optional<Actor> actor = {})
    {
        auto rows = m_queue->page(actor ? *actor : *m_navigator, filter, sort, now(), 0, 100);
        if (!rows.ok())
            return QStringLiteral("error: ") + storeErrorCodeName(rows.error().code) + QLatin1Char(' ') +
                   rows.error().field;
        return keys(rows.value());
    }
    int count(const FollowUpQueueFilter& filter)
    {
        auto counted = m_queue->count(*m_navigator, filter, now());
        return counted.ok() ? counted.value() : -1;
    }

private Q_SLOTS:
    // Listing changes no task: one database for every case (audit rows are
    // counted per user or before and after).
    void initTestCase()
    {
        HEARTDESK_FRESH_DATABASE(m_fixture);
        m_queue = std::make_unique<FollowUpQueue>(m_fixture->db(), m_fixture->clock());
        const QString problem = seed();
        QVERIFY2(problem.isEmpty(), qPrintable(problem));
    }
    void cleanupTestCase()
    {
        m_queue.reset();
        m_navigator.reset();
        m_fixture.reset();
    }

    void defaultOrderIsRiskThenDueThenId()
    {
        // High risk first (the overdue one before those due later; C and J are
        // due at the same instant: by id), then moderate, low, none.
        QCOMPARE(list({}), QStringLiteral("ACJDBKHLIE"));
        QCOMPARE(count({}), 10);
        FollowUpQueueFilter all;
        all.includeClosed = true;
        // Closed tasks after every open one.
        QCOMPARE(list(all), QStringLiteral("ACJDBKHLIEGF"));
        QCOMPARE(count(all), 12);
        // Reversed: least urgent first, closed first.
        QCOMPARE(list({}, {FollowUpSortKey::Priority, Qt::DescendingOrder}), QStringLiteral("EILHKBDJCA"));
        QCOMPARE(list(all, {FollowUpSortKey::Priority, Qt::DescendingOrder}), QStringLiteral("FGEILHKBDJCA"));
    }

    void rowsCarryWhatTheQueueShows()
    {
        auto rows = m_queue->page(*m_navigator, {}, {}, now(), 0, 1);
        HEARTDESK_VERIFY_RESULT(rows);
        QCOMPARE(rows.value().size(), 1);
        const FollowUpQueueRow& a = rows.value().first();
        QCOMPARE(a.taskId, QStringLiteral("task-A"));
        QCOMPARE(a.version, 2);
        QCOMPARE(a.kind, QStringLiteral("follow_up"));
        QCOMPARE(a.program, QStringLiteral("crt"));
        QCOMPARE(a.personName, QStringLiteral("Maria Lopez"));
        QCOMPARE(a.callType, QStringLiteral("welfare-check"));
        QCOMPARE(a.cadNumber, QStringLiteral("CAD-26-A"));
        QCOMPARE(a.risk, QStringLiteral("high"));
        QCOMPARE(a.riskRank, 3);
        QCOMPARE(a.dueAt, toDateTime(now() - 300min));
        QCOMPARE(a.contactAt, toDateTime(now() - 300min - 48h));
        QCOMPARE(a.state, QStringLiteral("open"));
        QVERIFY(a.isOpen());
        QVERIFY(a.outcome.isEmpty());
        QCOMPARE(a.assignedTo, m_navigator->userId());
        QCOMPARE(a.assignedToName, QStringLiteral("Fixture t_care_navigator"));
        QCOMPARE(a.attempts, 1);
        QCOMPARE(a.maxAttempts, 3);
        QCOMPARE(a.preferredContact, QStringLiteral("phone"));

        FollowUpQueueFilter closed;
        closed.includeClosed = true;
        closed.program = QStringLiteral("ccd");
        closed.assignedTo = QStringLiteral("u-zed");
        rows = m_queue->page(*m_navigator, closed, {}, now(), 0, 10);
        HEARTDESK_VERIFY_RESULT(rows);
        QCOMPARE(keys(rows.value()), QStringLiteral("G"));
        const FollowUpQueueRow& g = rows.value().first();
        QCOMPARE(g.state, QStringLiteral("closed"));
        QVERIFY(!g.isOpen());
        QCOMPARE(g.outcome, QStringLiteral("unable_to_reach"));
        QCOMPARE(g.assignedToName, QStringLiteral("Zed Young"));
        QCOMPARE(g.kind, QStringLiteral("check_in"));

        // No name on the call, nobody assigned, not screened: empty, not made up.
        FollowUpQueueFilter unassigned;
        unassigned.unassignedOnly = true;
        rows = m_queue->page(*m_navigator, unassigned, {}, now(), 0, 10);
        HEARTDESK_VERIFY_RESULT(rows);
        const FollowUpQueueRow& i = rows.value().last();
        QCOMPARE(i.taskId, QStringLiteral("task-I"));
        QVERIFY(i.risk.isEmpty());
        QVERIFY(i.assignedTo.isEmpty() && i.assignedToName.isEmpty());
        FollowUpQueueFilter zed;
        zed.assignedTo = QStringLiteral("u-zed");
        rows = m_queue->page(*m_navigator, zed, {}, now(), 0, 10);
        HEARTDESK_VERIFY_RESULT(rows);
        QCOMPARE(keys(rows.value()), QStringLiteral("H"));
        QVERIFY(rows.value().first().personName.isEmpty());
    }

    void filters_data()
    {
        QTest::addColumn<QString>("name");
        QTest::addColumn<QString>("expected");
        QTest::newRow("mine") << QStringLiteral("mine") << QStringLiteral("ALE");
        QTest::newRow("unassigned") << QStringLiteral("unassigned") << QStringLiteral("DBKI");
        // [05:00Z, 05:00Z next day): L due at the first instant is in, K due at the last is out.
        QTest::newRow("due today") << QStringLiteral("today") << QStringLiteral("ACJBLIE");
        QTest::newRow("due today with closed")
            << QStringLiteral("today+closed") << QStringLiteral("ACJBLIEF");
        // Overdue from the due instant on: I is due right now. G is closed.
        QTest::newRow("overdue") << QStringLiteral("overdue") << QStringLiteral("ABLI");
        QTest::newRow("overdue with closed") << QStringLiteral("overdue+closed") << QStringLiteral("ABLI");
        // Due in the next 4 hours, not yet overdue.
        QTest::newRow("due soon") << QStringLiteral("soon") << QStringLiteral("CJE");
        QTest::newRow("program") << QStringLiteral("crt") << QStringLiteral("AJDHL");
        QTest::newRow("program with closed") << QStringLiteral("crt+closed") << QStringLiteral("AJDHLF");
        // A name: each word typed begins a word of the person's name (a
        // hyphen parts words: Hal Lopez-Ortiz) or of the assignee's.
        QTest::newRow("name, any case") << QStringLiteral("name:LOPEZ") << QStringLiteral("AI");
        QTest::newRow("name, every word") << QStringLiteral("name:lopez  ort") << QStringLiteral("I");
        QTest::newRow("name, after a hyphen") << QStringLiteral("name:ortiz") << QStringLiteral("I");
        QTest::newRow("name, inside a word is not found") << QStringLiteral("name:opez") << QString();
        QTest::newRow("name, percent is literal") << QStringLiteral("name:100%") << QStringLiteral("K");
        QTest::newRow("name, underscore is literal") << QStringLiteral("name:100%_") << QStringLiteral("K");
        QTest::newRow("name, no wildcard") << QStringLiteral("name:100_") << QString();
        QTest::newRow("name, the assignee's") << QStringLiteral("name:quinn") << QStringLiteral("CJ");
        QTest::newRow("name, closed too") << QStringLiteral("name:mora+closed") << QStringLiteral("G");
        QTest::newRow("name, open only") << QStringLiteral("name:mora") << QString();
        QTest::newRow("name and mine") << QStringLiteral("name:l+mine") << QStringLiteral("AL");
        QTest::newRow("name, nobody") << QStringLiteral("name:zz") << QString();
        QTest::newRow("mine and overdue") << QStringLiteral("mine+overdue") << QStringLiteral("AL");
        QTest::newRow("unassigned check-ins") << QStringLiteral("ccd+unassigned") << QStringLiteral("BK");
    }

    void filters()
    {
        QFETCH(QString, name);
        QFETCH(QString, expected);
        FollowUpQueueFilter f;
        for (const QString& part : name.split(QLatin1Char('+'))) {
            if (part == QLatin1String("mine"))
                f.assignedTo = m_navigator->userId();
            else if (part == QLatin1String("unassigned"))
                f.unassignedOnly = true;
            else if (part == QLatin1String("today")) {
                f.dueFrom = toDateTime(now() - 600min);
                f.dueTo = toDateTime(now() + 840min);
            } else if (part == QLatin1String("closed"))
                f.includeClosed = true;
            else if (part == QLatin1String("overdue"))
                f.overdueOnly = true;
            else if (part == QLatin1String("soon"))
                f.dueSoonWithin = 4h;
            else if (part.startsWith(QLatin1String("name:")))
                f.personName = part.mid(5);
            else
                f.program = part;
        }
        QCOMPARE(list(f), expected);
        QCOMPARE(count(f), int(expected.size()));
    }

    void sorts_data()
    {
        QTest::addColumn<int>("key");
        QTest::addColumn<int>("order");
        QTest::addColumn<QString>("expected");
        const auto row = [](const char* name, FollowUpSortKey key, Qt::SortOrder order,
                            const char* expected) {
            QTest::newRow(name) << int(key) << int(order) << QString::fromLatin1(expected);
        };
        // Ties (C and J: same due time, same risk) by risk, then id.
        row("due, earliest first", FollowUpSortKey::DueAt, Qt::AscendingOrder, "LABICJEKHD");
        row("due, latest first", FollowUpSortKey::DueAt, Qt::DescendingOrder, "DHKECJIBAL");
        // Within a program, the queue's order.
        row("program A-Z", FollowUpSortKey::Program, Qt::AscendingOrder, "BKECIAJDHL");
        row("program Z-A", FollowUpSortKey::Program, Qt::DescendingOrder, "AJDHLCIBKE");
        // Unassigned first, then Bea Quinn, Fixture t_care_navigator, Zed Young.
        row("assignee A-Z", FollowUpSortKey::Assignee, Qt::AscendingOrder, "DBKICJALEH");
        row("assignee Z-A", FollowUpSortKey::Assignee, Qt::DescendingOrder, "HALECJDBKI");
        // No name first: H; then Ana, Dee, Eli, Hal, Ivy, James, Kim, Leo, Maria.
        row("person A-Z", FollowUpSortKey::PersonName, Qt::AscendingOrder, "HCDEIJBKLA");
        row("person Z-A", FollowUpSortKey::PersonName, Qt::DescendingOrder, "ALKBJIEDCH");
    }

    void sorts()
    {
        QFETCH(int, key);
        QFETCH(int, order);
        QFETCH(QString, expected);
        QCOMPARE(list({}, {FollowUpSortKey(key), Qt::SortOrder(order)}), expected);
    }

    // Every way a shown name changes moves the task in the name orders and
    // in the name search, on both engines (the keys are kept by triggers).
    void renamesReorderTheQueue()
    {
        const FollowUpQueueSort byPerson{FollowUpSortKey::PersonName, Qt::AscendingOrder};
        const FollowUpQueueSort byPersonDown{FollowUpSortKey::PersonName, Qt::DescendingOrder};
        const FollowUpQueueSort byAssignee{FollowUpSortKey::Assignee, Qt::AscendingOrder};
        const auto named = [](const char* word) {
            FollowUpQueueFilter f;
            f.personName = QString::fromLatin1(word);
            return f;
        };
        const auto exec = [&](const QString& sql, const QVariantList& values = {}) {
            const RawResult r = m_fixture->sql(sql, values);
            if (!r.ok)
                qWarning("%s", qPrintable(r.error));
            return r.ok;
        };
        QCOMPARE(list({}, byPerson), QStringLiteral("HCDEIJBKLA"));

        // The name on the call: Leo Grant becomes Aaron Zimmer.
        QVERIFY(exec(QStringLiteral("UPDATE calls SET person_name = 'Aaron Zimmer' WHERE id = 'call-L'")));
        QCOMPARE(list({}, byPerson), QStringLiteral("HLCDEIJBKA"));
        QCOMPARE(list({}, byPersonDown), QStringLiteral("AKBJIEDCLH"));
        QCOMPARE(list(named("zimmer")), QStringLiteral("L"));
        QCOMPARE(list(named("grant")), QString());
        QCOMPARE(count(named("ZIMMER")), 1);

        // A person linked to the task: their name wins over the call's, and renaming them moves the task.
        const QString stamp = toStoredTime(now() - 72h);
        QVERIFY(
            exec(QStringLiteral("INSERT INTO people (id, given_name, family_name, created_at, updated_at) "
                                "VALUES ('person-a', 'Zoe', 'Adams', ?, ?)"),
                 {stamp, stamp}));
        QVERIFY(exec(QStringLiteral("UPDATE followup_tasks SET person_id = 'person-a' WHERE id = 'task-A'")));
        QCOMPARE(list({}, byPerson), QStringLiteral("HLCDEIJBKA")); // "zoe adams" is still last
        QCOMPARE(list(named("lopez")), QStringLiteral("I"));        // Maria Lopez is no longer shown
        QVERIFY(exec(QStringLiteral("UPDATE people SET given_name = 'Abe' WHERE id = 'person-a'")));
        QCOMPARE(list({}, byPerson), QStringLiteral("HLACDEIJBK")); // aaron zimmer < abe adams < ana silva
        QCOMPARE(list(named("abe ad")), QStringLiteral("A"));

        // An assignee renamed: Bea Quinn's tasks (C, J) move after Zed Young's (H).
        QCOMPARE(list({}, byAssignee), QStringLiteral("DBKICJALEH"));
        QVERIFY(exec(QStringLiteral("UPDATE users SET display_name = 'Zz Top' WHERE id = 'u-bea'")));
        QCOMPARE(list({}, byAssignee), QStringLiteral("DBKIALEHCJ"));
        // A task handed to someone else follows its new assignee.
        QVERIFY(exec(QStringLiteral("UPDATE followup_tasks SET assigned_to = 'u-zed' WHERE id = 'task-D'")));
        QCOMPARE(list({}, byAssignee), QStringLiteral("BKIALEDHCJ"));

        // Back as it was, for the other cases.
        QVERIFY(exec(QStringLiteral("UPDATE followup_tasks SET assigned_to = NULL WHERE id = 'task-D'")));
        QVERIFY(exec(QStringLiteral("UPDATE users SET display_name = 'Bea Quinn' WHERE id = 'u-bea'")));
        QVERIFY(exec(QStringLiteral("UPDATE followup_tasks SET person_id = NULL WHERE id = 'task-A'")));
        QVERIFY(exec(QStringLiteral("UPDATE calls SET person_name = 'Leo Grant' WHERE id = 'call-L'")));
        QCOMPARE(list({}, byPerson), QStringLiteral("HCDEIJBKLA"));
        QCOMPARE(list({}, byAssignee), QStringLiteral("DBKICJALEH"));
    }

    void pagesMeetWithoutGapsOrOverlaps_data()
    {
        QTest::addColumn<int>("key");
        QTest::addColumn<int>("order");
        for (const FollowUpSortKey key :
             {FollowUpSortKey::Priority, FollowUpSortKey::DueAt, FollowUpSortKey::Program,
              FollowUpSortKey::Assignee, FollowUpSortKey::PersonName}) {
            for (const Qt::SortOrder order : {Qt::AscendingOrder, Qt::DescendingOrder})
                QTest::addRow("key %d order %d", int(key), int(order)) << int(key) << int(order);
        }
    }

    void pagesMeetWithoutGapsOrOverlaps()
    {
        QFETCH(int, key);
        QFETCH(int, order);
        const FollowUpQueueSort sort{FollowUpSortKey(key), Qt::SortOrder(order)};
        FollowUpQueueFilter all;
        all.includeClosed = true;
        const QString whole = list(all, sort);
        QCOMPARE(whole.size(), 12);
        for (const int size : {1, 5, 12, 13}) {
            QString joined;
            for (int offset = 0; offset < 12; offset += size) {
                auto rows = m_queue->page(*m_navigator, all, sort, now(), offset, size);
                HEARTDESK_VERIFY_RESULT(rows);
                QCOMPARE(rows.value().size(), qMin(size, 12 - offset));
                joined += keys(rows.value());
            }
            QCOMPARE(joined, whole);
        }
        // Past the end: nothing, and no error.
        for (const int offset : {12, 13, 500}) {
            auto rows = m_queue->page(*m_navigator, all, sort, now(), offset, 5);
            HEARTDESK_VERIFY_RESULT(rows);
            QVERIFY(rows.value().isEmpty());
        }
    }

    void contradictionsAndBadPagesAreRefused()
    {
        const auto refusedField = [&](const FollowUpQueueFilter& f) {
            auto counted = m_queue->count(*m_navigator, f, now());
            auto paged = m_queue->page(*m_navigator, f, {}, now(), 0, 10);
            if (counted.ok() || paged.ok() || counted.error().code != StoreErrorCode::InvalidInput ||
                paged.error().field != counted.error().field)
                return QStringLiteral("(accepted)");
            return counted.error().field;
        };
        FollowUpQueueFilter f;
        f.assignedTo = m_navigator->userId();
        f.unassignedOnly = true;
        QCOMPARE(refusedField(f), QStringLiteral("unassignedOnly"));
        f = {};
        f.dueFrom = toDateTime(now());
        QCOMPARE(refusedField(f), QStringLiteral("dueTo"));
        f = {};
        f.dueTo = toDateTime(now());
        QCOMPARE(refusedField(f), QStringLiteral("dueFrom"));
        f.dueFrom = toDateTime(now() + 1h);
        QCOMPARE(refusedField(f), QStringLiteral("dueTo"));
        f = {};
        f.dueSoonWithin = -5min;
        QCOMPARE(refusedField(f), QStringLiteral("dueSoonWithin"));

        const auto pageField = [&](int offset, int limit) {
            auto paged = m_queue->page(*m_navigator, {}, {}, now(), offset, limit);
            return paged.ok() ? QStringLiteral("(accepted)") : paged.error().field;
        };
        QCOMPARE(pageField(-1, 10), QStringLiteral("offset"));
        QCOMPARE(pageField(0, 0), QStringLiteral("limit"));
        QCOMPARE(pageField(0, FollowUpQueue::kMaxPageRows + 1), QStringLiteral("limit"));
        QCOMPARE(pageField(0, FollowUpQueue::kMaxPageRows), QStringLiteral("(accepted)"));
    }

    void eachRoleListsTheKindsItMayOpen_data()
    {
        QTest::addColumn<int>("role");
        QTest::addColumn<QString>("expected");
        QTest::newRow("care navigator") << int(Role::CareNavigator) << QStringLiteral("ACJDBKHLIE");
        QTest::newRow("supervisor") << int(Role::Supervisor) << QStringLiteral("ACJDBKHLIE");
        QTest::newRow("peer support") << int(Role::PeerSupport) << QStringLiteral("ACJDBKHLIE");
        // CCD counselors work the check-ins of diverted calls, never an encounter's follow-up.
        QTest::newRow("call counselor") << int(Role::CallCounselor) << QStringLiteral("BKE");
    }

    void eachRoleListsTheKindsItMayOpen()
    {
        QFETCH(int, role);
        QFETCH(QString, expected);
        const Actor actor = m_fixture->actorFor(Role(role));
        QCOMPARE(list({}, {}, actor), expected);
        auto counted = m_queue->count(actor, {}, now());
        HEARTDESK_VERIFY_RESULT(counted);
        QCOMPARE(counted.value(), int(expected.size()));
    }

    void rolesWithoutTheQueueAreRefusedAndAudited_data()
    {
        QTest::addColumn<int>("role");
        QTest::newRow("emt") << int(Role::Emt);
        QTest::newRow("team lead") << int(Role::CrtTeamLead);
        QTest::newRow("co-response clinician") << int(Role::CoResponseClinician);
        QTest::newRow("administrator") << int(Role::Administrator);
    }

    void rolesWithoutTheQueueAreRefusedAndAudited()
    {
        QFETCH(int, role);
        const Actor actor = m_fixture->actorFor(Role(role));
        auto counted = m_queue->count(actor, {}, now());
        QVERIFY(!counted.ok());
        QCOMPARE(storeErrorCodeName(counted.error().code),
                 storeErrorCodeName(StoreErrorCode::PermissionDenied));
        auto paged = m_queue->page(actor, {}, {}, now(), 0, 10);
        QVERIFY(!paged.ok());
        QCOMPARE(storeErrorCodeName(paged.error().code),
                 storeErrorCodeName(StoreErrorCode::PermissionDenied));
        const RawResult denied =
            m_fixture->sql(QStringLiteral("SELECT record_type, record_id FROM audit_log WHERE action = "
                                          "'permission_denied' AND user_id = ?"),
                           {actor.userId()});
        QVERIFY2(denied.ok, qPrintable(denied.error));
        QCOMPARE(denied.rows.size(), 2);
        QCOMPARE(denied.rows.at(0).at(0).toString(), QStringLiteral("followup_task"));
        QCOMPARE(m_fixture->auditCount(QStringLiteral("search"), actor.userId()), 0);
    }

    // What a user types finds what they mean: the beginning of a first or a
    // last name, with or without its accents, in any case; the assignee's
    // name too; a renamed caller under the new name only. On both engines
    // the words are written by triggers (migration 20) and what is typed is
    // folded by the same table.
    void nameSearchIsWordPrefixWithAccentsAndCaseAside_data()
    {
        QTest::addColumn<QString>("typed");
        QTest::addColumn<QString>("expected");
        // B is María Pérez, C is Ana Marín here (A is Maria Lopez).
        QTest::newRow("first name's beginning") << QStringLiteral("mar") << QStringLiteral("ACB");
        QTest::newRow("upper case") << QStringLiteral("MAR") << QStringLiteral("ACB");
        QTest::newRow("last name's beginning") << QStringLiteral("pér") << QStringLiteral("B");
        QTest::newRow("accent typed") << QStringLiteral("pérez") << QStringLiteral("B");
        QTest::newRow("accent left out") << QStringLiteral("perez") << QStringLiteral("B");
        QTest::newRow("accent, upper case") << QStringLiteral("PÉREZ") << QStringLiteral("B");
        QTest::newRow("accent typed, none in the name") << QStringLiteral("lópez") << QStringLiteral("AI");
        QTest::newRow("accented last name") << QStringLiteral("marin") << QStringLiteral("C");
        QTest::newRow("both words") << QStringLiteral("maria perez") << QStringLiteral("B");
        QTest::newRow("both words, other order") << QStringLiteral("Pérez Mar") << QStringLiteral("B");
        QTest::newRow("decomposed accent") << QStringLiteral("pe\u0301rez") << QStringLiteral("B");
        QTest::newRow("the assignee's first name") << QStringLiteral("Bea") << QStringLiteral("CJ");
        QTest::newRow("the assignee's, upper case") << QStringLiteral("ZED") << QStringLiteral("H");
        QTest::newRow("the old name") << QStringLiteral("carter") << QString();
        QTest::newRow("the old first name") << QStringLiteral("james") << QString();
        QTest::newRow("the middle of a word") << QStringLiteral("rez") << QString();
        QTest::newRow("no one") << QStringLiteral("xochitl") << QString();
    }

    void nameSearchIsWordPrefixWithAccentsAndCaseAside()
    {
        QFETCH(QString, typed);
        QFETCH(QString, expected);
        const auto exec = [&](const QString& sql) {
            const RawResult r = m_fixture->sql(sql);
            if (!r.ok)
                qWarning("%s", qPrintable(r.error));
            return r.ok;
        };
        QVERIFY(exec(QStringLiteral("UPDATE calls SET person_name = 'María Pérez' WHERE id = 'call-B'")));
        QVERIFY(exec(QStringLiteral("UPDATE calls SET person_name = 'Ana Marín' WHERE id = 'call-C'")));
        FollowUpQueueFilter f;
        f.personName = typed;
        const QString found = list(f);
        const int counted = count(f);
        QVERIFY(exec(QStringLiteral("UPDATE calls SET person_name = 'James Carter' WHERE id = 'call-B'")));
        QVERIFY(exec(QStringLiteral("UPDATE calls SET person_name = 'Ana Silva' WHERE id = 'call-C'")));
        QCOMPARE(found, expected);
        QCOMPARE(counted, int(expected.size()));
    }

    // A prefix that begins many words (more than the store names one by one)
    // is read as a range: a task with several of them is still listed and
    // counted once.
    void aPrefixOfManyWordsListsATaskOnce()
    {
        const QString rename = QStringLiteral("UPDATE calls SET person_name = ? WHERE id = 'call-B'");
        QVERIFY(m_fixture->sql(rename, {QStringLiteral("Ma Mb Mc Md Me Mf Mg Mh Mi")}).ok);
        FollowUpQueueFilter f;
        f.personName = QStringLiteral("m");
        const QString found = list(f);
        const int counted = count(f);
        f.personName = QStringLiteral("m mi");
        const QString both = list(f);
        QVERIFY(m_fixture->sql(rename, {QStringLiteral("James Carter")}).ok);
        QCOMPARE(found, QStringLiteral("AB")); // Maria Lopez, and B once
        QCOMPARE(counted, 2);
        QCOMPARE(both, QStringLiteral("B"));
    }

    // The pages of a name search meet like any listing's, in every order,
    // whether the prefix begins a few words (each read in the listing's
    // order, a task with two of them listed once) or many (a range of the
    // words), open tasks alone or with the closed ones.
    void pagesOfANameSearchMeet_data()
    {
        QTest::addColumn<QStringList>("names"); // the names on calls B, C, D and F for the while
        QTest::addColumn<bool>("closedToo");
        QTest::addColumn<QString>("expected"); // the tasks found, in key order
        const QStringList few = {QStringLiteral("Pa Pb"), QStringLiteral("Pa Pc"), QStringLiteral("Pb Pd"),
                                 QStringLiteral("Pa Pe")};
        const QStringList many = {QStringLiteral("Pa Pb Pf Pg"), QStringLiteral("Pa Pc Ph Pi"),
                                  QStringLiteral("Pb Pd Pj Pk"), QStringLiteral("Pa Pe Pl")};
        QTest::newRow("few words, open") << few << false << QStringLiteral("BCDE"); // E: Eli Park
        QTest::newRow("few words, closed too") << few << true << QStringLiteral("BCDEF");
        QTest::newRow("many words, open") << many << false << QStringLiteral("BCDE");
        QTest::newRow("many words, closed too") << many << true << QStringLiteral("BCDEF");
    }

    void pagesOfANameSearchMeet()
    {
        QFETCH(QStringList, names);
        QFETCH(bool, closedToo);
        QFETCH(QString, expected);
        const QString rename = QStringLiteral("UPDATE calls SET person_name = ? WHERE id = ?");
        const QStringList calls = {QStringLiteral("call-B"), QStringLiteral("call-C"),
                                   QStringLiteral("call-D"), QStringLiteral("call-F")};
        const QStringList before = {QStringLiteral("James Carter"), QStringLiteral("Ana Silva"),
                                    QStringLiteral("Dee Walker"), QStringLiteral("Fay Nguyen")};
        for (qsizetype i = 0; i < calls.size(); ++i)
            QVERIFY(m_fixture->sql(rename, {names.at(i), calls.at(i)}).ok);
        FollowUpQueueFilter f;
        f.personName = QStringLiteral("p");
        f.includeClosed = closedToo;
        QStringList problems;
        for (const FollowUpSortKey key :
             {FollowUpSortKey::Priority, FollowUpSortKey::DueAt, FollowUpSortKey::Program,
              FollowUpSortKey::Assignee, FollowUpSortKey::PersonName}) {
            for (const Qt::SortOrder order : {Qt::AscendingOrder, Qt::DescendingOrder}) {
                const FollowUpQueueSort sort{key, order};
                const QString whole = list(f, sort);
                QString sorted = whole;
                std::sort(sorted.begin(), sorted.end());
                if (sorted != expected)
                    problems
                        << QStringLiteral("key %1 order %2: %3").arg(int(key)).arg(int(order)).arg(whole);
                for (const int size : {1, 2, 3}) {
                    QString joined;
                    for (int offset = 0; offset < int(expected.size()) + 2; offset += size) {
                        auto rows = m_queue->page(*m_navigator, f, sort, now(), offset, size);
                        if (!rows.ok()) {
                            joined += QStringLiteral("(error)");
                            break;
                        }
                        joined += keys(rows.value());
                    }
                    if (joined != whole)
                        problems << QStringLiteral("key %1 order %2, pages of %3: %4, whole %5")
                                        .arg(int(key))
                                        .arg(int(order))
                                        .arg(size)
                                        .arg(joined, whole);
                }
            }
        }
        const int counted = count(f);
        for (qsizetype i = 0; i < calls.size(); ++i)
            QVERIFY(m_fixture->sql(rename, {before.at(i), calls.at(i)}).ok);
        QVERIFY2(problems.isEmpty(), qPrintable(problems.join(QStringLiteral("; "))));
        QCOMPARE(counted, int(expected.size()));
    }

    // A task closed is found by name only with the closed ones; reopened, in
    // the open queue again (its words follow its state).
    void aClosedTaskIsFoundWithTheClosedOnes()
    {
        FollowUpQueueFilter f;
        f.personName = QStringLiteral("silva");
        QCOMPARE(list(f), QStringLiteral("C"));
        const QString close = QStringLiteral("UPDATE followup_tasks SET state = ? WHERE id = 'task-C'");
        QVERIFY(m_fixture->sql(close, {QStringLiteral("closed")}).ok);
        const QString open = list(f);
        f.includeClosed = true;
        const QString withClosed = list(f);
        QVERIFY(m_fixture->sql(close, {QStringLiteral("open")}).ok);
        QCOMPARE(open, QString());
        QCOMPARE(withClosed, QStringLiteral("C"));
        f.includeClosed = false;
        QCOMPARE(list(f), QStringLiteral("C"));
    }

    // A call linked to a known person: the row shows the person's name
    // (the call may carry none), and the name search finds it.
    void aLinkedPersonNamesTheRow()
    {
        const QString stamp = toStoredTime(now() - 72h);
        QVERIFY(m_fixture
                    ->sql(QStringLiteral(
                              "INSERT INTO people (id, given_name, family_name, created_at, updated_at) "
                              "VALUES ('person-h', 'Harriet', 'Quillfeather', ?, ?)"),
                          {stamp, stamp})
                    .ok);
        QVERIFY(
            m_fixture
                ->sql(QStringLiteral("UPDATE followup_tasks SET person_id = 'person-h' WHERE id = 'task-H'"))
                .ok);
        FollowUpQueueFilter zed;
        zed.assignedTo = QStringLiteral("u-zed");
        auto rows = m_queue->page(*m_navigator, zed, {}, now(), 0, 10);
        HEARTDESK_VERIFY_RESULT(rows);
        QCOMPARE(keys(rows.value()), QStringLiteral("H"));
        QCOMPARE(rows.value().first().personName, QStringLiteral("Harriet Quillfeather"));
        FollowUpQueueFilter byName;
        byName.personName = QStringLiteral("quillf");
        QCOMPARE(list(byName), QStringLiteral("H"));
        QVERIFY(
            m_fixture->sql(QStringLiteral("UPDATE followup_tasks SET person_id = NULL WHERE id = 'task-H'"))
                .ok);
    }

    // The page and the count are kept prepared on the connection
    // (Database::execKept): the same listing run again prepares nothing new,
    // still sees what another workstation wrote meanwhile, and leaves no
    // read open behind it (a count reads one row of its statement: SQLite
    // would keep that read's snapshot, and hold back every checkpoint).
    void aListingRunAgainSeesWhatAnotherWorkstationWrote()
    {
        FollowUpQueueFilter grant;
        grant.personName = QStringLiteral("grant");
        QCOMPARE(list(grant), QStringLiteral("L"));
        QCOMPARE(count(grant), 1);
        const int kept = m_fixture->db().keptStatementCount();
        QVERIFY(kept >= 2);
        const auto prepared = [&]() -> int {
            if (m_fixture->isSqlite())
                return -1;
            const RawResult r = m_fixture->sql(QStringLiteral("SELECT COUNT(*) FROM pg_prepared_statements"));
            return r.ok ? r.rows.at(0).at(0).toInt() : -2;
        };
        const int preparedBefore = prepared();
        for (int i = 0; i < 7; ++i) {
            QCOMPARE(list(grant), QStringLiteral("L"));
            QCOMPARE(count(grant), 1);
        }
        QCOMPARE(m_fixture->db().keptStatementCount(), kept);
        QCOMPARE(prepared(), preparedBefore);

        store::StoreError error;
        std::unique_ptr<Database> other = m_fixture->openSecond(&error);
        QVERIFY2(other, qPrintable(error.detail));
        const auto onOther = [&](const QString& sql) {
            const RawResult r = TestDatabase::sqlOn(*other, sql);
            if (!r.ok)
                qWarning("%s", qPrintable(r.error));
            return r.ok;
        };
        QVERIFY(onOther(QStringLiteral("UPDATE calls SET person_name = 'Ada Grant' WHERE id = 'call-E'")));
        QCOMPARE(list(grant), QStringLiteral("LE"));
        QCOMPARE(count(grant), 2);
        if (m_fixture->isSqlite()) {
            // Nothing of this connection holds the write-ahead log: the other
            // workstation's checkpoint copies it all back and empties it.
            const RawResult checkpoint =
                TestDatabase::sqlOn(*other, QStringLiteral("PRAGMA wal_checkpoint(TRUNCATE)"));
            QVERIFY2(checkpoint.ok, qPrintable(checkpoint.error));
            QCOMPARE(checkpoint.rows.at(0).at(0).toInt(), 0); // not busy
        }
        QVERIFY(onOther(QStringLiteral("UPDATE calls SET person_name = 'Eli Park' WHERE id = 'call-E'")));
        QCOMPARE(list(grant), QStringLiteral("L"));
        QCOMPARE(count(grant), 1);
    }

    void aListingIsOneAuditRowNamingNobody()
    {
        const int before = m_fixture->auditCount(QStringLiteral("search"), m_navigator->userId());
        FollowUpQueueFilter f;
        f.personName = QStringLiteral("Lopez");
        QCOMPARE(count(f), 2);
        for (int offset = 0; offset < 3; ++offset)
            HEARTDESK_VERIFY_RESULT(m_queue->page(*m_navigator, f, {}, now(), offset, 1));
        QCOMPARE(m_fixture->auditCount(QStringLiteral("search"), m_navigator->userId()), before + 1);
        const RawResult rows = m_fixture->sql(
            QStringLiteral(
                "SELECT record_type, record_id FROM audit_log WHERE action = 'search' AND user_id = ?"),
            {m_navigator->userId()});
        QVERIFY2(rows.ok, qPrintable(rows.error));
        QCOMPARE(rows.rows.last().at(0).toString(), QStringLiteral("followup_task"));
        QCOMPARE(rows.rows.last().at(1).toString(), QStringLiteral("*"));
        // Neither the name searched for nor any task is in the trail.
        const RawResult leaks = m_fixture->sql(QStringLiteral(
            "SELECT COUNT(*) FROM audit_log WHERE record_id LIKE '%task-%' OR record_id LIKE '%Lopez%' "
            "OR action LIKE '%Lopez%'"));
        QVERIFY2(leaks.ok, qPrintable(leaks.error));
        QCOMPARE(leaks.rows.at(0).at(0).toInt(), 0);
    }
};

HEART_TEST_GUILESS_MAIN(TestStoreFollowUpQueue)
#include "tst_store_followup_queue.moc"
