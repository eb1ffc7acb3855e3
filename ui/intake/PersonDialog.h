#pragma once
// Finding the person a call is about among people who called before, or
// making a new record. Searching and opening a history are audited by the
// store; possible duplicates of a new record are shown, never merged.
#include "home/Services.h"

#include <QDialog>

class QDateEdit;
class QLabel;
class QLineEdit;
class QPushButton;
class QTableWidget;

namespace heart::ui {

class PersonDialog : public QDialog
{
    Q_OBJECT

public:
    explicit PersonDialog(Services services, QWidget* parent = nullptr);

    void setSearch(const QString& name, const QString& phone);
    QString personId() const { return m_personId; }
    QString personName() const { return m_personName; }
    int resultCount() const;

    // The person's record and earlier calls in a window of its own.
    static void showHistory(const Services& services, const QString& personId, QWidget* parent);

    void search();
    void linkSelected();
    void createPerson();

private:
    Services m_services;
    QLineEdit* m_name;
    QLineEdit* m_phone;
    QLineEdit* m_dateOfBirth;
    QTableWidget* m_results;
    QLabel* m_message;
    QPushButton* m_searchButton;
    QPushButton* m_link;
    QPushButton* m_create;
    QPushButton* m_history;
    QStringList m_ids;
    QStringList m_names;
    QString m_personId;
    QString m_personName;
};

} // namespace heart::ui
