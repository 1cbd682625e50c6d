// SPDX-FileCopyrightText: 2026 Enrichment Monitor authors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QNetworkReply>
#include <QSignalSpy>

namespace testsupport {

/// Waits (at most @p timeoutMs) for @p reply, which it deletes later; its body, and its
/// HTTP status in @p status (0 without an answer).
inline QByteArray finish(QNetworkReply *reply, int *status = nullptr, int timeoutMs = 15000)
{
    QSignalSpy done(reply, &QNetworkReply::finished);
    if (!reply->isFinished())
        done.wait(timeoutMs);
    if (status)
        *status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
    const QByteArray body = reply->readAll();
    reply->deleteLater();
    return body;
}

} // namespace testsupport
