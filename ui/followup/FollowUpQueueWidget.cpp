// The queue's layout, filters and selection; the work on a task is in
// FollowUpQueueActions.cpp.
#include "followup/FollowUpQueueWidget.h"

#include "followup/FollowUpDetailPane.h"
#include "followup/FollowUpQueueModel.h"
#include "followup/FollowUpText.h"
#include "home/LiveRefresh.h"
#include "shell/DomainText.h"
#include "usecases/FollowUpUseCases.h"
#include "usecases/Freshness.h"

#include <QCheckBox>
#include <QComboBox>
#include <QEvent>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QItemSelectionModel>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QShortcut>
#include <QSignalBlocker>
#include <QSplitter>
#include <QTableView>
#include <QVBoxLayout>
#include <algorithm>

namespace heart::ui {

namespace {
// Program filter: all, then the programs whose contacts are followed up.
const char* const kProgramCodes[] = {"", "ccd", "crt", "cor"};

// A table view that tells when it is choosing a current row by itself: a
// view given the focus without one takes the first row.
class QueueTable : public QTableView
{
public:
    using QTableView::QTableView;
    bool isChoosingOnFocus() const { return m_choosing; }

protected:
    void focusInEvent(QFocusEvent* event) override
    {
        m_choosing = true;
        QTableView::focusInEvent(event);
        m_choosing = false;
    }

private:
    bool m_choosing = false;
};
} // namespace

FollowUpQueueWidget::FollowUpQueueWidget(Services services, QWidget* parent)
    : QWidget(parent), m_services(std::move(services)), m_model(new FollowUpQueueModel(m_services, this)),
      m_detail(new FollowUpDetailPane(*m_model)), m_table(new QueueTable), m_title(new QLabel(this)),
      m_blurb(new QLabel(this)), m_count(new QLabel(this)), m_empty(new QLabel(this)),
      m_status(new QLabel(this)), m_refresh(new QPushButton(this)), m_mine(new QCheckBox(this)),
      m_unassigned(new QCheckBox(this)), m_dueToday(new QCheckBox(this)), m_overdue(new QCheckBox(this)),
      m_dueSoon(new QCheckBox(this)), m_includeClosed(new QCheckBox(this)), m_programLabel(new QLabel(this)),
      m_program(new QComboBox(this)), m_searchLabel(new QLabel(this)), m_search(new QLineEdit(this)),
      m_claim(new QPushButton(this)), m_assign(new QPushButton(this)), m_attempt(new QPushButton(this)),
      m_outcome(new QPushButton(this)), m_extend(new QPushButton(this)),
      m_live(new LiveRefresh(m_services, usecases::Freshness::FollowUps, this))
{
    setObjectName(QStringLiteral("followUpQueue"));
    m_title->setObjectName(QStringLiteral("homeTitle"));
    QFont titleFont = m_title->font();
    titleFont.setPointSizeF(titleFont.pointSizeF() * 1.4);
    titleFont.setBold(true);
    m_title->setFont(titleFont);
    m_blurb->setStyleSheet(QStringLiteral("color: #4b5563;"));
    m_count->setObjectName(QStringLiteral("followUpCount"));
    m_refresh->setObjectName(QStringLiteral("followUpRefresh"));
    m_empty->setObjectName(QStringLiteral("followUpEmpty"));
    m_empty->setWordWrap(true);
    m_empty->setStyleSheet(QStringLiteral("color: #4b5563; padding: 6px;"));
    m_empty->hide();
    m_status->setObjectName(QStringLiteral("followUpStatus"));
    m_status->setWordWrap(true);
    m_status->setTextFormat(Qt::PlainText);

    // The policy gives the due-soon window and the program's time zone.
    auto policy = usecases::FollowUpUseCases(m_services).policy();
    if (policy.ok()) {
        m_policy = policy.value();
        m_model->setPolicy(m_policy);
        if (auto zone = roster::TimeZoneRule::parse(m_policy.config().timeZone); zone.ok())
            m_model->setTimeZone(zone.value());
    } else {
        m_policyError = true;
    }

    m_table->setObjectName(QStringLiteral("followUpTable"));
    m_table->setModel(m_model);
    m_table->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_table->setSelectionMode(QAbstractItemView::SingleSelection);
    m_table->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_table->setTabKeyNavigation(false);
    m_table->setWordWrap(false);
    m_table->verticalHeader()->hide();
    m_table->verticalHeader()->setDefaultSectionSize(m_table->fontMetrics().height() + 8);
    QHeaderView* header = m_table->horizontalHeader();
    header->setSectionsClickable(true);
    header->setHighlightSections(false);
    header->setStretchLastSection(false);
    header->setSectionResizeMode(QHeaderView::Interactive);
    // The program's name takes the room there is (it is cut short first).
    header->setSectionResizeMode(FollowUpQueueModel::Program, QHeaderView::Stretch);
    // The program says the kind (CCD: check-ins; CRT, Co-Response: follow-ups
    // after a visit) and the detail pane names it: the column gives its room
    // to the person's name.
    m_table->setColumnHidden(FollowUpQueueModel::Kind, true);
    // Overdue first: the earliest due at the top. The indicator is set before
    // sorting is enabled, which sorts by it at once.
    m_model->sort(FollowUpQueueModel::Due, Qt::AscendingOrder);
    header->setSortIndicator(m_model->sortColumn(), m_model->sortOrder());
    m_table->setSortingEnabled(true);
    connect(header, &QHeaderView::sortIndicatorChanged, this, [this, header](int column, Qt::SortOrder) {
        if (FollowUpQueueModel::isSortable(column))
            return;
        // The model does not sort by this column: the indicator stays where the rows are sorted.
        const QSignalBlocker block(header);
        header->setSortIndicator(m_model->sortColumn(), m_model->sortOrder());
    });

    auto* splitter = new QSplitter(Qt::Horizontal, this);
    splitter->setObjectName(QStringLiteral("followUpSplitter"));
    auto* left = new QWidget(splitter);
    auto* leftLayout = new QVBoxLayout(left);
    leftLayout->setContentsMargins(0, 0, 0, 0);
    leftLayout->addWidget(m_empty);
    leftLayout->addWidget(m_table, 1);
    splitter->addWidget(left);
    splitter->addWidget(m_detail);
    splitter->setStretchFactor(0, 3);
    splitter->setStretchFactor(1, 2);
    splitter->setChildrenCollapsible(false);
    splitter->setSizes({880, 380});
    m_detail->setMinimumWidth(320);

    auto* top = new QHBoxLayout;
    top->addWidget(m_title);
    top->addSpacing(12);
    top->addWidget(m_blurb, 1);
    top->addWidget(m_count);
    top->addWidget(m_refresh);
    auto* layout = new QVBoxLayout(this);
    layout->addLayout(top);
    layout->addWidget(buildFilterBar());
    layout->addWidget(splitter, 1);
    layout->addWidget(buildActionBar());
    layout->addWidget(m_status);

    auto* refreshKey = new QShortcut(QKeySequence(Qt::Key_F5), this);
    connect(refreshKey, &QShortcut::activated, this, &FollowUpQueueWidget::refresh);
    auto* findKey = new QShortcut(QKeySequence::Find, this);
    connect(findKey, &QShortcut::activated, this, [this] {
        m_search->setFocus(Qt::ShortcutFocusReason);
        m_search->selectAll();
    });
    connect(m_refresh, &QPushButton::clicked, this, &FollowUpQueueWidget::refresh);
    connect(m_model, &FollowUpQueueModel::loaded, this, &FollowUpQueueWidget::onLoaded);
    connect(m_model, &FollowUpQueueModel::totalCountChanged, this, &FollowUpQueueWidget::updateCount);
    connect(m_model, &FollowUpQueueModel::loadFailed, this,
            [this](const store::StoreError& error) { showStatus(DomainText::errorText(error), true); });
    connect(m_table->selectionModel(), &QItemSelectionModel::currentRowChanged, this,
            &FollowUpQueueWidget::onCurrentRowChanged);
    setFocusProxy(m_table);
    connect(m_live, &LiveRefresh::changed, this, &FollowUpQueueWidget::refreshBySelf);
    connect(m_live, &LiveRefresh::tick, this, [this] {
        if (m_model->isLoaded() && m_model->statesDifferAt(m_services.clock.now()))
            refreshBySelf();
    });

    retranslate();
    applyFilter();
    if (m_policyError)
        showStatus(DomainText::errorText(policy.error()), true);
}

QWidget* FollowUpQueueWidget::buildFilterBar()
{
    auto* bar = new QWidget(this);
    bar->setObjectName(QStringLiteral("followUpFilters"));
    auto* row = new QHBoxLayout(bar);
    row->setContentsMargins(0, 0, 0, 0);
    const std::pair<QCheckBox*, const char*> boxes[] = {
        {m_mine, "filterMine"},         {m_unassigned, "filterUnassigned"},
        {m_dueToday, "filterDueToday"}, {m_overdue, "filterOverdue"},
        {m_dueSoon, "filterDueSoon"},   {m_includeClosed, "filterIncludeClosed"},
    };
    for (const auto& [box, name] : boxes) {
        box->setObjectName(QString::fromLatin1(name));
        connect(box, &QCheckBox::toggled, this, [this, box = box](bool on) {
            // Filters that contradict each other take turns.
            if (on && box == m_mine)
                m_unassigned->setChecked(false);
            else if (on && box == m_unassigned)
                m_mine->setChecked(false);
            else if (on && box == m_overdue)
                m_dueSoon->setChecked(false);
            else if (on && box == m_dueSoon)
                m_overdue->setChecked(false);
            applyFilter();
        });
    }
    // Supervisors assign, they do not hold tasks: no "mine" for them.
    m_mine->setVisible(permits(m_services.actor.role(), Action::WorkFollowUps));
    m_dueSoon->setEnabled(m_policy.config().dueSoonHours > 0);
    m_program->setObjectName(QStringLiteral("filterProgram"));
    m_programLabel->setBuddy(m_program);
    for (const char* code : kProgramCodes)
        m_program->addItem(QString(), QString::fromLatin1(code));
    connect(m_program, &QComboBox::currentIndexChanged, this, &FollowUpQueueWidget::applyFilter);
    m_search->setObjectName(QStringLiteral("filterName"));
    m_search->setClearButtonEnabled(true);
    m_search->setMinimumWidth(160);
    m_searchLabel->setBuddy(m_search);
    m_searchDelay.setSingleShot(true);
    m_searchDelay.setInterval(300);
    connect(&m_searchDelay, &QTimer::timeout, this, &FollowUpQueueWidget::applyFilter);
    connect(m_search, &QLineEdit::textEdited, this, [this] { m_searchDelay.start(); });
    connect(m_search, &QLineEdit::returnPressed, this, [this] {
        m_searchDelay.stop();
        applyFilter();
    });

    for (QCheckBox* box : {m_mine, m_unassigned, m_dueToday, m_overdue, m_dueSoon})
        row->addWidget(box);
    row->addSpacing(12);
    row->addWidget(m_programLabel);
    row->addWidget(m_program);
    row->addWidget(m_includeClosed);
    row->addSpacing(12);
    row->addWidget(m_searchLabel);
    row->addWidget(m_search, 1);
    return bar;
}

store::FollowUpQueueFilter FollowUpQueueWidget::currentFilter() const
{
    store::FollowUpQueueFilter filter;
    if (m_mine->isChecked() && m_mine->isVisibleTo(this))
        filter.assignedTo = m_services.actor.userId();
    filter.unassignedOnly = m_unassigned->isChecked();
    if (m_dueToday->isChecked()) {
        const auto [from, to] = FollowUpQueueModel::localDay(m_model->timeZone(), m_services.clock.now());
        filter.dueFrom = from;
        filter.dueTo = to;
    }
    filter.overdueOnly = m_overdue->isChecked();
    if (m_dueSoon->isChecked())
        filter.dueSoonWithin = std::chrono::hours(m_policy.config().dueSoonHours);
    filter.program = m_program->currentData().toString();
    filter.includeClosed = m_includeClosed->isChecked();
    filter.personName = m_search->text().simplified();
    return filter;
}

void FollowUpQueueWidget::applyFilter()
{
    m_searchDelay.stop();
    m_live->markCurrent();
    const QString shown = shownTaskId();
    m_model->setFilter(currentFilter());
    // A filter that leaves the shown task out lets it go: the pane follows the list.
    if (!shown.isEmpty() && m_model->rowOfTask(shown) < 0)
        m_detail->showMessage(tr("Choose a task in the list to see it here."));
    reselectShownTask();
    updateActions();
}

void FollowUpQueueWidget::refresh()
{
    m_live->markCurrent();
    m_model->refresh();
    // The shown task again too: someone may have worked it meanwhile.
    if (const QString shown = shownTaskId(); !shown.isEmpty())
        openTask(shown);
    reselectShownTask();
    updateActions();
    showStatus(tr("Queue refreshed."));
}

void FollowUpQueueWidget::refreshBySelf()
{
    m_live->markCurrent();
    m_settingRow = true; // the pane is brought up to date below, once
    m_model->refresh();
    m_settingRow = false;
    // The shown task is read again (an audited open) only when it changed.
    if (const auto& shown = m_detail->detail()) {
        auto version =
            usecases::Freshness(m_services).version(usecases::Freshness::FollowUps, shown->task.id);
        if (version.ok() && version.value() != shown->task.version)
            openTask(shown->task.id);
    }
    reselectShownTask();
    updateActions();
}

void FollowUpQueueWidget::onLoaded()
{
    updateCount();
    const bool empty = m_model->rowCount() == 0;
    m_empty->setVisible(empty);
    if (empty) {
        const store::FollowUpQueueFilter& f = m_model->filter();
        const bool filtered = !f.assignedTo.isEmpty() || f.unassignedOnly || f.dueFrom.isValid() ||
                              f.overdueOnly || f.dueSoonWithin.count() > 0 || !f.program.isEmpty() ||
                              f.includeClosed || !f.personName.isEmpty();
        m_empty->setText(filtered ? tr("No task matches these filters.")
                                  : tr("The queue is empty: no follow-up task is open."));
    }
    // Columns fit the first rows, then only grow to what later rows need
    // (closed tasks have longer states): a width the user chose stays. Long
    // texts are cut short at a limit; the detail pane has them whole.
    QHeaderView* header = m_table->horizontalHeader();
    const bool first = !m_table->property("sized").toBool();
    const int x = m_table->fontMetrics().horizontalAdvance(QLatin1Char('x'));
    for (int column = 0; column < FollowUpQueueModel::ColumnCount && !empty; ++column) {
        if (column == FollowUpQueueModel::Program)
            continue;
        const int fitted = std::max(static_cast<const QAbstractItemView*>(m_table)->sizeHintForColumn(column),
                                    header->sectionSizeHint(column));
        // A name gets room even when the first rows have short ones.
        const int wanted = column == FollowUpQueueModel::Person ? std::clamp(fitted, 16 * x, 30 * x)
                                                                : std::min(fitted, 21 * x);
        if (first || wanted > header->sectionSize(column))
            header->resizeSection(column, wanted);
    }
    if (!empty)
        m_table->setProperty("sized", true);
}

void FollowUpQueueWidget::updateCount()
{
    const int total = m_model->totalCount();
    m_count->setText(total == 1 ? tr("1 task") : tr("%1 tasks").arg(QLocale().toString(total)));
}

QString FollowUpQueueWidget::countText() const
{
    return m_count->text();
}

QString FollowUpQueueWidget::statusText() const
{
    return m_status->text();
}

QString FollowUpQueueWidget::shownTaskId() const
{
    return m_detail->detail() ? m_detail->detail()->task.id : QString();
}

bool FollowUpQueueWidget::selectTask(const QString& taskId)
{
    const int row = m_model->rowOfTask(taskId);
    if (row < 0)
        return false;
    m_table->setCurrentIndex(m_model->index(row, 0));
    m_table->scrollTo(m_model->index(row, 0));
    return true;
}

void FollowUpQueueWidget::onCurrentRowChanged()
{
    if (m_settingRow)
        return;
    const QModelIndex current = m_table->currentIndex();
    if (!current.isValid())
        return; // the pane keeps what it shows (e.g. a task that just left the list)
    const auto& shown = m_detail->detail();
    if (shown && static_cast<QueueTable*>(m_table)->isChoosingOnFocus()) {
        // The focus came back (a dialog closed) while the pane shows a task
        // that has left the list: it stays, until the user picks another.
        m_table->selectionModel()->clearCurrentIndex();
        return;
    }
    const QString taskId = m_model->taskId(current.row());
    if (!m_table->selectionModel()->isRowSelected(current.row(), {})) {
        // The view made the row current without selecting it (on focus): the shown task is highlighted.
        m_settingRow = true;
        m_table->selectionModel()->select(current,
                                          QItemSelectionModel::ClearAndSelect | QItemSelectionModel::Rows);
        m_settingRow = false;
    }
    if (shown && shown->task.id == taskId &&
        shown->task.version == m_model->data(current, FollowUpQueueModel::TaskVersionRole).toInt())
        return; // already shown as it is
    openTask(taskId);
}

void FollowUpQueueWidget::openTask(const QString& taskId)
{
    auto opened = usecases::FollowUpUseCases(m_services).open(taskId);
    if (!opened.ok()) {
        m_detail->showMessage(DomainText::errorText(opened.error()));
        showStatus(DomainText::errorText(opened.error()), true);
    } else {
        m_detail->showDetail(opened.value());
    }
    updateActions();
}

// Puts the view's current row back on the shown task after the rows were
// read again (a reset loses it), without opening the task a second time.
void FollowUpQueueWidget::reselectShownTask()
{
    const QString shown = shownTaskId();
    const int row = shown.isEmpty() ? -1 : m_model->rowOfTask(shown);
    m_settingRow = true;
    if (row >= 0) {
        m_table->selectionModel()->setCurrentIndex(
            m_model->index(row, 0), QItemSelectionModel::ClearAndSelect | QItemSelectionModel::Rows);
    } else if (!shown.isEmpty()) {
        m_table->selectionModel()->clearSelection();
    }
    m_settingRow = false;
}

void FollowUpQueueWidget::showStatus(const QString& text, bool error)
{
    m_status->setText(text);
    m_status->setStyleSheet(error ? QStringLiteral("color: #b00020; font-weight: 600;") : QString());
}

void FollowUpQueueWidget::changeEvent(QEvent* event)
{
    if (event->type() == QEvent::LanguageChange)
        retranslate();
    QWidget::changeEvent(event);
}

void FollowUpQueueWidget::retranslate()
{
    m_title->setText(tr("Follow-up queue"));
    m_blurb->setText(tr("Follow-ups are due within 48 hours of a CCD or CRT contact. Overdue first."));
    m_table->setAccessibleName(tr("Follow-up tasks"));
    m_mine->setText(tr("&Mine"));
    m_mine->setToolTip(tr("Only the tasks assigned to you"));
    m_unassigned->setText(tr("Unassi&gned"));
    m_unassigned->setToolTip(tr("Only the tasks nobody has claimed"));
    m_dueToday->setText(tr("Due &today"));
    m_overdue->setText(tr("&Overdue"));
    m_dueSoon->setText(tr("Due &soon"));
    m_dueSoon->setToolTip(tr("Open tasks due in the next %1 hours").arg(m_policy.config().dueSoonHours));
    m_includeClosed->setText(tr("Include &closed"));
    m_programLabel->setText(tr("&Program:"));
    m_program->setItemText(0, tr("All programs"));
    for (int i = 1; i < m_program->count(); ++i)
        m_program->setItemText(i, DomainText::programName(m_program->itemData(i).toString()));
    m_searchLabel->setText(tr("&Name:"));
    m_search->setPlaceholderText(tr("Person's or assignee's name (Ctrl+F)"));
    m_search->setAccessibleName(tr("Search by the person's or the assignee's name"));
    m_search->setToolTip(tr("Lists the tasks where each word you type begins a word of the person's or the "
                            "assignee's name; accents and capitals do not matter (\"mar\" finds María Pérez "
                            "and Ana Marín, \"perez\" finds Pérez)"));
    m_refresh->setText(tr("Refresh (F5)"));
    m_refresh->setToolTip(tr("Read the queue again"));
    const std::tuple<QPushButton*, QString, QKeySequence, QString> actions[] = {
        {m_claim, tr("Claim"), QKeySequence(Qt::CTRL | Qt::Key_K), tr("Take this task yourself")},
        {m_assign, tr("Assign…"), QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_K),
         tr("Give this task to someone, or back to the unassigned queue")},
        {m_attempt, tr("Log attempt…"), QKeySequence(Qt::CTRL | Qt::Key_T),
         tr("Record a try to reach the person: phone, text or in person")},
        {m_outcome, tr("Record outcome…"), QKeySequence(Qt::CTRL | Qt::Key_O),
         tr("Close the task: connected to a service, declined, already connected or unable to reach")},
        {m_extend, tr("Extend attempts…"), QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_T),
         tr("Allow more attempts before the task closes as unable to reach")},
    };
    for (const auto& [button, text, keys, tip] : actions) {
        button->setText(tr("%1 (%2)").arg(text, keys.toString(QKeySequence::NativeText)));
        button->setShortcut(keys); // after setText(), which replaces it with the mnemonic
        button->setToolTip(tip);
    }
    updateCount();
    if (m_model->isLoaded())
        onLoaded();
}

} // namespace heart::ui
