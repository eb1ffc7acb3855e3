#pragma once
// TLS for the CAD link: both sides show a certificate and check the other's
// against the center's CA (mutual TLS); nothing is ever sent in clear.
#include <QSslConfiguration>
#include <QString>
#include <optional>

namespace heart::cadlink {

struct TlsFiles
{
    QString certificate; // PEM: this side's certificate
    QString key;         // PEM: its private key (unencrypted, file mode 0600)
    QString ca;          // PEM: the CA the other side's certificate must chain to
};

// A configuration that requires and verifies the peer's certificate, or
// nullopt with `error` naming the file that is missing or unreadable.
std::optional<QSslConfiguration> loadTls(const TlsFiles& files, QString* error);

} // namespace heart::cadlink
