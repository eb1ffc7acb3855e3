// Dispositions against the routing recommendation: which choices need a
// written reason, which program handled the call, which send a unit.
#include "core/routing/Disposition.h"

#include <QTest>

using namespace heart::routing;

class TestDisposition : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void followsRecommendation_data()
    {
        QTest::addColumn<QString>("disposition");
        QTest::addColumn<QString>("recommended");
        QTest::addColumn<bool>("follows");
        const QString ccdCrt = QStringLiteral("ccd,crt"), ccdCor = QStringLiteral("ccd,cor"),
                      ccdPolice = QStringLiteral("ccd,police-ems"), police = QStringLiteral("police-ems");
        QTest::newRow("crt as recommended") << "crt_dispatch" << ccdCrt << true;
        QTest::newRow("resolved by phone with ccd") << "diverted" << ccdCrt << true;
        QTest::newRow("988 with ccd") << "transferred_988" << ccdPolice << true;
        QTest::newRow("cor instead of crt") << "cor_dispatch" << ccdCrt << false;
        QTest::newRow("police instead of crt") << "police_ems" << ccdCrt << false;
        QTest::newRow("cor as recommended") << "cor_dispatch" << ccdCor << true;
        QTest::newRow("crt instead of cor") << "crt_dispatch" << ccdCor << false;
        QTest::newRow("police as recommended") << "police_ems" << police << true;
        QTest::newRow("phone when ccd closed") << "diverted" << police << false;
        QTest::newRow("crt when only police") << "crt_dispatch" << police << false;
        QTest::newRow("declined, anything") << "declined" << police << true;
        QTest::newRow("declined with crt") << "declined" << ccdCrt << true;
    }

    void followsRecommendation()
    {
        QFETCH(QString, disposition);
        QFETCH(QString, recommended);
        QFETCH(bool, follows);
        std::vector<Program> programs;
        for (const QString& code : recommended.split(u','))
            programs.push_back(*programFromCode(code.toStdString()));
        const auto parsed = dispositionFromCode(disposition.toStdString());
        QVERIFY(parsed);
        QCOMPARE(heart::routing::followsRecommendation(*parsed, programs), follows);
    }

    void programsAndUnits()
    {
        QCOMPARE(handlingProgram(Disposition::Diverted), Program::CrisisCallDiversion);
        QCOMPARE(handlingProgram(Disposition::CrtDispatch), Program::CommunityResponse);
        QCOMPARE(handlingProgram(Disposition::CorDispatch), Program::CoResponse);
        QCOMPARE(handlingProgram(Disposition::PoliceEms), Program::PoliceEms);
        QVERIFY(sendsUnit(Disposition::CrtDispatch) && sendsUnit(Disposition::CorDispatch));
        QVERIFY(!sendsUnit(Disposition::Diverted) && !sendsUnit(Disposition::PoliceEms));
        for (Disposition d : kAllDispositions)
            QCOMPARE(dispositionFromCode(dispositionCode(d)), std::optional<Disposition>(d));
        QVERIFY(!dispositionFromCode("arrested"));
    }
};

QTEST_APPLESS_MAIN(TestDisposition)
#include "tst_core_disposition.moc"
