#pragma once
// The three exit codes every loupe-cli command uses (docs/cli.md).

namespace loupe::cli {

enum class ExitCode : int {
    Success = 0,  // the command did what was asked and found nothing wrong
    Failures = 1, // the command ran, but what it examined failed (a failed data test, a diverged run)
    BadInput = 2, // bad usage or bad input; a message on stderr says what and where
};

inline int toInt(ExitCode code)
{
    return static_cast<int>(code);
}

} // namespace loupe::cli
