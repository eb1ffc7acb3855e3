#pragma once
// Internal to the store: one audit row as read from audit_log or
// device_audit_log, whose first ten columns are the same (seq, at_utc,
// user_id, role, workstation, action, record_type, record_id, prev_hash, hash).
#include "core/AuditChain.h"

#include <QSqlQuery>
#include <QVariant>

namespace heart::store {

inline AuditEntry auditEntryFrom(const QSqlQuery& query)
{
    AuditEntry e;
    e.seq = query.value(0).toLongLong();
    e.atUtc = query.value(1).toString().toStdString();
    e.userId = query.value(2).toString().toStdString();
    e.role = query.value(3).toString().toStdString();
    e.workstation = query.value(4).toString().toStdString();
    e.action = query.value(5).toString().toStdString();
    e.recordType = query.value(6).toString().toStdString();
    e.recordId = query.value(7).toString().toStdString();
    e.prevHash = query.value(8).toString().toStdString();
    e.hash = query.value(9).toString().toStdString();
    return e;
}

} // namespace heart::store
