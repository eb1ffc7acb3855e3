#include "shell/SignInPage.h"

#include <QEvent>
#include <QFormLayout>
#include <QFrame>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QVBoxLayout>

namespace heart::ui {

SignInPage::SignInPage(QWidget* parent)
    : QWidget(parent), m_title(new QLabel(this)), m_subtitle(new QLabel(this)), m_database(new QLabel(this)),
      m_loginLabel(new QLabel(this)), m_login(new QLineEdit(this)), m_passwordLabel(new QLabel(this)),
      m_password(new QLineEdit(this)), m_error(new QLabel(this)), m_submit(new QPushButton(this)),
      m_otherUser(new QPushButton(this))
{
    setObjectName(QStringLiteral("signInPage"));
    m_login->setObjectName(QStringLiteral("signInLogin"));
    m_password->setObjectName(QStringLiteral("signInPassword"));
    m_submit->setObjectName(QStringLiteral("signInSubmit"));
    m_otherUser->setObjectName(QStringLiteral("signInOtherUser"));
    m_error->setObjectName(QStringLiteral("signInError"));
    m_password->setEchoMode(QLineEdit::Password);
    m_login->setMaxLength(32);
    m_submit->setDefault(true);
    m_submit->setAutoDefault(true);
    m_error->setWordWrap(true);
    m_error->setStyleSheet(QStringLiteral("color: #b00020; font-weight: 600;"));
    m_error->hide();
    QFont titleFont = m_title->font();
    titleFont.setPointSizeF(titleFont.pointSizeF() * 1.6);
    titleFont.setBold(true);
    m_title->setFont(titleFont);
    m_subtitle->setWordWrap(true);
    m_database->setStyleSheet(QStringLiteral("color: palette(mid);"));
    m_loginLabel->setBuddy(m_login);
    m_passwordLabel->setBuddy(m_password);

    auto* card = new QFrame(this);
    card->setFrameShape(QFrame::StyledPanel);
    card->setMaximumWidth(460);
    auto* form = new QFormLayout;
    form->addRow(m_loginLabel, m_login);
    form->addRow(m_passwordLabel, m_password);
    auto* cardLayout = new QVBoxLayout(card);
    cardLayout->setContentsMargins(28, 24, 28, 24);
    cardLayout->setSpacing(12);
    cardLayout->addWidget(m_title);
    cardLayout->addWidget(m_subtitle);
    cardLayout->addLayout(form);
    cardLayout->addWidget(m_error);
    cardLayout->addWidget(m_submit);
    cardLayout->addWidget(m_otherUser);
    cardLayout->addWidget(m_database);

    auto* outer = new QVBoxLayout(this);
    outer->addStretch(1);
    outer->addWidget(card, 0, Qt::AlignHCenter);
    outer->addStretch(2);

    connect(m_submit, &QPushButton::clicked, this, &SignInPage::submit);
    connect(m_login, &QLineEdit::returnPressed, this, [this] { m_password->setFocus(); });
    connect(m_password, &QLineEdit::returnPressed, this, &SignInPage::submit);
    connect(m_otherUser, &QPushButton::clicked, this, &SignInPage::switchToOtherUser);
    retranslate();
}

void SignInPage::showSignIn(const QString& databaseDescription)
{
    m_unlockMode = false;
    m_databaseDescription = databaseDescription;
    m_login->clear();
    m_login->setEnabled(true);
    m_login->show();
    m_loginLabel->show();
    m_password->clear();
    m_error->hide();
    m_otherUser->hide();
    retranslate();
    m_login->setFocus();
}

void SignInPage::showUnlock(const QString& displayName, const QString& databaseDescription)
{
    m_unlockMode = true;
    m_lockedName = displayName;
    m_databaseDescription = databaseDescription;
    m_login->hide();
    m_loginLabel->hide();
    m_password->clear();
    m_error->hide();
    m_otherUser->show();
    retranslate();
    m_password->setFocus();
}

void SignInPage::showError(const QString& message)
{
    m_error->setText(message);
    m_error->show();
    m_password->clear();
    m_password->setFocus();
    Q_EMIT errorShown();
}

void SignInPage::submit()
{
    Q_EMIT submitted();
    const QString password = m_password->text();
    m_password->clear();
    if (m_unlockMode) {
        Q_EMIT unlockRequested(password);
        return;
    }
    if (m_login->text().trimmed().isEmpty()) {
        showError(tr("Enter your user ID."));
        m_login->setFocus();
        return;
    }
    Q_EMIT signInRequested(m_login->text().trimmed(), password);
}

void SignInPage::switchToOtherUser()
{
    // The locked session stays; its unsaved work is kept as a draft if the
    // other user signs in.
    m_unlockMode = false;
    m_login->clear();
    m_login->show();
    m_loginLabel->show();
    m_otherUser->hide();
    m_error->hide();
    retranslate();
    m_login->setFocus();
}

void SignInPage::changeEvent(QEvent* event)
{
    if (event->type() == QEvent::LanguageChange)
        retranslate();
    QWidget::changeEvent(event);
}

void SignInPage::retranslate()
{
    m_title->setText(m_unlockMode ? tr("Session locked") : tr("Sign in to HEART Desk"));
    m_subtitle->setText(
        m_unlockMode ? tr("%1, the screen was locked after a period of inactivity. Enter your password to "
                          "continue where you left off.")
                           .arg(m_lockedName)
                     : tr("Holistic Empathetic Assistance Response Teams"));
    m_loginLabel->setText(tr("&User ID:"));
    m_passwordLabel->setText(tr("&Password:"));
    m_submit->setText(m_unlockMode ? tr("&Unlock") : tr("&Sign in"));
    m_otherUser->setText(tr("Sign in as &another user"));
    m_database->setText(tr("Database: %1").arg(m_databaseDescription));
    m_login->setAccessibleName(tr("User ID"));
    m_password->setAccessibleName(tr("Password"));
}

} // namespace heart::ui
