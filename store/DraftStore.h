#pragma once
// Unsaved form content kept per user and form, so work survives an
// automatic logoff where another user signs in, and (later) a crash.
#include "store/Actor.h"
#include "store/AuditTrail.h"
#include "store/StoreError.h"

#include <QDateTime>
#include <QList>
#include <QMap>
#include <QString>

namespace heart::store {

class Database;

struct Draft
{
    QString form;      // e.g. "intake/<form id>"
    QString content;   // the JSON document as saved
    QDateTime savedAt; // UTC
};

class DraftStore
{
public:
    DraftStore(Database& db, const Clock& clock) : m_db(db), m_clock(clock), m_audit(db, clock) {}

    // Keeps the content of one form (a JSON document) as the actor's draft.
    StoreError save(const Actor& actor, const QString& form, const QString& content);
    // All of the actor's own drafts, form -> content. Nobody reads another user's drafts.
    StoreResult<QMap<QString, QString>> load(const Actor& actor);
    // The actor's own drafts whose form starts with formPrefix, last saved first.
    StoreResult<QList<Draft>> list(const Actor& actor, const QString& formPrefix);
    StoreError discard(const Actor& actor, const QString& form);

private:
    Database& m_db;
    const Clock& m_clock;
    AuditTrail m_audit;
};

} // namespace heart::store
