// The van laptop in the sync fault trials (tests/sync/tst_sync_faults): a
// process of its own, so the trial can SIGKILL it mid-sync. It opens the
// laptop's SQLite file and the center through the test's relay, signs the
// team lead in offline, and works the call through the use cases, syncing
// after every step:
//
//   dispatched -> en route -> on scene -> the note written, two entries,
//   the safety plan saved and finalised -> signed -> the plan printed
//   (an audited read) -> clear -> available
//
// Each step is chosen from what the laptop's file holds, so a driver started
// again after a kill goes on where the last one stopped. When the center
// cannot be reached the work goes on offline; at the end the driver syncs
// until a sync finds nothing left to send, says DONE and exits 0.
//
// What it says on stdout, one line each (the trial reads them):
//   STEP <name> <n>      the engine's onStep, n-th time in this run
//   PAUSED <name> <n>    the same, and it waits for a line on stdin (--pause-at)
//   DID <what> <key>     a change committed on the laptop (key: id or time)
//   SYNC ok <pushed> <pulled> <conflicts> | SYNC fail <code>
//   OFFLINE              the center could not be opened
//   DONE                 all done and synced
//   ERROR <text>         something the trial did not expect (exit 2)
//
// Arguments: --laptop FILE --center URL --unit ID --call ID --device ID
// --device-name NAME --login LOGIN [--pause-at STEP:N] [--deadline-ms MS].
// Passwords come from the environment: HEARTDESK_DB_PASSWORD (the center),
// HEARTDESK_TRIAL_PASSWORD (the team lead).
#include "core/Clock.h"
#include "core/safety/SafetyPlan.h"
#include "core/triage/Cssrs.h"
#include "store/AccountStore.h"
#include "store/ConnectionSpec.h"
#include "store/CoreText.h"
#include "store/Database.h"
#include "store/StoreTime.h"
#include "store/sync/SyncEngine.h"
#include "usecases/EncounterUseCases.h"
#include "usecases/SafetyPlanUseCases.h"
#include "usecases/UnitUseCases.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QElapsedTimer>
#include <QHash>
#include <QThread>
#include <cstdio>
#include <iostream>
#include <optional>
#include <string>

using namespace heart;
using units::UnitStatus;

namespace {

void say(const QString& line)
{
    std::fprintf(stdout, "%s\n", qPrintable(line));
    std::fflush(stdout);
}

[[noreturn]] void fail(const QString& what, const store::StoreError& error = {})
{
    say(QStringLiteral("ERROR %1 %2 %3").arg(what, store::storeErrorCodeName(error.code), error.detail));
    std::exit(2);
}

encounter::EncounterNote completeNote()
{
    encounter::EncounterNote note;
    note.presentingConcern = "Has not slept in three days";
    triage::CssrsAnswers cssrs;
    cssrs[triage::CssrsQuestion::WishedDead] = triage::Answer::Yes;
    cssrs[triage::CssrsQuestion::Thoughts] = triage::Answer::No;
    note.cssrs = cssrs;
    note.assessment = "Oriented, tearful; no plan or intent";
    note.interventions = "Grounding, safety planning";
    note.disposition = encounter::EncounterDisposition::ResolvedOnScene;
    note.feltSafe = true;
    note.consentToFollowUp = true;
    note.preferredContact = encounter::ContactPreference::Text;
    note.contactPhone = "(919) 555-0142";
    note.narrative = "Agreed to a call from Care Navigation.";
    return note;
}

safety::SafetyPlan validPlan()
{
    safety::SafetyPlan plan;
    plan.language = "en";
    plan.step(safety::SafetyPlanStep::WarningSigns) = {{"Cannot sleep", ""}};
    plan.step(safety::SafetyPlanStep::PeopleToAsk) = {{"Sister", "(919) 555-0101"}};
    plan.reasonsForLiving = {"My daughter"};
    return safety::withDefaults(plan, {{"988 Lifeline", "988"}});
}

constexpr int kEntries = 2;

class Driver
{
public:
    Driver(QCommandLineParser& args, const QString& centerPassword)
        : m_args(args), m_centerPassword(centerPassword)
    {
        const QString pauseAt = args.value(QStringLiteral("pause-at"));
        if (!pauseAt.isEmpty()) {
            m_pauseStep = pauseAt.section(QLatin1Char(':'), 0, -2);
            m_pauseCount = pauseAt.section(QLatin1Char(':'), -1).toInt();
        }
        m_identity = {args.value(QStringLiteral("device")), args.value(QStringLiteral("unit")),
                      args.value(QStringLiteral("device-name")), args.value(QStringLiteral("center"))};
        m_callId = args.value(QStringLiteral("call"));
    }

    int run()
    {
        if (const auto error =
                m_local.open(store::ConnectionSpec::sqlite(m_args.value(QStringLiteral("laptop")))))
            fail(QStringLiteral("open-laptop"), error);
        auto centerSpec = store::ConnectionSpec::parse(m_args.value(QStringLiteral("center")));
        if (!centerSpec.ok())
            fail(QStringLiteral("center-url"), centerSpec.error());
        m_centerSpec = centerSpec.value();

        store::AccountStore accounts(m_local, m_clock);
        auto actor = accounts.signIn(m_args.value(QStringLiteral("login")),
                                     qEnvironmentVariable("HEARTDESK_TRIAL_PASSWORD"), m_identity.deviceName);
        if (!actor.ok())
            fail(QStringLiteral("sign-in"), actor.error());
        m_actor.emplace(actor.value());

        sync();
        while (workOneStep())
            sync();

        QElapsedTimer waited;
        waited.start();
        const qint64 deadline = m_args.value(QStringLiteral("deadline-ms")).toLongLong();
        for (;;) {
            const std::optional<store::sync::SyncReport> report = sync();
            if (report && report->pushed == 0 && report->pulled == 0) {
                say(QStringLiteral("DONE"));
                return 0;
            }
            if (deadline > 0 && waited.elapsed() > deadline) {
                say(QStringLiteral("ERROR deadline not synced after %1 ms").arg(waited.elapsed()));
                return 3;
            }
            QThread::msleep(report ? 0 : 100);
        }
    }

private:
    usecases::Context context() { return {m_local, m_clock, *m_actor}; }

    // The next step of the visit, from what the laptop holds; false when all is done.
    bool workOneStep()
    {
        usecases::UnitUseCases units(context());
        auto unit = units.unit(m_identity.unitId);
        if (!unit.ok())
            fail(QStringLiteral("read-unit"), unit.error());
        const auto move = [&](UnitStatus to, const QString& what) {
            auto moved = units.changeStatus(unit.value().id, unit.value().version, to);
            if (!moved.ok())
                fail(QStringLiteral("status-") + what, moved.error());
            say(QStringLiteral("DID %1 %2").arg(what, store::toStoredTime(moved.value().statusSince)));
            return true;
        };
        switch (unit.value().status) {
        case UnitStatus::Dispatched:
            return move(UnitStatus::EnRoute, QStringLiteral("en_route"));
        case UnitStatus::EnRoute:
            return move(UnitStatus::OnScene, QStringLiteral("on_scene"));
        case UnitStatus::OnScene:
            break;
        case UnitStatus::Clear:
            return move(UnitStatus::Available, QStringLiteral("available"));
        case UnitStatus::Available:
            return false;
        default:
            fail(QStringLiteral("unexpected-status ") +
                 QString::fromLatin1(units::unitStatusCode(unit.value().status)));
        }

        usecases::EncounterUseCases notes(context());
        auto opened = notes.openOrCreate(m_callId, m_identity.unitId);
        if (!opened.ok())
            fail(QStringLiteral("open-note"), opened.error());
        const store::Encounter& note = opened.value();
        if (note.version == 1 && note.note.presentingConcern.empty() && !m_saidEncounter) {
            m_saidEncounter = true;
            say(QStringLiteral("DID encounter %1").arg(note.id));
            return true;
        }
        if (note.note.presentingConcern.empty()) {
            auto written = notes.writeNote(note.id, note.version, completeNote());
            if (!written.ok())
                fail(QStringLiteral("write-note"), written.error());
            say(QStringLiteral("DID note %1").arg(note.id));
            return true;
        }
        if (note.entries.size() < kEntries && !note.isSigned()) {
            auto added =
                notes.addEntry(note.id, QStringLiteral("Entry %1 from the van").arg(note.entries.size() + 1));
            if (!added.ok())
                fail(QStringLiteral("add-entry"), added.error());
            say(QStringLiteral("DID entry %1").arg(added.value().entries.constLast().id));
            return true;
        }
        usecases::SafetyPlanUseCases plans(context());
        if (!note.isSigned()) {
            auto plan = plans.planOfEncounter(note.id);
            if (!plan.ok() && plan.error().code != store::StoreErrorCode::NotFound)
                fail(QStringLiteral("read-plan"), plan.error());
            if (!plan.ok()) {
                auto saved = plans.save(note.id, 0, validPlan());
                if (!saved.ok())
                    fail(QStringLiteral("save-plan"), saved.error());
                say(QStringLiteral("DID plan %1").arg(saved.value().id));
                return true;
            }
            if (!plan.value().isFinal) {
                auto finalised = plans.finalise(note.id, plan.value().version);
                if (!finalised.ok())
                    fail(QStringLiteral("finalise-plan"), finalised.error());
                say(QStringLiteral("DID finalise %1").arg(finalised.value().id));
                return true;
            }
            auto signedNote =
                notes.sign(note.id, note.version, qEnvironmentVariable("HEARTDESK_TRIAL_PASSWORD"));
            if (!signedNote.ok())
                fail(QStringLiteral("sign"), signedNote.error());
            say(QStringLiteral("DID sign %1").arg(store::toStoredTime(signedNote.value().signedAt)));
            // The printout reads the plan: an audited open, on the laptop's trail.
            auto printed = plans.planOfEncounter(note.id);
            if (!printed.ok())
                fail(QStringLiteral("print-plan"), printed.error());
            return true;
        }
        return move(UnitStatus::Clear, QStringLiteral("clear"));
    }

    // One sync; empty when the center could not be reached or the sync failed.
    std::optional<store::sync::SyncReport> sync()
    {
        if (!m_center.isOpen()) {
            if (m_center.open(m_centerSpec, m_centerPassword)) {
                say(QStringLiteral("OFFLINE"));
                return std::nullopt;
            }
        }
        store::sync::SyncEngine engine(m_local, m_center, m_clock, m_identity);
        engine.onStep = [this](const QString& step) {
            onStep(step);
        };
        const store::sync::SyncReport report = engine.syncOnce();
        if (report.error) {
            say(QStringLiteral("SYNC fail %1").arg(store::storeErrorCodeName(report.error.code)));
            // The connection is taken up again from scratch next time.
            m_center.close();
            return std::nullopt;
        }
        say(QStringLiteral("SYNC ok %1 %2 %3").arg(report.pushed).arg(report.pulled).arg(report.conflicts));
        return report;
    }

    void onStep(const QString& step)
    {
        const int n = ++m_steps[step];
        if (step == m_pauseStep && n == m_pauseCount) {
            say(QStringLiteral("PAUSED %1 %2").arg(step).arg(n));
            std::string go;
            std::getline(std::cin, go);
            return;
        }
        say(QStringLiteral("STEP %1 %2").arg(step).arg(n));
    }

    QCommandLineParser& m_args;
    QString m_centerPassword;
    const Clock& m_clock = SystemClock::instance();
    store::Database m_local;
    store::Database m_center;
    store::ConnectionSpec m_centerSpec;
    store::sync::SyncIdentity m_identity;
    QString m_callId;
    std::optional<store::Actor> m_actor;
    QString m_pauseStep;
    int m_pauseCount = 0;
    QHash<QString, int> m_steps;
    bool m_saidEncounter = false;
};

} // namespace

int main(int argc, char* argv[])
{
    QCoreApplication app(argc, argv);
    QCommandLineParser args;
    for (const char* name :
         {"laptop", "center", "unit", "call", "device", "device-name", "login", "pause-at", "deadline-ms"})
        args.addOption({QString::fromLatin1(name), QString::fromLatin1(name), QStringLiteral("value")});
    args.process(app);
    Driver driver(args, qEnvironmentVariable("HEARTDESK_DB_PASSWORD"));
    return driver.run();
}
