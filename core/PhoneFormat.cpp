#include "core/PhoneFormat.h"

#include "core/intake/IntakeRules.h"

namespace heart {
namespace {

std::string_view trimmed(std::string_view text)
{
    const auto blank = [](char c) {
        return c == ' ' || c == '\t' || c == '\n' || c == '\r';
    };
    while (!text.empty() && blank(text.front()))
        text.remove_prefix(1);
    while (!text.empty() && blank(text.back()))
        text.remove_suffix(1);
    return text;
}

} // namespace

std::string phoneForDisplay(std::string_view text)
{
    const auto normalised = intake::normalisePhone(text);
    if (!normalised)
        return std::string(trimmed(text));
    return intake::formatPhone(normalised.value());
}

} // namespace heart
