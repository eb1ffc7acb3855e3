#pragma once
// Follow-up codes put into words in the user's language: attempt channels and
// results, outcomes, an encounter's disposition, who called, the C-SSRS
// answers in short, and the store's refusals of a follow-up change as
// sentences a navigator can act on.
#include "core/encounter/EncounterRules.h"
#include "core/followup/FollowUpPolicy.h"
#include "core/triage/Cssrs.h"
#include "store/StoreError.h"

#include <QCoreApplication>
#include <QString>

namespace heart::ui {

class FollowUpText
{
    Q_DECLARE_TR_FUNCTIONS(FollowUpText)

public:
    static QString channelName(followup::AttemptChannel channel);
    static QString resultName(followup::AttemptResult result);
    // "Connected to a service", "Declined", ... (a sentence start).
    static QString outcomeName(followup::Outcome outcome);
    static QString dispositionName(encounter::EncounterDisposition disposition);
    static QString contactPreferenceName(encounter::ContactPreference preference);
    static QString relationshipName(const QString& code);
    // The answers given, in question order ("Wished dead: yes; thoughts: no"),
    // with the risk they establish.
    static QString cssrsSummary(const triage::CssrsAnswers& answers);
};

} // namespace heart::ui
