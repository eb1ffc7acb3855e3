#include "shell/TypedFields.h"

#include <QAbstractButton>
#include <QComboBox>
#include <QDateTimeEdit>
#include <QLineEdit>
#include <QPlainTextEdit>
#include <QSpinBox>
#include <QTextCursor>

namespace heart::ui {

TypedFields TypedFields::of(QWidget* form, const QWidget* except)
{
    TypedFields fields;
    for (QWidget* widget : form->findChildren<QWidget*>()) {
        if (except && (widget == except || except->isAncestorOf(widget)))
            continue;
        Value value;
        if (auto* line = qobject_cast<QLineEdit*>(widget)) {
            // The line edit inside a combo or spin box is the box's value.
            if (qobject_cast<QComboBox*>(line->parentWidget()) ||
                qobject_cast<QAbstractSpinBox*>(line->parentWidget()))
                continue;
            value = {line->text(), line->cursorPosition()};
        } else if (auto* text = qobject_cast<QPlainTextEdit*>(widget)) {
            value = {text->toPlainText(), text->textCursor().position()};
        } else if (auto* box = qobject_cast<QComboBox*>(widget)) {
            value.value = box->isEditable() ? QVariant(box->currentText()) : QVariant(box->currentIndex());
        } else if (auto* dateTime = qobject_cast<QDateTimeEdit*>(widget)) {
            value.value = dateTime->dateTime();
        } else if (auto* spin = qobject_cast<QSpinBox*>(widget)) {
            value.value = spin->value();
        } else if (auto* button = qobject_cast<QAbstractButton*>(widget); button && button->isCheckable()) {
            value.value = button->isChecked();
        } else {
            continue;
        }
        fields.m_values.insert(widget, value);
        fields.m_order.append(widget);
    }
    return fields;
}

QList<QWidget*> TypedFields::changedSince(const TypedFields& before) const
{
    QList<QWidget*> changed;
    for (const QPointer<QWidget>& widget : m_order) {
        const auto was = before.m_values.constFind(widget.data());
        if (widget &&
            (was == before.m_values.constEnd() || was->value != m_values.value(widget.data()).value))
            changed.append(widget.data());
    }
    return changed;
}

void TypedFields::restore(const QList<QWidget*>& fields) const
{
    for (const QPointer<QWidget>& widget : m_order) {
        if (!widget || !fields.contains(widget.data()))
            continue;
        const Value value = m_values.value(widget.data());
        if (auto* line = qobject_cast<QLineEdit*>(widget.data())) {
            if (line->text() != value.value.toString())
                line->setText(value.value.toString());
            line->setCursorPosition(value.cursor);
        } else if (auto* text = qobject_cast<QPlainTextEdit*>(widget.data())) {
            if (text->toPlainText() != value.value.toString())
                text->setPlainText(value.value.toString());
            QTextCursor cursor = text->textCursor();
            cursor.setPosition(std::min(value.cursor, int(text->document()->characterCount()) - 1));
            text->setTextCursor(cursor);
        } else if (auto* box = qobject_cast<QComboBox*>(widget.data())) {
            if (box->isEditable())
                box->setCurrentText(value.value.toString());
            else
                box->setCurrentIndex(value.value.toInt());
        } else if (auto* dateTime = qobject_cast<QDateTimeEdit*>(widget.data())) {
            dateTime->setDateTime(value.value.toDateTime());
        } else if (auto* spin = qobject_cast<QSpinBox*>(widget.data())) {
            spin->setValue(value.value.toInt());
        } else if (auto* button = qobject_cast<QAbstractButton*>(widget.data())) {
            button->setChecked(value.value.toBool());
        }
    }
}

} // namespace heart::ui
