#include "intake/PersonDialog.h"

#include "core/intake/IntakeRules.h"
#include "shell/DomainText.h"
#include "shell/ProgramTime.h"
#include "usecases/CallUseCases.h"

#include <QDialogButtonBox>
#include <QFormLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QMessageBox>
#include <QPushButton>
#include <QTableWidget>
#include <QVBoxLayout>

namespace heart::ui {

namespace {

QString fullName(const store::PersonRecord& person)
{
    return QStringList{person.givenName, person.familyName}.join(u' ').trimmed();
}

QString normalisedPhone(const QString& text)
{
    const auto phone = intake::normalisePhone(text.toStdString());
    return phone.ok() ? QString::fromStdString(phone.value()) : QString();
}

} // namespace

PersonDialog::PersonDialog(Services services, QWidget* parent)
    : QDialog(parent), m_services(std::move(services)), m_name(new QLineEdit(this)),
      m_phone(new QLineEdit(this)), m_dateOfBirth(new QLineEdit(this)), m_results(new QTableWidget(this)),
      m_message(new QLabel(this)), m_searchButton(new QPushButton(tr("&Search"), this)),
      m_link(new QPushButton(tr("&Link to the call"), this)),
      m_create(new QPushButton(tr("&New person"), this)), m_history(new QPushButton(tr("&History"), this))
{
    setObjectName(QStringLiteral("personDialog"));
    setWindowTitle(tr("Person in crisis"));
    m_name->setObjectName(QStringLiteral("personSearchName"));
    m_phone->setObjectName(QStringLiteral("personSearchPhone"));
    m_dateOfBirth->setObjectName(QStringLiteral("personSearchBirth"));
    m_dateOfBirth->setPlaceholderText(tr("YYYY-MM-DD"));
    m_results->setObjectName(QStringLiteral("personResults"));
    m_results->setColumnCount(5);
    m_results->setHorizontalHeaderLabels(
        {tr("Name"), tr("Also known as"), tr("Born"), tr("Calls"), tr("Matched on")});
    m_results->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_results->setSelectionMode(QAbstractItemView::SingleSelection);
    m_results->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_results->verticalHeader()->hide();
    m_results->horizontalHeader()->setStretchLastSection(true);
    m_message->setObjectName(QStringLiteral("personMessage"));
    m_message->setWordWrap(true);
    m_searchButton->setDefault(true);

    auto* form = new QFormLayout;
    auto* nameLabel = new QLabel(tr("Na&me or alias:"), this);
    nameLabel->setBuddy(m_name);
    auto* phoneLabel = new QLabel(tr("&Phone:"), this);
    phoneLabel->setBuddy(m_phone);
    auto* birthLabel = new QLabel(tr("&Born:"), this);
    birthLabel->setBuddy(m_dateOfBirth);
    form->addRow(nameLabel, m_name);
    form->addRow(phoneLabel, m_phone);
    form->addRow(birthLabel, m_dateOfBirth);
    auto* buttons = new QHBoxLayout;
    buttons->addWidget(m_searchButton);
    buttons->addWidget(m_link);
    buttons->addWidget(m_create);
    buttons->addWidget(m_history);
    buttons->addStretch(1);
    auto* cancel = new QPushButton(tr("Cancel"), this);
    buttons->addWidget(cancel);
    auto* layout = new QVBoxLayout(this);
    layout->addLayout(form);
    layout->addLayout(buttons);
    layout->addWidget(m_message);
    layout->addWidget(m_results, 1);
    resize(720, 420);

    connect(m_searchButton, &QPushButton::clicked, this, &PersonDialog::search);
    connect(m_link, &QPushButton::clicked, this, &PersonDialog::linkSelected);
    connect(m_create, &QPushButton::clicked, this, &PersonDialog::createPerson);
    connect(m_results, &QTableWidget::cellActivated, this, &PersonDialog::linkSelected);
    connect(m_history, &QPushButton::clicked, this, [this] {
        const int row = m_results->currentRow();
        if (row >= 0 && row < m_ids.size())
            showHistory(m_services, m_ids.at(row), this);
    });
    connect(cancel, &QPushButton::clicked, this, &QDialog::reject);
}

void PersonDialog::setSearch(const QString& name, const QString& phone)
{
    m_name->setText(name);
    m_phone->setText(phone);
    if (!name.isEmpty() || !phone.isEmpty())
        search();
}

int PersonDialog::resultCount() const
{
    return m_results->rowCount();
}

void PersonDialog::search()
{
    store::PersonQuery query;
    query.name = m_name->text().trimmed();
    query.phone = normalisedPhone(m_phone->text());
    query.dateOfBirth = QDate::fromString(m_dateOfBirth->text().trimmed(), Qt::ISODate);
    auto found = usecases::CallUseCases(m_services).searchPeople(query);
    m_results->setRowCount(0);
    m_ids.clear();
    m_names.clear();
    if (!found.ok()) {
        m_message->setText(found.error().field == QLatin1String("query")
                               ? tr("Type at least two letters of a name, a phone number or a date of birth.")
                               : DomainText::errorText(found.error()));
        return;
    }
    const QList<store::PersonMatch>& matches = found.value();
    m_message->setText(matches.isEmpty() ? tr("Nobody found. Create a new person with Alt+N.")
                                         : tr("%n person(s) found. Enter links the selected one.", nullptr,
                                              int(matches.size())));
    for (const store::PersonMatch& match : matches) {
        const int row = m_results->rowCount();
        m_results->insertRow(row);
        m_results->setItem(row, 0, new QTableWidgetItem(fullName(match.person)));
        m_results->setItem(row, 1, new QTableWidgetItem(match.person.aliases.join(QStringLiteral(", "))));
        m_results->setItem(row, 2, new QTableWidgetItem(match.person.dateOfBirth.toString(Qt::ISODate)));
        m_results->setItem(row, 3, new QTableWidgetItem(QString::number(match.calls)));
        m_results->setItem(row, 4, new QTableWidgetItem(match.matchedOn.join(QStringLiteral(", "))));
        m_ids << match.person.id;
        m_names << fullName(match.person);
    }
    if (!matches.isEmpty()) {
        m_results->selectRow(0);
        m_results->setFocus();
    }
}

void PersonDialog::linkSelected()
{
    const int row = m_results->currentRow();
    if (row < 0 || row >= m_ids.size())
        return;
    m_personId = m_ids.at(row);
    m_personName = m_names.at(row);
    accept();
}

void PersonDialog::createPerson()
{
    const QStringList parts = m_name->text().trimmed().split(u' ', Qt::SkipEmptyParts);
    if (parts.isEmpty()) {
        m_message->setText(tr("Type the person's name first."));
        m_name->setFocus();
        return;
    }
    store::PersonRecord person;
    person.givenName = parts.first();
    person.familyName = parts.mid(1).join(u' ');
    person.phone = normalisedPhone(m_phone->text());
    person.dateOfBirth = QDate::fromString(m_dateOfBirth->text().trimmed(), Qt::ISODate);
    usecases::CallUseCases calls(m_services);
    // Suggest, never merge: the counselor decides.
    auto duplicates = calls.possibleDuplicates(person);
    if (duplicates.ok() && !duplicates.value().isEmpty()) {
        QStringList names;
        for (const store::PersonMatch& match : duplicates.value())
            names << fullName(match.person);
        const auto answer =
            QMessageBox::question(this, tr("Possible duplicate"),
                                  tr("These people may be the same person: %1. Create a new record anyway?")
                                      .arg(names.join(QStringLiteral(", "))));
        if (answer != QMessageBox::Yes) {
            search();
            return;
        }
    }
    auto created = calls.createPerson(person);
    if (!created.ok()) {
        m_message->setText(DomainText::errorText(created.error()));
        return;
    }
    m_personId = created.value().id;
    m_personName = fullName(created.value());
    accept();
}

void PersonDialog::showHistory(const Services& services, const QString& personId, QWidget* parent)
{
    auto history = usecases::CallUseCases(services).personHistory(personId);
    if (!history.ok()) {
        QMessageBox::warning(parent, tr("Person"), DomainText::errorText(history.error()));
        return;
    }
    QDialog dialog(parent);
    dialog.setObjectName(QStringLiteral("personHistoryDialog"));
    const store::PersonRecord& person = history.value().person;
    dialog.setWindowTitle(tr("History: %1").arg(fullName(person)));
    auto* summary = new QLabel(&dialog);
    summary->setObjectName(QStringLiteral("personHistorySummary"));
    summary->setWordWrap(true);
    summary->setText(
        tr("<b>%1</b><br>Also known as: %2<br>Born: %3<br>%n earlier call(s). Encounters, safety plans "
           "and follow-ups appear here once they are recorded.",
           nullptr, int(history.value().calls.size()))
            .arg(fullName(person).toHtmlEscaped(),
                 person.aliases.isEmpty() ? tr("—")
                                          : person.aliases.join(QStringLiteral(", ")).toHtmlEscaped(),
                 person.dateOfBirth.isValid() ? person.dateOfBirth.toString(Qt::ISODate) : tr("unknown")));
    auto* calls = new QTableWidget(&dialog);
    calls->setObjectName(QStringLiteral("personHistoryCalls"));
    calls->setColumnCount(5);
    calls->setHorizontalHeaderLabels(
        {tr("Received"), tr("CAD number"), tr("Call type"), tr("Risk"), tr("Disposition")});
    calls->verticalHeader()->hide();
    calls->setEditTriggers(QAbstractItemView::NoEditTriggers);
    calls->horizontalHeader()->setStretchLastSection(true);
    for (const store::CallRecord& call : history.value().calls) {
        const int row = calls->rowCount();
        calls->insertRow(row);
        calls->setItem(row, 0, new QTableWidgetItem(ProgramTime::dateTimeText(call.receivedAt)));
        calls->setItem(row, 1, new QTableWidgetItem(call.cadNumber));
        calls->setItem(row, 2, new QTableWidgetItem(call.callType));
        calls->setItem(row, 3, new QTableWidgetItem(DomainText::riskLevelName(call.riskLevel)));
        calls->setItem(row, 4, new QTableWidgetItem(DomainText::dispositionName(call.disposition)));
    }
    auto* close = new QDialogButtonBox(QDialogButtonBox::Close, &dialog);
    connect(close, &QDialogButtonBox::rejected, &dialog, &QDialog::reject);
    auto* layout = new QVBoxLayout(&dialog);
    layout->addWidget(summary);
    layout->addWidget(calls, 1);
    layout->addWidget(close);
    dialog.resize(680, 380);
    dialog.exec();
}

} // namespace heart::ui
