// The C-SSRS screener: every one of the 3^7 = 2187 combinations of answers
// checked against an oracle written here from the screener's rules alone
// (the risk of a partly answered screener is the lowest risk any way of
// answering the rest could end in), named cases a call taker meets, the
// storage form's round trip and its errors, and the question codes.
#include "core/triage/Cssrs.h"

#include <QTest>
#include <algorithm>
#include <vector>

using namespace heart;
using namespace heart::routing;
using namespace heart::triage;

namespace {

constexpr int kCombinations = 2187; // 3^7

// The answers as text, 'Y', 'N' or '-' per question: read and written here,
// independently of encodeCssrs/decodeCssrs.
CssrsAnswers parse(const QByteArray& text)
{
    if (text.size() != kCssrsQuestionCount)
        qFatal("bad answers in test data: %s", text.constData());
    CssrsAnswers answers;
    for (int i = 0; i < kCssrsQuestionCount; ++i) {
        const char c = text.at(i);
        answers.answers[std::size_t(i)] = c == 'Y' ? Answer::Yes : c == 'N' ? Answer::No : Answer::Unanswered;
    }
    return answers;
}

// Combination `index` in base 3: digit i is question i, 0 = unanswered, 1 = yes, 2 = no.
QByteArray combinationText(int index)
{
    QByteArray text;
    for (int i = 0; i < kCssrsQuestionCount; ++i, index /= 3)
        text += "-YN"[index % 3];
    return text;
}

QString riskName(RiskLevel risk)
{
    const std::string_view code = riskCode(risk);
    return QString::fromUtf8(code.data(), qsizetype(code.size()));
}

QString questionList(const std::vector<CssrsQuestion>& questions)
{
    QStringList codes;
    for (CssrsQuestion q : questions) {
        const std::string_view code = cssrsQuestionCode(q);
        codes << QString::fromUtf8(code.data(), qsizetype(code.size()));
    }
    return codes.join(QLatin1Char(','));
}

// ---- The oracle, from the rules in the screener's instructions ----

struct Oracle
{
    RiskLevel risk = RiskLevel::NotAssessed;
    bool complete = false;
    std::vector<CssrsQuestion> ask;
    std::vector<CssrsQuestion> unanswered;
};

// The risk once every question asked has been answered (a is fully Y/N).
// Q3-Q5 count only when Q2 was yes (else they were not asked), Q6b only when
// Q6 was yes.
RiskLevel finishedRisk(const QByteArray& a)
{
    const bool q1 = a[0] == 'Y', q2 = a[1] == 'Y', q3 = a[2] == 'Y', q4 = a[3] == 'Y', q5 = a[4] == 'Y';
    const bool q6 = a[5] == 'Y', q6b = a[6] == 'Y';
    if ((q2 && (q4 || q5)) || (q6 && q6b))
        return RiskLevel::High;
    if ((q2 && q3) || (q6 && !q6b))
        return RiskLevel::Moderate;
    if (q1 || q2)
        return RiskLevel::Low;
    return RiskLevel::None;
}

Oracle oracle(const QByteArray& a)
{
    using Q = CssrsQuestion;
    Oracle o;
    o.ask = {Q::WishedDead, Q::Thoughts};
    if (a[1] == 'Y')
        o.ask.insert(o.ask.end(), {Q::Method, Q::Intent, Q::Plan});
    o.ask.push_back(Q::Behavior);
    if (a[5] == 'Y')
        o.ask.push_back(Q::BehaviorRecent);

    bool anyAnswered = false;
    for (Q q : o.ask) {
        if (a[int(q)] == '-')
            o.unanswered.push_back(q);
        else
            anyAnswered = true;
    }
    o.complete = o.unanswered.empty();
    if (!anyAnswered)
        return o; // NotAssessed

    // Every way of answering what is still unanswered (skipped questions as
    // well: they may come to be asked); the risk so far is the least of them.
    std::vector<int> open;
    for (int i = 0; i < kCssrsQuestionCount; ++i) {
        if (a[i] == '-')
            open.push_back(i);
    }
    RiskLevel least = RiskLevel::High;
    for (int bits = 0; bits < (1 << open.size()); ++bits) {
        QByteArray filled = a;
        for (std::size_t k = 0; k < open.size(); ++k)
            filled[open[k]] = (bits >> k) & 1 ? 'Y' : 'N';
        least = std::min(least, finishedRisk(filled));
    }
    o.risk = least;
    return o;
}

} // namespace

class TestCssrs : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void allCombinations_data();
    void allCombinations();
    void namedCases_data();
    void namedCases();
    void roundTrip();
    void decodeErrors_data();
    void decodeErrors();
    void questionCodes();
    void skippedAnswersChangeNothing();
};

void TestCssrs::allCombinations_data()
{
    QTest::addColumn<QByteArray>("answers");
    for (int index = 0; index < kCombinations; ++index) {
        const QByteArray text = combinationText(index);
        QTest::newRow(text.constData()) << text;
    }
}

void TestCssrs::allCombinations()
{
    QFETCH(QByteArray, answers);
    const Oracle expected = oracle(answers);
    const CssrsAnswers given = parse(answers);
    const CssrsResult result = assessCssrs(given);
    QCOMPARE(riskName(result.risk), riskName(expected.risk));
    QCOMPARE(result.complete, expected.complete);
    QCOMPARE(questionList(result.unanswered), questionList(expected.unanswered));
    QCOMPARE(questionList(questionsToAsk(given)), questionList(expected.ask));
}

void TestCssrs::namedCases_data()
{
    QTest::addColumn<QByteArray>("answers"); // Q1 Q2 Q3 Q4 Q5 Q6 Q6b
    QTest::addColumn<QString>("risk");
    QTest::addColumn<bool>("complete");
    QTest::addColumn<QString>("unanswered");
    auto row = [](const char* name, const char* answers, const char* risk, bool complete,
                  const char* unanswered) {
        QTest::newRow(name) << QByteArray(answers) << QString::fromLatin1(risk) << complete
                            << QString::fromLatin1(unanswered);
    };
    row("nothing answered", "-------", "not-assessed", false, "wished-dead,thoughts,behavior");
    row("all no", "NN---N-", "none", true, "");
    row("all no, so far", "N------", "none", false, "thoughts,behavior");
    row("only Q1 yes, so far", "Y------", "low", false, "thoughts,behavior");
    row("only Q1 yes", "YN---N-", "low", true, "");
    row("Q2 yes, Q3-5 unanswered", "YY-----", "low", false, "method,intent,plan,behavior");
    row("Q2 yes, Q3-5 no", "NYNNNN-", "low", true, "");
    row("method", "YYYNNN-", "moderate", true, "");
    row("method, rest unanswered", "YYY----", "moderate", false, "intent,plan,behavior");
    row("intent", "YYNYNN-", "high", true, "");
    row("plan", "YYNNYN-", "high", true, "");
    row("intent decides before the rest", "YY-Y---", "high", false, "method,plan,behavior");
    row("plan decides before the rest", "-Y--Y--", "high", false, "wished-dead,method,intent,behavior");
    row("recent behavior, no ideation", "NN---YY", "high", true, "");
    row("recent behavior only answered", "-----YY", "high", false, "wished-dead,thoughts");
    row("behavior long ago", "NN---YN", "moderate", true, "");
    row("behavior, when not yet known", "NN---Y-", "moderate", false, "behavior-recent");
    row("behavior long ago with thoughts", "YYNNNYN", "moderate", true, "");
    row("Q2 no but Q4 yes is ignored", "NN-Y-N-", "none", true, "");
    row("Q2 no but Q3-5 yes are ignored", "YNYYYN-", "low", true, "");
    row("Q2 unanswered, Q5 yes ignored", "N---Y--", "none", false, "thoughts,behavior");
    row("only a skipped yes", "----Y--", "not-assessed", false, "wished-dead,thoughts,behavior");
    row("Q6 no but Q6b yes is ignored", "NN---NY", "none", true, "");
    row("Q6 unanswered, Q6b yes ignored", "NN----Y", "none", false, "behavior");
    row("only Q6b answered", "------Y", "not-assessed", false, "wished-dead,thoughts,behavior");
    row("everything yes", "YYYYYYY", "high", true, "");
}

void TestCssrs::namedCases()
{
    QFETCH(QByteArray, answers);
    QFETCH(QString, risk);
    QFETCH(bool, complete);
    QFETCH(QString, unanswered);
    const CssrsResult result = assessCssrs(parse(answers));
    QCOMPARE(riskName(result.risk), risk);
    QCOMPARE(result.complete, complete);
    QCOMPARE(questionList(result.unanswered), unanswered);
}

void TestCssrs::roundTrip()
{
    for (int index = 0; index < kCombinations; ++index) {
        const QByteArray text = combinationText(index);
        const CssrsAnswers answers = parse(text);
        const std::string encoded = encodeCssrs(answers);
        QCOMPARE(QByteArray::fromStdString(encoded), text);
        const auto decoded = decodeCssrs(encoded);
        QVERIFY2(decoded.ok(), text.constData());
        QVERIFY2(decoded.value() == answers, text.constData());
    }
}

void TestCssrs::decodeErrors_data()
{
    QTest::addColumn<QByteArray>("text");
    QTest::newRow("too short") << QByteArray("YYY");
    QTest::newRow("empty") << QByteArray();
    QTest::newRow("unknown letter") << QByteArray("YYYYYYX");
    QTest::newRow("too long") << QByteArray("YYYYYYYY");
    QTest::newRow("lower case") << QByteArray("yn---n-");
    QTest::newRow("blank") << QByteArray("YN -- N");
    QTest::newRow("digit") << QByteArray("1000000");
    QTest::newRow("NUL") << QByteArray("YN---N\0", 7);
}

void TestCssrs::decodeErrors()
{
    QFETCH(QByteArray, text);
    const auto decoded = decodeCssrs(std::string_view(text.constData(), std::size_t(text.size())));
    QVERIFY(!decoded.ok());
    QCOMPARE(QByteArray::fromStdString(decoded.error().code), QByteArray("invalid-cssrs"));
    QCOMPARE(QByteArray::fromStdString(decoded.error().field), QByteArray("cssrs"));
    QVERIFY(!decoded.error().detail.empty());
}

void TestCssrs::questionCodes()
{
    QCOMPARE(questionList({kAllCssrsQuestions.begin(), kAllCssrsQuestions.end()}),
             QStringLiteral("wished-dead,thoughts,method,intent,plan,behavior,behavior-recent"));
    CssrsAnswers answers;
    answers[CssrsQuestion::Plan] = Answer::Yes;
    QCOMPARE(int(answers.answers[4]), int(Answer::Yes));
    const CssrsAnswers& constAnswers = answers;
    QCOMPARE(int(constAnswers[CssrsQuestion::Plan]), int(Answer::Yes));
    QCOMPARE(int(constAnswers[CssrsQuestion::Intent]), int(Answer::Unanswered));
}

// A call taker corrects Q2 from yes to no: what was said to Q3-Q5 no longer
// counts, the result is as if they had never been answered.
void TestCssrs::skippedAnswersChangeNothing()
{
    for (int index = 0; index < kCombinations; ++index) {
        const QByteArray text = combinationText(index);
        QByteArray cleared = text;
        if (text[1] != 'Y')
            cleared[2] = cleared[3] = cleared[4] = '-';
        if (text[5] != 'Y')
            cleared[6] = '-';
        QVERIFY2(assessCssrs(parse(text)) == assessCssrs(parse(cleared)), text.constData());
        QVERIFY2(questionsToAsk(parse(text)) == questionsToAsk(parse(cleared)), text.constData());
    }
}

QTEST_APPLESS_MAIN(TestCssrs)
#include "tst_core_cssrs.moc"
