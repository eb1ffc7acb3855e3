// The beat map widget on Durham's real beats, offscreen: a click inside a
// beat reports that beat; the tooltip names the beat under the mouse with
// the caller's text; fill colours follow the values (more = darker) and are
// what is painted; a suppressed beat looks the same whatever its number; the
// service area's outline is drawn; the arrow keys move a current beat and
// Space reports it; the map keeps its shape whatever the widget's shape.
#include "common/StrictTestMain.h"
#include "map/BeatMapView.h"
#include "store/RoutingData.h"

#include <QApplication>
#include <QHelpEvent>
#include <QImage>
#include <QSignalSpy>
#include <QTest>
#include <QToolTip>
#include <algorithm>
#include <cmath>
#include <numbers>

using namespace heart;

namespace {

QString idAt(const geo::BeatMap& map, std::size_t i)
{
    return QString::fromStdString(map.beatIds()[i]);
}

// Beats ordered west to east by their interior point.
std::vector<QString> westToEast(const geo::BeatMap& map)
{
    std::vector<std::pair<double, QString>> order;
    for (const std::string& id : map.beatIds())
        order.emplace_back(map.interiorPoint(id)->lon, QString::fromStdString(id));
    std::sort(order.begin(), order.end());
    std::vector<QString> ids;
    for (const auto& entry : order)
        ids.push_back(entry.second);
    return ids;
}

} // namespace

class TestBeatMapView : public QObject
{
    Q_OBJECT

    std::shared_ptr<const geo::BeatMap> m_map;

    geo::GeoPoint inside(const QString& id) const { return *m_map->interiorPoint(id.toStdString()); }

    QPoint pixelOf(const ui::BeatMapView& view, const QString& id) const
    {
        return view.widgetPosition(inside(id)).toPoint();
    }

private Q_SLOTS:
    void initTestCase()
    {
        auto map = store::builtInBeatMap();
        QVERIFY2(map.ok(), "the built-in beat map loads");
        m_map = map.value();
        QVERIFY(m_map->beatIds().size() > 10);
    }

    void clickInsideEveryBeatReportsIt()
    {
        ui::BeatMapView view;
        view.setBeatMap(m_map);
        view.resize(700, 640);
        view.show();
        QVERIFY(QTest::qWaitForWindowExposed(&view));
        QSignalSpy clicked(&view, &ui::BeatMapView::beatClicked);
        int checked = 0;
        for (const std::string& beat : m_map->beatIds()) {
            const QString id = QString::fromStdString(beat);
            const QPointF at = view.widgetPosition(inside(id));
            // A pixel's centre may fall outside a thin beat: click only where
            // the rounded pixel is still inside it (nearly every beat).
            if (view.beatAt(at.toPoint()) != id)
                continue;
            QTest::mouseClick(&view, Qt::LeftButton, {}, at.toPoint());
            QCOMPARE(clicked.size(), checked + 1);
            QCOMPARE(clicked.last().at(0).toString(), id);
            QCOMPARE(view.currentBeat(), id);
            ++checked;
        }
        QVERIFY2(checked > int(m_map->beatIds().size()) * 9 / 10, "nearly every beat was clicked");
        // Outside every beat (the corner of the widget): nothing.
        QTest::mouseClick(&view, Qt::LeftButton, {}, QPoint(1, 1));
        QCOMPARE(clicked.size(), checked);
    }

    void tooltipNamesTheBeatAndTheCallersText()
    {
        ui::BeatMapView view;
        view.setBeatMap(m_map);
        const QString beat = idAt(*m_map, 3);
        view.setBeatTexts({{beat, QStringLiteral("12 calls, 3 missed")}});
        view.resize(600, 560);
        view.show();
        QVERIFY(QTest::qWaitForWindowExposed(&view));
        const QPoint at = pixelOf(view, beat);
        QCOMPARE(view.beatAt(at), beat);
        QHelpEvent help(QEvent::ToolTip, at, view.mapToGlobal(at));
        QApplication::sendEvent(&view, &help);
        QTRY_VERIFY(QToolTip::isVisible());
        QCOMPARE(QToolTip::text(), QStringLiteral("Beat %1\n12 calls, 3 missed").arg(beat));
        // A beat without text: its name only.
        const QString other = idAt(*m_map, 4);
        QCOMPARE(view.hoverText(other), QStringLiteral("Beat %1").arg(other));
    }

    void coloursFollowValuesAndArePainted()
    {
        ui::BeatMapView view;
        view.setBeatMap(m_map);
        const QString few = idAt(*m_map, 0), some = idAt(*m_map, 1), many = idAt(*m_map, 2),
                      none = idAt(*m_map, 5);
        view.setValues({{few, 1}, {some, 20}, {many, 80}}, QStringLiteral("Calls"));
        view.resize(700, 640);
        view.show();
        QVERIFY(QTest::qWaitForWindowExposed(&view));
        QVERIFY(view.fillColor(few).lightnessF() > view.fillColor(some).lightnessF());
        QVERIFY(view.fillColor(some).lightnessF() > view.fillColor(many).lightnessF());
        QVERIFY(view.fillColor(none) != view.fillColor(few));
        const QImage image = view.grab().toImage();
        for (const QString& id : {few, some, many}) {
            const QColor painted = image.pixelColor(pixelOf(view, id) * view.devicePixelRatio());
            const QColor wanted = view.fillColor(id);
            QVERIFY2(
                std::abs(painted.red() - wanted.red()) <= 3 &&
                    std::abs(painted.green() - wanted.green()) <= 3 &&
                    std::abs(painted.blue() - wanted.blue()) <= 3,
                qPrintable(
                    QStringLiteral("beat %1 painted %2, wanted %3").arg(id, painted.name(), wanted.name())));
        }
        // Changing the numbers changes the picture: the darkest beat now is "few".
        view.setValues({{few, 90}, {some, 20}, {many, 1}});
        QVERIFY(view.fillColor(few).lightnessF() < view.fillColor(many).lightnessF());
        // Suppressed beats share one look, whatever their hidden number.
        view.setSuppressedBeats({few, many}, QStringLiteral("<11"));
        QCOMPARE(view.fillColor(few), view.fillColor(many));
        // The caller's colours win.
        view.setFillColors({{some, QColor(Qt::red)}});
        QCOMPARE(view.fillColor(some), QColor(Qt::red));
    }

    void serviceAreaOutlineIsDrawn()
    {
        ui::BeatMapView view;
        view.setBeatMap(m_map);
        view.resize(600, 560);
        const QImage plain = view.grab().toImage();
        QSet<QString> area;
        for (std::size_t i = 0; i < 6; ++i)
            area.insert(idAt(*m_map, i));
        view.setOutlinedBeats(area);
        QCOMPARE(view.outlinedBeats(), area);
        const QImage outlined = view.grab().toImage();
        // The outline is a strong red nowhere in the plain map.
        const auto reds = [](const QImage& image) {
            int n = 0;
            for (int y = 0; y < image.height(); ++y)
                for (int x = 0; x < image.width(); ++x) {
                    const QColor c = image.pixelColor(x, y);
                    n += c.red() > 150 && c.green() < 60 && c.blue() < 80;
                }
            return n;
        };
        QCOMPARE(reds(plain), 0);
        QVERIFY(reds(outlined) > 100);
        // Inside an outlined beat the fill is still the beat's own.
        const QString beat = idAt(*m_map, 0);
        if (view.beatAt(pixelOf(view, beat)) == beat) {
            QCOMPARE(outlined.pixelColor(pixelOf(view, beat) * view.devicePixelRatio()).rgb(),
                     view.fillColor(beat).rgb());
        }
    }

    void keyboardMovesAndToggles()
    {
        ui::BeatMapView view;
        view.setBeatMap(m_map);
        view.resize(700, 640);
        view.show();
        QVERIFY(QTest::qWaitForWindowExposed(&view));
        view.setFocus();
        QTRY_VERIFY(view.hasFocus());
        QSignalSpy clicked(&view, &ui::BeatMapView::beatClicked);
        // Start at the westmost beat; Right goes east, Left comes back west.
        const auto order = westToEast(*m_map);
        view.setCurrentBeat(order.front());
        QTest::keyClick(&view, Qt::Key_Right);
        const QString east = view.currentBeat();
        QVERIFY(east != order.front());
        QVERIFY(inside(east).lon > inside(order.front()).lon);
        QTest::keyClick(&view, Qt::Key_Left);
        QVERIFY(inside(view.currentBeat()).lon < inside(east).lon);
        // From the eastmost beat, Right has nowhere to go.
        view.setCurrentBeat(order.back());
        QTest::keyClick(&view, Qt::Key_Right);
        QCOMPARE(view.currentBeat(), order.back());
        QTest::keyClick(&view, Qt::Key_Space);
        QCOMPARE(clicked.size(), 1);
        QCOMPARE(clicked.last().at(0).toString(), order.back());
        QTest::keyClick(&view, Qt::Key_Home);
        QCOMPARE(view.currentBeat(), idAt(*m_map, 0));
        QTest::keyClick(&view, Qt::Key_Return);
        QCOMPARE(clicked.last().at(0).toString(), idAt(*m_map, 0));
        QVERIFY(view.accessibleDescription().contains(idAt(*m_map, 0)));
    }

    void keepsTheMapsShape()
    {
        ui::BeatMapView view;
        view.setBeatMap(m_map);
        const geo::GeoBox box = m_map->bounds();
        const auto ratio = [&](QSize size) {
            view.resize(size);
            const QPointF a = view.widgetPosition({box.minLon, box.minLat});
            const QPointF b = view.widgetPosition({box.maxLon, box.maxLat});
            return std::abs(b.x() - a.x()) / std::abs(b.y() - a.y());
        };
        const double wide = ratio({1000, 400});
        const double tall = ratio({400, 1000});
        QVERIFY2(std::abs(wide - tall) < 1e-6, qPrintable(QStringLiteral("%1 vs %2").arg(wide).arg(tall)));
        const double expected = (box.maxLon - box.minLon) *
                                std::cos((box.minLat + box.maxLat) / 2 * std::numbers::pi / 180) /
                                (box.maxLat - box.minLat);
        QVERIFY(std::abs(wide - expected) < 1e-6);
    }
};

HEART_TEST_MAIN(TestBeatMapView)
#include "tst_beat_map_view.moc"
