#include "intake/DraftListDialog.h"

#include <QDialogButtonBox>
#include <QHeaderView>
#include <QLabel>
#include <QPushButton>
#include <QTreeWidget>
#include <QVBoxLayout>

namespace heart::ui {

namespace {
constexpr int kFormRole = Qt::UserRole + 1;
}

DraftListDialog::DraftListDialog(const QList<Entry>& entries, QWidget* parent)
    : QDialog(parent), m_list(new QTreeWidget(this)), m_empty(new QLabel(this))
{
    setObjectName(QStringLiteral("myDraftsDialog"));
    setWindowTitle(tr("My drafts"));
    auto* intro = new QLabel(tr("Calls kept only as your drafts. Enter reopens the selected one."), this);
    intro->setWordWrap(true);
    m_list->setObjectName(QStringLiteral("myDraftsList"));
    m_list->setRootIsDecorated(false);
    m_list->setAllColumnsShowFocus(true);
    m_list->setUniformRowHeights(true);
    m_list->setHeaderLabels({tr("CAD number"), tr("Received"), tr("Call type"), tr("Last saved")});
    m_list->setAccessibleName(tr("My drafts"));
    for (const Entry& entry : entries) {
        auto* item = new QTreeWidgetItem(
            m_list, {entry.cadNumber.isEmpty() ? tr("(no number)") : entry.cadNumber, entry.received,
                     entry.callType.isEmpty() ? tr("(not chosen)") : entry.callType, entry.saved});
        item->setData(0, kFormRole, entry.form);
        if (entry.imminentRisk) {
            item->setText(0, tr("%1 — imminent risk").arg(item->text(0)));
            for (int column = 0; column < m_list->columnCount(); ++column)
                item->setForeground(column, QColor(0xb0, 0x00, 0x20));
        }
    }
    m_list->header()->setSectionResizeMode(QHeaderView::ResizeToContents);
    m_list->setCurrentItem(m_list->topLevelItem(0));
    m_empty->setObjectName(QStringLiteral("myDraftsEmpty"));
    m_empty->setText(tr("You have no calls kept as drafts."));
    m_empty->setVisible(entries.isEmpty());
    m_list->setVisible(!entries.isEmpty());

    auto* buttons = new QDialogButtonBox(QDialogButtonBox::Open | QDialogButtonBox::Cancel, this);
    buttons->button(QDialogButtonBox::Open)->setText(tr("Reopen"));
    buttons->button(QDialogButtonBox::Open)->setEnabled(!entries.isEmpty());
    connect(buttons, &QDialogButtonBox::accepted, this, &DraftListDialog::choose);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    connect(m_list, &QTreeWidget::itemActivated, this, &DraftListDialog::choose);

    auto* layout = new QVBoxLayout(this);
    layout->addWidget(intro);
    layout->addWidget(m_list, 1);
    layout->addWidget(m_empty);
    layout->addWidget(buttons);
    resize(640, 320);
    m_list->setFocus();
}

void DraftListDialog::choose()
{
    const QTreeWidgetItem* item = m_list->currentItem();
    if (!item)
        return;
    m_chosen = item->data(0, kFormRole).toString();
    accept();
}

} // namespace heart::ui
