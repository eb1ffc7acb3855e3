#pragma once
// A value or an error code naming the offending field: core never returns text
// meant for users; the UI puts codes into words in the user's language.
#include <string>
#include <utility>
#include <variant>

namespace heart {

struct Error
{
    std::string code;  // stable, machine-readable: "account-locked", "outside-hours", ...
    std::string field; // which input is at fault, if any
    std::string detail; // technical detail for logs; never a person's data
};

template <typename T>
class Result
{
public:
    Result(T value) : m_state(std::move(value)) {}
    Result(Error error) : m_state(std::move(error)) {}

    bool ok() const { return std::holds_alternative<T>(m_state); }
    explicit operator bool() const { return ok(); }
    const T& value() const& { return std::get<T>(m_state); }
    T& value() & { return std::get<T>(m_state); }
    T&& value() && { return std::get<T>(std::move(m_state)); }
    const Error& error() const { return std::get<Error>(m_state); }

private:
    std::variant<T, Error> m_state;
};

} // namespace heart
