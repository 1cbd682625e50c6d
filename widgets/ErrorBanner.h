// SPDX-FileCopyrightText: 2026 Enrichment Monitor authors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QFrame>

#include "Snapshot.h"

class QLabel;
class QPushButton;

namespace dashboard {

/// A banner across the window with the reason the backend cannot be read and a Retry
/// button. Hidden while there is no error.
class ErrorBanner final : public QFrame
{
    Q_OBJECT
public:
    explicit ErrorBanner(QWidget *parent = nullptr);
    /// A banner of another @p tone (Degraded: a warning) whose button says @p buttonText.
    ErrorBanner(Health tone, const QString &buttonText, QWidget *parent = nullptr);
    /// Shows @p message, or hides the banner when it is empty.
    void setError(const QString &message);
    QString message() const;
    QPushButton *retryButton() const { return m_retry; }

Q_SIGNALS:
    void retryRequested();

protected:
    void changeEvent(QEvent *event) override;

private:
    void restyle();
    Health m_tone = Health::Down;
    QLabel *m_icon;
    QLabel *m_text;
    QPushButton *m_retry;
};

} // namespace dashboard
