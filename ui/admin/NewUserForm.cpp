#include "admin/NewUserForm.h"

#include "admin/RoleChecklist.h"
#include "store/CoreText.h"

#include <QEvent>
#include <QFormLayout>
#include <QJsonArray>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>

namespace heart::ui {

NewUserForm::NewUserForm(QWidget* parent)
    : QGroupBox(parent), m_loginLabel(new QLabel(this)), m_login(new QLineEdit(this)),
      m_nameLabel(new QLabel(this)), m_name(new QLineEdit(this)), m_rolesLabel(new QLabel(this)),
      m_roles(new RoleChecklist(QStringLiteral("newUserRole_"), this)), m_passwordLabel(new QLabel(this)),
      m_password(new QLineEdit(this)), m_confirmLabel(new QLabel(this)), m_confirm(new QLineEdit(this)),
      m_error(new QLabel(this)), m_add(new QPushButton(this))
{
    setObjectName(QStringLiteral("newUserForm"));
    m_login->setObjectName(QStringLiteral("newUserLogin"));
    m_name->setObjectName(QStringLiteral("newUserName"));
    m_password->setObjectName(QStringLiteral("newUserPassword"));
    m_confirm->setObjectName(QStringLiteral("newUserConfirm"));
    m_add->setObjectName(QStringLiteral("addUserButton"));
    m_error->setObjectName(QStringLiteral("newUserError"));
    m_password->setEchoMode(QLineEdit::Password);
    m_confirm->setEchoMode(QLineEdit::Password);
    m_error->setWordWrap(true);
    m_error->setStyleSheet(QStringLiteral("color: #b00020; font-weight: 600;"));
    m_error->hide();
    m_loginLabel->setBuddy(m_login);
    m_nameLabel->setBuddy(m_name);
    m_passwordLabel->setBuddy(m_password);
    m_confirmLabel->setBuddy(m_confirm);

    auto* form = new QFormLayout(this);
    form->addRow(m_loginLabel, m_login);
    form->addRow(m_nameLabel, m_name);
    form->addRow(m_rolesLabel, m_roles);
    form->addRow(m_passwordLabel, m_password);
    form->addRow(m_confirmLabel, m_confirm);
    form->addRow(m_error);
    form->addRow(m_add);
    connect(m_add, &QPushButton::clicked, this, &NewUserForm::submit);
    connect(m_confirm, &QLineEdit::returnPressed, this, &NewUserForm::submit);
    retranslate();
}

void NewUserForm::clear()
{
    for (QLineEdit* edit : {m_login, m_name, m_password, m_confirm})
        edit->clear();
    m_roles->setRoles({});
    m_error->hide();
}

void NewUserForm::showError(const QString& message, const QString& field)
{
    m_error->setText(message);
    m_error->show();
    if (field == QLatin1String("login"))
        m_login->setFocus();
    else if (field == QLatin1String("displayName"))
        m_name->setFocus();
    else if (field == QLatin1String("roles"))
        m_roles->setFocus();
    else
        m_password->setFocus();
}

bool NewUserForm::hasUnsavedContent() const
{
    return !m_login->text().isEmpty() || !m_name->text().isEmpty() || !m_roles->roles().isEmpty();
}

QJsonObject NewUserForm::draftContent() const
{
    QJsonArray roles;
    for (Role role : m_roles->roles())
        roles.append(store::toQString(roleCode(role)));
    return {{QStringLiteral("login"), m_login->text()},
            {QStringLiteral("displayName"), m_name->text()},
            {QStringLiteral("roles"), roles}};
}

void NewUserForm::restoreDraft(const QJsonObject& content)
{
    m_login->setText(content.value(QStringLiteral("login")).toString());
    m_name->setText(content.value(QStringLiteral("displayName")).toString());
    QList<Role> roles;
    const QJsonArray codes = content.value(QStringLiteral("roles")).toArray();
    for (const QJsonValue& code : codes) {
        if (auto role = roleFromCode(code.toString().toStdString()))
            roles.append(*role);
    }
    m_roles->setRoles(roles);
}

void NewUserForm::submit()
{
    if (m_password->text() != m_confirm->text()) {
        m_password->clear();
        m_confirm->clear();
        showError(tr("The two passwords differ."), QStringLiteral("password"));
        return;
    }
    store::NewUser user;
    user.login = m_login->text().trimmed().toLower();
    user.displayName = m_name->text().trimmed();
    user.roles = m_roles->roles();
    user.password = m_password->text();
    m_password->clear();
    m_confirm->clear();
    Q_EMIT addRequested(user);
}

void NewUserForm::changeEvent(QEvent* event)
{
    if (event->type() == QEvent::LanguageChange)
        retranslate();
    QGroupBox::changeEvent(event);
}

void NewUserForm::retranslate()
{
    setTitle(tr("New staff account"));
    m_loginLabel->setText(tr("User &ID:"));
    m_nameLabel->setText(tr("Full na&me:"));
    m_rolesLabel->setText(tr("Roles:"));
    m_passwordLabel->setText(tr("Initial pass&word:"));
    m_confirmLabel->setText(tr("Confirm pa&ssword:"));
    m_add->setText(tr("&Add account"));
}

} // namespace heart::ui
