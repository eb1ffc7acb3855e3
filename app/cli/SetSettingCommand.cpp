// heartdesk-cli set-setting: an administrator stores one of the program's
// JSON settings from a file, checked before anything is written.
#include "AccountInput.h"
#include "Commands.h"
#include "store/Database.h"
#include "usecases/SettingsUseCases.h"

#include <QFile>

namespace heart::cli {
namespace {

const QString kAs = QStringLiteral("as");
const QString kKey = QStringLiteral("key");
const QString kFile = QStringLiteral("file");
const QString kCrisisServices = QStringLiteral("crisis-services");
const QString kFollowUpPolicy = QStringLiteral("follow-up-policy");
const QString kCadNatureCodes = QStringLiteral("cad-nature-codes");
const QString kBeatMap = QStringLiteral("beat-map");
const QString kBeatId = QStringLiteral("beat-id");

} // namespace

int runSetSetting(const Invocation& invocation)
{
    CommandLine commandLine(
        invocation,
        QStringLiteral("--as ADMIN --key KEY --file SETTING.json [--beat-id PROPERTY] [--database LOCATION]"),
        QStringLiteral(
            "Signs in as an administrator and stores a program setting from a JSON file. Keys:\n"
            "  crisis-services   the crisis lines put on every safety plan, per language:\n"
            "                    {\"en\": [{\"name\": \"988 Suicide & Crisis Lifeline\", \"phone\": "
            "\"988\"}], "
            "\"es\": [...]}\n"
            "  follow-up-policy  due hours per program, attempts before closing, due-soon window\n"
            "                    (see docs/follow-up-policy.md)\n"
            "  cad-nature-codes  the center's CAD nature codes mapped to call types, as CSV:\n"
            "                    code,call_type[,description] (see docs/cad-eido.md)\n"
            "  beat-map          the center's police beats as GeoJSON, the beat id in the property\n"
            "                    --beat-id names (default \"beat\"); routing uses it from then on\n"
            "The administrator's password comes from HEARTDESK_ADMIN_PASSWORD or is asked on the terminal."));
    commandLine.addOption(
        {kAs, QStringLiteral("User ID of the administrator doing this."), QStringLiteral("admin")});
    commandLine.addOption({kKey,
                           QStringLiteral("crisis-services, follow-up-policy, cad-nature-codes or beat-map."),
                           QStringLiteral("key")});
    commandLine.addOption({kBeatId, QStringLiteral("beat-map: the feature property holding the beat id."),
                           QStringLiteral("property"), QStringLiteral("beat")});
    commandLine.addOption({kFile, QStringLiteral("The setting as JSON (UTF-8)."), QStringLiteral("file")});
    if (auto stop = commandLine.parse())
        return *stop;
    if (auto stop = commandLine.requireOptions({kAs, kKey, kFile}))
        return *stop;
    const QString key = commandLine.value(kKey).trimmed();
    if (key != kCrisisServices && key != kFollowUpPolicy && key != kCadNatureCodes && key != kBeatMap)
        return commandLine.usageError(
            QStringLiteral("unknown setting '%1'; the settings are: %2, %3, %4, %5")
                .arg(key, kCrisisServices, kFollowUpPolicy, kCadNatureCodes, kBeatMap));
    QFile file(commandLine.value(kFile));
    if (!file.open(QIODevice::ReadOnly)) {
        printError(QStringLiteral("cannot read %1: %2; nothing was changed")
                       .arg(file.fileName(), file.errorString()));
        return ExitFailed;
    }
    const QByteArray json = file.readAll();

    store::Database db;
    if (const int code = openDatabase(commandLine, db, IfMissing::Refuse))
        return code;
    std::optional<SignedInSession> session;
    if (auto stop = signInAsAdministrator(db, commandLine.value(kAs).trimmed(),
                                          QStringLiteral("change settings"), session))
        return *stop;
    usecases::SettingsUseCases settings({db, SystemClock::instance(), session->actor()});
    const QString source = commandLine.value(kFile);
    const store::StoreError error = key == kCrisisServices   ? settings.setCrisisServices(json)
                                    : key == kCadNatureCodes ? settings.setCadNatureCodes(json, source)
                                    : key == kBeatMap
                                        ? settings.setBeatMap(json, commandLine.value(kBeatId), source)
                                        : settings.setFollowUpPolicy(QString::fromUtf8(json));
    if (error)
        return reportError(error, db.spec(), QStringLiteral("%1 was not stored").arg(key));
    printLine(QStringLiteral("stored the setting '%1' in %2").arg(key, describeLocation(db.spec())));
    return ExitOk;
}

} // namespace heart::cli
