// The two halves of scripts/crash-trials that need the program's own code:
//
//   crash_trial_check texts
//       prints what the counselor types, one field a line (caller name, address)
//   crash_trial_check watch DATABASE JOURNAL
//       reads the counselor's intake draft every 100 ms with a connection of its
//       own, as another process would, and appends "saved CALLER ADDRESS" (the
//       lengths of the two fields) to JOURNAL each time the committed draft grows;
//       runs until it is killed
//   crash_trial_check restore DATABASE JOURNAL
//       after heartdesk was killed: runs the integrity check on the file, reads
//       the draft, then starts the program's main window on the file (as a
//       restart does), signs the counselor in and reads the restored form. The
//       draft is whole when the file passes its check, the draft is valid JSON,
//       both fields are prefixes of what was typed (never a torn or mixed
//       text), nothing that the watcher saw committed is missing, and the form
//       shows exactly the draft. Prints one line: "whole ..." (exit 0) or
//       "NOT WHOLE: why" (exit 1); 2 for a setup error.
//
// HEARTDESK_KEY_DIR must name the key folder of the database (as for heartdesk).
#include "core/Clock.h"
#include "intake/CounselorHome.h"
#include "intake/IntakeForm.h"
#include "shell/LanguageSwitcher.h"
#include "shell/MainWindow.h"
#include "store/Database.h"
#include "store/EncryptedSqlite.h"

#include <QApplication>
#include <QFile>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLineEdit>
#include <QSqlDatabase>
#include <QSqlError>
#include <QSqlQuery>
#include <QThread>
#include <algorithm>
#include <cstdio>
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
        if (draft && draft->found && draft->error.isEmpty() && kCallerName.startsWith(draft->callerName) &&
            kAddress.startsWith(draft->address) &&
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
    if (!kCallerName.startsWith(draft.callerName) || !kAddress.startsWith(draft.address))
        return say("NOT WHOLE: ", QStringLiteral("a field is not what was typed (a torn or mixed text)"), 1);
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
        QStringLiteral("%1/%2 letters of caller/address came back (%3/%4 seen committed before the kill)")
            .arg(caller.size())
            .arg(address.size())
            .arg(callerSeen)
            .arg(addressSeen),
        0);
}

} // namespace

int main(int argc, char* argv[])
{
    QApplication app(argc, argv); // restore builds the real main window (offscreen)
    QApplication::setOrganizationName(QStringLiteral("heartdesk"));
    QApplication::setApplicationName(QStringLiteral("heartdesk"));
    const QStringList args = QApplication::arguments();
    const QString mode = args.value(1);
    if (mode == QLatin1String("texts") && args.size() == 2) {
        std::printf("%s\n%s\n", qPrintable(kCallerName), qPrintable(kAddress));
        return 0;
    }
    if (mode == QLatin1String("watch") && args.size() == 4)
        return watch(args.at(2), args.at(3));
    if (mode == QLatin1String("restore") && args.size() == 4)
        return restore(args.at(2), args.at(3));
    std::fprintf(stderr,
                 "usage: crash_trial_check texts | watch DATABASE JOURNAL | restore DATABASE JOURNAL\n");
    return 2;
}
