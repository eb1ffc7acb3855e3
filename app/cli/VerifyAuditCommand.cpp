// heartdesk-cli verify-audit: walks the audit trail's hash chain and names
// the first row that was changed, inserted or removed; on a center, also
// every van laptop's segment and the anchors that tie it to the center's chain.
#include "Commands.h"
#include "store/AuditSegments.h"
#include "store/AuditTrail.h"
#include "store/Database.h"
#include "usecases/SettingsUseCases.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QJsonValue>
#include <algorithm>

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

QString anchorKindCode(store::AnchorBreak::Kind kind)
{
    switch (kind) {
    case store::AnchorBreak::Kind::HashMismatch:
        return QStringLiteral("hash_mismatch");
    case store::AnchorBreak::Kind::MissingRow:
        return QStringLiteral("missing_row");
    case store::AnchorBreak::Kind::Unanchored:
        return QStringLiteral("unanchored");
    case store::AnchorBreak::Kind::Malformed:
        return QStringLiteral("malformed");
    }
    return QStringLiteral("unknown");
}

// One line about a device's anchors that do not hold.
QString anchorInWords(const store::SegmentVerification& device)
{
    const store::AnchorBreak& broken = *device.anchorBreak;
    const QString prefix = QStringLiteral("device %1: ").arg(device.deviceId);
    switch (broken.kind) {
    case store::AnchorBreak::Kind::HashMismatch:
        return prefix + QStringLiteral("the anchor at center row %1 does not match the device's row %2")
                            .arg(broken.centerSeq)
                            .arg(broken.deviceSeq);
    case store::AnchorBreak::Kind::MissingRow:
        return prefix +
               QStringLiteral("the anchor at center row %1 names the device's row %2, which is missing")
                   .arg(broken.centerSeq)
                   .arg(broken.deviceSeq);
    case store::AnchorBreak::Kind::Unanchored:
        return prefix + QStringLiteral("rows from %1 on were never anchored in the center's trail")
                            .arg(broken.deviceSeq);
    case store::AnchorBreak::Kind::Malformed:
        return prefix + QStringLiteral("the anchor at center row %1 cannot be read").arg(broken.centerSeq);
    }
    return prefix + QStringLiteral("unknown damage");
}

QString problemCode(store::AuditAnchoring::Problem problem)
{
    using P = store::AuditAnchoring::Problem;
    switch (problem) {
    case P::None:
        return {};
    case P::RecordsWithoutTrail:
        return QStringLiteral("records_without_trail");
    case P::ForgedCheckpoint:
        return QStringLiteral("forged_checkpoint");
    case P::CheckpointMismatch:
        return QStringLiteral("checkpoint_mismatch");
    case P::CheckpointRowMissing:
        return QStringLiteral("checkpoint_row_missing");
    case P::RememberedRowMismatch:
        return QStringLiteral("remembered_row_mismatch");
    case P::RememberedRowMissing:
        return QStringLiteral("remembered_row_missing");
    case P::CheckpointsMissing:
        return QStringLiteral("checkpoints_missing");
    }
    return QStringLiteral("unknown");
}

QString problemInWords(const store::AuditAnchoring& a)
{
    using P = store::AuditAnchoring::Problem;
    switch (a.problem) {
    case P::None:
        return {};
    case P::RecordsWithoutTrail:
        return QStringLiteral("the database holds records but not a single audit row");
    case P::ForgedCheckpoint:
        return QStringLiteral("the checkpoint at row %1 is not signed with the audit key").arg(a.problemSeq);
    case P::CheckpointMismatch:
        return QStringLiteral("row %1 is not the row the signed checkpoint names: the trail was rewritten")
            .arg(a.problemSeq);
    case P::CheckpointRowMissing:
        return QStringLiteral("row %1, named by a signed checkpoint, is missing: the trail was cut")
            .arg(a.problemSeq);
    case P::RememberedRowMismatch:
        return QStringLiteral("row %1 is not the row this computer verified before: the trail was rewritten")
            .arg(a.problemSeq);
    case P::RememberedRowMissing:
        return QStringLiteral("row %1, which this computer verified before, is missing: the trail was cut")
            .arg(a.problemSeq);
    case P::CheckpointsMissing:
        return QStringLiteral("the signed checkpoints up to row %1, which this computer saw, are missing")
            .arg(a.problemSeq);
    }
    return QStringLiteral("unknown damage");
}

QString unanchoredInWords(const store::AuditVerification& result)
{
    const store::AuditAnchoring& a = result.anchoring;
    const QString why =
        a.keyId.isEmpty()
            ? QStringLiteral("the database has no signed checkpoint (create its audit key: heartdesk-cli "
                             "audit-key create)")
            : QStringLiteral(
                  "its checkpoints are signed with audit key %1, which this computer does not hold "
                  "(heartdesk-cli audit-key import)")
                  .arg(a.keyId);
    return QStringLiteral("audit trail unanchored: %1 rows chain correctly, but nothing outside the database "
                          "vouches for them: %2")
        .arg(result.rowsChecked)
        .arg(why);
}

QString statusCode(const store::AuditVerification& result)
{
    if (result.tampered())
        return QStringLiteral("tampered");
    return result.intact() ? QStringLiteral("intact") : QStringLiteral("unanchored");
}

QJsonValue seqOrNull(const std::optional<AuditBreak>& broken)
{
    return broken ? QJsonValue(static_cast<double>(broken->seq)) : QJsonValue(QJsonValue::Null);
}

QJsonObject deviceJson(const store::SegmentVerification& device)
{
    QJsonObject json;
    json.insert(QStringLiteral("device"), device.deviceId);
    json.insert(QStringLiteral("intact"), device.intact());
    json.insert(QStringLiteral("rows"), static_cast<double>(device.rowsChecked));
    json.insert(QStringLiteral("anchors"), static_cast<double>(device.anchors));
    json.insert(QStringLiteral("first_broken_seq"), seqOrNull(device.firstBreak));
    json.insert(QStringLiteral("kind"), device.firstBreak ? QJsonValue(kindCode(device.firstBreak->kind))
                                                          : QJsonValue(QJsonValue::Null));
    if (device.anchorBreak) {
        QJsonObject anchor;
        anchor.insert(QStringLiteral("kind"), anchorKindCode(device.anchorBreak->kind));
        anchor.insert(QStringLiteral("center_seq"),
                      device.anchorBreak->centerSeq
                          ? QJsonValue(static_cast<double>(device.anchorBreak->centerSeq))
                          : QJsonValue(QJsonValue::Null));
        anchor.insert(QStringLiteral("device_seq"), static_cast<double>(device.anchorBreak->deviceSeq));
        json.insert(QStringLiteral("anchor_break"), anchor);
    } else {
        json.insert(QStringLiteral("anchor_break"), QJsonValue(QJsonValue::Null));
    }
    return json;
}

// "intact" is the whole trail (the center's chain, every device segment and
// anchor); rows, first_broken_seq and kind are the center's chain, as before
// device segments existed.
void printJson(const store::AuditVerification& result, const std::vector<store::SegmentVerification>& devices,
               bool intact)
{
    QJsonObject json;
    json.insert(QStringLiteral("intact"), intact);
    // Rows found intact (all of them, or those before the first break).
    json.insert(QStringLiteral("rows"), static_cast<double>(result.rowsChecked));
    json.insert(QStringLiteral("first_broken_seq"), seqOrNull(result.firstBreak));
    json.insert(QStringLiteral("kind"), result.firstBreak ? QJsonValue(kindCode(result.firstBreak->kind))
                                                          : QJsonValue(QJsonValue::Null));
    const store::AuditAnchoring& a = result.anchoring;
    json.insert(QStringLiteral("status"), statusCode(result));
    json.insert(QStringLiteral("anchored_up_to"), static_cast<double>(a.anchoredUpTo));
    json.insert(QStringLiteral("checkpoints"), static_cast<double>(a.checkpoints));
    json.insert(QStringLiteral("key_id"),
                a.keyId.isEmpty() ? QJsonValue(QJsonValue::Null) : QJsonValue(a.keyId));
    json.insert(QStringLiteral("key_held"), a.haveKey);
    json.insert(QStringLiteral("problem"), a.problem == store::AuditAnchoring::Problem::None
                                               ? QJsonValue(QJsonValue::Null)
                                               : QJsonValue(problemCode(a.problem)));
    json.insert(QStringLiteral("problem_seq"), a.problem == store::AuditAnchoring::Problem::None
                                                   ? QJsonValue(QJsonValue::Null)
                                                   : QJsonValue(static_cast<double>(a.problemSeq)));
    QJsonArray array;
    for (const store::SegmentVerification& device : devices)
        array.append(deviceJson(device));
    json.insert(QStringLiteral("devices"), array);
    printLine(QString::fromUtf8(QJsonDocument(json).toJson(QJsonDocument::Compact)));
}

void printText(const store::AuditVerification& result, const std::vector<store::SegmentVerification>& devices)
{
    if (result.firstBreak) {
        printLine(QStringLiteral("audit trail broken at row %1: %2")
                      .arg(result.firstBreak->seq)
                      .arg(kindInWords(result.firstBreak->kind)));
    } else if (result.tampered()) {
        printLine(QStringLiteral("audit trail tampered: %1").arg(problemInWords(result.anchoring)));
    } else if (!result.intact()) {
        printLine(unanchoredInWords(result));
    } else {
        printLine(QStringLiteral("audit trail intact: %1 rows").arg(result.rowsChecked));
    }
    for (const store::SegmentVerification& device : devices) {
        if (!device.firstBreak) {
            printLine(QStringLiteral("device %1: audit segment intact: %2 rows")
                          .arg(device.deviceId)
                          .arg(device.rowsChecked));
        } else {
            printLine(QStringLiteral("device %1: audit segment broken at row %2: %3")
                          .arg(device.deviceId)
                          .arg(device.firstBreak->seq)
                          .arg(kindInWords(device.firstBreak->kind)));
        }
        if (device.anchorBreak)
            printLine(anchorInWords(device));
    }
}

} // namespace

int runVerifyAudit(const Invocation& invocation)
{
    CommandLine commandLine(
        invocation, QStringLiteral("[--format text|json] [--database LOCATION]"),
        QStringLiteral("Checks that every audit row still matches its hash and follows the "
                       "row before it; on a center, also every van laptop's audit segment and "
                       "its anchors in the center's trail; the chain against the checkpoints "
                       "signed with the audit key and the head this computer verified last. "
                       "Exit status 0 when all is intact, 1 when anything is broken or cut, "
                       "4 when the chain holds but nothing outside the database vouches for it "
                       "(unanchored: no audit key here)."));
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
    store::AuditVerification result = verified.value();
    qCInfo(lcCli) << "audit rows checked:" << result.rowsChecked;
    // A trail found whole is signed at its head by a computer holding the
    // audit key, and remembered here: cutting it from now on is seen.
    if (!result.tampered() && result.anchoring.haveKey) {
        if (const auto key = store::AuditKeys::find(result.anchoring.keyId)) {
            auto head = store::AuditCheckpoints(db, SystemClock::instance()).checkpointHead(*key);
            if (!head.ok())
                return reportError(head.error(), db.spec(),
                                   QStringLiteral("cannot sign the audit trail's head"));
            result.anchoring.anchoredUpTo = std::max(result.anchoring.anchoredUpTo, head.value());
        }
    }
    qCInfo(lcCli) << "audit rows anchored up to:" << result.anchoring.anchoredUpTo;
    const auto devices = usecases::SettingsQueries(db, SystemClock::instance()).verifyDeviceAudit();
    if (!devices.ok())
        return reportError(devices.error(), db.spec(),
                           QStringLiteral("cannot read the device audit segments"));
    const bool intact = result.intact() &&
                        std::all_of(devices.value().begin(), devices.value().end(),
                                    [](const store::SegmentVerification& device) { return device.intact(); });

    if (format == QLatin1String("json"))
        printJson(result, devices.value(), intact);
    else
        printText(result, devices.value());
    if (intact)
        return ExitOk;
    const bool devicesIntact =
        std::all_of(devices.value().begin(), devices.value().end(),
                    [](const store::SegmentVerification& device) { return device.intact(); });
    return !result.tampered() && devicesIntact ? ExitUnanchored : ExitFailed;
}

} // namespace heart::cli
