#include "settings/NatureCodesPage.h"

#include "core/cad/NatureCodeTable.h"
#include "shell/DomainText.h"
#include "store/CoreText.h"
#include "store/SettingsStore.h"
#include "usecases/SettingsUseCases.h"

#include <QFile>
#include <QFileDialog>
#include <QFileInfo>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QPushButton>
#include <QTableWidget>
#include <QVBoxLayout>

namespace heart::ui {

namespace {
enum Column
{
    ColCode,
    ColCallType,
    ColDescription,
    ColCount
};
} // namespace

NatureCodesPage::NatureCodesPage(Services services, QWidget* parent)
    : SettingsPage(std::move(services), parent), m_intro(new QLabel(this)), m_source(new QLabel(this)),
      m_table(new QTableWidget(0, ColCount, this)),
      m_importError(makeFieldError(this, QStringLiteral("natureCodesError"))), m_import(new QPushButton(this))
{
    setObjectName(QStringLiteral("natureCodesPage"));
    messageLabel()->setObjectName(QStringLiteral("natureCodesMessage"));
    m_intro->setWordWrap(true);
    m_source->setObjectName(QStringLiteral("natureCodesSource"));
    m_source->setWordWrap(true);
    m_table->setObjectName(QStringLiteral("natureCodeTable"));
    m_table->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_table->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_table->setSelectionMode(QAbstractItemView::SingleSelection);
    m_table->verticalHeader()->hide();
    m_table->horizontalHeader()->setStretchLastSection(true);
    m_table->setTabKeyNavigation(false);
    m_import->setObjectName(QStringLiteral("importNatureCodes"));
    m_importError->setTextInteractionFlags(Qt::TextSelectableByMouse);

    auto* buttons = new QHBoxLayout;
    buttons->addWidget(m_import);
    buttons->addStretch(1);
    auto* layout = new QVBoxLayout(this);
    layout->addWidget(m_intro);
    layout->addLayout(buttons);
    layout->addWidget(m_importError);
    layout->addWidget(messageArea());
    layout->addWidget(m_source);
    layout->addWidget(m_table, 1);

    connect(m_import, &QPushButton::clicked, this, &NatureCodesPage::chooseFile);
    retranslate();
    reload();
}

void NatureCodesPage::reload()
{
    auto codes = usecases::SettingsUseCases(m_services).cadNatureCodes();
    m_table->setRowCount(0);
    if (!codes.ok()) {
        showMessage(refusalText(codes.error()), true);
        m_count = 0;
        return;
    }
    const auto& entries = codes.value().table.entries();
    m_builtIn = codes.value().builtIn;
    m_count = int(entries.size());
    m_table->setRowCount(m_count);
    for (int row = 0; row < m_count; ++row) {
        const cad::NatureCode& entry = entries[std::size_t(row)];
        m_table->setItem(row, ColCode, new QTableWidgetItem(store::toQString(entry.code)));
        auto* callType = new QTableWidgetItem(store::toQString(entry.callType));
        callType->setToolTip(DomainText::callTypeName(store::toQString(entry.callType)));
        m_table->setItem(row, ColCallType, callType);
        m_table->setItem(row, ColDescription, new QTableWidgetItem(store::toQString(entry.description)));
    }
    m_table->resizeColumnToContents(ColCode);
    m_table->resizeColumnToContents(ColCallType);
    retranslate();
    markSaved();
}

void NatureCodesPage::chooseFile()
{
    const QString path = QFileDialog::getOpenFileName(this, tr("Import the nature-code table"), QString(),
                                                      tr("CSV files (*.csv *.txt);;All files (*)"));
    if (!path.isEmpty())
        importFile(path);
}

bool NatureCodesPage::importFile(const QString& path)
{
    clearMessage();
    showFieldError(m_importError, {});
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly)) {
        showFieldError(m_importError, tr("Cannot read %1: %2. Nothing was changed.")
                                          .arg(QFileInfo(path).fileName(), file.errorString()));
        return false;
    }
    // One byte past the reader's limit, so that it says the file is too large.
    const QByteArray csv = file.read(qint64(cad::kNatureCodeMaxBytes) + 1);
    const QString name = QFileInfo(path).fileName();
    if (store::StoreError error =
            usecases::SettingsUseCases(m_services).setCadNatureCodes(csv, name, readVersion())) {
        if (showIfStale(error))
            return false;
        showFieldError(m_importError, refusalText(error)); // "Not saved: FILE: line N: ..."
        m_import->setFocus();
        return false;
    }
    reload();
    showMessage(tr("Imported %n code(s) from %1. Calls from the CAD are typed by this table from now on, on "
                   "every workstation.",
                   nullptr, m_count)
                    .arg(name),
                false);
    return true;
}

void NatureCodesPage::setEditable(bool editable)
{
    m_import->setVisible(editable);
}

void NatureCodesPage::retranslate()
{
    m_intro->setText(tr("The CAD names each incident by the center's own nature codes. This table maps them "
                        "to the rule sets' call types, so a call from the CAD is routed. Import it as CSV: "
                        "code,call_type[,description], one code a line; every call type must be one the rule "
                        "sets know."));
    m_source->setText(m_builtIn
                          ? tr("The demo center's table (none imported yet): %n code(s).", nullptr, m_count)
                          : tr("The center's table: %n code(s).", nullptr, m_count));
    m_table->setHorizontalHeaderLabels({tr("CAD code"), tr("Call type"), tr("Description")});
    m_table->setAccessibleName(tr("Nature codes"));
    m_import->setText(tr("&Import from CSV…"));
}

QString NatureCodesPage::title() const
{
    return tr("&Nature codes");
}

QStringList NatureCodesPage::settingKeys() const
{
    return {store::SettingsStore::key(store::Setting::CadNatureCodes)};
}

} // namespace heart::ui
