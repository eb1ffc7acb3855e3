// heartdesk-cli verify-audit: walks the audit trail's hash chain and names
// the first row that was changed, inserted or removed.
#include "Commands.h"
#include "store/AuditTrail.h"
#include "store/Database.h"
#include "usecases/SettingsUseCases.h"

#include <QJsonDocument>
#include <QJsonObject>
#include <QJsonValue>

namespace heart::cli {
namespace {

const QString kFormat = QStringLiteral("format");

QString kindCode(AuditBreak::Kind kind)
{
    switch (kind) {
    case AuditBreak::Kind::HashMismatch:
        return QStringLiteral("hash_mismatch");
    case AuditBreak::Kind::PrevHashMismatch:
        return QStringLiteral("prev_hash_mismatch");
    case AuditBreak::Kind::SequenceGap:
        return QStringLiteral("sequence_gap");
    }
    return QStringLiteral("unknown");
}

QString kindInWords(AuditBreak::Kind kind)
{
    switch (kind) {
    case AuditBreak::Kind::HashMismatch:
        return QStringLiteral("the row's contents do not match its hash");
    case AuditBreak::Kind::PrevHashMismatch:
        return QStringLiteral("the row does not follow the previous row's hash");
    case AuditBreak::Kind::SequenceGap:
        return QStringLiteral("row(s) missing before it");
    }
    return QStringLiteral("unknown damage");
}

void printJson(const store::AuditVerification& result)
{
    QJsonObject json;
    json.insert(QStringLiteral("intact"), !result.firstBreak.has_value());
    // Rows found intact (all of them, or those before the first break).
    json.insert(QStringLiteral("rows"), static_cast<double>(result.rowsChecked));
    if (result.firstBreak) {
        json.insert(QStringLiteral("first_broken_seq"), static_cast<double>(result.firstBreak->seq));
        json.insert(QStringLiteral("kind"), kindCode(result.firstBreak->kind));
    } else {
        json.insert(QStringLiteral("first_broken_seq"), QJsonValue(QJsonValue::Null));
        json.insert(QStringLiteral("kind"), QJsonValue(QJsonValue::Null));
    }
    printLine(QString::fromUtf8(QJsonDocument(json).toJson(QJsonDocument::Compact)));
}

} // namespace

int runVerifyAudit(const Invocation& invocation)
{
    CommandLine commandLine(
        invocation, QStringLiteral("[--format text|json] [--database LOCATION]"),
        QStringLiteral("Checks that every audit row still matches its hash and follows the "
                       "row before it. Exit status 0 when the trail is intact, 1 when it "
                       "is broken."));
    commandLine.addOption({kFormat, QStringLiteral("Output as text (default) or json."),
                           QStringLiteral("format"), QStringLiteral("text")});
    if (auto stop = commandLine.parse())
        return *stop;
    const QString format = commandLine.value(kFormat);
    if (format != QLatin1String("text") && format != QLatin1String("json"))
        return commandLine.usageError(QStringLiteral("--format is text or json, not '%1'").arg(format));

    store::Database db;
    if (const int code = openDatabase(commandLine, db, IfMissing::Refuse))
        return code;
    const auto verified = usecases::SettingsQueries(db, SystemClock::instance()).verifyAudit();
    if (!verified.ok())
        return reportError(verified.error(), db.spec(), QStringLiteral("cannot read the audit trail"));
    const store::AuditVerification& result = verified.value();
    qCInfo(lcCli) << "audit rows checked:" << result.rowsChecked;

    if (format == QLatin1String("json")) {
        printJson(result);
    } else if (!result.firstBreak) {
        printLine(QStringLiteral("audit trail intact: %1 rows").arg(result.rowsChecked));
    } else {
        printLine(QStringLiteral("audit trail broken at row %1: %2")
                      .arg(result.firstBreak->seq)
                      .arg(kindInWords(result.firstBreak->kind)));
    }
    return result.firstBreak ? ExitFailed : ExitOk;
}

} // namespace heart::cli
