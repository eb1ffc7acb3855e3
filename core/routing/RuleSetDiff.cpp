#include "core/routing/RuleSetDiff.h"

#include "core/routing/Router.h"

#include <algorithm>
#include <set>

namespace heart::routing {

using namespace std::chrono;

namespace {

// `text` with %1 (and %2) replaced.
std::string fill(std::string text, const std::string& one, const std::string& two = {})
{
    for (const auto& [key, value] :
         {std::pair<std::string_view, const std::string&>{"%1", one}, {"%2", two}}) {
        for (std::size_t at = text.find(key); at != std::string::npos; at = text.find(key, at + value.size()))
            text.replace(at, key.size(), value);
    }
    return text;
}

template <typename T>
void setDifference(const std::vector<T>& a, const std::vector<T>& b, std::vector<T>& out)
{
    std::set_difference(a.begin(), a.end(), b.begin(), b.end(), std::back_inserter(out));
}

std::vector<std::string> sortedCodes(const std::vector<Condition>& conditions)
{
    std::vector<std::string> codes;
    for (const Condition& condition : conditions)
        codes.push_back(condition.code());
    std::sort(codes.begin(), codes.end());
    return codes;
}

// Codes in `from` (catalogue order) that are not in `other`.
void codesMissing(const std::vector<std::string>& from, const std::vector<std::string>& other,
                  std::vector<std::string>& out)
{
    for (const std::string& code : from) {
        if (std::find(other.begin(), other.end(), code) == other.end())
            out.push_back(code);
    }
}

std::vector<std::string> eligibleCodes(const RuleSet& set, const ProgramRules& rules)
{
    std::vector<std::string> codes;
    for (std::size_t i = 0; i < set.callTypes.size() && i < rules.eligibleCallType.size(); ++i) {
        if (rules.eligibleCallType[i])
            codes.push_back(set.callTypes[i].code);
    }
    return codes;
}

// The beats a program serves on the map (sorted), or nullopt when that
// cannot be known (no map and the area is not a plain list).
std::optional<std::vector<std::string>> served(const ProgramRules& rules, const geo::BeatMap* beats)
{
    if (rules.area == AreaKind::OnlyBeats)
        return rules.areaBeats;
    if (!beats)
        return std::nullopt;
    std::vector<std::string> out;
    for (const std::string& id : beats->beatIds()) {
        if (rules.inArea(id))
            out.push_back(id);
    }
    return out;
}

void diffArea(const ProgramRules& a, const ProgramRules& b, const geo::BeatMap* beats, ProgramDiff& out)
{
    out.areaChanged = a.area != b.area || a.areaBeats != b.areaBeats;
    if (!out.areaChanged) {
        out.servedBeatsKnown = true;
        return;
    }
    if (a.area == AreaKind::AllBeatsExcept && b.area == AreaKind::AllBeatsExcept && !beats) {
        // Without a map: a beat no longer excepted is added, and the reverse.
        setDifference(a.areaBeats, b.areaBeats, out.beatsAdded);
        setDifference(b.areaBeats, a.areaBeats, out.beatsRemoved);
        out.servedBeatsKnown = true;
        return;
    }
    const auto servedBefore = served(a, beats);
    const auto servedAfter = served(b, beats);
    if (!servedBefore || !servedAfter)
        return;
    out.servedBeatsKnown = true;
    setDifference(*servedAfter, *servedBefore, out.beatsAdded);
    setDifference(*servedBefore, *servedAfter, out.beatsRemoved);
}

void diffHours(const ProgramRules& a, const ProgramRules& b, ProgramDiff& out)
{
    const auto dayHours = [](const ProgramRules& rules, int day) {
        return rules.alwaysOpen ? std::vector<TimeRange>{{0, 1440}} : rules.hours[std::size_t(day)];
    };
    out.hoursChanged = a.alwaysOpen != b.alwaysOpen;
    for (int day = 0; day < 7; ++day) {
        auto before = dayHours(a, day);
        auto after = dayHours(b, day);
        if (before != after) {
            out.hoursChanged = true;
            out.weekdays.push_back({day, std::move(before), std::move(after)});
        }
    }
}

ProgramDiff diffProgram(const RuleSet& setA, const ProgramRules& a, const RuleSet& setB,
                        const ProgramRules& b, const geo::BeatMap* beats)
{
    ProgramDiff out;
    out.program = a.program;
    out.before = &a;
    out.after = &b;
    diffArea(a, b, beats, out);
    diffHours(a, b, out);
    out.holidaysChanged = a.closedOnHolidays != b.closedOnHolidays;

    out.allCallTypesChanged = a.allCallTypes != b.allCallTypes;
    const auto typesA = eligibleCodes(setA, a);
    const auto typesB = eligibleCodes(setB, b);
    codesMissing(typesB, typesA, out.callTypesAdded);
    codesMissing(typesA, typesB, out.callTypesRemoved);

    const auto excludeA = sortedCodes(a.excludeWhen), excludeB = sortedCodes(b.excludeWhen);
    setDifference(excludeB, excludeA, out.excludeAdded);
    setDifference(excludeA, excludeB, out.excludeRemoved);
    const auto onlyA = sortedCodes(a.onlyWhen), onlyB = sortedCodes(b.onlyWhen);
    setDifference(onlyB, onlyA, out.onlyWhenAdded);
    setDifference(onlyA, onlyB, out.onlyWhenRemoved);

    auto followsA = a.follows, followsB = b.follows;
    std::sort(followsA.begin(), followsA.end());
    std::sort(followsB.begin(), followsB.end());
    setDifference(followsB, followsA, out.followsAdded);
    setDifference(followsA, followsB, out.followsRemoved);
    return out;
}

std::string joinCodes(const std::vector<std::string>& added, const std::vector<std::string>& removed)
{
    std::string text;
    for (const std::string& code : added)
        text += (text.empty() ? "+" : " +") + code;
    for (const std::string& code : removed)
        text += (text.empty() ? "−" : " −") + code;
    return text;
}

std::string rangesText(const std::vector<TimeRange>& ranges, const DiffWords& words)
{
    std::string text;
    for (const TimeRange& range : ranges)
        text += (text.empty() ? "" : "/") + formatMinuteOfDay(range.start) + words.rangeDash +
                formatMinuteOfDay(range.end);
    return text;
}

// "all", or how many call types the program takes.
std::string typesText(const ProgramRules& rules, const DiffWords& words)
{
    if (rules.allCallTypes)
        return words.allCallTypes;
    return std::to_string(std::count(rules.eligibleCallType.begin(), rules.eligibleCallType.end(), true));
}

} // namespace

bool ProgramDiff::changed() const
{
    return presence != ProgramPresence::Both || areaChanged || hoursChanged || holidaysChanged ||
           allCallTypesChanged || !callTypesAdded.empty() || !callTypesRemoved.empty() ||
           !excludeAdded.empty() || !excludeRemoved.empty() || !onlyWhenAdded.empty() ||
           !onlyWhenRemoved.empty() || !followsAdded.empty() || !followsRemoved.empty();
}

bool RuleSetDiff::sameRules() const
{
    return !timeZoneChanged && callTypesAdded.empty() && callTypesRemoved.empty() &&
           callTypesRenamed.empty() && holidaysAdded.empty() && holidaysRemoved.empty() && programs.empty();
}

const ProgramDiff* RuleSetDiff::program(Program program) const
{
    for (const ProgramDiff& diff : programs) {
        if (diff.program == program)
            return &diff;
    }
    return nullptr;
}

RuleSetDiff diffRuleSets(const RuleSet& before, const RuleSet& after, const geo::BeatMap* beats)
{
    RuleSetDiff diff;
    diff.beforeId = before.id;
    diff.afterId = after.id;
    diff.nameChanged = before.name != after.name;
    diff.effectiveFromChanged = before.effectiveFrom != after.effectiveFrom;
    diff.timeZoneChanged = before.zone.text() != after.zone.text();

    for (const CallType& type : after.callTypes) {
        const auto found = std::find_if(before.callTypes.begin(), before.callTypes.end(),
                                        [&](const CallType& other) { return other.code == type.code; });
        if (found == before.callTypes.end())
            diff.callTypesAdded.push_back(type.code);
        else if (found->name != type.name || found->aliases != type.aliases)
            diff.callTypesRenamed.push_back(type.code);
    }
    for (const CallType& type : before.callTypes) {
        if (std::none_of(after.callTypes.begin(), after.callTypes.end(),
                         [&](const CallType& other) { return other.code == type.code; }))
            diff.callTypesRemoved.push_back(type.code);
    }
    setDifference(after.holidays, before.holidays, diff.holidaysAdded);
    setDifference(before.holidays, after.holidays, diff.holidaysRemoved);

    for (Program program : kAllPrograms) {
        const ProgramRules* a = before.rulesFor(program);
        const ProgramRules* b = after.rulesFor(program);
        if (!a && !b)
            continue;
        ProgramDiff programDiff;
        if (a && b) {
            programDiff = diffProgram(before, *a, after, *b, beats);
        } else {
            programDiff.program = program;
            programDiff.presence = a ? ProgramPresence::Removed : ProgramPresence::Added;
            programDiff.before = a;
            programDiff.after = b;
        }
        if (programDiff.changed())
            diff.programs.push_back(std::move(programDiff));
    }
    return diff;
}

std::string describeHours(const ProgramRules& rules, const DiffWords& words)
{
    if (rules.alwaysOpen)
        return words.always;
    std::string text;
    int day = 0;
    while (day < 7) {
        int last = day;
        while (last + 1 < 7 && rules.hours[std::size_t(last + 1)] == rules.hours[std::size_t(day)])
            ++last;
        if (!rules.hours[std::size_t(day)].empty()) {
            std::string days;
            if (day == 0 && last == 6)
                days = words.daily;
            else if (last == day)
                days = words.weekdays[std::size_t(day)];
            else
                days = words.weekdays[std::size_t(day)] + words.rangeDash + words.weekdays[std::size_t(last)];
            text +=
                (text.empty() ? "" : ", ") + days + " " + rangesText(rules.hours[std::size_t(day)], words);
        }
        day = last + 1;
    }
    return text.empty() ? words.never : text;
}

std::string describeArea(const ProgramRules& rules, const DiffWords& words)
{
    switch (rules.area) {
    case AreaKind::Anywhere:
        return words.anywhere;
    case AreaKind::OnlyBeats:
        return fill(words.onlyBeats, std::to_string(rules.areaBeats.size()));
    case AreaKind::AllBeatsExcept: {
        if (rules.areaBeats.empty())
            return words.allBeats;
        std::string list;
        for (const std::string& beat : rules.areaBeats)
            list += (list.empty() ? "" : ", ") + beat;
        return fill(words.allBeatsExcept, list);
    }
    }
    return {};
}

std::vector<std::string> summariseDiff(const RuleSetDiff& diff, const RuleSet& before, const RuleSet& after,
                                       const DiffWords& words)
{
    std::vector<std::string> lines;
    const auto holidayWord = [&](bool closed) {
        return closed ? words.closed : words.open;
    };
    for (const ProgramDiff& program : diff.programs) {
        std::vector<std::string> parts;
        if (program.presence == ProgramPresence::Added) {
            const ProgramRules& rules = *program.after;
            parts.push_back(
                fill(words.programAdded, describeHours(rules, words) + "; " +
                                             fill(words.holidays, holidayWord(rules.closedOnHolidays)) +
                                             "; " + describeArea(rules, words)));
        } else if (program.presence == ProgramPresence::Removed) {
            parts.push_back(words.programRemoved);
        } else {
            if (program.areaChanged) {
                if (program.servedBeatsKnown) {
                    const std::size_t added = program.beatsAdded.size(),
                                      removed = program.beatsRemoved.size();
                    std::string text;
                    if (added > 0)
                        text = added == 1 ? words.beatAdded : fill(words.beatsAdded, std::to_string(added));
                    if (removed > 0)
                        text += (text.empty() ? "" : ", ") +
                                (removed == 1 ? words.beatRemoved
                                              : fill(words.beatsRemoved, std::to_string(removed)));
                    if (text.empty()) // same beats, said another way (a list and "all but")
                        text = fill(words.area, describeArea(*program.before, words) + words.arrow +
                                                    describeArea(*program.after, words));
                    parts.push_back(text);
                } else {
                    parts.push_back(fill(words.area, describeArea(*program.before, words) + words.arrow +
                                                         describeArea(*program.after, words)));
                }
            }
            if (program.hoursChanged)
                parts.push_back(fill(words.hours, describeHours(*program.before, words) + words.arrow +
                                                      describeHours(*program.after, words)));
            if (program.holidaysChanged)
                parts.push_back(fill(words.holidays, holidayWord(program.before->closedOnHolidays) +
                                                         words.arrow +
                                                         holidayWord(program.after->closedOnHolidays)));
            if (program.allCallTypesChanged || !program.callTypesAdded.empty() ||
                !program.callTypesRemoved.empty()) {
                std::string text;
                if (program.allCallTypesChanged)
                    text = typesText(*program.before, words) + words.arrow + typesText(*program.after, words);
                else
                    text = joinCodes(program.callTypesAdded, program.callTypesRemoved);
                parts.push_back(fill(words.callTypes, text));
            }
            if (!program.excludeAdded.empty() || !program.excludeRemoved.empty())
                parts.push_back(
                    fill(words.excludes, joinCodes(program.excludeAdded, program.excludeRemoved)));
            if (!program.onlyWhenAdded.empty() || !program.onlyWhenRemoved.empty())
                parts.push_back(
                    fill(words.onlyWhen, joinCodes(program.onlyWhenAdded, program.onlyWhenRemoved)));
            if (!program.followsAdded.empty() || !program.followsRemoved.empty()) {
                std::vector<std::string> added, removed;
                for (Program p : program.followsAdded)
                    added.push_back(words.programs[std::size_t(p)]);
                for (Program p : program.followsRemoved)
                    removed.push_back(words.programs[std::size_t(p)]);
                parts.push_back(fill(words.follows, joinCodes(added, removed)));
            }
        }
        std::string line = words.programs[std::size_t(program.program)] + ": ";
        for (std::size_t i = 0; i < parts.size(); ++i)
            line += (i == 0 ? "" : "; ") + parts[i];
        lines.push_back(std::move(line));
    }

    std::vector<std::string> setParts;
    if (!diff.holidaysAdded.empty() || !diff.holidaysRemoved.empty()) {
        std::string counts;
        if (!diff.holidaysAdded.empty())
            counts = "+" + std::to_string(diff.holidaysAdded.size());
        if (!diff.holidaysRemoved.empty())
            counts += (counts.empty() ? "−" : " −") + std::to_string(diff.holidaysRemoved.size());
        setParts.push_back(fill(words.holidayDates, counts));
    }
    if (!diff.callTypesAdded.empty() || !diff.callTypesRemoved.empty())
        setParts.push_back(fill(words.catalogue, joinCodes(diff.callTypesAdded, diff.callTypesRemoved)));
    if (!diff.callTypesRenamed.empty()) {
        std::string list;
        for (const std::string& code : diff.callTypesRenamed)
            list += (list.empty() ? "" : ", ") + code;
        setParts.push_back(fill(words.renamed, list));
    }
    if (diff.timeZoneChanged)
        setParts.push_back(fill(words.timeZone, before.zone.text() + words.arrow + after.zone.text()));
    if (diff.effectiveFromChanged)
        setParts.push_back(fill(words.effective, formatDate(before.effectiveFrom) + words.arrow +
                                                     formatDate(after.effectiveFrom)));
    if (!setParts.empty()) {
        std::string line;
        for (std::size_t i = 0; i < setParts.size(); ++i)
            line += (i == 0 ? "" : "; ") + setParts[i];
        lines.push_back(std::move(line));
    }
    if (diff.sameRules() && lines.empty())
        lines.push_back(words.noChange);
    else if (diff.sameRules())
        lines.insert(lines.begin(), words.noChange);
    return lines;
}

} // namespace heart::routing
