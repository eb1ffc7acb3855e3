#include "usecases/CadMappingSource.h"

#include "core/cad/NatureCodeTable.h"
#include "store/CoreText.h"
#include "store/SettingsStore.h"
#include "usecases/CallUseCases.h"

#include <QFile>

namespace heart::usecases {

std::optional<CadMapping> cadMapping(const Context& context, const QString& natureCodesFile, QString* error)
{
    auto routing = CallUseCases(context).routing();
    if (!routing.ok()) {
        *error = QStringLiteral("cannot read the rule sets and beat map: %1").arg(routing.error().detail);
        return std::nullopt;
    }
    std::optional<cad::NatureCodeTable> table;
    if (!natureCodesFile.isEmpty()) {
        QFile file(natureCodesFile);
        if (!file.open(QIODevice::ReadOnly)) {
            *error = QStringLiteral("cannot read %1: %2").arg(natureCodesFile, file.errorString());
            return std::nullopt;
        }
        const QByteArray text = file.read(16 * 1024 * 1024);
        auto read =
            cad::NatureCodeTable::fromCsv(std::string_view(text.constData(), std::size_t(text.size())),
                                          store::toStdString(natureCodesFile));
        if (!read.ok()) {
            *error = store::toQString(read.error().toString());
            return std::nullopt;
        }
        table = read.value();
    } else {
        const QString stored =
            store::SettingsStore(context.db, context.clock).value(store::Setting::CadNatureCodes);
        if (!stored.isEmpty()) {
            const QByteArray text = stored.toUtf8();
            auto read =
                cad::NatureCodeTable::fromJson(std::string_view(text.constData(), std::size_t(text.size())),
                                               std::string("setting cad_nature_codes"));
            if (!read.ok()) {
                *error = store::toQString(read.error().toString());
                return std::nullopt;
            }
            table = read.value();
        } else {
            table = cad::defaultNatureCodeTable();
        }
    }
    CadMapping mapping;
    mapping.beats = routing.value().beats;
    mapping.callTypeOf = [table = *table](const cad::CadIncident& incident) {
        return table.callTypeFor(incident).value_or(std::string());
    };
    return mapping;
}

} // namespace heart::usecases
