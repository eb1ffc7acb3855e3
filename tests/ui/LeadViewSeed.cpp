#include "LeadViewSeed.h"

#include "core/Clock.h"
#include "core/safety/SafetyPlan.h"
#include "store/AccountStore.h"
#include "store/EncounterStore.h"
#include "store/IntakeStore.h"
#include "store/PersonStore.h"
#include "store/SafetyPlanStore.h"
#include "store/StoreTime.h"

#include <QSqlQuery>
#include <QVariant>
#include <chrono>

namespace heart::test {

namespace {

QString firstValue(store::Database& db, const QString& sql)
{
    QSqlQuery query(db.connection());
    query.exec(sql);
    return query.next() ? query.value(0).toString() : QString();
}

} // namespace

LeadViewSeed seedPriorContacts(store::Database& db, ManualClock& clock)
{
    using namespace std::chrono;
    LeadViewSeed seed;
    const TimePoint now = clock.now();
    const QString workstation = QStringLiteral("test");
    store::AccountStore accounts(db, clock);
    auto counselor =
        accounts.signIn(QStringLiteral("counselor"), QStringLiteral("counselor-demo"), workstation);
    auto lead = accounts.signIn(QStringLiteral("teamlead"), QStringLiteral("teamlead-demo"), workstation);
    if (!counselor.ok() || !lead.ok()) {
        seed.error = QStringLiteral("sign-in");
        return seed;
    }
    store::IntakeStore calls(db, clock);
    store::PersonStore people(db, clock);
    store::PersonRecord wren;
    wren.givenName = QStringLiteral("Wren");
    wren.familyName = QStringLiteral("Halloway");
    wren.phone = QStringLiteral("+19195550142");
    wren.language = QStringLiteral("en");
    auto person = people.create(counselor.value(), wren);
    if (!person.ok()) {
        seed.error = QStringLiteral("person: ") + person.error().detail;
        return seed;
    }
    seed.personId = person.value().id;
    seed.liveCallId = firstValue(db, QStringLiteral("SELECT call_id FROM units WHERE code = 'CRT-1'"));
    const QString crt2 = firstValue(db, QStringLiteral("SELECT id FROM units WHERE code = 'CRT-2'"));
    const QString callType =
        firstValue(db, QStringLiteral("SELECT call_type FROM calls WHERE id = '%1'").arg(seed.liveCallId));

    store::EncounterStore encounters(db, clock, accounts);
    store::SafetyPlanStore plans(db, clock);
    // The older visit first (30 days ago, with the plan), then 9 days ago.
    const int daysAgo[] = {30, 9};
    for (int i = 0; i < 2; ++i) {
        clock.set(now - days{daysAgo[i]});
        store::CallRecord call;
        call.cadNumber = QStringLiteral("LV-%1").arg(i + 1);
        call.receivedAt = store::toDateTime(clock.now());
        call.callType = callType;
        call.personId = seed.personId;
        call.personName = QStringLiteral("Wren Halloway");
        call.address = QStringLiteral("1100 block of Broad St");
        call.riskLevel = i == 0 ? QStringLiteral("moderate") : QStringLiteral("low");
        call.program = QStringLiteral("crt");
        call.disposition = QStringLiteral("crt_dispatch");
        call.assignedUnit = QStringLiteral("CRT-2");
        auto created = calls.create(counselor.value(), call);
        if (!created.ok()) {
            seed.error = QStringLiteral("call: ") + created.error().detail;
            return seed;
        }
        clock.advance(minutes{40});
        auto encounter = encounters.create(lead.value(), created.value().id, crt2);
        if (!encounter.ok()) {
            seed.error = QStringLiteral("encounter: ") + encounter.error().detail;
            return seed;
        }
        encounter::EncounterNote note;
        note.presentingConcern = "Could not sleep, frightened after losing her job.";
        note.assessment = "Oriented, tearful, no plan; moderate distress.";
        note.interventions = "Listened; breathing exercise; called her sister.";
        note.disposition = encounter::EncounterDisposition::Referred;
        note.referralText = i == 0 ? "Bull City community clinic (walk-in)" : "Durham peer warm line";
        note.feltSafe = true;
        note.consentToFollowUp = true;
        note.preferredContact = encounter::ContactPreference::Phone;
        note.contactPhone = "+19195550142";
        auto written = encounters.update(lead.value(), encounter.value().id, encounter.value().version, note);
        if (!written.ok()) {
            seed.error = QStringLiteral("note: ") + written.error().detail;
            return seed;
        }
        int version = written.value().version;
        if (i == 0) {
            safety::SafetyPlan plan;
            using S = safety::SafetyPlanStep;
            plan.language = "en";
            plan.step(S::WarningSigns) = {{"Not sleeping for two nights", ""}};
            plan.step(S::CopingStrategies) = {{"Feed the cat and sit on the porch", ""}};
            plan.step(S::PeopleToAsk) = {{"My sister June", "(919) 555-0177"}};
            plan = safety::withDefaults(plan, {{"988 Suicide & Crisis Lifeline", "988"}});
            auto saved = plans.save(lead.value(), encounter.value().id, 0, plan);
            auto final = saved.ok()
                             ? plans.finalise(lead.value(), encounter.value().id, saved.value().version)
                             : saved;
            if (!final.ok()) {
                seed.error = QStringLiteral("plan: ") + final.error().detail;
                return seed;
            }
            seed.planId = final.value().id;
            auto reread = encounters.open(lead.value(), encounter.value().id);
            version = reread.ok() ? reread.value().version : version;
        }
        auto signedNote =
            encounters.sign(lead.value(), encounter.value().id, version, QStringLiteral("teamlead-demo"));
        if (!signedNote.ok()) {
            seed.error = QStringLiteral("sign: ") + signedNote.error().detail;
            return seed;
        }
        seed.earlierCallIds.prepend(created.value().id);
        seed.encounterIds.prepend(encounter.value().id);
        clock.advance(hours{2});
        auto reopened = calls.open(counselor.value(), created.value().id);
        auto closed = reopened.ok()
                          ? calls.close(counselor.value(), created.value().id, reopened.value().version)
                          : reopened;
        if (!closed.ok()) {
            seed.error = QStringLiteral("close: ") + closed.error().detail;
            return seed;
        }
    }
    clock.set(now);

    // The live call: linked to her, with how to call back, who called and the counselor's notes.
    auto live = calls.open(counselor.value(), seed.liveCallId);
    if (!live.ok()) {
        seed.error = QStringLiteral("live call: ") + live.error().detail;
        return seed;
    }
    store::CallRecord call = live.value();
    call.personId = seed.personId;
    call.personName = QStringLiteral("Wren Halloway");
    call.callerName = QStringLiteral("June Halloway");
    call.callerPhone = QStringLiteral("+19195550177");
    call.callerRelationship = QStringLiteral("family");
    call.language = QStringLiteral("en");
    call.interpreter = true;
    call.narrative = kSeedNarrative;
    call.cssrs = QStringLiteral("YN---N-");
    call.riskLevel = QStringLiteral("low");
    if (!call.triagedAt.isValid())
        call.triagedAt = call.receivedAt.addSecs(240);
    auto updated = calls.update(counselor.value(), call);
    if (!updated.ok()) {
        seed.error = QStringLiteral("link: ") + updated.error().detail;
        return seed;
    }
    auto addendum = calls.addAddendum(counselor.value(), seed.liveCallId, kSeedAddendum);
    if (!addendum.ok())
        seed.error = QStringLiteral("addendum: ") + addendum.error().detail;
    return seed;
}

} // namespace heart::test
