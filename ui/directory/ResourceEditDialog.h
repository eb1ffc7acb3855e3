#pragma once
// Adding or changing one service of the resource directory (administrators).
// Keyboard first: every field has a mnemonic, Enter or Ctrl+S saves, Esc
// cancels; core's problems() are shown under the field they concern before
// anything is sent to the store, and the store's refusals (a stale version,
// a duplicate) above the buttons, the dialog staying open.
#include "home/Services.h"
#include "store/ResourceStore.h"

#include <QDialog>
#include <optional>

class QCheckBox;
class QComboBox;
class QLabel;
class QLineEdit;
class QPlainTextEdit;
class QPushButton;

namespace heart::ui {

class ResourceEditDialog : public QDialog
{
    Q_OBJECT

public:
    // A new service when `existing` is empty.
    ResourceEditDialog(Services services, std::optional<store::ResourceRecord> existing,
                       QWidget* parent = nullptr);

    // The service as typed in the form.
    directory::Resource resource() const;
    // After accept(): the service as stored.
    const std::optional<store::ResourceRecord>& saved() const { return m_saved; }

    // Checks the form, writes to the store, and accepts on success.
    void save();

protected:
    void changeEvent(QEvent* event) override;

private:
    void fill(const store::ResourceRecord& record);
    void showProblems(const std::vector<Error>& problems);
    void clearProblems();
    void updateLanguageHint();
    QLabel* errorLabel(const std::string& field) const;
    QWidget* fieldWidget(const std::string& field) const;
    void retranslate();

    Services m_services;
    std::optional<store::ResourceRecord> m_existing;
    std::optional<store::ResourceRecord> m_saved;

    QLabel* m_nameLabel;
    QLineEdit* m_name;
    QLabel* m_nameError;
    QLabel* m_kindLabel;
    QComboBox* m_kind;
    QLabel* m_kindError;
    QLabel* m_phoneLabel;
    QLineEdit* m_phone;
    QLabel* m_phoneError;
    QLabel* m_addressLabel;
    QLineEdit* m_address;
    QLabel* m_addressError;
    QLabel* m_hoursLabel;
    QLineEdit* m_hours;
    QLabel* m_hoursError;
    QLabel* m_languagesLabel;
    QLineEdit* m_languages;
    QLabel* m_languagesHint;
    QLabel* m_languagesError;
    QCheckBox* m_walkIns;
    QLabel* m_notesLabel;
    QPlainTextEdit* m_notes;
    QLabel* m_notesError;
    QLabel* m_message;
    QPushButton* m_save;
    QPushButton* m_cancel;
};

} // namespace heart::ui
