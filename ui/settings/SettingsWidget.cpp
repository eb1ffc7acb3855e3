#include "settings/SettingsWidget.h"

#include "home/LiveRefresh.h"
#include "settings/BeatMapPage.h"
#include "settings/CrisisServicesPage.h"
#include "settings/FollowUpPolicyPage.h"
#include "settings/IdleLockPage.h"
#include "settings/NatureCodesPage.h"
#include "usecases/SettingsUseCases.h"

#include <QEvent>
#include <QLabel>
#include <QTabWidget>
#include <QVBoxLayout>
#include <utility>

namespace heart::ui {

SettingsWidget::SettingsWidget(Services services, QWidget* parent)
    : QWidget(parent), m_services(std::move(services)),
      m_editable(usecases::SettingsUseCases(m_services).canEdit()), m_title(new QLabel(this)),
      m_note(new QLabel(this)), m_tabs(new QTabWidget(this)),
      m_live(new LiveRefresh(m_services, usecases::Freshness::Settings, this))
{
    setObjectName(QStringLiteral("settingsWidget"));
    QFont titleFont = m_title->font();
    titleFont.setPointSizeF(titleFont.pointSizeF() * 1.4);
    titleFont.setBold(true);
    m_title->setFont(titleFont);
    m_note->setObjectName(QStringLiteral("settingsNote"));
    m_note->setWordWrap(true);
    m_tabs->setObjectName(QStringLiteral("settingsTabs"));

    m_pages = {new IdleLockPage(m_services, m_tabs), new CrisisServicesPage(m_services, m_tabs),
               new FollowUpPolicyPage(m_services, m_tabs), new NatureCodesPage(m_services, m_tabs),
               new BeatMapPage(m_services, m_tabs)};
    for (SettingsPage* page : std::as_const(m_pages)) {
        page->setEditable(m_editable);
        m_tabs->addTab(page, page->title());
    }

    auto* layout = new QVBoxLayout(this);
    layout->addWidget(m_title);
    layout->addWidget(m_note);
    layout->addWidget(m_tabs, 1);

    connect(m_live, &LiveRefresh::recordsChanged, this, &SettingsWidget::takeRecords);
    connect(m_live, &LiveRefresh::changed, this, &SettingsWidget::changedElsewhere);
    m_live->markCurrent();
    retranslate();
}

void SettingsWidget::reload()
{
    m_live->markCurrent();
    m_changedKeys.clear();
    for (SettingsPage* page : std::as_const(m_pages))
        page->reload();
}

void SettingsWidget::takeRecords(const QList<store::JournalEntry>& entries)
{
    for (const store::JournalEntry& entry : entries)
        m_changedKeys.insert(entry.recordId);
}

void SettingsWidget::changedElsewhere()
{
    m_live->markCurrent();
    const QSet<QString> changed = std::exchange(m_changedKeys, {});
    for (SettingsPage* page : std::as_const(m_pages)) {
        bool mine = false;
        for (const QString& key : page->settingKeys())
            mine = mine || changed.contains(key);
        if (!mine)
            continue;
        if (page->hasUnsavedEdits())
            page->noteChangedElsewhere();
        else
            page->reload();
    }
}

void SettingsWidget::changeEvent(QEvent* event)
{
    if (event->type() == QEvent::LanguageChange)
        retranslate();
    QWidget::changeEvent(event);
}

void SettingsWidget::retranslate()
{
    m_title->setText(tr("Program settings"));
    m_note->setText(m_editable
                        ? tr("Each change is checked before it is stored, written to the audit trail, and in "
                             "force on every workstation at once.")
                        : tr("You can read these settings; only an administrator changes them."));
    for (int index = 0; index < int(m_pages.size()); ++index) {
        m_pages.at(index)->retranslate();
        m_tabs->setTabText(index, m_pages.at(index)->title());
    }
}

} // namespace heart::ui
