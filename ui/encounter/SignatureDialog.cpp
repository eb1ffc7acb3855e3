#include "encounter/SignatureDialog.h"

#include <QDialogButtonBox>
#include <QFormLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QTextCursor>
#include <QVBoxLayout>

namespace heart::ui {

SignatureDialog::SignatureDialog(Kind kind, const QString& signerName, QWidget* parent)
    : QDialog(parent), m_kind(kind), m_message(new QLabel(this)), m_password(new QLineEdit(this)),
      m_error(new QLabel(this))
{
    setObjectName(kind == Kind::Note ? QStringLiteral("signNoteDialog") : QStringLiteral("addendumDialog"));
    setWindowTitle(kind == Kind::Note ? tr("Sign the encounter note") : tr("Add a signed addendum"));
    m_message->setWordWrap(true);
    m_message->setText(
        kind == Kind::Note
            ? tr("Signing locks the note as %1. After this, corrections are signed addenda shown "
                 "under it. Enter your password to sign.")
                  .arg(signerName.toHtmlEscaped())
            : tr("An addendum is signed as %1 when it is added and can never be changed. Enter "
                 "your password to sign it.")
                  .arg(signerName.toHtmlEscaped()));
    m_password->setObjectName(QStringLiteral("signaturePassword"));
    m_password->setEchoMode(QLineEdit::Password);
    m_error->setObjectName(QStringLiteral("signatureError"));
    m_error->setWordWrap(true);
    m_error->setStyleSheet(QStringLiteral("color: #b00020;"));
    m_error->hide();

    auto* buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this);
    m_ok = buttons->button(QDialogButtonBox::Ok);
    m_ok->setText(kind == Kind::Note ? tr("Sign and lock") : tr("Sign addendum"));
    connect(buttons, &QDialogButtonBox::accepted, this, &QDialog::accept);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);

    auto* form = new QFormLayout;
    if (kind == Kind::Addendum) {
        m_text = new QPlainTextEdit(this);
        m_text->setObjectName(QStringLiteral("addendumText"));
        m_text->setTabChangesFocus(true);
        auto* label = new QLabel(tr("&Addendum:"), this);
        label->setBuddy(m_text);
        form->addRow(label, m_text);
        connect(m_text, &QPlainTextEdit::textChanged, this, &SignatureDialog::updateOk);
    }
    auto* passwordLabel = new QLabel(tr("&Password:"), this);
    passwordLabel->setBuddy(m_password);
    form->addRow(passwordLabel, m_password);
    connect(m_password, &QLineEdit::textChanged, this, &SignatureDialog::updateOk);

    auto* layout = new QVBoxLayout(this);
    layout->addWidget(m_message);
    layout->addLayout(form);
    layout->addWidget(m_error);
    layout->addWidget(buttons);
    resize(480, kind == Kind::Note ? 180 : 320);
    updateOk();
    if (m_text)
        m_text->setFocus();
    else
        m_password->setFocus();
}

void SignatureDialog::setText(const QString& text)
{
    if (m_text) {
        m_text->setPlainText(text);
        m_text->moveCursor(QTextCursor::End);
    }
}

QString SignatureDialog::text() const
{
    return m_text ? m_text->toPlainText().trimmed() : QString();
}

QString SignatureDialog::password() const
{
    return m_password->text();
}

void SignatureDialog::setError(const QString& error)
{
    m_error->setText(error);
    m_error->setVisible(!error.isEmpty());
    m_password->clear();
    m_password->setFocus();
}

void SignatureDialog::updateOk()
{
    m_ok->setEnabled(!m_password->text().isEmpty() && (!m_text || !text().isEmpty()));
}

} // namespace heart::ui
