// Rule sets in the database, on both engines: an administrator imports one
// (audited) and every workstation's rule book then decides by it; a
// correction with the same id replaces it; a malformed document or a second
// rule set on the same day is refused with the loader's error and nothing is
// written; other roles are refused (and the refusal audited); with nothing
// stored the shipped Durham rules apply.
#include "common/StrictTestMain.h"
#include "common/TestDatabase.h"
#include "store/RuleSetStore.h"

#include <QTest>

using namespace heart;

namespace {

QByteArray ruleSet(const char* id, const char* effectiveFrom, const char* crtBeats)
{
    return QStringLiteral(
               R"({"format": "heartdesk-rules/1", "id": "%1", "name": "Test %1", "effectiveFrom": "%2",
        "timeZone": "EST5EDT,M3.2.0,M11.1.0",
        "callTypes": [{"code": "welfare-check", "name": "Welfare Check"}],
        "programs": {"crt": {"callTypes": "all", "serviceArea": {"beats": [%3]}, "hours": "always"}}})")
        .arg(QLatin1String(id), QLatin1String(effectiveFrom), QLatin1String(crtBeats))
        .toUtf8();
}

routing::Decision decideWelfareCheck(const routing::RuleBook& book, const char* beat)
{
    routing::CallFacts call;
    call.callType = "Welfare Check";
    call.beat = beat;
    call.received = roster::LocalDateTime{std::chrono::year{2025} / 6 / 4, 10 * 60};
    return routing::Router(book).decide(call).value();
}

} // namespace

class TestStoreRuleSets : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void init() { HEARTDESK_FRESH_DATABASE(m_fixture); }
    void cleanup() { m_fixture.reset(); }

    void shippedRulesApplyUntilOneIsStored()
    {
        store::RuleSetStore rules(m_fixture->db(), m_fixture->clock());
        auto book = rules.ruleBook();
        HEARTDESK_VERIFY_RESULT(book);
        QCOMPARE(book.value().ruleSets().size(), std::size_t(3));
        QCOMPARE(book.value().ruleSets().back().id, std::string("durham-2023-10-23-citywide"));
    }

    void importedRuleSetDecides()
    {
        store::RuleSetStore rules(m_fixture->db(), m_fixture->clock());
        const store::Actor admin = m_fixture->administrator();
        auto stored = rules.importRuleSet(admin, ruleSet("town-2025", "2025-01-01", "\"A1\""),
                                          QStringLiteral("town.json"));
        HEARTDESK_VERIFY_RESULT(stored);
        QCOMPARE(stored.value().key, QStringLiteral("town-2025"));
        QCOMPARE(stored.value().effectiveFrom, QDate(2025, 1, 1));
        QCOMPARE(stored.value().version, 1);
        QCOMPARE(m_fixture
                     ->sql(QStringLiteral("SELECT COUNT(*) FROM audit_log WHERE action = 'create' AND "
                                          "record_type = 'rule_set' AND record_id = ?"),
                           {stored.value().id})
                     .rows.first()
                     .first()
                     .toInt(),
                 1);

        auto book = rules.ruleBook();
        HEARTDESK_VERIFY_RESULT(book);
        QCOMPARE(book.value().ruleSets().size(), std::size_t(1));
        QVERIFY(decideWelfareCheck(book.value(), "A1").eligible(routing::Program::CommunityResponse));
        QVERIFY(!decideWelfareCheck(book.value(), "B2").eligible(routing::Program::CommunityResponse));

        // A correction with the same id replaces it: now B2 is in the area.
        auto corrected = rules.importRuleSet(admin, ruleSet("town-2025", "2025-01-01", "\"A1\", \"B2\""),
                                             QStringLiteral("town-v2.json"));
        HEARTDESK_VERIFY_RESULT(corrected);
        QCOMPARE(corrected.value().id, stored.value().id);
        QCOMPARE(corrected.value().version, 2);
        book = rules.ruleBook();
        QVERIFY(decideWelfareCheck(book.value(), "B2").eligible(routing::Program::CommunityResponse));
        auto listed = rules.list();
        HEARTDESK_VERIFY_RESULT(listed);
        QCOMPARE(listed.value().size(), 1);
        QCOMPARE(listed.value().first().sourceName, QStringLiteral("town-v2.json"));
    }

    void malformedOrClashingIsRefused()
    {
        store::RuleSetStore rules(m_fixture->db(), m_fixture->clock());
        const store::Actor admin = m_fixture->administrator();
        QByteArray broken = ruleSet("town-2025", "2025-01-01", "\"A1\"");
        broken.replace("\"always\"", "{\"mon\": [\"9-5\"]}");
        auto refused = rules.importRuleSet(admin, broken, QStringLiteral("town.json"));
        QVERIFY(!refused.ok());
        QCOMPARE(refused.error().code, store::StoreErrorCode::InvalidInput);
        QVERIFY2(refused.error().detail.startsWith(QStringLiteral("town.json: programs.crt.hours.mon[0]: ")),
                 qPrintable(refused.error().detail));
        QCOMPARE(
            m_fixture->sql(QStringLiteral("SELECT COUNT(*) FROM rule_sets")).rows.first().first().toInt(), 0);

        HEARTDESK_VERIFY_RESULT(rules.importRuleSet(admin, ruleSet("town-2025", "2025-01-01", "\"A1\""),
                                                    QStringLiteral("a.json")));
        auto sameDay =
            rules.importRuleSet(admin, ruleSet("other", "2025-01-01", "\"A1\""), QStringLiteral("b.json"));
        QVERIFY(!sameDay.ok());
        QVERIFY2(sameDay.error().detail.contains(
                     QStringLiteral("\"town-2025\" takes effect on 2025-01-01 already")),
                 qPrintable(sameDay.error().detail));
        QCOMPARE(
            m_fixture->sql(QStringLiteral("SELECT COUNT(*) FROM rule_sets")).rows.first().first().toInt(), 1);
    }

    void onlyAdministratorsImport()
    {
        store::RuleSetStore rules(m_fixture->db(), m_fixture->clock());
        for (Role role : {Role::CallCounselor, Role::Supervisor, Role::CrtTeamLead}) {
            auto refused = rules.importRuleSet(
                m_fixture->actorFor(role), ruleSet("x", "2025-01-01", "\"A1\""), QStringLiteral("x.json"));
            QVERIFY(!refused.ok());
            QCOMPARE(refused.error().code, store::StoreErrorCode::PermissionDenied);
        }
        QCOMPARE(
            m_fixture->sql(QStringLiteral("SELECT COUNT(*) FROM rule_sets")).rows.first().first().toInt(), 0);
        QCOMPARE(m_fixture
                     ->sql(QStringLiteral("SELECT COUNT(*) FROM audit_log WHERE action = 'permission_denied' "
                                          "AND record_type = 'rule_set'"))
                     .rows.first()
                     .first()
                     .toInt(),
                 3);
    }

private:
    std::unique_ptr<test::TestDatabase> m_fixture;
};

HEART_TEST_GUILESS_MAIN(TestStoreRuleSets)
#include "tst_store_rule_sets.moc"
