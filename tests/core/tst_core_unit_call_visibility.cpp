// Minimum necessary for a unit's call and the person's prior contacts: the
// whole role x part table written out here (a change to the rules must
// change this table too), and the codes.
#include "core/units/UnitCallVisibility.h"

#include <QTest>

using namespace heart;
using namespace heart::units;

Q_DECLARE_METATYPE(heart::Role)

class TestUnitCallVisibility : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void table_data()
    {
        QTest::addColumn<Role>("role");
        // call, contact, call clinical, prior calls, prior encounters, safety plan, follow-ups
        QTest::addColumn<QString>("expected");
        QTest::newRow("team lead") << Role::CrtTeamLead << QStringLiteral("1111111");
        QTest::newRow("co-response clinician") << Role::CoResponseClinician << QStringLiteral("1111111");
        QTest::newRow("peer support") << Role::PeerSupport << QStringLiteral("1101101");
        QTest::newRow("EMT") << Role::Emt << QStringLiteral("1101100");
        QTest::newRow("call counselor") << Role::CallCounselor << QStringLiteral("0000000");
        QTest::newRow("care navigator") << Role::CareNavigator << QStringLiteral("0000000");
        QTest::newRow("supervisor") << Role::Supervisor << QStringLiteral("0000000");
        QTest::newRow("administrator") << Role::Administrator << QStringLiteral("0000000");
    }

    void table()
    {
        QFETCH(Role, role);
        QFETCH(QString, expected);
        QString seen;
        for (CallPart part : kAllCallParts)
            seen += seesCallPart(role, part) ? QLatin1Char('1') : QLatin1Char('0');
        QCOMPARE(seen, expected);
        QCOMPARE(seesPriorContacts(role), expected.mid(3).contains(QLatin1Char('1')));
        // In core's order, without gaps or repeats.
        const std::vector<CallPart> parts = visibleCallParts(role);
        QVERIFY(std::is_sorted(parts.begin(), parts.end()));
        QCOMPARE(qsizetype(parts.size()), expected.count(QLatin1Char('1')));
    }

    void codes()
    {
        QStringList codes;
        for (CallPart part : kAllCallParts)
            codes << QString::fromLatin1(callPartCode(part).data(), qsizetype(callPartCode(part).size()));
        QCOMPARE(
            codes.join(QLatin1Char(' ')),
            QStringLiteral("call contact call_clinical prior_calls prior_encounters safety_plan follow_ups"));
    }
};

QTEST_APPLESS_MAIN(TestUnitCallVisibility)
#include "tst_core_unit_call_visibility.moc"
