#include "intake/CadDifferencesBar.h"

#include "core/PhoneFormat.h"
#include "shell/DomainText.h"
#include "store/CoreText.h"
#include "usecases/ChangeFeed.h"

#include <QEvent>
#include <QHBoxLayout>
#include <QLabel>
#include <QPushButton>
#include <QVBoxLayout>

namespace heart::ui {

CadDifferencesBar::CadDifferencesBar(Services services, QWidget* parent)
    : QFrame(parent), m_services(std::move(services)), m_text(new QLabel(this)),
      m_accept(new QPushButton(this)), m_dismiss(new QPushButton(this))
{
    setObjectName(QStringLiteral("cadDifferencesBar"));
    setFrameShape(QFrame::StyledPanel);
    setStyleSheet(QStringLiteral("#cadDifferencesBar { background: #e3eefb; border: 1px solid #7aa7d8; }"));
    m_text->setObjectName(QStringLiteral("cadDifferencesText"));
    m_text->setWordWrap(true);
    m_text->setTextFormat(Qt::PlainText);
    m_accept->setObjectName(QStringLiteral("cadDifferencesAccept"));
    m_dismiss->setObjectName(QStringLiteral("cadDifferencesDismiss"));
    for (QPushButton* button : {m_accept, m_dismiss}) {
        button->setAutoDefault(false);
        button->setFocusPolicy(Qt::TabFocus);
    }
    connect(m_accept, &QPushButton::clicked, this, [this] {
        if (m_row && !m_fields.empty())
            Q_EMIT accept(m_row->snapshot, m_fields);
    });
    connect(m_dismiss, &QPushButton::clicked, this, [this] { settle(false); });
    auto* buttons = new QHBoxLayout;
    buttons->addWidget(m_accept);
    buttons->addWidget(m_dismiss);
    buttons->addStretch(1);
    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(8, 6, 8, 6);
    layout->addWidget(m_text);
    layout->addLayout(buttons);
    connect(&usecases::changeFeed(m_services), &store::ChangeFeed::changes, this, &CadDifferencesBar::take);
    render();
    hide();
}

void CadDifferencesBar::setCall(const QString& callId)
{
    m_callId = callId;
    refresh();
}

void CadDifferencesBar::take(const QList<store::JournalEntry>& entries)
{
    if (m_callId.isEmpty())
        return;
    for (const store::JournalEntry& entry : entries)
        if (entry.recordType == QLatin1String("cad_incident") && entry.recordId == m_callId) {
            refresh();
            return;
        }
}

void CadDifferencesBar::refresh()
{
    m_row.reset();
    m_fields.clear();
    if (!m_callId.isEmpty()) {
        auto row = usecases::CadUseCases(m_services).incidentOfCall(m_callId);
        if (row.ok() && row.value()) {
            m_row = row.value();
            // Only a call a counselor has taken holds differences: before, the CAD writes the call itself.
            if (m_row->taken())
                m_fields = cad::changedFields(m_row->baseline, m_row->snapshot);
        }
    }
    render();
    setVisible(!m_fields.empty());
}

bool CadDifferencesBar::settle(bool accepted)
{
    if (!m_row)
        return false;
    const store::StoreError error =
        usecases::CadUseCases(m_services).settleDifferences(m_callId, m_row->version, accepted);
    if (error) {
        Q_EMIT failed(DomainText::errorText(error));
        refresh();
        return false;
    }
    refresh();
    return true;
}

QString CadDifferencesBar::fieldText(cad::CadField field, const cad::CadIncident& incident) const
{
    auto value = [](const std::string& text) {
        return text.empty() ? tr("(none)") : store::toQString(text);
    };
    switch (field) {
    case cad::CadField::Nature:
        return tr("Nature: %1")
            .arg(value(incident.natureText.empty() ? incident.natureCode : incident.natureText));
    case cad::CadField::Address:
        return tr("Address: %1").arg(value(incident.address));
    case cad::CadField::Position:
        return incident.latitude && incident.longitude ? tr("Position: %1, %2")
                                                             .arg(*incident.latitude, 0, 'f', 5)
                                                             .arg(*incident.longitude, 0, 'f', 5)
                                                       : tr("Position: (none)");
    case cad::CadField::CallerName:
        return tr("Caller: %1").arg(value(incident.callerName));
    case cad::CadField::CallerPhone:
        return tr("Callback number: %1").arg(value(phoneForDisplay(incident.callerPhone)));
    case cad::CadField::CallerRelationship:
        return tr("Caller's relationship: %1").arg(value(incident.callerRelationship));
    case cad::CadField::PersonName:
        return tr("Person: %1").arg(value(incident.personName));
    case cad::CadField::PersonAge:
        return incident.personAge ? tr("Age: %1").arg(*incident.personAge) : tr("Age: (none)");
    case cad::CadField::Language:
        return tr("Language: %1%2")
            .arg(value(incident.language), incident.interpreter ? tr(", interpreter needed") : QString());
    case cad::CadField::Flags: {
        QStringList flags;
        for (const std::string& flag : incident.flags)
            flags.append(store::toQString(flag));
        return tr("Flags: %1").arg(flags.isEmpty() ? tr("(none)") : flags.join(QStringLiteral(", ")));
    }
    case cad::CadField::Notes:
        return tr("Notes and cautions changed");
    }
    return {};
}

QString CadDifferencesBar::text() const
{
    return m_text->text();
}

void CadDifferencesBar::render()
{
    m_accept->setText(tr("Use the CAD's changes (Ctrl+Shift+C)"));
    m_dismiss->setText(tr("Dismiss (Ctrl+Shift+X)"));
    // After setText, which sets a button's shortcut from its text.
    m_accept->setShortcut(QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_C));
    m_dismiss->setShortcut(QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_X));
    if (!m_row || m_fields.empty()) {
        m_text->clear();
        return;
    }
    QStringList lines;
    for (cad::CadField field : m_fields)
        lines.append(fieldText(field, m_row->snapshot));
    m_text->setText(tr("The CAD updated this call after you took it. Nothing you typed was changed.") +
                    QLatin1Char('\n') + lines.join(QLatin1Char('\n')));
}

void CadDifferencesBar::changeEvent(QEvent* event)
{
    if (event->type() == QEvent::LanguageChange)
        render();
    QFrame::changeEvent(event);
}

} // namespace heart::ui
