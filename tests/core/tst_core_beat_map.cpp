// Beat lookup (core/geo/BeatMap): Durham's 2022 beats, dissolved (the
// resource) and raw (the ArcGIS export, several features per beat), load;
// every beat's interior point locates to that beat; a few real places land
// where a brute-force scan says; the grid index agrees with a brute-force
// closed point-in-polygon scan for 20,000 random points and for ring
// vertices, shared ones included; small inline maps pin the rules (a point
// on a shared edge or corner goes to the smallest id, holes, MultiPolygons,
// id formats); malformed input gives the right error code and JSON path.
#include "core/geo/BeatMap.h"

#include <QTest>
#include <algorithm>
#include <limits>
#include <map>
#include <optional>
#include <random>
#include <set>
#include <string>
#include <vector>

using namespace heart;
using namespace heart::geo;

namespace {

const QString kDissolvedPath =
    QStringLiteral(HEARTDESK_SOURCE_DIR "/resources/beats/durham-beats-2022.geojson");
const QString kRawPath = QStringLiteral(HEARTDESK_TEST_DATA "/beats/durham_police_beats.geojson");

// The 37 beats resources/beats/SOURCE.txt lists.
const std::vector<std::string> kDurhamBeats = {
    "111", "112", "113", "114", "121", "122", "123", "124", "211", "212", "213", "214", "221",
    "222", "223", "224", "299", "311", "312", "313", "314", "321", "322", "323", "324", "411",
    "412", "413", "414", "415", "421", "422", "423", "511", "512", "513", "999"};

// What a brute-force scan over every edge of every part says about a point.
struct Truth
{
    int beat = -1;           // smallest beat index among the parts containing p (closed), -1 if none
    bool onBoundary = false; // p lies on some ring's edge or vertex
};

// Written apart from BeatMap's index on purpose: no grid, no bands, every
// edge of every part whose box holds p. The predicate is the same one the
// header promises: exact cross product == 0 within the edge's box is "on
// the boundary", otherwise even-odd crossings of a ray towards +lon.
Truth bruteForce(const BeatMap& map, GeoPoint p)
{
    Truth truth;
    for (std::size_t part = 0; part < map.partCount(); ++part) {
        const GeoBox box = map.partBounds(part);
        if (p.lon < box.minLon || p.lon > box.maxLon || p.lat < box.minLat || p.lat > box.maxLat)
            continue;
        bool inside = false;
        bool on = false;
        for (std::size_t r = 0; r < map.partRingCount(part) && !on; ++r) {
            const auto ring = map.partRing(part, r);
            for (std::size_t i = 0; i + 1 < ring.size(); ++i) {
                const GeoPoint a = ring[i];
                const GeoPoint b = ring[i + 1];
                const double cross = (b.lon - a.lon) * (p.lat - a.lat) - (b.lat - a.lat) * (p.lon - a.lon);
                if (cross == 0 && p.lon >= std::min(a.lon, b.lon) && p.lon <= std::max(a.lon, b.lon) &&
                    p.lat >= std::min(a.lat, b.lat) && p.lat <= std::max(a.lat, b.lat)) {
                    on = true;
                    break;
                }
                if ((a.lat > p.lat) != (b.lat > p.lat) && (cross > 0) == (b.lat > p.lat))
                    inside = !inside;
            }
        }
        truth.onBoundary = truth.onBoundary || on;
        if ((on || inside) && (truth.beat < 0 || map.partBeatIndex(part) < truth.beat))
            truth.beat = map.partBeatIndex(part);
    }
    return truth;
}

BeatMap load(const QString& path, const std::string& idProperty = "beat")
{
    BeatMapOptions options;
    options.idProperty = idProperty;
    auto loaded = BeatMap::fromFile(path.toStdString(), options);
    if (!loaded.ok())
        qFatal("cannot load %s: %s", qPrintable(path), loaded.error().toString().c_str());
    return std::move(loaded).value();
}

QString located(const BeatMap& map, GeoPoint p)
{
    const auto beat = map.locate(p);
    return beat ? QString::fromStdString(std::string(*beat)) : QString();
}

// Inline GeoJSON builders for the small maps.
std::string square(double x0, double y0, double x1, double y1)
{
    const auto n = [](double v) {
        return QByteArray::number(v, 'g', 17).toStdString();
    };
    return "[[" + n(x0) + "," + n(y0) + "],[" + n(x1) + "," + n(y0) + "],[" + n(x1) + "," + n(y1) + "],[" +
           n(x0) + "," + n(y1) + "],[" + n(x0) + "," + n(y0) + "]]";
}

std::string polygon(const std::string& rings)
{
    return R"({"type":"Polygon","coordinates":[)" + rings + "]}";
}

std::string feature(const std::string& id, const std::string& geometry, const std::string& property = "beat")
{
    return R"({"type":"Feature","properties":{")" + property + "\":" + id + R"(,"name":"x"},"geometry":)" +
           geometry + "}";
}

std::string collection(const std::vector<std::string>& features)
{
    std::string text = R"({"type":"FeatureCollection","features":[)";
    for (std::size_t i = 0; i < features.size(); ++i)
        text += (i ? "," : "") + features[i];
    return text + "]}";
}

QByteArray bytes(const std::string& text)
{
    return QByteArray::fromStdString(text);
}

} // namespace

class TestBeatMap : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void durhamBeatIds();
    void durhamInteriorPoints_data();
    void durhamInteriorPoints();
    void durhamPlaces_data();
    void durhamPlaces();
    void rawMapAgreesWithDissolved();
    void randomPointsMatchBruteForce();
    void verticesMatchBruteForce();
    void outsideBounds();
    void smallMaps_data();
    void smallMaps();
    void sharedEdgeIsConsistent();
    void ids_data();
    void ids();
    void errors_data();
    void errors();
    void unreadableFile();

private:
    std::optional<BeatMap> m_dissolved;
    std::optional<BeatMap> m_raw;
};

void TestBeatMap::initTestCase()
{
    m_dissolved = load(kDissolvedPath);
    m_raw = load(kRawPath, "LAWBEAT");
}

void TestBeatMap::durhamBeatIds()
{
    QVERIFY(m_dissolved->beatIds() == kDurhamBeats);
    QVERIFY(m_raw->beatIds() == kDurhamBeats);
    // Dissolved: one MultiPolygon per beat, 128 polygons in all; raw: one
    // Polygon per feature.
    QCOMPARE(m_dissolved->partCount(), std::size_t{128});
    QCOMPARE(m_raw->partCount(), std::size_t{129});
    const GeoBox box = m_dissolved->bounds();
    QVERIFY(box.minLon > -79.01 && box.maxLon < -78.75 && box.minLat > 35.86 && box.maxLat < 36.19);
    QVERIFY(m_dissolved->mixedCellCount() > 0);
}

void TestBeatMap::durhamInteriorPoints_data()
{
    QTest::addColumn<QString>("beat");
    for (const std::string& beat : kDurhamBeats)
        QTest::newRow(beat.c_str()) << QString::fromStdString(beat);
}

void TestBeatMap::durhamInteriorPoints()
{
    QFETCH(QString, beat);
    const BeatMap& map = *m_dissolved;
    const auto point = map.interiorPoint(beat.toStdString());
    QVERIFY(point.has_value());
    const Truth truth = bruteForce(map, *point);
    QCOMPARE(truth.beat, map.indexOf(beat.toStdString()));
    QVERIFY2(!truth.onBoundary, "an interior point must not lie on any ring");
    QCOMPARE(located(map, *point), beat);
}

// Coordinates checked by brute force over the dissolved map (and the raw
// one agrees) before being written down here.
void TestBeatMap::durhamPlaces_data()
{
    QTest::addColumn<double>("lon");
    QTest::addColumn<double>("lat");
    QTest::addColumn<QString>("beat"); // empty: outside every beat
    QTest::newRow("downtown Durham") << -78.8986 << 35.9940 << QStringLiteral("512");
    QTest::newRow("near Duke Chapel") << -78.9402 << 36.0019 << QStringLiteral("312");
    QTest::newRow("near NC Central University") << -78.8984 << 35.9745 << QStringLiteral("412");
    QTest::newRow("near Southpoint") << -78.9387 << 35.9025 << QStringLiteral("422");
    QTest::newRow("near Northgate") << -78.9091 << 36.0221 << QStringLiteral("213");
    QTest::newRow("Raleigh") << -78.6382 << 35.7796 << QString();
    QTest::newRow("RDU airport (in the box, in no beat)") << -78.7880 << 35.8801 << QString();
}

void TestBeatMap::durhamPlaces()
{
    QFETCH(double, lon);
    QFETCH(double, lat);
    QFETCH(QString, beat);
    const GeoPoint p{lon, lat};
    const Truth truth = bruteForce(*m_dissolved, p);
    QCOMPARE(truth.beat, beat.isEmpty() ? -1 : m_dissolved->indexOf(beat.toStdString()));
    QCOMPARE(located(*m_dissolved, p), beat);
    QCOMPARE(located(*m_raw, p), beat);
}

// The raw export has a feature per polygon (several per beat); merged by
// id they must answer as the dissolved map does. (Measured once: of 10^6
// random points in the box, 2 differ, both on the map's outer edge where
// the upstream dissolve moved the outline slightly; no point lies in two
// beats in either file.)
void TestBeatMap::rawMapAgreesWithDissolved()
{
    for (const std::string& beat : kDurhamBeats) {
        const auto point = m_dissolved->interiorPoint(beat);
        QVERIFY(point.has_value());
        QCOMPARE(located(*m_raw, *point), QString::fromStdString(beat));
        const auto rawPoint = m_raw->interiorPoint(beat);
        QVERIFY(rawPoint.has_value());
        QCOMPARE(located(*m_dissolved, *rawPoint), QString::fromStdString(beat));
    }
}

void TestBeatMap::randomPointsMatchBruteForce()
{
    for (const BeatMap* map : {&*m_dissolved, &*m_raw}) {
        const GeoBox box = map->bounds();
        std::mt19937_64 random(20260409);
        std::uniform_real_distribution<double> lon(box.minLon, box.maxLon);
        std::uniform_real_distribution<double> lat(box.minLat, box.maxLat);
        int inside = 0;
        for (int i = 0; i < 20000; ++i) {
            const GeoPoint p{lon(random), lat(random)};
            const int expected = bruteForce(*map, p).beat;
            const int actual = map->locateIndex(p);
            if (actual != expected)
                QFAIL(qPrintable(QStringLiteral("point %1 (%2, %3): index says %4, brute force %5")
                                     .arg(i)
                                     .arg(p.lon, 0, 'g', 17)
                                     .arg(p.lat, 0, 'g', 17)
                                     .arg(actual)
                                     .arg(expected)));
            inside += actual >= 0;
        }
        // The box also holds county land outside every beat: both kinds occur.
        QVERIFY(inside > 2000 && inside < 18000);
    }
}

// Vertices are where exactness matters: each lies on its own ring, and a
// vertex shared by two beats must go to the smaller id.
void TestBeatMap::verticesMatchBruteForce()
{
    for (const BeatMap* map : {&*m_dissolved, &*m_raw}) {
        std::map<std::pair<double, double>, std::set<int>> owners;
        for (std::size_t part = 0; part < map->partCount(); ++part) {
            for (std::size_t r = 0; r < map->partRingCount(part); ++r) {
                for (const GeoPoint p : map->partRing(part, r))
                    owners[{p.lon, p.lat}].insert(map->partBeatIndex(part));
            }
        }
        std::vector<GeoPoint> all;
        std::vector<GeoPoint> shared;
        for (const auto& [point, beats] : owners) {
            all.push_back({point.first, point.second});
            if (beats.size() > 1)
                shared.push_back({point.first, point.second});
        }
        QVERIFY2(shared.size() > 1000, "Durham's beats share vertices along common boundaries");
        std::mt19937_64 random(7);
        for (const auto* pool : {&all, &shared}) {
            std::uniform_int_distribution<std::size_t> pick(0, pool->size() - 1);
            for (int i = 0; i < 3000; ++i) {
                const GeoPoint p = (*pool)[pick(random)];
                const Truth truth = bruteForce(*map, p);
                QVERIFY(truth.onBoundary);
                QCOMPARE(map->locateIndex(p), truth.beat);
                const std::set<int>& ownBeats = owners[std::pair(p.lon, p.lat)];
                QVERIFY(truth.beat <= *ownBeats.begin()); // never a larger id than its own ring's beat
            }
        }
    }
}

void TestBeatMap::outsideBounds()
{
    const BeatMap& map = *m_dissolved;
    const GeoBox box = map.bounds();
    QCOMPARE(map.locateIndex({box.minLon - 1e-9, (box.minLat + box.maxLat) / 2}), -1);
    QCOMPARE(map.locateIndex({box.maxLon, box.maxLat + 1e-9}), -1);
    QCOMPARE(map.locateIndex({0, 0}), -1);
    QCOMPARE(map.locateIndex({std::numeric_limits<double>::quiet_NaN(), 36.0}), -1);
    QVERIFY(!map.locate({-78.0, 36.0}).has_value());
    QVERIFY(!map.interiorPoint("no such beat").has_value());
    QCOMPARE(map.indexOf("999"), 36);
}

void TestBeatMap::smallMaps_data()
{
    QTest::addColumn<QByteArray>("geojson");
    QTest::addColumn<double>("lon");
    QTest::addColumn<double>("lat");
    QTest::addColumn<QString>("beat"); // empty: outside every beat

    // "B" first in the file, "A" second: the answer on the shared edge
    // comes from the id order, not the file order.
    const QByteArray squares = bytes(collection(
        {feature(R"("B")", polygon(square(0, 0, 1, 1))), feature(R"("A")", polygon(square(1, 0, 2, 1)))}));
    QTest::newRow("B inside") << squares << 0.5 << 0.5 << QStringLiteral("B");
    QTest::newRow("A inside") << squares << 1.5 << 0.5 << QStringLiteral("A");
    QTest::newRow("shared edge middle") << squares << 1.0 << 0.5 << QStringLiteral("A");
    QTest::newRow("shared edge near end") << squares << 1.0 << 0.999999 << QStringLiteral("A");
    QTest::newRow("shared corner bottom") << squares << 1.0 << 0.0 << QStringLiteral("A");
    QTest::newRow("shared corner top") << squares << 1.0 << 1.0 << QStringLiteral("A");
    QTest::newRow("B outer edge") << squares << 0.0 << 0.5 << QStringLiteral("B");
    QTest::newRow("B outer corner") << squares << 0.0 << 0.0 << QStringLiteral("B");
    QTest::newRow("B bottom edge") << squares << 0.25 << 0.0 << QStringLiteral("B");
    QTest::newRow("A far corner") << squares << 2.0 << 1.0 << QStringLiteral("A");
    QTest::newRow("just outside") << squares << 2.0000001 << 0.5 << QString();
    QTest::newRow("far outside") << squares << 5.0 << 5.0 << QString();

    // Holes count by even-odd; the hole's own edge belongs to the polygon.
    const QByteArray hole =
        bytes(collection({feature(R"("H")", polygon(square(0, 0, 10, 10) + "," + square(4, 4, 6, 6)))}));
    QTest::newRow("hole: in the hole") << hole << 5.0 << 5.0 << QString();
    QTest::newRow("hole: on the hole edge") << hole << 4.0 << 5.0 << QStringLiteral("H");
    QTest::newRow("hole: on the hole corner") << hole << 6.0 << 6.0 << QStringLiteral("H");
    QTest::newRow("hole: between rings") << hole << 2.0 << 5.0 << QStringLiteral("H");
    QTest::newRow("hole: right of the hole") << hole << 8.0 << 5.0 << QStringLiteral("H");

    const QByteArray multi =
        bytes(collection({feature(R"("M")", R"({"type":"MultiPolygon","coordinates":[[)" +
                                                square(0, 0, 1, 1) + "],[" + square(5, 5, 6, 6) + "]]}")}));
    QTest::newRow("multi: first part") << multi << 0.5 << 0.5 << QStringLiteral("M");
    QTest::newRow("multi: second part") << multi << 5.5 << 5.5 << QStringLiteral("M");
    QTest::newRow("multi: between parts") << multi << 3.0 << 3.0 << QString();

    // Two features with the same id merge; overlapping beats: smallest id.
    const QByteArray overlap = bytes(collection({feature(R"("Z")", polygon(square(0, 0, 2, 2))),
                                                 feature(R"("Y")", polygon(square(1, 1, 3, 3))),
                                                 feature(R"("Z")", polygon(square(10, 10, 11, 11)))}));
    QTest::newRow("overlap: only Z") << overlap << 0.5 << 0.5 << QStringLiteral("Z");
    QTest::newRow("overlap: both") << overlap << 1.5 << 1.5 << QStringLiteral("Y");
    QTest::newRow("overlap: Z's second feature") << overlap << 10.5 << 10.5 << QStringLiteral("Z");

    // A shared diagonal: points on it whose cross product is exactly 0.
    const QByteArray triangles =
        bytes(collection({feature(R"("T2")", polygon("[[0,0],[1,0],[1,1],[0,0]]")),
                          feature(R"("T1")", polygon("[[0,0],[1,1],[0,1],[0,0]]"))}));
    QTest::newRow("diagonal middle") << triangles << 0.5 << 0.5 << QStringLiteral("T1");
    QTest::newRow("diagonal quarter") << triangles << 0.25 << 0.25 << QStringLiteral("T1");
    QTest::newRow("below diagonal") << triangles << 0.75 << 0.25 << QStringLiteral("T2");

    // A single Feature as the whole document.
    QTest::newRow("single feature") << bytes(feature("7", polygon(square(-1, -1, 1, 1)))) << 0.0 << 0.0
                                    << QStringLiteral("7");
}

void TestBeatMap::smallMaps()
{
    QFETCH(QByteArray, geojson);
    QFETCH(double, lon);
    QFETCH(double, lat);
    QFETCH(QString, beat);
    const auto map = BeatMap::fromGeoJson(geojson.toStdString());
    QVERIFY2(map.ok(), map.ok() ? "" : map.error().toString().c_str());
    const GeoPoint p{lon, lat};
    QCOMPARE(located(map.value(), p), beat);
    QCOMPARE(map.value().locateIndex(p), bruteForce(map.value(), p).beat);
}

// Every point of a shared edge, its end vertices included, and every time.
void TestBeatMap::sharedEdgeIsConsistent()
{
    const auto loaded = BeatMap::fromGeoJson(collection(
        {feature(R"("B")", polygon(square(0, 0, 1, 1))), feature(R"("A")", polygon(square(1, 0, 2, 1)))}));
    QVERIFY(loaded.ok());
    const BeatMap& map = loaded.value();
    QVERIFY(map.beatIds() == (std::vector<std::string>{"A", "B"}));
    QCOMPARE(map.partCount(), std::size_t{2});
    for (int round = 0; round < 3; ++round) {
        for (int i = 0; i <= 1000; ++i) {
            const GeoPoint p{1.0, i / 1000.0};
            QCOMPARE(located(map, p), QStringLiteral("A"));
        }
    }
    const auto inside = map.interiorPoint("B");
    QVERIFY(inside.has_value());
    QVERIFY(inside->lon > 0 && inside->lon < 1 && inside->lat > 0 && inside->lat < 1);
}

void TestBeatMap::ids_data()
{
    QTest::addColumn<QByteArray>("idJson");
    QTest::addColumn<QString>("property");
    QTest::addColumn<QString>("expected");
    const QString beat = QStringLiteral("beat");
    QTest::newRow("integer") << QByteArray("111") << beat << QStringLiteral("111");
    QTest::newRow("float with no fraction") << QByteArray("315.0") << beat << QStringLiteral("315");
    QTest::newRow("float with a fraction") << QByteArray("12.5") << beat << QStringLiteral("12.5");
    QTest::newRow("string") << QByteArray("\"North 7\"") << beat << QStringLiteral("North 7");
    QTest::newRow("string, trimmed") << QByteArray("\"  D1-A \\t\"") << beat << QStringLiteral("D1-A");
    QTest::newRow("string of digits stays") << QByteArray("\"0111\"") << beat << QStringLiteral("0111");
    QTest::newRow("custom property") << QByteArray("421") << QStringLiteral("LAWBEAT")
                                     << QStringLiteral("421");
}

void TestBeatMap::ids()
{
    QFETCH(QByteArray, idJson);
    QFETCH(QString, property);
    QFETCH(QString, expected);
    BeatMapOptions options;
    options.idProperty = property.toStdString();
    const auto map = BeatMap::fromGeoJson(
        collection({feature(idJson.toStdString(), polygon(square(0, 0, 1, 1)), options.idProperty)}),
        options);
    QVERIFY2(map.ok(), map.ok() ? "" : map.error().toString().c_str());
    QCOMPARE(map.value().beatIds().size(), std::size_t{1});
    QCOMPARE(QString::fromStdString(map.value().beatIds().front()), expected);
    QCOMPARE(located(map.value(), {0.5, 0.5}), expected);
}

void TestBeatMap::errors_data()
{
    QTest::addColumn<QByteArray>("text");
    QTest::addColumn<QString>("code");
    QTest::addColumn<QString>("location");
    QTest::addColumn<QString>("message"); // fragments separated by '|', each must occur

    const std::string ok = polygon(square(0, 0, 1, 1));
    const auto row = [](const char* name, const std::string& text, const char* code, const char* location,
                        const char* message) {
        QTest::newRow(name) << bytes(text) << QString::fromLatin1(code) << QString::fromLatin1(location)
                            << QString::fromLatin1(message);
    };
    // 'x' is the 10th byte; nlohmann counts from 1.
    row("not JSON", R"({"type": x})", "json-syntax", "byte 10", "byte 10");
    row("empty text", "", "json-syntax", "byte 1", "byte 1");
    row("number too large", collection({feature("1", polygon("[[0,0],[1e999,0],[1,1],[0,0]]"))}),
        "json-syntax", "features[0].geometry.coordinates[0][1][0]", "out of range");
    row("JSON but an array", "[1, 2]", "not-a-feature-collection", "", "an array");
    row("wrong type", R"({"type":"Topology"})", "not-a-feature-collection", "type", "Topology");
    row("collection without features", R"({"type":"FeatureCollection"})", "not-a-feature-collection",
        "features", "features");
    row("features not an array", R"({"type":"FeatureCollection","features":{}})", "not-a-feature-collection",
        "features", "an object");
    row("empty collection", collection({}), "no-beats", "features", "no features");
    row("feature not an object", collection({feature("1", ok), "42"}), "not-a-feature", "features[1]", "42");
    row("feature without geometry", collection({R"({"type":"Feature","properties":{"beat":1}})"}),
        "unsupported-geometry", "features[0].geometry", "no \"geometry\"");
    row("null geometry", collection({feature("1", ok), feature("2", "null")}), "unsupported-geometry",
        "features[1].geometry", "null");
    row("point geometry", collection({feature("1", R"({"type":"Point","coordinates":[0,0]})")}),
        "unsupported-geometry", "features[0].geometry", "Point");
    row("coordinates missing", collection({feature("1", R"({"type":"Polygon"})")}), "bad-geometry",
        "features[0].geometry.coordinates", "rings");
    row("ring not closed", collection({feature("1", polygon("[[0,0],[1,0],[1,1],[0,1]]"))}),
        "ring-not-closed", "features[0].geometry.coordinates[0]", "first position [0, 0]|last [0, 1]");
    row("hole not closed",
        collection({feature("1", polygon("[[0,0],[4,0],[4,4],[0,0]],[[1,1],[2,1],[2,2],[1,2]]"))}),
        "ring-not-closed", "features[0].geometry.coordinates[1]", "ring must end where it starts");
    row("ring with 3 positions", collection({feature("1", polygon("[[0,0],[1,0],[0,0]]"))}), "ring-too-short",
        "features[0].geometry.coordinates[0]", "at least 4|found 3");
    row("coordinate as a string", collection({feature("1", polygon(R"([[0,0],["1",0],[1,1],[0,0]])"))}),
        "bad-coordinate", "features[0].geometry.coordinates[0][1][0]", "longitude|the string \"1\"");
    row("position too short", collection({feature("1", polygon("[[0,0],[1],[1,1],[0,0]]"))}),
        "bad-coordinate", "features[0].geometry.coordinates[0][1]", "[longitude, latitude]");
    const std::string badMulti = R"({"type":"MultiPolygon","coordinates":[[)" + square(0, 0, 1, 1) +
                                 "],[[[0,0],[1,0],[1,123],[0,0]]]]}";
    row("latitude 123", collection({feature("1", ok), feature("2", badMulti)}), "bad-coordinate",
        "features[1].geometry.coordinates[1][0][2][1]", "latitude 123|-90..90");
    row("longitude 200", collection({feature("1", polygon("[[0,0],[200,0],[1,1],[0,0]]"))}), "bad-coordinate",
        "features[0].geometry.coordinates[0][1][0]", "longitude 200");
    row("missing id",
        collection({R"({"type":"Feature","properties":{"LAWBEAT":111,"OBJECTID":5},"geometry":)" + ok + "}"}),
        "missing-id", "features[0].properties.beat", "\"beat\"|\"LAWBEAT\"|\"OBJECTID\"");
    row("id differs in case", collection({feature("1", ok, "Beat")}), "missing-id",
        "features[0].properties.beat", "did you mean \"Beat\"");
    row("properties null", collection({R"({"type":"Feature","properties":null,"geometry":)" + ok + "}"}),
        "missing-id", "features[0].properties.beat", "null");
    row("id is a boolean", collection({feature("true", ok)}), "bad-id", "features[0].properties.beat",
        "true");
    row("id is blank", collection({feature(R"("  ")", ok)}), "bad-id", "features[0].properties.beat",
        "empty");
    row("single feature, bad ring", feature("1", polygon("[[0,0],[1,0],[0,0]]")), "ring-too-short",
        "geometry.coordinates[0]", "found 3");
}

void TestBeatMap::errors()
{
    QFETCH(QByteArray, text);
    QFETCH(QString, code);
    QFETCH(QString, location);
    QFETCH(QString, message);
    BeatMapOptions options;
    options.sourceName = "test-map.geojson";
    const auto map = BeatMap::fromGeoJson(text.toStdString(), options);
    QVERIFY(!map.ok());
    const DataError& error = map.error();
    QCOMPARE(QString::fromStdString(error.code), code);
    QCOMPARE(QString::fromStdString(error.location), location);
    QCOMPARE(QString::fromStdString(error.file), QStringLiteral("test-map.geojson"));
    const QString actual = QString::fromStdString(error.message);
    for (const QString& fragment : message.split(QLatin1Char('|')))
        QVERIFY2(actual.contains(fragment), qPrintable(actual + QStringLiteral(" lacks ") + fragment));
}

void TestBeatMap::unreadableFile()
{
    const std::string path = HEARTDESK_TEST_DATA "/beats/no-such-map.geojson";
    const auto missing = BeatMap::fromFile(path);
    QVERIFY(!missing.ok());
    QCOMPARE(QString::fromStdString(missing.error().code), QStringLiteral("cannot-read"));
    QCOMPARE(QString::fromStdString(missing.error().file), QString::fromStdString(path));
    QVERIFY(QString::fromStdString(missing.error().message).contains(QStringLiteral("no-such-map.geojson")));

    // A directory opens on Linux but does not read.
    const auto directory = BeatMap::fromFile(HEARTDESK_TEST_DATA "/beats");
    QVERIFY(!directory.ok());
    QCOMPARE(QString::fromStdString(directory.error().code), QStringLiteral("cannot-read"));

    // Errors inside a file name the file; a given sourceName wins.
    BeatMapOptions options;
    options.sourceName = "beats.json";
    options.idProperty = "no_such_property";
    const auto wrongId = BeatMap::fromFile(kDissolvedPath.toStdString(), options);
    QVERIFY(!wrongId.ok());
    QCOMPARE(QString::fromStdString(wrongId.error().file), QStringLiteral("beats.json"));
    QCOMPARE(QString::fromStdString(wrongId.error().location),
             QStringLiteral("features[0].properties.no_such_property"));
    QVERIFY(
        QString::fromStdString(wrongId.error().message).contains(QStringLiteral("\"beat\", \"district\"")));
}

QTEST_GUILESS_MAIN(TestBeatMap)
#include "tst_core_beat_map.moc"
