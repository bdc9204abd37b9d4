#pragma once
// The workflows the station runs, registered once (StationFlows below), and the machinery that routes each
// flow's own steps to it by type. A flow class F offers:
//   using Intent = std::variant<its steps...>;   using State = its state;
//   FlowOutcome apply(const Intent&, const FlowContext&);   const State& state() const;
//   a constructor from (storage::Ledger&) or from (const FlowDeps&);
// and, when it runs a screen of its own, derives from ScreenFlow (screen_flow.hpp).
// Adding a workflow: its flow, its view (an overload of drawFlowBody in the host), and one line below.
#include "lotstation/station/workflows/costs_flow.hpp"
#include "lotstation/station/workflows/count_flow.hpp"
#include "lotstation/station/workflows/labels_flow.hpp"
#include "lotstation/station/workflows/login_flow.hpp"
#include "lotstation/station/workflows/lookup_flow.hpp"
#include "lotstation/station/workflows/move_flow.hpp"
#include "lotstation/station/workflows/produce_flow.hpp"
#include "lotstation/station/workflows/quality_flow.hpp"
#include "lotstation/station/workflows/recall_flow.hpp"
#include "lotstation/station/workflows/records_flow.hpp"
#include "lotstation/station/workflows/receive_flow.hpp"
#include "lotstation/station/workflows/settings_flow.hpp"
#include "lotstation/station/workflows/setup_flow.hpp"
#include "lotstation/station/workflows/ship_flow.hpp"
#include "lotstation/station/workflows/stock_flow.hpp"

#include <concepts>
#include <optional>
#include <tuple>
#include <type_traits>
#include <variant>

namespace lotstation::station {

namespace detail {
template <class T, class Variant> struct HoldsAlternative : std::false_type {};
template <class T, class... Us>
struct HoldsAlternative<T, std::variant<Us...>> : std::bool_constant<(std::is_same_v<T, Us> || ...)> {};

// The first of Flows whose Intent holds the step S.
template <class S, class F, class... Rest> struct FlowOwning {
    using type = std::conditional_t<HoldsAlternative<S, typename F::Intent>::value, F,
                                    typename FlowOwning<S, Rest...>::type>;
};
template <class S, class F> struct FlowOwning<S, F> {
    using type = F;
};
// The one of Flows whose Intent is FlowIntent.
template <class FlowIntent, class F, class... Rest> struct FlowWithIntent {
    using type = std::conditional_t<std::is_same_v<FlowIntent, typename F::Intent>, F,
                                    typename FlowWithIntent<FlowIntent, Rest...>::type>;
};
template <class FlowIntent, class F> struct FlowWithIntent<FlowIntent, F> {
    using type = F;
};
} // namespace detail

template <class... Flows> class FlowSet {
  public:
    // One step of any registered flow; which flow it belongs to is its type.
    using Step = std::variant<typename Flows::Intent...>;

    // True when S is a step of exactly one registered flow.
    template <class S>
    static constexpr bool isStep = (detail::HoldsAlternative<S, typename Flows::Intent>::value + ... + 0) == 1;

    // The flow whose steps include S.
    template <class S> using OwnerOf = typename detail::FlowOwning<S, Flows...>::type;

    template <class S>
        requires isStep<S>
    [[nodiscard]] static Step step(S step) {
        return Step{typename OwnerOf<S>::Intent{std::move(step)}};
    }

    explicit FlowSet(const FlowDeps& deps) { (build(std::get<std::optional<Flows>>(m_flows), deps), ...); }
    FlowSet() = default; // no ledger: no flows

    // Sends the step to its flow; quiet when the station runs without a ledger.
    FlowOutcome apply(const Step& step, const FlowContext& context) {
        return std::visit(
            [&]<class FlowIntent>(const FlowIntent& intent) {
                auto& flow = flowFor<FlowIntent>();
                return flow ? flow->apply(intent, context) : FlowOutcome::quiet();
            },
            step);
    }

    template <class F> [[nodiscard]] F* get() {
        auto& flow = std::get<std::optional<F>>(m_flows);
        return flow ? &*flow : nullptr;
    }
    template <class F> [[nodiscard]] const F* get() const {
        const auto& flow = std::get<std::optional<F>>(m_flows);
        return flow ? &*flow : nullptr;
    }

    // Calls fn(flow) for every flow that runs a screen of its own.
    template <class Fn> void forEachScreenFlow(Fn&& fn) {
        (visitScreenFlow(std::get<std::optional<Flows>>(m_flows), fn), ...);
    }
    template <class Fn> void forEachScreenFlow(Fn&& fn) const {
        (visitScreenFlow(std::get<std::optional<Flows>>(m_flows), fn), ...);
    }

    [[nodiscard]] ScreenFlow* flowOn(Screen screen) {
        ScreenFlow* found = nullptr;
        forEachScreenFlow([&](ScreenFlow& flow) {
            if (flow.screen() == screen) found = &flow;
        });
        return found;
    }

    // Calls fn(flow) with the concrete flow of the screen (for the views); false when no flow runs it.
    template <class Fn> bool visitScreen(Screen screen, Fn&& fn) const {
        bool found = false;
        auto one = [&]<class F>(const std::optional<F>& flow) {
            if constexpr (std::derived_from<F, ScreenFlow>) {
                if (!found && flow && flow->screen() == screen) {
                    found = true;
                    fn(*flow);
                }
            }
        };
        (one(std::get<std::optional<Flows>>(m_flows)), ...);
        return found;
    }

  private:
    template <class FlowIntent> auto& flowFor() {
        return std::get<std::optional<typename detail::FlowWithIntent<FlowIntent, Flows...>::type>>(m_flows);
    }

    template <class F> static void build(std::optional<F>& flow, const FlowDeps& deps) {
        if constexpr (std::is_constructible_v<F, const FlowDeps&>)
            flow.emplace(deps);
        else
            flow.emplace(deps.ledger);
    }

    template <class F, class Fn> static void visitScreenFlow(std::optional<F>& flow, Fn& fn) {
        if constexpr (std::derived_from<F, ScreenFlow>)
            if (flow) fn(static_cast<ScreenFlow&>(*flow));
    }
    template <class F, class Fn> static void visitScreenFlow(const std::optional<F>& flow, Fn& fn) {
        if constexpr (std::derived_from<F, ScreenFlow>)
            if (flow) fn(static_cast<const ScreenFlow&>(*flow));
    }

    std::tuple<std::optional<Flows>...> m_flows;
};

// The registration: every workflow of the station, once.
using StationFlows = FlowSet<LoginFlow, ReceiveFlow, LookupFlow, RecallFlow, StockFlow, LabelsFlow, SettingsFlow,
                             ProduceFlow, ShipFlow, MoveFlow, CountFlow, QualityFlow, SetupFlow, RecordsFlow,
                             CostsFlow>;

using FlowStep = StationFlows::Step;

template <class S>
concept FlowStepType = StationFlows::isStep<S>;

} // namespace lotstation::station
