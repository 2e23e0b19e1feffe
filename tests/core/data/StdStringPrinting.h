#pragma once
// Lets QCOMPARE print std::string and std::string_view values when a comparison fails.
// Include after <QtTest>.

#include <QtTest>

#include <string>
#include <string_view>

namespace QTest {

template <>
inline char *toString(const std::string_view &text)
{
    std::string quoted = "\"";
    quoted.append(text);
    quoted += '"';
    return qstrdup(quoted.c_str());
}

template <>
inline char *toString(const std::string &text)
{
    return toString(std::string_view(text));
}

} // namespace QTest
