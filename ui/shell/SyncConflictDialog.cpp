#include "shell/SyncConflictDialog.h"

#include "shell/DomainText.h"
#include "shell/ProgramTime.h"
#include "usecases/SyncUseCases.h"

#include <QDialogButtonBox>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QJsonObject>
#include <QLabel>
#include <QListWidget>
#include <QPushButton>
#include <QTableWidget>
#include <QVBoxLayout>

namespace heart::ui {
namespace {

QString valueText(const QJsonValue& value)
{
    if (value.isNull() || value.isUndefined())
        return QStringLiteral("—");
    if (value.isDouble())
        return QString::number(value.toDouble());
    return value.toString();
}

// "presenting_concern" -> "Presenting concern"
QString fieldText(const QString& column)
{
    QString text = column;
    text.replace(u'_', u' ');
    if (!text.isEmpty())
        text[0] = text[0].toUpper();
    return text;
}

} // namespace

SyncConflictDialog::SyncConflictDialog(const usecases::Context& context, QWidget* parent)
    : QDialog(parent), m_context(context), m_list(new QListWidget(this)), m_reason(new QLabel(this)),
      m_fields(new QTableWidget(this)), m_error(new QLabel(this)), m_mine(new QPushButton(this)),
      m_theirs(new QPushButton(this))
{
    setObjectName(QStringLiteral("syncConflictDialog"));
    setWindowTitle(tr("Sync conflicts"));
    m_list->setObjectName(QStringLiteral("conflictList"));
    m_fields->setObjectName(QStringLiteral("conflictFields"));
    m_reason->setObjectName(QStringLiteral("conflictReason"));
    m_reason->setWordWrap(true);
    m_error->setObjectName(QStringLiteral("conflictError"));
    m_error->setWordWrap(true);
    m_error->setStyleSheet(QStringLiteral("color: #a40000;"));
    m_fields->setColumnCount(3);
    m_fields->setHorizontalHeaderLabels({tr("Field"), tr("This laptop"), tr("The center")});
    m_fields->horizontalHeader()->setSectionResizeMode(QHeaderView::Stretch);
    m_fields->horizontalHeader()->setSectionResizeMode(0, QHeaderView::ResizeToContents);
    m_list->setMinimumWidth(300); // "Encounter note — Dec 4, 2026, 12:07 AM" whole
    m_fields->verticalHeader()->hide();
    m_fields->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_fields->setWordWrap(true);
    m_mine->setObjectName(QStringLiteral("keepMineButton"));
    m_mine->setText(tr("Keep &mine"));
    m_theirs->setObjectName(QStringLiteral("keepTheirsButton"));
    m_theirs->setText(tr("Keep &theirs"));

    auto* buttons = new QDialogButtonBox(QDialogButtonBox::Close, this);
    buttons->addButton(m_mine, QDialogButtonBox::ActionRole);
    buttons->addButton(m_theirs, QDialogButtonBox::ActionRole);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    connect(m_mine, &QPushButton::clicked, this, &SyncConflictDialog::keepMine);
    connect(m_theirs, &QPushButton::clicked, this, &SyncConflictDialog::keepTheirs);
    connect(m_list, &QListWidget::currentRowChanged, this, &SyncConflictDialog::showSelected);

    auto* right = new QVBoxLayout;
    right->addWidget(m_reason);
    right->addWidget(m_fields, 1);
    right->addWidget(m_error);
    auto* body = new QHBoxLayout;
    body->addWidget(m_list, 1);
    body->addLayout(right, 3);
    auto* layout = new QVBoxLayout(this);
    layout->addLayout(body, 1);
    layout->addWidget(buttons);
    resize(900, 480);
    reload();
}

int SyncConflictDialog::conflictCount() const
{
    return int(m_conflicts.size());
}

QString SyncConflictDialog::reasonText(const QString& reason)
{
    if (reason == QLatin1String("edited_both"))
        return tr("Changed here and at the center while this laptop was offline. The center's version "
                  "stands for now; choose which one to keep.");
    if (reason == QLatin1String("signed_at_center"))
        return tr("The note was signed at the center before this laptop's changes arrived. A signed note "
                  "takes no more changes: add what is still needed as an addendum, then keep theirs.");
    if (reason == QLatin1String("signed_on_laptop"))
        return tr("You signed the note on this laptop; the center had changed it meanwhile. Your signed "
                  "note stands; the center's changes are shown for you to add as an addendum if needed.");
    if (reason == QLatin1String("signed_both"))
        return tr("The note was signed in both places with different contents. The center's signed note "
                  "stands; yours is kept here.");
    if (reason == QLatin1String("not_permitted"))
        return tr("The center refused this change: the account may not make it there (deactivated, or "
                  "its roles changed). It is kept here.");
    return reason;
}

QString SyncConflictDialog::recordText(const QString& recordType)
{
    if (recordType == QLatin1String("encounter"))
        return tr("Encounter note");
    if (recordType == QLatin1String("encounter_entry"))
        return tr("Note entry");
    if (recordType == QLatin1String("safety_plan"))
        return tr("Safety plan");
    if (recordType == QLatin1String("unit"))
        return tr("Unit status");
    if (recordType == QLatin1String("person"))
        return tr("Person");
    return recordType;
}

void SyncConflictDialog::reload()
{
    auto conflicts = usecases::SyncUseCases(m_context).conflicts();
    m_list->clear();
    m_conflicts.clear();
    if (!conflicts.ok()) {
        m_error->setText(DomainText::errorText(conflicts.error()));
        return;
    }
    m_conflicts = conflicts.value();
    for (const store::sync::SyncConflict& conflict : std::as_const(m_conflicts)) {
        m_list->addItem(tr("%1 — %2").arg(recordText(conflict.recordType),
                                          ProgramTime::dateTimeText(conflict.detectedAt)));
    }
    if (!m_conflicts.isEmpty())
        m_list->setCurrentRow(0);
    showSelected();
}

void SyncConflictDialog::showSelected()
{
    const int row = m_list->currentRow();
    const bool any = row >= 0 && row < m_conflicts.size();
    m_mine->setEnabled(any);
    m_theirs->setEnabled(any);
    m_fields->setRowCount(0);
    if (!any) {
        m_reason->setText(tr("Nothing to review: every change this laptop sent was merged."));
        return;
    }
    const store::sync::SyncConflict& conflict = m_conflicts.at(row);
    m_reason->setText(reasonText(conflict.reason));
    // "Mine" is this laptop's version; for a note signed here the copy kept
    // is the center's.
    const bool copyIsTheirs = conflict.reason == QLatin1String("signed_on_laptop");
    const QJsonObject mine =
        (copyIsTheirs ? conflict.theirs : conflict.mine).value(QStringLiteral("row")).toObject();
    const QJsonObject theirs =
        (copyIsTheirs ? conflict.mine : conflict.theirs).value(QStringLiteral("row")).toObject();
    for (auto it = mine.begin(); it != mine.end(); ++it) {
        const QString& column = it.key();
        if (column == QLatin1String("version") || column == QLatin1String("updated_at") ||
            column.endsWith(QLatin1String("_id")) || column == QLatin1String("id"))
            continue;
        if (valueText(it.value()) == valueText(theirs.value(column)))
            continue;
        const int r = m_fields->rowCount();
        m_fields->insertRow(r);
        m_fields->setItem(r, 0, new QTableWidgetItem(fieldText(column)));
        m_fields->setItem(r, 1, new QTableWidgetItem(valueText(it.value())));
        m_fields->setItem(r, 2, new QTableWidgetItem(valueText(theirs.value(column))));
    }
    m_fields->resizeRowsToContents();
}

void SyncConflictDialog::resolve(bool keepMine)
{
    const int row = m_list->currentRow();
    if (row < 0 || row >= m_conflicts.size())
        return;
    if (store::StoreError error =
            usecases::SyncUseCases(m_context).resolve(m_conflicts.at(row).id, keepMine)) {
        m_error->setText(DomainText::errorText(error));
        return;
    }
    m_error->clear();
    reload();
}

void SyncConflictDialog::keepMine()
{
    resolve(true);
}

void SyncConflictDialog::keepTheirs()
{
    resolve(false);
}

} // namespace heart::ui
