// SPDX-FileCopyrightText: 2026 Enrichment Monitor authors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <cstddef>
#include <functional>

#include <QCommandLineParser>
#include <QString>
#include <QStringList>

/// What the command lines of `enrichment-backend`, `enrichment-monitor` and
/// `enrichment-scaler` share, defined once: -h/--help, -v/--version, and (unless the
/// program takes some) no positional arguments.
namespace enrichment::cli {

/// The words a program uses for what is shared (translated or not, as the program is).
struct StandardTexts
{
    QString help;               ///< help of --help: "Show this help."
    QString version;            ///< help of --version: "Show the version."
    QString versionLine;        ///< what --version prints: "enrichment-backend 0.9.0\n"
    QString unexpectedArgument; ///< the error for a positional argument; %1 is the argument
    bool positionalAllowed = false; ///< the program takes positional arguments itself
};

/// One option of a program's table: its name, its help and the name of its value (none:
/// a switch).
struct OptionSpec
{
    const char *name;
    const char *help;
    const char *value = nullptr;
};

/// Adds the options of @p table to @p parser, in order; @p help, when given, turns each
/// help text into the one shown (a program fills in defaults it knows only at run time).
template<std::size_t N>
void addOptions(QCommandLineParser &parser, const OptionSpec (&table)[N],
                const std::function<QString(const QString &)> &help = {})
{
    for (const OptionSpec &spec : table) {
        const QString text = QString::fromUtf8(spec.help);
        QCommandLineOption option(QString::fromLatin1(spec.name), help ? help(text) : text);
        if (spec.value)
            option.setValueName(QString::fromLatin1(spec.value));
        parser.addOption(option);
    }
}

/// Reads integer option @p name into @p out when it is set: false with @p error naming the
/// option and its range when it is not an integer from @p min to @p max.
bool intOption(const QCommandLineParser &parser, const QString &name, int min, int max, int *out,
               QString *error);

/// Adds --help and --version to @p parser (which has the program's own options), parses
/// @p arguments and answers --help and --version: then true with *exitNow and the text in
/// @p output. False with the reason in @p error on a parse error or an argument that is not
/// an option. True otherwise: the program reads its options from @p parser.
bool parseStandard(QCommandLineParser &parser, const QStringList &arguments,
                   const StandardTexts &texts, QString *error, bool *exitNow, QString *output);

} // namespace enrichment::cli
