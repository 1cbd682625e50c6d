// SPDX-FileCopyrightText: 2026 Enrichment Monitor authors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <Qt>

namespace dashboard {

/// The item-data roles every dashboard model shares, so a view, the CSV writer or an
/// exporter asks any model the same way. Models list the ones they answer.
namespace ModelRole {
enum : int {
    Value = Qt::UserRole + 1, ///< the raw number behind a cell (charts)
    Export,                   ///< raw value or machine-readable header, for CSV
    Sort,                     ///< value to sort by
    Severity,                 ///< event severity (EventLogModel)
    Health,                   ///< healthKey() string (SourcesModel)
    BreakerState,             ///< breakerStateKey() string (SourcesModel)
    Detail,                   ///< a line under the value (SummaryModel)
};
} // namespace ModelRole

} // namespace dashboard
