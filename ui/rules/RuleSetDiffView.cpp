#include "rules/RuleSetDiffView.h"

#include "core/routing/RuleSetDiff.h"
#include "rules/RuleText.h"

#include <QCheckBox>
#include <QComboBox>
#include <QEvent>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QTableWidget>
#include <QVBoxLayout>

namespace heart::ui {

using routing::Program;

namespace {

QString beatList(const std::vector<std::string>& beats)
{
    QStringList out;
    for (const std::string& beat : beats)
        out << RuleText::text(beat);
    return out.join(QStringLiteral(", "));
}

} // namespace

RuleSetDiffView::RuleSetDiffView(QWidget* parent) : QWidget(parent)
{
    m_beforeLabel = new QLabel(this);
    m_before = new QComboBox(this);
    m_before->setObjectName(QStringLiteral("diffBefore"));
    m_beforeLabel->setBuddy(m_before);
    m_afterLabel = new QLabel(this);
    m_after = new QComboBox(this);
    m_after->setObjectName(QStringLiteral("diffAfter"));
    m_afterLabel->setBuddy(m_after);
    m_onlyChanges = new QCheckBox(this);
    m_onlyChanges->setObjectName(QStringLiteral("diffOnlyChanges"));
    m_onlyChanges->setChecked(true);
    m_summary = new QLabel(this);
    m_summary->setObjectName(QStringLiteral("diffSummary"));
    m_summary->setWordWrap(true);
    m_summary->setTextInteractionFlags(Qt::TextSelectableByKeyboard | Qt::TextSelectableByMouse);
    m_summary->setFocusPolicy(Qt::StrongFocus);
    m_table = new QTableWidget(0, 4, this);
    m_table->setObjectName(QStringLiteral("diffTable"));
    m_table->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_table->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_table->setWordWrap(true);
    m_table->verticalHeader()->setVisible(false);
    // Rows as high as their text at the widths they have now (also when shown later).
    m_table->verticalHeader()->setSectionResizeMode(QHeaderView::ResizeToContents);
    m_table->horizontalHeader()->setSectionResizeMode(0, QHeaderView::ResizeToContents);
    m_table->horizontalHeader()->setSectionResizeMode(1, QHeaderView::ResizeToContents);
    m_table->horizontalHeader()->setSectionResizeMode(2, QHeaderView::Stretch);
    m_table->horizontalHeader()->setSectionResizeMode(3, QHeaderView::Stretch);

    auto* choose = new QHBoxLayout;
    choose->addWidget(m_beforeLabel);
    choose->addWidget(m_before, 1);
    choose->addWidget(m_afterLabel);
    choose->addWidget(m_after, 1);
    choose->addWidget(m_onlyChanges);
    auto* layout = new QVBoxLayout(this);
    layout->addLayout(choose);
    layout->addWidget(m_summary);
    layout->addWidget(m_table, 1);

    connect(m_before, &QComboBox::currentIndexChanged, this, &RuleSetDiffView::refresh);
    connect(m_after, &QComboBox::currentIndexChanged, this, &RuleSetDiffView::refresh);
    connect(m_onlyChanges, &QCheckBox::toggled, this, &RuleSetDiffView::refresh);
    retranslate();
}

void RuleSetDiffView::setRuleBook(const routing::RuleBook* book, std::shared_ptr<const geo::BeatMap> beats)
{
    m_book = book;
    m_beats = std::move(beats);
    for (QComboBox* combo : {m_before, m_after}) {
        combo->blockSignals(true);
        combo->clear();
        if (m_book) {
            for (const routing::RuleSet& set : m_book->ruleSets())
                combo->addItem(RuleText::date(set.effectiveFrom) + QStringLiteral("  ") +
                               RuleText::text(set.name));
        }
        combo->blockSignals(false);
    }
    const int count = m_book ? int(m_book->ruleSets().size()) : 0;
    compare(std::max(0, count - 2), std::max(0, count - 1));
}

void RuleSetDiffView::compare(int before, int after)
{
    m_before->blockSignals(true);
    m_after->blockSignals(true);
    m_before->setCurrentIndex(before);
    m_after->setCurrentIndex(after);
    m_before->blockSignals(false);
    m_after->blockSignals(false);
    refresh();
}

void RuleSetDiffView::refresh()
{
    m_table->setRowCount(0);
    m_summaryLines.clear();
    const int a = m_before->currentIndex(), b = m_after->currentIndex();
    if (!m_book || a < 0 || b < 0 || a >= int(m_book->ruleSets().size()) ||
        b >= int(m_book->ruleSets().size())) {
        m_summary->clear();
        return;
    }
    const routing::RuleSet& before = m_book->ruleSets()[std::size_t(a)];
    const routing::RuleSet& after = m_book->ruleSets()[std::size_t(b)];
    const routing::RuleSetDiff diff = routing::diffRuleSets(before, after, m_beats.get());
    for (const std::string& line : routing::summariseDiff(diff, before, after, RuleText::diffWords()))
        m_summaryLines << RuleText::text(line);
    m_summary->setText(m_summaryLines.join(QLatin1Char('\n')));
    m_summary->setAccessibleName(tr("What changes"));

    const QString none = tr("(not in this rule set)");
    const auto addRow = [&](const QString& program, const QString& aspect, const QString& was,
                            const QString& is, const QString& note = {}) {
        const bool changed = was != is || !note.isEmpty();
        if (m_onlyChanges->isChecked() && !changed)
            return;
        const int row = m_table->rowCount();
        m_table->insertRow(row);
        const QString cells[4] = {program, aspect, was,
                                  note.isEmpty() ? is : is + QStringLiteral("\n") + note};
        for (int column = 0; column < 4; ++column) {
            auto* item = new QTableWidgetItem(cells[column]);
            item->setToolTip(cells[column]);
            if (changed) {
                QFont font = item->font();
                font.setBold(column >= 2);
                item->setFont(font);
                item->setBackground(QColor(0xff, 0xf3, 0xcd));
            }
            m_table->setItem(row, column, item);
        }
    };
    for (Program program : routing::kAllPrograms) {
        const routing::ProgramRules* was = before.rulesFor(program);
        const routing::ProgramRules* is = after.rulesFor(program);
        if (!was && !is)
            continue;
        const QString name = RuleText::programName(program);
        const auto text = [&](const routing::ProgramRules* rules, auto describe) {
            return rules ? describe(*rules) : none;
        };
        QString areaNote;
        if (const routing::ProgramDiff* changed = diff.program(program);
            changed && changed->servedBeatsKnown) {
            if (!changed->beatsAdded.empty())
                areaNote += tr("beats added: %1").arg(beatList(changed->beatsAdded));
            if (!changed->beatsRemoved.empty())
                areaNote += (areaNote.isEmpty() ? QString() : QStringLiteral("\n")) +
                            tr("beats removed: %1").arg(beatList(changed->beatsRemoved));
        }
        addRow(name, tr("Call types"),
               text(was, [&](const auto& r) { return RuleText::callTypes(before, r); }),
               text(is, [&](const auto& r) { return RuleText::callTypes(after, r); }));
        addRow(name, tr("Not when"),
               text(was, [](const auto& r) { return RuleText::conditions(r.excludeWhen); }),
               text(is, [](const auto& r) { return RuleText::conditions(r.excludeWhen); }));
        addRow(name, tr("Only when"),
               text(was, [](const auto& r) { return RuleText::conditions(r.onlyWhen); }),
               text(is, [](const auto& r) { return RuleText::conditions(r.onlyWhen); }));
        addRow(name, tr("Service area"), text(was, [](const auto& r) { return RuleText::area(r); }),
               text(is, [](const auto& r) { return RuleText::area(r); }), areaNote);
        addRow(name, tr("Hours"), text(was, [](const auto& r) { return RuleText::hours(r); }),
               text(is, [](const auto& r) { return RuleText::hours(r); }));
        addRow(name, tr("Holidays"), text(was, [](const auto& r) { return RuleText::holidays(r); }),
               text(is, [](const auto& r) { return RuleText::holidays(r); }));
        addRow(name, tr("Follows up"), text(was, [](const auto& r) { return RuleText::follows(r); }),
               text(is, [](const auto& r) { return RuleText::follows(r); }));
    }
    const auto dates = [](const routing::RuleSet& set) {
        return tr("%1 holiday dates").arg(set.holidays.size());
    };
    addRow(tr("All"), tr("Holiday dates"), dates(before), dates(after));
    addRow(tr("All"), tr("Takes effect"), RuleText::date(before.effectiveFrom),
           RuleText::date(after.effectiveFrom));
}

void RuleSetDiffView::changeEvent(QEvent* event)
{
    if (event->type() == QEvent::LanguageChange)
        retranslate();
    QWidget::changeEvent(event);
}

void RuleSetDiffView::retranslate()
{
    m_beforeLabel->setText(tr("Compare &from:"));
    m_afterLabel->setText(tr("&to:"));
    m_onlyChanges->setText(tr("Only &differences"));
    m_table->setHorizontalHeaderLabels({tr("Program"), tr("Rule"), tr("Before"), tr("After")});
    m_table->setAccessibleName(tr("Rules before and after"));
    refresh();
}

} // namespace heart::ui
