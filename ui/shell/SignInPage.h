#pragma once
// The sign-in screen, also used to unlock a session after automatic logoff
// (then only the password is asked, or another user may sign in instead).
#include <QWidget>

class QLabel;
class QLineEdit;
class QPushButton;

namespace heart::ui {

class SignInPage : public QWidget
{
    Q_OBJECT

public:
    explicit SignInPage(QWidget* parent = nullptr);

    void showSignIn(const QString& databaseDescription);
    // Locked session of `displayName`: password to continue, or someone else signs in.
    void showUnlock(const QString& displayName, const QString& databaseDescription);
    void showError(const QString& message);
    bool isUnlockMode() const { return m_unlockMode; }

Q_SIGNALS:
    void signInRequested(const QString& login, const QString& password);
    void unlockRequested(const QString& password);
    // Sign in (or Unlock) was pressed: before anything is checked.
    void submitted();
    // A refusal (or a missing user ID) is shown: each time, even with the same words.
    void errorShown();

protected:
    void changeEvent(QEvent* event) override;

private:
    void submit();
    void switchToOtherUser();
    void retranslate();

    QLabel* m_title;
    QLabel* m_subtitle;
    QLabel* m_database;
    QLabel* m_loginLabel;
    QLineEdit* m_login;
    QLabel* m_passwordLabel;
    QLineEdit* m_password;
    QLabel* m_error;
    QPushButton* m_submit;
    QPushButton* m_otherUser;
    QString m_lockedName;
    QString m_databaseDescription;
    bool m_unlockMode = false;
};

} // namespace heart::ui
