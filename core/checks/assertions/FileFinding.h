#pragma once
// What one of the file checks (FileAssertion) found about the data file, before its positive or its Not
// form turns it into a pass or a failure.

#include <string>

namespace loupe {

struct FileFinding {
    bool holds = false;  // the positive form's condition ("the name equals ...") is true
    std::string observed; // the measured value, shown either way ("name = data.csv", "size = 120 bytes")
    std::string whyNot;   // the positive form's failure message (used when !holds)
    std::string why;      // the Not form's failure message (used when holds)
    std::string error;    // not empty: the check could not be made (an unreadable file); both forms fail
};

} // namespace loupe
