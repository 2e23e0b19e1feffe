// PiiTextScanner on free text: values found inside sentences with their exact spans, neighbours that must
// not match (glued letters, longer numbers), several findings per cell, and the masks of PiiMasker.
#include "core/privacy/PiiMasker.h"
#include "core/privacy/PiiTextScanner.h"

#include <QtTest>

using namespace loupe;

namespace {

// "kind:text|kind:text" of every finding, for compact expectations.
QString describe(std::string_view text, const ColumnNameHints &hints = {})
{
    std::vector<PiiSpan> spans;
    PiiTextScanner(hints).scan(text, spans);
    QStringList parts;
    for (const PiiSpan &span : spans)
        parts << QString::fromLatin1(piiKindName(span.kind).data()) + ':'
                + QString::fromUtf8(text.substr(span.offset, span.length).data(), int(span.length));
    return parts.join('|');
}

} // namespace

class TestPiiTextScanner : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void inText_data();
    void inText();
    void birthDateContext();
    void masks_data();
    void masks();
    void masksNeverShowWholeValue_data();
    void masksNeverShowWholeValue();
    void maskWhole();
};

void TestPiiTextScanner::inText_data()
{
    QTest::addColumn<QByteArray>("text");
    QTest::addColumn<QString>("expected");
    const auto row = [](const char *text, const char *expected) {
        QTest::newRow(text) << QByteArray(text) << QString::fromLatin1(expected);
    };
    row("verify SSN 536-22-1097", "ssn:536-22-1097");
    row("SSN:536-22-1097.", "ssn:536-22-1097");
    row("card 4111 1111 1111 1111 declined, retry", "credit_card:4111 1111 1111 1111");
    row("refund to card 4111-1111-1111-1111", "credit_card:4111-1111-1111-1111");
    row("mail john.smith@example.com or call (212) 555-0123",
        "email:john.smith@example.com|phone:(212) 555-0123");
    row("Contact: <Jane.Doe@mail.example.org>.", "email:Jane.Doe@mail.example.org");
    row("from 10.0.0.1 and 2001:db8::1 today", "ipv4:10.0.0.1|ipv6:2001:db8::1");
    row("server fe80::1%eth0", "ipv6:fe80::1");
    row("pay to DE89 3704 0044 0532 0130 00 now", "iban:DE89 3704 0044 0532 0130 00");
    row("IBAN:GB82WEST12345698765432", "iban:GB82WEST12345698765432");
    row("+1 212 555 0123 and +44 20 7946 0958", "phone:+1 212 555 0123|phone:+44 20 7946 0958");
    row("ssn 536-22-1097 card 4111111111111111", "ssn:536-22-1097|credit_card:4111111111111111");
    // near misses in text
    row("order 536-22-10975", "");
    row("id536-22-1097", "");
    row("ref 536-22-1097x", "");
    row("v1.2.3.4.5 build", "");
    row("version 256.1.1.1", "");
    row("total 4111111111111112 cents", "");
    row("at 12:30:45 on std::string", "");
    row("mac 00:1a:2b:3c:4d:5e", "");
    row("price 12.50 for 3 items on 2024-01-05", "");
    row("user@localhost", "");
    row("plain words only, nothing here", "");
    row("", "");
}

void TestPiiTextScanner::inText()
{
    QFETCH(QByteArray, text);
    QFETCH(QString, expected);
    QCOMPARE(describe(std::string_view(text.constData(), text.size())), expected);
}

void TestPiiTextScanner::birthDateContext()
{
    QCOMPARE(describe("born 1985-03-02 in Ohio"), QString("birth_date:1985-03-02"));
    QCOMPARE(describe("DOB: 03/02/1985"), QString("birth_date:03/02/1985"));
    QCOMPARE(describe("shipped 1985-03-02"), QString());
    ColumnNameHints birth;
    birth.birthDate = true;
    QCOMPARE(describe("1985-03-02", birth), QString("birth_date:1985-03-02"));
    QCOMPARE(describe("approx. 02.03.1985 (per passport)", birth), QString("birth_date:02.03.1985"));
    QCOMPARE(describe("1985-02-30", birth), QString());
}

void TestPiiTextScanner::masks_data()
{
    QTest::addColumn<int>("kind");
    QTest::addColumn<QByteArray>("value");
    QTest::addColumn<QByteArray>("masked");
    QTest::newRow("ssn") << int(PiiKind::Ssn) << QByteArray("123-45-6789") << QByteArray("***-**-6789");
    QTest::newRow("card spaced") << int(PiiKind::CreditCard) << QByteArray("4111 1111 1111 1111")
                                 << QByteArray("4111 **** **** 1111");
    QTest::newRow("card compact") << int(PiiKind::CreditCard) << QByteArray("4111111111111111")
                                  << QByteArray("4111********1111");
    QTest::newRow("email") << int(PiiKind::Email) << QByteArray("john@example.com") << QByteArray("j***@example.com");
    QTest::newRow("email one char") << int(PiiKind::Email) << QByteArray("j@example.com")
                                    << QByteArray("***@example.com");
    QTest::newRow("phone") << int(PiiKind::Phone) << QByteArray("(212) 555-0123") << QByteArray("(***) ***-0123");
    QTest::newRow("iban") << int(PiiKind::Iban) << QByteArray("DE89 3704 0044 0532 0130 00")
                          << QByteArray("DE** **** **** **** **30 00");
    QTest::newRow("ipv4") << int(PiiKind::Ipv4) << QByteArray("192.168.1.20") << QByteArray("192.***.*.**");
    QTest::newRow("ipv6") << int(PiiKind::Ipv6) << QByteArray("2001:db8::1") << QByteArray("2001:***::*");
    QTest::newRow("birth") << int(PiiKind::BirthDate) << QByteArray("1985-03-02") << QByteArray("19**-**-**");
    QTest::newRow("birth us") << int(PiiKind::BirthDate) << QByteArray("03/02/1985") << QByteArray("**/**/19**");
}

void TestPiiTextScanner::masks()
{
    QFETCH(int, kind);
    QFETCH(QByteArray, value);
    QFETCH(QByteArray, masked);
    QCOMPARE(QByteArray::fromStdString(PiiMasker::mask(PiiKind(kind), value.toStdString())), masked);
}

void TestPiiTextScanner::masksNeverShowWholeValue_data()
{
    QTest::addColumn<int>("kind");
    QTest::addColumn<QByteArray>("value");
    QTest::newRow("ssn") << int(PiiKind::Ssn) << QByteArray("536221097");
    QTest::newRow("short phone digits") << int(PiiKind::Phone) << QByteArray("5550");
    QTest::newRow("card 12") << int(PiiKind::CreditCard) << QByteArray("501234567891");
    QTest::newRow("ipv4") << int(PiiKind::Ipv4) << QByteArray("1.1.1.1");
    QTest::newRow("ipv6 loopback") << int(PiiKind::Ipv6) << QByteArray("::1");
    QTest::newRow("email") << int(PiiKind::Email) << QByteArray("ab@x.io");
    QTest::newRow("iban") << int(PiiKind::Iban) << QByteArray("NO9386011117947");
    QTest::newRow("birth") << int(PiiKind::BirthDate) << QByteArray("19850302");
}

void TestPiiTextScanner::masksNeverShowWholeValue()
{
    QFETCH(int, kind);
    QFETCH(QByteArray, value);
    const std::string masked = PiiMasker::mask(PiiKind(kind), value.toStdString());
    QCOMPARE(masked.size() >= 1, true);
    QVERIFY2(masked != value.toStdString(), masked.c_str());
    QVERIFY2(masked.find('*') != std::string::npos, masked.c_str());
    // No masked text keeps every letter or digit of the value.
    int kept = 0, total = 0;
    for (std::size_t i = 0; i < std::size_t(value.size()) && i < masked.size(); ++i) {
        const bool alnum = std::isalnum(static_cast<unsigned char>(value[int(i)]));
        total += alnum;
        kept += alnum && masked[i] == value[int(i)];
    }
    QVERIFY(kept < total);
}

void TestPiiTextScanner::maskWhole()
{
    QCOMPARE(PiiMasker::maskWhole("Alice Smith"), std::string("A**********"));
    QCOMPARE(PiiMasker::maskWhole("abc"), std::string("***"));
    QCOMPARE(PiiMasker::maskWhole(""), std::string());
    QCOMPARE(PiiMasker::maskWhole("Zoë Ng"), std::string("Z*****"));
}

QTEST_APPLESS_MAIN(TestPiiTextScanner)

#include "tst_piitextscanner.moc"
