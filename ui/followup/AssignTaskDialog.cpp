#include "followup/AssignTaskDialog.h"

#include <QDialogButtonBox>
#include <QLabel>
#include <QListWidget>
#include <QPushButton>
#include <QVBoxLayout>

namespace heart::ui {

namespace {
constexpr int kUserIdRole = Qt::UserRole + 1;
}

AssignTaskDialog::AssignTaskDialog(const QList<store::FollowUpAssignee>& people, const QString& currentUserId,
                                   QWidget* parent)
    : QDialog(parent), m_list(new QListWidget(this)), m_assign(new QPushButton(tr("&Assign"), this))
{
    setObjectName(QStringLiteral("assignTaskDialog"));
    setWindowTitle(tr("Assign the task"));
    m_list->setObjectName(QStringLiteral("assigneeList"));
    if (!currentUserId.isEmpty()) {
        auto* nobody = new QListWidgetItem(tr("Nobody: back to the unassigned queue"), m_list);
        nobody->setData(kUserIdRole, QString());
    }
    int first = -1;
    for (const store::FollowUpAssignee& person : people) {
        const bool current = person.userId == currentUserId;
        auto* item = new QListWidgetItem(
            current ? tr("%1 (has it now)").arg(person.displayName) : person.displayName, m_list);
        item->setData(kUserIdRole, person.userId);
        if (current)
            item->setFlags(item->flags() & ~Qt::ItemIsEnabled & ~Qt::ItemIsSelectable);
        else if (first < 0)
            first = m_list->count() - 1;
    }
    if (first >= 0)
        m_list->setCurrentRow(first);

    auto* label = new QLabel(tr("&Give the task to:"), this);
    label->setBuddy(m_list);
    m_assign->setObjectName(QStringLiteral("assignChoose"));
    m_assign->setDefault(true);
    auto* buttons = new QDialogButtonBox(this);
    buttons->addButton(m_assign, QDialogButtonBox::AcceptRole);
    buttons->addButton(QDialogButtonBox::Cancel);
    auto* layout = new QVBoxLayout(this);
    layout->addWidget(label);
    layout->addWidget(m_list, 1);
    layout->addWidget(buttons);

    const auto update = [this] {
        const QListWidgetItem* item = m_list->currentItem();
        m_assign->setEnabled(item && (item->flags() & Qt::ItemIsEnabled));
    };
    connect(m_list, &QListWidget::currentItemChanged, this, update);
    connect(m_list, &QListWidget::itemActivated, this, [this](QListWidgetItem* item) {
        if (item && (item->flags() & Qt::ItemIsEnabled))
            accept();
    });
    connect(buttons, &QDialogButtonBox::accepted, this, &QDialog::accept);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    update();
    m_list->setFocus();
    resize(380, 360);
}

QString AssignTaskDialog::chosenUserId() const
{
    const QListWidgetItem* item = m_list->currentItem();
    return item ? item->data(kUserIdRole).toString() : QString();
}

bool AssignTaskDialog::choose(const QString& displayName)
{
    for (int row = 0; row < m_list->count(); ++row) {
        QListWidgetItem* item = m_list->item(row);
        if (item->text() == displayName && (item->flags() & Qt::ItemIsEnabled)) {
            m_list->setCurrentItem(item);
            return true;
        }
    }
    return false;
}

} // namespace heart::ui
