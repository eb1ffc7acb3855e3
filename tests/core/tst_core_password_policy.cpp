// The password policy (NIST SP 800-63B) and the rules for names others see:
// the issue's examples ("password", "12345678", eight spaces, "ada12345")
// refused for every account and the administrator too, with the reason the
// person sees; the demo's published passwords and real passphrases accepted;
// control and bidi characters in names refused, their length capped.
#include "core/DemoScenario.h"
#include "core/account/NameRules.h"
#include "core/account/PasswordPolicy.h"

#include <QTest>

using namespace heart;
using namespace heart::account;

Q_DECLARE_METATYPE(heart::account::PasswordProblem)
Q_DECLARE_METATYPE(heart::account::NameProblem)

namespace {

PasswordVerdict check(const std::string& password, bool administrator = false)
{
    return checkPassword({password, "ada", "Ada Lovelace", administrator});
}

// Letters from a fixed pseudo-random sequence: long, and neither a run nor a repetition.
QByteArray randomLetters(int count)
{
    QByteArray out;
    quint32 x = 20260627;
    for (int i = 0; i < count; ++i) {
        x = x * 1103515245u + 12345u;
        out.append(char('a' + (x >> 16) % 26));
    }
    return out;
}

} // namespace

class TestCorePasswordPolicy : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void issueExamplesRefused_data();
    void issueExamplesRefused();
    void refusedWithReason_data();
    void refusedWithReason();
    void accepted_data();
    void accepted();
    void administratorNeedsTwelve();
    void demoPasswordsPass();
    void problemCodesRoundTrip();
    void commonListShipped();
    void displayNames_data();
    void displayNames();
    void malformedUtf8();
};

void TestCorePasswordPolicy::issueExamplesRefused_data()
{
    QTest::addColumn<QByteArray>("password");
    QTest::addColumn<PasswordProblem>("asStaff");
    QTest::newRow("password") << QByteArray("password") << PasswordProblem::Common;
    QTest::newRow("12345678") << QByteArray("12345678") << PasswordProblem::Sequential;
    QTest::newRow("eight spaces") << QByteArray("        ") << PasswordProblem::Blank;
    QTest::newRow("ada12345") << QByteArray("ada12345") << PasswordProblem::PersonalInfo;
}

void TestCorePasswordPolicy::issueExamplesRefused()
{
    QFETCH(QByteArray, password);
    QFETCH(PasswordProblem, asStaff);
    QCOMPARE(check(password.toStdString()).problem, asStaff);
    // The administrator too (most are short of 12 first; blank stays blank).
    const PasswordVerdict admin = check(password.toStdString(), true);
    QVERIFY(!admin.ok());
    QCOMPARE(admin.minimumLength, std::size_t(12));
    // Made long enough for the administrator, the same kind of password is still refused.
    const std::string longer = password == "12345678"   ? "123456789012"
                               : password == "        " ? std::string(12, ' ')
                               : password == "ada12345" ? "ada123456789"
                                                        : "password1234";
    QVERIFY2(!check(longer, true).ok(), longer.c_str());
}

void TestCorePasswordPolicy::refusedWithReason_data()
{
    QTest::addColumn<QByteArray>("password");
    QTest::addColumn<PasswordProblem>("problem");
    QTest::newRow("empty") << QByteArray("") << PasswordProblem::Blank;
    QTest::newRow("tab and spaces") << QByteArray("\t       ") << PasswordProblem::ControlCharacter;
    QTest::newRow("no-break spaces")
        << QByteArray("\xc2\xa0\xc2\xa0\xc2\xa0\xc2\xa0\xc2\xa0\xc2\xa0\xc2\xa0\xc2\xa0")
        << PasswordProblem::Blank;
    QTest::newRow("seven") << QByteArray("tr0ub4d") << PasswordProblem::TooShort;
    QTest::newRow("257 characters") << randomLetters(257) << PasswordProblem::TooLong;
    QTest::newRow("aaaaaaaa") << QByteArray("aaaaaaaa") << PasswordProblem::Repetitive;
    QTest::newRow("abcabcabc") << QByteArray("abcabcabc") << PasswordProblem::Repetitive;
    QTest::newRow("xyxyxyxy") << QByteArray("XyXyXyXy") << PasswordProblem::Repetitive;
    QTest::newRow("abcdefgh") << QByteArray("abcdefgh") << PasswordProblem::Sequential;
    QTest::newRow("87654321") << QByteArray("87654321") << PasswordProblem::Sequential;
    QTest::newRow("qwertyui") << QByteArray("qwertyui") << PasswordProblem::Sequential;
    QTest::newRow("1qaz2wsx3edc") << QByteArray("1qaz2wsx3edc") << PasswordProblem::Sequential;
    QTest::newRow("sunshine") << QByteArray("sunshine") << PasswordProblem::Common;
    QTest::newRow("capitals") << QByteArray("SunShine") << PasswordProblem::Common;
    QTest::newRow("l33t") << QByteArray("p@ssw0rd") << PasswordProblem::Common;
    QTest::newRow("digits added") << QByteArray("Password2024!") << PasswordProblem::Common;
    QTest::newRow("digits before") << QByteArray("123monkey") << PasswordProblem::Common;
    QTest::newRow("iloveyou") << QByteArray("iloveyou") << PasswordProblem::Common;
    QTest::newRow("name and year") << QByteArray("Lovelace1815") << PasswordProblem::PersonalInfo;
    QTest::newRow("ID and name") << QByteArray("ada-lovelace") << PasswordProblem::PersonalInfo;
    QTest::newRow("ID and a common password") << QByteArray("adapassword") << PasswordProblem::PersonalInfo;
    QTest::newRow("ID and a run") << QByteArray("abcdADA!") << PasswordProblem::PersonalInfo;
    QTest::newRow("escape") << QByteArray("good\x1b[2Jpassphrase") << PasswordProblem::ControlCharacter;
    QTest::newRow("right-to-left override")
        << QByteArray("long enough \xe2\x80\xae phrase") << PasswordProblem::ControlCharacter;
}

void TestCorePasswordPolicy::refusedWithReason()
{
    QFETCH(QByteArray, password);
    QFETCH(PasswordProblem, problem);
    const PasswordVerdict verdict = check(password.toStdString());
    QCOMPARE(verdict.problem, problem);
    QVERIFY(!describePasswordProblem(verdict).empty());
}

void TestCorePasswordPolicy::accepted_data()
{
    QTest::addColumn<QByteArray>("password");
    QTest::newRow("passphrase") << QByteArray("correct horse battery staple");
    QTest::newRow("no composition rules: lower case only") << QByteArray("lanternfishmarrow");
    QTest::newRow("mixed") << QByteArray("Tr0ub4dor&3x");
    QTest::newRow("spaces inside") << QByteArray("  plum tide  ");
    QTest::newRow("Spanish with accents") << QByteArray("mi contrase\xc3\xb1"
                                                        "a es larga");
    QTest::newRow("name with plenty more") << QByteArray("ada sails north at dawn");
    QTest::newRow("256 characters") << randomLetters(256);
}

void TestCorePasswordPolicy::accepted()
{
    QFETCH(QByteArray, password);
    const PasswordVerdict verdict = check(password.toStdString());
    QVERIFY2(verdict.ok(), passwordProblemCode(verdict.problem).data());
    QVERIFY(check(password.toStdString(), true).ok());
}

void TestCorePasswordPolicy::administratorNeedsTwelve()
{
    QCOMPARE(check("lanternfish", false).problem, PasswordProblem::None); // 11 characters
    const PasswordVerdict admin = check("lanternfish", true);
    QCOMPARE(admin.problem, PasswordProblem::TooShort);
    QCOMPARE(admin.minimumLength, kMinimumAdministratorPasswordLength);
    QVERIFY(describePasswordProblem(admin).find("12") != std::string::npos);
    QVERIFY(check("lanternfish!", true).ok());
    // Twelve characters counted as characters, not bytes: "ñ" is two bytes.
    QCOMPARE(check("pi\xc3\xb1"
                   "ata-bosq",
                   true)
                 .problem,
             PasswordProblem::TooShort); // 11 characters, 12 bytes
}

void TestCorePasswordPolicy::demoPasswordsPass()
{
    // The README publishes them; heartdesk --demo and the demo command create them through the policy.
    for (const DemoStaff& staff : demoStaff()) {
        const PasswordVerdict verdict = checkPassword(
            {staff.password, staff.login, staff.displayName, staff.role == Role::Administrator});
        QVERIFY2(verdict.ok(),
                 (staff.login + ": " + std::string(passwordProblemCode(verdict.problem))).c_str());
    }
}

void TestCorePasswordPolicy::problemCodesRoundTrip()
{
    for (PasswordProblem problem :
         {PasswordProblem::NotText, PasswordProblem::ControlCharacter, PasswordProblem::Blank,
          PasswordProblem::TooShort, PasswordProblem::TooLong, PasswordProblem::Repetitive,
          PasswordProblem::Sequential, PasswordProblem::Common, PasswordProblem::PersonalInfo})
        QCOMPARE(passwordProblemFromCode(passwordProblemCode(problem)), problem);
    QCOMPARE(passwordProblemFromCode("no-such-code"), PasswordProblem::None);
}

void TestCorePasswordPolicy::commonListShipped()
{
    // scripts/common-passwords: Debian's python3-zxcvbn list, 30,000 passwords.
    QCOMPARE(commonPasswordCount(), std::size_t(30000));
    QVERIFY(isCommonPassword("123456"));
    QVERIFY(isCommonPassword("letmein"));
    QVERIFY(!isCommonPassword("# Made by scripts/common-passwords; do not edit by hand."));
    QVERIFY(!isCommonPassword("lanternfishmarrow"));
}

void TestCorePasswordPolicy::displayNames_data()
{
    QTest::addColumn<QByteArray>("name");
    QTest::addColumn<NameProblem>("problem");
    QTest::newRow("plain") << QByteArray("Ada Lovelace") << NameProblem::None;
    QTest::newRow("accents and comma") << QByteArray("Jos\xc3\xa9 N\xc3\xba\xc3\xb1"
                                                     "ez, LCSW")
                                       << NameProblem::None;
    QTest::newRow("Arabic") << QByteArray("\xd8\xb3\xd8\xa7\xd9\x85\xd9\x8a") << NameProblem::None;
    QTest::newRow("ZWNJ in Persian") << QByteArray("\xd9\x85\xdb\x8c\xe2\x80\x8c\xd8\xb1\xd9\x88\xd9\x85")
                                     << NameProblem::None;
    QTest::newRow("120 characters") << QByteArray(120, 'n') << NameProblem::None;
    QTest::newRow("121 characters") << QByteArray(121, 'n') << NameProblem::TooLong;
    QTest::newRow("100,000 characters") << QByteArray(100000, 'n') << NameProblem::TooLong;
    QTest::newRow("right-to-left override")
        << QByteArray("Sam \xe2\x80\xaeliveR") << NameProblem::ControlCharacter;
    QTest::newRow("left-to-right embedding") << QByteArray("\xe2\x80\xaa"
                                                           "Sam")
                                             << NameProblem::ControlCharacter;
    QTest::newRow("first-strong isolate") << QByteArray("Sam \xe2\x81\xa8x") << NameProblem::ControlCharacter;
    QTest::newRow("pop directional isolate")
        << QByteArray("Sam \xe2\x81\xa9") << NameProblem::ControlCharacter;
    QTest::newRow("right-to-left mark") << QByteArray("Sam\xe2\x80\x8f") << NameProblem::ControlCharacter;
    QTest::newRow("zero-width space") << QByteArray("S\xe2\x80\x8b"
                                                    "am")
                                      << NameProblem::ControlCharacter;
    QTest::newRow("escape sequence") << QByteArray("Sam\x1b[31m") << NameProblem::ControlCharacter;
    QTest::newRow("newline") << QByteArray("Sam\nRiverstone") << NameProblem::ControlCharacter;
    QTest::newRow("NUL") << QByteArray("Sam\0x", 5) << NameProblem::ControlCharacter;
    QTest::newRow("DEL") << QByteArray("Sam\x7f") << NameProblem::ControlCharacter;
    QTest::newRow("C1 CSI") << QByteArray("Sam\xc2\x9b"
                                          "2J")
                            << NameProblem::ControlCharacter;
    QTest::newRow("BOM") << QByteArray("\xef\xbb\xbfSam") << NameProblem::ControlCharacter;
    QTest::newRow("line separator") << QByteArray("Sam\xe2\x80\xa8x") << NameProblem::ControlCharacter;
    QTest::newRow("tag character") << QByteArray("Sam\xf3\xa0\x80\x81") << NameProblem::ControlCharacter;
    QTest::newRow("only spaces") << QByteArray("   ") << NameProblem::Blank;
    QTest::newRow("invalid UTF-8") << QByteArray("Sam\xff") << NameProblem::NotText;
}

void TestCorePasswordPolicy::displayNames()
{
    QFETCH(QByteArray, name);
    QFETCH(NameProblem, problem);
    QCOMPARE(checkDisplayName(std::string_view(name.constData(), std::size_t(name.size()))), problem);
}

void TestCorePasswordPolicy::malformedUtf8()
{
    QVERIFY(!decodeUtf8("\xc0\xaf"));         // overlong "/"
    QVERIFY(!decodeUtf8("\xed\xa0\x80"));     // a surrogate
    QVERIFY(!decodeUtf8("\xf4\x90\x80\x80")); // past U+10FFFF
    QVERIFY(!decodeUtf8("\xe2\x82"));         // truncated
    QCOMPARE(decodeUtf8("a\xc3\xb1\xe2\x82\xac\xf0\x9f\x98\x80").value(),
             std::u32string(U"a\u00f1\u20ac\U0001F600"));
    QCOMPARE(check("long enough \xff password").problem, PasswordProblem::NotText);
}

QTEST_GUILESS_MAIN(TestCorePasswordPolicy)
#include "tst_core_password_policy.moc"
