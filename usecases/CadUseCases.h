#pragma once
// Calls from the 911 CAD, as use cases on the one write path: each inbound
// CAD message, a counselor taking a CAD call, accepting or dismissing what a
// later CAD message changed, and the updates owed back to the CAD. Each runs
// in one unit of work (permission, transaction, audit rows, journal rows).
//
// Inbound (receive): a new incident becomes an open call in every counselor's
// queue, not taken by anyone. Until a counselor takes it, a later message of
// the incident rewrites the call's CAD fields; once taken, the call is the
// counselor's and the CAD's later values wait beside it as differences to
// accept or dismiss. Messages are idempotent and ordered per incident by the
// CAD's lastUpdateTimeStamp: the same message again writes nothing, an older
// one than the last applied is ignored.
//
// Outbound (collectOutbound): the change journal after the link's last
// position, turned into one EIDO update per CAD call whose decision, unit,
// unit status or disposition changed, queued durably in send order.
#include "core/cad/CadDifferences.h"
#include "core/cad/CadIncident.h"
#include "core/geo/BeatMap.h"
#include "store/IntakeStore.h"
#include "store/cad/CadStore.h"
#include "usecases/Context.h"

#include <functional>
#include <memory>

namespace heart::usecases {

// How CAD values become call fields: the center's nature-code table and the beat map.
struct CadMapping
{
    // The rule-set call type for the incident's nature ("" when the table has none).
    std::function<std::string(const cad::CadIncident&)> callTypeOf;
    std::shared_ptr<const geo::BeatMap> beats;
};

// Writes the given CAD fields of an incident into a call (the call's other fields stay).
void applyCadFields(store::CallRecord& call, const cad::CadIncident& incident,
                    const std::vector<cad::CadField>& fields, const CadMapping& mapping);

// Who HEART Desk is in the updates it sends.
struct CadIdentity
{
    QString issuingElement = QStringLiteral("heartdesk");
    QString agency = QStringLiteral("heartdesk");
};

class CadUseCases
{
public:
    explicit CadUseCases(const Context& context) : m_context(context) {}

    enum class Outcome
    {
        Created,   // a new call in the queue
        Updated,   // the call (not taken yet) now shows the CAD's new values
        Held,      // the call is taken (or closed): the new values wait as differences
        Duplicate, // the same message again: nothing written
        Stale,     // older than what was applied: nothing written
    };
    struct Receipt
    {
        Outcome outcome = Outcome::Duplicate;
        QString callId;
    };
    // One inbound CAD message (Action::TakeCall: the link's account is a counselor's).
    store::StoreResult<Receipt> receive(const cad::CadIncident& incident, const CadMapping& mapping);

    // The counselor takes a CAD call (opening it from the queue): it is theirs
    // from now on, and the CAD no longer writes into it. A call not from the
    // CAD, or already taken, is left as it is. Returns whether it was taken now.
    store::StoreResult<bool> take(const QString& callId);

    // The CAD side of a call (empty for a call not from the CAD). Not audited:
    // it holds what the call itself shows, read with it (IntakeStore::open audits that).
    store::StoreResult<std::optional<store::CadIncidentRow>> incidentOfCall(const QString& callId);
    // The CAD's latest values become the call's baseline: the differences
    // are gone. The counselor's form has taken them in (accept) or not
    // (dismiss); the audit row says which. Refused (Conflict) when a newer
    // CAD message arrived since `version` was read.
    store::StoreError settleDifferences(const QString& callId, int version, bool accepted);

    // --- Outbound (the link) ------------------------------------------------
    // Turns the journal after the link's position into queued EIDO updates;
    // returns how many were queued. The first call starts at the journal's head.
    // `position` (the link's, kept between calls; -1: read the stored one)
    // saves reading the journal again from the stored position each time.
    store::StoreResult<int> collectOutbound(const CadIdentity& identity, qint64* position = nullptr);
    store::StoreResult<QList<store::CadOutboxMessage>> pendingOutbound(int limit = 100);
    store::StoreResult<int> pendingOutboundCount();
    store::StoreError outboundDelivered(const QString& messageId);

private:
    store::StoreResult<int> collectPage(const CadIdentity& identity, qint64* position, bool* more);

    Context m_context;
};

} // namespace heart::usecases
