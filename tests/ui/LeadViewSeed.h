#pragma once
// A person the team has met before, on the demo's live call: "Wren Halloway",
// with two earlier calls that CRT-2 answered (each a signed encounter with a
// referral and consent to follow-up, so each has a follow-up task), a final
// safety plan made at the older one, and CRT-1's call (on scene) linked to
// her with a callback number, the caller, an interpreter, a narrative and an
// addendum. Written through the stores as the counselor and the team lead
// would, on the fixture's clock set back to when each happened.
#include "store/Database.h"

#include <QString>
#include <QStringList>

namespace heart {
class ManualClock;
}

namespace heart::test {

struct LeadViewSeed
{
    QString personId;
    QString liveCallId;
    QStringList earlierCallIds; // newest first
    QStringList encounterIds;   // newest first
    QString planId;
    QString error; // empty when everything was written
};

inline const QString kSeedNarrative =
    QStringLiteral("Sister says Wren has not slept for two days and talks about giving her cat away.");
inline const QString kSeedAddendum =
    QStringLiteral("Sister called back: Wren has left for the park on foot.");

LeadViewSeed seedPriorContacts(store::Database& db, ManualClock& clock);

} // namespace heart::test
