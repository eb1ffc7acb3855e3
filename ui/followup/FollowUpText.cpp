#include "followup/FollowUpText.h"

#include "shell/DomainText.h"
#include "store/CoreText.h"

#include <QStringList>

namespace heart::ui {

using followup::AttemptChannel;
using followup::AttemptResult;
using followup::Outcome;

QString FollowUpText::channelName(AttemptChannel channel)
{
    switch (channel) {
    case AttemptChannel::Phone:
        return tr("Phone");
    case AttemptChannel::Text:
        return tr("Text message");
    case AttemptChannel::InPerson:
        return tr("In person");
    }
    return {};
}

QString FollowUpText::resultName(AttemptResult result)
{
    switch (result) {
    case AttemptResult::Reached:
        return tr("Reached");
    case AttemptResult::NoAnswer:
        return tr("No answer");
    case AttemptResult::LeftMessage:
        return tr("Left a message");
    case AttemptResult::WrongNumber:
        return tr("Wrong number");
    }
    return {};
}

QString FollowUpText::outcomeName(Outcome outcome)
{
    switch (outcome) {
    case Outcome::Connected:
        return tr("Connected to a service");
    case Outcome::Declined:
        return tr("Declined");
    case Outcome::AlreadyConnected:
        return tr("Already connected to care");
    case Outcome::UnableToReach:
        return tr("Unable to reach");
    }
    return {};
}

QString FollowUpText::dispositionName(encounter::EncounterDisposition disposition)
{
    using D = encounter::EncounterDisposition;
    switch (disposition) {
    case D::ResolvedOnScene:
        return tr("Resolved on scene");
    case D::Transported:
        return tr("Transported");
    case D::Referred:
        return tr("Referred");
    case D::Declined:
        return tr("Declined services");
    case D::PoliceRequested:
        return tr("Police requested");
    case D::EmsRequested:
        return tr("EMS requested");
    }
    return {};
}

QString FollowUpText::contactPreferenceName(encounter::ContactPreference preference)
{
    using P = encounter::ContactPreference;
    switch (preference) {
    case P::Phone:
        return tr("Phone");
    case P::Text:
        return tr("Text message");
    case P::InPerson:
        return tr("In person");
    case P::None:
        return tr("No preference");
    }
    return {};
}

QString FollowUpText::relationshipName(const QString& code)
{
    if (code == QLatin1String("self"))
        return tr("the person themselves");
    if (code == QLatin1String("family"))
        return tr("family");
    if (code == QLatin1String("bystander"))
        return tr("bystander");
    if (code == QLatin1String("professional"))
        return tr("professional");
    return code;
}

QString FollowUpText::cssrsSummary(const triage::CssrsAnswers& answers)
{
    using Q = triage::CssrsQuestion;
    const auto question = [](Q q) -> QString {
        switch (q) {
        case Q::WishedDead:
            return tr("wished dead");
        case Q::Thoughts:
            return tr("thoughts of suicide");
        case Q::Method:
            return tr("method");
        case Q::Intent:
            return tr("intent");
        case Q::Plan:
            return tr("plan");
        case Q::Behavior:
            return tr("preparatory behavior");
        case Q::BehaviorRecent:
            return tr("within 3 months");
        }
        return {};
    };
    QStringList given;
    for (Q q : triage::questionsToAsk(answers)) {
        if (answers[q] == triage::Answer::Unanswered)
            continue;
        given << tr("%1: %2").arg(question(q), answers[q] == triage::Answer::Yes ? tr("yes") : tr("no"));
    }
    if (given.isEmpty())
        return tr("Not answered");
    const auto result = triage::assessCssrs(answers);
    return tr("%1 (risk: %2)")
        .arg(given.join(QStringLiteral("; ")),
             DomainText::riskLevelName(store::toQString(routing::riskCode(result.risk))));
}

} // namespace heart::ui
