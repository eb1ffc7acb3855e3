// Unit statuses: the whole 7 x 7 transition table written out here (so a
// change to the rules must change this table too), the codes, the order the
// next statuses are offered in, and the call times a program reports, for the
// runs a team meets and for the changes the rules refuse.
#include "core/units/UnitStatus.h"

#include <QTest>
#include <algorithm>
#include <chrono>

using namespace heart;
using namespace heart::units;
using namespace std::chrono;

namespace {

using S = UnitStatus;

QString code(UnitStatus status)
{
    const std::string_view text = unitStatusCode(status);
    return QString::fromUtf8(text.data(), qsizetype(text.size()));
}

// A UTC instant, from the civil date and time in UTC.
TimePoint utc(int y, unsigned mo, unsigned d, int h, int mi, int s = 0)
{
    return sys_days{year{y} / month{mo} / day{d}} + hours{h} + minutes{mi} + seconds{s};
}

// Minutes after a quiet Tuesday morning, 2024-05-14 14:00 UTC.
TimePoint t(int minutesAfter, int secondsAfter = 0)
{
    return utc(2024, 5, 14, 14, 0) + minutes{minutesAfter} + seconds{secondsAfter};
}

std::optional<seconds> mins(int m, int s = 0)
{
    return seconds{m * 60 + s};
}

} // namespace

Q_DECLARE_METATYPE(heart::units::UnitStatus)
Q_DECLARE_METATYPE(std::vector<heart::units::StatusChange>)

class TestUnitStatus : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    // Every pair, allowed (1) or refused (0). Rows: from; columns: to, in the
    // order of kAllUnitStatuses.
    void transitionTable_data()
    {
        QTest::addColumn<UnitStatus>("from");
        QTest::addColumn<UnitStatus>("to");
        QTest::addColumn<bool>("allowed");
        constexpr int kTable[7][7] = {
            //                 avail disp enrt onsc trns clr oos
            /* available      */ {0, 1, 0, 0, 0, 0, 1},
            /* dispatched     */ {1, 0, 1, 1, 0, 1, 0},
            /* en_route       */ {0, 0, 0, 1, 0, 1, 0},
            /* on_scene       */ {0, 0, 0, 0, 1, 1, 0},
            /* transporting   */ {0, 0, 0, 0, 0, 1, 0},
            /* clear          */ {1, 1, 0, 0, 0, 0, 1},
            /* out_of_service */ {1, 0, 0, 0, 0, 0, 0},
        };
        for (std::size_t f = 0; f < kAllUnitStatuses.size(); ++f) {
            for (std::size_t to = 0; to < kAllUnitStatuses.size(); ++to) {
                const UnitStatus a = kAllUnitStatuses[f], b = kAllUnitStatuses[to];
                const QByteArray name = (code(a) + QStringLiteral(" -> ") + code(b)).toUtf8();
                QTest::newRow(name.constData()) << a << b << (kTable[f][to] == 1);
            }
        }
    }

    void transitionTable()
    {
        QFETCH(UnitStatus, from);
        QFETCH(UnitStatus, to);
        QFETCH(bool, allowed);
        const std::optional<Error> error = checkTransition(from, to);
        QCOMPARE(!error.has_value(), allowed);
        const std::vector<UnitStatus> next = nextStatuses(from);
        QCOMPARE(std::find(next.begin(), next.end(), to) != next.end(), allowed);
        if (error) {
            QCOMPARE(error->code, std::string("transition-not-allowed"));
            QCOMPARE(error->field, std::string("status"));
            QCOMPARE(error->detail,
                     std::string(unitStatusCode(to)) + " after " + std::string(unitStatusCode(from)));
        }
    }

    void refusalNamesBothStatuses()
    {
        const auto error = checkTransition(S::Available, S::OnScene);
        QVERIFY(error);
        QCOMPARE(error->detail, std::string("on_scene after available"));
    }

    void nextStatusesInUsualOrder()
    {
        using V = std::vector<UnitStatus>;
        QCOMPARE(nextStatuses(S::Available), (V{S::Dispatched, S::OutOfService}));
        QCOMPARE(nextStatuses(S::Dispatched), (V{S::EnRoute, S::OnScene, S::Clear, S::Available}));
        QCOMPARE(nextStatuses(S::EnRoute), (V{S::OnScene, S::Clear}));
        QCOMPARE(nextStatuses(S::OnScene), (V{S::Transporting, S::Clear}));
        QCOMPARE(nextStatuses(S::Transporting), (V{S::Clear}));
        QCOMPARE(nextStatuses(S::Clear), (V{S::Available, S::Dispatched, S::OutOfService}));
        QCOMPARE(nextStatuses(S::OutOfService), (V{S::Available}));
    }

    void codesRoundTrip()
    {
        const char* expected[] = {"available",    "dispatched", "en_route",      "on_scene",
                                  "transporting", "clear",      "out_of_service"};
        for (std::size_t i = 0; i < kAllUnitStatuses.size(); ++i) {
            QCOMPARE(unitStatusCode(kAllUnitStatuses[i]), std::string_view(expected[i]));
            QCOMPARE(unitStatusFromCode(expected[i]), std::optional<UnitStatus>(kAllUnitStatuses[i]));
        }
        QVERIFY(!unitStatusFromCode("On_Scene"));
        QVERIFY(!unitStatusFromCode("en-route"));
        QVERIFY(!unitStatusFromCode(""));

        QCOMPARE(unitKindCode(UnitKind::CommunityResponse), std::string_view("crt"));
        QCOMPARE(unitKindCode(UnitKind::CoResponse), std::string_view("cor"));
        QCOMPARE(unitKindFromCode("crt"), std::optional<UnitKind>(UnitKind::CommunityResponse));
        QCOMPARE(unitKindFromCode("cor"), std::optional<UnitKind>(UnitKind::CoResponse));
        QVERIFY(!unitKindFromCode("CRT"));
        QVERIFY(!unitKindFromCode("police"));
    }

    void onCall()
    {
        QVERIFY(!isOnCall(S::Available));
        QVERIFY(isOnCall(S::Dispatched));
        QVERIFY(isOnCall(S::EnRoute));
        QVERIFY(isOnCall(S::OnScene));
        QVERIFY(isOnCall(S::Transporting));
        QVERIFY(isOnCall(S::Clear));
        QVERIFY(!isOnCall(S::OutOfService));
    }

    void typicalRun()
    {
        const auto times = callTimes(
            {{S::Dispatched, t(0)}, {S::EnRoute, t(1, 30)}, {S::OnScene, t(14, 10)}, {S::Clear, t(52)}});
        QVERIFY(times);
        QCOMPARE(times.value().dispatchToArrival, mins(14, 10));
        QCOMPARE(times.value().onScene, mins(37, 50));
        QCOMPARE(times.value().transport, std::optional<seconds>());
        QCOMPARE(times.value().total, mins(52));
    }

    void withTransport()
    {
        const auto times = callTimes({{S::Dispatched, t(0)},
                                      {S::EnRoute, t(2)},
                                      {S::OnScene, t(12)},
                                      {S::Transporting, t(40)},
                                      {S::Clear, t(65)},
                                      {S::Available, t(70)}});
        QVERIFY(times);
        QCOMPARE(times.value().dispatchToArrival, mins(12));
        QCOMPARE(times.value().onScene, mins(28)); // ends when the transport starts
        QCOMPARE(times.value().transport, mins(25));
        QCOMPARE(times.value().total, mins(65)); // to clear, not to available
    }

    void arrivedAtOnce()
    {
        const auto times = callTimes({{S::Dispatched, t(0)}, {S::OnScene, t(0, 45)}, {S::Clear, t(30)}});
        QVERIFY(times);
        QCOMPARE(times.value().dispatchToArrival, mins(0, 45));
        QCOMPARE(times.value().onScene, mins(29, 15));
        QCOMPARE(times.value().total, mins(30));
    }

    void sameInstantIsInOrder()
    {
        const auto times = callTimes({{S::Dispatched, t(5)}, {S::OnScene, t(5)}, {S::Clear, t(20)}});
        QVERIFY(times);
        QCOMPARE(times.value().dispatchToArrival, mins(0));
    }

    void cancelledOnTheWay()
    {
        const auto times = callTimes({{S::Dispatched, t(0)}, {S::EnRoute, t(1)}, {S::Clear, t(6)}});
        QVERIFY(times);
        QCOMPARE(times.value().dispatchToArrival, std::optional<seconds>());
        QCOMPARE(times.value().onScene, std::optional<seconds>());
        QCOMPARE(times.value().transport, std::optional<seconds>());
        QCOMPARE(times.value().total, mins(6));
    }

    void cancelledBeforeMoving()
    {
        const auto times = callTimes({{S::Dispatched, t(0)}, {S::Available, t(2)}});
        QVERIFY(times);
        QCOMPARE(times.value().dispatchToArrival, std::optional<seconds>());
        QCOMPARE(times.value().onScene, std::optional<seconds>());
        QCOMPARE(times.value().total, mins(2));
    }

    void callUnderWay()
    {
        const auto times = callTimes({{S::Dispatched, t(0)}, {S::EnRoute, t(1)}, {S::OnScene, t(9)}});
        QVERIFY(times);
        QCOMPARE(times.value().dispatchToArrival, mins(9));
        QCOMPARE(times.value().onScene, std::optional<seconds>());
        QCOMPARE(times.value().total, std::optional<seconds>());
        QCOMPARE(callTimes({}).value(), CallTimes{});
    }

    // A unit cleared from one call and dispatched straight to the next: each
    // call has its own changes and its own times; both in one list is refused.
    void backToBackCalls()
    {
        const std::vector<StatusChange> first = {
            {S::Dispatched, t(0)}, {S::EnRoute, t(1)}, {S::OnScene, t(10)}, {S::Clear, t(40)}};
        const std::vector<StatusChange> second = {
            {S::Dispatched, t(40)}, {S::EnRoute, t(41)}, {S::OnScene, t(48)}, {S::Clear, t(75)}};
        const auto a = callTimes(first), b = callTimes(second);
        QVERIFY(a && b);
        QCOMPARE(a.value().dispatchToArrival, mins(10));
        QCOMPARE(a.value().total, mins(40));
        QCOMPARE(b.value().dispatchToArrival, mins(8));
        QCOMPARE(b.value().onScene, mins(27));
        QCOMPARE(b.value().total, mins(35));
        QVERIFY(!checkTransition(S::Clear, S::Dispatched));

        std::vector<StatusChange> both = first;
        both.insert(both.end(), second.begin(), second.end());
        const auto refused = callTimes(both);
        QVERIFY(!refused);
        QCOMPARE(refused.error().code, std::string("transition-not-allowed"));
        QCOMPARE(refused.error().field, std::string("changes[4].status"));
    }

    void backInOrOutOfServiceAfterTheCall()
    {
        const auto times = callTimes({{S::Dispatched, t(0)},
                                      {S::OnScene, t(5)},
                                      {S::Clear, t(25)},
                                      {S::OutOfService, t(26)},
                                      {S::Available, t(56)}});
        QVERIFY(times);
        QCOMPARE(times.value().total, mins(25));
        const auto next = callTimes({{S::Dispatched, t(0)}, {S::Available, t(1)}, {S::Dispatched, t(3)}});
        QVERIFY(!next);
        QCOMPARE(next.error().field, std::string("changes[2].status"));
    }

    void errors_data()
    {
        QTest::addColumn<std::vector<StatusChange>>("changes");
        QTest::addColumn<QString>("code");
        QTest::addColumn<QString>("field");
        using V = std::vector<StatusChange>;
        QTest::newRow("on scene before dispatched")
            << V{{S::Available, t(0)}, {S::OnScene, t(5)}} << "transition-not-allowed"
            << "changes[0].status";
        QTest::newRow("starts on scene")
            << V{{S::OnScene, t(0)}, {S::Clear, t(5)}} << "transition-not-allowed"
            << "changes[0].status";
        QTest::newRow("starts clear") << V{{S::Clear, t(0)}} << "transition-not-allowed"
                                      << "changes[0].status";
        QTest::newRow("transport before on scene")
            << V{{S::Dispatched, t(0)}, {S::EnRoute, t(1)}, {S::Transporting, t(5)}}
            << "transition-not-allowed"
            << "changes[2].status";
        QTest::newRow("on scene twice")
            << V{{S::Dispatched, t(0)}, {S::OnScene, t(1)}, {S::OnScene, t(5)}} << "transition-not-allowed"
            << "changes[2].status";
        QTest::newRow("available from on scene")
            << V{{S::Dispatched, t(0)}, {S::OnScene, t(1)}, {S::Available, t(5)}} << "transition-not-allowed"
            << "changes[2].status";
        QTest::newRow("en route after on scene")
            << V{{S::Dispatched, t(0)}, {S::OnScene, t(1)}, {S::EnRoute, t(5)}} << "transition-not-allowed"
            << "changes[2].status";
        QTest::newRow("arrival before dispatch")
            << V{{S::Dispatched, t(10)}, {S::OnScene, t(9)}} << "times-out-of-order"
            << "changes[1].at";
        QTest::newRow("clear a second early")
            << V{{S::Dispatched, t(0)}, {S::EnRoute, t(2)}, {S::OnScene, t(10)}, {S::Clear, t(9, 59)}}
            << "times-out-of-order"
            << "changes[3].at";
        // Both wrong at index 1: the time is reported (checked first).
        QTest::newRow("both wrong") << V{{S::Dispatched, t(10)}, {S::Transporting, t(5)}}
                                    << "times-out-of-order"
                                    << "changes[1].at";
    }

    void errors()
    {
        QFETCH(std::vector<StatusChange>, changes);
        QFETCH(QString, code);
        QFETCH(QString, field);
        const auto times = callTimes(changes);
        QVERIFY(!times);
        QCOMPARE(QString::fromStdString(times.error().code), code);
        QCOMPARE(QString::fromStdString(times.error().field), field);
        QVERIFY(!times.error().detail.empty());
    }

    // US Eastern, 2024-03-10: 02:00 EST becomes 03:00 EDT. Dispatched at
    // 01:50 EST, on scene at 03:05 EDT: 15 minutes, not 75.
    void springForwardIsPlainUtc()
    {
        const auto times = callTimes({{S::Dispatched, utc(2024, 3, 10, 6, 50)}, // 01:50 EST
                                      {S::OnScene, utc(2024, 3, 10, 7, 5)},     // 03:05 EDT
                                      {S::Clear, utc(2024, 3, 10, 7, 45)}});    // 03:45 EDT
        QVERIFY(times);
        QCOMPARE(times.value().dispatchToArrival, mins(15));
        QCOMPARE(times.value().onScene, mins(40));
        QCOMPARE(times.value().total, mins(55));
    }

    // 2024-11-03: 02:00 EDT becomes 01:00 EST. Dispatched at 01:30 EDT, on
    // scene at 01:10 EST: the wall clock went back, the call took 40 minutes.
    void fallBackIsPlainUtc()
    {
        const auto times = callTimes({{S::Dispatched, utc(2024, 11, 3, 5, 30)}, // 01:30 EDT
                                      {S::OnScene, utc(2024, 11, 3, 6, 10)},    // 01:10 EST
                                      {S::Clear, utc(2024, 11, 3, 6, 50)}});    // 01:50 EST
        QVERIFY(times);
        QCOMPARE(times.value().dispatchToArrival, mins(40));
        QCOMPARE(times.value().total, mins(80));
    }
};

QTEST_APPLESS_MAIN(TestUnitStatus)
#include "tst_core_unit_status.moc"
