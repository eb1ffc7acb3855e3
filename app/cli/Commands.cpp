#include "Commands.h"

#include <QCoreApplication>
#include <array>
#include <cstdio>

namespace heart::cli {
namespace {

int runHelp(const Invocation& invocation);

constexpr std::array kCommands = {
    Command{"migrate", "Create the database or bring its schema up to date; print the schema version.",
            runMigrate},
    Command{"create-admin", "Create the first administrator account of a new database.", runCreateAdmin},
    Command{"create-user", "Create a user account, signed in as an administrator.", runCreateUser},
    Command{"reset-password",
            "Give an account a new password (lifts a lockout), signed in as an administrator.",
            runResetPassword},
    Command{"verify-audit", "Check the audit trail's hash chain; name the first broken row.", runVerifyAudit},
    Command{"audit-key",
            "Create, export or import the key outside the database that signs the audit trail's checkpoints.",
            runAuditKey},
    Command{"demo", "Fill a new, empty database with the fictional demo scenario.", runDemo},
    Command{"replay",
            "What-if replay of a call history under rule sets: eligible calls per program, hours, reasons.",
            runReplay},
    Command{"report",
            "Print the supervisor's report for a period as CSV or JSON (--public: small cells suppressed).",
            runReport},
    Command{"set-setting", "Store a program setting (crisis services, follow-up policy) from a JSON file.",
            runSetSetting},
    Command{"setup-server",
            "Least privilege on a shared PostgreSQL server: a schema-owner role that migrates and an "
            "application role without DDL.",
            runSetupServer},
    Command{"van-setup", "Set up a van laptop's own store from the center's server.", runVanSetup},
    Command{"sync", "Sync a van laptop's store with its center once.", runSync},
    Command{"cad-link", "Run the link with the 911 center's CAD (NENA EIDO over WebSocket, TLS).",
            runCadLink},
    Command{"cad-sim", "Play a call history to the CAD link as a CAD would (tests, demo, benchmark).",
            runCadSim},
    Command{"help", "Show the help of a command.", runHelp},
    // Coming later: replay (a rule set over history), import-calls, report.
};

const QString kDatabase = QStringLiteral("database");
const QString kVerbose = QStringLiteral("verbose");

QString generalHelp()
{
    QString text = QStringLiteral(
        "Usage: heartdesk-cli COMMAND [options]\n"
        "The headless tool of HEART Desk: database set-up, accounts and audit checks.\n\nCommands:\n");
    for (const Command& command : kCommands)
        text += QStringLiteral("  %1%2\n")
                    .arg(QLatin1String(command.name), -15)
                    .arg(QLatin1String(command.summary));
    text += QStringLiteral("\nCommon options (before or after the command):\n"
                           "  --database LOCATION  an SQLite file or postgresql://user@host:port/db\n"
                           "  -v, --verbose        log what is being done to stderr\n"
                           "  -h, --help           help of the command\n"
                           "\nExit status: 0 done, 1 the check or command failed, 2 usage error,\n"
                           "3 the database could not be opened (it was not changed).\n"
                           "Run 'heartdesk-cli COMMAND --help' for the options of a command.\n");
    return text;
}

int runHelp(const Invocation& invocation)
{
    if (invocation.arguments.isEmpty()) {
        std::fputs(generalHelp().toLocal8Bit().constData(), stdout);
        return ExitOk;
    }
    const Command* command = findCommand(invocation.arguments.constFirst());
    if (!command || command->run == runHelp) {
        printError(QStringLiteral("unknown command '%1'; run 'heartdesk-cli --help' for the list")
                       .arg(invocation.arguments.constFirst()));
        return ExitUsage;
    }
    Invocation forHelp = invocation;
    forHelp.command = QLatin1String(command->name);
    forHelp.arguments = {QStringLiteral("--help")};
    return command->run(forHelp);
}

} // namespace

std::span<const Command> commands()
{
    return kCommands;
}

int dispatch(const QStringList& arguments)
{
    QCommandLineParser parser;
    parser.setSingleDashWordOptionMode(QCommandLineParser::ParseAsLongOptions);
    // Everything after the command word belongs to the command.
    parser.setOptionsAfterPositionalArgumentsMode(QCommandLineParser::ParseAsPositionalArguments);
    parser.addOption({kDatabase, QString(), QStringLiteral("location")});
    parser.addOption({{QStringLiteral("v"), kVerbose}, QString()});
    parser.addOption({{QStringLiteral("h"), QStringLiteral("help")}, QString()});
    parser.addOption({QStringLiteral("version"), QString()});
    if (!parser.parse(arguments)) {
        printError(parser.errorText());
        printError(QStringLiteral("try 'heartdesk-cli --help'"));
        return ExitUsage;
    }
    applyLogging(parser.isSet(kVerbose));
    if (parser.isSet(QStringLiteral("version"))) {
        printLine(QStringLiteral("heartdesk-cli %1").arg(QCoreApplication::applicationVersion()));
        return ExitOk;
    }
    QStringList rest = parser.positionalArguments();
    if (rest.isEmpty()) {
        if (parser.isSet(QStringLiteral("help"))) {
            std::fputs(generalHelp().toLocal8Bit().constData(), stdout);
            return ExitOk;
        }
        std::fputs(generalHelp().toLocal8Bit().constData(), stderr);
        return ExitUsage;
    }
    Invocation invocation;
    invocation.program = arguments.value(0, QStringLiteral("heartdesk-cli"));
    invocation.command = rest.takeFirst();
    invocation.arguments = rest;
    invocation.databaseBefore = parser.value(kDatabase);
    invocation.verboseBefore = parser.isSet(kVerbose);
    const Command* command = findCommand(invocation.command);
    if (!command) {
        printError(QStringLiteral("unknown command '%1'; run 'heartdesk-cli --help' for the list")
                       .arg(invocation.command));
        return ExitUsage;
    }
    if (parser.isSet(QStringLiteral("help")))
        invocation.arguments.prepend(QStringLiteral("--help"));
    qCDebug(lcCli) << "command" << invocation.command;
    return command->run(invocation);
}

} // namespace heart::cli
