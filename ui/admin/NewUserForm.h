#pragma once
// The administrator's form for a new staff account. Its unsaved content
// (never the password) survives an automatic logoff as a draft.
#include "shell/DraftSource.h"
#include "store/AccountStore.h"

#include <QGroupBox>

class QLabel;
class QLineEdit;
class QPushButton;

namespace heart::ui {

class RoleChecklist;

class NewUserForm : public QGroupBox, public DraftSource
{
    Q_OBJECT

public:
    explicit NewUserForm(QWidget* parent = nullptr);

    void clear();
    void showError(const QString& message, const QString& field);

    QString draftKey() const override { return QStringLiteral("admin/new-user"); }
    bool hasUnsavedContent() const override;
    QJsonObject draftContent() const override;
    void restoreDraft(const QJsonObject& content) override;

Q_SIGNALS:
    void addRequested(const heart::store::NewUser& user);

protected:
    void changeEvent(QEvent* event) override;

private:
    void submit();
    void retranslate();

    QLabel* m_loginLabel;
    QLineEdit* m_login;
    QLabel* m_nameLabel;
    QLineEdit* m_name;
    QLabel* m_rolesLabel;
    RoleChecklist* m_roles;
    QLabel* m_passwordLabel;
    QLineEdit* m_password;
    QLabel* m_confirmLabel;
    QLineEdit* m_confirm;
    QLabel* m_error;
    QPushButton* m_add;
};

} // namespace heart::ui
