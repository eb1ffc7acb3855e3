#include "settings/IdleLockPage.h"

#include "shell/DomainText.h"
#include "store/SettingsStore.h"
#include "usecases/SettingsUseCases.h"

#include <QFormLayout>
#include <QLabel>
#include <QPushButton>
#include <QSpinBox>
#include <QVBoxLayout>

namespace heart::ui {

IdleLockPage::IdleLockPage(Services services, QWidget* parent)
    : SettingsPage(std::move(services), parent), m_intro(new QLabel(this)), m_minutesLabel(new QLabel(this)),
      m_minutes(new QSpinBox(this)), m_minutesError(makeFieldError(this, QStringLiteral("idleMinutesError"))),
      m_save(new QPushButton(this))
{
    setObjectName(QStringLiteral("idleLockPage"));
    messageLabel()->setObjectName(QStringLiteral("idleLockMessage"));
    m_intro->setWordWrap(true);
    m_minutes->setObjectName(QStringLiteral("idleMinutes"));
    // Wider than the rule (1 to 240) so that the store's check, the CLI's, says what is allowed.
    m_minutes->setRange(0, 9999);
    m_minutesLabel->setBuddy(m_minutes);
    m_save->setObjectName(QStringLiteral("saveSettingsButton"));
    m_save->setDefault(true);

    auto* form = new QFormLayout;
    form->setFieldGrowthPolicy(QFormLayout::FieldsStayAtSizeHint);
    form->addRow(m_minutesLabel, m_minutes);
    form->addRow(QString(), m_minutesError);
    auto* layout = new QVBoxLayout(this);
    layout->addWidget(m_intro);
    layout->addLayout(form);
    layout->addWidget(messageArea());
    layout->addWidget(m_save, 0, Qt::AlignLeft);
    layout->addStretch(1);

    connect(m_minutes, &QSpinBox::valueChanged, this, [this] { markEdited(); });
    connect(m_save, &QPushButton::clicked, this, &IdleLockPage::save);
    retranslate();
    reload();
}

void IdleLockPage::reload()
{
    m_minutes->blockSignals(true);
    m_minutes->setValue(usecases::SettingsUseCases(m_services).idleLockMinutes());
    m_minutes->blockSignals(false);
    showFieldError(m_minutesError, {});
    markSaved();
}

void IdleLockPage::setEditable(bool editable)
{
    m_minutes->setReadOnly(!editable);
    m_minutes->setButtonSymbols(editable ? QAbstractSpinBox::UpDownArrows : QAbstractSpinBox::NoButtons);
    m_save->setVisible(editable);
}

void IdleLockPage::save()
{
    clearMessage();
    const int minutes = m_minutes->value();
    if (store::StoreError error =
            usecases::SettingsUseCases(m_services).setIdleLockMinutes(minutes, readVersion())) {
        if (showIfStale(error))
            return;
        if (error.field == QLatin1String("idleLockMinutes")) {
            showFieldError(m_minutesError, DomainText::errorText(error));
            m_minutes->setFocus();
            m_minutes->selectAll();
        } else {
            showMessage(DomainText::errorText(error), true);
        }
        return;
    }
    showFieldError(m_minutesError, {});
    markSaved();
    showMessage(tr("Saved. Every workstation now locks after %n idle minute(s).", nullptr, minutes), false);
}

void IdleLockPage::retranslate()
{
    m_intro->setText(tr("A workstation nobody has used for this long locks itself: the person signed in "
                        "types their password to go on. Records on screen stay hidden meanwhile."));
    m_minutesLabel->setText(tr("&Lock after idle minutes:"));
    m_minutes->setAccessibleName(tr("Lock after idle minutes"));
    m_minutes->setSuffix(tr(" min"));
    m_save->setText(tr("&Save"));
}

QString IdleLockPage::title() const
{
    return tr("&Auto-lock");
}

QStringList IdleLockPage::settingKeys() const
{
    return {store::SettingsStore::key(store::Setting::IdleLockMinutes)};
}

} // namespace heart::ui
