// SPDX-FileCopyrightText: 2026 Enrichment Monitor authors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QElapsedTimer>
#include <QHash>
#include <QPainterPath>
#include <QPixmap>
#include <QRandomGenerator>
#include <QTimer>
#include <QWidget>

#include "FlowModel.h"

namespace dashboard {

/// The waterfall drawn: the queue on the left, one node per source in waterfall order
/// (its breaker state as the border, its rate-limit budget as a bar, "paused" when an
/// operator paused it, its calls and error share), the outcomes on the right. Edges are as
/// wide as the tracks they carry (square root of the rate against the busiest edge), green
/// to red by the error share of the source they leave. Dots move along the edges as often
/// as tracks pass (a dot for every track up to 25 a second per edge) in the colour of the
/// outcome at the source they leave: answered (green), no data (grey), error (red), let
/// pass (amber). Animated at 60 frames a second while shown; not while the window is
/// hidden or minimised, nor when the system asks for reduced motion (systemReducedMotion():
/// GNOME's Reduce Animation, GTK's gtk-enable-animations, KDE's instant animation speed, or
/// ENRICHMENT_REDUCED_MOTION=1): then static chevrons, spaced by the rate, show the
/// direction. In path mode it shows one track's way through the sources instead.
class FlowView final : public QWidget
{
    Q_OBJECT
public:
    /// One stop of a track's path: the source, what it answered, how long it took.
    struct PathStep
    {
        QString source;
        QString outcome; ///< success, no_data, error, skipped (wire names)
        double latencyMs = 0;
    };

    /// Where everything goes in a widget of @p size.
    struct Geometry
    {
        QHash<QString, QRectF> nodes;       ///< by node key
        QHash<QString, QPainterPath> edges; ///< by edgeKey()
        QHash<QString, double> widths;      ///< by edgeKey(), pixels
    };
    static Geometry layout(const FlowState &state, const QSizeF &size);
    static QString edgeKey(const QString &from, const QString &to)
    {
        return from + QLatin1Char('>') + to;
    }
    /// Dots a second on an edge carrying @p ratePerMinute tracks.
    static double dotsPerSecond(double ratePerMinute);
    /// The system asks for reduced motion: ENRICHMENT_REDUCED_MOTION (1 yes, 0 no) decides
    /// if set; else KDE's AnimationDurationFactor=0 (kdeglobals), GTK's
    /// gtk-enable-animations=false (gtk-3.0/settings.ini) or GNOME's enable-animations false
    /// (gsettings, asked once) say yes.
    static bool systemReducedMotion();

    explicit FlowView(QWidget *parent = nullptr);

    void setState(const FlowState &state);
    const FlowState &state() const { return m_state; }
    /// One track's path (oldest attempt first) and how it ended (a queue status's wire
    /// name); an empty path leaves path mode.
    void setTrackPath(const QList<PathStep> &path, const QString &ending);
    bool showsPath() const { return !m_path.isEmpty(); }

    void setReducedMotion(bool reduced);
    bool reducedMotion() const { return m_reduced; }
    /// The frame timer runs (shown, not minimised, motion allowed, something flows).
    bool isAnimating() const { return m_timer.isActive(); }
    /// Moves the dots @p seconds on and spawns new ones (the timer does it each frame).
    void advance(double seconds);
    int dotCount() const { return int(m_dots.size()); }
    /// Still chevrons show the direction (reduced motion, or no frame has moved the dots
    /// yet: an export, a view out of sight).
    bool showsChevrons() const { return m_reduced || m_framesMoved == 0; }
    /// Dots on @p edgeKey now.
    int dotCount(const QString &edgeKey) const;
    /// Draws one frame (paintEvent and the benchmark): on a raster device from cached layers
    /// of edges and nodes with the dots between them; elsewhere (SVG) all as vectors.
    void paintFrame(QPainter &painter);

    /// What hovering a node says: its calls by outcome, what it let pass, breaker, quota.
    QString nodeToolTip(const FlowNode &node) const;

    QSize sizeHint() const override { return {900, 300}; }
    QSize minimumSizeHint() const override { return {480, 220}; }

protected:
    bool event(QEvent *event) override;
    void paintEvent(QPaintEvent *event) override;
    void showEvent(QShowEvent *event) override;
    void hideEvent(QHideEvent *event) override;
    void resizeEvent(QResizeEvent *event) override;
    void changeEvent(QEvent *event) override;

private:
    struct Dot
    {
        QString edge;
        double t = 0; ///< 0..1 along the edge
        QColor color;
    };
    void tick();
    void updateTimer();
    QColor edgeColor(double errorShare) const;
    QColor outcomeColor(const QString &outcome) const;
    void paintPath(QPainter &painter);
    void paintEdges(QPainter &painter) const;
    void paintDots(QPainter &painter) const;
    void paintNodes(QPainter &painter) const;
    /// A node's name (bold, at the top) and its line (in the middle), each elided.
    void paintTitleAndLine(QPainter &painter, const QRectF &inner, const QString &title,
                           const QString &line) const;
    void invalidateLayers();
    void stopAnimation();

    FlowState m_state;
    Geometry m_geometry;
    QList<PathStep> m_path;
    QString m_ending;
    QList<Dot> m_dots;
    QHash<QString, double> m_spawn; ///< per edge: dots owed
    QTimer m_timer;
    QElapsedTimer m_clock;
    QRandomGenerator m_random{20261204};
    bool m_reduced = false;
    int m_framesMoved = 0;  ///< advances since the animation (re)started; 0: chevrons
    QPixmap m_back;         ///< the background and the edges, at m_layerScale
    QPixmap m_front;        ///< the nodes, on transparent
    qreal m_layerScale = 0; ///< 0: the layers are to be drawn again
};

} // namespace dashboard
