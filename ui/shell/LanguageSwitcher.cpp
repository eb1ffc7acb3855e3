#include "shell/LanguageSwitcher.h"

#include "shell/UiLog.h"

#include <QCoreApplication>
#include <QLibraryInfo>
#include <QLocale>

namespace heart::ui {

LanguageSwitcher::LanguageSwitcher(QObject* parent) : QObject(parent)
{
    QLocale::setDefault(QLocale(QLocale::English, QLocale::UnitedStates));
}

bool LanguageSwitcher::setLanguage(const QString& code)
{
    if (code == m_language && (code == QLatin1String("en") || !m_app.isEmpty()))
        return true;
    QCoreApplication::removeTranslator(&m_app);
    QCoreApplication::removeTranslator(&m_qt);
    if (code != QLatin1String("en")) {
        if (!m_app.load(QStringLiteral(":/i18n/heartdesk_%1.qm").arg(code))) {
            qCWarning(lcUi) << "no translation for language" << code;
            m_language = QStringLiteral("en");
            QLocale::setDefault(QLocale(QLocale::English, QLocale::UnitedStates));
            Q_EMIT languageChanged(m_language);
            return false;
        }
        // Qt's own strings (standard buttons, dialogs), where installed.
        if (m_qt.load(QStringLiteral("qtbase_%1").arg(code),
                      QLibraryInfo::path(QLibraryInfo::TranslationsPath)))
            QCoreApplication::installTranslator(&m_qt);
        QCoreApplication::installTranslator(&m_app);
    }
    m_language = code;
    QLocale::setDefault(code == QLatin1String("es") ? QLocale(QLocale::Spanish, QLocale::UnitedStates)
                                                    : QLocale(QLocale::English, QLocale::UnitedStates));
    Q_EMIT languageChanged(m_language);
    return true;
}

} // namespace heart::ui
