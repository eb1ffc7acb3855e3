#include "usecases/Freshness.h"

namespace heart::usecases {

store::StoreResult<QString> Freshness::stamp(Areas areas)
{
    return store::ChangeStamp(m_context.db).read(areas);
}

store::StoreResult<int> Freshness::version(Areas area, const QString& id)
{
    return store::ChangeStamp(m_context.db).version(static_cast<store::ChangeStamp::Area>(area), id);
}

} // namespace heart::usecases
