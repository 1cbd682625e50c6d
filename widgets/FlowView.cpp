// SPDX-FileCopyrightText: 2026 Enrichment Monitor authors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "FlowView.h"

#include <algorithm>
#include <cmath>

#include <QApplication>
#include <QEvent>
#include <QLocale>
#include <QPaintEngine>
#include <QPainter>
#include <QHelpEvent>
#include <QPen>
#include <QProcess>
#include <QSettings>
#include <QStandardPaths>
#include <QToolTip>

#include "OperatorModels.h"
#include "StatusStyle.h"
#include "SummaryModel.h"
#include "enrichment/Vocabulary.h"

namespace dashboard {

namespace {
constexpr double Margin = 14;
constexpr double NodeHeight = 62;
constexpr double DotSpeed = 0.7; ///< edges a second
constexpr int MaxDots = 600;
constexpr double MaxDotsPerSecond = 25;

QColor mix(const QColor &a, const QColor &b, double t)
{
    t = std::clamp(t, 0.0, 1.0);
    return QColor::fromRgbF(float(a.redF() + (b.redF() - a.redF()) * t),
                            float(a.greenF() + (b.greenF() - a.greenF()) * t),
                            float(a.blueF() + (b.blueF() - a.blueF()) * t));
}

QString outcomeStatus(const QString &key)
{
    const auto s = enrichment::trackStatusFromWire(key);
    return s ? SummaryModel::statusLabel(*s) : key;
}
} // namespace

FlowView::FlowView(QWidget *parent) : QWidget(parent), m_reduced(systemReducedMotion())
{
    setObjectName(QStringLiteral("flowView"));
    setAttribute(Qt::WA_OpaquePaintEvent, false);
    m_timer.setTimerType(Qt::PreciseTimer);
    m_timer.setInterval(16); // 60 frames a second
    connect(&m_timer, &QTimer::timeout, this, &FlowView::tick);
}

bool FlowView::systemReducedMotion()
{
    const QByteArray env = qgetenv("ENRICHMENT_REDUCED_MOTION");
    if (!env.isEmpty())
        return env != "0";
    const QString config = QStandardPaths::writableLocation(QStandardPaths::GenericConfigLocation);
    // KDE: "Animation speed" at its instant end.
    const QSettings kde(config + QStringLiteral("/kdeglobals"), QSettings::IniFormat);
    if (kde.value(QStringLiteral("KDE/AnimationDurationFactor"), 1.0).toDouble() <= 0)
        return true;
    // GTK desktops: gtk-enable-animations in GTK's settings.
    const QSettings gtk(config + QStringLiteral("/gtk-3.0/settings.ini"), QSettings::IniFormat);
    const QString animations =
        gtk.value(QStringLiteral("Settings/gtk-enable-animations")).toString().toLower();
    if (animations == QLatin1String("0") || animations == QLatin1String("false"))
        return true;
    // GNOME: Accessibility > Reduce Animation (org.gnome.desktop.interface), asked once.
    static const bool gnome = [] {
        const QString gsettings = QStandardPaths::findExecutable(QStringLiteral("gsettings"));
        if (gsettings.isEmpty())
            return false;
        QProcess p;
        p.start(gsettings, {QStringLiteral("get"), QStringLiteral("org.gnome.desktop.interface"),
                            QStringLiteral("enable-animations")});
        if (!p.waitForFinished(1000)) {
            p.kill();
            p.waitForFinished(1000);
            return false;
        }
        return p.readAllStandardOutput().trimmed() == "false";
    }();
    return gnome;
}

double FlowView::dotsPerSecond(double ratePerMinute)
{
    if (ratePerMinute <= 0)
        return 0;
    return std::min(MaxDotsPerSecond, ratePerMinute / 60.0);
}

FlowView::Geometry FlowView::layout(const FlowState &state, const QSizeF &size)
{
    Geometry g;
    QList<const FlowNode *> columns; // queue, sources; outcomes share the last column
    QList<const FlowNode *> outcomes;
    for (const FlowNode &n : state.nodes)
        (n.kind == FlowNode::Kind::Outcome ? outcomes : columns) << &n;
    const int count = int(columns.size()) + (outcomes.isEmpty() ? 0 : 1);
    if (count == 0)
        return g;
    const double width = std::max(1.0, size.width() - 2 * Margin);
    const double column = width / count;
    const double nodeWidth = std::min(160.0, column * 0.72);
    const double midY = size.height() / 2;
    for (int i = 0; i < columns.size(); ++i) {
        const double cx = Margin + column * (i + 0.5);
        g.nodes.insert(columns.at(i)->key,
                       QRectF(cx - nodeWidth / 2, midY - NodeHeight / 2, nodeWidth, NodeHeight));
    }
    const double outcomeHeight = std::min(NodeHeight * 0.7, (size.height() - 2 * Margin) / 3.5);
    for (int i = 0; i < outcomes.size(); ++i) {
        const double cx = Margin + column * (count - 0.5);
        const double cy = size.height() * (i + 1) / double(outcomes.size() + 1);
        g.nodes.insert(outcomes.at(i)->key, QRectF(cx - nodeWidth / 2, cy - outcomeHeight / 2,
                                                   nodeWidth, outcomeHeight));
    }
    double busiest = 0;
    for (const FlowEdge &e : state.edges)
        busiest = std::max(busiest, e.rate);
    for (const FlowEdge &e : state.edges) {
        const QRectF a = g.nodes.value(e.from);
        const QRectF b = g.nodes.value(e.to);
        if (a.isNull() || b.isNull())
            continue;
        const QPointF p0(a.right(), a.center().y());
        const QPointF p3(b.left(), b.center().y());
        const double dx = (p3.x() - p0.x()) / 2;
        QPainterPath path(p0);
        path.cubicTo(p0 + QPointF(dx, 0), p3 - QPointF(dx, 0), p3);
        const QString key = edgeKey(e.from, e.to);
        g.edges.insert(key, path);
        g.widths.insert(key, busiest > 0 ? 1.5 + 12.0 * std::sqrt(std::max(0.0, e.rate) / busiest)
                                         : 1.5);
    }
    return g;
}

void FlowView::setState(const FlowState &state)
{
    m_state = state;
    invalidateLayers();
    m_geometry = layout(m_state, size());
    // Dots on edges that are gone go with them.
    m_dots.removeIf([this](const Dot &d) { return !m_geometry.edges.contains(d.edge); });
    updateTimer();
    update();
}

void FlowView::setTrackPath(const QList<PathStep> &path, const QString &ending)
{
    m_path = path;
    m_ending = ending;
    if (!path.isEmpty()) {
        // The path as a state: the queue, the sources it met, how it ended.
        QList<FlowNode> sources;
        for (const PathStep &p : path) {
            FlowNode n;
            n.key = p.source;
            sources << n;
        }
        FlowState s = FlowModel::build(0, sources, std::nullopt, 0, 0, 0);
        s.nodes.removeIf([&ending](const FlowNode &n) {
            return n.kind == FlowNode::Kind::Outcome && n.key != ending;
        });
        s.edges.removeIf([&s](const FlowEdge &e) { return !s.node(e.to); });
        for (FlowEdge &e : s.edges)
            e.rate = 1;
        m_dots.clear();
        m_state = s;
        m_geometry = layout(m_state, size());
    }
    invalidateLayers();
    updateTimer();
    update();
}

void FlowView::setReducedMotion(bool reduced)
{
    m_reduced = reduced;
    invalidateLayers();
    if (reduced) {
        m_dots.clear();
        m_framesMoved = 0;
    }
    updateTimer();
    update();
}

void FlowView::updateTimer()
{
    bool flows = false;
    for (const FlowEdge &e : m_state.edges)
        flows = flows || e.rate > 0;
    const bool run = flows && !m_reduced && m_path.isEmpty() && isVisible() &&
                     !(window() && window()->isMinimized());
    if (run && !m_timer.isActive()) {
        m_clock.start();
        m_timer.start();
    } else if (!run && m_timer.isActive()) {
        stopAnimation();
    }
}

void FlowView::tick()
{
    if (!isVisible() || window()->isMinimized()) {
        stopAnimation();
        return;
    }
    const double seconds = std::min(0.1, m_clock.restart() / 1000.0);
    if (visibleRegion().isEmpty())
        return; // scrolled out of sight: nothing to draw
    advance(seconds);
    update();
}

void FlowView::advance(double seconds)
{
    if (m_framesMoved++ == 0)
        invalidateLayers(); // dots take over from the chevrons
    for (Dot &d : m_dots)
        d.t += seconds * DotSpeed;
    m_dots.removeIf([](const Dot &d) { return d.t >= 1.0; });
    for (const FlowEdge &e : m_state.edges) {
        const QString key = edgeKey(e.from, e.to);
        double &owed = m_spawn[key];
        owed += dotsPerSecond(e.rate) * seconds;
        const FlowNode *from = m_state.node(e.from);
        const FlowNode *to = m_state.node(e.to);
        while (owed >= 1.0) {
            owed -= 1.0;
            if (m_dots.size() >= MaxDots)
                continue;
            Dot d;
            d.edge = key;
            d.t = owed / std::max(1e-9, dotsPerSecond(e.rate)) * DotSpeed; // spread in time
            if (to && to->kind == FlowNode::Kind::Outcome) {
                d.color = outcomeColor(to->key);
            } else if (from && from->kind == FlowNode::Kind::Source) {
                // The outcome at the source it leaves, drawn by the source's mix.
                const double total = from->calls() + from->skipped;
                double pick = m_random.generateDouble() * total;
                const QString outcomes[] = {QStringLiteral("success"), QStringLiteral("no_data"),
                                            QStringLiteral("error"), QStringLiteral("skipped")};
                const double shares[] = {from->success, from->noData, from->error, from->skipped};
                d.color = outcomeColor(outcomes[0]);
                for (int i = 0; i < 4; ++i) {
                    if (pick < shares[i]) {
                        d.color = outcomeColor(outcomes[i]);
                        break;
                    }
                    pick -= shares[i];
                }
            } else {
                d.color = palette().color(QPalette::Highlight);
            }
            m_dots << d;
        }
    }
}

int FlowView::dotCount(const QString &edgeKey) const
{
    return int(std::count_if(m_dots.begin(), m_dots.end(),
                             [&edgeKey](const Dot &d) { return d.edge == edgeKey; }));
}

QColor FlowView::edgeColor(double errorShare) const
{
    const QColor good = StatusStyle::healthColor(Health::Healthy, palette());
    const QColor warn = StatusStyle::healthColor(Health::Degraded, palette());
    const QColor bad = StatusStyle::healthColor(Health::Down, palette());
    // Green to 5 %, amber at 15 %, red from 30 %.
    if (errorShare <= 0.05)
        return good;
    if (errorShare <= 0.15)
        return mix(good, warn, (errorShare - 0.05) / 0.10);
    return mix(warn, bad, (errorShare - 0.15) / 0.15);
}

QColor FlowView::outcomeColor(const QString &outcome) const
{
    const QPalette &pal = palette();
    if (const auto status = enrichment::trackStatusFromWire(outcome))
        return StatusStyle::queueColor(*status, pal);
    if (outcome == QLatin1String("success"))
        return StatusStyle::healthColor(Health::Healthy, pal);
    if (outcome == QLatin1String("error"))
        return StatusStyle::healthColor(Health::Down, pal);
    if (outcome == QLatin1String("skipped"))
        return StatusStyle::healthColor(Health::Degraded, pal);
    return pal.color(QPalette::Mid); // no data
}

void FlowView::paintEvent(QPaintEvent *)
{
    QPainter painter(this);
    paintFrame(painter);
}

void FlowView::paintFrame(QPainter &painter)
{
    painter.setRenderHint(QPainter::Antialiasing);
    const QPalette &pal = palette();
    if (m_state.isEmpty()) {
        painter.fillRect(rect(), pal.color(QPalette::Base));
        painter.setPen(pal.color(QPalette::PlaceholderText));
        painter.drawText(rect(), Qt::AlignCenter,
                         tr("No flow yet\nThe rates need a few seconds of snapshots."));
        return;
    }
    if (!m_path.isEmpty()) {
        painter.fillRect(rect(), pal.color(QPalette::Base));
        paintPath(painter);
        return;
    }
    // On a raster device the edges and the nodes, which change only with the rates, are
    // drawn once into two layers at the device's scale; a frame is the layers and the
    // dots between them. Elsewhere (SVG export) everything is drawn as vectors.
    const bool raster =
        painter.paintEngine() && painter.paintEngine()->type() == QPaintEngine::Raster;
    if (!raster) {
        painter.fillRect(rect(), pal.color(QPalette::Base));
        paintEdges(painter);
        paintDots(painter);
        paintNodes(painter);
        return;
    }
    const qreal scale = std::max<qreal>(1.0, painter.deviceTransform().m11());
    if (m_layerScale != scale || m_back.size() != size() * scale) {
        m_layerScale = scale;
        const auto layer = [this, scale](bool back) {
            QPixmap pixmap(size() * scale);
            pixmap.setDevicePixelRatio(scale);
            pixmap.fill(back ? palette().color(QPalette::Base) : Qt::transparent);
            QPainter p(&pixmap);
            p.setRenderHint(QPainter::Antialiasing);
            p.setFont(font());
            if (back)
                paintEdges(p);
            else
                paintNodes(p);
            return pixmap;
        };
        m_back = layer(true);
        m_front = layer(false);
    }
    painter.drawPixmap(0, 0, m_back);
    paintDots(painter);
    painter.drawPixmap(0, 0, m_front);
}

void FlowView::invalidateLayers()
{
    m_layerScale = 0;
}

void FlowView::paintEdges(QPainter &painter) const
{
    const QPalette &pal = palette();
    for (const FlowEdge &e : m_state.edges) {
        const QString key = edgeKey(e.from, e.to);
        const QPainterPath path = m_geometry.edges.value(key);
        const FlowNode *to = m_state.node(e.to);
        const FlowNode *from = m_state.node(e.from);
        QColor color = to && to->kind == FlowNode::Kind::Outcome      ? outcomeColor(to->key)
                       : from && from->kind == FlowNode::Kind::Source ? edgeColor(e.errorShare)
                                                                      : pal.color(QPalette::Mid);
        if (e.rate <= 0)
            color = pal.color(QPalette::Midlight);
        color.setAlphaF(0.55f);
        QPen pen(color, m_geometry.widths.value(key, 1.5),
                 e.rate > 0 ? Qt::SolidLine : Qt::DashLine, Qt::FlatCap);
        painter.setPen(pen);
        painter.setBrush(Qt::NoBrush);
        painter.drawPath(path);
        if (showsChevrons() && e.rate > 0) {
            // Still (reduced motion, or no frame has moved the dots: an export, a view out
            // of sight): chevrons along the edge, closer together the more it carries.
            const int marks = std::clamp(int(std::ceil(dotsPerSecond(e.rate))), 1, 8);
            painter.setPen(QPen(pal.color(QPalette::Text), 1.4));
            for (int i = 1; i <= marks; ++i) {
                const double t = double(i) / (marks + 1);
                const QPointF p = path.pointAtPercent(t);
                const double angle = path.angleAtPercent(t) * M_PI / 180.0;
                const QPointF dir(std::cos(angle), -std::sin(angle));
                const QPointF normal(-dir.y(), dir.x());
                painter.drawLine(p - dir * 4 + normal * 4, p + dir * 2);
                painter.drawLine(p - dir * 4 - normal * 4, p + dir * 2);
            }
        }
    }
}

void FlowView::paintDots(QPainter &painter) const
{
    painter.setPen(Qt::NoPen);
    for (const Dot &d : std::as_const(m_dots)) {
        const auto it = m_geometry.edges.constFind(d.edge);
        if (it == m_geometry.edges.cend())
            continue;
        painter.setBrush(d.color);
        painter.drawEllipse(it->pointAtPercent(std::clamp(d.t, 0.0, 1.0)), 3.2, 3.2);
    }
}

void FlowView::paintNodes(QPainter &painter) const
{
    const QPalette &pal = palette();
    const QLocale locale;
    for (const FlowNode &n : m_state.nodes) {
        const QRectF r = m_geometry.nodes.value(n.key);
        if (r.isNull())
            continue;
        QColor border = pal.color(QPalette::Mid);
        if (n.kind == FlowNode::Kind::Source && n.breaker)
            border = StatusStyle::breakerColor(*n.breaker, pal);
        if (n.kind == FlowNode::Kind::Outcome)
            border = outcomeColor(n.key);
        QPen pen(border, n.kind == FlowNode::Kind::Source ? 2.5 : 1.5,
                 n.paused ? Qt::DashLine : Qt::SolidLine);
        painter.setPen(pen);
        painter.setBrush(pal.color(QPalette::Window));
        painter.drawRoundedRect(r, 6, 6);
        QString title, line;
        switch (n.kind) {
        case FlowNode::Kind::Queue:
            title = tr("Queue");
            line = n.pending ? tr("%1 pending").arg(locale.toString(*n.pending)) : QString();
            break;
        case FlowNode::Kind::Source:
            title = n.paused ? tr("%1 · paused").arg(n.key) : n.key;
            line = tr("%1 /min · %2 % err")
                       .arg(locale.toString(n.calls(), 'f', 0))
                       .arg(locale.toString(n.errorShare() * 100, 'f', 0));
            break;
        case FlowNode::Kind::Outcome:
            title = outcomeStatus(n.key);
            line = tr("%1 /min").arg(locale.toString(n.success, 'f', n.success < 10 ? 1 : 0));
            break;
        }
        painter.setPen(pal.color(QPalette::WindowText));
        const QRectF inner = r.adjusted(6, 3, -6, -3);
        if (n.kind == FlowNode::Kind::Outcome) {
            // A short node: the name and the rate on one line.
            painter.setFont(font());
            const QString both = title + QStringLiteral("  ") + line;
            painter.drawText(
                inner, Qt::AlignCenter,
                painter.fontMetrics().elidedText(both, Qt::ElideRight, int(inner.width())));
            continue;
        }
        paintTitleAndLine(painter, inner, title, line);
        if (n.kind == FlowNode::Kind::Source && n.quotaLeft) {
            // The rate-limit budget left, as a bar along the bottom.
            const QRectF bar(r.left() + 8, r.bottom() - 10, r.width() - 16, 4);
            painter.setPen(Qt::NoPen);
            painter.setBrush(pal.color(QPalette::Midlight));
            painter.drawRect(bar);
            painter.setBrush(*n.quotaLeft < 0.1 ? StatusStyle::healthColor(Health::Down, pal)
                                                : StatusStyle::seriesColor(3, pal));
            painter.drawRect(
                QRectF(bar.topLeft(), QSizeF(bar.width() * *n.quotaLeft, bar.height())));
        }
    }
}

void FlowView::paintPath(QPainter &painter)
{
    const QPalette &pal = palette();
    QHash<QString, PathStep> steps;
    for (const PathStep &p : std::as_const(m_path))
        steps.insert(p.source, p);
    for (const FlowEdge &e : m_state.edges) {
        const QString key = edgeKey(e.from, e.to);
        const auto from = steps.constFind(e.from);
        QColor c = from != steps.cend() ? outcomeColor(from->outcome) : pal.color(QPalette::Mid);
        painter.setPen(QPen(c, 4, Qt::SolidLine, Qt::RoundCap));
        painter.setBrush(Qt::NoBrush);
        painter.drawPath(m_geometry.edges.value(key));
    }
    const QLocale locale;
    for (const FlowNode &n : m_state.nodes) {
        const QRectF r = m_geometry.nodes.value(n.key);
        const auto step = steps.constFind(n.key);
        const QColor c = n.kind == FlowNode::Kind::Outcome ? outcomeColor(n.key)
                         : step != steps.cend()            ? outcomeColor(step->outcome)
                                                           : pal.color(QPalette::Mid);
        painter.setPen(QPen(c, 2.5));
        painter.setBrush(pal.color(QPalette::Window));
        painter.drawRoundedRect(r, 6, 6);
        QString title = n.key, line;
        if (n.kind == FlowNode::Kind::Queue) {
            title = tr("Queue");
        } else if (n.kind == FlowNode::Kind::Outcome) {
            title = outcomeStatus(n.key);
        } else if (step != steps.cend()) {
            line = step->outcome == QLatin1String("skipped")
                       ? tr("let pass")
                       : tr("%1 · %2 ms")
                             .arg(AttemptsModel::outcomeLabel(step->outcome),
                                  locale.toString(step->latencyMs, 'f', 0));
        }
        painter.setPen(pal.color(QPalette::WindowText));
        paintTitleAndLine(painter, r.adjusted(6, 3, -6, -3), title, line);
    }
}

void FlowView::paintTitleAndLine(QPainter &painter, const QRectF &inner, const QString &title,
                                 const QString &line) const
{
    QFont bold = font();
    bold.setBold(true);
    painter.setFont(bold);
    painter.drawText(inner, Qt::AlignHCenter | Qt::AlignTop,
                     painter.fontMetrics().elidedText(title, Qt::ElideRight, int(inner.width())));
    painter.setFont(font());
    painter.drawText(inner, Qt::AlignCenter,
                     painter.fontMetrics().elidedText(line, Qt::ElideRight, int(inner.width())));
}

QString FlowView::nodeToolTip(const FlowNode &n) const
{
    const QLocale locale;
    const auto rate = [&locale](double v) {
        return locale.toString(v, 'f', v < 10 ? 1 : 0);
    };
    switch (n.kind) {
    case FlowNode::Kind::Queue:
        return n.pending ? tr("Queue: %1 tracks pending").arg(locale.toString(*n.pending))
                         : tr("Queue");
    case FlowNode::Kind::Outcome:
        return tr("%1: %2 tracks a minute").arg(outcomeStatus(n.key), rate(n.success));
    case FlowNode::Kind::Source: {
        QStringList lines{n.key,
                          tr("Answered %1 /min: %2 with data, %3 without, %4 errors (%5 %)")
                              .arg(rate(n.calls()), rate(n.success), rate(n.noData), rate(n.error))
                              .arg(locale.toString(n.errorShare() * 100, 'f', 1)),
                          tr("Let pass without a call: %1 /min (breaker open or quota spent)")
                              .arg(rate(n.skipped))};
        if (n.breaker)
            lines << tr("Breaker: %1").arg(enrichment::toWire(*n.breaker));
        if (n.quotaLeft)
            lines << tr("Quota left: %1 %").arg(qRound(*n.quotaLeft * 100));
        if (n.paused)
            lines << tr("Paused by an operator");
        return lines.join(QLatin1Char('\n'));
    }
    }
    return {};
}

bool FlowView::event(QEvent *event)
{
    if (event->type() == QEvent::ToolTip) {
        const QPoint pos = static_cast<QHelpEvent *>(event)->pos();
        for (const FlowNode &n : m_state.nodes) {
            if (m_geometry.nodes.value(n.key).contains(pos)) {
                QToolTip::showText(static_cast<QHelpEvent *>(event)->globalPos(), nodeToolTip(n),
                                   this);
                return true;
            }
        }
        QToolTip::hideText();
        event->ignore();
        return true;
    }
    return QWidget::event(event);
}

void FlowView::showEvent(QShowEvent *event)
{
    QWidget::showEvent(event);
    updateTimer();
}

void FlowView::hideEvent(QHideEvent *event)
{
    QWidget::hideEvent(event);
    stopAnimation();
}

void FlowView::stopAnimation()
{
    m_timer.stop();
    m_dots.clear();
    m_framesMoved = 0;
    invalidateLayers(); // chevrons again
}

void FlowView::resizeEvent(QResizeEvent *event)
{
    QWidget::resizeEvent(event);
    m_geometry = layout(m_state, size());
    invalidateLayers();
}

void FlowView::changeEvent(QEvent *event)
{
    QWidget::changeEvent(event);
    if (event->type() == QEvent::PaletteChange || event->type() == QEvent::FontChange) {
        invalidateLayers();
        update();
    }
}

} // namespace dashboard
