#include "cadlink/CadSimulator.h"

#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
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

QString stamp(const QDateTime& at)
{
    return at.toUTC().toString(Qt::ISODateWithMs);
}

QJsonObject prologue(const QString& id, const QDateTime& at)
{
    return {{QStringLiteral("$id"), id},
            {QStringLiteral("lastUpdateTimeStamp"), stamp(at)},
            {QStringLiteral("updatedByAgencyReference"), QJsonObject{{QStringLiteral("$ref"), kAgency}}}};
}

QJsonObject with(QJsonObject object, const QJsonObject& more)
{
    for (auto it = more.begin(); it != more.end(); ++it)
        object.insert(it.key(), it.value());
    return object;
}

QJsonArray refs(const QStringList& ids)
{
    QJsonArray array;
    for (const QString& id : ids)
        array.append(QJsonObject{{QStringLiteral("$ref"), id}});
    return array;
}

QString escapeXml(QString text)
{
    text.replace(QLatin1Char('&'), QStringLiteral("&amp;"));
    text.replace(QLatin1Char('<'), QStringLiteral("&lt;"));
    text.replace(QLatin1Char('>'), QStringLiteral("&gt;"));
    return text;
}

// PIDF-LO with the address as a civic address line and the position as a GML point.
QString pidfLo(const SimCall& call)
{
    QString xml = QStringLiteral(
        "<?xml version=\"1.0\" encoding=\"UTF-8\"?>"
        "<presence xmlns=\"urn:ietf:params:xml:ns:pidf\" xmlns:gp=\"urn:ietf:params:xml:ns:pidf:geopriv10\" "
        "xmlns:gml=\"http://www.opengis.net/gml\" xmlns:dm=\"urn:ietf:params:xml:ns:pidf:data-model\" "
        "entity=\"pres:cad@cad.sim.heartdesk.example\"><dm:device id=\"incident\"><gp:geopriv><gp:location-info>");
    if (call.latitude && call.longitude)
        xml += QStringLiteral("<gml:Point srsName=\"urn:ogc:def:crs:EPSG::4326\"><gml:pos>%1 %2</gml:pos></gml:Point>")
                   .arg(*call.latitude, 0, 'f', 6)
                   .arg(*call.longitude, 0, 'f', 6);
    if (!call.address.isEmpty()) {
        // The simulator's addresses are one line, "street, city, state".
        const QStringList parts = call.address.split(QLatin1Char(','));
        xml += QStringLiteral("<civicAddress xmlns=\"urn:ietf:params:xml:ns:pidf:geopriv10:civicAddr\"><country>US</country>");
        if (parts.size() >= 3)
            xml += QStringLiteral("<A1>%1</A1>").arg(escapeXml(parts.at(2).trimmed()));
        if (parts.size() >= 2)
            xml += QStringLiteral("<A3>%1</A3>").arg(escapeXml(parts.at(1).trimmed()));
        const QString street = parts.at(0).trimmed();
        const qsizetype space = street.indexOf(QLatin1Char(' '));
        if (space > 0 && street.left(space).toInt() > 0)
            xml += QStringLiteral("<HNO>%1</HNO><RD>%2</RD>")
                       .arg(escapeXml(street.left(space)), escapeXml(street.mid(space + 1)));
        else
            xml += QStringLiteral("<RD>%1</RD>").arg(escapeXml(street));
        xml += QStringLiteral("</civicAddress>");
    }
    xml += QStringLiteral("</gp:location-info><gp:method>Manual</gp:method></gp:geopriv></dm:device></presence>");
    return xml;
}

QJsonObject personPart(const QString& name, const QString& language, std::optional<int> age)
{
    QJsonObject person;
    const QStringList names = name.split(QLatin1Char(' '), Qt::SkipEmptyParts);
    if (!names.isEmpty()) {
        QJsonObject personName{{QStringLiteral("personGivenName"),
                                QJsonArray{QJsonObject{{QStringLiteral("value"), names.first()}}}}};
        if (names.size() > 1)
            personName.insert(QStringLiteral("personSurName"),
                              QJsonArray{QJsonObject{{QStringLiteral("value"), names.mid(1).join(QLatin1Char(' '))}}});
        person.insert(QStringLiteral("name"), QJsonArray{personName});
    }
    if (!language.isEmpty())
        person.insert(QStringLiteral("primaryLanguage"),
                      QJsonArray{QJsonObject{
                          {QStringLiteral("languageCode"), QJsonArray{QJsonObject{{QStringLiteral("value"), language}}}}}});
    if (age)
        person.insert(QStringLiteral("ageMeasure"),
                      QJsonArray{QJsonObject{{QStringLiteral("integerValue"),
                                              QJsonArray{QJsonObject{{QStringLiteral("value"), *age}}}}}});
    return person;
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
    const QString incidentId = simIncidentId(call.id);
    const QString base = QStringLiteral("urn:emergency:uid:%1:") + call.id + QLatin1Char(':') + kAgency;
    const QString callId = base.arg(QStringLiteral("callid"));
    const QString locationId = base.arg(QStringLiteral("location"));
    const QString callerId = base.arg(QStringLiteral("caller"));
    const QString personId = base.arg(QStringLiteral("person"));
    const QString callbackId = base.arg(QStringLiteral("callback"));
    const QString notesId = base.arg(QStringLiteral("notes"));

    QJsonObject eido = prologue(incidentId, updatedAt);
    eido.insert(QStringLiteral("eidoVersion"), QStringLiteral("1.0"));
    eido.insert(QStringLiteral("issuingElementIdentification"), kAgency);
    eido.insert(QStringLiteral("agencyComponent"),
                QJsonArray{with(prologue(kAgency, updatedAt),
                                {{QStringLiteral("agencyRoleDescriptionRegistryText"),
                                  QJsonArray{QStringLiteral("CallReceiving")}},
                                 {QStringLiteral("agencyType"), QJsonArray{QStringLiteral("psap")}}})});
    QStringList people{callerId};
    if (!call.personName.isEmpty())
        people.append(personId);
    QJsonObject incident = with(prologue(incidentId, updatedAt),
                                {{QStringLiteral("incidentTypeCommonRegistryText"), QStringLiteral("Person")},
                                 {QStringLiteral("internalIncidentId"), call.id},
                                 {QStringLiteral("locationReference"), refs({locationId})},
                                 {QStringLiteral("personReference"), refs(people)}});
    if (!call.nature.isEmpty())
        incident.insert(QStringLiteral("incidentTypeInternalCode"), call.nature);
    if (!call.natureText.isEmpty())
        incident.insert(QStringLiteral("incidentTypeInternalText"), call.natureText);
    eido.insert(QStringLiteral("incidentComponent"), incident);
    eido.insert(QStringLiteral("callComponent"),
                QJsonArray{with(prologue(callId, updatedAt),
                                {{QStringLiteral("callStateRegistryText"), QStringLiteral("callAnswered")},
                                 {QStringLiteral("standardPrimaryCallType"), QStringLiteral("emergency")},
                                 {QStringLiteral("direction"), QStringLiteral("incoming")},
                                 {QStringLiteral("callStartTimestamp"), stamp(receivedAt)},
                                 {QStringLiteral("locationReference"), refs({locationId})},
                                 {QStringLiteral("personReference"), refs({callerId})}})});
    eido.insert(QStringLiteral("locationComponent"),
                QJsonArray{with(prologue(locationId, updatedAt),
                                {{QStringLiteral("locationTypeDescriptionRegistryText"), QStringLiteral("Incident")},
                                 {QStringLiteral("locationByValue"), pidfLo(call)}})});
    QJsonObject caller = with(prologue(callerId, updatedAt),
                              {{QStringLiteral("personIncidentRoleRegistryText"), QJsonArray{QStringLiteral("Caller")}},
                               {QStringLiteral("callIdentifier"), QJsonArray{callId}}});
    const bool callerIsPerson = call.personName.isEmpty();
    const QJsonObject callerPerson =
        personPart(call.callerName, callerIsPerson ? call.language : QString(), callerIsPerson ? call.personAge : std::nullopt);
    if (!callerPerson.isEmpty())
        caller.insert(QStringLiteral("ncPersonComponent"), callerPerson);
    if (!call.callerPhone.isEmpty()) {
        caller.insert(QStringLiteral("callBackReference"), QJsonObject{{QStringLiteral("$ref"), callbackId}});
        eido.insert(QStringLiteral("callbackComponent"),
                    QJsonArray{with(prologue(callbackId, updatedAt),
                                    {{QStringLiteral("callBackInformationUri"),
                                      QJsonArray{QJsonValue(QStringLiteral("tel:") + call.callerPhone)}}})});
    }
    QJsonArray persons{caller};
    if (!call.personName.isEmpty())
        persons.append(with(prologue(personId, updatedAt),
                            {{QStringLiteral("personIncidentRoleRegistryText"), QJsonArray{QStringLiteral("Patient")}},
                             {QStringLiteral("ncPersonComponent"),
                              personPart(call.personName, call.language, call.personAge)}}));
    eido.insert(QStringLiteral("personComponent"), persons);
    if (!call.notes.isEmpty())
        eido.insert(QStringLiteral("notesComponent"),
                    QJsonArray{with(prologue(notesId, updatedAt),
                                    {{QStringLiteral("notesActionComments"), call.notes.toHtmlEscaped()}})});
    if (!call.cautions.isEmpty()) {
        QJsonArray cautions;
        int n = 0;
        for (const QString& caution : call.cautions)
            cautions.append(with(prologue(base.arg(QStringLiteral("caution%1").arg(++n)), updatedAt),
                                 {{QStringLiteral("cautionTypeInternalText"), caution.trimmed()},
                                  {QStringLiteral("cautionTypeCommonRegistryText"), caution.trimmed()},
                                  {QStringLiteral("cautionSeverity"), QStringLiteral("high")}}));
        eido.insert(QStringLiteral("cautionComponent"), cautions);
    }
    return QString::fromUtf8(QJsonDocument(eido).toJson(QJsonDocument::Compact));
}

CadSimulator::CadSimulator(CadClient& client, QObject* parent) : QObject(parent), m_client(client)
{
    m_timer.setInterval(5);
    connect(&m_timer, &QTimer::timeout, this, &CadSimulator::tick);
    connect(&m_client, &CadClient::updateReceived, this, [this](const QString&, const QString& eido) {
        ++m_updates;
        if (!m_updatesDir)
            return;
        QFile file(m_updatesDir->filePath(QStringLiteral("UPDATE-%1.json").arg(m_updates, 4, 10, QLatin1Char('0'))));
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
