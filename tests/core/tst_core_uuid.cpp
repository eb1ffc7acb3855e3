// Record ids (UUID version 7): the text format, version and variant bits,
// the embedded millisecond timestamp, isRecordId, uniqueness within one
// millisecond, and ids made at increasing times sorting in time order.
#include "core/Uuid.h"

#include <QTest>
#include <algorithm>
#include <set>
#include <string>

using namespace heart;
using namespace std::chrono_literals;

namespace {

const TimePoint kStart = TimePoint{std::chrono::milliseconds{1772463600123}}; // 2026-03-02T15:00:00.123Z

QString q(const std::string& s)
{
    return QString::fromStdString(s);
}

} // namespace

class TestCoreUuid : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void format();
    void versionAndVariant();
    void embedsTheMillisecond();
    void isRecordId_data();
    void isRecordId();
    void uniqueWithinOneMillisecond();
    void increasingTimesSortInTimeOrder();
};

void TestCoreUuid::format()
{
    const std::string id = newRecordId(kStart);
    QCOMPARE(id.size(), std::size_t(36));
    for (std::size_t i = 0; i < id.size(); ++i) {
        if (i == 8 || i == 13 || i == 18 || i == 23)
            QCOMPARE(id[i], '-');
        else
            QVERIFY2((id[i] >= '0' && id[i] <= '9') || (id[i] >= 'a' && id[i] <= 'f'), id.c_str());
    }
    QVERIFY(heart::isRecordId(id));
}

void TestCoreUuid::versionAndVariant()
{
    for (int i = 0; i < 200; ++i) {
        const std::string id = newRecordId(kStart + std::chrono::milliseconds{i});
        QCOMPARE(id[14], '7');                                                       // version nibble
        QVERIFY2(std::string("89ab").find(id[19]) != std::string::npos, id.c_str()); // RFC 9562 variant
    }
}

void TestCoreUuid::embedsTheMillisecond()
{
    const std::string id = newRecordId(kStart);
    std::string hex = id.substr(0, 8) + id.substr(9, 4);
    const auto ms = std::stoull(hex, nullptr, 16);
    QCOMPARE(ms, 1772463600123ULL);
}

void TestCoreUuid::isRecordId_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<bool>("valid");
    QTest::newRow("made here") << q(newRecordId(kStart)) << true;
    QTest::newRow("literal") << QStringLiteral("019cafe0-1234-7abc-8def-0123456789ab") << true;
    QTest::newRow("empty") << QString() << false;
    QTest::newRow("upper case") << QStringLiteral("019CAFE0-1234-7ABC-8DEF-0123456789AB") << false;
    QTest::newRow("no dashes") << QStringLiteral("019cafe012347abc8def0123456789abcdef") << false;
    QTest::newRow("dash moved") << QStringLiteral("019cafe01-234-7abc-8def-0123456789ab") << false;
    QTest::newRow("too short") << QStringLiteral("019cafe0-1234-7abc-8def-0123456789a") << false;
    QTest::newRow("too long") << QStringLiteral("019cafe0-1234-7abc-8def-0123456789abc") << false;
    QTest::newRow("not hex") << QStringLiteral("019cafe0-1234-7abc-8def-0123456789ag") << false;
    QTest::newRow("braces") << QStringLiteral("{19cafe0-1234-7abc-8def-0123456789a}") << false;
    QTest::newRow("sql") << QStringLiteral("' OR 1=1 --aaaaaaaaaaaaaaaaaaaaaaaaaa") << false;
}

void TestCoreUuid::isRecordId()
{
    QFETCH(QString, text);
    QFETCH(bool, valid);
    QCOMPARE(heart::isRecordId(text.toStdString()), valid);
}

void TestCoreUuid::uniqueWithinOneMillisecond()
{
    std::set<std::string> ids;
    for (int i = 0; i < 5000; ++i)
        ids.insert(newRecordId(kStart));
    QCOMPARE(ids.size(), std::size_t(5000));
}

void TestCoreUuid::increasingTimesSortInTimeOrder()
{
    // One id per step, steps from 1 ms to over a year: text order is time order.
    std::vector<std::string> made;
    TimePoint t = kStart;
    for (auto step : {1ms, 1ms, 2ms, 999ms, 1000ms, 60'000ms, 3'600'000ms, 86'400'000ms, 40'000'000'000ms}) {
        t += step;
        made.push_back(newRecordId(t));
    }
    std::vector<std::string> sorted = made;
    std::sort(sorted.begin(), sorted.end());
    QVERIFY(sorted == made);
    // And a time before 2000 sorts before one after it.
    QVERIFY(newRecordId(TimePoint{std::chrono::seconds{900'000'000}}) < newRecordId(kStart));
}

QTEST_GUILESS_MAIN(TestCoreUuid)
#include "tst_core_uuid.moc"
