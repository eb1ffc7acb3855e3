// The intake form's layout, texts, choices and draft handling. Saving,
// validation and the steps of a call are in IntakeFormActions.cpp.
#include "intake/IntakeForm.h"

#include "core/Uuid.h"
#include "core/intake/IntakeDraft.h"
#include "core/intake/IntakeRules.h"
#include "core/routing/Disposition.h"
#include "intake/CadDifferencesBar.h"
#include "intake/CssrsPanel.h"
#include "intake/DraftWriter.h"
#include "intake/ReasonText.h"
#include "intake/RoutingPanel.h"
#include "shell/ChangedElsewhereBar.h"
#include "shell/DomainText.h"
#include "shell/ProgramTime.h"
#include "store/StoreTime.h"
#include "usecases/CallUseCases.h"

#include <QAction>
#include <QCheckBox>
#include <QComboBox>
#include <QDateTimeEdit>
#include <QEvent>
#include <QFormLayout>
#include <QGroupBox>
#include <QHBoxLayout>
#include <QJsonArray>
#include <QJsonDocument>
#include <QKeyEvent>
#include <QLabel>
#include <QLineEdit>
#include <QLocale>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QScrollArea>
#include <QSignalBlocker>
#include <QSpinBox>
#include <QVBoxLayout>

namespace heart::ui {

namespace {

QLabel* errorLabel(QWidget* parent, const QString& name)
{
    auto* label = new QLabel(parent);
    label->setObjectName(name);
    label->setWordWrap(true);
    label->setStyleSheet(QStringLiteral("color: #b00020;"));
    label->hide();
    return label;
}

QWidget* withError(QWidget* field, QLabel* error)
{
    auto* box = new QWidget(field->parentWidget());
    auto* layout = new QVBoxLayout(box);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(2);
    layout->addWidget(field);
    layout->addWidget(error);
    return box;
}

const char* const kRelationships[] = {"", "self", "family", "bystander", "professional"};

} // namespace

IntakeForm::IntakeForm(Services services, std::shared_ptr<const RoutingContext> routing, DraftWriter* drafts,
                       QWidget* parent)
    : QWidget(parent), m_services(std::move(services)), m_routing(std::move(routing)), m_drafts(drafts),
      m_formId(QString::fromStdString(newRecordId(m_services.clock.now())))
{
    setObjectName(QStringLiteral("intakeForm"));
    buildLayout();
    fillChoices();
    retranslate();
    connectChanges();
    for (QWidget* child : findChildren<QWidget*>())
        child->installEventFilter(this);
    m_autosave.setSingleShot(true);
    m_autosave.setInterval(kAutosaveMs);
    connect(&m_autosave, &QTimer::timeout, this, &IntakeForm::writeDraft);
    if (m_drafts) {
        connect(m_drafts, &DraftWriter::saved, this, [this](const QString& key, const QString& error) {
            if (key != draftKey() || (error.isEmpty() && m_elsewhere->isAwaitingChoice()))
                return; // the line asking for the choice stays
            setStatus(error.isEmpty()
                          ? ProgramTime::sentence(
                                tr("Draft saved %1.")
                                    .arg(ProgramTime::timeText(store::toDateTime(m_services.clock.now()))))
                          : tr("The draft could not be saved: %1").arg(error));
        });
    }
}

IntakeForm::~IntakeForm()
{
    flushDraft();
}

void IntakeForm::buildLayout()
{
    const auto label = [this] {
        return new QLabel(this);
    };
    m_headline = new QLabel(this);
    m_headline->setObjectName(QStringLiteral("intakeHeadline"));
    QFont big = m_headline->font();
    big.setPointSizeF(big.pointSizeF() * 1.3);
    big.setBold(true);
    m_headline->setFont(big);
    m_closedBanner = new QLabel(this);
    m_closedBanner->setObjectName(QStringLiteral("closedBanner"));
    m_closedBanner->setWordWrap(true);
    m_closedBanner->setStyleSheet(QStringLiteral("QLabel { background: #e3e7ea; color: #263238; font-weight: "
                                                 "600; padding: 6px; border-radius: 3px; }"));
    m_closedBanner->hide();

    m_cadLabel = label();
    m_cad = new QLineEdit(this);
    m_cad->setObjectName(QStringLiteral("cadNumber"));
    m_cadError = errorLabel(this, QStringLiteral("cadNumberError"));
    m_receivedLabel = label();
    m_received = new QDateTimeEdit(this);
    m_received->setObjectName(QStringLiteral("receivedAt"));
    m_received->setTimeSpec(Qt::UTC); // shows the program's wall time; converted with its zone
    m_received->setDisplayFormat(QStringLiteral("yyyy-MM-dd HH:mm"));
    m_received->setCalendarPopup(true);
    m_receivedError = errorLabel(this, QStringLiteral("receivedAtError"));
    m_callerNameLabel = label();
    m_callerName = new QLineEdit(this);
    m_callerName->setObjectName(QStringLiteral("callerName"));
    m_callerPhoneLabel = label();
    m_callerPhone = new QLineEdit(this);
    m_callerPhone->setObjectName(QStringLiteral("callerPhone"));
    m_callerPhoneError = errorLabel(this, QStringLiteral("callerPhoneError"));
    m_relationshipLabel = label();
    m_relationship = new QComboBox(this);
    m_relationship->setObjectName(QStringLiteral("callerRelationship"));
    m_personNameLabel = label();
    m_personName = new QLineEdit(this);
    m_personName->setObjectName(QStringLiteral("personName"));
    m_personAgeLabel = label();
    m_personAge = new QSpinBox(this);
    m_personAge->setObjectName(QStringLiteral("personAge"));
    m_personAge->setRange(-1, intake::kMaxAge);
    m_personAge->setValue(-1);
    m_personDescriptionLabel = label();
    m_personDescription = new QLineEdit(this);
    m_personDescription->setObjectName(QStringLiteral("personDescription"));
    m_findPerson = new QPushButton(this);
    m_findPerson->setObjectName(QStringLiteral("findPerson"));
    m_personHistory = new QPushButton(this);
    m_personHistory->setObjectName(QStringLiteral("personHistory"));
    m_personHistory->setEnabled(false);
    m_personLink = new QLabel(this);
    m_personLink->setObjectName(QStringLiteral("personLink"));
    m_addressLabel = label();
    m_address = new QLineEdit(this);
    m_address->setObjectName(QStringLiteral("address"));
    m_latitudeLabel = label();
    m_latitude = new QLineEdit(this);
    m_latitude->setObjectName(QStringLiteral("latitude"));
    m_longitudeLabel = label();
    m_longitude = new QLineEdit(this);
    m_longitude->setObjectName(QStringLiteral("longitude"));
    m_coordinatesError = errorLabel(this, QStringLiteral("coordinatesError"));
    m_beatLabel = label();
    m_beat = new QComboBox(this);
    m_beat->setObjectName(QStringLiteral("beat"));
    m_beat->setEditable(true);
    m_beatInfo = new QLabel(this);
    m_beatInfo->setObjectName(QStringLiteral("beatInfo"));
    m_callTypeLabel = label();
    m_callType = new QComboBox(this);
    m_callType->setObjectName(QStringLiteral("callType"));
    m_callType->setEditable(true);
    m_callType->setInsertPolicy(QComboBox::NoInsert);
    m_callTypeError = errorLabel(this, QStringLiteral("callTypeError"));
    m_flagsLabel = label();
    for (std::size_t i = 0; i < m_flags.size(); ++i) {
        m_flags[i] = new QCheckBox(this);
        m_flags[i]->setObjectName(QStringLiteral("flag_") +
                                  QString::fromLatin1(routing::flagCode(routing::kAllFlags[i]).data()));
    }
    m_languageLabel = label();
    m_language = new QComboBox(this);
    m_language->setObjectName(QStringLiteral("language"));
    m_interpreter = new QCheckBox(this);
    m_interpreter->setObjectName(QStringLiteral("interpreter"));
    m_narrativeLabel = label();
    m_narrative = new QPlainTextEdit(this);
    m_narrative->setObjectName(QStringLiteral("narrative"));
    m_narrative->setTabChangesFocus(true);
    m_narrative->setMinimumHeight(80);

    m_cssrs = new CssrsPanel(this);
    m_routingPanel = new RoutingPanel(this);
    m_dispositionLabel = label();
    m_disposition = new QComboBox(this);
    m_disposition->setObjectName(QStringLiteral("disposition"));
    m_overrideLabel = label();
    m_overrideReason = new QPlainTextEdit(this);
    m_overrideReason->setObjectName(QStringLiteral("overrideReason"));
    m_overrideReason->setTabChangesFocus(true);
    m_overrideReason->setMaximumHeight(70);
    m_overrideError = errorLabel(this, QStringLiteral("overrideReasonError"));
    m_unitLabel = label();
    m_unit = new QComboBox(this);
    m_unit->setObjectName(QStringLiteral("unit"));
    m_unit->setEditable(true);
    m_unitError = errorLabel(this, QStringLiteral("unitError"));
    m_save = new QPushButton(this);
    m_save->setObjectName(QStringLiteral("saveCall"));
    m_dispatch = new QPushButton(this);
    m_dispatch->setObjectName(QStringLiteral("dispatchCall"));
    m_close = new QPushButton(this);
    m_close->setObjectName(QStringLiteral("closeCall"));
    m_addendum = new QPushButton(this);
    m_addendum->setObjectName(QStringLiteral("addAddendum"));
    m_addendum->hide();
    m_statusLine = new QLabel(this);
    m_statusLine->setObjectName(QStringLiteral("intakeStatus"));
    m_statusLine->setStyleSheet(QStringLiteral("color: #555;"));

    m_cadLabel->setBuddy(m_cad);
    m_receivedLabel->setBuddy(m_received);
    m_callerNameLabel->setBuddy(m_callerName);
    m_callerPhoneLabel->setBuddy(m_callerPhone);
    m_relationshipLabel->setBuddy(m_relationship);
    m_personNameLabel->setBuddy(m_personName);
    m_personAgeLabel->setBuddy(m_personAge);
    m_personDescriptionLabel->setBuddy(m_personDescription);
    m_addressLabel->setBuddy(m_address);
    m_latitudeLabel->setBuddy(m_latitude);
    m_longitudeLabel->setBuddy(m_longitude);
    m_beatLabel->setBuddy(m_beat);
    m_callTypeLabel->setBuddy(m_callType);
    m_languageLabel->setBuddy(m_language);
    m_narrativeLabel->setBuddy(m_narrative);
    m_dispositionLabel->setBuddy(m_disposition);
    m_overrideLabel->setBuddy(m_overrideReason);
    m_unitLabel->setBuddy(m_unit);

    // Left: what the caller says. Right: triage, decision, disposition.
    auto* left = new QVBoxLayout;
    auto* call = new QFormLayout;
    call->addRow(m_cadLabel, withError(m_cad, m_cadError));
    call->addRow(m_receivedLabel, withError(m_received, m_receivedError));
    call->addRow(m_callerNameLabel, m_callerName);
    call->addRow(m_callerPhoneLabel, withError(m_callerPhone, m_callerPhoneError));
    call->addRow(m_relationshipLabel, m_relationship);
    call->addRow(m_personNameLabel, m_personName);
    call->addRow(m_personAgeLabel, m_personAge);
    call->addRow(m_personDescriptionLabel, m_personDescription);
    auto* personButtons = new QHBoxLayout;
    personButtons->addWidget(m_findPerson);
    personButtons->addWidget(m_personHistory);
    personButtons->addWidget(m_personLink, 1);
    call->addRow(QString(), personButtons);
    call->addRow(m_addressLabel, m_address);
    auto* coordinates = new QHBoxLayout;
    coordinates->addWidget(m_latitude);
    coordinates->addWidget(m_longitudeLabel);
    coordinates->addWidget(m_longitude);
    call->addRow(m_latitudeLabel, coordinates);
    call->addRow(QString(), m_coordinatesError);
    auto* beatRow = new QHBoxLayout;
    beatRow->addWidget(m_beat);
    beatRow->addWidget(m_beatInfo, 1);
    call->addRow(m_beatLabel, beatRow);
    call->addRow(m_callTypeLabel, withError(m_callType, m_callTypeError));
    auto* flags = new QGridLayout;
    for (std::size_t i = 0; i < m_flags.size(); ++i)
        flags->addWidget(m_flags[i], int(i / 2), int(i % 2));
    call->addRow(m_flagsLabel, flags);
    auto* language = new QHBoxLayout;
    language->addWidget(m_language, 1);
    language->addWidget(m_interpreter);
    call->addRow(m_languageLabel, language);
    call->addRow(m_narrativeLabel, m_narrative);
    left->addLayout(call);
    left->addStretch(1);

    auto* right = new QVBoxLayout;
    right->addWidget(m_cssrs);
    right->addSpacing(8);
    right->addWidget(m_routingPanel);
    auto* outcome = new QFormLayout;
    outcome->addRow(m_dispositionLabel, m_disposition);
    outcome->addRow(m_overrideLabel, withError(m_overrideReason, m_overrideError));
    outcome->addRow(m_unitLabel, withError(m_unit, m_unitError));
    right->addLayout(outcome);
    auto* buttons = new QHBoxLayout;
    buttons->addWidget(m_save);
    buttons->addWidget(m_dispatch);
    buttons->addWidget(m_close);
    buttons->addWidget(m_addendum);
    buttons->addStretch(1);
    right->addLayout(buttons);
    right->addWidget(m_statusLine);
    right->addStretch(1);

    auto* content = new QWidget(this);
    auto* columns = new QHBoxLayout(content);
    columns->addLayout(left, 5);
    columns->addSpacing(12);
    columns->addLayout(right, 4);
    auto* scroll = new QScrollArea(this);
    scroll->setWidgetResizable(true);
    scroll->setFrameShape(QFrame::NoFrame);
    scroll->setWidget(content);
    auto* layout = new QVBoxLayout(this);
    m_elsewhere = new ChangedElsewhereBar(m_services, this);
    connect(m_elsewhere, &ChangedElsewhereBar::changedElsewhere, this, &IntakeForm::onChangedElsewhere);
    connect(m_elsewhere, &ChangedElsewhereBar::reloadTheirs, this, &IntakeForm::reloadTheirs);
    connect(m_elsewhere, &ChangedElsewhereBar::keepMine, this, &IntakeForm::keepMine);
    layout->addWidget(m_headline);
    layout->addWidget(m_closedBanner);
    layout->addWidget(m_elsewhere); // above the scrolled form: seen wherever the counselor types
    m_cadBar = new CadDifferencesBar(m_services, this);
    connect(m_cadBar, &CadDifferencesBar::accept, this, &IntakeForm::acceptCadChanges);
    connect(m_cadBar, &CadDifferencesBar::failed, this, &IntakeForm::setStatus);
    layout->addWidget(m_cadBar);
    layout->addWidget(scroll, 1);

    connect(m_save, &QPushButton::clicked, this, &IntakeForm::save);
    connect(m_dispatch, &QPushButton::clicked, this, &IntakeForm::dispatchUnit);
    connect(m_close, &QPushButton::clicked, this, &IntakeForm::closeCall);
    connect(m_findPerson, &QPushButton::clicked, this, &IntakeForm::linkPerson);
    connect(m_personHistory, &QPushButton::clicked, this, &IntakeForm::openPersonHistory);
    connect(m_addendum, &QPushButton::clicked, this, [this] { addAddendum({}); });
}

void IntakeForm::fillChoices()
{
    const QSignalBlocker blockType(m_callType);
    const QSignalBlocker blockBeat(m_beat);
    const QSignalBlocker blockLanguage(m_language);
    m_callType->clear();
    m_callType->addItem(QString(), QString());
    const QDateTime now = store::toDateTime(m_services.clock.now());
    const roster::LocalDateTime today = m_routing->zone().toLocal(m_services.clock.now());
    Q_UNUSED(now);
    if (const routing::RuleSet* set = m_routing->ruleSetOn(today.date)) {
        for (const routing::CallType& type : set->callTypes) {
            m_callType->addItem(DomainText::callTypeName(QString::fromStdString(type.name)),
                                QString::fromStdString(type.code));
            m_callType->setItemData(m_callType->count() - 1, QString::fromStdString(type.name),
                                    Qt::UserRole + 1);
        }
    }
    m_beat->clear();
    m_beat->addItem(QString());
    for (const std::string& beat : m_routing->beats->beatIds())
        m_beat->addItem(QString::fromStdString(beat));
    m_language->clear();
    m_language->addItem(QString(), QString());
    for (const intake::Language& language : intake::languages()) {
        const QString english =
            QString::fromUtf8(language.englishName.data(), qsizetype(language.englishName.size()));
        const QString native =
            QString::fromUtf8(language.nativeName.data(), qsizetype(language.nativeName.size()));
        m_language->addItem(native == english || native.isEmpty() ? english
                                                                  : english + QStringLiteral(" — ") + native,
                            QString::fromLatin1(language.code.data(), qsizetype(language.code.size())));
    }
    m_unit->setCurrentIndex(-1);
}

void IntakeForm::changeEvent(QEvent* event)
{
    if (event->type() == QEvent::LanguageChange)
        retranslate();
    QWidget::changeEvent(event);
}

void IntakeForm::retranslate()
{
    m_cadLabel->setText(tr("&CAD number:"));
    m_receivedLabel->setText(tr("&Received (%1):").arg(ProgramTime::zoneLabel()));
    m_received->setToolTip(
        tr("The time the call came in, in the program's time zone (%1)").arg(ProgramTime::zoneLabel()));
    m_callerNameLabel->setText(tr("Caller na&me:"));
    m_callerPhoneLabel->setText(tr("Callback &phone:"));
    m_relationshipLabel->setText(tr("Re&lationship:"));
    m_personNameLabel->setText(tr("Person's &name:"));
    m_personAgeLabel->setText(tr("Approximate &age:"));
    m_personDescriptionLabel->setText(tr("Description:"));
    m_findPerson->setText(tr("Find or link person… (Ctrl+F)"));
    m_personHistory->setText(tr("History (Ctrl+H)"));
    m_addressLabel->setText(tr("Addre&ss:"));
    m_latitudeLabel->setText(tr("La&titude:"));
    m_longitudeLabel->setText(tr("Longitude:"));
    m_beatLabel->setText(tr("&Beat:"));
    m_callTypeLabel->setText(tr("Call t&ype:"));
    m_flagsLabel->setText(tr("Flags:"));
    m_flags[0]->setText(tr("&Weapon reported"));
    m_flags[1]->setText(tr("Violence toward &others"));
    m_flags[2]->setText(tr("Medical &emergency"));
    m_flags[3]->setText(tr("&Intoxication"));
    m_flags[4]->setText(tr("Minors present"));
    m_languageLabel->setText(tr("Lan&guage:"));
    m_interpreter->setText(tr("Interpreter &joined"));
    m_narrativeLabel->setText(tr("Narrative:"));
    m_dispositionLabel->setText(tr("&Disposition:"));
    m_overrideLabel->setText(tr("Reason (re&quired against the recommendation):"));
    m_unitLabel->setText(tr("&Unit to send:"));
    m_save->setText(tr("Save (Ctrl+S)"));
    m_dispatch->setText(tr("Dispatch (Ctrl+D)"));
    m_close->setText(tr("Close call (Ctrl+E)"));
    m_addendum->setText(tr("Addendum (Ctrl+Shift+A)"));
    m_closedBanner->setText(tr("Closed — read only; add an addendum with Ctrl+Shift+A."));
    // After the texts: QAbstractButton::setText() replaces the shortcut with the text's mnemonic.
    m_findPerson->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_F));
    m_personHistory->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_H));
    m_save->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_S));
    m_dispatch->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_D));
    m_close->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_E));
    m_addendum->setShortcut(QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_A));
    m_personAge->setSpecialValueText(tr("unknown"));
    m_callerPhone->setPlaceholderText(tr("e.g. (919) 555-0142"));
    m_latitude->setPlaceholderText(tr("e.g. 35.9940"));
    m_longitude->setPlaceholderText(tr("e.g. -78.8986"));

    const int relationship = m_relationship->currentIndex();
    m_relationship->clear();
    m_relationship->addItems({tr("unknown"), tr("self"), tr("family"), tr("bystander"), tr("professional")});
    m_relationship->setCurrentIndex(std::max(relationship, 0));

    const int disposition = m_disposition->currentIndex();
    const QSignalBlocker block(m_disposition);
    m_disposition->clear();
    m_disposition->addItem(tr("– not decided –"), QString());
    for (routing::Disposition d : routing::kAllDispositions) {
        const QString code = QString::fromLatin1(routing::dispositionCode(d).data());
        m_disposition->addItem(DomainText::dispositionName(code), code);
    }
    m_disposition->setCurrentIndex(std::max(disposition, 0));
    {
        const QSignalBlocker blockType(m_callType);
        for (int i = 1; i < m_callType->count(); ++i)
            m_callType->setItemText(
                i, DomainText::callTypeName(m_callType->itemData(i, Qt::UserRole + 1).toString()));
    }
    m_headline->setText(title());
    recompute();
}

QString IntakeForm::title() const
{
    const QString cad = m_cad->text().trimmed();
    if (m_call.id.isEmpty())
        return cad.isEmpty() ? tr("New call") : tr("New call %1").arg(cad);
    return isClosed() ? tr("Call %1 (closed)").arg(cad) : tr("Call %1").arg(cad);
}

void IntakeForm::connectChanges()
{
    const auto mark = [this] {
        changed();
    };
    for (QLineEdit* edit : {m_cad, m_callerName, m_callerPhone, m_personName, m_personDescription, m_address,
                            m_latitude, m_longitude})
        connect(edit, &QLineEdit::textChanged, this, mark);
    connect(m_received, &QDateTimeEdit::dateTimeChanged, this, mark);
    connect(m_relationship, &QComboBox::currentIndexChanged, this, mark);
    connect(m_personAge, &QSpinBox::valueChanged, this, mark);
    // Before mark: a beat the counselor types or changes is theirs, no longer the one found.
    connect(m_beat, &QComboBox::currentTextChanged, this, [this] {
        if (!m_loading)
            m_beatFromPosition = false;
    });
    connect(m_beat, &QComboBox::currentTextChanged, this, mark);
    connect(m_callType, &QComboBox::currentTextChanged, this, mark);
    for (QCheckBox* flag : m_flags)
        connect(flag, &QCheckBox::toggled, this, mark);
    connect(m_language, &QComboBox::currentIndexChanged, this, mark);
    connect(m_interpreter, &QCheckBox::toggled, this, mark);
    connect(m_narrative, &QPlainTextEdit::textChanged, this, mark);
    connect(m_cssrs, &CssrsPanel::answersChanged, this, mark);
    connect(m_disposition, &QComboBox::currentIndexChanged, this, mark);
    connect(m_overrideReason, &QPlainTextEdit::textChanged, this, mark);
    connect(m_unit, &QComboBox::currentTextChanged, this, mark);
}

void IntakeForm::changed()
{
    if (m_loading)
        return;
    m_dirty = true;
    // The first change since the last write schedules the next one, so every
    // change reaches the database at most kAutosaveMs later even while the
    // typing goes on (restarting the timer at each keystroke postponed the
    // write for as long as the counselor kept typing).
    if (!m_autosave.isActive())
        m_autosave.start();
    recompute();
    const QString newTitle = title();
    if (newTitle != m_headline->text()) {
        m_headline->setText(newTitle);
        Q_EMIT titleChanged(newTitle);
    }
}

QJsonObject IntakeForm::draftContent() const
{
    QJsonObject draft;
    draft.insert(QStringLiteral("formId"), m_formId);
    draft.insert(QStringLiteral("callId"), m_call.id);
    draft.insert(QStringLiteral("version"), m_call.version);
    draft.insert(QStringLiteral("cadNumber"), m_cad->text());
    draft.insert(QStringLiteral("received"), m_received->dateTime().toString(Qt::ISODate));
    draft.insert(QStringLiteral("callerName"), m_callerName->text());
    draft.insert(QStringLiteral("callerPhone"), m_callerPhone->text());
    draft.insert(QStringLiteral("relationship"), m_relationship->currentIndex());
    draft.insert(QStringLiteral("personId"), m_personId);
    draft.insert(QStringLiteral("personName"), m_personName->text());
    draft.insert(QStringLiteral("personAge"), m_personAge->value());
    draft.insert(QStringLiteral("personDescription"), m_personDescription->text());
    draft.insert(QStringLiteral("address"), m_address->text());
    draft.insert(QStringLiteral("latitude"), m_latitude->text());
    draft.insert(QStringLiteral("longitude"), m_longitude->text());
    draft.insert(QStringLiteral("beat"), m_beat->currentText());
    draft.insert(QStringLiteral("beatFromPosition"), m_beatFromPosition);
    draft.insert(QStringLiteral("callType"), m_callType->currentText());
    QJsonArray flags;
    for (QCheckBox* flag : m_flags)
        flags.append(flag->isChecked());
    draft.insert(QStringLiteral("flags"), flags);
    draft.insert(QStringLiteral("language"), m_language->currentData().toString());
    draft.insert(QStringLiteral("interpreter"), m_interpreter->isChecked());
    draft.insert(QStringLiteral("narrative"), m_narrative->toPlainText());
    draft.insert(QStringLiteral("cssrs"), QString::fromStdString(triage::encodeCssrs(m_cssrs->answers())));
    draft.insert(QStringLiteral("disposition"), m_disposition->currentData().toString());
    draft.insert(QStringLiteral("overrideReason"), m_overrideReason->toPlainText());
    draft.insert(QStringLiteral("unit"), unitCode());
    return draft;
}

void IntakeForm::restoreDraft(const QJsonObject& draft, bool reopened)
{
    restoreDraftText(draftKey(), QString::fromUtf8(QJsonDocument(draft).toJson(QJsonDocument::Compact)),
                     reopened);
}

bool IntakeForm::restoreDraftText(const QString& key, const QString& text, bool reopened)
{
    const QByteArray utf8 = text.toUtf8();
    const auto parsed = intake::parseIntakeDraft(std::string_view(utf8.constData(), std::size_t(utf8.size())),
                                                 "intake draft");
    if (!parsed) {
        // The form stays empty under the draft's own key (typing here replaces
        // the unreadable draft); what was wrong goes to the status line, never
        // a word of the draft itself.
        if (key.startsWith(QLatin1String("intake/")) && key.size() > 7)
            m_formId = key.mid(7);
        const DataError& error = parsed.error();
        const QString where = QString::fromStdString(error.location);
        setStatus(tr("The draft saved for this call could not be read (%1), so this form is empty. The other "
                     "calls and drafts are not affected.")
                      .arg(where.isEmpty()
                               ? QString::fromStdString(error.message)
                               : where + QStringLiteral(": ") + QString::fromStdString(error.message)));
        m_headline->setText(title());
        return false;
    }
    const intake::IntakeDraft& draft = parsed.value();
    const auto str = [](const std::string& value) {
        return QString::fromStdString(value);
    };
    m_loading = true;
    if (!draft.formId.empty())
        m_formId = str(draft.formId);
    else if (key.startsWith(QLatin1String("intake/")) && key.size() > 7)
        m_formId = key.mid(7);
    const QString callId = str(draft.callId);
    if (!callId.isEmpty()) {
        auto saved = usecases::CallUseCases(m_services).open(callId);
        if (saved.ok())
            m_call = saved.value();
    }
    m_cad->setText(str(draft.cadNumber));
    m_received->setDateTime(QDateTime::fromString(str(draft.received), Qt::ISODate));
    m_callerName->setText(str(draft.callerName));
    m_callerPhone->setText(str(draft.callerPhone));
    m_relationship->setCurrentIndex(draft.relationship);
    m_personId = str(draft.personId);
    m_personName->setText(str(draft.personName));
    m_personAge->setValue(draft.personAge);
    m_personDescription->setText(str(draft.personDescription));
    m_address->setText(str(draft.address));
    m_latitude->setText(str(draft.latitude));
    m_longitude->setText(str(draft.longitude));
    m_beat->setCurrentText(str(draft.beat));
    m_beatFromPosition = draft.beatFromPosition;
    m_callType->setCurrentText(str(draft.callType));
    for (std::size_t i = 0; i < m_flags.size(); ++i)
        m_flags[i]->setChecked(i < draft.flags.size() && draft.flags[i]);
    m_language->setCurrentIndex(std::max(0, m_language->findData(str(draft.language))));
    m_interpreter->setChecked(draft.interpreter);
    m_narrative->setPlainText(str(draft.narrative));
    if (auto answers = triage::decodeCssrs(draft.cssrs))
        m_cssrs->setAnswers(answers.value());
    m_disposition->setCurrentIndex(std::max(0, m_disposition->findData(str(draft.disposition))));
    m_overrideReason->setPlainText(str(draft.overrideReason));
    m_unit->setCurrentText(str(draft.unit));
    m_loading = false;
    m_dirty = true; // restored, not yet saved as a call
    setReadOnly(isClosed());
    recompute();
    m_headline->setText(title());
    setStatus(reopened ? tr("Reopened from your drafts.")
                       : tr("Restored from the draft saved before the program stopped."));
    followCall();
    // The draft was typed over an older version of the call: the counselor
    // chooses before anything is saved over what was changed since.
    const int draftVersion = draft.version;
    if (!m_call.id.isEmpty() && draftVersion > 0 && m_call.version > draftVersion) {
        m_elsewhere->setVersion(draftVersion);
        m_elsewhere->showConflict();
    }
    return true;
}

void IntakeForm::writeDraft()
{
    m_autosave.stop();
    if (!m_dirty)
        return;
    const QString content = QString::fromUtf8(QJsonDocument(draftContent()).toJson(QJsonDocument::Compact));
    if (m_drafts) {
        m_drafts->save(m_services.actor, draftKey(), content); // returns at once; status follows on saved()
        return;
    }
    if (store::StoreError error = usecases::CallUseCases(m_services).keepDraft(draftKey(), content)) {
        setStatus(tr("The draft could not be saved: %1").arg(DomainText::errorText(error)));
        return;
    }
    if (m_elsewhere->isAwaitingChoice())
        return; // the line asking for the choice stays
    setStatus(ProgramTime::sentence(
        tr("Draft saved %1.").arg(ProgramTime::timeText(store::toDateTime(m_services.clock.now())))));
}

void IntakeForm::flushDraft()
{
    if (m_autosave.isActive())
        writeDraft();
    if (m_drafts)
        m_drafts->waitForIdle();
}

void IntakeForm::discardDraft()
{
    m_autosave.stop();
    if (m_drafts) {
        m_drafts->discard(m_services.actor, draftKey());
        m_drafts->waitForIdle(); // the call was just saved: no draft may come back after it
        return;
    }
    usecases::CallUseCases(m_services).discardDraft(draftKey());
}

bool IntakeForm::eventFilter(QObject* watched, QEvent* event)
{
    // A field that accepts ShortcutOverride keeps the key for editing and the
    // shortcut never fires; ignoring the override here lets the form's win.
    if (event->type() == QEvent::ShortcutOverride) {
        const auto* key = static_cast<QKeyEvent*>(event);
        if (isFormShortcut(QKeySequence(key->keyCombination()))) {
            event->ignore();
            return true;
        }
    }
    // A shortcut whose button is disabled just now (Ctrl+D with no unit to
    // send) arrives as a key press: it must not edit the field either.
    if (event->type() == QEvent::KeyPress &&
        isFormShortcut(QKeySequence(static_cast<QKeyEvent*>(event)->keyCombination())))
        return true;
    return QWidget::eventFilter(watched, event);
}

bool IntakeForm::isFormShortcut(const QKeySequence& keys) const
{
    for (const QAbstractButton* button : std::initializer_list<const QAbstractButton*>{
             m_save, m_dispatch, m_close, m_addendum, m_findPerson, m_personHistory}) {
        if (button->shortcut() == keys)
            return true;
    }
    // The CAD differences' (Ctrl+Shift+C, Ctrl+Shift+X) while they are shown.
    if (m_cadBar && m_cadBar->isVisible()) {
        for (const QAbstractButton* button : m_cadBar->findChildren<QAbstractButton*>())
            if (button->shortcut() == keys)
                return true;
    }
    // The workplace's own (Ctrl+N, Ctrl+W, my drafts) win too.
    for (const QWidget* widget = parentWidget(); widget; widget = widget->parentWidget()) {
        for (const QAction* action : widget->actions()) {
            if (action->shortcuts().contains(keys))
                return true;
        }
    }
    return false;
}

void IntakeForm::followCall()
{
    if (m_call.id.isEmpty())
        return;
    if (!m_elsewhere->isAwaitingChoice())
        m_elsewhere->watch(QStringLiteral("call"), m_call.id, m_call.version);
}

void IntakeForm::onChangedElsewhere(const store::JournalEntry& entry)
{
    if (!m_dirty || isClosed()) {
        // Nothing typed to keep: their version, and a word of who changed it.
        if (openCall(m_call.id))
            m_elsewhere->showChange(entry, false);
        return;
    }
    m_elsewhere->showChange(entry, true);
    setStatus(tr("Not saved yet: someone else changed this call. Choose Reload theirs or Keep mine."));
}

void IntakeForm::reloadTheirs()
{
    discardDraft(); // what was typed goes, and does not come back as a draft
    if (openCall(m_call.id))
        setStatus(tr("Their version is shown; what you typed was not saved."));
}

void IntakeForm::keepMine()
{
    // Their version becomes the base (status, unit, times and the fields the
    // counselor left alone); the fields they changed keep what they typed,
    // saved over it as the counselor's own audited update.
    const TypedFields typed = TypedFields::of(this, m_elsewhere);
    const QList<QWidget*> mine = typed.changedSince(m_asRead);
    auto fresh = usecases::CallUseCases(m_services).open(m_call.id);
    if (!fresh.ok()) {
        setStatus(tr("Not saved: %1").arg(DomainText::errorText(fresh.error())));
        return;
    }
    m_call = fresh.value();
    loadIntoWidgets(m_call);
    m_elsewhere->watch(QStringLiteral("call"), m_call.id, m_call.version);
    typed.restore(mine);
    m_dirty = true;
    if (isClosed()) {
        // Closed meanwhile: what is typed stays on screen, for an addendum.
        setStatus(
            tr("Not saved: the call was closed meanwhile. Add what you need as an addendum (Ctrl+Shift+A)."));
        return;
    }
    save();
}

bool IntakeForm::showConflict(const store::StoreError& error)
{
    if (error.code != store::StoreErrorCode::Conflict)
        return false;
    m_dirty = true;
    m_elsewhere->showConflict();
    setStatus(tr("Not saved: someone else changed this call. Choose Reload theirs or Keep mine."));
    return true;
}

void IntakeForm::setStatus(const QString& text)
{
    m_status = text;
    m_statusLine->setText(text);
}

QString IntakeForm::statusText() const
{
    return m_status;
}

} // namespace heart::ui
