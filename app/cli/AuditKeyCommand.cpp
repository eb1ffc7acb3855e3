// heartdesk-cli audit-key create|export|import|status: the key outside the
// database that signs the audit trail's checkpoints (docs/audit-trail.md).
#include "Commands.h"
#include "store/AuditCheckpoints.h"
#include "store/AuditTrail.h"
#include "store/Database.h"

#include <QFile>

namespace heart::cli {
namespace {

const QString kFile = QStringLiteral("file");
const QString kReplace = QStringLiteral("replace");

int create(const CommandLine& commandLine, store::Database& db)
{
    store::AuditTrail trail(db, SystemClock::instance());
    auto verified = trail.verify();
    if (!verified.ok())
        return reportError(verified.error(), db.spec(), QStringLiteral("cannot read the audit trail"));
    if (verified.value().tampered()) {
        printError(QStringLiteral("heartdesk-cli audit-key: the audit trail is not intact (see heartdesk-cli "
                                  "verify-audit): no key was made, so as not to sign a damaged trail"));
        return ExitFailed;
    }
    const store::AuditAnchoring& anchoring = verified.value().anchoring;
    if (!anchoring.keyId.isEmpty() && !commandLine.isSet(kReplace)) {
        printError(
            anchoring.haveKey
                ? QStringLiteral("heartdesk-cli audit-key: the database already has audit key %1, held "
                                 "here; copy it to other workstations with 'audit-key export'")
                      .arg(anchoring.keyId)
                : QStringLiteral("heartdesk-cli audit-key: the database already has audit key %1, which "
                                 "this computer does not hold: import it ('audit-key import'), or give "
                                 "--replace if it is lost")
                      .arg(anchoring.keyId));
        return ExitFailed;
    }
    auto key = store::AuditKeys::create();
    if (!key.ok())
        return reportError(key.error(), db.spec(), QStringLiteral("cannot keep a new audit key"));
    auto head = store::AuditCheckpoints(db, SystemClock::instance()).checkpointHead(key.value());
    if (!head.ok())
        return reportError(head.error(), db.spec(), QStringLiteral("cannot sign the audit trail's head"));
    printLine(QStringLiteral("audit key %1 made and kept in %2; the trail is signed up to row %3. Copy it to "
                             "every workstation: heartdesk-cli audit-key export --file FILE, then "
                             "heartdesk-cli audit-key import --file FILE there.")
                  .arg(key.value().id, store::AuditKeys::folder())
                  .arg(head.value()));
    return ExitOk;
}

int exportKey(const CommandLine& commandLine, store::Database& db)
{
    if (auto stop = commandLine.requireOptions({kFile}))
        return *stop;
    auto keyId = store::AuditCheckpoints(db, SystemClock::instance()).databaseKeyId();
    if (!keyId.ok())
        return reportError(keyId.error(), db.spec(), QStringLiteral("cannot read the audit checkpoints"));
    if (keyId.value().isEmpty()) {
        printError(QStringLiteral("heartdesk-cli audit-key: the database has no audit key yet: "
                                  "'audit-key create' makes one"));
        return ExitFailed;
    }
    const auto key = store::AuditKeys::find(keyId.value());
    if (!key) {
        printError(QStringLiteral("heartdesk-cli audit-key: this computer does not hold audit key %1")
                       .arg(keyId.value()));
        return ExitFailed;
    }
    QFile file(commandLine.value(kFile));
    // Owner-only before the key is in it, whatever the umask; never over another file.
    if (!file.open(QIODevice::WriteOnly | QIODevice::NewOnly) ||
        !file.setPermissions(QFileDevice::ReadOwner | QFileDevice::WriteOwner) ||
        file.write(store::AuditKeys::exportText(*key)) < 0 || !file.flush()) {
        printError(QStringLiteral("heartdesk-cli audit-key: cannot write %1: %2")
                       .arg(commandLine.value(kFile), file.errorString()));
        return ExitFailed;
    }
    printLine(QStringLiteral("audit key %1 written to %2 (readable by you alone): move it to the other "
                             "workstations by a safe way and delete it")
                  .arg(key->id, commandLine.value(kFile)));
    return ExitOk;
}

int importKey(const CommandLine& commandLine)
{
    if (auto stop = commandLine.requireOptions({kFile}))
        return *stop;
    QFile file(commandLine.value(kFile));
    if (!file.open(QIODevice::ReadOnly)) {
        printError(QStringLiteral("heartdesk-cli audit-key: cannot read %1: %2")
                       .arg(commandLine.value(kFile), file.errorString()));
        return ExitCannotOpen;
    }
    auto key = store::AuditKeys::importText(file.read(4096));
    if (!key.ok()) {
        printError(QStringLiteral("heartdesk-cli audit-key: %1: %2")
                       .arg(commandLine.value(kFile), key.error().detail));
        return ExitFailed;
    }
    printLine(QStringLiteral("audit key %1 kept in %2").arg(key.value().id, store::AuditKeys::folder()));
    return ExitOk;
}

int status(store::Database& db)
{
    auto verified = store::AuditTrail(db, SystemClock::instance()).verify();
    if (!verified.ok())
        return reportError(verified.error(), db.spec(), QStringLiteral("cannot read the audit trail"));
    const store::AuditAnchoring& a = verified.value().anchoring;
    if (a.keyId.isEmpty())
        printLine(QStringLiteral("no audit key: the trail is unanchored ('audit-key create')"));
    else
        printLine(
            QStringLiteral("audit key %1, %2; %3 signed checkpoints verified here, anchored up to row %4")
                .arg(a.keyId, a.haveKey ? QStringLiteral("held here") : QStringLiteral("not held here"))
                .arg(a.checkpoints)
                .arg(a.anchoredUpTo));
    return ExitOk;
}

} // namespace

int runAuditKey(const Invocation& invocation)
{
    Invocation rest = invocation;
    QString action;
    if (!rest.arguments.isEmpty() && !rest.arguments.constFirst().startsWith(QLatin1Char('-')))
        action = rest.arguments.takeFirst();
    CommandLine commandLine(
        rest, QStringLiteral("create|export|import|status [--file FILE] [--replace] [--database LOCATION]"),
        QStringLiteral("The audit key signs checkpoints of the audit trail; it is kept outside the database "
                       "(a file readable by you alone in the key folder). create: make it for a database "
                       "whose trail verifies, and sign the head. export --file: write it for another "
                       "workstation. import --file: keep a key exported elsewhere. status: which key "
                       "the database uses and whether this computer holds it."));
    commandLine.addOption({kFile, QStringLiteral("The exported key file."), QStringLiteral("file")});
    commandLine.addOption({kReplace, QStringLiteral("create: a new key although the database names one.")});
    if (auto stop = commandLine.parse())
        return *stop;
    if (action == QLatin1String("import"))
        return importKey(commandLine);
    if (action != QLatin1String("create") && action != QLatin1String("export") &&
        action != QLatin1String("status"))
        return commandLine.usageError(
            QStringLiteral("say create, export, import or status, not '%1'").arg(action));
    store::Database db;
    if (const int code = openDatabase(commandLine, db, IfMissing::Refuse))
        return code;
    if (action == QLatin1String("create"))
        return create(commandLine, db);
    if (action == QLatin1String("export"))
        return exportKey(commandLine, db);
    return status(db);
}

} // namespace heart::cli
