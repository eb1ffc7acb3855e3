// Autosave survives a crash: a real heartdesk process (HEARTDESK_GUI_PATH)
// runs on an X server of the test's own (Xvfb), a counselor starts a call
// and types into it with real X keyboard events (xdotool), the process is
// killed with SIGKILL, and the draft must be in the database file exactly as
// typed — and come back, field by field, when the counselor signs in again.
//
// Needs Xvfb and xdotool (scripts/lib/packages.sh installs both); skipped
// without them. HEARTDESK_TEST_X_DISPLAY=:N uses that X server instead of
// starting Xvfb: it must have nothing else in the way (xdotool types into
// whatever has the focus) and a keymap with the letters typed here.
#include "UiTestFixture.h"
#include "common/StrictTestMain.h"
#include "home/CallListHome.h"
#include "intake/CounselorHome.h"
#include "intake/IntakeForm.h"
#include "store/EncryptedSqlite.h"

#include <QComboBox>
#include <QDateTime>
#include <QDir>
#include <QDirIterator>
#include <QElapsedTimer>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLineEdit>
#include <QPlainTextEdit>
#include <QProcess>
#include <QSqlDatabase>
#include <QSqlError>
#include <QSqlQuery>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>
#include <memory>

using namespace heart;

namespace {

// What the counselor types. Non-ASCII letters on purpose: a draft must keep
// them as typed, not as '?' or mojibake.
const QString kCallerName = QStringLiteral("Zoë Ñúñez-O'Brien");
const QString kCallerPhone = QStringLiteral("(919) 555-0142");
const QString kPersonName = QStringLiteral("Ana Lucía Peña");
const QString kAddress = QStringLiteral("1200 Calle Añil, Apt 3B");
// Typed without a pause, still going when the program is killed.
const QString kLongAddress = QStringLiteral("Behind the Añil community garden, corner of Fayetteville and "
                                            "Lakewood, the blue house with a porch swing and a broken gate, "
                                            "second door on the left, ring twice and ask for Zoë or for her "
                                            "brother Íñigo, not the landlord");

constexpr int kTypeDelayMs = 30;          // xdotool --delay: ~17 ms a letter
constexpr int kSettleMs = 1500;           // after the window appears and after Ctrl+N
constexpr int kAfterTypingMs = 2500;      // the requirement's 2 s with a margin (autosave: 800 ms)
constexpr int kLongTypeDelayMs = 100;     // the long address: ~50 ms a letter, about 11 s in all
constexpr int kTypingBeforeKillMs = 4000; // continuous typing, then the kill mid-word
constexpr int kWindowTimeoutMs = 60000;

// One run of heartdesk on its own X server. Whatever way the test leaves,
// every process it started is killed and reaped, and the folder removed.
struct Session
{
    ~Session()
    {
        stop(typist);
        stop(app);
        stop(xserver);
    }
    static void stop(std::unique_ptr<QProcess>& process)
    {
        if (!process)
            return;
        if (process->state() != QProcess::NotRunning) {
            process->kill();
            process->waitForFinished(10000);
        }
        process.reset();
    }

    QTemporaryDir home; // the child's HOME and XDG folders: never the real home folder
    QString display;
    std::unique_ptr<QProcess> xserver;
    std::unique_ptr<QProcess> app;
    std::unique_ptr<QProcess> typist; // an xdotool still typing
    QString window;                   // heartdesk's main window (xdotool id)
    QString appLog;                   // what heartdesk printed, once killed
};

struct ToolRun
{
    bool finished = false;
    int exitCode = -1;
    QString out;
    QString err;
};

// The drafts a killed heartdesk left, read with a connection of the test's own.
struct LeftDrafts
{
    QStringList rows; // "login form", every draft of every user
    QString form;     // the counselor's "intake/…" draft
    QJsonObject content;
    QDateTime savedAt;
};

} // namespace

class TestIntakeCrash : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void killedAfterTypingKeepsEveryKeystroke();
    void killedWhileTypingKeepsWhatCameBefore();

private:
    bool startXServer(Session& s, QString* why) const;
    bool loadKeymap(Session& s, QString* why) const;
    bool startNewCall(Session& s, QString* why) const;
    bool killApp(Session& s, QString* why) const;
    static QString databasePath(const Session& s);
    static bool readDrafts(const QString& path, LeftDrafts* drafts, QString* why);
    QProcessEnvironment toolEnvironment(const Session& s) const;
    ToolRun xdotool(const Session& s, const QStringList& arguments, int timeoutMs = 30000) const;
    bool xdo(const Session& s, const QStringList& arguments, QString* why) const; // false with the reason
    static QStringList typeArguments(const QString& text, int delayMs = kTypeDelayMs);
    static QString childOutput(QProcess* process);

    QString m_xdotool;
    QString m_xvfb;
};

void TestIntakeCrash::initTestCase()
{
    QVERIFY2(QFileInfo::exists(QStringLiteral(HEARTDESK_GUI_PATH)),
             "the heartdesk binary is missing: build the heartdesk target (" HEARTDESK_GUI_PATH ")");
    m_xdotool = QStandardPaths::findExecutable(QStringLiteral("xdotool"));
    if (m_xdotool.isEmpty())
        HEART_SKIP_MISSING_TOOL(
            "xdotool is not installed (apt-get install xdotool; scripts/test installs it): "
            "cannot type into a real heartdesk window");
    if (qEnvironmentVariableIsEmpty("HEARTDESK_TEST_X_DISPLAY")) {
        m_xvfb = QStandardPaths::findExecutable(QStringLiteral("Xvfb"));
        if (m_xvfb.isEmpty())
            HEART_SKIP_MISSING_TOOL("Xvfb is not installed (apt-get install xvfb; scripts/test installs it): "
                                    "no X server to run a real heartdesk window on");
    }
}

// Starts Xvfb on a display it picks itself (-displayfd: the first free number,
// written once the server listens), then waits until a client connects.
bool TestIntakeCrash::startXServer(Session& s, QString* why) const
{
    if (const QString given = qEnvironmentVariable("HEARTDESK_TEST_X_DISPLAY"); !given.isEmpty()) {
        s.display = given;
    } else {
        s.xserver = std::make_unique<QProcess>();
        QProcess& xvfb = *s.xserver;
        xvfb.start(m_xvfb, {QStringLiteral("-displayfd"), QStringLiteral("1"), QStringLiteral("-screen"),
                            QStringLiteral("0"), QStringLiteral("1280x1024x24"), QStringLiteral("-nolisten"),
                            QStringLiteral("tcp"), QStringLiteral("-noreset")});
        if (!xvfb.waitForStarted(10000)) {
            *why = QStringLiteral("Xvfb did not start: ") + xvfb.errorString();
            return false;
        }
        QElapsedTimer timer;
        timer.start();
        while (!xvfb.canReadLine() && xvfb.state() == QProcess::Running && timer.elapsed() < 20000)
            xvfb.waitForReadyRead(500);
        const QString number = QString::fromLatin1(xvfb.readLine()).trimmed();
        bool ok = false;
        number.toInt(&ok);
        if (!ok) {
            *why = QStringLiteral("Xvfb did not report its display number: ") + childOutput(&xvfb);
            return false;
        }
        s.display = QLatin1Char(':') + number;
    }
    QElapsedTimer timer;
    timer.start();
    while (timer.elapsed() < 20000) {
        if (s.xserver && s.xserver->state() != QProcess::Running) {
            *why = QStringLiteral("Xvfb stopped: ") + childOutput(s.xserver.get());
            return false;
        }
        const ToolRun probe = xdotool(s, {QStringLiteral("getdisplaygeometry")}, 5000);
        if (probe.finished && probe.exitCode == 0)
            return true;
        QTest::qWait(200);
    }
    *why = QStringLiteral("the X server on %1 does not accept connections").arg(s.display);
    return false;
}

// A US keyboard whose spare keys F13… carry the non-ASCII letters typed here,
// lower and upper case. Without them xdotool binds a spare key to each such
// letter just for that keystroke and unbinds it right after: a race with the
// application reading the changed keymap (a letter may arrive as nothing),
// and an upper-case letter bound alone arrives in lower case (Ñ as ñ).
bool TestIntakeCrash::loadKeymap(Session& s, QString* why) const
{
    const QString xkbcomp = QStandardPaths::findExecutable(QStringLiteral("xkbcomp"));
    if (xkbcomp.isEmpty()) {
        *why = QStringLiteral("xkbcomp is not installed (package x11-xkb-utils, which xvfb needs)");
        return false;
    }
    QList<char32_t> letters;
    for (const QString& text : {kCallerName, kCallerPhone, kPersonName, kAddress, kLongAddress}) {
        for (const char32_t c : text.toUcs4()) {
            const char32_t lower = QChar::toLower(c);
            if (c >= 0x80 && !letters.contains(lower))
                letters << lower;
        }
    }
    if (letters.size() > 12) {
        *why = QStringLiteral("more non-ASCII letters than spare keys F13-F24");
        return false;
    }
    QString symbols;
    for (qsizetype i = 0; i < letters.size(); ++i) {
        symbols += QStringLiteral("        key <FK%1> { [ U%2, U%3 ] };\n")
                       .arg(13 + i)
                       .arg(uint(letters[i]), 4, 16, QLatin1Char('0'))
                       .arg(uint(QChar::toUpper(letters[i])), 4, 16, QLatin1Char('0'));
    }
    const QByteArray keymap =
        (QStringLiteral("xkb_keymap {\n"
                        "    xkb_keycodes { include \"evdev+aliases(qwerty)\" };\n"
                        "    xkb_types { include \"complete\" };\n"
                        "    xkb_compat { include \"complete\" };\n"
                        "    xkb_symbols { include \"pc+us\"\n") +
         symbols + QStringLiteral("    };\n    xkb_geometry { include \"pc(pc105)\" };\n};\n"))
            .toUtf8();
    const QString path = s.home.filePath(QStringLiteral("keymap.xkb"));
    QFile file(path);
    if (!file.open(QIODevice::WriteOnly) || file.write(keymap) != keymap.size()) {
        *why = QStringLiteral("cannot write %1").arg(path);
        return false;
    }
    file.close();
    QProcess process;
    process.setProcessChannelMode(QProcess::MergedChannels);
    process.start(xkbcomp, {QStringLiteral("-w"), QStringLiteral("0"), path, s.display});
    if (!process.waitForFinished(20000) || process.exitStatus() != QProcess::NormalExit ||
        process.exitCode() != 0) {
        *why = QStringLiteral("xkbcomp could not load the keymap: ") + QString::fromUtf8(process.readAll());
        return false;
    }
    return true;
}

// X server, fresh demo database, the counselor signed in, Ctrl+N pressed:
// what is typed next goes into the new call's caller name.
bool TestIntakeCrash::startNewCall(Session& s, QString* why) const
{
    if (!s.home.isValid()) {
        *why = QStringLiteral("no temporary folder");
        return false;
    }
    if (!startXServer(s, why))
        return false;
    if (s.xserver && !loadKeymap(s, why)) // a display given to the test keeps its own keymap
        return false;

    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    for (const char* name : {"WAYLAND_DISPLAY", "XAUTHORITY", "DBUS_SESSION_BUS_ADDRESS", "SESSION_MANAGER",
                             "QT_QPA_PLATFORMTHEME", "QT_STYLE_OVERRIDE", "QT_SCALE_FACTOR"})
        env.remove(QString::fromLatin1(name));
    env.insert(QStringLiteral("QT_QPA_PLATFORM"), QStringLiteral("xcb"));
    env.insert(QStringLiteral("DISPLAY"), s.display);
    env.insert(QStringLiteral("HOME"), s.home.path());
    env.insert(QStringLiteral("XDG_DATA_HOME"), s.home.filePath(QStringLiteral("data")));
    env.insert(QStringLiteral("XDG_CONFIG_HOME"), s.home.filePath(QStringLiteral("config")));
    env.insert(QStringLiteral("XDG_CACHE_HOME"), s.home.filePath(QStringLiteral("cache")));
    env.insert(QStringLiteral("XDG_STATE_HOME"), s.home.filePath(QStringLiteral("state")));
    env.insert(QStringLiteral("XDG_RUNTIME_DIR"), s.home.filePath(QStringLiteral("runtime")));
    env.insert(QStringLiteral("LANG"), QStringLiteral("C.UTF-8"));
    env.insert(QStringLiteral("LC_ALL"), QStringLiteral("C.UTF-8"));
    if (!QDir(s.home.path()).mkpath(QStringLiteral("runtime")) ||
        !QFile::setPermissions(s.home.filePath(QStringLiteral("runtime")),
                               QFileDevice::ReadOwner | QFileDevice::WriteOwner | QFileDevice::ExeOwner)) {
        *why = QStringLiteral("cannot make the runtime folder");
        return false;
    }
    s.app = std::make_unique<QProcess>();
    QProcess& app = *s.app;
    app.setProcessEnvironment(env);
    app.setWorkingDirectory(s.home.path());
    app.setProcessChannelMode(QProcess::MergedChannels);
    app.start(QStringLiteral(HEARTDESK_GUI_PATH),
              {QStringLiteral("--demo"), QStringLiteral("--demo-user"), QStringLiteral("counselor"),
               QStringLiteral("--language"), QStringLiteral("en")});
    if (!app.waitForStarted(10000)) {
        *why = QStringLiteral("heartdesk did not start: ") + app.errorString();
        return false;
    }

    // The main window with the counselor signed in ("HEART Desk — Crisis call
    // counselor"), not the "HEART Desk demo" progress dialog before it.
    QElapsedTimer timer;
    timer.start();
    while (s.window.isEmpty()) {
        if (app.state() != QProcess::Running) {
            *why = QStringLiteral("heartdesk stopped before showing its window: ") + childOutput(&app);
            return false;
        }
        if (timer.elapsed() > kWindowTimeoutMs) {
            *why = QStringLiteral("no heartdesk window after %1 s: ").arg(kWindowTimeoutMs / 1000) +
                   childOutput(&app);
            return false;
        }
        const ToolRun search = xdotool(s,
                                       {QStringLiteral("search"), QStringLiteral("--onlyvisible"),
                                        QStringLiteral("--name"), QStringLiteral("^HEART Desk .+counselor")},
                                       10000);
        const QStringList ids = search.out.split(QLatin1Char('\n'), Qt::SkipEmptyParts);
        if (search.finished && search.exitCode == 0 && !ids.isEmpty())
            s.window = ids.last().trimmed();
        else
            QTest::qWait(250);
    }
    // No window manager on Xvfb: give the window the keyboard focus directly.
    if (!xdo(s, {QStringLiteral("windowfocus"), QStringLiteral("--sync"), s.window}, why))
        return false;
    QTest::qWait(kSettleMs);
    if (!xdo(s, {QStringLiteral("key"), QStringLiteral("ctrl+n")}, why))
        return false;
    QTest::qWait(kSettleMs); // the new call's tab, the focus on the caller's name
    if (app.state() != QProcess::Running) {
        *why = QStringLiteral("heartdesk stopped: ") + childOutput(&app);
        return false;
    }
    return true;
}

bool TestIntakeCrash::killApp(Session& s, QString* why) const
{
    if (!s.app || s.app->state() != QProcess::Running) {
        *why = QStringLiteral("heartdesk was no longer running before the kill: ") + childOutput(s.app.get());
        return false;
    }
    s.app->kill(); // SIGKILL: no destructor, no flush, no event loop
    if (!s.app->waitForFinished(10000) || s.app->exitStatus() != QProcess::CrashExit) {
        *why = QStringLiteral("heartdesk did not die of the kill");
        return false;
    }
    s.appLog = childOutput(s.app.get());
    Session::stop(s.typist);
    Session::stop(s.app);
    Session::stop(s.xserver);
    return true;
}

QString TestIntakeCrash::databasePath(const Session& s)
{
    const QString dataDir = s.home.filePath(QStringLiteral("data"));
    const QString expected =
        QDir(dataDir).filePath(QStringLiteral("heartdesk/heartdesk/demo/heartdesk-demo.sqlite"));
    if (QFileInfo::exists(expected))
        return expected;
    QDirIterator it(dataDir, {QStringLiteral("heartdesk-demo.sqlite")}, QDir::Files,
                    QDirIterator::Subdirectories);
    return it.hasNext() ? it.next() : QString();
}

bool TestIntakeCrash::readDrafts(const QString& path, LeftDrafts* drafts, QString* why)
{
    const QString connection = QStringLiteral("tst_intake_crash_raw");
    bool ok = false;
    {
        QSqlDatabase raw = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), connection);
        QSqlQuery query(raw);
        if (const store::StoreError locked = store::encrypted::prepareConnection(raw, path)) {
            *why = locked.detail;
        } else if (!raw.open()) {
            *why = raw.lastError().text();
        } else if (!query.exec(QStringLiteral("SELECT u.login, d.form, d.content, d.saved_at FROM drafts d "
                                              "JOIN users u ON u.id = d.user_id ORDER BY d.form"))) {
            *why = query.lastError().text();
        } else {
            ok = true;
            while (query.next()) {
                const QString login = query.value(0).toString();
                const QString form = query.value(1).toString();
                drafts->rows << login + QLatin1Char(' ') + form;
                if (login != QLatin1String("counselor") || !form.startsWith(QLatin1String("intake/")))
                    continue;
                QJsonParseError error{};
                drafts->form = form;
                drafts->content =
                    QJsonDocument::fromJson(query.value(2).toString().toUtf8(), &error).object();
                drafts->savedAt = QDateTime::fromString(query.value(3).toString(), Qt::ISODateWithMs);
                if (error.error != QJsonParseError::NoError) {
                    *why = QStringLiteral("the draft is not JSON: ") + error.errorString();
                    ok = false;
                }
            }
        }
    }
    QSqlDatabase::removeDatabase(connection);
    return ok;
}

QProcessEnvironment TestIntakeCrash::toolEnvironment(const Session& s) const
{
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    env.insert(QStringLiteral("DISPLAY"), s.display);
    env.remove(QStringLiteral("XAUTHORITY"));
    return env;
}

ToolRun TestIntakeCrash::xdotool(const Session& s, const QStringList& arguments, int timeoutMs) const
{
    QProcess process;
    process.setProcessEnvironment(toolEnvironment(s));
    process.start(m_xdotool, arguments);
    ToolRun run;
    run.finished = process.waitForFinished(timeoutMs);
    if (!run.finished) {
        process.kill();
        process.waitForFinished(5000);
    }
    run.exitCode = process.exitStatus() == QProcess::NormalExit ? process.exitCode() : -1;
    run.out = QString::fromUtf8(process.readAllStandardOutput());
    run.err = QString::fromUtf8(process.readAllStandardError());
    return run;
}

bool TestIntakeCrash::xdo(const Session& s, const QStringList& arguments, QString* why) const
{
    const ToolRun run = xdotool(s, arguments);
    if (run.finished && run.exitCode == 0)
        return true;
    *why = QStringLiteral("xdotool %1 failed (exit %2): %3")
               .arg(arguments.join(QLatin1Char(' ')), QString::number(run.exitCode), run.err);
    return false;
}

QStringList TestIntakeCrash::typeArguments(const QString& text, int delayMs)
{
    return {QStringLiteral("type"), QStringLiteral("--delay"), QString::number(delayMs), QStringLiteral("--"),
            text};
}

QString TestIntakeCrash::childOutput(QProcess* process)
{
    if (!process)
        return {};
    const QByteArray bytes = process->processChannelMode() == QProcess::MergedChannels
                                 ? process->readAll()
                                 : process->readAllStandardOutput() + process->readAllStandardError();
    return QString::fromUtf8(bytes).right(4000);
}

// The counselor types caller, phone, person and address, stops, and 2.5 s
// later the program is killed: everything is in the draft, and back on screen
// after the next sign-in.
void TestIntakeCrash::killedAfterTypingKeepsEveryKeystroke()
{
    QElapsedTimer total;
    total.start();
    Session s;
    QString why;
    QVERIFY2(startNewCall(s, &why), qPrintable(why));

    const QStringList key{QStringLiteral("key"), QStringLiteral("--delay"), QString::number(kTypeDelayMs)};
    QVERIFY2(xdo(s, typeArguments(kCallerName), &why), qPrintable(why));
    QVERIFY2(xdo(s, key + QStringList{QStringLiteral("Tab")}, &why), qPrintable(why)); // → callback phone
    QVERIFY2(xdo(s, typeArguments(kCallerPhone), &why), qPrintable(why));
    // → relationship (a list, left as it is) → person's name
    QVERIFY2(xdo(s, key + QStringList{QStringLiteral("Tab"), QStringLiteral("Tab")}, &why), qPrintable(why));
    QVERIFY2(xdo(s, typeArguments(kPersonName), &why), qPrintable(why));
    QVERIFY2(xdo(s, key + QStringList{QStringLiteral("alt+s")}, &why), qPrintable(why)); // "Addre&ss"
    QVERIFY2(xdo(s, typeArguments(kAddress), &why), qPrintable(why));
    const QDateTime lastKeystroke = QDateTime::currentDateTimeUtc();
    QTest::qWait(kAfterTypingMs);
    QVERIFY2(killApp(s, &why), qPrintable(why));

    // The database the killed process left: one intake draft, exactly as typed.
    const QString dbPath = databasePath(s);
    QVERIFY2(!dbPath.isEmpty(), "no demo database under the child's XDG_DATA_HOME");
    LeftDrafts left;
    QVERIFY2(readDrafts(dbPath, &left, &why), qPrintable(why));
    QVERIFY2(
        left.rows.size() == 1 && !left.form.isEmpty(),
        qPrintable(QStringLiteral(
                       "expected exactly one draft, the counselor's intake, found [%1]; heartdesk said: %2")
                       .arg(left.rows.join(QStringLiteral(", ")), s.appLog)));
    qInfo("last draft written %lld ms after the last keystroke was sent",
          lastKeystroke.msecsTo(left.savedAt));
    const QJsonObject& draft = left.content;
    QCOMPARE(draft.value(QStringLiteral("callerName")).toString(), kCallerName);
    QCOMPARE(draft.value(QStringLiteral("callerPhone")).toString(), kCallerPhone);
    QCOMPARE(draft.value(QStringLiteral("relationship")).toInt(-1), 0);
    QCOMPARE(draft.value(QStringLiteral("personName")).toString(), kPersonName);
    QCOMPARE(draft.value(QStringLiteral("address")).toString(), kAddress);
    for (const char* untouched :
         {"personDescription", "latitude", "longitude", "narrative", "overrideReason"})
        QVERIFY2(draft.value(QString::fromLatin1(untouched)).toString().isEmpty(), untouched);
    QCOMPARE(QStringLiteral("intake/") + draft.value(QStringLiteral("formId")).toString(), left.form);
    QVERIFY(draft.value(QStringLiteral("callId")).toString().isEmpty()); // never saved as a call
    const QString cadNumber = draft.value(QStringLiteral("cadNumber")).toString();
    QVERIFY(!cadNumber.isEmpty());

    // Restart on the same file: the counselor signs in and finds the call
    // again in its tab, every field as typed.
    test::UiTestFixture f(test::UiTestFixture::ExistingDatabase{dbPath});
    QVERIFY(f.ok());
    f.typeSignIn(QStringLiteral("counselor"), QStringLiteral("counselor-demo"));
    QVERIFY(f.window().actor().has_value());
    auto* counselor = qobject_cast<ui::CounselorHome*>(f.window().home());
    QVERIFY(counselor);
    const QList<ui::IntakeForm*> forms = counselor->forms();
    QCOMPARE(forms.size(), 1);
    ui::IntakeForm* form = forms.first();
    QCOMPARE(form->draftKey(), left.form);
    QCOMPARE(form->findChild<QLineEdit*>(QStringLiteral("callerName"))->text(), kCallerName);
    QCOMPARE(form->findChild<QLineEdit*>(QStringLiteral("callerPhone"))->text(), kCallerPhone);
    QCOMPARE(form->findChild<QComboBox*>(QStringLiteral("callerRelationship"))->currentIndex(), 0);
    QCOMPARE(form->findChild<QLineEdit*>(QStringLiteral("personName"))->text(), kPersonName);
    QCOMPARE(form->findChild<QLineEdit*>(QStringLiteral("address"))->text(), kAddress);
    QCOMPARE(form->findChild<QLineEdit*>(QStringLiteral("cadNumber"))->text(), cadNumber);
    QVERIFY(form->findChild<QLineEdit*>(QStringLiteral("personDescription"))->text().isEmpty());
    QVERIFY(form->findChild<QPlainTextEdit*>(QStringLiteral("narrative"))->toPlainText().isEmpty());
    QVERIFY(form->hasUnsavedChanges());
    QCOMPARE(form->title(), QStringLiteral("New call %1").arg(cadNumber));
    // The tabs keep their own names (a two-tab counselor home was once
    // renamed "Dashboard" and "Roster" as if it were the supervisor's).
    QCOMPARE(counselor->tabText(counselor->indexOf(counselor->queue())), QStringLiteral("Queue"));
    QCOMPARE(counselor->tabText(counselor->indexOf(form)), form->title());
    qInfo("whole scenario: %lld ms", total.elapsed());
}

// The counselor never pauses: the caller's name, then a long address still
// being typed when the program is killed. What was typed more than 2 s
// before the kill must be in the draft, though the typing never stopped.
void TestIntakeCrash::killedWhileTypingKeepsWhatCameBefore()
{
    QElapsedTimer total;
    total.start();
    Session s;
    QString why;
    QVERIFY2(startNewCall(s, &why), qPrintable(why));

    QVERIFY2(xdo(s, typeArguments(kCallerName), &why), qPrintable(why));
    QVERIFY2(xdo(s, {QStringLiteral("key"), QStringLiteral("alt+s")}, &why), qPrintable(why)); // "Addre&ss"
    s.typist = std::make_unique<QProcess>();
    s.typist->setProcessEnvironment(toolEnvironment(s));
    s.typist->start(m_xdotool, typeArguments(kLongAddress, kLongTypeDelayMs));
    QVERIFY2(s.typist->waitForStarted(10000), qPrintable(s.typist->errorString()));
    QTest::qWait(kTypingBeforeKillMs);
    QVERIFY2(s.typist->state() == QProcess::Running,
             qPrintable(QStringLiteral("the long address was typed before the kill (xdotool exit %1: %2); "
                                       "make it longer, the kill must come mid-typing")
                            .arg(s.typist->exitCode())
                            .arg(QString::fromUtf8(s.typist->readAllStandardError()))));
    QVERIFY2(killApp(s, &why), qPrintable(why));

    const QString dbPath = databasePath(s);
    QVERIFY2(!dbPath.isEmpty(), "no demo database under the child's XDG_DATA_HOME");
    LeftDrafts left;
    QVERIFY2(readDrafts(dbPath, &left, &why), qPrintable(why));
    QVERIFY2(left.rows.size() == 1 && !left.form.isEmpty(),
             qPrintable(QStringLiteral(
                            "after %1 s of typing without a pause, expected the counselor's intake draft, "
                            "found [%2]; heartdesk said: %3")
                            .arg(kTypingBeforeKillMs / 1000)
                            .arg(left.rows.join(QStringLiteral(", ")), s.appLog)));
    QCOMPARE(left.content.value(QStringLiteral("callerName")).toString(), kCallerName);
    const QString address = left.content.value(QStringLiteral("address")).toString();
    QVERIFY2(kLongAddress.startsWith(address),
             qPrintable(QStringLiteral("the saved address is not what was typed: \"%1\"").arg(address)));
    // Typing for 4 s at ~50 ms a letter: the first 2 s are well over 10 letters.
    QVERIFY2(address.size() >= 10,
             qPrintable(QStringLiteral("only \"%1\" of the address reached the draft").arg(address)));
    qInfo("%lld of %lld letters of the address were in the draft at the kill; whole scenario: %lld ms",
          qint64(address.size()), qint64(kLongAddress.size()), total.elapsed());
}

HEART_TEST_MAIN(TestIntakeCrash)
#include "tst_intake_crash.moc"
