#include "common/ReportFixture.h"

namespace heart::test::reportfixture {

using namespace std::chrono;
using report::CallRow;
using report::FollowUpRow;
using routing::Disposition;
using routing::Program;

const char* const kRules = R"({"format": "heartdesk-rules/1", "id": "test-2026", "name": "Test rules",
  "effectiveFrom": "2026-01-01", "timeZone": "EST5EDT,M3.2.0,M11.1.0",
  "callTypes": [{"code": "welfare-check", "name": "Welfare Check"},
                {"code": "mental-health-crisis", "name": "Mental Health Crisis"},
                {"code": "assault", "name": "Assault"}],
  "programs": {
    "ccd": {"callTypes": ["welfare-check", "mental-health-crisis"], "serviceArea": "anywhere", "hours": "always"},
    "crt": {"callTypes": ["welfare-check", "mental-health-crisis"], "excludeWhen": ["weapon"],
            "serviceArea": {"beats": ["311", "312"]},
            "hours": {"mon": ["09:00-21:00"], "tue": ["09:00-21:00"], "wed": ["09:00-21:00"], "thu": ["09:00-21:00"],
                      "fri": ["09:00-21:00"], "sat": ["09:00-21:00"], "sun": ["09:00-21:00"]}},
    "cor": {"callTypes": ["mental-health-crisis"], "onlyWhen": ["weapon"], "serviceArea": "anywhere", "hours": "always"}
  }})";

const roster::TimeZoneRule& zone()
{
    static const roster::TimeZoneRule newYork = roster::TimeZoneRule::newYork();
    return newYork;
}

// A program-local wall time (EDT in October 2026: UTC-4).
TimePoint local(int m, int d, int hour, int minute)
{
    return zone().toUtc(
        {year_month_day{year{2026}, month{unsigned(m)}, day{unsigned(d)}}, hour * 60 + minute});
}

CallRow call(std::string id, TimePoint at, std::string type, std::string beat, Disposition disposition)
{
    CallRow row;
    row.id = std::move(id);
    row.received = at;
    row.callType = std::move(type);
    row.beat = std::move(beat);
    row.disposition = disposition;
    row.program = routing::handlingProgram(disposition);
    row.recommended = {Program::CrisisCallDiversion, Program::CommunityResponse};
    return row;
}

namespace {

void unit(CallRow& row, int dispatchMinute, int arriveAfterSeconds, int onSceneSeconds)
{
    row.dispatched = row.received + minutes{dispatchMinute};
    row.arrived = *row.dispatched + seconds{arriveAfterSeconds};
    row.cleared = *row.arrived + seconds{onSceneSeconds};
}

FollowUpRow task(followup::TaskKind kind, TimePoint contact, hours closedAfter, followup::Outcome outcome)
{
    return {kind, contact, contact + hours{48}, contact + closedAfter, outcome};
}

} // namespace

std::vector<CallRow> calls()
{
    using E = encounter::EncounterDisposition;
    std::vector<CallRow> rows;
    // c1 Mon 5 Oct 10:00, welfare check in 311: CRT. 720 s to arrive, 2400 s on scene.
    CallRow c1 = call("c1", local(10, 5, 10), "welfare-check", "311", Disposition::CrtDispatch);
    unit(c1, 5, 720, 2400);
    c1.encounterDisposition = E::ResolvedOnScene;
    c1.feltSafe = true;
    c1.referralKinds = {"clinic"};
    c1.followUps = {
        task(followup::TaskKind::FollowUp, local(10, 5, 11), hours{20}, followup::Outcome::Connected)};
    c1.personKey = "p1";
    rows.push_back(c1);
    // c2 Mon 5 Oct 14:00, mental health crisis in 312: CRT. 1200 s, 3600 s.
    CallRow c2 = call("c2", local(10, 5, 14), "Mental Health Crisis", "312", Disposition::CrtDispatch);
    c2.callType = "mental-health-crisis";
    unit(c2, 2, 1200, 3600);
    c2.encounterDisposition = E::Referred;
    c2.feltSafe = true;
    c2.referralKinds = {"shelter"};
    c2.followUps = {
        task(followup::TaskKind::FollowUp, local(10, 5, 15), hours{60}, followup::Outcome::Connected)};
    c2.personKey = "p1";
    rows.push_back(c2);
    // c3 Tue 6 Oct 22:30 in 311: after CRT's hours; resolved by phone.
    CallRow c3 = call("c3", local(10, 6, 22, 30), "welfare-check", "311", Disposition::Diverted);
    c3.followUps = {
        task(followup::TaskKind::CheckIn, local(10, 6, 22, 45), hours{30}, followup::Outcome::UnableToReach)};
    c3.personKey = "p1";
    rows.push_back(c3);
    // c4 Wed 7 Oct 12:00 in 999: outside CRT's beats; 988.
    CallRow c4 = call("c4", local(10, 7, 12), "welfare-check", "999", Disposition::Transferred988);
    c4.personKey = "p1";
    rows.push_back(c4);
    // c5 Thu 8 Oct 12:00, crisis with a weapon in 311: Co-Response. 1800 s, 1800 s; police requested; unsafe.
    CallRow c5 = call("c5", local(10, 8, 12), "mental-health-crisis", "311", Disposition::CorDispatch);
    c5.flags.set(routing::CallFlag::Weapon);
    c5.recommended = {Program::CoResponse};
    unit(c5, 5, 1800, 1800);
    c5.encounterDisposition = E::PoliceRequested;
    c5.feltSafe = false;
    c5.personKey = "p1"; // p1's fifth call
    rows.push_back(c5);
    // c6 Fri 9 Oct 11:00 in 312: CRT recommended, both busy: police with a reason.
    CallRow c6 = call("c6", local(10, 9, 11), "welfare-check", "312", Disposition::PoliceEms);
    c6.overrideReason = true;
    c6.personKey = "p2";
    rows.push_back(c6);
    // c7 Sat 10 Oct 15:00 in 312: the caller declined.
    CallRow c7 = call("c7", local(10, 10, 15), "welfare-check", "312", Disposition::Declined);
    c7.personKey = "p2";
    rows.push_back(c7);
    // c8 Mon 12 Oct 09:30, assault in 311: no program's call; police.
    CallRow c8 = call("c8", local(10, 12, 9, 30), "assault", "311", Disposition::PoliceEms);
    c8.recommended = {Program::PoliceEms};
    c8.personKey = "p2";
    rows.push_back(c8);
    // c9 Tue 13 Oct 10:00 in 311: CRT. 600 s, 1200 s; transported.
    CallRow c9 = call("c9", local(10, 13, 10), "welfare-check", "311", Disposition::CrtDispatch);
    unit(c9, 0, 600, 1200);
    c9.encounterDisposition = E::Transported;
    c9.feltSafe = true;
    c9.personKey = "p2";
    rows.push_back(c9);
    // c10 Wed 14 Oct 16:00, crisis with no location: resolved by phone.
    rows.push_back(call("c10", local(10, 14, 16), "mental-health-crisis", "", Disposition::Diverted));
    // c11 Wed 30 Sep 23:30 EDT (01 Oct 03:30 UTC): September's, CRT after hours.
    CallRow c11 = call("c11", local(9, 30, 23, 30), "welfare-check", "311", Disposition::CrtDispatch);
    unit(c11, 1, 900, 900);
    rows.push_back(c11);
    // c12 Sat 31 Oct 23:30 EDT (01 Nov 03:30 UTC): October's; assault, police.
    CallRow c12 = call("c12", local(10, 31, 23, 30), "assault", "311", Disposition::PoliceEms);
    c12.recommended = {Program::PoliceEms};
    rows.push_back(c12);
    // c13 Sun 1 Nov 00:30 EDT: November's.
    rows.push_back(call("c13", local(11, 1, 0, 30), "welfare-check", "311", Disposition::Diverted));
    return rows;
}

} // namespace heart::test::reportfixture
