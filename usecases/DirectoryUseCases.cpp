#include "usecases/DirectoryUseCases.h"

#include "store/CrisisServices.h"
#include "store/SettingsStore.h"

namespace heart::usecases {

store::StoreResult<QList<store::ResourceRecord>> DirectoryUseCases::search(const store::ResourceQuery& query)
{
    return store::ResourceStore(m_context.db, m_context.clock).search(m_context.actor, query);
}

store::StoreResult<store::ResourceRecord> DirectoryUseCases::resource(const QString& id)
{
    return store::ResourceStore(m_context.db, m_context.clock).get(m_context.actor, id);
}

store::StoreResult<store::ResourceRecord> DirectoryUseCases::add(const directory::Resource& resource)
{
    return store::ResourceStore(m_context.db, m_context.clock).create(m_context.actor, resource);
}

store::StoreResult<store::ResourceRecord> DirectoryUseCases::edit(const QString& id, int version,
                                                                  const directory::Resource& resource)
{
    return store::ResourceStore(m_context.db, m_context.clock).update(m_context.actor, id, version, resource);
}

store::StoreResult<store::ResourceRecord> DirectoryUseCases::setActive(const QString& id, int version,
                                                                       bool active)
{
    return store::ResourceStore(m_context.db, m_context.clock)
        .setActive(m_context.actor, id, version, active);
}

store::StoreResult<store::ResourceImportSummary>
DirectoryUseCases::importRows(const std::vector<directory::Resource>& rows,
                              const store::ImportProgress& progress)
{
    // No outer unit here: the store plans the import (with the progress
    // callback, which may spin an event loop) outside any transaction and
    // then writes the whole plan in one unit of work.
    return store::ResourceStore(m_context.db, m_context.clock).importRows(m_context.actor, rows, progress);
}

std::vector<safety::SafetyContact> DirectoryUseCases::crisisServices(const QString& language, QString* error)
{
    store::SettingsStore settings(m_context.db, m_context.clock);
    return store::CrisisServices::forLanguage(settings, language, error);
}

store::StoreError DirectoryUseCases::setCrisisServices(const QByteArray& json)
{
    store::SettingsStore settings(m_context.db, m_context.clock);
    return store::CrisisServices::store(settings, m_context.actor, json);
}

} // namespace heart::usecases
