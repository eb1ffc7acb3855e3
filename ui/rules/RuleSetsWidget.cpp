#include "rules/RuleSetsWidget.h"

#include "rules/RuleSetDiffView.h"
#include "rules/RuleSetEditor.h"
#include "rules/RuleSetHistory.h"
#include "rules/RuleSetView.h"
#include "rules/RuleText.h"
#include "shell/DomainText.h"
#include "store/ChangeFeed.h"
#include "usecases/ChangeFeed.h"

#include <QEvent>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QKeyEvent>
#include <QLabel>
#include <QLocale>
#include <QPushButton>
#include <QShortcut>
#include <QTabWidget>
#include <QTreeWidget>
#include <QVBoxLayout>
#include <algorithm>

namespace heart::ui {

namespace {
enum ListColumn
{
    ColFrom,
    ColName,
    ColStatus,
    ColId,
    ColSource,
    ColCount
};
} // namespace

RuleSetsWidget::RuleSetsWidget(Services services, QWidget* parent)
    : QWidget(parent), m_services(std::move(services))
{
    setObjectName(QStringLiteral("ruleSetsWidget"));
    m_title = new QLabel(this);
    QFont titleFont = m_title->font();
    titleFont.setPointSizeF(titleFont.pointSizeF() * 1.4);
    titleFont.setBold(true);
    m_title->setFont(titleFont);
    m_note = new QLabel(this);
    m_note->setObjectName(QStringLiteral("ruleSetsNote"));
    m_note->setWordWrap(true);

    m_list = new QTreeWidget(this);
    m_list->setObjectName(QStringLiteral("ruleSetList"));
    m_list->setColumnCount(ColCount);
    m_list->setRootIsDecorated(false);
    m_list->setUniformRowHeights(true);
    m_list->setAllColumnsShowFocus(true);
    m_list->setMaximumHeight(110);
    m_view = new QPushButton(this);
    m_view->setObjectName(QStringLiteral("ruleSetViewButton"));
    m_compare = new QPushButton(this);
    m_compare->setObjectName(QStringLiteral("ruleSetCompareButton"));

    m_tabs = new QTabWidget(this);
    m_tabs->setObjectName(QStringLiteral("ruleSetTabs"));
    m_ruleSetView = new RuleSetView(m_tabs);
    m_ruleSetView->setObjectName(QStringLiteral("ruleSetView"));
    m_diffView = new RuleSetDiffView(m_tabs);
    m_diffView->setObjectName(QStringLiteral("ruleSetDiffView"));
    m_tabs->addTab(m_ruleSetView, QString());
    m_tabs->addTab(m_diffView, QString());
    m_history = new RuleSetHistory(m_services, m_tabs);
    m_tabs->addTab(m_history, QString());
    if (usecases::RuleSetUseCases(m_services).canEdit()) {
        m_newVersion = new QPushButton(this);
        m_newVersion->setObjectName(QStringLiteral("ruleSetNewVersionButton"));
        m_editor = new RuleSetEditor(m_services, m_tabs);
        m_tabs->addTab(m_editor, QString());
        connect(m_newVersion, &QPushButton::clicked, this, [this] { newVersionFrom(selectedIndex()); });
        connect(m_editor, &RuleSetEditor::saved, this, [this](const QString& key) {
            reload();
            selectRuleSet(key);
        });
    }

    auto* buttons = new QHBoxLayout;
    buttons->addWidget(m_view);
    buttons->addWidget(m_compare);
    if (m_newVersion)
        buttons->addWidget(m_newVersion);
    buttons->addStretch(1);
    auto* layout = new QVBoxLayout(this);
    layout->addWidget(m_title);
    layout->addWidget(m_note);
    layout->addWidget(m_list);
    layout->addLayout(buttons);
    layout->addWidget(m_tabs, 1);

    connect(m_list, &QTreeWidget::currentItemChanged, this, &RuleSetsWidget::showSelected);
    connect(m_list, &QTreeWidget::itemActivated, this, [this] {
        showSelected();
        m_tabs->setCurrentWidget(m_ruleSetView);
        m_ruleSetView->setFocus();
    });
    connect(m_view, &QPushButton::clicked, this, [this] {
        showSelected();
        m_tabs->setCurrentWidget(m_ruleSetView);
    });
    connect(m_compare, &QPushButton::clicked, this, &RuleSetsWidget::compareSelectedWithInForce);
    // F5 reads the rule sets again (as on the other list screens).
    auto* refresh = new QShortcut(QKeySequence(Qt::Key_F5), this);
    refresh->setContext(Qt::WidgetWithChildrenShortcut);
    connect(refresh, &QShortcut::activated, this, &RuleSetsWidget::reload);

    connect(&usecases::changeFeed(m_services), &store::ChangeFeed::changes, this,
            [this](const QList<store::JournalEntry>& entries) {
                if (!usecases::RuleSetUseCases::changesRuleSets(entries))
                    return;
                QDateTime at;
                for (const store::JournalEntry& entry : entries)
                    at = std::max(at, entry.changedAt);
                ruleSetsChangedElsewhere(at);
            });

    reload();
    retranslate();
    m_list->setFocus();
}

void RuleSetsWidget::ruleSetsChangedElsewhere(const QDateTime& at)
{
    const int index = selectedIndex();
    const auto& sets = m_listing.book.ruleSets();
    const QString shown =
        index >= 0 && index < int(sets.size()) ? RuleText::text(sets[std::size_t(index)].id) : QString();
    reload();
    if (!shown.isEmpty())
        selectRuleSet(shown);
    if (m_editor && m_editor->hasUnsavedEdits())
        m_editor->noteRulesChangedElsewhere(at);
}

void RuleSetsWidget::reload()
{
    usecases::RuleSetUseCases rules(m_services);
    auto listing = rules.listing();
    m_list->clear();
    m_loaded = listing.ok();
    if (!m_loaded) {
        m_note->setText(DomainText::errorText(listing.error()));
        m_ruleSetView->showRuleSet(nullptr, false);
        m_diffView->setRuleBook(nullptr, nullptr);
        return;
    }
    m_listing = std::move(listing).value();
    const auto& sets = m_listing.book.ruleSets();
    for (std::size_t i = 0; i < sets.size(); ++i) {
        auto* item = new QTreeWidgetItem(m_list);
        item->setData(ColFrom, Qt::UserRole, int(i));
    }
    m_diffView->setRuleBook(&m_listing.book, m_listing.beats);
    m_history->setBeatMap(m_listing.beats);
    m_ruleSetView->setBeatMap(m_listing.beats);
    retranslate();
    const int start = m_listing.inForceIndex >= 0 ? m_listing.inForceIndex : 0;
    if (m_list->topLevelItemCount() > 0)
        m_list->setCurrentItem(m_list->topLevelItem(start));
}

int RuleSetsWidget::selectedIndex() const
{
    const QTreeWidgetItem* item = m_list->currentItem();
    return item ? item->data(ColFrom, Qt::UserRole).toInt() : -1;
}

void RuleSetsWidget::showSelected()
{
    const int index = selectedIndex();
    const auto& sets = m_listing.book.ruleSets();
    const bool valid = index >= 0 && index < int(sets.size());
    m_ruleSetView->showRuleSet(valid ? &sets[std::size_t(index)] : nullptr, index == m_listing.inForceIndex);
    m_history->showRuleSet(valid ? RuleText::text(sets[std::size_t(index)].id) : QString());
}

bool RuleSetsWidget::newVersionFrom(int index)
{
    const auto& sets = m_listing.book.ruleSets();
    if (!m_editor || index < 0 || index >= int(sets.size()))
        return false;
    const routing::RuleSet* inForce =
        m_listing.inForceIndex >= 0 ? &sets[std::size_t(m_listing.inForceIndex)] : nullptr;
    if (!m_editor->startFrom(sets[std::size_t(index)], inForce, m_listing.beats, m_listing.today))
        return false;
    m_tabs->setCurrentWidget(m_editor);
    m_editor->setFocus();
    return true;
}

bool RuleSetsWidget::selectRuleSet(const QString& key)
{
    const auto& sets = m_listing.book.ruleSets();
    for (int row = 0; row < m_list->topLevelItemCount(); ++row) {
        const int index = m_list->topLevelItem(row)->data(ColFrom, Qt::UserRole).toInt();
        if (index >= 0 && index < int(sets.size()) && RuleText::text(sets[std::size_t(index)].id) == key) {
            m_list->setCurrentItem(m_list->topLevelItem(row));
            return true;
        }
    }
    return false;
}

void RuleSetsWidget::viewRuleSet(int index)
{
    if (index < 0 || index >= m_list->topLevelItemCount())
        return;
    m_list->setCurrentItem(m_list->topLevelItem(index));
    m_tabs->setCurrentWidget(m_ruleSetView);
}

void RuleSetsWidget::compareRuleSets(int before, int after)
{
    m_diffView->compare(before, after);
    m_tabs->setCurrentWidget(m_diffView);
}

void RuleSetsWidget::compareSelectedWithInForce()
{
    const int index = selectedIndex();
    if (index < 0)
        return;
    const int inForce = m_listing.inForceIndex >= 0 ? m_listing.inForceIndex : 0;
    // The older of the two on the left; the rules in force against their predecessor.
    if (index == inForce)
        compareRuleSets(std::max(0, index - 1), index);
    else
        compareRuleSets(std::min(index, inForce), std::max(index, inForce));
}

void RuleSetsWidget::changeEvent(QEvent* event)
{
    if (event->type() == QEvent::LanguageChange)
        retranslate();
    QWidget::changeEvent(event);
}

void RuleSetsWidget::retranslate()
{
    m_title->setText(tr("Program rules"));
    if (m_loaded) {
        QString note = m_listing.shipped ? tr("The rules shipped with HEART Desk apply: none are stored yet.")
                                         : tr("Rule sets stored: %1.").arg(m_listing.stored.size());
        if (!usecases::RuleSetUseCases(m_services).canEdit())
            note += QLatin1Char(' ') + tr("You can read the rules; only an administrator changes them.");
        m_note->setText(note);
    }
    m_list->setHeaderLabels({tr("Takes effect"), tr("Name"), tr("Status"), tr("Id"), tr("Stored as")});
    m_list->setAccessibleName(tr("Rule sets by the date they take effect"));
    const auto& sets = m_listing.book.ruleSets();
    for (int row = 0; row < m_list->topLevelItemCount(); ++row) {
        QTreeWidgetItem* item = m_list->topLevelItem(row);
        const int index = item->data(ColFrom, Qt::UserRole).toInt();
        if (index < 0 || index >= int(sets.size()))
            continue;
        const routing::RuleSet& set = sets[std::size_t(index)];
        item->setText(ColFrom, RuleText::date(set.effectiveFrom));
        item->setText(ColName, RuleText::text(set.name));
        item->setText(ColId, RuleText::text(set.id));
        const bool inForce = index == m_listing.inForceIndex;
        const bool upcoming = m_listing.inForceIndex < index;
        item->setText(ColStatus, inForce ? tr("In force now") : upcoming ? tr("Upcoming") : tr("Past"));
        QFont font = item->font(ColStatus);
        font.setBold(inForce);
        for (int column = 0; column < ColCount; ++column)
            item->setFont(column, font);
        QString source = tr("shipped");
        for (const store::StoredRuleSet& stored : m_listing.stored) {
            if (stored.key == RuleText::text(set.id))
                source = tr("stored, version %1").arg(stored.version);
        }
        item->setText(ColSource, source);
    }
    for (int column = 0; column < ColCount; ++column)
        m_list->resizeColumnToContents(column);
    m_view->setText(tr("&View"));
    m_compare->setText(tr("&Compare with the rules in force"));
    m_tabs->setTabText(0, tr("Rule &set"));
    m_tabs->setTabText(1, tr("Side &by side"));
    m_tabs->setTabText(2, tr("Histor&y"));
    if (m_editor) {
        m_tabs->setTabText(3, tr("New version"));
        m_newVersion->setText(tr("Ne&w version from this…"));
        m_newVersion->setToolTip(tr("Edit a copy of the chosen rule set, preview its impact on past calls "
                                    "and save it to take effect on a future date"));
    }
}

} // namespace heart::ui
