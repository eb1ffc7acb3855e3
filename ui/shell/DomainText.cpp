#include "shell/DomainText.h"

#include "core/account/PasswordPolicy.h"
#include "shell/ProgramTime.h"
#include "usecases/AdministratorRole.h"

#include <QHash>
#include <QLocale>
#include <algorithm>

namespace heart::ui {

using store::StoreErrorCode;

QString DomainText::roleName(Role role)
{
    switch (role) {
    case Role::CallCounselor:
        return tr("Crisis call counselor");
    case Role::CrtTeamLead:
        return tr("CRT team lead");
    case Role::PeerSupport:
        return tr("Peer support specialist");
    case Role::Emt:
        return tr("EMT");
    case Role::CoResponseClinician:
        return tr("Co-response clinician");
    case Role::CareNavigator:
        return tr("Care navigator");
    case Role::Supervisor:
        return tr("Supervisor");
    case Role::Administrator:
        return tr("Administrator");
    }
    return {};
}

QString DomainText::programName(const QString& code)
{
    if (code == QLatin1String("ccd"))
        return tr("Crisis Call Diversion");
    if (code == QLatin1String("crt"))
        return tr("Community Response Team");
    if (code == QLatin1String("cor"))
        return tr("Co-Response");
    if (code == QLatin1String("cn"))
        return tr("Care Navigation");
    if (code == QLatin1String("police_ems"))
        return tr("Police/EMS only");
    if (code.isEmpty())
        return tr("Awaiting a decision");
    return code;
}

QString DomainText::dispositionName(const QString& code)
{
    if (code == QLatin1String("diverted"))
        return tr("Resolved by phone");
    if (code == QLatin1String("transferred_988"))
        return tr("Transferred to 988");
    if (code == QLatin1String("crt_dispatch"))
        return tr("CRT dispatched");
    if (code == QLatin1String("cor_dispatch"))
        return tr("Co-Response dispatched");
    if (code == QLatin1String("police_ems"))
        return tr("Returned to police/EMS");
    if (code == QLatin1String("declined"))
        return tr("Declined or disconnected");
    if (code.isEmpty())
        return tr("Pending");
    return code;
}

QString DomainText::callStatusName(const QString& code)
{
    if (code == QLatin1String("open"))
        return tr("Open");
    if (code == QLatin1String("dispatched"))
        return tr("Dispatched");
    if (code == QLatin1String("closed"))
        return tr("Closed");
    return code;
}

QString DomainText::riskLevelName(const QString& code)
{
    if (code == QLatin1String("high"))
        return tr("High");
    if (code == QLatin1String("moderate"))
        return tr("Moderate");
    if (code == QLatin1String("low"))
        return tr("Low");
    if (code == QLatin1String("none"))
        return tr("None");
    return tr("Not assessed");
}

QString DomainText::shiftName(const std::string& code)
{
    if (code == "early")
        return tr("early", "the roster shift starting 09:00; completes \"%1 shift\"");
    if (code == "late")
        return tr("late", "the roster shift starting 12:00; completes \"%1 shift\"");
    return QString::fromStdString(code);
}

QString DomainText::shiftLetter(const std::string& code)
{
    if (code == "early")
        return tr("E", "the early shift in one letter (roster grid)");
    if (code == "late")
        return tr("L", "the late shift in one letter (roster grid)");
    return QString::fromStdString(code).left(1).toUpper();
}

QString DomainText::callTypeName(const QString& nameOrCode)
{
    // Calls taken in HEART Desk store the rule set's code; imported and older
    // ones the name. Durham's shipped codes are named here.
    static const QHash<QString, QString> shippedCodes = {
        {QStringLiteral("suicide-threat"), QStringLiteral("Suicide Threat")},
        {QStringLiteral("mental-health-crisis"), QStringLiteral("Mental Health Crisis")},
        {QStringLiteral("welfare-check"), QStringLiteral("Welfare Check")},
        {QStringLiteral("trespass"), QStringLiteral("Trespass/Unwanted")},
        {QStringLiteral("intoxicated-person"), QStringLiteral("Intoxicated Person")},
        {QStringLiteral("panhandling"), QStringLiteral("Panhandling/Solicitation")},
        {QStringLiteral("indecency"), QStringLiteral("Indecency")},
        {QStringLiteral("assist-person"), QStringLiteral("Assist Person")},
        {QStringLiteral("follow-up"), QStringLiteral("Follow Up")},
        {QStringLiteral("nuisance"), QStringLiteral("Nuisance")},
        {QStringLiteral("prostitution"), QStringLiteral("Prostitution")},
        {QStringLiteral("lost-person"), QStringLiteral("Lost Person")},
        {QStringLiteral("disturbance"), QStringLiteral("Disturbance")},
        {QStringLiteral("assault"), QStringLiteral("Assault")},
        {QStringLiteral("domestic"), QStringLiteral("Domestic Disturbance")},
        {QStringLiteral("overdose"), QStringLiteral("Overdose")},
        {QStringLiteral("burglary"), QStringLiteral("Burglary")},
        {QStringLiteral("traffic-accident"), QStringLiteral("Traffic Accident")},
        {QStringLiteral("shots-fired"), QStringLiteral("Shots Fired")},
    };
    const QString name = shippedCodes.value(nameOrCode, nameOrCode);
    // Call types are customer data (the center's nature codes); Durham's are
    // translated here, others show as the center spells them.
    if (name == QLatin1String("Welfare Check"))
        return tr("Welfare Check");
    if (name == QLatin1String("Mental Health Crisis"))
        return tr("Mental Health Crisis");
    if (name == QLatin1String("Suicide Threat"))
        return tr("Suicide Threat");
    if (name == QLatin1String("Trespass/Unwanted"))
        return tr("Trespass/Unwanted");
    if (name == QLatin1String("Intoxicated Person"))
        return tr("Intoxicated Person");
    if (name == QLatin1String("Assist Person"))
        return tr("Assist Person");
    if (name == QLatin1String("Panhandling/Solicitation"))
        return tr("Panhandling/Solicitation");
    if (name == QLatin1String("Indecency"))
        return tr("Indecency");
    if (name == QLatin1String("Follow Up"))
        return tr("Follow Up");
    if (name == QLatin1String("Nuisance"))
        return tr("Nuisance");
    if (name == QLatin1String("Prostitution"))
        return tr("Prostitution");
    if (name == QLatin1String("Lost Person"))
        return tr("Lost Person");
    if (name == QLatin1String("Disturbance"))
        return tr("Disturbance");
    if (name == QLatin1String("Assault"))
        return tr("Assault");
    if (name == QLatin1String("Domestic Disturbance"))
        return tr("Domestic Disturbance");
    if (name == QLatin1String("Overdose"))
        return tr("Overdose");
    if (name == QLatin1String("Burglary"))
        return tr("Burglary");
    if (name == QLatin1String("Traffic Accident"))
        return tr("Traffic Accident");
    if (name == QLatin1String("Shots Fired"))
        return tr("Shots Fired");
    return name;
}

QString DomainText::fieldName(const QString& field)
{
    // The inputs a store may name in an error, in the user's words. One
    // table for the whole program; an input not listed shows as given.
    if (field == QLatin1String("login"))
        return tr("User ID");
    if (field == QLatin1String("displayName"))
        return tr("Full name");
    if (field == QLatin1String("roles"))
        return tr("Roles");
    if (field == QLatin1String("note"))
        return tr("Note");
    if (field == QLatin1String("text"))
        return tr("Text");
    if (field == QLatin1String("service"))
        return tr("Service");
    if (field == QLatin1String("resourceId"))
        return tr("Service");
    if (field == QLatin1String("extraAttempts"))
        return tr("More attempts");
    if (field == QLatin1String("unit"))
        return tr("Unit");
    if (field == QLatin1String("code"))
        return tr("Code");
    if (field == QLatin1String("name"))
        return tr("Name");
    if (field == QLatin1String("phone"))
        return tr("Phone");
    if (field == QLatin1String("shift"))
        return tr("Shift");
    return field;
}

QString DomainText::actionText(const QString& action)
{
    static const QHash<QString, const char*> texts = {
        {QStringLiteral("create"), QT_TR_NOOP("created it")},
        {QStringLiteral("update"), QT_TR_NOOP("changed it")},
        {QStringLiteral("dispatch"), QT_TR_NOOP("dispatched a unit to it")},
        {QStringLiteral("close"), QT_TR_NOOP("closed it")},
        {QStringLiteral("addendum"), QT_TR_NOOP("added an addendum")},
        {QStringLiteral("sign"), QT_TR_NOOP("signed it")},
        {QStringLiteral("finalise"), QT_TR_NOOP("made it final")},
        {QStringLiteral("status_change"), QT_TR_NOOP("changed its status")},
        {QStringLiteral("claim"), QT_TR_NOOP("claimed it")},
        {QStringLiteral("assign"), QT_TR_NOOP("assigned it")},
        {QStringLiteral("unassign"), QT_TR_NOOP("put it back in the unassigned queue")},
        {QStringLiteral("attempt"), QT_TR_NOOP("logged an attempt")},
        {QStringLiteral("extend"), QT_TR_NOOP("extended the attempts")},
    };
    const auto found = texts.constFind(action);
    return found == texts.constEnd() ? tr("changed it") : tr(found.value());
}

QString DomainText::passwordProblemText(const QString& code, int minimumLength)
{
    using account::PasswordProblem;
    switch (account::passwordProblemFromCode(code.toStdString())) {
    case PasswordProblem::TooShort:
        return minimumLength > int(account::kMinimumPasswordLength)
                   ? tr("The password is too short: an administrator's password needs at least %1 "
                        "characters.")
                         .arg(minimumLength)
                   : tr("The password is too short: use at least %1 characters.").arg(minimumLength);
    case PasswordProblem::TooLong:
        return tr("The password is too long: at most %1 characters.").arg(account::kMaximumPasswordLength);
    case PasswordProblem::Blank:
        return tr("The password may not be only spaces.");
    case PasswordProblem::NotText:
    case PasswordProblem::ControlCharacter:
        return tr("The password may not contain control characters or invisible formatting characters.");
    case PasswordProblem::Repetitive:
        return tr("The password only repeats a character or a short group (like aaaaaaaa): choose one that "
                  "is harder to guess.");
    case PasswordProblem::Sequential:
        return tr("The password is a run of characters or a keyboard row (like 12345678 or qwerty): "
                  "choose one that is harder to guess.");
    case PasswordProblem::Common:
        return tr("This is one of the most common passwords, which attackers try first: choose another. "
                  "A few unrelated words make a good password.");
    case PasswordProblem::PersonalInfo:
        return tr("The password is made of the user ID or the person's name: choose one that others cannot "
                  "guess from them.");
    case PasswordProblem::None:
        break;
    }
    return tr("The password is too easy to guess: use at least %1 characters, not a common password, not "
              "the user ID or name.")
        .arg(std::max(minimumLength, int(account::kMinimumPasswordLength)));
}

QString DomainText::errorText(const store::StoreError& error)
{
    switch (error.code) {
    case StoreErrorCode::None:
        return {};
    case StoreErrorCode::InvalidLocation:
        return tr("The database location is not valid: %1.").arg(error.detail);
    case StoreErrorCode::PasswordInLocation:
        return tr(
            "Do not put the database password in the location. Set HEARTDESK_DB_PASSWORD (or PGPASSWORD) "
            "or type it when asked.");
    case StoreErrorCode::NotADatabase:
        if (error.field == QLatin1String("schema")) // PostgreSQL: a server's database, not a file
            return tr("This database on the PostgreSQL server is not HEART Desk's: its schema holds the "
                      "tables of another program (%1). Nothing on the server has been changed.")
                .arg(error.detail);
        return tr("This file is not a readable HEART Desk database (%1). It has not been changed.")
            .arg(error.detail);
    case StoreErrorCode::FileUnreadable:
        return tr("The database file cannot be opened: %1.").arg(error.detail);
    case StoreErrorCode::NewerSchema:
        return tr("This database was written by a newer version of HEART Desk (%1). Nothing was changed; "
                  "please "
                  "update HEART Desk.")
            .arg(error.detail);
    case StoreErrorCode::ConnectionFailed:
        return tr("The database server cannot be reached: %1").arg(error.detail);
    case StoreErrorCode::QueryFailed:
        return tr("The database refused the change: %1").arg(error.detail);
    case StoreErrorCode::PermissionDenied:
        return tr("Your role does not allow this.");
    case StoreErrorCode::Conflict:
        return tr("Someone else changed this record meanwhile. Reload it and make your change again.");
    case StoreErrorCode::NotFound:
        return tr("The record no longer exists.");
    case StoreErrorCode::InvalidInput:
        if (error.detail == QLatin1String("control-character"))
            return tr("%1 may not contain control characters or invisible formatting characters (such as a "
                      "right-to-left override).")
                .arg(fieldName(error.field));
        if (error.field == QLatin1String("login"))
            return tr("A user ID is 2 to 32 lower-case letters, digits, '.', '_' or '-'.");
        if (error.field == QLatin1String("displayName"))
            return tr("Enter the person's full name.");
        if (error.field == QLatin1String("roles"))
            return tr("Choose at least one role.");
        if (error.field == QLatin1String("idleLockMinutes"))
            return tr("The idle time must be between 1 and 240 minutes.");
        if (error.field == QLatin1String("resourceId"))
            return tr("That service is no longer in the directory. Choose another or type its name.");
        if (error.field == QLatin1String("extraAttempts"))
            return tr("That many more attempts is not allowed: at most %1 attempts in all.").arg(error.limit);
        return tr("Please check the entry: %1.").arg(error.detail);
    case StoreErrorCode::RequiredMissing:
        return tr("Please fill in: %1.").arg(fieldName(error.field));
    case StoreErrorCode::TooLong:
        return tr("%1 is too long: at most %2 characters.").arg(fieldName(error.field)).arg(error.limit);
    case StoreErrorCode::RecordSigned:
        return tr("This record is signed and takes no more changes. Add an addendum instead.");
    case StoreErrorCode::CallClosed:
        return tr("This call is closed: it takes no more changes.");
    case StoreErrorCode::UnitBusy:
        return tr("The unit is not free for a new call. Choose an available unit.");
    case StoreErrorCode::StatusRefused:
        return tr("The unit cannot move to that status from where it is now.");
    case StoreErrorCode::TaskClosed:
        return tr("This task is closed: it takes no more changes.");
    case StoreErrorCode::HeldByOther:
        return tr("Someone else has this task. A care navigator or supervisor can reassign it.");
    case StoreErrorCode::IneligibleAssignee:
        return tr("This person cannot be given the task: their account is inactive or their role does not "
                  "work this kind of task.");
    case StoreErrorCode::DuplicateLogin:
        return tr("This user ID is taken already.");
    case StoreErrorCode::WeakPassword:
        if (error.detail == QLatin1String(usecases::kAdministratorNeedsNewPassword))
            return tr("An administrator needs a password of at least %1 characters that is hard to guess, "
                      "and this account's password was chosen for its other roles. Type a new password "
                      "for it under New password, then save the roles again.")
                .arg(error.limit);
        return passwordProblemText(error.detail, error.limit);
    case StoreErrorCode::BadCredentials:
        return tr("Wrong user ID or password.");
    case StoreErrorCode::AccountLocked:
        return ProgramTime::sentence(
            tr("This account is locked after too many wrong passwords. Try again after %1.")
                .arg(ProgramTime::timeText(error.until)));
    case StoreErrorCode::AccountInactive:
        return tr("This account has been deactivated. Ask an administrator.");
    case StoreErrorCode::LastAdministrator:
        return tr("This is the last active administrator; make someone else an administrator first.");
    case StoreErrorCode::AlreadyInitialized:
        return tr("An administrator exists already; please sign in.");
    case StoreErrorCode::PlaintextRefused:
        return tr("Refused to connect without encryption: the database server is not on this computer, so "
                  "the records would cross the network in plaintext. Use sslmode=verify-full with the "
                  "center's CA certificate (sslrootcert) in the location.");
    case StoreErrorCode::SchemaNeedsOwner:
        return tr(
            "The database is older than this version of HEART Desk, and this login may not upgrade it. "
            "Ask the administrator to run 'heartdesk-cli setup-server', which upgrades it as the schema "
            "owner. Nothing was changed.");
    case StoreErrorCode::CredentialsExpired:
        return tr(
            "This laptop has not reached the center for too long to let you sign in offline. Connect it "
            "to the center (the network or the van's link) and sign in again.");
    }
    return error.detail;
}

} // namespace heart::ui
