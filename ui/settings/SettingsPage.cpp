#include "settings/SettingsPage.h"

#include "shell/DomainText.h"
#include "usecases/SettingsUseCases.h"

#include <QHBoxLayout>
#include <QLabel>
#include <QLocale>
#include <QPushButton>

namespace heart::ui {

SettingsPage::SettingsPage(Services services, QWidget* parent)
    : QWidget(parent), m_services(std::move(services)), m_messageArea(new QWidget(this)),
      m_message(new QLabel(m_messageArea)), m_reload(new QPushButton(m_messageArea))
{
    m_message->setWordWrap(true);
    m_message->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_message->hide();
    m_reload->setObjectName(QStringLiteral("settingsReloadButton"));
    m_reload->hide();
    auto* layout = new QHBoxLayout(m_messageArea);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_message, 1);
    layout->addWidget(m_reload, 0, Qt::AlignTop);
    connect(m_reload, &QPushButton::clicked, this, [this] {
        reload();
        clearMessage();
        showMessage(tr("Reloaded: this is the setting as saved now."), false);
    });
}

void SettingsPage::markEdited()
{
    m_unsaved = true;
}

void SettingsPage::markSaved()
{
    m_unsaved = false;
    const QStringList keys = settingKeys();
    m_readVersion = keys.isEmpty() ? 0 : usecases::SettingsUseCases(m_services).version(keys.first());
}

void SettingsPage::noteChangedElsewhere()
{
    showMessage(tr("This setting was changed on another workstation meanwhile: saving what is shown here "
                   "would be refused. \"Update to the saved setting\" shows what was saved there."),
                true);
    m_reload->setText(tr("&Update to the saved setting"));
    m_reload->show();
}

bool SettingsPage::showIfStale(const store::StoreError& error)
{
    if (error.code != store::StoreErrorCode::Conflict || !settingKeys().contains(error.field))
        return false;
    const store::SettingVersion last = usecases::SettingsUseCases(m_services).lastSaved(error.field);
    const QString who = last.savedByName.isEmpty() ? tr("another administrator") : last.savedByName;
    const QString when = last.savedAt.isValid()
                             ? QLocale().toString(last.savedAt.toLocalTime(), QLocale::ShortFormat)
                             : tr("a moment ago");
    showMessage(tr("Not saved: %1 saved this setting at %2, after this screen read it. \"Update to the "
                   "saved setting\" shows what they saved (what is shown here is then dropped); change it "
                   "again from there if need be.")
                    .arg(who, when),
                true);
    m_reload->setText(tr("&Update to the saved setting"));
    m_reload->show();
    m_reload->setFocus();
    return true;
}

void SettingsPage::showMessage(const QString& text, bool error)
{
    m_message->setText(text);
    m_message->setStyleSheet(error ? QStringLiteral("color: #b00020; font-weight: 600;")
                                   : QStringLiteral("color: #1b5e20;"));
    m_message->setAccessibleName(error ? tr("Error") : tr("Saved"));
    m_message->show();
}

void SettingsPage::clearMessage()
{
    m_message->clear();
    m_message->hide();
    m_reload->hide();
}

QLabel* SettingsPage::makeFieldError(QWidget* parent, const QString& objectName)
{
    auto* label = new QLabel(parent);
    label->setObjectName(objectName);
    label->setWordWrap(true);
    label->setStyleSheet(QStringLiteral("color: #b00020; font-weight: 600;"));
    label->hide();
    return label;
}

void SettingsPage::showFieldError(QLabel* label, const QString& text)
{
    label->setText(text);
    label->setVisible(!text.isEmpty());
}

QString SettingsPage::refusalText(const store::StoreError& error)
{
    if (error.code == store::StoreErrorCode::InvalidInput && !error.detail.isEmpty())
        return tr("Not saved: %1").arg(error.detail);
    return DomainText::errorText(error);
}

} // namespace heart::ui
