#pragma once
// Who is acting: the signed-in user, in the role of this session, at this
// workstation. Every store call takes one; the store checks the permission
// table against it and writes it into the audit trail. Only AccountStore
// makes an Actor (by signing in), so no caller can forge a role.
#include "core/Role.h"

#include <QString>

namespace heart::store {

class AccountStore;

class Actor
{
public:
    const QString& userId() const { return m_userId; }
    const QString& login() const { return m_login; }
    const QString& displayName() const { return m_displayName; }
    Role role() const { return m_role; }
    const QString& workstation() const { return m_workstation; }

private:
    friend class AccountStore;
    Actor(QString userId, QString login, QString displayName, Role role, QString workstation)
        : m_userId(std::move(userId)), m_login(std::move(login)), m_displayName(std::move(displayName)),
          m_role(role), m_workstation(std::move(workstation))
    {}

    QString m_userId;
    QString m_login;
    QString m_displayName;
    Role m_role = Role::CallCounselor;
    QString m_workstation;
};

} // namespace heart::store
