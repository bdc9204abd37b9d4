#pragma once
// std::visit over a set of lambdas: Overloaded{[](const A&) {...}, [](const B&) {...}}.

namespace lotstation::station {

template <class... Ts> struct Overloaded : Ts... {
    using Ts::operator()...;
};

} // namespace lotstation::station
