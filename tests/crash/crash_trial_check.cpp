// The halves of scripts/crash-trials that need the program's own code. Three
// workloads: "intake" (the counselor types a new call's caller name and
// address), "note" (the team lead types the encounter note's narrative) and
// "followup" (the care navigator types the note of a task's outcome, in the
// "Record outcome" dialog, before OK).
//
//   crash_trial_check texts [WORKLOAD]
//       prints what is typed, one field a line (intake: caller name, address;
//       note: the narrative; followup: the outcome note)
//   crash_trial_check watch [WORKLOAD] DATABASE JOURNAL
//       reads what is committed every 100 ms with a connection of its own, as
//       another process would, and appends "saved L1 [L2]" (the lengths of
//       the fields) to JOURNAL each time the committed text grows; runs until
//       it is killed. Committed: the draft, and for the note the note itself
//       (its autosave), whichever holds more of what was typed.
//   crash_trial_check restore [WORKLOAD] DATABASE JOURNAL
//       after heartdesk was killed: runs the integrity check on the file,
//       reads what is committed, then starts the program's main window on the
//       file (as a restart does), signs the user in and reads the restored
//       form (the note: the lead's note as it opens; followup: the task's
//       "Record outcome" dialog). Whole when the file passes its check, the
//       draft is valid JSON, every committed field (draft and note) is a
//       prefix of what was typed (never a torn or mixed text), nothing that
//       the watcher saw committed is missing, and the form shows the longest
//       committed text. Prints one line: "whole ..." (exit 0) or "NOT WHOLE:
//       why" (exit 1); 2 for a setup error.
//
// WORKLOAD defaults to intake. HEARTDESK_KEY_DIR must name the key folder of
// the database (as for heartdesk).
#include "core/Clock.h"
#include "encounter/EncounterForm.h"
#include "followup/FollowUpQueueWidget.h"
#include "intake/CounselorHome.h"
#include "intake/IntakeForm.h"
#include "shell/LanguageSwitcher.h"
#include "shell/MainWindow.h"
#include "store/Database.h"
#include "store/EncryptedSqlite.h"
#include "units/TeamLeadHome.h"

#include <QApplication>
#include <QDialog>
#include <QFile>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLineEdit>
#include <QPlainTextEdit>
#include <QSqlDatabase>
#include <QSqlError>
#include <QSqlQuery>
#include <QThread>
#include <QTimer>
#include <algorithm>
#include <cstdio>
#include <functional>
#include <memory>
#include <optional>

using namespace heart;

namespace {

// ASCII only: xdotool types it on any keymap without rebinding keys.
const QString kCallerName = QStringLiteral("Quill Thistledown");
const QString kAddress =
    QStringLiteral("Behind the community garden at the corner of Fayetteville and Lakewood, the blue house "
                   "with a porch swing and a broken gate, second door on the left, ring twice and ask for "
                   "Quill or for the neighbor who called, not the landlord; the dog is friendly, the steps "
                   "are loose, bring the spare blanket from the van and the list of shelters with beds "
                   "tonight, then call the care navigator before leaving the block");
const QString kLogin = QStringLiteral("counselor");
const QString kPassword = QStringLiteral("counselor-demo");

// The lead's narrative, and the navigator's note on the outcome: long enough
// that the kill (at most 6 s into the typing) comes before the end.
const QString kNarrative =
    QStringLiteral("Met Quill on the porch, calm but tired; no food since yesterday and the heat was off. "
                   "Talked through the last week, the eviction letter and the sister in Raleigh who can "
                   "take them for a while; no thoughts of suicide today, a plan for tonight agreed; we "
                   "brought groceries from the pantry, called the utility's crisis line together and left "
                   "the shelter list and our number; follow-up call tomorrow before noon");
const QString kOutcomeNote =
    QStringLiteral("Reached Quill on the second try, at the sister's in Raleigh now and sleeping better; "
                   "declined the peer group for the moment but kept the number, asked us to check again "
                   "in a month; the landlord agreed to a payment plan and the heat is back on; nothing "
                   "more needed from Care Navigation this week, the case can close with a note to the team");

enum class Workload
{
    Intake,
    Note,
    FollowUp
};

std::optional<Workload> workloadNamed(const QString& name)
{
    if (name == QLatin1String("intake"))
        return Workload::Intake;
    if (name == QLatin1String("note"))
        return Workload::Note;
    if (name == QLatin1String("followup"))
        return Workload::FollowUp;
    return std::nullopt;
}

// What one workload types, where the draft and (for the note) the record are.
struct Typed
{
    QString login;
    QString password;
    QString draftForm;  // LIKE pattern of the draft's form
    QString draftField; // the field in the draft's JSON (nested under "note" for the encounter)
    QString text;
};

Typed typedFor(Workload workload)
{
    switch (workload) {
    case Workload::Note:
        return {QStringLiteral("teamlead"), QStringLiteral("teamlead-demo"), QStringLiteral("encounter/%"),
                QStringLiteral("narrative"), kNarrative};
    case Workload::FollowUp:
        return {QStringLiteral("navigator"), QStringLiteral("navigator-demo"),
                QStringLiteral("followup-outcome/%"), QStringLiteral("note"), kOutcomeNote};
    case Workload::Intake:
        break;
    }
    return {kLogin, kPassword, QStringLiteral("intake/%"), QString(), QString()};
}

struct DraftFields
{
    bool found = false;
    QString error; // not JSON, unreadable
    QString callerName;
    QString address;
};

int say(const char* verdict, const QString& text, int code)
{
    std::printf("%s%s\n", verdict, qPrintable(text));
    std::fflush(stdout);
    return code;
}

// Letters the X server may lose on a loaded machine before the window sees
// them (xdotool's key events; seen as one letter missing mid-text, e.g.
// "corner o Fayetteville"): that is not the save's doing, so a saved text may
// be what was typed with up to kMaxDropped letters never received. A torn or
// mixed text (letters that were not typed, or out of order) is still refused.
constexpr qsizetype kMaxDropped = 3;

// Where a saved text leaves what was typed (the typed text is fictional:
// shown around that place).
QString divergence(const QString& saved, const QString& typed, const char* which)
{
    qsizetype at = 0;
    while (at < saved.size() && at < typed.size() && saved.at(at) == typed.at(at))
        ++at;
    return QStringLiteral("the %1 (%2 letters) leaves what was typed at letter %3: \"%4\" for \"%5\"")
        .arg(QLatin1String(which))
        .arg(saved.size())
        .arg(at)
        .arg(saved.mid(std::max<qsizetype>(0, at - 10), 20), typed.mid(std::max<qsizetype>(0, at - 10), 20));
}

// Said after a whole verdict when letters never reached the window.
QString droppedNote(qsizetype dropped)
{
    return dropped == 0 ? QString()
                        : QStringLiteral("; %1 typed letter(s) never reached the window (lost before it, "
                                         "not by the save)")
                              .arg(dropped);
}

// True when saved is typed's beginning, up to kMaxDropped letters missing
// from it; *dropped: how many.
bool fromTyped(const QString& saved, const QString& typed, qsizetype* dropped = nullptr)
{
    qsizetype t = 0;
    qsizetype missing = 0;
    for (const QChar c : saved) {
        while (t < typed.size() && typed.at(t) != c && missing <= kMaxDropped) {
            ++t;
            ++missing;
        }
        if (t >= typed.size() || missing > kMaxDropped)
            return false;
        ++t;
    }
    if (dropped)
        *dropped = missing;
    return true;
}

// The counselor's intake draft as the file holds it now (a plain read, its own connection).
std::optional<DraftFields> readDraft(QSqlDatabase& raw, QString* why)
{
    QSqlQuery query(raw);
    if (!query.exec(QStringLiteral("SELECT d.content FROM drafts d JOIN users u ON u.id = d.user_id "
                                   "WHERE u.login = 'counselor' AND d.form LIKE 'intake/%'"))) {
        *why = query.lastError().text();
        return std::nullopt;
    }
    DraftFields fields;
    int rows = 0;
    while (query.next()) {
        ++rows;
        fields.found = true;
        QJsonParseError error{};
        const QJsonObject draft =
            QJsonDocument::fromJson(query.value(0).toString().toUtf8(), &error).object();
        if (error.error != QJsonParseError::NoError)
            fields.error = QStringLiteral("the draft is not JSON: ") + error.errorString();
        fields.callerName = draft.value(QStringLiteral("callerName")).toString();
        fields.address = draft.value(QStringLiteral("address")).toString();
    }
    if (rows > 1)
        fields.error = QStringLiteral("%1 intake drafts, expected one").arg(rows);
    return fields;
}

bool openRaw(QSqlDatabase& raw, const QString& path, QString* why)
{
    if (const store::StoreError error = store::encrypted::prepareConnection(raw, path)) {
        *why = QStringLiteral("cannot prepare the connection: ") + error.detail;
        return false;
    }
    if (!raw.open()) {
        *why = raw.lastError().text();
        return false;
    }
    return true;
}

int watch(const QString& path, const QString& journalPath)
{
    QFile journal(journalPath);
    if (!journal.open(QIODevice::Append | QIODevice::Unbuffered))
        return say("setup error: ", QStringLiteral("cannot write %1").arg(journalPath), 2);
    QSqlDatabase raw = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), QStringLiteral("watch"));
    QString why;
    if (!openRaw(raw, path, &why))
        return say("setup error: ", why, 2);
    qsizetype callerSeen = -1;
    qsizetype addressSeen = -1;
    for (;;) {
        const std::optional<DraftFields> draft = readDraft(raw, &why);
        // Only what was committed, readable and on the typed path counts as saved.
        if (draft && draft->found && draft->error.isEmpty() && fromTyped(draft->callerName, kCallerName) &&
            fromTyped(draft->address, kAddress) &&
            (draft->callerName.size() > callerSeen || draft->address.size() > addressSeen)) {
            callerSeen = std::max(callerSeen, draft->callerName.size());
            addressSeen = std::max(addressSeen, draft->address.size());
            journal.write(QStringLiteral("saved %1 %2\n").arg(callerSeen).arg(addressSeen).toUtf8());
        }
        QThread::msleep(100);
    }
}

// The longest committed lengths the watcher saw before the kill.
std::pair<qsizetype, qsizetype> lastSeen(const QString& journalPath)
{
    qsizetype caller = 0;
    qsizetype address = 0;
    QFile journal(journalPath);
    if (journal.open(QIODevice::ReadOnly)) {
        for (const QByteArray& line : journal.readAll().split('\n')) {
            const QList<QByteArray> words = line.split(' ');
            if (words.size() == 3 && words.at(0) == "saved") {
                caller = std::max(caller, qsizetype(words.at(1).toLongLong()));
                address = std::max(address, qsizetype(words.at(2).toLongLong()));
            }
        }
    }
    return {caller, address};
}

int restore(const QString& path, const QString& journalPath)
{
    const auto [callerSeen, addressSeen] = lastSeen(journalPath);
    QString why;
    DraftFields draft;
    {
        QSqlDatabase raw = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), QStringLiteral("check"));
        if (!openRaw(raw, path, &why))
            return say("NOT WHOLE: ", QStringLiteral("the file does not open: ") + why, 1);
        QSqlQuery integrity(raw);
        if (!integrity.exec(QStringLiteral("PRAGMA integrity_check")) || !integrity.next())
            return say(
                "NOT WHOLE: ", QStringLiteral("integrity check failed: ") + integrity.lastError().text(), 1);
        if (const QString result = integrity.value(0).toString(); result != QLatin1String("ok"))
            return say("NOT WHOLE: ", QStringLiteral("integrity check: ") + result.left(200), 1);
        integrity.finish();
        const std::optional<DraftFields> read = readDraft(raw, &why);
        if (!read)
            return say("NOT WHOLE: ", QStringLiteral("cannot read the drafts: ") + why, 1);
        draft = *read;
    }
    QSqlDatabase::removeDatabase(QStringLiteral("check"));
    if (!draft.error.isEmpty())
        return say("NOT WHOLE: ", draft.error, 1);
    qsizetype droppedCaller = 0;
    qsizetype droppedAddress = 0;
    if (!fromTyped(draft.callerName, kCallerName, &droppedCaller) ||
        !fromTyped(draft.address, kAddress, &droppedAddress)) {
        return say("NOT WHOLE: ",
                   QStringLiteral("a field is not what was typed (a torn or mixed text): ") +
                       (fromTyped(draft.callerName, kCallerName)
                            ? divergence(draft.address, kAddress, "address")
                            : divergence(draft.callerName, kCallerName, "caller name")),
                   1);
    }
    if (draft.callerName.size() < callerSeen || draft.address.size() < addressSeen)
        return say("NOT WHOLE: ",
                   QStringLiteral("committed text went missing: %1/%2 letters of caller/address came back, "
                                  "%3/%4 were seen committed before the kill")
                       .arg(draft.callerName.size())
                       .arg(draft.address.size())
                       .arg(callerSeen)
                       .arg(addressSeen),
                   1);

    // The restart: the program's window on the same file, the counselor signs in.
    store::Database db;
    if (const store::StoreError error = db.open(store::ConnectionSpec::sqlite(path)))
        return say("NOT WHOLE: ", QStringLiteral("the program cannot open the file: ") + error.detail, 1);
    ui::LanguageSwitcher language;
    ui::MainWindow window(db, SystemClock::instance(), language);
    window.start();
    if (!window.signIn(kLogin, kPassword))
        return say("setup error: ", QStringLiteral("the counselor cannot sign in"), 2);
    auto* counselor = qobject_cast<ui::CounselorHome*>(window.home());
    if (!counselor)
        return say("setup error: ", QStringLiteral("no counselor home after sign-in"), 2);
    const QList<ui::IntakeForm*> forms = counselor->forms();
    if (!draft.found) {
        if (!forms.isEmpty())
            return say("NOT WHOLE: ", QStringLiteral("a form came back without a draft"), 1);
        return say("whole: ", QStringLiteral("killed before the first autosave (nothing was saved yet)"), 0);
    }
    if (forms.size() != 1)
        return say("NOT WHOLE: ", QStringLiteral("%1 intake forms came back, expected 1").arg(forms.size()),
                   1);
    const QString caller = forms.first()->findChild<QLineEdit*>(QStringLiteral("callerName"))->text();
    const QString address = forms.first()->findChild<QLineEdit*>(QStringLiteral("address"))->text();
    if (caller != draft.callerName || address != draft.address)
        return say("NOT WHOLE: ", QStringLiteral("the restored form differs from the draft"), 1);
    return say(
        "whole: ",
        QStringLiteral("%1/%2 letters of caller/address came back (%3/%4 seen committed before the kill)%5")
            .arg(caller.size())
            .arg(address.size())
            .arg(callerSeen)
            .arg(addressSeen)
            .arg(droppedNote(droppedCaller + droppedAddress)),
        0);
}

// The note or the outcome: the draft (one at most), and for the note the
// note the program saved, as the file holds them now.
struct Committed
{
    QString error;      // not JSON, two drafts, unreadable
    bool draft = false; // a draft is there
    QString draftKey;   // its form ("encounter/<id>", "followup-outcome/<task id>")
    QString inDraft;    // the typed field as the draft holds it
    QString recordId;   // the note: its encounter
    QString inRecord;   // the note: the narrative as saved
};

std::optional<Committed> readCommitted(QSqlDatabase& raw, Workload workload, QString* why)
{
    const Typed typed = typedFor(workload);
    Committed committed;
    QSqlQuery query(raw);
    query.prepare(QStringLiteral("SELECT d.form, d.content FROM drafts d JOIN users u ON u.id = d.user_id "
                                 "WHERE u.login = ? AND d.form LIKE ?"));
    query.addBindValue(typed.login);
    query.addBindValue(typed.draftForm);
    if (!query.exec()) {
        *why = query.lastError().text();
        return std::nullopt;
    }
    int rows = 0;
    while (query.next()) {
        ++rows;
        committed.draft = true;
        committed.draftKey = query.value(0).toString();
        QJsonParseError error{};
        QJsonObject draft = QJsonDocument::fromJson(query.value(1).toString().toUtf8(), &error).object();
        if (error.error != QJsonParseError::NoError)
            committed.error = QStringLiteral("the draft is not JSON: ") + error.errorString();
        if (workload == Workload::Note)
            draft = draft.value(QStringLiteral("note")).toObject();
        committed.inDraft = draft.value(typed.draftField).toString();
    }
    query.finish();
    if (rows > 1)
        committed.error = QStringLiteral("%1 drafts, expected one").arg(rows);
    if (workload == Workload::Note) {
        // The note of the lead's unit on its current call (the one the lead types into).
        QSqlQuery note(raw);
        if (!note.exec(QStringLiteral(
                "SELECT e.id, COALESCE(e.narrative, '') FROM encounters e JOIN units n ON n.id = e.unit_id "
                "AND n.call_id = e.call_id WHERE n.code = 'CRT-1'"))) {
            *why = note.lastError().text();
            return std::nullopt;
        }
        if (note.next()) {
            committed.recordId = note.value(0).toString();
            committed.inRecord = note.value(1).toString();
        }
    }
    return committed;
}

// What the user sees after the restart: the longest committed text (a draft
// is newer than the note it was typed over; the note's save deletes it).
QString expectedBack(const Committed& committed)
{
    return committed.draft ? committed.inDraft : committed.inRecord;
}

int watchTyped(Workload workload, const QString& path, const QString& journalPath)
{
    QFile journal(journalPath);
    if (!journal.open(QIODevice::Append | QIODevice::Unbuffered))
        return say("setup error: ", QStringLiteral("cannot write %1").arg(journalPath), 2);
    QSqlDatabase raw = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), QStringLiteral("watch"));
    QString why;
    if (!openRaw(raw, path, &why))
        return say("setup error: ", why, 2);
    const QString text = typedFor(workload).text;
    qsizetype seen = -1;
    for (;;) {
        const std::optional<Committed> now = readCommitted(raw, workload, &why);
        if (now && now->error.isEmpty()) {
            qsizetype longest = -1;
            for (const QString& field : {now->inDraft, now->inRecord}) {
                if (fromTyped(field, text))
                    longest = std::max(longest, field.size());
            }
            if (longest > seen) {
                seen = longest;
                journal.write(QStringLiteral("saved %1\n").arg(seen).toUtf8());
            }
        }
        QThread::msleep(100);
    }
}

qsizetype lastSeenTyped(const QString& journalPath)
{
    qsizetype seen = 0;
    QFile journal(journalPath);
    if (journal.open(QIODevice::ReadOnly)) {
        for (const QByteArray& line : journal.readAll().split('\n')) {
            const QList<QByteArray> words = line.split(' ');
            if (words.size() == 2 && words.at(0) == "saved")
                seen = std::max(seen, qsizetype(words.at(1).toLongLong()));
        }
    }
    return seen;
}

// Runs `act` on the next modal dialog once it shows (at most 30 s), then rejects it.
void onNextModal(std::function<void(QWidget*)> act, bool* seen)
{
    auto* poll = new QTimer;
    auto waited = std::make_shared<int>(0);
    poll->setInterval(30);
    QObject::connect(poll, &QTimer::timeout, [poll, act = std::move(act), seen, waited] {
        QWidget* modal = QApplication::activeModalWidget();
        if (!modal && ++*waited < 1000)
            return;
        poll->stop();
        poll->deleteLater();
        if (!modal)
            return;
        *seen = true;
        act(modal);
        if (auto* dialog = qobject_cast<QDialog*>(modal))
            dialog->reject();
    });
    poll->start();
}

int restoreTyped(Workload workload, const QString& path, const QString& journalPath)
{
    const Typed typed = typedFor(workload);
    const qsizetype seen = lastSeenTyped(journalPath);
    QString why;
    Committed committed;
    {
        QSqlDatabase raw = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), QStringLiteral("check"));
        if (!openRaw(raw, path, &why))
            return say("NOT WHOLE: ", QStringLiteral("the file does not open: ") + why, 1);
        QSqlQuery integrity(raw);
        if (!integrity.exec(QStringLiteral("PRAGMA integrity_check")) || !integrity.next())
            return say(
                "NOT WHOLE: ", QStringLiteral("integrity check failed: ") + integrity.lastError().text(), 1);
        if (const QString result = integrity.value(0).toString(); result != QLatin1String("ok"))
            return say("NOT WHOLE: ", QStringLiteral("integrity check: ") + result.left(200), 1);
        integrity.finish();
        const std::optional<Committed> read = readCommitted(raw, workload, &why);
        if (!read)
            return say("NOT WHOLE: ", QStringLiteral("cannot read what was saved: ") + why, 1);
        committed = *read;
    }
    QSqlDatabase::removeDatabase(QStringLiteral("check"));
    if (!committed.error.isEmpty())
        return say("NOT WHOLE: ", committed.error, 1);
    qsizetype dropped = 0;
    if (!fromTyped(committed.inDraft, typed.text, &dropped))
        return say("NOT WHOLE: ",
                   QStringLiteral("a saved text is not what was typed: ") +
                       divergence(committed.inDraft, typed.text, "draft"),
                   1);
    if (qsizetype inRecord = 0; !fromTyped(committed.inRecord, typed.text, &inRecord))
        return say("NOT WHOLE: ",
                   QStringLiteral("a saved text is not what was typed: ") +
                       divergence(committed.inRecord, typed.text, "note"),
                   1);
    const QString expected = expectedBack(committed);
    if (expected.size() < seen)
        return say("NOT WHOLE: ",
                   QStringLiteral("committed text went missing: %1 letters came back, %2 were seen committed "
                                  "before the kill")
                       .arg(expected.size())
                       .arg(seen),
                   1);
    if (committed.draft && committed.inDraft.size() < committed.inRecord.size())
        return say("NOT WHOLE: ", QStringLiteral("a draft older than the note it was typed over"), 1);

    // The restart: the program's window on the same file, the user signs in.
    store::Database db;
    if (const store::StoreError error = db.open(store::ConnectionSpec::sqlite(path)))
        return say("NOT WHOLE: ", QStringLiteral("the program cannot open the file: ") + error.detail, 1);
    ui::LanguageSwitcher language;
    ui::MainWindow window(db, SystemClock::instance(), language);
    window.start();
    if (!window.signIn(typed.login, typed.password))
        return say("setup error: ", QStringLiteral("%1 cannot sign in").arg(typed.login), 2);
    QString shown;
    if (workload == Workload::Note) {
        auto* home = qobject_cast<ui::TeamLeadHome*>(window.home());
        if (!home || !home->encounterForm())
            return say("setup error: ", QStringLiteral("no note open after the lead signed in"), 2);
        shown = home->encounterForm()->findChild<QPlainTextEdit*>(QStringLiteral("narrative"))->toPlainText();
    } else {
        if (!committed.draft)
            return say("whole: ", QStringLiteral("killed before the first draft (nothing was saved yet)"), 0);
        auto* queue = qobject_cast<ui::FollowUpQueueWidget*>(window.home());
        if (!queue)
            return say("setup error: ", QStringLiteral("no follow-up queue after the navigator signed in"),
                       2);
        const QString taskId = committed.draftKey.section(u'/', 1);
        if (!queue->selectTask(taskId))
            return say("NOT WHOLE: ", QStringLiteral("the task of the draft is not in the queue"), 1);
        bool opened = false;
        onNextModal(
            [&](QWidget* dialog) {
                if (auto* note = dialog->findChild<QPlainTextEdit*>(QStringLiteral("outcomeNote")))
                    shown = note->toPlainText();
            },
            &opened);
        queue->recordOutcome();
        if (!opened)
            return say("setup error: ", QStringLiteral("the outcome dialog did not open"), 2);
    }
    if (shown != expected)
        return say("NOT WHOLE: ",
                   QStringLiteral("the restored form shows %1 letters, %2 were saved")
                       .arg(shown.size())
                       .arg(expected.size()),
                   1);
    return say("whole: ",
               QStringLiteral("%1 letters came back (%2 seen committed before the kill; %3)%4")
                   .arg(expected.size())
                   .arg(seen)
                   .arg(committed.draft ? QStringLiteral("from the draft")
                                        : QStringLiteral("the note as saved, no draft"),
                        droppedNote(dropped)),
               0);
}

} // namespace

int main(int argc, char* argv[])
{
    QApplication app(argc, argv); // restore builds the real main window (offscreen)
    QApplication::setOrganizationName(QStringLiteral("heartdesk"));
    QApplication::setApplicationName(QStringLiteral("heartdesk"));
    QStringList args = QApplication::arguments();
    const QString mode = args.value(1);
    // An optional workload after the mode; intake when none is named.
    Workload workload = Workload::Intake;
    if (const auto named = workloadNamed(args.value(2))) {
        workload = *named;
        args.removeAt(2);
    }
    if (mode == QLatin1String("texts") && args.size() == 2) {
        if (workload == Workload::Intake)
            std::printf("%s\n%s\n", qPrintable(kCallerName), qPrintable(kAddress));
        else
            std::printf("%s\n", qPrintable(typedFor(workload).text));
        return 0;
    }
    if (mode == QLatin1String("watch") && args.size() == 4)
        return workload == Workload::Intake ? watch(args.at(2), args.at(3))
                                            : watchTyped(workload, args.at(2), args.at(3));
    if (mode == QLatin1String("restore") && args.size() == 4)
        return workload == Workload::Intake ? restore(args.at(2), args.at(3))
                                            : restoreTyped(workload, args.at(2), args.at(3));
    std::fprintf(stderr, "usage: crash_trial_check texts [WORKLOAD] | watch [WORKLOAD] DATABASE JOURNAL | "
                         "restore [WORKLOAD] DATABASE JOURNAL\n       WORKLOAD: intake (default), note, "
                         "followup\n");
    return 2;
}
