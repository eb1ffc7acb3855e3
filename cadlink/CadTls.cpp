#include "cadlink/CadTls.h"

#include <QFile>
#include <QSslCertificate>
#include <QSslKey>

namespace heart::cadlink {

namespace {

std::optional<QByteArray> readPem(const QString& path, const char* what, QString* error)
{
    if (path.isEmpty()) {
        *error = QStringLiteral("no %1 file given").arg(QLatin1String(what));
        return std::nullopt;
    }
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly)) {
        *error = QStringLiteral("cannot read the %1 file %2: %3")
                     .arg(QLatin1String(what), path, file.errorString());
        return std::nullopt;
    }
    return file.read(1024 * 1024);
}

} // namespace

std::optional<QSslConfiguration> loadTls(const TlsFiles& files, QString* error)
{
    const auto certificate = readPem(files.certificate, "certificate", error);
    if (!certificate)
        return std::nullopt;
    const auto key = readPem(files.key, "private key", error);
    if (!key)
        return std::nullopt;
    const auto ca = readPem(files.ca, "CA certificate", error);
    if (!ca)
        return std::nullopt;
    const QList<QSslCertificate> chain = QSslCertificate::fromData(*certificate, QSsl::Pem);
    if (chain.isEmpty()) {
        *error = QStringLiteral("%1 holds no PEM certificate").arg(files.certificate);
        return std::nullopt;
    }
    QSslKey privateKey(*key, QSsl::Rsa, QSsl::Pem);
    if (privateKey.isNull())
        privateKey = QSslKey(*key, QSsl::Ec, QSsl::Pem);
    if (privateKey.isNull()) {
        *error = QStringLiteral("%1 holds no unencrypted RSA or EC private key").arg(files.key);
        return std::nullopt;
    }
    const QList<QSslCertificate> authorities = QSslCertificate::fromData(*ca, QSsl::Pem);
    if (authorities.isEmpty()) {
        *error = QStringLiteral("%1 holds no PEM certificate").arg(files.ca);
        return std::nullopt;
    }
    QSslConfiguration tls = QSslConfiguration::defaultConfiguration();
    tls.setLocalCertificateChain(chain);
    tls.setPrivateKey(privateKey);
    tls.setCaCertificates(authorities);
    tls.setPeerVerifyMode(QSslSocket::VerifyPeer);
    tls.setProtocol(QSsl::TlsV1_2OrLater);
    return tls;
}

} // namespace heart::cadlink
