#include "core/report/ReportRows.h"

#include <algorithm>

namespace heart::report {

using routing::ReasonCode;

bool isCallNatureReason(ReasonCode code)
{
    switch (code) {
    case ReasonCode::UnknownCallType:
    case ReasonCode::CallTypeNotEligible:
    case ReasonCode::ExcludedByFlag:
    case ReasonCode::ExcludedByRisk:
    case ReasonCode::NeedsElevatedRisk:
    case ReasonCode::NoContactProgram:
        return true;
    case ReasonCode::NotInRuleSet:
    case ReasonCode::LocationUnknown:
    case ReasonCode::OutsideEveryBeat:
    case ReasonCode::OutsideServiceArea:
    case ReasonCode::OutsideHours:
    case ReasonCode::Holiday:
        return false;
    }
    return false;
}

void judgeEligibility(std::vector<CallRow>& rows, const routing::Router& router)
{
    routing::Decision decision;
    Error error;
    for (CallRow& row : rows) {
        row.judgements = {};
        row.judged = true;
        routing::CallFacts facts;
        facts.callType = row.callType;
        facts.flags = row.flags;
        facts.beat = row.beat;
        facts.position = row.position;
        facts.received = row.received;
        facts.risk = row.risk;
        if (!router.decideInto(facts, decision, error, routing::ReasonDetail::CodesOnly))
            continue; // before the first rule set: no program operated
        for (std::size_t i = 0; i < routing::kAllPrograms.size(); ++i) {
            const routing::ProgramVerdict& verdict = decision.verdicts[i];
            ProgramJudgement& judgement = row.judgements[i];
            for (const routing::Reason& reason : verdict.reasons)
                judgement.reasons.push_back(reason.code);
            if (verdict.eligible) {
                judgement.eligibility = Eligibility::Eligible;
            } else if (std::find(judgement.reasons.begin(), judgement.reasons.end(),
                                 ReasonCode::NotInRuleSet) != judgement.reasons.end()) {
                judgement.eligibility = Eligibility::NotOperating;
            } else if (std::any_of(judgement.reasons.begin(), judgement.reasons.end(), isCallNatureReason)) {
                judgement.eligibility = Eligibility::NotEligible;
            } else {
                judgement.eligibility = Eligibility::Eligible; // only where or when stood in the way
            }
        }
    }
}

} // namespace heart::report
