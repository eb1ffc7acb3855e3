// heartdesk-cli: the headless tool of HEART Desk. It links the core and the
// store but not Qt Widgets or Gui, which is the proof that the layers hold.
#include "Commands.h"

#include <QCoreApplication>

int main(int argc, char* argv[])
{
    QCoreApplication app(argc, argv);
    // The same name as the desktop program, so both find the same default database.
    QCoreApplication::setApplicationName(QStringLiteral("heartdesk"));
    QCoreApplication::setApplicationVersion(QStringLiteral(HEARTDESK_VERSION));
    heart::cli::applyLogging(false);
    return heart::cli::dispatch(QCoreApplication::arguments());
}
