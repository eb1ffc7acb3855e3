// How fast BeatMap answers "which beat is this point in?" for Durham's 2022
// beats, against GEOS measured in the same run on the same polygons: one
// prepared geometry per beat (GEOSPrepare_r), tried in beat order for the
// beats whose envelope holds the point, first hit wins, the same rule
// BeatMap follows. GEOSPreparedIntersects_r is the closed test (boundary
// counts), as BeatMap's is. The GEOS point geometries are made outside the
// timed loop, so GEOS is timed on its predicate alone. Random points cover
// the map's bounding box (fixed seed). Prints lookups per second for both,
// the ratio, and how many points the two answer differently; asserts no
// time and passes whenever it runs.
#define GEOS_USE_ONLY_R_API
#include "core/geo/BeatMap.h"
#include "core/routing/Router.h"
#include "core/routing/RuleSetJson.h"

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <geos_c.h>
#include <limits>
#include <random>
#include <span>
#include <vector>

using namespace heart::geo;
using Clock = std::chrono::steady_clock;

namespace {

// ctest runs benchmarks in Debug builds too: a million points take about
// 3 s there (1 s optimised), so the count stays the same in every build.
constexpr std::size_t kPoints = 1'000'000;
constexpr std::size_t kBatch = 10'000; // GEOS points alive at a time
constexpr std::uint64_t kSeed = 20221122;

double seconds(Clock::time_point start)
{
    return std::chrono::duration<double>(Clock::now() - start).count();
}

void geosError(const char* message, void*)
{
    std::fprintf(stderr, "GEOS error: %s\n", message);
}

// One beat's parts as a GEOS MultiPolygon, prepared.
struct GeosBeat
{
    GEOSGeometry* geometry = nullptr;
    const GEOSPreparedGeometry* prepared = nullptr;
    GeoBox envelope{0, 0, 0, 0};
};

GEOSGeometry* linearRing(GEOSContextHandle_t context, std::span<const GeoPoint> ring)
{
    std::vector<double> buffer;
    buffer.reserve(ring.size() * 2);
    for (const GeoPoint p : ring) {
        buffer.push_back(p.lon);
        buffer.push_back(p.lat);
    }
    GEOSCoordSequence* sequence =
        GEOSCoordSeq_copyFromBuffer_r(context, buffer.data(), static_cast<unsigned>(ring.size()), 0, 0);
    return GEOSGeom_createLinearRing_r(context, sequence);
}

std::vector<GeosBeat> geosBeats(GEOSContextHandle_t context, const BeatMap& map)
{
    const double inf = std::numeric_limits<double>::infinity();
    std::vector<GeosBeat> beats(map.beatIds().size(), GeosBeat{nullptr, nullptr, {inf, inf, -inf, -inf}});
    std::vector<std::vector<GEOSGeometry*>> polygons(beats.size());
    for (std::size_t part = 0; part < map.partCount(); ++part) {
        const auto beat = static_cast<std::size_t>(map.partBeatIndex(part));
        GEOSGeometry* shell = linearRing(context, map.partRing(part, 0));
        std::vector<GEOSGeometry*> holes;
        for (std::size_t r = 1; r < map.partRingCount(part); ++r)
            holes.push_back(linearRing(context, map.partRing(part, r)));
        polygons[beat].push_back(
            GEOSGeom_createPolygon_r(context, shell, holes.data(), static_cast<unsigned>(holes.size())));
        const GeoBox box = map.partBounds(part);
        GeoBox& envelope = beats[beat].envelope;
        envelope = {std::min(envelope.minLon, box.minLon), std::min(envelope.minLat, box.minLat),
                    std::max(envelope.maxLon, box.maxLon), std::max(envelope.maxLat, box.maxLat)};
    }
    for (std::size_t beat = 0; beat < beats.size(); ++beat) {
        beats[beat].geometry = GEOSGeom_createCollection_r(context, GEOS_MULTIPOLYGON, polygons[beat].data(),
                                                           static_cast<unsigned>(polygons[beat].size()));
        beats[beat].prepared = GEOSPrepare_r(context, beats[beat].geometry);
        // GEOS builds a prepared geometry's index on first use: do it here,
        // outside the timed loop, as BeatMap builds its grid at load.
        const GeoBox& e = beats[beat].envelope;
        GEOSGeometry* probe =
            GEOSGeom_createPointFromXY_r(context, (e.minLon + e.maxLon) / 2, (e.minLat + e.maxLat) / 2);
        GEOSPreparedIntersects_r(context, beats[beat].prepared, probe);
        GEOSGeom_destroy_r(context, probe);
    }
    return beats;
}

bool inside(const GeoBox& box, GeoPoint p)
{
    return p.lon >= box.minLon && p.lon <= box.maxLon && p.lat >= box.minLat && p.lat <= box.maxLat;
}

} // namespace

int main()
{
    auto start = Clock::now();
    const auto loaded = BeatMap::fromFile(HEARTDESK_BEAT_MAP);
    if (!loaded.ok()) {
        std::printf("bench_beat_lookup: %s\n", loaded.error().toString().c_str());
        return 1;
    }
    const BeatMap& map = loaded.value();
    const double loadSeconds = seconds(start);

    GEOSContextHandle_t context = GEOS_init_r();
    GEOSContext_setErrorMessageHandler_r(context, geosError, nullptr);
    start = Clock::now();
    const std::vector<GeosBeat> beats = geosBeats(context, map);
    const double geosBuildSeconds = seconds(start);

    const GeoBox box = map.bounds();
    std::mt19937_64 random(kSeed);
    std::uniform_real_distribution<double> lon(box.minLon, box.maxLon);
    std::uniform_real_distribution<double> lat(box.minLat, box.maxLat);
    std::vector<GeoPoint> points(kPoints);
    for (GeoPoint& p : points)
        p = {lon(random), lat(random)};

    // Ours: whole passes over the points until half a second has gone by,
    // so the figure does not hang on one cold pass.
    std::vector<int> ours(kPoints);
    int passes = 0;
    start = Clock::now();
    double oursSeconds = 0;
    do {
        for (std::size_t i = 0; i < kPoints; ++i)
            ours[i] = map.locateIndex(points[i]);
        ++passes;
        oursSeconds = seconds(start);
    } while (oursSeconds < 0.5);
    const double oursRate = static_cast<double>(kPoints) * passes / oursSeconds;

    // GEOS: one pass, timed batch by batch around the predicate calls only.
    std::vector<int> theirs(kPoints, -1);
    std::vector<GEOSGeometry*> batch;
    double geosSeconds = 0;
    std::size_t geosTests = 0;
    for (std::size_t first = 0; first < kPoints; first += kBatch) {
        const std::size_t last = std::min(kPoints, first + kBatch);
        batch.clear();
        for (std::size_t i = first; i < last; ++i)
            batch.push_back(GEOSGeom_createPointFromXY_r(context, points[i].lon, points[i].lat));
        start = Clock::now();
        for (std::size_t i = first; i < last; ++i) {
            for (std::size_t beat = 0; beat < beats.size(); ++beat) {
                if (!inside(beats[beat].envelope, points[i]))
                    continue;
                ++geosTests;
                if (GEOSPreparedIntersects_r(context, beats[beat].prepared, batch[i - first]) == 1) {
                    theirs[i] = static_cast<int>(beat);
                    break;
                }
            }
        }
        geosSeconds += seconds(start);
        for (GEOSGeometry* point : batch)
            GEOSGeom_destroy_r(context, point);
    }
    const double geosRate = static_cast<double>(kPoints) / geosSeconds;

    std::size_t disagreements = 0;
    std::size_t located = 0;
    for (std::size_t i = 0; i < kPoints; ++i) {
        located += ours[i] >= 0;
        if (ours[i] == theirs[i])
            continue;
        if (++disagreements <= 5) {
            const auto name = [&](int beat) {
                return beat < 0 ? "(none)" : map.beatIds()[static_cast<std::size_t>(beat)].c_str();
            };
            std::printf("  differs at (%.17g, %.17g): BeatMap %s, GEOS %s\n", points[i].lon, points[i].lat,
                        name(ours[i]), name(theirs[i]));
        }
    }

    std::printf("bench_beat_lookup: Durham 2022, %zu beats, %zu polygons; GEOS %s\n", map.beatIds().size(),
                map.partCount(), GEOSversion());
    std::printf("  %zu random points in the bounding box (seed %llu), %zu in a beat%s\n", kPoints,
                static_cast<unsigned long long>(kSeed), located,
#ifdef NDEBUG
                "");
#else
                " (unoptimised build: BeatMap's figure is low)");
#endif
    std::printf("  BeatMap: load + index %.0f ms, grid %dx%d, %zu mixed cells\n", loadSeconds * 1000,
                map.gridColumns(), map.gridRows(), map.mixedCellCount());
    std::printf(
        "  GEOS:    %.0f ms to build, prepare and index the geometries, %.2f predicate calls per point\n",
        geosBuildSeconds * 1000, static_cast<double>(geosTests) / kPoints);
    std::printf("  BeatMap::locateIndex  %12.0f lookups/s (%d passes)\n", oursRate, passes);
    std::printf("  GEOS prepared         %12.0f lookups/s\n", geosRate);
    std::printf("  ratio (BeatMap / GEOS) %.1fx\n", oursRate / geosRate);
    std::printf("  disagreements: %zu of %zu\n", disagreements, kPoints);

    // Full routing decisions for the same points (a Welfare Check on a
    // Wednesday morning under the citywide rules): locate, then judge every
    // program with every reason. Also against GEOS's bare lookup.
    heart::routing::RuleBook book;
    for (const char* file : {"/resources/rules/durham-2022-06-27-pilot.json",
                             "/resources/rules/durham-2022-09-26-co-response.json",
                             "/resources/rules/durham-2023-10-23-citywide.json"}) {
        auto set = heart::routing::loadRuleSetFile(std::string(HEARTDESK_SOURCE_DIR) + file);
        if (!set) {
            std::printf("bench_beat_lookup: %s\n", set.error().toString().c_str());
            return 1;
        }
        (void)book.add(std::move(set).value());
    }
    const heart::routing::Router router(std::move(book), std::make_shared<const BeatMap>(map));
    heart::routing::CallFacts call;
    call.callType = "Welfare Check";
    call.received = heart::roster::LocalDateTime{std::chrono::year{2024} / 5 / 15, 10 * 60};
    heart::routing::Decision decision;
    heart::Error error;
    std::size_t eligible = 0;
    start = Clock::now();
    for (const GeoPoint& point : points) {
        call.position = point;
        if (router.decideInto(call, decision, error) &&
            decision.eligible(heart::routing::Program::CommunityResponse))
            ++eligible;
    }
    const double decisionRate = static_cast<double>(kPoints) / seconds(start);
    std::printf("  full decisions        %12.0f decisions/s (%zu eligible for CRT)\n", decisionRate,
                eligible);
    std::printf("  ratio (decisions / GEOS lookups) %.1fx\n", decisionRate / geosRate);

    for (const GeosBeat& beat : beats) {
        GEOSPreparedGeom_destroy_r(context, beat.prepared);
        GEOSGeom_destroy_r(context, beat.geometry);
    }
    GEOS_finish_r(context);
    return 0;
}
