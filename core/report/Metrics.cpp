#include "core/report/Metrics.h"

#include "core/directory/Resource.h"

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <unordered_map>

namespace heart::report {

using routing::Disposition;
using routing::Program;
using namespace std::chrono;

std::string_view missReasonCode(MissReason reason)
{
    static constexpr std::array<std::string_view, kAllMissReasons.size()> kCodes = {
        "no_unit_available", "outside_hours", "outside_service_area", "location_unknown",
        "police_ems_took",   "declined",      "other_program",        "not_decided",
    };
    return kCodes.at(std::size_t(reason));
}

// ---- CountTable ---------------------------------------------------------------

int CountTable::rowIndex(std::string_view row) const
{
    const auto it = std::find(rows.begin(), rows.end(), row);
    return it == rows.end() ? -1 : int(it - rows.begin());
}

int CountTable::columnIndex(std::string_view column) const
{
    const auto it = std::find(columns.begin(), columns.end(), column);
    return it == columns.end() ? -1 : int(it - columns.begin());
}

long long CountTable::at(std::string_view row, std::string_view column) const
{
    const int r = rowIndex(row), c = columnIndex(column);
    return r < 0 || c < 0 ? 0 : cells[std::size_t(r)][std::size_t(c)];
}

long long CountTable::rowTotal(std::size_t row) const
{
    long long sum = 0;
    for (long long value : cells.at(row))
        sum += value;
    return sum;
}

long long CountTable::columnTotal(std::size_t column) const
{
    long long sum = 0;
    for (const auto& row : cells)
        sum += row.at(column);
    return sum;
}

long long CountTable::total() const
{
    long long sum = 0;
    for (std::size_t r = 0; r < cells.size(); ++r)
        sum += rowTotal(r);
    return sum;
}

std::optional<double> percentile(std::vector<double> values, double p)
{
    if (values.empty())
        return std::nullopt;
    std::sort(values.begin(), values.end());
    const double h = double(values.size() - 1) * std::clamp(p, 0.0, 1.0);
    const auto lower = std::size_t(std::floor(h));
    const std::size_t upper = std::min(lower + 1, values.size() - 1);
    return values[lower] + (h - double(lower)) * (values[upper] - values[lower]);
}

namespace {

enum Table : std::uint8_t
{
    ByProgram,
    ByCallType,
    ByBeat,
    ByHourOfWeek,
    ByMonth,
    EligibilityTable,
    MissedByReason,
    MissedByBeat,
    Diversions,
    ResponseTimes,
    FeltSafe,
    Dispositions,
    EncounterOutcomes,
    Referrals,
    FollowUps,
    FollowUpOutcomes,
    RepeatPeople,
    kTableCount
};

constexpr std::array<std::string_view, kTableCount> kTableIds = {
    "calls_by_program",       "calls_by_call_type", "calls_by_beat",    "calls_by_hour_of_week",
    "calls_by_month",         "eligibility",        "missed_by_reason", "missed_by_beat",
    "ccd_diversions",         "response_times",     "felt_safe",        "dispositions",
    "encounter_dispositions", "referrals_by_kind",  "follow_ups",       "follow_up_outcomes",
    "repeat_people",
};

constexpr std::string_view kUnknown = "unknown";

std::string_view programKey(Program program)
{
    return routing::programCode(program);
}

std::string monthKey(year_month_day date)
{
    char text[16];
    std::snprintf(text, sizeof text, "%04d-%02u", int(date.year()), unsigned(date.month()));
    return text;
}

std::string hourKey(int hour)
{
    return {char('0' + hour / 10), char('0' + hour % 10)};
}

// Whether the program answered the call (docs/metrics.md, "Answered").
bool answeredBy(const CallRow& row, Program program)
{
    if (row.disposition) {
        switch (program) {
        case Program::CrisisCallDiversion:
            return *row.disposition == Disposition::Diverted ||
                   *row.disposition == Disposition::Transferred988;
        case Program::CommunityResponse:
            return *row.disposition == Disposition::CrtDispatch;
        case Program::CoResponse:
            return *row.disposition == Disposition::CorDispatch;
        default:
            return false;
        }
    }
    return program != Program::CrisisCallDiversion && row.program == program;
}

MissReason missReason(const CallRow& row, Program program, const ProgramJudgement& judgement)
{
    using routing::ReasonCode;
    const auto has = [&](ReasonCode code) {
        return std::find(judgement.reasons.begin(), judgement.reasons.end(), code) != judgement.reasons.end();
    };
    if (has(ReasonCode::LocationUnknown))
        return MissReason::LocationUnknown;
    if (has(ReasonCode::OutsideServiceArea) || has(ReasonCode::OutsideEveryBeat))
        return MissReason::OutsideServiceArea;
    if (has(ReasonCode::OutsideHours) || has(ReasonCode::Holiday))
        return MissReason::OutsideHours;
    if (!row.disposition)
        return MissReason::NotYetDecided;
    if (*row.disposition == Disposition::Declined)
        return MissReason::Declined;
    const bool inPerson = program == Program::CommunityResponse || program == Program::CoResponse;
    const bool recommended =
        std::find(row.recommended.begin(), row.recommended.end(), program) != row.recommended.end();
    if (inPerson && recommended && row.overrideReason)
        return MissReason::NoUnitAvailable;
    if (*row.disposition == Disposition::PoliceEms)
        return MissReason::PoliceEmsTook;
    return MissReason::OtherProgram;
}

// The in-person program of a call: 0 crt, 1 cor, -1 none.
int unitProgramIndex(const CallRow& row)
{
    if (row.disposition == Disposition::CrtDispatch ||
        (!row.disposition && row.program == Program::CommunityResponse))
        return 0;
    if (row.disposition == Disposition::CorDispatch ||
        (!row.disposition && row.program == Program::CoResponse))
        return 1;
    return -1;
}

constexpr std::array<std::string_view, 2> kUnitPrograms = {"crt", "cor"};

bool reached(followup::Outcome outcome)
{
    return outcome != followup::Outcome::UnableToReach;
}

// What every metric sees of the period's calls: the counting and the
// drill-down are two visitors of this one walk.
class Visitor
{
public:
    virtual ~Visitor() = default;
    // `n` calls (a row the store grouped stands for several).
    virtual void count(Table table, std::string_view row, std::string_view column, const CallRow& call,
                       long long n) = 0;
    virtual void duration(int /*unitProgram*/, bool /*onScene*/, double /*seconds*/) {}
};

bool inFilter(const CallRow& row, const ReportOptions& options)
{
    return !options.program || row.program == options.program;
}

// What a call counts in the tables of calls and eligibility (row.count calls).
void walkCall(const CallRow& row, const ReportOptions& options, Visitor& visitor)
{
    const long long n = row.count;
    const std::string_view beat = row.beat.empty() ? kUnknown : std::string_view(row.beat);
    // Eligibility: every call of the period, whoever handled it.
    if (row.judged) {
        for (Program program : kAnsweringPrograms) {
            if (options.program && options.program != program)
                continue;
            const ProgramJudgement& judgement = row.judgement(program);
            if (judgement.eligibility != Eligibility::Eligible)
                continue;
            if (answeredBy(row, program)) {
                visitor.count(EligibilityTable, programKey(program), "answered", row, n);
            } else {
                visitor.count(EligibilityTable, programKey(program), "missed", row, n);
                visitor.count(MissedByReason, programKey(program),
                              missReasonCode(missReason(row, program, judgement)), row, n);
                visitor.count(MissedByBeat, beat, programKey(program), row, n);
            }
        }
    }
    if (!inFilter(row, options))
        return;
    visitor.count(ByProgram, row.program ? programKey(*row.program) : std::string_view("none"), "calls", row,
                  n);
    visitor.count(ByCallType, row.callType.empty() ? kUnknown : std::string_view(row.callType), "calls", row,
                  n);
    visitor.count(ByBeat, beat, "calls", row, n);
    if (row.disposition == Disposition::Diverted || row.disposition == Disposition::Transferred988)
        visitor.count(Diversions, routing::dispositionCode(*row.disposition), "calls", row, n);
    visitor.count(Dispositions, row.disposition ? routing::dispositionCode(*row.disposition) : "none",
                  "calls", row, n);
}

// The hour of the week and month of `n` calls received at `received`.
void walkTime(TimePoint received, const CallRow& row, long long n, const roster::TimeZoneRule& zone,
              Visitor& visitor)
{
    const roster::LocalDateTime local = zone.toLocal(received);
    const int isoWeekday = int(weekday{sys_days{local.date}}.iso_encoding()) - 1;
    visitor.count(ByHourOfWeek, routing::weekdayCode(isoWeekday), hourKey(local.minuteOfDay / 60), row, n);
    visitor.count(ByMonth, monthKey(local.date), "calls", row, n);
}

// What the unit times, the encounter note and the follow-up tasks of one call count.
void walkDetails(const CallRow& row, Visitor& visitor)
{
    const int unit = unitProgramIndex(row);
    if (unit >= 0) {
        const std::string_view program = kUnitPrograms[std::size_t(unit)];
        if (row.dispatched && row.arrived && *row.arrived >= *row.dispatched) {
            visitor.count(ResponseTimes, program, "dispatch_to_arrival", row, 1);
            visitor.duration(unit, false,
                             double(duration_cast<seconds>(*row.arrived - *row.dispatched).count()));
        }
        if (row.arrived && row.cleared && *row.cleared >= *row.arrived) {
            visitor.count(ResponseTimes, program, "on_scene", row, 1);
            visitor.duration(unit, true, double(duration_cast<seconds>(*row.cleared - *row.arrived).count()));
        }
        if (row.encounterDisposition || row.feltSafe) {
            visitor.count(FeltSafe,
                          !row.feltSafe   ? "not_recorded"
                          : *row.feltSafe ? "yes"
                                          : "no",
                          program, row, 1);
        }
        if (row.encounterDisposition)
            visitor.count(EncounterOutcomes, encounter::encounterDispositionCode(*row.encounterDisposition),
                          program, row, 1);
    }
    for (const std::string& kind : row.referralKinds)
        visitor.count(Referrals, kind, "referrals", row, 1);
    for (const FollowUpRow& task : row.followUps) {
        const std::string_view kind = followup::taskKindCode(task.kind);
        std::string_view state = "open";
        if (task.closedAt && task.outcome) {
            if (!reached(*task.outcome))
                state = "not_reached";
            else
                state = *task.closedAt <= task.contactAt + hours{48} ? "within_48h" : "after_48h";
            visitor.count(FollowUpOutcomes, kind, followup::outcomeCode(*task.outcome), row, 1);
        }
        visitor.count(FollowUps, kind, state, row, 1);
    }
}

void walk(const std::vector<CallRow>& rows, const UtcRange& range, const roster::TimeZoneRule& zone,
          const ReportOptions& options, Visitor& visitor)
{
    for (const CallRow& row : rows) {
        if (!range.contains(row.received))
            continue;
        walkCall(row, options, visitor);
        if (!inFilter(row, options))
            continue;
        walkTime(row.received, row, row.count, zone, visitor);
        walkDetails(row, visitor);
    }
}

// A table under construction: declared rows and columns first (so a zero
// row still shows), others added as met and sorted at the end.
struct KeyHash
{
    using is_transparent = void;
    std::size_t operator()(std::string_view key) const { return std::hash<std::string_view>{}(key); }
};
using KeyIndex = std::unordered_map<std::string, std::size_t, KeyHash, std::equal_to<>>;

struct Builder
{
    std::vector<std::string> rows, columns;
    bool sortRows = false, sortColumns = false;
    KeyIndex rowIndex, columnIndex;
    std::vector<std::vector<long long>> grid; // [row][column], grown as keys are met

    static std::size_t index(std::vector<std::string>& keys, KeyIndex& map, std::string_view key)
    {
        const auto it = map.find(key);
        if (it != map.end())
            return it->second;
        keys.emplace_back(key);
        map.emplace(std::string(key), keys.size() - 1);
        return keys.size() - 1;
    }
    void declareRow(std::string_view key) { index(rows, rowIndex, key); }
    void declareColumn(std::string_view key) { index(columns, columnIndex, key); }
    long long& cell(std::size_t r, std::size_t c)
    {
        if (grid.size() <= r)
            grid.resize(r + 1);
        if (grid[r].size() <= c)
            grid[r].resize(c + 1, 0);
        return grid[r][c];
    }
    void add(std::string_view row, std::string_view column, long long n)
    {
        cell(index(rows, rowIndex, row), index(columns, columnIndex, column)) += n;
    }

    CountTable finish(std::string_view id) const
    {
        CountTable table;
        table.id = id;
        std::vector<std::size_t> rowOrder(rows.size()), columnOrder(columns.size());
        for (std::size_t i = 0; i < rowOrder.size(); ++i)
            rowOrder[i] = i;
        for (std::size_t i = 0; i < columnOrder.size(); ++i)
            columnOrder[i] = i;
        if (sortRows)
            std::sort(rowOrder.begin(), rowOrder.end(), [&](auto a, auto b) { return rows[a] < rows[b]; });
        if (sortColumns)
            std::sort(columnOrder.begin(), columnOrder.end(),
                      [&](auto a, auto b) { return columns[a] < columns[b]; });
        for (std::size_t r : rowOrder)
            table.rows.push_back(rows[r]);
        for (std::size_t c : columnOrder)
            table.columns.push_back(columns[c]);
        table.cells.assign(rows.size(), std::vector<long long>(columns.size(), 0));
        std::vector<std::size_t> rowPlace(rows.size()), columnPlace(columns.size());
        for (std::size_t i = 0; i < rowOrder.size(); ++i)
            rowPlace[rowOrder[i]] = i;
        for (std::size_t i = 0; i < columnOrder.size(); ++i)
            columnPlace[columnOrder[i]] = i;
        for (std::size_t r = 0; r < grid.size(); ++r) {
            for (std::size_t c = 0; c < grid[r].size(); ++c)
                table.cells[rowPlace[r]][columnPlace[c]] = grid[r][c];
        }
        return table;
    }
};

class Counter final : public Visitor
{
public:
    std::array<Builder, kTableCount> builders;
    std::array<std::vector<double>, 2> toArrival, onScene;

    void count(Table table, std::string_view row, std::string_view column, const CallRow&,
               long long n) override
    {
        builders[table].add(row, column, n);
    }
    void duration(int unit, bool scene, double seconds) override
    {
        (scene ? onScene : toArrival)[std::size_t(unit)].push_back(seconds);
    }
};

class Driller final : public Visitor
{
public:
    Driller(Table table, std::string_view row, std::string_view column)
        : m_table(table), m_row(row), m_column(column)
    {}
    std::vector<std::string> ids;

    void count(Table table, std::string_view row, std::string_view column, const CallRow& call,
               long long /*n*/) override
    {
        if (table == m_table && row == m_row && column == m_column)
            ids.push_back(call.id);
    }

private:
    Table m_table;
    std::string_view m_row, m_column;
};

void declare(Counter& counter, const ReportOptions& options)
{
    auto& b = counter.builders;
    for (Program program : routing::kAllPrograms)
        b[ByProgram].declareRow(programKey(program));
    b[ByProgram].declareRow("none");
    b[ByProgram].declareColumn("calls");
    b[ByCallType].sortRows = true;
    b[ByCallType].declareColumn("calls");
    b[ByBeat].sortRows = true;
    b[ByBeat].declareColumn("calls");
    for (int d = 0; d < 7; ++d)
        b[ByHourOfWeek].declareRow(routing::weekdayCode(d));
    for (int h = 0; h < 24; ++h)
        b[ByHourOfWeek].declareColumn(hourKey(h));
    b[ByMonth].sortRows = true;
    b[ByMonth].declareColumn("calls");
    for (Program program : kAnsweringPrograms) {
        if (options.program && options.program != program)
            continue;
        b[EligibilityTable].declareRow(programKey(program));
        b[MissedByReason].declareRow(programKey(program));
        b[MissedByBeat].declareColumn(programKey(program));
    }
    b[EligibilityTable].declareColumn("answered");
    b[EligibilityTable].declareColumn("missed");
    for (MissReason reason : kAllMissReasons)
        b[MissedByReason].declareColumn(missReasonCode(reason));
    b[MissedByBeat].sortRows = true;
    b[Diversions].declareRow("diverted");
    b[Diversions].declareRow("transferred_988");
    b[Diversions].declareColumn("calls");
    for (std::string_view program : kUnitPrograms) {
        b[ResponseTimes].declareRow(program);
        b[FeltSafe].declareColumn(program);
        b[EncounterOutcomes].declareColumn(program);
    }
    b[ResponseTimes].declareColumn("dispatch_to_arrival");
    b[ResponseTimes].declareColumn("on_scene");
    for (std::string_view row : {"yes", "no", "not_recorded"})
        b[FeltSafe].declareRow(row);
    for (Disposition disposition : routing::kAllDispositions)
        b[Dispositions].declareRow(routing::dispositionCode(disposition));
    b[Dispositions].declareRow("none");
    b[Dispositions].declareColumn("calls");
    for (auto disposition : encounter::kAllEncounterDispositions)
        b[EncounterOutcomes].declareRow(encounter::encounterDispositionCode(disposition));
    for (auto kind : directory::kAllResourceKinds)
        b[Referrals].declareRow(directory::resourceKindCode(kind));
    b[Referrals].declareRow("unlisted");
    b[Referrals].declareColumn("referrals");
    for (auto kind : followup::kAllTaskKinds) {
        b[FollowUps].declareRow(followup::taskKindCode(kind));
        b[FollowUpOutcomes].declareRow(followup::taskKindCode(kind));
    }
    for (std::string_view column : {"within_48h", "after_48h", "not_reached", "open"})
        b[FollowUps].declareColumn(column);
    for (auto outcome : followup::kAllOutcomes)
        b[FollowUpOutcomes].declareColumn(followup::outcomeCode(outcome));
    b[RepeatPeople].declareRow("people");
}

std::string repeatColumn(int threshold)
{
    return "seen_" + std::to_string(threshold) + "_plus";
}

} // namespace

namespace {

// The tables out of the counts; `seen`: calls per person in the period.
void finishReport(Report& report, Counter& counter,
                  const std::unordered_map<std::string_view, long long>& seen, const ReportOptions& options)
{
    // People seen `repeatThreshold` times or more: counts only.
    long long repeat = 0;
    for (const auto& [key, times] : seen)
        repeat += times >= options.repeatThreshold ? 1 : 0;
    Builder& people = counter.builders[RepeatPeople];
    people.declareColumn(repeatColumn(options.repeatThreshold));
    if (repeat > 0)
        people.cell(0, 0) = repeat;

    auto& b = counter.builders;
    report.byProgram = b[ByProgram].finish(kTableIds[ByProgram]);
    report.byCallType = b[ByCallType].finish(kTableIds[ByCallType]);
    report.byBeat = b[ByBeat].finish(kTableIds[ByBeat]);
    report.byHourOfWeek = b[ByHourOfWeek].finish(kTableIds[ByHourOfWeek]);
    report.byMonth = b[ByMonth].finish(kTableIds[ByMonth]);
    report.eligibility = b[EligibilityTable].finish(kTableIds[EligibilityTable]);
    report.missedByReason = b[MissedByReason].finish(kTableIds[MissedByReason]);
    report.missedByBeat = b[MissedByBeat].finish(kTableIds[MissedByBeat]);
    report.diversions = b[Diversions].finish(kTableIds[Diversions]);
    report.responseTimes = b[ResponseTimes].finish(kTableIds[ResponseTimes]);
    report.feltSafe = b[FeltSafe].finish(kTableIds[FeltSafe]);
    report.dispositions = b[Dispositions].finish(kTableIds[Dispositions]);
    report.encounterOutcomes = b[EncounterOutcomes].finish(kTableIds[EncounterOutcomes]);
    report.referrals = b[Referrals].finish(kTableIds[Referrals]);
    report.followUps = b[FollowUps].finish(kTableIds[FollowUps]);
    report.followUpOutcomes = b[FollowUpOutcomes].finish(kTableIds[FollowUpOutcomes]);
    report.repeatPeople = people.finish(kTableIds[RepeatPeople]);
    for (std::size_t i = 0; i < 2; ++i) {
        report.dispatchToArrival[i] = {counter.toArrival[i].size(), percentile(counter.toArrival[i], 0.5),
                                       percentile(counter.toArrival[i], 0.9)};
        report.onSceneTime[i] = {counter.onScene[i].size(), percentile(counter.onScene[i], 0.5),
                                 percentile(counter.onScene[i], 0.9)};
    }
}

bool inFilter(const std::optional<Program>& program, const ReportOptions& options)
{
    return !options.program || program == options.program;
}

} // namespace

Report computeReport(const std::vector<CallRow>& rows, const Period& period, const roster::TimeZoneRule& zone,
                     const ReportOptions& options)
{
    Report report;
    report.period = period;
    report.range = utcRange(period, zone);
    Counter counter;
    declare(counter, options);
    walk(rows, report.range, zone, options, counter);

    std::unordered_map<std::string_view, long long> seen;
    for (const CallRow& row : rows) {
        if (report.range.contains(row.received) && inFilter(row, options)) {
            report.calls += std::size_t(row.count);
            if (!row.personKey.empty())
                seen[row.personKey] += row.count;
        }
    }
    finishReport(report, counter, seen, options);
    return report;
}

Report computeReport(const AggregatedRows& rows, const Period& period, const roster::TimeZoneRule& zone,
                     const ReportOptions& options)
{
    Report report;
    report.period = period;
    report.range = utcRange(period, zone);
    Counter counter;
    declare(counter, options);
    for (const CallRow& row : rows.calls) {
        if (!report.range.contains(row.received))
            continue;
        walkCall(row, options, counter);
        if (inFilter(row, options))
            report.calls += std::size_t(row.count);
    }
    static const CallRow kNoCall;
    for (const CallCount& bucket : rows.buckets) {
        if (report.range.contains(bucket.received) && inFilter(bucket.program, options))
            walkTime(bucket.received, kNoCall, bucket.count, zone, counter);
    }
    for (const CallRow& row : rows.details) {
        if (report.range.contains(row.received) && inFilter(row, options))
            walkDetails(row, counter);
    }
    std::unordered_map<std::string_view, long long> seen;
    for (const CallCount& person : rows.people) {
        if (report.range.contains(person.received) && inFilter(person.program, options) &&
            !person.personKey.empty())
            seen[person.personKey] += person.count;
    }
    finishReport(report, counter, seen, options);
    return report;
}

std::vector<std::string> callsBehind(const std::vector<CallRow>& rows, const Period& period,
                                     const roster::TimeZoneRule& zone, const ReportOptions& options,
                                     std::string_view tableId, std::string_view row, std::string_view column)
{
    const auto it = std::find(kTableIds.begin(), kTableIds.end(), tableId);
    if (it == kTableIds.end() || *it == kTableIds[RepeatPeople])
        return {};
    Driller driller(Table(it - kTableIds.begin()), row, column);
    walk(rows, utcRange(period, zone), zone, options, driller);
    std::sort(driller.ids.begin(), driller.ids.end());
    driller.ids.erase(std::unique(driller.ids.begin(), driller.ids.end()), driller.ids.end());
    return driller.ids;
}

// ---- Report -------------------------------------------------------------------

std::optional<double> Report::shareAnswered(Program program) const
{
    const int row = eligibility.rowIndex(programKey(program));
    if (row < 0)
        return std::nullopt;
    const long long eligible = eligibility.rowTotal(std::size_t(row));
    if (eligible == 0)
        return std::nullopt;
    return double(eligibility.at(programKey(program), "answered")) / double(eligible);
}

std::optional<double> Report::feltSafeShare() const
{
    const int yes = feltSafe.rowIndex("yes"), no = feltSafe.rowIndex("no");
    const long long y = feltSafe.rowTotal(std::size_t(yes)), n = feltSafe.rowTotal(std::size_t(no));
    if (y + n == 0)
        return std::nullopt;
    return double(y) / double(y + n);
}

long long Report::policeRequested() const
{
    const int row = encounterOutcomes.rowIndex("police_requested");
    return row < 0 ? 0 : encounterOutcomes.rowTotal(std::size_t(row));
}

long long Report::emsRequested() const
{
    const int row = encounterOutcomes.rowIndex("ems_requested");
    return row < 0 ? 0 : encounterOutcomes.rowTotal(std::size_t(row));
}

std::optional<double> Report::followUpWithin48hShare() const
{
    const long long tasks = followUps.total();
    if (tasks == 0)
        return std::nullopt;
    const int column = followUps.columnIndex("within_48h");
    return double(followUps.columnTotal(std::size_t(column))) / double(tasks);
}

std::vector<const CountTable*> Report::tables() const
{
    return {&byProgram,         &byCallType,   &byBeat,     &byHourOfWeek,     &byMonth,     &eligibility,
            &missedByReason,    &missedByBeat, &diversions, &responseTimes,    &feltSafe,    &dispositions,
            &encounterOutcomes, &referrals,    &followUps,  &followUpOutcomes, &repeatPeople};
}

std::optional<double> Trend::change() const
{
    if (!current || !previous)
        return std::nullopt;
    return *current - *previous;
}

std::vector<Trend> trends(const Report& current, const Report& previous)
{
    std::vector<Trend> list;
    const auto count = [](std::optional<double> value) {
        return value;
    };
    list.push_back({"calls", double(current.calls), double(previous.calls)});
    for (Program program : kAnsweringPrograms) {
        const std::string code(programKey(program));
        const int rowNow = current.eligibility.rowIndex(code),
                  rowBefore = previous.eligibility.rowIndex(code);
        if (rowNow < 0 || rowBefore < 0)
            continue;
        list.push_back({"eligible_" + code, double(current.eligibility.rowTotal(std::size_t(rowNow))),
                        double(previous.eligibility.rowTotal(std::size_t(rowBefore)))});
        list.push_back({"answered_" + code, double(current.eligibility.at(code, "answered")),
                        double(previous.eligibility.at(code, "answered"))});
        list.push_back({"share_answered_" + code, count(current.shareAnswered(program)),
                        previous.shareAnswered(program)});
    }
    list.push_back(
        {"ccd_diversions", double(current.diversions.total()), double(previous.diversions.total())});
    for (std::size_t i = 0; i < 2; ++i) {
        const std::string code(kUnitPrograms[i]);
        list.push_back({"median_dispatch_to_arrival_" + code, current.dispatchToArrival[i].median,
                        previous.dispatchToArrival[i].median});
        list.push_back({"p90_dispatch_to_arrival_" + code, current.dispatchToArrival[i].p90,
                        previous.dispatchToArrival[i].p90});
        list.push_back(
            {"median_on_scene_" + code, current.onSceneTime[i].median, previous.onSceneTime[i].median});
    }
    list.push_back(
        {"police_requested", double(current.policeRequested()), double(previous.policeRequested())});
    list.push_back({"felt_safe_share", current.feltSafeShare(), previous.feltSafeShare()});
    list.push_back(
        {"follow_up_within_48h_share", current.followUpWithin48hShare(), previous.followUpWithin48hShare()});
    list.push_back(
        {"repeat_people", double(current.repeatPeople.total()), double(previous.repeatPeople.total())});
    return list;
}

} // namespace heart::report
