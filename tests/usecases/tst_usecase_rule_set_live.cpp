// A new rule set version reaches the other workstations without a restart,
// on both engines (the fixture's clock: Monday 2026-03-02 15:00 UTC, 10:00 in
// Durham). Workstation A (an administrator) and workstation B (a call
// counselor) have their own connections to one database:
//   - B follows the change feed and decides with the shipped rules;
//   - A saves a version made from the citywide rules, effective the next
//     Monday (2026-03-09), with CRT open around the clock;
//   - B's feed brings A's save as a rule set change (what makes the
//     counselor's home read its rules again), and B's rule book then decides
//     a call at Sunday 23:59 by the citywide rules (CRT closed at night) and a
//     call at Monday 00:01 by the new version (CRT open), by the instant the
//     call was received.
#include "common/StrictTestMain.h"
#include "common/TestDatabase.h"
#include "store/ChangeFeed.h"
#include "usecases/CallUseCases.h"
#include "usecases/RuleSetUseCases.h"

#include <QFile>
#include <QSignalSpy>
#include <QTest>

using namespace heart;

namespace {

const std::string kCitywide = "durham-2023-10-23-citywide";
const std::string kNext = "durham-2026-03-09-citywide-always";

QByteArray nextVersion()
{
    QFile file(QStringLiteral(HEARTDESK_SOURCE_DIR "/resources/rules/durham-2023-10-23-citywide.json"));
    if (!file.open(QIODevice::ReadOnly))
        qFatal("cannot read the shipped citywide rules");
    QByteArray json = file.readAll();
    json.replace("\"id\": \"durham-2023-10-23-citywide\"", "\"id\": \"durham-2026-03-09-citywide-always\"");
    json.replace("\"effectiveFrom\": \"2023-10-23\"", "\"effectiveFrom\": \"2026-03-09\"");
    json.replace("\"09:00-21:00\"", "\"00:00-24:00\""); // CRT, every day
    return json;
}

// A welfare check in beat 311, received at this UTC instant, as workstation B decides it.
routing::Decision decideOn(usecases::CallUseCases& calls, TimePoint received)
{
    auto routing = calls.routing();
    if (!routing.ok())
        qFatal("routing data: %s", qPrintable(routing.error().detail));
    routing::Router router(std::move(routing.value().rules), routing.value().beats);
    routing::CallFacts call;
    call.callType = "Welfare Check";
    call.beat = "311";
    call.received = received;
    auto decision = router.decide(call);
    if (!decision)
        qFatal("no decision");
    return decision.value();
}

} // namespace

class TestUseCaseRuleSetLive : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void init() { HEARTDESK_FRESH_DATABASE(m_fixture); }
    void cleanup() { m_fixture.reset(); }

    void savedVersionDecidesOtherWorkstationsCallsFromItsDate()
    {
        store::StoreError error;
        std::unique_ptr<store::Database> second = m_fixture->openSecond(&error);
        QVERIFY2(second, qPrintable(error.detail));
        const store::Actor admin = m_fixture->administrator();
        const store::Actor counselor = m_fixture->actorFor(Role::CallCounselor);
        usecases::RuleSetUseCases onA({m_fixture->db(), m_fixture->clock(), admin});
        usecases::CallUseCases onB({*second, m_fixture->clock(), counselor});

        // Sunday 2026-03-08 23:59 and Monday 2026-03-09 00:01 in Durham (EDT from 03-08, UTC-4).
        const roster::TimeZoneRule zone = roster::TimeZoneRule::newYork();
        using namespace std::chrono;
        const TimePoint effective = zone.toUtc({year{2026} / March / 9, 0});
        const TimePoint before = effective - minutes{1};
        const TimePoint after = effective + minutes{1};

        // B, before A saves: the citywide rules decide both calls; CRT is closed at night.
        store::ChangeFeed& feedB = store::ChangeFeed::of(*second);
        QVERIFY(!feedB.catchUp());
        QCOMPARE(decideOn(onB, after).ruleSetId, kCitywide);
        QVERIFY(!decideOn(onB, after).eligible(routing::Program::CommunityResponse));

        auto saved = onA.saveNewVersion(nextVersion(), QString::fromStdString(kCitywide));
        HEARTDESK_VERIFY_RESULT(saved);

        // B hears of it through its own feed: a rule set changed.
        QSignalSpy heard(&feedB, &store::ChangeFeed::changes);
        QVERIFY(!feedB.catchUp());
        QList<store::JournalEntry> entries;
        for (const QList<QVariant>& signal : heard)
            entries += signal.first().value<QList<store::JournalEntry>>();
        QVERIFY2(usecases::RuleSetUseCases::changesRuleSets(entries), "no rule set change in B's feed");
        QVERIFY(!usecases::RuleSetUseCases::changesRuleSets({}));

        // B reads its rules again: a minute before the date the old rules, a minute after the new.
        const routing::Decision early = decideOn(onB, before);
        QCOMPARE(early.ruleSetId, kCitywide);
        QVERIFY(!early.eligible(routing::Program::CommunityResponse));
        const routing::Decision late = decideOn(onB, after);
        QCOMPARE(late.ruleSetId, kNext);
        QVERIFY(late.eligible(routing::Program::CommunityResponse));
        // And the calls of today are still decided as before.
        QCOMPARE(decideOn(onB, m_fixture->clock().now()).ruleSetId, kCitywide);
    }

private:
    std::unique_ptr<test::TestDatabase> m_fixture;
};

HEART_TEST_GUILESS_MAIN(TestUseCaseRuleSetLive)
#include "tst_usecase_rule_set_live.moc"
