#include "report/ReportPdfCommand.h"

#include "core/Clock.h"
#include "report/MonthlyReportPdf.h"
#include "shell/DomainText.h"
#include "store/Database.h"
#include "usecases/AccountUseCases.h"
#include "usecases/ReportUseCases.h"

#include <QFileInfo>
#include <QSysInfo>
#include <QTextStream>
#include <cstdio>

namespace heart::ui {
namespace {

void say(const QString& text)
{
    std::fprintf(stderr, "heartdesk: %s\n", qPrintable(text));
}

QString password()
{
    if (qEnvironmentVariableIsSet("HEARTDESK_PASSWORD"))
        return qEnvironmentVariable("HEARTDESK_PASSWORD");
    QTextStream in(stdin);
    return in.readLine();
}

} // namespace

int ReportPdfCommand::run(const ReportPdfOptions& options, const store::ConnectionSpec& spec)
{
    if (options.login.isEmpty() || options.period.isEmpty()) {
        say(tr("--report-pdf needs --as LOGIN (a supervisor) and --period PERIOD."));
        return 2;
    }
    const auto period = report::parsePeriod(options.period.trimmed().toStdString());
    if (!period.ok()) {
        say(tr("--period must be YYYY-MM, YYYY-Qn, YYYY or YYYY-MM-DD..YYYY-MM-DD."));
        return 2;
    }
    usecases::ReportRequest request{period.value(), std::nullopt};
    if (!options.program.isEmpty()) {
        QString code = options.program.trimmed().toLower();
        code.replace(u'_', u'-');
        request.program = routing::programFromCode(code.toStdString());
        if (!request.program) {
            say(tr("--program must be ccd, crt, cor, cn or police-ems."));
            return 2;
        }
    }
    BeatMeasure measure = BeatMeasure::Calls;
    if (options.map == QLatin1String("missed"))
        measure = BeatMeasure::MissedEligible;
    else if (!options.map.isEmpty() && options.map != QLatin1String("calls")) {
        say(tr("--map must be calls or missed."));
        return 2;
    }
    if (spec.engine == store::Engine::Sqlite && !QFileInfo::exists(spec.sqlitePath)) {
        say(tr("There is no database at %1.").arg(spec.describe()));
        return 1;
    }

    store::Database db;
    QString serverPassword;
    if (spec.engine == store::Engine::Postgres) {
        for (const char* variable : {"HEARTDESK_DB_PASSWORD", "PGPASSWORD"})
            if (serverPassword.isEmpty() && qEnvironmentVariableIsSet(variable))
                serverPassword = qEnvironmentVariable(variable);
    }
    const store::StoreError opened = db.open(spec, serverPassword);
    serverPassword.fill(QLatin1Char('\0'));
    if (opened) {
        say(tr("Cannot open %1: %2").arg(spec.describe(), DomainText::errorText(opened)));
        return 1;
    }
    const Clock& clock = SystemClock::instance();
    QString typed = password();
    auto signedIn = usecases::SignInUseCases(db, clock).signIn(
        options.login, typed, QStringLiteral("%1 (heartdesk --report-pdf)").arg(QSysInfo::machineHostName()));
    typed.fill(QLatin1Char('\0'));
    if (!signedIn.ok()) {
        say(tr("Cannot sign in as %1: %2").arg(options.login, DomainText::errorText(signedIn.error())));
        return 1;
    }
    store::Actor actor = signedIn.value();
    int code = 0;
    if (actor.role() != Role::Supervisor) {
        auto switched = usecases::AccountUseCases({db, clock, actor}).switchRole(Role::Supervisor);
        if (!switched.ok()) {
            say(tr("%1 is not a supervisor, so cannot read the report.").arg(options.login));
            code = 1;
        } else {
            actor = switched.value();
        }
    }
    if (code == 0) {
        auto got = usecases::ReportUseCases({db, clock, actor}).report(request);
        if (!got.ok()) {
            say(tr("Cannot read the report: %1").arg(DomainText::errorText(got.error())));
            code = 1;
        } else if (const store::StoreError refused =
                       usecases::ReportUseCases({db, clock, actor})
                           .recordPdfExport(request, options.file, options.publicVersion)) {
            say(tr("Cannot write %1: %2").arg(options.file, DomainText::errorText(refused)));
            code = 1;
        } else {
            QString error;
            if (!MonthlyReportPdf::write({got.value(), request.program, options.publicVersion, measure},
                                         options.file, &error)) {
                say(tr("Cannot write %1: %2").arg(options.file, error));
                code = 1;
            }
        }
    }
    usecases::AccountUseCases({db, clock, actor}).signOut();
    return code;
}

} // namespace heart::ui
