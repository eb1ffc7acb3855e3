#include "followup/TaskWriteDialog.h"

#include "shell/ChangedElsewhereBar.h"
#include "shell/DomainText.h"
#include "usecases/FollowUpUseCases.h"

#include <QBoxLayout>

namespace heart::ui {

void TaskWriteDialog::watchTask(const Services& services, const QString& taskId, int version, Write write)
{
    m_services.emplace(services);
    m_taskId = taskId;
    m_write = std::move(write);
    if (!m_bar) {
        m_bar = new ChangedElsewhereBar(*m_services, this);
        if (auto* box = qobject_cast<QBoxLayout*>(layout()))
            box->insertWidget(0, m_bar); // on top, above what the navigator is filling in
        // A dialog is what the navigator is typing in: always their choice.
        connect(m_bar, &ChangedElsewhereBar::changedElsewhere, this,
                [this](const store::JournalEntry& entry) {
                    m_bar->showChange(entry, true);
                    fitToBar();
                });
        connect(m_bar, &ChangedElsewhereBar::reloadTheirs, this, [this] { done(ReloadTheirs); });
        connect(m_bar, &ChangedElsewhereBar::keepMine, this, &TaskWriteDialog::keepMine);
    }
    m_bar->watch(store::FollowUpStore::recordType(), taskId, version);
}

void TaskWriteDialog::accept()
{
    if (!m_write) {
        QDialog::accept();
        return;
    }
    if (m_bar->isAwaitingChoice())
        return; // the bar's two buttons decide first
    auto result = m_write(m_bar->version());
    if (!result.ok() && result.error().code == store::StoreErrorCode::Conflict) {
        m_bar->showConflict(); // what is typed stays; the navigator chooses
        fitToBar();
        return;
    }
    m_written = std::move(result);
    QDialog::accept();
}

void TaskWriteDialog::fitToBar()
{
    // The dialog was sized without the bar: grow it so the bar's wrapped
    // lines are not drawn over what is below.
    layout()->activate();
    const int needed = layout()->hasHeightForWidth() ? layout()->totalHeightForWidth(width())
                                                     : layout()->totalSizeHint().height();
    if (height() < needed)
        resize(width(), needed);
}

void TaskWriteDialog::keepMine()
{
    // Their version becomes the base; what is typed is saved over it.
    auto fresh = usecases::FollowUpUseCases(*m_services).open(m_taskId);
    if (!fresh.ok()) {
        m_written = fresh.error();
        QDialog::accept(); // the queue says what went wrong, as for any write
        return;
    }
    m_bar->setVersion(fresh.value().task.version);
    accept();
}

} // namespace heart::ui
