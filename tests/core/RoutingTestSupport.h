#pragma once
// Shared by the routing tests: Durham's shipped rule sets and beat map, and
// short ways to write a call.
#include "core/geo/BeatMap.h"
#include "core/routing/Router.h"
#include "core/routing/RuleSetJson.h"

#include <QTest>
#include <memory>
#include <string>

namespace heart::routing::test {

inline std::string resourcePath(const std::string& relative)
{
    return std::string(HEARTDESK_SOURCE_DIR) + "/resources/" + relative;
}

inline RuleBook durhamRuleBook()
{
    RuleBook book;
    for (const char* file : {"rules/durham-2022-06-27-pilot.json", "rules/durham-2022-09-26-co-response.json",
                             "rules/durham-2023-10-23-citywide.json"}) {
        auto set = loadRuleSetFile(resourcePath(file));
        if (!set)
            qFatal("cannot load %s: %s", file, set.error().toString().c_str());
        if (!book.add(set.value()))
            qFatal("cannot add %s", file);
    }
    return book;
}

inline std::shared_ptr<const geo::BeatMap> durhamBeats()
{
    static const std::shared_ptr<const geo::BeatMap> beats = [] {
        auto map = geo::BeatMap::fromFile(resourcePath("beats/durham-beats-2022.geojson"));
        if (!map)
            qFatal("cannot load the beat map: %s", map.error().toString().c_str());
        return std::make_shared<const geo::BeatMap>(std::move(map).value());
    }();
    return beats;
}

inline roster::LocalDateTime at(int y, unsigned m, unsigned d, int hour, int minute = 0)
{
    using namespace std::chrono;
    return {year_month_day{year{y}, month{m}, day{d}}, hour * 60 + minute};
}

inline bool hasReason(const ProgramVerdict& verdict, ReasonCode code, const std::string& first = {},
                      const std::string& second = {})
{
    for (const Reason& reason : verdict.reasons) {
        if (reason.code == code && (first.empty() || reason.first == first) &&
            (second.empty() || reason.second == second))
            return true;
    }
    return false;
}

inline std::string describe(const ProgramVerdict& verdict)
{
    std::string text =
        std::string(programCode(verdict.program)) + (verdict.eligible ? " eligible" : " not eligible:");
    for (const Reason& reason : verdict.reasons)
        text += " " + std::string(reasonCode(reason.code)) + "(" + reason.first +
                (reason.second.empty() ? "" : "," + reason.second) + ")";
    return text;
}

} // namespace heart::routing::test
