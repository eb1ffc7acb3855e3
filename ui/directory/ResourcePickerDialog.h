#pragma once
// Choosing a service from the resource directory for a referral (the
// encounter note, a follow-up outcome). A search box over a list of active
// services: typing filters, Up/Down move in the list without leaving the
// box, Enter picks the highlighted service, Esc cancels.
//
//   if (auto service = ResourcePickerDialog::pick(services, this, typedText))
//       note.referralResourceId = service->id.toStdString();
#include "home/Services.h"
#include "store/ResourceStore.h"

#include <QDialog>
#include <optional>

class QLabel;
class QLineEdit;
class QPushButton;
class QTableView;

namespace heart::ui {

class ResourceTableModel;

class ResourcePickerDialog : public QDialog
{
    Q_OBJECT

public:
    explicit ResourcePickerDialog(Services services, QWidget* parent = nullptr,
                                  const QString& initialText = {});

    // Modal: the chosen service, or nullopt when cancelled.
    static std::optional<store::ResourceRecord> pick(Services services, QWidget* parent,
                                                     const QString& initialText = {});

    // After accept(): the chosen service.
    const std::optional<store::ResourceRecord>& chosen() const { return m_chosen; }
    void search();
    // Picks the highlighted service (accepts), if there is one.
    void pickCurrent();

protected:
    bool eventFilter(QObject* watched, QEvent* event) override;

private:
    void showCurrent();

    Services m_services;
    std::optional<store::ResourceRecord> m_chosen;
    ResourceTableModel* m_model;
    QLineEdit* m_search;
    QTableView* m_list;
    QLabel* m_detail;
    QPushButton* m_pick;
};

} // namespace heart::ui
