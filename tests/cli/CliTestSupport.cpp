#include "cli/CliTestSupport.h"

#include "store/EncryptedSqlite.h"

#include <QAtomicInt>
#include <QDir>
#include <QFile>
#include <QProcess>
#include <QSqlError>
#include <QSqlQuery>
#include <QUrl>

namespace heart::clitest {
namespace {

QString nextConnectionName()
{
    static QAtomicInt counter;
    return QStringLiteral("clitest-%1").arg(counter.fetchAndAddRelaxed(1));
}

} // namespace

QString CliResult::describe() const
{
    return QStringLiteral("heartdesk-cli %1\n  finished: %2, exit code: %3\n  stdout: %4\n  stderr: %5")
        .arg(arguments.join(QLatin1Char(' ')), finished ? QStringLiteral("yes") : QStringLiteral("no"))
        .arg(exitCode)
        .arg(out.trimmed(), err.trimmed());
}

CliRunner::CliRunner(const QString& homeDir) : m_env(QProcessEnvironment::systemEnvironment())
{
    // Every secret and logging knob is given explicitly by the test that wants it.
    for (const char* name : {"HEARTDESK_NEW_PASSWORD", "HEARTDESK_ADMIN_PASSWORD", "PGPASSWORD",
                             "QT_LOGGING_RULES", "QT_LOGGING_CONF", "QT_MESSAGE_PATTERN"})
        m_env.remove(QLatin1String(name));
    m_env.insert(QStringLiteral("HOME"), homeDir);
    m_env.insert(QStringLiteral("XDG_DATA_HOME"), QDir(homeDir).filePath(QStringLiteral("xdg-data")));
    m_env.insert(QStringLiteral("XDG_CONFIG_HOME"), QDir(homeDir).filePath(QStringLiteral("xdg-config")));
}

QString CliRunner::binary()
{
    return QStringLiteral(HEARTDESK_CLI_PATH);
}

CliResult CliRunner::run(const QStringList& arguments, int timeoutMs) const
{
    CliResult result;
    result.arguments = arguments;
    QProcess process;
    process.setProcessEnvironment(m_env);
    process.setProgram(binary());
    process.setArguments(arguments);
    process.start(); // stdin is a pipe, never a terminal: the CLI cannot prompt
    if (!process.waitForStarted(30000)) {
        result.err = QStringLiteral("could not start %1: %2").arg(binary(), process.errorString());
        return result;
    }
    process.closeWriteChannel();
    result.finished = process.waitForFinished(timeoutMs) && process.exitStatus() == QProcess::NormalExit;
    if (!result.finished)
        process.kill();
    result.exitCode = process.exitCode();
    result.out = QString::fromUtf8(process.readAllStandardOutput());
    result.err = QString::fromUtf8(process.readAllStandardError());
    return result;
}

RawSql RawSql::sqlite(const QString& path)
{
    RawSql raw(nextConnectionName());
    QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), raw.m_name);
    if (const store::StoreError locked = store::encrypted::prepareConnection(db, path))
        raw.m_lastError = locked.detail;
    else if (!db.open())
        raw.m_lastError = db.lastError().text();
    return raw;
}

RawSql RawSql::postgres(const QString& url, const QString& database, const QString& password)
{
    RawSql raw(nextConnectionName());
    const QUrl parsed(url);
    QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QPSQL"), raw.m_name);
    db.setHostName(parsed.host());
    db.setPort(parsed.port(5432));
    db.setUserName(parsed.userName());
    db.setPassword(password);
    db.setDatabaseName(database.isEmpty() ? parsed.path().mid(1) : database);
    if (!db.open())
        raw.m_lastError = db.lastError().text();
    return raw;
}

RawSql::RawSql(RawSql&& other) noexcept
    : m_name(std::move(other.m_name)), m_lastError(std::move(other.m_lastError))
{
    other.m_name.clear();
}

RawSql::~RawSql()
{
    if (m_name.isEmpty())
        return;
    {
        QSqlDatabase db = QSqlDatabase::database(m_name, false);
        db.close();
    }
    QSqlDatabase::removeDatabase(m_name);
}

bool RawSql::isOpen() const
{
    return QSqlDatabase::database(m_name, false).isOpen();
}

bool RawSql::exec(const QString& sql)
{
    QSqlQuery query(QSqlDatabase::database(m_name, false));
    if (query.exec(sql))
        return true;
    m_lastError = query.lastError().text();
    return false;
}

QVariant RawSql::scalar(const QString& sql)
{
    QSqlQuery query(QSqlDatabase::database(m_name, false));
    if (!query.exec(sql)) {
        m_lastError = query.lastError().text();
        return {};
    }
    return query.next() ? query.value(0) : QVariant();
}

QStringList RawSql::column(const QString& sql)
{
    QStringList values;
    QSqlQuery query(QSqlDatabase::database(m_name, false));
    if (!query.exec(sql)) {
        m_lastError = query.lastError().text();
        return values;
    }
    while (query.next())
        values.append(query.value(0).toString());
    return values;
}

QByteArray fileBytes(const QString& path)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return {};
    return file.readAll();
}

QStringList dirEntries(const QString& dir)
{
    return QDir(dir).entryList(QDir::Files | QDir::Hidden | QDir::NoDotAndDotDot, QDir::Name);
}

} // namespace heart::clitest
