// Copyright (c) wsbind developers. Distributed under the Boost Software License 1.0.
#ifndef WSBIND_CONFIG_VALUES_HPP
#define WSBIND_CONFIG_VALUES_HPP

/// \file
/// Configuration values parsed with .NET Framework 4.8's exact rules, each failure explained in
/// .NET's words with what is allowed (wcf-config-facts.md §6):
///  - booleans: trimmed, `true`/`false` in any case (BooleanConverter);
///  - integers: trimmed, optional sign, decimal or hex with `#`, `0x`, `&h` (Int32/Int64Converter),
///    then the inclusive range of the setting (IntegerValidator/LongValidator);
///  - enumerations: exact, case-sensitive names, no surrounding whitespace, no numbers
///    (GenericEnumConverter); flags enumerations accept comma-separated names;
///    the "class factory" types MessageVersion, MessageSecurityVersion and ReliableMessagingVersion
///    also accept `Default`;
///  - TimeSpan: `Infinite` in any case, else TimeSpan.Parse (core's `parse_timespan`), then the range;
///  - text encodings: names as Encoding.GetEncoding knows them, of which WCF's text encoders accept
///    UTF-8, UTF-16 and UTF-16BE (EncodingConverter, TextMessageEncodingBindingElement);
///  - URIs: `new Uri(text, UriKind.RelativeOrAbsolute)` (UriTypeConverter).

#include <wsbind/config/diagnostic.hpp>
#include <wsbind/core/enums.hpp>
#include <wsbind/core/print.hpp>
#include <wsbind/core/schema.hpp>
#include <wsbind/core/timespan.hpp>

#include <cstdint>
#include <limits>
#include <optional>
#include <string>
#include <string_view>

namespace wsbind::config {

/// What a value must look like: the parts of a schema entry the parser needs.
struct value_spec {
    value_kind kind = value_kind::string;
    enum_table const* enums = nullptr;
    std::int64_t min = 0;   ///< inclusive; ticks for timespans
    std::int64_t max = 0;   ///< inclusive; ticks for timespans (Infinite is always accepted)
    bool uri = false;       ///< a string that must be a URI (proxyAddress, clientBaseAddress, ...)
    /// Enumerations: names accepted in this place when narrower than the whole enum (e.g.
    /// basicHttpBinding's message clientCredentialType: "UserName, Certificate"); empty = all.
    std::string_view allowed_names{};
};

/// A parsed value, or why the text was refused.
struct parsed_value {
    setting_value value;
    bool ok = false;
    std::string message;  ///< the complete .NET-style message (names the property)
    std::string allowed;  ///< what the setting accepts
    std::string code;     ///< .NET resource key
    [[nodiscard]] explicit operator bool() const noexcept { return ok; }
};

/// Parses `text` (an attribute value exactly as written) for the property `property`.
[[nodiscard]] parsed_value parse_value(value_spec const& spec, std::string_view text, std::string_view property);

/// The value of `text` when it is written in a form nearly every file uses and is in range: an
/// exact enumeration name, `true`/`false` (any case), a plain decimal integer, a TimeSpan
/// `hh:mm:ss`. What `parse_value` gives for it, without building a `parsed_value`. False for
/// anything else, including every invalid value: `parse_value` then gives the value or the
/// diagnostic.
[[nodiscard]] bool parse_plain_value(value_spec const& spec, std::string_view text, setting_value& out) noexcept;

/// The configuration string of a value (.NET's form): booleans `true`/`false`, decimal integers,
/// enum names (flags joined by ", "), TimeSpan as .NET prints it (`Infinite` for the maximum).
[[nodiscard]] std::string format_value(value_spec const& spec, setting_value const& v);

/// The text describing what a setting accepts ("true or false", "an integer in 1-2147483647",
/// "one of: None, Transport, Message", ...).
[[nodiscard]] std::string describe_allowed(value_spec const& spec);

/// The value_spec of a binding schema entry.
[[nodiscard]] value_spec spec_of(setting const& s);

/// Whether `text` is a URI .NET accepts with UriKind.RelativeOrAbsolute; if not, `why` says why.
[[nodiscard]] bool is_valid_uri(std::string_view text, std::string& why);

/// Whether `text` is an absolute URI (`scheme:` followed by `//authority`), and its scheme.
[[nodiscard]] bool is_absolute_uri(std::string_view text, std::string* scheme = nullptr);

/// Text encodings by name, as EncodingConverter and Encoding.GetEncoding read them.
enum class encoding_lookup : std::uint8_t {
    supported,    ///< utf-8, utf-16 or unicodeFFFE: accepted by WCF's text and MTOM encoders
    unsupported,  ///< a real encoding WCF's encoders refuse (us-ascii, iso-8859-1, utf-32, ...)
    unknown       ///< not an encoding name .NET knows
};
[[nodiscard]] encoding_lookup lookup_encoding(std::string_view name, text_encoding& out) noexcept;

} // namespace wsbind::config

#include <wsbind/config/impl/values.hpp>

#endif
