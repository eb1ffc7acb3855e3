#include "core/account/PasswordPolicy.h"

#include "core/account/CommonPasswordsText.h"
#include "core/account/NameRules.h"

#include <algorithm>
#include <array>
#include <initializer_list>
#include <unordered_set>
#include <utility>
#include <vector>

namespace heart::account {
namespace {

using Text = std::u32string;

// The shipped list, one lower-case password a line ('#' starts a comment).
const std::unordered_set<std::string_view>& commonPasswords()
{
    static const std::unordered_set<std::string_view> list = [] {
        std::unordered_set<std::string_view> set;
        const std::string_view text = embedded::commonPasswordsText();
        set.reserve(40000);
        std::size_t start = 0;
        while (start < text.size()) {
            std::size_t end = text.find('\n', start);
            if (end == std::string_view::npos)
                end = text.size();
            std::string_view line = text.substr(start, end - start);
            if (!line.empty() && line.back() == '\r')
                line.remove_suffix(1);
            if (!line.empty() && line.front() != '#')
                set.insert(line);
            start = end + 1;
        }
        return set;
    }();
    return list;
}

char32_t lowerAscii(char32_t c)
{
    return (c >= U'A' && c <= U'Z') ? c + (U'a' - U'A') : c;
}

Text lowered(const Text& text)
{
    Text out = text;
    std::transform(out.begin(), out.end(), out.begin(), lowerAscii);
    return out;
}

bool isAsciiLetter(char32_t c)
{
    return c >= U'a' && c <= U'z';
}

bool isDigit(char32_t c)
{
    return c >= U'0' && c <= U'9';
}

bool isAlphanumeric(char32_t c)
{
    // Any letter of another script counts as one: only ASCII digits,
    // punctuation and spaces are "decoration" around a word.
    return isDigit(c) || isAsciiLetter(c) || c >= 0x80;
}

// The list is ASCII: anything else is not in it.
bool inList(const Text& lowerCase)
{
    std::string narrow;
    narrow.reserve(lowerCase.size());
    for (char32_t c : lowerCase) {
        if (c >= 0x80)
            return false;
        narrow.push_back(static_cast<char>(c));
    }
    return commonPasswords().count(narrow) > 0;
}

// One character or a group repeated at least twice ("aaaaaaaa", "abab", "abcabcab").
bool isRepetitive(const Text& text)
{
    const std::size_t n = text.size();
    if (n < 2)
        return true;
    for (std::size_t period = 1; period <= n / 2; ++period) {
        bool repeats = true;
        for (std::size_t i = period; i < n && repeats; ++i)
            repeats = text[i] == text[i - period];
        if (repeats)
            return true;
    }
    return false;
}

// Keyboard rows and columns people walk along (US layout), both directions.
constexpr std::array<std::u32string_view, 8> kKeyboardWalks = {
    U"`1234567890-=",
    U"~!@#$%^&*()_+",
    U"qwertyuiop[]\\",
    U"asdfghjkl;'",
    U"zxcvbnm,./",
    U"1qaz2wsx3edc4rfv5tgb6yhn7ujm8ik,9ol.0p;/-['=]",
    U"qazwsxedcrfvtgbyhnujmikolp",
    U"0987654321",
};

bool isSequential(const Text& text)
{
    const std::size_t n = text.size();
    if (n < 3)
        return n > 0;
    // The same small step all along: "12345678", "abcdefgh", "87654321", "2468".
    const long step = static_cast<long>(text[1]) - static_cast<long>(text[0]);
    if (step != 0 && step >= -3 && step <= 3) {
        bool constant = true;
        for (std::size_t i = 2; i < n && constant; ++i)
            constant = static_cast<long>(text[i]) - static_cast<long>(text[i - 1]) == step;
        if (constant)
            return true;
    }
    // The same around the dial: "901234567", "xyzabcde".
    for (const auto& [first, count] : {std::pair{U'0', 10L}, std::pair{U'a', 26L}}) {
        const bool inRange =
            std::all_of(text.begin(), text.end(), [first = first, count = count](char32_t c) {
                return c >= first && static_cast<long>(c - first) < count;
            });
        if (!inRange)
            continue;
        const long around =
            ((static_cast<long>(text[1]) - static_cast<long>(text[0])) % count + count) % count;
        if (around == 0 || (around > 3 && around < count - 3))
            continue;
        bool constant = true;
        for (std::size_t i = 2; i < n && constant; ++i)
            constant =
                ((static_cast<long>(text[i]) - static_cast<long>(text[i - 1])) % count + count) % count ==
                around;
        if (constant)
            return true;
    }
    for (std::u32string_view walk : kKeyboardWalks) {
        if (walk.find(text) != std::u32string_view::npos)
            return true;
        const Text reversed(text.rbegin(), text.rend());
        if (walk.find(reversed) != std::u32string_view::npos)
            return true;
    }
    return false;
}

bool isTrivial(const Text& text)
{
    return isRepetitive(text) || isSequential(text);
}

// The l33t spellings people use to "strengthen" a word; '1' may stand for i or l.
std::vector<Text> unleeted(const Text& lowerCase)
{
    auto substitute = [&lowerCase](char32_t one) {
        Text out = lowerCase;
        for (char32_t& c : out) {
            switch (c) {
            case U'0':
                c = U'o';
                break;
            case U'1':
                c = one;
                break;
            case U'!':
                c = U'i';
                break;
            case U'3':
                c = U'e';
                break;
            case U'4':
            case U'@':
                c = U'a';
                break;
            case U'5':
            case U'$':
                c = U's';
                break;
            case U'7':
            case U'+':
                c = U't';
                break;
            case U'8':
                c = U'b';
                break;
            case U'9':
                c = U'g';
                break;
            default:
                break;
            }
        }
        return out;
    };
    return {substitute(U'i'), substitute(U'l')};
}

bool isCommonWord(const Text& lowerCase)
{
    if (inList(lowerCase))
        return true;
    for (const Text& plain : unleeted(lowerCase)) {
        if (plain != lowerCase && inList(plain))
            return true;
    }
    return false;
}

// A common password with a little added around it: "Password2024!",
// "!!sunshine", "monkey123". Up to six digits or symbols, at either end.
bool isCommonWithDecoration(const Text& lowerCase)
{
    std::size_t begin = 0;
    std::size_t end = lowerCase.size();
    while (begin < end && !isAsciiLetter(lowerCase[begin]) && lowerCase[begin] < 0x80)
        ++begin;
    while (end > begin && !isAsciiLetter(lowerCase[end - 1]) && lowerCase[end - 1] < 0x80)
        --end;
    const std::size_t added = lowerCase.size() - (end - begin);
    if (added == 0 || added > 6 || end - begin < 4)
        return false;
    return isCommonWord(lowerCase.substr(begin, end - begin));
}

// The words of the user ID and the name that a guesser would try: "ada",
// "lovelace", "jo.rivera" and "rivera"; three characters or more, and the
// whole user ID however short.
std::vector<Text> personalWords(const PasswordRequest& request)
{
    std::vector<Text> words;
    auto addWords = [&words](std::string_view utf8, std::size_t minimumWhole) {
        const std::optional<Text> decoded = decodeUtf8(utf8);
        if (!decoded)
            return;
        const Text text = lowered(*decoded);
        Text word;
        auto flush = [&] {
            if (word.size() >= 3)
                words.push_back(word);
            word.clear();
        };
        for (char32_t c : text) {
            if (isAlphanumeric(c))
                word.push_back(c);
            else
                flush();
        }
        flush();
        if (text.size() >= minimumWhole)
            words.push_back(text); // the whole user ID ("jo", "jo.rivera") or name
    };
    addWords(request.userId, 2);
    addWords(request.displayName, 3);
    // Longest first, so "jo.rivera" goes before "rivera".
    std::sort(words.begin(), words.end(), [](const Text& a, const Text& b) { return a.size() > b.size(); });
    return words;
}

// After taking the user ID and name out, what is left must be a password of
// its own: four characters or more that are not a run, a repetition, a short
// number (a birth year, "123") or a common password of six characters or more.
bool isMadeOfPersonalInfo(const Text& lowerCase, const PasswordRequest& request)
{
    Text rest = lowerCase;
    bool removed = false;
    for (const Text& word : personalWords(request)) {
        for (std::size_t at = rest.find(word); at != Text::npos; at = rest.find(word)) {
            rest.erase(at, word.size());
            removed = true;
        }
    }
    if (!removed)
        return false;
    Text core;
    for (char32_t c : rest) {
        if (isAlphanumeric(c))
            core.push_back(c);
    }
    if (core.size() < 4 || isTrivial(core))
        return true;
    if (core.size() <= 6 && std::all_of(core.begin(), core.end(), isDigit))
        return true;
    return core.size() >= 6 && (isCommonWord(core) || isCommonWithDecoration(core));
}

} // namespace

PasswordVerdict checkPassword(const PasswordRequest& request)
{
    PasswordVerdict verdict;
    verdict.minimumLength =
        request.administrator ? kMinimumAdministratorPasswordLength : kMinimumPasswordLength;
    auto refuse = [&verdict](PasswordProblem problem) {
        verdict.problem = problem;
        return verdict;
    };
    if (request.password.size() > kMaximumPasswordLength * 4)
        return refuse(PasswordProblem::TooLong);
    const std::optional<Text> decoded = decodeUtf8(request.password);
    if (!decoded)
        return refuse(PasswordProblem::NotText);
    const Text& password = *decoded;
    if (std::any_of(password.begin(), password.end(), isControlOrFormatCharacter))
        return refuse(PasswordProblem::ControlCharacter);
    if (std::all_of(password.begin(), password.end(), isWhiteSpace))
        return refuse(PasswordProblem::Blank);
    if (password.size() < verdict.minimumLength)
        return refuse(PasswordProblem::TooShort);
    if (password.size() > kMaximumPasswordLength)
        return refuse(PasswordProblem::TooLong);
    const Text lowerCase = lowered(password);
    if (isRepetitive(lowerCase))
        return refuse(PasswordProblem::Repetitive);
    if (isSequential(lowerCase))
        return refuse(PasswordProblem::Sequential);
    if (isCommonWord(lowerCase) || isCommonWithDecoration(lowerCase))
        return refuse(PasswordProblem::Common);
    if (isMadeOfPersonalInfo(lowerCase, request))
        return refuse(PasswordProblem::PersonalInfo);
    return verdict;
}

std::string_view passwordProblemCode(PasswordProblem problem)
{
    switch (problem) {
    case PasswordProblem::None:
        return "none";
    case PasswordProblem::NotText:
        return "not-text";
    case PasswordProblem::ControlCharacter:
        return "control-character";
    case PasswordProblem::Blank:
        return "blank";
    case PasswordProblem::TooShort:
        return "too-short";
    case PasswordProblem::TooLong:
        return "too-long";
    case PasswordProblem::Repetitive:
        return "repetitive";
    case PasswordProblem::Sequential:
        return "sequential";
    case PasswordProblem::Common:
        return "common";
    case PasswordProblem::PersonalInfo:
        return "personal-info";
    }
    return "unknown";
}

PasswordProblem passwordProblemFromCode(std::string_view code)
{
    for (PasswordProblem problem :
         {PasswordProblem::NotText, PasswordProblem::ControlCharacter, PasswordProblem::Blank,
          PasswordProblem::TooShort, PasswordProblem::TooLong, PasswordProblem::Repetitive,
          PasswordProblem::Sequential, PasswordProblem::Common, PasswordProblem::PersonalInfo}) {
        if (passwordProblemCode(problem) == code)
            return problem;
    }
    return PasswordProblem::None;
}

std::string describePasswordProblem(const PasswordVerdict& verdict)
{
    switch (verdict.problem) {
    case PasswordProblem::None:
        return "acceptable";
    case PasswordProblem::NotText:
        return "not valid UTF-8 text";
    case PasswordProblem::ControlCharacter:
        return "it contains a control or invisible formatting character";
    case PasswordProblem::Blank:
        return "it is empty or only spaces";
    case PasswordProblem::TooShort:
        return "shorter than " + std::to_string(verdict.minimumLength) + " characters" +
               (verdict.minimumLength > kMinimumPasswordLength ? " (the minimum for an administrator)" : "");
    case PasswordProblem::TooLong:
        return "longer than " + std::to_string(kMaximumPasswordLength) + " characters";
    case PasswordProblem::Repetitive:
        return "it repeats one character or a short group (like \"aaaaaaaa\" or \"abcabcabc\")";
    case PasswordProblem::Sequential:
        return "it is a run of characters or a keyboard row (like \"12345678\" or \"qwertyui\")";
    case PasswordProblem::Common:
        return "it is one of the most common passwords, which are tried first";
    case PasswordProblem::PersonalInfo:
        return "it is made of the user ID or the person's name with little added";
    }
    return "refused";
}

bool isCommonPassword(std::string_view lowerCase)
{
    return commonPasswords().count(lowerCase) > 0;
}

std::size_t commonPasswordCount()
{
    return commonPasswords().size();
}

} // namespace heart::account
