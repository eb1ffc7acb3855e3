#include "settings/CrisisServicesPage.h"

#include "store/SettingsStore.h"
#include "usecases/SettingsUseCases.h"

#include <QHBoxLayout>
#include <QHeaderView>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QLocale>
#include <QPushButton>
#include <QRegularExpression>
#include <QTableWidget>
#include <QVBoxLayout>

namespace heart::ui {

namespace {
enum Column
{
    ColName,
    ColPhone,
    ColCount
};
} // namespace

CrisisServicesPage::CrisisServicesPage(Services services, QWidget* parent)
    : SettingsPage(std::move(services), parent), m_intro(new QLabel(this)),
      m_languagesLabel(new QLabel(this)), m_languages(new QListWidget(this)),
      m_newLanguage(new QLineEdit(this)), m_addLanguage(new QPushButton(this)),
      m_removeLanguage(new QPushButton(this)), m_tableLabel(new QLabel(this)),
      m_table(new QTableWidget(0, ColCount, this)),
      m_tableError(makeFieldError(this, QStringLiteral("crisisServicesError"))),
      m_addRow(new QPushButton(this)), m_removeRow(new QPushButton(this)), m_save(new QPushButton(this))
{
    setObjectName(QStringLiteral("crisisServicesPage"));
    messageLabel()->setObjectName(QStringLiteral("crisisServicesMessage"));
    m_intro->setWordWrap(true);
    m_languages->setObjectName(QStringLiteral("crisisLanguages"));
    m_languages->setMaximumWidth(220);
    m_languagesLabel->setBuddy(m_languages);
    m_newLanguage->setObjectName(QStringLiteral("crisisNewLanguage"));
    m_newLanguage->setMaxLength(8);
    m_addLanguage->setObjectName(QStringLiteral("crisisAddLanguage"));
    m_removeLanguage->setObjectName(QStringLiteral("crisisRemoveLanguage"));
    m_table->setObjectName(QStringLiteral("crisisServicesTable"));
    m_table->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_table->setSelectionMode(QAbstractItemView::SingleSelection);
    m_table->verticalHeader()->hide();
    m_table->horizontalHeader()->setSectionResizeMode(ColName, QHeaderView::Stretch);
    m_table->horizontalHeader()->setSectionResizeMode(ColPhone, QHeaderView::Interactive);
    m_table->setColumnWidth(ColPhone, 200);
    m_table->setTabKeyNavigation(false); // Tab leaves the table; arrows move, F2 or typing edits
    m_tableLabel->setBuddy(m_table);
    m_addRow->setObjectName(QStringLiteral("crisisAddRow"));
    m_removeRow->setObjectName(QStringLiteral("crisisRemoveRow"));
    m_save->setObjectName(QStringLiteral("saveCrisisServices"));

    auto* languageButtons = new QHBoxLayout;
    languageButtons->addWidget(m_newLanguage);
    languageButtons->addWidget(m_addLanguage);
    auto* left = new QVBoxLayout;
    left->addWidget(m_languagesLabel);
    left->addWidget(m_languages, 1);
    left->addLayout(languageButtons);
    left->addWidget(m_removeLanguage);
    auto* rowButtons = new QHBoxLayout;
    rowButtons->addWidget(m_addRow);
    rowButtons->addWidget(m_removeRow);
    rowButtons->addStretch(1);
    rowButtons->addWidget(m_save);
    auto* right = new QVBoxLayout;
    right->addWidget(m_tableLabel);
    right->addWidget(m_table, 1);
    right->addWidget(m_tableError);
    right->addLayout(rowButtons);
    auto* columns = new QHBoxLayout;
    columns->addLayout(left);
    columns->addLayout(right, 1);
    auto* layout = new QVBoxLayout(this);
    layout->addWidget(m_intro);
    layout->addLayout(columns, 1);
    layout->addWidget(messageArea());

    connect(m_languages, &QListWidget::currentRowChanged, this, &CrisisServicesPage::showLanguage);
    connect(m_table, &QTableWidget::itemChanged, this, [this] {
        keepTable();
        markEdited();
    });
    connect(m_addLanguage, &QPushButton::clicked, this, &CrisisServicesPage::addLanguage);
    connect(m_newLanguage, &QLineEdit::returnPressed, this, &CrisisServicesPage::addLanguage);
    connect(m_removeLanguage, &QPushButton::clicked, this, &CrisisServicesPage::removeLanguage);
    connect(m_addRow, &QPushButton::clicked, this, &CrisisServicesPage::addRow);
    connect(m_removeRow, &QPushButton::clicked, this, &CrisisServicesPage::removeRow);
    connect(m_save, &QPushButton::clicked, this, &CrisisServicesPage::save);
    retranslate();
    reload();
}

QString CrisisServicesPage::languageLabel(const QString& code)
{
    const QLocale locale(code);
    if (locale.language() == QLocale::C || code.size() < 2)
        return code;
    // The language's name ("Spanish"), not a country's variant of it.
    return QStringLiteral("%1 — %2").arg(code, QLocale::languageToString(locale.language()));
}

void CrisisServicesPage::reload()
{
    m_rows.clear();
    m_order.clear();
    m_shown.clear();
    showFieldError(m_tableError, {});
    auto json = usecases::SettingsUseCases(m_services).crisisServices();
    if (!json.ok()) {
        showMessage(refusalText(json.error()), true);
    } else {
        // The stored text passed the reader when it was saved; English first, then as stored.
        const QJsonObject root = QJsonDocument::fromJson(json.value()).object();
        for (auto it = root.begin(); it != root.end(); ++it) {
            QList<QStringList> rows;
            for (const QJsonValue& service : it.value().toArray()) {
                const QJsonObject object = service.toObject();
                rows.append({object.value(QStringLiteral("name")).toString(),
                             object.value(QStringLiteral("phone")).toString()});
            }
            m_rows.insert(it.key(), rows);
            if (it.key() == QLatin1String("en"))
                m_order.prepend(it.key());
            else
                m_order.append(it.key());
        }
    }
    m_languages->blockSignals(true);
    m_languages->clear();
    for (const QString& code : m_order)
        m_languages->addItem(languageLabel(code));
    m_languages->blockSignals(false);
    m_languages->setCurrentRow(m_order.isEmpty() ? -1 : 0);
    showLanguage();
    markSaved();
}

void CrisisServicesPage::showLanguage()
{
    const int index = m_languages->currentRow();
    m_shown = index >= 0 && index < m_order.size() ? m_order.at(index) : QString();
    m_table->blockSignals(true);
    const QList<QStringList> rows = m_rows.value(m_shown);
    m_table->setRowCount(int(rows.size()));
    for (int row = 0; row < rows.size(); ++row) {
        for (int column = 0; column < ColCount; ++column) {
            auto* item = new QTableWidgetItem(rows.at(row).value(column));
            if (!m_editable)
                item->setFlags(item->flags() & ~Qt::ItemIsEditable);
            m_table->setItem(row, column, item);
        }
    }
    m_table->blockSignals(false);
    m_tableLabel->setText(m_shown.isEmpty() ? tr("Ser&vices")
                                            : tr("Ser&vices in %1:").arg(languageLabel(m_shown)));
    m_removeLanguage->setEnabled(m_editable && !m_shown.isEmpty() && m_shown != QLatin1String("en"));
    m_removeRow->setEnabled(m_editable && m_table->rowCount() > 0);
}

void CrisisServicesPage::keepTable()
{
    if (m_shown.isEmpty())
        return;
    QList<QStringList> rows;
    for (int row = 0; row < m_table->rowCount(); ++row) {
        QStringList values;
        for (int column = 0; column < ColCount; ++column) {
            const QTableWidgetItem* item = m_table->item(row, column);
            values.append(item ? item->text().trimmed() : QString());
        }
        rows.append(values);
    }
    m_rows.insert(m_shown, rows);
}

void CrisisServicesPage::addLanguage()
{
    const QString code = m_newLanguage->text().trimmed();
    if (code.isEmpty()) {
        m_newLanguage->setFocus();
        return;
    }
    if (!m_rows.contains(code)) {
        // The English services to start from: most programs list the same lines, translated.
        m_rows.insert(code, m_rows.value(QStringLiteral("en")));
        m_order.append(code);
        m_languages->addItem(languageLabel(code));
        markEdited();
    }
    m_newLanguage->clear();
    m_languages->setCurrentRow(int(m_order.indexOf(code)));
    m_table->setFocus();
}

void CrisisServicesPage::removeLanguage()
{
    const int index = m_languages->currentRow();
    if (index < 0 || m_shown == QLatin1String("en"))
        return;
    m_rows.remove(m_shown);
    m_order.removeAt(index);
    delete m_languages->takeItem(index);
    markEdited();
    showLanguage();
}

void CrisisServicesPage::addRow()
{
    if (m_shown.isEmpty())
        return;
    QList<QStringList> rows = m_rows.value(m_shown);
    rows.append({QString(), QString()});
    m_rows.insert(m_shown, rows);
    markEdited();
    showLanguage();
    const int row = m_table->rowCount() - 1;
    m_table->setCurrentCell(row, ColName);
    m_table->setFocus();
    m_table->editItem(m_table->item(row, ColName));
}

void CrisisServicesPage::removeRow()
{
    const int row = m_table->currentRow();
    if (m_shown.isEmpty() || row < 0)
        return;
    QList<QStringList> rows = m_rows.value(m_shown);
    rows.removeAt(row);
    m_rows.insert(m_shown, rows);
    markEdited();
    showLanguage();
    m_table->setCurrentCell(std::min(row, m_table->rowCount() - 1), ColName);
}

QStringList CrisisServicesPage::languages() const
{
    return m_order;
}

QList<QStringList> CrisisServicesPage::services(const QString& language) const
{
    return m_rows.value(language);
}

QByteArray CrisisServicesPage::toJson() const
{
    QJsonObject root;
    for (const QString& code : m_order) {
        QJsonArray list;
        for (const QStringList& row : m_rows.value(code)) {
            QJsonObject service;
            service.insert(QStringLiteral("name"), row.value(ColName));
            service.insert(QStringLiteral("phone"), row.value(ColPhone));
            list.append(service);
        }
        root.insert(code, list);
    }
    return QJsonDocument(root).toJson(QJsonDocument::Indented);
}

void CrisisServicesPage::save()
{
    clearMessage();
    // A cell still being typed in (Alt+S straight from it) is committed first.
    const int row = m_table->currentRow();
    const int column = m_table->currentColumn();
    m_table->setCurrentIndex(QModelIndex());
    m_table->setCurrentCell(row, column);
    keepTable();
    if (store::StoreError error =
            usecases::SettingsUseCases(m_services).setCrisisServices(toJson(), readVersion())) {
        if (showIfStale(error))
            return;
        showFieldError(m_tableError, refusalText(error));
        pointAt(error.detail);
        return;
    }
    showFieldError(m_tableError, {});
    markSaved();
    showMessage(tr("Saved. Safety plans printed from now on, on every workstation, list these services."),
                false);
}

void CrisisServicesPage::pointAt(const QString& detail)
{
    static const QRegularExpression path(QStringLiteral(R"(^\$\.([^\[:]+)(?:\[(\d+)\])?)"));
    const QRegularExpressionMatch match = path.match(detail);
    if (!match.hasMatch())
        return;
    const int language = int(m_order.indexOf(match.captured(1)));
    if (language < 0)
        return;
    m_languages->setCurrentRow(language);
    if (match.captured(2).isEmpty()) {
        m_languages->setFocus();
        return;
    }
    const int row = match.captured(2).toInt();
    if (row < m_table->rowCount()) {
        const bool nameMissing =
            !m_table->item(row, ColName) || m_table->item(row, ColName)->text().isEmpty();
        m_table->setCurrentCell(row, nameMissing ? ColName : ColPhone);
        m_table->setFocus();
    }
}

void CrisisServicesPage::setEditable(bool editable)
{
    m_editable = editable;
    m_table->setEditTriggers(editable ? QAbstractItemView::AnyKeyPressed | QAbstractItemView::EditKeyPressed |
                                            QAbstractItemView::DoubleClicked
                                      : QAbstractItemView::NoEditTriggers);
    for (QWidget* widget : std::initializer_list<QWidget*>{m_newLanguage, m_addLanguage, m_removeLanguage,
                                                           m_addRow, m_removeRow, m_save})
        widget->setVisible(editable);
    showLanguage();
}

void CrisisServicesPage::retranslate()
{
    m_intro->setText(tr("Step 5 of every safety plan lists these crisis services, in the plan's language; a "
                        "language without its own list gets the English one. Each service needs a name and a "
                        "phone number."));
    m_languagesLabel->setText(tr("Lan&guages:"));
    m_languages->setAccessibleName(tr("Languages"));
    m_newLanguage->setPlaceholderText(tr("code, e.g. vi"));
    m_newLanguage->setAccessibleName(tr("Code of a language to add"));
    m_addLanguage->setText(tr("A&dd language"));
    m_removeLanguage->setText(tr("Remove languag&e"));
    m_table->setHorizontalHeaderLabels({tr("Name"), tr("Phone")});
    m_table->setAccessibleName(tr("Crisis services"));
    m_addRow->setText(tr("Add a ro&w"));
    m_removeRow->setText(tr("Re&move row"));
    m_save->setText(tr("&Save"));
    showLanguage();
}

QString CrisisServicesPage::title() const
{
    return tr("&Crisis services");
}

QStringList CrisisServicesPage::settingKeys() const
{
    return {store::SettingsStore::key(store::Setting::CrisisServices)};
}

} // namespace heart::ui
