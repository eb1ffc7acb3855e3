// One display form for every phone number, whatever form it was stored or
// typed in: North American numbers as "(919) 555-0123", service codes as
// dialled, international numbers with their country code, and text that is
// no number as given (trimmed).
#include "core/PhoneFormat.h"

#include <QTest>

namespace {

std::string_view view(const QByteArray& bytes)
{
    return {bytes.constData(), std::size_t(bytes.size())};
}
QByteArray bytes(std::string_view text)
{
    return QByteArray(text.data(), qsizetype(text.size()));
}

} // namespace

class TestPhoneFormat : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void shown_data()
    {
        QTest::addColumn<QByteArray>("stored");
        QTest::addColumn<QByteArray>("shown");
        const auto row = [](const char* name, const char* stored, const char* shown) {
            QTest::newRow(name) << QByteArray(stored) << QByteArray(shown);
        };
        // Stored (E.164) and typed forms of one US number read the same.
        row("E.164", "+19195550123", "(919) 555-0123");
        row("national", "(919) 555-0123", "(919) 555-0123");
        row("dashes", "919-555-0123", "(919) 555-0123");
        row("dots", "919.555.0123", "(919) 555-0123");
        row("digits", "9195550123", "(919) 555-0123");
        row("leading 1", "1 919 555 0123", "(919) 555-0123");
        row("+1 spaced", "+1 919 555 0123", "(919) 555-0123");
        row("blanks around", "  +19195550123 ", "(919) 555-0123");
        row("extension stored", "+19195550123;ext=12", "(919) 555-0123 x12");
        row("extension typed", "919-555-0123 ext. 12", "(919) 555-0123 x12");
        // Short codes stay as they are.
        row("988", "988", "988");
        row("911", "911", "911");
        row("211", "211", "211");
        // International numbers keep their country code.
        row("UK stored", "+442071234567", "+442071234567");
        row("UK typed", "+44 (0)20 7123 4567", "+442071234567");
        row("UK from the US", "011 44 20 7123 4567", "+442071234567");
        row("Mexico", "+52 55 1234 5678", "+525512345678");
        // Not a number: shown as given, so nothing typed is hidden.
        row("letters", "call the front desk", "call the front desk");
        row("too short", " 555-0123 ", "555-0123");
        row("bad area code", "(119) 555-0123", "(119) 555-0123");
        row("empty", "", "");
        row("blank", "   ", "");
    }

    void shown()
    {
        QFETCH(QByteArray, stored);
        QFETCH(QByteArray, shown);
        QCOMPARE(bytes(heart::phoneForDisplay(view(stored))), shown);
    }
};

QTEST_APPLESS_MAIN(TestPhoneFormat)
#include "tst_core_phone_format.moc"
