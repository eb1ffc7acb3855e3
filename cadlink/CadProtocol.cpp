#include "cadlink/CadProtocol.h"

#include <QJsonDocument>
#include <QJsonParseError>

namespace heart::cadlink {

namespace {

QString frameWith(QJsonObject object, const QString& eidoJson)
{
    // The EIDO goes in as the text it was written as (byte-stable), not re-serialised.
    QString frame = QString::fromUtf8(QJsonDocument(object).toJson(QJsonDocument::Compact));
    frame.chop(1); // the closing brace
    frame += QStringLiteral(",\"eido\":") + eidoJson + QLatin1Char('}');
    return frame;
}

} // namespace

std::optional<Envelope> parseEnvelope(const QString& frame, QString* error)
{
    QJsonParseError parseError{};
    const QJsonDocument document = QJsonDocument::fromJson(frame.toUtf8(), &parseError);
    if (parseError.error != QJsonParseError::NoError) {
        *error =
            QStringLiteral("not JSON (%1 at byte %2)").arg(parseError.errorString()).arg(parseError.offset);
        return std::nullopt;
    }
    if (!document.isObject()) {
        *error = QStringLiteral("not a JSON object");
        return std::nullopt;
    }
    const QJsonObject object = document.object();
    Envelope envelope;
    envelope.type = object.value(QStringLiteral("type")).toString();
    envelope.messageId = object.value(QStringLiteral("messageId")).toString();
    if (envelope.type.isEmpty()) {
        *error = QStringLiteral("no \"type\"");
        return std::nullopt;
    }
    if (envelope.messageId.isEmpty() || envelope.messageId.size() > 200) {
        *error = QStringLiteral("no \"messageId\" (or one longer than 200 characters)");
        return std::nullopt;
    }
    if (envelope.type == kNotify || envelope.type == kUpdate) {
        if (!object.value(QStringLiteral("eido")).isObject()) {
            *error = QStringLiteral("\"eido\" is missing or not an object");
            return std::nullopt;
        }
        envelope.eido = object.value(QStringLiteral("eido")).toObject();
    } else if (envelope.type == kNotifyResponse || envelope.type == kUpdateResponse) {
        envelope.status = object.value(QStringLiteral("status")).toInt();
        envelope.outcome = object.value(QStringLiteral("outcome")).toString();
        envelope.reason = object.value(QStringLiteral("reason")).toObject();
    } else {
        *error = QStringLiteral("unknown type \"%1\"").arg(envelope.type.left(40));
        return std::nullopt;
    }
    return envelope;
}

QString notifyFrame(const QString& messageId, const QString& eidoJson)
{
    return frameWith({{QStringLiteral("type"), kNotify}, {QStringLiteral("messageId"), messageId}}, eidoJson);
}

QString updateFrame(const QString& messageId, const QString& eidoJson)
{
    return frameWith({{QStringLiteral("type"), kUpdate}, {QStringLiteral("messageId"), messageId}}, eidoJson);
}

QString responseFrame(const QString& type, const QString& messageId, int status, const QString& outcome,
                      const QJsonObject& reason)
{
    QJsonObject object{{QStringLiteral("type"), type},
                       {QStringLiteral("messageId"), messageId},
                       {QStringLiteral("status"), status}};
    if (!outcome.isEmpty())
        object.insert(QStringLiteral("outcome"), outcome);
    if (!reason.isEmpty())
        object.insert(QStringLiteral("reason"), reason);
    return QString::fromUtf8(QJsonDocument(object).toJson(QJsonDocument::Compact));
}

} // namespace heart::cadlink
