#pragma once
// One way to show a phone number, on screen and on paper, whatever form it
// was stored in: the normalised form (E.164, "+19195550123") or a number as
// somebody typed it ("919.555.0123"). Storage stays as it is; this is only
// what a person reads.
#include <string>
#include <string_view>

namespace heart {

// North American numbers in the national format, "(919) 555-0123", with an
// extension as " x12"; service codes as dialled ("988", "911");
// international numbers in E.164 with their country code ("+442071234567").
// Text that is not a dialable number (intake::normalisePhone refuses it) is
// shown as given, trimmed, so nothing typed is hidden; blank gives "".
std::string phoneForDisplay(std::string_view text);

} // namespace heart
