#pragma once
// A checkbox per role, with mnemonics, for the admin forms.
#include "core/Role.h"

#include <QList>
#include <QWidget>

class QCheckBox;

namespace heart::ui {

class RoleChecklist : public QWidget
{
    Q_OBJECT

public:
    RoleChecklist(const QString& objectNamePrefix, QWidget* parent = nullptr);

    QList<Role> roles() const;
    void setRoles(const QList<Role>& roles);
    QCheckBox* box(Role role) const;

Q_SIGNALS:
    void changed();

protected:
    void changeEvent(QEvent* event) override;

private:
    void retranslate();
    QList<QCheckBox*> m_boxes; // in the order of kAllRoles
};

} // namespace heart::ui
