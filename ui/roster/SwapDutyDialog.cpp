#include "roster/SwapDutyDialog.h"

#include "core/roster/RotationValidator.h"
#include "roster/RosterTableModel.h"
#include "roster/ViolationText.h"

#include <QDialogButtonBox>
#include <QHeaderView>
#include <QLabel>
#include <QPushButton>
#include <QStyle>
#include <QTreeWidget>
#include <QVBoxLayout>
#include <algorithm>

namespace heart::ui {

SwapDutyDialog::SwapDutyDialog(const roster::Schedule& schedule, const roster::RotationRules& rules,
                               int person, int day, QWidget* parent)
    : QDialog(parent), m_candidates(new QTreeWidget(this))
{
    setObjectName(QStringLiteral("swapDutyDialog"));
    setWindowTitle(tr("Swap a day's duty"));
    m_candidates->setObjectName(QStringLiteral("swapCandidates"));
    const auto p = static_cast<std::size_t>(person);
    const auto d = static_cast<std::size_t>(day);
    const roster::StaffMember& me = schedule.staff[p];
    const roster::Duty& mine = schedule.duties[p][d];

    auto* intro = new QLabel(tr("Swap the duty of <b>%1</b> on %2 (%3) with:")
                                 .arg(QString::fromStdString(me.name).toHtmlEscaped(),
                                      ViolationText::dayText(schedule, day).toHtmlEscaped(),
                                      ViolationText::dutyText(mine, rules).toHtmlEscaped()),
                             this);
    intro->setWordWrap(true);
    intro->setBuddy(m_candidates);
    m_candidates->setAccessibleName(tr("People to swap with"));
    m_candidates->setRootIsDecorated(false);
    m_candidates->setUniformRowHeights(true);
    m_candidates->setIconSize(QSize(16, 16));
    m_candidates->setHeaderLabels({tr("Person"), tr("Role"), tr("That day"), tr("After the swap")});

    // Same role first (a clinician who trades with an EMT leaves a team without
    // its lead), then the swaps that break the fewest rules.
    struct Candidate
    {
        std::size_t person;
        bool sameRole;
        int problems;
    };
    std::vector<Candidate> candidates;
    for (std::size_t other = 0; other < schedule.staff.size(); ++other) {
        if (other == p || schedule.duties[other][d] == mine)
            continue;
        roster::Schedule after = schedule;
        std::swap(after.duties[p][d], after.duties[other][d]);
        candidates.push_back({other, schedule.staff[other].role == me.role,
                              static_cast<int>(roster::validateRotation(after, rules).size())});
    }
    std::stable_sort(candidates.begin(), candidates.end(), [](const Candidate& a, const Candidate& b) {
        return a.sameRole != b.sameRole ? a.sameRole : a.problems < b.problems;
    });
    const QIcon ok = style()->standardIcon(QStyle::SP_DialogApplyButton);
    const QIcon warning = style()->standardIcon(QStyle::SP_MessageBoxWarning);
    for (const Candidate& c : candidates) {
        const roster::StaffMember& them = schedule.staff[c.person];
        const QString consequence = c.problems == 0
                                        ? tr("every rule holds")
                                        : tr("%n problem(s) in the rule check", nullptr, c.problems);
        auto* item = new QTreeWidgetItem(
            m_candidates, {QString::fromStdString(them.name), RosterTableModel::roleName(them.role),
                           ViolationText::dutyText(schedule.duties[c.person][d], rules), consequence});
        item->setIcon(3, c.problems == 0 ? ok : warning);
        item->setData(0, Qt::UserRole, static_cast<int>(c.person));
    }
    if (candidateCount() > 0)
        m_candidates->setCurrentItem(m_candidates->topLevelItem(0));
    for (int column = 0; column < m_candidates->columnCount(); ++column)
        m_candidates->resizeColumnToContents(column);

    auto* buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this);
    buttons->button(QDialogButtonBox::Ok)->setText(tr("&Swap"));
    buttons->button(QDialogButtonBox::Ok)->setEnabled(candidateCount() > 0);
    connect(buttons, &QDialogButtonBox::accepted, this, &QDialog::accept);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    connect(m_candidates, &QTreeWidget::itemActivated, this, &QDialog::accept);

    auto* layout = new QVBoxLayout(this);
    layout->addWidget(intro);
    layout->addWidget(m_candidates, 1);
    layout->addWidget(buttons);
    resize(720, 400);
    m_candidates->setFocus();
}

int SwapDutyDialog::chosenPerson() const
{
    const QTreeWidgetItem* item = m_candidates->currentItem();
    return item ? item->data(0, Qt::UserRole).toInt() : -1;
}

int SwapDutyDialog::candidateCount() const
{
    return m_candidates->topLevelItemCount();
}

} // namespace heart::ui
