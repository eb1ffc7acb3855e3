#include "demo/DemoDirectory.h"

#include "core/directory/ResourceCsv.h"
#include "store/CoreText.h"
#include "store/ResourceStore.h"
#include "store/StoreLog.h"

#include <QFile>

namespace heart::store {

StoreError writeDemoDirectory(Database& db, const Clock& clock, const Actor& administrator)
{
    QFile file(QStringLiteral(":/demo/directory.csv"));
    if (!file.open(QIODevice::ReadOnly))
        return StoreError::make(StoreErrorCode::FileUnreadable,
                                QStringLiteral("the demo directory is missing"));
    const QByteArray bytes = file.readAll();
    const directory::CsvImport csv =
        directory::readResourceCsv(std::string_view(bytes.constData(), std::size_t(bytes.size())));
    if (!csv.problems.empty()) {
        const directory::CsvProblem& first = csv.problems.front();
        return StoreError::make(StoreErrorCode::InvalidInput,
                                QStringLiteral("demo directory line %1: %2 %3")
                                    .arg(first.line)
                                    .arg(toQString(first.code), toQString(first.column)));
    }
    std::vector<directory::Resource> rows;
    rows.reserve(csv.rows.size());
    for (const directory::CsvRow& row : csv.rows)
        rows.push_back(row.resource);
    auto imported = ResourceStore(db, clock).importRows(administrator, rows);
    if (!imported.ok())
        return imported.error();
    qCInfo(lcStore) << "demo directory written:" << imported.value().inserted << "services";
    return {};
}

} // namespace heart::store
