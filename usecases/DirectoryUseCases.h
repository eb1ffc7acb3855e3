#pragma once
// The resource directory as use cases: searching and reading it (anyone
// signed in), adding, editing, deactivating and reactivating a service and
// importing a CSV file's rows (administrators), and the crisis services a
// safety plan lists. Each write is one transaction with its permission
// check, audit rows and journal rows (store/UnitOfWork.h); an import writes
// every row of the file or none.
#include "core/safety/SafetyPlan.h"
#include "store/ResourceStore.h"
#include "usecases/Context.h"

#include <QByteArray>
#include <vector>

namespace heart::usecases {

class DirectoryUseCases
{
public:
    explicit DirectoryUseCases(const Context& context) : m_context(context) {}

    // Queries.
    store::StoreResult<QList<store::ResourceRecord>> search(const store::ResourceQuery& query);
    store::StoreResult<store::ResourceRecord> resource(const QString& id);

    // The writes (Action::EditResourceDirectory); see store::ResourceStore.
    store::StoreResult<store::ResourceRecord> add(const directory::Resource& resource);
    store::StoreResult<store::ResourceRecord> edit(const QString& id, int version,
                                                   const directory::Resource& resource);
    // Deactivates (active false) or reactivates a service.
    store::StoreResult<store::ResourceRecord> setActive(const QString& id, int version, bool active);
    // A file's good rows, all or none; `progress` runs before the transaction.
    store::StoreResult<store::ResourceImportSummary> importRows(const std::vector<directory::Resource>& rows,
                                                                const store::ImportProgress& progress = {});

    // The crisis services for a safety plan in `language` (store::CrisisServices).
    std::vector<safety::SafetyContact> crisisServices(const QString& language, QString* error = nullptr);
    // Checks and stores the crisis services' JSON (Action::ManageSettings).
    store::StoreError setCrisisServices(const QByteArray& json);

private:
    Context m_context;
};

} // namespace heart::usecases
