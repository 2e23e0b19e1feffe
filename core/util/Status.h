#pragma once
// Status and Result<T>: expected failures as values (bad input, I/O errors, cancellation).
// Broken preconditions are assertions, not Status values.

#include <optional>
#include <string>
#include <utility>

namespace loupe {

enum class StatusCode {
    Ok,
    InvalidInput, // the input (file, argument, spec) is malformed; message says where
    IoError,      // the file system or database refused
    Cancelled,    // the user asked to stop; not an error
    Failed,       // the computation ran but could not produce a result (e.g. diverged)
};

class Status {
public:
    Status() = default;
    static Status ok() { return Status(); }
    static Status error(StatusCode code, std::string message)
    {
        Status s;
        s.m_code = code;
        s.m_message = std::move(message);
        return s;
    }
    static Status invalidInput(std::string message) { return error(StatusCode::InvalidInput, std::move(message)); }
    static Status ioError(std::string message) { return error(StatusCode::IoError, std::move(message)); }
    static Status cancelled() { return error(StatusCode::Cancelled, "cancelled"); }

    bool isOk() const { return m_code == StatusCode::Ok; }
    bool isCancelled() const { return m_code == StatusCode::Cancelled; }
    StatusCode code() const { return m_code; }
    const std::string &message() const { return m_message; }

private:
    StatusCode m_code = StatusCode::Ok;
    std::string m_message;
};

// A value or the Status that explains why there is none.
template <typename T>
class Result {
public:
    Result(T value) : m_value(std::move(value)) {}
    Result(Status status) : m_status(std::move(status)) {}

    bool isOk() const { return m_value.has_value(); }
    const Status &status() const { return m_status; }
    const std::string &message() const { return m_status.message(); }

    // requires: isOk()
    T &value() { return *m_value; }
    const T &value() const { return *m_value; }
    T takeValue() { return std::move(*m_value); }

private:
    std::optional<T> m_value;
    Status m_status;
};

} // namespace loupe
