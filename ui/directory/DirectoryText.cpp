#include "directory/DirectoryText.h"

#include "core/PhoneFormat.h"
#include "core/directory/ResourceCsv.h"
#include "core/intake/IntakeRules.h"

namespace heart::ui {

namespace {

QString fromUtf8(std::string_view text)
{
    return QString::fromUtf8(text.data(), qsizetype(text.size()));
}

// The value a CSV problem's detail quotes first ("\"hospital\"; kinds: ...").
QString quotedValue(const std::string& detail)
{
    const auto open = detail.find('"');
    const auto close = open == std::string::npos ? open : detail.find('"', open + 1);
    if (close == std::string::npos)
        return {};
    return QString::fromStdString(detail.substr(open + 1, close - open - 1));
}

// "Walk-ins" -> "walk_ins": the column as core knows it.
QString columnCode(const std::string& column)
{
    QString code = QString::fromStdString(column).trimmed().toLower();
    code.replace(QLatin1Char(' '), QLatin1Char('_')).replace(QLatin1Char('-'), QLatin1Char('_'));
    return code == QLatin1String("walk_ins") ? QStringLiteral("walkIns") : code;
}

std::size_t limitOf(const std::string& field)
{
    if (field == "name")
        return directory::kMaxNameLength;
    if (field == "phone")
        return directory::kMaxPhoneLength;
    if (field == "address")
        return directory::kMaxAddressLength;
    if (field == "hours")
        return directory::kMaxHoursLength;
    return directory::kMaxNotesLength;
}

} // namespace

QString DirectoryText::kindName(directory::ResourceKind kind)
{
    using K = directory::ResourceKind;
    switch (kind) {
    case K::Shelter:
        return tr("Shelter");
    case K::Detox:
        return tr("Detox / withdrawal");
    case K::Clinic:
        return tr("Clinic");
    case K::PeerCenter:
        return tr("Peer center");
    case K::Food:
        return tr("Food");
    case K::CrisisLine:
        return tr("Crisis line");
    }
    return {};
}

QString DirectoryText::languageName(const QString& code)
{
    const intake::Language* language = intake::findLanguage(code.toStdString());
    if (!language)
        return code;
    const QString english = fromUtf8(language->englishName);
    const QString native = fromUtf8(language->nativeName);
    return native == english || native.isEmpty() ? english : english + QStringLiteral(" — ") + native;
}

QString DirectoryText::languageList(const QStringList& codes)
{
    QStringList names;
    for (const QString& code : codes) {
        const intake::Language* language = intake::findLanguage(code.toStdString());
        names << (language ? fromUtf8(language->englishName) : code);
    }
    return names.join(QStringLiteral(", "));
}

QString DirectoryText::yesNo(bool value)
{
    return value ? tr("Yes") : tr("No");
}

QString DirectoryText::phone(const QString& normalised)
{
    return QString::fromStdString(phoneForDisplay(normalised.toStdString()));
}

QString DirectoryText::problemText(const Error& problem)
{
    const std::string& code = problem.code;
    if (code == "required")
        return problem.field == "kind" ? tr("Choose what kind of service this is.")
                                       : tr("Enter the service's name.");
    if (code == "phone-not-dialable")
        return tr("Enter a number that can be dialled, such as (919) 555-0123, 988 or +44 20 7123 4567.");
    if (code == "language-code")
        return tr("“%1” is not a language code: use ISO 639 codes such as en, es or ase.")
            .arg(QString::fromStdString(problem.detail));
    if (code == "too-many-languages")
        return tr("List at most %1 languages.").arg(directory::kMaxLanguages);
    if (code == "too-long")
        return tr("This is too long: at most %1 characters.").arg(limitOf(problem.field));
    if (code == "line-break")
        return tr("This must be a single line.");
    return QString::fromStdString(code);
}

QString DirectoryText::csvProblemText(const directory::CsvProblem& problem)
{
    const std::string& code = problem.code;
    const QString column = QString::fromStdString(problem.column);
    if (code == "empty-file")
        return tr("The file is empty: its first row must name the columns.");
    if (code == "unknown-column") {
        const QString known = QStringLiteral("name, kind, phone, address, hours, languages, walk_ins, notes");
        return column.isEmpty() ? tr("A column has no name. The columns are: %1.").arg(known)
                                : tr("Unknown column “%1”. The columns are: %2.").arg(column, known);
    }
    if (code == "duplicate-column")
        return tr("The column “%1” appears twice.").arg(column);
    if (code == "missing-column")
        return tr("The required column “%1” is missing.").arg(column);
    if (code == "field-count")
        return tr("This row does not have as many fields as the header (%1).")
            .arg(QString::fromStdString(problem.detail));
    if (code == "unterminated-quote")
        return tr("A quoted field is never closed: the rest of the file was read as part of it.");
    if (code == "text-after-quote")
        return tr("There is text after a closing quote: put the whole field in quotes.");
    if (code == "not-utf8")
        return tr("This row is not UTF-8 text: save the file as “CSV UTF-8”.");
    if (code == "unknown-kind")
        return tr("“%1” is not a kind of service: use shelter, detox, clinic, peer_center, food or "
                  "crisis_line.")
            .arg(quotedValue(problem.detail));
    if (code == "yes-no")
        return tr("“%1” is not yes or no.").arg(quotedValue(problem.detail));
    // The problems of a service, as the form words them.
    return problemText(Error{code, columnCode(problem.column).toStdString(), problem.detail});
}

} // namespace heart::ui
