// heartdesk-cli: the headless tool of HEART Desk. It links the core and the
// store but not Qt Widgets or Gui, which is the proof that the layers hold.
#include "Commands.h"

#include <QCoreApplication>
#include <sys/prctl.h>
#include <sys/resource.h>

int main(int argc, char* argv[])
{
    // Passwords pass through this process: no core dump, no ptrace by peers.
    const rlimit noCore{0, 0};
    setrlimit(RLIMIT_CORE, &noCore);
    prctl(PR_SET_DUMPABLE, 0, 0, 0, 0);

    QCoreApplication app(argc, argv);
    // The desktop program's identity, so both find the same default database.
    QCoreApplication::setOrganizationName(QStringLiteral("heartdesk"));
    QCoreApplication::setApplicationName(QStringLiteral("heartdesk"));
    QCoreApplication::setApplicationVersion(QStringLiteral(HEARTDESK_VERSION));
    heart::cli::applyLogging(false);
    return heart::cli::dispatch(QCoreApplication::arguments());
}
