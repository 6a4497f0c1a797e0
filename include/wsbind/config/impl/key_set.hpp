// Copyright (c) wsbind developers. Distributed under the Boost Software License 1.0.
#ifndef WSBIND_CONFIG_IMPL_KEY_SET_HPP
#define WSBIND_CONFIG_IMPL_KEY_SET_HPP

/// \file
/// Lookup of configuration entries by key without an allocation per entry: an open-addressing
/// table of (hash of the key, index of the entry). The keys stay where they are (in the model);
/// the caller compares them, and only when two hashes are equal.

#include <cstddef>
#include <limits>
#include <utility>
#include <vector>

namespace wsbind::config::detail {

class key_set {
public:
    static constexpr std::size_t npos = std::numeric_limits<std::size_t>::max();

    explicit key_set(std::size_t expected = 0) { grow(expected); }

    /// The index of an entry whose key hashes to `hash` and for which `same(index)` holds (the
    /// entry has the very key), or npos.
    template <class Same>
    [[nodiscard]] std::size_t find(std::size_t hash, Same&& same) const {
        for (std::size_t i = hash & mask_;; i = (i + 1) & mask_) {
            auto const& s = slots_[i];
            if (!s.used) return npos;
            if (s.hash == hash && same(s.index)) return s.index;
        }
    }
    /// Adds an entry (the caller knows its key is not present yet).
    void insert(std::size_t hash, std::size_t index) {
        if (2 * (count_ + 1) > slots_.size()) grow(count_ + 1);
        place(hash, index);
        ++count_;
    }
    void clear() noexcept {
        for (auto& s : slots_) s = slot{};
        count_ = 0;
    }

private:
    struct slot {
        std::size_t hash = 0;
        std::size_t index = 0;
        bool used = false;
    };
    void place(std::size_t hash, std::size_t index) noexcept {
        for (std::size_t i = hash & mask_;; i = (i + 1) & mask_)
            if (!slots_[i].used) {
                slots_[i] = slot{hash, index, true};
                return;
            }
    }
    void grow(std::size_t expected) {
        std::size_t capacity = 16;
        while (capacity < 2 * expected + 2) capacity *= 2;
        if (capacity <= slots_.size()) return;
        std::vector<slot> old = std::move(slots_);
        slots_.assign(capacity, slot{});
        mask_ = capacity - 1;
        for (auto const& s : old)
            if (s.used) place(s.hash, s.index);
    }
    std::vector<slot> slots_;
    std::size_t mask_ = 0;
    std::size_t count_ = 0;
};

} // namespace wsbind::config::detail

#endif
