#pragma once
// The safety plan a clinician writes with the person, as use cases: saving
// a draft and finalising it each move the encounter's version on with the
// plan's (both or neither), and the reads the editor and its printout need.
#include "core/safety/SafetyPlan.h"
#include "store/SafetyPlanStore.h"
#include "usecases/Context.h"

#include <vector>

namespace heart::usecases {

class SafetyPlanUseCases
{
public:
    explicit SafetyPlanUseCases(const Context& context) : m_context(context) {}

    store::StoreResult<store::SafetyPlanRecord> save(const QString& encounterId, int version,
                                                     const safety::SafetyPlan& plan);
    store::StoreResult<store::SafetyPlanRecord> finalise(const QString& encounterId, int version);

    // The encounter's plan (NotFound when none yet): an audited open.
    store::StoreResult<store::SafetyPlanRecord> planOfEncounter(const QString& encounterId);

    // What the plan's header and a new plan's defaults need from the call:
    // the person's name and language (empty when the call cannot be read).
    struct PrintData
    {
        QString personName;
        QString language;
    };
    PrintData printData(const QString& callId);
    // The program's crisis services for step 5 in `language`; `problem` names
    // a stored setting that cannot be read (the built-in defaults are given).
    std::vector<safety::SafetyContact> crisisServices(const QString& language, QString* problem);

private:
    Context m_context;
};

} // namespace heart::usecases
