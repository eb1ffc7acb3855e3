// The demo's Care Navigation queue (see DemoFollowUps.h).
#include "demo/DemoFollowUps.h"

#include "core/intake/IntakeRules.h"
#include "core/safety/SafetyPlan.h"
#include "store/AccountStore.h"
#include "store/AuditTrail.h"
#include "store/CoreText.h"
#include "store/Database.h"
#include "store/EncounterStore.h"
#include "store/FollowUpSettings.h"
#include "store/FollowUpStore.h"
#include "store/SafetyPlanStore.h"
#include "store/SqlTransaction.h"
#include "store/StoreLog.h"
#include "store/StoreTime.h"

#include <QSqlRecord>
#include <QVariant>
#include <algorithm>
#include <functional>

namespace heart::store {
namespace {

using namespace std::chrono;
using followup::AttemptChannel;
using followup::AttemptResult;
using followup::Outcome;

QList<QVariantList> rows(Database& db, const QString& sql, const QVariantList& values = {})
{
    QList<QVariantList> result;
    QSqlQuery query = db.prepare(sql);
    for (const QVariant& value : values)
        query.addBindValue(value);
    if (db.exec(query, "read demo rows"))
        return result;
    while (query.next()) {
        QVariantList row;
        for (int i = 0; i < query.record().count(); ++i)
            row.append(query.value(i));
        result.append(row);
    }
    return result;
}

QString firstValue(Database& db, const QString& sql, const QVariantList& values = {})
{
    const QList<QVariantList> found = rows(db, sql, values);
    return found.isEmpty() ? QString() : found.first().first().toString();
}

// What the demo's team lead wrote after four recent visits.
struct DemoVisit
{
    const char* concern;
    const char* assessment;
    const char* interventions;
};
constexpr DemoVisit kVisits[] = {
    {"Neighbour worried about a man who had not left his flat in days; said he feels hopeless since losing "
     "work",
     "Low risk on screening; tired, oriented; wants help with food and a doctor",
     "Listened, safety plan, food box"},
    {"Woman sleeping at the bus shelter on a cold night", "No risk factors found; wants a bed tonight",
     "Warm clothes, called the shelter line, referral"},
    {"Young man pacing outside the library, talking about voices",
     "Distressed but calm after talking; no intent", "Grounding, water, referral to the walk-in clinic"},
    {"Older man confused about where he lives", "Oriented after food and rest; family not reachable",
     "Walked him home, referral for in-home support"},
};

class DemoQueue
{
public:
    DemoQueue(Database& db, const Clock& clock, const QString& workstation)
        : m_db(db), m_clock(clock), m_work(clock.now()), m_accounts(db, clock), m_workstation(workstation)
    {}

    StoreError write()
    {
        auto navigator =
            m_accounts.signIn(QStringLiteral("navigator"), QStringLiteral("navigator-demo"), m_workstation);
        auto lead =
            m_accounts.signIn(QStringLiteral("teamlead"), QStringLiteral("teamlead-demo"), m_workstation);
        if (!navigator.ok() || !lead.ok())
            return navigator.ok() ? lead.error() : navigator.error();
        m_navigator = navigator.value();
        m_peerId = firstValue(m_db, QStringLiteral("SELECT id FROM users WHERE login = 'peer'"));
        for (const QVariantList& row : rows(m_db, QStringLiteral("SELECT id FROM resources WHERE active = 1 "
                                                                 "ORDER BY name_key, id")))
            m_resources.append(row.first().toString());
        if (StoreError error = writeEncounters(lead.value()))
            return error;
        if (StoreError error = writeCheckIns())
            return error;
        if (StoreError error = workTasks())
            return error;
        m_accounts.recordSessionEvent(lead.value(), audit::SignOut);
        m_accounts.recordSessionEvent(m_navigator.value(), audit::SignOut);
        qCInfo(lcStore) << "demo follow-ups written:" << m_worked << "tasks worked";
        return {};
    }

private:
    TimePoint now() const { return m_clock.now(); }
    // A step `hours` after `from`, never later than a few minutes ago.
    void at(TimePoint from, double hours)
    {
        const auto when =
            from + duration_cast<system_clock::duration>(duration<double, std::ratio<3600>>(hours));
        m_work.set(std::min(when, now() - minutes{5}));
    }

    // Signed notes with consent on the four newest closed CRT calls without
    // one: signing creates their follow-ups. The oldest of them has an
    // in-person screen and a final safety plan.
    StoreError writeEncounters(const Actor& lead)
    {
        // Each note belongs to the unit the call was sent to.
        QList<QVariantList> calls =
            rows(m_db,
                 QStringLiteral(
                     "SELECT c.id, c.received_at, p.phone, u.id FROM calls c "
                     "LEFT JOIN people p ON p.id = c.person_id JOIN units u ON u.code = c.assigned_unit "
                     "WHERE c.status = 'closed' AND c.disposition = 'crt_dispatch' AND c.received_at < ? "
                     "AND NOT EXISTS (SELECT 1 FROM encounters e WHERE e.call_id = c.id) "
                     "ORDER BY c.received_at DESC LIMIT 4"),
                 {toStoredTime(now() - hours{3})});
        std::reverse(calls.begin(), calls.end()); // oldest first: its follow-up is due first and gets claimed
        AccountStore accounts(m_db, m_work);
        EncounterStore encounters(m_db, m_work, accounts);
        SafetyPlanStore plans(m_db, m_work);
        for (qsizetype i = 0; i < calls.size(); ++i) {
            const TimePoint received = toTimePoint(fromStoredTime(calls[i][1].toString()));
            const DemoVisit& visit = kVisits[i];
            at(received, 0.7);
            auto created = encounters.create(lead, calls[i][0].toString(), calls[i][3].toString());
            if (!created.ok())
                return created.error();
            encounter::EncounterNote note;
            note.presentingConcern = visit.concern;
            note.assessment = visit.assessment;
            note.interventions = visit.interventions;
            note.disposition = encounter::EncounterDisposition::Referred;
            if (!m_resources.isEmpty())
                note.referralResourceId = m_resources[i % m_resources.size()].toStdString();
            else
                note.referralText = "Bull City community clinic (walk-in)";
            note.feltSafe = true;
            note.consentToFollowUp = true;
            const auto phone = intake::normalisePhone(calls[i][2].toString().toStdString());
            const bool hasPhone = phone.ok() && phone.value().starts_with('+');
            note.preferredContact = !hasPhone ? encounter::ContactPreference::InPerson
                                              : (i % 2 ? encounter::ContactPreference::Text
                                                       : encounter::ContactPreference::Phone);
            note.contactPhone = hasPhone ? phone.value() : std::string();
            if (!hasPhone) // in person: a place to meet is needed to sign
                note.contactPlace = "Main library, front steps (Tuesdays after 10 AM)";
            if (i == 0) {
                triage::CssrsAnswers screen;
                screen[triage::CssrsQuestion::WishedDead] = triage::Answer::Yes;
                screen[triage::CssrsQuestion::Thoughts] = triage::Answer::No;
                screen[triage::CssrsQuestion::Behavior] = triage::Answer::No;
                note.cssrs = screen;
            }
            auto written = encounters.update(lead, created.value().id, created.value().version, note);
            if (!written.ok())
                return written.error();
            int version = written.value().version;
            if (i == 0) {
                if (StoreError error = writePlan(plans, lead, created.value().id))
                    return error;
                auto reread = encounters.open(lead, created.value().id); // the plan moved its version on
                if (!reread.ok())
                    return reread.error();
                version = reread.value().version;
            }
            at(received, 1.6);
            auto signedNote =
                encounters.sign(lead, created.value().id, version, QStringLiteral("teamlead-demo"));
            if (!signedNote.ok())
                return signedNote.error();
        }
        return {};
    }

    StoreError writePlan(SafetyPlanStore& plans, const Actor& lead, const QString& encounterId)
    {
        safety::SafetyPlan plan;
        using S = safety::SafetyPlanStep;
        plan.step(S::WarningSigns) = {{"Staying in bed all day", ""}, {"Not answering the phone", ""}};
        plan.step(S::CopingStrategies) = {{"Walk to the park with the dog", ""}};
        plan.step(S::Distraction) = {{"Coffee at the corner bakery", ""}};
        plan.step(S::PeopleToAsk) = {{"Brother Ash", "(919) 555-0188"}};
        plan.step(S::SafeEnvironment) = {{"Brother keeps the spare medication", ""}};
        plan.reasonsForLiving = {"The dog", "Getting back to work"};
        plan = safety::withDefaults(plan, {{"988 Suicide & Crisis Lifeline", "988"}});
        auto saved = plans.save(lead, encounterId, 0, plan);
        if (!saved.ok())
            return saved.error();
        auto final = plans.finalise(lead, encounterId, saved.value().version);
        return final.ok() ? StoreError{} : final.error();
    }

    // A check-in for each call closed as diverted in the last week, created as
    // closing the call would have (audited as the counselor who closed it).
    StoreError writeCheckIns()
    {
        const QString counselorId =
            firstValue(m_db, QStringLiteral("SELECT id FROM users WHERE login = 'counselor'"));
        AuditTrail audit(m_db, m_work);
        const QList<QVariantList> calls =
            rows(m_db,
                 QStringLiteral(
                     "SELECT id, received_at FROM calls WHERE status = 'closed' AND disposition = 'diverted' "
                     "AND received_at >= ? ORDER BY received_at"),
                 {toStoredTime(now() - days{7})});
        for (const QVariantList& call : calls) {
            at(toTimePoint(fromStoredTime(call[1].toString())), 0.4);
            SqlTransaction tx(m_db);
            if (tx.beginError())
                return tx.beginError();
            auto created = FollowUpStore::createCheckInForClosedCall(m_db, call[0].toString(), m_work.now());
            if (!created.ok())
                return created.error();
            if (created.value().created) {
                if (StoreError error =
                        audit.append(counselorId, toQString(roleCode(Role::CallCounselor)), m_workstation,
                                     {audit::Create, FollowUpStore::recordType(), created.value().taskId}))
                    return error;
            }
            if (StoreError error = tx.commit())
                return error;
        }
        return {};
    }

    struct Task
    {
        QString id;
        TimePoint contactAt;
        TimePoint dueAt;
        AttemptChannel channel = AttemptChannel::Phone;
        bool followUp = false; // after an encounter (else a check-in)
    };
    using Step = std::function<StoreResult<FollowUpTask>(FollowUpStore&, const FollowUpTask&)>;

    // Runs the steps on the task, each at its hour after the contact.
    StoreError work(const Task& task, const QList<std::pair<double, Step>>& steps)
    {
        FollowUpStore store(m_db, m_work);
        const Actor& navigator = m_navigator.value();
        at(task.contactAt, 0.5);
        auto current = store.open(navigator, task.id);
        if (!current.ok())
            return current.error();
        FollowUpTask state = current.value().task;
        for (const auto& [hours, step] : steps) {
            at(task.contactAt, hours);
            auto next = step(store, state);
            if (!next.ok())
                return next.error();
            state = next.value();
        }
        ++m_worked;
        return {};
    }

    Step claim() const
    {
        return [this](FollowUpStore& s, const FollowUpTask& t) {
            return s.claim(*m_navigator, t.id, t.version);
        };
    }
    Step attempt(AttemptChannel channel, AttemptResult result, const char* note) const
    {
        return [this, channel, result, note](FollowUpStore& s, const FollowUpTask& t) {
            return s.logAttempt(*m_navigator, t.id, t.version, channel, result, QString::fromUtf8(note));
        };
    }
    Step outcome(Outcome outcome, const QString& resourceId, const char* text) const
    {
        return [this, outcome, resourceId, text](FollowUpStore& s, const FollowUpTask& t) {
            return s.recordOutcome(*m_navigator, t.id, t.version, outcome, resourceId,
                                   QString::fromUtf8(text));
        };
    }
    Step connected(int index) const
    {
        if (m_resources.isEmpty())
            return outcome(Outcome::Connected, {}, "Eno River Recovery Community (weekly group)");
        return outcome(Outcome::Connected, m_resources[index % m_resources.size()], "");
    }

    StoreError workTasks()
    {
        auto policy = FollowUpSettings(m_db, m_clock).policy();
        if (!policy.ok())
            return policy.error();
        QList<Task> future, past;
        for (const QVariantList& row :
             rows(m_db,
                  QStringLiteral("SELECT id, contact_at, due_at, preferred_contact, kind FROM followup_tasks "
                                 "WHERE state = 'open' ORDER BY due_at, id"))) {
            Task task{row[0].toString(), toTimePoint(fromStoredTime(row[1].toString())),
                      toTimePoint(fromStoredTime(row[2].toString()))};
            const QString preferred = row[3].toString();
            task.channel = preferred == QLatin1String("text")        ? AttemptChannel::Text
                           : preferred == QLatin1String("in_person") ? AttemptChannel::InPerson
                                                                     : AttemptChannel::Phone;
            task.followUp = row[4].toString() == QLatin1String("follow_up");
            (task.dueAt > now() ? future : past).append(task);
        }
        std::reverse(past.begin(), past.end()); // the most recently due first

        if (!past.isEmpty() &&
            (future.isEmpty() ||
             policy.value().state(false, future.first().dueAt, now()) != followup::TaskState::DueSoon)) {
            // "Due soon" always shows. No task is there by chance: the one
            // most recently due is moved into the window, its contact later,
            // never earlier (a contact before its call would contradict it).
            future.prepend(past.takeFirst());
        }
        if (!future.isEmpty()) {
            Task& first = future.first();
            if (policy.value().state(false, first.dueAt, now()) != followup::TaskState::DueSoon &&
                first.dueAt < now() + hours{2}) {
                const auto shift = (now() + hours{2}) - first.dueAt;
                first.contactAt += shift;
                first.dueAt += shift;
                QSqlQuery move = m_db.prepare(
                    QStringLiteral("UPDATE followup_tasks SET contact_at = ?, due_at = ? WHERE id = ?"));
                move.addBindValue(toStoredTime(first.contactAt));
                move.addBindValue(toStoredTime(first.dueAt));
                move.addBindValue(first.id);
                if (StoreError error = m_db.exec(move, "place the demo's due-soon task"))
                    return error;
            }
            if (StoreError error = work(first, {{1, claim()},
                                                {2, attempt(first.channel, AttemptResult::LeftMessage,
                                                            "Left a voicemail with our number")}}))
                return error;
        }
        if (future.size() > 1) {
            // Claimed: a follow-up after an encounter when there is one (its
            // detail shows the encounter and the safety plan).
            const auto followUp =
                std::find_if(future.begin() + 1, future.end(), [](const Task& t) { return t.followUp; });
            if (StoreError error = work(followUp != future.end() ? *followUp : future[1], {{0.5, claim()}}))
                return error;
        } // the rest stay open and unassigned

        const auto toPeer = [this](FollowUpStore& s, const FollowUpTask& t) {
            return s.assign(*m_navigator, t.id, t.version, m_peerId);
        };
        const auto extendTwo = [this](FollowUpStore& s, const FollowUpTask& t) {
            return s.extend(*m_navigator, t.id, t.version, 2);
        };
        for (qsizetype i = 0; i < past.size(); ++i) {
            const Task& task = past[i];
            const AttemptChannel ch = task.channel;
            const Step reached = attempt(ch, AttemptResult::Reached, "Talked; agreed on next steps");
            QList<std::pair<double, Step>> steps;
            switch (i < 8 ? i : 4 + (i % 5)) {
            case 0:
                break; // overdue, nobody on it yet
            case 1:    // overdue, given to the peer support specialist after no answer
                steps = {{3, attempt(ch, AttemptResult::NoAnswer, "No answer, no voicemail")}};
                if (!m_peerId.isEmpty())
                    steps.append({4, toPeer});
                break;
            case 2: // overdue, more attempts allowed before the third
                steps = {
                    {1, claim()},
                    {3, attempt(ch, AttemptResult::NoAnswer, "")},
                    {20, attempt(ch, AttemptResult::NoAnswer, "")},
                    {21, extendTwo},
                    {30, attempt(ch, AttemptResult::LeftMessage, "Left a message with the shelter desk")}};
                break;
            case 3: // unable to reach: the third unsuccessful attempt closes it
                steps = {{1, claim()},
                         {3, attempt(ch, AttemptResult::NoAnswer, "")},
                         {22, attempt(ch, AttemptResult::LeftMessage, "Voicemail")},
                         {40, attempt(ch, AttemptResult::WrongNumber, "Number belongs to someone else now")}};
                break;
            case 4:
                steps = {{1, claim()}, {4, reached}, {5, connected(int(i))}};
                break;
            case 5:
                steps = {{1, claim()},
                         {4, reached},
                         {5, outcome(Outcome::Connected, {}, "Eno River Recovery Community (weekly group)")}};
                break;
            case 6:
                steps = {{1, claim()}, {6, reached}, {7, outcome(Outcome::Declined, {}, "")}};
                break;
            case 7:
                steps = {{2, claim()}, {5, reached}, {6, outcome(Outcome::AlreadyConnected, {}, "")}};
                break;
            default:
                steps = {{1, claim()}, {3, reached}, {4, connected(int(i))}};
                break;
            }
            if (StoreError error = work(task, steps))
                return error;
        }
        return {};
    }

    Database& m_db;
    const Clock& m_clock;
    ManualClock m_work; // when each step happened
    AccountStore m_accounts;
    QString m_workstation;
    std::optional<Actor> m_navigator;
    QString m_peerId;
    QStringList m_resources;
    int m_worked = 0;
};

} // namespace

StoreError writeDemoFollowUps(Database& db, const Clock& clock, const QString& workstation)
{
    DemoQueue queue(db, clock, workstation);
    return queue.write();
}

} // namespace heart::store
