#include "shell/Startup.h"

#include "core/DemoScenario.h"
#include "demo/DemoDataWriter.h"
#include "report/ReportPdfCommand.h"
#include "shell/DatabaseOpener.h"
#include "shell/DomainText.h"
#include "shell/LanguageSwitcher.h"
#include "shell/MainWindow.h"
#include "shell/SignInPage.h"
#include "shell/UiLog.h"
#include "store/AuditCheckpoints.h"
#include "store/Database.h"
#include "store/EncryptedSqlite.h"

#include <QApplication>
#include <QCommandLineParser>
#include <QDir>
#include <QFile>
#include <QLocale>
#include <QMessageBox>
#include <QProgressDialog>
#include <QSaveFile>
#include <QSettings>
#include <QStandardPaths>
#include <cstdio>

namespace heart::ui {

Startup::Startup() = default;
Startup::~Startup() = default;

QString Startup::demoDatabasePath()
{
    return QDir(QStandardPaths::writableLocation(QStandardPaths::AppDataLocation))
        .filePath(QStringLiteral("demo/heartdesk-demo.sqlite"));
}

bool Startup::prepareDemo(const QString& path, quint64 seed)
{
    // A fresh demo every time: remove only the demo file, its WAL companions and its key.
    store::encrypted::removeDatabase(path);
    QProgressDialog progress(tr("Preparing the demo database…"), QString(), 0, 0);
    progress.setWindowTitle(tr("HEART Desk demo"));
    progress.setMinimumDuration(0);
    progress.show();
    QCoreApplication::processEvents();
    if (store::StoreError error = m_db->open(store::ConnectionSpec::sqlite(path))) {
        QMessageBox::critical(nullptr, tr("HEART Desk demo"), DomainText::errorText(error));
        return false;
    }
    DemoOptions options;
    options.seed = seed;
    options.end = SystemClock::instance().now();
    store::DemoDataWriter writer(*m_db, SystemClock::instance());
    if (store::StoreError error = writer.write(makeDemoScenario(options), QSysInfo::machineHostName())) {
        QMessageBox::critical(nullptr, tr("HEART Desk demo"), DomainText::errorText(error));
        return false;
    }
    // The previous demo's audit key goes with the previous demo file: one key, not one per start.
    store::AuditKeys::retireReplacedDemoKey(m_db->spec());
    return true;
}

int Startup::run(QApplication& app)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(
        tr("HEART Desk: the workplace of an alternative 911 crisis response program."));
    parser.addHelpOption();
    parser.addVersionOption();
    const QCommandLineOption database(
        QStringLiteral("database"),
        tr("An SQLite file, or postgresql://user@host:port/db. The server password "
           "comes from HEARTDESK_DB_PASSWORD (or PGPASSWORD) or is asked for."),
        tr("location"));
    const QCommandLineOption demo(QStringLiteral("demo"),
                                  tr("Open a fresh demo database with fictional people."));
    const QCommandLineOption demoSeed(QStringLiteral("demo-seed"),
                                      tr("Seed of the demo data (default 20220627)."), tr("number"),
                                      QStringLiteral("20220627"));
    const QCommandLineOption demoUser(
        QStringLiteral("demo-user"),
        tr("Demo user to sign in as (default supervisor; \"none\" shows the sign-in "
           "screen)."),
        tr("login"), QStringLiteral("supervisor"));
    const QCommandLineOption language(QStringLiteral("language"), tr("Language of the interface: en or es."),
                                      tr("code"));
    parser.addOptions({database, demo, demoSeed, demoUser, language});
    // The monthly report as a PDF, without a window (ui/report/ReportPdfCommand.h).
    const QCommandLineOption reportPdf(
        QStringLiteral("report-pdf"),
        tr("Write the program report of --period as a PDF to this file and quit, signed in as the "
           "supervisor --as (password from HEARTDESK_PASSWORD or standard input)."),
        tr("file"));
    const QCommandLineOption reportPeriod(QStringLiteral("period"),
                                          tr("With --report-pdf: 2026-10, 2026-Q4, 2026 or "
                                             "2026-10-01..2026-10-15, in the program's local time."),
                                          tr("period"));
    const QCommandLineOption reportAs(QStringLiteral("as"),
                                      tr("With --report-pdf: the supervisor's user ID."), tr("login"));
    const QCommandLineOption reportProgram(
        QStringLiteral("program"), tr("With --report-pdf: only this program's calls (ccd, crt, cor)."),
        tr("program"));
    const QCommandLineOption reportPublic(
        QStringLiteral("public"), tr("With --report-pdf: the public version (small cells suppressed)."));
    const QCommandLineOption reportMap(QStringLiteral("map"),
                                       tr("With --report-pdf: what the beat map shows, calls or missed."),
                                       tr("measure"));
    parser.addOptions({reportPdf, reportPeriod, reportAs, reportProgram, reportPublic, reportMap});
    parser.process(app);

    m_language = std::make_unique<LanguageSwitcher>();
    QSettings settings;
    QString languageCode = parser.value(language);
    if (languageCode.isEmpty())
        languageCode = settings.value(QStringLiteral("ui/language")).toString();
    if (languageCode.isEmpty())
        languageCode =
            QLocale::system().language() == QLocale::Spanish ? QStringLiteral("es") : QStringLiteral("en");
    if (!LanguageSwitcher::available().contains(languageCode)) {
        std::fprintf(stderr, "%s\n",
                     qPrintable(tr("Unknown language \"%1\": use en or es.").arg(languageCode)));
        return 2;
    }
    m_language->setLanguage(languageCode);
    QObject::connect(m_language.get(), &LanguageSwitcher::languageChanged, m_language.get(),
                     [](const QString& code) { QSettings().setValue(QStringLiteral("ui/language"), code); });

    if (parser.isSet(reportPdf)) {
        store::ConnectionSpec spec = store::ConnectionSpec::sqlite(store::defaultSqlitePath());
        if (parser.isSet(database)) {
            auto parsed = store::ConnectionSpec::parse(parser.value(database));
            if (!parsed.ok()) {
                std::fprintf(stderr, "%s\n", qPrintable(DomainText::errorText(parsed.error())));
                return 2;
            }
            spec = parsed.value();
        }
        return ReportPdfCommand::run({parser.value(reportPdf), parser.value(reportPeriod),
                                      parser.value(reportAs), parser.value(reportProgram),
                                      parser.value(reportMap), parser.isSet(reportPublic)},
                                     spec);
    }

    m_db = std::make_unique<store::Database>();
    if (parser.isSet(demo)) {
        bool ok = false;
        const quint64 seed = parser.value(demoSeed).toULongLong(&ok);
        if (!ok) {
            std::fprintf(stderr, "%s\n", qPrintable(tr("--demo-seed needs a whole number.")));
            return 2;
        }
        if (!prepareDemo(demoDatabasePath(), seed))
            return 1;
    } else {
        store::ConnectionSpec spec = store::ConnectionSpec::sqlite(store::defaultSqlitePath());
        if (parser.isSet(database)) {
            auto parsed = store::ConnectionSpec::parse(parser.value(database));
            if (!parsed.ok()) {
                std::fprintf(stderr, "%s\n", qPrintable(DomainText::errorText(parsed.error())));
                return 2;
            }
            spec = parsed.value();
        }
        if (!DatabaseOpener::open(*m_db, spec, nullptr))
            return 1;
    }

    m_window = std::make_unique<MainWindow>(*m_db, SystemClock::instance(), *m_language);
    m_window->start();
    if (parser.isSet(demo) && parser.value(demoUser) != QLatin1String("none")) {
        const QString login = parser.value(demoUser);
        QString password;
        for (const DemoStaff& staff : demoStaff()) {
            if (QString::fromStdString(staff.login) == login)
                password = QString::fromStdString(staff.password);
        }
        if (!m_window->signIn(login, password))
            qCWarning(lcUi) << "demo sign-in failed for the requested demo user";
    }
    m_window->show();
    announceFocus();
    return -1;
}

namespace {

void writeFocusFile(const QString& path, const QString& name)
{
    QSaveFile file(path);
    if (file.open(QIODevice::WriteOnly)) {
        file.write(name.toUtf8() + '\n');
        file.commit();
    }
}

} // namespace

// HEARTDESK_FOCUS_FILE=PATH (scripts/crash-trials): whenever the window is
// active, PATH holds the object name of the field that takes the keys
// ("signInLogin", "callerName"), so a script typing real key events waits
// until the page takes them instead of guessing with sleeps; and
// "signInSubmitted" when the sign-in page took Return (so a lost Return can
// be told from a slow sign-in) and "signInError" when a sign-in was refused,
// so the script tries again at once.
void Startup::announceFocus()
{
    const QString path = qEnvironmentVariable("HEARTDESK_FOCUS_FILE");
    if (path.isEmpty())
        return;
    QObject::connect(qApp, &QApplication::focusChanged, m_window.get(), [path](QWidget*, QWidget* now) {
        writeFocusFile(path, now && now->isActiveWindow() ? now->objectName() : QString());
    });
    if (auto* page = m_window->findChild<SignInPage*>()) {
        QObject::connect(page, &SignInPage::submitted, m_window.get(),
                         [path] { writeFocusFile(path, QStringLiteral("signInSubmitted")); });
        QObject::connect(page, &SignInPage::errorShown, m_window.get(),
                         [path] { writeFocusFile(path, QStringLiteral("signInError")); });
    }
}

} // namespace heart::ui
