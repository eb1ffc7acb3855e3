#include "shell/FirstAdminPage.h"

#include <QEvent>
#include <QFormLayout>
#include <QFrame>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QVBoxLayout>

namespace heart::ui {

FirstAdminPage::FirstAdminPage(QWidget* parent)
    : QWidget(parent), m_title(new QLabel(this)), m_intro(new QLabel(this)), m_loginLabel(new QLabel(this)),
      m_login(new QLineEdit(this)), m_nameLabel(new QLabel(this)), m_name(new QLineEdit(this)),
      m_passwordLabel(new QLabel(this)), m_password(new QLineEdit(this)), m_confirmLabel(new QLabel(this)),
      m_confirm(new QLineEdit(this)), m_error(new QLabel(this)), m_database(new QLabel(this)),
      m_submit(new QPushButton(this))
{
    setObjectName(QStringLiteral("firstAdminPage"));
    m_login->setObjectName(QStringLiteral("firstAdminLogin"));
    m_name->setObjectName(QStringLiteral("firstAdminName"));
    m_password->setObjectName(QStringLiteral("firstAdminPassword"));
    m_confirm->setObjectName(QStringLiteral("firstAdminConfirm"));
    m_submit->setObjectName(QStringLiteral("firstAdminSubmit"));
    m_error->setObjectName(QStringLiteral("firstAdminError"));
    m_password->setEchoMode(QLineEdit::Password);
    m_confirm->setEchoMode(QLineEdit::Password);
    m_submit->setDefault(true);
    m_error->setWordWrap(true);
    m_error->setStyleSheet(QStringLiteral("color: #b00020; font-weight: 600;"));
    m_error->hide();
    m_intro->setWordWrap(true);
    QFont titleFont = m_title->font();
    titleFont.setPointSizeF(titleFont.pointSizeF() * 1.5);
    titleFont.setBold(true);
    m_title->setFont(titleFont);
    m_loginLabel->setBuddy(m_login);
    m_nameLabel->setBuddy(m_name);
    m_passwordLabel->setBuddy(m_password);
    m_confirmLabel->setBuddy(m_confirm);

    auto* card = new QFrame(this);
    card->setFrameShape(QFrame::StyledPanel);
    card->setMaximumWidth(520);
    auto* form = new QFormLayout;
    form->addRow(m_loginLabel, m_login);
    form->addRow(m_nameLabel, m_name);
    form->addRow(m_passwordLabel, m_password);
    form->addRow(m_confirmLabel, m_confirm);
    auto* layout = new QVBoxLayout(card);
    layout->setContentsMargins(28, 24, 28, 24);
    layout->addWidget(m_title);
    layout->addWidget(m_intro);
    layout->addLayout(form);
    layout->addWidget(m_error);
    layout->addWidget(m_submit);
    layout->addWidget(m_database);
    auto* outer = new QVBoxLayout(this);
    outer->addStretch(1);
    outer->addWidget(card, 0, Qt::AlignHCenter);
    outer->addStretch(2);

    connect(m_submit, &QPushButton::clicked, this, &FirstAdminPage::submit);
    connect(m_confirm, &QLineEdit::returnPressed, this, &FirstAdminPage::submit);
    retranslate();
}

void FirstAdminPage::reset(const QString& databaseDescription)
{
    m_databaseDescription = databaseDescription;
    for (QLineEdit* edit : {m_login, m_name, m_password, m_confirm})
        edit->clear();
    m_error->hide();
    retranslate();
    m_login->setFocus();
}

void FirstAdminPage::showError(const QString& message, const QString& field)
{
    m_error->setText(message);
    m_error->show();
    m_password->clear();
    m_confirm->clear();
    if (field == QLatin1String("login"))
        m_login->setFocus();
    else if (field == QLatin1String("displayName"))
        m_name->setFocus();
    else
        m_password->setFocus();
}

void FirstAdminPage::submit()
{
    if (m_password->text() != m_confirm->text()) {
        showError(tr("The two passwords differ."), QStringLiteral("password"));
        return;
    }
    store::NewUser user;
    user.login = m_login->text().trimmed().toLower();
    user.displayName = m_name->text().trimmed();
    user.roles = {Role::Administrator};
    user.password = m_password->text();
    m_password->clear();
    m_confirm->clear();
    Q_EMIT createRequested(user);
}

void FirstAdminPage::changeEvent(QEvent* event)
{
    if (event->type() == QEvent::LanguageChange)
        retranslate();
    QWidget::changeEvent(event);
}

void FirstAdminPage::retranslate()
{
    m_title->setText(tr("Welcome to HEART Desk"));
    m_intro->setText(
        tr("This database has no accounts yet. Create the first administrator: this account adds "
           "the other staff and assigns their roles. It cannot open anyone's records."));
    m_loginLabel->setText(tr("&User ID:"));
    m_nameLabel->setText(tr("Full &name:"));
    m_passwordLabel->setText(tr("&Password:"));
    m_confirmLabel->setText(tr("&Confirm password:"));
    m_submit->setText(tr("Create a&dministrator"));
    m_database->setText(tr("Database: %1").arg(m_databaseDescription));
}

} // namespace heart::ui
