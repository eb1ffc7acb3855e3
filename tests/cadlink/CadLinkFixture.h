#pragma once
// A CAD link on a test database and a CAD (CadClient) connected to it over
// TLS with the throwaway certificates of scripts/cad-certs: for the link's
// tests and the benchmark.
#include "cadlink/CadClient.h"
#include "cadlink/CadLinkServer.h"
#include "cadlink/CadTls.h"

#include <QProcess>
#include <QTemporaryDir>
#include <memory>

namespace heart::test {

// Makes the certificates in `dir` (scripts/cad-certs). Empty on success, else why not.
inline QString makeCadCertificates(const QString& dir)
{
    QProcess process;
    process.start(QStringLiteral("bash"), {QStringLiteral(HEARTDESK_SOURCE_DIR "/scripts/cad-certs"), dir});
    if (!process.waitForFinished(60000) || process.exitCode() != 0)
        return QStringLiteral("scripts/cad-certs failed: %1")
            .arg(QString::fromUtf8(process.readAllStandardError()));
    return {};
}

inline std::optional<QSslConfiguration> cadTls(const QString& dir, const QString& name,
                                               const QString& ca = QStringLiteral("ca"))
{
    QString error;
    return cadlink::loadTls({dir + QLatin1Char('/') + name + QStringLiteral(".crt"),
                             dir + QLatin1Char('/') + name + QStringLiteral(".key"),
                             dir + QLatin1Char('/') + ca + QStringLiteral(".crt")},
                            &error);
}

} // namespace heart::test
