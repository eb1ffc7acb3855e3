#pragma once
// Which passwords an account may have, after NIST SP 800-63B (5.1.1.2): a
// minimum length (8, 12 for an administrator), no composition rules, and a
// refusal of passwords an attacker tries first — the most common ones (a
// list shipped with the program, resources/common-passwords.txt), runs and
// repetitions ("12345678", "aaaaaaaa"), and passwords made of the account's
// own user ID or name ("ada12345"). Pure: the UI, the CLI and the store all
// ask this one function, the UI to show the reason at the field.
#include <cstddef>
#include <string>
#include <string_view>

namespace heart::account {

inline constexpr std::size_t kMinimumPasswordLength = 8;
inline constexpr std::size_t kMinimumAdministratorPasswordLength = 12;
// Characters (code points). Long passphrases are welcome; this only bounds the work of hashing.
inline constexpr std::size_t kMaximumPasswordLength = 256;

enum class PasswordProblem
{
    None,
    NotText,          // not valid UTF-8
    ControlCharacter, // a control or invisible format character (cannot be typed reliably)
    Blank,            // empty, or only spaces
    TooShort,         // fewer characters than the minimum (see PasswordVerdict::minimumLength)
    TooLong,          // more than kMaximumPasswordLength characters
    Repetitive,       // one character or a short group repeated: "aaaaaaaa", "abcabcabc"
    Sequential,       // a run or a keyboard row: "12345678", "abcdefgh", "qwertyui", "87654321"
    Common,           // in the common-password list, also with l33t spelling or a few digits added
    PersonalInfo,     // made of the user ID or the person's name, plus little else: "ada12345"
};

struct PasswordRequest
{
    std::string_view password; // UTF-8
    std::string_view userId;
    std::string_view displayName;
    bool administrator = false; // the account has, or is given, the administrator role
};

struct PasswordVerdict
{
    PasswordProblem problem = PasswordProblem::None;
    std::size_t minimumLength = kMinimumPasswordLength; // what applied to this account

    bool ok() const { return problem == PasswordProblem::None; }
};

PasswordVerdict checkPassword(const PasswordRequest& request);

// Stable code for logs and tests: "too-short", "common", ... and back
// (PasswordProblem::None for an unknown code).
std::string_view passwordProblemCode(PasswordProblem problem);
PasswordProblem passwordProblemFromCode(std::string_view code);
// Technical English for the command line (the UI words it itself, translated).
std::string describePasswordProblem(const PasswordVerdict& verdict);

// The shipped list (lower case), for tests and the about box.
bool isCommonPassword(std::string_view lowerCase);
std::size_t commonPasswordCount();

} // namespace heart::account
