// heartdesk-cli create-user: an administrator adds an account.
#include "AccountInput.h"
#include "Commands.h"
#include "core/Role.h"
#include "store/CoreText.h"
#include "store/Database.h"

namespace heart::cli {
namespace {

const QString kAs = QStringLiteral("as");
const QString kLogin = QStringLiteral("login");
const QString kName = QStringLiteral("name");
const QString kRole = QStringLiteral("role");

QString validRoleCodes()
{
    QStringList codes;
    for (Role role : kAllRoles)
        codes.append(store::toQString(roleCode(role)));
    return codes.join(QLatin1String(", "));
}

// The --role values (repeatable, or comma-separated) as roles; an unknown
// code is a usage error that lists the valid ones.
std::optional<int> parseRoles(const CommandLine& commandLine, QList<Role>& roles)
{
    for (const QString& value : commandLine.values(kRole)) {
        for (const QString& part : value.split(QLatin1Char(','), Qt::SkipEmptyParts)) {
            const QString code = part.trimmed();
            const auto role = roleFromCode(store::toStdString(code));
            if (!role) {
                return commandLine.usageError(
                    QStringLiteral("unknown role '%1'; the roles are: %2").arg(code, validRoleCodes()));
            }
            if (!roles.contains(*role))
                roles.append(*role);
        }
    }
    if (roles.isEmpty())
        return commandLine.usageError(
            QStringLiteral("give at least one --role; the roles are: %1").arg(validRoleCodes()));
    return std::nullopt;
}

} // namespace

int runCreateUser(const Invocation& invocation)
{
    CommandLine commandLine(
        invocation,
        QStringLiteral("--as ADMIN --login LOGIN --name \"Display Name\" --role ROLE [--role ROLE...] "
                       "[--database LOCATION]"),
        QStringLiteral(
            "Signs in as an administrator and creates a user account. The administrator's password "
            "comes from HEARTDESK_ADMIN_PASSWORD, the new password from HEARTDESK_NEW_PASSWORD; "
            "either is asked on the terminal when not set.\nRoles: %1")
            .arg(validRoleCodes()));
    commandLine.addOption(
        {kAs, QStringLiteral("User ID of the administrator doing this."), QStringLiteral("admin")});
    commandLine.addOption({kLogin, QStringLiteral("The new user ID."), QStringLiteral("login")});
    commandLine.addOption(
        {kName, QStringLiteral("The new user's name as shown in the program."), QStringLiteral("name")});
    commandLine.addOption({kRole,
                           QStringLiteral("A role of the new user (repeat for several); the first "
                                          "in the program's order is the default at sign-in."),
                           QStringLiteral("role")});
    if (auto stop = commandLine.parse())
        return *stop;
    if (auto stop = commandLine.requireOptions({kAs, kLogin, kName}))
        return *stop;
    store::NewUser user{commandLine.value(kLogin), commandLine.value(kName), {}, {}};
    if (auto stop = parseRoles(commandLine, user.roles))
        return *stop;
    if (auto stop = checkAccountFields(commandLine, user))
        return *stop;
    const QString adminLogin = commandLine.value(kAs).trimmed();

    store::Database db;
    if (const int code = openDatabase(commandLine, db, IfMissing::Refuse))
        return code;
    std::optional<SignedInSession> session;
    if (auto stop = signInAsAdministrator(db, adminLogin, QStringLiteral("create accounts"), session))
        return *stop;

    Secret password = newAccountPassword(user.login);
    if (!password.ok())
        return password.exitCode;
    user.password = std::move(password.value);
    auto added = usecases::AccountUseCases({db, SystemClock::instance(), session->actor()}).createUser(user);
    wipe(user.password);
    if (!added.ok())
        return reportError(added.error(), db.spec(), QStringLiteral("cannot create the account"));
    QStringList roleCodes;
    for (Role role : added.value().roles)
        roleCodes.append(store::toQString(roleCode(role)));
    qCInfo(lcCli) << "user created:" << added.value().id;
    printLine(
        QStringLiteral("created the account '%1' with the roles %2 in %3")
            .arg(added.value().login, roleCodes.join(QLatin1String(", ")), describeLocation(db.spec())));
    return ExitOk;
}

} // namespace heart::cli
