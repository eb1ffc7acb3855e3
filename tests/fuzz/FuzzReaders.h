#pragma once
// What each libFuzzer target checks of one input, shared with the unit test
// that replays the seed corpora and every input a fuzzer once crashed on
// (tests/core/tst_core_reader_limits.cpp, fuzzRegressionsReplay). Each
// function reads the input with one reader and returns nullptr when the
// reader behaved (a value or an error that names a location and quotes a
// bounded excerpt), else what went wrong; a crash, a hang or an exception
// is found by the fuzzer (or fails the test) on its own.
//
// Core only, no Qt: tests/fuzz builds these with clang and libFuzzer.
#include "core/directory/ResourceCsv.h"
#include "core/followup/FollowUpConfig.h"
#include "core/followup/FollowUpPolicy.h"
#include "core/geo/BeatMap.h"
#include "core/intake/IntakeDraft.h"
#include "core/routing/Replay.h"
#include "core/routing/Router.h"
#include "core/routing/RuleSetJson.h"
#include "core/safety/CrisisServices.h"
#include "core/safety/SafetyPlan.h"

#include <chrono>
#include <memory>
#include <nlohmann/json.hpp>
#include <string>
#include <string_view>

#ifndef HEARTDESK_SOURCE_DIR
#error "HEARTDESK_SOURCE_DIR must name the source tree (the Durham rule sets are read from it)"
#endif

namespace heart::fuzz {

// An error message stays short whatever the input: excerpts, never dumps.
inline constexpr std::size_t kMaxMessageBytes = 2000;

inline const char* checkDataError(const DataError& error)
{
    if (error.code.empty())
        return "an error without a code";
    if (error.message.size() > kMaxMessageBytes || error.location.size() > kMaxMessageBytes)
        return "an error message longer than the bound";
    return nullptr;
}

// Rule set JSON: a value decides a call at a fixed time; an error is bounded.
inline const char* ruleSet(std::string_view text)
{
    const auto set = routing::parseRuleSet(text, "fuzz.json");
    if (!set)
        return checkDataError(set.error());
    routing::RuleBook book;
    if (!book.add(set.value()))
        return nullptr; // refused by the book (e.g. a program without rules): fine
    const routing::Router router(book);
    routing::CallFacts call;
    call.callType = set.value().callTypes.front().code;
    call.beat = "111";
    call.received = roster::LocalDateTime{std::chrono::year{2030} / 3 / 10, 150};
    (void)router.decide(call);
    return nullptr;
}

// Follow-up policy JSON: a value writes back to JSON that reads to itself.
inline const char* followUpPolicy(std::string_view text)
{
    const auto config = followup::parseFollowUpConfig(text, "fuzz.json");
    if (!config)
        return checkDataError(config.error());
    const auto again = followup::parseFollowUpConfig(followup::toJson(config.value()), "again");
    if (!again || !(again.value() == config.value()))
        return "the policy does not read back from its own JSON";
    if (!followup::FollowUpPolicy::make(config.value(), "fuzz.json"))
        return "a policy that reads does not make a FollowUpPolicy";
    return nullptr;
}

// Crisis services JSON: every language has its list, "en" always.
inline const char* crisisServices(std::string_view text)
{
    const auto table = safety::parseCrisisServices(text, "fuzz.json");
    if (!table)
        return checkDataError(table.error());
    if (!table.value().byLanguage.contains("en"))
        return "a table without English services";
    for (const auto& [language, services] : table.value().byLanguage) {
        for (const auto& service : services) {
            if (service.name.empty() || service.phone.empty())
                return "a service without a name or phone";
        }
    }
    (void)table.value().forLanguage("zz");
    return nullptr;
}

// GeoJSON beats: a map answers a few lookups the same way every time.
inline const char* beatMap(std::string_view text)
{
    const auto map = geo::BeatMap::fromGeoJson(text);
    if (!map)
        return checkDataError(map.error());
    const geo::BeatMap& beats = map.value();
    const geo::GeoBox box = beats.bounds();
    for (const geo::GeoPoint p :
         {geo::GeoPoint{box.minLon, box.minLat}, geo::GeoPoint{box.maxLon, box.maxLat},
          geo::GeoPoint{(box.minLon + box.maxLon) / 2, (box.minLat + box.maxLat) / 2}}) {
        const int index = beats.locateIndex(p);
        if (index >= static_cast<int>(beats.beatIds().size()) || index != beats.locateIndex(p))
            return "a lookup outside the beats or not repeatable";
    }
    if (const auto inside = beats.interiorPoint(beats.beatIds().front())) {
        if (beats.locate(*inside) != std::string_view(beats.beatIds().front()))
            return "an interior point that does not locate to its beat";
    }
    return nullptr;
}

inline const routing::Router& durhamRouter()
{
    static const routing::Router router = [] {
        routing::RuleBook book;
        for (const char* file : {"durham-2022-06-27-pilot.json", "durham-2022-09-26-co-response.json",
                                 "durham-2023-10-23-citywide.json"}) {
            auto set =
                routing::loadRuleSetFile(std::string(HEARTDESK_SOURCE_DIR) + "/resources/rules/" + file);
            if (!set || !book.add(set.value()))
                std::abort();
        }
        return routing::Router(book);
    }();
    return router;
}

// Replay: the first line is a --columns mapping, the rest a call history
// (and, read whole, a --call-types map). Every row is counted once.
inline const char* replay(std::string_view text)
{
    const std::size_t newline = text.find('\n');
    const std::string_view spec = newline == std::string_view::npos ? text : text.substr(0, newline);
    const std::string_view csv =
        newline == std::string_view::npos ? std::string_view{} : text.substr(newline + 1);
    routing::ReplayOptions options;
    if (const auto layout = routing::parseColumnMapping(spec)) {
        options.layout = layout.value();
    } else if (const char* problem = checkDataError(layout.error())) {
        return problem;
    }
    const auto map = routing::CallTypeMap::parse(text, "fuzz.csv");
    if (!map) {
        if (const char* problem = checkDataError(map.error()))
            return problem;
    } else {
        options.callTypeMap = &map.value();
    }
    options.withoutLocations = !csv.empty() && csv.front() == '#';
    std::size_t calls = 0;
    const char* bad = nullptr;
    options.onCall = [&](const routing::ReplayCall& call) {
        ++calls;
        if (call.message.size() > kMaxMessageBytes)
            bad = "a row error longer than the bound";
    };
    const auto summary = routing::replayCsv(csv, "fuzz.csv", durhamRouter(), options);
    if (!summary)
        return checkDataError(summary.error());
    if (bad)
        return bad;
    const routing::ReplaySummary& s = summary.value();
    if (calls != s.rows || s.decided + s.malformed + s.noRuleSet != s.rows)
        return "rows not counted exactly once";
    return nullptr;
}

// Resource directory CSV: every data row is a good row or has a problem.
inline const char* resourceCsv(std::string_view text)
{
    const directory::CsvImport result = directory::readResourceCsv(text);
    for (const auto& problem : result.problems) {
        if (problem.code.empty() || problem.detail.size() > kMaxMessageBytes ||
            problem.column.size() > kMaxMessageBytes)
            return "a problem without a code or longer than the bound";
    }
    if (result.rows.size() > result.dataRows)
        return "more good rows than rows";
    return nullptr;
}

// Safety plan JSON (as stored): a plan writes back to JSON that reads to itself.
inline const char* safetyPlan(std::string_view text)
{
    const auto plan = safety::parseSafetyPlan(text);
    if (!plan)
        return plan.error().code.empty() ? "an error without a code" : nullptr;
    const auto again = safety::safetyPlanFromJson(safety::toJson(plan.value()));
    if (!again || !(again.value() == plan.value()))
        return "the plan does not read back from its own JSON";
    (void)safety::problems(plan.value());
    return nullptr;
}

// Intake draft JSON (what a form kept while a counselor typed): a draft
// writes back to JSON that reads to itself; an error names where and never
// quotes the person's words.
inline const char* intakeDraft(std::string_view text)
{
    const auto draft = intake::parseIntakeDraft(text, "fuzz draft");
    if (!draft) {
        if (const char* problem = checkDataError(draft.error()))
            return problem;
        if (draft.error().message.size() > 200)
            return "a draft error longer than a sentence (it may quote the draft)";
        return nullptr;
    }
    const auto again = intake::parseIntakeDraft(intake::toJson(draft.value()), "again");
    if (!again || !(again.value() == draft.value()))
        return "the draft does not read back from its own JSON";
    return nullptr;
}

} // namespace heart::fuzz
