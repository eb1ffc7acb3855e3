#include "admin/RoleChecklist.h"

#include "shell/DomainText.h"
#include "store/CoreText.h"

#include <QCheckBox>
#include <QEvent>
#include <QGridLayout>

namespace heart::ui {

RoleChecklist::RoleChecklist(const QString& objectNamePrefix, QWidget* parent) : QWidget(parent)
{
    auto* grid = new QGridLayout(this);
    grid->setContentsMargins(0, 0, 0, 0);
    int i = 0;
    for (Role role : kAllRoles) {
        auto* box = new QCheckBox(this);
        box->setObjectName(objectNamePrefix + store::toQString(roleCode(role)));
        connect(box, &QCheckBox::toggled, this, &RoleChecklist::changed);
        grid->addWidget(box, i / 2, i % 2);
        m_boxes.append(box);
        ++i;
    }
    retranslate();
}

QList<Role> RoleChecklist::roles() const
{
    QList<Role> out;
    for (std::size_t i = 0; i < kAllRoles.size(); ++i) {
        if (m_boxes.at(static_cast<qsizetype>(i))->isChecked())
            out.append(kAllRoles[i]);
    }
    return out;
}

void RoleChecklist::setRoles(const QList<Role>& roles)
{
    for (std::size_t i = 0; i < kAllRoles.size(); ++i)
        m_boxes.at(static_cast<qsizetype>(i))->setChecked(roles.contains(kAllRoles[i]));
}

QCheckBox* RoleChecklist::box(Role role) const
{
    for (std::size_t i = 0; i < kAllRoles.size(); ++i) {
        if (kAllRoles[i] == role)
            return m_boxes.at(static_cast<qsizetype>(i));
    }
    return nullptr;
}

void RoleChecklist::changeEvent(QEvent* event)
{
    if (event->type() == QEvent::LanguageChange)
        retranslate();
    QWidget::changeEvent(event);
}

void RoleChecklist::retranslate()
{
    for (std::size_t i = 0; i < kAllRoles.size(); ++i)
        m_boxes.at(static_cast<qsizetype>(i))->setText(DomainText::roleName(kAllRoles[i]));
}

} // namespace heart::ui
