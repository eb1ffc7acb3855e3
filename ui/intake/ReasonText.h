#pragma once
// The routing decision in words, in the user's language: program names,
// every reason a program cannot take a call, and the recommendation.
#include "core/routing/Router.h"

#include <QCoreApplication>
#include <QString>

namespace heart::ui {

class ReasonText
{
    Q_DECLARE_TR_FUNCTIONS(ReasonText)

public:
    static QString programName(routing::Program program);
    static QString flagName(routing::CallFlag flag);
    static QString weekdayName(int isoWeekday); // Monday = 0
    // One reason as a sentence fragment, e.g. "outside the service area (beat 315)".
    static QString reason(const routing::Reason& reason, const routing::RuleSet* ruleSet = nullptr);
    // "Crisis Call Diversion, then Community Response Team".
    static QString recommendation(const std::vector<routing::Program>& programs);
    // Why the recommendation leads as it does when that is not phone triage
    // first (imminent risk: the in-person response, and why not Co-Response
    // when police/EMS go), else empty.
    static QString basis(const routing::Decision& decision, const routing::RuleSet* ruleSet = nullptr);
    // A note on the local time when it was adjusted (spring-forward gap), else empty.
    static QString timeNote(const routing::Decision& decision);
};

} // namespace heart::ui
