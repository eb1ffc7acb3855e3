#include "common/FollowUpSeed.h"

#include "core/Uuid.h"
#include "store/CoreText.h"
#include "store/Database.h"
#include "store/SqlTransaction.h"
#include "store/StoreTime.h"

#include <QSqlError>
#include <QSqlQuery>
#include <QVariant>
#include <array>
#include <random>

namespace heart::test {
namespace {

using namespace std::chrono_literals;

const std::array kGiven = {"Maria", "James", "Ana",  "Dee", "Eli",   "Fay",  "Gus", "Hal", "Ivy", "Kim",
                           "Leo",   "Nia",   "Omar", "Pia", "Quinn", "Rosa", "Sam", "Tia", "Uma", "Vic"};
const std::array kFamily = {"Lopez", "Carter", "Silva", "Walker", "Park",  "Nguyen", "Mora",
                            "Ortiz", "Ross",   "Lee",   "Grant",  "Bell",  "Hayes",  "Khan",
                            "Price", "Reyes",  "Stone", "Tran",   "Vance", "Young",  "Diaz"};
const std::array kCallTypes = {"welfare-check", "mental-health-crisis", "suicide-threat",
                               "trespass",      "intoxicated-person",   "assist-person"};
const std::array kOutcomes = {"connected",         "connected",       "connected",      "declined",
                              "already_connected", "unable_to_reach", "unable_to_reach"};
const std::array kContacts = {"phone", "phone", "phone", "phone", "text", "text", "in_person", "none"};

QVariant nullText()
{
    return QVariant(QMetaType::fromType<QString>());
}

QString failed(const QSqlQuery& query, const char* what)
{
    return QStringLiteral("%1: %2").arg(QLatin1String(what), query.lastError().text());
}

} // namespace

FollowUpSeedSummary seedFollowUpTasks(store::Database& db, const FollowUpSeedOptions& options)
{
    FollowUpSeedSummary summary;
    std::mt19937 random(options.seed);
    const auto below = [&](int n) {
        return int(random() % unsigned(n));
    };
    const QString stamp = store::toStoredTime(options.now);

    // SQLite: room for the whole seed in the page cache while it is written
    // (each task's name keys are set by a trigger, migration 15: with the
    // default 2 MiB, 100,000 tasks spill and re-read encrypted pages for
    // many minutes). The default again afterwards.
    const bool sqlite = db.dialect().engine() == store::Engine::Sqlite;
    if (sqlite)
        db.execDirect(QStringLiteral("PRAGMA cache_size = -262144"), "seed page cache");
    const struct DefaultCache
    {
        store::Database& db;
        bool sqlite;
        ~DefaultCache()
        {
            if (sqlite)
                db.execDirect(QStringLiteral("PRAGMA cache_size = -2000"), "default page cache");
        }
    } restore{db, sqlite};

    store::SqlTransaction tx(db);
    if (tx.beginError()) {
        summary.error = tx.beginError().detail;
        return summary;
    }
    QStringList navigators = options.assignees;
    QSqlQuery user(db.connection());
    user.prepare(
        QStringLiteral("INSERT INTO users (id, login, display_name, password_hash, created_at, updated_at) "
                       "VALUES (?, ?, ?, 'seeded: cannot sign in', ?, ?)"));
    for (int i = 0; i < options.extraNavigators; ++i) {
        const QString id = store::toQString(newRecordId(options.now));
        user.bindValue(0, id);
        user.bindValue(1, QStringLiteral("seed_nav_%1").arg(i));
        user.bindValue(2, QStringLiteral("Navigator %1").arg(QChar(u'A' + i % 26)));
        user.bindValue(3, stamp);
        user.bindValue(4, stamp);
        if (!user.exec()) {
            summary.error = failed(user, "insert navigator");
            return summary;
        }
        navigators.append(id);
    }

    QSqlQuery call(db.connection());
    call.prepare(QStringLiteral("INSERT INTO calls (id, cad_number, received_at, call_type, program, status, "
                                "risk_level, person_name, "
                                "created_at, updated_at) VALUES (?, ?, ?, ?, ?, 'closed', ?, ?, ?, ?)"));
    QSqlQuery task(db.connection());
    task.prepare(QStringLiteral(
        "INSERT INTO followup_tasks (id, source_key, kind, program, call_id, risk, risk_rank, "
        "preferred_contact, "
        "contact_at, due_at, assigned_to, assigned_at, state, attempts, max_attempts, outcome, closed_at, "
        "created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 3, ?, ?, ?, ?)"));

    for (int i = 0; i < options.tasks; ++i) {
        const int programRoll = below(100);
        const QString program = programRoll < 45   ? QStringLiteral("crt")
                                : programRoll < 85 ? QStringLiteral("ccd")
                                                   : QStringLiteral("cor");
        const bool checkIn = program == QLatin1String("ccd") && below(4) != 0;
        const int riskRoll = below(100);
        const int rank = riskRoll < 45 ? 0 : riskRoll < 70 ? 1 : riskRoll < 90 ? 2 : 3;
        static const char* const kRisks[] = {"none", "low", "moderate", "high"};
        const QVariant risk = rank == 0 && below(2) == 0 ? nullText() : QVariant(QLatin1String(kRisks[rank]));
        const bool open = below(100) < options.openPercent;
        // Open: contact in the last 72 hours (due 48 hours later: a day ago to two days
        // ahead); closed: any time in the three years before.
        const auto contactAt = open ? options.now - std::chrono::minutes(below(72 * 60))
                                    : options.now - 72h - std::chrono::minutes(below(3 * 365 * 24 * 60));
        const auto dueAt = contactAt + 48h;
        QVariant assignee = nullText();
        if (!navigators.isEmpty() && (!open || below(3) != 0))
            assignee = navigators.at(below(int(navigators.size())));
        const QString outcome = open ? QString() : QLatin1String(kOutcomes[below(int(kOutcomes.size()))]);

        const QString callId = store::toQString(newRecordId(contactAt - 30min));
        const QVariant person =
            below(20) == 0 ? nullText()
                           : QVariant(QLatin1String(kGiven[below(int(kGiven.size()))]) + QLatin1Char(' ') +
                                      QLatin1String(kFamily[below(int(kFamily.size()))]));
        call.bindValue(0, callId);
        call.bindValue(1, QStringLiteral("SEED-%1").arg(i, 7, 10, QLatin1Char('0')));
        call.bindValue(2, store::toStoredTime(contactAt - 30min));
        call.bindValue(3, QLatin1String(kCallTypes[below(int(kCallTypes.size()))]));
        call.bindValue(4, program);
        call.bindValue(5, risk);
        call.bindValue(6, person);
        call.bindValue(7, stamp);
        call.bindValue(8, stamp);
        if (!call.exec()) {
            summary.error = failed(call, "insert call");
            return summary;
        }

        task.bindValue(0, store::toQString(newRecordId(contactAt)));
        task.bindValue(1,
                       QString((checkIn ? QStringLiteral("call:") : QStringLiteral("encounter:")) + callId));
        task.bindValue(2, checkIn ? QStringLiteral("check_in") : QStringLiteral("follow_up"));
        task.bindValue(3, program);
        task.bindValue(4, callId);
        task.bindValue(5, risk);
        task.bindValue(6, rank);
        task.bindValue(7, QLatin1String(kContacts[below(int(kContacts.size()))]));
        task.bindValue(8, store::toStoredTime(contactAt));
        task.bindValue(9, store::toStoredTime(dueAt));
        task.bindValue(10, assignee);
        task.bindValue(11, assignee.isNull() ? nullText() : QVariant(store::toStoredTime(contactAt + 1h)));
        task.bindValue(12, open ? QStringLiteral("open") : QStringLiteral("closed"));
        task.bindValue(13, outcome == QLatin1String("unable_to_reach") ? 3 : below(3));
        task.bindValue(14, open ? nullText() : QVariant(outcome));
        task.bindValue(15, open ? nullText() : QVariant(store::toStoredTime(contactAt + 20h)));
        task.bindValue(16, stamp);
        task.bindValue(17, stamp);
        if (!task.exec()) {
            summary.error = failed(task, "insert task");
            return summary;
        }
        if (open) {
            ++summary.open;
            summary.overdue += dueAt <= options.now;
            summary.dueSoon += dueAt > options.now && dueAt <= options.now + 4h;
            summary.unassigned += assignee.isNull();
            if (!assignee.isNull())
                ++summary.openByAssignee[assignee.toString()];
            ++summary.openByProgram[program];
        }
    }
    if (store::StoreError error = tx.commit())
        summary.error = error.detail;
    return summary;
}

} // namespace heart::test
