#pragma once
// What the fields of a form hold, taken at one moment (the values as read
// from the store, or as the user has typed them), so that "Keep mine" can
// keep exactly what the user changed: the fields they touched keep their
// text (and cursor), every other field shows the colleague's version.
// Knows the plain input widgets (line and text edits, combo boxes, check
// and radio buttons, spin boxes, date-time edits), however deeply nested.
#include <QHash>
#include <QList>
#include <QPointer>
#include <QVariant>

class QWidget;

namespace heart::ui {

class TypedFields
{
public:
    // The fields of `form`, leaving out those inside `except` (the bar's own).
    static TypedFields of(QWidget* form, const QWidget* except = nullptr);

    // The fields whose value differs from `before`'s.
    QList<QWidget*> changedSince(const TypedFields& before) const;
    // Puts these fields back as they were taken (text, cursor, choice).
    void restore(const QList<QWidget*>& fields) const;

private:
    struct Value
    {
        QVariant value;
        int cursor = -1;
    };
    QHash<QWidget*, Value> m_values;
    QList<QPointer<QWidget>> m_order; // the form's order, so combo boxes go back before what they show
};

} // namespace heart::ui
