#include "settings/FollowUpPolicyPage.h"

#include "store/CoreText.h"
#include "store/SettingsStore.h"
#include "usecases/SettingsUseCases.h"

#include <QCheckBox>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QSpinBox>
#include <QVBoxLayout>

namespace heart::ui {

namespace {
// Wider than the policy allows, so that the reader (not the spin box) says what is allowed.
constexpr int kSpinMin = -999;
constexpr int kSpinMax = 9999;

QSpinBox* makeSpin(QWidget* parent, const QString& name)
{
    auto* spin = new QSpinBox(parent);
    spin->setObjectName(name);
    spin->setRange(kSpinMin, kSpinMax);
    return spin;
}
} // namespace

FollowUpPolicyPage::FollowUpPolicyPage(Services services, QWidget* parent)
    : SettingsPage(std::move(services), parent), m_intro(new QLabel(this)), m_zoneLabel(new QLabel(this)),
      m_zone(new QLineEdit(this)), m_zoneError(makeFieldError(this, QStringLiteral("followUpTimeZoneError"))),
      m_dueSoonLabel(new QLabel(this)), m_dueSoon(makeSpin(this, QStringLiteral("followUpDueSoonHours"))),
      m_dueSoonError(makeFieldError(this, QStringLiteral("followUpDueSoonHoursError"))),
      m_attemptsLabel(new QLabel(this)), m_attempts(makeSpin(this, QStringLiteral("followUpMaxAttempts"))),
      m_attemptsError(makeFieldError(this, QStringLiteral("followUpMaxAttemptsError"))),
      m_save(new QPushButton(this))
{
    setObjectName(QStringLiteral("followUpPolicyPage"));
    messageLabel()->setObjectName(QStringLiteral("followUpPolicyMessage"));
    m_intro->setWordWrap(true);
    m_zone->setObjectName(QStringLiteral("followUpTimeZone"));
    m_zoneLabel->setBuddy(m_zone);
    m_save->setObjectName(QStringLiteral("saveFollowUpPolicy"));

    auto* form = new QFormLayout;
    form->setFieldGrowthPolicy(QFormLayout::FieldsStayAtSizeHint);
    m_zone->setMinimumWidth(m_zone->fontMetrics().horizontalAdvance(QLatin1Char('M')) * 24);
    form->addRow(m_zoneLabel, m_zone);
    form->addRow(QString(), m_zoneError);
    m_crt = addRuleRow(form, QStringLiteral("Crt"));
    m_cor = addRuleRow(form, QStringLiteral("Cor"));
    m_ccd = addRuleRow(form, QStringLiteral("Ccd"));
    m_checkIn = addRuleRow(form, QStringLiteral("CheckIn"));
    m_dueSoonLabel->setBuddy(m_dueSoon);
    form->addRow(m_dueSoonLabel, m_dueSoon);
    form->addRow(QString(), m_dueSoonError);
    m_attemptsLabel->setBuddy(m_attempts);
    form->addRow(m_attemptsLabel, m_attempts);
    form->addRow(QString(), m_attemptsError);

    auto* layout = new QVBoxLayout(this);
    layout->addWidget(m_intro);
    layout->addLayout(form);
    layout->addWidget(messageArea());
    layout->addWidget(m_save, 0, Qt::AlignLeft);
    layout->addStretch(1);

    m_fields = {
        {QStringLiteral("timeZone"), {m_zone, m_zoneError}},
        {QStringLiteral("followUp.crt.dueHours"), {m_crt.hours, m_crt.error}},
        {QStringLiteral("followUp.cor.dueHours"), {m_cor.hours, m_cor.error}},
        {QStringLiteral("followUp.ccd.dueHours"), {m_ccd.hours, m_ccd.error}},
        {QStringLiteral("checkIn.dueHours"), {m_checkIn.hours, m_checkIn.error}},
        {QStringLiteral("dueSoonHours"), {m_dueSoon, m_dueSoonError}},
        {QStringLiteral("maxUnsuccessfulAttempts"), {m_attempts, m_attemptsError}},
    };
    connect(m_zone, &QLineEdit::textEdited, this, [this] { markEdited(); });
    for (QSpinBox* spin : {m_crt.hours, m_cor.hours, m_ccd.hours, m_checkIn.hours, m_dueSoon, m_attempts})
        connect(spin, &QSpinBox::valueChanged, this, [this] { markEdited(); });
    for (QCheckBox* box :
         {m_crt.skipWeekends, m_cor.skipWeekends, m_ccd.skipWeekends, m_checkIn.skipWeekends})
        connect(box, &QCheckBox::toggled, this, [this] { markEdited(); });
    connect(m_save, &QPushButton::clicked, this, &FollowUpPolicyPage::save);
    retranslate();
    reload();
}

FollowUpPolicyPage::RuleRow FollowUpPolicyPage::addRuleRow(QFormLayout* form, const QString& key)
{
    RuleRow row;
    row.label = new QLabel(this);
    row.hours = makeSpin(this, QStringLiteral("followUp%1DueHours").arg(key));
    row.skipWeekends = new QCheckBox(this);
    row.skipWeekends->setObjectName(QStringLiteral("followUp%1SkipWeekends").arg(key));
    row.error = makeFieldError(this, QStringLiteral("followUp%1DueHoursError").arg(key));
    row.label->setBuddy(row.hours);
    auto* fields = new QHBoxLayout;
    fields->addWidget(row.hours);
    fields->addWidget(row.skipWeekends);
    fields->addStretch(1);
    form->addRow(row.label, fields);
    form->addRow(QString(), row.error);
    return row;
}

void FollowUpPolicyPage::reload()
{
    clearFieldErrors();
    auto config = usecases::SettingsUseCases(m_services).followUpPolicy();
    if (!config.ok()) {
        // A stored policy that does not read: say so (no follow-up can be
        // created until it is fixed) and start from the defaults.
        showMessage(tr("The stored follow-up policy does not read, so no follow-up task can be created "
                       "until it is saved again: %1")
                        .arg(config.error().detail),
                    true);
        show(followup::FollowUpConfig{});
    } else {
        show(config.value());
    }
    markSaved();
}

void FollowUpPolicyPage::show(const followup::FollowUpConfig& config)
{
    const QList<QObject*> inputs{m_zone,
                                 m_crt.hours,
                                 m_cor.hours,
                                 m_ccd.hours,
                                 m_checkIn.hours,
                                 m_dueSoon,
                                 m_attempts,
                                 m_crt.skipWeekends,
                                 m_cor.skipWeekends,
                                 m_ccd.skipWeekends,
                                 m_checkIn.skipWeekends};
    for (QObject* input : inputs)
        input->blockSignals(true);
    m_zone->setText(store::toQString(config.timeZone));
    const std::pair<const RuleRow*, const followup::DueRule*> rules[] = {
        {&m_crt, &config.crt}, {&m_cor, &config.cor}, {&m_ccd, &config.ccd}, {&m_checkIn, &config.checkIn}};
    for (const auto& [row, rule] : rules) {
        row->hours->setValue(rule->dueHours);
        row->skipWeekends->setChecked(rule->skipWeekends);
    }
    m_dueSoon->setValue(config.dueSoonHours);
    m_attempts->setValue(config.maxUnsuccessfulAttempts);
    for (QObject* input : inputs)
        input->blockSignals(false);
}

followup::FollowUpConfig FollowUpPolicyPage::config() const
{
    followup::FollowUpConfig config;
    config.timeZone = store::toStdString(m_zone->text().trimmed());
    const std::pair<const RuleRow*, followup::DueRule*> rules[] = {
        {&m_crt, &config.crt}, {&m_cor, &config.cor}, {&m_ccd, &config.ccd}, {&m_checkIn, &config.checkIn}};
    for (const auto& [row, rule] : rules) {
        rule->dueHours = row->hours->value();
        rule->skipWeekends = row->skipWeekends->isChecked();
    }
    config.dueSoonHours = m_dueSoon->value();
    config.maxUnsuccessfulAttempts = m_attempts->value();
    return config;
}

void FollowUpPolicyPage::clearFieldErrors()
{
    for (const auto& field : std::as_const(m_fields))
        showFieldError(field.second, {});
}

void FollowUpPolicyPage::save()
{
    clearMessage();
    clearFieldErrors();
    // The JSON the CLI would be given, through the same use case and reader.
    const QString json = store::toQString(followup::toJson(config()));
    if (store::StoreError error =
            usecases::SettingsUseCases(m_services).setFollowUpPolicy(json, readVersion())) {
        if (showIfStale(error))
            return;
        const auto field = m_fields.find(error.field);
        if (error.code == store::StoreErrorCode::InvalidInput && field != m_fields.end()) {
            showFieldError(field->second, refusalText(error));
            field->first->setFocus();
        } else {
            showMessage(refusalText(error), true);
        }
        return;
    }
    markSaved();
    showMessage(
        tr("Saved. Follow-up tasks created from now on, on every workstation, are due by this policy; "
           "tasks already open keep their due times."),
        false);
}

void FollowUpPolicyPage::setEditable(bool editable)
{
    m_zone->setReadOnly(!editable);
    for (QSpinBox* spin : {m_crt.hours, m_cor.hours, m_ccd.hours, m_checkIn.hours, m_dueSoon, m_attempts}) {
        spin->setReadOnly(!editable);
        spin->setButtonSymbols(editable ? QAbstractSpinBox::UpDownArrows : QAbstractSpinBox::NoButtons);
    }
    for (QCheckBox* box :
         {m_crt.skipWeekends, m_cor.skipWeekends, m_ccd.skipWeekends, m_checkIn.skipWeekends})
        box->setEnabled(editable);
    m_save->setVisible(editable);
}

void FollowUpPolicyPage::retranslate()
{
    m_intro->setText(
        tr("When a follow-up is due after a contact, in hours from the contact (weekends count "
           "unless skipped, in the program's time zone), when it shows as due soon, and how many "
           "unsuccessful attempts close it as unable to reach."));
    m_zoneLabel->setText(tr("&Time zone (POSIX rule):"));
    m_zone->setAccessibleName(tr("Time zone"));
    m_crt.label->setText(tr("C&RT follow-up due after:"));
    m_cor.label->setText(tr("Co-Res&ponse follow-up due after:"));
    m_ccd.label->setText(tr("CC&D follow-up due after:"));
    m_checkIn.label->setText(tr("CCD c&heck-in after a diverted call due after:"));
    for (RuleRow* row : {&m_crt, &m_cor, &m_ccd, &m_checkIn}) {
        row->hours->setSuffix(tr(" hours"));
        row->hours->setAccessibleName(row->label->text().remove(QLatin1Char('&')));
        row->skipWeekends->setText(tr("skip weekends"));
    }
    m_dueSoonLabel->setText(tr("Due soon this many hours before (0: never):"));
    m_dueSoon->setSuffix(tr(" hours"));
    m_dueSoon->setAccessibleName(tr("Due soon hours"));
    m_attemptsLabel->setText(tr("Unsuccessful attempts that cl&ose a task:"));
    m_attempts->setAccessibleName(tr("Unsuccessful attempts that close a task"));
    m_save->setText(tr("&Save"));
}

QString FollowUpPolicyPage::title() const
{
    return tr("&Follow-up policy");
}

QStringList FollowUpPolicyPage::settingKeys() const
{
    return {store::SettingsStore::key(store::Setting::FollowUpPolicy)};
}

} // namespace heart::ui
