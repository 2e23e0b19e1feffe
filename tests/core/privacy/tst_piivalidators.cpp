// PII validators and the whole-value matching of PiiTextScanner: valid values and near misses for every
// kind (SSA rules, Luhn and issuer ranges, IBAN lengths and mod-97, e-mail, phone, IPv4, IPv6, dates).
#include "core/privacy/PiiTextScanner.h"
#include "core/privacy/PiiValidators.h"

#include <QtTest>

using namespace loupe;

Q_DECLARE_METATYPE(loupe::PiiKind)

namespace {

enum Hint { NoHint = 0, SsnColumn = 1, PhoneColumn = 2, BirthColumn = 4 };

ColumnNameHints hintsFrom(int hint)
{
    ColumnNameHints hints;
    hints.ssn = hint & SsnColumn;
    hints.phone = hint & PhoneColumn;
    hints.birthDate = hint & BirthColumn;
    return hints;
}

} // namespace

class TestPiiValidators : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void wholeValue_data();
    void wholeValue();
    void ssnRules_data();
    void ssnRules();
    void cardIssuers_data();
    void cardIssuers();
    void ibanLengths();
    void luhn();
};

void TestPiiValidators::wholeValue_data()
{
    QTest::addColumn<PiiKind>("kind");
    QTest::addColumn<QByteArray>("text");
    QTest::addColumn<int>("hint");
    QTest::addColumn<bool>("valid");

    const auto row = [](const char *name, PiiKind kind, const char *text, int hint, bool valid) {
        QTest::newRow(name) << kind << QByteArray(text) << hint << valid;
    };
    // SSN
    row("ssn dashes", PiiKind::Ssn, "123-45-6789", NoHint, true);
    row("ssn spaces", PiiKind::Ssn, "536 22 1097", NoHint, true);
    row("ssn area 666", PiiKind::Ssn, "666-12-3456", NoHint, false);
    row("ssn area 000", PiiKind::Ssn, "000-12-3456", NoHint, false);
    row("ssn area 9xx", PiiKind::Ssn, "912-12-3456", NoHint, false);
    row("ssn group 00", PiiKind::Ssn, "123-00-4567", NoHint, false);
    row("ssn serial 0000", PiiKind::Ssn, "123-45-0000", NoHint, false);
    row("ssn mixed separators", PiiKind::Ssn, "123-45 6789", NoHint, false);
    row("ssn all same digits", PiiKind::Ssn, "111-11-1111", NoHint, false);
    row("ssn advertised", PiiKind::Ssn, "078-05-1120", NoHint, false);
    row("ssn bare in ssn column", PiiKind::Ssn, "536221097", SsnColumn, true);
    row("ssn bare elsewhere", PiiKind::Ssn, "536221097", NoHint, false);
    row("ssn too long group", PiiKind::Ssn, "123-456-7890", NoHint, false);
    // Cards
    row("visa", PiiKind::CreditCard, "4111111111111111", NoHint, true);
    row("visa spaced", PiiKind::CreditCard, "4111 1111 1111 1111", NoHint, true);
    row("visa dashed", PiiKind::CreditCard, "4012-8888-8888-1881", NoHint, true);
    row("visa 13", PiiKind::CreditCard, "4222222222222", NoHint, true);
    row("visa luhn off by one", PiiKind::CreditCard, "4111111111111112", NoHint, false);
    row("visa mixed separators", PiiKind::CreditCard, "4111 1111-1111 1111", NoHint, false);
    row("visa odd grouping", PiiKind::CreditCard, "41 111111 1111 1111", NoHint, false);
    row("mastercard 5x", PiiKind::CreditCard, "5555555555554444", NoHint, true);
    row("mastercard 2221", PiiKind::CreditCard, "2221000000000009", NoHint, true);
    row("mastercard 2720", PiiKind::CreditCard, "2720000000000005", NoHint, true);
    row("2721 is no issuer", PiiKind::CreditCard, "2721000000000004", NoHint, false);
    row("amex", PiiKind::CreditCard, "378282246310005", NoHint, true);
    row("amex printed", PiiKind::CreditCard, "3782 822463 10005", NoHint, true);
    row("amex luhn off", PiiKind::CreditCard, "378282246310006", NoHint, false);
    row("discover", PiiKind::CreditCard, "6011111111111117", NoHint, true);
    row("jcb", PiiKind::CreditCard, "3530111333300000", NoHint, true);
    row("diners 14", PiiKind::CreditCard, "30569309025904", NoHint, true);
    row("unionpay", PiiKind::CreditCard, "6200000000000005", NoHint, true);
    row("maestro 19", PiiKind::CreditCard, "6759000000000000005", NoHint, true);
    row("unknown prefix", PiiKind::CreditCard, "9111111111111111", NoHint, false);
    row("visa wrong length 15", PiiKind::CreditCard, "411111111111116", NoHint, false);
    // IBAN
    row("iban de printed", PiiKind::Iban, "DE89 3704 0044 0532 0130 00", NoHint, true);
    row("iban de electronic", PiiKind::Iban, "DE89370400440532013000", NoHint, true);
    row("iban gb letters", PiiKind::Iban, "GB82 WEST 1234 5698 7654 32", NoHint, true);
    row("iban fr", PiiKind::Iban, "FR14 2004 1010 0505 0001 3M02 606", NoHint, true);
    row("iban no", PiiKind::Iban, "NO9386011117947", NoHint, true);
    row("iban wrong check digits", PiiKind::Iban, "DE88370400440532013000", NoHint, false);
    row("iban last digit changed", PiiKind::Iban, "DE89370400440532013001", NoHint, false);
    row("iban too short for DE", PiiKind::Iban, "DE8937040044053201300", NoHint, false);
    row("iban unknown country", PiiKind::Iban, "XX89370400440532013000", NoHint, false);
    row("iban lower case", PiiKind::Iban, "de89370400440532013000", NoHint, false);
    // E-mail
    row("email", PiiKind::Email, "john.smith@example.com", NoHint, true);
    row("email plus tag", PiiKind::Email, "a+news@mail.example.co.uk", NoHint, true);
    row("email no tld", PiiKind::Email, "john@localhost", NoHint, false);
    row("email double dot", PiiKind::Email, "john..smith@example.com", NoHint, false);
    row("email numeric tld", PiiKind::Email, "john@example.123", NoHint, false);
    row("email hyphen label", PiiKind::Email, "john@-example.com", NoHint, false);
    row("email empty local", PiiKind::Email, "@example.com", NoHint, false);
    // Phone
    row("phone parens", PiiKind::Phone, "(212) 555-0123", NoHint, true);
    row("phone parens tight", PiiKind::Phone, "(212)555-0123", NoHint, true);
    row("phone dashes", PiiKind::Phone, "212-555-0123", NoHint, true);
    row("phone dots", PiiKind::Phone, "212.555.0123", NoHint, true);
    row("phone +1 spaces", PiiKind::Phone, "+1 212 555 0123", NoHint, true);
    row("phone trunk 1-", PiiKind::Phone, "1-212-555-0123", NoHint, true);
    row("phone e164 uk", PiiKind::Phone, "+44 20 7946 0958", NoHint, true);
    row("phone e164 compact", PiiKind::Phone, "+4930123456", NoHint, true);
    row("phone area starts 1", PiiKind::Phone, "(112) 555-0123", NoHint, false);
    row("phone exchange N11", PiiKind::Phone, "212-911-0123", NoHint, false);
    row("phone mixed separators", PiiKind::Phone, "212-555.0123", NoHint, false);
    row("phone +1 too short", PiiKind::Phone, "+1 212 555 012", NoHint, false);
    row("phone e164 too long", PiiKind::Phone, "+4930123456789012", NoHint, false);
    row("phone bare in phone column", PiiKind::Phone, "2125550123", PhoneColumn, true);
    row("phone bare elsewhere", PiiKind::Phone, "2125550123", NoHint, false);
    // IPv4
    row("ipv4", PiiKind::Ipv4, "192.168.1.20", NoHint, true);
    row("ipv4 zeros", PiiKind::Ipv4, "0.0.0.0", NoHint, true);
    row("ipv4 256", PiiKind::Ipv4, "256.1.1.1", NoHint, false);
    row("ipv4 leading zero", PiiKind::Ipv4, "192.168.01.1", NoHint, false);
    row("ipv4 five parts", PiiKind::Ipv4, "1.2.3.4.5", NoHint, false);
    row("ipv4 three parts", PiiKind::Ipv4, "10.0.1", NoHint, false);
    // IPv6
    row("ipv6 full", PiiKind::Ipv6, "2001:0db8:85a3:0000:0000:8a2e:0370:7334", NoHint, true);
    row("ipv6 compressed", PiiKind::Ipv6, "2001:db8::8a2e:370:7334", NoHint, true);
    row("ipv6 loopback", PiiKind::Ipv6, "::1", NoHint, true);
    row("ipv6 link local", PiiKind::Ipv6, "fe80::1", NoHint, true);
    row("ipv6 mapped ipv4", PiiKind::Ipv6, "::ffff:192.168.1.1", NoHint, true);
    row("ipv6 two gaps", PiiKind::Ipv6, "2001::db8::1", NoHint, false);
    row("ipv6 group too long", PiiKind::Ipv6, "2001:db8:85a3:00000:0:8a2e:370:7334", NoHint, false);
    row("ipv6 seven groups", PiiKind::Ipv6, "2001:db8:85a3:0:0:8a2e:370", NoHint, false);
    row("ipv6 not hex", PiiKind::Ipv6, "2001:db8::g1", NoHint, false);
    row("ipv6 unspecified", PiiKind::Ipv6, "::", NoHint, false);
    row("mac address", PiiKind::Ipv6, "00:1a:2b:3c:4d:5e", NoHint, false);
    row("clock time", PiiKind::Ipv6, "12:30:45", NoHint, false);
    // Birth dates
    row("birth iso", PiiKind::BirthDate, "1985-03-02", BirthColumn, true);
    row("birth us", PiiKind::BirthDate, "03/02/1985", BirthColumn, true);
    row("birth dotted", PiiKind::BirthDate, "02.03.1985", BirthColumn, true);
    row("birth compact", PiiKind::BirthDate, "19850302", BirthColumn, true);
    row("birth feb 30", PiiKind::BirthDate, "1985-02-30", BirthColumn, false);
    row("birth month 13", PiiKind::BirthDate, "1985-13-02", BirthColumn, false);
    row("birth leap day", PiiKind::BirthDate, "2000-02-29", BirthColumn, true);
    row("birth non leap", PiiKind::BirthDate, "1900-02-29", BirthColumn, false);
    row("date outside birth column", PiiKind::BirthDate, "1985-03-02", NoHint, false);
}

void TestPiiValidators::wholeValue()
{
    QFETCH(PiiKind, kind);
    QFETCH(QByteArray, text);
    QFETCH(int, hint);
    QFETCH(bool, valid);
    const PiiTextScanner scanner(hintsFrom(hint));
    std::vector<PiiSpan> spans;
    scanner.scan(std::string_view(text.constData(), text.size()), spans);
    QVERIFY2(scanner.matchesWhole(std::string_view(text.constData(), text.size()), kind) == valid,
             qPrintable(QStringLiteral("%1 spans, first kind %2")
                            .arg(spans.size())
                            .arg(spans.empty() ? QString("-") : QString::fromLatin1(piiKindName(spans[0].kind).data()))));
}

void TestPiiValidators::ssnRules_data()
{
    QTest::addColumn<QByteArray>("text");
    QTest::addColumn<bool>("valid");
    QTest::newRow("valid") << QByteArray("123-45-6789") << true;
    QTest::newRow("valid bare") << QByteArray("123456789") << true;
    QTest::newRow("area 899 ok") << QByteArray("899-45-6789") << true;
    QTest::newRow("area 900") << QByteArray("900-45-6789") << false;
    QTest::newRow("area 665 ok") << QByteArray("665-45-6789") << true;
    QTest::newRow("area 666") << QByteArray("666-45-6789") << false;
    QTest::newRow("group 00") << QByteArray("123-00-6789") << false;
    QTest::newRow("serial 0000") << QByteArray("123-45-0000") << false;
    QTest::newRow("letters") << QByteArray("12a-45-6789") << false;
    QTest::newRow("8 digits") << QByteArray("12345678") << false;
}

void TestPiiValidators::ssnRules()
{
    QFETCH(QByteArray, text);
    QFETCH(bool, valid);
    QCOMPARE(isValidSsn(std::string_view(text.constData(), text.size())), valid);
}

void TestPiiValidators::cardIssuers_data()
{
    QTest::addColumn<QByteArray>("digits");
    QTest::addColumn<int>("issuer"); // -1: none
    QTest::newRow("visa") << QByteArray("4111111111111111") << int(CardIssuer::Visa);
    QTest::newRow("mc 51") << QByteArray("5105105105105100") << int(CardIssuer::Mastercard);
    QTest::newRow("mc 2221") << QByteArray("2221000000000009") << int(CardIssuer::Mastercard);
    QTest::newRow("mc 2720") << QByteArray("2720000000000005") << int(CardIssuer::Mastercard);
    QTest::newRow("2220 none") << QByteArray("2220000000000000") << -1;
    QTest::newRow("amex 34") << QByteArray("340000000000009") << int(CardIssuer::Amex);
    QTest::newRow("amex 16 digits none") << QByteArray("3400000000000009") << -1;
    QTest::newRow("discover 65") << QByteArray("6500000000000002") << int(CardIssuer::Discover);
    QTest::newRow("discover 622126") << QByteArray("6221260000000000") << int(CardIssuer::Discover);
    QTest::newRow("unionpay 6221") << QByteArray("6221000000000000") << int(CardIssuer::UnionPay);
    QTest::newRow("jcb 3528") << QByteArray("3528000000000007") << int(CardIssuer::Jcb);
    QTest::newRow("jcb 3589") << QByteArray("3589000000000003") << int(CardIssuer::Jcb);
    QTest::newRow("diners 36") << QByteArray("36000000000008") << int(CardIssuer::Diners);
    QTest::newRow("mir") << QByteArray("2200000000000004") << int(CardIssuer::Mir);
    QTest::newRow("maestro") << QByteArray("6759649826438453") << int(CardIssuer::Maestro);
    QTest::newRow("too short") << QByteArray("41111111111") << -1;
}

void TestPiiValidators::cardIssuers()
{
    QFETCH(QByteArray, digits);
    QFETCH(int, issuer);
    const auto found = cardIssuer(std::string_view(digits.constData(), digits.size()));
    QCOMPARE(found ? int(*found) : -1, issuer);
}

void TestPiiValidators::ibanLengths()
{
    QCOMPARE(ibanLength("DE").value_or(0), 22);
    QCOMPARE(ibanLength("NO").value_or(0), 15);
    QCOMPARE(ibanLength("MT").value_or(0), 31);
    QVERIFY(!ibanLength("US"));
    QVERIFY(isValidIban("CH9300762011623852957"));
    QVERIFY(!isValidIban("CH9300762011623852958"));
    QVERIFY(!isValidIban("DE89 3704 0044 0532 0130 0")); // printed, one digit short
    QVERIFY(!isValidIban("DE89 37040044 0532 0130 00")); // groups not of four
}

void TestPiiValidators::luhn()
{
    QVERIFY(luhnValid("79927398713"));
    QVERIFY(!luhnValid("79927398710"));
    QVERIFY(!luhnValid(""));
    QVERIFY(isValidCardNumber("4111-1111-1111-1111"));
    QVERIFY(!isValidCardNumber("4111--1111-1111-1111"));
    QVERIFY(!isValidCardNumber("-4111111111111111"));
}

QTEST_APPLESS_MAIN(TestPiiValidators)

#include "tst_piivalidators.moc"
