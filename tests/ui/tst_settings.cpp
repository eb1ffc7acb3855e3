// The program settings screens, offscreen on the demo database, from the
// keyboard where a user would use it: the administrator opens them with
// Ctrl+Alt+G and, on each tab, enters a value the core reader refuses (the
// reader's message appears under the field, naming the JSON path or the CSV
// line, and nothing is stored), then a good one (saved, audited), which a
// second workstation shows within a second: the supervisor's settings
// window reads it again, and a counselor's idle limit changes in the session
// under way. The beat map tab offers the properties an imported GeoJSON's
// features share, previews the map read with the one chosen, refuses a
// malformed file or ids the rules in force do not know, and saves. The
// supervisor reads the same screens without save buttons; a counselor has
// no such menu entry. A save that another administrator's save overtook is
// refused naming who saved and when, and Reload shows their value. Each screen is grabbed to
// /tmp/heartdesk-settings-*.png (copied to docs/screenshots/settings-*.png).
#include "UiTestFixture.h"
#include "common/StrictTestMain.h"
#include "map/BeatMapView.h"
#include "settings/BeatMapPage.h"
#include "settings/CrisisServicesPage.h"
#include "settings/FollowUpPolicyPage.h"
#include "settings/NatureCodesPage.h"
#include "settings/SettingsWidget.h"
#include "shell/InactivityMonitor.h"
#include "shell/MainWindow.h"
#include "store/AccountStore.h"
#include "usecases/SettingsUseCases.h"

#include <QAction>
#include <QApplication>
#include <QComboBox>
#include <QDialog>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QPushButton>
#include <QSpinBox>
#include <QTabWidget>
#include <QTableWidget>
#include <QTemporaryDir>
#include <QTest>

using namespace heart;
using namespace std::chrono_literals;

namespace {

constexpr int kLiveTimeoutMs = 10000;

void grab(QWidget* widget, const char* name)
{
    const QString path = QStringLiteral("/tmp/heartdesk-settings-%1.png").arg(QLatin1String(name));
    QVERIFY2(widget->grab().save(path), qPrintable(path));
}

// Two workstations' windows in one process: the keyboard goes to the active one.
bool activate(QWidget* window)
{
    window->activateWindow();
    // (qWaitForWindowActive counts a dialog active while its parent window is.)
    return QTest::qWaitFor([window] { return QApplication::activeWindow() == window; });
}

ui::SettingsWidget* openSettings(ui::MainWindow& window)
{
    if (!activate(&window))
        return nullptr;
    QTest::keyClick(&window, Qt::Key_G, Qt::ControlModifier | Qt::AltModifier);
    auto* dialog = window.findChild<QDialog*>(QStringLiteral("settingsWindow"));
    if (!dialog || !dialog->isVisible())
        return nullptr;
    dialog->resize(1000, 700);
    if (!activate(dialog))
        return nullptr;
    return dialog->findChild<ui::SettingsWidget*>(QStringLiteral("settingsWidget"));
}

template <typename T> T* child(QWidget* parent, const char* name)
{
    return parent->findChild<T*>(QLatin1String(name));
}

QString cell(QTableWidget* table, int row, int column)
{
    return table->item(row, column) ? table->item(row, column)->text() : QString();
}

// Alt and a letter in the settings window, as a user would press it there
// (the window is made the active one first: another workstation's window in
// this process may have taken the keyboard meanwhile).
void alt(ui::SettingsWidget* settings, Qt::Key letter)
{
    QVERIFY(activate(settings->window()));
    QTest::keyClick(settings->window(), letter, Qt::AltModifier);
    // A button's Alt letter clicks it a moment later (animateClick), as a mouse click would.
    QTest::qWait(250);
}

// Replaces a spin box's value from the keyboard.
void typeInto(QSpinBox* spin, const QString& text)
{
    spin->setFocus();
    spin->selectAll();
    QTest::keyClicks(spin, text);
}

// Durham's shipped beats with the id under another property, without the beats in `drop`.
QByteArray shippedBeats(const QString& idProperty, const QStringList& drop = {})
{
    QFile file(QStringLiteral(":/beats/durham-beats-2022.geojson"));
    if (!file.open(QIODevice::ReadOnly))
        return {};
    QJsonObject root = QJsonDocument::fromJson(file.readAll()).object();
    QJsonArray features;
    for (const QJsonValue& value : root.value(QStringLiteral("features")).toArray()) {
        QJsonObject feature = value.toObject();
        QJsonObject properties = feature.value(QStringLiteral("properties")).toObject();
        const QJsonValue beat = properties.take(QStringLiteral("beat"));
        if (drop.contains(QString::number(beat.toInt())))
            continue;
        properties.insert(idProperty, beat);
        feature.insert(QStringLiteral("properties"), properties);
        features.append(feature);
    }
    root.insert(QStringLiteral("features"), features);
    return QJsonDocument(root).toJson(QJsonDocument::Compact);
}

QString writeFile(const QTemporaryDir& dir, const char* name, const QByteArray& text)
{
    const QString path = dir.filePath(QLatin1String(name));
    QFile file(path);
    if (!file.open(QIODevice::WriteOnly) || file.write(text) != text.size())
        return QString();
    return path;
}

} // namespace

class TestSettings : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void idleMinutesRefusedThenLiveOnAnotherWorkstation();
    void crisisServicesRefusedAtTheRowThenSeenElsewhere();
    void followUpPolicyRefusedAtTheFieldThenSeenElsewhere();
    void natureCodesImportedRefusedByLine();
    void beatMapImportedWithThePropertyChosen();
    void supervisorReadsCounselorDoesNot();
    void staleSaveRefusedNamingWhoSavedThenReloaded();
};

void TestSettings::idleMinutesRefusedThenLiveOnAnotherWorkstation()
{
    test::UiTestFixture f;
    QVERIFY(f.ok());
    auto other = f.openWorkstation();
    QVERIFY(other->ok());
    other->typeSignIn(QStringLiteral("counselor"),
                      test::UiTestFixture::demoPassword(QStringLiteral("counselor")));
    QCOMPARE(other->window().inactivityMonitor()->idleLimit(), 10min);

    f.typeSignIn(QStringLiteral("admin"), test::UiTestFixture::demoPassword(QStringLiteral("admin")));
    ui::SettingsWidget* settings = openSettings(f.window());
    QVERIFY(settings);
    alt(settings, Qt::Key_A);
    QCOMPARE(settings->tabs()->currentIndex(), 0);
    auto* minutes = child<QSpinBox>(settings, "idleMinutes");
    auto* error = child<QLabel>(settings, "idleMinutesError");
    QVERIFY(!error->isVisible());

    typeInto(minutes, QStringLiteral("0"));
    alt(settings, Qt::Key_S);
    QVERIFY(error->isVisible());
    QCOMPARE(error->text(), QStringLiteral("The idle time must be between 1 and 240 minutes."));
    QCOMPARE(usecases::SettingsQueries(f.db(), f.clock()).idleLockMinutes(), 10);
    grab(settings->window(), "auto-lock-refused");

    typeInto(minutes, QStringLiteral("3"));
    alt(settings, Qt::Key_S);
    QVERIFY(!error->isVisible());
    QVERIFY2(child<QLabel>(settings, "idleLockMessage")->text().contains(QStringLiteral("3 idle minute(s)")),
             qPrintable(child<QLabel>(settings, "idleLockMessage")->text()));
    QCOMPARE(f.countRows(QStringLiteral("SELECT COUNT(*) FROM audit_log WHERE action = 'update' AND "
                                        "record_type = 'setting' AND record_id = 'idle_lock_minutes'")),
             1);
    // The counselor's session under way follows at once, and locks after 3 idle minutes.
    QTRY_COMPARE_WITH_TIMEOUT(other->window().inactivityMonitor()->idleLimit(), 3min, kLiveTimeoutMs);
    f.clock().advance(3min);
    other->window().inactivityMonitor()->check();
    QVERIFY(other->window().isLocked());
}

void TestSettings::crisisServicesRefusedAtTheRowThenSeenElsewhere()
{
    test::UiTestFixture f;
    QVERIFY(f.ok());
    auto other = f.openWorkstation();
    QVERIFY(other->ok());
    other->typeSignIn(QStringLiteral("supervisor"),
                      test::UiTestFixture::demoPassword(QStringLiteral("supervisor")));
    ui::SettingsWidget* elsewhere = openSettings(other->window());
    QVERIFY(elsewhere);
    auto* elsewherePage = child<ui::CrisisServicesPage>(elsewhere, "crisisServicesPage");
    QCOMPARE(elsewherePage->services(QStringLiteral("es")).size(), 2);

    f.typeSignIn(QStringLiteral("admin"), test::UiTestFixture::demoPassword(QStringLiteral("admin")));
    ui::SettingsWidget* settings = openSettings(f.window());
    QVERIFY(settings);
    alt(settings, Qt::Key_C);
    auto* page = child<ui::CrisisServicesPage>(settings, "crisisServicesPage");
    QCOMPARE(settings->tabs()->currentWidget(), page);
    QCOMPARE(page->languages(), (QStringList{QStringLiteral("en"), QStringLiteral("es")}));
    auto* languages = child<QListWidget>(settings, "crisisLanguages");
    auto* table = child<QTableWidget>(settings, "crisisServicesTable");
    QCOMPARE(table->rowCount(), 2); // the built-in English lines: 988 and 911
    QCOMPARE(cell(table, 0, 1), QStringLiteral("988"));

    // Spanish, a new row with a name but no phone: the reader names the row.
    languages->setFocus();
    QTest::keyClick(languages, Qt::Key_Down);
    QCOMPARE(languages->currentRow(), 1);
    alt(settings, Qt::Key_W); // Add a row: editing its name
    QCOMPARE(table->rowCount(), 3);
    QTest::keyClicks(QApplication::focusWidget(), QStringLiteral("Linea de crisis de Durham"));
    QTest::keyClick(QApplication::focusWidget(), Qt::Key_Return);
    alt(settings, Qt::Key_S);
    auto* error = child<QLabel>(settings, "crisisServicesError");
    QVERIFY(error->isVisible());
    QVERIFY2(error->text().contains(QStringLiteral("$.es[2]: a service needs a name and a phone")),
             qPrintable(error->text()));
    QCOMPARE(languages->currentRow(), 1);
    QCOMPARE(table->currentRow(), 2);
    QCOMPARE(table->currentColumn(), 1); // the phone is what is missing
    grab(settings->window(), "crisis-services-refused");

    // The phone typed where the cursor is; saved.
    QCOMPARE(QApplication::focusWidget(), table);
    QTest::keyClick(table, Qt::Key_F2);
    QTest::keyClicks(QApplication::focusWidget(), QStringLiteral("919-560-7100"));
    alt(settings, Qt::Key_S); // straight from the cell being typed in
    QVERIFY2(!error->isVisible(), qPrintable(error->text()));
    QCOMPARE(page->services(QStringLiteral("es")).size(), 3);
    QCOMPARE(f.countRows(QStringLiteral("SELECT COUNT(*) FROM audit_log WHERE action = 'update' AND "
                                        "record_type = 'setting' AND record_id = 'crisis_services'")),
             1);
    grab(settings->window(), "crisis-services");

    // The supervisor's window, on the other workstation, shows the new line.
    QTRY_COMPARE_WITH_TIMEOUT(elsewherePage->services(QStringLiteral("es")).size(), 3, kLiveTimeoutMs);
    QCOMPARE(elsewherePage->services(QStringLiteral("es")).at(2),
             (QStringList{QStringLiteral("Linea de crisis de Durham"), QStringLiteral("919-560-7100")}));
}

void TestSettings::followUpPolicyRefusedAtTheFieldThenSeenElsewhere()
{
    test::UiTestFixture f;
    QVERIFY(f.ok());
    auto other = f.openWorkstation();
    QVERIFY(other->ok());
    other->typeSignIn(QStringLiteral("supervisor"),
                      test::UiTestFixture::demoPassword(QStringLiteral("supervisor")));
    ui::SettingsWidget* elsewhere = openSettings(other->window());
    QVERIFY(elsewhere);
    auto* elsewhereCrt = child<QSpinBox>(elsewhere, "followUpCrtDueHours");
    QCOMPARE(elsewhereCrt->value(), 48);

    f.typeSignIn(QStringLiteral("admin"), test::UiTestFixture::demoPassword(QStringLiteral("admin")));
    ui::SettingsWidget* settings = openSettings(f.window());
    QVERIFY(settings);
    alt(settings, Qt::Key_F);
    QCOMPARE(settings->tabs()->currentWidget(), child<QWidget>(settings, "followUpPolicyPage"));
    auto* crt = child<QSpinBox>(settings, "followUpCrtDueHours");
    auto* crtError = child<QLabel>(settings, "followUpCrtDueHoursError");
    alt(settings, Qt::Key_R); // C&RT
    QCOMPARE(QApplication::focusWidget(), crt);
    typeInto(crt, QStringLiteral("400"));
    alt(settings, Qt::Key_S);
    QVERIFY(crtError->isVisible());
    QVERIFY2(crtError->text().contains(QStringLiteral("followUp.crt.dueHours")),
             qPrintable(crtError->text()));
    QVERIFY2(crtError->text().contains(QStringLiteral("336")), qPrintable(crtError->text()));
    QVERIFY(!child<QLabel>(settings, "followUpTimeZoneError")->isVisible());

    // A time zone the reader does not understand: its own field.
    typeInto(crt, QStringLiteral("24"));
    auto* zone = child<QLineEdit>(settings, "followUpTimeZone");
    zone->setFocus();
    zone->selectAll();
    QTest::keyClicks(zone, QStringLiteral("Durham time"));
    alt(settings, Qt::Key_S);
    QVERIFY(!crtError->isVisible());
    QVERIFY(child<QLabel>(settings, "followUpTimeZoneError")->isVisible());
    QCOMPARE(QApplication::focusWidget(), zone);
    grab(settings->window(), "follow-up-policy-refused");

    zone->selectAll();
    QTest::keyClicks(zone, QStringLiteral("EST5EDT,M3.2.0,M11.1.0"));
    alt(settings, Qt::Key_S);
    QVERIFY(!child<QLabel>(settings, "followUpTimeZoneError")->isVisible());
    QCOMPARE(usecases::SettingsUseCases({f.db(), f.clock(), *f.window().actor()})
                 .followUpPolicy()
                 .value()
                 .crt.dueHours,
             24);
    grab(settings->window(), "follow-up-policy");
    QTRY_COMPARE_WITH_TIMEOUT(elsewhereCrt->value(), 24, kLiveTimeoutMs);
}

void TestSettings::natureCodesImportedRefusedByLine()
{
    test::UiTestFixture f;
    QVERIFY(f.ok());
    auto other = f.openWorkstation();
    QVERIFY(other->ok());
    other->typeSignIn(QStringLiteral("supervisor"),
                      test::UiTestFixture::demoPassword(QStringLiteral("supervisor")));
    ui::SettingsWidget* elsewhere = openSettings(other->window());
    QVERIFY(elsewhere);
    auto* elsewhereTable = child<QTableWidget>(elsewhere, "natureCodeTable");
    QVERIFY(elsewhereTable->rowCount() >= 19); // the demo center's table

    f.typeSignIn(QStringLiteral("admin"), test::UiTestFixture::demoPassword(QStringLiteral("admin")));
    ui::SettingsWidget* settings = openSettings(f.window());
    QVERIFY(settings);
    alt(settings, Qt::Key_N);
    auto* page = child<ui::NatureCodesPage>(settings, "natureCodesPage");
    QCOMPARE(settings->tabs()->currentWidget(), page);
    QVERIFY2(
        child<QLabel>(settings, "natureCodesSource")->text().startsWith(QStringLiteral("The demo center")),
        qPrintable(child<QLabel>(settings, "natureCodesSource")->text()));

    QTemporaryDir dir;
    const auto write = [&](const char* name, const QByteArray& text) {
        const QString path = dir.filePath(QLatin1String(name));
        QFile file(path);
        if (!file.open(QIODevice::WriteOnly) || file.write(text) != text.size())
            return QString();
        return path;
    };
    auto* error = child<QLabel>(settings, "natureCodesError");
    // A call type the rules do not know: refused with the reason, on its line.
    QVERIFY(!page->importFile(write("unknown.csv", "code,call_type,description\nSUIC,suicide-threat,Suicide\n"
                                                   "ARSN,arson,Arson\n")));
    QVERIFY(error->isVisible());
    QVERIFY2(error->text().contains(QStringLiteral(
                 "unknown.csv: line 3: the rule set has no call type \"arson\" (code \"ARSN\")")),
             qPrintable(error->text()));
    QVERIFY(child<QTableWidget>(settings, "natureCodeTable")->rowCount() >= 19); // unchanged
    grab(settings->window(), "nature-codes-refused");
    // A broken line.
    QVERIFY(!page->importFile(write("broken.csv", "SUIC,suicide-threat\n\"WELF,welfare-check\n")));
    QVERIFY2(error->text().contains(QStringLiteral("broken.csv: line 2")), qPrintable(error->text()));

    QVERIFY(
        page->importFile(write("durham.csv", "code,call_type,description\nSUIC,suicide-threat,Suicide "
                                             "Threat\nWELF,welfare-check,Welfare Check\nMENT,mental-health-"
                                             "crisis,Mental Health Crisis\n")));
    QVERIFY(!error->isVisible());
    auto* table = child<QTableWidget>(settings, "natureCodeTable");
    QCOMPARE(table->rowCount(), 3);
    QCOMPARE(cell(table, 1, 0), QStringLiteral("WELF"));
    QCOMPARE(cell(table, 1, 1), QStringLiteral("welfare-check"));
    QCOMPARE(child<QLabel>(settings, "natureCodesSource")->text(),
             QStringLiteral("The center's table: 3 code(s)."));
    grab(settings->window(), "nature-codes");
    QTRY_COMPARE_WITH_TIMEOUT(elsewhereTable->rowCount(), 3, kLiveTimeoutMs);
}

void TestSettings::beatMapImportedWithThePropertyChosen()
{
    test::UiTestFixture f;
    QVERIFY(f.ok());
    auto other = f.openWorkstation();
    QVERIFY(other->ok());
    other->typeSignIn(QStringLiteral("supervisor"),
                      test::UiTestFixture::demoPassword(QStringLiteral("supervisor")));
    ui::SettingsWidget* elsewhere = openSettings(other->window());
    QVERIFY(elsewhere);
    auto* elsewhereInForce = child<QLabel>(elsewhere, "beatMapInForce");
    QVERIFY2(elsewhereInForce->text().startsWith(QStringLiteral("In force: Durham's 2022 beats")),
             qPrintable(elsewhereInForce->text()));

    f.typeSignIn(QStringLiteral("admin"), test::UiTestFixture::demoPassword(QStringLiteral("admin")));
    ui::SettingsWidget* settings = openSettings(f.window());
    QVERIFY(settings);
    alt(settings, Qt::Key_B);
    auto* page = child<ui::BeatMapPage>(settings, "beatMapPage");
    QCOMPARE(settings->tabs()->currentWidget(), page);
    QVERIFY(page->preview()->beatMap());
    const std::size_t shippedBeatCount = page->preview()->beatMap()->beatIds().size();
    QCOMPARE(shippedBeatCount, std::size_t(37));
    grab(settings->window(), "beat-map-in-force");

    QTemporaryDir dir;
    auto* fileError = child<QLabel>(settings, "beatMapFileError");
    auto* propertyError = child<QLabel>(settings, "beatMapPropertyError");
    // Not GeoJSON features at all: refused at once.
    QVERIFY(!page->openFile(writeFile(dir, "point.geojson", R"({"type": "Point", "coordinates": [0, 0]})")));
    QVERIFY(fileError->isVisible());
    QVERIFY2(
        fileError->text().contains(QStringLiteral("point.geojson: expected a GeoJSON FeatureCollection")),
        qPrintable(fileError->text()));
    // A ring that does not close: the preview is refused naming the feature.
    QVERIFY(page->openFile(writeFile(dir, "open-ring.geojson",
                                     R"({"type": "FeatureCollection", "features": [{"type": "Feature",
                                         "properties": {"beat_id": "A"}, "geometry": {"type": "Polygon",
                                         "coordinates": [[[0, 0], [1, 0], [1, 1], [0, 1]]]}}]})")));
    QVERIFY(!fileError->isVisible());
    QVERIFY(propertyError->isVisible());
    QVERIFY2(propertyError->text().contains(QStringLiteral("open-ring.geojson: features[0].geometry")),
             qPrintable(propertyError->text()));
    QVERIFY(!child<QPushButton>(settings, "saveBeatMap")->isEnabled());

    // The city's own file: the properties every feature has are offered, the one naming a beat chosen.
    QVERIFY(page->openFile(
        writeFile(dir, "city.geojson", shippedBeats(QStringLiteral("BEAT_NO"), {QStringLiteral("111")}))));
    QCOMPARE(page->idProperties(), (QStringList{QStringLiteral("BEAT_NO"), QStringLiteral("district"),
                                                QStringLiteral("population")}));
    auto* property = child<QComboBox>(settings, "beatMapIdProperty");
    QCOMPARE(property->currentText(), QStringLiteral("BEAT_NO"));
    QCOMPARE(QApplication::focusWidget(), property);
    QCOMPARE(page->preview()->beatMap()->beatIds().size(), shippedBeatCount - 1);
    QVERIFY(!propertyError->isVisible());

    // Districts as beats: read, but the rules in force name beat 999, which is not a district.
    page->chooseIdProperty(QStringLiteral("district"));
    alt(settings, Qt::Key_S);
    QVERIFY(propertyError->isVisible());
    QVERIFY2(propertyError->text().contains(QStringLiteral("names beat 999")),
             qPrintable(propertyError->text()));
    QVERIFY(elsewhereInForce->text().startsWith(QStringLiteral("In force: Durham's 2022 beats")));

    // Back to the beat numbers with the keyboard, saved.
    property->setFocus();
    QTest::keyClick(property, Qt::Key_Home);
    QCOMPARE(property->currentText(), QStringLiteral("BEAT_NO"));
    grab(settings->window(), "beat-map-preview");
    alt(settings, Qt::Key_S);
    QVERIFY2(!propertyError->isVisible(), qPrintable(propertyError->text()));
    QVERIFY2(child<QLabel>(settings, "beatMapInForce")->text().contains(QStringLiteral("city.geojson")),
             qPrintable(child<QLabel>(settings, "beatMapInForce")->text()));
    QCOMPARE(f.countRows(QStringLiteral("SELECT COUNT(*) FROM audit_log WHERE action = 'update' AND "
                                        "record_type = 'setting' AND record_id = 'beat_map'")),
             1);
    // The supervisor's workstation shows the imported map.
    QTRY_VERIFY_WITH_TIMEOUT(elsewhereInForce->text().contains(QStringLiteral("city.geojson")),
                             kLiveTimeoutMs);
    auto* elsewherePage = child<ui::BeatMapPage>(elsewhere, "beatMapPage");
    QCOMPARE(elsewherePage->preview()->beatMap()->indexOf("111"), -1);
}

void TestSettings::supervisorReadsCounselorDoesNot()
{
    test::UiTestFixture f;
    QVERIFY(f.ok());
    f.typeSignIn(QStringLiteral("supervisor"),
                 test::UiTestFixture::demoPassword(QStringLiteral("supervisor")));
    ui::SettingsWidget* settings = openSettings(f.window());
    QVERIFY(settings);
    QCOMPARE(child<QLabel>(settings, "settingsNote")->text(),
             QStringLiteral("You can read these settings; only an administrator changes them."));
    for (const char* button : {"saveSettingsButton", "saveCrisisServices", "saveFollowUpPolicy",
                               "importNatureCodes", "crisisAddRow", "openBeatMap", "saveBeatMap"}) {
        auto* widget = child<QPushButton>(settings, button);
        QVERIFY2(widget && widget->isHidden(), button);
    }
    QVERIFY(child<QSpinBox>(settings, "idleMinutes")->isReadOnly());
    QCOMPARE(child<QTableWidget>(settings, "crisisServicesTable")->editTriggers(),
             QAbstractItemView::NoEditTriggers);
    QVERIFY(test::clashingMnemonics(settings->window()).isEmpty());
    grab(settings->window(), "supervisor");

    f.window().signOut();
    f.typeSignIn(QStringLiteral("counselor"), test::UiTestFixture::demoPassword(QStringLiteral("counselor")));
    auto* action = f.window().findChild<QAction*>(QStringLiteral("actionProgramSettings"));
    QVERIFY(action);
    QVERIFY(!action->isVisible());
    QVERIFY(!openSettings(f.window()));
}

// The administrator types a new idle limit; before saving it, another
// administrator saves the same setting on another workstation. The save is
// refused with their name and the time, nothing is overwritten, and Reload
// shows their value; saved again from there, it goes through.
void TestSettings::staleSaveRefusedNamingWhoSavedThenReloaded()
{
    test::UiTestFixture f;
    QVERIFY(f.ok());
    f.typeSignIn(QStringLiteral("admin"), test::UiTestFixture::demoPassword(QStringLiteral("admin")));
    ui::SettingsWidget* settings = openSettings(f.window());
    QVERIFY(settings);
    alt(settings, Qt::Key_A);
    auto* minutes = child<QSpinBox>(settings, "idleMinutes");
    QCOMPARE(minutes->value(), 10);
    typeInto(minutes, QStringLiteral("7"));
    QCOMPARE(minutes->value(), 7);

    // Another administrator, elsewhere, saves 20 meanwhile.
    store::AccountStore accounts(f.db(), f.clock());
    auto admin =
        accounts.signIn(QStringLiteral("admin"), test::UiTestFixture::demoPassword(QStringLiteral("admin")),
                        QStringLiteral("ws-other"));
    HEARTDESK_VERIFY_RESULT(admin);
    const QString password = QStringLiteral("harbor-lantern-2026");
    HEARTDESK_VERIFY_RESULT(accounts.addUser(
        admin.value(),
        {QStringLiteral("rosa"), QStringLiteral("Rosa Quintero"), {Role::Administrator}, password}));
    auto rosa = accounts.signIn(QStringLiteral("rosa"), password, QStringLiteral("ws-other"));
    HEARTDESK_VERIFY_RESULT(rosa);
    usecases::SettingsUseCases elsewhere({f.db(), f.clock(), rosa.value()});
    HEARTDESK_VERIFY_OK(
        elsewhere.setIdleLockMinutes(20, elsewhere.version(QStringLiteral("idle_lock_minutes"))));

    alt(settings, Qt::Key_S);
    auto* message = child<QLabel>(settings, "idleLockMessage");
    QVERIFY2(message->text().contains(QStringLiteral("Not saved: Rosa Quintero saved this setting at")),
             qPrintable(message->text()));
    QCOMPARE(usecases::SettingsQueries(f.db(), f.clock()).idleLockMinutes(), 20); // theirs kept
    QCOMPARE(minutes->value(), 7);                                                // mine still on screen
    auto* reload = child<QPushButton>(settings->tabs()->currentWidget(), "settingsReloadButton");
    QVERIFY(reload && reload->isVisible());
    grab(settings->window(), "stale-save-refused");
    reload->setFocus();
    QTest::keyClick(reload, Qt::Key_Space);
    QCOMPARE(minutes->value(), 20);
    QVERIFY(!reload->isVisible());

    typeInto(minutes, QStringLiteral("7"));
    alt(settings, Qt::Key_S);
    QVERIFY2(message->text().contains(QStringLiteral("7 idle minute(s)")), qPrintable(message->text()));
    QCOMPARE(usecases::SettingsQueries(f.db(), f.clock()).idleLockMinutes(), 7);
}

HEART_TEST_MAIN(TestSettings)
#include "tst_settings.moc"
