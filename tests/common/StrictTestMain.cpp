#include "common/StrictTestMain.h"

#include <QMutexLocker>
#include <QRecursiveMutex>
#include <QRegularExpression>
#include <QTemporaryDir>
#include <QtGlobal>

namespace heart::test {
namespace {

QtMessageHandler g_qtestHandler = nullptr;
QRecursiveMutex g_handlerMutex; // warnings may come from worker threads (the draft writer)

// Messages about the machine the tests run on, not about the program: the
// offscreen platform plugin cannot do what a window manager does (raise a
// window, grab the keyboard, pass size hints on), and Qt notes every installed
// font it tries and skips for a script (the intake's language list names
// languages in their own scripts) before it falls back to one that has it.
bool isAboutTheTestMachine(const QString& message)
{
    return message.startsWith(QLatin1String("This plugin does not support ")) ||
           message.trimmed().startsWith(QLatin1String("OpenType support missing for "));
}

// In front of QtTest's handler. QtTest clears its fail-on-warning patterns
// after every data row, so arm one again before each warning reaches it; an
// announced message (QTest::ignoreMessage) still passes, QtTest checks those
// first. Qt 6.4 applies failOnWarning to warnings only, so a qCritical goes
// on as a warning: announce one with QTest::ignoreMessage(QtWarningMsg, ...).
void failOnUnannouncedWarning(QtMsgType type, const QMessageLogContext& context, const QString& message)
{
    const QMutexLocker locker(&g_handlerMutex);
    if ((type == QtWarningMsg || type == QtCriticalMsg) && !isAboutTheTestMachine(message)) {
        QTest::failOnWarning(
            QRegularExpression(QRegularExpression::anchoredPattern(QRegularExpression::escape(message))));
        type = QtWarningMsg;
    }
    g_qtestHandler(type, context, message);
}

} // namespace

int execStrict(QObject* testObject, int argc, char** argv)
{
    // The keys of the encrypted SQLite files a test makes go to a folder of
    // the test run, never into the keyring of the machine (the programs a
    // test starts inherit it).
    QTemporaryDir keys;
    if (!qEnvironmentVariableIsSet("HEARTDESK_KEY_DIR"))
        qputenv("HEARTDESK_KEY_DIR", keys.filePath(QStringLiteral("keys")).toLocal8Bit());
    // What QTest::qExec does, with the handler in between (Qt Quick Test
    // splits qExec the same way).
    QTest::qInit(testObject, argc, argv);
    g_qtestHandler = qInstallMessageHandler(failOnUnannouncedWarning);
    const int failures = QTest::qRun();
    qInstallMessageHandler(g_qtestHandler);
    QTest::qCleanup();
    return failures;
}

bool isCi()
{
    return qEnvironmentVariable("CI") == QLatin1String("true");
}

} // namespace heart::test
