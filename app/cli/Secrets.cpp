#include "Secrets.h"

#include "Cli.h"

#include <QByteArray>
#include <QStringList>
#include <algorithm>
#include <cerrno>
#include <csignal>
#include <cstdio>
#include <string>
#include <termios.h>
#include <unistd.h>

namespace heart::cli {
namespace {

// The terminal state to restore if the user interrupts a prompt while echo is off.
termios g_savedTerminal{};
volatile std::sig_atomic_t g_echoOff = 0;

extern "C" void restoreTerminalAndReraise(int signal)
{
    if (g_echoOff)
        tcsetattr(STDIN_FILENO, TCSANOW, &g_savedTerminal);
    std::signal(signal, SIG_DFL);
    std::raise(signal);
}

// Reads one line from the terminal with echo off; nullopt at end of input.
std::optional<QString> readHidden(const QString& prompt)
{
    termios original{};
    const bool haveTerminal = tcgetattr(STDIN_FILENO, &original) == 0;
    using Handler = void (*)(int);
    Handler oldInt = SIG_DFL, oldTerm = SIG_DFL, oldHup = SIG_DFL;
    if (haveTerminal) {
        g_savedTerminal = original;
        oldInt = std::signal(SIGINT, restoreTerminalAndReraise);
        oldTerm = std::signal(SIGTERM, restoreTerminalAndReraise);
        oldHup = std::signal(SIGHUP, restoreTerminalAndReraise);
        termios silent = original;
        silent.c_lflag &= ~static_cast<tcflag_t>(ECHO);
        silent.c_lflag |= ECHONL;
        g_echoOff = 1;
        tcsetattr(STDIN_FILENO, TCSAFLUSH, &silent);
    }
    // The prompt only once echo is off, so nothing typed after it can show.
    const QByteArray promptBytes = prompt.toLocal8Bit();
    std::fputs(promptBytes.constData(), stderr);
    std::fflush(stderr);

    std::string line;
    bool gotLine = false;
    char c = 0;
    for (;;) {
        const ssize_t n = ::read(STDIN_FILENO, &c, 1);
        if (n < 0 && errno == EINTR)
            continue;
        if (n <= 0)
            break;
        if (c == '\n') {
            gotLine = true;
            break;
        }
        line.push_back(c);
    }

    if (haveTerminal) {
        tcsetattr(STDIN_FILENO, TCSAFLUSH, &original);
        g_echoOff = 0;
        std::signal(SIGINT, oldInt);
        std::signal(SIGTERM, oldTerm);
        std::signal(SIGHUP, oldHup);
    }
    if (!gotLine) {
        std::fputc('\n', stderr); // end of input: echo printed no newline
        std::fflush(stderr);
        if (line.empty())
            return std::nullopt;
    }
    if (!line.empty() && line.back() == '\r')
        line.pop_back();
    QString value = QString::fromLocal8Bit(line.data(), static_cast<qsizetype>(line.size()));
    std::fill(line.begin(), line.end(), '\0');
    return value;
}

QString variableList(std::initializer_list<const char*> names)
{
    QStringList list;
    for (const char* name : names)
        list.append(QString::fromLatin1(name));
    return list.join(QLatin1String(" or "));
}

} // namespace

void wipe(QString& secret)
{
    secret.fill(QChar(u'\0'));
    secret.clear();
}

Secret obtainSecret(const SecretRequest& request)
{
    for (const char* name : request.environment) {
        if (!qEnvironmentVariableIsEmpty(name)) {
            qCDebug(lcCli) << "password taken from the environment variable" << name;
            return {qEnvironmentVariable(name), 0};
        }
    }
    if (!isatty(STDIN_FILENO)) {
        printError(QStringLiteral("%1 is needed: set %2, or run on a terminal to be asked for it")
                       .arg(request.what, variableList(request.environment)));
        return {{}, request.exitIfUnavailable};
    }
    std::optional<QString> first = readHidden(request.prompt);
    if (!first) {
        printError(QStringLiteral("no password was typed"));
        return {{}, ExitFailed};
    }
    if (request.confirm) {
        std::optional<QString> second = readHidden(QStringLiteral("Type it again: "));
        if (!second) {
            wipe(*first);
            printError(QStringLiteral("the password was not typed a second time; nothing was changed"));
            return {{}, ExitFailed};
        }
        const bool same = *second == *first;
        wipe(*second);
        if (!same) {
            wipe(*first);
            printError(QStringLiteral("the two passwords typed do not match; nothing was changed"));
            return {{}, ExitFailed};
        }
    }
    return {std::move(*first), 0};
}

} // namespace heart::cli
