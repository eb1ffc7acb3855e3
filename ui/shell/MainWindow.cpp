#include "shell/MainWindow.h"

#include "admin/UserAdminWidget.h"
#include "followup/FollowUpQueueWidget.h"
#include "intake/CounselorHome.h"
#include "report/ReportWindow.h"
#include "roster/RosterWidget.h"
#include "shell/DomainText.h"
#include "shell/DraftSource.h"
#include "shell/FirstAdminPage.h"
#include "shell/InactivityMonitor.h"
#include "shell/LanguageSwitcher.h"
#include "shell/ProgramTime.h"
#include "shell/SignInPage.h"
#include "shell/UiLog.h"
#include "shell/VanSync.h"
#include "store/ChangeFeed.h"
#include "store/Database.h"
#include "store/SettingsStore.h"
#include "units/TeamBoard.h"
#include "units/TeamLeadHome.h"
#include "usecases/AccountUseCases.h"
#include "usecases/SettingsUseCases.h"

#include <QActionGroup>
#include <QApplication>
#include <QCloseEvent>
#include <QJsonDocument>
#include <QMenuBar>
#include <QMessageBox>
#include <QPushButton>
#include <QStackedWidget>
#include <QStatusBar>
#include <QTabWidget>

namespace heart::ui {

MainWindow::MainWindow(store::Database& db, const Clock& clock, LanguageSwitcher& language, QWidget* parent)
    : QMainWindow(parent), m_db(db), m_clock(clock), m_language(language), m_pages(new QStackedWidget(this)),
      m_firstAdmin(new FirstAdminPage(m_pages)), m_signIn(new SignInPage(m_pages)),
      m_inactivity(new InactivityMonitor(clock, this)), m_userLabel(new QLabel(this)),
      m_roleLabel(new QLabel(this)), m_databaseLabel(new QLabel(this)), m_connectionLabel(new QLabel(this))
{
    setObjectName(QStringLiteral("mainWindow"));
    m_userLabel->setObjectName(QStringLiteral("statusUser"));
    m_roleLabel->setObjectName(QStringLiteral("statusRole"));
    m_databaseLabel->setObjectName(QStringLiteral("statusDatabase"));
    m_connectionLabel->setObjectName(QStringLiteral("statusConnection"));
    m_pages->addWidget(m_firstAdmin);
    m_pages->addWidget(m_signIn);
    setCentralWidget(m_pages);
    statusBar()->addWidget(m_userLabel);
    statusBar()->addWidget(m_roleLabel);
    statusBar()->addPermanentWidget(m_databaseLabel);
    statusBar()->addPermanentWidget(m_connectionLabel);
    resize(1180, 760);

    // On a van laptop's store: the background sync with the center.
    m_vanSync = VanSync::create(m_db, m_clock, this);
    if (m_vanSync)
        statusBar()->addPermanentWidget(m_vanSync->statusLabel());
    buildMenus();
    connect(m_firstAdmin, &FirstAdminPage::createRequested, this, &MainWindow::createFirstAdministrator);
    connect(m_signIn, &SignInPage::signInRequested, this, &MainWindow::onSignInRequested);
    connect(m_signIn, &SignInPage::unlockRequested, this, &MainWindow::onUnlockRequested);
    connect(m_inactivity, &InactivityMonitor::idleTimeout, this, &MainWindow::lock);
    connect(&m_db, &store::Database::connectionStateChanged, this, &MainWindow::updateStatusBar);
    connect(&m_language, &LanguageSwitcher::languageChanged, this, &MainWindow::updateMenus);
    // The change feed follows the journal for every screen, notices a lost
    // server connection (its heartbeat) and reconnects by itself.
    store::ChangeFeed::of(m_db);
    // The idle minutes an administrator sets apply on every workstation at
    // once, to the session under way too.
    connect(&store::ChangeFeed::of(m_db), &store::ChangeFeed::changes, this,
            [this](const QList<store::JournalEntry>& entries) {
                for (const store::JournalEntry& entry : entries) {
                    if (entry.recordType == QLatin1String("setting") &&
                        entry.recordId == store::SettingsStore::key(store::Setting::IdleLockMinutes)) {
                        m_inactivity->setIdleLimit(
                            std::chrono::minutes(usecases::SettingsQueries(m_db, m_clock).idleLockMinutes()));
                        return;
                    }
                }
            });
    retranslate();
}

MainWindow::~MainWindow() = default;

usecases::AccountUseCases MainWindow::session() const
{
    return usecases::AccountUseCases({m_db, m_clock, *m_actor});
}

void MainWindow::start()
{
    auto hasUsers = usecases::SignInUseCases(m_db, m_clock).hasUsers();
    if (hasUsers.ok() && !hasUsers.value()) {
        m_firstAdmin->reset(m_db.spec().describe());
        m_pages->setCurrentWidget(m_firstAdmin);
    } else {
        m_signIn->showSignIn(m_db.spec().describe());
        m_pages->setCurrentWidget(m_signIn);
        if (!hasUsers.ok())
            m_signIn->showError(DomainText::errorText(hasUsers.error()));
    }
    updateMenus();
    updateStatusBar();
}

bool MainWindow::isLocked() const
{
    return m_actor.has_value() && m_pages->currentWidget() == m_signIn;
}

void MainWindow::createFirstAdministrator(const store::NewUser& user)
{
    auto created =
        usecases::SignInUseCases(m_db, m_clock).createFirstAdministrator(user, QSysInfo::machineHostName());
    if (!created.ok()) {
        m_firstAdmin->showError(DomainText::errorText(created.error()), created.error().field);
        return;
    }
    enterSession(created.value());
}

bool MainWindow::signIn(const QString& login, const QString& password)
{
    onSignInRequested(login, password);
    return m_actor.has_value() && !isLocked() && m_actor->login() == login;
}

void MainWindow::onSignInRequested(const QString& login, const QString& password)
{
    auto signedIn =
        usecases::SignInUseCases(m_db, m_clock).signIn(login, password, QSysInfo::machineHostName());
    if (!signedIn.ok()) {
        m_signIn->showError(DomainText::errorText(signedIn.error()));
        return;
    }
    if (m_actor && m_actor->userId() == signedIn.value().userId()) {
        // The same person came back through "another user": just unlock.
        session().recordUnlocked();
        m_pages->setCurrentWidget(m_home);
        m_inactivity->arm();
        updateMenus();
        return;
    }
    if (m_actor) {
        // Someone else takes over a locked window: keep the first user's work,
        // but not without a word when a call at imminent risk would be set aside.
        const QString name = m_actor->displayName();
        if (!confirmSettingAsideImminentRisk(
                [&name](const QString& calls) {
                    return tr("%1 left calls at imminent risk that are not saved as calls: %2. Signing in "
                              "puts them "
                              "aside as %1's drafts, where no one else sees them. Sign in anyway?")
                        .arg(name, calls);
                },
                tr("Sign in anyway"))) {
            usecases::AccountUseCases({m_db, m_clock, signedIn.value()}).signOut();
            m_signIn->showUnlock(m_actor->displayName(), m_db.spec().describe());
            m_signIn->showError(tr("Not signed in: %1 has calls at imminent risk on this screen.")
                                    .arg(m_actor->displayName()));
            return;
        }
        leaveSession(true);
    }
    enterSession(signedIn.value());
}

void MainWindow::onUnlockRequested(const QString& password)
{
    if (!m_actor)
        return;
    if (store::StoreError error = session().unlockSession(password)) {
        m_signIn->showError(DomainText::errorText(error));
        return;
    }
    m_pages->setCurrentWidget(m_home);
    m_inactivity->arm();
    updateMenus();
}

void MainWindow::enterSession(const store::Actor& actor)
{
    m_actor = actor;
    ProgramTime::loadZone(m_db); // every time on screen in the program's zone, not the workstation's
    buildHome();
    restoreDrafts();
    m_inactivity->setIdleLimit(
        std::chrono::minutes(usecases::SettingsQueries(m_db, m_clock).idleLockMinutes()));
    m_inactivity->arm();
    qCInfo(lcUi) << "session started, role" << roleCode(actor.role()).data();
    updateMenus();
    updateStatusBar();
}

void MainWindow::leaveSession(bool keep)
{
    if (!m_actor)
        return;
    if (keep)
        keepDrafts();
    session().signOut();
    m_inactivity->disarm();
    if (m_home) {
        m_pages->removeWidget(m_home);
        delete m_home;
    }
    m_actor.reset();
    updateMenus();
    updateStatusBar();
}

void MainWindow::keepDrafts()
{
    if (!m_actor || !m_home)
        return;
    usecases::AccountUseCases drafts = session();
    QList<QWidget*> widgets = m_home->findChildren<QWidget*>();
    widgets.prepend(m_home);
    for (QWidget* widget : std::as_const(widgets)) {
        auto* source = dynamic_cast<DraftSource*>(widget);
        if (!source || !source->hasUnsavedContent())
            continue;
        const QString content =
            QString::fromUtf8(QJsonDocument(source->draftContent()).toJson(QJsonDocument::Compact));
        if (store::StoreError error = drafts.keepDraft(source->draftKey(), content)) {
            // Never lose work silently: tell the user who is still at the screen.
            QMessageBox::warning(
                this, tr("Draft not saved"),
                tr("The unsaved form could not be kept as a draft: %1").arg(DomainText::errorText(error)));
        }
    }
}

void MainWindow::restoreDrafts()
{
    if (!m_actor || !m_home)
        return;
    usecases::AccountUseCases drafts = session();
    auto loaded = drafts.drafts();
    if (!loaded.ok() || loaded.value().isEmpty())
        return;
    QList<QWidget*> widgets = m_home->findChildren<QWidget*>();
    widgets.prepend(m_home);
    for (QWidget* widget : std::as_const(widgets)) {
        auto* source = dynamic_cast<DraftSource*>(widget);
        if (!source || source->keepsOwnDraft() || !loaded.value().contains(source->draftKey()))
            continue;
        const QJsonDocument doc = QJsonDocument::fromJson(loaded.value().value(source->draftKey()).toUtf8());
        source->restoreDraft(doc.object());
        drafts.discardDraft(source->draftKey());
    }
    statusBar()->showMessage(tr("Your unsaved work from the last session was restored."), 10'000);
}

void MainWindow::buildHome()
{
    if (m_home) {
        m_pages->removeWidget(m_home);
        delete m_home;
    }
    Services services{m_db, m_clock, *m_actor};
    switch (homeWorkplace(m_actor->role())) {
    case Workplace::CallQueue:
        m_home = new CounselorHome(services, m_pages);
        break;
    case Workplace::UnitCalls:
        m_home = new TeamLeadHome(services, m_pages);
        break;
    case Workplace::FollowUpQueue:
        m_home = new FollowUpQueueWidget(services, m_pages);
        break;
    case Workplace::ProgramDashboard: {
        auto* tabs = new QTabWidget(m_pages);
        tabs->setObjectName(QStringLiteral("supervisorHome"));
        tabs->addTab(new ReportWindow(services, tabs), QString());
        tabs->addTab(new RosterWidget(services, tabs), QString());
        tabs->addTab(new TeamBoard(services, tabs), QString());
        tabs->addTab(new FollowUpQueueWidget(services, tabs), QString());
        m_home = tabs;
        break;
    }
    case Workplace::Administration:
        m_home = new UserAdminWidget(services, m_pages);
        break;
    }
    m_pages->addWidget(m_home);
    m_pages->setCurrentWidget(m_home);
    installHomeActions();
    retranslate();
    m_home->setFocus();
}

void MainWindow::lock()
{
    if (!m_actor || isLocked())
        return;
    m_inactivity->disarm();
    session().lockSession();
    // The home stays alive behind the lock page: nothing typed is lost.
    m_signIn->showUnlock(m_actor->displayName(), m_db.spec().describe());
    m_pages->setCurrentWidget(m_signIn);
    updateMenus();
}

void MainWindow::signOut()
{
    if (!m_actor)
        return;
    if (!confirmSettingAsideImminentRisk(
            [](const QString& calls) {
                return tr("These calls are at imminent risk and not saved as calls: %1. Signing out keeps "
                          "them only "
                          "as your drafts, where no one else sees them. Sign out anyway?")
                    .arg(calls);
            },
            tr("Sign out anyway")))
        return;
    leaveSession(true);
    m_signIn->showSignIn(m_db.spec().describe());
    m_pages->setCurrentWidget(m_signIn);
}

void MainWindow::switchRole(Role role)
{
    if (!m_actor || m_actor->role() == role)
        return;
    if (!confirmSettingAsideImminentRisk(
            [](const QString& calls) {
                return tr("These calls are at imminent risk and not saved as calls: %1. Changing your role "
                          "keeps them "
                          "only as your drafts, where no one else sees them. Change role anyway?")
                    .arg(calls);
            },
            tr("Change role anyway"))) {
        updateMenus();
        return;
    }
    auto switched = session().switchRole(role);
    if (!switched.ok()) {
        QMessageBox::warning(this, tr("Role not changed"), DomainText::errorText(switched.error()));
        updateMenus();
        return;
    }
    keepDrafts();
    m_actor = switched.value();
    buildHome();
    restoreDrafts();
    updateMenus();
    updateStatusBar();
}

void MainWindow::closeEvent(QCloseEvent* event)
{
    if (m_actor && !confirmSettingAsideImminentRisk(
                       [](const QString& calls) {
                           return tr("These calls are at imminent risk and not saved as calls: %1. Quitting "
                                     "keeps them only as "
                                     "your drafts, where no one else sees them. Quit anyway?")
                               .arg(calls);
                       },
                       tr("Quit anyway"))) {
        event->ignore();
        return;
    }
    leaveSession(true);
    event->accept();
}

bool MainWindow::confirmSettingAsideImminentRisk(const std::function<QString(const QString&)>& question,
                                                 const QString& goOn)
{
    const auto* counselor = qobject_cast<const CounselorHome*>(m_home.data());
    const QStringList calls = counselor ? counselor->unsavedImminentRiskCalls() : QStringList();
    if (calls.isEmpty())
        return true;
    QMessageBox box(QMessageBox::Warning, tr("Calls at imminent risk"),
                    question(calls.join(QStringLiteral(", "))), QMessageBox::NoButton, this);
    box.setObjectName(QStringLiteral("imminentRiskWarning"));
    QPushButton* yes = box.addButton(goOn, QMessageBox::DestructiveRole);
    yes->setObjectName(QStringLiteral("imminentRiskGoOn"));
    QPushButton* stay = box.addButton(QMessageBox::Cancel);
    box.setDefaultButton(stay);
    box.setEscapeButton(stay);
    box.exec();
    return box.clickedButton() == yes;
}

void MainWindow::changeEvent(QEvent* event)
{
    if (event->type() == QEvent::LanguageChange)
        retranslate();
    QMainWindow::changeEvent(event);
}

} // namespace heart::ui
