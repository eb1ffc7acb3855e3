#pragma once
// A value or an error code naming the offending field: core never returns text
// meant for users; the UI puts codes into words in the user's language.
#include <string>
#include <utility>
#include <variant>

namespace heart {

struct Error
{
    std::string code;   // stable, machine-readable: "account-locked", "outside-hours", ...
    std::string field;  // which input is at fault, if any
    std::string detail; // technical detail for logs; never a person's data
};

// Input read from files (rule sets, beat maps, call histories) is wrong in a
// way the person who made the file must be able to find: which file, where in
// it (a JSON path such as "programs[2].hours.sat[0]" or "line 17"), and what.
// The message is technical English for the command line and logs; such files
// hold configuration, never a person's data.
struct DataError
{
    std::string file;     // as given by the caller ("durham-2022.json", "<memory>")
    std::string location; // JSON path or "line N"; empty for the whole file
    std::string code;     // stable: "json-syntax", "missing-member", "wrong-type", ...
    std::string message;  // what is wrong, e.g. "expected a time \"HH:MM\", got \"25:00\""

    std::string toString() const
    {
        std::string text = file;
        if (!location.empty())
            text += (text.empty() ? "" : ": ") + location;
        return text + (text.empty() ? "" : ": ") + message;
    }
};

template <typename T, typename E = Error> class Result
{
public:
    Result(T value) : m_state(std::move(value)) {}
    Result(E error) : m_state(std::move(error)) {}

    bool ok() const { return std::holds_alternative<T>(m_state); }
    explicit operator bool() const { return ok(); }
    const T& value() const& { return std::get<T>(m_state); }
    T& value() & { return std::get<T>(m_state); }
    // By value on a temporary, so `for (x : call().value())` does not dangle.
    T value() && { return std::get<T>(std::move(m_state)); }
    const E& error() const { return std::get<E>(m_state); }

private:
    std::variant<T, E> m_state;
};

} // namespace heart
