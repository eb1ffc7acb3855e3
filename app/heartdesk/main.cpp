// heartdesk: the desktop program. Thin on purpose: hardening, application
// identity, then ui::Startup.
#include "shell/Startup.h"

#include <QApplication>
#include <sys/prctl.h>
#include <sys/resource.h>

namespace {

// A process holding people's records leaves no core dump and cannot be
// attached to by other processes of the same user (KeePassXC's Bootstrap).
void hardenProcess()
{
    const rlimit noCore{0, 0};
    setrlimit(RLIMIT_CORE, &noCore);
    prctl(PR_SET_DUMPABLE, 0, 0, 0, 0);
}

} // namespace

int main(int argc, char* argv[])
{
    hardenProcess();
    QApplication app(argc, argv);
    QApplication::setOrganizationName(QStringLiteral("heartdesk"));
    QApplication::setApplicationName(QStringLiteral("heartdesk"));
    QApplication::setApplicationDisplayName(QStringLiteral("HEART Desk"));
    QApplication::setApplicationVersion(QStringLiteral(HEARTDESK_VERSION));
    heart::ui::Startup startup;
    const int early = startup.run(app);
    if (early >= 0)
        return early;
    return QApplication::exec();
}
