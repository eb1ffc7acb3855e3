#pragma once
// A form whose unsaved content must survive an automatic logoff: when
// another user signs in at a locked window, the content is stored as the
// first user's draft and given back when they sign in again.
#include <QJsonObject>
#include <QString>

namespace heart::ui {

class DraftSource
{
public:
    virtual ~DraftSource() = default;
    // Stable per form, e.g. "admin/new-user".
    virtual QString draftKey() const = 0;
    virtual bool hasUnsavedContent() const = 0;
    virtual QJsonObject draftContent() const = 0;
    virtual void restoreDraft(const QJsonObject& content) = 0;
    // True for a form that reads back and deletes its stored draft itself
    // (the encounter note: the draft goes in the transaction of the save that
    // replaces it, and a draft a signed note never took stays until the lead
    // acts on it): the window then neither restores nor deletes it at sign-in.
    virtual bool keepsOwnDraft() const { return false; }
};

} // namespace heart::ui
