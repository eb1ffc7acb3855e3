#pragma once
// Everything main() does between parsing arguments and the event loop:
// the command line, the language, opening (or creating the demo) database,
// and the first window. Lives here so its strings are translated.
#include "core/Clock.h"

#include <QCoreApplication>
#include <QString>
#include <memory>

class QApplication;

namespace heart::store {
class Database;
}

namespace heart::ui {

class LanguageSwitcher;
class MainWindow;

class Startup
{
    Q_DECLARE_TR_FUNCTIONS(Startup)

public:
    Startup();
    ~Startup();

    // Returns the process exit code if the program should stop now
    // (--help, a bad argument, the user quit), or -1 to run the event loop.
    int run(QApplication& app);

    static QString demoDatabasePath();

private:
    bool prepareDemo(const QString& path, quint64 seed);
    void announceFocus();

    std::unique_ptr<store::Database> m_db;
    std::unique_ptr<LanguageSwitcher> m_language;
    std::unique_ptr<MainWindow> m_window;
};

} // namespace heart::ui
