#pragma once
// The police beats drawn from their real polygons (core geo::BeatMap): a
// choropleth of one number per beat with its legend, or colours the caller
// chooses, a thick line around a set of beats (a program's service area),
// the beat under the mouse named in a tooltip with the caller's text, and a
// click on a beat reported as beatClicked. From the keyboard, the arrow keys
// move a current beat to its neighbour in that direction, Home/End go to the
// first/last beat by id, and Space or Enter report the current beat as if it
// were clicked; Tab leaves the map, as it does every other widget.
//
// The projection keeps the map's shape: equirectangular, longitudes scaled
// by the cosine of the map's middle latitude. The beat outlines are built as
// QPainterPaths once per size and map; paintMap draws the same picture into
// any painter (a PDF page).
#include "core/geo/BeatMap.h"

#include <QColor>
#include <QHash>
#include <QPainterPath>
#include <QSet>
#include <QString>
#include <QWidget>
#include <memory>
#include <vector>

namespace heart::ui {

class BeatMapView : public QWidget
{
    Q_OBJECT

public:
    explicit BeatMapView(QWidget* parent = nullptr);

    void setBeatMap(std::shared_ptr<const geo::BeatMap> map);
    const geo::BeatMap* beatMap() const { return m_map.get(); }

    // A choropleth: each beat's number on a colour-blind-safe sequential
    // scale (light = few, dark = many) from 0 to the largest value, with a
    // legend titled `legendTitle`. A beat without a value is drawn as "no
    // data". An empty hash turns the choropleth off.
    void setValues(const QHash<QString, double>& values, const QString& legendTitle = {});
    // Beats whose number must not be shown (small-cell suppression): hatched,
    // whatever their value, with a legend entry named `legendText`.
    void setSuppressedBeats(const QSet<QString>& beats, const QString& legendText = {});
    // Colours chosen by the caller; they win over the choropleth's.
    void setFillColors(const QHash<QString, QColor>& colors);
    // A thick line around the union of these beats, named in the legend
    // (default "Service area").
    void setOutlinedBeats(const QSet<QString>& beats, const QString& legendText = {});
    QSet<QString> outlinedBeats() const { return m_outlined; }
    // Text shown under the beat's id when the mouse rests on it.
    void setBeatTexts(const QHash<QString, QString>& texts);

    // The beat at a point of the widget, empty outside every beat.
    QString beatAt(const QPointF& position) const;
    // Where a map position is drawn in the widget now.
    QPointF widgetPosition(geo::GeoPoint point) const;
    // What the tooltip shows for the beat: "Beat 123" and the caller's text.
    QString hoverText(const QString& beatId) const;
    // The colour the beat is filled with.
    QColor fillColor(const QString& beatId) const;

    QString currentBeat() const { return m_current; }
    void setCurrentBeat(const QString& beatId);

    // Draws the map and its legend into `target` of any painter (a PDF page).
    void paintMap(QPainter& painter, const QRectF& target) const;

    QSize sizeHint() const override;
    QSize minimumSizeHint() const override;

Q_SIGNALS:
    void beatClicked(const QString& beatId);
    void currentBeatChanged(const QString& beatId);

protected:
    bool event(QEvent* event) override;
    void paintEvent(QPaintEvent* event) override;
    void resizeEvent(QResizeEvent* event) override;
    void mouseMoveEvent(QMouseEvent* event) override;
    void mouseReleaseEvent(QMouseEvent* event) override;
    void leaveEvent(QEvent* event) override;
    void keyPressEvent(QKeyEvent* event) override;
    void focusInEvent(QFocusEvent* event) override;
    void focusOutEvent(QFocusEvent* event) override;

private:
    // Map coordinates to a rectangle of the painter and back.
    struct Projection
    {
        double minLon = 0, maxLat = 0, xScale = 1, scale = 1, left = 0, top = 0;
        QPointF toPaint(geo::GeoPoint p) const;
        geo::GeoPoint toMap(const QPointF& p) const;
    };
    // The beats' outlines for one target rectangle.
    struct Geometry
    {
        QRectF target;
        Projection projection;
        QRectF legend;
        std::vector<QPainterPath> beats; // by index in beatIds()
        QPainterPath outline;            // around the outlined beats
    };

    const Geometry& geometry() const; // for the widget's rectangle, cached
    // `px`: device pixels per screen pixel (a 300 dpi page: 3.125).
    Geometry buildGeometry(const QRectF& target, const QFontMetricsF& metrics, double px) const;
    bool hasLegend() const;
    void paintLegend(QPainter& painter, const QRectF& area, double px) const;
    QColor scaleColor(double value) const;
    void setHovered(const QString& beatId);
    void moveCurrent(int dx, int dy);
    void invalidate();

    std::shared_ptr<const geo::BeatMap> m_map;
    std::vector<QPointF> m_anchors; // an interior point (lon, lat) per beat index
    QHash<QString, double> m_values;
    double m_maxValue = 0;
    QString m_legendTitle;
    QSet<QString> m_suppressed;
    QString m_suppressedText;
    QHash<QString, QColor> m_colors;
    QSet<QString> m_outlined;
    QString m_outlinedText;
    QHash<QString, QString> m_texts;
    QString m_current;
    QString m_hovered;
    mutable std::unique_ptr<Geometry> m_geometry;
};

} // namespace heart::ui
