#pragma once
// Many audit rows of one user in a row (an import of thousands of calls): one
// chain lock and one head read, the rows inserted a batch a statement; the
// chain, its hashes and its checkpoints are as if each row had been appended
// on its own (AuditTrail::append). Inside the write transaction that holds
// the changes they record.
#include "core/Clock.h"
#include "store/AuditTrail.h"
#include "store/StoreError.h"

#include <QList>
#include <QString>

namespace heart::store {

class Database;

StoreError appendAuditRows(Database& db, const Clock& clock, const QString& userId, const QString& roleCode,
                           const QString& workstation, const QList<AuditEvent>& events);

} // namespace heart::store
