// heartdesk: the desktop program. Thin on purpose: hardening, application
// identity, then ui::Startup.
#include "shell/Startup.h"

#include <QApplication>
#include <QIcon>
#include <QPixmap>
#include <QTimer>
#include <QWidget>
#include <cstdio>
#include <cstring>
#include <sys/prctl.h>
#include <sys/resource.h>

namespace {

// The desktop entry's id (io.github.heartdesk.HeartDesk.desktop), the AppStream id and the icon's name.
constexpr auto kAppId = "io.github.heartdesk.HeartDesk";

// A process holding people's records leaves no core dump and cannot be
// attached to by other processes of the same user (KeePassXC's Bootstrap).
void hardenProcess()
{
    const rlimit noCore{0, 0};
    setrlimit(RLIMIT_CORE, &noCore);
    prctl(PR_SET_DUMPABLE, 0, 0, 0, 0);
}

// `heartdesk --version` and `--help` answer on a terminal without a display
// (ssh, help2man at build time) instead of failing to open one.
void answerWithoutDisplay(int argc, char* argv[])
{
    if (!qEnvironmentVariableIsEmpty("QT_QPA_PLATFORM"))
        return;
    for (int i = 1; i < argc; ++i) {
        for (const char* word : {"--version", "-v", "--help", "-h", "-?", "--help-all"}) {
            if (std::strcmp(argv[i], word) == 0) {
                qputenv("QT_QPA_PLATFORM", "offscreen");
                return;
            }
        }
    }
}

// HEARTDESK_GRAB_AND_QUIT=FILE.png, with --demo only (fictional people):
// three seconds after the window appears, saves a picture of it to FILE.png
// and quits. scripts/check-package proves with it that an installed package
// starts and shows the signed-in home.
void grabAndQuitLater()
{
    const QString file = qEnvironmentVariable("HEARTDESK_GRAB_AND_QUIT");
    if (file.isEmpty() || !QCoreApplication::arguments().contains(QStringLiteral("--demo")))
        return;
    QTimer::singleShot(3000, qApp, [file] {
        for (QWidget* window : QApplication::topLevelWidgets()) {
            if (window->objectName() != QLatin1String("mainWindow") || !window->isVisible())
                continue;
            const QPixmap picture = window->grab();
            const bool saved = picture.save(file, "PNG");
            std::printf("heartdesk: window \"%s\" %dx%d %s %s\n", qPrintable(window->windowTitle()),
                        picture.width(), picture.height(), saved ? "saved to" : "NOT saved to",
                        qPrintable(file));
            std::fflush(stdout);
            QCoreApplication::exit(saved ? 0 : 1);
            return;
        }
        std::printf("heartdesk: no window on screen to grab\n");
        std::fflush(stdout);
        QCoreApplication::exit(1);
    });
}

} // namespace

int main(int argc, char* argv[])
{
    hardenProcess();
    answerWithoutDisplay(argc, argv);
    QApplication app(argc, argv);
    QApplication::setOrganizationName(QStringLiteral("heartdesk"));
    // Also the class of the window (WM_CLASS "heartdesk"), the desktop entry's StartupWMClass.
    QApplication::setApplicationName(QStringLiteral("heartdesk"));
    QApplication::setApplicationDisplayName(QStringLiteral("HEART Desk"));
    QApplication::setApplicationVersion(QStringLiteral(HEARTDESK_VERSION));
    // Wayland's app_id: the desktop shell finds the menu entry and its icon by it.
    QGuiApplication::setDesktopFileName(QLatin1String(kAppId));
    QApplication::setWindowIcon(QIcon::fromTheme(QLatin1String(kAppId)));
    heart::ui::Startup startup;
    const int early = startup.run(app);
    if (early >= 0)
        return early;
    grabAndQuitLater();
    return QApplication::exec();
}
