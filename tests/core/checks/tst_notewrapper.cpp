// NoteWrapper: marbles' note layout (dedent, 72 columns with the tab counted as one, paragraphs
// wrapped on their own, long words kept whole, hanging indents for list items).
#include "core/checks/report/NoteWrapper.h"

#include <QtTest>

#include <sstream>

using namespace loupe;

Q_DECLARE_METATYPE(std::vector<std::string>)

namespace {

std::vector<std::string> lines(std::initializer_list<const char *> items)
{
    return std::vector<std::string>(items.begin(), items.end());
}

QString joined(const std::vector<std::string> &items)
{
    QStringList out;
    for (const std::string &item : items)
        out << QString::fromStdString(item);
    return out.join(QLatin1Char('|'));
}

} // namespace

class TestNoteWrapper : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void wrap_data()
    {
        QTest::addColumn<QString>("note");
        QTest::addColumn<int>("width");
        QTest::addColumn<std::vector<std::string>>("expected");
        QTest::newRow("short note unchanged") << "No CEO can be born before 1888-07-02" << 72
                                              << lines({"No CEO can be born before 1888-07-02"});
        // Width 20 leaves 19 columns after the tab.
        QTest::newRow("greedy fill") << "aaaa bbbb cccc dddd eeee ffff" << 20
                                     << lines({"aaaa bbbb cccc dddd", "eeee ffff"});
        QTest::newRow("exactly the room") << "aaaaaaaaa bbbbbbbbb" << 20 << lines({"aaaaaaaaa bbbbbbbbb"});
        QTest::newRow("one over the room") << "aaaaaaaaa bbbbbbbbbb" << 20 << lines({"aaaaaaaaa", "bbbbbbbbbb"});
        QTest::newRow("long word kept whole") << "see https://example.com/a/very/long/path now" << 20
                                              << lines({"see", "https://example.com/a/very/long/path", "now"});
        QTest::newRow("line breaks inside a paragraph are spaces") << "one two\nthree four" << 72
                                                                   << lines({"one two three four"});
        QTest::newRow("paragraphs wrapped on their own") << "first part\n\n\nsecond part" << 72
                                                         << lines({"first part", "", "second part"});
        QTest::newRow("dedent of an indented note") << "    indented line\n      deeper line" << 72
                                                    << lines({"indented line deeper line"});
        QTest::newRow("numbered list hanging indent") << "1. check the loader again today\n2. ask data" << 20
                                                      << lines({"1. check the loader", "   again today", "2. ask data"});
        QTest::newRow("letter list") << "a) first item here ok\nb) second" << 20
                                     << lines({"a) first item here", "   ok", "b) second"});
        QTest::newRow("dash list") << "- alpha beta gamma delta\n- x" << 20 << lines({"- alpha beta gamma", "  delta", "- x"});
        QTest::newRow("not a list: a word") << "Ab) is not a marker" << 72 << lines({"Ab) is not a marker"});
        QTest::newRow("not a list: no space") << "1.5 is a number" << 72 << lines({"1.5 is a number"});
        QTest::newRow("leading and trailing blank lines dropped") << "\n\nnote\n\n" << 72 << lines({"note"});
        QTest::newRow("empty note") << "" << 72 << lines({});
    }

    void wrap()
    {
        QFETCH(QString, note);
        QFETCH(int, width);
        QFETCH(std::vector<std::string>, expected);
        QCOMPARE(joined(NoteWrapper::wrap(note.toStdString(), width)), joined(expected));
    }

    void noLineExceedsTheWidth()
    {
        // One paragraph of 200 words with line breaks inside: every word comes back once, in
        // order; no line exceeds the width (the tab counts one) and each is filled greedily, so
        // the next line's first word would not have fitted.
        std::string note;
        std::vector<std::string> words;
        for (int i = 0; i < 200; ++i) {
            words.push_back("word" + std::to_string(i % 7) + std::string(static_cast<std::size_t>(i % 4), 'x'));
            note += words.back() + (i % 11 == 0 ? "\n" : " ");
        }
        const std::vector<std::string> wrapped = NoteWrapper::wrap(note);
        QVERIFY2(wrapped.size() > 20, qPrintable(QString::number(wrapped.size())));
        std::vector<std::string> rewrapped;
        for (std::size_t i = 0; i < wrapped.size(); ++i) {
            const std::string &line = wrapped[i];
            QVERIFY2(!line.empty() && line.front() != ' ' && line.back() != ' ', line.c_str());
            QVERIFY2(line.size() + 1 <= std::size_t(NoteWrapper::defaultWidth), line.c_str());
            std::istringstream lineWords(line);
            std::string word;
            while (lineWords >> word)
                rewrapped.push_back(word);
            if (i + 1 < wrapped.size()) {
                const std::string next = wrapped[i + 1].substr(0, wrapped[i + 1].find(' '));
                QVERIFY2(line.size() + 1 + next.size() + 1 > std::size_t(NoteWrapper::defaultWidth),
                         qPrintable(QString::fromStdString(line + " | " + next)));
            }
        }
        QCOMPARE(rewrapped, words);
    }
};

QTEST_APPLESS_MAIN(TestNoteWrapper)
#include "tst_notewrapper.moc"
