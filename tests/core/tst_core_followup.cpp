// The Care Navigation follow-up policy as tables: due instants (elapsed
// hours, so the New York wall time moves by an hour across both 2026 DST
// changes; weekends counted, or skipped when a program says so), states at
// an instant, the queue's priority, attempts to closure at the Nth
// unsuccessful one and extensions, outcomes, which contacts get a task, the
// policy's JSON with errors naming the path, and who sees which part of a task.
#include "core/Permissions.h"
#include "core/followup/FollowUpPolicy.h"
#include "core/followup/FollowUpVisibility.h"

#include <QTest>
#include <algorithm>

using namespace heart;
using namespace heart::followup;
using namespace std::chrono;
using routing::RiskLevel;

Q_DECLARE_METATYPE(heart::Role)

namespace {

TimePoint utc(int y, unsigned m, unsigned d, int hour, int minute = 0)
{
    return sys_days{year_month_day{year{y}, month{m}, day{d}}} + hours{hour} + minutes{minute};
}

qint64 epochMinutes(TimePoint t)
{
    return duration_cast<minutes>(t.time_since_epoch()).count();
}

// "2026-03-08 16:00 EDT": the New York wall time of an instant.
QString newYorkWall(TimePoint t)
{
    const roster::TimeZoneRule ny = roster::TimeZoneRule::newYork();
    const roster::LocalDateTime local = ny.toLocal(t);
    return QString::asprintf("%04d-%02u-%02u %02d:%02d %s", int(local.date.year()),
                             unsigned(local.date.month()), unsigned(local.date.day()), local.minuteOfDay / 60,
                             local.minuteOfDay % 60, ny.isDst(t) ? "EDT" : "EST");
}

FollowUpPolicy policyWith(const FollowUpConfig& config)
{
    auto made = FollowUpPolicy::make(config);
    if (!made.ok())
        qFatal("bad policy in test data: %s", made.error().toString().c_str());
    return made.value();
}

QString partsText(const std::vector<TaskPart>& parts)
{
    QStringList codes;
    for (TaskPart part : parts)
        codes.append(QString::fromUtf8(taskPartCode(part).data(), qsizetype(taskPartCode(part).size())));
    return codes.join(u' ');
}

} // namespace

class TestCoreFollowUp : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void dueTimes_data();
    void dueTimes();
    void states_data();
    void states();
    void priorityOrder();
    void attemptsToClosure_data();
    void attemptsToClosure();
    void extending();
    void outcomes();
    void followUpForEncounter();
    void checkInForCall();
    void riskOfATask();
    void codesRoundTrip();
    void configDefaultsAndRoundTrip();
    void configErrorsNameThePath_data();
    void configErrorsNameThePath();
    void visibility_data();
    void visibility();
    void visibilityAgreesWithPermissions();
};

void TestCoreFollowUp::dueTimes_data()
{
    QTest::addColumn<int>("dueHours");
    QTest::addColumn<bool>("skipWeekends");
    QTest::addColumn<QString>("zone");
    QTest::addColumn<qint64>("contact"); // UTC minutes since the epoch
    QTest::addColumn<qint64>("due");
    QTest::addColumn<QString>("dueWall"); // in New York, for the reader (and the UI's display)
    const QString ny = QStringLiteral("EST5EDT,M3.2.0,M11.1.0");
    auto row = [&](const char* name, int dueHours, bool skip, TimePoint contact, TimePoint due,
                   const char* wall, const QString& zone) {
        QTest::newRow(name) << dueHours << skip << zone << epochMinutes(contact) << epochMinutes(due)
                            << QString::fromLatin1(wall);
    };
    // 2026-03-02 is a Monday; New York springs forward Sunday 2026-03-08 02:00
    // and falls back Sunday 2026-11-01 02:00.
    row("weekday, 48 h", 48, false, utc(2026, 3, 2, 15), utc(2026, 3, 4, 15), "2026-03-04 10:00 EST", ny);
    // Friday 15:00 EST + 48 elapsed hours: Sunday 16:00 EDT (the wall clock gained an hour).
    row("across spring forward", 48, false, utc(2026, 3, 6, 20), utc(2026, 3, 8, 20), "2026-03-08 16:00 EDT",
        ny);
    // Friday 15:00 EDT + 48 elapsed hours: Sunday 14:00 EST (the wall clock lost one).
    row("across fall back", 48, false, utc(2026, 10, 30, 19), utc(2026, 11, 1, 19), "2026-11-01 14:00 EST",
        ny);
    // Weekends count by default: Friday 15:00 EDT is due Sunday 15:00 EDT.
    row("weekend counts", 48, false, utc(2026, 3, 13, 19), utc(2026, 3, 15, 19), "2026-03-15 15:00 EDT", ny);
    // Skipped: 9 h of Friday, the weekend off, 39 h from Monday 00:00 EDT: Tuesday 15:00 EDT.
    row("weekend skipped", 48, true, utc(2026, 3, 13, 19), utc(2026, 3, 17, 19), "2026-03-17 15:00 EDT", ny);
    // Skipped across spring forward: Friday 15:00 EST, 9 h to Saturday 00:00 EST,
    // 39 h from Monday 00:00 EDT (04:00 UTC): Tuesday 15:00 EDT.
    row("weekend skipped, spring forward", 48, true, utc(2026, 3, 6, 20), utc(2026, 3, 10, 19),
        "2026-03-10 15:00 EDT", ny);
    // Skipped across fall back: Friday 15:00 EDT, 9 h, then Monday 00:00 EST (05:00 UTC) + 39 h.
    row("weekend skipped, fall back", 48, true, utc(2026, 10, 30, 19), utc(2026, 11, 3, 20),
        "2026-11-03 15:00 EST", ny);
    // A contact on a Saturday starts the clock on Monday 00:00.
    row("saturday contact, skipped", 48, true, utc(2026, 3, 14, 14), utc(2026, 3, 18, 4),
        "2026-03-18 00:00 EDT", ny);
    row("saturday contact, counted", 48, false, utc(2026, 3, 14, 14), utc(2026, 3, 16, 14),
        "2026-03-16 10:00 EDT", ny);
    // No weekend in the way: skipping changes nothing.
    row("weekday, skip set", 48, true, utc(2026, 3, 2, 15), utc(2026, 3, 4, 15), "2026-03-04 10:00 EST", ny);
    // Two weekends: 160 h from Thursday 12:00 EST = 36 h to Saturday, 120 h
    // Monday to Friday, the last 4 h from the next Monday 00:00 EST.
    row("two weekends skipped", 160, true, utc(2026, 2, 5, 17), utc(2026, 2, 16, 9), "2026-02-16 04:00 EST",
        ny);
    // A zone whose DST starts on a Wednesday: skipping weekends still counts
    // elapsed hours inside a week (Tuesday 12:00 EST + 48 h = Thursday 13:00 EDT).
    row("DST mid-week, skip set", 48, true, utc(2026, 3, 10, 17), utc(2026, 3, 12, 17),
        "2026-03-12 13:00 EDT", QStringLiteral("EST5EDT,M3.2.3,M11.1.0"));
    row("24 h", 24, false, utc(2026, 11, 1, 4), utc(2026, 11, 2, 4), "2026-11-01 23:00 EST", ny);
}

void TestCoreFollowUp::dueTimes()
{
    QFETCH(int, dueHours);
    QFETCH(bool, skipWeekends);
    QFETCH(QString, zone);
    QFETCH(qint64, contact);
    QFETCH(qint64, due);
    QFETCH(QString, dueWall);
    FollowUpConfig config;
    config.timeZone = zone.toStdString();
    const FollowUpPolicy policy = policyWith(config);
    const TimePoint at = policy.dueAt({dueHours, skipWeekends}, TimePoint{minutes{contact}});
    QCOMPARE(epochMinutes(at), due);
    QCOMPARE(newYorkWall(at), dueWall);
    if (!skipWeekends)
        QCOMPARE(epochMinutes(at) - contact, qint64(dueHours) * 60); // elapsed hours, exactly
}

void TestCoreFollowUp::states_data()
{
    QTest::addColumn<int>("dueSoonHours");
    QTest::addColumn<bool>("closed");
    QTest::addColumn<qint64>("minutesBeforeDue"); // negative: after
    QTest::addColumn<QString>("state");
    QTest::newRow("a day ahead") << 4 << false << qint64(24 * 60) << "open";
    QTest::newRow("just outside the window") << 4 << false << qint64(4 * 60 + 1) << "open";
    QTest::newRow("window opens") << 4 << false << qint64(4 * 60) << "due_soon";
    QTest::newRow("a minute left") << 4 << false << qint64(1) << "due_soon";
    QTest::newRow("at the due instant") << 4 << false << qint64(0) << "overdue";
    QTest::newRow("a day late") << 4 << false << qint64(-24 * 60) << "overdue";
    QTest::newRow("closed late") << 4 << true << qint64(-24 * 60) << "closed";
    QTest::newRow("closed early") << 4 << true << qint64(24 * 60) << "closed";
    QTest::newRow("no window") << 0 << false << qint64(1) << "open";
    QTest::newRow("wide window") << 12 << false << qint64(11 * 60) << "due_soon";
}

void TestCoreFollowUp::states()
{
    QFETCH(int, dueSoonHours);
    QFETCH(bool, closed);
    QFETCH(qint64, minutesBeforeDue);
    QFETCH(QString, state);
    FollowUpConfig config;
    config.dueSoonHours = dueSoonHours;
    const TimePoint due = utc(2026, 3, 8, 20);
    const TaskState computed = policyWith(config).state(closed, due, due - minutes{minutesBeforeDue});
    QCOMPARE(QString::fromLatin1(taskStateCode(computed).data()), state);
}

void TestCoreFollowUp::priorityOrder()
{
    const TimePoint t = utc(2026, 3, 2, 12);
    struct Item
    {
        const char* name;
        PriorityKey key;
    };
    std::vector<Item> items = {
        {"none-early", {RiskLevel::None, t - hours{30}}},
        {"low-late", {RiskLevel::Low, t + hours{10}}},
        {"high-late", {RiskLevel::High, t + hours{40}}},
        {"moderate-early", {RiskLevel::Moderate, t}},
        {"unscreened-earliest", {RiskLevel::NotAssessed, t - hours{40}}},
        {"high-early", {RiskLevel::High, t - hours{1}}},
        {"moderate-late", {RiskLevel::Moderate, t + hours{1}}},
    };
    std::stable_sort(items.begin(), items.end(),
                     [](const Item& a, const Item& b) { return comesBefore(a.key, b.key); });
    QStringList order;
    for (const Item& item : items)
        order.append(QString::fromLatin1(item.name));
    QCOMPARE(order.join(u','), QStringLiteral("high-early,high-late,moderate-early,moderate-late,low-late,"
                                              "unscreened-earliest,none-early"));
    QCOMPARE(riskRank(RiskLevel::High), 3);
    QCOMPARE(riskRank(RiskLevel::Moderate), 2);
    QCOMPARE(riskRank(RiskLevel::Low), 1);
    QCOMPARE(riskRank(RiskLevel::None), 0);
    QCOMPARE(riskRank(RiskLevel::NotAssessed), 0);
}

void TestCoreFollowUp::attemptsToClosure_data()
{
    QTest::addColumn<int>("maxAttempts");
    QTest::addColumn<QString>("results");  // attempt results in order
    QTest::addColumn<QString>("expected"); // after each: unsuccessful count, "C" when it closes the task
    QTest::newRow("three no answers") << 3 << "no_answer no_answer no_answer"
                                      << "1 2 3C";
    QTest::newRow("every unsuccessful kind counts") << 3 << "left_message wrong_number no_answer"
                                                    << "1 2 3C";
    QTest::newRow("reached does not count") << 3 << "no_answer reached reached no_answer"
                                            << "1 1 1 2";
    QTest::newRow("reached on the last try") << 3 << "no_answer no_answer reached"
                                             << "1 2 2";
    QTest::newRow("one attempt allowed") << 1 << "left_message"
                                         << "1C";
    QTest::newRow("five allowed") << 5 << "no_answer no_answer no_answer no_answer no_answer"
                                  << "1 2 3 4 5C";
}

void TestCoreFollowUp::attemptsToClosure()
{
    QFETCH(int, maxAttempts);
    QFETCH(QString, results);
    QFETCH(QString, expected);
    TaskProgress task;
    task.maxAttempts = maxAttempts;
    QStringList seen;
    for (const QString& code : results.split(u' ')) {
        const auto result = attemptResultFromCode(code.toStdString());
        QVERIFY2(result, qPrintable(code));
        const auto effect = applyAttempt(task, *result);
        QVERIFY(effect.ok());
        task.unsuccessfulAttempts = effect.value().unsuccessfulAttempts;
        task.closed = effect.value().closesTask;
        if (task.closed)
            task.outcome = Outcome::UnableToReach;
        seen.append(QString::number(task.unsuccessfulAttempts) +
                    (task.closed ? QStringLiteral("C") : QString()));
    }
    QCOMPARE(seen.join(u' '), expected);
    if (task.closed) { // nothing more on a closed task
        const auto after = applyAttempt(task, AttemptResult::Reached);
        QVERIFY(!after.ok());
        QCOMPARE(after.error().code, std::string("task-closed"));
        QCOMPARE(after.error().field, std::string("state"));
    }
}

void TestCoreFollowUp::extending()
{
    // Extended before the third attempt: the third no longer closes, the fifth does.
    TaskProgress task{false, std::nullopt, 2, 3};
    auto extended = extendAttempts(task, 2);
    QVERIFY(extended.ok());
    QCOMPARE(extended.value().maxAttempts, 5);
    QVERIFY(!extended.value().reopens);
    task.maxAttempts = 5;
    QVERIFY(!applyAttempt(task, AttemptResult::NoAnswer).value().closesTask);
    task.unsuccessfulAttempts = 4;
    QVERIFY(applyAttempt(task, AttemptResult::NoAnswer).value().closesTask);

    // Closed as unable to reach by the third attempt: extending reopens it with exactly the extra attempts.
    const TaskProgress unreachable{true, Outcome::UnableToReach, 3, 3};
    auto reopened = extendAttempts(unreachable, 1);
    QVERIFY(reopened.ok());
    QCOMPARE(reopened.value().maxAttempts, 4);
    QVERIFY(reopened.value().reopens);

    // Any other outcome is final.
    for (Outcome outcome : {Outcome::Connected, Outcome::Declined, Outcome::AlreadyConnected}) {
        auto refused = extendAttempts({true, outcome, 1, 3}, 1);
        QVERIFY(!refused.ok());
        QCOMPARE(refused.error().code, std::string("task-closed"));
    }
    for (int bad : {0, -1, kMaxAttemptsLimit + 1}) {
        auto refused = extendAttempts(task, bad);
        QVERIFY(!refused.ok());
        QCOMPARE(refused.error().code, std::string("invalid-extension"));
        QCOMPARE(refused.error().field, std::string("extraAttempts"));
    }
    // No endless task.
    QVERIFY(!extendAttempts({false, std::nullopt, 0, 2 * kMaxAttemptsLimit - 1}, 2).ok());
    QVERIFY(extendAttempts({false, std::nullopt, 0, 2 * kMaxAttemptsLimit - 2}, 2).ok());
}

void TestCoreFollowUp::outcomes()
{
    const TaskProgress open{false, std::nullopt, 1, 3};
    const auto missing = checkOutcome(open, Outcome::Connected, "", " \t");
    QVERIFY(missing);
    QCOMPARE(missing->code, std::string("required"));
    QCOMPARE(missing->field, std::string("service"));
    QVERIFY(!checkOutcome(open, Outcome::Connected, "0190c3d2-res", ""));
    QVERIFY(!checkOutcome(open, Outcome::Connected, "", "Bull City peer center"));
    for (Outcome outcome : {Outcome::Declined, Outcome::AlreadyConnected, Outcome::UnableToReach})
        QVERIFY(!checkOutcome(open, outcome, "", ""));
    const auto closed = checkOutcome({true, Outcome::Declined, 0, 3}, Outcome::Connected, "x", "");
    QVERIFY(closed);
    QCOMPARE(closed->code, std::string("task-closed"));
}

void TestCoreFollowUp::followUpForEncounter()
{
    FollowUpConfig config;
    config.cor.dueHours = 24;
    config.maxUnsuccessfulAttempts = 4;
    const FollowUpPolicy policy = policyWith(config);
    EncounterContact contact;
    contact.program = routing::Program::CommunityResponse;
    contact.isSigned = true;
    contact.consentToFollowUp = true;
    contact.preferredContact = encounter::ContactPreference::Text;
    contact.contactPhone = "+19195550142";
    contact.risk = RiskLevel::Moderate;
    contact.contactAt = utc(2026, 3, 2, 15);

    const auto task = policy.followUpForEncounter(contact);
    QVERIFY(task);
    QCOMPARE(task->kind, TaskKind::FollowUp);
    QCOMPARE(task->program, routing::Program::CommunityResponse);
    QCOMPARE(epochMinutes(task->dueAt), epochMinutes(utc(2026, 3, 4, 15)));
    QCOMPARE(task->maxAttempts, 4);
    QCOMPARE(task->risk, RiskLevel::Moderate);
    QCOMPARE(task->preferredContact, encounter::ContactPreference::Text);
    QCOMPARE(task->contactPhone, std::string("+19195550142"));

    EncounterContact coResponse = contact;
    coResponse.program = routing::Program::CoResponse;
    QCOMPARE(epochMinutes(policy.followUpForEncounter(coResponse)->dueAt), epochMinutes(utc(2026, 3, 3, 15)));

    for (std::optional<bool> consent : {std::optional<bool>(false), std::optional<bool>()}) {
        EncounterContact no = contact;
        no.consentToFollowUp = consent;
        QVERIFY(!policy.followUpForEncounter(no));
    }
    EncounterContact unsigned_ = contact;
    unsigned_.isSigned = false;
    QVERIFY(!policy.followUpForEncounter(unsigned_));
    EncounterContact police = contact;
    police.program = routing::Program::PoliceEms;
    QVERIFY(!policy.followUpForEncounter(police));
}

void TestCoreFollowUp::checkInForCall()
{
    FollowUpConfig config;
    config.checkIn.dueHours = 72;
    const FollowUpPolicy policy = policyWith(config);
    ClosedCall call;
    call.isClosed = true;
    call.disposition = routing::Disposition::Diverted;
    call.risk = RiskLevel::Low;
    call.contactPhone = "+19195550123";
    call.contactAt = utc(2026, 3, 2, 15);
    const auto task = policy.checkInForCall(call);
    QVERIFY(task);
    QCOMPARE(task->kind, TaskKind::CheckIn);
    QCOMPARE(task->program, routing::Program::CrisisCallDiversion);
    QCOMPARE(epochMinutes(task->dueAt), epochMinutes(utc(2026, 3, 5, 15)));
    QCOMPARE(task->preferredContact, encounter::ContactPreference::Phone);
    QCOMPARE(task->maxAttempts, 3);

    ClosedCall noNumber = call;
    noNumber.contactPhone = "  ";
    QCOMPARE(policy.checkInForCall(noNumber)->preferredContact, encounter::ContactPreference::None);
    QCOMPARE(policy.checkInForCall(noNumber)->contactPhone, std::string());

    for (routing::Disposition other : routing::kAllDispositions) {
        if (other == routing::Disposition::Diverted)
            continue;
        ClosedCall notDiverted = call;
        notDiverted.disposition = other;
        QVERIFY2(!policy.checkInForCall(notDiverted), routing::dispositionCode(other).data());
    }
    ClosedCall stillOpen = call;
    stillOpen.isClosed = false;
    QVERIFY(!policy.checkInForCall(stillOpen));
}

void TestCoreFollowUp::riskOfATask()
{
    triage::CssrsAnswers high;
    high[triage::CssrsQuestion::WishedDead] = triage::Answer::Yes;
    high[triage::CssrsQuestion::Thoughts] = triage::Answer::Yes;
    high[triage::CssrsQuestion::Intent] = triage::Answer::Yes;
    QCOMPARE(taskRisk(high, RiskLevel::Low), RiskLevel::High); // screened in person: that
    triage::CssrsAnswers none;
    for (auto q : {triage::CssrsQuestion::WishedDead, triage::CssrsQuestion::Thoughts,
                   triage::CssrsQuestion::Behavior})
        none[q] = triage::Answer::No;
    QCOMPARE(taskRisk(none, RiskLevel::Moderate), RiskLevel::None); // a screen that found none wins too
    QCOMPARE(taskRisk(triage::CssrsAnswers{}, RiskLevel::Moderate), RiskLevel::Moderate); // nothing answered
    QCOMPARE(taskRisk(std::nullopt, RiskLevel::Low), RiskLevel::Low);
}

void TestCoreFollowUp::codesRoundTrip()
{
    QStringList codes;
    const auto add = [&codes](std::string_view code) {
        codes << QString::fromLatin1(code.data(), qsizetype(code.size()));
    };
    for (TaskKind v : kAllTaskKinds) {
        add(taskKindCode(v));
        QVERIFY(taskKindFromCode(taskKindCode(v)) == v);
    }
    for (TaskState v : kAllTaskStates) {
        add(taskStateCode(v));
        QVERIFY(taskStateFromCode(taskStateCode(v)) == v);
    }
    for (AttemptChannel v : kAllAttemptChannels) {
        add(attemptChannelCode(v));
        QVERIFY(attemptChannelFromCode(attemptChannelCode(v)) == v);
    }
    for (AttemptResult v : kAllAttemptResults) {
        add(attemptResultCode(v));
        QVERIFY(attemptResultFromCode(attemptResultCode(v)) == v);
    }
    for (Outcome v : kAllOutcomes) {
        add(outcomeCode(v));
        QVERIFY(outcomeFromCode(outcomeCode(v)) == v);
    }
    for (TaskPart v : kAllTaskParts) {
        add(taskPartCode(v));
        QVERIFY(taskPartFromCode(taskPartCode(v)) == v);
    }
    QCOMPARE(codes.join(u' '),
             QStringLiteral(
                 "follow_up check_in open due_soon overdue closed phone text in_person reached no_answer "
                 "left_message wrong_number connected declined already_connected unable_to_reach task "
                 "contact call call_clinical encounter_outline encounter_clinical safety_plan"));
    QVERIFY(!outcomeFromCode("Connected"));
    QVERIFY(!attemptResultFromCode(""));
}

void TestCoreFollowUp::configDefaultsAndRoundTrip()
{
    const FollowUpConfig defaults;
    QCOMPARE(defaults.crt.dueHours, 48);
    QCOMPARE(defaults.cor.dueHours, 48);
    QCOMPARE(defaults.ccd.dueHours, 48);
    QCOMPARE(defaults.checkIn.dueHours, 48);
    QVERIFY(!defaults.crt.skipWeekends && !defaults.checkIn.skipWeekends);
    QCOMPARE(defaults.dueSoonHours, 4);
    QCOMPARE(defaults.maxUnsuccessfulAttempts, 3);
    QCOMPARE(FollowUpPolicy().config(), defaults);

    auto empty = parseFollowUpConfig("{}", "<memory>");
    QVERIFY(empty.ok());
    QVERIFY(empty.value() == defaults);

    // The 2022 pilot: Monday to Friday, a day for Co-Response, five attempts.
    FollowUpConfig pilot;
    pilot.crt.skipWeekends = true;
    pilot.cor = {24, true};
    pilot.checkIn = {72, true};
    pilot.dueSoonHours = 8;
    pilot.maxUnsuccessfulAttempts = 5;
    pilot.timeZone = "CST6CDT,M3.2.0,M11.1.0";
    const std::string json = toJson(pilot);
    auto back = parseFollowUpConfig(json, "<memory>");
    QVERIFY2(back.ok(), back.ok() ? "" : back.error().toString().c_str());
    QVERIFY(back.value() == pilot);
    QVERIFY(
        QString::fromStdString(json).contains(QLatin1String("\"format\": \"heartdesk-follow-up-policy/1\"")));

    // Members left out keep their defaults.
    auto partial = parseFollowUpConfig(
        R"({"followUp": {"cor": {"dueHours": 24}}, "maxUnsuccessfulAttempts": 4})", "<memory>");
    QVERIFY(partial.ok());
    QCOMPARE(partial.value().cor.dueHours, 24);
    QCOMPARE(partial.value().crt.dueHours, 48);
    QCOMPARE(partial.value().maxUnsuccessfulAttempts, 4);
}

void TestCoreFollowUp::configErrorsNameThePath_data()
{
    QTest::addColumn<QString>("json");
    QTest::addColumn<QString>("location");
    QTest::addColumn<QString>("code");
    QTest::newRow("zero hours") << R"({"followUp": {"crt": {"dueHours": 0}}})"
                                << "followUp.crt.dueHours"
                                << "out-of-range";
    QTest::newRow("hours as text") << R"({"followUp": {"cor": {"dueHours": "48"}}})"
                                   << "followUp.cor.dueHours"
                                   << "wrong-type";
    QTest::newRow("fractional hours") << R"({"checkIn": {"dueHours": 47.5}})"
                                      << "checkIn.dueHours"
                                      << "wrong-type";
    QTest::newRow("two weeks and more") << R"({"checkIn": {"dueHours": 337}})"
                                        << "checkIn.dueHours"
                                        << "out-of-range";
    QTest::newRow("unknown program") << R"({"followUp": {"crx": {}}})"
                                     << "followUp.crx"
                                     << "unknown-member";
    QTest::newRow("misspelt option") << R"({"checkIn": {"skipWeekend": true}})"
                                     << "checkIn.skipWeekend"
                                     << "unknown-member";
    QTest::newRow("skip as text") << R"({"followUp": {"ccd": {"skipWeekends": "yes"}}})"
                                  << "followUp.ccd.skipWeekends"
                                  << "wrong-type";
    QTest::newRow("negative window") << R"({"dueSoonHours": -1})"
                                     << "dueSoonHours"
                                     << "out-of-range";
    QTest::newRow("no attempts") << R"({"maxUnsuccessfulAttempts": 0})"
                                 << "maxUnsuccessfulAttempts"
                                 << "out-of-range";
    QTest::newRow("bad zone") << R"({"timeZone": "Eastern"})"
                              << "timeZone"
                              << "invalid-time-zone";
    QTest::newRow("other format") << R"({"format": "heartdesk-rules/1"})"
                                  << "format"
                                  << "unknown-format";
    QTest::newRow("not an object") << "[48]"
                                   << "(top level)"
                                   << "wrong-type";
    QTest::newRow("rule not an object") << R"({"checkIn": 48})"
                                        << "checkIn"
                                        << "wrong-type";
    QTest::newRow("syntax") << R"({"dueSoonHours": 4,)"
                            << "byte 20"
                            << "json-syntax";
}

void TestCoreFollowUp::configErrorsNameThePath()
{
    QFETCH(QString, json);
    QFETCH(QString, location);
    QFETCH(QString, code);
    auto parsed = parseFollowUpConfig(json.toStdString(), "setting follow_up_policy");
    QVERIFY(!parsed.ok());
    QCOMPARE(QString::fromStdString(parsed.error().location), location);
    QCOMPARE(QString::fromStdString(parsed.error().code), code);
    QCOMPARE(parsed.error().file, std::string("setting follow_up_policy"));
    QVERIFY(QString::fromStdString(parsed.error().toString())
                .startsWith(QStringLiteral("setting follow_up_policy: ") + location));
}

void TestCoreFollowUp::visibility_data()
{
    QTest::addColumn<Role>("role");
    QTest::addColumn<QString>("followUpParts");
    QTest::addColumn<QString>("checkInParts");
    QTest::addColumn<bool>("works");
    const QString all =
        QStringLiteral("task contact call call_clinical encounter_outline encounter_clinical safety_plan");
    QTest::newRow("care navigator") << Role::CareNavigator << all << all << true;
    QTest::newRow("supervisor") << Role::Supervisor << all << all << false;
    QTest::newRow("peer support") << Role::PeerSupport << "task contact call encounter_outline"
                                  << "task contact call" << true;
    QTest::newRow("call counselor") << Role::CallCounselor << ""
                                    << "task contact call call_clinical" << true;
    QTest::newRow("team lead") << Role::CrtTeamLead << ""
                               << "" << false;
    QTest::newRow("emt") << Role::Emt << ""
                         << "" << false;
    QTest::newRow("co-response") << Role::CoResponseClinician << ""
                                 << "" << false;
    QTest::newRow("administrator") << Role::Administrator << ""
                                   << "" << false;
}

void TestCoreFollowUp::visibility()
{
    QFETCH(Role, role);
    QFETCH(QString, followUpParts);
    QFETCH(QString, checkInParts);
    QFETCH(bool, works);
    QCOMPARE(partsText(visibleParts(role, TaskKind::FollowUp)), followUpParts);
    QCOMPARE(partsText(visibleParts(role, TaskKind::CheckIn)), checkInParts);
    QCOMPARE(mayOpen(role, TaskKind::CheckIn), !checkInParts.isEmpty());
    QCOMPARE(mayOpen(role, TaskKind::FollowUp), !followUpParts.isEmpty());
    QCOMPARE(mayWork(role, TaskKind::CheckIn), works);
    QCOMPARE(mayWork(role, TaskKind::FollowUp), works && !followUpParts.isEmpty());
    // Clinical parts never reach a peer.
    if (role == Role::PeerSupport) {
        for (TaskPart part : {TaskPart::CallClinical, TaskPart::EncounterClinical, TaskPart::SafetyPlan}) {
            QVERIFY(!sees(role, TaskKind::FollowUp, part));
            QVERIFY(!sees(role, TaskKind::CheckIn, part));
        }
    }
}

void TestCoreFollowUp::visibilityAgreesWithPermissions()
{
    for (Role role : kAllRoles) {
        for (TaskKind kind : kAllTaskKinds) {
            if (mayOpen(role, kind))
                QVERIFY(permits(role, Action::ViewFollowUps));
            if (mayWork(role, kind))
                QVERIFY(permits(role, Action::WorkFollowUps));
            // A part without the task makes no sense.
            QCOMPARE(visibleParts(role, kind).empty(), !sees(role, kind, TaskPart::Task));
        }
        // Every role that may view some task sees check-ins or follow-ups.
        QCOMPARE(permits(role, Action::ViewFollowUps),
                 mayOpen(role, TaskKind::CheckIn) || mayOpen(role, TaskKind::FollowUp));
    }
}

QTEST_GUILESS_MAIN(TestCoreFollowUp)
#include "tst_core_followup.moc"
