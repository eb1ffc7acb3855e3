#pragma once
// English (the source language) and Spanish, switchable while the program
// runs: widgets retranslate on QEvent::LanguageChange.
#include <QObject>
#include <QString>
#include <QTranslator>

namespace heart::ui {

class LanguageSwitcher : public QObject
{
    Q_OBJECT

public:
    explicit LanguageSwitcher(QObject* parent = nullptr);

    // "en" or "es"; false if the translation is missing.
    bool setLanguage(const QString& code);
    QString language() const { return m_language; }
    static QStringList available() { return {QStringLiteral("en"), QStringLiteral("es")}; }

Q_SIGNALS:
    void languageChanged(const QString& code);

private:
    QTranslator m_app;
    QTranslator m_qt;
    QString m_language = QStringLiteral("en");
};

} // namespace heart::ui
