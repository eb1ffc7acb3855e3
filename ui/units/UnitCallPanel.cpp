#include "units/UnitCallPanel.h"

#include "core/PhoneFormat.h"
#include "core/routing/RoutingTypes.h"
#include "core/triage/Cssrs.h"
#include "directory/DirectoryText.h"
#include "followup/FollowUpText.h"
#include "intake/ReasonText.h"
#include "shell/DomainText.h"
#include "shell/ProgramTime.h"

#include <QClipboard>
#include <QEvent>
#include <QFormLayout>
#include <QGuiApplication>
#include <QHBoxLayout>
#include <QLabel>
#include <QPushButton>
#include <QVBoxLayout>

namespace heart::ui {

using units::CallPart;

namespace {

QString orNone(const QString& text, const QString& none)
{
    return text.trimmed().isEmpty() ? none : text;
}

} // namespace

UnitCallPanel::UnitCallPanel(Role role, QWidget* parent)
    : QWidget(parent), m_role(role), m_form(new QFormLayout), m_heading(new QLabel(this)),
      m_messageLabel(new QLabel(this))
{
    setObjectName(QStringLiteral("unitCallPanel"));
    setAttribute(Qt::WA_StyledBackground);
    setStyleSheet(QStringLiteral("#unitCallPanel { background: #fafafa; border: 1px solid #ccc; }"));
    m_heading->setObjectName(QStringLiteral("unitCallHeading"));
    QFont bold = m_heading->font();
    bold.setBold(true);
    bold.setPointSizeF(bold.pointSizeF() * 1.1);
    m_heading->setFont(bold);
    m_heading->setWordWrap(true);
    m_messageLabel->setObjectName(QStringLiteral("unitCallMessage"));
    m_messageLabel->setWordWrap(true);
    m_form->setRowWrapPolicy(QFormLayout::WrapLongRows);
    m_form->setFieldGrowthPolicy(QFormLayout::AllNonFixedFieldsGrow);
    m_form->setLabelAlignment(Qt::AlignLeft | Qt::AlignTop);

    addRow("callReceived", CallPart::Call);
    addRow("callAddress", CallPart::Call);
    addRow("callPerson", CallPart::Call);
    addRow("callFlags", CallPart::Call);
    addRow("callLanguage", CallPart::Call);
    addRow("callDispatched", CallPart::Call);
    addRow("callbackNumber", CallPart::Contact);
    addRow("callCaller", CallPart::Contact);
    addRow("callCssrs", CallPart::CallClinical);
    addRow("callNarrative", CallPart::CallClinical);
    addRow("callAddenda", CallPart::CallClinical);

    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(8, 8, 8, 8);
    layout->addWidget(m_heading);
    layout->addWidget(m_messageLabel);
    if (units::seesPriorContacts(role)) {
        m_known = new QLabel(this);
        m_known->setObjectName(QStringLiteral("knownPerson"));
        m_known->setWordWrap(true);
        m_known->setStyleSheet(QStringLiteral("QLabel { color: #0b4f8a; font-weight: 600; }"));
        layout->addWidget(m_known);
    }
    layout->addLayout(m_form);
    retranslate();
    render();
}

bool UnitCallPanel::seesPart(CallPart part) const
{
    return units::seesCallPart(m_role, part);
}

QLabel* UnitCallPanel::addRow(const char* name, CallPart part)
{
    // A part the role may not see gets no row at all.
    if (!seesPart(part))
        return nullptr;
    auto* value = new QLabel(this);
    value->setObjectName(QString::fromLatin1(name));
    value->setTextFormat(Qt::PlainText);
    value->setWordWrap(true);
    value->setTextInteractionFlags(Qt::TextSelectableByMouse);
    auto* label = new QLabel(this);
    label->setObjectName(QString::fromLatin1(name) + QStringLiteral("Label"));
    QFont bold = label->font();
    bold.setBold(true);
    label->setFont(bold);
    if (qstrcmp(name, "callbackNumber") == 0) {
        m_copy = new QPushButton(this);
        m_copy->setObjectName(QStringLiteral("copyCallback"));
        connect(m_copy, &QPushButton::clicked, this, [this] { copyCallbackNumber(); });
        auto* row = new QHBoxLayout;
        row->addWidget(value);
        row->addWidget(m_copy);
        row->addStretch(1);
        m_form->addRow(label, row);
    } else {
        m_form->addRow(label, value);
    }
    m_rows.append({label, value, part});
    return value;
}

void UnitCallPanel::setCall(const store::UnitCallDetail& detail)
{
    m_detail = detail;
    m_message.clear();
    render();
}

void UnitCallPanel::showMessage(const QString& text)
{
    m_detail.reset();
    m_message = text;
    render();
}

QString UnitCallPanel::callbackNumber() const
{
    if (!m_detail || !m_detail->sees(CallPart::Contact))
        return {};
    return QString::fromStdString(phoneForDisplay(m_detail->call.callerPhone.toStdString()));
}

bool UnitCallPanel::copyCallbackNumber()
{
    const QString number = callbackNumber();
    if (number.isEmpty())
        return false;
    QGuiApplication::clipboard()->setText(number);
    Q_EMIT copied(number);
    return true;
}

QString UnitCallPanel::text() const
{
    QStringList lines;
    if (!m_heading->text().isEmpty())
        lines << m_heading->text();
    if (!m_messageLabel->isHidden())
        lines << m_messageLabel->text();
    if (m_known && !m_known->isHidden())
        lines << m_known->text();
    for (const Row& row : m_rows) {
        if (!row.value->isHidden())
            lines << row.label->text() + QLatin1Char(' ') + row.value->text();
    }
    return lines.join(QLatin1Char('\n'));
}

void UnitCallPanel::changeEvent(QEvent* event)
{
    if (event->type() == QEvent::LanguageChange)
        retranslate();
    QWidget::changeEvent(event);
}

void UnitCallPanel::retranslate()
{
    const std::pair<const char*, QString> labels[] = {
        {"callReceived", tr("Received:")},
        {"callAddress", tr("Address:")},
        {"callPerson", tr("Person:")},
        {"callFlags", tr("Flags and cautions:")},
        {"callLanguage", tr("Language:")},
        {"callDispatched", tr("Dispatched:")},
        {"callbackNumber", tr("Callback number:")},
        {"callCaller", tr("Caller:")},
        {"callCssrs", tr("C-SSRS (counselor):")},
        {"callNarrative", tr("Narrative:")},
        {"callAddenda", tr("Addenda:")},
    };
    for (const Row& row : std::as_const(m_rows)) {
        for (const auto& [name, text] : labels) {
            if (row.value->objectName() == QLatin1String(name))
                row.label->setText(text);
        }
    }
    if (m_copy)
        m_copy->setText(tr("Copy (Ctrl+Shift+C)"));
    render();
}

void UnitCallPanel::render()
{
    const bool hasCall = m_detail.has_value();
    m_messageLabel->setText(m_message);
    m_messageLabel->setVisible(!hasCall && !m_message.isEmpty());
    m_heading->setVisible(hasCall);
    for (const Row& row : std::as_const(m_rows)) {
        row.label->setVisible(hasCall);
        row.value->setVisible(hasCall);
    }
    if (m_copy)
        m_copy->setVisible(hasCall);
    if (m_known) {
        m_known->setVisible(hasCall && !m_detail->call.personId.isEmpty());
        m_known->setText(tr("A known person: F5 shows the prior contacts."));
    }
    if (!hasCall) {
        m_heading->clear();
        return;
    }
    const store::CallRecord& c = m_detail->call;
    m_heading->setText(
        tr("Call %1 · %2 · risk: %3")
            .arg(c.cadNumber, DomainText::callTypeName(c.callType), DomainText::riskLevelName(c.riskLevel)));
    const QString none = tr("none");
    const auto set = [this](const char* name, const QString& text) {
        for (const Row& row : std::as_const(m_rows)) {
            if (row.value->objectName() == QLatin1String(name))
                row.value->setText(text);
        }
    };
    set("callReceived", ProgramTime::dateTimeText(c.receivedAt));
    set("callAddress", c.beat.isEmpty() ? orNone(c.address, tr("not given"))
                                        : tr("%1 (beat %2)").arg(orNone(c.address, tr("not given")), c.beat));
    QStringList person{c.personName.isEmpty() ? tr("unknown") : c.personName};
    if (c.personAge)
        person << tr("about %1").arg(*c.personAge);
    if (!c.personDescription.trimmed().isEmpty())
        person << c.personDescription.trimmed();
    set("callPerson", person.join(QStringLiteral(" · ")));
    QStringList flags;
    for (const QString& code : c.flags) {
        const auto flag = routing::flagFromCode(code.toStdString());
        flags << (flag ? ReasonText::flagName(*flag) : code);
    }
    set("callFlags", flags.isEmpty() ? none : flags.join(QStringLiteral(", ")));
    QString language = c.language.isEmpty() ? tr("not recorded") : DirectoryText::languageName(c.language);
    if (c.interpreter)
        language = tr("%1 · interpreter needed").arg(language);
    set("callLanguage", language);
    QString dispatched = m_detail->unitDispatchedAt.isValid()
                             ? ProgramTime::dateTimeText(m_detail->unitDispatchedAt)
                             : tr("not recorded");
    if (!m_detail->dispatchedByName.isEmpty())
        dispatched = tr("%1 by %2").arg(dispatched, m_detail->dispatchedByName);
    set("callDispatched", dispatched);

    const QString callback = callbackNumber();
    set("callbackNumber", callback.isEmpty() ? tr("none given") : callback);
    if (m_copy)
        m_copy->setEnabled(!callback.isEmpty());
    QString caller = orNone(c.callerName, tr("not given"));
    if (!c.callerRelationship.isEmpty())
        caller = tr("%1 (%2)").arg(caller, FollowUpText::relationshipName(c.callerRelationship));
    set("callCaller", caller);

    QString cssrs = tr("not screened");
    if (!c.cssrs.isEmpty()) {
        if (auto answers = triage::decodeCssrs(c.cssrs.toStdString()); answers.ok()) {
            cssrs = FollowUpText::cssrsSummary(answers.value());
            if (c.triagedAt.isValid())
                cssrs = tr("%1 · taken %2").arg(cssrs, ProgramTime::dateTimeText(c.triagedAt));
        }
    }
    set("callCssrs", cssrs);
    set("callNarrative", orNone(c.narrative, none));
    QStringList addenda;
    for (const store::CallAddendum& addendum : m_detail->addenda)
        addenda << tr("%1, %2: %3")
                       .arg(ProgramTime::dateTimeText(addendum.writtenAt), addendum.authorName,
                            addendum.text);
    set("callAddenda", addenda.isEmpty() ? none : addenda.join(QLatin1Char('\n')));
}

} // namespace heart::ui
