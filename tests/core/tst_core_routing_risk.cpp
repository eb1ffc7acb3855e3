// The recommendation at every C-SSRS risk level (not assessed, none, low,
// moderate, high) in each of Durham's three rule-set eras, at times when
// Co-Response is open and when it is closed (and when the phone line is
// closed while it is open). High risk needs an in-person evaluation now
// (HEART.md): the in-person response leads (Co-Response, else police/EMS) and
// Crisis Call Diversion only keeps the caller on the line; below high risk,
// phone triage leads. The expected answers are written from the program facts,
// independently of the rule files.
#include "RoutingTestSupport.h"
#include "core/routing/Disposition.h"

#include <QTest>

using namespace heart;
using namespace heart::routing;
using namespace heart::routing::test;

namespace {

struct Moment
{
    const char* label;
    const char* ruleSet;
    roster::LocalDateTime when;
    bool ccdOpen; // Crisis Call Diversion's hours
    bool crtOpen; // the Community Response Team's hours
    bool corOpen; // Co-Response's hours (false where the era has no Co-Response)
};

// Wednesdays. CCD Mon-Fri 08:00-16:30 in every era; CRT Mon-Fri 08:30-16:30
// in the pilots, 09:00-21:00 daily citywide; Co-Response from 2022-09-26,
// Mon-Fri 08:30-16:30, then 06:00-21:00 daily citywide.
const Moment kMoments[] = {
    {"pilot 10:00", "durham-2022-06-27-pilot", at(2022, 8, 17, 10), true, true, false},
    {"pilot 08:15", "durham-2022-06-27-pilot", at(2022, 8, 17, 8, 15), true, false, false},
    {"pilot 17:00", "durham-2022-06-27-pilot", at(2022, 8, 17, 17), false, false, false},
    {"co-response 10:00", "durham-2022-09-26-co-response", at(2023, 3, 15, 10), true, true, true},
    {"co-response 08:15", "durham-2022-09-26-co-response", at(2023, 3, 15, 8, 15), true, false, false},
    {"co-response 17:00", "durham-2022-09-26-co-response", at(2023, 3, 15, 17), false, false, false},
    {"citywide 10:00", "durham-2023-10-23-citywide", at(2024, 5, 15, 10), true, true, true},
    {"citywide 07:00", "durham-2023-10-23-citywide", at(2024, 5, 15, 7), false, false, true},
    {"citywide 18:00", "durham-2023-10-23-citywide", at(2024, 5, 15, 18), false, true, true},
    {"citywide 22:00", "durham-2023-10-23-citywide", at(2024, 5, 15, 22), false, false, false},
};

const RiskLevel kRisks[] = {RiskLevel::NotAssessed, RiskLevel::None, RiskLevel::Low, RiskLevel::Moderate,
                            RiskLevel::High};

std::string names(const std::vector<Program>& programs)
{
    std::string text;
    for (Program program : programs)
        text += (text.empty() ? "" : ", ") + std::string(programCode(program));
    return "{" + text + "}";
}

} // namespace

class TestRoutingRisk : public QObject
{
    Q_OBJECT

private:
    Router m_router{durhamRuleBook(), durhamBeats()};

    Decision decide(roster::LocalDateTime when, RiskLevel risk, FlagSet flags = {})
    {
        CallFacts call;
        call.callType = "Suicide Threat"; // every program takes it
        call.received = when;
        call.beat = "111"; // in the pilot area
        call.flags = flags;
        call.risk = risk;
        auto decision = m_router.decide(call);
        if (!decision)
            qFatal("no decision: %s", decision.error().code.c_str());
        return decision.value();
    }

private Q_SLOTS:
    void everyRiskInEveryEra_data()
    {
        QTest::addColumn<int>("moment");
        QTest::addColumn<int>("risk");
        for (int m = 0; m < int(std::size(kMoments)); ++m) {
            for (RiskLevel risk : kRisks) {
                const std::string name = std::string(kMoments[m].label) + " / " + std::string(riskCode(risk));
                QTest::newRow(name.c_str()) << m << int(risk);
            }
        }
    }

    void everyRiskInEveryEra()
    {
        QFETCH(int, moment);
        QFETCH(int, risk);
        const Moment& m = kMoments[moment];
        const auto level = RiskLevel(risk);
        const Decision d = decide(m.when, level);
        QCOMPARE(d.ruleSetId, std::string(m.ruleSet));

        // The phone line is open whenever its hours are, at every risk: at
        // high risk it holds the caller while the team is on its way.
        QCOMPARE(d.eligible(Program::CrisisCallDiversion), m.ccdOpen);
        const bool high = level == RiskLevel::High;
        std::vector<Program> expected;
        if (high) {
            // In person first, and only: Co-Response, else police/EMS.
            expected.push_back(m.corOpen ? Program::CoResponse : Program::PoliceEms);
        } else {
            // Phone triage first, then the unarmed team, else police/EMS.
            if (m.ccdOpen)
                expected.push_back(Program::CrisisCallDiversion);
            expected.push_back(m.crtOpen ? Program::CommunityResponse : Program::PoliceEms);
        }
        if (d.recommended != expected)
            QFAIL(("recommended " + names(d.recommended) + ", expected " + names(expected)).c_str());

        if (high) {
            QVERIFY(hasReason(d.verdict(Program::CommunityResponse), ReasonCode::ExcludedByRisk, "high"));
            QCOMPARE(d.eligible(Program::CoResponse), m.corOpen);
            QCOMPARE(d.basis, RecommendationBasis::ImminentRisk);
            QCOMPARE(d.stayOnLine, m.ccdOpen);
            // Resolving the call by phone is against the recommendation.
            QVERIFY(!followsRecommendation(Disposition::Diverted, d.recommended));
            QVERIFY(!followsRecommendation(Disposition::Transferred988, d.recommended));
            QCOMPARE(followsRecommendation(Disposition::CorDispatch, d.recommended), m.corOpen);
            QCOMPARE(followsRecommendation(Disposition::PoliceEms, d.recommended), !m.corOpen);
        } else {
            QCOMPARE(d.eligible(Program::CommunityResponse), m.crtOpen);
            QVERIFY(!d.eligible(Program::CoResponse)); // only for weapon, violence or high risk
            QCOMPARE(d.basis, RecommendationBasis::PhoneFirst);
            QVERIFY(!d.stayOnLine);
            QCOMPARE(followsRecommendation(Disposition::Diverted, d.recommended), m.ccdOpen);
        }
    }

    void highRiskWithAMedicalEmergencyGoesToEms()
    {
        // EMS first: Co-Response and the phone line both step back.
        const Decision d = decide(at(2024, 5, 15, 10), RiskLevel::High, {CallFlag::Medical});
        QCOMPARE(d.recommended, std::vector{Program::PoliceEms});
        QCOMPARE(d.basis, RecommendationBasis::ImminentRisk);
        QVERIFY(!d.stayOnLine);
        QVERIFY(hasReason(d.verdict(Program::CoResponse), ReasonCode::ExcludedByFlag, "medical"));
    }

    void highRiskWithAWeaponStillLeadsWithCoResponse()
    {
        const Decision d = decide(at(2023, 3, 15, 10), RiskLevel::High, {CallFlag::Weapon});
        QCOMPARE(d.recommended, std::vector{Program::CoResponse});
        QVERIFY(d.stayOnLine);
    }

    void basisCodes()
    {
        for (RecommendationBasis basis : kAllBases)
            QCOMPARE(basisFromCode(basisCode(basis)), std::optional{basis});
        QCOMPARE(basisCode(RecommendationBasis::ImminentRisk), std::string_view("imminent-risk"));
        QVERIFY(!basisFromCode("urgent"));
    }
};

QTEST_GUILESS_MAIN(TestRoutingRisk)
#include "tst_core_routing_risk.moc"
