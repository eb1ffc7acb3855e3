#include "core/geo/BeatMap.h"

#include "core/JsonLimits.h"

#include <algorithm>
#include <cctype>
#include <cerrno>
#include <charconv>
#include <cmath>
#include <cstdio>
#include <cstring>
#include <limits>
#include <nlohmann/json.hpp>

namespace heart::geo {

namespace {

using Json = nlohmann::json;

// Grid size: about four cells per edge, so most cells on a boundary hold one
// or two short edges, capped so the grid stays around a megabyte.
constexpr std::size_t kCellsPerEdge = 4;
constexpr std::size_t kMinCells = 256;
constexpr std::size_t kMaxCells = 512 * 512;
constexpr int kMaxSide = 4096;
// Bands per part: one per few edges keeps a band to a handful of edges even
// on long jagged boundaries.
constexpr std::size_t kEdgesPerBand = 2;
constexpr std::size_t kMaxBands = 1 << 16;
// Scan lines tried per part by interiorPoint().
constexpr int kScanLines = 31;
// Work bounds that keep loading linear in the input (issue 19): a band
// holds an edge once per band it spans, the grid a part once per cell its
// box covers and an edge once per cell its box covers. Real beats barely
// overlap, so these sums stay a few times the grid; only a map whose beats
// pile on top of each other (50,000 copies of one square) goes past them,
// and is refused as "too-complex".
constexpr std::size_t kBandEntriesPerEdge = 8;
constexpr std::size_t kGridCoverPerCell = 64;
constexpr std::size_t kGridCoverPerEdge = 16;
constexpr std::size_t kEdgeCoverPerCell = 32;

std::string member(const std::string& path, const std::string& name)
{
    return path.empty() ? name : path + "." + name;
}

std::string element(const std::string& path, std::size_t index)
{
    return path + "[" + std::to_string(index) + "]";
}

// Shortest text that reads back as the same double; integral values without
// a fraction, so 111.0 becomes "111".
std::string numberText(double value)
{
    if (value == std::floor(value) && std::fabs(value) < 9007199254740992.0) // 2^53: exact as an integer
        return std::to_string(static_cast<long long>(value));
    char buffer[32];
    const auto end = std::to_chars(buffer, buffer + sizeof buffer, value).ptr;
    return std::string(buffer, end);
}

// What a JSON value is, for messages: "the string \"abc\"", "null", ...
std::string describe(const Json& value)
{
    switch (value.type()) {
    case Json::value_t::null:
        return "null";
    case Json::value_t::boolean:
        return value.get<bool>() ? "true" : "false";
    case Json::value_t::string: {
        return "the string " + quotedExcerpt(value.get_ref<const std::string&>(), 40);
    }
    case Json::value_t::number_integer:
    case Json::value_t::number_unsigned:
    case Json::value_t::number_float:
        return "the number " + value.dump();
    case Json::value_t::array:
        return "an array of " + std::to_string(value.size()) + " element(s)";
    case Json::value_t::object:
        return "an object";
    default:
        return value.type_name();
    }
}

std::string trim(const std::string& text)
{
    const auto space = [](unsigned char c) {
        return std::isspace(c) != 0;
    };
    auto begin = std::find_if_not(text.begin(), text.end(), space);
    auto end = std::find_if_not(text.rbegin(), std::reverse_iterator(begin), space).base();
    return std::string(begin, end);
}

bool equalsIgnoringCase(const std::string& a, const std::string& b)
{
    return a.size() == b.size() &&
           std::equal(a.begin(), a.end(), b.begin(),
                      [](unsigned char x, unsigned char y) { return std::tolower(x) == std::tolower(y); });
}

bool contains(const GeoBox& box, GeoPoint p)
{
    return p.lon >= box.minLon && p.lon <= box.maxLon && p.lat >= box.minLat && p.lat <= box.maxLat;
}

// A value whose cell (as cellOf computes it) is cell i: the centre, nudged by
// a few ulps when rounding put the centre into a neighbour. Points mapped to
// a cell by the same function as the edges are what the grid's guarantees
// are about, so the representative must be one of them.
template <typename CellOf> double representative(double low, double scale, int i, CellOf cellOf)
{
    if (scale <= 0)
        return low;
    double value = low + (i + 0.5) / scale;
    for (int step = 0; step < 64 && cellOf(value) < i; ++step)
        value = std::nextafter(value, std::numeric_limits<double>::infinity());
    for (int step = 0; step < 64 && cellOf(value) > i; ++step)
        value = std::nextafter(value, -std::numeric_limits<double>::infinity());
    // If it still misses, no double maps to cell i and its answer is never read.
    return value;
}

// Monotone in value, so an edge whose range contains a value has that
// value's slot between its endpoints' slots: exact, no epsilon.
std::uint32_t slot(double value, double low, double scale, std::uint32_t count)
{
    const double f = (value - low) * scale;
    if (!(f > 0))
        return 0;
    return f < count ? static_cast<std::uint32_t>(f) : count - 1;
}

} // namespace

// Reads GeoJSON into parts; each error names the JSON path at fault.
struct BeatMap::Builder
{
    const BeatMapOptions& options;
    BeatMap map;
    std::vector<std::string> partIds; // per part, in reading order

    DataError error(std::string location, std::string code, std::string message) const
    {
        return DataError{options.sourceName, std::move(location), std::move(code), std::move(message)};
    }

    std::optional<DataError> root(const Json& json)
    {
        if (!json.is_object())
            return error("", "not-a-feature-collection",
                         "expected a GeoJSON FeatureCollection object, found " + describe(json));
        const auto type = json.find("type");
        if (type == json.end())
            return error("type", "not-a-feature-collection",
                         "expected \"type\": \"FeatureCollection\" or \"Feature\", found no \"type\" member");
        if (*type == "Feature")
            return feature(json, "");
        if (*type != "FeatureCollection")
            return error("type", "not-a-feature-collection",
                         "expected \"type\": \"FeatureCollection\" or \"Feature\", found " + describe(*type));
        const auto features = json.find("features");
        if (features == json.end())
            return error("features", "not-a-feature-collection",
                         "the FeatureCollection has no \"features\" member");
        if (!features->is_array())
            return error("features", "not-a-feature-collection",
                         "\"features\" must be an array, found " + describe(*features));
        if (features->empty())
            return error("features", "no-beats",
                         "the FeatureCollection has no features, so the map has no beats");
        for (std::size_t i = 0; i < features->size(); ++i) {
            if (auto failed = feature((*features)[i], element("features", i)))
                return failed;
        }
        return std::nullopt;
    }

    std::optional<DataError> feature(const Json& json, const std::string& path)
    {
        if (!json.is_object())
            return error(path, "not-a-feature", "expected a Feature object, found " + describe(json));
        const auto type = json.find("type");
        if (type == json.end() || *type != "Feature")
            return error(member(path, "type"), "not-a-feature",
                         "expected \"type\": \"Feature\", found " +
                             (type == json.end() ? "no \"type\" member" : describe(*type)));
        std::string id;
        if (auto failed = beatId(json, path, id))
            return failed;

        const std::string geometryPath = member(path, "geometry");
        const auto geometry = json.find("geometry");
        if (geometry == json.end())
            return error(geometryPath, "unsupported-geometry",
                         "the feature has no \"geometry\" member; expected a Polygon or MultiPolygon");
        if (!geometry->is_object())
            return error(geometryPath, "unsupported-geometry",
                         "expected a Polygon or MultiPolygon geometry, found " + describe(*geometry));
        const auto geometryType = geometry->find("type");
        const bool polygon = geometryType != geometry->end() && *geometryType == "Polygon";
        const bool multi = geometryType != geometry->end() && *geometryType == "MultiPolygon";
        if (!polygon && !multi)
            return error(
                geometryPath, "unsupported-geometry",
                "expected geometry type Polygon or MultiPolygon, found " +
                    (geometryType == geometry->end() ? "no \"type\" member" : describe(*geometryType)));
        const std::string coordinatesPath = member(geometryPath, "coordinates");
        const auto coordinates = geometry->find("coordinates");
        if (coordinates == geometry->end() || !coordinates->is_array())
            return error(
                coordinatesPath, "bad-geometry",
                std::string("expected an array of ") + (polygon ? "rings" : "polygons") + ", found " +
                    (coordinates == geometry->end() ? "no \"coordinates\" member" : describe(*coordinates)));
        if (polygon)
            return part(*coordinates, coordinatesPath, id);
        if (coordinates->empty())
            return error(coordinatesPath, "bad-geometry",
                         "a MultiPolygon needs at least one polygon, found none");
        for (std::size_t i = 0; i < coordinates->size(); ++i) {
            if (auto failed = part((*coordinates)[i], element(coordinatesPath, i), id))
                return failed;
        }
        return std::nullopt;
    }

    std::optional<DataError> beatId(const Json& feature, const std::string& path, std::string& id) const
    {
        const std::string& name = options.idProperty;
        const std::string location = member(member(path, "properties"), name);
        const auto properties = feature.find("properties");
        if (properties == feature.end() || !properties->is_object())
            return error(location, "missing-id",
                         "no beat id property \"" + name + "\": the feature's \"properties\" is " +
                             (properties == feature.end() ? "missing" : describe(*properties)));
        const auto value = properties->find(name);
        if (value == properties->end())
            return error(location, "missing-id", missingIdMessage(*properties));
        if (value->is_string()) {
            id = trim(value->get<std::string>());
            if (id.empty())
                return error(location, "bad-id", "the beat id is an empty string");
        } else if (value->is_number_integer()) {
            id = value->dump(); // exact decimal for any 64-bit integer
        } else if (value->is_number_float()) {
            id = numberText(value->get<double>());
        } else {
            return error(location, "bad-id",
                         "expected the beat id as a string or number, found " + describe(*value));
        }
        return std::nullopt;
    }

    std::string missingIdMessage(const Json& properties) const
    {
        const std::string& name = options.idProperty;
        if (properties.empty())
            return "no beat id property \"" + name + "\": the feature's properties are empty";
        std::string message = "no beat id property \"" + name + "\"; the feature's properties are ";
        std::size_t listed = 0;
        std::string sameButCase;
        for (const auto& [key, unused] : properties.items()) {
            if (equalsIgnoringCase(key, name))
                sameButCase = key;
            if (listed < 12)
                message += (listed++ == 0 ? "" : ", ") + quotedExcerpt(key);
        }
        if (properties.size() > listed)
            message += " and " + std::to_string(properties.size() - listed) + " more";
        if (!sameButCase.empty())
            message += "; did you mean " + quotedExcerpt(sameButCase) + "? (names are case-sensitive)";
        else
            message += "; set the id property to the one holding the beat id";
        return message;
    }

    // One polygon: outer ring and holes.
    std::optional<DataError> part(const Json& rings, const std::string& path, const std::string& id)
    {
        if (!rings.is_array() || rings.empty())
            return error(path, "bad-geometry",
                         "expected a polygon as a non-empty array of rings, found " + describe(rings));
        Part part;
        part.firstRing = static_cast<std::uint32_t>(map.m_rings.size());
        part.ringCount = static_cast<std::uint32_t>(rings.size());
        for (std::size_t i = 0; i < rings.size(); ++i) {
            if (auto failed = ring(rings[i], element(path, i)))
                return failed;
        }
        map.m_parts.push_back(part);
        partIds.push_back(id);
        return std::nullopt;
    }

    std::optional<DataError> ring(const Json& positions, const std::string& path)
    {
        if (!positions.is_array())
            return error(path, "bad-geometry",
                         "expected a ring as an array of positions, found " + describe(positions));
        if (positions.size() < 4)
            return error(path, "ring-too-short",
                         "a ring needs at least 4 positions (a closed triangle), found " +
                             std::to_string(positions.size()));
        Ring ring;
        ring.begin = static_cast<std::uint32_t>(map.m_points.size());
        for (std::size_t i = 0; i < positions.size(); ++i) {
            GeoPoint p;
            if (auto failed = position(positions[i], path, i, p))
                return failed;
            map.m_points.push_back(p);
        }
        ring.end = static_cast<std::uint32_t>(map.m_points.size());
        const GeoPoint first = map.m_points[ring.begin];
        const GeoPoint last = map.m_points[ring.end - 1];
        if (first.lon != last.lon || first.lat != last.lat)
            return error(path, "ring-not-closed",
                         "a ring must end where it starts: first position [" + numberText(first.lon) + ", " +
                             numberText(first.lat) + "], last [" + numberText(last.lon) + ", " +
                             numberText(last.lat) + "]");
        map.m_rings.push_back(ring);
        return std::nullopt;
    }

    std::optional<DataError> position(const Json& json, const std::string& ringPath, std::size_t index,
                                      GeoPoint& p) const
    {
        if (!json.is_array() || json.size() < 2)
            return error(element(ringPath, index), "bad-coordinate",
                         "expected a position [longitude, latitude], found " + describe(json));
        const char* names[] = {"longitude", "latitude"};
        const double limits[] = {180, 90};
        double values[2];
        for (std::size_t axis = 0; axis < 2; ++axis) {
            const Json& value = json[axis];
            const std::string where = element(element(ringPath, index), axis);
            if (!value.is_number())
                return error(where, "bad-coordinate",
                             std::string(names[axis]) + " must be a number, found " + describe(value));
            values[axis] = value.get<double>();
            if (!std::isfinite(values[axis]))
                return error(where, "bad-coordinate", std::string(names[axis]) + " is not a finite number");
            if (std::fabs(values[axis]) > limits[axis])
                return error(
                    where, "bad-coordinate",
                    std::string(names[axis]) + " " + numberText(values[axis]) + " is outside -" +
                        numberText(limits[axis]) + ".." + numberText(limits[axis]) +
                        (axis == 1 ? " (is the position [latitude, longitude]? GeoJSON wants longitude first)"
                                   : ""));
        }
        p = {values[0], values[1]};
        return std::nullopt;
    }
};

Result<BeatMap, DataError> BeatMap::fromGeoJson(std::string_view text, const BeatMapOptions& options)
{
    auto parsed = parseJsonText(text, options.sourceName, kJsonMaxDocumentBytes);
    if (!parsed)
        return parsed.error();
    Json json = std::move(parsed.value());

    Builder builder{options, BeatMap{}, {}};
    if (auto failed = builder.root(json))
        return *failed;
    json = Json(); // the document can be large; free it before building the index

    BeatMap& map = builder.map;
    map.m_ids = builder.partIds;
    std::sort(map.m_ids.begin(), map.m_ids.end());
    map.m_ids.erase(std::unique(map.m_ids.begin(), map.m_ids.end()), map.m_ids.end());
    for (std::size_t i = 0; i < map.m_parts.size(); ++i)
        map.m_parts[i].beat = map.indexOf(builder.partIds[i]);
    // Parts in beat order: a lookup tries candidates in this order and the
    // first hit is the smallest id, the answer the rules ask for.
    std::stable_sort(map.m_parts.begin(), map.m_parts.end(),
                     [](const Part& a, const Part& b) { return a.beat < b.beat; });

    const double inf = std::numeric_limits<double>::infinity();
    map.m_bounds = {inf, inf, -inf, -inf};
    for (Part& part : map.m_parts) {
        part.box = {inf, inf, -inf, -inf};
        for (std::uint32_t r = part.firstRing; r < part.firstRing + part.ringCount; ++r) {
            for (std::uint32_t i = map.m_rings[r].begin; i < map.m_rings[r].end; ++i) {
                const GeoPoint p = map.m_points[i];
                part.box = {std::min(part.box.minLon, p.lon), std::min(part.box.minLat, p.lat),
                            std::max(part.box.maxLon, p.lon), std::max(part.box.maxLat, p.lat)};
            }
        }
        map.m_bounds = {
            std::min(map.m_bounds.minLon, part.box.minLon), std::min(map.m_bounds.minLat, part.box.minLat),
            std::max(map.m_bounds.maxLon, part.box.maxLon), std::max(map.m_bounds.maxLat, part.box.maxLat)};
    }
    map.m_bandOffsets.assign(1, 0);
    for (Part& part : map.m_parts)
        map.buildBands(part);
    if (auto tooComplex = map.buildIndex())
        return DataError{options.sourceName, "", "too-complex", *tooComplex};
    return std::move(builder.map);
}

Result<std::vector<std::string>, DataError> BeatMap::idPropertyCandidates(std::string_view text,
                                                                          const std::string& sourceName)
{
    auto parsed = parseJsonText(text, sourceName, kJsonMaxDocumentBytes);
    if (!parsed)
        return parsed.error();
    const Json& root = parsed.value();
    const auto typeOf = [](const Json& value) {
        const auto type = value.is_object() ? value.find("type") : value.end();
        return type != value.end() && type->is_string() ? type->get<std::string>() : std::string();
    };
    std::vector<const Json*> features;
    if (typeOf(root) == "Feature") {
        features.push_back(&root);
    } else if (typeOf(root) == "FeatureCollection" && root.contains("features") &&
               root["features"].is_array()) {
        for (const Json& feature : root["features"])
            features.push_back(&feature);
    } else {
        return DataError{sourceName, "", "not-a-feature-collection",
                         "expected a GeoJSON FeatureCollection with a \"features\" list, or one Feature"};
    }
    if (features.empty())
        return DataError{sourceName, "features", "no-beats", "the collection has no features"};
    const auto usable = [](const Json& value) {
        return (value.is_string() && !trim(value.get<std::string>()).empty()) || value.is_number();
    };
    std::vector<std::string> names;
    for (std::size_t i = 0; i < features.size(); ++i) {
        const Json& feature = *features[i];
        if (typeOf(feature) != "Feature")
            return DataError{sourceName, element("features", i), "not-a-feature",
                             "expected a GeoJSON Feature"};
        const auto properties = feature.find("properties");
        if (properties == feature.end() || !properties->is_object())
            return std::vector<std::string>{};
        if (i == 0) {
            for (const auto& [key, value] : properties->items()) {
                if (usable(value))
                    names.push_back(key);
            }
        } else {
            std::erase_if(names, [&](const std::string& name) {
                const auto value = properties->find(name);
                return value == properties->end() || !usable(*value);
            });
        }
    }
    return names;
}

Result<BeatMap, DataError> BeatMap::fromFile(const std::string& path, BeatMapOptions options)
{
    if (options.sourceName == BeatMapOptions{}.sourceName)
        options.sourceName = path;
    std::FILE* file = std::fopen(path.c_str(), "rb");
    if (!file)
        return DataError{options.sourceName, "", "cannot-read",
                         "cannot open \"" + path + "\": " + std::strerror(errno)};
    std::string text;
    char buffer[1 << 16];
    std::size_t count = 0;
    while ((count = std::fread(buffer, 1, sizeof buffer, file)) > 0)
        text.append(buffer, count);
    const bool failed = std::ferror(file) != 0; // e.g. EISDIR: a directory opens but does not read
    const int readError = errno;
    std::fclose(file);
    if (failed)
        return DataError{options.sourceName, "", "cannot-read",
                         "cannot read \"" + path + "\": " + std::strerror(readError)};
    return fromGeoJson(text, options);
}

int BeatMap::indexOf(std::string_view beatId) const
{
    const auto it = std::lower_bound(m_ids.begin(), m_ids.end(), beatId);
    return it != m_ids.end() && *it == beatId ? static_cast<int>(it - m_ids.begin()) : -1;
}

std::span<const GeoPoint> BeatMap::partRing(std::size_t part, std::size_t ring) const
{
    const Ring& r = m_rings[m_parts[part].firstRing + ring];
    return {m_points.data() + r.begin, r.end - r.begin};
}

void BeatMap::buildBands(Part& part)
{
    std::size_t edges = 0;
    for (std::uint32_t r = part.firstRing; r < part.firstRing + part.ringCount; ++r)
        edges += m_rings[r].end - m_rings[r].begin - 1;
    const double height = part.box.maxLat - part.box.minLat;
    part.bandCount =
        height > 0 ? static_cast<std::uint32_t>(std::clamp<std::size_t>(edges / kEdgesPerBand, 1, kMaxBands))
                   : 1;
    part.bandScale = height > 0 ? part.bandCount / height : 0;
    part.firstBand = static_cast<std::uint32_t>(m_bandOffsets.size() - 1);
    // Tall edges (a zigzag across the part) span many bands: fewer bands
    // until the copies stay within kBandEntriesPerEdge per edge.
    const auto bandEntries = [&] {
        std::size_t total = 0;
        for (std::uint32_t r = part.firstRing; r < part.firstRing + part.ringCount; ++r) {
            for (std::uint32_t i = m_rings[r].begin; i + 1 < m_rings[r].end; ++i) {
                const double low = std::min(m_points[i].lat, m_points[i + 1].lat);
                const double high = std::max(m_points[i].lat, m_points[i + 1].lat);
                total += slot(high, part.box.minLat, part.bandScale, part.bandCount) -
                         slot(low, part.box.minLat, part.bandScale, part.bandCount) + 1;
            }
        }
        return total;
    };
    while (part.bandCount > 1 && bandEntries() > kBandEntriesPerEdge * (edges + 1)) {
        part.bandCount = std::max<std::uint32_t>(1, part.bandCount / 4);
        part.bandScale = part.bandCount / height;
    }

    // An edge goes into every band its latitude range touches: a scan line at
    // any latitude then finds every edge it can cross or touch in one band.
    const auto forEachEdge = [&](auto&& f) {
        for (std::uint32_t r = part.firstRing; r < part.firstRing + part.ringCount; ++r) {
            for (std::uint32_t i = m_rings[r].begin; i + 1 < m_rings[r].end; ++i) {
                const Edge edge{m_points[i].lon, m_points[i].lat, m_points[i + 1].lon, m_points[i + 1].lat};
                f(edge, slot(std::min(edge.ay, edge.by), part.box.minLat, part.bandScale, part.bandCount),
                  slot(std::max(edge.ay, edge.by), part.box.minLat, part.bandScale, part.bandCount));
            }
        }
    };
    std::vector<std::uint32_t> next(part.bandCount, 0);
    forEachEdge([&](const Edge&, std::uint32_t first, std::uint32_t last) {
        for (std::uint32_t b = first; b <= last; ++b)
            ++next[b];
    });
    std::uint32_t offset = static_cast<std::uint32_t>(m_bandEdges.size());
    for (std::uint32_t b = 0; b < part.bandCount; ++b) {
        const std::uint32_t count = next[b];
        next[b] = offset;
        offset += count;
        m_bandOffsets.push_back(offset);
    }
    m_bandEdges.resize(offset);
    forEachEdge([&](const Edge& edge, std::uint32_t first, std::uint32_t last) {
        for (std::uint32_t b = first; b <= last; ++b)
            m_bandEdges[next[b]++] = edge;
    });
}

// Even-odd over the part's rings with a ray towards +lon; a point on an edge
// or vertex is Boundary. Only the edges of the point's band are read.
BeatMap::Where BeatMap::partLocation(const Part& part, GeoPoint p) const
{
    if (!contains(part.box, p))
        return Where::Outside;
    const std::uint32_t band = part.firstBand + slot(p.lat, part.box.minLat, part.bandScale, part.bandCount);
    const Edge* edge = m_bandEdges.data() + m_bandOffsets[band];
    const Edge* const end = m_bandEdges.data() + m_bandOffsets[band + 1];
    bool inside = false;
    for (; edge != end; ++edge) {
        const bool aAbove = edge->ay > p.lat;
        const bool bAbove = edge->by > p.lat;
        if (aAbove != bAbove) {
            // The edge spans p's latitude (half-open, so a vertex on the scan
            // line counts once). The sign of the cross product says on which
            // side p lies; exactly 0 means on the line.
            const double cross =
                (edge->bx - edge->ax) * (p.lat - edge->ay) - (edge->by - edge->ay) * (p.lon - edge->ax);
            if (cross == 0) {
                if (p.lon >= std::min(edge->ax, edge->bx) && p.lon <= std::max(edge->ax, edge->bx))
                    return Where::Boundary;
                if (p.lon < std::min(edge->ax, edge->bx))
                    inside = !inside;
            } else if ((cross > 0) == bAbove) {
                inside = !inside; // p left of an upward edge or right of a downward one: the ray crosses it
            }
        } else if (p.lat == edge->ay || p.lat == edge->by) {
            // Touches p's latitude without spanning it: a horizontal edge, or
            // an edge ending on the scan line; p can only be on it exactly.
            const bool on =
                edge->ay == edge->by
                    ? p.lon >= std::min(edge->ax, edge->bx) && p.lon <= std::max(edge->ax, edge->bx)
                    : (p.lat == edge->ay ? p.lon == edge->ax : p.lon == edge->bx);
            if (on)
                return Where::Boundary;
        }
    }
    return inside ? Where::Inside : Where::Outside;
}

int BeatMap::cellX(double lon) const
{
    return static_cast<int>(slot(lon, m_bounds.minLon, m_scaleX, static_cast<std::uint32_t>(m_nx)));
}

int BeatMap::cellY(double lat) const
{
    return static_cast<int>(slot(lat, m_bounds.minLat, m_scaleY, static_cast<std::uint32_t>(m_ny)));
}

std::optional<std::string> BeatMap::buildIndex()
{
    std::size_t edges = 0;
    for (const Ring& ring : m_rings)
        edges += ring.end - ring.begin - 1;
    const double width = m_bounds.maxLon - m_bounds.minLon;
    const double height = m_bounds.maxLat - m_bounds.minLat;
    const double target = static_cast<double>(std::clamp(edges * kCellsPerEdge, kMinCells, kMaxCells));
    m_nx = 1;
    m_ny = 1;
    if (width > 0 && height > 0) {
        m_nx = std::clamp(static_cast<int>(std::lround(std::sqrt(target * width / height))), 1, kMaxSide);
        m_ny = std::clamp(static_cast<int>(std::lround(target / m_nx)), 1, kMaxSide);
    } else if (width > 0) {
        m_nx = std::min(static_cast<int>(target), kMaxSide);
    } else if (height > 0) {
        m_ny = std::min(static_cast<int>(target), kMaxSide);
    }
    m_scaleX = width > 0 ? m_nx / width : 0;
    m_scaleY = height > 0 ? m_ny / height : 0;

    // Each part's box in cells, and the work the index will take: refused
    // (not built slowly) when beats pile on top of each other.
    struct CellBox
    {
        int x0, x1, y0, y1;
    };
    std::vector<CellBox> boxes(m_parts.size());
    const std::size_t cells = static_cast<std::size_t>(m_nx) * static_cast<std::size_t>(m_ny);
    std::size_t cover = 0;
    std::vector<std::vector<std::uint32_t>> startingRow(static_cast<std::size_t>(m_ny));
    for (std::uint32_t k = 0; k < m_parts.size(); ++k) {
        const GeoBox& box = m_parts[k].box;
        boxes[k] = {cellX(box.minLon), cellX(box.maxLon), cellY(box.minLat), cellY(box.maxLat)};
        cover += static_cast<std::size_t>(boxes[k].x1 - boxes[k].x0 + 1) *
                 static_cast<std::size_t>(boxes[k].y1 - boxes[k].y0 + 1);
        startingRow[static_cast<std::size_t>(boxes[k].y0)].push_back(k);
    }
    if (cover > kGridCoverPerCell * cells + m_parts.size())
        return "the beats overlap too much for a beat map: their " + std::to_string(m_parts.size()) +
               " polygons cover the map " + std::to_string(cover / cells) + " times over (at most " +
               std::to_string(kGridCoverPerCell) + ")";
    std::size_t touchCount = 0;
    const auto forEachEdgeCells = [&](auto&& f) {
        for (std::uint32_t k = 0; k < m_parts.size(); ++k) {
            const Part& part = m_parts[k];
            for (std::uint32_t r = part.firstRing; r < part.firstRing + part.ringCount; ++r) {
                for (std::uint32_t i = m_rings[r].begin; i + 1 < m_rings[r].end; ++i) {
                    const GeoPoint a = m_points[i];
                    const GeoPoint b = m_points[i + 1];
                    f(k, cellX(std::min(a.lon, b.lon)), cellX(std::max(a.lon, b.lon)),
                      cellY(std::min(a.lat, b.lat)), cellY(std::max(a.lat, b.lat)));
                }
            }
        }
    };
    forEachEdgeCells([&](std::uint32_t, int x0, int x1, int y0, int y1) {
        touchCount += static_cast<std::size_t>(x1 - x0 + 1) * static_cast<std::size_t>(y1 - y0 + 1);
    });
    if (touchCount > kGridCoverPerEdge * edges + kEdgeCoverPerCell * cells)
        return "the beats' edges cross the lookup grid " + std::to_string(touchCount) +
               " times, too many for " + std::to_string(edges) +
               " edges: long edges that overlap (a beat drawn over and over)";

    // (cell, part) for every cell an edge's bounding box touches, cells
    // computed by the same monotone function as lookups: an edge passing
    // through a cell always marks it.
    std::vector<std::uint64_t> touches;
    touches.reserve(touchCount);
    forEachEdgeCells([&](std::uint32_t k, int x0, int x1, int y0, int y1) {
        for (int y = y0; y <= y1; ++y) {
            for (int x = x0; x <= x1; ++x)
                touches.push_back(static_cast<std::uint64_t>(y * m_nx + x) << 32 | k);
        }
    });
    std::sort(touches.begin(), touches.end());
    touches.erase(std::unique(touches.begin(), touches.end()), touches.end());

    std::vector<double> repX(static_cast<std::size_t>(m_nx));
    for (int x = 0; x < m_nx; ++x)
        repX[static_cast<std::size_t>(x)] =
            representative(m_bounds.minLon, m_scaleX, x, [&](double v) { return cellX(v); });

    m_cells.assign(cells, -1);
    m_candidateOffsets.assign(1, 0);
    m_candidates.clear();
    std::size_t touch = 0;
    // The parts whose box covers the row, in order of their first column,
    // and those whose box covers the cell (in part order): a cell looks at
    // these only, so the work is the parts'
    // box areas in cells, which `cover` bounds.
    std::vector<std::uint32_t> byColumn;
    const auto byFirstColumn = [&](std::uint32_t a, std::uint32_t b) {
        return boxes[a].x0 < boxes[b].x0 || (boxes[a].x0 == boxes[b].x0 && a < b);
    };
    std::vector<std::uint32_t> active;
    std::vector<std::uint32_t> cellParts;
    for (int y = 0; y < m_ny; ++y) {
        const double repY = representative(m_bounds.minLat, m_scaleY, y, [&](double v) { return cellY(v); });
        // The row's parts by first column (then part), kept from row to row.
        std::erase_if(byColumn, [&](std::uint32_t k) { return boxes[k].y1 < y; });
        auto& starting = startingRow[static_cast<std::size_t>(y)];
        std::sort(starting.begin(), starting.end(), byFirstColumn);
        const auto middle = byColumn.insert(byColumn.end(), starting.begin(), starting.end());
        std::inplace_merge(byColumn.begin(), middle, byColumn.end(), byFirstColumn);
        std::size_t entering = 0;
        active.clear();
        // Cells no edge touches, side by side, lie in the same face of the
        // map, so a run of them shares one answer, computed once. A part
        // covering a later cell of the run covers its first one too, so it
        // is active there.
        bool runKnown = false;
        int runAnswer = -1;
        for (int x = 0; x < m_nx; ++x) {
            std::erase_if(active, [&](std::uint32_t k) { return boxes[k].x1 < x; });
            const std::size_t before = active.size();
            while (entering < byColumn.size() && boxes[byColumn[entering]].x0 <= x)
                active.push_back(byColumn[entering++]);
            if (active.size() != before) {
                std::sort(active.begin() + std::ptrdiff_t(before), active.end());
                std::inplace_merge(active.begin(), active.begin() + std::ptrdiff_t(before), active.end());
            }
            const std::size_t cell =
                static_cast<std::size_t>(y) * static_cast<std::size_t>(m_nx) + static_cast<std::size_t>(x);
            const GeoPoint rep{repX[static_cast<std::size_t>(x)], repY};
            cellParts.clear();
            while (touch < touches.size() && (touches[touch] >> 32) == cell)
                cellParts.push_back(static_cast<std::uint32_t>(touches[touch++] & 0xffffffffu));
            if (cellParts.empty()) {
                if (!runKnown) {
                    runAnswer = -1;
                    for (const std::uint32_t k : active) {
                        if (partLocation(m_parts[k], rep) != Where::Outside) {
                            runAnswer = m_parts[k].beat;
                            break;
                        }
                    }
                    runKnown = true;
                }
                m_cells[cell] = runAnswer;
                continue;
            }
            runKnown = false;
            // Mixed: the parts with edges here must be tested; a part without
            // edges here covers the whole cell or none of it, so the first
            // one covering the representative settles the rest of the list.
            const std::size_t start = m_candidates.size();
            std::size_t next = 0;
            for (const std::uint32_t k : active) {
                if (next < cellParts.size() && cellParts[next] == k) {
                    m_candidates.push_back(static_cast<std::int32_t>(k));
                    ++next;
                } else if (partLocation(m_parts[k], rep) != Where::Outside) {
                    const int beat = m_parts[k].beat;
                    while (m_candidates.size() > start &&
                           m_parts[static_cast<std::size_t>(m_candidates.back())].beat == beat)
                        m_candidates.pop_back();
                    m_candidates.push_back(-1 - beat);
                    break;
                }
            }
            if (m_candidates.size() == start || m_candidates[start] < 0) { // certain before any test: no list
                m_cells[cell] = m_candidates.size() == start ? -1 : -1 - m_candidates[start];
                m_candidates.resize(start);
                continue;
            }
            m_cells[cell] = -2 - static_cast<std::int32_t>(m_candidateOffsets.size() - 1);
            m_candidateOffsets.push_back(static_cast<std::uint32_t>(m_candidates.size()));
        }
    }
    return std::nullopt;
}

int BeatMap::locateIndex(GeoPoint p) const
{
    if (!contains(m_bounds, p)) // also NaN
        return -1;
    const std::int32_t cell =
        m_cells[static_cast<std::size_t>(cellY(p.lat)) * static_cast<std::size_t>(m_nx) +
                static_cast<std::size_t>(cellX(p.lon))];
    if (cell >= -1)
        return cell;
    const std::size_t list = static_cast<std::size_t>(-2 - cell);
    const std::int32_t* candidate = m_candidates.data() + m_candidateOffsets[list];
    const std::int32_t* const end = m_candidates.data() + m_candidateOffsets[list + 1];
    for (; candidate != end; ++candidate) {
        if (*candidate < 0)
            return -1 - *candidate;
        const Part& part = m_parts[static_cast<std::size_t>(*candidate)];
        if (partLocation(part, p) != Where::Outside)
            return part.beat;
    }
    return -1;
}

std::optional<std::string_view> BeatMap::locate(GeoPoint p) const
{
    const int index = locateIndex(p);
    if (index < 0)
        return std::nullopt;
    return std::string_view(m_ids[static_cast<std::size_t>(index)]);
}

std::optional<GeoPoint> BeatMap::interiorPoint(std::string_view beatId) const
{
    const int beat = indexOf(beatId);
    if (beat < 0)
        return std::nullopt;
    struct Candidate
    {
        double width;
        GeoPoint point;
    };
    std::vector<Candidate> candidates;
    std::vector<double> crossings;
    for (const Part& part : m_parts) {
        if (part.beat != beat)
            continue;
        for (int line = 1; line <= kScanLines; ++line) {
            const double lat =
                part.box.minLat + (part.box.maxLat - part.box.minLat) * line / (kScanLines + 1);
            crossings.clear();
            for (std::uint32_t r = part.firstRing; r < part.firstRing + part.ringCount; ++r) {
                for (std::uint32_t i = m_rings[r].begin; i + 1 < m_rings[r].end; ++i) {
                    const GeoPoint a = m_points[i];
                    const GeoPoint b = m_points[i + 1];
                    if ((a.lat > lat) != (b.lat > lat))
                        crossings.push_back(a.lon + (lat - a.lat) * (b.lon - a.lon) / (b.lat - a.lat));
                }
            }
            std::sort(crossings.begin(), crossings.end());
            for (std::size_t i = 0; i + 1 < crossings.size(); i += 2) // even-odd: inside between pairs
                candidates.push_back(
                    {crossings[i + 1] - crossings[i], {(crossings[i] + crossings[i + 1]) / 2, lat}});
        }
    }
    std::stable_sort(candidates.begin(), candidates.end(),
                     [](const Candidate& a, const Candidate& b) { return a.width > b.width; });
    // Rounding in the crossings, or another beat overlapping with a smaller
    // id, could spoil a candidate: take the widest one that checks out.
    for (const Candidate& candidate : candidates) {
        if (locateIndex(candidate.point) != beat)
            continue;
        const bool onBoundary = std::any_of(m_parts.begin(), m_parts.end(), [&](const Part& part) {
            return partLocation(part, candidate.point) == Where::Boundary;
        });
        if (!onBoundary)
            return candidate.point;
    }
    return std::nullopt;
}

} // namespace heart::geo
