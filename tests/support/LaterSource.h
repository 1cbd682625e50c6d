// SPDX-FileCopyrightText: 2026 Enrichment Monitor authors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <memory>

#include <QList>
#include <QObject>
#include <QTimer>

#include "enrichment/EnrichmentSource.h"

namespace testsupport {

/// The answers a LaterSource owes, held by the test: each ask waits here until the test
/// releases it (or, with a delay, until that much time passed), as a provider's API
/// answers from the event loop. A found track's `label` is its artist (or its id).
class LaterAnswers final : public QObject
{
public:
    struct Asked
    {
        enrichment::TrackLookup track;
        enrichment::EnrichmentSource::Answer answer;
    };
    int delayMs = -1; ///< < 0: only release() answers
    QList<Asked> waiting;
    int asked = 0;

    void ask(const enrichment::TrackLookup &track, enrichment::EnrichmentSource::Answer answer)
    {
        ++asked;
        waiting.append({track, std::move(answer)});
        if (delayMs >= 0)
            QTimer::singleShot(delayMs, this, [this] { release(1); });
    }
    /// Answers the @p n oldest asks (found).
    void release(int n)
    {
        for (int i = 0; i < n && !waiting.isEmpty(); ++i) {
            const Asked a = waiting.takeFirst();
            enrichment::SourceResponse r;
            r.status = enrichment::RequestStatus::Success;
            r.latencySeconds = 0.05;
            r.detail = QStringLiteral("HTTP 200 OK");
            r.fields.insert(QStringLiteral("label"),
                            a.track.artist.isEmpty() ? a.track.id : a.track.artist);
            a.answer(r);
        }
    }
};

/// A source that answers later (EnrichmentSource::fetchAsync()) through @p answers.
class LaterSource final : public enrichment::EnrichmentSource
{
public:
    LaterSource(QString name, std::shared_ptr<LaterAnswers> answers)
        : m_name(std::move(name)), m_answers(std::move(answers))
    {}
    QString name() const override { return m_name; }
    void fetchAsync(const enrichment::TrackLookup &track, Answer answer) override
    {
        m_answers->ask(track, std::move(answer));
    }
    bool simulatesLatency() const override { return false; }
    enrichment::RateLimitState rateLimit() override { return {}; }

private:
    QString m_name;
    std::shared_ptr<LaterAnswers> m_answers;
};

} // namespace testsupport
