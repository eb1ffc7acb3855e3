// heartdesk-cli report on the demo database: the JSON's tables add up (the
// calls by program sum to the calls of the period, eligibility counts every
// eligible call once), the public CSV publishes no count from 1 to 10, the
// read is audited, and a counselor or a malformed period is refused.
#include "cli/CliTestSupport.h"
#include "common/StrictTestMain.h"

#include <QDate>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTemporaryDir>
#include <QTest>
#include <memory>

using namespace heart::clitest;

class TestCliReport : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_dir;
    std::unique_ptr<CliRunner> m_cli;
    QString m_db;
    QString m_period; // the demo's three weeks

    CliResult report(const QString& login, const QString& password, const QStringList& extra)
    {
        CliRunner cli = *m_cli;
        cli.setEnv(QStringLiteral("HEARTDESK_PASSWORD"), password);
        return cli.run(QStringList{QStringLiteral("report"), QStringLiteral("--as"), login,
                                   QStringLiteral("--database"), m_db} +
                       extra);
    }

private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY(m_dir.isValid());
        m_cli = std::make_unique<CliRunner>(m_dir.path());
        m_db = m_dir.filePath(QStringLiteral("report.sqlite"));
        const CliResult demo = m_cli->run({QStringLiteral("demo"), QStringLiteral("--database"), m_db});
        QVERIFY2(demo.exitCode == 0, qPrintable(demo.describe()));
        const QDate today = QDate::currentDate();
        m_period =
            today.addDays(-30).toString(Qt::ISODate) + QStringLiteral("..") + today.toString(Qt::ISODate);
    }

    void jsonTablesAddUp()
    {
        const CliResult r = report(
            QStringLiteral("supervisor"), QStringLiteral("supervisor-demo"),
            {QStringLiteral("--period"), m_period, QStringLiteral("--format"), QStringLiteral("json")});
        CLI_EXPECT_EXIT(r, 0);
        const QJsonObject doc = QJsonDocument::fromJson(r.out.toUtf8()).object();
        QCOMPARE(doc.value(QStringLiteral("period")).toString(), m_period);
        const int calls = doc.value(QStringLiteral("calls")).toInt();
        QVERIFY2(calls > 50, qPrintable(r.out.left(400)));
        QMap<QString, QJsonObject> tables;
        for (const QJsonValue& table : doc.value(QStringLiteral("tables")).toArray())
            tables.insert(table.toObject().value(QStringLiteral("id")).toString(), table.toObject());
        QCOMPARE(tables.value(QStringLiteral("calls_by_program")).value(QStringLiteral("total")).toInt(),
                 calls);
        QCOMPARE(tables.value(QStringLiteral("calls_by_hour_of_week")).value(QStringLiteral("total")).toInt(),
                 calls);
        // The demo runs on Durham's rule sets: CRT had eligible calls.
        const QJsonObject eligibility = tables.value(QStringLiteral("eligibility"));
        const QJsonArray rows = eligibility.value(QStringLiteral("rows")).toArray();
        const int crt = int(rows.toVariantList().indexOf(QStringLiteral("crt")));
        QVERIFY(crt >= 0);
        const int eligibleCrt = eligibility.value(QStringLiteral("rowTotals")).toArray().at(crt).toInt();
        QVERIFY(eligibleCrt > 0);
        // Missed by reason sums to the missed column.
        const QJsonObject missed = tables.value(QStringLiteral("missed_by_reason"));
        QCOMPARE(missed.value(QStringLiteral("rowTotals")).toArray().at(crt).toInt(),
                 eligibility.value(QStringLiteral("cells")).toArray().at(crt).toArray().at(1).toInt());
        QCOMPARE(doc.value(QStringLiteral("ruleSets")).toArray().size() > 0, true);
    }

    void publicCsvHasNoSmallCounts()
    {
        const CliResult r = report(QStringLiteral("supervisor"), QStringLiteral("supervisor-demo"),
                                   {QStringLiteral("--period"), m_period, QStringLiteral("--public")});
        CLI_EXPECT_EXIT(r, 0);
        const QStringList lines = r.out.split(u'\n', Qt::SkipEmptyParts);
        QCOMPARE(lines.value(0), QStringLiteral("period,table,row,column,value"));
        int withheld = 0;
        for (const QString& line : lines.mid(1)) {
            const QString value = line.section(u',', -1);
            bool number = false;
            const double n = value.toDouble(&number);
            if (number && !line.contains(QStringLiteral(",trends,")) &&
                !line.contains(QStringLiteral("durations")))
                QVERIFY2(n == 0 || n > 10, qPrintable(line));
            withheld += value == QStringLiteral("<11") ? 1 : 0;
        }
        QVERIFY2(withheld > 0, "the demo's month has small cells to withhold");
        // The same without --public shows them.
        const CliResult open = report(QStringLiteral("supervisor"), QStringLiteral("supervisor-demo"),
                                      {QStringLiteral("--period"), m_period});
        CLI_EXPECT_EXIT(open, 0);
        QVERIFY(!open.out.contains(QStringLiteral("<11")));
    }

    void theReadIsAudited()
    {
        RawSql raw = RawSql::sqlite(m_db);
        QVERIFY(raw.isOpen());
        QVERIFY(raw.scalar(QStringLiteral("SELECT COUNT(*) FROM audit_log WHERE action = 'report_read'"))
                    .toInt() >= 1);
    }

    void refusals()
    {
        CLI_EXPECT_EXIT(report(QStringLiteral("supervisor"), QStringLiteral("supervisor-demo"),
                               {QStringLiteral("--period"), QStringLiteral("2026-13")}),
                        2);
        const CliResult counselor = report(QStringLiteral("counselor"), QStringLiteral("counselor-demo"),
                                           {QStringLiteral("--period"), m_period});
        CLI_EXPECT_EXIT(counselor, 1);
        QVERIFY2(counselor.err.contains(QStringLiteral("not a supervisor")),
                 qPrintable(counselor.describe()));
    }
};

HEART_TEST_MAIN(TestCliReport)
#include "tst_cli_report.moc"
