#pragma once
// The Columbia Suicide Severity Rating Scale (C-SSRS) screener as the call
// taker asks it: yes/no questions with skip logic, and the risk level the
// routing decision uses. The screener may be stopped at any point (the caller
// hangs up, the situation changes), so the risk is judged from what has been
// answered so far and the result says what is still missing.
//
//   Q1  wished-dead      wished you were dead or could go to sleep and not wake up
//   Q2  thoughts         thoughts of killing yourself
//   Q3  method           thought about how you might do this        (only if Q2 yes)
//   Q4  intent           had some intention of acting on them       (only if Q2 yes)
//   Q5  plan             worked out the details / a plan            (only if Q2 yes)
//   Q6  behavior         ever done, started or prepared to do anything to end your life
//   Q6b behavior-recent  was that within the past 3 months          (only if Q6 yes)
//
// Risk: HIGH = yes to Q4 or Q5, or behavior within 3 months (Q6 and Q6b yes);
// MODERATE = yes to Q3, or behavior longer ago (Q6 yes, Q6b no); LOW = yes to
// Q1 or Q2 only; NONE = every question asked answered no.
#include "core/Result.h"
#include "core/routing/RoutingTypes.h"

#include <array>
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace heart::triage {

enum class Answer : std::uint8_t
{
    Unanswered,
    Yes,
    No
};

enum class CssrsQuestion : std::uint8_t
{
    WishedDead,
    Thoughts,
    Method,
    Intent,
    Plan,
    Behavior,
    BehaviorRecent
};
inline constexpr int kCssrsQuestionCount = 7;
inline constexpr std::array<CssrsQuestion, kCssrsQuestionCount> kAllCssrsQuestions = {
    CssrsQuestion::WishedDead, CssrsQuestion::Thoughts, CssrsQuestion::Method,         CssrsQuestion::Intent,
    CssrsQuestion::Plan,       CssrsQuestion::Behavior, CssrsQuestion::BehaviorRecent,
};

struct CssrsAnswers
{
    std::array<Answer, kCssrsQuestionCount> answers{}; // in question order, all Unanswered at first

    Answer& operator[](CssrsQuestion q) { return answers[std::size_t(q)]; }
    Answer operator[](CssrsQuestion q) const { return answers[std::size_t(q)]; }
    friend bool operator==(const CssrsAnswers&, const CssrsAnswers&) = default;
};

// The questions to ask now, in order, given the answers so far (skip logic):
// Q1, Q2, then Q3-Q5 only when Q2 is Yes, Q6 always, Q6b only when Q6 is Yes.
std::vector<CssrsQuestion> questionsToAsk(const CssrsAnswers& answers);

struct CssrsResult
{
    routing::RiskLevel risk = routing::RiskLevel::NotAssessed;
    bool complete = false;                 // every question to ask is answered
    std::vector<CssrsQuestion> unanswered; // asked but not answered, in order
    friend bool operator==(const CssrsResult&, const CssrsResult&) = default;
};

// Answers to questions the skip logic skips (Q3-Q5 when Q2 is No or
// unanswered; Q6b when Q6 is not Yes) are ignored: they are left over from a
// "Yes" the call taker corrected. The risk is the lowest level the answers so
// far already establish (NotAssessed when nothing asked is answered), so it
// can only rise as the screener goes on: a "Yes" that makes the risk HIGH
// stays HIGH whatever is still unanswered, and Q6 Yes with Q6b unanswered is
// MODERATE (behavior either way; HIGH once Q6b is Yes).
CssrsResult assessCssrs(const CssrsAnswers& answers);

// Compact storage form: 7 characters 'Y', 'N' or '-' (unanswered) in question
// order, e.g. "YN---N-" (wished dead, no thoughts, no behavior). Answers the
// skip logic ignores are stored as given, so a round trip is exact. Decode
// rejects anything else, lower case included (Error code "invalid-cssrs",
// field "cssrs").
std::string encodeCssrs(const CssrsAnswers& answers);
Result<CssrsAnswers> decodeCssrs(std::string_view text);

// "wished-dead", "thoughts", "method", "intent", "plan", "behavior", "behavior-recent"
std::string_view cssrsQuestionCode(CssrsQuestion q);

} // namespace heart::triage
