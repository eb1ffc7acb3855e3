#include "intake/ReasonText.h"

#include "core/routing/RuleSet.h"

#include <QStringList>

namespace heart::ui {

using routing::CallFlag;
using routing::Program;
using routing::ReasonCode;

QString ReasonText::programName(Program program)
{
    switch (program) {
    case Program::CrisisCallDiversion:
        return tr("Crisis Call Diversion");
    case Program::CommunityResponse:
        return tr("Community Response Team");
    case Program::CoResponse:
        return tr("Co-Response");
    case Program::CareNavigation:
        return tr("Care Navigation");
    case Program::PoliceEms:
        return tr("Police/EMS");
    }
    return {};
}

QString ReasonText::flagName(CallFlag flag)
{
    switch (flag) {
    case CallFlag::Weapon:
        return tr("weapon reported");
    case CallFlag::Violence:
        return tr("violence toward others");
    case CallFlag::Medical:
        return tr("medical emergency (EMS first)");
    case CallFlag::Intoxication:
        return tr("intoxication");
    case CallFlag::Minors:
        return tr("minors present");
    }
    return {};
}

QString ReasonText::weekdayName(int isoWeekday)
{
    switch (isoWeekday) {
    case 0:
        return tr("Monday");
    case 1:
        return tr("Tuesday");
    case 2:
        return tr("Wednesday");
    case 3:
        return tr("Thursday");
    case 4:
        return tr("Friday");
    case 5:
        return tr("Saturday");
    case 6:
        return tr("Sunday");
    }
    return {};
}

namespace {

QString riskName(std::string_view code)
{
    if (code == "high")
        return ReasonText::tr("high");
    if (code == "moderate")
        return ReasonText::tr("moderate");
    if (code == "low")
        return ReasonText::tr("low");
    return ReasonText::tr("none");
}

QString conditionList(const std::string& codes)
{
    QStringList words;
    for (const QString& code : QString::fromStdString(codes).split(u'|', Qt::SkipEmptyParts)) {
        if (code.startsWith(QLatin1String("risk:")))
            words << ReasonText::tr("%1 suicide risk (C-SSRS)").arg(riskName(code.mid(5).toStdString()));
        else if (const auto flag = routing::flagFromCode(code.toStdString()))
            words << ReasonText::flagName(*flag);
    }
    return words.join(ReasonText::tr(" or "));
}

} // namespace

QString ReasonText::reason(const routing::Reason& reason, const routing::RuleSet* ruleSet)
{
    const QString first = QString::fromStdString(reason.first);
    const QString second = QString::fromStdString(reason.second);
    switch (reason.code) {
    case ReasonCode::UnknownCallType:
        return tr("unknown call type \"%1\"").arg(first);
    case ReasonCode::CallTypeNotEligible: {
        QString name = first;
        if (ruleSet) {
            const int index = ruleSet->callTypeIndex(reason.first);
            if (index >= 0)
                name = QString::fromStdString(ruleSet->callTypes[std::size_t(index)].name);
        }
        return tr("does not take %1 calls").arg(name);
    }
    case ReasonCode::ExcludedByFlag:
        if (const auto flag = routing::flagFromCode(reason.first))
            return flagName(*flag);
        return first;
    case ReasonCode::ExcludedByRisk:
        return tr("%1 suicide risk (C-SSRS)").arg(riskName(reason.first));
    case ReasonCode::NeedsElevatedRisk:
        return tr("only for calls with %1").arg(conditionList(reason.first));
    case ReasonCode::NotInRuleSet:
        return tr("not operating under these rules (%1)").arg(first);
    case ReasonCode::LocationUnknown:
        return tr("location unknown: give a beat or coordinates");
    case ReasonCode::OutsideEveryBeat:
        return tr("outside every beat (%1, %2)").arg(second, first);
    case ReasonCode::OutsideServiceArea:
        return tr("outside the service area (beat %1)").arg(first);
    case ReasonCode::OutsideHours: {
        const auto day = routing::weekdayFromCode(reason.first);
        return tr("outside hours (%1 %2)").arg(day ? weekdayName(*day) : first, second);
    }
    case ReasonCode::Holiday:
        return tr("closed on the holiday %1").arg(first);
    case ReasonCode::NoContactProgram:
        return tr("follows up only after a CCD or CRT contact");
    }
    return first;
}

QString ReasonText::recommendation(const std::vector<Program>& programs)
{
    QStringList names;
    for (Program program : programs)
        names << programName(program);
    return names.join(tr(", then "));
}

QString ReasonText::basis(const routing::Decision& decision, const routing::RuleSet* ruleSet)
{
    if (decision.basis != routing::RecommendationBasis::ImminentRisk || decision.recommended.empty())
        return {};
    const Program lead = decision.recommended.front();
    QStringList sentences;
    if (lead == Program::PoliceEms) {
        QStringList why;
        for (const routing::Reason& reason : decision.verdict(Program::CoResponse).reasons)
            why << ReasonText::reason(reason, ruleSet);
        sentences
            << tr("Imminent risk (high suicide risk, C-SSRS): the person needs an in-person evaluation now.")
            << tr("Co-Response cannot go (%1), so Police/EMS goes.").arg(why.join(QStringLiteral("; ")));
    } else {
        sentences
            << tr("Imminent risk (high suicide risk, C-SSRS): the person needs an in-person evaluation now, "
                  "so %1 goes, not a phone diversion.")
                   .arg(programName(lead));
    }
    if (decision.stayOnLine)
        sentences << tr("Crisis Call Diversion keeps the caller on the line until the responders arrive.");
    return sentences.join(u' ');
}

QString ReasonText::timeNote(const routing::Decision& decision)
{
    using routing::LocalTimeNote;
    switch (decision.timeNote) {
    case LocalTimeNote::Exact:
        return {};
    case LocalTimeNote::InSpringForwardGap:
        return tr("The clocks sprang forward at that time: judged at %1.")
            .arg(QString::fromStdString(routing::formatMinuteOfDay(decision.local.minuteOfDay)));
    case LocalTimeNote::Ambiguous:
        return tr(
            "That time happens twice on the night the clocks fall back; the hours are the same either way.");
    }
    return {};
}

} // namespace heart::ui
