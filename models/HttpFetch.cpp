// SPDX-FileCopyrightText: 2026 Enrichment Monitor authors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "HttpFetch.h"

#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QNetworkRequest>
#include <QSslError>

#include "enrichment/ServerText.h"

namespace dashboard {

HttpFetch::HttpFetch(const Request &request, QObject *parent) : QObject(parent), m_request(request)
{
    m_deadline.setSingleShot(true);
    connect(&m_deadline, &QTimer::timeout, this, [this] { fail(Failure::TooSlow); });
}

HttpFetch::~HttpFetch()
{
    if (m_reply) {
        m_reply->disconnect(this);
        m_reply->abort();
        m_reply->deleteLater();
    }
}

HttpFetch *HttpFetch::start(QNetworkAccessManager *network, const Request &request, QObject *parent)
{
    auto *f = new HttpFetch(request, parent);
    QNetworkRequest req(request.url);
    req.setAttribute(QNetworkRequest::CacheLoadControlAttribute, QNetworkRequest::AlwaysNetwork);
    if (!request.token.isEmpty())
        req.setRawHeader("Authorization", "Bearer " + request.token);
    QNetworkReply *reply = nullptr;
    if (request.postBody) {
        req.setHeader(QNetworkRequest::ContentTypeHeader, QByteArrayLiteral("application/json"));
        reply = network->post(req, *request.postBody);
    } else {
        reply = network->get(req);
    }
    f->m_reply = reply;
    // The network layer holds at most this much we have not read: the cap is enforced on
    // what arrives, not on what was already buffered without limit.
    reply->setReadBufferSize(ReadChunkBytes);
    connect(reply, &QNetworkReply::sslErrors, f, [f](const QList<QSslError> &errors) {
        QStringList texts;
        for (const QSslError &e : errors)
            texts << e.errorString();
        f->m_tlsErrors = texts.join(QStringLiteral("; "));
    });
    connect(reply, &QNetworkReply::metaDataChanged, f, [f] {
        const QVariant length = f->m_reply->header(QNetworkRequest::ContentLengthHeader);
        if (length.isValid() && length.toLongLong() > f->m_request.maxBytes)
            f->fail(Failure::TooLarge);
    });
    connect(reply, &QNetworkReply::readyRead, f, &HttpFetch::readSome);
    connect(reply, &QNetworkReply::finished, f, &HttpFetch::done);
    f->m_deadline.start(std::max(1, request.deadlineMs));
    return f;
}

void HttpFetch::readSome()
{
    if (!m_reply || m_failure != Failure::None)
        return;
    const qint64 room = m_request.maxBytes - m_body.size();
    m_body += m_reply->read(std::max<qint64>(0, room));
    if (m_reply->bytesAvailable() > 0) // more than the cap came
        fail(Failure::TooLarge);
}

void HttpFetch::done()
{
    if (m_finished || !m_reply)
        return;
    readSome();
    if (m_failure == Failure::None) {
        m_status = m_reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
        if (m_reply->error() != QNetworkReply::NoError && m_status == 0) {
            m_failure =
                !m_tlsErrors.isEmpty() || m_reply->error() == QNetworkReply::SslHandshakeFailedError
                    ? Failure::Tls
                    : Failure::Network;
            m_networkError = enrichment::plainServerText(m_reply->errorString());
        }
    }
    m_finished = true;
    m_deadline.stop();
    m_reply->disconnect(this);
    m_reply->deleteLater();
    m_reply = nullptr;
    Q_EMIT finished();
    deleteLater();
}

void HttpFetch::fail(Failure failure)
{
    if (m_finished || m_failure != Failure::None)
        return;
    m_failure = failure;
    m_body.clear();
    if (m_reply) {
        m_reply->abort(); // finished() follows, and done() reports the failure
        return;
    }
    // The reply is gone already (its network manager with it): say so ourselves.
    m_finished = true;
    m_deadline.stop();
    Q_EMIT finished();
    deleteLater();
}

void HttpFetch::cancel()
{
    m_finished = true;
    m_deadline.stop();
    if (m_reply) {
        m_reply->disconnect(this);
        m_reply->abort();
        m_reply->deleteLater();
        m_reply = nullptr;
    }
    deleteLater();
}

QString HttpFetch::where() const
{
    return tr("%1 at %2")
        .arg(m_request.service,
             m_request.url.adjusted(QUrl::RemovePath | QUrl::RemoveQuery | QUrl::RemoveUserInfo)
                 .toString());
}

QString HttpFetch::failureDetail() const
{
    return m_tlsErrors.isEmpty() ? m_networkError : enrichment::plainServerText(m_tlsErrors);
}

QString HttpFetch::errorText() const
{
    switch (m_failure) {
    case Failure::None: return {};
    case Failure::TooLarge:
        return tr("%1 sent an answer larger than %2 MiB; it was not read")
            .arg(where())
            .arg(double(m_request.maxBytes) / (1024 * 1024), 0, 'g', 3);
    case Failure::TooSlow:
        return tr("%1 did not finish answering within %2 s")
            .arg(where())
            .arg(m_request.deadlineMs / 1000);
    case Failure::Tls:
        return tr("the TLS certificate of %1 is not trusted: %2").arg(where(), failureDetail());
    case Failure::Network: return tr("%1 does not answer: %2").arg(where(), m_networkError);
    }
    return {};
}

} // namespace dashboard
