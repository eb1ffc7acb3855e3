#include "directory/ResourceEditDialog.h"

#include "directory/DirectoryText.h"
#include "shell/DomainText.h"
#include "usecases/DirectoryUseCases.h"

#include <QCheckBox>
#include <QComboBox>
#include <QDialogButtonBox>
#include <QEvent>
#include <QFormLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QRegularExpression>
#include <QShortcut>
#include <QVBoxLayout>

namespace heart::ui {

namespace {

QString text(const std::string& value)
{
    return QString::fromStdString(value);
}

QLabel* makeErrorLabel(const QString& objectName, QWidget* parent)
{
    auto* label = new QLabel(parent);
    label->setObjectName(objectName);
    label->setWordWrap(true);
    label->setStyleSheet(QStringLiteral("color: #b00020;"));
    label->hide();
    return label;
}

// A field with its error under it, as one form row.
QWidget* withError(QWidget* field, QLabel* error, QWidget* parent)
{
    auto* box = new QWidget(parent);
    auto* layout = new QVBoxLayout(box);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(2);
    layout->addWidget(field);
    layout->addWidget(error);
    return box;
}

} // namespace

ResourceEditDialog::ResourceEditDialog(Services services, std::optional<store::ResourceRecord> existing,
                                       QWidget* parent)
    : QDialog(parent), m_services(std::move(services)), m_existing(std::move(existing)),
      m_nameLabel(new QLabel(this)), m_name(new QLineEdit(this)),
      m_nameError(makeErrorLabel(QStringLiteral("resourceNameError"), this)), m_kindLabel(new QLabel(this)),
      m_kind(new QComboBox(this)), m_kindError(makeErrorLabel(QStringLiteral("resourceKindError"), this)),
      m_phoneLabel(new QLabel(this)), m_phone(new QLineEdit(this)),
      m_phoneError(makeErrorLabel(QStringLiteral("resourcePhoneError"), this)),
      m_addressLabel(new QLabel(this)), m_address(new QLineEdit(this)),
      m_addressError(makeErrorLabel(QStringLiteral("resourceAddressError"), this)),
      m_hoursLabel(new QLabel(this)), m_hours(new QLineEdit(this)),
      m_hoursError(makeErrorLabel(QStringLiteral("resourceHoursError"), this)),
      m_languagesLabel(new QLabel(this)), m_languages(new QLineEdit(this)), m_languagesHint(new QLabel(this)),
      m_languagesError(makeErrorLabel(QStringLiteral("resourceLanguagesError"), this)),
      m_walkIns(new QCheckBox(this)), m_notesLabel(new QLabel(this)), m_notes(new QPlainTextEdit(this)),
      m_notesError(makeErrorLabel(QStringLiteral("resourceNotesError"), this)), m_message(new QLabel(this)),
      m_save(new QPushButton(this)), m_cancel(new QPushButton(this))
{
    setObjectName(QStringLiteral("resourceEditDialog"));
    m_name->setObjectName(QStringLiteral("resourceName"));
    m_kind->setObjectName(QStringLiteral("resourceKind"));
    m_phone->setObjectName(QStringLiteral("resourcePhone"));
    m_address->setObjectName(QStringLiteral("resourceAddress"));
    m_hours->setObjectName(QStringLiteral("resourceHours"));
    m_languages->setObjectName(QStringLiteral("resourceLanguages"));
    m_languagesHint->setObjectName(QStringLiteral("resourceLanguagesHint"));
    m_walkIns->setObjectName(QStringLiteral("resourceWalkIns"));
    m_notes->setObjectName(QStringLiteral("resourceNotes"));
    m_message->setObjectName(QStringLiteral("resourceEditMessage"));
    m_save->setObjectName(QStringLiteral("resourceSave"));
    m_cancel->setObjectName(QStringLiteral("resourceCancel"));

    m_name->setMaxLength(int(directory::kMaxNameLength));
    m_phone->setMaxLength(int(directory::kMaxPhoneLength));
    m_address->setMaxLength(int(directory::kMaxAddressLength));
    m_hours->setMaxLength(int(directory::kMaxHoursLength));
    m_languages->setPlaceholderText(QStringLiteral("en, es"));
    m_languagesHint->setStyleSheet(QStringLiteral("color: palette(mid);"));
    m_notes->setTabChangesFocus(true); // Tab leaves the notes: the form stays keyboard-first
    m_notes->setMinimumHeight(80);
    m_message->setWordWrap(true);
    m_message->setStyleSheet(QStringLiteral("color: #b00020; font-weight: 600;"));
    m_message->hide();
    m_kind->addItem(QString(), QString());
    for (directory::ResourceKind kind : directory::kAllResourceKinds)
        m_kind->addItem(QString(), text(std::string(directory::resourceKindCode(kind))));
    for (auto [label, buddy] : {std::pair<QLabel*, QWidget*>{m_nameLabel, m_name},
                                {m_kindLabel, m_kind},
                                {m_phoneLabel, m_phone},
                                {m_addressLabel, m_address},
                                {m_hoursLabel, m_hours},
                                {m_languagesLabel, m_languages},
                                {m_notesLabel, m_notes}})
        label->setBuddy(buddy);

    auto* form = new QFormLayout;
    form->addRow(m_nameLabel, withError(m_name, m_nameError, this));
    form->addRow(m_kindLabel, withError(m_kind, m_kindError, this));
    form->addRow(m_phoneLabel, withError(m_phone, m_phoneError, this));
    form->addRow(m_addressLabel, withError(m_address, m_addressError, this));
    form->addRow(m_hoursLabel, withError(m_hours, m_hoursError, this));
    auto* languages = withError(m_languages, m_languagesError, this);
    languages->layout()->addWidget(m_languagesHint);
    form->addRow(m_languagesLabel, languages);
    form->addRow(QString(), m_walkIns);
    form->addRow(m_notesLabel, withError(m_notes, m_notesError, this));
    auto* buttons = new QDialogButtonBox(this);
    buttons->addButton(m_save, QDialogButtonBox::AcceptRole);
    buttons->addButton(m_cancel, QDialogButtonBox::RejectRole);
    m_save->setDefault(true);
    auto* layout = new QVBoxLayout(this);
    layout->addLayout(form);
    layout->addWidget(m_message);
    layout->addWidget(buttons);

    connect(m_save, &QPushButton::clicked, this, &ResourceEditDialog::save);
    connect(m_cancel, &QPushButton::clicked, this, &QDialog::reject);
    connect(m_languages, &QLineEdit::textChanged, this, &ResourceEditDialog::updateLanguageHint);
    // A field's error goes as soon as the user changes the field.
    for (auto [edit, error] : {std::pair<QLineEdit*, QLabel*>{m_name, m_nameError},
                               {m_phone, m_phoneError},
                               {m_address, m_addressError},
                               {m_hours, m_hoursError},
                               {m_languages, m_languagesError}})
        connect(edit, &QLineEdit::textEdited, error, &QWidget::hide);
    connect(m_kind, &QComboBox::currentIndexChanged, m_kindError, &QWidget::hide);
    connect(m_notes, &QPlainTextEdit::textChanged, m_notesError, &QWidget::hide);
    // Ctrl+S saves from any field, the notes included (where Enter is a new line).
    auto* saveShortcut = new QShortcut(QKeySequence(Qt::CTRL | Qt::Key_S), this);
    connect(saveShortcut, &QShortcut::activated, this, &ResourceEditDialog::save);

    // The form's order, whatever the layout did to the widgets' parents.
    const QList<QWidget*> order = {m_name,      m_kind,    m_phone, m_address, m_hours,
                                   m_languages, m_walkIns, m_notes, m_save,    m_cancel};
    for (qsizetype i = 1; i < order.size(); ++i)
        setTabOrder(order.at(i - 1), order.at(i));

    if (m_existing)
        fill(*m_existing);
    retranslate();
    updateLanguageHint();
    resize(520, sizeHint().height());
    m_name->setFocus();
}

void ResourceEditDialog::fill(const store::ResourceRecord& record)
{
    m_name->setText(record.name);
    m_kind->setCurrentIndex(m_kind->findData(text(std::string(directory::resourceKindCode(record.kind)))));
    m_phone->setText(DirectoryText::phone(record.phone));
    m_address->setText(record.address);
    m_hours->setText(record.hours);
    m_languages->setText(record.languages.join(QStringLiteral(", ")));
    m_walkIns->setChecked(record.walkIns);
    m_notes->setPlainText(record.notes);
}

directory::Resource ResourceEditDialog::resource() const
{
    directory::Resource r;
    r.name = m_name->text().toStdString();
    r.kind = directory::resourceKindFromCode(m_kind->currentData().toString().toStdString());
    r.phone = m_phone->text().toStdString();
    r.address = m_address->text().toStdString();
    r.hours = m_hours->text().toStdString();
    for (const QString& code :
         m_languages->text().split(QRegularExpression(QStringLiteral("[,;\\s]+")), Qt::SkipEmptyParts))
        r.languages.push_back(code.toStdString());
    r.walkIns = m_walkIns->isChecked();
    r.notes = m_notes->toPlainText().toStdString();
    return r;
}

QLabel* ResourceEditDialog::errorLabel(const std::string& field) const
{
    if (field == "kind")
        return m_kindError;
    if (field == "phone")
        return m_phoneError;
    if (field == "address")
        return m_addressError;
    if (field == "hours")
        return m_hoursError;
    if (field == "languages")
        return m_languagesError;
    if (field == "notes")
        return m_notesError;
    return m_nameError;
}

QWidget* ResourceEditDialog::fieldWidget(const std::string& field) const
{
    if (field == "kind")
        return m_kind;
    if (field == "phone")
        return m_phone;
    if (field == "address")
        return m_address;
    if (field == "hours")
        return m_hours;
    if (field == "languages")
        return m_languages;
    if (field == "notes")
        return m_notes;
    return m_name;
}

void ResourceEditDialog::clearProblems()
{
    for (QLabel* label : {m_nameError, m_kindError, m_phoneError, m_addressError, m_hoursError,
                          m_languagesError, m_notesError}) {
        label->clear();
        label->hide();
    }
    m_message->hide();
}

void ResourceEditDialog::showProblems(const std::vector<Error>& problems)
{
    clearProblems();
    for (const Error& problem : problems) {
        QLabel* label = errorLabel(problem.field);
        if (label->isHidden()) { // the first problem of a field is the one to fix first
            label->setText(DirectoryText::problemText(problem));
            label->show();
        }
    }
    if (problems.empty())
        return;
    // The cursor goes to the first field at fault, as the form is read.
    fieldWidget(problems.front().field)->setFocus();
}

void ResourceEditDialog::save()
{
    const directory::Resource typed = resource();
    if (const auto problems = directory::problems(typed); !problems.empty()) {
        showProblems(problems);
        return;
    }
    clearProblems();
    usecases::DirectoryUseCases directory(m_services);
    auto saved =
        m_existing ? directory.edit(m_existing->id, m_existing->version, typed) : directory.add(typed);
    if (!saved.ok()) {
        const store::StoreError& error = saved.error();
        if (error.code == store::StoreErrorCode::InvalidInput && error.detail == QLatin1String("duplicate")) {
            m_nameError->setText(
                tr("A service with this name and phone number is in the directory already."));
            m_nameError->show();
            m_name->setFocus();
            return;
        }
        m_message->setText(DomainText::errorText(error));
        m_message->show();
        return;
    }
    m_saved = saved.value();
    accept();
}

void ResourceEditDialog::updateLanguageHint()
{
    QStringList names;
    for (const std::string& code : directory::normalised(resource()).languages)
        names << DirectoryText::languageName(text(code));
    m_languagesHint->setText(names.isEmpty() ? tr("ISO 639 codes, separated by commas: en, es, ase (ASL)…")
                                             : names.join(QStringLiteral("; ")));
}

void ResourceEditDialog::changeEvent(QEvent* event)
{
    if (event->type() == QEvent::LanguageChange)
        retranslate();
    QDialog::changeEvent(event);
}

void ResourceEditDialog::retranslate()
{
    setWindowTitle(m_existing ? tr("Edit service") : tr("Add a service"));
    m_nameLabel->setText(tr("&Name:"));
    m_kindLabel->setText(tr("&Kind:"));
    m_phoneLabel->setText(tr("&Phone:"));
    m_addressLabel->setText(tr("&Address:"));
    m_hoursLabel->setText(tr("&Hours:"));
    m_languagesLabel->setText(tr("&Languages:"));
    m_walkIns->setText(tr("&Walk-ins welcome (no appointment or referral needed)"));
    m_notesLabel->setText(tr("N&otes:"));
    m_save->setText(tr("&Save"));
    m_cancel->setText(tr("Cancel"));
    m_phone->setPlaceholderText(tr("(919) 555-0123, 988, or +44 20 7123 4567"));
    m_hours->setPlaceholderText(tr("Mon–Fri 08:00–17:00"));
    m_kind->setItemText(0, tr("(choose a kind)"));
    for (int i = 0; i < int(directory::kAllResourceKinds.size()); ++i)
        m_kind->setItemText(i + 1, DirectoryText::kindName(directory::kAllResourceKinds[std::size_t(i)]));
    m_name->setAccessibleName(tr("Name"));
    m_kind->setAccessibleName(tr("Kind"));
    m_phone->setAccessibleName(tr("Phone"));
    m_address->setAccessibleName(tr("Address"));
    m_hours->setAccessibleName(tr("Hours"));
    m_languages->setAccessibleName(tr("Languages"));
    m_notes->setAccessibleName(tr("Notes"));
    updateLanguageHint();
}

} // namespace heart::ui
