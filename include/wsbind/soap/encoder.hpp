// Copyright (c) wsbind developers. Distributed under the Boost Software License 1.0.
#ifndef WSBIND_SOAP_ENCODER_HPP
#define WSBIND_SOAP_ENCODER_HPP

/// \file
/// WCF's text message encoder: envelopes to and from bytes, with the checks WCF makes.
///
/// Reading (`decode`): the Content-Type must name the encoder's media type (`text/xml` for SOAP 1.1,
/// `application/soap+xml` for SOAP 1.2) with a charset WCF supports (utf-8, utf-16, unicodeFFFE;
/// absent = detected) — otherwise HTTP 415 with WCF's words; the bytes must be well-formed XML
/// without a DTD, an `Envelope` of the encoder's SOAP version (the other version's envelope is a
/// VersionMismatch fault), `Header` optional and first, `Body` required; readerQuotas maxDepth and
/// maxStringContentLength are enforced (the message size was already bounded by the transport
/// before it was read). Under WS-Addressing 1.0 the addressing headers are read and marked
/// understood; under SOAP 1.1 without addressing the action is the HTTP SOAPAction. Every refusal
/// is a `fault_reply` (a Sender fault and HTTP 400, or 415) saying what was wrong and where.
///
/// Writing (`encode`): UTF-8, no declaration, no insignificant whitespace; addressing headers in
/// WCF's order (Action with mustUnderstand, MessageID, RelatesTo, ReplyTo, To with
/// mustUnderstand); an empty Header is left out; SOAP 1.2 MustUnderstand faults carry
/// `s:NotUnderstood` headers.

#include <wsbind/core/description.hpp>
#include <wsbind/soap/fault.hpp>
#include <wsbind/soap/message.hpp>
#include <wsbind/soap/version.hpp>
#include <wsbind/soap/xml.hpp>

#include <algorithm>
#include <cstring>
#include <optional>
#include <string>
#include <string_view>

namespace wsbind::soap {

/// A decoded message, or why there is none.
struct decode_result {
    std::optional<message> value;
    std::optional<fault_reply> failure;
    /// HTTP 415: the request's content type is not the encoder's (no SOAP body is sent then).
    [[nodiscard]] bool unsupported_media_type() const noexcept { return failure && failure->http_status == 415; }
};

namespace detail {

[[nodiscard]] inline std::string_view trim(std::string_view s) noexcept {
    while (!s.empty() && (s.front() == ' ' || s.front() == '\t')) s.remove_prefix(1);
    while (!s.empty() && (s.back() == ' ' || s.back() == '\t')) s.remove_suffix(1);
    return s;
}
[[nodiscard]] inline bool iequals(std::string_view a, std::string_view b) noexcept {
    if (a.size() != b.size()) return false;
    for (std::size_t i = 0; i < a.size(); ++i) {
        char x = a[i], y = b[i];
        if (x >= 'A' && x <= 'Z') x = static_cast<char>(x - 'A' + 'a');
        if (y >= 'A' && y <= 'Z') y = static_cast<char>(y - 'A' + 'a');
        if (x != y) return false;
    }
    return true;
}

/// A Content-Type split into media type and the parameters wsbind looks at.
struct content_type_parts {
    std::string_view media;
    std::string_view charset;  ///< unquoted; empty when absent
    std::string_view action;   ///< SOAP 1.2 action parameter, unquoted
};
[[nodiscard]] inline content_type_parts split_content_type(std::string_view ct) noexcept {
    content_type_parts p;
    auto const semi = ct.find(';');
    p.media = trim(ct.substr(0, semi));
    while (semi != std::string_view::npos && !ct.empty()) {
        ct.remove_prefix(ct.find(';') + 1);
        auto const next = ct.find(';');
        auto param = trim(ct.substr(0, next));
        auto const eq = param.find('=');
        if (eq != std::string_view::npos) {
            auto name = trim(param.substr(0, eq));
            auto value = trim(param.substr(eq + 1));
            if (value.size() >= 2 && value.front() == '"' && value.back() == '"') value = value.substr(1, value.size() - 2);
            if (iequals(name, "charset")) p.charset = value;
            else if (iequals(name, "action")) p.action = value;
        }
        if (next == std::string_view::npos) break;
    }
    return p;
}

/// The number of '<' bytes in `bytes` that are not followed by '/': at least the number of start
/// tags, whatever the encoding.
[[nodiscard]] inline std::size_t start_tag_bound(std::string_view bytes) noexcept {
    std::size_t n = 0;
    char const* p = bytes.data();
    char const* const end = p + bytes.size();
    while ((p = static_cast<char const*>(std::memchr(p, '<', static_cast<std::size_t>(end - p)))) != nullptr) {
        ++p;
        if (p == end || *p != '/') ++n;
    }
    return n;
}

} // namespace detail

class text_encoder {
public:
    explicit text_encoder(message_version v, reader_quotas_settings quotas = {}) noexcept : version_(v), quotas_(quotas) {}

    [[nodiscard]] message_version version() const noexcept { return version_; }
    [[nodiscard]] reader_quotas_settings const& quotas() const noexcept { return quotas_; }
    /// The Content-Type of messages this encoder writes.
    [[nodiscard]] std::string_view content_type() const noexcept { return soap::content_type(version_.envelope); }

    /// Checks a received Content-Type as WCF's IsContentTypeSupported does; nullopt when
    /// supported, else WCF's 415 text.
    [[nodiscard]] std::optional<std::string> check_content_type(std::optional<std::string_view> received) const {
        auto const expected = content_type();
        if (received == expected) return std::nullopt; // what wsbind and WCF send (no parsing)
        auto refuse = [&] {
            return "Cannot process the message because the content type '" + std::string(received.value_or("")) +
                   "' was not the expected type '" + std::string(expected) + "'.";
        };
        if (!received) return refuse();
        auto const parts = detail::split_content_type(*received);
        if (!detail::iequals(parts.media, media_type(version_.envelope))) return refuse();
        if (!parts.charset.empty() && !detail::iequals(parts.charset, "utf-8") && !detail::iequals(parts.charset, "utf-16") &&
            !detail::iequals(parts.charset, "unicodeFFFE") && !detail::iequals(parts.charset, "utf-16be") &&
            !detail::iequals(parts.charset, "utf-16le"))
            return refuse();
        return std::nullopt;
    }

    /// Reads a message from `bytes` received with `content_type` (and, for SOAP 1.1, the HTTP
    /// SOAPAction header). The message keeps a copy of the bytes (`raw()`).
    [[nodiscard]] decode_result decode(std::string_view bytes, std::optional<std::string_view> content_type,
                                       std::optional<std::string_view> soap_action = std::nullopt) const {
        return decode_impl(std::string(bytes), content_type, soap_action, true);
    }
    /// As `decode`, parsing `bytes` in place (no copy; the message owns them; `raw()` stays empty).
    [[nodiscard]] decode_result decode_in_place(std::string&& bytes, std::optional<std::string_view> content_type,
                                                std::optional<std::string_view> soap_action = std::nullopt) const {
        return decode_impl(std::move(bytes), content_type, soap_action, false);
    }

private:
    [[nodiscard]] decode_result decode_impl(std::string bytes_in, std::optional<std::string_view> content_type,
                                            std::optional<std::string_view> soap_action, bool keep_raw) const {
        // Every return is `return r` (one object, returned without a move); the message is built in it.
        decode_result r;
        if (auto refused = check_content_type(content_type)) {
            r.failure = fault_reply{bad_message(std::move(*refused)), 415};
            return r;
        }
        auto fail = [&](fault f) {
            r.value.reset();
            r.failure = fault_reply{std::move(f), 400};
        };
        message& m = message::access::emplace(r.value, version_);
        if (keep_raw) message::access::raw(m) = bytes_in;
        auto& buffer = message::access::buffer(m);
        buffer = std::move(bytes_in);
        auto const charset = *content_type == this->content_type() ? std::string_view("utf-8")
                                                                  : detail::split_content_type(*content_type).charset;
        auto const encoding = detail::iequals(charset, "utf-8") ? pugi::encoding_utf8
                            : detail::iequals(charset, "utf-16be") || detail::iequals(charset, "unicodeFFFE") ? pugi::encoding_utf16_be
                            : detail::iequals(charset, "utf-16le") ? pugi::encoding_utf16_le
                                                                    : pugi::encoding_auto;
        // XML 1.0 has no control characters (other than tab, LF, CR); pugixml would take them, WCF's
        // reader refuses them. Checked wherever the parser will read single bytes (UTF-8, also what it
        // detects without a UTF-16/32 byte order mark or zero byte up front).
        auto const byte_at = [&](std::size_t i) { return i < buffer.size() ? static_cast<unsigned char>(buffer[i]) : 1u; };
        bool const wide = byte_at(0) == 0 || byte_at(1) == 0 || (byte_at(0) == 0xfe && byte_at(1) == 0xff) ||
                          (byte_at(0) == 0xff && byte_at(1) == 0xfe);
        if (encoding == pugi::encoding_utf8 || (encoding == pugi::encoding_auto && !wide)) {
            if (auto const at = xml::find_control_character(buffer); at != std::string_view::npos) {
                char hex[3];
                auto const c = static_cast<unsigned char>(buffer[at]);
                hex[0] = "0123456789ABCDEF"[c >> 4];
                hex[1] = "0123456789ABCDEF"[c & 15];
                hex[2] = '\0';
                fail(bad_message("The message is not well-formed XML: the character with hexadecimal value 0x" + std::string(hex) +
                                 " at byte offset " + std::to_string(at) +
                                 " is an invalid character (XML 1.0 allows no control characters other than tab, "
                                 "line feed and carriage return)."));
                return r;
            }
        }
        // Nesting is bounded by the number of '<' bytes not followed by '/' (an over-count in any
        // encoding): when that is within maxDepth the depth needs no walk. Counted before the
        // parser rewrites the buffer.
        bool const depth_fits = detail::start_tag_bound(buffer) <= static_cast<std::size_t>(std::max(quotas_.max_depth, 0));
        auto& doc = m.document();
        auto const parsed = doc.load_buffer_inplace(buffer.data(), buffer.size(), pugi::parse_default | pugi::parse_doctype, encoding);
        if (!parsed) {
            fail(bad_message("The message is not well-formed XML: " + std::string(parsed.description()) +
                             " at byte offset " + std::to_string(parsed.offset) + "."));
            return r;
        }
        for (auto n = doc.first_child(); n; n = n.next_sibling())
            if (n.type() == pugi::node_doctype) {
                fail(bad_message("For security reasons DTD is prohibited in this XML document (a SOAP message "
                                 "must not have a document type declaration)."));
                return r;
            }
        // No string in the document can be longer than the bytes it came from (UTF-8: at most 1.5
        // times as many bytes as UTF-16 input): then only the depth needs a look.
        bool const strings_fit = buffer.size() + buffer.size() / 2 <= static_cast<std::size_t>(quotas_.max_string_content_length);
        if (!strings_fit || !depth_fits)
            if (auto why = check_quotas(doc, !strings_fit)) {
                fail(bad_message(std::move(*why)));
                return r;
            }

        auto const env_ns = envelope_namespace(version_.envelope);
        auto const root = doc.document_element();
        auto const root_ns = xml::namespace_of(root);
        if (xml::local_name(root) != "Envelope" || (root_ns != ns::soap11_envelope && root_ns != ns::soap12_envelope)) {
            fail(bad_message("The message is not a SOAP envelope: its root element is '" + std::string(root.name()) +
                             "' in namespace '" + std::string(root_ns) + "', expected 'Envelope' in namespace '" +
                             std::string(env_ns) + "'."));
            return r;
        }
        if (root_ns != env_ns) {
            fault f;
            f.code = fault_code::version_mismatch;
            f.reason = "The envelope version of the incoming message (" + version_name(root_ns) +
                       ") does not match that of the encoder (" + version_name(env_ns) +
                       "). Make sure the binding is configured with the same version as the expected messages.";
            fail(std::move(f));
            return r;
        }
        pugi::xml_node header, body;
        for (auto c = xml::first_element(root); c; c = xml::next_element(c)) {
            bool const in_env = xml::namespace_of(c) == env_ns;
            auto const local = xml::local_name(c);
            if (in_env && local == "Header" && !header && !body) header = c;
            else if (in_env && local == "Body" && !body) body = c;
            else if (!body) {
                fail(bad_message("Unexpected element '" + std::string(c.name()) +
                                 "' in the SOAP Envelope: only an optional Header and then the Body may appear."));
                return r;
            } else if (version_.envelope == envelope_version::soap12) {
                fail(bad_message("Unexpected element '" + std::string(c.name()) +
                                 "' after the SOAP 1.2 Body: nothing may follow the Body."));
                return r;
            }
        }
        if (!body) {
            fail(bad_message("The SOAP Envelope has no Body element."));
            return r;
        }
        message::access::set_parts(m, root, header, body);

        if (version_.addressing == addressing_version::ws_addressing_10) {
            if (auto f = read_addressing(m)) {
                fail(std::move(*f));
                return r;
            }
        } else if (soap_action) {
            auto a = detail::trim(*soap_action);
            if (a.size() >= 2 && a.front() == '"' && a.back() == '"') a = a.substr(1, a.size() - 2);
            m.addressing().action.assign(a);
        } else if (version_.envelope == envelope_version::soap12) {
            m.addressing().action.assign(detail::split_content_type(*content_type).action);
        }
        return r;
    }

public:
    /// Writes `m` as UTF-8 bytes, with its addressing headers.
    [[nodiscard]] std::string encode(message& m) const {
        std::string out;
        encode_into(out, m);
        return out;
    }
    /// Appends `m`, encoded, to `out`. Outbound messages are written as text straight into
    /// `out` (the envelope from fragments, the header and Body nodes when there are any, then
    /// `body_text()`); other messages (read by an encoder, or faults with a detail) through their
    /// document.
    void encode_into(std::string& out, message& m) const {
        using namespace std::string_view_literals; // appends without strlen
        auto const& f = m.outbound_fault();
        if (!m.is_outbound() || (f && !f->detail_xml.empty())) return encode_document(out, m);
        bool const wsa = version_.addressing == addressing_version::ws_addressing_10;
        bool const dom = m.has_document();
        out.reserve(out.size() + 384 + m.body_text().size());
        auto open = [&](std::string_view name, pugi::xml_node from) {
            out += '<';
            out += name;
            if (!from) return;
            for (auto a = from.first_attribute(); a; a = a.next_attribute()) {
                out += ' ';
                out += a.name();
                out += "=\""sv;
                xml::append_escaped(out, a.value());
                out += '"';
            }
        };
        auto print_children = [&](pugi::xml_node parent) {
            xml::string_writer w(out);
            for (auto c = parent.first_child(); c; c = c.next_sibling())
                c.print(w, "", pugi::format_raw | pugi::format_no_declaration, pugi::encoding_utf8);
        };
        if (dom) {
            open("s:Envelope", m.envelope());
        } else {
            out += "<s:Envelope xmlns:s=\""sv;
            out += envelope_namespace(version_.envelope);
            out += '"';
            if (wsa) {
                out += " xmlns:a=\""sv;
                out += ns::ws_addressing_10;
                out += '"';
            }
        }
        out += '>';

        auto const header_start = out.size();
        open("s:Header", dom ? m.header() : pugi::xml_node());
        out += '>';
        auto const header_content = out.size();
        if (wsa) {
            auto const& a = m.addressing();
            auto element = [&](std::string_view name, std::string const& value, bool must_understand) {
                if (value.empty()) return;
                out += "<a:"sv;
                out += name;
                if (must_understand) out += " s:mustUnderstand=\"1\""sv;
                out += '>';
                xml::append_text_escaped(out, value);
                out += "</a:"sv;
                out += name;
                out += '>';
            };
            element("Action", a.action, true);
            element("MessageID", a.message_id, false);
            element("RelatesTo", a.relates_to, false);
            if (!a.reply_to.empty()) {
                out += "<a:ReplyTo><a:Address>"sv;
                xml::append_text_escaped(out, a.reply_to);
                out += "</a:Address></a:ReplyTo>"sv;
            }
            element("To", a.to, true);
        }
        if (dom) print_children(m.header());
        if (f && version_.envelope == envelope_version::soap12)
            for (auto const& q : f->not_understood) {
                out += "<s:NotUnderstood qname=\"p:"sv;
                xml::append_escaped(out, q.local);
                out += "\" xmlns:p=\""sv;
                xml::append_escaped(out, q.ns);
                out += "\"/>"sv;
            }
        if (out.size() == header_content) out.resize(header_start); // an empty Header is left out
        else out += "</s:Header>"sv;

        open("s:Body", dom ? m.body() : pugi::xml_node());
        auto const body_open = out.size();
        out += '>';
        if (f) append_fault(out, *f, version_.envelope);
        else {
            if (dom) print_children(m.body());
            out += m.body_text();
        }
        if (out.size() == body_open + 1) {
            out.back() = '/';
            out += "></s:Envelope>"sv;
        } else {
            out += "</s:Body></s:Envelope>"sv;
        }
    }

private:
    /// Writes `m` through its document (messages read by an encoder, faults with a detail).
    void encode_document(std::string& out, message& m) const {
        auto env = m.envelope();
        auto header = m.header();
        auto const& a = m.addressing();
        if (version_.addressing == addressing_version::ws_addressing_10) {
            if (!header) header = env.prepend_child("s:Header");
            // Prepended in reverse: Action, MessageID, RelatesTo, ReplyTo, To.
            if (!a.to.empty()) {
                auto to = header.prepend_child("a:To");
                to.append_attribute("s:mustUnderstand") = "1";
                to.text().set(a.to.c_str());
            }
            if (!a.reply_to.empty())
                header.prepend_child("a:ReplyTo").append_child("a:Address").text().set(a.reply_to.c_str());
            if (!a.relates_to.empty()) header.prepend_child("a:RelatesTo").text().set(a.relates_to.c_str());
            if (!a.message_id.empty()) header.prepend_child("a:MessageID").text().set(a.message_id.c_str());
            if (!a.action.empty()) {
                auto act = header.prepend_child("a:Action");
                act.append_attribute("s:mustUnderstand") = "1";
                act.text().set(a.action.c_str());
            }
        }
        if (auto const& f = m.outbound_fault()) {
            if (version_.envelope == envelope_version::soap12)
                for (auto const& q : f->not_understood) {
                    auto nu = header.append_child("s:NotUnderstood");
                    nu.append_attribute("qname") = ("p:" + q.local).c_str();
                    nu.append_attribute("xmlns:p") = q.ns.c_str();
                }
            std::string text;
            append_fault(text, *f, version_.envelope);
            auto body = m.body();
            body.remove_children();
            body.append_buffer(text.data(), text.size(), pugi::parse_default, pugi::encoding_utf8);
        } else if (!m.body_text().empty()) {
            m.body().append_buffer(m.body_text().data(), m.body_text().size(), pugi::parse_default, pugi::encoding_utf8);
        }
        if (header && !header.first_child()) env.remove_child(header);
        xml::string_writer w(out);
        m.document().save(w, "", pugi::format_raw | pugi::format_no_declaration, pugi::encoding_utf8);
    }

    [[nodiscard]] static std::string version_name(std::string_view ns) {
        return (ns == ns::soap11_envelope ? "Soap11 (" : "Soap12 (") + std::string(ns) + ")";
    }

    /// readerQuotas that apply to the envelope as a whole (element depth, and text length when
    /// `check_strings`).
    [[nodiscard]] std::optional<std::string> check_quotas(pugi::xml_document const& doc, bool check_strings) const {
        auto const max_depth = quotas_.max_depth;
        auto const max_string = static_cast<std::size_t>(quotas_.max_string_content_length);
        int depth = 0;
        pugi::xml_node n = doc.first_child();
        while (n) {
            if (n.type() == pugi::node_element) {
                ++depth;
                if (depth > max_depth)
                    return "The maximum read depth (" + std::to_string(max_depth) +
                           ") has been exceeded because XML data being read has more levels of nesting than is allowed by "
                           "the quota. This quota may be increased by changing the MaxDepth property on the "
                           "XmlDictionaryReaderQuotas object used when creating the XML reader (readerQuotas maxDepth).";
                for (auto a = check_strings ? n.first_attribute() : pugi::xml_attribute(); a; a = a.next_attribute()) {
                    std::string_view const name = a.name();
                    if (name.substr(0, 5) == "xmlns" && (name.size() == 5 || name[5] == ':')) continue; // namespaces: name table
                    if (std::char_traits<char>::length(a.value()) > max_string) return string_quota_text();
                }
                if (n.first_child()) { n = n.first_child(); continue; }
                --depth;
            } else if (check_strings && (n.type() == pugi::node_pcdata || n.type() == pugi::node_cdata) &&
                       std::char_traits<char>::length(n.value()) > max_string) {
                return string_quota_text();
            }
            while (n && !n.next_sibling()) {
                n = n.parent();
                if (n && n.type() == pugi::node_element) --depth;
                if (n == doc) return std::nullopt;
            }
            if (n) n = n.next_sibling();
        }
        return std::nullopt;
    }
    [[nodiscard]] std::string string_quota_text() const {
        return "The maximum string content length quota (" + std::to_string(quotas_.max_string_content_length) +
               ") has been exceeded while reading XML data. This quota may be increased by changing the "
               "MaxStringContentLength property on the XmlDictionaryReaderQuotas object used when creating the XML reader "
               "(readerQuotas maxStringContentLength).";
    }

    /// Reads WS-Addressing 1.0 headers into the message and marks them understood.
    [[nodiscard]] std::optional<fault> read_addressing(message& m) const {
        auto& a = m.addressing();
        // Headers that declare no namespace of their own resolve their prefix in the Header's
        // scope: looked up once per prefix, not once per header.
        std::string_view scope_prefix, scope_ns;
        bool scoped = false;
        for (auto h = xml::first_element(m.header()); h; h = xml::next_element(h)) {
            std::string_view h_ns;
            if (xml::declares_namespace(h)) {
                h_ns = xml::namespace_of(h);
            } else {
                auto const prefix = xml::prefix_of(h.name());
                if (!scoped || prefix != scope_prefix) {
                    scope_prefix = prefix;
                    scope_ns = xml::lookup_namespace(m.header(), prefix);
                    scoped = true;
                }
                h_ns = scope_ns;
            }
            if (h_ns != ns::ws_addressing_10) continue;
            auto const local = xml::local_name(h);
            std::string* target = nullptr;
            bool epr = false;
            if (local == "Action") target = &a.action;
            else if (local == "MessageID") target = &a.message_id;
            else if (local == "RelatesTo") target = &a.relates_to;
            else if (local == "To") target = &a.to;
            else if (local == "ReplyTo") { target = &a.reply_to; epr = true; }
            else if (local == "FaultTo") { target = &a.fault_to; epr = true; }
            else if (local == "From") { target = &a.from; epr = true; }
            if (target == nullptr) continue;
            if (!target->empty()) {
                fault f;
                f.code = fault_code::sender;
                f.subcodes.push_back({std::string(ns::ws_addressing_10), "InvalidAddressingHeader"});
                f.subcodes.push_back({std::string(ns::ws_addressing_10), "InvalidCardinality"});
                f.reason = "Multiple headers with name '" + std::string(local) + "' and namespace '" +
                           std::string(ns::ws_addressing_10) + "' found.";
                return f;
            }
            auto const holder = epr ? xml::child(h, ns::ws_addressing_10, "Address") : h;
            if (auto const single = xml::single_text_of(holder)) target->assign(detail::trim(*single));
            else target->assign(detail::trim(xml::text_of(holder)));
            if (target->empty() && !epr) *target = " "; // present but empty: keep "present" for the cardinality check
            m.mark_understood(h);
        }
        for (auto* s : {&a.action, &a.message_id, &a.relates_to, &a.to})
            if (*s == " ") s->clear();
        return std::nullopt;
    }

    message_version version_;
    reader_quotas_settings quotas_;
};

/// The text encoder of a binding description (its message version and readerQuotas); nullopt when
/// the binding's message version is not one wsbind carries.
[[nodiscard]] inline std::optional<text_encoder> encoder_for(binding_description const& d) {
    auto const v = message_version_of(d);
    if (!v) return std::nullopt;
    return text_encoder(*v, d.encoder.reader_quotas);
}

} // namespace wsbind::soap

#endif
