#include "directory/ResourceDirectoryWidget.h"

#include "core/Permissions.h"
#include "core/intake/IntakeRules.h"
#include "directory/DirectoryText.h"
#include "directory/ResourceEditDialog.h"
#include "directory/ResourceImport.h"
#include "directory/ResourceTableModel.h"
#include "shell/DomainText.h"
#include "usecases/DirectoryUseCases.h"

#include <QCheckBox>
#include <QComboBox>
#include <QEvent>
#include <QFileDialog>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QKeyEvent>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QShortcut>
#include <QSplitter>
#include <QTableView>
#include <QTextBrowser>
#include <QVBoxLayout>

namespace heart::ui {

namespace {

QString html(const QString& text)
{
    return text.toHtmlEscaped().replace(QLatin1Char('\n'), QStringLiteral("<br>"));
}

} // namespace

ResourceDirectoryWidget::ResourceDirectoryWidget(Services services, QWidget* parent)
    : QWidget(parent), m_services(std::move(services)), m_model(new ResourceTableModel(this)),
      m_title(new QLabel(this)), m_searchLabel(new QLabel(this)), m_search(new QLineEdit(this)),
      m_kind(new QComboBox(this)), m_language(new QComboBox(this)), m_showInactive(new QCheckBox(this)),
      m_count(new QLabel(this)), m_table(new QTableView(this)), m_detail(new QTextBrowser(this)),
      m_message(new QLabel(this)), m_add(new QPushButton(this)), m_edit(new QPushButton(this)),
      m_toggleActive(new QPushButton(this)), m_import(new QPushButton(this))
{
    setObjectName(QStringLiteral("resourceDirectory"));
    m_title->setObjectName(QStringLiteral("directoryTitle"));
    m_search->setObjectName(QStringLiteral("directorySearch"));
    m_kind->setObjectName(QStringLiteral("directoryKindFilter"));
    m_language->setObjectName(QStringLiteral("directoryLanguageFilter"));
    m_showInactive->setObjectName(QStringLiteral("directoryShowInactive"));
    m_count->setObjectName(QStringLiteral("directoryCount"));
    m_table->setObjectName(QStringLiteral("directoryTable"));
    m_detail->setObjectName(QStringLiteral("directoryDetail"));
    m_message->setObjectName(QStringLiteral("directoryMessage"));
    m_add->setObjectName(QStringLiteral("directoryAdd"));
    m_edit->setObjectName(QStringLiteral("directoryEdit"));
    m_toggleActive->setObjectName(QStringLiteral("directoryToggleActive"));
    m_import->setObjectName(QStringLiteral("directoryImport"));

    QFont titleFont = m_title->font();
    titleFont.setPointSizeF(titleFont.pointSizeF() * 1.3);
    titleFont.setBold(true);
    m_title->setFont(titleFont);
    m_searchLabel->setBuddy(m_search);
    m_search->setClearButtonEnabled(true);
    m_search->installEventFilter(this);
    m_message->setWordWrap(true);
    m_message->hide();

    m_table->setModel(m_model);
    m_table->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_table->setSelectionMode(QAbstractItemView::SingleSelection);
    m_table->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_table->setAlternatingRowColors(true);
    m_table->setWordWrap(false);
    m_table->verticalHeader()->hide();
    m_table->installEventFilter(this);
    QHeaderView* header = m_table->horizontalHeader();
    header->setSectionResizeMode(ResourceTableModel::Name, QHeaderView::Stretch);
    for (int column :
         {int(ResourceTableModel::Kind), int(ResourceTableModel::Phone), int(ResourceTableModel::WalkIns)})
        header->setSectionResizeMode(column, QHeaderView::ResizeToContents);
    header->resizeSection(ResourceTableModel::Hours, 160);
    header->resizeSection(ResourceTableModel::Languages, 115);
    header->setMinimumSectionSize(40);
    m_table->verticalHeader()->setDefaultSectionSize(m_table->fontMetrics().height() + 10);
    m_detail->setOpenLinks(false);
    m_detail->setMinimumWidth(220);

    auto* filters = new QHBoxLayout;
    filters->addWidget(m_searchLabel);
    filters->addWidget(m_search, 3);
    filters->addWidget(m_kind, 1);
    filters->addWidget(m_language, 1);
    filters->addWidget(m_showInactive);
    auto* splitter = new QSplitter(Qt::Horizontal, this);
    splitter->addWidget(m_table);
    splitter->addWidget(m_detail);
    splitter->setStretchFactor(0, 4);
    splitter->setStretchFactor(1, 1);
    splitter->setSizes({860, 260});
    splitter->setChildrenCollapsible(false);
    auto* buttons = new QHBoxLayout;
    buttons->addWidget(m_count);
    buttons->addStretch(1);
    for (QPushButton* button : {m_add, m_edit, m_toggleActive, m_import})
        buttons->addWidget(button);
    auto* layout = new QVBoxLayout(this);
    layout->addWidget(m_title);
    layout->addLayout(filters);
    layout->addWidget(m_message);
    layout->addWidget(splitter, 1);
    layout->addLayout(buttons);

    // Only administrators see what changes the directory.
    const bool editor = canEdit();
    for (QWidget* widget :
         {static_cast<QWidget*>(m_add), static_cast<QWidget*>(m_edit), static_cast<QWidget*>(m_toggleActive),
          static_cast<QWidget*>(m_import), static_cast<QWidget*>(m_showInactive)})
        widget->setVisible(editor);

    connect(m_search, &QLineEdit::textChanged, this, &ResourceDirectoryWidget::reload);
    connect(m_kind, &QComboBox::currentIndexChanged, this, &ResourceDirectoryWidget::reload);
    connect(m_language, &QComboBox::currentIndexChanged, this, &ResourceDirectoryWidget::reload);
    connect(m_showInactive, &QCheckBox::toggled, this, &ResourceDirectoryWidget::reload);
    connect(m_table->selectionModel(), &QItemSelectionModel::currentRowChanged, this,
            &ResourceDirectoryWidget::showSelected);
    connect(m_table, &QTableView::doubleClicked, this, [this] {
        if (canEdit())
            editSelected();
    });
    connect(m_add, &QPushButton::clicked, this, &ResourceDirectoryWidget::addService);
    connect(m_edit, &QPushButton::clicked, this, &ResourceDirectoryWidget::editSelected);
    connect(m_toggleActive, &QPushButton::clicked, this, &ResourceDirectoryWidget::toggleActive);
    connect(m_import, &QPushButton::clicked, this, &ResourceDirectoryWidget::chooseAndImport);
    auto* refresh = new QShortcut(QKeySequence(Qt::Key_F5), this);
    refresh->setContext(Qt::WidgetWithChildrenShortcut);
    connect(refresh, &QShortcut::activated, this, &ResourceDirectoryWidget::reload);

    fillFilters();
    retranslate();
    reload();
    setFocusProxy(m_search);
}

bool ResourceDirectoryWidget::canEdit() const
{
    return permits(m_services.actor.role(), Action::EditResourceDirectory);
}

void ResourceDirectoryWidget::fillFilters()
{
    const QSignalBlocker blockKind(m_kind);
    const QSignalBlocker blockLanguage(m_language);
    const int kind = std::max(m_kind->currentIndex(), 0);
    const int language = std::max(m_language->currentIndex(), 0);
    m_kind->clear();
    m_kind->addItem(tr("All kinds"), QString());
    for (directory::ResourceKind k : directory::kAllResourceKinds)
        m_kind->addItem(DirectoryText::kindName(k),
                        QString::fromLatin1(directory::resourceKindCode(k).data(),
                                            qsizetype(directory::resourceKindCode(k).size())));
    m_language->clear();
    m_language->addItem(tr("Any language"), QString());
    for (const intake::Language& l : intake::languages()) {
        const QString code = QString::fromLatin1(l.code.data(), qsizetype(l.code.size()));
        if (code != QLatin1String("other"))
            m_language->addItem(DirectoryText::languageName(code), code);
    }
    m_kind->setCurrentIndex(kind);
    m_language->setCurrentIndex(language);
}

void ResourceDirectoryWidget::reload()
{
    const QString keep = selected() ? selected()->id : QString();
    store::ResourceQuery query;
    query.text = m_search->text();
    query.kind = directory::resourceKindFromCode(m_kind->currentData().toString().toStdString());
    query.language = m_language->currentData().toString();
    query.includeInactive = canEdit() && m_showInactive->isChecked();
    query.limit = 0;
    auto found = usecases::DirectoryUseCases(m_services).search(query);
    if (!found.ok()) {
        showMessage(DomainText::errorText(found.error()), true);
        return;
    }
    m_model->setRecords(found.value());
    m_count->setText(tr("%n service(s)", nullptr, int(found.value().size())));
    const int row = m_model->rowOf(keep);
    if (m_model->rowCount() > 0)
        m_table->selectRow(row >= 0 ? row : 0);
    showSelected();
}

const store::ResourceRecord* ResourceDirectoryWidget::selected() const
{
    const QModelIndex current = m_table->selectionModel()->currentIndex();
    return current.isValid() ? m_model->record(current.row()) : nullptr;
}

void ResourceDirectoryWidget::selectResource(const QString& id)
{
    if (const int row = m_model->rowOf(id); row >= 0)
        m_table->selectRow(row);
    showSelected();
}

void ResourceDirectoryWidget::showSelected()
{
    const store::ResourceRecord* r = selected();
    m_edit->setEnabled(r != nullptr);
    m_toggleActive->setEnabled(r != nullptr);
    if (!r) {
        m_detail->setHtml(QStringLiteral("<p><i>%1</i></p>")
                              .arg(m_model->rowCount() == 0 ? tr("No service matches.") : QString()));
        m_toggleActive->setText(tr("&Deactivate"));
        return;
    }
    m_toggleActive->setText(r->active ? tr("&Deactivate") : tr("Rea&ctivate"));
    const auto row = [](const QString& label, const QString& value) {
        return value.isEmpty() ? QString()
                               : QStringLiteral("<tr><td><b>%1</b></td><td>%2</td></tr>").arg(label, value);
    };
    QString text = QStringLiteral("<h3>%1</h3>").arg(html(r->name));
    if (!r->active)
        text += QStringLiteral("<p><i>%1</i></p>").arg(tr("Deactivated: no longer offered for referrals."));
    text += QStringLiteral("<table cellspacing=\"3\">") + row(tr("Kind"), DirectoryText::kindName(r->kind)) +
            row(tr("Phone"), html(DirectoryText::phone(r->phone))) + row(tr("Address"), html(r->address)) +
            row(tr("Hours"), html(r->hours)) +
            row(tr("Languages"), html(DirectoryText::languageList(r->languages))) +
            row(tr("Walk-ins"), DirectoryText::yesNo(r->walkIns)) + QStringLiteral("</table>");
    if (!r->notes.isEmpty())
        text += QStringLiteral("<p>%1</p>").arg(html(r->notes));
    m_detail->setHtml(text);
}

void ResourceDirectoryWidget::showMessage(const QString& text, bool error)
{
    m_message->setText(text);
    m_message->setStyleSheet(error ? QStringLiteral("color: #b00020; font-weight: 600;")
                                   : QStringLiteral("color: #1b5e20; font-weight: 600;"));
    m_message->show();
}

void ResourceDirectoryWidget::addService()
{
    openEditor(std::nullopt);
}

void ResourceDirectoryWidget::editSelected()
{
    if (const store::ResourceRecord* r = selected())
        openEditor(*r);
}

void ResourceDirectoryWidget::openEditor(std::optional<store::ResourceRecord> existing)
{
    if (!canEdit())
        return;
    const bool isNew = !existing;
    auto* dialog = new ResourceEditDialog(m_services, std::move(existing), this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    connect(dialog, &QDialog::accepted, this, [this, dialog, isNew] {
        if (!dialog->saved())
            return;
        const store::ResourceRecord saved = *dialog->saved();
        reload();
        selectResource(saved.id);
        showMessage(isNew ? tr("“%1” added to the directory.").arg(saved.name)
                          : tr("“%1” saved.").arg(saved.name),
                    false);
        m_table->setFocus();
    });
    dialog->open();
}

void ResourceDirectoryWidget::toggleActive()
{
    const store::ResourceRecord* r = selected();
    if (!r)
        return;
    const store::ResourceRecord current = *r;
    auto changed =
        usecases::DirectoryUseCases(m_services).setActive(current.id, current.version, !current.active);
    if (!changed.ok()) {
        const bool duplicate = changed.error().code == store::StoreErrorCode::InvalidInput;
        showMessage(
            duplicate ? tr("An active service has the same name and phone number; change one of them first.")
                      : DomainText::errorText(changed.error()),
            true);
        reload();
        return;
    }
    showMessage(current.active
                    ? tr("“%1” deactivated: it is no longer offered for referrals.").arg(current.name)
                    : tr("“%1” reactivated.").arg(current.name),
                false);
    reload();
}

void ResourceDirectoryWidget::chooseAndImport()
{
    if (!canEdit())
        return;
    const QString path =
        m_chooseFile ? m_chooseFile(this)
                     : QFileDialog::getOpenFileName(this, tr("Import services from a CSV file"), QString(),
                                                    tr("CSV files (*.csv);;All files (*)"));
    if (!path.isEmpty())
        importFile(path);
}

void ResourceDirectoryWidget::importFile(const QString& path)
{
    ResourceImportOutcome outcome = importResourceCsv(m_services, path, this);
    reload();
    auto* report = new ResourceImportReport(std::move(outcome), this);
    report->setAttribute(Qt::WA_DeleteOnClose);
    report->open();
}

bool ResourceDirectoryWidget::eventFilter(QObject* watched, QEvent* event)
{
    if (event->type() == QEvent::KeyPress) {
        const auto* key = static_cast<QKeyEvent*>(event);
        // From the search box, Down goes to the list; in the list, Enter edits (administrators).
        if (watched == m_search && key->key() == Qt::Key_Down && m_model->rowCount() > 0) {
            m_table->setFocus();
            return true;
        }
        if (watched == m_table && (key->key() == Qt::Key_Return || key->key() == Qt::Key_Enter) &&
            canEdit()) {
            editSelected();
            return true;
        }
    }
    return QWidget::eventFilter(watched, event);
}

void ResourceDirectoryWidget::changeEvent(QEvent* event)
{
    if (event->type() == QEvent::LanguageChange)
        retranslate();
    QWidget::changeEvent(event);
}

void ResourceDirectoryWidget::retranslate()
{
    m_title->setText(tr("Resource directory"));
    m_searchLabel->setText(tr("&Search:"));
    m_search->setPlaceholderText(tr("Name, address or phone"));
    m_search->setAccessibleName(tr("Search services"));
    m_kind->setAccessibleName(tr("Kind of service"));
    m_language->setAccessibleName(tr("Language spoken"));
    m_table->setAccessibleName(tr("Services"));
    m_detail->setAccessibleName(tr("Service details"));
    m_showInactive->setText(tr("Show deac&tivated"));
    m_add->setText(tr("&Add service…"));
    m_edit->setText(tr("&Edit…"));
    m_import->setText(tr("&Import CSV…"));
    fillFilters();
    m_model->retranslate();
    showSelected();
}

} // namespace heart::ui
