#pragma once
// Runs the real heartdesk-cli binary (HEARTDESK_CLI_PATH) with QProcess and
// reaches around it with raw SQL, to tamper with what it wrote.
#include <QProcessEnvironment>
#include <QSqlDatabase>
#include <QString>
#include <QStringList>
#include <QVariant>

namespace heart::clitest {

struct CliResult
{
    QStringList arguments;
    bool finished = false;
    int exitCode = -1;
    QString out;
    QString err;

    QString all() const { return out + err; }
    // For failure messages: the command, the exit code and both streams.
    QString describe() const;
};

class CliRunner
{
public:
    // homeDir stands in for HOME and the XDG data folder, so the default
    // database never lands in the real home folder.
    explicit CliRunner(const QString& homeDir);

    void setEnv(const QString& name, const QString& value) { m_env.insert(name, value); }
    void unsetEnv(const QString& name) { m_env.remove(name); }
    CliResult run(const QStringList& arguments, int timeoutMs = 300000) const;
    const QProcessEnvironment& environment() const { return m_env; }

    static QString binary();

private:
    QProcessEnvironment m_env;
};

// A connection of the test's own (QSQLITE or QPSQL), removed on destruction.
class RawSql
{
public:
    static RawSql sqlite(const QString& path);
    // url: postgresql://user@host:port/db; the password comes separately.
    static RawSql postgres(const QString& url, const QString& database, const QString& password);
    ~RawSql();
    RawSql(RawSql&& other) noexcept;
    RawSql(const RawSql&) = delete;
    RawSql& operator=(const RawSql&) = delete;
    RawSql& operator=(RawSql&&) = delete;

    bool isOpen() const;
    QString lastError() const { return m_lastError; }
    // Runs one statement; false (and lastError()) on failure.
    bool exec(const QString& sql);
    // The first column of the first row, or an invalid QVariant.
    QVariant scalar(const QString& sql);
    QStringList column(const QString& sql);

private:
    explicit RawSql(QString connectionName) : m_name(std::move(connectionName)) {}
    QString m_name;
    QString m_lastError;
};

QByteArray fileBytes(const QString& path);
QStringList dirEntries(const QString& dir);

} // namespace heart::clitest

// Checks the exit code; on failure shows the command line and its output.
// Evaluates `result` once, so it may be the run itself.
#define CLI_EXPECT_EXIT(result, code)                                                                        \
    do {                                                                                                     \
        const heart::clitest::CliResult& cliResult_ = (result);                                              \
        QVERIFY2(cliResult_.finished&& cliResult_.exitCode == (code), qPrintable(cliResult_.describe()));    \
    } while (false)
