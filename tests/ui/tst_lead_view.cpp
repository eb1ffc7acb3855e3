// The team lead's view of the call on the way (issue 21), on the demo's live
// call linked to a person the team has met twice before (LeadViewSeed.h):
// - the lead sees the whole call (callback number in the national format,
//   copied with Ctrl+Shift+C; the caller and relationship; language and
//   interpreter; the counselor's C-SSRS with its time; the narrative and the
//   addendum; who dispatched the unit), and with F5 the prior contacts:
//   both earlier calls and encounters with who responded, the safety plan
//   (reviewed, printed again: F8 opens the print dialog, a copy painted is
//   audited), the follow-up tasks; every opening audited record by record;
// - a peer support specialist on the same unit sees what the minimum-necessary
//   table allows: no C-SSRS answers, narrative, addenda or safety plan (the
//   rows and sections are not there at all), the rest audited the same way;
// - every input of My unit, the note, the plan editor, the prior contacts
//   and the board is reached with Tab and is on screen when it has the focus,
//   with the window at 1366x768 and at 1280x800.
// HEARTDESK_TEST_GRAB=DIR keeps 1366x768 pictures of the lead's and the peer's screens.
#include "LeadViewSeed.h"
#include "UiTestFixture.h"
#include "common/StrictTestMain.h"
#include "encounter/EncounterForm.h"
#include "safety/SafetyPlanEditor.h"
#include "store/UnitCallStore.h"
#include "units/PriorContactsView.h"
#include "units/SafetyPlanReview.h"
#include "units/TeamLeadHome.h"
#include "units/UnitCallPanel.h"

#include <QAbstractButton>
#include <QAbstractItemView>
#include <QAbstractSpinBox>
#include <QApplication>
#include <QClipboard>
#include <QComboBox>
#include <QLabel>
#include <QLineEdit>
#include <QPdfWriter>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QScrollArea>
#include <QSqlQuery>
#include <QTemporaryDir>
#include <QTest>
#include <QTextEdit>
#include <QTreeWidget>

using namespace heart;

namespace {

QString joinIds(const QStringList& ids)
{
    QStringList quoted;
    for (const QString& id : ids)
        quoted << QLatin1Char('\'') + id + QLatin1Char('\'');
    return quoted.join(QLatin1Char(','));
}

// Audit rows `login` wrote with `action` on records of `type` (any of `ids` when given).
int audited(test::UiTestFixture& f, const char* login, const char* action, const char* type,
            const QStringList& ids = {})
{
    QString sql = QStringLiteral("SELECT COUNT(*) FROM audit_log a JOIN users u ON u.id = a.user_id "
                                 "WHERE u.login = '%1' AND a.action = '%2' AND a.record_type = '%3'")
                      .arg(QLatin1String(login), QLatin1String(action), QLatin1String(type));
    if (!ids.isEmpty())
        sql += QStringLiteral(" AND a.record_id IN (%1)").arg(joinIds(ids));
    return f.countRows(sql);
}

QString displayName(test::UiTestFixture& f, const QString& sql)
{
    QSqlQuery q(f.db().connection());
    q.exec(sql);
    return q.next() ? q.value(0).toString() : QString();
}

void grab(QWidget& window, const char* name)
{
    if (const QString dir = qEnvironmentVariable("HEARTDESK_TEST_GRAB"); !dir.isEmpty()) {
        QTest::qWait(100);
        window.grab().save(dir + QLatin1Char('/') + QLatin1String(name) + QStringLiteral(".png"));
    }
}

bool isInput(QWidget* w)
{
    return qobject_cast<QLineEdit*>(w) || qobject_cast<QPlainTextEdit*>(w) ||
           (qobject_cast<QTextEdit*>(w) && !static_cast<QTextEdit*>(w)->isReadOnly()) ||
           qobject_cast<QComboBox*>(w) || qobject_cast<QAbstractButton*>(w) ||
           qobject_cast<QAbstractItemView*>(w) || qobject_cast<QAbstractSpinBox*>(w);
}

// The inputs of `page` a user can use now: shown, enabled, taking Tab focus.
QList<QWidget*> inputsOf(QWidget* page, QWidget* window)
{
    QList<QWidget*> inputs;
    for (QWidget* w : page->findChildren<QWidget*>()) {
        if (isInput(w) && w->isVisibleTo(window) && w->isEnabled() && (w->focusPolicy() & Qt::TabFocus) &&
            !qobject_cast<QComboBox*>(w->parentWidget())) // a combo box's own line edit
            inputs.append(w);
    }
    return inputs;
}

// A key as the user presses it: to the widget with the focus (the home when none has it).
void press(QWidget* home, Qt::Key key, Qt::KeyboardModifiers modifiers = Qt::NoModifier)
{
    QWidget* focus = QApplication::focusWidget();
    QTest::keyClick(focus && home->window()->isAncestorOf(focus) ? focus : home, key, modifiers);
}

QString nameOf(QWidget* w)
{
    return w->objectName().isEmpty() ? QString::fromLatin1(w->metaObject()->className()) : w->objectName();
}

// Why the focused `w` is not seen whole on `window` (empty when it is).
QString visibilityProblem(QWidget* window, QWidget* w)
{
    const QRect screen(QPoint(0, 0), window->size());
    const QRect rect(w->mapTo(window, QPoint(0, 0)), w->size());
    if (w->visibleRegion().isEmpty())
        return QStringLiteral("%1: nothing of it is visible").arg(nameOf(w));
    QRect shown = screen;
    for (QWidget* p = w->parentWidget(); p && p != window; p = p->parentWidget()) {
        if (auto* scroll = qobject_cast<QScrollArea*>(p)) {
            shown &= QRect(scroll->viewport()->mapTo(window, QPoint(0, 0)), scroll->viewport()->size());
            break;
        }
    }
    // Its top left corner always; the whole of it where it is smaller than the view.
    const bool fitsWidth = rect.width() <= shown.width();
    const bool fitsHeight = rect.height() <= shown.height();
    const bool horizontal = fitsWidth ? rect.left() >= shown.left() && rect.right() <= shown.right()
                                      : rect.left() >= shown.left() && rect.left() < shown.right();
    bool vertical = fitsHeight ? rect.top() >= shown.top() && rect.bottom() <= shown.bottom()
                               : rect.top() >= shown.top() && rect.top() < shown.bottom();
    // A list brings its current row into view (QScrollArea follows its micro focus), not all of it.
    if (qobject_cast<QAbstractItemView*>(w))
        vertical = rect.top() >= shown.top() && (shown & rect).height() >= qMin(rect.height(), 48);
    if (!horizontal || !vertical)
        return QStringLiteral("%1 at (%2,%3 %4x%5) outside (%6,%7 %8x%9)")
            .arg(nameOf(w))
            .arg(rect.x())
            .arg(rect.y())
            .arg(rect.width())
            .arg(rect.height())
            .arg(shown.x())
            .arg(shown.y())
            .arg(shown.width())
            .arg(shown.height());
    return {};
}

QWidget* inputHolding(QWidget* focus, const QList<QWidget*>& inputs)
{
    for (QWidget* w = focus; w; w = w->parentWidget()) {
        if (inputs.contains(w))
            return w;
    }
    return nullptr;
}

// Presses Tab through `page` from the input `home` gave the focus to:
// every input must get the focus, and be on screen when it has it.
QStringList walkWithTab(QWidget* window, QWidget* page)
{
    const QList<QWidget*> inputs = inputsOf(page, window);
    QStringList problems;
    if (inputs.isEmpty())
        return {QStringLiteral("%1 has no inputs").arg(nameOf(page))};
    if (!inputHolding(QApplication::focusWidget(), inputs))
        inputs.first()->setFocus(Qt::TabFocusReason);
    QSet<QWidget*> reached;
    for (int press = 0; press < inputs.size() * 6 + 60 && reached.size() < inputs.size(); ++press) {
        QApplication::processEvents();
        if (QWidget* w = inputHolding(QApplication::focusWidget(), inputs)) {
            reached.insert(w);
            if (const QString problem = visibilityProblem(window, w);
                !problem.isEmpty() && !problems.contains(problem))
                problems << problem;
        }
        QWidget* focus = QApplication::focusWidget();
        if (!focus)
            break;
        QTest::keyClick(focus, Qt::Key_Tab);
    }
    for (QWidget* w : inputs) {
        if (!reached.contains(w))
            problems << QStringLiteral("%1: never reached with Tab").arg(nameOf(w));
    }
    return problems;
}

} // namespace

class TestLeadView : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void theLeadSeesTheWholeCallAndThePersonsPriorContacts()
    {
        test::UiTestFixture f;
        QVERIFY(f.ok());
        const test::LeadViewSeed seed = test::seedPriorContacts(f.db(), f.clock());
        QVERIFY2(seed.error.isEmpty(), qPrintable(seed.error));
        const QString lead =
            displayName(f, QStringLiteral("SELECT display_name FROM users WHERE login = 'teamlead'"));
        const QString dispatcher = displayName(
            f, QStringLiteral(
                   "SELECT u.display_name FROM unit_status_events e JOIN users u ON u.id = e.user_id "
                   "JOIN units n ON n.id = e.unit_id WHERE n.code = 'CRT-1' AND e.status = 'dispatched' "
                   "ORDER BY e.seq DESC"));
        QVERIFY(!lead.isEmpty() && !dispatcher.isEmpty());
        const int encounterOpens = audited(f, "teamlead", "open", "encounter", seed.encounterIds);
        const int planOpens = audited(f, "teamlead", "open", "safety_plan", {seed.planId});

        f.window().resize(1366, 768);
        f.typeSignIn(QStringLiteral("teamlead"), QStringLiteral("teamlead-demo"));
        auto* home = qobject_cast<ui::TeamLeadHome*>(f.window().home());
        QVERIFY(home);
        QCOMPARE(home->unit().callId, seed.liveCallId);

        // The whole call.
        const QString call = home->callText();
        for (const QString& expected : {
                 QStringLiteral("Callback number: (919) 555-0177"),
                 QStringLiteral("Caller: June Halloway ("),
                 QStringLiteral("Person: Wren Halloway"),
                 QStringLiteral("interpreter needed"),
                 QStringLiteral("C-SSRS (counselor): wished dead: yes; thoughts of suicide: no"),
                 QStringLiteral("taken "),
                 test::kSeedNarrative,
                 test::kSeedAddendum,
                 QString(QStringLiteral(" by ") + dispatcher),
                 QStringLiteral("A known person: F5 shows the prior contacts."),
             })
            QVERIFY2(call.contains(expected), qPrintable(expected + QStringLiteral("\n---\n") + call));
        grab(f.window(), "lead-my-unit");

        // Ctrl+Shift+C, from whichever tab: the number as the phone wants it read.
        QGuiApplication::clipboard()->clear();
        home->showTab(ui::TeamLeadHome::NoteTab);
        press(home, Qt::Key_C, Qt::ControlModifier | Qt::ShiftModifier);
        QCOMPARE(QGuiApplication::clipboard()->text(), QStringLiteral("(919) 555-0177"));

        // F5: the prior contacts, read (and audited) as they open.
        QCOMPARE(audited(f, "teamlead", "open", "person", {seed.personId}), 0);
        press(home, Qt::Key_F5);
        ui::PriorContactsView* prior = home->priorContacts();
        QVERIFY(prior);
        QTRY_VERIFY(prior->isVisible());
        QVERIFY(prior->contacts());
        QTreeWidget* calls = prior->callsList();
        QCOMPARE(calls->topLevelItemCount(), 2);
        QCOMPARE(calls->topLevelItem(0)->text(1), QStringLiteral("LV-2")); // newest first
        QCOMPARE(calls->topLevelItem(1)->text(1), QStringLiteral("LV-1"));
        QCOMPARE(calls->topLevelItem(0)->text(5), QStringLiteral("CRT-2"));
        QTreeWidget* encounters = prior->encountersList();
        QCOMPARE(encounters->topLevelItemCount(), 2);
        QCOMPARE(encounters->topLevelItem(0)->text(2), QStringLiteral("CRT-2"));
        QCOMPARE(encounters->topLevelItem(0)->text(3), lead); // who responded
        QCOMPARE(encounters->topLevelItem(0)->text(5), QStringLiteral("Durham peer warm line"));
        QCOMPARE(encounters->topLevelItem(1)->text(5),
                 QStringLiteral("Bull City community clinic (walk-in)"));
        auto* plan = prior->findChild<QLabel*>(QStringLiteral("priorPlan"));
        QVERIFY(plan);
        QVERIFY2(plan->text().contains(QStringLiteral("LV-1")), qPrintable(plan->text()));
        QCOMPARE(prior->followUpsList()->topLevelItemCount(), 2); // signing with consent made them
        grab(f.window(), "lead-prior-contacts");
        QCOMPARE(audited(f, "teamlead", "open", "person", {seed.personId}), 1);
        QCOMPARE(audited(f, "teamlead", "open", "call", seed.earlierCallIds), 2);
        QCOMPARE(audited(f, "teamlead", "open", "encounter", seed.encounterIds), encounterOpens + 2);
        QCOMPARE(audited(f, "teamlead", "open", "safety_plan", {seed.planId}), planOpens + 1);
        QCOMPARE(audited(f, "teamlead", "open", "followup_task"), 2);
        // Every opening is read, and audited, again.
        press(home, Qt::Key_F2);
        press(home, Qt::Key_F5);
        QCOMPARE(audited(f, "teamlead", "open", "person", {seed.personId}), 2);
        QCOMPARE(audited(f, "teamlead", "open", "followup_task"), 4);

        // Review the plan: the printed page, read-only.
        QString seen;
        QString reviewed;
        test::onNextModal(&seen, [&](QWidget* dialog) {
            reviewed = qobject_cast<ui::SafetyPlanReview*>(dialog)->text();
            grab(*dialog, "lead-plan-review");
            QMetaObject::invokeMethod(dialog, "reject", Qt::QueuedConnection);
        });
        prior->findChild<QPushButton*>(QStringLiteral("reviewPlan"))->click();
        QCOMPARE(seen, QStringLiteral("safetyPlanReview"));
        QVERIFY2(reviewed.contains(QStringLiteral("My sister June")), qPrintable(reviewed));
        QVERIFY2(reviewed.contains(QStringLiteral("Wren Halloway")), qPrintable(reviewed));

        // F8 from the note: the print dialog for the latest plan.
        f.window().activateWindow(); // back from the review
        QVERIFY(QTest::qWaitForWindowActive(&f.window()));
        home->showTab(ui::TeamLeadHome::NoteTab);
        seen.clear();
        test::onNextModal(&seen, [](QWidget* dialog) {
            QMetaObject::invokeMethod(dialog, "reject", Qt::QueuedConnection);
        });
        press(home, Qt::Key_F8);
        QCOMPARE(seen, QStringLiteral("reprintDialog"));
        QCOMPARE(audited(f, "teamlead", "export", "safety_plan", {seed.planId}), 0); // cancelled: no copy
        // A copy painted is audited.
        QTemporaryDir dir;
        QPdfWriter pdf(dir.filePath(QStringLiteral("again.pdf")));
        QCOMPARE(prior->printLatestPlanTo(seed.liveCallId, pdf), 1);
        QCOMPARE(audited(f, "teamlead", "export", "safety_plan", {seed.planId}), 1);

        // The keys the lead's screens answer to do not clash with each other.
        for (ui::TeamLeadHome::Tab tab :
             {ui::TeamLeadHome::UnitTab, ui::TeamLeadHome::NoteTab, ui::TeamLeadHome::SafetyPlanTab,
              ui::TeamLeadHome::PriorContactsTab}) {
            home->showTab(tab);
            const QStringList clashes = test::clashingMnemonics(&f.window());
            QVERIFY2(clashes.isEmpty(), qPrintable(clashes.join(QLatin1Char('\n'))));
        }
    }

    void aPeerSeesOnlyWhatTheTableAllows()
    {
        test::UiTestFixture f;
        QVERIFY(f.ok());
        const test::LeadViewSeed seed = test::seedPriorContacts(f.db(), f.clock());
        QVERIFY2(seed.error.isEmpty(), qPrintable(seed.error));
        f.window().resize(1366, 768);
        f.typeSignIn(QStringLiteral("peer"), QStringLiteral("peer-demo"));
        auto* home = qobject_cast<ui::TeamLeadHome*>(f.window().home());
        QVERIFY(home);
        QCOMPARE(home->unit().callId, seed.liveCallId);

        // Where to go, who to call back, what to be careful of, the risk.
        const QString call = home->callText();
        for (const QString& expected :
             {QStringLiteral("Callback number: (919) 555-0177"), QStringLiteral("Caller: June Halloway ("),
              QStringLiteral("interpreter needed"), QStringLiteral("risk: Low")})
            QVERIFY2(call.contains(expected), qPrintable(expected + QStringLiteral("\n---\n") + call));
        // Not the counselor's screen, notes or addenda: not there at all.
        QVERIFY2(!call.contains(test::kSeedNarrative) && !call.contains(test::kSeedAddendum) &&
                     !call.contains(QStringLiteral("C-SSRS")),
                 qPrintable(call));
        for (const char* row : {"callCssrs", "callNarrative", "callAddenda"})
            QVERIFY2(!home->findChild<QLabel*>(QLatin1String(row)), row);
        // Nor does the store hand it over.
        auto detail = store::UnitCallStore(f.db(), f.clock()).open(*f.window().actor(), seed.liveCallId);
        QVERIFY(detail.ok());
        QVERIFY(detail.value().call.narrative.isEmpty() && detail.value().call.cssrs.isEmpty() &&
                detail.value().addenda.isEmpty());
        grab(f.window(), "peer-my-unit");

        // Prior contacts: calls, encounters' outline, follow-ups; no safety plan.
        press(home, Qt::Key_F5);
        ui::PriorContactsView* prior = home->priorContacts();
        QVERIFY(prior);
        QTRY_VERIFY(prior->isVisible());
        QCOMPARE(prior->callsList()->topLevelItemCount(), 2);
        QCOMPARE(prior->encountersList()->topLevelItemCount(), 2);
        QVERIFY(prior->followUpsList());
        QCOMPARE(prior->followUpsList()->topLevelItemCount(), 2);
        for (const char* name : {"priorPlan", "reviewPlan", "reprintPlan"})
            QVERIFY2(!prior->findChild<QWidget*>(QLatin1String(name)), name);
        QVERIFY(!prior->contacts()->safetyPlan);
        grab(f.window(), "peer-prior-contacts");
        QCOMPARE(audited(f, "peer", "open", "person", {seed.personId}), 1);
        QCOMPARE(audited(f, "peer", "open", "call", seed.earlierCallIds), 2);
        QCOMPARE(audited(f, "peer", "open", "encounter", seed.encounterIds), 2);
        QCOMPARE(audited(f, "peer", "open", "followup_task"), 2);
        QCOMPARE(audited(f, "peer", "open", "safety_plan", {seed.planId}), 0);

        // F8 prints nothing for a peer; asking the store is refused, and audited.
        QVERIFY(QTest::qWaitForWindowActive(&f.window()));
        press(home, Qt::Key_F8);
        QTest::qWait(200);
        QVERIFY(!QApplication::activeModalWidget());
        auto refused =
            store::UnitCallStore(f.db(), f.clock()).latestSafetyPlan(*f.window().actor(), seed.liveCallId);
        QVERIFY(!refused.ok());
        QCOMPARE(refused.error().code, store::StoreErrorCode::PermissionDenied);
        QCOMPARE(audited(f, "peer", "permission_denied", "safety_plan"), 1);
        QCOMPARE(audited(f, "peer", "open", "safety_plan", {seed.planId}), 0);
    }

    void everyInputFitsAVanLaptop_data()
    {
        QTest::addColumn<QSize>("screen");
        QTest::newRow("1366x768") << QSize(1366, 768);
        QTest::newRow("1280x800") << QSize(1280, 800);
    }

    void everyInputFitsAVanLaptop()
    {
        QFETCH(QSize, screen);
        test::UiTestFixture f;
        QVERIFY(f.ok());
        const test::LeadViewSeed seed = test::seedPriorContacts(f.db(), f.clock());
        QVERIFY2(seed.error.isEmpty(), qPrintable(seed.error));
        f.typeSignIn(QStringLiteral("teamlead"), QStringLiteral("teamlead-demo"));
        auto* home = qobject_cast<ui::TeamLeadHome*>(f.window().home());
        QVERIFY(home);
        f.window().resize(screen);
        QTRY_COMPARE(f.window().size(), screen);
        QVERIFY(QTest::qWaitForWindowActive(&f.window()));
        // Nothing makes the window wider or taller than the screen.
        const QSize least = f.window().minimumSizeHint();
        QVERIFY2(least.width() <= screen.width() && least.height() <= screen.height(),
                 qPrintable(QStringLiteral("%1x%2").arg(least.width()).arg(least.height())));
        QStringList problems;
        const std::pair<ui::TeamLeadHome::Tab, QWidget*> pages[] = {
            {ui::TeamLeadHome::UnitTab, home->findChild<QWidget*>(QStringLiteral("unitScroll"))},
            {ui::TeamLeadHome::NoteTab, home->encounterForm()},
            {ui::TeamLeadHome::SafetyPlanTab, home->safetyPlanEditor()},
            {ui::TeamLeadHome::PriorContactsTab, home->priorContacts()},
        };
        for (const auto& [tab, page] : pages) {
            QVERIFY(page);
            home->showTab(tab);
            QTest::qWait(50);
            for (const QString& problem : walkWithTab(&f.window(), page))
                problems << QStringLiteral("%1: %2").arg(nameOf(page), problem);
            if (screen == QSize(1366, 768) && tab == ui::TeamLeadHome::NoteTab)
                grab(f.window(), "lead-note-1366x768"); // scrolled to where Tab left it
        }
        QVERIFY2(problems.isEmpty(), qPrintable(problems.join(QLatin1Char('\n'))));
    }
};

HEART_TEST_MAIN(TestLeadView)
#include "tst_lead_view.moc"
