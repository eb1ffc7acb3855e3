#include "cadlink/CadSimulator.h"

#include "core/cad/EidoWriter.h"

#include <QFile>
#include <QRegularExpression>
#include <QUuid>

namespace heart::cadlink {

namespace {

const QString kAgency = QStringLiteral("cad.sim.heartdesk.example");

// One CSV record from `pos` (RFC 4180 quotes); linear in the input.
QStringList nextRecord(const QString& text, qsizetype& pos)
{
    QStringList fields;
    QString field;
    bool quoted = false;
    const qsizetype n = text.size();
    while (pos < n) {
        const QChar c = text.at(pos);
        if (quoted) {
            if (c == QLatin1Char('"')) {
                if (pos + 1 < n && text.at(pos + 1) == QLatin1Char('"')) {
                    field += QLatin1Char('"');
                    pos += 2;
                    continue;
                }
                quoted = false;
            } else {
                field += c;
            }
            ++pos;
            continue;
        }
        if (c == QLatin1Char('"')) {
            quoted = true;
        } else if (c == QLatin1Char(',')) {
            fields.append(field);
            field.clear();
        } else if (c == QLatin1Char('\n') || c == QLatin1Char('\r')) {
            if (c == QLatin1Char('\r') && pos + 1 < n && text.at(pos + 1) == QLatin1Char('\n'))
                ++pos;
            ++pos;
            fields.append(field);
            return fields;
        } else {
            field += c;
        }
        ++pos;
    }
    fields.append(field);
    return fields;
}

} // namespace

QString simIncidentId(const QString& cadNumber)
{
    return QStringLiteral("urn:emergency:uid:incidentid:%1:%2").arg(cadNumber, kAgency);
}

std::optional<QList<SimCall>> parseSimCalls(const QString& csv, QString* error)
{
    qsizetype pos = 0;
    const QStringList header = nextRecord(csv, pos);
    QHash<QString, int> column;
    for (int i = 0; i < header.size(); ++i)
        column.insert(header.at(i).trimmed().toLower(), i);
    if (!column.contains(QStringLiteral("id"))) {
        *error = QStringLiteral("line 1: the header has no \"id\" column");
        return std::nullopt;
    }
    QList<SimCall> calls;
    int line = 1;
    while (pos < csv.size()) {
        const QStringList fields = nextRecord(csv, pos);
        ++line;
        if (fields.size() == 1 && fields.first().trimmed().isEmpty())
            continue;
        auto value = [&](const char* name) {
            const int i = column.value(QLatin1String(name), -1);
            return i >= 0 && i < fields.size() ? fields.at(i).trimmed() : QString();
        };
        SimCall call;
        call.id = value("id");
        if (call.id.isEmpty()) {
            *error = QStringLiteral("line %1: no id").arg(line);
            return std::nullopt;
        }
        call.nature = value("nature");
        call.natureText = value("nature_text");
        bool okLat = false, okLon = false;
        const double lat = value("lat").toDouble(&okLat);
        const double lon = value("lon").toDouble(&okLon);
        if (!value("lat").isEmpty() || !value("lon").isEmpty()) {
            if (!okLat || !okLon || lat < -90 || lat > 90 || lon < -180 || lon > 180) {
                *error = QStringLiteral("line %1: lat/lon is not a position").arg(line);
                return std::nullopt;
            }
            call.latitude = lat;
            call.longitude = lon;
        }
        call.address = value("address");
        call.callerName = value("caller");
        call.callerPhone = value("phone");
        call.relationship = value("relationship");
        call.personName = value("person");
        if (!value("age").isEmpty()) {
            bool ok = false;
            const int age = value("age").toInt(&ok);
            if (!ok || age < 0 || age > 130) {
                *error = QStringLiteral("line %1: age is not a number of years").arg(line);
                return std::nullopt;
            }
            call.personAge = age;
        }
        call.language = value("language");
        if (!value("cautions").isEmpty())
            call.cautions = value("cautions").split(QLatin1Char(';'), Qt::SkipEmptyParts);
        call.notes = value("notes");
        calls.append(call);
    }
    return calls;
}

std::optional<QList<SimCall>> readSimCalls(const QString& path, QString* error)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly)) {
        *error = QStringLiteral("cannot read %1: %2").arg(path, file.errorString());
        return std::nullopt;
    }
    auto calls = parseSimCalls(QString::fromUtf8(file.readAll()), error);
    if (!calls)
        *error = path + QStringLiteral(": ") + *error;
    return calls;
}

QString incidentEido(const SimCall& call, const QDateTime& updatedAt, const QDateTime& receivedAt)
{
    // The CAD's side of the mapping: core writes the EIDO a CAD would send.
    auto utf8 = [](const QString& text) {
        return text.toStdString();
    };
    auto at = [](const QDateTime& t) {
        return TimePoint{std::chrono::milliseconds(t.toMSecsSinceEpoch())};
    };
    cad::CadIncident incident;
    incident.incidentId = utf8(simIncidentId(call.id));
    incident.cadNumber = utf8(call.id);
    incident.updatedAt = at(updatedAt);
    incident.receivedAt = at(receivedAt);
    incident.issuingElement = utf8(kAgency);
    incident.agency = utf8(kAgency);
    incident.natureCode = utf8(call.nature);
    incident.natureText = utf8(call.natureText);
    incident.address = utf8(call.address);
    incident.latitude = call.latitude;
    incident.longitude = call.longitude;
    incident.callerName = utf8(call.callerName);
    // A CAD sends a North American number as +1 and ten digits.
    QString phone = call.callerPhone;
    phone.remove(QRegularExpression(QStringLiteral("[^0-9+]")));
    if (phone.size() == 10 && !phone.startsWith(QLatin1Char('+')))
        phone.prepend(QStringLiteral("+1"));
    incident.callerPhone = utf8(phone);
    incident.callerRelationship = utf8(call.relationship);
    incident.personName = utf8(call.personName);
    incident.personAge = call.personAge;
    incident.language = utf8(call.language);
    incident.interpreter = !call.language.isEmpty() && call.language != QLatin1String("en");
    for (const QString& caution : call.cautions)
        incident.cautions.push_back(utf8(caution.trimmed()));
    incident.notes = utf8(call.notes);
    return QString::fromStdString(cad::writeEidoIncident(incident));
}

CadSimulator::CadSimulator(CadClient& client, QObject* parent) : QObject(parent), m_client(client)
{
    m_timer.setInterval(5);
    connect(&m_timer, &QTimer::timeout, this, &CadSimulator::tick);
    connect(&m_client, &CadClient::updateReceived, this, [this](const QString&, const QString& eido) {
        ++m_updates;
        if (!m_updatesDir)
            return;
        QFile file(
            m_updatesDir->filePath(QStringLiteral("UPDATE-%1.json").arg(m_updates, 4, 10, QLatin1Char('0'))));
        if (file.open(QIODevice::WriteOnly))
            file.write(eido.toUtf8());
    });
}

void CadSimulator::play(const QList<SimCall>& calls, double perSecond, int repeat)
{
    for (int r = 0; r < repeat; ++r)
        for (SimCall call : calls) {
            if (r > 0)
                call.id += QStringLiteral("-R%1").arg(r);
            m_queue.append(call);
        }
    m_perSecond = std::max(0.001, perSecond);
    m_started.start();
    m_timer.start();
}

void CadSimulator::sendFile(const QString& messageId, const QString& eidoJson)
{
    m_client.notify(messageId, eidoJson);
}

void CadSimulator::tick()
{
    const auto due = qsizetype(double(m_started.elapsed()) * m_perSecond / 1000.0) + 1;
    while (m_next < m_queue.size() && m_next < due) {
        const SimCall& call = m_queue.at(m_next++);
        const QDateTime now = QDateTime::currentDateTimeUtc();
        m_sentAt.insert(call.id, now.toMSecsSinceEpoch());
        m_client.notify(QUuid::createUuid().toString(QUuid::WithoutBraces), incidentEido(call, now, now));
    }
    if (m_next >= m_queue.size()) {
        m_timer.stop();
        Q_EMIT playedAll();
    }
}

} // namespace heart::cadlink
