#pragma once
// A database with the demo program (a user for every role, fictional calls)
// and a MainWindow on it, driven offscreen with a ManualClock. The database
// is an SQLite file, or with HEARTDESK_TEST_ENGINE=postgresql a database of
// its own on the server of HEARTDESK_PG_TEST_URL (dropped afterwards).
#include "common/TestDatabase.h"
#include "core/Clock.h"
#include "shell/LanguageSwitcher.h"
#include "shell/MainWindow.h"
#include "store/Database.h"

#include <QTemporaryDir>
#include <functional>
#include <memory>

namespace heart::test {

class UiTestFixture
{
public:
    // withDemo: the demo scenario (every role, passwords "<login>-demo"); else an empty database.
    explicit UiTestFixture(bool withDemo = true);
    // An SQLite file that already exists (e.g. left by a killed heartdesk), opened as it is.
    struct ExistingDatabase
    {
        QString path;
    };
    explicit UiTestFixture(const ExistingDatabase& existing);
    ~UiTestFixture();

    store::Database& db() { return m_db; }
    ManualClock& clock() { return m_clock; }
    ui::LanguageSwitcher& language() { return m_language; }
    ui::MainWindow& window() { return *m_window; }
    QString path() const { return m_path; }
    // PostgreSQL: the server database under test (null on SQLite).
    TestDatabase* server() const { return m_server.get(); }
    bool ok() const { return m_ok; }

    // The demo's published password of `login` (core demoStaff(): "<login>-demo", the administrator's
    // longer).
    static QString demoPassword(const QString& login);
    // Types into the sign-in page with the keyboard, as a user would.
    void typeSignIn(const QString& login, const QString& password);
    static void typeSignIn(ui::MainWindow& window, const QString& login, const QString& password);
    int countRows(const QString& sql);

    // Another workstation on the same database file: a connection and a
    // window of its own, on the fixture's clock and language.
    class Workstation
    {
    public:
        store::Database& db() { return m_db; }
        ui::MainWindow& window() { return *m_window; }
        bool ok() const { return m_ok; }
        void typeSignIn(const QString& login, const QString& password)
        {
            UiTestFixture::typeSignIn(*m_window, login, password);
        }

    private:
        friend class UiTestFixture;
        store::Database m_db;
        std::unique_ptr<ui::MainWindow> m_window;
        bool m_ok = false;
    };
    std::unique_ptr<Workstation> openWorkstation();

private:
    void openWindow();

    store::StoreError openDatabase(store::Database& db);

    QTemporaryDir m_dir;
    QString m_path;
    std::unique_ptr<TestDatabase> m_server; // PostgreSQL: outlives every connection to it
    ManualClock m_clock;
    store::Database m_db;
    ui::LanguageSwitcher m_language;
    std::unique_ptr<ui::MainWindow> m_window;
    bool m_ok = false;
};

// The Alt letters of the controls the user can reach now in `window` (its
// menu bar, tab bars, buttons, group boxes and labels with a buddy, each
// visible) that are used twice: "Alt+k: &Keep mine / &Kind", empty when none.
QStringList clashingMnemonics(QWidget* window);

// Runs `act` on the next modal window once it shows and has the keyboard
// focus (within `timeoutMs`, long enough for a loaded machine); `seen` gets its
// object name (or class name). A modal still open 10 s after `act` is
// rejected, so a test that did not close it fails instead of hanging.
void onNextModal(QString* seen, std::function<void(QWidget*)> act, int timeoutMs = 30000);

} // namespace heart::test
