#pragma once
// resources/accounts/common-passwords.txt as text in the core library:
// core/CMakeLists.txt turns it into a generated .cpp (no Qt resources here).
#include <string_view>

namespace heart::account::embedded {

std::string_view commonPasswordsText();

} // namespace heart::account::embedded
