// Copyright (c) wsbind developers. Distributed under the Boost Software License 1.0.
#ifndef WSBIND_CONFIG_DIAGNOSTIC_HPP
#define WSBIND_CONFIG_DIAGNOSTIC_HPP

/// \file
/// `wsbind::config::diagnostic`: one located problem found while reading, resolving or validating
/// a `<system.serviceModel>` configuration.
///
/// Every diagnostic says where (file, line, column and the element path, e.g.
/// `system.serviceModel/bindings/wsHttpBinding/binding[@name='X']/security/message/@clientCredentialType`),
/// what (the message, in .NET's words where .NET has words for it, and the .NET resource key in
/// `code`), the offending value and what is allowed. The reader never throws for bad input: it
/// returns diagnostics and the caller decides (`has_errors`).

#include <wsbind/config.hpp>

#include <algorithm>
#include <cstdint>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace wsbind::config {

enum class severity : std::uint8_t {
    error,   ///< .NET refuses the configuration (or fails when it is used)
    warning, ///< read, but not modelled by wsbind, or suspicious
    note     ///< additional information attached to the diagnostic before it
};

[[nodiscard]] constexpr std::string_view to_string(severity s) noexcept {
    switch (s) {
    case severity::error: return "error";
    case severity::warning: return "warning";
    case severity::note: return "note";
    }
    return "error";
}

/// A position in a configuration file: 1-based line and column; column counts characters
/// (code points) as editors do, a tab counts one. 0 means unknown.
struct source_position {
    std::uint32_t line = 0;
    std::uint32_t column = 0;
    friend constexpr bool operator==(source_position, source_position) noexcept = default;
};

/// A place in a configuration as a byte offset into its (UTF-8) text: what the model keeps (4 bytes,
/// nothing computed while reading); a `position_index` turns it into a line and column when a
/// diagnostic or a caller needs one.
using source_offset = std::uint32_t;
/// The offset of a place not known (or not in a document: a model built in code); its position is {}.
inline constexpr source_offset unknown_offset = 0xFFFF'FFFFu;

class document;

/// Where the lines of a configuration's text start: turns offsets into line and column.
/// Built by the `document` that parsed the text, immutable afterwards, and shared with every
/// configuration read from it (which outlive the document).
class position_index {
public:
    /// Line and column of a byte offset (past the end: the end of the text).
    [[nodiscard]] source_position at(std::size_t offset) const noexcept {
        if (line_starts_.empty()) return {1, static_cast<std::uint32_t>(offset + 1)};
        offset = std::min(offset, size_);
        auto const it = std::upper_bound(line_starts_.begin(), line_starts_.end(), offset);
        auto const line = static_cast<std::size_t>(it - line_starts_.begin()); // >= 1: line_starts_[0] is 0
        std::size_t const start = line_starts_[line - 1];
        std::size_t column = offset - start + 1;
        if (!continuations_.empty()) {
            // Columns count code points: UTF-8 continuation bytes before the offset on its line do not count.
            column -= static_cast<std::size_t>(std::lower_bound(continuations_.begin(), continuations_.end(), offset) -
                                               std::lower_bound(continuations_.begin(), continuations_.end(), start));
        }
        return {static_cast<std::uint32_t>(line), static_cast<std::uint32_t>(column)};
    }
    /// As `at`, for an offset the model kept: {} when it is `unknown_offset`.
    [[nodiscard]] source_position at_offset(source_offset offset) const noexcept {
        return offset == unknown_offset ? source_position{} : at(offset);
    }

private:
    friend class document;
    std::vector<std::size_t> line_starts_;   ///< offset of each line's first byte (the first is 0)
    std::vector<std::size_t> continuations_; ///< non-ASCII text: offsets of UTF-8 continuation bytes, ascending
    std::size_t size_ = 0;                   ///< bytes of text
};

/// The position of `offset` through `index` (which may be null: a model built in code): {} if unknown.
[[nodiscard]] inline source_position position_at(position_index const* index, source_offset offset) noexcept {
    return index != nullptr ? index->at_offset(offset) : source_position{};
}

struct diagnostic {
    config::severity severity = severity::error;
    std::string file;     ///< as given to the reader ("<string>" for in-memory text)
    source_position position;
    std::string path;     ///< element path from system.serviceModel; attributes as `@name`
    std::string message;  ///< what is wrong, in .NET's words where it has them
    std::string value;    ///< the offending value as written (may be empty)
    std::string allowed;  ///< what would have been accepted (may be empty)
    std::string code;     ///< .NET resource key (e.g. Config_base_unrecognized_attribute) or wsbind key
};

/// `file:line:col: severity: message [path]`, the form compilers use (editors jump to it).
[[nodiscard]] inline std::string format(diagnostic const& d) {
    std::string out = d.file.empty() ? std::string("<input>") : d.file;
    if (d.position.line != 0) {
        out += ':';
        out += std::to_string(d.position.line);
        out += ':';
        out += std::to_string(d.position.column);
    }
    out += ": ";
    out += to_string(d.severity);
    out += ": ";
    out += d.message;
    if (!d.allowed.empty()) {
        out += " Allowed: ";
        out += d.allowed;
        if (out.back() != '.') out += '.';
    }
    if (!d.path.empty()) {
        out += " [";
        out += d.path;
        out += ']';
    }
    return out;
}

/// The diagnostics of one operation, in the order found.
class diagnostics {
public:
    using value_type = diagnostic;
    using const_iterator = std::vector<diagnostic>::const_iterator;

    void add(diagnostic d) { items_.push_back(std::move(d)); }
    void append(diagnostics const& other) { items_.insert(items_.end(), other.items_.begin(), other.items_.end()); }

    [[nodiscard]] bool has_errors() const noexcept {
        return std::any_of(items_.begin(), items_.end(), [](diagnostic const& d) { return d.severity == severity::error; });
    }
    [[nodiscard]] std::size_t count(severity s) const noexcept {
        return static_cast<std::size_t>(
            std::count_if(items_.begin(), items_.end(), [s](diagnostic const& d) { return d.severity == s; }));
    }
    [[nodiscard]] std::size_t size() const noexcept { return items_.size(); }
    [[nodiscard]] bool empty() const noexcept { return items_.empty(); }
    [[nodiscard]] diagnostic const& operator[](std::size_t i) const noexcept { return items_[i]; }
    [[nodiscard]] const_iterator begin() const noexcept { return items_.begin(); }
    [[nodiscard]] const_iterator end() const noexcept { return items_.end(); }
    [[nodiscard]] std::vector<diagnostic> const& items() const noexcept { return items_; }

    /// The first diagnostic whose code is `code`, or nullptr.
    [[nodiscard]] diagnostic const* find(std::string_view code) const noexcept {
        for (auto const& d : items_)
            if (d.code == code) return &d;
        return nullptr;
    }

private:
    std::vector<diagnostic> items_;
};

} // namespace wsbind::config

#endif
