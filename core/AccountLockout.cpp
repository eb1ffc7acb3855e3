#include "core/AccountLockout.h"

namespace heart {

bool AccountLockout::isLocked(const LockoutState& state, TimePoint now) const
{
    return state.lockedUntil && now < *state.lockedUntil;
}

FailureOutcome AccountLockout::recordFailure(const LockoutState& state, TimePoint now) const
{
    if (isLocked(state, now))
        return {state, false}; // attempts while locked neither extend nor count
    LockoutState next;
    // A lock that has run out starts a fresh count.
    next.failedAttempts = state.lockedUntil ? 1 : state.failedAttempts + 1;
    if (next.failedAttempts >= m_policy.maxFailures) {
        next.lockedUntil = now + m_policy.lockDuration;
        return {next, true};
    }
    return {next, false};
}

} // namespace heart
