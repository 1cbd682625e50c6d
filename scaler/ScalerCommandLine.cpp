// SPDX-FileCopyrightText: 2026 Enrichment Monitor authors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "ScalerCommandLine.h"

#include <QCommandLineParser>

#include "enrichment/CommandLine.h"
#include "enrichment/TokenFile.h"

namespace enrichment {

namespace {
// The options beyond --help and --version, in the order the help lists them.
const cli::OptionSpec ScalerOptionTable[] = {
    {"url", "The backend or relay to follow (default http://127.0.0.1:8020).", "URL"},
    {"token-file", "File holding a viewer token of that backend.", "PATH"},
    {"mode", "process (default: spawn the worker command) or systemd.", "MODE"},
    {"poll", "Seconds between two readings of the number (default 5).", "S"},
    {"up-cooldown", "Seconds after a scale-up before the next one (default 30).", "S"},
    {"down-cooldown",
     "Seconds the number must stay below the workers running before some are stopped, "
     "and since the last change (default 300).",
     "S"},
    {"min-workers", "The fewest workers to run, whatever the number says (default 0).", "N"},
    {"max-workers", "The most workers to run, whatever the number says (default 20).", "N"},
    {"first-port", "Process mode: {port} of worker 1; worker N gets it + N - 1 (default 8021).",
     "N"},
    {"stop-grace",
     "Process mode: seconds from SIGTERM to SIGKILL when stopping a worker (default 30).", "S"},
    {"systemctl", "systemd mode: the systemctl program (default systemctl).", "PATH"},
    {"unit", "systemd mode: the unit, %i for the number (default enrichment-backend@%i.service).",
     "TEMPLATE"},
};
} // namespace

bool parseScalerCommandLine(const QStringList &arguments, ScalerOptions *o, QString *error,
                            bool *exitNow, QString *output)
{
    QCommandLineParser p;
    p.setApplicationDescription(QStringLiteral(
        "Enrichment scaler: follows a backend's enrichment_workers_desired (the snapshot's\n"
        "autoscale.desired_workers, from a worker or the relay) by starting and stopping\n"
        "workers: systemd units enrichment-backend@N.service, or (process mode) the worker\n"
        "command given after --, with {n} for the instance number and {port} for its port.\n"
        "Example: enrichment-scaler --url http://127.0.0.1:8020 -- enrichment-backend\n"
        "  --database postgresql://enrichment@db/enrichment --port {port} --worker-id w{n}"));
    cli::addOptions(p, ScalerOptionTable);
    p.addPositionalArgument(QStringLiteral("command"),
                            QStringLiteral("Process mode: the worker's program and arguments."),
                            QStringLiteral("[-- COMMAND...]"));
    cli::StandardTexts texts;
    texts.help = QStringLiteral("Show this help.");
    texts.version = QStringLiteral("Show the version.");
    texts.versionLine = QStringLiteral("enrichment-scaler " ENRICHMENT_VERSION "\n");
    texts.unexpectedArgument = QStringLiteral("unexpected argument: %1");
    texts.positionalAllowed = true;
    if (!cli::parseStandard(p, arguments, texts, error, exitNow, output))
        return false;
    if (*exitNow)
        return true;

    o->scaler.url = QUrl(p.isSet(QStringLiteral("url")) ? p.value(QStringLiteral("url"))
                                                        : QStringLiteral("http://127.0.0.1:8020"));
    if (!o->scaler.url.isValid() || o->scaler.url.host().isEmpty() ||
        (o->scaler.url.scheme() != QLatin1String("http") &&
         o->scaler.url.scheme() != QLatin1String("https"))) {
        *error = QStringLiteral("--url needs http(s)://HOST[:PORT], got \"%1\"")
                     .arg(p.value(QStringLiteral("url")).left(100));
        return false;
    }
    if (p.isSet(QStringLiteral("token-file")) &&
        !readTokenFile(p.value(QStringLiteral("token-file")), &o->scaler.token, error))
        return false;
    const QString mode = p.value(QStringLiteral("mode"));
    if (mode.isEmpty() || mode == QLatin1String("process"))
        o->mode = ScalerOptions::Mode::Process;
    else if (mode == QLatin1String("systemd"))
        o->mode = ScalerOptions::Mode::Systemd;
    else {
        *error = QStringLiteral("--mode must be process or systemd, got \"%1\"").arg(mode.left(40));
        return false;
    }
    int poll = o->scaler.pollMs / 1000, up = int(o->scaler.policy.upCooldownMs / 1000),
        down = int(o->scaler.policy.downCooldownMs / 1000), grace = o->stopGraceMs / 1000;
    if (!cli::intOption(p, QStringLiteral("poll"), 1, 3600, &poll, error) ||
        !cli::intOption(p, QStringLiteral("up-cooldown"), 0, 86'400, &up, error) ||
        !cli::intOption(p, QStringLiteral("down-cooldown"), 0, 86'400, &down, error) ||
        !cli::intOption(p, QStringLiteral("min-workers"), 0, 10'000,
                        &o->scaler.policy.minWorkers, error) ||
        !cli::intOption(p, QStringLiteral("max-workers"), 1, 10'000,
                        &o->scaler.policy.maxWorkers, error) ||
        !cli::intOption(p, QStringLiteral("first-port"), 1, 65'535, &o->firstPort, error) ||
        !cli::intOption(p, QStringLiteral("stop-grace"), 1, 3600, &grace, error))
        return false;
    o->scaler.pollMs = poll * 1000;
    o->scaler.policy.upCooldownMs = qint64(up) * 1000;
    o->scaler.policy.downCooldownMs = qint64(down) * 1000;
    o->stopGraceMs = grace * 1000;
    if (o->scaler.policy.minWorkers > o->scaler.policy.maxWorkers) {
        *error = QStringLiteral("--min-workers is more than --max-workers");
        return false;
    }
    if (p.isSet(QStringLiteral("systemctl")))
        o->systemctl = p.value(QStringLiteral("systemctl"));
    if (p.isSet(QStringLiteral("unit"))) {
        o->unitTemplate = p.value(QStringLiteral("unit"));
        if (!o->unitTemplate.contains(QLatin1String("@%i.")) ||
            o->unitTemplate.count(QLatin1String("%i")) != 1) {
            *error = QStringLiteral("--unit needs one @%i. in it, as in enrichment-backend@%i.service");
            return false;
        }
    }
    o->workerCommand = p.positionalArguments();
    if (o->mode == ScalerOptions::Mode::Process && o->workerCommand.isEmpty()) {
        *error = QStringLiteral("process mode needs the worker command after --");
        return false;
    }
    if (o->mode == ScalerOptions::Mode::Systemd && !o->workerCommand.isEmpty()) {
        *error = QStringLiteral("systemd mode starts units, not a command: drop the command after --");
        return false;
    }
    return true;
}

} // namespace enrichment
