#pragma once
// The administrator's home: staff accounts (add, roles, password reset,
// deactivate — never delete) and the way to the program settings. The
// store checks the permission table again on every call.
#include "home/Services.h"
#include "store/AccountStore.h"

#include <QWidget>

class QLabel;
class QLineEdit;
class QPushButton;
class QTableWidget;
class QGroupBox;

namespace heart::ui {

class NewUserForm;
class RoleChecklist;

class UserAdminWidget : public QWidget
{
    Q_OBJECT

public:
    explicit UserAdminWidget(Services services, QWidget* parent = nullptr);
    void reload();
    NewUserForm* newUserForm() const { return m_newUser; }

protected:
    void changeEvent(QEvent* event) override;

private:
    void addUser(const store::NewUser& user);
    void showSelected();
    void saveRoles();
    void resetPassword();
    void toggleActive();
    void openSettings();
    void showMessage(const QString& text, bool error);
    const store::UserAccount* selected() const;
    void retranslate();

    Services m_services;
    QList<store::UserAccount> m_users;
    QLabel* m_title;
    QLabel* m_message;
    QTableWidget* m_table;
    NewUserForm* m_newUser;
    QGroupBox* m_selectedBox;
    QLabel* m_selectedName;
    RoleChecklist* m_selectedRoles;
    QPushButton* m_saveRoles;
    QLabel* m_resetLabel;
    QLineEdit* m_resetPassword;
    QLabel* m_resetError; // why the typed password was refused, under the field
    QPushButton* m_reset;
    QPushButton* m_toggleActive;
    QGroupBox* m_settingsBox;
    QLabel* m_settingsText;
    QPushButton* m_openSettings;
};

} // namespace heart::ui
