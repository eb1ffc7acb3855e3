#include "map/BeatMapView.h"

#include <QFocusEvent>
#include <QFontMetricsF>
#include <QHelpEvent>
#include <QKeyEvent>
#include <QLinearGradient>
#include <QLocale>
#include <QMouseEvent>
#include <QPainter>
#include <QToolTip>
#include <algorithm>
#include <array>
#include <cmath>
#include <numbers>
#include <optional>

namespace heart::ui {

namespace {

constexpr double kMargin = 6.0;

// ColorBrewer's YlGnBu, 5 classes: sequential and safe for the common kinds
// of colour blindness (colorbrewer2.org), light for few, dark for many.
constexpr std::array<QRgb, 5> kScale = {0xffffcc, 0xa1dab4, 0x41b6c4, 0x2c7fb8, 0x253494};
const QColor kNoData(0xe6, 0xe6, 0xe6);
const QColor kPlain(0xf2, 0xef, 0xe6);
const QColor kEdge(0x70, 0x70, 0x70);
const QColor kOutline(0xb0, 0x00, 0x20);

QString idOf(const geo::BeatMap& map, int index)
{
    return QString::fromStdString(map.beatIds()[static_cast<std::size_t>(index)]);
}

QString numberText(double value)
{
    const bool whole = std::abs(value - std::round(value)) < 1e-9;
    return QLocale().toString(value, 'f', whole ? 0 : 1);
}

} // namespace

QPointF BeatMapView::Projection::toPaint(geo::GeoPoint p) const
{
    return {left + (p.lon - minLon) * xScale * scale, top + (maxLat - p.lat) * scale};
}

geo::GeoPoint BeatMapView::Projection::toMap(const QPointF& p) const
{
    return {minLon + (p.x() - left) / (xScale * scale), maxLat - (p.y() - top) / scale};
}

BeatMapView::BeatMapView(QWidget* parent) : QWidget(parent)
{
    setObjectName(QStringLiteral("beatMap"));
    setAccessibleName(tr("Beat map"));
    setFocusPolicy(Qt::StrongFocus);
    setMouseTracking(true);
    setBackgroundRole(QPalette::Base);
    setAutoFillBackground(true);
}

void BeatMapView::setBeatMap(std::shared_ptr<const geo::BeatMap> map)
{
    m_map = std::move(map);
    m_anchors.clear();
    m_current.clear();
    m_hovered.clear();
    if (m_map) {
        for (const std::string& id : m_map->beatIds()) {
            const auto point = m_map->interiorPoint(id);
            m_anchors.emplace_back(point ? QPointF(point->lon, point->lat) : QPointF());
        }
    }
    invalidate();
}

void BeatMapView::setValues(const QHash<QString, double>& values, const QString& legendTitle)
{
    m_values = values;
    m_legendTitle = legendTitle;
    m_maxValue = 0;
    for (double value : values)
        m_maxValue = std::max(m_maxValue, value);
    invalidate(); // the legend takes room
}

void BeatMapView::setSuppressedBeats(const QSet<QString>& beats, const QString& legendText)
{
    m_suppressed = beats;
    m_suppressedText = legendText;
    invalidate();
}

void BeatMapView::setFillColors(const QHash<QString, QColor>& colors)
{
    m_colors = colors;
    update();
}

void BeatMapView::setOutlinedBeats(const QSet<QString>& beats, const QString& legendText)
{
    m_outlined = beats;
    m_outlinedText = legendText;
    invalidate();
}

void BeatMapView::setBeatTexts(const QHash<QString, QString>& texts)
{
    m_texts = texts;
    if (!m_current.isEmpty())
        setAccessibleDescription(hoverText(m_current));
}

void BeatMapView::invalidate()
{
    m_geometry.reset();
    update();
}

bool BeatMapView::hasLegend() const
{
    return !m_values.isEmpty() || !m_suppressed.isEmpty() || !m_outlined.isEmpty();
}

BeatMapView::Geometry BeatMapView::buildGeometry(const QRectF& target, const QFontMetricsF& metrics,
                                                 double px) const
{
    Geometry g;
    g.target = target;
    if (!m_map)
        return g;
    const double margin = kMargin * px;
    const double legend = hasLegend() ? metrics.height() * 2.6 + margin : 0.0;
    const QRectF area = target.adjusted(margin, margin, -margin, -margin - legend);
    g.legend = QRectF(target.left() + margin, area.bottom() + margin, target.width() - 2 * margin,
                      std::max(0.0, legend - margin));

    const geo::GeoBox box = m_map->bounds();
    const double midLat = (box.minLat + box.maxLat) / 2 * std::numbers::pi / 180.0;
    Projection& p = g.projection;
    p.minLon = box.minLon;
    p.maxLat = box.maxLat;
    p.xScale = std::cos(midLat);
    const double width = std::max((box.maxLon - box.minLon) * p.xScale, 1e-9);
    const double height = std::max(box.maxLat - box.minLat, 1e-9);
    p.scale = std::max(std::min(area.width() / width, area.height() / height), 1e-9);
    p.left = area.left() + (area.width() - width * p.scale) / 2;
    p.top = area.top() + (area.height() - height * p.scale) / 2;

    g.beats.assign(m_map->beatIds().size(), QPainterPath());
    for (std::size_t part = 0; part < m_map->partCount(); ++part) {
        QPainterPath& path = g.beats[static_cast<std::size_t>(m_map->partBeatIndex(part))];
        path.setFillRule(Qt::OddEvenFill); // holes stay holes
        for (std::size_t ring = 0; ring < m_map->partRingCount(part); ++ring) {
            const auto points = m_map->partRing(part, ring);
            QPolygonF polygon;
            polygon.reserve(static_cast<qsizetype>(points.size()));
            for (const geo::GeoPoint& point : points)
                polygon.append(p.toPaint(point));
            path.addPolygon(polygon);
            path.closeSubpath();
        }
    }
    for (const QString& id : m_outlined) {
        const int index = m_map->indexOf(id.toStdString());
        if (index >= 0)
            g.outline = g.outline.united(g.beats[static_cast<std::size_t>(index)]);
    }
    return g;
}

const BeatMapView::Geometry& BeatMapView::geometry() const
{
    const QRectF target(rect());
    if (!m_geometry || m_geometry->target != target)
        m_geometry = std::make_unique<Geometry>(buildGeometry(target, QFontMetricsF(font(), this), 1.0));
    return *m_geometry;
}

QString BeatMapView::beatAt(const QPointF& position) const
{
    if (!m_map)
        return {};
    const auto beat = m_map->locate(geometry().projection.toMap(position));
    return beat ? QString::fromUtf8(beat->data(), static_cast<qsizetype>(beat->size())) : QString();
}

QPointF BeatMapView::widgetPosition(geo::GeoPoint point) const
{
    return geometry().projection.toPaint(point);
}

QString BeatMapView::hoverText(const QString& beatId) const
{
    if (beatId.isEmpty())
        return {};
    QString text = tr("Beat %1").arg(beatId);
    const QString extra = m_texts.value(beatId);
    if (!extra.isEmpty())
        text += QLatin1Char('\n') + extra;
    return text;
}

QColor BeatMapView::scaleColor(double value) const
{
    const double t = m_maxValue > 0 ? std::clamp(value / m_maxValue, 0.0, 1.0) : 0.0;
    const double position = t * static_cast<double>(kScale.size() - 1);
    const auto low = static_cast<std::size_t>(std::floor(position));
    const std::size_t high = std::min(low + 1, kScale.size() - 1);
    const double f = position - static_cast<double>(low);
    const QColor a(kScale[low]);
    const QColor b(kScale[high]);
    return QColor::fromRgbF(static_cast<float>(a.redF() + (b.redF() - a.redF()) * f),
                            static_cast<float>(a.greenF() + (b.greenF() - a.greenF()) * f),
                            static_cast<float>(a.blueF() + (b.blueF() - a.blueF()) * f));
}

QColor BeatMapView::fillColor(const QString& beatId) const
{
    if (const auto color = m_colors.constFind(beatId); color != m_colors.cend())
        return *color;
    if (m_suppressed.contains(beatId))
        return kNoData;
    if (m_values.isEmpty())
        return kPlain;
    const auto value = m_values.constFind(beatId);
    return value == m_values.cend() ? kNoData : scaleColor(*value);
}

void BeatMapView::paintMap(QPainter& painter, const QRectF& target) const
{
    if (!m_map)
        return;
    const bool onScreen = painter.device() == this;
    const double px = onScreen || !painter.device() ? 1.0 : painter.device()->logicalDpiY() / 96.0;
    std::optional<Geometry> other;
    const Geometry* g = onScreen && m_geometry && m_geometry->target == target ? m_geometry.get() : nullptr;
    if (!g) {
        other = buildGeometry(target, QFontMetricsF(painter.font(), painter.device()), px);
        g = &*other;
    }
    painter.save();
    painter.setRenderHint(QPainter::Antialiasing);
    QPen edge(kEdge);
    edge.setWidthF(0.6 * px);
    for (std::size_t i = 0; i < g->beats.size(); ++i) {
        const QString id = idOf(*m_map, static_cast<int>(i));
        painter.setPen(edge);
        painter.setBrush(fillColor(id));
        painter.drawPath(g->beats[i]);
        if (m_suppressed.contains(id) && !m_colors.contains(id)) {
            painter.setPen(Qt::NoPen);
            painter.setBrush(QBrush(kEdge, Qt::BDiagPattern));
            painter.drawPath(g->beats[i]);
        }
    }
    if (!g->outline.isEmpty()) {
        QPen outline(kOutline);
        outline.setWidthF(2.6 * px);
        outline.setJoinStyle(Qt::RoundJoin);
        painter.setPen(outline);
        painter.setBrush(Qt::NoBrush);
        painter.drawPath(g->outline);
    }
    const auto highlight = [&](const QString& id, const QPen& pen) {
        const int index = id.isEmpty() ? -1 : m_map->indexOf(id.toStdString());
        if (index < 0)
            return;
        painter.setPen(pen);
        painter.setBrush(Qt::NoBrush);
        painter.drawPath(g->beats[static_cast<std::size_t>(index)]);
    };
    // Only on screen: the beat under the mouse and the keyboard's beat.
    if (onScreen) {
        QPen hover(palette().color(QPalette::Highlight));
        hover.setWidthF(2.0);
        highlight(m_hovered, hover);
        if (hasFocus()) {
            QPen focus(palette().color(QPalette::Text));
            focus.setWidthF(2.0);
            focus.setStyle(Qt::DashLine);
            highlight(m_current, focus);
        }
    }
    if (hasLegend())
        paintLegend(painter, g->legend, px);
    painter.restore();
}

void BeatMapView::paintLegend(QPainter& painter, const QRectF& area, double px) const
{
    const QFontMetricsF metrics(painter.font(), painter.device());
    const double line = metrics.height();
    double x = area.left();
    const double barTop = area.top() + line * 1.2;
    painter.setPen(palette().color(QPalette::Text));
    if (!m_values.isEmpty()) {
        painter.drawText(QPointF(x, area.top() + metrics.ascent()), m_legendTitle);
        const QString low = numberText(0);
        const QString high = numberText(m_maxValue);
        painter.drawText(QPointF(x, barTop + metrics.ascent()), low);
        x += metrics.horizontalAdvance(low) + 4 * px;
        const QRectF bar(x, barTop, std::min(160.0 * px, area.width() / 3), line);
        QLinearGradient gradient(bar.topLeft(), bar.topRight());
        for (std::size_t i = 0; i < kScale.size(); ++i)
            gradient.setColorAt(static_cast<double>(i) / static_cast<double>(kScale.size() - 1),
                                QColor(kScale[i]));
        painter.setBrush(gradient);
        QPen edge(kEdge);
        edge.setWidthF(0.6 * px);
        painter.setPen(edge);
        painter.drawRect(bar);
        painter.setPen(palette().color(QPalette::Text));
        x = bar.right() + 4 * px;
        painter.drawText(QPointF(x, barTop + metrics.ascent()), high);
        x += metrics.horizontalAdvance(high) + 16 * px;
    }
    const auto swatch = [&](const QBrush& brush, const QString& text) {
        const QRectF box(x, barTop, line, line);
        QPen edge(kEdge);
        edge.setWidthF(0.6 * px);
        painter.setPen(edge);
        painter.setBrush(kNoData);
        painter.drawRect(box);
        painter.setBrush(brush);
        painter.drawRect(box);
        painter.setPen(palette().color(QPalette::Text));
        painter.drawText(QPointF(box.right() + 4 * px, barTop + metrics.ascent()), text);
        x = box.right() + 4 * px + metrics.horizontalAdvance(text) + 16 * px;
    };
    bool missing = false;
    if (!m_values.isEmpty() && m_map) {
        for (const std::string& id : m_map->beatIds()) {
            const QString beat = QString::fromStdString(id);
            missing = missing || (!m_values.contains(beat) && !m_suppressed.contains(beat));
        }
    }
    if (missing)
        swatch(kNoData, tr("No data"));
    if (!m_suppressed.isEmpty())
        swatch(QBrush(kEdge, Qt::BDiagPattern),
               m_suppressedText.isEmpty() ? tr("Not shown") : m_suppressedText);
    if (!m_outlined.isEmpty()) {
        QPen outline(kOutline);
        outline.setWidthF(2.6 * px);
        painter.setPen(outline);
        const double y = barTop + line / 2;
        painter.drawLine(QPointF(x, y), QPointF(x + line * 1.5, y));
        painter.setPen(palette().color(QPalette::Text));
        painter.drawText(QPointF(x + line * 1.5 + 4 * px, barTop + metrics.ascent()),
                         m_outlinedText.isEmpty() ? tr("Service area") : m_outlinedText);
    }
}

void BeatMapView::paintEvent(QPaintEvent*)
{
    QPainter painter(this);
    const Geometry& g = geometry();
    if (!m_map) {
        painter.drawText(rect(), Qt::AlignCenter, tr("No beat map"));
        return;
    }
    paintMap(painter, g.target);
}

void BeatMapView::resizeEvent(QResizeEvent* event)
{
    QWidget::resizeEvent(event);
    invalidate();
}

bool BeatMapView::event(QEvent* event)
{
    if (event->type() == QEvent::ToolTip) {
        auto* help = static_cast<QHelpEvent*>(event);
        const QString text = hoverText(beatAt(help->pos()));
        if (text.isEmpty()) {
            QToolTip::hideText();
            event->ignore();
        } else {
            QToolTip::showText(help->globalPos(), text, this);
        }
        return true;
    }
    return QWidget::event(event);
}

void BeatMapView::setHovered(const QString& beatId)
{
    if (beatId == m_hovered)
        return;
    m_hovered = beatId;
    update();
}

void BeatMapView::mouseMoveEvent(QMouseEvent* event)
{
    setHovered(beatAt(event->position()));
    QWidget::mouseMoveEvent(event);
}

void BeatMapView::leaveEvent(QEvent* event)
{
    setHovered({});
    QWidget::leaveEvent(event);
}

void BeatMapView::mouseReleaseEvent(QMouseEvent* event)
{
    if (event->button() != Qt::LeftButton)
        return QWidget::mouseReleaseEvent(event);
    const QString beat = beatAt(event->position());
    if (beat.isEmpty())
        return;
    setCurrentBeat(beat);
    Q_EMIT beatClicked(beat);
}

void BeatMapView::setCurrentBeat(const QString& beatId)
{
    if (beatId == m_current || (m_map && !beatId.isEmpty() && m_map->indexOf(beatId.toStdString()) < 0))
        return;
    m_current = beatId;
    setAccessibleDescription(hoverText(beatId));
    update();
    Q_EMIT currentBeatChanged(beatId);
}

// The nearest beat in the arrow's direction, measured between interior
// points on the drawn map (so "right" is right on screen).
void BeatMapView::moveCurrent(int dx, int dy)
{
    if (!m_map || m_anchors.empty())
        return;
    const int from = m_current.isEmpty() ? -1 : m_map->indexOf(m_current.toStdString());
    if (from < 0) {
        setCurrentBeat(idOf(*m_map, 0));
        return;
    }
    const Projection& p = geometry().projection;
    const auto at = [&](std::size_t i) {
        return p.toPaint({m_anchors[i].x(), m_anchors[i].y()});
    };
    const QPointF origin = at(static_cast<std::size_t>(from));
    int best = -1;
    double bestCost = 0;
    for (std::size_t i = 0; i < m_anchors.size(); ++i) {
        const QPointF d = at(i) - origin;
        const double along = d.x() * dx + d.y() * dy;
        const double across = std::abs(d.x() * dy) + std::abs(d.y() * dx);
        if (static_cast<int>(i) == from || along <= 0 || across > along * 2.0)
            continue;
        const double cost = along + 2.0 * across;
        if (best < 0 || cost < bestCost) {
            best = static_cast<int>(i);
            bestCost = cost;
        }
    }
    if (best >= 0)
        setCurrentBeat(idOf(*m_map, best));
}

void BeatMapView::keyPressEvent(QKeyEvent* event)
{
    if (!m_map || m_map->beatIds().empty())
        return QWidget::keyPressEvent(event);
    switch (event->key()) {
    case Qt::Key_Left:
        moveCurrent(-1, 0);
        break;
    case Qt::Key_Right:
        moveCurrent(1, 0);
        break;
    case Qt::Key_Up:
        moveCurrent(0, -1);
        break;
    case Qt::Key_Down:
        moveCurrent(0, 1);
        break;
    case Qt::Key_Home:
        setCurrentBeat(idOf(*m_map, 0));
        break;
    case Qt::Key_End:
        setCurrentBeat(idOf(*m_map, static_cast<int>(m_map->beatIds().size()) - 1));
        break;
    case Qt::Key_Space:
    case Qt::Key_Return:
    case Qt::Key_Enter:
        if (m_current.isEmpty())
            setCurrentBeat(idOf(*m_map, 0));
        else
            Q_EMIT beatClicked(m_current);
        break;
    default:
        return QWidget::keyPressEvent(event);
    }
    event->accept();
}

void BeatMapView::focusInEvent(QFocusEvent* event)
{
    if (m_current.isEmpty() && m_map && !m_map->beatIds().empty())
        setCurrentBeat(idOf(*m_map, 0));
    QWidget::focusInEvent(event);
    update();
}

void BeatMapView::focusOutEvent(QFocusEvent* event)
{
    QWidget::focusOutEvent(event);
    update();
}

QSize BeatMapView::sizeHint() const
{
    return {460, 420};
}

QSize BeatMapView::minimumSizeHint() const
{
    return {180, 160};
}

} // namespace heart::ui
