#include "rules/RuleSetHistory.h"

#include "core/routing/RuleSetDiff.h"
#include "core/routing/RuleSetJson.h"
#include "rules/RuleText.h"
#include "shell/DomainText.h"
#include "store/StoreTime.h"
#include "usecases/AccountUseCases.h"
#include "usecases/RuleSetUseCases.h"

#include <QEvent>
#include <QHeaderView>
#include <QLabel>
#include <QTreeWidget>
#include <QVBoxLayout>
#include <optional>

namespace heart::ui {

namespace {

enum Column
{
    ColVersion,
    ColSaved,
    ColBy,
    ColEffective,
    ColFrom,
    ColChanges,
    ColCount
};

std::optional<routing::RuleSet> parse(const QByteArray& document, const QString& source)
{
    auto set = routing::parseRuleSet(std::string_view(document.constData(), std::size_t(document.size())),
                                     source.toStdString());
    if (!set)
        return std::nullopt;
    return std::move(set).value();
}

} // namespace

RuleSetHistory::RuleSetHistory(Services services, QWidget* parent)
    : QWidget(parent), m_services(std::move(services))
{
    setObjectName(QStringLiteral("ruleSetHistory"));
    m_note = new QLabel(this);
    m_note->setObjectName(QStringLiteral("ruleSetHistoryNote"));
    m_note->setWordWrap(true);
    m_versions = new QTreeWidget(this);
    m_versions->setObjectName(QStringLiteral("ruleSetVersions"));
    m_versions->setColumnCount(ColCount);
    m_versions->setRootIsDecorated(false);
    m_versions->setAllColumnsShowFocus(true);
    m_versions->setWordWrap(true);
    auto* layout = new QVBoxLayout(this);
    layout->addWidget(m_note);
    layout->addWidget(m_versions, 1);
    retranslate();
}

int RuleSetHistory::versionCount() const
{
    return m_versions->topLevelItemCount();
}

void RuleSetHistory::showRuleSet(const QString& key)
{
    m_key = key;
    m_problem.clear();
    m_versions->clear();
    if (!key.isEmpty()) {
        usecases::RuleSetUseCases rules(m_services);
        auto versions = rules.versions(key);
        if (!versions.ok()) {
            m_problem = DomainText::errorText(versions.error());
        } else {
            std::optional<routing::RuleSet> previous;
            usecases::AccountUseCases accounts(m_services);
            for (const store::RuleSetVersion& version : versions.value()) {
                const std::optional<routing::RuleSet> set =
                    parse(version.document, QStringLiteral("%1 v%2").arg(version.key).arg(version.version));
                // The first version against what it was made from, when that is known.
                std::optional<routing::RuleSet> before = previous;
                if (!before && !version.basedOn.isEmpty()) {
                    if (auto document = rules.document(version.basedOn); document.ok())
                        before = parse(document.value(), version.basedOn);
                }
                QString changes;
                if (set && before) {
                    QStringList lines;
                    const auto diff = routing::diffRuleSets(*before, *set, m_beats.get());
                    for (const std::string& line :
                         routing::summariseDiff(diff, *before, *set, RuleText::diffWords()))
                        lines << RuleText::text(line);
                    changes = lines.join(QLatin1Char('\n'));
                } else if (version.sourceName != QLatin1String("editor")) {
                    changes = tr("imported from %1").arg(version.sourceName);
                }
                QString by = version.savedBy;
                if (!version.savedBy.isEmpty()) {
                    store::JournalEntry entry;
                    entry.recordType = QStringLiteral("rule_set");
                    entry.recordId = version.recordId;
                    entry.userId = version.savedBy;
                    entry.action = version.version == 1 ? store::audit::Create : store::audit::Update;
                    if (auto author = accounts.changeAuthor(entry);
                        author.ok() && !author.value().displayName.isEmpty())
                        by = author.value().displayName;
                }
                const QDateTime savedAt = store::fromStoredTime(version.savedAt).toLocalTime();
                auto* item = new QTreeWidgetItem(m_versions);
                item->setText(ColVersion, QString::number(version.version));
                item->setText(ColSaved, savedAt.toString(QStringLiteral("yyyy-MM-dd HH:mm")));
                item->setText(ColBy, by);
                item->setText(ColEffective, version.effectiveFrom.toString(Qt::ISODate));
                item->setText(ColFrom, version.basedOn);
                item->setText(ColChanges, changes);
                if (set)
                    previous = set;
            }
        }
    }
    retranslate();
}

void RuleSetHistory::changeEvent(QEvent* event)
{
    if (event->type() == QEvent::LanguageChange)
        showRuleSet(m_key);
    QWidget::changeEvent(event);
}

void RuleSetHistory::retranslate()
{
    m_versions->setHeaderLabels({tr("Version"), tr("Saved"), tr("By"), tr("Takes effect"), tr("Made from"),
                                 tr("Changes against the version before")});
    m_versions->setAccessibleName(tr("Saved versions of the rule set"));
    if (!m_problem.isEmpty())
        m_note->setText(m_problem);
    else if (m_key.isEmpty())
        m_note->setText(tr("Choose a rule set to see its saved versions."));
    else if (m_versions->topLevelItemCount() == 0)
        m_note->setText(tr("\"%1\" was shipped with HEART Desk and has no saved versions.").arg(m_key));
    else
        m_note->setText(tr("Saved versions of \"%1\", oldest first.").arg(m_key));
    for (int column = 0; column < ColCount - 1; ++column)
        m_versions->resizeColumnToContents(column);
}

} // namespace heart::ui
