#pragma once
// Codes from core and the store put into words in the user's language.
#include "core/Role.h"
#include "store/StoreError.h"

#include <QCoreApplication>
#include <QString>
#include <string>

namespace heart::ui {

class DomainText
{
    Q_DECLARE_TR_FUNCTIONS(DomainText)

public:
    static QString roleName(Role role);
    static QString programName(const QString& code);
    static QString dispositionName(const QString& code);
    static QString callStatusName(const QString& code);
    static QString riskLevelName(const QString& code);
    static QString callTypeName(const QString& nameOrCode); // a rule-set code or a name
    // A roster shift by its code: Durham's "early" and "late" in the user's
    // language (as "%1 shift" completes them); any other code as the program
    // spells it. The letter is the roster grid's one-letter mark.
    static QString shiftName(const std::string& code);
    static QString shiftLetter(const std::string& code);
    // A sentence for the user; the technical detail is added only where it helps.
    // Every store error in the user's words: the one table (no screen keeps its own).
    static QString errorText(const store::StoreError& error);
    // Why a password is refused (a core PasswordProblem code, store's WeakPassword detail).
    static QString passwordProblemText(const QString& code, int minimumLength);
    // The name of an input a store error names (StoreError::field).
    static QString fieldName(const QString& field);
    // What a change did, as the journal and the audit trail name it
    // ("update", "dispatch", "claim", ...): "updated it", "dispatched a unit".
    static QString actionText(const QString& action);
};

} // namespace heart::ui
