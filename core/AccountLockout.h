#pragma once
// After too many wrong passwords an account is locked for a while, even
// against the right password, to slow down guessing (HIPAA 164.312(d)).
#include "core/Clock.h"

#include <chrono>
#include <optional>

namespace heart {

struct LockoutPolicy
{
    int maxFailures = 5;
    std::chrono::minutes lockDuration{5};
};

struct LockoutState
{
    int failedAttempts = 0;
    std::optional<TimePoint> lockedUntil;

    bool operator==(const LockoutState&) const = default;
};

struct FailureOutcome
{
    LockoutState state;
    bool lockedNow = false; // this failure is the one that locked the account
};

class AccountLockout
{
public:
    explicit AccountLockout(LockoutPolicy policy = {}) : m_policy(policy) {}

    bool isLocked(const LockoutState& state, TimePoint now) const;
    FailureOutcome recordFailure(const LockoutState& state, TimePoint now) const;
    LockoutState recordSuccess() const { return {}; }
    const LockoutPolicy& policy() const { return m_policy; }

private:
    LockoutPolicy m_policy;
};

} // namespace heart
