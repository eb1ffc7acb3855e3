#pragma once
// Signing asks for the password again: for the note itself, and for each
// addendum (with its text). The store checks the password and counts a wrong
// one towards the account's lockout.
#include <QDialog>

class QLabel;
class QLineEdit;
class QPlainTextEdit;
class QPushButton;

namespace heart::ui {

class SignatureDialog : public QDialog
{
    Q_OBJECT

public:
    enum class Kind
    {
        Note,     // "Sign and lock the note"
        Addendum, // a text, then the password
    };
    SignatureDialog(Kind kind, const QString& signerName, QWidget* parent = nullptr);

    QString text() const;
    // The addendum's text to start from (a leftover draft of the note).
    void setText(const QString& text);
    QString password() const;
    // Shown under the password after a refusal (wrong password, missing field).
    void setError(const QString& error);

private:
    void updateOk();

    Kind m_kind;
    QLabel* m_message;
    QPlainTextEdit* m_text = nullptr;
    QLineEdit* m_password;
    QLabel* m_error;
    QPushButton* m_ok;
};

} // namespace heart::ui
