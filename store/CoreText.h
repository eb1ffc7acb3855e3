#pragma once
// Core speaks std::string (UTF-8) and std::string_view codes; the store and
// UI speak QString. These are the only crossings.
#include <QString>
#include <string>
#include <string_view>

namespace heart::store {

inline QString toQString(std::string_view text)
{
    return QString::fromUtf8(text.data(), static_cast<qsizetype>(text.size()));
}

inline std::string toStdString(const QString& text)
{
    return text.toStdString();
}

} // namespace heart::store
