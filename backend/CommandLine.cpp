// SPDX-FileCopyrightText: 2026 Enrichment Monitor authors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "enrichment/CommandLine.h"

namespace enrichment::cli {

bool intOption(const QCommandLineParser &p, const QString &name, int min, int max, int *out,
               QString *error)
{
    if (!p.isSet(name))
        return true;
    bool ok = false;
    const int v = p.value(name).toInt(&ok);
    if (!ok || v < min || v > max) {
        *error = QStringLiteral("--%1 must be an integer from %2 to %3, got \"%4\"")
                     .arg(name)
                     .arg(min)
                     .arg(max)
                     .arg(p.value(name).left(40));
        return false;
    }
    *out = v;
    return true;
}

bool parseStandard(QCommandLineParser &parser, const QStringList &arguments,
                   const StandardTexts &texts, QString *error, bool *exitNow, QString *output)
{
    *exitNow = false;
    const QCommandLineOption help({QStringLiteral("h"), QStringLiteral("help")}, texts.help);
    const QCommandLineOption version({QStringLiteral("v"), QStringLiteral("version")},
                                     texts.version);
    parser.addOption(help);
    parser.addOption(version);
    if (!parser.parse(arguments)) {
        *error = parser.errorText();
        return false;
    }
    if (parser.isSet(help) || parser.isSet(version)) {
        *output = parser.isSet(help) ? parser.helpText() : texts.versionLine;
        *exitNow = true;
        return true;
    }
    if (!texts.positionalAllowed && !parser.positionalArguments().isEmpty()) {
        *error = texts.unexpectedArgument.arg(parser.positionalArguments().constFirst().left(200));
        return false;
    }
    return true;
}

} // namespace enrichment::cli
