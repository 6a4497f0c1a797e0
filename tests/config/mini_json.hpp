// Copyright (c) wsbind developers. Distributed under the Boost Software License 1.0.
// A small JSON reader for tests (objects, arrays, strings, numbers, true/false/null).
#ifndef WSBIND_TESTS_CONFIG_MINI_JSON_HPP
#define WSBIND_TESTS_CONFIG_MINI_JSON_HPP

#include <cstdint>
#include <map>
#include <memory>
#include <stdexcept>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace test::json {

struct value {
    enum class kind { null, boolean, number, string, array, object } type = kind::null;
    bool b = false;
    double n = 0;
    std::string s;
    std::vector<value> a;
    std::vector<std::string> keys; ///< object member names, in order
    std::vector<value> values;     ///< object member values (a pair<string, value> of an incomplete type is not allowed)

    [[nodiscard]] value const* get(std::string_view key) const {
        for (std::size_t i = 0; i < keys.size(); ++i)
            if (keys[i] == key) return &values[i];
        return nullptr;
    }
    [[nodiscard]] std::size_t size() const noexcept { return type == kind::object ? keys.size() : a.size(); }
    [[nodiscard]] std::string str(std::string_view key) const {
        auto const* v = get(key);
        return v && v->type == kind::string ? v->s : std::string();
    }
};

class parser {
public:
    explicit parser(std::string_view t) : t_(t) {}
    value parse() {
        value v = any();
        ws();
        if (i_ != t_.size()) fail("trailing characters");
        return v;
    }

private:
    [[noreturn]] void fail(char const* what) { throw std::runtime_error(std::string("json: ") + what + " at " + std::to_string(i_)); }
    void ws() {
        while (i_ < t_.size() && (t_[i_] == ' ' || t_[i_] == '\n' || t_[i_] == '\r' || t_[i_] == '\t')) ++i_;
    }
    bool eat(char c) {
        ws();
        if (i_ < t_.size() && t_[i_] == c) { ++i_; return true; }
        return false;
    }
    value any() {
        ws();
        if (i_ >= t_.size()) fail("unexpected end");
        char c = t_[i_];
        value v;
        if (c == '{') {
            ++i_;
            v.type = value::kind::object;
            if (eat('}')) return v;
            do {
                ws();
                std::string k = string();
                if (!eat(':')) fail("':' expected");
                v.keys.push_back(std::move(k));
                v.values.push_back(any());
            } while (eat(','));
            if (!eat('}')) fail("'}' expected");
        } else if (c == '[') {
            ++i_;
            v.type = value::kind::array;
            if (eat(']')) return v;
            do v.a.push_back(any());
            while (eat(','));
            if (!eat(']')) fail("']' expected");
        } else if (c == '"') {
            v.type = value::kind::string;
            v.s = string();
        } else if (t_.substr(i_, 4) == "true") { i_ += 4; v.type = value::kind::boolean; v.b = true; }
        else if (t_.substr(i_, 5) == "false") { i_ += 5; v.type = value::kind::boolean; }
        else if (t_.substr(i_, 4) == "null") { i_ += 4; }
        else {
            std::size_t start = i_;
            while (i_ < t_.size() && (std::string_view("+-.eE0123456789").find(t_[i_]) != std::string_view::npos)) ++i_;
            if (start == i_) fail("value expected");
            v.type = value::kind::number;
            v.n = std::stod(std::string(t_.substr(start, i_ - start)));
        }
        return v;
    }
    std::string string() {
        if (i_ >= t_.size() || t_[i_] != '"') fail("string expected");
        ++i_;
        std::string out;
        while (i_ < t_.size() && t_[i_] != '"') {
            char c = t_[i_++];
            if (c != '\\') { out += c; continue; }
            if (i_ >= t_.size()) fail("bad escape");
            char e = t_[i_++];
            switch (e) {
            case 'n': out += '\n'; break;
            case 'r': out += '\r'; break;
            case 't': out += '\t'; break;
            case 'b': out += '\b'; break;
            case 'f': out += '\f'; break;
            case 'u': {
                if (i_ + 4 > t_.size()) fail("bad \\u");
                unsigned cp = static_cast<unsigned>(std::stoul(std::string(t_.substr(i_, 4)), nullptr, 16));
                i_ += 4;
                if (cp >= 0xD800 && cp <= 0xDBFF && t_.substr(i_, 2) == "\\u") {
                    unsigned lo = static_cast<unsigned>(std::stoul(std::string(t_.substr(i_ + 2, 4)), nullptr, 16));
                    i_ += 6;
                    cp = 0x10000 + ((cp - 0xD800) << 10) + (lo - 0xDC00);
                }
                if (cp < 0x80) out += static_cast<char>(cp);
                else if (cp < 0x800) { out += static_cast<char>(0xC0 | (cp >> 6)); out += static_cast<char>(0x80 | (cp & 0x3F)); }
                else if (cp < 0x10000) {
                    out += static_cast<char>(0xE0 | (cp >> 12));
                    out += static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
                    out += static_cast<char>(0x80 | (cp & 0x3F));
                } else {
                    out += static_cast<char>(0xF0 | (cp >> 18));
                    out += static_cast<char>(0x80 | ((cp >> 12) & 0x3F));
                    out += static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
                    out += static_cast<char>(0x80 | (cp & 0x3F));
                }
                break;
            }
            default: out += e; break;
            }
        }
        if (i_ >= t_.size()) fail("unterminated string");
        ++i_;
        return out;
    }
    std::string_view t_;
    std::size_t i_ = 0;
};

inline value parse(std::string_view text) { return parser(text).parse(); }

} // namespace test::json

#endif
