#pragma once
// The resource directory's codes put into words in the user's language:
// kinds of service, language codes, yes/no, and the problems core finds in a
// service or a CSV row.
#include "core/Result.h"
#include "core/directory/Resource.h"

#include <QCoreApplication>
#include <QString>
#include <QStringList>

namespace heart::directory {
struct CsvProblem;
}

namespace heart::ui {

class DirectoryText
{
    Q_DECLARE_TR_FUNCTIONS(DirectoryText)

public:
    static QString kindName(directory::ResourceKind kind);
    // "English", "Spanish — Español", or the code itself when unknown.
    static QString languageName(const QString& code);
    // "English, Spanish" (English names: short enough for a table cell).
    static QString languageList(const QStringList& codes);
    static QString yesNo(bool value);
    // (919) 555-0123 for a stored North American number; others unchanged.
    static QString phone(const QString& normalised);
    // One of directory::problems() for the field it names, as a sentence.
    static QString problemText(const Error& problem);
    // A CSV row's problem, without its line (the report shows the line).
    static QString csvProblemText(const directory::CsvProblem& problem);
};

} // namespace heart::ui
