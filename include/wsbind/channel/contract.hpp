// Copyright (c) wsbind developers. Distributed under the Boost Software License 1.0.
#ifndef WSBIND_CHANNEL_CONTRACT_HPP
#define WSBIND_CHANNEL_CONTRACT_HPP

/// \file
/// Service contracts: operations keyed by action.
///
/// An operation is either raw — its handler gets the request Body's element as a pugixml node and
/// writes the reply Body — or typed: a function of DataContract primitives (soap/data_contract.hpp)
/// exposed as a WCF document/literal wrapped operation. Actions are named as WCF names them:
/// `<namespace>/<contract>/<operation>` (a '/' added after the namespace unless it ends with one),
/// replies `...Response`.
///
///     wsbind::service_contract calculator{"ICalculator", "http://Microsoft.ServiceModel.Samples"};
///     calculator.add("Add", {"n1", "n2"}, [](double a, double b) { return a + b; });
///
/// A handler that throws `wsbind::fault_exception` sends that fault; any other exception sends
/// WCF's InternalServiceFault (or the exception's text with include_exception_detail_in_faults).

#include <wsbind/soap/data_contract.hpp>
#include <wsbind/soap/fault.hpp>
#include <wsbind/soap/message.hpp>
#include <wsbind/soap/xml.hpp>

#include <functional>
#include <initializer_list>
#include <stdexcept>
#include <string>
#include <string_view>
#include <tuple>
#include <type_traits>
#include <utility>
#include <vector>

namespace wsbind {

/// An exception carrying a SOAP fault: thrown by handlers to fault, and by `call_result::get()`
/// when the service answered with one (WCF's FaultException).
class fault_exception : public std::runtime_error {
public:
    explicit fault_exception(soap::fault f) : std::runtime_error(f.reason), fault_(std::move(f)) {}
    [[nodiscard]] soap::fault const& fault() const noexcept { return fault_; }

private:
    soap::fault fault_;
};

/// A communication failure: no answer, or an answer that is not the reply (WCF's CommunicationException).
class communication_error : public std::runtime_error {
public:
    using std::runtime_error::runtime_error;
};

/// What a raw operation handler sees.
struct operation_context {
    soap::message const& request;
    pugi::xml_node request_body;   ///< the first element of the request Body (the wrapper), may be empty
    soap::message& reply;          ///< append the reply content to reply.body()
    std::string const& identity;   ///< the authenticated client ("" = anonymous), e.g. its certificate subject
};

using operation_handler = std::function<void(operation_context&)>;

struct operation {
    std::string name;
    std::string action;
    std::string reply_action;
    bool one_way = false;
    operation_handler handler;
};

/// WCF's action for operation `op` of contract `name` in namespace `ns`.
[[nodiscard]] inline std::string action_for(std::string_view ns, std::string_view contract, std::string_view op) {
    std::string a(ns);
    if (a.empty() || a.back() != '/') a += '/';
    a += contract;
    a += '/';
    a += op;
    return a;
}

namespace detail {

template <class F>
struct callable_traits : callable_traits<decltype(&F::operator())> {};
template <class R, class... A>
struct callable_traits<R (*)(A...)> {
    using result = R;
    using args = std::tuple<std::decay_t<A>...>;
};
template <class C, class R, class... A>
struct callable_traits<R (C::*)(A...) const> : callable_traits<R (*)(A...)> {};
template <class C, class R, class... A>
struct callable_traits<R (C::*)(A...)> : callable_traits<R (*)(A...)> {};

/// Reads the wrapper's parameters as WCF's DataContractSerializerOperationFormatter does: in order,
/// each taken when the next element has its name (a parameter that is absent keeps its default).
template <class Tuple, std::size_t... I>
void read_parameters(pugi::xml_node wrapper, std::string_view ns, std::string_view op, std::vector<std::string> const& names,
                     Tuple& args, std::index_sequence<I...>) {
    pugi::xml_node cursor = soap::xml::first_element(wrapper);
    auto one = [&](auto& slot, std::size_t i) {
        if (!cursor || soap::xml::local_name(cursor) != names[i] || soap::xml::namespace_of(cursor) != ns) return;
        std::string why;
        auto v = soap::read_value<std::decay_t<decltype(slot)>>(cursor, &why);
        if (!v)
            throw fault_exception(soap::deserialization_failed(
                ns, names[i], "The InnerException message was '" + why + "'.  Please see InnerException for more details."));
        slot = std::move(*v);
        cursor = soap::xml::next_element(cursor);
    };
    (one(std::get<I>(args), I), ...);
    (void)one;
    (void)op;
}

} // namespace detail

class service_contract {
public:
    explicit service_contract(std::string name, std::string ns = "http://tempuri.org/")
        : name_(std::move(name)), ns_(std::move(ns)) {}

    [[nodiscard]] std::string const& name() const noexcept { return name_; }
    [[nodiscard]] std::string const& ns() const noexcept { return ns_; }
    [[nodiscard]] std::string action_of(std::string_view op) const { return action_for(ns_, name_, op); }

    /// A raw request-reply operation (reply action: `action` + "Response").
    service_contract& add_raw(std::string op, operation_handler h) {
        auto action = action_of(op);
        return add_raw_action(std::move(op), action, action + "Response", std::move(h), false);
    }
    /// A raw operation with explicit actions.
    service_contract& add_raw_action(std::string op, std::string action, std::string reply_action, operation_handler h,
                                     bool one_way) {
        operations_.push_back({std::move(op), std::move(action), std::move(reply_action), one_way, std::move(h)});
        return *this;
    }

    /// A typed request-reply operation: `f`'s parameters and result are DataContract primitives
    /// (result may be void), read from and written to WCF's wrapper elements.
    template <class F>
    service_contract& add(std::string op, std::initializer_list<std::string_view> parameter_names, F f) {
        return add_typed(std::move(op), parameter_names, std::move(f), false);
    }
    /// A typed one-way operation (IsOneWay=true): no reply; the client gets HTTP 202.
    template <class F>
    service_contract& add_one_way(std::string op, std::initializer_list<std::string_view> parameter_names, F f) {
        return add_typed(std::move(op), parameter_names, std::move(f), true);
    }

    [[nodiscard]] operation const* find(std::string_view action) const noexcept {
        for (auto const& o : operations_)
            if (o.action == action) return &o;
        return nullptr;
    }
    [[nodiscard]] std::vector<operation> const& operations() const noexcept { return operations_; }

private:
    template <class F>
    service_contract& add_typed(std::string op, std::initializer_list<std::string_view> parameter_names, F f, bool one_way) {
        using traits = detail::callable_traits<F>;
        using args_t = typename traits::args;
        using result_t = typename traits::result;
        std::vector<std::string> names(parameter_names.begin(), parameter_names.end());
        if (names.size() != std::tuple_size_v<args_t>)
            throw std::invalid_argument("wsbind: operation '" + op + "' has " + std::to_string(std::tuple_size_v<args_t>) +
                                        " parameters but " + std::to_string(names.size()) + " parameter names");
        // The reply's wrapper, written as text: `<opResponse xmlns="ns">` ... `</opResponse>`.
        std::string reply_open = "<" + op + "Response xmlns=\"" + soap::xml::escaped(ns_) + "\"";
        std::string reply_close = "</" + op + "Response>";
        auto handler = [f = std::move(f), names, op, ns = ns_, reply_open = std::move(reply_open),
                        reply_close = std::move(reply_close), result_name = op + "Result"](operation_context& ctx) mutable {
            auto const wrapper = ctx.request_body;
            if (!wrapper || soap::xml::local_name(wrapper) != op || soap::xml::namespace_of(wrapper) != ns) {
                std::string found = wrapper ? "element '" + std::string(soap::xml::local_name(wrapper)) + "' from namespace '" +
                                                  std::string(soap::xml::namespace_of(wrapper)) + "'"
                                            : std::string("no element");
                throw fault_exception(soap::deserialization_failed(
                    ns, op, "Expecting element '" + op + "' from namespace '" + ns + "'.. Encountered " + found + "."));
            }
            args_t args{};
            detail::read_parameters(wrapper, ns, op, names, args, std::make_index_sequence<std::tuple_size_v<args_t>>{});
            auto& out = ctx.reply.body_text();
            if constexpr (std::is_void_v<result_t>) {
                std::apply(f, std::move(args));
                out += reply_open;
                out += "/>";
            } else {
                auto r = std::apply(f, std::move(args));
                out.reserve(out.size() + reply_open.size() + reply_close.size() + soap::text_size_hint(r) + 2 * result_name.size());
                out += reply_open;
                out += '>';
                soap::append_value(out, result_name, r);
                out += reply_close;
            }
        };
        auto action = action_of(op);
        return add_raw_action(std::move(op), action, action + "Response", std::move(handler), one_way);
    }

    std::string name_;
    std::string ns_;
    std::vector<operation> operations_;
};

} // namespace wsbind

#endif
