// The intake form's steps: the live routing decision, validation at the
// field, saving, dispatch, closing and addenda, and linking a known person.
#include "core/intake/IntakeRules.h"
#include "core/routing/Disposition.h"
#include "intake/CadDifferencesBar.h"
#include "intake/CssrsPanel.h"
#include "intake/IntakeForm.h"
#include "intake/PersonDialog.h"
#include "intake/ReasonText.h"
#include "intake/RoutingPanel.h"
#include "shell/ChangedElsewhereBar.h"
#include "shell/DomainText.h"
#include "store/StoreTime.h"
#include "units/TeamBoard.h"
#include "usecases/CadMappingSource.h"
#include "usecases/CallUseCases.h"

#include <QApplication>
#include <QCheckBox>
#include <QComboBox>
#include <QDateTimeEdit>
#include <QInputDialog>
#include <QLabel>
#include <QLineEdit>
#include <QMessageBox>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QSpinBox>
#include <QStandardItemModel>

namespace heart::ui {

namespace {

const char* const kRelationshipCodes[] = {"", "self", "family", "bystander", "professional"};

std::optional<double> parseCoordinate(const QString& text, bool* bad)
{
    const QString trimmed = text.trimmed();
    if (trimmed.isEmpty())
        return std::nullopt;
    bool ok = false;
    const double value = QLocale::c().toDouble(trimmed, &ok);
    if (!ok) {
        *bad = true;
        return std::nullopt;
    }
    return value;
}

QString errorWords(const Error& error)
{
    const std::string& code = error.code;
    if (code == "received-in-future")
        return IntakeForm::tr("The time received is in the future.");
    if (code == "received-too-old")
        return IntakeForm::tr("The time received is more than 7 days ago.");
    if (code == "coordinates-outside-world")
        return IntakeForm::tr(
            "These coordinates are outside the world (latitude -90 to 90, longitude -180 to 180).");
    if (code == "phone-not-dialable")
        return IntakeForm::tr("This phone number cannot be dialed (%1).")
            .arg(QString::fromStdString(error.detail));
    if (code == "cad-number-format")
        return IntakeForm::tr("A CAD number is 3 to 32 letters, digits, '-' or '_'.");
    return QString::fromStdString(error.code);
}

} // namespace

roster::LocalDateTime IntakeForm::receivedLocal() const
{
    const QDateTime wall = m_received->dateTime();
    const QDate date = wall.date();
    return {std::chrono::year_month_day{std::chrono::year{date.year()},
                                        std::chrono::month{unsigned(date.month())},
                                        std::chrono::day{unsigned(date.day())}},
            wall.time().hour() * 60 + wall.time().minute()};
}

void IntakeForm::setReceivedUtc(const QDateTime& utc)
{
    const roster::LocalDateTime local = m_routing->zone().toLocal(store::toTimePoint(utc));
    const QDate date(int(local.date.year()), int(unsigned(local.date.month())),
                     int(unsigned(local.date.day())));
    m_received->setDateTime(QDateTime(date, QTime(local.minuteOfDay / 60, local.minuteOfDay % 60), Qt::UTC));
}

void IntakeForm::startNew()
{
    m_loading = true;
    const roster::LocalDateTime today = m_routing->zone().toLocal(m_services.clock.now());
    const std::string prefix = intake::generatedCadNumber(today.date, 0);
    const QString cadPrefix = QString::fromStdString(prefix.substr(0, prefix.find('-') + 1));
    const auto numberFor = [&today](int sequence) {
        return QString::fromStdString(intake::generatedCadNumber(today.date, sequence));
    };
    // Handed out for good: no other workstation, and no later call of ours, gets it.
    auto sequence = usecases::CallUseCases(m_services).reserveCadNumber(cadPrefix, numberFor);
    if (sequence.ok())
        m_cad->setText(numberFor(sequence.value()));
    else
        setStatus(tr("No CAD number could be handed out (%1): type the CAD number.")
                      .arg(DomainText::errorText(sequence.error())));
    setReceivedUtc(store::toDateTime(m_services.clock.now()));
    m_loading = false;
    m_dirty = false;
    recompute();
    m_headline->setText(title());
    m_callerName->setFocus();
}

bool IntakeForm::openCall(const QString& callId)
{
    auto loaded = usecases::CallUseCases(m_services).open(callId);
    if (!loaded.ok()) {
        setStatus(DomainText::errorText(loaded.error()));
        return false;
    }
    m_call = loaded.value();
    loadIntoWidgets(m_call);
    m_elsewhere->watch(QStringLiteral("call"), m_call.id, m_call.version);
    m_cadBar->setCall(m_call.id);
    return true;
}

void IntakeForm::acceptCadChanges(const cad::CadIncident& latest, const std::vector<cad::CadField>& fields)
{
    QString error;
    const auto mapping = usecases::cadMapping(m_services, {}, &error);
    if (!mapping) {
        setStatus(tr("The CAD's changes could not be read: %1").arg(error));
        return;
    }
    store::CallRecord call = collect();
    usecases::applyCadFields(call, latest, fields, *mapping);
    loadIntoWidgets(call);
    changed();
    if (m_cadBar->settle(true))
        setStatus(tr("The CAD's changes are in the form. Save the call to keep them (Ctrl+S)."));
}

void IntakeForm::loadIntoWidgets(const store::CallRecord& call)
{
    m_loading = true;
    m_cad->setText(call.cadNumber);
    setReceivedUtc(call.receivedAt);
    m_callerName->setText(call.callerName);
    m_callerPhone->setText(call.callerPhone.isEmpty()
                               ? QString()
                               : QString::fromStdString(intake::formatPhone(call.callerPhone.toStdString())));
    for (int i = 0; i < 5; ++i) {
        if (call.callerRelationship == QLatin1String(kRelationshipCodes[i]))
            m_relationship->setCurrentIndex(i);
    }
    m_personId = call.personId;
    m_personName->setText(call.personName);
    m_personAge->setValue(call.personAge.value_or(-1));
    m_personDescription->setText(call.personDescription);
    m_address->setText(call.address);
    m_latitude->setText(call.latitude ? QString::number(*call.latitude, 'f', 6) : QString());
    m_longitude->setText(call.longitude ? QString::number(*call.longitude, 'f', 6) : QString());
    m_beat->setCurrentText(call.beat);
    m_beatFromPosition = call.beatSource == QLatin1String("from_position") && !call.beat.isEmpty();
    const int type = m_callType->findData(call.callType);
    m_callType->setCurrentIndex(type >= 0 ? type : 0);
    for (std::size_t i = 0; i < m_flags.size(); ++i)
        m_flags[i]->setChecked(
            call.flags.contains(QString::fromLatin1(routing::flagCode(routing::kAllFlags[i]).data())));
    m_language->setCurrentIndex(std::max(0, m_language->findData(call.language)));
    m_interpreter->setChecked(call.interpreter);
    m_narrative->setPlainText(call.narrative);
    if (auto answers = triage::decodeCssrs(call.cssrs.toStdString()); answers.ok() && !call.cssrs.isEmpty())
        m_cssrs->setAnswers(answers.value());
    m_disposition->setCurrentIndex(std::max(0, m_disposition->findData(call.disposition)));
    m_overrideReason->setPlainText(call.overrideReason);
    m_unit->setCurrentText(call.assignedUnit);
    m_loading = false;
    m_dirty = false;
    setReadOnly(isClosed());
    recompute();
    m_headline->setText(title());
    Q_EMIT titleChanged(title());
    m_asRead = TypedFields::of(this, m_elsewhere);
}

void IntakeForm::resolveBeat()
{
    // The beat found from the coordinates goes into the Beat field (marked as
    // found), where the counselor can still change it; a beat they typed stays.
    bool bad = false;
    const auto lat = parseCoordinate(m_latitude->text(), &bad);
    const auto lon = parseCoordinate(m_longitude->text(), &bad);
    const bool located = lat && lon && !bad && !intake::checkCoordinates(*lat, *lon);
    std::optional<std::string> beat;
    if (located)
        beat = m_routing->beats->locate({*lon, *lat});
    const bool typed = !m_beatFromPosition && !m_beat->currentText().trimmed().isEmpty();
    if (!typed && !isClosed()) {
        const QString found = beat ? QString::fromStdString(*beat) : QString();
        const QSignalBlocker block(m_beat);
        if (m_beat->currentText() != found)
            m_beat->setCurrentText(found);
        m_beatFromPosition = !found.isEmpty();
    }
    showBeatSource();
    if (!m_beatFromPosition && m_beat->currentText().trimmed().isEmpty() && located && !beat)
        m_beatInfo->setText(tr("the coordinates are outside every beat"));
}

void IntakeForm::showBeatSource()
{
    const bool typed = !m_beatFromPosition && !m_beat->currentText().trimmed().isEmpty();
    m_beatInfo->setText(m_beatFromPosition ? tr("found from the coordinates")
                        : typed            ? tr("typed")
                                           : QString());
    QFont font = m_beat->font();
    font.setItalic(m_beatFromPosition);
    if (m_beat->lineEdit())
        m_beat->lineEdit()->setFont(font);
    m_beat->setToolTip(m_beatFromPosition ? tr("Found from the coordinates; type another beat to change it.")
                                          : QString());
}

void IntakeForm::recompute()
{
    resolveBeat();
    validate(false);
    const int typeIndex = m_callType->findText(m_callType->currentText(), Qt::MatchFixedString);
    const QString typeCode =
        typeIndex > 0 ? m_callType->itemData(typeIndex).toString() : m_callType->currentText().trimmed();
    if (typeCode.isEmpty()) {
        m_decision.reset();
        m_routingPanel->showMissing(tr("Choose the call type to see which programs can answer."));
        updateDispositionState();
        return;
    }
    const std::string typeText = typeCode.toStdString();
    // A beat found from the coordinates is theirs: the routing finds it again (and says so).
    const std::string beatText =
        m_beatFromPosition ? std::string() : m_beat->currentText().trimmed().toStdString();
    routing::CallFacts facts;
    facts.callType = typeText;
    facts.beat = beatText;
    bool bad = false;
    const auto lat = parseCoordinate(m_latitude->text(), &bad);
    const auto lon = parseCoordinate(m_longitude->text(), &bad);
    if (lat && lon && !intake::checkCoordinates(*lat, *lon))
        facts.position = geo::GeoPoint{*lon, *lat};
    for (std::size_t i = 0; i < m_flags.size(); ++i)
        facts.flags.set(routing::kAllFlags[i], m_flags[i]->isChecked());
    facts.received = receivedLocal();
    facts.risk = m_cssrs->result().risk;
    auto decision = m_routing->router->decide(facts);
    if (!decision.ok()) {
        m_decision.reset();
        m_routingPanel->showMissing(
            tr("No rule set is in force on %1.").arg(QString::fromStdString(decision.error().field)));
    } else {
        m_decision = decision.value();
        m_routingPanel->showDecision(*m_decision, m_routing->router->rules().inForce(m_decision->local.date));
    }
    updateDispositionState();
}

void IntakeForm::updateDispositionState()
{
    const auto disposition =
        routing::dispositionFromCode(m_disposition->currentData().toString().toStdString());
    const bool against =
        disposition && m_decision && !routing::followsRecommendation(*disposition, m_decision->recommended);
    m_overrideLabel->setEnabled(against && !isClosed());
    m_overrideReason->setEnabled(against && !isClosed());
    const bool unit = disposition && routing::sendsUnit(*disposition);
    if (unit && !isClosed())
        loadUnits(*disposition);
    m_unitLabel->setEnabled(unit && !isClosed());
    m_unit->setEnabled(unit && !isClosed());
    m_dispatch->setEnabled(unit && store::toCall(m_call).awaitsDispatch());
}

void IntakeForm::showFieldError(QLabel* label, const QString& text)
{
    label->setText(text);
    label->setVisible(!text.isEmpty());
}

bool IntakeForm::validate(bool focusFirstError)
{
    QWidget* first = nullptr;
    const auto check = [&](QLabel* label, QWidget* field, const QString& text) {
        showFieldError(label, text);
        if (!text.isEmpty() && !first)
            first = field;
    };
    const auto cadError = intake::checkCadNumber(m_cad->text().trimmed().toStdString());
    check(m_cadError, m_cad, cadError ? errorWords(*cadError) : QString());
    const TimePoint received = m_routing->zone().toUtc(receivedLocal());
    // A saved call keeps the time it was received: reopening a call from last
    // week is not an error, only typing a new time that is out of range.
    const bool receivedAsSaved = !m_call.id.isEmpty() && m_call.receivedAt == store::toDateTime(received);
    const auto receivedError =
        receivedAsSaved ? std::nullopt : intake::checkReceivedAt(received, m_services.clock.now());
    check(m_receivedError, m_received, receivedError ? errorWords(*receivedError) : QString());
    const auto phone = intake::normalisePhone(m_callerPhone->text().toStdString());
    check(m_callerPhoneError, m_callerPhone, phone.ok() ? QString() : errorWords(phone.error()));
    bool bad = false;
    const auto lat = parseCoordinate(m_latitude->text(), &bad);
    const auto lon = parseCoordinate(m_longitude->text(), &bad);
    QString coordinates;
    if (bad)
        coordinates = tr("Coordinates are decimal degrees, e.g. 35.9940 and -78.8986.");
    else if (lat.has_value() != lon.has_value())
        coordinates = tr("Give both latitude and longitude, or neither.");
    else if (lat && lon)
        if (const auto error = intake::checkCoordinates(*lat, *lon))
            coordinates = errorWords(*error);
    check(m_coordinatesError, m_latitude, coordinates);
    const QString typeText = m_callType->currentText().trimmed();
    const bool knownType = typeText.isEmpty() || m_callType->findText(typeText, Qt::MatchFixedString) > 0;
    check(m_callTypeError, m_callType,
          knownType ? QString() : tr("\"%1\" is not a call type of the rules in force.").arg(typeText));

    const auto disposition =
        routing::dispositionFromCode(m_disposition->currentData().toString().toStdString());
    const bool against =
        disposition && m_decision && !routing::followsRecommendation(*disposition, m_decision->recommended);
    check(m_overrideError, m_overrideReason,
          against && m_overrideReason->toPlainText().trimmed().isEmpty()
              ? tr("This is not what the routing recommends: say why.")
              : QString());
    const bool needsUnit = disposition && routing::sendsUnit(*disposition);
    check(m_unitError, m_unit,
          needsUnit && unitCode().isEmpty() ? tr("Choose the unit to send.") : QString());
    if (focusFirstError && first)
        first->setFocus();
    return first == nullptr;
}

store::CallRecord IntakeForm::collect() const
{
    store::CallRecord call = m_call;
    call.cadNumber = m_cad->text().trimmed();
    call.receivedAt = store::toDateTime(m_routing->zone().toUtc(receivedLocal()));
    call.callerName = m_callerName->text().trimmed();
    const auto phone = intake::normalisePhone(m_callerPhone->text().toStdString());
    call.callerPhone = phone.ok() ? QString::fromStdString(phone.value()) : QString();
    call.callerRelationship =
        QString::fromLatin1(kRelationshipCodes[std::max(0, m_relationship->currentIndex())]);
    call.personId = m_personId;
    call.personName = m_personName->text().trimmed();
    call.personAge = m_personAge->value() >= 0 ? std::optional<int>(m_personAge->value()) : std::nullopt;
    call.personDescription = m_personDescription->text().trimmed();
    call.address = m_address->text().trimmed();
    bool bad = false;
    call.latitude = parseCoordinate(m_latitude->text(), &bad);
    call.longitude = parseCoordinate(m_longitude->text(), &bad);
    call.beat = m_decision ? QString::fromStdString(m_decision->beat) : m_beat->currentText().trimmed();
    call.beatSource = !m_decision                                            ? QString()
                      : m_decision->beatSource == routing::BeatSource::Given ? QStringLiteral("given")
                      : m_decision->beatSource == routing::BeatSource::FromPosition
                          ? QStringLiteral("from_position")
                          : QString();
    const int typeIndex = m_callType->findText(m_callType->currentText(), Qt::MatchFixedString);
    call.callType =
        typeIndex > 0 ? m_callType->itemData(typeIndex).toString() : m_callType->currentText().trimmed();
    call.flags.clear();
    for (std::size_t i = 0; i < m_flags.size(); ++i) {
        if (m_flags[i]->isChecked())
            call.flags << QString::fromLatin1(routing::flagCode(routing::kAllFlags[i]).data());
    }
    call.language = m_language->currentData().toString();
    call.interpreter = m_interpreter->isChecked();
    call.narrative = m_narrative->toPlainText();
    const triage::CssrsAnswers answers = m_cssrs->answers();
    const triage::CssrsResult result = triage::assessCssrs(answers);
    call.cssrs =
        answers == triage::CssrsAnswers{} ? QString() : QString::fromStdString(triage::encodeCssrs(answers));
    call.riskLevel = result.risk == routing::RiskLevel::NotAssessed
                         ? QString()
                         : QString::fromLatin1(routing::riskCode(result.risk).data());
    const QDateTime now = store::toDateTime(m_services.clock.now());
    if (result.complete && !call.triagedAt.isValid())
        call.triagedAt = now;
    call.ruleSetId = m_decision ? QString::fromStdString(m_decision->ruleSetId) : QString();
    call.recommended.clear();
    if (m_decision) {
        for (routing::Program program : m_decision->recommended)
            call.recommended << QString::fromLatin1(routing::programCode(program).data());
    }
    const QString disposition = m_disposition->currentData().toString();
    if (disposition != call.disposition && !disposition.isEmpty())
        call.decidedAt = now;
    call.disposition = disposition;
    const auto parsed = routing::dispositionFromCode(disposition.toStdString());
    call.program = parsed
                       ? QString::fromLatin1(routing::programCode(routing::handlingProgram(*parsed)).data())
                             .replace(u'-', u'_')
                       : QString();
    const bool against =
        parsed && m_decision && !routing::followsRecommendation(*parsed, m_decision->recommended);
    call.overrideReason = against ? m_overrideReason->toPlainText().trimmed() : QString();
    return call;
}

bool IntakeForm::save()
{
    if (isClosed())
        return false;
    if (m_elsewhere->isAwaitingChoice()) {
        setStatus(tr("Not saved: someone else changed this call. Choose Reload theirs or Keep mine."));
        return false;
    }
    if (!validate(true)) {
        setStatus(tr("Not saved: correct the fields marked in red."));
        return false;
    }
    auto saved = usecases::CallUseCases(m_services).save(collect());
    if (!saved.ok()) {
        if (showConflict(saved.error()))
            return false;
        setStatus(tr("Not saved: %1").arg(DomainText::errorText(saved.error())));
        if (saved.error().field == QLatin1String("cadNumber")) {
            showFieldError(m_cadError, tr("This CAD number belongs to another call."));
            m_cad->setFocus();
        }
        return false;
    }
    m_call = saved.value();
    m_dirty = false;
    m_asRead = TypedFields::of(this, m_elsewhere);
    followCall();
    discardDraft();
    setStatus(tr("Saved."));
    m_headline->setText(title());
    Q_EMIT titleChanged(title());
    Q_EMIT callSaved(m_call.id);
    updateDispositionState();
    return true;
}

void IntakeForm::loadUnits(routing::Disposition disposition)
{
    // The team board's units of the kind the disposition sends, available
    // ones first; busy ones are listed (greyed, with their status in the
    // text, a tooltip and the accessible description) so the counselor sees
    // why they cannot be chosen.
    auto board = usecases::CallUseCases(m_services).unitBoard();
    if (!board.ok())
        return;
    const units::UnitKind kind = disposition == routing::Disposition::CorDispatch
                                     ? units::UnitKind::CoResponse
                                     : units::UnitKind::CommunityResponse;
    QList<store::Unit> list;
    for (const store::Unit& unit : board.value()) {
        if (unit.kind == kind)
            list.append(unit);
    }
    const auto free = [](const store::Unit& u) {
        return u.status == units::UnitStatus::Available || u.status == units::UnitStatus::Clear;
    };
    std::stable_sort(list.begin(), list.end(),
                     [&](const store::Unit& a, const store::Unit& b) { return free(a) && !free(b); });
    const QString typed = unitCode();
    const QSignalBlocker block(m_unit);
    m_unit->clear();
    auto* model = qobject_cast<QStandardItemModel*>(m_unit->model());
    for (const store::Unit& unit : list) {
        const QString status = UnitBoardModel::statusName(unit.status).toLower();
        const bool ours = m_call.assignedUnit == unit.code;
        const bool busy = !free(unit) && !ours;
        const QString why =
            busy                  ? (unit.callCad.isEmpty()
                                         ? tr("%1 is %2: busy, it cannot be sent until it clears.").arg(unit.code, status)
                                         : tr("%1 is %2 on call %3: busy, it cannot be sent until it clears.")
                              .arg(unit.code, status, unit.callCad))
            : ours && !free(unit) ? tr("%1 is %2 on this call.").arg(unit.code, status)
                                  : tr("%1 is %2: it can be sent.").arg(unit.code, status);
        m_unit->addItem(busy ? tr("%1 — %2, busy").arg(unit.code, status)
                             : tr("%1 — %2").arg(unit.code, status),
                        unit.id);
        const int row = m_unit->count() - 1;
        m_unit->setItemData(row, unit.id, kUnitIdRole);
        m_unit->setItemData(row, unit.code, kUnitCodeRole);
        m_unit->setItemData(row, why, Qt::ToolTipRole);
        m_unit->setItemData(row, why, Qt::AccessibleDescriptionRole);
        if (busy && model)
            model->item(row)->setEnabled(false);
    }
    m_unit->setCurrentIndex(-1);
    m_unit->setEditText(typed);
}

QString IntakeForm::unitCode() const
{
    const QString text = m_unit->currentText().trimmed();
    for (int i = 0; i < m_unit->count(); ++i) {
        if (m_unit->itemText(i).compare(text, Qt::CaseInsensitive) == 0)
            return m_unit->itemData(i, kUnitCodeRole).toString();
    }
    return text;
}

int IntakeForm::unitIndex(const QString& code) const
{
    for (int i = 0; i < m_unit->count(); ++i) {
        if (m_unit->itemData(i, kUnitCodeRole).toString().compare(code, Qt::CaseInsensitive) == 0)
            return i;
    }
    return -1;
}

bool IntakeForm::dispatchUnit()
{
    if (!save())
        return false;
    const auto disposition = routing::dispositionFromCode(m_call.disposition.toStdString());
    if (!disposition || !routing::sendsUnit(*disposition)) {
        setStatus(tr("Choose CRT or Co-Response dispatch as the disposition first."));
        m_disposition->setFocus();
        return false;
    }
    // A unit on the team board is moved to "dispatched" on this call first:
    // a busy unit refuses, and the call is not marked dispatched. A unit
    // typed by hand (not on the board) is recorded on the call only.
    QString code = unitCode();
    QString unitId;
    std::optional<store::Unit> current;
    if (const int index = unitIndex(code); index >= 0) {
        code = m_unit->itemData(index, kUnitCodeRole).toString();
        unitId = m_unit->itemData(index, kUnitIdRole).toString();
        auto read = usecases::CallUseCases(m_services).unit(unitId);
        if (!read.ok()) {
            setStatus(tr("Not dispatched: %1").arg(DomainText::errorText(read.error())));
            loadUnits(*disposition);
            return false;
        }
        current = read.value();
    }
    // The unit and the call in one transaction: both or neither.
    auto dispatched = usecases::CallUseCases(m_services)
                          .dispatch(m_call.id, m_call.version, unitId, current ? current->version : 0, code);
    if (!dispatched.ok()) {
        if (showConflict(dispatched.error()))
            return false;
        const bool busy = dispatched.error().code == store::StoreErrorCode::UnitBusy && current;
        setStatus(busy ? tr("Not dispatched: %1 is %2. Choose an available unit.")
                             .arg(code, UnitBoardModel::statusName(current->status).toLower())
                       : tr("Not dispatched: %1").arg(DomainText::errorText(dispatched.error())));
        if (current)
            loadUnits(*disposition);
        return false;
    }
    m_call = dispatched.value().call;
    followCall();
    setStatus(tr("%1 dispatched.").arg(m_call.assignedUnit));
    updateDispositionState();
    return true;
}

bool IntakeForm::confirmCloseWhileUnitOut()
{
    if (!store::toCall(m_call).isDispatched())
        return true;
    // The unit has cleared when the board shows it free or on another call.
    QString state;
    if (auto board = usecases::CallUseCases(m_services).unitBoard(); board.ok()) {
        for (const store::Unit& unit : board.value()) {
            if (unit.code.compare(m_call.assignedUnit, Qt::CaseInsensitive) != 0)
                continue;
            if (unit.callId != m_call.id || unit.status == units::UnitStatus::Available ||
                unit.status == units::UnitStatus::Clear)
                return true;
            state = UnitBoardModel::statusName(unit.status).toLower();
        }
    }
    QMessageBox question(
        QMessageBox::Warning, tr("Close the call"),
        state.isEmpty() ? tr("%1 was sent to this call and has not reported clear. Close the call anyway?")
                              .arg(m_call.assignedUnit)
                        : tr("%1 is still %2 on this call and has not cleared. Close the call anyway?")
                              .arg(m_call.assignedUnit, state),
        QMessageBox::NoButton, this);
    question.setObjectName(QStringLiteral("confirmCloseCall"));
    QPushButton* close = question.addButton(tr("Close the call"), QMessageBox::DestructiveRole);
    close->setObjectName(QStringLiteral("confirmCloseCallYes"));
    QPushButton* keep = question.addButton(tr("Keep it open"), QMessageBox::RejectRole);
    keep->setObjectName(QStringLiteral("confirmCloseCallNo"));
    question.setDefaultButton(keep);
    question.setEscapeButton(keep);
    question.exec();
    return question.clickedButton() == close;
}

bool IntakeForm::closeCall()
{
    if (isClosed())
        return false;
    if (m_disposition->currentData().toString().isEmpty()) {
        showFieldError(m_overrideError, QString());
        setStatus(tr("Record the disposition before closing the call."));
        m_disposition->setFocus();
        return false;
    }
    if (!confirmCloseWhileUnitOut()) {
        setStatus(tr("Not closed: the unit has not cleared."));
        return false;
    }
    if (!save())
        return false;
    auto closed = usecases::CallUseCases(m_services).close(m_call.id, m_call.version);
    if (!closed.ok()) {
        if (!showConflict(closed.error()))
            setStatus(tr("Not closed: %1").arg(DomainText::errorText(closed.error())));
        return false;
    }
    m_call = closed.value();
    followCall();
    setReadOnly(true);
    setStatus(tr("Call closed. Changes now go through an addendum (Ctrl+Shift+A)."));
    m_headline->setText(title());
    Q_EMIT titleChanged(title());
    return true;
}

bool IntakeForm::atImminentRisk() const
{
    return m_cssrs->result().risk == routing::RiskLevel::High;
}

bool IntakeForm::addAddendum(const QString& given)
{
    if (!isClosed())
        return false;
    QString text = given;
    if (text.isEmpty()) {
        bool ok = false;
        text = QInputDialog::getMultiLineText(
            this, tr("Addendum"), tr("Correction or addition to the closed call:"), QString(), &ok);
        if (!ok)
            return false;
    }
    auto added = usecases::CallUseCases(m_services).addAddendum(m_call.id, text);
    if (!added.ok()) {
        setStatus(tr("Addendum not saved: %1").arg(DomainText::errorText(added.error())));
        return false;
    }
    setStatus(tr("Addendum saved."));
    return true;
}

void IntakeForm::setReadOnly(bool readOnly)
{
    // Read-only text fields take the window's colour, as disabled ones do,
    // so a closed call does not look editable; they stay selectable and copyable.
    const auto look = [readOnly](QWidget* field) {
        QPalette palette = QApplication::palette(field);
        if (readOnly)
            palette.setColor(QPalette::Base, palette.color(QPalette::Window));
        field->setPalette(palette);
    };
    for (QLineEdit* edit : {m_cad, m_callerName, m_callerPhone, m_personName, m_personDescription, m_address,
                            m_latitude, m_longitude}) {
        edit->setReadOnly(readOnly);
        look(edit);
    }
    for (QWidget* widget : std::initializer_list<QWidget*>{
             m_received, m_relationship, m_personAge, m_beat, m_callType, m_language, m_interpreter,
             m_disposition, m_unit, m_findPerson, m_save, m_close})
        widget->setEnabled(!readOnly);
    for (QCheckBox* flag : m_flags)
        flag->setEnabled(!readOnly);
    for (QPlainTextEdit* edit : {m_narrative, m_overrideReason}) {
        edit->setReadOnly(readOnly);
        look(edit);
    }
    m_cssrs->setReadOnly(readOnly);
    m_addendum->setVisible(readOnly);
    m_closedBanner->setVisible(readOnly);
    updateDispositionState();
}

void IntakeForm::linkPerson()
{
    PersonDialog dialog(m_services, this);
    dialog.setSearch(m_personName->text().trimmed(),
                     m_relationship->currentIndex() == 1 ? m_callerPhone->text().trimmed() : QString());
    if (dialog.exec() != QDialog::Accepted || dialog.personId().isEmpty())
        return;
    m_personId = dialog.personId();
    if (m_personName->text().trimmed().isEmpty())
        m_personName->setText(dialog.personName());
    m_personLink->setText(tr("Linked: %1").arg(dialog.personName()));
    m_personHistory->setEnabled(true);
    changed();
}

void IntakeForm::openPersonHistory()
{
    if (m_personId.isEmpty())
        return;
    PersonDialog::showHistory(m_services, m_personId, this);
}

} // namespace heart::ui
