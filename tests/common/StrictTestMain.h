#pragma once

// The main() of every Qt test, and the one way a test may skip for a missing
// tool. A test fails on any qWarning or qCritical it did not announce with
// QTest::ignoreMessage, in every test function and data row, initTestCase and
// cleanupTestCase included (Qt's failOnWarning, which Qt resets after each
// row, is armed again by a message handler in front of QtTest's own).

#include <QObject>
#include <QTest>

namespace heart::test {

// QTest::qExec with the failing message handler installed.
int execStrict(QObject* testObject, int argc, char** argv);

// True when the environment variable CI is "true" (GitHub Actions, GitLab, .ci/run).
bool isCi();

} // namespace heart::test

#define HEART_TEST_MAIN_WRAPPER(TestObject, ...)                                                             \
    int main(int argc, char* argv[])                                                                         \
    {                                                                                                        \
        QT_PREPEND_NAMESPACE(QTest::Internal::callInitMain)<TestObject>();                                   \
        __VA_ARGS__                                                                                          \
        TestObject tc;                                                                                       \
        QTEST_SET_MAIN_SOURCE_PATH                                                                           \
        return ::heart::test::execStrict(&tc, argc, argv);                                                   \
    }

// QTEST_MAIN and QTEST_GUILESS_MAIN, strict about warnings.
#define HEART_TEST_MAIN(TestObject) HEART_TEST_MAIN_WRAPPER(TestObject, QTEST_MAIN_SETUP())
#define HEART_TEST_GUILESS_MAIN(TestObject)                                                                  \
    HEART_TEST_MAIN_WRAPPER(TestObject, QTEST_QAPP_SETUP(QCoreApplication))

// A tool the test needs (xdotool, Xvfb, pdftotext...) is not installed: skip
// on a developer's machine, fail under CI=true, where scripts/test installs
// everything and a skip would hide a test that never ran. reason: a string literal.
#define HEART_SKIP_MISSING_TOOL(reason)                                                                      \
    do {                                                                                                     \
        if (::heart::test::isCi())                                                                           \
            QFAIL("CI=true, so a missing tool is a failure, not a skip: " reason);                           \
        QSKIP(reason);                                                                                       \
    } while (false)
