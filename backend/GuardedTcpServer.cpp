// SPDX-FileCopyrightText: 2026 Enrichment Monitor authors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "GuardedTcpServer.h"

#include <QLoggingCategory>
#include <QPointer>
#include <QTcpSocket>
#include <QTimer>

Q_DECLARE_LOGGING_CATEGORY(lcServer)

namespace enrichment {

GuardedTcpServer::GuardedTcpServer(qint64 maxRequestBytes, int idleTimeoutMs, QObject *parent)
    : QTcpServer(parent), m_maxRequestBytes(maxRequestBytes), m_idleTimeoutMs(idleTimeoutMs)
{}

void GuardedTcpServer::incomingConnection(qintptr socketDescriptor)
{
    auto *socket = new QTcpSocket(this);
    if (!socket->setSocketDescriptor(socketDescriptor)) {
        delete socket;
        return;
    }
    auto *idle = new QTimer(socket);
    idle->setSingleShot(true);
    idle->setInterval(m_idleTimeoutMs);
    auto unanswered = std::make_shared<qint64>(0);
    auto upgraded = std::make_shared<bool>(false);
    const QPointer<QTcpSocket> guarded(socket);

    connect(idle, &QTimer::timeout, socket, [guarded, upgraded] {
        if (guarded && !*upgraded) {
            qCInfo(lcServer) << "closing idle HTTP connection";
            guarded->abort();
        }
    });
    // Connected before QHttpServer's own slot, so this sees each chunk before it is read.
    connect(socket, &QTcpSocket::readyRead, socket, [this, guarded, idle, unanswered, upgraded] {
        if (!guarded || *upgraded || !guarded->isOpen())
            return;
        const QByteArray head = guarded->peek(8192).toLower();
        if (head.contains("\r\nupgrade: websocket")) {
            *upgraded = true;
            idle->stop();
            return;
        }
        *unanswered += guarded->bytesAvailable();
        if (*unanswered > m_maxRequestBytes) {
            qCWarning(lcServer) << "request larger than" << m_maxRequestBytes << "bytes refused";
            const QByteArray body =
                R"({"error":{"code":"payload_too_large","message":"request too large"}})";
            guarded->write("HTTP/1.1 413 Payload Too Large\r\nContent-Type: application/json\r\n"
                           "Connection: close\r\nContent-Length: " +
                           QByteArray::number(body.size()) + "\r\n\r\n" + body);
            guarded->readAll();
            guarded->disconnectFromHost();
            *upgraded = true; // stop guarding; the socket is closing
            return;
        }
        idle->start();
    });
    connect(socket, &QTcpSocket::bytesWritten, socket, [idle, unanswered, upgraded] {
        *unanswered = 0;
        if (!*upgraded)
            idle->start();
    });
    idle->start();
    addPendingConnection(socket);
}

} // namespace enrichment
