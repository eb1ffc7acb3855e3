#include "directory/ResourcePickerDialog.h"

#include "directory/DirectoryText.h"
#include "directory/ResourceTableModel.h"
#include "shell/DomainText.h"
#include "usecases/DirectoryUseCases.h"

#include <QApplication>
#include <QDialogButtonBox>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QKeyEvent>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QTableView>
#include <QVBoxLayout>

namespace heart::ui {

ResourcePickerDialog::ResourcePickerDialog(Services services, QWidget* parent, const QString& initialText)
    : QDialog(parent), m_services(std::move(services)), m_model(new ResourceTableModel(this)),
      m_search(new QLineEdit(this)), m_list(new QTableView(this)), m_detail(new QLabel(this)),
      m_pick(new QPushButton(tr("&Choose"), this))
{
    setObjectName(QStringLiteral("resourcePicker"));
    setWindowTitle(tr("Choose a service"));
    m_search->setObjectName(QStringLiteral("resourcePickerSearch"));
    m_search->setPlaceholderText(tr("Name, address or phone"));
    m_search->setAccessibleName(tr("Search services"));
    m_search->setClearButtonEnabled(true);
    m_search->installEventFilter(this);
    m_list->setObjectName(QStringLiteral("resourcePickerList"));
    m_list->setAccessibleName(tr("Services"));
    m_list->setModel(m_model);
    m_list->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_list->setSelectionMode(QAbstractItemView::SingleSelection);
    m_list->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_list->setWordWrap(false);
    m_list->verticalHeader()->hide();
    m_list->installEventFilter(this);
    m_list->setColumnHidden(ResourceTableModel::Hours, true);
    m_list->setColumnHidden(ResourceTableModel::WalkIns, true);
    m_list->horizontalHeader()->setSectionResizeMode(ResourceTableModel::Name, QHeaderView::Stretch);
    m_list->horizontalHeader()->setSectionResizeMode(ResourceTableModel::Kind, QHeaderView::ResizeToContents);
    m_list->horizontalHeader()->setSectionResizeMode(ResourceTableModel::Phone,
                                                     QHeaderView::ResizeToContents);
    m_detail->setObjectName(QStringLiteral("resourcePickerDetail"));
    m_detail->setWordWrap(true);
    m_detail->setTextFormat(Qt::PlainText);
    m_pick->setObjectName(QStringLiteral("resourcePickerChoose"));
    m_pick->setDefault(true);

    auto* label = new QLabel(tr("&Search:"), this);
    label->setBuddy(m_search);
    auto* searchRow = new QHBoxLayout;
    searchRow->addWidget(label);
    searchRow->addWidget(m_search, 1);
    auto* buttons = new QDialogButtonBox(this);
    buttons->addButton(m_pick, QDialogButtonBox::AcceptRole);
    buttons->addButton(QDialogButtonBox::Cancel);
    auto* layout = new QVBoxLayout(this);
    layout->addLayout(searchRow);
    layout->addWidget(m_list, 1);
    layout->addWidget(m_detail);
    layout->addWidget(buttons);

    connect(m_search, &QLineEdit::textChanged, this, &ResourcePickerDialog::search);
    connect(m_list->selectionModel(), &QItemSelectionModel::currentRowChanged, this,
            &ResourcePickerDialog::showCurrent);
    connect(m_list, &QTableView::doubleClicked, this, &ResourcePickerDialog::pickCurrent);
    connect(m_pick, &QPushButton::clicked, this, &ResourcePickerDialog::pickCurrent);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);

    resize(640, 420);
    m_search->setText(initialText); // searches
    if (initialText.isEmpty())
        search();
    m_search->setFocus();
}

std::optional<store::ResourceRecord> ResourcePickerDialog::pick(Services services, QWidget* parent,
                                                                const QString& initialText)
{
    ResourcePickerDialog dialog(std::move(services), parent, initialText);
    if (dialog.exec() != QDialog::Accepted)
        return std::nullopt;
    return dialog.chosen();
}

void ResourcePickerDialog::search()
{
    store::ResourceQuery query;
    query.text = m_search->text();
    query.limit = 200;
    auto found = usecases::DirectoryUseCases(m_services).search(query);
    if (!found.ok()) {
        m_model->setRecords({});
        m_detail->setText(DomainText::errorText(found.error()));
        m_pick->setEnabled(false);
        return;
    }
    m_model->setRecords(found.value());
    if (m_model->rowCount() > 0)
        m_list->selectRow(0);
    showCurrent();
}

void ResourcePickerDialog::showCurrent()
{
    const QModelIndex current = m_list->selectionModel()->currentIndex();
    const store::ResourceRecord* r = current.isValid() ? m_model->record(current.row()) : nullptr;
    m_pick->setEnabled(r != nullptr);
    if (!r) {
        m_detail->setText(m_model->rowCount() == 0 ? tr("No service matches.") : QString());
        return;
    }
    QStringList parts;
    for (const QString& part : {r->address, r->hours})
        if (!part.isEmpty())
            parts << part;
    if (r->walkIns)
        parts << tr("walk-ins welcome");
    m_detail->setText(parts.join(QStringLiteral(" · ")));
}

void ResourcePickerDialog::pickCurrent()
{
    const QModelIndex current = m_list->selectionModel()->currentIndex();
    const store::ResourceRecord* r = current.isValid() ? m_model->record(current.row()) : nullptr;
    if (!r)
        return;
    m_chosen = *r;
    accept();
}

bool ResourcePickerDialog::eventFilter(QObject* watched, QEvent* event)
{
    if (event->type() != QEvent::KeyPress || (watched != m_search && watched != m_list))
        return QDialog::eventFilter(watched, event);
    const auto* key = static_cast<QKeyEvent*>(event);
    switch (key->key()) {
    case Qt::Key_Return:
    case Qt::Key_Enter:
        pickCurrent();
        return true;
    case Qt::Key_Up:
    case Qt::Key_Down:
    case Qt::Key_PageUp:
    case Qt::Key_PageDown:
        if (watched == m_search) {
            // The list moves while the cursor stays in the search box.
            QApplication::sendEvent(m_list, event);
            return true;
        }
        break;
    default:
        break;
    }
    return QDialog::eventFilter(watched, event);
}

} // namespace heart::ui
