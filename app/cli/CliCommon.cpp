#include "Cli.h"
#include "Secrets.h"
#include "core/Clock.h"
#include "core/account/PasswordPolicy.h"
#include "store/AccountStore.h"
#include "store/Database.h"
#include "usecases/AccountUseCases.h"

#include <QCoreApplication>
#include <QFileInfo>
#include <QSysInfo>
#include <algorithm>
#include <cstdio>

Q_LOGGING_CATEGORY(lcCli, "heartdesk.cli", QtInfoMsg)

namespace heart::cli {

using store::ConnectionSpec;
using store::Engine;
using store::StoreError;
using store::StoreErrorCode;

namespace {

const QString kDatabase = QStringLiteral("database");
const QString kVerbose = QStringLiteral("verbose");
const QString kHelp = QStringLiteral("help");

void writeLine(std::FILE* stream, const QString& text)
{
    const QByteArray bytes = text.toLocal8Bit();
    std::fwrite(bytes.constData(), 1, static_cast<std::size_t>(bytes.size()), stream);
    std::fputc('\n', stream);
    std::fflush(stream);
}

QString fieldInWords(const QString& field)
{
    if (field == QLatin1String("login"))
        return QStringLiteral("user ID (--login)");
    if (field == QLatin1String("displayName"))
        return QStringLiteral("name (--name)");
    if (field == QLatin1String("roles"))
        return QStringLiteral("roles (--role)");
    if (field == QLatin1String("password"))
        return QStringLiteral("password");
    return field.isEmpty() ? QStringLiteral("input") : field;
}

// Technical detail in parentheses, when there is any.
QString withDetail(const QString& sentence, const QString& detail)
{
    return detail.isEmpty() ? sentence : QStringLiteral("%1 (%2)").arg(sentence, detail.simplified());
}

} // namespace

// ---------------------------------------------------------------------------
// The command table
// ---------------------------------------------------------------------------

const Command* findCommand(const QString& name)
{
    const auto table = commands();
    const auto it = std::find_if(table.begin(), table.end(),
                                 [&](const Command& c) { return name == QLatin1String(c.name); });
    return it == table.end() ? nullptr : &*it;
}

// ---------------------------------------------------------------------------
// CommandLine
// ---------------------------------------------------------------------------

CommandLine::CommandLine(const Invocation& invocation, QString synopsis, QString description)
    : m_invocation(invocation), m_synopsis(std::move(synopsis))
{
    m_parser.setApplicationDescription(description);
    m_parser.setSingleDashWordOptionMode(QCommandLineParser::ParseAsLongOptions);
    m_parser.addOption({kDatabase,
                        QStringLiteral("The database: an SQLite file, or postgresql://user@host:port/db"
                                       "[?sslmode=verify-full&sslrootcert=CA-FILE] "
                                       "(password from HEARTDESK_DB_PASSWORD or PGPASSWORD, or asked). "
                                       "Default: %1")
                            .arg(store::defaultSqlitePath()),
                        QStringLiteral("location")});
    m_parser.addOption(
        {{QStringLiteral("v"), kVerbose}, QStringLiteral("Log what is being done to stderr.")});
    m_parser.addOption({{QStringLiteral("h"), kHelp}, QStringLiteral("Show this help.")});
}

std::optional<int> CommandLine::parse()
{
    QStringList arguments = m_invocation.arguments;
    arguments.prepend(m_invocation.program);
    if (!m_parser.parse(arguments))
        return usageError(m_parser.errorText());
    applyLogging(m_invocation.verboseBefore || m_parser.isSet(kVerbose));
    if (m_parser.isSet(kHelp)) {
        std::fputs(helpText().toLocal8Bit().constData(), stdout);
        return ExitOk;
    }
    if (!m_parser.positionalArguments().isEmpty()) {
        return usageError(
            QStringLiteral("unexpected argument '%1'").arg(m_parser.positionalArguments().constFirst()));
    }
    return std::nullopt;
}

QString CommandLine::databaseLocation() const
{
    if (m_parser.isSet(kDatabase))
        return m_parser.value(kDatabase);
    if (!m_invocation.databaseBefore.isEmpty())
        return m_invocation.databaseBefore;
    return store::defaultSqlitePath();
}

QString CommandLine::helpText() const
{
    QString text = m_parser.helpText();
    // Qt's first line names only the program; ours names the command too.
    const qsizetype firstLineEnd = text.indexOf(QLatin1Char('\n'));
    text.replace(0, firstLineEnd,
                 QStringLiteral("Usage: heartdesk-cli %1 %2").arg(m_invocation.command, m_synopsis));
    return text;
}

int CommandLine::usageError(const QString& message) const
{
    printError(QStringLiteral("%1: %2").arg(m_invocation.command, message));
    printError(QStringLiteral("try 'heartdesk-cli %1 --help'").arg(m_invocation.command));
    return ExitUsage;
}

std::optional<int> CommandLine::requireOptions(const QStringList& names) const
{
    for (const QString& name : names) {
        if (m_parser.value(name).trimmed().isEmpty())
            return usageError(QStringLiteral("--%1 is required").arg(name));
    }
    return std::nullopt;
}

// ---------------------------------------------------------------------------
// Output and errors
// ---------------------------------------------------------------------------

void printLine(const QString& text)
{
    writeLine(stdout, text);
}

void printError(const QString& text)
{
    writeLine(stderr, QStringLiteral("heartdesk-cli: ") + text);
}

QString describeLocation(const ConnectionSpec& spec)
{
    if (spec.engine == Engine::Sqlite)
        return spec.describe();
    return QStringLiteral("the PostgreSQL database %1").arg(spec.describe());
}

QString describeError(const StoreError& error, const ConnectionSpec& spec)
{
    const QString where = describeLocation(spec);
    const QString& detail = error.detail;
    switch (error.code) {
    case StoreErrorCode::None:
        return QStringLiteral("no error");
    case StoreErrorCode::InvalidLocation:
        if (error.field == QLatin1String("sslrootcert"))
            return QStringLiteral("cannot use the location given with --database: %1")
                .arg(detail.simplified());
        return withDetail(QStringLiteral("the database location given with --database cannot be understood"),
                          detail);
    case StoreErrorCode::PasswordInLocation:
        return QStringLiteral("refusing a database location that contains a password: %1").arg(detail);
    case StoreErrorCode::NotADatabase:
        if (spec.engine != Engine::Sqlite) // a server's database and schema, not a file
            return QStringLiteral("%1 is not HEART Desk's: %2; nothing on the server was changed")
                .arg(where, detail.simplified());
        return QStringLiteral("%1 is not a readable HEART Desk database (%2); it was not changed")
            .arg(where, detail.simplified());
    case StoreErrorCode::FileUnreadable:
        return withDetail(QStringLiteral("cannot open %1").arg(where), detail) +
               QStringLiteral("; it was not changed");
    case StoreErrorCode::NewerSchema:
        return withDetail(QStringLiteral("%1 was written by a newer version of HEART Desk").arg(where),
                          detail) +
               QStringLiteral("; nothing was changed. Use that version or a newer one");
    case StoreErrorCode::ConnectionFailed:
        return withDetail(QStringLiteral("cannot connect to %1").arg(where), detail);
    case StoreErrorCode::QueryFailed:
        return withDetail(QStringLiteral("a database operation on %1 failed").arg(where), detail);
    case StoreErrorCode::PermissionDenied:
        return withDetail(QStringLiteral("permission denied"), detail);
    case StoreErrorCode::Conflict:
        return QStringLiteral(
            "the record was changed by someone else meanwhile; nothing was changed, try again");
    case StoreErrorCode::NotFound:
        return withDetail(QStringLiteral("not found"), detail);
    case StoreErrorCode::InvalidInput:
    case StoreErrorCode::RequiredMissing:
        if (detail == QLatin1String("control-character"))
            return QStringLiteral("invalid %1: it contains a control character or an invisible formatting "
                                  "character (such as a right-to-left override)")
                .arg(fieldInWords(error.field));
        return QStringLiteral("invalid %1: %2").arg(fieldInWords(error.field), detail);
    case StoreErrorCode::TooLong:
        return QStringLiteral("%1 is too long (at most %2)").arg(fieldInWords(error.field)).arg(error.limit);
    case StoreErrorCode::RecordSigned:
    case StoreErrorCode::CallClosed:
    case StoreErrorCode::UnitBusy:
    case StoreErrorCode::StatusRefused:
    case StoreErrorCode::TaskClosed:
    case StoreErrorCode::HeldByOther:
    case StoreErrorCode::IneligibleAssignee:
        return withDetail(QStringLiteral("refused (%1)").arg(store::storeErrorCodeName(error.code)), detail);
    case StoreErrorCode::DuplicateLogin:
        return QStringLiteral("that user ID (--login) is already taken");
    case StoreErrorCode::WeakPassword: {
        const account::PasswordProblem problem = account::passwordProblemFromCode(detail.toStdString());
        if (problem == account::PasswordProblem::None)
            return QStringLiteral("the password is too weak: %1").arg(detail);
        return QStringLiteral("the password is refused: %1")
            .arg(QString::fromStdString(account::describePasswordProblem(
                {problem, static_cast<std::size_t>(std::max(error.limit, 0))})));
    }
    case StoreErrorCode::BadCredentials:
        return QStringLiteral("wrong user ID or password");
    case StoreErrorCode::AccountLocked:
        return error.until.isValid()
                   ? QStringLiteral("the account is locked until %1 UTC after repeated wrong passwords")
                         .arg(error.until.toUTC().toString(QStringLiteral("yyyy-MM-dd HH:mm")))
                   : QStringLiteral("the account is locked after repeated wrong passwords");
    case StoreErrorCode::AccountInactive:
        return QStringLiteral("the account is deactivated");
    case StoreErrorCode::LastAdministrator:
        return QStringLiteral("that would leave no active administrator; nothing was changed");
    case StoreErrorCode::AlreadyInitialized:
        return QStringLiteral("%1 already has user accounts; nothing was changed").arg(where);
    case StoreErrorCode::PlaintextRefused:
        return QStringLiteral("refusing to connect without encryption: %1").arg(detail.simplified());
    case StoreErrorCode::SchemaNeedsOwner:
        return withDetail(QStringLiteral("%1 has an older schema than this program and this login may not "
                                         "upgrade it; run 'heartdesk-cli setup-server' as an administrator "
                                         "(it migrates as the schema owner); nothing was changed")
                              .arg(where),
                          detail);
    case StoreErrorCode::CredentialsExpired:
        return QStringLiteral("this laptop's copy of the account was not confirmed by the center recently "
                              "enough: sync with the center first");
    }
    return withDetail(QStringLiteral("unexpected error %1").arg(store::storeErrorCodeName(error.code)),
                      detail);
}

int exitCodeFor(StoreErrorCode code)
{
    switch (code) {
    case StoreErrorCode::None:
        return ExitOk;
    case StoreErrorCode::InvalidLocation:
    case StoreErrorCode::PasswordInLocation:
    case StoreErrorCode::PlaintextRefused:
        return ExitUsage;
    case StoreErrorCode::NotADatabase:
    case StoreErrorCode::FileUnreadable:
    case StoreErrorCode::NewerSchema:
    case StoreErrorCode::SchemaNeedsOwner:
    case StoreErrorCode::ConnectionFailed:
        return ExitCannotOpen;
    default:
        return ExitFailed;
    }
}

int reportError(const StoreError& error, const ConnectionSpec& spec, const QString& context)
{
    const QString sentence = describeError(error, spec);
    printError(context.isEmpty() ? sentence : context + QStringLiteral(": ") + sentence);
    qCDebug(lcCli) << "store error" << store::storeErrorCodeName(error.code);
    return exitCodeFor(error.code);
}

// ---------------------------------------------------------------------------
// Opening the database
// ---------------------------------------------------------------------------

int openDatabase(const CommandLine& commandLine, store::Database& db, IfMissing ifMissing)
{
    auto parsed = ConnectionSpec::parse(commandLine.databaseLocation());
    if (!parsed.ok()) {
        // Never echo the location itself: it may hold a password.
        return reportError(parsed.error(), ConnectionSpec{});
    }
    const ConnectionSpec& spec = parsed.value();
    QString password;
    if (spec.engine == Engine::Sqlite) {
        if (ifMissing == IfMissing::Refuse && !QFileInfo::exists(spec.sqlitePath)) {
            printError(QStringLiteral("%1 does not exist; create it with 'heartdesk-cli migrate' or "
                                      "'heartdesk-cli create-admin'")
                           .arg(describeLocation(spec)));
            return ExitCannotOpen;
        }
    } else {
        Secret secret = obtainSecret({{"HEARTDESK_DB_PASSWORD", "PGPASSWORD"},
                                      QStringLiteral("Password for %1: ").arg(spec.describe()),
                                      false,
                                      QStringLiteral("the password of %1").arg(describeLocation(spec)),
                                      ExitCannotOpen});
        if (!secret.ok())
            return secret.exitCode;
        password = std::move(secret.value);
    }
    qCInfo(lcCli) << "opening" << (spec.engine == Engine::Sqlite ? "sqlite" : "postgresql")
                  << spec.describe();
    const StoreError error = db.open(spec, password);
    wipe(password);
    if (error)
        return reportError(error, spec);
    return ExitOk;
}

QString cliWorkstation()
{
    return QStringLiteral("%1 (heartdesk-cli)").arg(QSysInfo::machineHostName());
}

void applyLogging(bool verbose)
{
    // QT_LOGGING_RULES and QT_LOGGING_CONF still override these.
    QLoggingCategory::setFilterRules(verbose
                                         ? QStringLiteral("heartdesk.*.info=true\nheartdesk.*.debug=true")
                                         : QStringLiteral("heartdesk.*.info=false\nheartdesk.*.debug=false"));
}

int requireNoAccounts(store::Database& db, const QString& why)
{
    const auto hasUsers = usecases::SignInUseCases(db, SystemClock::instance()).hasUsers();
    if (!hasUsers.ok())
        return reportError(hasUsers.error(), db.spec());
    if (hasUsers.value()) {
        printError(QStringLiteral("%1 already has user accounts; %2; nothing was changed")
                       .arg(describeLocation(db.spec()), why));
        return ExitFailed;
    }
    return ExitOk;
}

} // namespace heart::cli
