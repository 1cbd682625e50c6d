// SPDX-FileCopyrightText: 2026 Enrichment Monitor authors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "MonitoringServer.h"
#include "enrichment/BackendService.h"
#include "enrichment/QueueStore.h"

// What a backend's options mean for each of its parts.
namespace enrichment {

/// The HTTP/WebSocket server's settings; room messages stamped by @p clock.
MonitoringServer::Config serverConfig(const BackendOptions &options, const Clock *clock);
/// The queue store's settings (lease, worker id, retry backoff).
QueueStore::Config storeConfig(const BackendOptions &options);
/// What only a PostgreSQL store reads (the password).
ServerStoreOptions serverStoreOptions(const BackendOptions &options);
/// Logs what a bind beyond loopback exposes: data without a token, actions without
/// operator tokens, everything without TLS (@p tls: served over TLS).
void warnAboutExposure(const BackendOptions &options, bool tls);

} // namespace enrichment
