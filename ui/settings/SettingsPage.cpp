#include "settings/SettingsPage.h"

#include "shell/DomainText.h"

#include <QLabel>

namespace heart::ui {

SettingsPage::SettingsPage(Services services, QWidget* parent)
    : QWidget(parent), m_services(std::move(services)), m_message(new QLabel(this))
{
    m_message->setWordWrap(true);
    m_message->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_message->hide();
}

void SettingsPage::markEdited()
{
    m_unsaved = true;
}

void SettingsPage::markSaved()
{
    m_unsaved = false;
}

void SettingsPage::noteChangedElsewhere()
{
    showMessage(tr("This setting was changed on another workstation meanwhile. Saving replaces that change "
                   "with what is shown here; Reload shows it."),
                true);
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
