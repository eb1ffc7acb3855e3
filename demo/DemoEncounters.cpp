#include "demo/DemoEncounters.h"

#include "store/AccountStore.h"
#include "store/CrisisServices.h"
#include "store/Database.h"
#include "store/EncounterStore.h"
#include "store/SafetyPlanStore.h"
#include "store/SettingsStore.h"
#include "store/StoreLog.h"
#include "store/UnitStore.h"

#include <QVariant>

namespace heart::store {

StoreError writeDemoEncounters(Database& db, const Clock& clock, const QString& workstation)
{
    AccountStore accounts(db, clock);
    auto lead = accounts.signIn(QStringLiteral("teamlead"), QStringLiteral("teamlead-demo"), workstation);
    auto peer = accounts.signIn(QStringLiteral("peer"), QStringLiteral("peer-demo"), workstation);
    auto emt = accounts.signIn(QStringLiteral("emt"), QStringLiteral("emt-demo"), workstation);
    if (!lead.ok() || !peer.ok() || !emt.ok())
        return !lead.ok() ? lead.error() : !peer.ok() ? peer.error() : emt.error();
    EncounterStore encounters(db, clock, accounts);

    // A correction under the newest note the lead signed.
    {
        QSqlQuery newest = db.prepare(
            QStringLiteral("SELECT id FROM encounters WHERE signed_by = ? ORDER BY signed_at DESC"));
        newest.addBindValue(lead.value().userId());
        if (StoreError error = db.exec(newest, "find the demo's newest signed note"))
            return error;
        if (newest.next()) {
            const QString id = newest.value(0).toString();
            newest.finish();
            auto added = encounters.addAddendum(
                lead.value(), id,
                QStringLiteral(
                    "Correction: the referral was made by phone with the person present, not left as a "
                    "flyer. Intake appointment confirmed for Thursday morning."),
                QStringLiteral("teamlead-demo"));
            if (!added.ok())
                return added.error();
        }
    }

    // CRT-1 on scene: the note under way.
    UnitStore units(db, clock);
    auto unit = units.myUnit(lead.value());
    if (!unit.ok())
        return unit.error();
    if (unit.value().callId.isEmpty())
        return {};
    auto created = encounters.create(lead.value(), unit.value().callId, unit.value().id);
    if (!created.ok())
        return created.error();
    encounter::EncounterNote note;
    note.presentingConcern =
        "Business owner reports a man sleeping in the doorway for three days; he says he was "
        "evicted last week and has nowhere to go.";
    triage::CssrsAnswers answers;
    answers.answers[std::size_t(triage::CssrsQuestion::WishedDead)] = triage::Answer::Yes;
    answers.answers[std::size_t(triage::CssrsQuestion::Thoughts)] = triage::Answer::No;
    answers.answers[std::size_t(triage::CssrsQuestion::Behavior)] = triage::Answer::No;
    note.cssrs = answers;
    note.assessment = "Alert and oriented; tired and hungry; passive wish to be dead since the eviction, no "
                      "thoughts of suicide, no plan. Low risk.";
    note.interventions = "Water and a meal from the van; talked through shelter options; called the men's "
                         "shelter for a bed tonight.";
    note.feltSafe = true;
    auto written = encounters.update(lead.value(), created.value().id, created.value().version, note);
    if (!written.ok())
        return written.error();
    if (auto added = encounters.addEntry(
            peer.value(), created.value().id,
            QStringLiteral("Shared my own time in shelter; he agreed to go if we drive him."));
        !added.ok())
        return added.error();
    if (auto added =
            encounters.addEntry(emt.value(), created.value().id,
                                QStringLiteral("Vitals normal. Blisters on both feet, cleaned and dressed."));
        !added.ok())
        return added.error();

    // The plan they are making together, in the person's language.
    QSqlQuery language = db.prepare(QStringLiteral("SELECT language FROM calls WHERE id = ?"));
    language.addBindValue(unit.value().callId);
    if (StoreError error = db.exec(language, "read the demo call's language"))
        return error;
    const bool spanish = language.next() && language.value(0).toString() == QLatin1String("es");
    language.finish();
    safety::SafetyPlan plan;
    plan.language = spanish ? "es" : "en";
    using safety::SafetyPlanStep;
    plan.step(SafetyPlanStep::WarningSigns) = {
        {spanish ? "Dejo de comer" : "I stop eating", ""},
        {spanish ? "No hablo con nadie" : "I stop talking to anyone", ""}};
    plan.step(SafetyPlanStep::CopingStrategies) = {{spanish ? "Caminar" : "Go for a walk", ""}};
    plan.step(SafetyPlanStep::PeopleToAsk) = {{spanish ? "Mi primo Luis" : "My cousin Luis", "+19195550163"}};
    SettingsStore settings(db, clock);
    plan = safety::withDefaults(plan,
                                CrisisServices::forLanguage(settings, QString::fromStdString(plan.language)));
    SafetyPlanStore plans(db, clock);
    if (auto saved = plans.save(lead.value(), created.value().id, 0, plan); !saved.ok())
        return saved.error();
    for (const auto& actor : {lead.value(), peer.value(), emt.value()})
        accounts.recordSessionEvent(actor, audit::SignOut);
    qCInfo(lcStore) << "demo encounter under way written";
    return {};
}

} // namespace heart::store
