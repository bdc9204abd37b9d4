#pragma once
// std::expected for the fuzz build only.
//
// Fuzzing needs clang (libFuzzer's coverage instrumentation), and Debian 12's clang 14 cannot compile
// libstdc++ 12's <expected>: that header needs conditionally trivial special members (P0848), which clang
// supports from version 16 on, so with clang 14 <expected> is silently empty. The fuzz build force-includes
// this header (-include) ahead of every source; it supplies the subset of std::expected the project uses,
// with the standard's names and semantics, and does nothing wherever the library already has std::expected
// (g++, newer clang). The regular build never sees it.
#include <version>

#if !defined(__cpp_lib_expected)
#include <exception>
#include <functional>
#include <initializer_list>
#include <optional>
#include <type_traits>
#include <utility>
#include <variant>

namespace std {

template <class E> class unexpected {
  public:
    template <class G = E>
    requires(!is_same_v<remove_cvref_t<G>, unexpected> && !is_same_v<remove_cvref_t<G>, in_place_t> &&
             is_constructible_v<E, G>) constexpr explicit unexpected(G&& error)
        : m_error(std::forward<G>(error)) {}
    template <class... Args>
    constexpr explicit unexpected(in_place_t, Args&&... args) : m_error(std::forward<Args>(args)...) {}

    constexpr const E& error() const& noexcept { return m_error; }
    constexpr E& error() & noexcept { return m_error; }
    constexpr E&& error() && noexcept { return std::move(m_error); }
    constexpr const E&& error() const&& noexcept { return std::move(m_error); }

    template <class G> friend constexpr bool operator==(const unexpected& a, const unexpected<G>& b) {
        return a.error() == b.error();
    }

  private:
    E m_error;
};
template <class E> unexpected(E) -> unexpected<E>;

struct unexpect_t {
    explicit unexpect_t() = default;
};
inline constexpr unexpect_t unexpect{};

template <class E> class bad_expected_access;
template <> class bad_expected_access<void> : public exception {
  public:
    const char* what() const noexcept override {
        return "bad access to std::expected without expected value";
    }
};
template <class E> class bad_expected_access : public bad_expected_access<void> {
  public:
    explicit bad_expected_access(E error) : m_error(std::move(error)) {}
    const E& error() const& noexcept { return m_error; }

  private:
    E m_error;
};

template <class T, class E> class expected;

namespace expected_compat {
template <class T> struct is_expected : false_type {};
template <class T, class E> struct is_expected<expected<T, E>> : true_type {};
template <class T> struct is_unexpected : false_type {};
template <class E> struct is_unexpected<unexpected<E>> : true_type {};
} // namespace expected_compat

template <class T, class E> class expected {
  public:
    using value_type = T;
    using error_type = E;
    using unexpected_type = unexpected<E>;
    template <class U> using rebind = expected<U, error_type>;

    constexpr expected() requires is_default_constructible_v<T> : m_state(in_place_index<0>) {}
    constexpr expected(const expected&) = default;
    constexpr expected(expected&&) = default;
    constexpr expected& operator=(const expected&) = default;
    constexpr expected& operator=(expected&&) = default;

    template <class U = T>
    requires(!is_same_v<remove_cvref_t<U>, in_place_t> && !is_same_v<remove_cvref_t<U>, expected> &&
             !expected_compat::is_unexpected<remove_cvref_t<U>>::value &&
             is_constructible_v<T, U>) constexpr explicit(!is_convertible_v<U, T>) expected(U&& value)
        : m_state(in_place_index<0>, std::forward<U>(value)) {}

    template <class U, class G>
    requires(is_constructible_v<T, const U&>&& is_constructible_v<E, const G&> &&
             !is_same_v<T, U>) constexpr expected(const expected<U, G>& other)
        : m_state(other ? state(in_place_index<0>, *other) : state(in_place_index<1>, other.error())) {}

    template <class G>
    requires is_constructible_v<E, const G&>
    constexpr expected(const unexpected<G>& error) : m_state(in_place_index<1>, error.error()) {}
    template <class G>
    requires is_constructible_v<E, G>
    constexpr expected(unexpected<G>&& error) : m_state(in_place_index<1>, std::move(error).error()) {}

    template <class... Args>
    constexpr explicit expected(in_place_t, Args&&... args)
        : m_state(in_place_index<0>, std::forward<Args>(args)...) {}
    template <class... Args>
    constexpr explicit expected(unexpect_t, Args&&... args)
        : m_state(in_place_index<1>, std::forward<Args>(args)...) {}

    template <class G> constexpr expected& operator=(const unexpected<G>& error) {
        m_state.template emplace<1>(error.error());
        return *this;
    }
    template <class G> constexpr expected& operator=(unexpected<G>&& error) {
        m_state.template emplace<1>(std::move(error).error());
        return *this;
    }
    template <class U = T>
    requires(!is_same_v<remove_cvref_t<U>, expected> &&
             !expected_compat::is_unexpected<remove_cvref_t<U>>::value &&
             is_constructible_v<T, U>) constexpr expected&
    operator=(U&& value) {
        m_state.template emplace<0>(std::forward<U>(value));
        return *this;
    }
    template <class... Args> constexpr T& emplace(Args&&... args) {
        return m_state.template emplace<0>(std::forward<Args>(args)...);
    }

    constexpr bool has_value() const noexcept { return m_state.index() == 0; }
    constexpr explicit operator bool() const noexcept { return has_value(); }

    constexpr T* operator->() noexcept { return std::get_if<0>(&m_state); }
    constexpr const T* operator->() const noexcept { return std::get_if<0>(&m_state); }
    constexpr T& operator*() & noexcept { return *std::get_if<0>(&m_state); }
    constexpr const T& operator*() const& noexcept { return *std::get_if<0>(&m_state); }
    constexpr T&& operator*() && noexcept { return std::move(*std::get_if<0>(&m_state)); }
    constexpr const T&& operator*() const&& noexcept { return std::move(*std::get_if<0>(&m_state)); }

    constexpr T& value() & { return checked(), **this; }
    constexpr const T& value() const& { return checked(), **this; }
    constexpr T&& value() && { return checked(), std::move(**this); }

    constexpr E& error() & noexcept { return *std::get_if<1>(&m_state); }
    constexpr const E& error() const& noexcept { return *std::get_if<1>(&m_state); }
    constexpr E&& error() && noexcept { return std::move(*std::get_if<1>(&m_state)); }

    template <class U> constexpr T value_or(U&& fallback) const& {
        return has_value() ? **this : static_cast<T>(std::forward<U>(fallback));
    }
    template <class U> constexpr T value_or(U&& fallback) && {
        return has_value() ? std::move(**this) : static_cast<T>(std::forward<U>(fallback));
    }

    template <class F> constexpr auto and_then(F&& f) const& {
        using R = remove_cvref_t<invoke_result_t<F, const T&>>;
        return has_value() ? std::invoke(std::forward<F>(f), **this) : R(unexpect, error());
    }
    template <class F> constexpr auto transform(F&& f) const& {
        using U = remove_cv_t<invoke_result_t<F, const T&>>;
        if (!has_value()) return expected<U, E>(unexpect, error());
        if constexpr (is_void_v<U>) {
            std::invoke(std::forward<F>(f), **this);
            return expected<U, E>();
        } else {
            return expected<U, E>(in_place, std::invoke(std::forward<F>(f), **this));
        }
    }
    template <class F> constexpr auto or_else(F&& f) const& {
        return has_value() ? expected(**this) : std::invoke(std::forward<F>(f), error());
    }
    template <class F> constexpr auto transform_error(F&& f) const& {
        using G = remove_cv_t<invoke_result_t<F, const E&>>;
        return has_value() ? expected<T, G>(in_place, **this)
                           : expected<T, G>(unexpect, std::invoke(std::forward<F>(f), error()));
    }

    template <class T2, class E2>
    friend constexpr bool operator==(const expected& a, const expected<T2, E2>& b) {
        if (a.has_value() != b.has_value()) return false;
        return a.has_value() ? *a == *b : a.error() == b.error();
    }
    template <class U>
    requires(!expected_compat::is_expected<U>::value) friend constexpr bool operator==(const expected& a,
                                                                                       const U& value) {
        return a.has_value() && *a == value;
    }
    template <class G> friend constexpr bool operator==(const expected& a, const unexpected<G>& error) {
        return !a.has_value() && a.error() == error.error();
    }

  private:
    using state = variant<T, E>;
    constexpr void checked() const {
        if (!has_value()) throw bad_expected_access<E>(error());
    }
    state m_state;
};

template <class E> class expected<void, E> {
  public:
    using value_type = void;
    using error_type = E;
    using unexpected_type = unexpected<E>;

    constexpr expected() noexcept = default;
    template <class G>
    requires is_constructible_v<E, const G&>
    constexpr expected(const unexpected<G>& error) : m_error(in_place, error.error()) {}
    template <class G>
    requires is_constructible_v<E, G>
    constexpr expected(unexpected<G>&& error) : m_error(in_place, std::move(error).error()) {}
    constexpr explicit expected(in_place_t) noexcept {}
    template <class... Args>
    constexpr explicit expected(unexpect_t, Args&&... args)
        : m_error(in_place, std::forward<Args>(args)...) {}

    constexpr bool has_value() const noexcept { return !m_error.has_value(); }
    constexpr explicit operator bool() const noexcept { return has_value(); }
    constexpr void operator*() const noexcept {}
    constexpr void value() const {
        if (!has_value()) throw bad_expected_access<E>(*m_error);
    }
    constexpr void emplace() noexcept { m_error.reset(); }
    constexpr E& error() & noexcept { return *m_error; }
    constexpr const E& error() const& noexcept { return *m_error; }
    constexpr E&& error() && noexcept { return std::move(*m_error); }

    template <class F> constexpr auto and_then(F&& f) const& {
        using R = remove_cvref_t<invoke_result_t<F>>;
        return has_value() ? std::invoke(std::forward<F>(f)) : R(unexpect, error());
    }
    template <class F> constexpr auto transform(F&& f) const& {
        using U = remove_cv_t<invoke_result_t<F>>;
        if (!has_value()) return expected<U, E>(unexpect, error());
        if constexpr (is_void_v<U>) {
            std::invoke(std::forward<F>(f));
            return expected<U, E>();
        } else {
            return expected<U, E>(in_place, std::invoke(std::forward<F>(f)));
        }
    }

    template <class G> friend constexpr bool operator==(const expected& a, const unexpected<G>& error) {
        return !a.has_value() && a.error() == error.error();
    }

  private:
    optional<E> m_error;
};

} // namespace std
#endif
