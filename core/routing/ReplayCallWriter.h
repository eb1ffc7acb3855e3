#pragma once
// The per-call output of a replay (heartdesk-cli replay --per-call FILE): one
// row per row of the history, in file order, with what the summary counts:
// the local time used, the beat and where it came from, the rule set, every
// program's verdict with every reason, and the recommendation. Summed over
// the rows whose status is "decided", it gives the summary's counts.
//
// CSV columns: line, id, status (decided, malformed, no-rule-set),
// local_time ("2024-05-15 10:05"), time_note (exact, spring-forward-gap,
// fall-back-repeated-hour), call_type (as in the file), call_type_code (of
// the rule set; empty when unknown), beat, beat_source (given, coordinates,
// unknown, outside-every-beat), rule_set, then per program (ccd, crt, cor,
// cn, police-ems) its verdict (eligible or excluded) and its reasons
// ("outside-hours (sat 02:10); excluded-by-flag (weapon)"), recommended
// ("ccd;crt"), basis (phone-first, imminent-risk), message (why a row was
// not decided).
//
// JSON lines: one object a row with the same facts; "programs" maps each
// program code to {"eligible": bool, "reasons": [{"code", "first", "second"}]}.
#include "core/routing/Replay.h"

#include <string>

namespace heart::routing {

enum class ReplayCallFormat : std::uint8_t
{
    Csv,
    JsonLines,
};

class ReplayCallWriter
{
public:
    ReplayCallWriter(ReplayCallFormat format, const RuleBook& rules) : m_format(format), m_rules(rules) {}

    // The CSV header row (nothing for JSON lines).
    void appendHeader(std::string& out) const;
    void append(std::string& out, const ReplayCall& call) const;

private:
    void appendCsv(std::string& out, const ReplayCall& call) const;
    void appendJson(std::string& out, const ReplayCall& call) const;

    ReplayCallFormat m_format;
    const RuleBook& m_rules;
};

std::string_view replayRowStatusCode(ReplayRowStatus status); // "decided", "malformed", "no-rule-set"
std::string_view beatSourceCode(BeatSource source);           // "given", "coordinates", ...
std::string_view localTimeNoteCode(LocalTimeNote note);       // "exact", "spring-forward-gap", ...

} // namespace heart::routing
