#pragma once
// Searching the follow-up queue by name (migration 20): every word of the
// person's and the assignee's names, folded, in followup_name_words, and a
// search is a word-prefix match: each word typed begins a word of either
// name ("mar" finds María Pérez and Ana Marín; "perez", "PÉREZ" and "pér"
// find Pérez; "ez" finds neither). docs/follow-up-policy.md, "Finding a task".
//
// Folding is one fixed table, applied alike to what is typed (here) and by
// the triggers that write the words (on SQLite through heartdesk_name_words(),
// which calls nameSearchWords(); on PostgreSQL translate()): Latin letters with
// accents become the plain letter, A-Z become a-z, hyphens, dashes, commas,
// periods, semicolons, slashes and line breaks separate words, apostrophes
// are dropped ("O'Brien" is the word "obrien"). Other characters are kept as
// they are (a name in another script is found as typed).
#include <QString>
#include <QStringList>

namespace heart::store {

// `text` folded as the words are (NFC first).
QString foldForNameSearch(const QString& text);
// The folded words of `text`, in order, empty ones left out.
QStringList nameSearchWords(const QString& text);
// SQLite: makes heartdesk_name_words(text) (nameSearchWords as a JSON array,
// which migration 20's trigger uses) a function of every connection opened
// from now on in this process. Database::open calls it; false if SQLite
// refused.
bool registerNameWordsFunction();

} // namespace heart::store
