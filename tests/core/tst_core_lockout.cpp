// AccountLockout: the count of wrong passwords, the lock it triggers, its
// exact length on a ManualClock, what happens to attempts while locked and
// after the lock runs out, and a program's own policy.
#include "core/AccountLockout.h"
#include "core/Clock.h"

#include <QTest>

using namespace heart;
using namespace std::chrono_literals;

namespace {

const TimePoint kStart = TimePoint{std::chrono::seconds{1772463600}}; // 2026-03-02T15:00:00Z

// Records `count` failures one second apart, starting from `state`.
LockoutState failTimes(const AccountLockout& lockout, LockoutState state, ManualClock& clock, int count)
{
    for (int i = 0; i < count; ++i) {
        state = lockout.recordFailure(state, clock.now()).state;
        clock.advance(1s);
    }
    return state;
}

} // namespace

class TestCoreLockout : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void defaultPolicy();
    void fourFailuresDoNotLock();
    void fifthFailureLocksForExactlyFiveMinutes();
    void attemptsWhileLockedNeitherCountNorExtend();
    void afterExpiryAFreshCountStarts();
    void successResets();
    void customPolicy_data();
    void customPolicy();
};

void TestCoreLockout::defaultPolicy()
{
    const AccountLockout lockout;
    QCOMPARE(lockout.policy().maxFailures, 5);
    QCOMPARE(lockout.policy().lockDuration, 5min);
    QVERIFY(!lockout.isLocked(LockoutState{}, kStart));
}

void TestCoreLockout::fourFailuresDoNotLock()
{
    const AccountLockout lockout;
    ManualClock clock(kStart);
    LockoutState state;
    for (int i = 1; i <= 4; ++i) {
        const FailureOutcome outcome = lockout.recordFailure(state, clock.now());
        QVERIFY(!outcome.lockedNow);
        QCOMPARE(outcome.state.failedAttempts, i);
        QVERIFY(!outcome.state.lockedUntil.has_value());
        QVERIFY(!lockout.isLocked(outcome.state, clock.now()));
        state = outcome.state;
        clock.advance(10s);
    }
}

void TestCoreLockout::fifthFailureLocksForExactlyFiveMinutes()
{
    const AccountLockout lockout;
    ManualClock clock(kStart);
    LockoutState state = failTimes(lockout, {}, clock, 4);
    const TimePoint fifthAt = clock.now();
    const FailureOutcome outcome = lockout.recordFailure(state, fifthAt);
    QVERIFY(outcome.lockedNow);
    QCOMPARE(outcome.state.failedAttempts, 5);
    QVERIFY(outcome.state.lockedUntil.has_value());
    QVERIFY(*outcome.state.lockedUntil == fifthAt + 5min);
    QVERIFY(lockout.isLocked(outcome.state, fifthAt));
    QVERIFY(lockout.isLocked(outcome.state, fifthAt + 5min - 1ms));
    QVERIFY(!lockout.isLocked(outcome.state, fifthAt + 5min));
}

void TestCoreLockout::attemptsWhileLockedNeitherCountNorExtend()
{
    const AccountLockout lockout;
    ManualClock clock(kStart);
    const LockoutState locked = failTimes(lockout, {}, clock, 5);
    QVERIFY(locked.lockedUntil.has_value());
    const TimePoint until = *locked.lockedUntil;
    for (auto offset : {0s, 1s, 120s, 299s}) {
        const TimePoint at = until - 5min + offset;
        QVERIFY(lockout.isLocked(locked, at));
        const FailureOutcome outcome = lockout.recordFailure(locked, at);
        QVERIFY(!outcome.lockedNow);
        QCOMPARE(outcome.state, locked); // same count, same end
    }
}

void TestCoreLockout::afterExpiryAFreshCountStarts()
{
    const AccountLockout lockout;
    ManualClock clock(kStart);
    const LockoutState locked = failTimes(lockout, {}, clock, 5);
    clock.set(*locked.lockedUntil);
    QVERIFY(!lockout.isLocked(locked, clock.now()));

    const FailureOutcome first = lockout.recordFailure(locked, clock.now());
    QVERIFY(!first.lockedNow);
    QCOMPARE(first.state.failedAttempts, 1);
    QVERIFY(!first.state.lockedUntil.has_value());
    QVERIFY(!lockout.isLocked(first.state, clock.now()));

    // It takes five more failures to lock again, and the new lock starts then.
    clock.advance(1s);
    LockoutState state = failTimes(lockout, first.state, clock, 3);
    QCOMPARE(state.failedAttempts, 4);
    QVERIFY(!state.lockedUntil.has_value());
    const FailureOutcome again = lockout.recordFailure(state, clock.now());
    QVERIFY(again.lockedNow);
    QVERIFY(*again.state.lockedUntil == clock.now() + 5min);
}

void TestCoreLockout::successResets()
{
    const AccountLockout lockout;
    ManualClock clock(kStart);
    const LockoutState state = failTimes(lockout, {}, clock, 4);
    QCOMPARE(state.failedAttempts, 4);
    const LockoutState reset = lockout.recordSuccess();
    QCOMPARE(reset, LockoutState{});
    // After a success the next failure is the first again, not the fifth.
    const FailureOutcome next = lockout.recordFailure(reset, clock.now());
    QVERIFY(!next.lockedNow);
    QCOMPARE(next.state.failedAttempts, 1);
}

void TestCoreLockout::customPolicy_data()
{
    QTest::addColumn<int>("maxFailures");
    QTest::addColumn<int>("lockMinutes");
    QTest::newRow("3 failures, 15 min") << 3 << 15;
    QTest::newRow("1 failure, 1 min") << 1 << 1;
    QTest::newRow("10 failures, 60 min") << 10 << 60;
}

void TestCoreLockout::customPolicy()
{
    QFETCH(int, maxFailures);
    QFETCH(int, lockMinutes);
    const AccountLockout lockout(LockoutPolicy{maxFailures, std::chrono::minutes{lockMinutes}});
    ManualClock clock(kStart);
    LockoutState state = failTimes(lockout, {}, clock, maxFailures - 1);
    QVERIFY(!lockout.isLocked(state, clock.now()));
    const FailureOutcome outcome = lockout.recordFailure(state, clock.now());
    QVERIFY(outcome.lockedNow);
    QVERIFY(*outcome.state.lockedUntil == clock.now() + std::chrono::minutes{lockMinutes});
    QVERIFY(lockout.isLocked(outcome.state, clock.now() + std::chrono::minutes{lockMinutes} - 1ms));
    QVERIFY(!lockout.isLocked(outcome.state, clock.now() + std::chrono::minutes{lockMinutes}));
}

QTEST_GUILESS_MAIN(TestCoreLockout)
#include "tst_core_lockout.moc"
