// Copyright (c) wsbind developers. Distributed under the Boost Software License 1.0.
#ifndef WSBIND_SOAP_VERSION_HPP
#define WSBIND_SOAP_VERSION_HPP

/// \file
/// SOAP envelope and WS-Addressing versions, their namespaces and HTTP media types, and the
/// message version a binding's encoder uses.

#include <wsbind/core/description.hpp>
#include <wsbind/core/facts.hpp>

#include <cstdint>
#include <optional>
#include <string_view>

namespace wsbind::soap {

enum class envelope_version : std::uint8_t { soap11, soap12 };
enum class addressing_version : std::uint8_t { none, ws_addressing_10 };

/// A MessageVersion: envelope plus addressing (Soap11 = soap11 + none, Soap12WSAddressing10 = soap12 + 1.0).
struct message_version {
    envelope_version envelope = envelope_version::soap12;
    addressing_version addressing = addressing_version::ws_addressing_10;
    friend constexpr bool operator==(message_version, message_version) = default;
};

inline constexpr message_version soap11 {envelope_version::soap11, addressing_version::none};
inline constexpr message_version soap12_ws_addressing10{envelope_version::soap12, addressing_version::ws_addressing_10};
inline constexpr message_version soap11_ws_addressing10{envelope_version::soap11, addressing_version::ws_addressing_10};
inline constexpr message_version soap12{envelope_version::soap12, addressing_version::none};

namespace ns {
inline constexpr std::string_view soap11_envelope = "http://schemas.xmlsoap.org/soap/envelope/";
inline constexpr std::string_view soap12_envelope = "http://www.w3.org/2003/05/soap-envelope";
inline constexpr std::string_view ws_addressing_10 = "http://www.w3.org/2005/08/addressing";
/// The namespace WCF gives addressing fault subcodes when the message version has no addressing.
inline constexpr std::string_view addressing_none = "http://schemas.microsoft.com/ws/2005/05/addressing/none";
/// WCF's dispatcher faults (InternalServiceFault, DeserializationFailed).
inline constexpr std::string_view wcf_dispatcher = "http://schemas.microsoft.com/net/2005/12/windowscommunicationfoundation/dispatcher";
inline constexpr std::string_view xml = "http://www.w3.org/XML/1998/namespace";
inline constexpr std::string_view xsi = "http://www.w3.org/2001/XMLSchema-instance";
} // namespace ns

inline constexpr std::string_view anonymous_address = "http://www.w3.org/2005/08/addressing/anonymous";
/// The Action of faults under WS-Addressing 1.0.
inline constexpr std::string_view ws_addressing_10_fault_action = "http://www.w3.org/2005/08/addressing/soap/fault";
/// The Action WCF gives faults when the message version has no addressing.
inline constexpr std::string_view addressing_none_fault_action =
    "http://schemas.microsoft.com/net/2005/12/windowscommunicationfoundation/dispatcher/fault";

[[nodiscard]] constexpr std::string_view envelope_namespace(envelope_version v) noexcept {
    return v == envelope_version::soap11 ? ns::soap11_envelope : ns::soap12_envelope;
}
/// The namespace addressing fault subcodes (ActionNotSupported) are in.
[[nodiscard]] constexpr std::string_view addressing_namespace(addressing_version a) noexcept {
    return a == addressing_version::ws_addressing_10 ? ns::ws_addressing_10 : ns::addressing_none;
}
[[nodiscard]] constexpr std::string_view fault_action(addressing_version a) noexcept {
    return a == addressing_version::ws_addressing_10 ? ws_addressing_10_fault_action : addressing_none_fault_action;
}
/// The media type of the text encoder: `text/xml` (SOAP 1.1) or `application/soap+xml` (SOAP 1.2).
[[nodiscard]] constexpr std::string_view media_type(envelope_version v) noexcept {
    return v == envelope_version::soap11 ? "text/xml" : "application/soap+xml";
}
/// The Content-Type WCF's text encoder writes (UTF-8).
[[nodiscard]] constexpr std::string_view content_type(envelope_version v) noexcept {
    return v == envelope_version::soap11 ? "text/xml; charset=utf-8" : "application/soap+xml; charset=utf-8";
}

/// The message version of a binding's encoder; nullopt for versions wsbind does not carry
/// (MessageVersion.None, WS-Addressing August 2004).
[[nodiscard]] constexpr std::optional<message_version> message_version_of(binding_description const& d) noexcept {
    auto const soap = soap_version(d);
    auto const a = addressing_of(d);
    if (soap == 0 || a == wsbind::addressing_version::august_2004) return std::nullopt;
    return message_version{soap == 11 ? envelope_version::soap11 : envelope_version::soap12,
                           a == wsbind::addressing_version::ws_addressing_10 ? addressing_version::ws_addressing_10
                                                                             : addressing_version::none};
}

} // namespace wsbind::soap

#endif
