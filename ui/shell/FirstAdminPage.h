#pragma once
// Shown once, on an empty database: the person installing HEART Desk
// creates the first administrator account.
#include "store/AccountStore.h"

#include <QWidget>

class QLabel;
class QLineEdit;
class QPushButton;

namespace heart::ui {

class FirstAdminPage : public QWidget
{
    Q_OBJECT

public:
    explicit FirstAdminPage(QWidget* parent = nullptr);
    void reset(const QString& databaseDescription);
    void showError(const QString& message, const QString& field = {});

Q_SIGNALS:
    void createRequested(const heart::store::NewUser& user);

protected:
    void changeEvent(QEvent* event) override;

private:
    void submit();
    void retranslate();

    QLabel* m_title;
    QLabel* m_intro;
    QLabel* m_loginLabel;
    QLineEdit* m_login;
    QLabel* m_nameLabel;
    QLineEdit* m_name;
    QLabel* m_passwordLabel;
    QLineEdit* m_password;
    QLabel* m_confirmLabel;
    QLineEdit* m_confirm;
    QLabel* m_error;
    QLabel* m_database;
    QPushButton* m_submit;
    QString m_databaseDescription;
};

} // namespace heart::ui
