#pragma once
// The one window of HEART Desk: first-run setup, sign-in, the role's home
// screen, automatic logoff and the status bar (user, role, database,
// connection).
#include "core/Clock.h"
#include "store/AccountStore.h"
#include "store/Actor.h"
#include "usecases/AccountUseCases.h"

#include <QLabel>
#include <QMainWindow>
#include <QPointer>
#include <QTimer>
#include <functional>
#include <optional>

class QActionGroup;
class QMenu;
class QStackedWidget;

namespace heart::store {
class Database;
}

namespace heart::ui {

class FirstAdminPage;
class InactivityMonitor;
class LanguageSwitcher;
class SignInPage;
class VanSync;

class MainWindow : public QMainWindow
{
    Q_OBJECT

public:
    MainWindow(store::Database& db, const Clock& clock, LanguageSwitcher& language,
               QWidget* parent = nullptr);
    ~MainWindow() override;

    // Shows first-run setup on an empty database, else the sign-in page.
    void start();
    // The same path as typing into the sign-in page (used by --demo).
    bool signIn(const QString& login, const QString& password);
    void lock();
    void signOut();

    const std::optional<store::Actor>& actor() const { return m_actor; }
    bool isLocked() const;
    QWidget* home() const { return m_home; }
    InactivityMonitor* inactivityMonitor() const { return m_inactivity; }
    // Null unless the database is a van laptop's store.
    VanSync* vanSync() const { return m_vanSync; }

protected:
    void closeEvent(QCloseEvent* event) override;
    void changeEvent(QEvent* event) override;

private:
    // The signed-in actor's account and session use cases (m_actor must be set).
    usecases::AccountUseCases session() const;
    void createFirstAdministrator(const store::NewUser& user);
    void onSignInRequested(const QString& login, const QString& password);
    void onUnlockRequested(const QString& password);
    void enterSession(const store::Actor& actor);
    void leaveSession(bool keepDrafts);
    void keepDrafts();
    void restoreDrafts();
    void buildHome();
    void buildMenus();
    void updateMenus();
    void updateStatusBar();
    void switchRole(Role role);
    void showAbout();
    void showShortcuts();
    void retranslate();
    // The home's own actions (a counselor's New call and My drafts) at the top of the File menu.
    void installHomeActions();
    // Before the work on screen is set aside (sign-out, another user, another
    // role, quitting): warns, naming them, of calls at imminent risk not saved
    // as calls. True when there are none or the user goes on anyway.
    // question(the calls' titles) is the warning's text.
    bool confirmSettingAsideImminentRisk(const std::function<QString(const QString&)>& question,
                                         const QString& goOn);

    store::Database& m_db;
    const Clock& m_clock;
    LanguageSwitcher& m_language;
    std::optional<store::Actor> m_actor;
    QStackedWidget* m_pages;
    FirstAdminPage* m_firstAdmin;
    SignInPage* m_signIn;
    QPointer<QWidget> m_home;
    InactivityMonitor* m_inactivity;
    VanSync* m_vanSync = nullptr;

    QMenu* m_fileMenu = nullptr;
    QMenu* m_viewMenu = nullptr;
    QMenu* m_roleMenu = nullptr;
    QMenu* m_languageMenu = nullptr;
    QMenu* m_helpMenu = nullptr;
    QAction* m_lockAction = nullptr;
    QAction* m_signOutAction = nullptr;
    QAction* m_quitAction = nullptr;
    QAction* m_homeAction = nullptr;
    QAction* m_englishAction = nullptr;
    QAction* m_spanishAction = nullptr;
    QAction* m_aboutAction = nullptr;
    QAction* m_shortcutsAction = nullptr;
    QAction* m_homeActionsEnd = nullptr; // the separator after the home's actions in the File menu
    QActionGroup* m_roleGroup = nullptr;

    QLabel* m_userLabel;
    QLabel* m_roleLabel;
    QLabel* m_databaseLabel;
    QLabel* m_connectionLabel;
};

} // namespace heart::ui
