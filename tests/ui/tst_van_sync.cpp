// The van laptop's window against a center on PostgreSQL, through a TCP
// relay that plays the van's cellular link: with the link cut the team lead
// works on (the status bar says offline and counts the changes waiting),
// and within seconds of the link coming back the center has the change,
// with the laptop's audit rows, and the status bar says online. A note
// edited in both places while apart is reviewed in the conflict dialog,
// which shows both versions; "Keep mine" sends the laptop's to the center.
#include "UiTestFixture.h"
#include "common/StrictTestMain.h"
#include "core/Uuid.h"
#include "shell/VanSync.h"
#include "store/AccountStore.h"
#include "store/CoreText.h"
#include "store/EncounterStore.h"
#include "store/sync/SyncEngine.h"
#include "sync/TcpRelay.h"
#include "units/TeamLeadHome.h"

#include <QAction>
#include <QLabel>
#include <QPixmap>
#include <QPushButton>
#include <QTableWidget>
#include <QTest>
#include <QUrl>

using namespace heart;
using namespace std::chrono_literals;

namespace {

QString value(store::Database& db, const QString& sql, const QVariantList& values = {})
{
    const auto rows = test::TestDatabase::sqlOn(db, sql, values);
    return rows.ok && !rows.rows.isEmpty() ? rows.rows.at(0).at(0).toString() : QStringLiteral("<none>");
}

encounter::EncounterNote noteSaying(const std::string& assessment)
{
    encounter::EncounterNote note;
    note.presentingConcern = "Pacing outside, could not sleep";
    note.assessment = assessment;
    return note;
}

} // namespace

class TestVanSync : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void init()
    {
        m_center = std::make_unique<test::UiTestFixture>();
        QVERIFY(m_center->ok());
        test::TestDatabase* server = m_center->server();
        QVERIFY2(server, "a PostgreSQL center is needed (HEARTDESK_TEST_ENGINE=postgresql)");
        m_relay = std::make_unique<test::TcpRelay>(server->spec().host, quint16(server->spec().port));
        const QString relayProblem = m_relay->start();
        QVERIFY2(relayProblem.isEmpty(), qPrintable(relayProblem));
        m_unitId = value(m_center->db(), QStringLiteral("SELECT id FROM units WHERE code = 'CRT-1'"));
        // Set up at the depot (the link up), then on the road: the link cut.
        store::ConnectionSpec through = server->spec();
        through.port = m_relay->port();
        QString location =
            QStringLiteral("postgresql://%1@%2:%3/%4")
                .arg(through.user, through.host, QString::number(through.port), through.database);
        if (!through.sslMode.isEmpty())
            location +=
                QStringLiteral("?sslmode=%1&sslrootcert=%2").arg(through.sslMode, through.sslRootCert);
        m_dir = std::make_unique<QTemporaryDir>(); // a new laptop for every test
        m_laptopPath = m_dir->filePath(QStringLiteral("van.sqlite"));
        {
            store::Database laptop;
            HEARTDESK_VERIFY_OK(laptop.open(store::ConnectionSpec::sqlite(m_laptopPath)));
            m_identity = {store::toQString(newRecordId(m_center->clock().now())), m_unitId,
                          QStringLiteral("CRT-1 laptop"), location};
            HEARTDESK_VERIFY_OK(
                store::sync::provisionLaptop(laptop, m_center->db(), m_center->clock(), m_identity));
        }
        m_relay->setLinkUp(false);
        qputenv("HEARTDESK_CENTER_PASSWORD", server->password().toUtf8());
        m_van = std::make_unique<test::UiTestFixture>(test::UiTestFixture::ExistingDatabase{m_laptopPath});
        QVERIFY(m_van->ok());
        QVERIFY(m_van->window().vanSync());
        m_van->typeSignIn(QStringLiteral("teamlead"), QStringLiteral("teamlead-demo"));
        QVERIFY(m_van->window().actor().has_value());
    }
    void cleanup()
    {
        m_van.reset();
        m_relay.reset();
        m_center.reset();
        m_dir.reset();
        qunsetenv("HEARTDESK_CENTER_PASSWORD");
    }

    void workedOfflineReachesTheCenterWhenTheLinkReturns()
    {
        QLabel* status = m_van->window().vanSync()->statusLabel();
        QTRY_VERIFY2(status->text().startsWith(QStringLiteral("Offline")), qPrintable(status->text()));
        auto* home = qobject_cast<ui::TeamLeadHome*>(m_van->window().home());
        QVERIFY(home);
        QCOMPARE(home->unit().status, units::UnitStatus::OnScene);
        QTest::keyClick(home, Qt::Key_5, Qt::ControlModifier); // transporting, offline
        QTRY_COMPARE(home->unit().status, units::UnitStatus::Transporting);
        QTRY_VERIFY2(status->text().contains(QStringLiteral("1 change waiting")), qPrintable(status->text()));
        const QString unitStatus = QStringLiteral("SELECT status FROM units WHERE id = ?");
        QCOMPARE(value(m_center->db(), unitStatus, {m_unitId}), QStringLiteral("on_scene"));

        m_relay->setLinkUp(true);
        QTRY_COMPARE_WITH_TIMEOUT(value(m_center->db(), unitStatus, {m_unitId}),
                                  QStringLiteral("transporting"), 15000);
        QTRY_VERIFY2(status->text().startsWith(QStringLiteral("Online")), qPrintable(status->text()));
        QVERIFY2(!status->text().contains(QStringLiteral("waiting")), qPrintable(status->text()));
        // Audited at the center as the team lead's, from the laptop, with the laptop's own rows.
        QCOMPARE(value(m_center->db(),
                       QStringLiteral("SELECT COUNT(*) FROM change_journal WHERE record_type = 'unit' AND "
                                      "record_id = ? AND workstation = 'CRT-1 laptop'"),
                       {m_unitId}),
                 QStringLiteral("1"));
        QTRY_VERIFY(value(m_center->db(),
                          QStringLiteral("SELECT COUNT(*) FROM device_audit_log WHERE device_id = ? AND "
                                         "action = 'status_change'"),
                          {m_identity.deviceId}) == QStringLiteral("1"));
    }

    void aNoteEditedInBothPlacesIsReviewedAndMineKept()
    {
        const QString encounterId = value(
            m_center->db(),
            QStringLiteral("SELECT id FROM encounters WHERE unit_id = ? AND signed_at IS NULL"), {m_unitId});
        QVERIFY(encounterId != QStringLiteral("<none>"));
        // At the center the lead's colleague (same account, another desk) edits the note ...
        store::AccountStore centerAccounts(m_center->db(), m_center->clock());
        auto there = centerAccounts.signIn(QStringLiteral("teamlead"), QStringLiteral("teamlead-demo"),
                                           QStringLiteral("center-desk"));
        HEARTDESK_VERIFY_RESULT(there);
        store::EncounterStore centerNotes(m_center->db(), m_center->clock(), centerAccounts);
        auto centerNote = centerNotes.open(there.value(), encounterId);
        HEARTDESK_VERIFY_RESULT(centerNote);
        HEARTDESK_VERIFY_RESULT(centerNotes.update(there.value(), encounterId, centerNote.value().version,
                                                   noteSaying("Center: calmer after the call")));
        // ... and in the van, offline, the lead writes the same field otherwise.
        store::Database vanConnection;
        HEARTDESK_VERIFY_OK(vanConnection.open(store::ConnectionSpec::sqlite(m_laptopPath)));
        store::AccountStore vanAccounts(vanConnection, m_van->clock());
        auto here = vanAccounts.signIn(QStringLiteral("teamlead"), QStringLiteral("teamlead-demo"),
                                       QStringLiteral("van"));
        HEARTDESK_VERIFY_RESULT(here);
        store::EncounterStore vanNotes(vanConnection, m_van->clock(), vanAccounts);
        auto vanNote = vanNotes.open(here.value(), encounterId);
        HEARTDESK_VERIFY_RESULT(vanNote);
        HEARTDESK_VERIFY_RESULT(vanNotes.update(here.value(), encounterId, vanNote.value().version,
                                                noteSaying("Van: agreed to see the clinic tomorrow")));

        m_relay->setLinkUp(true);
        QLabel* status = m_van->window().vanSync()->statusLabel();
        QTRY_VERIFY_WITH_TIMEOUT(status->text().contains(QStringLiteral("1 conflict to review")), 15000);
        const QString assessment = QStringLiteral("SELECT assessment FROM encounters WHERE id = ?");
        QCOMPARE(value(m_center->db(), assessment, {encounterId}),
                 QStringLiteral("Center: calmer after the call"));

        QString seen;
        QStringList shown;
        test::onNextModal(&seen, [&shown](QWidget* dialog) {
            auto* fields = dialog->findChild<QTableWidget*>(QStringLiteral("conflictFields"));
            for (int row = 0; fields && row < fields->rowCount(); ++row) {
                shown.append(fields->item(row, 0)->text() + QStringLiteral(": ") +
                             fields->item(row, 1)->text() + QStringLiteral(" | ") +
                             fields->item(row, 2)->text());
            }
            // HEARTDESK_TEST_GRAB=DIR keeps a picture of the dialog, to look at.
            if (const QString grab = qEnvironmentVariable("HEARTDESK_TEST_GRAB"); !grab.isEmpty())
                dialog->grab().save(grab + QStringLiteral("/sync-conflicts.png"));
            // Every control of the dialog has an Alt letter of its own.
            shown.append(test::clashingMnemonics(dialog));
            auto* keepMine = dialog->findChild<QPushButton*>(QStringLiteral("keepMineButton"));
            shown.append(keepMine->text());
            keepMine->click();
            QMetaObject::invokeMethod(dialog, "reject", Qt::QueuedConnection);
        });
        m_van->window().vanSync()->conflictsAction()->trigger();
        QCOMPARE(seen, QStringLiteral("syncConflictDialog"));
        QVERIFY2(shown.contains(QStringLiteral("Keep &mine")), qPrintable(shown.join(u'\n')));
        QVERIFY2(!shown.join(u'\n').contains(QStringLiteral("Alt+")), qPrintable(shown.join(u'\n')));
        QVERIFY2(shown.contains(QStringLiteral(
                     "Assessment: Van: agreed to see the clinic tomorrow | Center: calmer after the call")),
                 qPrintable(shown.join(u'\n')));
        // The lead's choice goes to the center with the next sync.
        QTRY_COMPARE_WITH_TIMEOUT(value(m_center->db(), assessment, {encounterId}),
                                  QStringLiteral("Van: agreed to see the clinic tomorrow"), 15000);
        QTRY_VERIFY2(!status->text().contains(QStringLiteral("conflict")), qPrintable(status->text()));
    }

private:
    std::unique_ptr<QTemporaryDir> m_dir;
    std::unique_ptr<test::UiTestFixture> m_center;
    std::unique_ptr<test::TcpRelay> m_relay;
    std::unique_ptr<test::UiTestFixture> m_van;
    QString m_unitId;
    QString m_laptopPath;
    store::sync::SyncIdentity m_identity;
};

HEART_TEST_MAIN(TestVanSync)
#include "tst_van_sync.moc"
