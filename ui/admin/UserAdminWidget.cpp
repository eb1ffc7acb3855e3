#include "admin/UserAdminWidget.h"

#include "admin/NewUserForm.h"
#include "admin/RoleChecklist.h"
#include "shell/DomainText.h"
#include "shell/ProgramTime.h"
#include "usecases/AccountUseCases.h"
#include "usecases/AdministratorRole.h"

#include <QAction>
#include <QEvent>
#include <QFormLayout>
#include <QGroupBox>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QLocale>
#include <QPushButton>
#include <QTableWidget>
#include <QVBoxLayout>

namespace heart::ui {

UserAdminWidget::UserAdminWidget(Services services, QWidget* parent)
    : QWidget(parent), m_services(std::move(services)), m_title(new QLabel(this)),
      m_message(new QLabel(this)), m_table(new QTableWidget(this)), m_newUser(new NewUserForm(this)),
      m_selectedBox(new QGroupBox(this)), m_selectedName(new QLabel(this)),
      m_selectedRoles(new RoleChecklist(QStringLiteral("selectedRole_"), this)),
      m_saveRoles(new QPushButton(this)), m_resetLabel(new QLabel(this)),
      m_resetPassword(new QLineEdit(this)), m_resetError(new QLabel(this)), m_reset(new QPushButton(this)),
      m_toggleActive(new QPushButton(this)), m_settingsBox(new QGroupBox(this)),
      m_settingsText(new QLabel(this)), m_openSettings(new QPushButton(this))
{
    setObjectName(QStringLiteral("userAdmin"));
    m_title->setObjectName(QStringLiteral("homeTitle"));
    m_message->setObjectName(QStringLiteral("adminMessage"));
    m_table->setObjectName(QStringLiteral("userTable"));
    m_saveRoles->setObjectName(QStringLiteral("saveRolesButton"));
    m_resetPassword->setObjectName(QStringLiteral("resetPasswordEdit"));
    m_reset->setObjectName(QStringLiteral("resetPasswordButton"));
    m_toggleActive->setObjectName(QStringLiteral("toggleActiveButton"));
    m_openSettings->setObjectName(QStringLiteral("openSettingsButton"));
    QFont titleFont = m_title->font();
    titleFont.setPointSizeF(titleFont.pointSizeF() * 1.4);
    titleFont.setBold(true);
    m_title->setFont(titleFont);
    m_message->setWordWrap(true);
    m_message->hide();
    m_resetPassword->setEchoMode(QLineEdit::Password);
    m_resetError->setObjectName(QStringLiteral("resetPasswordError"));
    m_resetError->setWordWrap(true);
    m_resetError->setStyleSheet(QStringLiteral("color: #b00020; font-weight: 600;"));
    m_resetError->hide();
    m_resetLabel->setBuddy(m_resetPassword);
    m_settingsText->setWordWrap(true);

    m_table->setColumnCount(4);
    m_table->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_table->setSelectionMode(QAbstractItemView::SingleSelection);
    m_table->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_table->verticalHeader()->hide();
    m_table->horizontalHeader()->setStretchLastSection(true);

    auto* selectedForm = new QFormLayout(m_selectedBox);
    selectedForm->addRow(m_selectedName);
    selectedForm->addRow(m_selectedRoles);
    selectedForm->addRow(m_saveRoles);
    selectedForm->addRow(m_resetLabel, m_resetPassword);
    selectedForm->addRow(QString(), m_resetError);
    selectedForm->addRow(m_reset);
    selectedForm->addRow(m_toggleActive);
    auto* settingsForm = new QFormLayout(m_settingsBox);
    settingsForm->addRow(m_settingsText);
    settingsForm->addRow(m_openSettings);

    auto* right = new QVBoxLayout;
    right->addWidget(m_newUser);
    right->addWidget(m_settingsBox);
    right->addStretch(1);
    auto* left = new QVBoxLayout;
    left->addWidget(m_table, 1);
    left->addWidget(m_selectedBox);
    auto* columns = new QHBoxLayout;
    columns->addLayout(left, 3);
    columns->addLayout(right, 2);
    auto* layout = new QVBoxLayout(this);
    layout->addWidget(m_title);
    layout->addWidget(m_message);
    layout->addLayout(columns, 1);

    connect(m_newUser, &NewUserForm::addRequested, this, &UserAdminWidget::addUser);
    connect(m_table, &QTableWidget::itemSelectionChanged, this, &UserAdminWidget::showSelected);
    connect(m_saveRoles, &QPushButton::clicked, this, &UserAdminWidget::saveRoles);
    connect(m_reset, &QPushButton::clicked, this, &UserAdminWidget::resetPassword);
    connect(m_toggleActive, &QPushButton::clicked, this, &UserAdminWidget::toggleActive);
    connect(m_openSettings, &QPushButton::clicked, this, &UserAdminWidget::openSettings);

    retranslate();
    reload();
}

void UserAdminWidget::reload()
{
    const QString keep = selected() ? selected()->id : QString();
    auto result = usecases::AccountUseCases(m_services).users();
    if (!result.ok()) {
        showMessage(DomainText::errorText(result.error()), true);
        return;
    }
    m_users = result.value();
    const QDateTime now = QDateTime::currentDateTimeUtc();
    m_table->blockSignals(true);
    m_table->setRowCount(static_cast<int>(m_users.size()));
    int keepRow = -1;
    for (int row = 0; row < m_users.size(); ++row) {
        const store::UserAccount& user = m_users.at(row);
        QStringList roles;
        for (Role role : user.roles)
            roles.append(DomainText::roleName(role));
        QString status = user.active ? tr("Active") : tr("Deactivated");
        if (user.active && user.lockedUntil.isValid() && user.lockedUntil > now)
            status = tr("Locked until %1").arg(ProgramTime::timeText(user.lockedUntil));
        m_table->setItem(row, 0, new QTableWidgetItem(user.login));
        m_table->setItem(row, 1, new QTableWidgetItem(user.displayName));
        m_table->setItem(row, 2, new QTableWidgetItem(roles.join(QStringLiteral(", "))));
        m_table->setItem(row, 3, new QTableWidgetItem(status));
        if (user.id == keep)
            keepRow = row;
    }
    m_table->resizeColumnsToContents();
    m_table->blockSignals(false);
    if (keepRow >= 0)
        m_table->selectRow(keepRow);
    else if (!m_users.isEmpty())
        m_table->selectRow(0);
    showSelected();
}

const store::UserAccount* UserAdminWidget::selected() const
{
    const int row = m_table->currentRow();
    if (row < 0 || row >= m_users.size())
        return nullptr;
    return &m_users.at(row);
}

void UserAdminWidget::showSelected()
{
    m_resetError->hide();
    const store::UserAccount* user = selected();
    m_selectedBox->setEnabled(user != nullptr);
    if (!user) {
        m_selectedName->clear();
        return;
    }
    m_selectedName->setText(
        QStringLiteral("<b>%1</b> (%2)").arg(user->displayName.toHtmlEscaped(), user->login));
    m_selectedRoles->setRoles(user->roles);
    m_toggleActive->setText(user->active ? tr("&Deactivate account") : tr("Rea&ctivate account"));
}

void UserAdminWidget::showMessage(const QString& text, bool error)
{
    m_message->setText(text);
    m_message->setStyleSheet(error ? QStringLiteral("color: #b00020; font-weight: 600;")
                                   : QStringLiteral("color: #1b5e20; font-weight: 600;"));
    m_message->show();
}

void UserAdminWidget::addUser(const store::NewUser& user)
{
    auto added = usecases::AccountUseCases(m_services).createUser(user);
    if (!added.ok()) {
        m_newUser->showError(DomainText::errorText(added.error()), added.error().field);
        return;
    }
    m_newUser->clear();
    showMessage(tr("Account %1 added.").arg(added.value().login), false);
    reload();
}

void UserAdminWidget::saveRoles()
{
    const store::UserAccount* user = selected();
    if (!user)
        return;
    usecases::AccountUseCases accounts(m_services);
    const QString login = user->login;
    // Making someone an administrator takes a new password that meets the
    // administrator's policy: the one typed under "New password".
    const QList<Role> roles = m_selectedRoles->roles();
    const bool promoted = roles.contains(Role::Administrator) && !user->roles.contains(Role::Administrator);
    const QString password = promoted ? m_resetPassword->text() : QString();
    if (promoted)
        m_resetPassword->clear();
    if (store::StoreError error =
            usecases::setRolesWithPassword(m_services, user->id, roles, user->version, password)) {
        if (error.code == store::StoreErrorCode::WeakPassword) {
            // The reason goes under the password field, which takes the focus for a new one.
            m_message->hide();
            m_resetError->setText(DomainText::errorText(error));
            m_resetError->show();
            m_resetPassword->setFocus();
            return;
        }
        showMessage(DomainText::errorText(error), true);
        return;
    }
    m_resetError->hide();
    showMessage(promoted ? tr("Roles of %1 saved; the new password applies from now on.").arg(login)
                         : tr("Roles of %1 saved.").arg(login),
                false);
    reload();
}

void UserAdminWidget::resetPassword()
{
    const store::UserAccount* user = selected();
    if (!user)
        return;
    usecases::AccountUseCases accounts(m_services);
    const QString login = user->login;
    const QString password = m_resetPassword->text();
    m_resetPassword->clear();
    if (store::StoreError error = accounts.resetPassword(user->id, password)) {
        // Why the password was refused goes under the field, which keeps the focus for another try.
        m_resetError->setText(DomainText::errorText(error));
        m_resetError->show();
        m_resetPassword->setFocus();
        return;
    }
    m_resetError->hide();
    showMessage(tr("Password of %1 reset; any lock is lifted.").arg(login), false);
    reload();
}

void UserAdminWidget::toggleActive()
{
    const store::UserAccount* user = selected();
    if (!user)
        return;
    usecases::AccountUseCases accounts(m_services);
    const QString login = user->login;
    const bool activate = !user->active;
    if (store::StoreError error = accounts.setActive(user->id, activate, user->version)) {
        showMessage(DomainText::errorText(error), true);
        return;
    }
    showMessage(activate ? tr("Account %1 reactivated.").arg(login)
                         : tr("Account %1 deactivated.").arg(login),
                false);
    reload();
}

void UserAdminWidget::openSettings()
{
    // The window's own View menu entry, so there is one way in.
    if (auto* action = window()->findChild<QAction*>(QStringLiteral("actionProgramSettings")))
        action->trigger();
}

void UserAdminWidget::changeEvent(QEvent* event)
{
    if (event->type() == QEvent::LanguageChange) {
        retranslate();
        reload();
    }
    QWidget::changeEvent(event);
}

void UserAdminWidget::retranslate()
{
    m_title->setText(tr("Staff accounts and settings"));
    m_table->setHorizontalHeaderLabels({tr("User ID"), tr("Name"), tr("Roles"), tr("Status")});
    m_table->setAccessibleName(tr("Staff accounts"));
    m_selectedBox->setTitle(tr("Selected account"));
    m_saveRoles->setText(tr("Save &roles"));
    m_resetLabel->setText(tr("&New password:"));
    m_reset->setText(tr("R&eset password"));
    m_settingsBox->setTitle(tr("Program settings"));
    m_settingsText->setText(tr("Auto-lock, crisis services, the follow-up policy and the CAD's nature codes "
                               "have a window of their own (View > Program settings)."));
    m_openSettings->setText(tr("Program settings… (Ctrl+Alt+G)"));
    showSelected();
}

} // namespace heart::ui
