#pragma once
// Which police beat a point lies in, read from a GeoJSON beat map (Durham's
// 2022 beats ship in resources/beats). A call's beat decides who covers it,
// so the answer must be the same every time for the same point, including
// points exactly on the line between two beats: those go to the beat whose
// id sorts first.
//
// Lookups go through a uniform grid built at load time: a cell that no edge
// touches has its answer precomputed, and a cell crossed by edges keeps the
// few polygon parts worth testing, each with its edges bucketed into
// horizontal bands. A lookup never allocates.
#include "core/Result.h"

#include <cstddef>
#include <cstdint>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

namespace heart::geo {

// WGS84 degrees, GeoJSON order: longitude first.
struct GeoPoint
{
    double lon = 0;
    double lat = 0;
};

struct GeoBox
{
    double minLon, minLat, maxLon, maxLat;
};

struct BeatMapOptions
{
    // Property holding the beat id; numbers (111, 111.0) become "111",
    // strings stay as they are (trimmed).
    std::string idProperty = "beat";
    std::string sourceName = "<memory>"; // file name used in DataError::file
};

// Error codes (DataError::code) of fromGeoJson / fromFile:
//   cannot-read               the file could not be read (fromFile only)
//   json-syntax               not JSON; the message gives the byte offset
//   not-a-feature-collection  the root is not a FeatureCollection or Feature,
//                             or "features" is missing or not an array
//   not-a-feature             an element of "features" is not a Feature object
//   missing-id                no id property (the message lists the ones found)
//   bad-id                    the id is not a string or number, or is empty
//   unsupported-geometry      geometry missing, null, or not (Multi)Polygon
//   bad-geometry              "coordinates" is not nested as the type requires
//   ring-too-short            a ring with fewer than 4 positions
//   ring-not-closed           a ring whose first and last positions differ
//   bad-coordinate            a position that is not [lon, lat] with finite
//                             numbers, |lon| <= 180, |lat| <= 90
//   no-beats                  a collection without features
//   too-large, too-deep       past core/JsonLimits.h's bounds
//   too-complex               beats piled on top of each other, so that the
//                             lookup grid would take super-linear time
class BeatMap
{
public:
    static Result<BeatMap, DataError> fromGeoJson(std::string_view text, const BeatMapOptions& options = {});
    // sourceName defaults to path; an unreadable file gives "cannot-read".
    static Result<BeatMap, DataError> fromFile(const std::string& path, BeatMapOptions options = {});
    // The properties that could hold the beat id, for choosing one before the
    // map is read (replay's --beat-id, the settings screen): those that every
    // feature has as a non-empty string or a number, sorted. Errors: the
    // reader's for what makes a map unreadable before its geometry
    // (json-syntax, not-a-feature-collection, not-a-feature, no-beats, too-large, too-deep).
    static Result<std::vector<std::string>, DataError>
    idPropertyCandidates(std::string_view text, const std::string& sourceName = "<memory>");

    // The beat containing the point, or nullopt for "outside every beat".
    // The view points into beatIds() and lives as long as this map.
    std::optional<std::string_view> locate(GeoPoint p) const;
    // Index into beatIds(), -1 outside: the fast path used by benchmarks and replay.
    int locateIndex(GeoPoint p) const;
    // Sorted (std::string order, so "1000" < "999") and unique.
    const std::vector<std::string>& beatIds() const { return m_ids; }
    // Index of the id in beatIds(), -1 if there is no such beat.
    int indexOf(std::string_view beatId) const;
    GeoBox bounds() const { return m_bounds; }
    // Polygons (outer ring + holes) after loading, ordered by beat index.
    std::size_t partCount() const { return m_parts.size(); }

    // A point strictly inside the given beat (for tests and demo data): the
    // midpoint of the widest inside interval on horizontal scan lines through
    // the beat's parts, checked to locate to this beat.
    std::optional<GeoPoint> interiorPoint(std::string_view beatId) const;

    // The loaded geometry, for comparisons with other libraries and brute
    // force checks. Ring 0 of a part is its outer ring as given in the file;
    // every ring is closed (first position == last).
    int partBeatIndex(std::size_t part) const { return m_parts[part].beat; }
    std::size_t partRingCount(std::size_t part) const { return m_parts[part].ringCount; }
    std::span<const GeoPoint> partRing(std::size_t part, std::size_t ring) const;
    GeoBox partBounds(std::size_t part) const { return m_parts[part].box; }

    // Size of the lookup grid and how many of its cells need an exact test.
    int gridColumns() const { return m_nx; }
    int gridRows() const { return m_ny; }
    std::size_t mixedCellCount() const
    {
        return m_candidateOffsets.empty() ? 0 : m_candidateOffsets.size() - 1;
    }

private:
    enum class Where
    {
        Outside,
        Inside,
        Boundary
    };

    struct Ring
    {
        std::uint32_t begin = 0; // into m_points; end - begin >= 4
        std::uint32_t end = 0;
    };
    // Edges copied into their bands so a test reads one contiguous block.
    struct Edge
    {
        double ax, ay, bx, by;
    };
    struct Part
    {
        int beat = -1;
        std::uint32_t firstRing = 0;
        std::uint32_t ringCount = 0;
        GeoBox box{};
        std::uint32_t firstBand = 0; // into m_bandOffsets
        std::uint32_t bandCount = 1;
        double bandScale = 0; // bands per degree of latitude
    };
    struct Builder;
    friend struct Builder;

    Where partLocation(const Part& part, GeoPoint p) const;
    std::optional<std::string> buildIndex(); // what makes the map too complex, if anything
    void buildBands(Part& part);
    int cellX(double lon) const;
    int cellY(double lat) const;

    std::vector<std::string> m_ids;
    std::vector<GeoPoint> m_points;
    std::vector<Ring> m_rings;
    std::vector<Part> m_parts;
    std::vector<std::uint32_t> m_bandOffsets; // band b's edges: [m_bandOffsets[b], m_bandOffsets[b + 1])
    std::vector<Edge> m_bandEdges;

    GeoBox m_bounds{0, 0, 0, 0};
    int m_nx = 1;
    int m_ny = 1;
    double m_scaleX = 0; // cells per degree
    double m_scaleY = 0;
    // A cell >= -1 is the answer for the whole cell; a cell <= -2 is mixed:
    // its candidates are m_candidates[m_candidateOffsets[k]..[k + 1]) with
    // k = -2 - cell, in beat order. A candidate >= 0 is a part to test; one
    // < 0 means "beat -1 - candidate for certain" and ends the list.
    std::vector<std::int32_t> m_cells;
    std::vector<std::uint32_t> m_candidateOffsets;
    std::vector<std::int32_t> m_candidates;
};

} // namespace heart::geo
