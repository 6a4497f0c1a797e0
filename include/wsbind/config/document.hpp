// Copyright (c) wsbind developers. Distributed under the Boost Software License 1.0.
#ifndef WSBIND_CONFIG_DOCUMENT_HPP
#define WSBIND_CONFIG_DOCUMENT_HPP

/// \file
/// `wsbind::config::document`: a configuration file parsed with pugixml, with line and column for
/// every element and attribute, and the input checks .NET's XmlReader makes before a configuration
/// is read:
///  - size and element-count limits checked before parsing, nesting depth after (bounded memory);
///  - byte order marks: UTF-8 (skipped), UTF-16 LE/BE (converted); UTF-32 refused;
///  - the encoding declaration: utf-8, utf-16 (needs a BOM), us-ascii, iso-8859-1, windows-1252;
///  - invalid UTF-8, characters XML forbids, undeclared entity references: refused with their place;
///  - DOCTYPE: refused (no DTD processing, so no entity expansion tricks);
///  - malformed XML: pugixml's error, located where pugixml found it, in XmlReader's words where
///    possible (a mismatched end tag names the start tag it should have closed and where that is).
/// Errors go to the caller's `diagnostics`; `ok()` is false and the document is empty after one.

#include <wsbind/config/diagnostic.hpp>

#include <pugixml.hpp>

#include <cstddef>
#include <cstdint>
#include <iosfwd>
#include <memory>
#include <string>
#include <string_view>
#include <type_traits>
#include <vector>

namespace wsbind::config {

static_assert(std::is_same_v<pugi::char_t, char>, "wsbind::config needs pugixml built without PUGIXML_WCHAR_MODE");

/// Limits that bound the memory and time one configuration file can take.
struct load_options {
    std::size_t max_file_size = 16u * 1024u * 1024u; ///< bytes, checked before reading the content
    std::size_t max_elements = 1'000'000;            ///< markup items ('<'), checked before parsing
    std::size_t max_depth = 128;                     ///< element nesting, checked after parsing
};

class document {
public:
    document() = default;
    document(document const&) = delete;
    document& operator=(document const&) = delete;

    /// Loads a file. `display_name` (default: the path) is what diagnostics print.
    bool load_file(std::string const& path, diagnostics& diags, load_options const& options = {},
                   std::string display_name = {});
    /// Loads text held in memory (bytes of a file, any supported encoding).
    bool load_string(std::string_view bytes, std::string display_name, diagnostics& diags,
                     load_options const& options = {});
    /// Loads everything a stream delivers (up to the size limit).
    bool load_stream(std::istream& in, std::string display_name, diagnostics& diags, load_options const& options = {});

    [[nodiscard]] bool ok() const noexcept { return ok_; }
    [[nodiscard]] pugi::xml_document const& xml() const noexcept { return xml_; }
    [[nodiscard]] pugi::xml_node root() const noexcept { return xml_.document_element(); }
    [[nodiscard]] std::string const& name() const noexcept { return name_; }
    /// Where an element starts (its name), a text node's text, an attribute's name, or an
    /// attribute's value.
    [[nodiscard]] source_position position_of(pugi::xml_node node) const noexcept;
    [[nodiscard]] source_position position_of(pugi::xml_attribute attr) const noexcept;
    [[nodiscard]] source_position position_of_value(pugi::xml_attribute attr) const noexcept;
    /// Line and column of a byte offset in the (UTF-8) text.
    [[nodiscard]] source_position position_at(std::size_t offset) const noexcept;
    /// The byte offsets of the places `position_of` and `position_of_value` locate (what the model
    /// keeps; `unknown_offset` where those give {}): `positions()->at_offset(offset_of(x)) ==
    /// position_of(x)`.
    [[nodiscard]] source_offset offset_of(pugi::xml_node node) const noexcept;
    [[nodiscard]] source_offset offset_of(pugi::xml_attribute attr) const noexcept;
    [[nodiscard]] source_offset offset_of_value(pugi::xml_attribute attr) const noexcept;
    /// The offset of a name or value pugixml gave for this document (`attr.value()`, ...);
    /// `unknown_offset` for text outside the document (pugixml's shared "" of an empty value).
    [[nodiscard]] source_offset offset_of_text(char const* name_or_value) const noexcept { return byte_offset(name_or_value); }
    /// The line index of the loaded text, shared with whatever keeps offsets into it (a
    /// configuration read from this document); it outlives the document.
    [[nodiscard]] std::shared_ptr<position_index const> positions() const noexcept { return index_; }

private:
    bool parse(std::string utf8, diagnostics& diags, load_options const& options, bool in_place_allowed);
    void error(diagnostics& diags, std::size_t offset, std::string message, std::string code, std::string value = {}) const;
    [[nodiscard]] source_offset byte_offset(char const* p) const noexcept;
    void finish_positions();

    pugi::xml_document xml_;
    std::string name_;
    std::string original_;              ///< the UTF-8 text; for an ASCII document, also what pugixml parses in place
    std::unique_ptr<char[]> buffer_;    ///< otherwise pugixml parses a copy here (columns count code points of original_)
    char const* base_ = nullptr;        ///< the parsed buffer: names and values point into it
    std::size_t base_size_ = 0;
    bool retry_ = false;                ///< an in-place parse failed: parse a copy to report on pristine text
    std::shared_ptr<position_index> index_ = std::make_shared<position_index>(); ///< line starts of original_
    mutable std::size_t last_line_ = 0; ///< cache of position_at (positions are asked in document order)
    bool ascii_ = true;                 ///< pure ASCII: columns are byte offsets
    bool ok_ = false;
};

} // namespace wsbind::config

#include <wsbind/config/impl/document.hpp>

#endif
