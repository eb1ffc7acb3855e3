#pragma once
// Time arrives through a Clock so every time-dependent rule (lockout, idle
// logoff, follow-up due times) can be tested at any instant.
#include <chrono>

namespace heart {

using TimePoint = std::chrono::system_clock::time_point;

class Clock
{
public:
    virtual ~Clock() = default;
    virtual TimePoint now() const = 0;
};

class SystemClock final : public Clock
{
public:
    TimePoint now() const override;
    static const SystemClock& instance();
};

// A clock that moves only when told to: for tests and for replaying history.
class ManualClock final : public Clock
{
public:
    explicit ManualClock(TimePoint start) : m_now(start) {}
    TimePoint now() const override { return m_now; }
    void set(TimePoint t) { m_now = t; }
    void advance(std::chrono::milliseconds by) { m_now += by; }

private:
    TimePoint m_now;
};

} // namespace heart
