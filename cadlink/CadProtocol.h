#pragma once
// The messages of the CAD link, one JSON object per WebSocket text frame.
// Modelled on NENA's EIDO conveyance (NENA-STA-024): the CAD notifies EIDOs,
// the receiver answers each with a status; HEART Desk's own updates travel
// back on the same connection the same way. Every message carries a
// messageId; an answer names the messageId it answers.
//
//   CAD -> HEART Desk   {"type":"notify", "messageId":"...", "eido":{...}}
//   HEART Desk -> CAD   {"type":"notifyResponse", "messageId":"...", "status":200, "outcome":"created"}
//                       {"type":"notifyResponse", "messageId":"...", "status":400,
//                        "reason":{"code":"missing-member","location":"$.agencyComponent","message":"..."}}
//   HEART Desk -> CAD   {"type":"update", "messageId":"...", "eido":{...}}
//   CAD -> HEART Desk   {"type":"updateResponse", "messageId":"...", "status":200}
//
// Heartbeats are WebSocket pings (RFC 6455), both ways.
#include <QJsonObject>
#include <QString>
#include <optional>

namespace heart::cadlink {

inline const QString kNotify = QStringLiteral("notify");
inline const QString kNotifyResponse = QStringLiteral("notifyResponse");
inline const QString kUpdate = QStringLiteral("update");
inline const QString kUpdateResponse = QStringLiteral("updateResponse");

// Largest frame either side accepts (an EIDO with its PIDF-LO is a few KiB).
inline constexpr qint64 kMaxMessageBytes = 1024 * 1024;

struct Envelope
{
    QString type;
    QString messageId;
    QJsonObject eido;   // notify, update
    int status = 0;     // responses
    QString outcome;    // notifyResponse
    QJsonObject reason; // a refusal
};

// The envelope of a frame, or nullopt with `error` saying what is wrong
// (never quoting the frame: it may hold a person's data).
std::optional<Envelope> parseEnvelope(const QString& frame, QString* error);
QString notifyFrame(const QString& messageId, const QString& eidoJson);
QString updateFrame(const QString& messageId, const QString& eidoJson);
QString responseFrame(const QString& type, const QString& messageId, int status, const QString& outcome = {},
                      const QJsonObject& reason = {});

} // namespace heart::cadlink
