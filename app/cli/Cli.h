#pragma once
// Shared pieces of heartdesk-cli: exit codes, the command table, the command
// line of one command, output and opening the database. Output never holds a
// person's data or a password.
#include "store/ConnectionSpec.h"
#include "store/StoreError.h"

#include <QCommandLineParser>
#include <QLoggingCategory>
#include <QString>
#include <QStringList>
#include <optional>
#include <span>

Q_DECLARE_LOGGING_CATEGORY(lcCli)

namespace heart::store {
class Database;
}

namespace heart::cli {

enum ExitCode : int
{
    ExitOk = 0,         // done
    ExitFailed = 1,     // the check or the command failed (a broken audit chain, a refused account)
    ExitUsage = 2,      // the command line is wrong
    ExitCannotOpen = 3, // the database could not be opened (and was not changed)
    ExitUnanchored = 4, // verify-audit: the chain holds, but no audit key or remembered head vouches for it
};

// What main() found on the command line: the command word, what followed it,
// and the common options given before it.
struct Invocation
{
    QString program;        // argv[0]
    QString command;        // e.g. "verify-audit"
    QStringList arguments;  // the arguments after the command word
    QString databaseBefore; // --database given before the command word, or empty
    bool verboseBefore = false;
};

// One row of the command table. Later commands (replay, import-calls,
// report) are added here and in a file of their own.
struct Command
{
    const char* name;
    const char* summary;
    int (*run)(const Invocation& invocation);
};

std::span<const Command> commands();
const Command* findCommand(const QString& name);

// The command line of one command: its own options plus the common ones
// (--database, --verbose, --help). parse() prints help or a usage error and
// returns the exit code when the command should stop there.
class CommandLine
{
public:
    CommandLine(const Invocation& invocation, QString synopsis, QString description);

    void addOption(const QCommandLineOption& option) { m_parser.addOption(option); }
    std::optional<int> parse();

    bool isSet(const QString& name) const { return m_parser.isSet(name); }
    QString value(const QString& name) const { return m_parser.value(name); }
    QStringList values(const QString& name) const { return m_parser.values(name); }
    // The --database argument, or the default SQLite file.
    QString databaseLocation() const;
    QString helpText() const;
    // Prints "heartdesk-cli COMMAND: message" and a hint; returns ExitUsage.
    int usageError(const QString& message) const;
    // Requires a non-empty value for each named option; prints a usage error otherwise.
    std::optional<int> requireOptions(const QStringList& names) const;

private:
    const Invocation& m_invocation;
    QString m_synopsis;
    QCommandLineParser m_parser;
};

// Output. Lines on stdout are the result; lines on stderr are messages.
void printLine(const QString& text);
void printError(const QString& text);

// A one-line English sentence naming what went wrong (never a password).
QString describeError(const store::StoreError& error, const store::ConnectionSpec& spec);
// Where the data lives, for messages: a file path or user@host:port/db.
QString describeLocation(const store::ConnectionSpec& spec);
int exitCodeFor(store::StoreErrorCode code);
// Prints describeError() and returns exitCodeFor().
int reportError(const store::StoreError& error, const store::ConnectionSpec& spec,
                const QString& context = {});

enum class IfMissing
{
    Create,
    Refuse
};

// Parses --database, finds the server password, opens and migrates. On
// failure prints one line and returns the exit code; 0 when open.
int openDatabase(const CommandLine& commandLine, store::Database& db, IfMissing ifMissing);

// For commands that only make sense on a new database: 0 when it has no
// user accounts yet; otherwise prints "<location> already has user accounts;
// <why>. Nothing was changed" (or the store's error) and returns the exit code.
int requireNoAccounts(store::Database& db, const QString& why);

// The workstation written into the audit trail for changes made here.
QString cliWorkstation();

void applyLogging(bool verbose);

} // namespace heart::cli
