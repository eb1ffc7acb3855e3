// heartdesk-cli set-setting, run as a real process: an administrator stores
// the crisis services the safety plans carry and the follow-up policy; a
// setting that cannot be read is refused naming what is wrong, and nothing
// is stored; only administrators may.
#include "cli/CliTestSupport.h"
#include "common/StrictTestMain.h"

#include <QFile>
#include <QTemporaryDir>
#include <QTest>

using namespace heart::clitest;

namespace {
const QString kAdminPassword = QStringLiteral("Adm1n-pw-7fa3c9e2");
} // namespace

class TestCliSettings : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_dir;
    std::unique_ptr<CliRunner> m_cli;
    QString m_db;

    QString write(const QString& name, const QByteArray& content)
    {
        const QString path = m_dir.filePath(name);
        QFile file(path);
        if (!file.open(QIODevice::WriteOnly) || file.write(content) != content.size())
            qFatal("cannot write %s", qPrintable(path));
        return path;
    }
    CliResult setSetting(const QString& key, const QString& file, const QString& as = QStringLiteral("admin"))
    {
        CliRunner cli = *m_cli;
        cli.setEnv(QStringLiteral("HEARTDESK_ADMIN_PASSWORD"), kAdminPassword);
        return cli.run({QStringLiteral("set-setting"), QStringLiteral("--as"), as, QStringLiteral("--key"),
                        key, QStringLiteral("--file"), file, QStringLiteral("--database"), m_db});
    }
    QString stored(const char* key)
    {
        RawSql raw = RawSql::sqlite(m_db);
        return raw
            .scalar(QStringLiteral("SELECT value FROM settings WHERE key = '%1'").arg(QLatin1String(key)))
            .toString();
    }

private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY(m_dir.isValid());
        m_cli = std::make_unique<CliRunner>(m_dir.path());
        m_db = m_dir.filePath(QStringLiteral("settings.sqlite"));
        CliRunner cli = *m_cli;
        cli.setEnv(QStringLiteral("HEARTDESK_NEW_PASSWORD"), kAdminPassword);
        const CliResult admin =
            cli.run({QStringLiteral("create-admin"), QStringLiteral("--login"), QStringLiteral("admin"),
                     QStringLiteral("--name"), QStringLiteral("Ada Administrator"),
                     QStringLiteral("--database"), m_db});
        QVERIFY2(admin.exitCode == 0, qPrintable(admin.describe()));
    }

    void crisisServicesAreStored()
    {
        const QByteArray json = R"json({"en": [{"name": "988 Suicide & Crisis Lifeline", "phone": "988"},
                                               {"name": "Durham Warm Line", "phone": "(919) 555-0151"}],
                                        "es": [{"name": "Línea 988", "phone": "988"}]})json";
        const CliResult r =
            setSetting(QStringLiteral("crisis-services"), write(QStringLiteral("crisis.json"), json));
        QVERIFY2(r.exitCode == 0, qPrintable(r.describe()));
        QVERIFY2(r.out.contains(QStringLiteral("stored the setting 'crisis-services'")),
                 qPrintable(r.describe()));
        QCOMPARE(stored("crisis_services").toUtf8(), json);
        RawSql raw = RawSql::sqlite(m_db);
        QCOMPARE(raw.scalar(QStringLiteral("SELECT COUNT(*) FROM audit_log WHERE action = 'update' "
                                           "AND record_type = 'setting' AND record_id = 'crisis_services'"))
                     .toInt(),
                 1);
    }

    void aSettingThatCannotBeReadIsRefused()
    {
        const QString before = stored("crisis_services");
        const CliResult noEnglish =
            setSetting(QStringLiteral("crisis-services"),
                       write(QStringLiteral("no-en.json"),
                             R"json({"es": [{"name": "Línea 988", "phone": "988"}]})json"));
        QVERIFY2(noEnglish.exitCode != 0, qPrintable(noEnglish.describe()));
        QVERIFY2(noEnglish.err.contains(QStringLiteral("$.en")), qPrintable(noEnglish.describe()));
        const CliResult noPhone =
            setSetting(QStringLiteral("crisis-services"),
                       write(QStringLiteral("no-phone.json"), R"json({"en": [{"name": "Warm line"}]})json"));
        QVERIFY2(noPhone.exitCode != 0, qPrintable(noPhone.describe()));
        QVERIFY2(noPhone.err.contains(QStringLiteral("$.en[0]")), qPrintable(noPhone.describe()));
        QCOMPARE(stored("crisis_services"), before);

        const CliResult policy = setSetting(
            QStringLiteral("follow-up-policy"),
            write(QStringLiteral("policy.json"), R"json({"followUp": {"crt": {"dueHours": -4}}})json"));
        QVERIFY2(policy.exitCode != 0, qPrintable(policy.describe()));
        QVERIFY(stored("follow_up_policy").isEmpty());
    }

    void aNumberOutOfRangeIsRefusedNamingItsPath()
    {
        // Issue 19: {"dueSoonHours": 1e400} aborted set-setting; then it was
        // refused without saying where. The error names the JSON path and what.
        const QString before = stored("crisis_services");
        const CliResult policy =
            setSetting(QStringLiteral("follow-up-policy"),
                       write(QStringLiteral("e400.json"), R"json({"dueSoonHours": 1e400})json"));
        QVERIFY2(policy.exitCode != 0, qPrintable(policy.describe()));
        QVERIFY2(policy.err.contains(QStringLiteral("dueSoonHours")), qPrintable(policy.describe()));
        QVERIFY2(policy.err.contains(QStringLiteral("out of range")), qPrintable(policy.describe()));
        QVERIFY(stored("follow_up_policy").isEmpty());
        const CliResult crisis = setSetting(
            QStringLiteral("crisis-services"),
            write(QStringLiteral("e400-crisis.json"), R"json({"en": [{"name": "x", "phone": 1e400}]})json"));
        QVERIFY2(crisis.exitCode != 0, qPrintable(crisis.describe()));
        QVERIFY2(crisis.err.contains(QStringLiteral("$.en[0].phone")), qPrintable(crisis.describe()));
        QVERIFY2(crisis.err.contains(QStringLiteral("out of range")), qPrintable(crisis.describe()));
        QCOMPARE(stored("crisis_services"), before);
    }

    void theFollowUpPolicyIsStored()
    {
        const CliResult r =
            setSetting(QStringLiteral("follow-up-policy"),
                       write(QStringLiteral("max.json"), R"json({"maxUnsuccessfulAttempts": 4})json"));
        QVERIFY2(r.exitCode == 0, qPrintable(r.describe()));
        QVERIFY(stored("follow_up_policy").contains(QStringLiteral("maxUnsuccessfulAttempts")));
    }

    // The center's CAD nature codes: CSV in, checked against the rule sets'
    // call types (named when unknown, nothing stored), kept as JSON.
    void theCadNatureCodesAreCheckedAndStored()
    {
        const CliResult unknown =
            setSetting(QStringLiteral("cad-nature-codes"),
                       write(QStringLiteral("bad-codes.csv"),
                             "code,call_type\nMENT,mental-health-crisis\nZZ,no-such-type\n"));
        QVERIFY2(unknown.exitCode != 0, qPrintable(unknown.describe()));
        QVERIFY2(unknown.err.contains(QStringLiteral("no-such-type")), qPrintable(unknown.describe()));
        QVERIFY(stored("cad_nature_codes").isEmpty());
        const CliResult broken =
            setSetting(QStringLiteral("cad-nature-codes"),
                       write(QStringLiteral("broken.csv"), "MENT,\"mental-health-crisis\n"));
        QVERIFY2(broken.exitCode != 0, qPrintable(broken.describe()));
        QVERIFY2(broken.err.contains(QStringLiteral("line")), qPrintable(broken.describe()));
        const CliResult ok = setSetting(QStringLiteral("cad-nature-codes"),
                                        write(QStringLiteral("codes.csv"),
                                              "code,call_type,description\nMH1,mental-health-crisis,Psych\n"
                                              "WLF,welfare-check,Check welfare\n"));
        QVERIFY2(ok.exitCode == 0, qPrintable(ok.describe()));
        QVERIFY(stored("cad_nature_codes").contains(QStringLiteral("\"MH1\"")));
        QVERIFY(stored("cad_nature_codes").contains(QStringLiteral("welfare-check")));
    }

    void usageErrors()
    {
        const CliResult unknown = setSetting(QStringLiteral("colour"), write(QStringLiteral("x.json"), "{}"));
        QCOMPARE(unknown.exitCode, 2);
        QVERIFY2(unknown.err.contains(QStringLiteral("unknown setting 'colour'")),
                 qPrintable(unknown.describe()));
        const CliResult missing =
            setSetting(QStringLiteral("crisis-services"), m_dir.filePath(QStringLiteral("none.json")));
        QVERIFY(missing.exitCode != 0);
        QVERIFY2(missing.err.contains(QStringLiteral("cannot read")), qPrintable(missing.describe()));
    }
};

HEART_TEST_MAIN(TestCliSettings)
#include "tst_cli_settings.moc"
