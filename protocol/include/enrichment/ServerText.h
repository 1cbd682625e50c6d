// SPDX-FileCopyrightText: 2026 Enrichment Monitor authors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QString>
#include <QUrl>

namespace enrichment {

/// Makes text that came from a backend (error messages, reason phrases) safe to show:
/// control and format characters (escape sequences, bidirectional overrides, NUL) become
/// spaces, runs of white space collapse to one, and the result is cut to @p maxChars
/// (with an ellipsis). Show it as plain text: widgets never interpret it as rich text.
QString plainServerText(const QString &text, int maxChars = 300);

/// A service's base URL as the clients keep it: without trailing slashes on the path, so
/// that API paths are appended to it as they are.
QUrl serviceBaseUrl(const QUrl &url);

} // namespace enrichment
