// The C-SSRS screener's skip logic and risk level (see Cssrs.h for the
// questions and the rules), and its compact storage form.
#include "core/triage/Cssrs.h"

#include <algorithm>

namespace heart::triage {

using routing::RiskLevel;

namespace {

constexpr std::array<std::string_view, kCssrsQuestionCount> kQuestionCodes = {
    "wished-dead", "thoughts", "method", "intent", "plan", "behavior", "behavior-recent",
};

bool isYes(const CssrsAnswers& answers, CssrsQuestion q)
{
    return answers[q] == Answer::Yes;
}

} // namespace

std::vector<CssrsQuestion> questionsToAsk(const CssrsAnswers& answers)
{
    std::vector<CssrsQuestion> questions{CssrsQuestion::WishedDead, CssrsQuestion::Thoughts};
    if (isYes(answers, CssrsQuestion::Thoughts)) {
        questions.push_back(CssrsQuestion::Method);
        questions.push_back(CssrsQuestion::Intent);
        questions.push_back(CssrsQuestion::Plan);
    }
    questions.push_back(CssrsQuestion::Behavior);
    if (isYes(answers, CssrsQuestion::Behavior))
        questions.push_back(CssrsQuestion::BehaviorRecent);
    return questions;
}

CssrsResult assessCssrs(const CssrsAnswers& answers)
{
    CssrsResult result;
    const std::vector<CssrsQuestion> asked = questionsToAsk(answers);
    bool anyAnswered = false;
    for (CssrsQuestion q : asked) {
        if (answers[q] == Answer::Unanswered)
            result.unanswered.push_back(q);
        else
            anyAnswered = true;
    }
    result.complete = result.unanswered.empty();
    if (!anyAnswered)
        return result; // NotAssessed

    // Only asked questions count: a question the skip logic skips is not in
    // `asked`, so a left-over "Yes" to it changes nothing.
    const auto yes = [&](CssrsQuestion q) {
        return isYes(answers, q) && std::find(asked.begin(), asked.end(), q) != asked.end();
    };
    const bool behavior = yes(CssrsQuestion::Behavior);
    const Answer recent = behavior ? answers[CssrsQuestion::BehaviorRecent] : Answer::Unanswered;

    if (yes(CssrsQuestion::Intent) || yes(CssrsQuestion::Plan) || (behavior && recent == Answer::Yes))
        result.risk = RiskLevel::High;
    else if (yes(CssrsQuestion::Method) || behavior) // behavior longer ago, or when is not yet known
        result.risk = RiskLevel::Moderate;
    else if (yes(CssrsQuestion::WishedDead) || yes(CssrsQuestion::Thoughts))
        result.risk = RiskLevel::Low;
    else
        result.risk = RiskLevel::None;
    return result;
}

std::string encodeCssrs(const CssrsAnswers& answers)
{
    std::string text;
    text.reserve(kCssrsQuestionCount);
    for (Answer answer : answers.answers) {
        switch (answer) {
        case Answer::Yes:
            text += 'Y';
            break;
        case Answer::No:
            text += 'N';
            break;
        case Answer::Unanswered:
            text += '-';
            break;
        }
    }
    return text;
}

Result<CssrsAnswers> decodeCssrs(std::string_view text)
{
    if (text.size() != std::size_t(kCssrsQuestionCount)) {
        return Error{"invalid-cssrs", "cssrs",
                     "expected " + std::to_string(kCssrsQuestionCount) + " characters, got " +
                         std::to_string(text.size())};
    }
    CssrsAnswers answers;
    for (std::size_t i = 0; i < text.size(); ++i) {
        switch (text[i]) {
        case 'Y':
            answers.answers[i] = Answer::Yes;
            break;
        case 'N':
            answers.answers[i] = Answer::No;
            break;
        case '-':
            answers.answers[i] = Answer::Unanswered;
            break;
        default:
            return Error{"invalid-cssrs", "cssrs",
                         "character " + std::to_string(i + 1) + " is not 'Y', 'N' or '-'"};
        }
    }
    return answers;
}

std::string_view cssrsQuestionCode(CssrsQuestion q)
{
    return kQuestionCodes.at(std::size_t(q));
}

} // namespace heart::triage
