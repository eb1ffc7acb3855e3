#include "core/routing/ReplayCallWriter.h"

#include <cstdio>

namespace heart::routing {

namespace {

void appendCsvField(std::string& out, std::string_view text)
{
    if (text.find_first_of(",\"\r\n") == std::string_view::npos) {
        out += text;
        return;
    }
    out += '"';
    for (char c : text) {
        if (c == '"')
            out += '"';
        out += c;
    }
    out += '"';
}

void appendJsonString(std::string& out, std::string_view text)
{
    out += '"';
    for (char c : text) {
        switch (c) {
        case '"':
            out += "\\\"";
            break;
        case '\\':
            out += "\\\\";
            break;
        case '\n':
            out += "\\n";
            break;
        case '\r':
            out += "\\r";
            break;
        case '\t':
            out += "\\t";
            break;
        default:
            if (static_cast<unsigned char>(c) < 0x20) {
                char escaped[8];
                std::snprintf(escaped, sizeof escaped, "\\u%04x", unsigned(c));
                out += escaped;
            } else {
                out += c;
            }
        }
    }
    out += '"';
}

void appendLocalTime(std::string& out, const roster::LocalDateTime& local)
{
    out += formatDate(local.date);
    out += ' ';
    out += formatMinuteOfDay(local.minuteOfDay);
}

// "outside-hours (sat 02:10)"
void appendReason(std::string& out, const Reason& reason)
{
    out += reasonCode(reason.code);
    if (reason.first.empty() && reason.second.empty())
        return;
    out += " (";
    out += reason.first;
    if (!reason.second.empty()) {
        out += ' ';
        out += reason.second;
    }
    out += ')';
}

std::string_view callTypeCode(const RuleBook& rules, const Decision& decision)
{
    if (decision.callTypeIndex < 0 || decision.ruleSetIndex < 0)
        return {};
    return rules.ruleSets()[std::size_t(decision.ruleSetIndex)]
        .callTypes[std::size_t(decision.callTypeIndex)]
        .code;
}

} // namespace

std::string_view replayRowStatusCode(ReplayRowStatus status)
{
    switch (status) {
    case ReplayRowStatus::Decided:
        return "decided";
    case ReplayRowStatus::Malformed:
        return "malformed";
    case ReplayRowStatus::NoRuleSet:
        return "no-rule-set";
    }
    return {};
}

std::string_view beatSourceCode(BeatSource source)
{
    switch (source) {
    case BeatSource::Given:
        return "given";
    case BeatSource::FromPosition:
        return "coordinates";
    case BeatSource::Unknown:
        return "unknown";
    case BeatSource::OutsideEveryBeat:
        return "outside-every-beat";
    }
    return {};
}

std::string_view localTimeNoteCode(LocalTimeNote note)
{
    switch (note) {
    case LocalTimeNote::Exact:
        return "exact";
    case LocalTimeNote::InSpringForwardGap:
        return "spring-forward-gap";
    case LocalTimeNote::Ambiguous:
        return "fall-back-repeated-hour";
    }
    return {};
}

void ReplayCallWriter::appendHeader(std::string& out) const
{
    if (m_format != ReplayCallFormat::Csv)
        return;
    out += "line,id,status,local_time,time_note,call_type,call_type_code,beat,beat_source,rule_set";
    for (Program program : kAllPrograms) {
        out += ',';
        out += programCode(program);
        out += ',';
        out += programCode(program);
        out += "_reasons";
    }
    out += ",recommended,basis,message\n";
}

void ReplayCallWriter::append(std::string& out, const ReplayCall& call) const
{
    if (m_format == ReplayCallFormat::Csv)
        appendCsv(out, call);
    else
        appendJson(out, call);
}

void ReplayCallWriter::appendCsv(std::string& out, const ReplayCall& call) const
{
    out += std::to_string(call.line);
    out += ',';
    appendCsvField(out, call.id);
    out += ',';
    out += replayRowStatusCode(call.status);
    out += ',';
    const Decision* d = call.decision;
    if (d)
        appendLocalTime(out, d->local);
    out += ',';
    if (d)
        out += localTimeNoteCode(d->timeNote);
    out += ',';
    appendCsvField(out, call.callType);
    out += ',';
    const bool decided = d && call.status == ReplayRowStatus::Decided;
    if (decided) {
        out += callTypeCode(m_rules, *d);
        out += ',';
        appendCsvField(out, d->beat);
        out += ',';
        out += beatSourceCode(d->beatSource);
        out += ',';
        appendCsvField(out, d->ruleSetId);
        std::string reasons;
        for (const ProgramVerdict& verdict : d->verdicts) {
            out += verdict.eligible ? ",eligible," : ",excluded,";
            reasons.clear();
            for (const Reason& reason : verdict.reasons) {
                if (!reasons.empty())
                    reasons += "; ";
                appendReason(reasons, reason);
            }
            appendCsvField(out, reasons);
        }
        out += ',';
        for (std::size_t i = 0; i < d->recommended.size(); ++i) {
            if (i > 0)
                out += ';';
            out += programCode(d->recommended[i]);
        }
        out += ',';
        out += basisCode(d->basis);
    } else {
        out += ",,,"; // code, beat, beat_source, rule_set
        for (std::size_t i = 0; i < kAllPrograms.size(); ++i)
            out += ",,";
        out += ",,"; // recommended, basis
    }
    out += ',';
    appendCsvField(out, call.message);
    out += '\n';
}

void ReplayCallWriter::appendJson(std::string& out, const ReplayCall& call) const
{
    out += "{\"line\":";
    out += std::to_string(call.line);
    out += ",\"id\":";
    appendJsonString(out, call.id);
    out += ",\"status\":\"";
    out += replayRowStatusCode(call.status);
    out += '"';
    const Decision* d = call.decision;
    if (d) {
        out += ",\"localTime\":\"";
        appendLocalTime(out, d->local);
        out += "\",\"timeNote\":\"";
        out += localTimeNoteCode(d->timeNote);
        out += '"';
    }
    out += ",\"callType\":";
    appendJsonString(out, call.callType);
    if (d && call.status == ReplayRowStatus::Decided) {
        out += ",\"callTypeCode\":";
        if (d->callTypeIndex < 0)
            out += "null";
        else
            appendJsonString(out, callTypeCode(m_rules, *d));
        out += ",\"beat\":";
        appendJsonString(out, d->beat);
        out += ",\"beatSource\":\"";
        out += beatSourceCode(d->beatSource);
        out += "\",\"ruleSet\":";
        appendJsonString(out, d->ruleSetId);
        out += ",\"programs\":{";
        bool firstProgram = true;
        for (const ProgramVerdict& verdict : d->verdicts) {
            if (!firstProgram)
                out += ',';
            firstProgram = false;
            out += '"';
            out += programCode(verdict.program);
            out += verdict.eligible ? "\":{\"eligible\":true,\"reasons\":["
                                    : "\":{\"eligible\":false,\"reasons\":[";
            for (std::size_t i = 0; i < verdict.reasons.size(); ++i) {
                const Reason& reason = verdict.reasons[i];
                out += i ? ",{\"code\":\"" : "{\"code\":\"";
                out += reasonCode(reason.code);
                out += '"';
                if (!reason.first.empty()) {
                    out += ",\"first\":";
                    appendJsonString(out, reason.first);
                }
                if (!reason.second.empty()) {
                    out += ",\"second\":";
                    appendJsonString(out, reason.second);
                }
                out += '}';
            }
            out += "]}";
        }
        out += "},\"recommended\":[";
        for (std::size_t i = 0; i < d->recommended.size(); ++i) {
            out += i ? ",\"" : "\"";
            out += programCode(d->recommended[i]);
            out += '"';
        }
        out += "],\"basis\":\"";
        out += basisCode(d->basis);
        out += '"';
    }
    if (!call.message.empty()) {
        out += ",\"message\":";
        appendJsonString(out, call.message);
    }
    out += "}\n";
}

} // namespace heart::routing
